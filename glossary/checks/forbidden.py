"""forbidden-term and deprecated-term: a rendering the glossary rejects, in the target.

Reported wherever it stands, also when the source has no term of its concept (a forbidden
name is wrong in any sentence). Only correctly cased matches count ("Premier League" is not
the deprecated "Premier"), and where a usable term of another concept covers the same words
the usable reading wins (a homonym).
"""

from __future__ import annotations

from glossary.checks import Context, Pair
from glossary.findings import Finding, Kind, Severity
from glossary.model import Status


def check(pair: Pair, ctx: Context) -> list[Finding]:
    """One finding per deprecated or forbidden term in the target."""
    if all(m.status.usable for m in pair.tgt_terms):
        return []
    wrong = [m for m in pair.tgt_selected if not m.status.usable]
    if not wrong:
        return []
    sources = {}
    for m in pair.src_terms:
        sources.setdefault(m.concept_id, m)
    out = []
    for m in wrong:
        forbidden = m.status is Status.FORBIDDEN
        text = pair.segment.target[m.start:m.end]
        concept = ctx.concepts.get(m.concept_id)
        term = next((t for t in concept.terms if t.text == m.term), None) if concept else None
        why = f" ({term.note})" if term is not None and term.note else ""
        better = ctx.suggestion(m.concept_id, m.term)
        advice = f"; write \"{better}\"" if better else ""
        src = sources.get(m.concept_id)
        out.append(Finding(
            Kind.FORBIDDEN_TERM if forbidden else Kind.DEPRECATED_TERM,
            Severity.ERROR if forbidden else Severity.WARNING,
            pair.segment.id,
            f"\"{text}\" is {'forbidden' if forbidden else 'deprecated'} for "
            f"{m.concept_id}{why}{advice}",
            concept=m.concept_id,
            src_start=src.start if src else None, src_end=src.end if src else None,
            src_text=pair.segment.source[src.start:src.end] if src else "",
            tgt_start=m.start, tgt_end=m.end, tgt_text=text,
        ))
    return out
