"""Strict and lax scores with vecalign's score.py conventions, on hand-computed cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align.evaluate import Counts, score_alignments
from align.model import Bead
from core.errors import TransdeskError


def beads(*pairs: tuple[list[int], list[int]]) -> list[Bead]:
    return [Bead(tuple(s), tuple(t)) for s, t in pairs]


# Gold and prediction of one document. Worked by hand, bead by bead:
# precision, over predicted beads (1:0 and 0:1 included):
#   [0]:[0] in gold                      strict tp, lax tp
#   [1]:[1] gold gives 1 -> {1, 2}       strict fp, lax tp
#   []:[2]  no source ids, no link       strict fp, lax fp
#   [2]:[]  in gold                      strict tp, lax tp
#   [3]:[3] gold gives 3 -> {3}          strict fp, lax tp
#   [4]:[]  gold gives 4 -> {3}, none    strict fp, lax fp
# recall, over gold beads with both sides, against the prediction without 1:0/0:1:
#   [0]:[0]    in prediction             strict tp, lax tp
#   [1]:[1, 2] prediction 1 -> {1}       strict fp, lax tp
#   [3, 4]:[3] prediction 3 -> {3}       strict fp, lax tp
GOLD_A = beads(([0], [0]), ([1], [1, 2]), ([2], []), ([3, 4], [3]))
PRED_A = beads(([0], [0]), ([1], [1]), ([], [2]), ([2], []), ([3], [3]), ([4], []))

# A second document: the prediction merges two gold 1:1 beads.
#   precision: [0, 1]:[0, 1] strict fp, lax tp
#   recall:    [0]:[0] and [1]:[1] strict fp, lax tp each
GOLD_B = beads(([0], [0]), ([1], [1]))
PRED_B = beads(([0, 1], [0, 1]))


def test_one_document_by_hand() -> None:
    r = score_alignments([GOLD_A], [PRED_A])
    assert r.precision_counts == Counts(tp_strict=2, fp_strict=4, tp_lax=4, fp_lax=2)
    assert r.recall_counts == Counts(tp_strict=1, fp_strict=2, tp_lax=3, fp_lax=0)
    assert r.strict.precision == pytest.approx(2 / 6)
    assert r.lax.precision == pytest.approx(4 / 6)
    assert r.strict.recall == pytest.approx(1 / 3)
    assert r.lax.recall == pytest.approx(1.0)
    assert r.strict.f1 == pytest.approx(1 / 3)
    assert r.lax.f1 == pytest.approx(0.8)
    assert r.documents == 1


def test_counts_are_summed_over_documents_before_dividing() -> None:
    r = score_alignments([GOLD_A, GOLD_B], [PRED_A, PRED_B])
    assert r.precision_counts == Counts(2, 5, 5, 2)
    assert r.recall_counts == Counts(1, 4, 5, 0)
    assert r.strict.precision == pytest.approx(2 / 7)
    assert r.strict.recall == pytest.approx(1 / 5)
    assert r.strict.f1 == pytest.approx(4 / 17)  # F1 of the summed P and R
    assert r.lax.precision == pytest.approx(5 / 7)
    assert r.lax.recall == pytest.approx(1.0)
    assert r.lax.f1 == pytest.approx(5 / 6)
    # Not the mean of per-document scores: document B alone scores 0 strict.
    assert score_alignments([GOLD_B], [PRED_B]).strict.f1 == 0.0


def test_plain_pairs_as_vecalign_reads_them() -> None:
    gold = [[([0], [0]), ([1], [1, 2]), ([2], []), ([3, 4], [3])]]
    pred = [[(list(b.src), list(b.tgt)) for b in PRED_A]]
    assert score_alignments(gold, pred) == score_alignments([GOLD_A], [PRED_A])


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        # Partial gold: the bead over sentence 1, which gold leaves out, is a false positive.
        pytest.param(beads(([0], [0])), beads(([0], [0]), ([1], [1])),
                     (0.5, 1.0, 0.5, 1.0), id="partial-gold"),
        # A repeated bead counts once (sets), an empty bead not at all.
        pytest.param(beads(([0], [0]), ([1], [1])),
                     beads(([0], [0]), ([0], [0]), ([], []), ([1], [2])),
                     (0.5, 0.5, 0.5, 0.5), id="duplicates-and-empty"),
        # Deletions alone: precision counts the exact match; recall has nothing to count
        # and gives 0.0, so F1 is 0.0 too.
        pytest.param(beads(([0], [])), beads(([0], [])), (1.0, 0.0, 1.0, 0.0),
                     id="deletions-only"),
        # A predicted 0:1 where gold has a 1:1: never a lax match (no source id to link).
        pytest.param(beads(([0], [0])), beads(([0], []), ([], [0])), (0.0, 0.0, 0.0, 0.0),
                     id="split-into-deletions"),
        pytest.param([], [], (0.0, 0.0, 0.0, 0.0), id="nothing"),
    ],
)
def test_edge_cases(
    gold: list[Bead], pred: list[Bead], expected: tuple[float, float, float, float]
) -> None:
    r = score_alignments([gold], [pred])
    assert (r.strict.precision, r.strict.recall, r.lax.precision, r.lax.recall) == (
        pytest.approx(expected)
    )


def test_unequal_numbers_of_documents() -> None:
    with pytest.raises(TransdeskError, match="2 gold alignments but 1 predicted"):
        score_alignments([GOLD_A, GOLD_B], [PRED_A])


@st.composite
def alignments(draw: st.DrawFn) -> list[Bead]:
    """A complete alignment: bead sizes 0..4 a side, never both empty."""
    sizes = draw(st.lists(
        st.tuples(st.integers(0, 4), st.integers(0, 4)).filter(lambda p: p != (0, 0)),
        min_size=1, max_size=15,
    ))
    out, i, j = [], 0, 0
    for a, b in sizes:
        out.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    return out


@given(alignments())
def test_perfect_prediction(gold: list[Bead]) -> None:
    r = score_alignments([gold], [gold])
    assert r.strict.precision == r.lax.precision == 1.0
    has_links = any(b.src and b.tgt for b in gold)
    assert r.strict.recall == r.lax.recall == (1.0 if has_links else 0.0)


@given(alignments(), alignments())
def test_lax_is_never_below_strict(gold: list[Bead], pred: list[Bead]) -> None:
    r = score_alignments([gold], [pred])
    for strict, lax in ((r.strict.precision, r.lax.precision), (r.strict.recall, r.lax.recall)):
        assert 0.0 <= strict <= lax <= 1.0
