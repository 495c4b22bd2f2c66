"""Gale and Church (1993) length-based alignment, as the classic baseline.

The textbook algorithm: bead priors for 1:1, 1:0, 0:1, 2:1, 1:2 and 2:2, and a length cost
-log P(delta) with delta = (l2 - c l1) / sqrt(l1 s2), c the pair's character ratio and
s2 = 6.8. A full dynamic programme: fine for benchmark documents, not for books.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089,
          (2, 2): 0.011}
VARIANCE = 6.8

Bead = tuple[tuple[int, ...], tuple[int, ...]]


def gale_church(src: Sequence[str], tgt: Sequence[str]) -> list[Bead]:
    """The minimum-cost bead sequence by Gale and Church's length model."""
    ls = [len(s) for s in src]
    lt = [len(t) for t in tgt]
    n, m = len(ls), len(lt)
    ratio = (sum(lt) / sum(ls)) if sum(ls) and sum(lt) else 1.0
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    prior = {shape: -math.log(p) for shape, p in PRIORS.items()}
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, None
            for (a, b), pc in prior.items():
                if a > i or b > j or cost[i - a][j - b] == inf:
                    continue
                c = cost[i - a][j - b] + pc + _length_cost(
                    sum(ls[i - a:i]), sum(lt[j - b:j]), ratio)
                if c < best:
                    best, arg = c, (a, b)
            cost[i][j], back[i][j] = best, arg
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = back[i][j]  # type: ignore[misc]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return beads[::-1]


def _length_cost(l1: int, l2: int, ratio: float) -> float:
    if l1 == 0 and l2 == 0:
        return 0.0
    mean = (l1 + l2 / ratio) / 2
    delta = (ratio * l1 - l2) / math.sqrt(max(mean, 1e-9) * VARIANCE)
    p = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)  # two-sided tail of N(0, 1)
    return -math.log(p)
