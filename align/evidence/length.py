"""Gale–Church length evidence, with the length ratio and its variance taken from the pair.

Gale and Church (1993) model the target length of a bead as normal around c times the source
length, with variance proportional to length. We take c from the pair itself (total target
characters over total source characters) rather than a constant, and let the aligner refit
c and the variance from the confident beads of a first pass (`fit_length_model`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.evidence.base import Extracted, PairView, SaysNothingOnSkips, SideText, Vocabulary

# Gale and Church's variance per character, a fine start before the pair gives its own.
DEFAULT_VARIANCE = 6.8
# The median of a chi-square variable with one degree of freedom: turns the median squared
# deviation of many beads into a variance estimate that ignores outliers.
_CHI2_MEDIAN = 0.455
_MAX_SQUARED = 36.0  # beyond six standard deviations the bead is impossible either way


def sentence_length(text: str) -> int:
    """Characters that carry content: whitespace does not translate."""
    return len("".join(text.split()))


@dataclass(frozen=True)
class LengthEvidence(SaysNothingOnSkips):
    """-delta**2 / 2, with delta = (lt - c*ls) / sqrt(variance * mean length)."""

    ratio: float | None = None
    variance: float = DEFAULT_VARIANCE
    name: str = "length"
    feature_names: tuple[str, ...] = ("length",)

    def extract(self, src: SideText, tgt: SideText, vocab: Vocabulary) -> Extracted:
        return Extracted(
            src_dense={"chars": _lengths(src.sentences)},
            tgt_dense={"chars": _lengths(tgt.sentences)},
        )

    def features(
        self, view: PairView, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> np.ndarray:
        ratio = self.ratio if self.ratio is not None else _pair_ratio(view)
        ls = view.src_run("chars", a, i)
        lt = view.tgt_run("chars", b, j)
        spread = self.variance * (ratio * ls + lt) / 2 + 1.0
        delta2 = (lt - ratio * ls) ** 2 / spread
        return (-0.5 * np.minimum(delta2, _MAX_SQUARED))[None, :]


def fit_length_model(
    src_lengths: Sequence[float], tgt_lengths: Sequence[float]
) -> tuple[float, float]:
    """Ratio and variance from the lengths of matched runs (confident beads), robustly."""
    ls = np.asarray(src_lengths, dtype=np.float64)
    lt = np.asarray(tgt_lengths, dtype=np.float64)
    keep = (ls > 0) & (lt > 0)
    if keep.sum() < 5:
        return (float(lt.sum() / ls.sum()) if ls.sum() > 0 else 1.0), DEFAULT_VARIANCE
    ls, lt = ls[keep], lt[keep]
    ratio = float(np.median(lt / ls))
    spread = (ratio * ls + lt) / 2
    variance = float(np.median((lt - ratio * ls) ** 2 / spread) / _CHI2_MEDIAN)
    return ratio, float(np.clip(variance, 1.0, 40.0))


def _lengths(sentences: Sequence[str]) -> np.ndarray:
    return np.array([sentence_length(s) for s in sentences], dtype=np.float64)


def _pair_ratio(view: PairView) -> float:
    cached = view.cache.get("length.ratio")
    if cached is None:
        ls = float(view.src.dense["chars"].sum())
        lt = float(view.tgt.dense["chars"].sum())
        cached = lt / ls if ls > 0 and lt > 0 else 1.0
        view.cache["length.ratio"] = cached
    return float(cached)  # type: ignore[arg-type]
