"""Reading references, drafts and sources from the formats a desk has, into `Segments`.

An input is named `[NAME=]FILE[#FIELD]`:
- plain text (any other suffix): one segment a line;
- `.tsv`, `.csv`, `.xlsx`: a table with a header row; FIELD names the column(s);
- `.jsonl`: one JSON object (or string) a line; FIELD names the key(s);
- `.xml`, `.sgm`: WMT XML (wmt-format-tools' `dataset/collection/doc`, or the older
  `srcset/refset/tstset`): documents, references and systems in one file; FIELD names the
  translator(s) of references or the system(s) of drafts;
- `.tmx`: translation units; FIELD names the language (references, sources).
FIELD may list several names separated by commas. Without FIELD a draft table or WMT file
gives every draft column or system in it; a reference or source file gives the column called
ref/reference (src/source), or its only text column.

Plain text is split as sacrebleu splits it (on "\\n" only, trailing whitespace stripped from
every line), so that scores equal sacrebleu's; only encoding detection is ours. Tables and
JSONL may carry document ids in a column called doc_id, docid, doc or document.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from core.errors import TransdeskError
from readers.files import existing_file

if TYPE_CHECKING:
    from lxml import etree

Role = Literal["ref", "hyp", "src"]

DOC_COLUMNS = ("doc_id", "docid", "doc", "document")
_ROLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "ref": ("ref", "reference", "references", "target", "tgt"),
    "src": ("src", "source"),
}
_XML_SUFFIXES = (".xml", ".sgm")


@dataclass(frozen=True)
class Segments:
    """One stream of segments: a draft, a reference or the source."""

    name: str
    texts: tuple[str, ...]
    doc_ids: tuple[str, ...] | None = None
    origin: str = ""  # where it was read from, for messages

    def __len__(self) -> int:
        return len(self.texts)


@dataclass(frozen=True)
class InputSpec:
    """`[NAME=]FILE[#FIELD]` as the user wrote it."""

    path: Path
    name: str | None = None
    fields: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> InputSpec:
        """Split NAME= and #FIELD off, unless the whole text names an existing file."""
        if Path(text).exists():
            return cls(Path(text))
        name: str | None = None
        rest = text
        if "=" in text:
            head, tail = text.split("=", 1)
            if head and not any(sep in head for sep in "/\\"):
                name, rest = head, tail
        fields: tuple[str, ...] = ()
        if "#" in rest and not Path(rest).exists():
            rest, field_text = rest.rsplit("#", 1)
            fields = tuple(f.strip() for f in field_text.split(",") if f.strip())
        if not rest:
            raise TransdeskError(f"{text!r}: no file named")
        return cls(Path(rest), name, fields)

    def label(self) -> str:
        return str(self.path) + ("#" + ",".join(self.fields) if self.fields else "")


def read_input(spec: InputSpec | str, role: Role, encoding: str | None = None) -> list[Segments]:
    """The segment streams `spec` holds for `role` (several for a WMT file or a wide table)."""
    if isinstance(spec, str):
        spec = InputSpec.parse(spec)
    path = existing_file(spec.path)
    suffix = path.suffix.lower()
    if suffix in _XML_SUFFIXES:
        found = _from_wmt(read_wmt_xml(path), spec, role)
    elif suffix == ".tmx":
        found = [_from_tmx(path, spec, role)]
    elif suffix in (".tsv", ".tab", ".csv", ".xlsx", ".jsonl", ".ndjson"):
        found = _from_table(_read_table(path, suffix, encoding), spec, role)
    else:
        if spec.fields:
            raise TransdeskError(f"{spec.label()}: #FIELD is for tables, JSONL, WMT XML and TMX")
        found = [Segments(spec.name or _default_name(path, role), read_lines(path, encoding),
                          origin=str(path))]
    if spec.name and len(found) == 1:
        found = [_renamed(found[0], spec.name)]
    elif spec.name and role == "hyp":
        raise TransdeskError(
            f"{spec.label()}: holds {len(found)} systems ({', '.join(s.name for s in found)}); "
            "pick one with #SYSTEM to name it"
        )
    for seg in found:
        if not seg.texts:
            raise TransdeskError(f"{seg.origin or path}: no segments")
    return found


def read_lines(path: str | Path, encoding: str | None = None) -> tuple[str, ...]:
    """The lines of a text file as sacrebleu reads them: split on "\\n", right-stripped."""
    text = _decoded(Path(path), encoding)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line opens no new one
    return tuple(line.rstrip() for line in lines)


def read_doc_ids(path: str | Path, encoding: str | None = None) -> tuple[str, ...]:
    """One document id a line (blank lines are refused: every segment needs its document)."""
    ids = read_lines(existing_file(Path(path)), encoding)
    for number, doc in enumerate(ids, 1):
        if not doc.strip():
            raise TransdeskError(f"{path}: line {number} has no document id")
    return tuple(d.strip() for d in ids)


def _decoded(path: Path, encoding: str | None) -> str:
    from readers.decode import decode_bytes

    data = existing_file(path).read_bytes()
    if not data.strip():
        raise TransdeskError(f"{path}: the file is empty")
    return decode_bytes(data, str(path), encoding)


def _default_name(path: Path, role: Role) -> str:
    return {"ref": "ref", "src": "source"}.get(role, path.name)


def _renamed(seg: Segments, name: str) -> Segments:
    return Segments(name, seg.texts, seg.doc_ids, seg.origin)


# --- tables and JSONL --------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    origin: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]


def _read_table(path: Path, suffix: str, encoding: str | None) -> _Table:
    if suffix == ".xlsx":
        return _read_xlsx(path)
    text = _decoded(path, encoding)
    if suffix in (".jsonl", ".ndjson"):
        return _read_jsonl(path, text)
    if suffix == ".csv":
        records = list(csv.reader(io.StringIO(text, newline="")))
    else:
        # TSV without quoting: quotes are ordinary characters in translations.
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        records = [line.rstrip("\r").split("\t") for line in lines]
    if not records:
        raise TransdeskError(f"{path}: the file is empty")
    header = tuple(c.strip() for c in records[0])
    rows: list[tuple[str, ...]] = []
    for number, record in enumerate(records[1:], 2):
        if len(record) != len(header):
            if record == [] or record == [""]:
                raise TransdeskError(f"{path}: line {number} is blank")
            raise TransdeskError(
                f"{path}: line {number} has {len(record)} fields, the header has {len(header)}"
            )
        rows.append(tuple(record))
    return _Table(str(path), header, rows)


def _read_xlsx(path: Path) -> _Table:
    import polars as pl

    try:
        # infer_schema_length=0 reads every cell as text, so "1.50" stays "1.50".
        frame = pl.read_excel(path, sheet_id=1, infer_schema_length=0)
    except Exception as exc:  # fastexcel raises its own types for broken workbooks
        raise TransdeskError(f"{path}: cannot read the workbook ({exc})") from None
    rows = [tuple("" if v is None else str(v) for v in row) for row in frame.iter_rows()]
    return _Table(str(path), tuple(str(c).strip() for c in frame.columns), rows)


def _read_jsonl(path: Path, text: str) -> _Table:
    records: list[dict[str, str]] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TransdeskError(f"{path}: line {number} is not JSON ({exc.msg})") from None
        if isinstance(value, str):
            value = {"text": value}
        if not isinstance(value, dict):
            raise TransdeskError(f"{path}: line {number} is neither an object nor a string")
        records.append({str(k): _cell(v, path, number) for k, v in value.items()})
    if not records:
        raise TransdeskError(f"{path}: the file is empty")
    columns = tuple(records[0])
    rows = []
    for number, record in enumerate(records, 1):
        missing = [c for c in columns if c not in record]
        if missing:
            raise TransdeskError(f"{path}: record {number} has no {missing[0]!r}")
        rows.append(tuple(record[c] for c in columns))
    return _Table(str(path), columns, rows)


def _cell(value: object, path: Path, number: int) -> str:
    if value is None:
        return ""
    if isinstance(value, str | int | float):
        return str(value)
    raise TransdeskError(f"{path}: line {number} holds a list or object where text belongs")


def _from_table(table: _Table, spec: InputSpec, role: Role) -> list[Segments]:
    lower = {c.lower(): i for i, c in enumerate(table.columns)}
    doc_index = next((lower[c] for c in DOC_COLUMNS if c in lower), None)
    doc_ids = (tuple(r[doc_index].strip() for r in table.rows)
               if doc_index is not None else None)
    if spec.fields:
        picked = [_column(table, lower, f) for f in spec.fields]
    elif spec.name and spec.name.lower() in lower:
        picked = [lower[spec.name.lower()]]
    else:
        special = {i for i in (doc_index,) if i is not None}
        for role_columns in _ROLE_COLUMNS.values():
            special |= {lower[c] for c in role_columns if c in lower}
        wanted = [lower[c] for c in _ROLE_COLUMNS.get(role, ()) if c in lower]
        if wanted:
            picked = wanted[:1]
        else:
            picked = [i for i in range(len(table.columns)) if i not in special]
            if role != "hyp" and len(picked) != 1:
                raise TransdeskError(
                    f"{table.origin}: say which column holds the {_ROLE_WORD[role]} with "
                    f"#COLUMN; columns: {', '.join(table.columns)}"
                )
            if not picked:
                raise TransdeskError(f"{table.origin}: no column left to score")
    return [
        Segments(table.columns[i], tuple(r[i].rstrip() for r in table.rows), doc_ids,
                 f"{table.origin}#{table.columns[i]}")
        for i in picked
    ]


_ROLE_WORD = {"ref": "reference", "src": "source", "hyp": "draft"}


def _column(table: _Table, lower: dict[str, int], name: str) -> int:
    if name.lower() not in lower:
        raise TransdeskError(
            f"{table.origin}: no column {name!r}; columns: {', '.join(table.columns)}"
        )
    return lower[name.lower()]


# --- WMT XML ----------------------------------------------------------------------------


@dataclass(frozen=True)
class WmtDoc:
    """One document of a WMT XML file: source segments, references, system outputs."""

    id: str
    src: tuple[str, ...]
    refs: dict[str, tuple[str, ...]]  # translator -> segments, aligned with src
    hyps: dict[str, tuple[str, ...]]  # system -> segments, aligned with src


def read_wmt_xml(path: str | Path) -> list[WmtDoc]:
    """The documents of a WMT XML file, in file order (empty collections are skipped)."""
    root = _parse_xml(Path(path))
    tag = _local(root.tag)
    if tag == "dataset":
        return [_new_style_doc(doc, path) for doc in root.iter("doc")]
    if tag in ("mteval", "srcset", "refset", "tstset"):
        return _old_style_docs(root, path)
    raise TransdeskError(f"{path}: not a WMT XML file (root element <{tag}>)")


def _parse_xml(path: Path) -> etree._Element:
    from core.xmlsafe import parse_tree

    data = existing_file(path).read_bytes()
    if not data.strip():
        raise TransdeskError(f"{path}: the file is empty")
    return parse_tree(data, label=str(path), kind="WMT XML file")


def _local(tag: object) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def _seg_texts(element: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for number, seg in enumerate(element.iter("seg"), 1):
        seg_id = seg.get("id") or str(number)
        out[seg_id] = "".join(seg.itertext()).strip()
    return out


def _new_style_doc(doc: etree._Element, path: str | Path) -> WmtDoc:
    doc_id = doc.get("id") or doc.get("docid")
    if not doc_id:
        raise TransdeskError(f"{path}: a <doc> without an id (line {doc.sourceline})")
    src = doc.find("src")
    if src is None:
        raise TransdeskError(f"{path}: document {doc_id} has no <src>")
    src_segs = _seg_texts(src)
    order = list(src_segs)
    refs = {
        (r.get("translator") or "ref"): _aligned(_seg_texts(r), order)
        for r in doc.findall("ref")
    }
    hyps = {
        (h.get("system") or "hyp"): _aligned(_seg_texts(h), order)
        for h in doc.findall("hyp")
    }
    return WmtDoc(doc_id, tuple(src_segs[k] for k in order), refs, hyps)


def _old_style_docs(root: etree._Element, path: str | Path) -> list[WmtDoc]:
    src: dict[str, dict[str, str]] = {}
    refs: dict[str, dict[str, dict[str, str]]] = {}
    hyps: dict[str, dict[str, dict[str, str]]] = {}
    sets = [root] if _local(root.tag) != "mteval" else list(root)
    for part in sets:
        kind = _local(part.tag)
        for doc in part.iter("doc"):
            doc_id = doc.get("docid") or doc.get("id")
            if not doc_id:
                raise TransdeskError(f"{path}: a <doc> without a docid (line {doc.sourceline})")
            segs = _seg_texts(doc)
            if kind == "srcset":
                src[doc_id] = segs
            elif kind == "refset":
                refs.setdefault(doc.get("sysid") or "ref", {})[doc_id] = segs
            elif kind == "tstset":
                hyps.setdefault(doc.get("sysid") or "hyp", {})[doc_id] = segs
    if not src:
        raise TransdeskError(f"{path}: no <srcset> documents to order the segments by")
    docs = []
    for doc_id, segs in src.items():
        order = list(segs)
        docs.append(WmtDoc(
            doc_id,
            tuple(segs.values()),
            {k: _aligned(v.get(doc_id, {}), order) for k, v in refs.items() if doc_id in v},
            {k: _aligned(v.get(doc_id, {}), order) for k, v in hyps.items() if doc_id in v},
        ))
    return docs


def _aligned(segs: dict[str, str], order: Sequence[str]) -> tuple[str, ...]:
    # A segment a system left out scores as an empty draft, as in WMT's own tools.
    return tuple(segs.get(k, "") for k in order)


def _from_wmt(docs: list[WmtDoc], spec: InputSpec, role: Role) -> list[Segments]:
    origin = str(spec.path)
    if not docs:
        raise TransdeskError(f"{origin}: no documents")
    doc_ids = tuple(d.id for d in docs for _ in d.src)
    if role == "src":
        texts = tuple(t for d in docs for t in d.src)
        return [Segments(spec.name or "source", texts, doc_ids, origin)]
    pool = "refs" if role == "ref" else "hyps"
    names: list[str] = []
    for d in docs:
        names += [n for n in getattr(d, pool) if n not in names]
    if not names:
        what = "references" if role == "ref" else "system outputs"
        raise TransdeskError(f"{origin}: holds no {what}")
    wanted = list(spec.fields) or names
    out = []
    for name in wanted:
        if name not in names:
            raise TransdeskError(f"{origin}: no {_WMT_WORD[role]} {name!r}; it has "
                                 f"{', '.join(names)}")
        missing = [d.id for d in docs if name not in getattr(d, pool)]
        if missing:
            raise TransdeskError(
                f"{origin}: {_WMT_WORD[role]} {name!r} lacks {len(missing)} of {len(docs)} "
                f"documents (first: {missing[0]})"
            )
        texts = tuple(t for d in docs for t in getattr(d, pool)[name])
        label = name if role == "hyp" else f"ref-{name}"
        out.append(Segments(label, texts, doc_ids, f"{origin}#{name}"))
    return out


_WMT_WORD = {"ref": "translator", "hyp": "system", "src": "source"}


# --- TMX --------------------------------------------------------------------------------


def _from_tmx(path: Path, spec: InputSpec, role: Role) -> Segments:
    from lang.codes import base_lang
    from readers.tmx import read_tmx

    if role == "hyp" and not spec.fields:
        raise TransdeskError(f"{path}: name the draft's language with #LANG")
    tmx = read_tmx(existing_file(path))
    if not tmx.units:
        raise TransdeskError(f"{path}: no translation units")
    src_lang = tmx.srclang or ""
    units = [u.variants for u in tmx.units]
    langs = list(tmx.languages)
    if len(spec.fields) > 1:
        raise TransdeskError(f"{path}: give one language after #")
    if spec.fields:
        lang = base_lang(spec.fields[0])
    elif role == "src" and src_lang in langs:
        lang = src_lang
    else:
        others = [lang for lang in langs if lang != src_lang]
        if role == "src" or len(others) != 1:
            raise TransdeskError(
                f"{path}: say which language to read with #LANG; it has {', '.join(langs)}"
            )
        lang = others[0]
    texts = []
    for number, unit in enumerate(units, 1):
        if lang not in unit:
            raise TransdeskError(f"{path}: translation unit {number} has no {lang!r} variant")
        texts.append(" ".join(unit[lang].split()))
    name = spec.name or ("source" if role == "src" else f"ref-{lang}")
    return Segments(name, tuple(texts), None, f"{path}#{lang}")


