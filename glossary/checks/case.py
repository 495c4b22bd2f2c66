"""wrong-case: a proper name of the glossary rendered, but not in its case.

"great patriotic war" for Великая Отечественная война: the concept is rendered with a usable
term whose capitals the text does not keep. Only concepts the source has are checked, so a
common word that happens to spell a name ("a victory") raises nothing. Only a rendering in
the term's own form is held to its capitals: "regional executive committees", a plural, is
the generic use of "Regional Executive Committee", which English writes in lowercase.
"""

from __future__ import annotations

from glossary.checks import Context, Pair
from glossary.checks.missing import rendered
from glossary.findings import Finding, Kind, Severity
from lang.normalize import normalize_for_matching


def check(pair: Pair, ctx: Context) -> list[Finding]:
    """One finding per miscased rendering of a concept the source needs more of."""
    if all(m.case_ok for m in pair.tgt_terms):
        return []
    needed: dict[str, int] = {}
    first = {}
    for m in pair.src_terms:
        needed[m.concept_id] = needed.get(m.concept_id, 0) + 1
        first.setdefault(m.concept_id, m)
    out = []
    for concept_id, count in needed.items():
        miscased = [m for m in pair.tgt_terms
                    if m.concept_id == concept_id and not m.case_ok and m.status.usable]
        if not miscased:
            continue
        if rendered([m for m in pair.tgt_terms if m.case_ok], concept_id,
                             usable_only=True) >= count:
            continue
        src = first[concept_id]
        for m in sorted(miscased, key=lambda m: m.start)[:count]:
            text = pair.segment.target[m.start:m.end]
            if normalize_for_matching(text) != normalize_for_matching(m.term):
                continue
            out.append(Finding(
                Kind.WRONG_CASE, Severity.WARNING, pair.segment.id,
                f"\"{text}\" should be written \"{m.term}\" ({concept_id})",
                concept=concept_id, src_start=src.start, src_end=src.end,
                src_text=pair.segment.source[src.start:src.end],
                tgt_start=m.start, tgt_end=m.end, tgt_text=text,
            ))
    return out
