"""Bootstrap confidence intervals, paired tests and WMT-style clusters, on statistics rows.

Everything mirrors sacrebleu's `significance.py` so that, with the same seed and counts,
p-values and intervals are identical to `sacrebleu --paired-bs` and `--paired-ar`:

- the generator is `np.random.default_rng(seed)`; the bootstrap draws
  `rng.choice(n, size=(resamples, n))`, randomisation draws
  `rng.integers(2, size=(trials, n), dtype=bool)`. sacrebleu re-seeds for every system, so
  every system sees the same draws: here they are drawn once and shared.
- bootstrap sums are float32, as sacrebleu converts the statistics to float32 before
  summing; randomisation sums are integers (float64 for TER), as there;
- p-values and intervals come from sacrebleu's own `_compute_p_value` and `estimate_ci`.

What is faster is how: a resample's statistics are the segment counts of that resample
(`np.bincount` over offset indices) times the statistics matrix, one matrix product for all
systems; a randomisation trial's are `sys_total + sel @ (base - sys)`, one product per
system instead of four; and the scores of all rows come from the vectorised formulas in
`score.metrics`. The products are exact (integer statistics, sums below 2**24 for float32,
2**53 for float64), so they equal sacrebleu's sequential sums; statistics that are not
integers (TER with several references) take sacrebleu's own summation instead.

Seeds: sacrebleu reads `SACREBLEU_SEED` (default 12345; "none" draws from the OS). Its
paired tests treat seed 0 as "no seed"; here 0 is an ordinary seed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

import numpy as np
from sacrebleu.significance import _compute_p_value, estimate_ci

from core.errors import TransdeskError
from score.metrics import Scorer

DEFAULT_SEED = 12345
_F32_EXACT = 2**24
_F64_EXACT = 2**53
_CHUNK = 2000  # rows of resamples or trials per matrix product: bounds memory


def sacrebleu_seed(environ: Mapping[str, str] | None = None) -> int | None:
    """The seed sacrebleu would use: $SACREBLEU_SEED, default 12345, "none" for no seed."""
    env = os.environ if environ is None else environ
    return parse_seed(env.get("SACREBLEU_SEED", str(DEFAULT_SEED)))


def parse_seed(text: str) -> int | None:
    """An integer seed, or None for "none" (fresh entropy on every run)."""
    if text.strip().lower() == "none":
        return None
    try:
        return int(text)
    except ValueError:
        raise TransdeskError(f"seed {text!r} is neither an integer nor 'none'") from None


def bootstrap_indices(n_segments: int, n_samples: int, seed: int | None) -> np.ndarray:
    """The resampled segment indices, drawn exactly as sacrebleu draws them."""
    rng = np.random.default_rng(seed)
    return rng.choice(n_segments, size=(n_samples, n_segments), replace=True)


def ar_selectors(n_segments: int, n_trials: int, seed: int | None) -> np.ndarray:
    """Which segments swap in each randomisation trial, drawn exactly as sacrebleu does."""
    rng = np.random.default_rng(seed)
    return rng.integers(2, size=(n_trials, n_segments), dtype=bool)


def resample_counts(idxs: np.ndarray, n_segments: int) -> np.ndarray:
    """How often each segment is drawn in each resample: (resamples, segments)."""
    n_samples = idxs.shape[0]
    offsets = idxs + (np.arange(n_samples, dtype=np.int64) * n_segments)[:, None]
    counts = np.bincount(offsets.ravel(), minlength=n_samples * n_segments)
    return counts.reshape(n_samples, n_segments)


def bootstrap_sums(stats: Sequence[np.ndarray], idxs: np.ndarray) -> list[np.ndarray]:
    """Each system's summed statistics per resample, float32 as in sacrebleu.

    One matrix product for all systems: counts (resamples x segments) times the statistics
    of every system side by side (segments x columns).
    """
    n = idxs.shape[1]
    widths = [s.shape[1] for s in stats]
    wide = np.concatenate([np.asarray(s, dtype=np.float64) for s in stats], axis=1)
    if not _integral(wide) or _bound(wide, n) >= _F32_EXACT:
        # sacrebleu's own summation: float32 statistics added row by row.
        return [
            np.stack([np.asarray(s, dtype=np.float32)[row].sum(0) for row in idxs])
            for s in stats
        ]
    out = np.empty((idxs.shape[0], wide.shape[1]), dtype=np.float32)
    for lo in range(0, idxs.shape[0], _CHUNK):
        counts = resample_counts(idxs[lo:lo + _CHUNK], n).astype(np.float32)
        out[lo:lo + _CHUNK] = counts @ wide.astype(np.float32)
    return np.split(out, np.cumsum(widths)[:-1], axis=1)


def bootstrap_scores(scorer: Scorer, stats: Sequence[np.ndarray], idxs: np.ndarray) -> np.ndarray:
    """Scores of every system in every resample: (systems, resamples)."""
    return np.stack([scorer.batch_scores(s, "float32") for s in bootstrap_sums(stats, idxs)])


def confidence(resampled: np.ndarray) -> tuple[float, float]:
    """Bootstrap mean and 95% half-interval, as sacrebleu reports `μ = mean ± ci`."""
    mean, ci = estimate_ci(resampled)
    return float(mean), float(ci)


def paired_bootstrap_p(resampled: np.ndarray, real: Sequence[float], a: int, b: int) -> float:
    """sacrebleu's paired bootstrap p-value of systems `a` and `b` from shared resamples."""
    sample_diffs = np.abs(resampled[a] - resampled[b])
    centred = sample_diffs - sample_diffs.mean()
    return float(_compute_p_value(centred, abs(real[b] - real[a])))


def pairwise_bootstrap_p(resampled: np.ndarray, real: Sequence[float]) -> np.ndarray:
    """The symmetric matrix of paired bootstrap p-values of all pairs; NaN on the diagonal."""
    count = len(real)
    p = np.full((count, count), np.nan)
    for a in range(count):
        for b in range(a + 1, count):
            p[a, b] = p[b, a] = paired_bootstrap_p(resampled, real, a, b)
    return p


def paired_ar_p(
    scorer: Scorer,
    stats: Sequence[np.ndarray],
    real: Sequence[float],
    baseline: int,
    sel: np.ndarray,
) -> list[float]:
    """sacrebleu's approximate-randomisation p-value of every system against `baseline`.

    `sel` are the trials' swap masks (`ar_selectors`); the baseline gets NaN.
    """
    others = [k for k in range(len(stats)) if k != baseline]
    out = [float("nan")] * len(stats)
    for k, (shuf_a, shuf_b) in zip(others, _ar_sums(stats, baseline, others, sel), strict=True):
        scores_a = scorer.batch_scores(shuf_a, "float64")
        scores_b = scorer.batch_scores(shuf_b, "float64")
        diff = abs(real[baseline] - real[k])
        out[k] = float(_compute_p_value(np.abs(scores_a - scores_b), diff))
    return out


def _ar_sums(
    stats: Sequence[np.ndarray], baseline: int, others: Sequence[int], sel: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray]]:
    """sacrebleu's `sel @ base + ~sel @ sys` and `~sel @ base + sel @ sys` for each system.

    With D = base - sys these are `sys_total + sel @ D` and `base_total - sel @ D`: one
    product for all systems side by side, exact in floating point for integer statistics
    below the bounds.
    """
    base = np.asarray(stats[baseline])
    if not all(_integral(s) for s in stats):
        # Fractional statistics: do literally what sacrebleu does, rounding and all.
        base_f = base.astype(np.float64)
        out = []
        for k in others:
            sys_f = np.asarray(stats[k], dtype=np.float64)
            out.append((sel @ base_f + ~sel @ sys_f, ~sel @ base_f + sel @ sys_f))
        return out
    base_i = base.astype(np.int64)
    diffs = [base_i - np.asarray(stats[k]).astype(np.int64) for k in others]
    wide = np.concatenate(diffs, axis=1)
    bound = _bound(wide, len(wide))
    if bound >= _F64_EXACT:
        return [(sel @ base_i + ~sel @ (base_i - d), ~sel @ base_i + sel @ (base_i - d))
                for d in diffs]
    ft = np.float32 if bound < _F32_EXACT else np.float64
    moved = np.empty((sel.shape[0], wide.shape[1]), dtype=np.int64)
    wide_f = wide.astype(ft)
    for lo in range(0, sel.shape[0], _CHUNK):
        moved[lo:lo + _CHUNK] = np.rint(sel[lo:lo + _CHUNK].astype(ft) @ wide_f)
    base_total = base_i.sum(0)
    out = []
    for d, part in zip(diffs, np.split(moved, np.cumsum([d.shape[1] for d in diffs])[:-1],
                                         axis=1), strict=True):
        sys_total = base_total - d.sum(0)
        out.append((sys_total + part, base_total - part))
    return out


def _integral(values: np.ndarray) -> bool:
    values = np.asarray(values)
    return bool(np.issubdtype(values.dtype, np.integer) or np.all(values == np.rint(values)))


def _bound(values: np.ndarray, n: int) -> float:
    """An upper bound on any partial sum of `n` rows drawn from `values`."""
    return float(n) * float(np.abs(values).max(initial=0))


def clusters(
    scores: Sequence[float], p: np.ndarray, higher_is_better: bool, alpha: float = 0.05
) -> list[int]:
    """WMT-style ranking clusters: 1 for the top group, 2 for the next, …

    Systems are ordered by score; a boundary goes between two neighbours only when every
    system above it is significantly different (p < alpha) from every system below it. Two
    systems in one cluster may therefore differ significantly through a chain; two systems
    in different clusters always do, as in WMT's published rankings.
    """
    order = sorted(range(len(scores)), key=lambda i: -scores[i] if higher_is_better else scores[i])
    cluster = [0] * len(scores)
    current = 1
    for pos, index in enumerate(order):
        if pos and all(
            p[a, b] < alpha for a in order[:pos] for b in order[pos:]
        ):
            current += 1
        cluster[index] = current
    return cluster
