"""The benchmark's perturbation: valid gold, about a third of beads not 1:1, seeded."""

from __future__ import annotations

import numpy as np

from align.model import Alignment, Bead
from bench.perturb import perturb, share_not_one_to_one

SRC = [f"Source line number {k} has some words in it." for k in range(300)]
TGT = [f"Target line number {k} with some other words here." for k in range(300)]


def test_gold_covers_both_sides_and_keeps_the_text() -> None:
    src, tgt, gold = perturb(SRC, TGT, np.random.default_rng(0))
    Alignment(tuple(Bead(s, t) for s, t in gold), len(src), len(tgt))  # validates coverage
    for s, t in gold:
        joined = " ".join(src[i] for i in s)
        assert all(SRC[k] in joined for k in range(300) if f"number {k} " in joined)
        if len(s) == 1 and len(t) == 1:
            assert src[s[0]].split()[3] == tgt[t[0]].split()[3]


def test_a_third_of_beads_are_not_one_to_one_and_all_kinds_occur() -> None:
    _, _, gold = perturb(SRC, TGT, np.random.default_rng(1))
    assert 0.25 < share_not_one_to_one(gold) < 0.45
    kinds = {(len(s), len(t)) for s, t in gold}
    assert {(1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 0), (0, 1)} <= kinds


def test_same_seed_same_result() -> None:
    a = perturb(SRC, TGT, np.random.default_rng(5))
    b = perturb(SRC, TGT, np.random.default_rng(5))
    assert a == b
