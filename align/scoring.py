"""A bead's score: a weighted sum of every evidence's features plus a prior for its shape.

The weights are few and global (`align.weights`), fitted once on one development set by
a structured perceptron (bench/train_weights.py) and checked on the others. Scores are
log-odds-like: the search adds them along a path, and `search.posteriors` turns them into
the probability of each bead, divided by a calibrated temperature, which is the confidence
a person reads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from align.evidence.base import Evidence, PairView

SKIP_FEATURE = "shape.skip"


def shape_features(a: int, b: int) -> dict[str, float]:
    """The prior of a bead's shape, as a few features that extend to unseen shapes.

    Every bead pays `shape.bead`, a 1:0 or 0:1 bead `shape.skip`; beyond 1:1, a bead pays
    per extra sentence (`shape.grow`), per sentence of imbalance (`shape.uneven`), and once
    for having several sentences on both sides (`shape.both`). Mirror shapes cost the same,
    and a 2:3 bead, say, costs what its parts say, even if development data had none.
    """
    if a == 0 or b == 0:
        return {SKIP_FEATURE: 1.0}
    return {
        "shape.bead": 1.0,
        "shape.grow": float(a + b - 2),
        "shape.uneven": float(abs(a - b)),
        "shape.both": float(a > 1 and b > 1),
    }


def shape_prior(weights: Weights, a: int, b: int) -> float:
    """The weighted prior of one shape."""
    return sum(weights.get(k) * v for k, v in shape_features(a, b).items())


@dataclass(frozen=True)
class Weights:
    """Feature weights by name (absent ones are 0) and the posterior temperature."""

    values: Mapping[str, float] = field(default_factory=dict)
    temperature: float = 1.0

    def get(self, name: str) -> float:
        return float(self.values.get(name, 0.0))


class BeadScorer:
    """Scores whole arrays of beads of one shape for one view of a document pair."""

    def __init__(self, evidences: Sequence[Evidence], view: PairView, weights: Weights) -> None:
        self.evidences = tuple(evidences)
        self.view = view
        self.weights = weights
        self._vectors = [
            np.array([weights.get(f) for f in e.feature_names], dtype=np.float64)
            for e in self.evidences
        ]
        self._skip_vectors = [
            np.array([weights.get(f) for f in e.skip_feature_names], dtype=np.float64)
            for e in self.evidences
        ]

    def __call__(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        total = np.full(len(i), shape_prior(self.weights, a, b), dtype=np.float64)
        if a == 0 or b == 0:
            return total + self._skip_evidence("src" if a else "tgt", i - 1 if a else j - 1)
        for evidence, w in zip(self.evidences, self._vectors, strict=True):
            if w.any():
                total += w @ evidence.features(self.view, a, b, i, j)
        return total

    def skip_tgt(self) -> np.ndarray:
        """The score of leaving each target sentence unaligned (0:1 beads)."""
        ids = np.arange(self.view.tgt.n, dtype=np.int64)
        return self.weights.get(SKIP_FEATURE) + self._skip_evidence("tgt", ids)

    def _skip_evidence(self, side: str, ids: np.ndarray) -> np.ndarray:
        total = np.zeros(len(ids), dtype=np.float64)
        for evidence, w in zip(self.evidences, self._skip_vectors, strict=True):
            if w.any():
                total += w @ evidence.skip_features(self.view, side, ids)
        return total

    def features(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
        """Every feature by name for the beads (a, b) ending at (i, j), shape prior included.

        For a 1:0 bead (a, b) = (1, 0) and for a 0:1 bead (0, 1) the skip features.
        """
        out = {k: np.full(len(i), v, dtype=np.float64) for k, v in shape_features(a, b).items()}
        if a == 0 or b == 0:
            side, ids = ("src", i - 1) if a else ("tgt", j - 1)
            for evidence in self.evidences:
                values = evidence.skip_features(self.view, side, ids)
                for name, row in zip(evidence.skip_feature_names, values, strict=True):
                    out[name] = out.get(name, 0.0) + row
            return out
        for evidence in self.evidences:
            values = evidence.features(self.view, a, b, i, j)
            for name, row in zip(evidence.feature_names, values, strict=True):
                out[name] = out.get(name, 0.0) + row
        return out
