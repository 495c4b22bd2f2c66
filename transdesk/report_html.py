"""The desk head's report: one self-contained HTML page over a `RunReport`."""

from __future__ import annotations

import html
import math

from transdesk.pipeline import RunReport

_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { padding: .25rem .7rem; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child, td.l, th.l { text-align: left; }
th { background: #f3f3f3; } .muted { color: #777; font-size: .9em; }
.bad { color: #a40000; font-weight: 600; } .sig { font-weight: 600; }
"""


def render_report(report: RunReport) -> str:
    """The whole report as one HTML page with no external resources."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>transdesk report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Translation desk report</h1>",
        f'<p class="muted">Corpus: {_e(str(report.corpus))}'
        + (f" &middot; glossary: {_e(report.glossary.name)}" if report.glossary else "")
        + "</p>",
    ]
    if report.pairs:
        parts += ["<h2>Alignment</h2>", _alignment_table(report)]
    for draft in report.drafts:
        parts += [f"<h2>MT drafts: {_e(draft.document)}</h2>", _score_table(draft.result)]
        if draft.findings:
            parts += ["<h3>Glossary and consistency check</h3>", _findings_table(draft.findings)]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _alignment_table(report: RunReport) -> str:
    rows = [
        "<table><tr><th>document</th><th class=l>pair</th><th>sentences</th><th>beads</th>"
        "<th>not 1:1</th><th>low confidence</th><th>strict F1</th><th>lax F1</th>"
        "<th class=l>view</th></tr>"
    ]
    for p in report.pairs:
        beads = sum(p.kinds.values())
        links = " ".join(
            f'<a href="{_e(path.name)}">{_e(path.suffix.lstrip("."))}</a>' for path in p.outputs
        )
        rows.append(
            f"<tr><td>{_e(p.document)}</td><td class=l>{p.src_lang}-en</td>"
            f"<td>{p.n_src} / {p.n_tgt}</td><td>{beads}</td>"
            f"<td>{beads - p.kinds.get('1:1', 0)}</td>"
            f"<td{' class=bad' if p.low_confidence else ''}>{p.low_confidence}</td>"
            f"<td>{_num(p.strict_f1)}</td><td>{_num(p.lax_f1)}</td><td class=l>{links}</td></tr>"
        )
    rows.append("</table>")
    rows.append('<p class="muted">F1 against the hand-made gold alignment (vecalign '
                "conventions); low-confidence beads are marked in every output.</p>")
    return "\n".join(rows)


def _score_table(result: object) -> str:
    from score.engine import ScoreResult

    assert isinstance(result, ScoreResult)
    head = "".join(f"<th>{_e(m.name)}</th>" for m in result.metrics)
    rows = [f"<table><tr><th>system</th>{head}</tr>"]
    for i, system in enumerate(result.systems):
        cells = []
        for m in result.metrics:
            p = m.p_bs[i] if m.p_bs is not None else math.nan
            mark = " class=sig" if not math.isnan(p) and p < 0.05 else ""
            ci = f" ± {m.ci[i][1]:.1f}" if m.ci is not None else ""
            cells.append(f"<td{mark}>{m.scores[i]:.1f}{ci}</td>")
        name = _e(system) + (" (baseline)" if system == result.baseline else "")
        rows.append(f"<tr><td>{name}</td>{''.join(cells)}</tr>")
    rows.append("</table>")
    rows.append(f'<p class="muted">{result.n_segments} segments. Bold: significantly '
                "different from the baseline (paired bootstrap, p &lt; 0.05). "
                f"{_e(result.settings)}</p>")
    return "\n".join(rows)


def _findings_table(findings: dict[str, dict[str, int]]) -> str:
    kinds = sorted({k for counts in findings.values() for k in counts})
    head = "".join(f"<th>{_e(k)}</th>" for k in kinds)
    rows = [f"<table><tr><th>system</th>{head}<th>total</th></tr>"]
    for system, counts in findings.items():
        cells = "".join(f"<td>{counts.get(k, 0)}</td>" for k in kinds)
        rows.append(f"<tr><td>{_e(system)}</td>{cells}<td>{sum(counts.values())}</td></tr>")
    rows.append("</table>")
    rows.append('<p class="muted">Findings of <code>transdesk check</code> on each draft '
                "against its source; run it on one draft for the segments and messages.</p>")
    return "\n".join(rows)


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)
