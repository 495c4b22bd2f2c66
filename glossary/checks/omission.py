"""omission: a source sentence with no translation, or a segment left untranslated.

Only segments whose source has more sentences than the target are looked at (a cheap count
of sentence ends first, the sentence splitter after). Merging two sentences into one is good
translation, so a missing sentence has to be shown, in one of two ways:

- with a sentence aligner (`Context.sentence_aligner`; the command passes transdesk's own
  aligner, with its semantic and lexical evidence): the segment's sentences are aligned and
  a source sentence left alone in a 1:0 bead is reported;
- without one, by length: of the sentences that left no trace in the target (a number of
  it, a glossary term of it rendered), the target must be clearly closer (by `MARGIN` in
  log-ratio) to the expected length of the source without one than to that of the whole
  source (expected length: source characters times the input's own ratio,
  `Context.length_ratio`).
  Length cannot see a short sentence dropped from a terse translation; the aligner can.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from glossary.bitext import Segment
from glossary.checks import Context, Pair, read_pair
from glossary.findings import Finding, Kind, Severity

# How much closer (in |log(target / expected)|) the target must be to the source without a
# sentence than to the whole source, when deciding by length.
MARGIN = 0.12
# A sentence this short (in characters) may vanish in a merge ("Yes." + …): not reported.
MIN_SENTENCE = 12
# A cheap count of sentence ends, to skip the sentence splitter on most segments.
_END = re.compile(r"[.!?…][\"'»”“)\]]*\s+[\"'«“„(\[—–-]*\s*[A-ZА-ЯЁІЎ0-9]")


def worth_reading(seg: Segment) -> bool:
    """Whether `check` has anything to look at in a segment: a source with no translation,
    or with more sentence ends than its translation (a cheap test, run on every segment)."""
    if not seg.source.strip():
        return False
    if not seg.target.strip():
        return True
    return len(_END.findall(seg.source)) > len(_END.findall(seg.target))


def check(segments: Sequence[Segment], ctx: Context) -> list[Finding]:
    """Findings for segments with a source sentence (or everything) left untranslated."""
    out = []
    for seg in segments:
        if not worth_reading(seg):
            continue
        if not seg.target.strip():
            out.append(Finding(Kind.OMISSION, Severity.ERROR, seg.id,
                               "the segment has no translation",
                               src_start=0, src_end=len(seg.source), src_text=seg.source))
            continue
        out.extend(_check_segment(seg, ctx))
    return out


def _check_segment(seg: Segment, ctx: Context) -> list[Finding]:
    from lang import get_language

    src_sents = get_language(ctx.src_lang).split_sentences(seg.source)
    tgt_sents = get_language(ctx.tgt_lang).split_sentences(seg.target)
    if len(src_sents) < 2 or len(tgt_sents) >= len(src_sents):
        return []
    if ctx.sentence_aligner is not None:
        beads = ctx.sentence_aligner([seg.source[s:e] for s, e in src_sents],
                                     [seg.target[s:e] for s, e in tgt_sents],
                                     ctx.src_lang, ctx.tgt_lang)
        lost = [src[0] for src, tgt in beads if len(src) == 1 and not tgt]
    else:
        pair = read_pair(seg, ctx)
        traceless = [k for k, span in enumerate(src_sents) if not _kept(pair, *span)]
        k = _lost_by_length(seg, src_sents, traceless, ctx.length_ratio)
        lost = [] if k is None else [k]
    out = []
    for k in lost:
        start, end = src_sents[k]
        if end - start < MIN_SENTENCE:
            continue
        text = seg.source[start:end]
        out.append(Finding(
            Kind.OMISSION, Severity.WARNING, seg.id,
            f"source sentence {k + 1} of {len(src_sents)} seems to have no translation: "
            f"«{_short(text)}»",
            src_start=start, src_end=end, src_text=text,
        ))
    return out


def _lost_by_length(seg: Segment, src_sents: list[tuple[int, int]], candidates: list[int],
                    ratio: float) -> int | None:
    """Of the `candidates`, the sentence whose absence explains the target's length best, if
    it clearly does."""
    target = max(len(seg.target), 1)
    whole = sum(e - s for s, e in src_sents)
    full = abs(math.log(target / (ratio * whole)))
    best: tuple[float, int] | None = None
    for k in candidates:
        s, e = src_sents[k]
        if e - s < MIN_SENTENCE or whole - (e - s) <= 0:
            continue
        without = abs(math.log(target / (ratio * (whole - (e - s)))))
        if best is None or without < best[0]:
            best = (without, k)
    if best is None or best[0] + MARGIN >= full:
        return None
    return best[1]


def _kept(pair: Pair, start: int, end: int) -> bool:
    """Whether the target shows a trace of the source sentence at start..end: a glossary
    term of it rendered, or its numbers present."""
    seg = pair.segment
    rendered = {m.concept_id for m in pair.tgt_terms if m.status.usable}
    if any(start <= m.start and m.end <= end and m.concept_id in rendered
           for m in pair.src_terms):
        return True
    digits = re.findall(r"\d+", seg.source[start:end])
    return bool(digits) and all(d in seg.target for d in digits)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
