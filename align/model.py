"""Beads and alignments: the plain data every aligner returns and every writer reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.errors import TransdeskError

# Beads scoring below this are marked for a person's review in every output format. Bead
# scores are confidences in [0, 1]; 0.5 is where the evidence stops clearly agreeing.
LOW_CONFIDENCE: float = 0.5


@dataclass(frozen=True)
class Bead:
    """Source sentence ids aligned with target sentence ids; 1:0 and 0:1 beads included.

    `score` is a confidence in [0, 1] a person can read: near 1 for a bead the evidence
    agrees on, low for a guess.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 1.0

    @property
    def kind(self) -> str:
        """"1:1", "2:1", "0:1" and so on."""
        return f"{len(self.src)}:{len(self.tgt)}"


@dataclass(frozen=True)
class Alignment:
    """The ordered beads of one document pair: every sentence of both sides exactly once."""

    beads: tuple[Bead, ...]
    n_src: int
    n_tgt: int

    def __post_init__(self) -> None:
        check_coverage(self.beads, self.n_src, self.n_tgt)


def check_coverage(beads: Sequence[Bead], n_src: int, n_tgt: int) -> None:
    """Raise unless the beads cover 0..n_src-1 and 0..n_tgt-1 once each, in order."""
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    if src != list(range(n_src)) or tgt != list(range(n_tgt)):
        raise TransdeskError(
            "the alignment does not cover every sentence exactly once and in order "
            f"({len(src)} of {n_src} source, {len(tgt)} of {n_tgt} target ids)"
        )
    if any(not b.src and not b.tgt for b in beads):
        raise TransdeskError("the alignment has an empty bead")
