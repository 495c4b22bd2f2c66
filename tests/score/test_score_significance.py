"""Significance: p-values and intervals identical to sacrebleu's, through its API and CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.significance import PairedTest
from scoredata import HARVEST, SYSTEMS, lines, sacrebleu_cli, write_lines

from score import significance as sig
from score.engine import ScoreConfig, ScoreResult, score_segments
from score.inputs import Segments

REF = lines(HARVEST / "reference.en")
DRAFTS = {s: lines(HARVEST / f"{s}.en") for s in SYSTEMS}
# Drafts of middling quality, so that p-values spread out instead of sitting at the floor of
# 1 / (n + 1): every third line of system-a, the rest of system-c; system-a with two lines of b.
DRAFTS["blend"] = [a if i % 3 == 0 else c for i, (a, c) in
                   enumerate(zip(DRAFTS["system-a"], DRAFTS["system-c"], strict=True))]
DRAFTS["mixed"] = DRAFTS["system-b"][:2] + DRAFTS["system-a"][2:]
ORDER = ("system-b", "blend", "mixed", "system-a")  # the baseline first, as in sacrebleu

# Short made-up segments for the multi-reference TER case (fractional statistics).
TINY_REFS = [
    ["the cat sat on the mat", "a dog barked twice", "rain fell all day long",
     "we met at noon", "the river is wide here", "she sold two old cars"],
    ["a cat sat on the mat", "the dog barked two times", "it rained the whole day",
     "we met at midday", "here the river is wide", "she sold two cars"],
    ["the cat was on the mat", "a dog barked", "rain all day", "we met at 12",
     "the river is broad here", "two old cars were sold by her"],
]
TINY = {
    "x": ["the cat on the mat", "a dog barked two", "rain fell all the day", "we meet at noon",
          "the river wide here", "she sold old cars"],
    "y": ["cat sat mat", "dog", "all day rain fell long", "at noon we met",
          "river here", "two cars"],
    "z": ["the cat sat on a mat", "a dog barked twice", "rain fell all day long",
          "we met at noon", "the river is wide", "she sold two old cars"],
}

SACRE_METRICS = {"bleu": BLEU, "chrf": CHRF, "chrf++": lambda **kw: CHRF(word_order=2, **kw),
                 "ter": TER}


def _ours(keys: tuple[str, ...], refs: list[list[str]], drafts: dict[str, list[str]],
          **config: object) -> ScoreResult:
    ref_streams = [Segments(f"r{i}", tuple(r)) for i, r in enumerate(refs)]
    systems = [Segments(name, tuple(drafts[name])) for name in drafts]
    return score_segments(ref_streams, systems, ScoreConfig(metrics=keys, **config))


def _theirs(keys: tuple[str, ...], refs: list[list[str]], drafts: dict[str, list[str]],
            test: str, n: int) -> dict[str, list]:
    metrics = {}
    for key in keys:
        metric = SACRE_METRICS[key](references=refs)
        metrics[metric.corpus_score(next(iter(drafts.values())), None).name] = metric
    _, scores = PairedTest(list(drafts.items()), metrics, references=None, test_type=test,
                           n_samples=n)()
    return scores


@pytest.mark.parametrize("seed", [12345, 7])
def test_paired_bootstrap_equals_sacrebleu_api(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SACREBLEU_SEED", str(seed))
    drafts = {name: DRAFTS[name] for name in ORDER}
    keys = ("bleu", "chrf", "chrf++")
    ours = _ours(keys, [REF], drafts, bootstrap=200, ar_trials=0, baseline="system-b", seed=seed)
    theirs = _theirs(keys, [REF], drafts, "bs", 200)
    for m in ours.metrics:
        results = theirs[m.name]
        for k in range(len(ORDER)):
            assert m.scores[k] == results[k].score
            assert m.ci is not None
            assert m.ci[k] == (results[k].mean, results[k].ci)
            if k:  # the baseline has no p-value
                assert m.p_bs is not None and m.p_bs[k] == results[k].p_value


@pytest.mark.parametrize("seed", [12345, 7])
def test_paired_ar_equals_sacrebleu_api(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SACREBLEU_SEED", str(seed))
    drafts = {name: DRAFTS[name] for name in ORDER}
    keys = ("bleu", "chrf", "chrf++")
    ours = _ours(keys, [REF], drafts, bootstrap=0, ar_trials=500, baseline="system-b", seed=seed)
    theirs = _theirs(keys, [REF], drafts, "ar", 500)
    for m in ours.metrics:
        assert m.p_ar is not None
        assert list(m.p_ar[1:]) == [r.p_value for r in theirs[m.name][1:]]


@pytest.mark.parametrize("test", ["bs", "ar"])
def test_ter_with_three_references_equals_sacrebleu(test: str) -> None:
    # Averaged reference lengths are fractions: the float32 sums must follow sacrebleu's.
    config = {"bootstrap": 100, "ar_trials": 0} if test == "bs" else {"bootstrap": 0,
                                                                        "ar_trials": 300}
    ours = _ours(("ter",), TINY_REFS, TINY, baseline="x", **config)
    theirs = _theirs(("ter",), TINY_REFS, TINY, test, 100 if test == "bs" else 300)["TER"]
    m = ours.metrics[0]
    assert list(m.scores) == [r.score for r in theirs]
    p = m.p_bs if test == "bs" else m.p_ar
    assert p is not None and list(p[1:]) == [r.p_value for r in theirs[1:]]
    if test == "bs":
        assert m.ci == tuple((r.mean, r.ci) for r in theirs)


def _files(tmp_path: Path) -> tuple[str, list[str]]:
    ref = str(write_lines(tmp_path / "ref.en", REF))
    hyps = [str(write_lines(tmp_path / f"{name}.en", DRAFTS[name])) for name in ORDER]
    return ref, hyps


def test_paired_bs_bleu_equals_sacrebleu_cli(tmp_path: Path) -> None:
    ref, hyps = _files(tmp_path)
    out = sacrebleu_cli(ref, "-i", *hyps, "-m", "bleu", "--paired-bs", "--paired-bs-n", "150",
                        "-f", "json", env={"SACREBLEU_SEED": "3"})
    theirs = json.loads(out)
    ours = _ours(("bleu",), [REF], {n: DRAFTS[n] for n in ORDER}, bootstrap=150, ar_trials=0,
                 baseline="system-b", seed=3).metrics[0]
    assert ours.p_bs is not None and ours.ci is not None
    for k, row in enumerate(theirs):
        assert row["BLEU"]["score"] == ours.scores[k]
        assert (row["BLEU"]["mean"], row["BLEU"]["ci"]) == ours.ci[k]
        if k:
            assert row["BLEU"]["p_value"] == ours.p_bs[k]


def test_paired_ar_equals_sacrebleu_cli(tmp_path: Path) -> None:
    ref, hyps = _files(tmp_path)
    out = sacrebleu_cli(ref, "-i", *hyps, "-m", "bleu", "chrf", "--paired-ar", "--paired-ar-n",
                        "400", "-f", "json")
    theirs = json.loads(out)
    ours = _ours(("bleu", "chrf"), [REF], {n: DRAFTS[n] for n in ORDER}, bootstrap=0,
                 ar_trials=400, baseline="system-b", seed=12345)
    for m in ours.metrics:
        assert m.p_ar is not None
        assert [row[m.name]["p_value"] for row in theirs[1:]] == list(m.p_ar[1:])


def test_paired_bs_chrf_equals_sacrebleu_cli_text(tmp_path: Path) -> None:
    # sacrebleu cannot write chrF's float32 bootstrap means as JSON; compare its table.
    ref, hyps = _files(tmp_path)
    out = sacrebleu_cli(ref, "-i", *hyps, "-m", "chrf", "--paired-bs", "--paired-bs-n", "100",
                        "-f", "text", "-w", "6")
    printed = re.findall(r"\(p = ([0-9.]+)\)", out)
    means = re.findall(r"[0-9.]+ \(([0-9.]+) ± ([0-9.]+)\)", out)
    m = _ours(("chrf",), [REF], {n: DRAFTS[n] for n in ORDER}, bootstrap=100, ar_trials=0,
              baseline="system-b", seed=12345).metrics[0]
    assert m.p_bs is not None and m.ci is not None
    assert printed == [f"{p:.4f}" for p in m.p_bs[1:]]
    assert means == [(f"{a:.6f}", f"{b:.6f}") for a, b in m.ci]


def test_resample_counts_match_the_indices() -> None:
    idxs = sig.bootstrap_indices(7, 5, seed=1)
    counts = sig.resample_counts(idxs, 7)
    for row, count in zip(idxs, counts, strict=True):
        assert count.tolist() == np.bincount(row, minlength=7).tolist()


def test_bootstrap_sums_fallback_agrees_on_integers(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(0)
    stats = [rng.integers(0, 50, size=(30, 4)), rng.integers(0, 9, size=(30, 3))]
    idxs = sig.bootstrap_indices(30, 20, seed=2)
    fast = sig.bootstrap_sums(stats, idxs)
    monkeypatch.setattr(sig, "_F32_EXACT", 0)  # force sacrebleu's own summation
    slow = sig.bootstrap_sums(stats, idxs)
    for a, b in zip(fast, slow, strict=True):
        assert a.dtype == b.dtype == np.float32 and np.array_equal(a, b)


def test_seed_from_the_environment() -> None:
    assert sig.sacrebleu_seed({}) == 12345
    assert sig.sacrebleu_seed({"SACREBLEU_SEED": "None"}) is None
    assert sig.sacrebleu_seed({"SACREBLEU_SEED": "42"}) == 42


@pytest.mark.parametrize(
    ("scores", "pairs", "expected"),
    [
        # All pairs significant: one cluster each.
        ([30.0, 20.0, 10.0], {(0, 1): 0.001, (0, 2): 0.001, (1, 2): 0.001}, [1, 2, 3]),
        # The middle system ties with both: no boundary can be drawn.
        ([30.0, 20.0, 10.0], {(0, 1): 0.2, (0, 2): 0.001, (1, 2): 0.3}, [1, 1, 1]),
        # Top two tie, third is below both.
        ([30.0, 29.0, 10.0], {(0, 1): 0.4, (0, 2): 0.001, (1, 2): 0.01}, [1, 1, 2]),
        # Order comes from the scores, not from the input order.
        ([10.0, 30.0, 29.0], {(0, 1): 0.001, (0, 2): 0.001, (1, 2): 0.5}, [2, 1, 1]),
    ],
)
def test_clusters(scores: list[float], pairs: dict[tuple[int, int], float],
                  expected: list[int]) -> None:
    p = np.full((3, 3), np.nan)
    for (a, b), value in pairs.items():
        p[a, b] = p[b, a] = value
    assert sig.clusters(scores, p, higher_is_better=True) == expected
    # Lower-is-better (TER) reverses the order.
    flipped = sig.clusters([-s for s in scores], p, higher_is_better=False)
    assert flipped == expected
