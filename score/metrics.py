"""sacrebleu's metrics as per-segment sufficient statistics, and scores computed from them.

sacrebleu stays the source of truth: statistics come from each metric's own
`_extract_corpus_statistics`, corpus scores from its own `_aggregate_and_compute`. What this
module adds is `batch_scores`: the scores of many rows of summed statistics at once
(bootstrap resamples, randomisation trials, documents, segments) as numpy arithmetic that
reproduces sacrebleu's scalar code bit for bit. That takes three kinds of care:

- the same dtypes: sacrebleu's bootstrap sums float32 statistics, so its precisions are
  float32 there ("float32" arithmetic); its corpus scores and randomisation trials work on
  Python or int64 integers, so theirs are float64 ("float64" arithmetic);
- the same order of operations, including where a Python scalar is cast to float32;
- `math.log` and `math.exp`, not numpy's, whose SIMD versions may differ in the last bit.

`tests/score/test_metrics.py` checks every formula against sacrebleu's own row-by-row code on
random statistics. Settings without a formula here (BLEU add-k smoothing, chrF eps smoothing)
fall back to calling sacrebleu once per row: slower, equally exact.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

import numpy as np
from sacrebleu.metrics.base import Metric
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER
from sacrebleu.utils import sum_of_lists

from core.errors import TransdeskError

Arith = Literal["float64", "float32"]

# The metrics a user can ask for, in the order they are reported.
METRICS = ("bleu", "chrf", "chrf++", "ter")

# sacrebleu's my_log floor for log(0).
_LOG_ZERO = -9999999999.0


class Scorer(Protocol):
    """One metric over per-segment sufficient statistics (sacrebleu's or our own)."""

    key: str  # what the user types: bleu, chrf, chrf++, ter, terms, terms-wrong
    name: str  # what is printed: BLEU, chrF2, chrF2++, TER, TermAcc, TermWrong
    higher_is_better: bool

    def signature(self) -> str:
        """The reproducibility signature, sacrebleu style (`key:value|…`)."""
        ...

    def stats_token(self) -> str:
        """Everything the statistics depend on besides the draft: the cache key's other half.

        Scorers with the same token share statistics (TermAcc and TermWrong do).
        """
        ...

    def prepare(self) -> None:
        """Do the per-reference work (n-gram caches) before drafts are scored."""
        ...

    def segment_stats(self, hyps: Sequence[str]) -> np.ndarray:
        """Sufficient statistics, one row per segment."""
        ...

    def corpus_score(self, stats: np.ndarray) -> float:
        """The score of the summed rows, computed exactly as sacrebleu's corpus score."""
        ...

    def batch_scores(self, sums: np.ndarray, arith: Arith) -> np.ndarray:
        """Scores of many rows of already summed statistics (see the module docstring)."""
        ...

    def segment_scores(self, stats: np.ndarray) -> np.ndarray:
        """Sentence-level scores, one per row of `stats`."""
        ...


@dataclass(frozen=True)
class MetricOptions:
    """The metric settings a user may change; everything else is sacrebleu's default."""

    tokenize: str | None = None  # BLEU's tokenizer; None: sacrebleu's choice for trg_lang
    lowercase: bool = False  # BLEU and chrF (TER is case-insensitive by default)
    trg_lang: str = ""  # picks BLEU's tokenizer for zh, ja, ko; 13a otherwise


def sacrebleu_metric(key: str, options: MetricOptions, *, sentence: bool = False) -> Metric:
    """A sacrebleu metric object for `key`, built as sacrebleu's command line builds it.

    `sentence` gives BLEU with effective order, as `sacrebleu --sentence-level` uses.
    """
    if key == "bleu":
        try:
            return BLEU(lowercase=options.lowercase, tokenize=options.tokenize,
                        trg_lang=options.trg_lang, effective_order=sentence)
        except (KeyError, ValueError, AssertionError, RuntimeError) as exc:
            raise TransdeskError(f"BLEU: {exc}") from None
    if key == "chrf":
        return CHRF(lowercase=options.lowercase)
    if key == "chrf++":
        return CHRF(word_order=2, lowercase=options.lowercase)
    if key == "ter":
        return TER()
    raise TransdeskError(f"unknown metric {key!r}; choose from {', '.join(METRICS)}")


class SacreScorer:
    """A sacrebleu metric behind the `Scorer` interface.

    The reference n-grams are cached once (`prepare`), so that each draft costs only its own
    statistics, as in sacrebleu's command line.
    """

    def __init__(self, key: str, refs: Sequence[Sequence[str]], options: MetricOptions) -> None:
        self.key = key
        self.metric = sacrebleu_metric(key, options)
        self._sentence_metric = (
            sacrebleu_metric(key, options, sentence=True) if key == "bleu" else self.metric
        )
        self.refs = [list(r) for r in refs]
        # What sacrebleu's reference caching sets; known without doing it, so that a run
        # served wholly from the cache never tokenises the references.
        self.metric.num_refs = len(self.refs)
        self.name = _metric_name(self.metric)
        self.higher_is_better = key != "ter"
        self._refs_sha = texts_sha256(texts_sha256(r) for r in self.refs)
        self._prepared = False

    def signature(self) -> str:
        return self.metric.get_signature().format()

    def stats_token(self) -> str:
        return f"{self.signature()}|refs:{self._refs_sha}"

    def prepare(self) -> None:
        if not self._prepared:
            self.metric._ref_cache = self.metric._cache_references(self.refs)
            self._prepared = True

    def segment_stats(self, hyps: Sequence[str]) -> np.ndarray:
        self.prepare()
        rows = self.metric._extract_corpus_statistics(list(hyps), None)
        return np.array(rows, dtype=_stats_dtype(rows))

    def corpus_score(self, stats: np.ndarray) -> float:
        # .tolist() gives back the Python numbers sacrebleu summed; sum_of_lists keeps its order.
        return float(self.metric._compute_score_from_stats(sum_of_lists(stats.tolist())).score)

    def batch_scores(self, sums: np.ndarray, arith: Arith) -> np.ndarray:
        return batch_scores(self.metric, sums, arith)

    def segment_scores(self, stats: np.ndarray) -> np.ndarray:
        return batch_scores(self._sentence_metric, stats, "float64")


def _metric_name(metric: Metric) -> str:
    if isinstance(metric, CHRF):
        return f"chrF{metric.beta}" + "+" * metric.word_order
    return type(metric).__name__


def _stats_dtype(rows: list[list[float]]) -> type:
    """int64 when every statistic is an int (BLEU, chrF), float64 otherwise (TER)."""
    if all(isinstance(x, int) for row in rows[:1] for x in row) and all(
        isinstance(x, int) for row in rows for x in row
    ):
        return np.int64
    return np.float64


def texts_sha256(texts: Iterable[str]) -> str:
    """sha256 of a sequence of strings; each is length-prefixed, so the split is unambiguous."""
    h = hashlib.sha256()
    for text in texts:
        data = text.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


# --- scores of many summed rows, bit for bit as sacrebleu computes one -----------------------


def batch_scores(metric: Metric, sums: np.ndarray, arith: Arith) -> np.ndarray:
    """Scores of the rows of `sums`, equal to sacrebleu's `_compute_score_from_stats` per row.

    `arith` "float32" matches sacrebleu's bootstrap (float32 statistics); "float64" matches its
    corpus scores and randomisation trials. The result has the dtype sacrebleu's
    `np.array([score.score for …])` would have.
    """
    sums = np.asarray(sums)
    if sums.ndim != 2:
        raise ValueError("sums must be a 2-D array, one row per score")
    if arith == "float32":
        sums = sums.astype(np.float32, copy=False)
    if isinstance(metric, BLEU) and metric.smooth_method in ("exp", "floor", "none"):
        return _bleu_batch(metric, sums, arith)
    if isinstance(metric, CHRF) and not metric.eps_smoothing:
        return _chrf_batch(metric, sums, arith)
    if isinstance(metric, TER):
        return _ter_batch(sums, arith)
    return loop_scores(metric, sums, arith)


def loop_scores(metric: Metric, sums: np.ndarray, arith: Arith) -> np.ndarray:
    """sacrebleu's own code, once per row: the fallback, and the oracle in the tests."""
    if arith == "float32":
        rows = [row for row in np.asarray(sums, dtype=np.float32)]
    elif np.issubdtype(np.asarray(sums).dtype, np.integer):
        rows = [row for row in np.asarray(sums, dtype=np.int64)]
    else:
        rows = [row for row in np.asarray(sums, dtype=np.float64)]
    return np.array([metric._compute_score_from_stats(row).score for row in rows])


def _float(arith: Arith) -> type[np.floating]:
    return np.float32 if arith == "float32" else np.float64


def _py_map(fn: Callable[[float], float], values: np.ndarray) -> np.ndarray:
    """Apply a `math` function element by element (numpy's may round differently)."""
    flat = values.ravel().tolist()
    return np.fromiter(map(fn, flat), dtype=np.float64, count=len(flat)).reshape(values.shape)


def _bleu_batch(metric: BLEU, sums: np.ndarray, arith: Arith) -> np.ndarray:
    """BLEU.compute_bleu for many rows; comments name the line of sacrebleu each step mirrors."""
    ft = _float(arith)
    order = metric.max_ngram_order
    n = len(sums)
    sys_len = sums[:, 0].astype(np.int64)  # int(stats[0])
    ref_len = sums[:, 1].astype(np.int64)
    correct = sums[:, 2:2 + order].astype(ft)
    total = sums[:, 2 + order:2 + 2 * order].astype(ft)

    # bp = math.exp(1 - ref_len / sys_len) if sys_len > 0 else 0.0, when sys_len < ref_len
    short = sys_len < ref_len
    bp = np.ones(n)
    pos = short & (sys_len > 0)
    bp[short & ~pos] = 0.0
    if pos.any():
        ratio = ref_len[pos].astype(np.float64) / sys_len[pos].astype(np.float64)
        bp[pos] = _py_map(math.exp, 1 - ratio)

    precisions = np.zeros((n, order), dtype=ft)
    active = np.ones(n, dtype=bool)  # False once `total == 0` broke the loop
    smooth = np.ones(n)  # smooth_mteval, a Python float
    eff_order = np.full(n, order)
    hundred = ft(100.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(order):
            active &= total[:, i] != 0
            if metric.effective_order:
                eff_order = np.where(active, i + 1, eff_order)
            zero = correct[:, i] == 0
            hit = hundred * correct[:, i] / total[:, i]
            if metric.smooth_method == "exp":
                smooth = np.where(active & zero, smooth * 2, smooth)
                # smooth_mteval * total: the Python float is cast to the statistics' dtype
                miss = hundred / (smooth.astype(ft) * total[:, i])
            elif metric.smooth_method == "floor":
                value = metric.smooth_value
                if value is None:
                    value = BLEU.SMOOTH_DEFAULTS["floor"]
                miss = ft(100.0 * value) / total[:, i]
            else:
                miss = np.zeros(n, dtype=ft)
            precisions[:, i] = np.where(active, np.where(zero, miss, hit), 0)

    # sum([my_log(p) for p in precisions[:eff_order]]) / eff_order, left to right
    zero = precisions == 0
    logs = np.where(zero, _LOG_ZERO, _py_map(math.log, np.where(zero, 1, precisions)))
    acc = np.zeros(n)
    for i in range(order):
        acc = np.where(i < eff_order, acc + logs[:, i], acc)
    score = bp * _py_map(math.exp, acc / eff_order)
    no_match = ~(correct != 0).any(axis=1)  # `if not any(correct): return 0.0`
    score[no_match] = 0.0
    return score


def _chrf_batch(metric: CHRF, sums: np.ndarray, arith: Arith) -> np.ndarray:
    """CHRF._compute_f_score (effective-order smoothing) for many rows."""
    ft = _float(arith)
    stats = sums.astype(ft)
    n = len(stats)
    factor = metric.beta ** 2
    avg_prec = np.zeros(n, dtype=ft)
    avg_rec = np.zeros(n, dtype=ft)
    eff = np.zeros(n, dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(metric.order):
            n_hyp, n_ref, n_match = stats[:, 3 * i], stats[:, 3 * i + 1], stats[:, 3 * i + 2]
            both = (n_hyp > 0) & (n_ref > 0)
            avg_prec = np.where(both, avg_prec + n_match / n_hyp, avg_prec)
            avg_rec = np.where(both, avg_rec + n_match / n_ref, avg_rec)
            eff += both
        some = eff > 0
        avg_prec = np.where(some, avg_prec / eff.astype(ft), 0).astype(ft)
        avg_rec = np.where(some, avg_rec / eff.astype(ft), 0).astype(ft)
        nonzero = (avg_prec + avg_rec) != 0
        score = ft(1 + factor) * avg_prec * avg_rec
        score = score / (ft(factor) * avg_prec + avg_rec)
        score = ft(100) * score
    return _with_python_zeros(score, ~nonzero, 0.0, arith)


def _ter_batch(sums: np.ndarray, arith: Arith) -> np.ndarray:
    """TER._compute_score_from_stats for many rows."""
    ft = _float(arith)
    stats = sums.astype(ft)
    edits, ref_len = stats[:, 0], stats[:, 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        score = ft(100) * (edits / ref_len)
    no_ref = ~(ref_len > 0)
    out = _with_python_zeros(score, no_ref, 0.0, arith)
    out[no_ref & (edits > 0)] = 100.0
    return out


def _with_python_zeros(
    score: np.ndarray, mask: np.ndarray, value: float, arith: Arith
) -> np.ndarray:
    """Rows where sacrebleu returns a Python float constant instead of a numpy scalar.

    `np.array` of numpy float32 scores mixed with a Python float is float64, so one such row
    turns the whole array float64, and with it the later arithmetic on it.
    """
    if not mask.any():
        return score
    out = score.astype(np.float64) if arith == "float32" else score.copy()
    out[mask] = value
    return out
