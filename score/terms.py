"""Terminology accuracy of drafts against the desk glossary, as per-segment statistics.

For every segment, the glossary concepts found in the source (each occurrence counts) are
looked for in the draft:
- ok: occurrences whose preferred or admitted rendering appears in the draft;
- wrong: of the rest, occurrences rendered with a deprecated or forbidden term;
- the remainder is missing (no rendering the glossary knows).
Per concept and segment: ok = min(source count, usable renderings in the draft), wrong =
min(source count - ok, deprecated or forbidden renderings). Only concepts with a usable term
in the target language count. The statistics [terms, ok, wrong] add up over segments like
sacrebleu's, so corpus, document and bootstrap scores come from sums: TermAcc = 100 * ok /
terms and TermWrong = 100 * wrong / terms (undefined, NaN, where there are no terms).

Finding terms is the glossary matcher's job (`glossary.match.Matcher`: every inflection,
Russian through all lemma readings, Belarusian through the stemmer), behind `TermMatcher`
so that tests can hand in a small fake.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from glossary.model import Status, Termbase
from score.metrics import Arith, texts_sha256

_USABLE = frozenset({Status.PREFERRED, Status.ADMITTED})
_WRONG = frozenset({Status.DEPRECATED, Status.FORBIDDEN})
VERSION = "1"  # of the statistics' definition; part of the cache key and the signature


@dataclass(frozen=True)
class TermMatch:
    """One term found in a text: its concept, the term's status, and its character span."""

    concept_id: str
    status: Status
    start: int
    end: int


class FoundTerm(Protocol):
    """What scoring reads of a match: `TermMatch` or `glossary.match.Match`."""

    @property
    def concept_id(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class TermMatcher(Protocol):
    """Finds every glossary term in a text, in any inflection, with spans."""

    def find(self, text: str, lang: str) -> Sequence[FoundTerm]:
        """Matches in `text` (language `lang`), non-overlapping, in text order."""
        ...


def term_stats(
    sources: Sequence[str],
    drafts: Sequence[str],
    matcher: TermMatcher,
    src_lang: str,
    tgt_lang: str,
    checkable: frozenset[str] | None = None,
) -> np.ndarray:
    """Per-segment [terms, ok, wrong] (int64), as the module docstring defines them.

    `checkable` limits the concepts counted (those with a usable target term); None: all.
    """
    rows = np.zeros((len(sources), 3), dtype=np.int64)
    for index, (src, hyp) in enumerate(zip(sources, drafts, strict=True)):
        wanted = Counter(m.concept_id for m in matcher.find(src, src_lang)
                         if checkable is None or m.concept_id in checkable)
        if not wanted:
            continue
        good: Counter[str] = Counter()
        bad: Counter[str] = Counter()
        for m in matcher.find(hyp, tgt_lang):
            if m.concept_id not in wanted:
                continue
            if m.status in _USABLE:
                good[m.concept_id] += 1
            elif m.status in _WRONG:
                bad[m.concept_id] += 1
        ok = {c: min(n, good[c]) for c, n in wanted.items()}
        rows[index] = (
            sum(wanted.values()),
            sum(ok.values()),
            sum(min(n - ok[c], bad[c]) for c, n in wanted.items()),
        )
    return rows


def checkable_concepts(termbase: Termbase, tgt_lang: str) -> frozenset[str]:
    """Concepts with a preferred or admitted term in the target language."""
    return frozenset(
        c.id for c in termbase.concepts
        if any(t.lang == tgt_lang and t.status in _USABLE for t in c.terms)
    )


class TermScorer:
    """Terminology accuracy (or the wrong-term rate) behind score.metrics' Scorer interface."""

    def __init__(
        self,
        kind: str,
        sources: Sequence[str],
        matcher: TermMatcher,
        src_lang: str,
        tgt_lang: str,
        *,
        glossary_id: str,
        checkable: frozenset[str] | None = None,
    ) -> None:
        if kind not in ("terms", "terms-wrong"):
            raise ValueError(kind)
        self.key = kind
        self.name = "TermAcc" if kind == "terms" else "TermWrong"
        self.higher_is_better = kind == "terms"
        self.sources = list(sources)
        self.matcher = matcher
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self.glossary_id = glossary_id
        self.checkable = checkable
        self._matcher_id = getattr(matcher, "cache_id", type(matcher).__qualname__)
        self._column = 1 if kind == "terms" else 2

    def signature(self) -> str:
        return (f"glossary:{self.glossary_id}|matcher:{self._matcher_id}|"
                f"lang:{self.src_lang}-{self.tgt_lang}|v:{VERSION}")

    def stats_token(self) -> str:
        # Both kinds share one token: they read different columns of the same statistics.
        return (f"terms|glossary:{self.glossary_id}|matcher:{self._matcher_id}|"
                f"lang:{self.src_lang}-{self.tgt_lang}|v:{VERSION}|"
                f"src:{texts_sha256(self.sources)}")

    def prepare(self) -> None:
        """Nothing to cache per reference: the source is matched with each draft."""

    def segment_stats(self, hyps: Sequence[str]) -> np.ndarray:
        return term_stats(self.sources, hyps, self.matcher, self.src_lang, self.tgt_lang,
                          self.checkable)

    def corpus_score(self, stats: np.ndarray) -> float:
        return float(self.batch_scores(np.asarray(stats).sum(0, keepdims=True), "float64")[0])

    def batch_scores(self, sums: np.ndarray, arith: Arith) -> np.ndarray:
        sums = np.asarray(sums, dtype=np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(sums[:, 0] > 0, 100.0 * sums[:, self._column] / sums[:, 0], np.nan)

    def segment_scores(self, stats: np.ndarray) -> np.ndarray:
        return self.batch_scores(stats, "float64")


# --- the matcher -------------------------------------------------------------------------


def default_matcher(termbase: Termbase) -> TermMatcher:
    """The glossary's matcher over `termbase`."""
    from glossary.match import Matcher

    return Matcher(termbase)
