"""The best monotone path of beads, by dynamic programming inside a band.

Cells are *boundaries* (i, j): i source and j target sentences consumed. A bead of shape
(a, b) ends at (i, j) and covers source ids i-a..i-1 and target ids j-b..j-1. Row i of the
band allows the target boundaries lo[i]..hi[i]; storing only those cells keeps time and memory
linear in the document length. `coarse_to_fine` finds the band the way vecalign does: align
a copy of the documents with pairs of neighbouring sentences merged, recursively, then search
a strip around that path at full resolution.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

Shape = tuple[int, int]
# Scores of one bead shape at the band's cells: (a, b, i, j) -> array shaped like i and j.
ShapeScorer = Callable[[int, int, np.ndarray, np.ndarray], np.ndarray]
# One step of a path: (a, b, i, j), a bead of shape (a, b) ending at boundary (i, j).
Step = tuple[int, int, int, int]

SKIP_TGT: Shape = (0, 1)
# Minus infinity that stays finite: sums of a few of them never overflow to nan.
_NEG = -1e30


def bead_shapes(max_bead: int) -> tuple[Shape, ...]:
    """Every (a, b) with 1 <= a, b <= max_bead, then 1:0; the 0:1 bead is scored apart."""
    grown = [(a, b) for a in range(1, max_bead + 1) for b in range(1, max_bead + 1)]
    return (*grown, (1, 0))


@dataclass(frozen=True)
class Band:
    """For each source boundary i, the target boundaries lo[i]..hi[i] (inclusive) searched.

    Both bounds never decrease with i, lo[0] == 0 and hi[n] == m, so a path of 1:1, 1:0
    and 0:1 steps from (0, 0) to (n, m) always exists inside the band.
    """

    lo: np.ndarray
    hi: np.ndarray

    @property
    def n(self) -> int:
        return len(self.lo) - 1

    @property
    def m(self) -> int:
        return int(self.hi[-1])

    @functools.cached_property
    def width(self) -> int:
        return int((self.hi - self.lo).max()) + 1

    @property
    def cells(self) -> int:
        return int((self.hi - self.lo + 1).sum())

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        """Every cell: the exact search, for documents small enough."""
        return cls(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))

    @classmethod
    def around(cls, path: Sequence[tuple[int, int]], n: int, m: int, radius: int) -> Band:
        """Cells within `radius` rows and columns of a staircase path from (0, 0) to (n, m)."""
        pts = np.asarray(path, dtype=np.int64).reshape(-1, 2)
        pmin = np.full(n + 1, m, dtype=np.int64)
        pmax = np.zeros(n + 1, dtype=np.int64)
        np.minimum.at(pmin, pts[:, 0], pts[:, 1])
        np.maximum.at(pmax, pts[:, 0], pts[:, 1])
        lo = pmin - radius
        hi = pmax + radius
        # Widen by `radius` rows too, so a vertical run of the path is a square neighbourhood.
        for _ in range(radius):
            lo[1:] = np.minimum(lo[1:], lo[:-1])
            hi[:-1] = np.maximum(hi[:-1], hi[1:])
        lo = np.minimum.accumulate(lo[::-1])[::-1].clip(0, m)
        hi = np.maximum.accumulate(hi).clip(0, m)
        lo[0] = 0
        hi[-1] = m
        return cls(lo, np.maximum(hi, lo))

    def grid(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Row ids (n+1, 1), target boundaries (n+1, W) and which of them are inside."""
        k = np.arange(self.width, dtype=np.int64)
        i = np.arange(self.n + 1, dtype=np.int64)[:, None]
        j = self.lo[:, None] + k[None, :]
        return i, j, j <= self.hi[:, None]


def staircase(steps: Sequence[Step]) -> list[tuple[int, int]]:
    """The boundary cells a path visits, with unit steps along each bead's diagonal."""
    points = [(0, 0)]
    for a, b, i, j in steps:
        i0, j0 = i - a, j - b
        n_units = max(a, b)
        for u in range(1, n_units + 1):
            # Round to the nearest cell on the straight line through the bead, as
            # vecalign's append_slant, so that a wide bead keeps the band on its diagonal.
            points.append((i0 + round(a * u / n_units), j0 + round(b * u / n_units)))
    return points


def score_band(band: Band, shapes: Sequence[Shape], scorer: ShapeScorer) -> np.ndarray:
    """Scores (len(shapes), n+1, W) of every shape at every cell; -inf where impossible.

    The evidence works on whole arrays, which is where the time goes; the row loops of the
    search below only do max-plus (or log-sum-exp) over these.
    """
    i_grid, j_grid, inside = band.grid()
    scores = np.full((len(shapes), band.n + 1, band.width), _NEG, dtype=np.float64)
    for s, (a, b) in enumerate(shapes):
        ok = inside & (i_grid >= a) & (j_grid >= b)
        if ok.any():
            ii = np.broadcast_to(i_grid, j_grid.shape)[ok]
            scores[s][ok] = scorer(a, b, ii, j_grid[ok])
    return scores


def best_path(
    band: Band, shapes: Sequence[Shape], scores: np.ndarray, skip_tgt: np.ndarray
) -> list[Step]:
    """The highest-scoring path of beads from (0, 0) to (n, m) inside the band.

    `shapes` lists every shape but 0:1 with `scores` from `score_band`; `skip_tgt[j]` scores
    leaving target j unaligned (the 0:1 bead ending at column j+1), handled inside each row
    by a running maximum.
    """
    n, m, width = band.n, band.m, band.width
    lo, hi = band.lo, band.hi
    a_of = np.array([a for a, _ in shapes], dtype=np.int64)
    b_of = np.array([b for _, b in shapes], dtype=np.int64)
    skip_cum = _cumulative(skip_tgt)
    # Column `width` of every row stays at -inf: gathers that fall outside a row land there.
    table = np.full((n + 1, width + 1), _NEG, dtype=np.float64)
    back = np.full((n + 1, width), -1, dtype=np.int8)
    k = np.arange(width, dtype=np.int64)
    skip_code = len(shapes)

    for i in range(n + 1):
        if i == 0:
            best = np.full(width, _NEG)
            best[0] = 0.0
            arg = np.full(width, -1, dtype=np.int64)
        else:
            prev, cols = _predecessors(band, a_of, b_of, i, k)
            cand = table[prev[:, None], cols] + scores[:, i, :]
            arg = cand.argmax(axis=0)
            best = cand[arg, k]
        # 0:1 beads within the row: D[k] = max over k' <= k of best[k'] + skips k'..k,
        # one running maximum instead of a sequential loop.
        cum = skip_cum[np.minimum(lo[i] + k, m)]
        run = np.maximum.accumulate(best - cum) + cum
        row_inside = k <= hi[i] - lo[i]
        from_skip = (run > best + 1e-9) & row_inside
        table[i, :width] = np.where(row_inside, np.maximum(run, best), _NEG)
        back[i] = np.where(from_skip, skip_code, arg)

    steps: list[Step] = []
    i, j = n, m
    while i > 0 or j > 0:
        code = int(back[i, j - lo[i]])
        if code == skip_code:
            steps.append((0, 1, i, j))
            j -= 1
            continue
        if code < 0:
            raise AssertionError("search backtrace left the band")  # a bug, never user input
        a, b = shapes[code]
        steps.append((a, b, i, j))
        i, j = i - a, j - b
    steps.reverse()
    return steps


def forward_backward(
    band: Band, shapes: Sequence[Shape], scores: np.ndarray, skip_tgt: np.ndarray
) -> tuple[np.ndarray, np.ndarray, float]:
    """Log-sums over all paths into (forward) and out of (backward) every cell, and in total.

    The same recursion as `best_path` with log-sum-exp in place of max; arrays are
    (n+1, W+1) in band coordinates, the last column -inf.
    """
    n, m, width = band.n, band.m, band.width
    lo, hi = band.lo, band.hi
    skip_cum = _cumulative(skip_tgt)
    a_of = np.array([a for a, _ in shapes], dtype=np.int64)
    b_of = np.array([b for _, b in shapes], dtype=np.int64)
    k = np.arange(width, dtype=np.int64)
    row_inside = k[None, :] <= (hi - lo)[:, None]

    fwd = np.full((n + 1, width + 1), _NEG, dtype=np.float64)
    for i in range(n + 1):
        if i == 0:
            into = np.full(width, _NEG)
            into[0] = 0.0
        else:
            prev, cols = _predecessors(band, a_of, b_of, i, k)
            into = np.logaddexp.reduce(fwd[prev[:, None], cols] + scores[:, i, :], axis=0)
        cum = skip_cum[np.minimum(lo[i] + k, m)]
        row = np.logaddexp.accumulate(into - cum) + cum
        fwd[i, :width] = np.where(row_inside[i], row, _NEG)

    bwd = np.full((n + 1, width + 1), _NEG, dtype=np.float64)
    for i in range(n, -1, -1):
        out = np.full(width, _NEG)
        if i == n:
            out[m - lo[n]] = 0.0
        nxt = i + a_of
        ok = nxt <= n
        if ok.any():
            rows = nxt[ok]
            cols = k[None, :] + (lo[i] + b_of[ok] - lo[rows])[:, None]
            valid = (cols >= 0) & (cols <= (hi[rows] - lo[rows])[:, None])
            cols = np.where(valid, cols, width)
            idx = np.flatnonzero(ok)
            gathered = bwd[rows[:, None], cols] + _gather(scores, idx, rows, cols, width)
            out = np.logaddexp(out, np.logaddexp.reduce(gathered, axis=0))
        cum = skip_cum[np.minimum(lo[i] + k, m)]
        row = np.logaddexp.accumulate((out + cum)[::-1])[::-1] - cum
        bwd[i, :width] = np.where(row_inside[i], row, _NEG)
    return fwd, bwd, float(fwd[n, m - lo[n]])


def marginals(
    band: Band, shapes: Sequence[Shape], scores: np.ndarray, skip_tgt: np.ndarray
) -> tuple[np.ndarray, np.ndarray, float]:
    """Probability of every bead among all paths: (len(shapes), n+1, W) for the bead of each
    shape ending at each cell, (n+1, W) for the 0:1 bead ending there; and log Z."""
    fwd, bwd, total = forward_backward(band, shapes, scores, skip_tgt)
    n, width = band.n, band.width
    k = np.arange(width, dtype=np.int64)
    a_of = np.array([a for a, _ in shapes], dtype=np.int64)
    b_of = np.array([b for _, b in shapes], dtype=np.int64)
    probs = np.zeros((len(shapes), n + 1, width), dtype=np.float64)
    for i in range(1, n + 1) if n else ():
        prev, cols = _predecessors(band, a_of, b_of, i, k)
        log_p = fwd[prev[:, None], cols] + scores[:, i, :] + bwd[i, :width][None, :] - total
        probs[:, i, :] = np.exp(np.minimum(log_p, 0.0))
    # A 0:1 bead ending at (i, j) starts at (i, j-1): one column to the left in the same row.
    skip = np.asarray(skip_tgt, dtype=np.float64)
    j = band.lo[:, None] + k[None, :]
    has_prev = (k[None, :] >= 1) & (j <= band.hi[:, None])
    left = np.concatenate([np.full((n + 1, 1), _NEG), fwd[:, : width - 1]], axis=1)
    sk = np.where(has_prev, skip[np.clip(j - 1, 0, max(len(skip) - 1, 0))] if len(skip) else 0, 0)
    log_q = left + sk + bwd[:, :width] - total
    skip_probs = np.where(has_prev, np.exp(np.minimum(log_q, 0.0)), 0.0)
    return probs, skip_probs, total


def posteriors(
    band: Band,
    shapes: Sequence[Shape],
    scores: np.ndarray,
    skip_tgt: np.ndarray,
    steps: Sequence[Step],
    temperature: float,
) -> np.ndarray:
    """The probability of each step's bead among all paths, scores read as log-odds / T.

    Forward and backward sums over every path in the band (log-sum-exp where the search
    takes a max), so a bead that many other paths contradict gets a low value.
    """
    scaled = scores / temperature
    skip = np.asarray(skip_tgt, dtype=np.float64) / temperature
    fwd, bwd, total = forward_backward(band, shapes, scaled, skip)
    lo = band.lo
    index = {shape: s for s, shape in enumerate(shapes)}
    probs = np.empty(len(steps), dtype=np.float64)
    for t, (a, b, i, j) in enumerate(steps):
        start = fwd[i - a, j - b - lo[i - a]]
        bead = skip[j - 1] if (a, b) == SKIP_TGT else scaled[index[a, b], i, j - lo[i]]
        probs[t] = np.exp(min(0.0, start + bead + bwd[i, j - lo[i]] - total))
    return probs


def _gather(
    scaled: np.ndarray, shape_ids: np.ndarray, rows: np.ndarray, cols: np.ndarray, width: int
) -> np.ndarray:
    """scaled[shape, row, col] for each shape's row and columns; -inf at column `width`."""
    safe = np.minimum(cols, width - 1)
    out = scaled[shape_ids[:, None], rows[:, None], safe]
    return np.where(cols < width, out, _NEG)


def _predecessors(
    band: Band, a_of: np.ndarray, b_of: np.ndarray, i: int, k: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For row i: each shape's predecessor row and, per cell, its column there (or W)."""
    lo, hi, width = band.lo, band.hi, band.width
    prev = np.maximum(i - a_of, 0)
    cols = k[None, :] + (lo[i] - b_of - lo[prev])[:, None]
    valid = (cols >= 0) & (cols <= (hi[prev] - lo[prev])[:, None])
    valid &= (i - a_of >= 0)[:, None]
    return prev, np.where(valid, cols, width)


def _cumulative(values: np.ndarray) -> np.ndarray:
    return np.concatenate([[0.0], np.cumsum(np.asarray(values, dtype=np.float64))])


def coarse_to_fine(
    n: int,
    m: int,
    solve: Callable[[Band, int], list[Step]],
    *,
    radius: int,
    full_cells: int,
    level: int = 0,
) -> list[Step]:
    """Search the full grid when small, else a band around the path one level coarser.

    `solve(band, level)` runs the search at a level, where level L sees sentences merged in
    groups of 2**L (the caller coarsens its evidence to match). Each level costs about
    (n + m) * radius cells, so the whole search is linear in the document length.
    """
    if (n + 1) * (m + 1) <= full_cells or min(n, m) <= 2 * radius:
        return solve(Band.full(n, m), level)
    cn, cm = (n + 1) // 2, (m + 1) // 2
    coarse = coarse_to_fine(
        cn, cm, solve, radius=radius, full_cells=full_cells, level=level + 1
    )
    path = [(min(2 * i, n), min(2 * j, m)) for i, j in staircase(coarse)]
    return solve(Band.around(_densify(path), n, m, radius), level)


def _densify(path: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Unit-step points along straight segments joining consecutive points of `path`."""
    out = [path[0]]
    for (i0, j0), (i1, j1) in itertools.pairwise(path):
        di, dj = i1 - i0, j1 - j0
        n_units = max(di, dj, 1)
        for u in range(1, n_units + 1):
            out.append((i0 + round(di * u / n_units), j0 + round(dj * u / n_units)))
    return out
