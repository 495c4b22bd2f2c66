"""Paragraph breaks and transcript turns as soft anchors.

A bead that opens a paragraph on one side usually opens one on the other, and a bead
rarely runs across a paragraph break. Soft: a translation may join or split paragraphs,
so these are features with weights, not constraints of the search.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.evidence.base import Extracted, PairView, SaysNothingOnSkips, SideText, Vocabulary

KEY = "anchor"


@dataclass(frozen=True)
class AnchorEvidence(SaysNothingOnSkips):
    """Both runs open a paragraph (match), one does (miss), breaks inside the runs (inside)."""

    src_anchors: tuple[int, ...]
    tgt_anchors: tuple[int, ...]
    name: str = "anchors"
    feature_names: tuple[str, ...] = ("anchor.match", "anchor.miss", "anchor.inside")

    def extract(self, src: SideText, tgt: SideText, vocab: Vocabulary) -> Extracted:
        return Extracted(
            src_dense={KEY: _indicator(self.src_anchors, len(src))},
            tgt_dense={KEY: _indicator(self.tgt_anchors, len(tgt))},
        )

    def features(
        self, view: PairView, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> np.ndarray:
        # At a coarse level a merged unit holds several sentences, so "opens a paragraph"
        # becomes "holds a break", capped at one.
        s_open = np.minimum(view.src_run(KEY, 1, i - a + 1), 1.0)
        t_open = np.minimum(view.tgt_run(KEY, 1, j - b + 1), 1.0)
        inside = view.src_run(KEY, a - 1, i) + view.tgt_run(KEY, b - 1, j)
        return np.stack([s_open * t_open, np.abs(s_open - t_open), inside])


def usable(src_anchors: Sequence[int], tgt_anchors: Sequence[int]) -> bool:
    """Anchors help only when both sides have breaks beyond the first sentence."""
    return any(a > 0 for a in src_anchors) and any(a > 0 for a in tgt_anchors)


def _indicator(anchors: Sequence[int], n: int) -> np.ndarray:
    out = np.zeros(n, dtype=np.float64)
    ids = [a for a in anchors if 0 <= a < n]
    out[ids] = 1.0
    return out
