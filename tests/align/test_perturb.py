"""The benchmark's perturbation: valid gold, about a third of beads not 1:1, seeded."""

from __future__ import annotations

import numpy as np

from align.model import Alignment, Bead
from bench.perturb import TRAINING_EVENTS, _leading_clause, perturb, share_not_one_to_one

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


def test_training_events_add_summaries_and_semicolon_joins() -> None:
    src, tgt, gold = perturb(SRC, TGT, np.random.default_rng(2), TRAINING_EVENTS)
    Alignment(tuple(Bead(s, t) for s, t in gold), len(src), len(tgt))
    summaries = [(s, t) for s, t in gold if len(s) > 1 and len(t) == 1
                 and len(tgt[t[0]]) < len(" ".join(TGT[int(src[i].split()[3])] for i in s))]
    assert summaries, "no summary bead"
    for _, t in summaries:
        # The summary starts from one of its lines and is one sentence.
        assert tgt[t[0]].endswith(".") and tgt[t[0]].count(".") == 1
    lower = [k for k, line in enumerate(src) if line[:1].islower()]
    assert lower and all(src[k - 1].endswith(";") for k in lower)
    assert all(len(s) == 1 and len(t) == 1 for s, t in gold if s and src[s[0]][:1].islower())


def test_leading_clause_stops_at_a_comma() -> None:
    rng = np.random.default_rng(0)
    assert _leading_clause("He said on Monday, after the talks, that".split(), rng) == (
        "He said on Monday"
    )
    assert len(_leading_clause("one two three four five six seven eight".split(), rng).split()) < 8


def test_sentence_crossings_read_as_sentences() -> None:
    _, tgt, gold = perturb(SRC, TGT, np.random.default_rng(3),
                           (("cross_sentences", 0.5),))
    crossings = [t for s, t in gold if len(s) == 2 and len(t) == 2]
    assert crossings
    for t in crossings:
        assert all(tgt[j].endswith(".") for j in t)
        assert all(not tgt[j][:1].islower() for j in t)
