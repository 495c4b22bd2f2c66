"""HTML: a self-contained side-by-side page to read an alignment in any browser."""

from __future__ import annotations

from html import escape
from pathlib import Path

from align.model import Alignment
from align.writers._common import Row, ids_text, rows, score_text, xml_safe
from core.document import Document

LOW_MARKER = "⚠ check"
UNALIGNED = "not aligned"

# Everything inline: the page is mailed around and opened offline, so no external resource.
_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em; color: #1b1b1b; }
h1 { font-size: 1.2em; margin: 0 0 .3em; }
p.summary { color: #555; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid #ddd; padding: .35em .5em; vertical-align: top; }
th { background: #eef3f8; text-align: left; position: sticky; top: 0; }
col.meta { width: 7.5em; }
td.meta { color: #666; font-size: .8em; white-space: nowrap; }
tr.low { background: #fff2cc; }
span.marker { display: inline-block; color: #8a5a00; font-weight: bold; }
td.unaligned { color: #999; font-style: italic; }
""".strip()


def write(
    alignment: Alignment, src_doc: Document, tgt_doc: Document, *, low_confidence: float
) -> str:
    """A page with source and target side by side, a row a bead; doubtful rows marked."""
    all_rows = rows(alignment, src_doc, tgt_doc, low_confidence)
    src_name = _name(src_doc, "source")
    tgt_name = _name(tgt_doc, "target")
    n_low = sum(r.low for r in all_rows)
    n_src_only = sum(len(r.src_ids) for r in all_rows if not r.tgt_ids)
    n_tgt_only = sum(len(r.tgt_ids) for r in all_rows if not r.src_ids)
    title = f"{src_name} ({src_doc.lang}) – {tgt_name} ({tgt_doc.lang})"
    summary = (
        f"{len(all_rows)} beads; {n_low} marked {LOW_MARKER} (score below "
        f"{low_confidence:g}); {n_src_only} source and {n_tgt_only} target sentences not aligned."
    )
    body = "\n".join(_row(r, src_doc.lang, tgt_doc.lang) for r in all_rows)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{_esc(title)}</title>
<style>
{_CSS}
</style>
</head>
<body>
<h1>{_esc(title)}</h1>
<p class="summary">{_esc(summary)}</p>
<table>
<colgroup><col class="meta"><col><col></colgroup>
<thead><tr><th>bead</th><th>{_esc(src_name)} ({_esc(src_doc.lang)})</th>\
<th>{_esc(tgt_name)} ({_esc(tgt_doc.lang)})</th></tr></thead>
<tbody>
{body}
</tbody>
</table>
</body>
</html>
"""


def _row(r: Row, src_lang: str, tgt_lang: str) -> str:
    marker = f'<br><span class="marker">{_esc(LOW_MARKER)}</span>' if r.low else ""
    meta = (
        f'<td class="meta">{_esc(ids_text(r.src_ids) or "–")} : '
        f'{_esc(ids_text(r.tgt_ids) or "–")}<br>{score_text(r.score)}{marker}</td>'
    )
    cells = "".join(
        _cell(text, lang, bool(ids))
        for text, lang, ids in ((r.src, src_lang, r.src_ids), (r.tgt, tgt_lang, r.tgt_ids))
    )
    opening = '<tr class="low">' if r.low else "<tr>"
    return f"{opening}{meta}{cells}</tr>"


def _cell(text: str, lang: str, present: bool) -> str:
    if not present:
        return f'<td class="unaligned">{UNALIGNED}</td>'
    return f'<td lang="{_esc(lang)}">{_esc(text)}</td>'


def _name(doc: Document, fallback: str) -> str:
    return Path(doc.path).name if doc.path else fallback


def _esc(text: str) -> str:
    return escape(xml_safe(text), quote=True)
