"""Glossaries as tables: CSV, TSV and XLSX, as memoQ, Trados and spreadsheets exchange them.

One column a language, with status and other term fields in columns named after it:

    concept | subject | ru | ru_status | be | be_status | en | en_status | en_note

A concept with several terms in a language takes several rows, the n-th term of each
language in the n-th row; every row repeats the concept id, the concept's own fields are on
its first row. Export writes a column only if some term or concept has a value for it
(always the id, each language and its status), so a plain two-language glossary stays a
plain table; it writes every model field that has a value, and TBX data the model keeps
as-is ("extras") as XML text, so that export then import loses nothing of the concepts. The
TBX header and back matter are not part of a table; XLSX has a second sheet for settings.

Import takes any subset of the columns, in any order. Languages are ISO 639-1 codes (ru,
en-US) or English names (Russian, Belarusian, English); field names may follow after "_" or
a space, in any case (English_Status, en note). Columns it does not know are reported and
left out. Without a concept column every row is a concept; a blank status is preferred for
the first term of a language in a concept and admitted for the others.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from core.errors import TransdeskError
from glossary.model import Concept, Extra, MatchMode, Settings, Status, Term, Termbase

FORMATS = ("csv", "tsv", "xlsx")

CONCEPT_FIELDS: dict[str, str] = {
    # column -> Concept attribute
    "concept": "id",
    "subject": "subject",
    "definition": "definition",
    "concept_note": "note",
    "concept_created": "created",
    "concept_modified": "modified",
    "concept_extras": "extras",
}
TERM_FIELDS: dict[str, str] = {
    # column suffix -> Term attribute ("" is the term itself)
    "": "text",
    "status": "status",
    "pos": "part_of_speech",
    "type": "term_type",
    "gender": "gender",
    "case": "case_sensitive",
    "match": "match",
    "pattern": "pattern",
    "note": "note",
    "source": "source",
    "created": "created",
    "modified": "modified",
    "extras": "extras",
    "section": "lang_extras",  # the language section's own data, on the first row
}
_ALWAYS = ("concept",)
_ALWAYS_TERM = ("", "status")

# Header spellings other tools use, normalised to ours.
_CONCEPT_ALIASES = {
    "id": "concept", "entry_id": "concept", "concept_id": "concept", "concept id": "concept",
    "entry_subject": "subject", "subject field": "subject", "subject_field": "subject",
    "subjectfield": "subject", "domain": "subject",
    "entry_definition": "definition",
    "note": "concept_note", "entry_note": "concept_note", "concept note": "concept_note",
    "created": "concept_created", "entry_created": "concept_created",
    "modified": "concept_modified", "entry_lastmodified": "concept_modified",
}
_FIELD_ALIASES = {
    "status": "status", "usage": "status", "usage status": "status", "term status": "status",
    "administrativestatus": "status",
    "pos": "pos", "part of speech": "pos", "part_of_speech": "pos", "partofspeech": "pos",
    "type": "type", "term type": "type", "term_type": "type", "termtype": "type",
    "gender": "gender", "grammatical gender": "gender",
    "case": "case", "case sensitive": "case", "case_sensitive": "case",
    "match": "match", "match mode": "match", "pattern": "pattern",
    "note": "note", "term note": "note", "comment": "note", "term_info": "note",
    "source": "source", "created": "created", "modified": "modified",
    "extras": "extras", "section": "section",
    "def": "def", "definition": "def",
}
_LANGUAGE_NAMES = {"russian": "ru", "belarusian": "be", "byelorussian": "be",
                   "english": "en", "ukrainian": "uk", "polish": "pl", "german": "de",
                   "french": "fr", "spanish": "es", "chinese": "zh", "lithuanian": "lt"}
_STATUS_WORDS: dict[str, Status] = {
    "preferred": Status.PREFERRED, "preferredterm-admn-sts": Status.PREFERRED,
    "admitted": Status.ADMITTED, "admittedterm-admn-sts": Status.ADMITTED,
    "permitted": Status.ADMITTED, "allowed": Status.ADMITTED,
    "deprecated": Status.DEPRECATED, "deprecatedterm-admn-sts": Status.DEPRECATED,
    "supersededterm-admn-sts": Status.DEPRECATED, "notrecommended": Status.DEPRECATED,
    "not recommended": Status.DEPRECATED, "obsolete": Status.DEPRECATED,
    "forbidden": Status.FORBIDDEN, "prohibited": Status.FORBIDDEN,
}
_TRUE = {"sensitive", "yes", "true", "1", "x", "y"}
_FALSE = {"", "insensitive", "no", "false", "0", "n"}


@dataclass(frozen=True)
class TableRead:
    """A termbase read from a table, and the columns that were left out."""

    termbase: Termbase
    ignored: tuple[str, ...]


def table_format(path: str | Path, fmt: str | None = None) -> str:
    """csv, tsv or xlsx: `fmt`, or from the file's extension (.txt is tab-separated)."""
    if fmt:
        return fmt.lower()
    suffix = Path(path).suffix.lower().lstrip(".")
    return {"txt": "tsv", "tab": "tsv", "xls": "xlsx"}.get(suffix, suffix)


# ---------------------------------------------------------------- writing


def table_rows(termbase: Termbase) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the table for `termbase` (the common part of every format)."""
    langs = _languages(termbase)
    cells: list[dict[str, str]] = []
    for concept in sorted(termbase.concepts, key=lambda c: _natural(c.id)):
        per_lang = {lang: concept.terms_in(lang) for lang in langs}
        height = max([len(t) for t in per_lang.values()] + [1])
        for i in range(height):
            row = {"concept": concept.id}
            if i == 0:
                row |= _concept_cells(concept)
            for lang in langs:
                terms = per_lang[lang]
                if i < len(terms):
                    row |= _term_cells(lang, terms[i])
                if i == 0 and concept.extras_of(lang):
                    row[f"{lang}_section"] = extras_to_text(concept.extras_of(lang))
            cells.append(row)
    used = {key for row in cells for key, value in row.items() if value}
    header = [c for c in CONCEPT_FIELDS if c in _ALWAYS or c in used]
    for lang in langs:
        for suffix in TERM_FIELDS:
            column = f"{lang}_{suffix}" if suffix else lang
            if suffix in _ALWAYS_TERM or column in used:
                header.append(column)
    return header, [[row.get(column, "") for column in header] for row in cells]


def write_table(termbase: Termbase, fmt: str) -> bytes:
    """The termbase as a CSV, TSV or XLSX file's bytes."""
    header, rows = table_rows(termbase)
    if fmt in ("csv", "tsv"):
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue().encode("utf-8")
    if fmt == "xlsx":
        return _xlsx(header, rows, termbase.settings)
    raise TransdeskError(f"unknown table format {fmt!r}; use one of: {', '.join(FORMATS)}")


def _xlsx(header: list[str], rows: list[list[str]], settings: Settings) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet("glossary")
    for col, name in enumerate(header):
        sheet.write_string(0, col, name, bold)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value:
                sheet.write_string(r, col, value)
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
    if settings.values:
        extra = book.add_worksheet("settings")
        extra.write_string(0, 0, "setting", bold)
        extra.write_string(0, 1, "value", bold)
        for r, (key, value) in enumerate(settings.values, start=1):
            extra.write_string(r, 0, key)
            extra.write_string(r, 1, value)
    book.close()
    return buffer.getvalue()


def _concept_cells(concept: Concept) -> dict[str, str]:
    return {
        "subject": concept.subject or "", "definition": concept.definition or "",
        "concept_note": concept.note or "", "concept_created": _date(concept.created),
        "concept_modified": _date(concept.modified),
        "concept_extras": extras_to_text(concept.extras),
    }


def _term_cells(lang: str, term: Term) -> dict[str, str]:
    values = {
        "": term.text, "status": term.status.value, "pos": term.part_of_speech or "",
        "type": term.term_type or "", "gender": term.gender or "",
        "case": "sensitive" if term.case_sensitive else "",
        "match": "" if term.match is MatchMode.INFLECTING else term.match.value,
        "pattern": term.pattern or "", "note": term.note or "", "source": term.source or "",
        "created": _date(term.created), "modified": _date(term.modified),
        "extras": extras_to_text(term.extras),
    }
    return {(f"{lang}_{k}" if k else lang): v for k, v in values.items()}


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


def extras_to_text(extras: Iterable[Extra]) -> str:
    """Extras as one line of XML, for a table cell."""
    from glossary.tbx_write import _inline

    return "".join(_inline(extra) for extra in extras)


def extras_from_text(text: str, where: str) -> tuple[Extra, ...]:
    """Extras from a table cell written by `extras_to_text`; safe XML parsing."""
    if not text.strip():
        return ()
    from lxml import etree

    from glossary.tbx_read import _extra

    if "<!" in text:
        raise TransdeskError(f"{where}: declarations are not allowed in an extras cell")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        root = etree.fromstring(f"<extras>{text}</extras>".encode(), parser)
    except etree.XMLSyntaxError as exc:
        raise TransdeskError(f"{where}: the extras cell is not XML: {exc}") from None
    return tuple(_extra(child) for child in root if isinstance(child.tag, str))


# ---------------------------------------------------------------- reading


def read_table(path: str | Path, fmt: str | None = None) -> TableRead:
    """Read a CSV, TSV or XLSX glossary; see the module docstring for the columns."""
    kind = table_format(path, fmt)
    target = Path(path)
    if not target.is_file():
        raise TransdeskError(f"no such file: {target}")
    settings = Settings()
    if kind in ("csv", "tsv"):
        rows = _read_delimited(target, kind)
    elif kind == "xlsx":
        rows, settings = _read_xlsx(target)
    else:
        raise TransdeskError(
            f"cannot read {target}: unknown table format {kind!r} (use csv, tsv or xlsx)"
        )
    if not rows or not any(rows[0]):
        raise TransdeskError(f"{target} is empty")
    termbase, ignored = _from_rows(rows[0], rows[1:], str(target))
    return TableRead(replace(termbase, settings=settings), ignored)


def _read_delimited(path: Path, kind: str) -> list[list[str]]:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")  # Excel's "Unicode text" export
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TransdeskError(f"{path} is not UTF-8 or UTF-16 text") from None
    first = text.split("\n", 1)[0]
    # memoQ and spreadsheets in many locales write ; or tabs into .csv files
    delimiter = "\t" if kind == "tsv" else max(",;\t", key=first.count)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _read_xlsx(path: Path) -> tuple[list[list[str]], Settings]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip and XML errors of a damaged or foreign file
        raise TransdeskError(f"cannot read {path} as XLSX: {exc}") from None
    try:
        names = book.sheetnames
        sheet = book["glossary"] if "glossary" in names else book[names[0]]
        rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        settings = Settings()
        if "settings" in names:
            pairs = [(_cell(r[0]), _cell(r[1]) if len(r) > 1 else "")
                     for r in book["settings"].iter_rows(min_row=2, values_only=True) if r]
            settings = Settings(tuple(sorted((k, v) for k, v in pairs if k)))
    finally:
        book.close()
    while rows and not any(rows[-1]):
        rows.pop()
    return rows, settings


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class _Column:
    index: int
    lang: str | None  # None for a concept column
    field: str


def _from_rows(header: Sequence[str], rows: list[list[str]],
               where: str) -> tuple[Termbase, tuple[str, ...]]:
    columns, ignored = _columns(header)
    if not any(c.lang for c in columns):
        raise TransdeskError(
            f"{where}: no language column found in the header ({', '.join(header)}); name "
            "columns by ISO code (ru, be, en) or language name"
        )
    from glossary.edit import slug

    concepts: dict[str, dict] = {}
    for number, row in enumerate(rows, start=2):
        cells = {(c.lang, c.field): (row[c.index] if c.index < len(row) else "")
                 for c in columns}
        if not any(v.strip() for v in cells.values()):
            continue
        cid = cells.get((None, "concept"), "").strip()
        if not cid:
            first = next((v for (lang, f), v in cells.items() if lang and f == "" and v.strip()),
                         "concept")
            base = slug(first)
            base = base if base[0].isalpha() else f"c-{base}"
            cid, n = base, 2
            while cid in concepts:
                cid, n = f"{base}-{n}", n + 1
        entry = concepts.get(cid)
        if entry is None:
            entry = concepts[cid] = {"terms": {}, "fields": {}, "lang_extras": {}}
        for (lang, field), value in cells.items():
            if lang is None and field != "concept" and value and field not in entry["fields"]:
                entry["fields"][field] = value
        for lang in dict.fromkeys(c.lang for c in columns if c.lang):
            at = f"{where}, row {number}, {lang}"
            section = cells.get((lang, "section"), "")
            definition = cells.get((lang, "def"), "")
            if section or definition:
                found = entry["lang_extras"].setdefault(lang, [])
                found.extend(extras_from_text(section, at))
                if definition:
                    found.append(Extra("descrip", (("type", "definition"),), definition))
            text = cells.get((lang, ""), "")
            if not text.strip():
                continue
            terms = entry["terms"].setdefault(lang, [])
            terms.append(_term(lang, text, cells, first=not terms, where=at))
    built = []
    for cid, entry in concepts.items():
        fields = entry["fields"]
        at = f"{where}, concept {cid}"
        built.append(Concept(
            id=cid, terms=tuple(t for terms in entry["terms"].values() for t in terms),
            subject=fields.get("subject") or None, definition=fields.get("definition") or None,
            note=fields.get("concept_note") or None,
            created=_parse_date(fields.get("concept_created", ""), at),
            modified=_parse_date(fields.get("concept_modified", ""), at),
            extras=extras_from_text(fields.get("concept_extras", ""), at),
            lang_extras=tuple((lang, tuple(x)) for lang, x in entry["lang_extras"].items()),
        ))
    return Termbase(concepts=tuple(built)), ignored


def _columns(header: Sequence[str]) -> tuple[list[_Column], tuple[str, ...]]:
    columns, ignored = [], []
    for index, raw in enumerate(header):
        name = " ".join(str(raw).split()).lower()
        concept_field = _CONCEPT_ALIASES.get(name, name if name in CONCEPT_FIELDS else None)
        if concept_field:
            columns.append(_Column(index, None, concept_field))
            continue
        found = _language_column(name)
        if found is None:
            if name:
                ignored.append(str(raw))
            continue
        columns.append(_Column(index, *found))
    return columns, tuple(ignored)


def _language_column(name: str) -> tuple[str, str] | None:
    """(language, field) of a column like "ru", "en_status", "English_Def", "en-US note"."""
    for alias in sorted(_FIELD_ALIASES, key=len, reverse=True):
        for sep in ("_", " "):
            if name.endswith(sep + alias):
                lang = _language(name[: -len(alias) - 1])
                if lang:
                    return lang, _FIELD_ALIASES[alias]
    lang = _language(name)
    return (lang, "") if lang else None


def _language(name: str) -> str | None:
    from lang.codes import ISO_639_1

    if name in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[name]
    base = name.replace("_", "-").split("-")[0]
    if base in ISO_639_1 and len(name) == 2:
        return base
    if base in ISO_639_1 and len(name) == 5 and name[2] in "-_":
        return f"{base}-{name[3:].upper()}"  # a region, as TBX writes it: en-US
    return None


def _term(lang: str, text: str, cells: dict, *, first: bool, where: str) -> Term:
    def cell(field: str) -> str:
        return cells.get((lang, field), "")

    raw_status = " ".join(cell("status").split()).lower()
    if raw_status:
        status = _STATUS_WORDS.get(raw_status)
        if status is None:
            raise TransdeskError(
                f"{where}: unknown status {cell('status')!r}; use preferred, admitted, "
                "deprecated or forbidden"
            )
    else:
        status = Status.PREFERRED if first else Status.ADMITTED
    case = cell("case").strip().lower()
    if case not in _TRUE | _FALSE:
        raise TransdeskError(f"{where}: case must be 'sensitive' or empty, not {case!r}")
    raw_match = cell("match").strip().lower() or "inflecting"
    try:
        match = MatchMode(raw_match)
    except ValueError:
        raise TransdeskError(
            f"{where}: unknown match mode {raw_match!r}; use inflecting, exact or pattern"
        ) from None
    return Term(
        lang=lang, text=text, status=status, part_of_speech=cell("pos") or None,
        term_type=cell("type") or None, gender=cell("gender") or None,
        case_sensitive=case in _TRUE, match=match, pattern=cell("pattern") or None,
        note=cell("note") or None, source=cell("source") or None,
        created=_parse_date(cell("created"), where), modified=_parse_date(cell("modified"), where),
        extras=extras_from_text(cell("extras"), where),
    )


def _parse_date(text: str, where: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    for pattern in ("%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y", "%d.%m.%Y"):  # memoQ, en-US, ru
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise TransdeskError(f"{where}: cannot read the date {text!r} (use YYYY-MM-DD)")


def _languages(termbase: Termbase) -> list[str]:
    found = list(termbase.settings.languages)
    for lang in termbase.languages:
        if lang not in found:
            found.append(lang)
    used = set(termbase.languages)
    return [lang for lang in found if lang in used]


def _natural(concept_id: str) -> tuple:
    from glossary.model import id_key

    return id_key(concept_id)
