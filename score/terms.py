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

Finding terms is the glossary matcher's job, behind `TermMatcher`. The real matcher
(glossary.match, inflection-aware) is wired in `default_matcher`; until it exists,
`BaseFormMatcher` here finds terms by the base forms `lang` knows (lemmas for ru and en,
stems for be), which already counts inflected Russian forms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from glossary.model import MatchMode, Status, Termbase
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


class TermMatcher(Protocol):
    """Finds every glossary term in a text, in any inflection, with spans."""

    def find(self, text: str, lang: str) -> list[TermMatch]:
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
    """The glossary's own matcher when it exists; the interim base-form matcher until then.

    This is the one place to wire `glossary.match` in: adapt its result to `TermMatch`.
    """
    return BaseFormMatcher(termbase)


class BaseFormMatcher:
    """Interim matcher: a term matches a run of words whose base forms meet the term's.

    Words are `lang.tokens` words; base forms come from `lang` (pymorphy lemmas for ru, an
    English lemmatiser, Belarusian stems). EXACT terms match normalised written forms only;
    PATTERN terms are not matched. Overlaps go to the longest match, then the earliest.
    """

    cache_id = "base-forms-1"

    def __init__(self, termbase: Termbase) -> None:
        # lang -> first base form -> [(forms per word, concept, status, exact words, case)]
        self._index: dict[str, dict[str, list[_Entry]]] = {}
        for concept in termbase.concepts:
            for term in concept.terms:
                if term.match is MatchMode.PATTERN:
                    continue
                entry = _entry(term.text, term.lang, concept.id, term.status,
                               exact=term.match is MatchMode.EXACT)
                if entry is not None:
                    for form in entry.words[0]:
                        self._index.setdefault(term.lang, {}).setdefault(form, []).append(entry)

    def find(self, text: str, lang: str) -> list[TermMatch]:
        index = self._index.get(lang)
        if not index:
            return []
        words = _words(text, lang)
        found: list[TermMatch] = []
        for i, (forms, exact, start, _end) in enumerate(words):
            candidates = {id(e): e for f in (*forms, exact) for e in index.get(f, ())}
            for entry in candidates.values():
                k = len(entry.words)
                if i + k > len(words):
                    continue
                span = words[i:i + k]
                if all(_fits(entry, j, w) for j, w in enumerate(span)):
                    found.append(TermMatch(entry.concept_id, entry.status, start, span[-1][3]))
        return _non_overlapping(found)


@dataclass(frozen=True)
class _Entry:
    words: tuple[frozenset[str], ...]  # acceptable forms per word
    concept_id: str
    status: Status
    exact: bool


def _entry(text: str, lang: str, concept_id: str, status: Status, *, exact: bool) -> _Entry | None:
    words = _words(text, lang)
    if not words:
        return None
    forms = tuple(frozenset({w[1]}) if exact else frozenset(w[0]) | {w[1]} for w in words)
    return _Entry(forms, concept_id, status, exact)


def _fits(entry: _Entry, j: int, word: tuple[tuple[str, ...], str, int, int]) -> bool:
    forms, exact, _, _ = word
    allowed = entry.words[j]
    return exact in allowed if entry.exact else bool(allowed.intersection((*forms, exact)))


def _words(text: str, lang: str) -> list[tuple[tuple[str, ...], str, int, int]]:
    """(base forms, normalised form, start, end) of each word or number of `text`."""
    from lang import get_language
    from lang.normalize import normalize_token

    profile = get_language(lang)  # a generic profile (no morphology) for other languages
    out = []
    for token in profile.tokenize(text):
        if token.kind not in ("word", "number"):
            continue
        norm = normalize_token(token.text)
        forms = profile.base_forms(token.text) if token.kind == "word" else (norm,)
        out.append((tuple(forms), norm, token.start, token.end))
    return out


def _non_overlapping(found: list[TermMatch]) -> list[TermMatch]:
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    taken: list[TermMatch] = []
    for m in found:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m.start)
