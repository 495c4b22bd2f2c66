"""Findings: what a check raised, as plain data, as a polars frame, and written out.

A Finding points at a segment and at character spans in its source and target text, names
the glossary concept when there is one, and says in one line what is wrong. At the boundary
findings become a polars frame (`frame`), and every report format is a writer over that
frame: a table for the terminal, TSV, JSON, XLSX and a self-contained HTML page.

Suppressions (`Suppressions`) are accepted exceptions a desk keeps in a TSV file with a
header; each row names any of kind, concept, segment and text (the flagged words, compared
case-insensitively after normalisation), and a note. An empty cell or `*` matches anything.
"""

from __future__ import annotations

import enum
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import TransdeskError

if TYPE_CHECKING:
    import polars as pl


class Severity(enum.StrEnum):
    """How bad a finding is; `--fail-on` compares against it."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for notes: lower is worse."""
        return ("error", "warning", "info").index(self.value)


class Kind(enum.StrEnum):
    """The kinds of finding, each raised by one check (glossary/checks)."""

    MISSING_TERM = "missing-term"
    FORBIDDEN_TERM = "forbidden-term"
    DEPRECATED_TERM = "deprecated-term"
    WRONG_CASE = "wrong-case"
    INCONSISTENT_TERM = "inconsistent-term"
    INCONSISTENT_RENDERING = "inconsistent-rendering"
    NUMBER_MISMATCH = "number-mismatch"
    UNTRANSLATED = "untranslated"
    UNPAIRED_MARK = "unpaired-mark"
    DOUBLE_SPACE = "double-space"
    OMISSION = "omission"


# The kinds that are about glossary terms and their renderings.
TERM_KINDS = frozenset({Kind.MISSING_TERM, Kind.FORBIDDEN_TERM, Kind.DEPRECATED_TERM,
                        Kind.WRONG_CASE, Kind.INCONSISTENT_TERM, Kind.INCONSISTENT_RENDERING})


@dataclass(frozen=True, slots=True)
class Finding:
    """One issue in one segment: kind, severity, spans, concept and a one-line message.

    Spans are character offsets into the segment's source and target text (None where the
    finding has no place on that side); `src_text` and `tgt_text` are the words they cover.
    """

    kind: Kind
    severity: Severity
    segment: str
    message: str
    concept: str | None = None
    src_start: int | None = None
    src_end: int | None = None
    tgt_start: int | None = None
    tgt_end: int | None = None
    src_text: str = ""
    tgt_text: str = ""


COLUMNS = ("segment", "severity", "kind", "concept", "src_start", "src_end", "src_text",
           "tgt_start", "tgt_end", "tgt_text", "message")
# Shown on the terminal: the message quotes the words, so spans can stay in the files.
TABLE_COLUMNS = ("segment", "severity", "kind", "concept", "message")


def frame(findings: Iterable[Finding]) -> pl.DataFrame:
    """Findings as a polars frame with the columns of COLUMNS, in the order given."""
    import polars as pl

    rows = list(findings)
    schema = {
        "segment": pl.Utf8, "severity": pl.Utf8, "kind": pl.Utf8, "concept": pl.Utf8,
        "src_start": pl.Int64, "src_end": pl.Int64, "src_text": pl.Utf8,
        "tgt_start": pl.Int64, "tgt_end": pl.Int64, "tgt_text": pl.Utf8, "message": pl.Utf8,
    }
    data = {name: [getattr(f, name) for f in rows] for name in COLUMNS}
    data["severity"] = [str(v) for v in data["severity"]]
    data["kind"] = [str(v) for v in data["kind"]]
    return pl.DataFrame(data, schema=schema)


def findings_of(table: pl.DataFrame) -> list[Finding]:
    """The findings of a frame made by `frame` (for tools that filter the frame)."""
    names = {f.name for f in fields(Finding)}
    out = []
    for row in table.iter_rows(named=True):
        values = {k: v for k, v in row.items() if k in names}
        values["kind"] = Kind(values["kind"])
        values["severity"] = Severity(values["severity"])
        out.append(Finding(**values))
    return out


def counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity."""
    out = dict.fromkeys(Severity, 0)
    for f in findings:
        out[f.severity] += 1
    return out


def fails(findings: Iterable[Finding], fail_on: Severity | None) -> bool:
    """Whether any finding is at least as bad as `fail_on` (None: never fail)."""
    if fail_on is None:
        return False
    return any(f.severity.rank <= fail_on.rank for f in findings)


# --- suppressions -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Suppression:
    """One accepted exception; None fields match anything."""

    kind: str | None = None
    concept: str | None = None
    segment: str | None = None
    text: str | None = None  # normalised
    note: str = ""

    def covers(self, finding: Finding) -> bool:
        """Whether this exception accepts `finding`."""
        if self.kind is not None and self.kind != finding.kind:
            return False
        if self.concept is not None and self.concept != (finding.concept or ""):
            return False
        if self.segment is not None and self.segment != finding.segment:
            return False
        if self.text is not None:
            return self.text in (_norm(finding.tgt_text), _norm(finding.src_text))
        return True


class Suppressions:
    """The accepted exceptions of a desk, read from a TSV file with a header."""

    HEADER = ("kind", "concept", "segment", "text", "note")

    def __init__(self, rules: Sequence[Suppression] = ()) -> None:
        self.rules = tuple(rules)

    @classmethod
    def read(cls, path: str | Path) -> Suppressions:
        """Read a suppressions file; unknown columns or kinds are user errors."""
        from readers import read_text

        p = Path(path)
        if not p.is_file():
            raise TransdeskError(f"{p}: no such suppressions file")
        lines = [line for line in read_text(p).split("\n")
                 if line.strip() and not line.startswith("#")]
        if not lines:
            return cls()
        header = [h.strip().lower() for h in lines[0].split("\t")]
        unknown = [h for h in header if h not in cls.HEADER]
        if unknown:
            raise TransdeskError(f"{p}: unknown column {unknown[0]!r}; a suppressions file has "
                                 f"columns {', '.join(cls.HEADER)}")
        rules = []
        kinds = {k.value for k in Kind}
        for n, line in enumerate(lines[1:], 2):
            cells = dict(zip(header, (c.strip() for c in line.split("\t")), strict=False))
            values = {k: (None if cells.get(k, "") in ("", "*") else cells[k])
                      for k in ("kind", "concept", "segment", "text")}
            if values["kind"] is not None and values["kind"] not in kinds:
                raise TransdeskError(f"{p}:{n}: unknown kind {values['kind']!r}; kinds: "
                                     f"{', '.join(sorted(kinds))}")
            if all(v is None for v in values.values()):
                raise TransdeskError(f"{p}:{n}: a rule that names nothing would accept "
                                     "every finding")
            text = values.pop("text")
            rules.append(Suppression(**values, text=_norm(text) if text else None,
                                     note=cells.get("note", "")))
        return cls(rules)

    def split(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(kept, suppressed)."""
        kept: list[Finding] = []
        dropped: list[Finding] = []
        for f in findings:
            (dropped if any(r.covers(f) for r in self.rules) else kept).append(f)
        return kept, dropped


def suppressions_text(findings: Iterable[Finding]) -> str:
    """A suppressions file accepting exactly these findings (to edit, then keep)."""
    lines = ["\t".join(Suppressions.HEADER)]
    seen: set[tuple[str, ...]] = set()
    for f in findings:
        row = (str(f.kind), f.concept or "*", f.segment, _one_line(f.tgt_text or f.src_text),
               "")
        if row not in seen:
            seen.add(row)
            lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def _norm(text: str) -> str:
    from lang.normalize import normalize_for_matching

    return normalize_for_matching(text)


# --- writers ---------------------------------------------------------------------------


FORMATS = ("table", "tsv", "json", "xlsx", "html")
BINARY_FORMATS = frozenset({"xlsx"})


def render(table: pl.DataFrame, fmt: str, *, title: str = "transdesk check",
           segments: dict[str, tuple[str, str]] | None = None) -> str | bytes:
    """The findings frame in one of FORMATS. `segments` (id -> source, target) gives the
    HTML page the whole segments to show the spans in."""
    if fmt == "table":
        return table_text(table)
    if fmt == "tsv":
        return tsv_text(table)
    if fmt == "json":
        return json_text(table)
    if fmt == "xlsx":
        return xlsx_bytes(table)
    if fmt == "html":
        return html_text(table, title=title, segments=segments or {})
    raise TransdeskError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def table_text(table: pl.DataFrame) -> str:
    """An aligned plain-text table of the main columns, for people at a terminal."""
    rows = [[_one_line(str(v) if v is not None else "") for v in row]
            for row in table.select(TABLE_COLUMNS).iter_rows()]
    if not rows:
        return ""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(TABLE_COLUMNS)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(TABLE_COLUMNS, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
              for r in rows]
    return "\n".join(lines) + "\n"


def tsv_text(table: pl.DataFrame) -> str:
    """A header and one row a finding; tabs and line breaks inside cells become spaces."""
    lines = ["\t".join(table.columns)]
    for row in table.iter_rows():
        lines.append("\t".join("" if v is None else _one_line(str(v)) for v in row))
    return "\n".join(lines) + "\n"


def json_text(table: pl.DataFrame) -> str:
    """A JSON array of objects, one a finding."""
    return json.dumps(table.to_dicts(), ensure_ascii=False, indent=2) + "\n"


_FILLS = {"error": "#F8CBAD", "warning": "#FFE699", "info": "#DDEBF7"}
_WIDTHS = {"segment": 10, "severity": 9, "kind": 18, "concept": 24, "src_text": 30,
           "tgt_text": 30, "message": 80}


def xlsx_bytes(table: pl.DataFrame) -> bytes:
    """A workbook: one row a finding, filled by severity, header frozen and filtered."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("findings")
    head = book.add_format({"bold": True, "bottom": 1, "bg_color": "#DDEBF7"})
    formats = {sev: book.add_format({"text_wrap": True, "valign": "top", "bg_color": fill,
                                     "pattern": 1}) for sev, fill in _FILLS.items()}
    columns = table.columns
    for col, name in enumerate(columns):
        sheet.write_string(0, col, name, head)
        sheet.set_column(col, col, _WIDTHS.get(name, 8))
    for n, row in enumerate(table.iter_rows(named=True), start=1):
        fmt = formats.get(row["severity"], formats["info"])
        for col, name in enumerate(columns):
            value = row[name]
            if isinstance(value, int):
                sheet.write_number(n, col, value, fmt)
            elif value:
                # write_string, never write: a segment starting with "=" is not a formula.
                sheet.write_string(n, col, str(value), fmt)
            else:
                sheet.write_blank(n, col, None, fmt)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(table), 1), len(columns) - 1)
    book.close()
    return buffer.getvalue()


_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em; color: #1b1b1b; }
h1 { font-size: 1.2em; margin: 0 0 .3em; }
p.summary { color: #555; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .35em .5em; vertical-align: top; }
th { background: #eef3f8; text-align: left; position: sticky; top: 0; }
td.meta { color: #555; font-size: .85em; white-space: nowrap; }
tr.error td.sev { color: #a4000f; font-weight: bold; }
tr.warning td.sev { color: #8a5a00; font-weight: bold; }
mark { background: #ffe08a; padding: 0 .1em; }
""".strip()


def html_text(table: pl.DataFrame, *, title: str,
              segments: dict[str, tuple[str, str]]) -> str:
    """A self-contained page: a row a finding, with the segment and the spans marked."""
    rows = []
    for f in table.iter_rows(named=True):
        src, tgt = segments.get(f["segment"], (f["src_text"] or "", f["tgt_text"] or ""))
        rows.append(
            f'<tr class="{escape(f["severity"])}">'
            f'<td class="meta">{escape(f["segment"])}</td>'
            f'<td class="meta sev">{escape(f["severity"])}</td>'
            f'<td class="meta">{escape(f["kind"])}<br>{escape(f["concept"] or "")}</td>'
            f"<td>{_marked(src, f['src_start'], f['src_end'])}</td>"
            f"<td>{_marked(tgt, f['tgt_start'], f['tgt_end'])}</td>"
            f"<td>{escape(f['message'])}</td></tr>"
        )
    by_sev = {s: int((table["severity"] == s).sum()) for s in ("error", "warning", "info")}
    summary = (f"{len(table)} findings: {by_sev['error']} errors, {by_sev['warning']} "
               f"warnings, {by_sev['info']} notes.")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<style>
{_CSS}
</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p class="summary">{escape(summary)}</p>
<table>
<thead><tr><th>segment</th><th>severity</th><th>kind</th><th>source</th><th>target</th>\
<th>message</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""


def _marked(text: str, start: int | None, end: int | None) -> str:
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return escape(text)
    return (escape(text[:start]) + "<mark>" + escape(text[start:end]) + "</mark>"
            + escape(text[end:]))


def _one_line(text: str) -> str:
    return " ".join(text.split())
