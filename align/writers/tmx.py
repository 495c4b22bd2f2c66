"""TMX 1.4: translation units for a translation memory, one per bead with text on both sides."""

from __future__ import annotations

from lxml import etree

from align.model import Alignment
from align.writers._common import Row, ids_text, rows, score_text, xml_safe
from core.document import Document

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def write(
    alignment: Alignment, src_doc: Document, tgt_doc: Document, *, low_confidence: float
) -> str:
    """A TMX 1.4 document (UTF-8 text) with score and low-confidence props on every unit."""
    tmx = etree.Element("tmx", version="1.4")
    etree.SubElement(tmx, "header", {
        "creationtool": "transdesk",
        "creationtoolversion": _version(),
        "segtype": "sentence",
        # o-tmf names the format the memory came from; ours is an alignment, not a TM tool.
        "o-tmf": "transdesk",
        "adminlang": "en",
        "srclang": src_doc.lang,
        "datatype": "plaintext",
    })
    body = etree.SubElement(tmx, "body")
    all_rows = rows(alignment, src_doc, tgt_doc, low_confidence)
    # A 1:0 or 0:1 bead pairs a sentence with nothing: a translation memory has no use for
    # it (TMX wants a variant per language), so such beads are left out and counted here.
    one_sided = sum(1 for r in all_rows if not r.src_ids or not r.tgt_ids)
    if one_sided:
        body.append(etree.Comment(
            f" {one_sided} bead(s) with no sentence on one side (1:0 or 0:1) are not "
            "translation units and are left out "
        ))
    for index, r in enumerate(all_rows):
        if r.src_ids and r.tgt_ids:
            body.append(_unit(index, r, src_doc.lang, tgt_doc.lang))
    text = etree.tostring(tmx, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + text


def _unit(index: int, r: Row, src_lang: str, tgt_lang: str) -> etree._Element:
    sub = etree.SubElement
    tu = etree.Element("tu", tuid=str(index + 1))
    sub(tu, "prop", type="x-score").text = score_text(r.score)
    sub(tu, "prop", type="x-low-confidence").text = "yes" if r.low else "no"
    sub(tu, "prop", type="x-src-ids").text = ids_text(r.src_ids)
    sub(tu, "prop", type="x-tgt-ids").text = ids_text(r.tgt_ids)
    for lang, text in ((src_lang, r.src), (tgt_lang, r.tgt)):
        tuv = sub(tu, "tuv", {_XML_LANG: lang})
        sub(tuv, "seg").text = xml_safe(text)
    return tu


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("transdesk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"
