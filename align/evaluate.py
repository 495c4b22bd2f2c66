"""Strict and lax precision, recall and F1 of predicted alignments against gold.

A faithful port of vecalign's score.py (thompsonb/vecalign, `_precision` and `score_multiple`),
itself a faster form of the measures of Véronis and Langlais as used in
https://www.aclweb.org/anthology/W11-4624/, so that our numbers compare with published ones:

- Beads are compared as sets per document: duplicates count once and beads empty on both
  sides are dropped.
- Precision looks at every predicted bead, 1:0 and 0:1 included. A bead is a strict true
  positive when the very same bead is in the gold, otherwise a strict false positive. It is a
  lax true positive when it is a strict one, or when one of its target ids is aligned in the
  gold to one of its source ids; so a predicted 1:0 or 0:1 bead is a lax hit only when the
  gold has exactly that bead.
- Recall is the same computation with the roles swapped and with every bead that has an
  empty side (1:0, 0:1) removed from both gold and prediction: insertions and deletions do not
  count towards recall.
- Gold need not cover every sentence. Nothing is filtered for it: a predicted bead over
  sentences the gold does not mention has no gold partner and counts as a false positive.
- The four counts are summed over all documents before dividing; F1 is the harmonic mean of
  the summed precision and recall; any 0/0 gives `value_for_div_by_0` (0.0).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeAlias

from core.errors import TransdeskError


class _BeadLike(Protocol):
    @property
    def src(self) -> Sequence[int]: ...

    @property
    def tgt(self) -> Sequence[int]: ...


# A Bead, or a plain (src ids, tgt ids) pair as vecalign's read_alignments returns.
BeadLike: TypeAlias = _BeadLike | tuple[Sequence[int], Sequence[int]]
_Pair: TypeAlias = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Counts:
    """True and false positives, strict and lax, summed over documents."""

    tp_strict: int = 0
    fp_strict: int = 0
    tp_lax: int = 0
    fp_lax: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.tp_strict + other.tp_strict,
            self.fp_strict + other.fp_strict,
            self.tp_lax + other.tp_lax,
            self.fp_lax + other.fp_lax,
        )


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 under one matching rule."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class EvalResult:
    """Strict and lax scores over all documents, with the counts they come from.

    `precision_counts` count predicted beads (against the gold); `recall_counts` count gold
    beads with both sides non-empty (against the prediction without 1:0 and 0:1 beads).
    """

    strict: PRF
    lax: PRF
    documents: int
    precision_counts: Counts
    recall_counts: Counts


def score_alignments(
    gold: Sequence[Iterable[BeadLike]],
    pred: Sequence[Iterable[BeadLike]],
    *,
    value_for_div_by_0: float = 0.0,
) -> EvalResult:
    """Score predicted alignments against gold, one list of beads per document, as vecalign."""
    if len(gold) != len(pred):
        raise TransdeskError(
            f"{len(gold)} gold alignments but {len(pred)} predicted ones; give them in pairs"
        )
    pcounts = Counts()
    rcounts = Counts()
    for gold_doc, pred_doc in zip(gold, pred, strict=True):
        gold_pairs = [_pair(b) for b in gold_doc]
        pred_pairs = [_pair(b) for b in pred_doc]
        pcounts += _precision_counts(gold_pairs, pred_pairs)
        # Recall is precision with the roles swapped, insertions and deletions left out.
        gold_no_del = [(s, t) for s, t in gold_pairs if s and t]
        pred_no_del = [(s, t) for s, t in pred_pairs if s and t]
        rcounts += _precision_counts(pred_no_del, gold_no_del)

    def ratio(tp: int, fp: int) -> float:
        return value_for_div_by_0 if tp + fp == 0 else tp / (tp + fp)

    def harmonic(p: float, r: float) -> float:
        return value_for_div_by_0 if p + r == 0 else 2 * p * r / (p + r)

    p_strict = ratio(pcounts.tp_strict, pcounts.fp_strict)
    r_strict = ratio(rcounts.tp_strict, rcounts.fp_strict)
    p_lax = ratio(pcounts.tp_lax, pcounts.fp_lax)
    r_lax = ratio(rcounts.tp_lax, rcounts.fp_lax)
    return EvalResult(
        strict=PRF(p_strict, r_strict, harmonic(p_strict, r_strict)),
        lax=PRF(p_lax, r_lax, harmonic(p_lax, r_lax)),
        documents=len(gold),
        precision_counts=pcounts,
        recall_counts=rcounts,
    )


def _precision_counts(gold: Sequence[_Pair], test: Sequence[_Pair]) -> Counts:
    # vecalign's _precision: sets, so a repeated bead counts once; empty beads dropped.
    test_set = {(s, t) for s, t in test if s or t}
    gold_set = {(s, t) for s, t in gold if s or t}
    gold_tgts_of_src: dict[int, set[int]] = defaultdict(set)
    for gold_src, gold_tgt in gold_set:
        for i in gold_src:
            gold_tgts_of_src[i].update(gold_tgt)
    tp_strict = fp_strict = tp_lax = fp_lax = 0
    for test_src, test_tgt in test_set:
        if (test_src, test_tgt) in gold_set:
            tp_strict += 1
            tp_lax += 1
            continue
        fp_strict += 1
        linked: set[int] = set()
        for i in test_src:
            linked |= gold_tgts_of_src.get(i, set())
        if linked.intersection(test_tgt):
            tp_lax += 1
        else:
            fp_lax += 1
    return Counts(tp_strict, fp_strict, tp_lax, fp_lax)


def _pair(bead: BeadLike) -> _Pair:
    if isinstance(bead, tuple | list):
        src, tgt = bead
    else:
        src, tgt = bead.src, bead.tgt
    return tuple(src), tuple(tgt)


__all__ = ["PRF", "BeadLike", "Counts", "EvalResult", "score_alignments"]
