"""Metrics: our statistics and scores against sacrebleu's own API, bit for bit."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric
from scoredata import HARVEST, SYSTEMS, VICTORY, lines

from score.metrics import METRICS, Arith, MetricOptions, SacreScorer, batch_scores, loop_scores

SACRE = {
    "bleu": BLEU,
    "chrf": CHRF,
    "chrf++": lambda: CHRF(word_order=2),
    "ter": TER,
}


def _data(folder: Path) -> tuple[list[str], dict[str, list[str]]]:
    return lines(folder / "reference.en"), {s: lines(folder / f"{s}.en") for s in SYSTEMS}


@pytest.mark.parametrize("key", METRICS)
@pytest.mark.parametrize("nrefs", [1, 2])
def test_corpus_scores_equal_sacrebleu(key: str, nrefs: int) -> None:
    ref, systems = _data(VICTORY)
    # A second reference: another draft will do, the arithmetic is what is tested.
    refs = [ref, systems["system-b"]][:nrefs]
    scorer = SacreScorer(key, refs, MetricOptions())
    for hyps in systems.values():
        ours = scorer.corpus_score(scorer.segment_stats(hyps))
        theirs = SACRE[key]().corpus_score(hyps, refs).score
        assert ours == theirs  # exactly, not approximately


@pytest.mark.parametrize("key", METRICS)
def test_signature_is_sacrebleus(key: str) -> None:
    ref, systems = _data(HARVEST)
    scorer = SacreScorer(key, [ref], MetricOptions())
    metric = SACRE[key]()
    metric.corpus_score(systems["system-a"], [ref])
    assert scorer.signature() == metric.get_signature().format()


def test_options_reach_bleu() -> None:
    ref, systems = _data(HARVEST)
    scorer = SacreScorer("bleu", [ref], MetricOptions(tokenize="char", lowercase=True))
    theirs = BLEU(tokenize="char", lowercase=True).corpus_score(systems["system-c"], [ref])
    assert scorer.corpus_score(scorer.segment_stats(systems["system-c"])) == theirs.score
    assert "tok:char" in scorer.signature() and "case:lc" in scorer.signature()


@pytest.mark.parametrize("key", METRICS)
def test_segment_scores_equal_sentence_score(key: str) -> None:
    ref, systems = _data(VICTORY)
    scorer = SacreScorer(key, [ref], MetricOptions())
    hyps = systems["system-c"]
    ours = scorer.segment_scores(scorer.segment_stats(hyps))
    # sacrebleu --sentence-level uses BLEU with effective order.
    metric = BLEU(effective_order=True) if key == "bleu" else SACRE[key]()
    theirs = [metric.sentence_score(h, [r]).score for h, r in zip(hyps, ref, strict=True)]
    assert ours.tolist() == theirs


# Random statistics with many zeros: every branch of the formulas (no match, zero totals,
# smoothing, empty hypotheses) gets exercised against sacrebleu's scalar code.
_count = st.one_of(st.just(0), st.integers(0, 3), st.integers(0, 5000))


def _rows(width: int) -> st.SearchStrategy[list[list[int]]]:
    return st.lists(st.lists(_count, min_size=width, max_size=width), min_size=1, max_size=12)


METRIC_OBJECTS = {
    "bleu": BLEU(),
    "bleu-sentence": BLEU(effective_order=True),
    "bleu-floor": BLEU(smooth_method="floor"),
    "bleu-none": BLEU(smooth_method="none"),
    "chrf": CHRF(),
    "chrf++": CHRF(word_order=2),
}


@pytest.mark.parametrize("arith", ["float32", "float64"])
@pytest.mark.parametrize("metric", METRIC_OBJECTS.values(), ids=METRIC_OBJECTS.keys())
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_batch_scores_equal_sacrebleu_row_by_row(
    metric: Metric, arith: Arith, data: st.DataObject
) -> None:
    width = 2 + 2 * metric.max_ngram_order if isinstance(metric, BLEU) else 3 * metric.order
    sums = np.array(data.draw(_rows(width)), dtype=np.int64)
    ours = batch_scores(metric, sums, arith)
    theirs = loop_scores(metric, sums, arith)
    assert ours.dtype == theirs.dtype
    assert ours.tobytes() == theirs.tobytes()


@pytest.mark.parametrize("arith", ["float32", "float64"])
@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(_count, st.one_of(st.just(0), _count).map(lambda x: x / 3)),
                     min_size=1, max_size=12))
def test_ter_batch_equals_sacrebleu(arith: Arith, rows: list[tuple[int, float]]) -> None:
    sums = np.array(rows, dtype=np.float64)
    ours = batch_scores(TER(), sums, arith)
    theirs = loop_scores(TER(), sums, arith)
    assert ours.dtype == theirs.dtype
    assert ours.tobytes() == theirs.tobytes()


def test_unknown_metric_is_a_user_error() -> None:
    from core.errors import TransdeskError

    with pytest.raises(TransdeskError, match="unknown metric 'meteor'"):
        SacreScorer("meteor", [["a"]], MetricOptions())
