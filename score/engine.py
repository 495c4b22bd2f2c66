"""Scoring drafts against references: statistics, scores, significance, in one call.

`score_segments` takes segment streams (from `score.inputs` or built in Python) and returns a
`ScoreResult`; `score.report` turns it into polars frames and the command's formats.

Flow: check the streams line up (or resegment the drafts); get each system's per-segment
statistics for each metric from the cache or compute them (in worker processes when
`jobs` > 1); corpus scores from the summed statistics; bootstrap intervals for every
system, paired bootstrap and approximate randomisation against the baseline, and WMT-style
clusters from the pairwise bootstrap.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from core.errors import TransdeskError
from score import significance as sig
from score.cache import StatsCache
from score.inputs import Segments
from score.metrics import METRICS, MetricOptions, SacreScorer, Scorer, texts_sha256
from score.resegment import Resegmenter

if TYPE_CHECKING:
    from score.terms import TermMatcher

T = TypeVar("T")
R = TypeVar("R")

TERM_METRICS = ("terms", "terms-wrong")
ALL_METRICS = (*METRICS, *TERM_METRICS)
DEFAULT_METRICS = ("bleu", "chrf")


@dataclass(frozen=True)
class ScoreConfig:
    """What to compute. Counts of 0 turn a step off."""

    metrics: tuple[str, ...] = DEFAULT_METRICS
    options: MetricOptions = field(default_factory=MetricOptions)
    bootstrap: int = 1000  # resamples for intervals, the paired bootstrap and clusters
    ar_trials: int = 10000  # approximate randomisation trials (with a baseline)
    baseline: str | None = None
    seed: int | None = sig.DEFAULT_SEED
    alpha: float = 0.05
    resegment: bool = False
    jobs: int = 1
    cache_dir: str | Path | None = None  # None: no cache


@dataclass(frozen=True)
class MetricResult:
    """One metric over all systems; tuples run parallel to `ScoreResult.systems`."""

    key: str
    name: str
    signature: str
    higher_is_better: bool
    scores: tuple[float, ...]
    stats: tuple[np.ndarray, ...] = field(repr=False)
    scorer: Scorer = field(repr=False)
    ci: tuple[tuple[float, float], ...] | None = None  # (bootstrap mean, 95% half-width)
    p_bs: tuple[float, ...] | None = None  # against the baseline; NaN for it
    p_ar: tuple[float, ...] | None = None
    clusters: tuple[int, ...] | None = None  # 1 = top cluster


@dataclass(frozen=True)
class ScoreResult:
    """Everything a run computed; `score.report` renders it."""

    systems: tuple[str, ...]
    metrics: tuple[MetricResult, ...]
    n_segments: int
    doc_ids: tuple[str, ...] | None
    baseline: str | None
    settings: str  # our own signature: seed, resamples, resegmentation, glossary
    cache_hits: int = 0
    cache_misses: int = 0
    cache_write_failed: bool = False
    drafts: tuple[tuple[str, ...], ...] = field(default=(), repr=False)  # as scored

    def metric(self, key: str) -> MetricResult:
        """The result of one metric by its key (bleu) or printed name (BLEU)."""
        for m in self.metrics:
            if key in (m.key, m.name):
                return m
        raise KeyError(key)


@dataclass(frozen=True)
class TermSetup:
    """What terminology accuracy needs besides the drafts."""

    matcher: TermMatcher
    glossary_id: str
    src_lang: str
    tgt_lang: str
    checkable: frozenset[str] | None = None


Progress = Callable[[int, int], None]  # (statistics done, statistics in all)


def score_segments(
    refs: Sequence[Segments],
    systems: Sequence[Segments],
    config: ScoreConfig = ScoreConfig(),
    *,
    source: Segments | None = None,
    terms: TermSetup | None = None,
    doc_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
    version: str = "",
) -> ScoreResult:
    """Score every system against the references; see the module docstring."""
    if config.baseline is not None:
        config = replace(config, baseline=_baseline_name(config.baseline, systems))
    _check_config(config, systems, terms is not None and source is not None)
    n = _check_refs(refs)
    docs = _doc_ids(n, doc_ids, refs, source)
    if source is not None and len(source) != n:
        raise TransdeskError(
            f"the source has {len(source)} segments, the references {n}"
        )
    if config.resegment:
        systems = _resegment_all(systems, refs[0], docs, config.jobs)
    for s in systems:
        if len(s) != n:
            raise TransdeskError(
                f"system {s.name} has {len(s)} segments, the references {n}; "
                "give --resegment for drafts segmented differently"
            )
    scorers = _scorers(config, refs, source, terms)
    cache = StatsCache(config.cache_dir)
    stats = _all_stats(scorers, systems, cache, config.jobs, progress)
    names = tuple(s.name for s in systems)
    base = names.index(config.baseline) if config.baseline is not None else None
    idxs = (sig.bootstrap_indices(n, config.bootstrap, config.seed)
            if config.bootstrap > 0 else None)
    sel = (sig.ar_selectors(n, config.ar_trials, config.seed)
           if base is not None and config.ar_trials > 0 else None)
    results = tuple(
        _metric_result(scorer, stats[i], base, idxs, sel, config.alpha)
        for i, scorer in enumerate(scorers)
    )
    return ScoreResult(
        systems=names,
        metrics=results,
        n_segments=n,
        doc_ids=docs,
        baseline=config.baseline,
        settings=settings_signature(config, terms, version),
        cache_hits=cache.hits,
        cache_misses=cache.misses,
        cache_write_failed=cache.write_failed,
        drafts=tuple(s.texts for s in systems),
    )


def settings_signature(config: ScoreConfig, terms: TermSetup | None, version: str) -> str:
    """Our settings in sacrebleu's signature style."""
    seed = "none" if config.seed is None else str(config.seed)
    parts = [
        f"seed:{seed}",
        f"bs:{config.bootstrap}",
        f"ar:{config.ar_trials if config.baseline else 0}",
        f"alpha:{config.alpha:g}",
        f"reseg:{'mwer' if config.resegment else 'no'}",
        f"glossary:{terms.glossary_id if terms else 'none'}",
    ]
    if version:
        parts.append(f"version:{version}")
    return "|".join(parts)


# --- checks -------------------------------------------------------------------------------


def _check_config(config: ScoreConfig, systems: Sequence[Segments], can_terms: bool) -> None:
    if not config.metrics:
        raise TransdeskError("no metric chosen")
    for key in config.metrics:
        if key not in ALL_METRICS:
            raise TransdeskError(f"unknown metric {key!r}; choose from {', '.join(ALL_METRICS)}")
        if key in TERM_METRICS and not can_terms:
            raise TransdeskError(
                f"metric {key} needs a glossary and the source (--glossary, --src)"
            )
    if len(set(config.metrics)) != len(config.metrics):
        raise TransdeskError("a metric is named twice")
    if not systems:
        raise TransdeskError("no system to score")
    names = [s.name for s in systems]
    twice = sorted({x for x in names if names.count(x) > 1})
    if twice:
        raise TransdeskError(f"two systems are called {twice[0]}; name them with NAME=FILE")
    if config.baseline is not None and config.baseline not in names:
        raise TransdeskError(
            f"baseline {config.baseline!r} is not among the systems: {', '.join(names)}"
        )
    if config.bootstrap < 0 or config.ar_trials < 0:
        raise TransdeskError("resample and trial counts cannot be negative")
    if not 0 < config.alpha < 1:
        raise TransdeskError(f"alpha {config.alpha} is not between 0 and 1")


def _baseline_name(baseline: str, systems: Sequence[Segments]) -> str:
    """The baseline's system name; the path of a system's file names it too."""
    if any(s.name == baseline for s in systems):
        return baseline
    wanted = Path(baseline).resolve()
    for s in systems:
        if s.origin and Path(s.origin).resolve() == wanted:
            return s.name
    return baseline  # _check_config says it is unknown


def _check_refs(refs: Sequence[Segments]) -> int:
    if not refs:
        raise TransdeskError("no reference given")
    n = len(refs[0])
    for r in refs[1:]:
        if len(r) != n:
            raise TransdeskError(
                f"references differ in length: {refs[0].name} has {n} segments, "
                f"{r.name} {len(r)}"
            )
    if n == 0:
        raise TransdeskError(f"{refs[0].origin or refs[0].name}: no segments")
    return n


def _doc_ids(
    n: int, given: Sequence[str] | None, refs: Sequence[Segments], source: Segments | None
) -> tuple[str, ...] | None:
    """Document ids: given ones first, else the references', else the source's."""
    if given is not None:
        if len(given) != n:
            raise TransdeskError(f"{len(given)} document ids for {n} segments")
        return tuple(given)
    for seg in (*refs, *((source,) if source else ())):
        if seg.doc_ids is not None:
            return seg.doc_ids
    return None


# --- resegmentation -----------------------------------------------------------------------


def _resegment_all(
    systems: Sequence[Segments], ref: Segments, docs: tuple[str, ...] | None, jobs: int
) -> list[Segments]:
    """Every draft split to the (first) reference's segments, document by document."""
    groups = _doc_groups(docs, len(ref))
    # The reference side of each document is tokenised once for all drafts.
    splitters = [Resegmenter([ref.texts[r] for r in rows]) for rows in groups.values()]
    texts = [_draft_documents(s, docs, groups) for s in systems]
    shared = (list(groups.values()), splitters, len(ref))
    pieces = _parallel(_split_documents, shared, texts, jobs)
    return [Segments(s.name, tuple(p), docs, s.origin)
            for s, p in zip(systems, pieces, strict=True)]


def _split_documents(
    shared: tuple[list[list[int]], list[Resegmenter], int], doc_texts: list[str]
) -> list[str]:
    rows_per_doc, splitters, n = shared
    pieces = [""] * n
    for rows, splitter, text in zip(rows_per_doc, splitters, doc_texts, strict=True):
        for row, piece in zip(rows, splitter.split(text), strict=True):
            pieces[row] = piece
    return pieces


def _doc_groups(docs: tuple[str, ...] | None, n: int) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for row in range(n):
        groups.setdefault(docs[row] if docs else "", []).append(row)
    return groups


def _draft_documents(
    system: Segments, docs: tuple[str, ...] | None, groups: dict[str, list[int]]
) -> list[str]:
    """The draft's text for each reference document, in the references' order."""
    if system.doc_ids is not None:
        by_doc: dict[str, list[str]] = {}
        for doc, text in zip(system.doc_ids, system.texts, strict=True):
            by_doc.setdefault(doc, []).append(text)
        unknown = [d for d in by_doc if d not in groups]
        if unknown:
            raise TransdeskError(f"system {system.name}: document {unknown[0]!r} is not in "
                                 "the references")
        return ["\n".join(by_doc.get(doc, [])) for doc in groups]
    if docs is None:
        return ["\n".join(system.texts)]
    if len(system) == len(groups):
        return list(system.texts)  # one line per document
    if len(system) == len(docs):
        return ["\n".join(system.texts[r] for r in rows) for rows in groups.values()]
    raise TransdeskError(
        f"system {system.name}: {len(system)} lines, but {len(groups)} documents and "
        f"{len(docs)} segments in the references; give one line per document or document ids"
    )


# --- statistics ---------------------------------------------------------------------------


def _scorers(
    config: ScoreConfig,
    refs: Sequence[Segments],
    source: Segments | None,
    terms: TermSetup | None,
) -> list[Scorer]:
    from score.terms import TermScorer

    ref_texts = [r.texts for r in refs]
    out: list[Scorer] = []
    for key in config.metrics:
        if key in TERM_METRICS:
            assert terms is not None and source is not None  # checked in _check_config
            out.append(TermScorer(key, source.texts, terms.matcher, terms.src_lang, terms.tgt_lang,
                                  glossary_id=terms.glossary_id, checkable=terms.checkable))
        else:
            out.append(SacreScorer(key, ref_texts, config.options))
    return out


def _all_stats(
    scorers: Sequence[Scorer],
    systems: Sequence[Segments],
    cache: StatsCache,
    jobs: int,
    progress: Progress | None,
) -> list[list[np.ndarray]]:
    """stats[metric][system], from the cache or computed; scorers sharing a token share."""
    tokens = [s.stats_token() for s in scorers]
    shas = [texts_sha256(s.texts) for s in systems]
    found: dict[tuple[str, int], np.ndarray] = {}
    todo: list[tuple[int, int]] = []  # (scorer, system) to compute
    first: dict[str, int] = {}
    for i, token in enumerate(tokens):
        first.setdefault(token, i)
    total = len(first) * len(systems)
    for token, i in first.items():
        for j, system in enumerate(systems):
            cached = cache.get(cache.key(shas[j], token), len(system))
            if cached is None:
                todo.append((i, j))
            else:
                found[(token, j)] = cached
    done = total - len(todo)
    if progress:
        progress(done, total)

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)
    for (i, j), stats in zip(todo, _compute(todo, scorers, systems, jobs, step),
                             strict=True):
        found[(tokens[i], j)] = stats
        cache.put(cache.key(shas[j], tokens[i]), stats)
    return [[found[(token, j)] for j in range(len(systems))] for token in tokens]


def _compute(
    todo: list[tuple[int, int]],
    scorers: Sequence[Scorer],
    systems: Sequence[Segments],
    jobs: int,
    step: Callable[[], None],
) -> list[np.ndarray]:
    for i in sorted({i for i, _ in todo}):
        scorers[i].prepare()  # once, before any fork
    out = []
    for stats in _parallel(_stats_of, (scorers, systems), todo, jobs, lazy=True):
        out.append(stats)
        step()
    return out


def _stats_of(
    shared: tuple[Sequence[Scorer], Sequence[Segments]], task: tuple[int, int]
) -> np.ndarray:
    scorers, systems = shared
    return scorers[task[0]].segment_stats(systems[task[1]].texts)


# Worker processes inherit what they share (prepared scorers, tokenised references) through
# fork: pickling reference n-grams for every task would cost more than computing. Set only
# inside a worker, by `_init_worker`.
_SHARED: object = None


def _init_worker(shared: object) -> None:
    global _SHARED
    _SHARED = shared


def _call(fn: Callable[[Any, T], R], item: T) -> R:
    return fn(_SHARED, item)


def _parallel(
    fn: Callable[[Any, T], R], shared: object, items: Sequence[T], jobs: int, *,
    lazy: bool = False,
) -> Iterator[R] | list[R]:
    """`fn(shared, item)` for every item, in order; in `jobs` forked workers when > 1."""
    workers = min(jobs, len(items))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        results: Iterator[R] = (fn(shared, item) for item in items)
        return results if lazy else list(results)

    def run() -> Iterator[R]:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                 initargs=(shared,)) as pool:
            yield from pool.map(partial(_call, fn), items)

    return run() if lazy else list(run())


# --- significance -------------------------------------------------------------------------


def _metric_result(
    scorer: Scorer,
    stats: list[np.ndarray],
    base: int | None,
    idxs: np.ndarray | None,
    sel: np.ndarray | None,
    alpha: float,
) -> MetricResult:
    real = [scorer.corpus_score(s) for s in stats]
    ci = p_bs = p_ar = clusters = None
    defined = all(np.isfinite(real))  # TermAcc is undefined without any source term
    if idxs is not None and defined:
        resampled = sig.bootstrap_scores(scorer, stats, idxs)
        ci = tuple(sig.confidence(row) for row in resampled)
        if base is not None:
            p_bs = tuple(float("nan") if k == base else
                         sig.paired_bootstrap_p(resampled, real, base, k)
                         for k in range(len(stats)))
        if len(stats) > 1:
            pairs = sig.pairwise_bootstrap_p(resampled, real)
            clusters = tuple(sig.clusters(real, pairs, scorer.higher_is_better, alpha))
    if sel is not None and base is not None and defined:
        p_ar = tuple(sig.paired_ar_p(scorer, stats, real, base, sel))
    return MetricResult(
        key=scorer.key,
        name=scorer.name,
        signature=scorer.signature(),
        higher_is_better=scorer.higher_is_better,
        scores=tuple(real),
        stats=tuple(stats),
        scorer=scorer,
        ci=ci,
        p_bs=p_bs,
        p_ar=p_ar,
        clusters=clusters,
    )
