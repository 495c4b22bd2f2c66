"""inconsistent-term and inconsistent-rendering: one source term rendered in different ways.

In the glossary (`check`): per source term of a concept ("глава государства"), the usable
renderings its segments use. Where one term is rendered in two ways that are alternatives,
not one the expansion of the other ("World War II" and "Second World War", not "Lukashenko"
and "Aleksandr Lukashenko"), and one way is the usual one (used at least twice, and more
often than any other), the other ways are reported at each of their segments.

Out of the glossary (`check_learned`): the input itself says how a repeated source phrase is
usually rendered (glossary.suggest learns it: lemmatised n-grams, association, consistency).
A segment with the phrase but without its usual rendering, whose target holds a variant of
the rendering (as many words, all but one the same: "sowing company" for "sowing
campaign"), is reported; so is a rendering that stands for two different source
phrases, each consistently.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from glossary.bitext import Segment
from glossary.checks import Context, Record
from glossary.findings import Finding, Kind, Severity

if TYPE_CHECKING:
    from glossary.suggest import Candidate, Extraction

# A glossary source term has a usual rendering when one rendering is used at least this
# often, and more often than any other.
MIN_USES = 2


def check(records: Sequence[Record], segments: Sequence[Segment],
          ctx: Context) -> list[Finding]:
    """Renderings of one glossary source term that disagree across the input."""
    from lang.normalize import normalize_for_matching

    by_term: dict[tuple[str, str], list[tuple[Record, str, int, int]]] = defaultdict(list)
    for rec in records:
        distinct = {normalize_for_matching(t) for t, _, _ in rec.renderings}
        if len(distinct) == 1:  # none: missing (reported there); several: cannot tell
            term, start, end = rec.renderings[0]
            by_term[(rec.concept_id, rec.src_term)].append((rec, term, start, end))
    out = []
    for (concept_id, src_term), uses in by_term.items():
        counts = Counter(normalize_for_matching(term) for _, term, _, _ in uses)
        if len(counts) < 2:
            continue
        preferred = {normalize_for_matching(t.text) for t in ctx.usable_terms(concept_id)[:1]}
        order = {norm: n for n, norm in enumerate(dict.fromkeys(
            normalize_for_matching(term) for _, term, _, _ in uses))}
        dominant = max(counts, key=lambda r: (counts[r], r in preferred, -order[r]))
        if counts[dominant] < MIN_USES or any(
                n >= counts[dominant] for r, n in counts.items() if r != dominant):
            continue  # no usual rendering to depart from: one each is a choice, not a slip
        for rec, term, start, end in uses:
            norm = normalize_for_matching(term)
            if norm == dominant or not _alternatives(norm, dominant):
                continue
            seg = segments[rec.index]
            text = seg.target[start:end]
            shown = next(t for _, t, _, _ in uses if normalize_for_matching(t) == dominant)
            out.append(Finding(
                Kind.INCONSISTENT_TERM, Severity.WARNING, seg.id,
                f"«{src_term}» is rendered \"{shown}\" in {counts[dominant]} segments, "
                f"here \"{text}\"",
                concept=concept_id, src_start=rec.src_start, src_end=rec.src_end,
                src_text=seg.source[rec.src_start:rec.src_end],
                tgt_start=start, tgt_end=end, tgt_text=text,
            ))
    return out


def _alternatives(a: str, b: str) -> bool:
    """Whether two renderings compete, rather than one being a longer form of the other."""
    wa, wb = a.split(), b.split()
    return not (_subsequence(wa, wb) or _subsequence(wb, wa))


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


# A learned rendering counts when a source phrase has it in this many segments at least,
# and in this share of the phrase's segments.
MIN_SUPPORT = 3
MIN_CONSISTENCY = 0.6


def check_learned(segments: Sequence[Segment], ctx: Context) -> list[Finding]:
    """Renderings learned from the input itself that a segment departs from."""
    from glossary.suggest import Extraction

    extraction = Extraction(segments, ctx.src_lang, ctx.tgt_lang, termbase=ctx.termbase)
    out = []
    both, _ = extraction.cooccurrences(MIN_SUPPORT)
    usual: dict[tuple[str, ...], list[tuple[tuple[str, ...], int]]] = defaultdict(list)
    for (s, t), count in both.items():
        # A rendering of two words or more (one word has no variant to recognise), in most
        # of the phrase's segments, and mostly where the phrase is.
        if len(t) >= 2 and count >= MIN_SUPPORT and \
                count >= MIN_CONSISTENCY * extraction.src_df[s] and \
                count >= MIN_CONSISTENCY * extraction.tgt_df[t]:
            usual[s].append((t, count))
    departures: dict[int, list[tuple[int, int, int, Finding]]] = defaultdict(list)
    for s, renderings in usual.items():
        known = {t for t, _ in renderings}
        for n, keys in enumerate(extraction.src_sets):
            if s not in keys or known & extraction.tgt_sets[n]:
                continue
            for t, count in renderings:
                variant = next((v for v in sorted(extraction.tgt_sets[n])
                                if _one_word_apart(v, t)), None)
                if variant is not None:
                    found = _departure(extraction, n, s, t, count, variant)
                    departures[n].append((len(t), -count, -len(s), found))
    for found_here in departures.values():
        # Phrases in phrases find the same slip many times: the shortest rendering says it.
        taken: list[Finding] = []
        for *_, f in sorted(found_here, key=lambda d: d[:3]):
            if all(f.tgt_end <= o.tgt_start or f.tgt_start >= o.tgt_end  # type: ignore[operator]
                   for o in taken):
                taken.append(f)
        out.extend(taken)
    learned = [c for c in extraction.candidates(min_count=MIN_SUPPORT, min_dice=0.5)
               if c.count >= MIN_SUPPORT and c.consistency >= MIN_CONSISTENCY]
    out.extend(_shared_renderings(extraction, learned))
    return out


def _departure(extraction: Extraction, n: int, source: tuple[str, ...],
               rendering: tuple[str, ...], count: int, variant: tuple[str, ...]) -> Finding:
    from glossary.suggest import display_form, ngrams

    seg = extraction.segments[n]
    src = next(g for g in ngrams(seg.source, extraction.src_lang, len(source))
               if g.key == source)
    tgt = next(g for g in ngrams(seg.target, extraction.tgt_lang, len(variant))
               if g.key == variant)
    usual = display_form(extraction.forms["tgt"][rendering])[0]
    return Finding(
        Kind.INCONSISTENT_RENDERING, Severity.WARNING, seg.id,
        f"«{src.text}» is rendered \"{usual}\" in {count} of {extraction.src_df[source]} "
        f"segments, here \"{tgt.text}\"",
        src_start=src.start, src_end=src.end, src_text=src.text,
        tgt_start=tgt.start, tgt_end=tgt.end, tgt_text=tgt.text,
    )


def _shared_renderings(extraction: Extraction, learned: Sequence[Candidate]
                       ) -> list[Finding]:
    """One rendering standing for two unrelated source phrases, each consistently."""
    by_target: dict[tuple[str, ...], list[Candidate]] = defaultdict(list)
    for cand in learned:
        by_target[cand.target_key].append(cand)
    out = []
    for group in by_target.values():
        if len(group) < 2:
            continue
        group = sorted(group, key=lambda c: (-c.count, c.source))
        main = group[0]
        for other in group[1:]:
            if _related(other.source_key, main.source_key):
                continue  # "Совет Министров" and "Совет", "зерно" and "зерновых"
            for seg_id in other.examples[:1]:
                out.append(Finding(
                    Kind.INCONSISTENT_RENDERING, Severity.INFO, seg_id,
                    f"\"{main.target}\" renders both «{main.source}» ({main.count} segments) "
                    f"and «{other.source}» ({other.count})",
                    src_text=other.source, tgt_text=other.target,
                ))
    return out


def _related(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two phrases share a word, or words of one root (a common start of four
    letters or more: a noun and its adjective)."""
    return any(x == y or (len(x) >= 4 and len(y) >= 4 and
                          _common_start(x, y) >= max(4, min(len(x), len(y)) * 3 // 5))
               for x in a for y in b)


def _common_start(x: str, y: str) -> int:
    n = 0
    for p, q in zip(x, y, strict=False):
        if p != q:
            break
        n += 1
    return n


def _one_word_apart(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two renderings of one length that differ in exactly one word ("harvest company" and
    "harvesting campaign" differ in two; "harvest campaign" and "harvesting campaign" in
    one, since base forms compare)."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1
