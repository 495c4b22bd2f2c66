"""Bilingual input for the checks and for term extraction: segment pairs with ids.

Readers, one per kind of file, all giving a `Bitext`:
- two line-parallel files (`read_parallel`): segment ids are line numbers, from 1;
- TSV (`.tsv`, `.tab`): `transdesk align`'s output (src_ids, tgt_ids, …, src_text,
  tgt_text), a table with a header naming the columns (source/target, src/tgt, or language
  codes such as ru/en, and optionally id), or two columns without a header;
- JSON Lines (`.jsonl`): `transdesk align --format jsonl` (src, tgt, src_ids, tgt_ids) or
  objects with source and target;
- TMX 1.4 (`.tmx`): translation units, source and target by language;
- XLIFF 1.2 (and 1.1) and XLIFF 2.x (`.xlf`, `.xliff`): units with a target; units without
  one are counted as skipped.
XML is read with core.xmlsafe (entities refused, nothing fetched, element by element).
Inline markup keeps its text (`g`, `mrk`, `pc`, `hi`) and drops native codes (`bpt`, `ept`,
`ph`, `it`, `ut`); XLIFF 2 `cp` becomes its character.

An alignment of two documents becomes a Bitext in the command that composes align and
glossary (transdesk.check_cli): this package imports neither align nor score.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import TransdeskError
from lang.codes import base_lang
from readers.files import existing_file

if TYPE_CHECKING:
    from lxml import etree

TABLE_SUFFIXES = (".tsv", ".tab")
XLIFF_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff")
BITEXT_SUFFIXES = (*TABLE_SUFFIXES, ".jsonl", ".tmx", *XLIFF_SUFFIXES)

_SOURCE_NAMES = ("src_text", "source", "src")
_TARGET_NAMES = ("tgt_text", "target", "tgt")


@dataclass(frozen=True, slots=True)
class Segment:
    """One source segment and its translation; `id` is how findings name it."""

    id: str
    source: str
    target: str


@dataclass(frozen=True)
class Bitext:
    """Segment pairs read from one input, with the languages the input names (if any)."""

    segments: tuple[Segment, ...]
    src_lang: str | None = None
    tgt_lang: str | None = None
    origin: str = ""
    skipped: int = 0  # units without a target, left out


def read_bitext(path: str | Path, src_lang: str | None = None,
                tgt_lang: str | None = None) -> Bitext:
    """A bitext file of any supported kind, chosen by its extension."""
    p = existing_file(path)
    suffix = p.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return read_table(p)
    if suffix == ".jsonl":
        return read_jsonl(p)
    if suffix == ".tmx":
        return read_tmx(p, src_lang, tgt_lang)
    if suffix in XLIFF_SUFFIXES:
        return read_xliff(p)
    raise TransdeskError(
        f"{p}: cannot tell a bitext from the extension {suffix or '(none)'}; use "
        f"{', '.join(BITEXT_SUFFIXES)}, or give the source and the target as two files"
    )


def read_parallel(src: str | Path, tgt: str | Path) -> Bitext:
    """Two line-parallel text files: line n of one is the translation of line n of the other."""
    src_lines = _lines(src)
    tgt_lines = _lines(tgt)
    if len(src_lines) != len(tgt_lines):
        raise TransdeskError(
            f"{src} has {len(src_lines)} lines and {tgt} has {len(tgt_lines)}; line-parallel "
            "files need the same number (or let the command align them)"
        )
    return Bitext(
        tuple(Segment(str(n), s, t) for n, (s, t) in enumerate(zip(src_lines, tgt_lines,
                                                                    strict=True), 1)),
        origin=f"{src} + {tgt}",
    )


def line_count(path: str | Path) -> int:
    """Lines of a text file, as `read_parallel` counts them."""
    return len(_lines(path))


def bitext_of(pairs: Iterable[tuple[str, str, str]], src_lang: str | None = None,
              tgt_lang: str | None = None, origin: str = "") -> Bitext:
    """A Bitext from (id, source, target) triples."""
    return Bitext(tuple(Segment(i, s, t) for i, s, t in pairs), src_lang, tgt_lang, origin)


# --- tables ----------------------------------------------------------------------------


def read_table(path: str | Path) -> Bitext:
    """A TSV bitext: align's output, a table with a header, or two bare columns."""
    from readers import read_text

    p = Path(path)
    rows = [line.split("\t") for line in read_text(p).split("\n")]
    while rows and rows[-1] == [""]:
        rows.pop()
    if not rows:
        raise TransdeskError(f"{p}: the table is empty")
    header = [cell.strip().lower() for cell in rows[0]]
    src_col, tgt_col, src_lang, tgt_lang = _columns(header)
    if src_col is None or tgt_col is None:
        if len(header) < 2:
            raise TransdeskError(f"{p}: a bitext table needs a source and a target column")
        body, src_col, tgt_col, number_from = rows, 0, 1, 1
        ids = None
    else:
        body, number_from = rows[1:], 2
        ids = _id_columns(header)
    segments = []
    width = max(src_col, tgt_col) + 1
    for n, row in enumerate(body, number_from):
        if row == [""]:
            continue
        if len(row) < width:
            raise TransdeskError(f"{p}:{n}: expected at least {width} tab-separated columns, "
                                 f"found {len(row)}")
        segments.append(Segment(_row_id(row, ids, n), row[src_col], row[tgt_col]))
    return Bitext(tuple(segments), src_lang, tgt_lang, str(p))


def _columns(header: Sequence[str]) -> tuple[int | None, int | None, str | None, str | None]:
    """Which columns hold source and target, and the languages a header of codes names."""
    src = next((header.index(n) for n in _SOURCE_NAMES if n in header), None)
    tgt = next((header.index(n) for n in _TARGET_NAMES if n in header), None)
    if src is not None and tgt is not None:
        return src, tgt, None, None
    from lang.codes import ISO_639_1

    # "id" names the id column here, not Indonesian.
    codes = [i for i, cell in enumerate(header) if cell in ISO_639_1 and cell != "id"]
    if len(codes) == 2:
        return codes[0], codes[1], header[codes[0]], header[codes[1]]
    return None, None, None, None


def _id_columns(header: Sequence[str]) -> tuple[int, ...] | int | None:
    if "src_ids" in header and "tgt_ids" in header:
        return header.index("src_ids"), header.index("tgt_ids")
    if "id" in header:
        return header.index("id")
    return None


def _row_id(row: Sequence[str], ids: tuple[int, ...] | int | None, line: int) -> str:
    if ids is None:
        return str(line)
    if isinstance(ids, int):
        return row[ids] or str(line)
    return bead_id(_ints(row[ids[0]]), _ints(row[ids[1]]))


def bead_id(src: Sequence[int], tgt: Sequence[int]) -> str:
    """A bead named as vecalign writes it: "[3, 4]:[3]"."""
    return f"[{', '.join(map(str, src))}]:[{', '.join(map(str, tgt))}]"


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.replace(" ", "").split(",") if x]


def read_jsonl(path: str | Path) -> Bitext:
    """JSON Lines: align's objects (src, tgt, src_ids, tgt_ids) or source/target objects."""
    from readers import read_text

    p = Path(path)
    segments = []
    for n, line in enumerate(read_text(p).split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TransdeskError(f"{p}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise TransdeskError(f"{p}:{n}: expected a JSON object a line")
        src = next((obj[k] for k in ("src", "source", "src_text") if k in obj), None)
        tgt = next((obj[k] for k in ("tgt", "target", "tgt_text") if k in obj), None)
        if not isinstance(src, str) or not isinstance(tgt, str):
            raise TransdeskError(f"{p}:{n}: needs string fields src and tgt "
                                 "(or source and target)")
        if "src_ids" in obj and "tgt_ids" in obj:
            seg_id = bead_id(obj["src_ids"], obj["tgt_ids"])
        else:
            seg_id = str(obj.get("id", n))
        segments.append(Segment(seg_id, src, tgt))
    return Bitext(tuple(segments), origin=str(p))


# --- TMX -------------------------------------------------------------------------------


def read_tmx(path: str | Path, src_lang: str | None = None,
             tgt_lang: str | None = None) -> Bitext:
    """Translation units of a TMX file; the source language is the header's srclang unless
    given, the target the other language of the units unless given."""
    from readers.tmx import read_tmx as read_units

    p = Path(path)
    tmx = read_units(p)
    source = base_lang(src_lang) if src_lang else tmx.srclang
    langs = set(tmx.languages)
    if source is None:
        raise TransdeskError(f"{p}: the header names no source language; give --src-lang")
    target = base_lang(tgt_lang) if tgt_lang else None
    if target is None:
        others = sorted(langs - {source})
        if len(others) != 1:
            raise TransdeskError(
                f"{p}: the units hold {', '.join(others) or 'no other language'} besides "
                f"{source}; give --tgt-lang"
            )
        target = others[0]
    segments = []
    skipped = 0
    for unit in tmx.units:
        if source in unit.variants and target in unit.variants:
            segments.append(Segment(unit.id, unit.variants[source], unit.variants[target]))
        else:
            skipped += 1
    return Bitext(tuple(segments), source, target, str(p), skipped)


# --- XLIFF -----------------------------------------------------------------------------


def read_xliff(path: str | Path) -> Bitext:
    """Units with a target of an XLIFF 1.2 (1.1) or 2.x file."""
    from core.xmlsafe import SafeXmlStream, local_name, release

    p = Path(path)
    stream = SafeXmlStream(p, ("{*}trans-unit", "{*}unit"), kind="XLIFF file")
    segments: list[Segment] = []
    skipped = 0
    src_lang = tgt_lang = None
    for element in stream:
        root = stream.root
        assert root is not None  # set before the first element is handed over
        if local_name(root.tag) != "xliff":
            raise TransdeskError(f"{p}: not an XLIFF file (root element <{local_name(root.tag)}>)")
        if local_name(element.tag) == "trans-unit":  # XLIFF 1.x
            if src_lang is None:
                file = _ancestor(element, "file")
                if file is not None:
                    src_lang = file.get("source-language")
                    tgt_lang = file.get("target-language")
            pair = _v1_unit(element)
            if pair is None:
                skipped += 1
            else:
                segments.append(Segment(element.get("id") or str(len(segments) + 1), *pair))
        elif local_name(element.tag) == "unit" and _is_v2(root):
            src_lang = src_lang or root.get("srcLang")
            tgt_lang = tgt_lang or root.get("trgLang")
            found, missing = _v2_unit(element)
            segments.extend(found)
            skipped += missing
        release(element)
    if stream.root is not None and local_name(stream.root.tag) != "xliff":
        raise TransdeskError(f"{p}: not an XLIFF file (root element "
                             f"<{local_name(stream.root.tag)}>)")
    if stream.root is not None and _is_v2(stream.root):
        src_lang = src_lang or stream.root.get("srcLang")
        tgt_lang = tgt_lang or stream.root.get("trgLang")
    return Bitext(tuple(segments), base_lang(src_lang) if src_lang else None,
                  base_lang(tgt_lang) if tgt_lang else None, str(p), skipped)


def _is_v2(root: etree._Element) -> bool:
    return (root.get("version") or "").startswith("2") or "document:2." in str(root.tag)


def _v1_unit(unit: etree._Element) -> tuple[str, str] | None:
    from core.xmlsafe import inline_text, local_name

    source = target = None
    for child in unit:
        name = local_name(child.tag)
        if name == "source" and source is None:
            source = inline_text(child)
        elif name == "target" and target is None:
            target = inline_text(child)
    if source is None or target is None or not target.strip():
        return None
    return source, target


def _v2_unit(unit: etree._Element) -> tuple[list[Segment], int]:
    from core.xmlsafe import inline_text, local_name

    segs = [c for c in unit if local_name(c.tag) == "segment"]
    found: list[Segment] = []
    missing = 0
    for n, seg in enumerate(segs, 1):
        source = next((c for c in seg if local_name(c.tag) == "source"), None)
        target = next((c for c in seg if local_name(c.tag) == "target"), None)
        if source is None or target is None or not inline_text(target).strip():
            missing += 1
            continue
        uid = unit.get("id") or "?"
        seg_id = seg.get("id")
        name = f"{uid}/{seg_id}" if seg_id else (f"{uid}#{n}" if len(segs) > 1 else uid)
        found.append(Segment(name, inline_text(source), inline_text(target)))
    return found, missing


def _ancestor(element: etree._Element, name: str) -> etree._Element | None:
    from core.xmlsafe import local_name

    node = element.getparent()
    while node is not None and local_name(node.tag) != name:
        node = node.getparent()
    return node


# --- helpers ---------------------------------------------------------------------------


def _lines(path: str | Path) -> list[str]:
    from readers import read_text

    text = read_text(existing_file(path))
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
