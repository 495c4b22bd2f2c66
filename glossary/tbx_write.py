"""Writing the canonical glossary file: TBX v3, TBX-Basic dialect, DCA style.

The output is deterministic so that a change to the glossary shows as a small diff: UTF-8,
the XML declaration and the two `xml-model` lines of the TBX-Basic schemas, two-space
indentation, one element a line, concepts in natural order of their ids, languages and terms
in the order the model holds them, a final newline. A file this module wrote reads back and
writes again byte for byte.

What TBX-Basic has no data category for is said in notes that read as plain English and
that the reader recognises (see corpora/README.md for the first):
- forbidden: `administrativeStatus` deprecatedTerm-admn-sts and a note "forbidden: <why>";
- case sensitivity: a note "case: sensitive" (insensitive is the default and is not written);
- match mode: a note "match: exact" or "match: pattern <regular expression>" (inflecting is
  the default and is not written);
- desk settings: `<p type="transdesk-setting">key = value</p>` in the header's encodingDesc.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from core.errors import TransdeskError
from glossary.model import Concept, Extra, MatchMode, Status, Term, Termbase, id_key
from glossary.tbx_read import (
    ADMIN_STATUS,
    CASE_NOTE,
    EXACT_NOTE,
    FORBIDDEN_NOTE,
    INLINE_TAGS,
    PATTERN_NOTE,
    SETTING_TYPE,
    STATUS_VALUES,
    TBX_NS,
)

PROLOG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/'
    'TBXcoreStructV03.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/'
    'DCA/TBX-Basic_DCA.sch" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
)

_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TERMNOTE_TAGS = frozenset({"termNote", "termNoteGrp"})
_XML_PREFIX = "xml:"


def write_tbx(termbase: Termbase) -> str:
    """The termbase as the text of a TBX-Basic DCA file."""
    out: list[str] = [PROLOG]
    out.append(f'<tbx type="TBX-Basic" style="dca" xml:lang="{_attr(termbase.lang)}" '
               f'xmlns="{TBX_NS}">\n')
    out.append("  <tbxHeader>\n")
    for extra in _header_with_settings(termbase):
        _write_extra(extra, 2, out)
    out.append("  </tbxHeader>\n  <text>\n    <body>\n")
    for concept in sorted(termbase.concepts, key=lambda c: id_key(c.id)):
        _write_concept(concept, out)
    out.append("    </body>\n")
    if termbase.back:
        out.append("    <back>\n")
        for extra in termbase.back:
            _write_extra(extra, 3, out)
        out.append("    </back>\n")
    out.append("  </text>\n</tbx>\n")
    text = "".join(out)
    bad = _NOT_XML.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise TransdeskError(
            f"cannot write the glossary: character U+{ord(bad.group()):04X} on line {line} "
            "is not allowed in XML"
        )
    return text


def _header_with_settings(termbase: Termbase) -> tuple[Extra, ...]:
    """The header, with the settings as paragraphs of encodingDesc (made if missing)."""
    values = termbase.settings.values
    if not values:
        return termbase.header
    paragraphs = tuple(Extra("p", (("type", SETTING_TYPE),), f"{key} = {value}")
                       for key, value in values)
    header = list(termbase.header)
    for i, extra in enumerate(header):
        if extra.tag == "encodingDesc":
            header[i] = Extra(extra.tag, extra.attrs, extra.text, extra.children + paragraphs)
            return tuple(header)
    at = next((i + 1 for i, x in enumerate(header) if x.tag == "fileDesc"), 0)
    header.insert(at, Extra("encodingDesc", children=paragraphs))
    return tuple(header)


def _write_concept(concept: Concept, out: list[str]) -> None:
    add = out.append
    add(f'      <conceptEntry id="{_attr(concept.id)}">\n')
    if concept.subject is not None:
        add(f'        <descrip type="subjectField">{_text(concept.subject)}</descrip>\n')
    if concept.definition is not None:
        add(f'        <descrip type="definition">{_text(concept.definition)}</descrip>\n')
    if concept.note is not None:
        add(f"        <note>{_text(concept.note)}</note>\n")
    _write_dates(concept.created, concept.modified, "        ", out)
    for extra in concept.extras:
        _write_extra(extra, 4, out)
    lang_extras = dict(concept.lang_extras)
    written = set()
    for lang, terms in itertools.groupby(concept.terms, key=lambda t: t.lang):
        written.add(lang)
        add(f'        <langSec xml:lang="{_attr(lang)}">\n')
        for extra in lang_extras.get(lang, ()):
            _write_extra(extra, 5, out)
        for term in terms:
            _write_term(concept.id, term, out)
        add("        </langSec>\n")
    for lang, extras in concept.lang_extras:
        if lang not in written:  # a language section with no terms, only other data
            add(f'        <langSec xml:lang="{_attr(lang)}">\n')
            for extra in extras:
                _write_extra(extra, 5, out)
            add("        </langSec>\n")
    add("      </conceptEntry>\n")


def _write_term(concept_id: str, term: Term, out: list[str]) -> None:
    add = out.append
    add("          <termSec>\n")
    add(f"            <term>{_text(term.text)}</term>\n")
    status_value, extras = _status_value(term)
    add(f'            <termNote type="administrativeStatus">{status_value}</termNote>\n')
    if term.part_of_speech is not None:
        add(f'            <termNote type="partOfSpeech">{_text(term.part_of_speech)}</termNote>\n')
    if term.term_type is not None:
        add(f'            <termNote type="termType">{_text(term.term_type)}</termNote>\n')
    if term.gender is not None:
        add(f'            <termNote type="grammaticalGender">{_text(term.gender)}</termNote>\n')
    later = []
    for extra in extras:
        if extra.tag in _TERMNOTE_TAGS:
            _write_extra(extra, 6, out)
        else:
            later.append(extra)
    if term.source is not None:
        add(f'            <admin type="source">{_text(term.source)}</admin>\n')
    _write_dates(term.created, term.modified, "            ", out)
    for note in _notes(concept_id, term):
        add(f"            <note>{_text(note)}</note>\n")
    for extra in later:
        _write_extra(extra, 6, out)
    add("          </termSec>\n")


def _status_value(term: Term) -> tuple[str, tuple[Extra, ...]]:
    """The administrativeStatus to write, and the extras left to write.

    A status value read from a file that the model folds into another status (superseded
    into deprecated) is kept among the extras and written back while the status is the same;
    once the status changes it is stale and dropped.
    """
    value = STATUS_VALUES[term.status]
    kept = []
    for extra in term.extras:
        if extra.tag == "termNote" and extra.attrs == (("type", "administrativeStatus"),) and (
            not extra.children and extra.text in ADMIN_STATUS
        ):
            if ADMIN_STATUS[extra.text] is term.status and term.status is not Status.FORBIDDEN:
                value = extra.text
            continue
        kept.append(extra)
    return value, tuple(kept)


def _notes(concept_id: str, term: Term) -> list[str]:
    """The term's note and the notes that carry forbidden, match mode and case."""
    notes = []
    if term.status is Status.FORBIDDEN:
        notes.append(f"forbidden: {term.note}" if term.note else "forbidden")
    elif term.note is not None:
        if term.status is Status.DEPRECATED and FORBIDDEN_NOTE.match(term.note):
            raise TransdeskError(
                f"concept {concept_id}: the note of the deprecated term {term.text!r} begins "
                "with 'forbidden', which marks a forbidden term in the file; reword the note "
                "or make the term forbidden"
            )
        notes.append(term.note)
    if term.match is MatchMode.EXACT:
        notes.append(EXACT_NOTE)
    elif term.match is MatchMode.PATTERN:
        notes.append(PATTERN_NOTE + (term.pattern or ""))
    if term.case_sensitive:
        notes.append(CASE_NOTE)
    return notes


def _write_dates(created: date | None, modified: date | None, pad: str, out: list[str]) -> None:
    for kind, when in (("origination", created), ("modification", modified)):
        if when is not None:
            out.append(
                f"{pad}<transacGrp>\n"
                f'{pad}  <transac type="transactionType">{kind}</transac>\n'
                f"{pad}  <date>{when.isoformat()}</date>\n"
                f"{pad}</transacGrp>\n"
            )


def _write_extra(extra: Extra, depth: int, out: list[str]) -> None:
    """An element on its own lines; element-only content indented, anything else inline."""
    pad = "  " * depth
    if extra.children and not extra.text and all(
        not c.tail and c.tag not in INLINE_TAGS for c in extra.children
    ):
        name, attrs = _name_and_attrs(extra)
        out.append(f"{pad}<{name}{attrs}>\n")
        for child in extra.children:
            _write_extra(child, depth + 1, out)
        out.append(f"{pad}</{name}>\n")
    else:
        out.append(pad + _inline(extra) + "\n")


def _inline(extra: Extra) -> str:
    name, attrs = _name_and_attrs(extra)
    if not extra.text and not extra.children:
        return f"<{name}{attrs}/>"
    inner = _text(extra.text) + "".join(_inline(c) + _text(c.tail) for c in extra.children)
    return f"<{name}{attrs}>{inner}</{name}>"


def _name_and_attrs(extra: Extra) -> tuple[str, str]:
    """Tag and attribute text; a foreign namespace gets a prefix declared on the element."""
    declarations: dict[str, str] = {}

    def qualify(clark: str) -> str:
        if not clark.startswith("{"):
            return clark
        namespace, _, local = clark[1:].partition("}")
        prefix = declarations.setdefault(namespace, f"ns{len(declarations)}")
        return f"{prefix}:{local}"

    name = qualify(extra.tag)
    parts = [f' {qualify(k) if not k.startswith(_XML_PREFIX) else k}="{_attr(v)}"'
             for k, v in extra.attrs]
    parts += [f' xmlns:{prefix}="{_attr(ns)}"' for ns, prefix in declarations.items()]
    return name, "".join(parts)


def _text(value: str) -> str:
    return value.translate(_TEXT_ESCAPES)


def _attr(value: str) -> str:
    return value.translate(_ATTR_ESCAPES)
