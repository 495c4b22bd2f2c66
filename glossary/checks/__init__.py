"""Checks of a translation against the glossary and against its source, segment by segment.

Every check is a small function in a module of its own, named here in the order they run:
- missing.py: a source term present, none of its preferred or admitted renderings in the
  target (missing-term);
- forbidden.py: a forbidden or deprecated rendering in the target, also where the source
  has no term (forbidden-term, deprecated-term);
- case.py: a proper name rendered in another case (wrong-case);
- numbers.py: numbers that differ, digits and number words (number-mismatch);
- untranslated.py: Cyrillic words left in a Latin-script translation (untranslated);
- marks.py: quotes and brackets the target leaves unpaired where the source does not
  (unpaired-mark);
- spaces.py: doubled spaces in the target (double-space);
- omission.py, segment by segment after the others: a source sentence that seems to have no
  translation, or an empty translation (omission);
- consistency.py, over the whole input: one source term rendered in different ways, in the
  glossary (inconsistent-term) and out of it (inconsistent-rendering), and one rendering
  standing for different source terms.

`check_bitext` reads every segment once (tokens, glossary matches on both sides) into a
`Pair` that the segment checks share, runs them, then the checks over the whole input.
With `workers` above 1 and a large input, segments are checked in forked worker processes
that inherit the built matcher, so nothing big is pickled.
"""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from glossary.bitext import Bitext, Segment
from glossary.findings import Finding, Kind
from glossary.match import Match, Matcher, Tokens, base_lang, select
from glossary.model import Concept, Status, Term, Termbase

ALL_KINDS = frozenset(Kind)
# Below this many segments, worker processes cost more than they save.
_PARALLEL_FROM = 20_000
_CHUNK = 5_000


@dataclass(frozen=True)
class CheckOptions:
    """What to check and how.

    kinds: the finding kinds wanted (default all).
    length_ratio: target characters per source character, for the omission check; None
        estimates it from the input (the median over its segments).
    learn_limit: out-of-glossary consistency learns renderings from the input itself,
        which costs memory and time that grow with it; it runs up to this many segments.
    strict_terms: also report a source term with no trace at all in the target (see
        checks/missing.py); off by default, since good translations paraphrase.
    learn: also learn renderings from the input itself and report departures from them
        (inconsistent-rendering, beyond the glossary); off by default: on free human
        translation most of what it finds is legitimate variation.
    """

    src_lang: str
    tgt_lang: str
    kinds: frozenset[Kind] = ALL_KINDS
    length_ratio: float | None = None
    learn_limit: int = 50_000
    strict_terms: bool = False
    learn: bool = False


@dataclass(slots=True)
class Pair:
    """One segment as every segment check sees it: texts, tokens and glossary matches.

    `src_terms` are the source's terms (non-overlapping, proper names correctly cased);
    `tgt_terms` every target match, overlapping ones and miscased proper names included.
    """

    segment: Segment
    src_tokens: Tokens
    tgt_tokens: Tokens
    src_terms: list[Match]
    tgt_terms: list[Match]
    _tgt_selected: list[Match] | None = None

    @property
    def tgt_selected(self) -> list[Match]:
        """The target's correctly cased terms, non-overlapping (as `Matcher.find` gives)."""
        if self._tgt_selected is None:
            self._tgt_selected = select([m for m in self.tgt_terms if m.case_ok])
        return self._tgt_selected


# Aligns the sentences of one segment: (source sentences, target sentences, source language,
# target language) -> beads as (source ids, target ids). The command passes transdesk's
# aligner; this package does not import align.
SentenceAligner = Callable[[Sequence[str], Sequence[str], str, str],
                           Sequence[tuple[tuple[int, ...], tuple[int, ...]]]]


class Context:
    """What the checks share: languages, options, the termbase's concepts, the matcher."""

    def __init__(self, termbase: Termbase, options: CheckOptions,
                 matcher: Matcher | None = None,
                 sentence_aligner: SentenceAligner | None = None) -> None:
        self.sentence_aligner = sentence_aligner
        self.termbase = termbase
        self.memo: dict[str, dict] = {}  # what checks compute once per run, by check
        self.options = options
        self.src_lang = base_lang(options.src_lang)
        self.tgt_lang = base_lang(options.tgt_lang)
        self.matcher = matcher or Matcher(termbase, (self.src_lang, self.tgt_lang))
        self.concepts: dict[str, Concept] = {c.id: c for c in termbase.concepts}
        # Concepts a translation can be checked for: a usable term in the target language.
        self.checkable = frozenset(
            c.id for c in termbase.concepts
            if any(base_lang(t.lang) == self.tgt_lang and t.status.usable for t in c.terms)
        )
        self.length_ratio = options.length_ratio or 1.0
        # Concepts whose source terms can be rendered in two usable ways: the only ones the
        # consistency check can find anything about, so the only ones it is told of.
        self.varied = frozenset(
            c.id for c in termbase.concepts
            if sum(base_lang(t.lang) == self.tgt_lang and t.status.usable for t in c.terms) > 1
        )

    def wants(self, kind: Kind) -> bool:
        """Whether findings of `kind` were asked for."""
        return kind in self.options.kinds

    def usable_terms(self, concept_id: str) -> list[Term]:
        """The preferred, then admitted, terms of a concept in the target language."""
        concept = self.concepts.get(concept_id)
        if concept is None:
            return []
        terms = [t for t in concept.terms
                 if base_lang(t.lang) == self.tgt_lang and t.status.usable]
        return sorted(terms, key=lambda t: t.status is not Status.PREFERRED)

    def suggestion(self, concept_id: str, instead_of: str | None = None, *,
                   source_term: tuple[str, str] | None = None) -> str | None:
        """The rendering to write: among the usable target terms, one of the term type and
        status of the source term (lang, text) found (a variant for a variant, a preferred
        term for a preferred one), then the one closest to `instead_of`, the rendering the
        target has; the preferred one first where nothing else decides."""
        import difflib

        terms = self.usable_terms(concept_id)
        if not terms:
            return None
        src = None
        if source_term is not None:
            concept = self.concepts[concept_id]
            src = next((t for t in concept.terms if (base_lang(t.lang), t.text) == source_term),
                       None)

        def rank(t: Term) -> tuple[bool, bool, float, bool]:
            same_type = src is None or t.term_type == src.term_type
            same_status = src is None or t.status is src.status
            close = difflib.SequenceMatcher(None, t.text.lower(), instead_of.lower()).ratio() \
                if instead_of else 0.0
            return not same_type, not same_status, -close, t.status is not Status.PREFERRED

        return min(terms, key=rank).text


SegmentCheck = Callable[[Pair, Context], list[Finding]]


def _segment_checks() -> tuple[tuple[frozenset[Kind], SegmentCheck], ...]:
    """The segment checks in the order they run, with the kinds each raises."""
    from glossary.checks import case, forbidden, marks, missing, numbers, spaces, untranslated

    return (
        (frozenset({Kind.MISSING_TERM}), missing.check),
        (frozenset({Kind.FORBIDDEN_TERM, Kind.DEPRECATED_TERM}), forbidden.check),
        (frozenset({Kind.WRONG_CASE}), case.check),
        (frozenset({Kind.NUMBER_MISMATCH}), numbers.check),
        (frozenset({Kind.UNTRANSLATED}), untranslated.check),
        (frozenset({Kind.UNPAIRED_MARK}), marks.check),
        (frozenset({Kind.DOUBLE_SPACE}), spaces.check),
    )


@dataclass
class CheckResult:
    """The findings of a run, in segment order, and what the run could not do."""

    findings: list[Finding]
    notes: list[str] = field(default_factory=list)


def check_bitext(bitext: Bitext | Sequence[Segment], termbase: Termbase,
                 options: CheckOptions, *, workers: int = 1,
                 progress: Callable[[int], None] | None = None,
                 sentence_aligner: SentenceAligner | None = None) -> CheckResult:
    """Run every wanted check over the segments; see the module docstring.

    `sentence_aligner` lets the omission check align the sentences of a segment whose
    source has more of them than its target; without one it decides by length.
    """
    segments = bitext.segments if isinstance(bitext, Bitext) else tuple(bitext)
    if options.length_ratio is None:
        options = _with_ratio(options, segments)
    ctx = Context(termbase, options, sentence_aligner=sentence_aligner)
    checks = tuple((kinds, fn) for kinds, fn in _segment_checks()
                   if kinds & options.kinds)
    findings: list[Finding] = []
    records: list[Record] = []
    candidates: list[int] = []
    if workers > 1 and len(segments) >= _PARALLEL_FROM and _can_fork():
        chunks = _run_parallel(segments, ctx, checks, workers, progress)
    else:
        chunks = _run_serial(segments, ctx, checks, progress)
    for chunk in chunks:
        findings.extend(chunk.findings)
        records.extend(chunk.records)
        candidates.extend(chunk.omission)
    notes: list[str] = []
    from glossary.checks import consistency, omission

    if Kind.OMISSION in options.kinds:
        findings.extend(omission.check([segments[n] for n in candidates], ctx))

    if options.kinds & {Kind.INCONSISTENT_TERM, Kind.INCONSISTENT_RENDERING}:
        findings.extend(consistency.check(records, segments, ctx))
        if options.learn and Kind.INCONSISTENT_RENDERING in options.kinds:
            if len(segments) <= options.learn_limit:
                findings.extend(consistency.check_learned(segments, ctx))
            else:
                notes.append(
                    f"out-of-glossary consistency skipped: {len(segments):,} segments is "
                    f"over the limit of {options.learn_limit:,} (--learn-limit)"
                )
    order = {s.id: n for n, s in enumerate(segments)}
    findings.sort(key=lambda f: order.get(f.segment, len(order)))
    return CheckResult(findings, notes)


class Record(NamedTuple):
    """What the consistency check keeps of a source term found in a segment: where, and the
    usable renderings of its concept in the target (term, start, end)."""

    index: int
    concept_id: str
    src_term: str
    src_start: int
    src_end: int
    renderings: tuple[tuple[str, int, int], ...]


def read_pair(segment: Segment, ctx: Context) -> Pair:
    """Tokens and glossary matches of one segment, as the checks share them."""
    from lang.tokens import token_tuples

    src_tokens = token_tuples(segment.source)
    tgt_tokens = token_tuples(segment.target)
    matcher = ctx.matcher
    src_terms = matcher.find(segment.source, ctx.src_lang, tokens=src_tokens)
    tgt_terms = matcher.find_all(segment.target, ctx.tgt_lang, miscased=True,
                                 tokens=tgt_tokens)
    return Pair(segment, src_tokens, tgt_tokens, src_terms, tgt_terms)


@dataclass
class _Collected:
    """What the segment checks of a run (or of one worker's share) gather."""

    findings: list[Finding] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    omission: list[int] = field(default_factory=list)  # segments omission.py should read


def _check_one(index: int, segment: Segment, ctx: Context,
               checks: Sequence[tuple[frozenset[Kind], SegmentCheck]],
               out: _Collected) -> None:
    if not segment.source.strip() and not segment.target.strip():
        return
    if Kind.OMISSION in ctx.options.kinds:
        from glossary.checks.omission import worth_reading

        if worth_reading(segment):
            out.omission.append(index)
    pair = read_pair(segment, ctx)
    kinds = ctx.options.kinds
    for _kinds, fn in checks:
        result = fn(pair, ctx)
        if result:
            out.findings.extend(f for f in result if f.kind in kinds)
    varied = ctx.varied
    if varied and any(m.concept_id in varied for m in pair.src_terms):
        usable: dict[str, list[tuple[str, int, int]]] = {}
        for m in pair.tgt_selected:
            if m.status.usable and m.concept_id in varied:
                usable.setdefault(m.concept_id, []).append((m.term, m.start, m.end))
        for m in pair.src_terms:
            if m.concept_id in varied:
                out.records.append(Record(index, m.concept_id, m.term, m.start, m.end,
                                          tuple(usable.get(m.concept_id, ()))))


def _run_serial(segments: Sequence[Segment], ctx: Context,
                checks: Sequence[tuple[frozenset[Kind], SegmentCheck]],
                progress: Callable[[int], None] | None) -> Iterable[_Collected]:
    out = _Collected()
    for n, segment in enumerate(segments):
        _check_one(n, segment, ctx, checks, out)
        if progress is not None and (n + 1) % 1000 == 0:
            progress(1000)
    if progress is not None and len(segments) % 1000:
        progress(len(segments) % 1000)
    yield out


# State a forked worker inherits: set just before the pool starts, never changed after.
_SHARED: tuple[Sequence[Segment], Context, Sequence[tuple[frozenset[Kind], SegmentCheck]]] \
    | None = None


def _work(span: tuple[int, int]) -> _Collected:
    assert _SHARED is not None
    segments, ctx, checks = _SHARED
    out = _Collected()
    for n in range(*span):
        _check_one(n, segments[n], ctx, checks, out)
    return out


def _run_parallel(segments: Sequence[Segment], ctx: Context,
                  checks: Sequence[tuple[frozenset[Kind], SegmentCheck]], workers: int,
                  progress: Callable[[int], None] | None) -> Iterable[_Collected]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED
    # Build the indexes before forking, so every worker inherits them instead of building.
    ctx.matcher.find("x", ctx.src_lang)
    ctx.matcher.find("x", ctx.tgt_lang)
    _SHARED = (segments, ctx, checks)
    spans = [(a, min(a + _CHUNK, len(segments))) for a in range(0, len(segments), _CHUNK)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) \
                as pool:
            for (a, b), result in zip(spans, pool.map(_work, spans), strict=True):
                if progress is not None:
                    progress(b - a)
                yield result
    finally:
        _SHARED = None


def _can_fork() -> bool:
    return sys.platform != "win32" and hasattr(os, "fork")


def default_workers() -> int:
    """Worker processes for a large input: the CPUs this process may use, at most 8."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


def _with_ratio(options: CheckOptions, segments: Sequence[Segment]) -> CheckOptions:
    """The options with the input's own length ratio: the median of target over source
    characters, over segments with both sides (1.0 when there are too few)."""
    from dataclasses import replace

    step = max(1, len(segments) // 20_000)  # a sample is plenty for a median
    ratios = [len(s.target) / len(s.source) for s in segments[::step]
              if len(s.source) >= 20 and len(s.target) >= 5]
    ratio = statistics.median(ratios) if len(ratios) >= 5 else 1.0
    return replace(options, length_ratio=ratio)
