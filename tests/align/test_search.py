"""The banded search against brute force: best path, path sums and bead probabilities."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from align.search import (
    SKIP_TGT,
    Band,
    bead_shapes,
    best_path,
    coarse_to_fine,
    marginals,
    posteriors,
    score_band,
    staircase,
)


def hashed_scorer(seed: int):
    """Deterministic pseudo-random bead scores, different for every (a, b, i, j)."""

    def scorer(a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        h = (a * 7919 + b * 104729 + i * 1299709 + j * 15485863 + seed * 32452843) % 1000003
        return np.sin(h) * 2.0 - 0.3 * (a + b)

    return scorer


def all_paths(n: int, m: int, shapes, scorer, skip):
    """Every monotone path from (0, 0) to (n, m) with its score (tiny sizes only)."""
    out = []

    def walk(i: int, j: int, path: list, score: float) -> None:
        if (i, j) == (n, m):
            out.append((score, tuple(path)))
            return
        for a, b in [*shapes, SKIP_TGT]:
            if i + a <= n and j + b <= m:
                if (a, b) == SKIP_TGT:
                    s = skip[j]
                else:
                    s = float(scorer(a, b, np.array([i + a]), np.array([j + b]))[0])
                walk(i + a, j + b, [*path, (a, b, i + a, j + b)], score + s)

    walk(0, 0, [], 0.0)
    return out


@pytest.mark.parametrize("n,m", list(itertools.product(range(4), range(4))))
def test_best_path_and_probabilities_match_brute_force(n: int, m: int) -> None:
    rng = np.random.default_rng(n * 10 + m)
    shapes = bead_shapes(2)
    scorer = hashed_scorer(n * 4 + m)
    skip = rng.normal(size=m) - 0.5
    band = Band.full(n, m)
    scores = score_band(band, shapes, scorer)
    paths = all_paths(n, m, shapes, scorer, skip)

    steps = best_path(band, shapes, scores, skip)
    best = max(score for score, _ in paths)
    found = next(score for score, path in paths if path == tuple(steps))
    assert found == pytest.approx(best)

    log_z = float(np.logaddexp.reduce([score for score, _ in paths]))
    probs, skip_probs, total = marginals(band, shapes, scores, skip)
    assert total == pytest.approx(log_z)
    for s, (a, b) in enumerate(shapes):
        for i, j in itertools.product(range(n + 1), range(m + 1)):
            want = sum(math.exp(sc - log_z) for sc, p in paths if (a, b, i, j) in p)
            assert probs[s, i, j] == pytest.approx(want, abs=1e-9)
    for i, j in itertools.product(range(n + 1), range(m + 1)):
        want = sum(math.exp(sc - log_z) for sc, p in paths if (0, 1, i, j) in p)
        assert skip_probs[i, j] == pytest.approx(want, abs=1e-9)

    temperature = 1.7
    got = posteriors(band, shapes, scores, skip, steps, temperature)
    z_t = float(np.logaddexp.reduce([score / temperature for score, _ in paths]))
    for step, p in zip(steps, got, strict=True):
        want = sum(math.exp(sc / temperature - z_t) for sc, path in paths if step in path)
        assert p == pytest.approx(want, abs=1e-9)


def test_a_band_holding_the_best_path_finds_it() -> None:
    shapes = bead_shapes(3)
    scorer = hashed_scorer(7)
    n, m = 30, 26
    skip = np.full(m, -1.0)
    full = best_path(Band.full(n, m), shapes, score_band(Band.full(n, m), shapes, scorer), skip)
    band = Band.around(staircase(full), n, m, radius=2)
    assert band.cells < Band.full(n, m).cells
    banded = best_path(band, shapes, score_band(band, shapes, scorer), skip)
    assert banded == full


def test_band_around_a_path_is_monotone_and_connected() -> None:
    path = [(0, 0), (1, 3), (2, 3), (5, 4), (6, 9)]
    band = Band.around(path, 6, 9, radius=1)
    assert band.lo[0] == 0 and band.hi[-1] == 9
    assert (np.diff(band.lo) >= 0).all() and (np.diff(band.hi) >= 0).all()
    assert (band.lo <= band.hi).all()
    for i, j in path:
        assert band.lo[i] <= j <= band.hi[i]


def test_staircase_follows_each_bead_diagonal() -> None:
    assert staircase([(2, 2, 2, 2), (0, 1, 2, 3), (1, 3, 3, 6)]) == [
        (0, 0), (1, 1), (2, 2), (2, 3), (2, 4), (3, 5), (3, 6)
    ]


def test_coarse_to_fine_goes_coarse_only_for_large_grids() -> None:
    levels: list[tuple[int, int]] = []

    def solve(band: Band, level: int) -> list[tuple[int, int, int, int]]:
        levels.append((level, band.n))
        n, m = band.n, band.m
        steps = [(1, 1, k, k) for k in range(1, min(n, m) + 1)]
        steps += [(1, 0, k, min(n, m)) for k in range(min(n, m) + 1, n + 1)]
        steps += [(0, 1, n, k) for k in range(min(n, m) + 1, m + 1)]
        return steps

    coarse_to_fine(10, 10, solve, radius=3, full_cells=1000)
    assert levels == [(0, 10)]
    levels.clear()
    steps = coarse_to_fine(200, 190, solve, radius=3, full_cells=2000)
    assert [lv for lv, _ in levels] == [3, 2, 1, 0]
    assert steps[-1][2:] == (200, 190)
