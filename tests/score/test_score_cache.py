"""The statistics cache: a second run computes nothing, a new system only itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scoredata import SYSTEMS, VICTORY, lines

from score.cache import StatsCache, default_cache_dir
from score.engine import ScoreConfig, ScoreResult, score_segments
from score.inputs import Segments
from score.metrics import SacreScorer

REF = [Segments("ref", tuple(lines(VICTORY / "reference.en")))]
DRAFTS = [Segments(s, tuple(lines(VICTORY / f"{s}.en"))) for s in SYSTEMS]


Calls = list[tuple[str, str]]


@pytest.fixture
def counter(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """Every statistics computation, as (metric, first draft line)."""
    calls: Calls = []
    original = SacreScorer.segment_stats

    def counting(self: SacreScorer, hyps: list[str]) -> np.ndarray:
        calls.append((self.key, hyps[0]))
        return original(self, hyps)

    monkeypatch.setattr(SacreScorer, "segment_stats", counting)
    return calls


def _run(systems: list[Segments], cache: Path | None, refs: list[Segments] = REF) -> ScoreResult:
    config = ScoreConfig(metrics=("bleu", "chrf"), bootstrap=20, cache_dir=cache, jobs=1)
    return score_segments(refs, systems, config)


def test_second_run_computes_nothing(tmp_path: Path, counter: Calls) -> None:
    first = _run(DRAFTS, tmp_path)
    assert len(counter) == 6 and (first.cache_hits, first.cache_misses) == (0, 6)
    second = _run(DRAFTS, tmp_path)
    assert len(counter) == 6  # nothing new
    assert (second.cache_hits, second.cache_misses) == (6, 0)
    assert [m.scores for m in second.metrics] == [m.scores for m in first.metrics]
    assert [m.ci for m in second.metrics] == [m.ci for m in first.metrics]


def test_adding_a_system_computes_only_that_one(tmp_path: Path, counter: Calls) -> None:
    _run(DRAFTS[:2], tmp_path)
    counter.clear()
    _run(DRAFTS, tmp_path)
    assert sorted(counter) == sorted([("bleu", DRAFTS[2].texts[0]), ("chrf", DRAFTS[2].texts[0])])


def test_a_renamed_file_with_the_same_content_hits(tmp_path: Path, counter: Calls) -> None:
    _run(DRAFTS[:1], tmp_path)
    _run([Segments("renamed", DRAFTS[0].texts)], tmp_path)
    assert len(counter) == 2


def test_other_references_miss(tmp_path: Path, counter: Calls) -> None:
    _run(DRAFTS[:1], tmp_path)
    other = [Segments("ref", tuple(lines(VICTORY / "system-b.en")))]
    _run(DRAFTS[:1], tmp_path, other)
    assert len(counter) == 4


def test_a_corrupt_entry_is_recomputed(tmp_path: Path, counter: Calls) -> None:
    first = _run(DRAFTS[:1], tmp_path)
    for entry in tmp_path.rglob("*.npy"):
        entry.write_bytes(b"not numpy")
    again = _run(DRAFTS[:1], tmp_path)
    assert len(counter) == 4 and again.cache_misses == 2
    assert [m.scores for m in again.metrics] == [m.scores for m in first.metrics]
    third = _run(DRAFTS[:1], tmp_path)
    assert third.cache_hits == 2  # rewritten


def test_no_cache_writes_nothing(tmp_path: Path, counter: Calls) -> None:
    _run(DRAFTS[:1], None)
    _run(DRAFTS[:1], None)
    assert len(counter) == 4
    assert not list(tmp_path.iterdir())


def test_an_unwritable_cache_does_not_fail_the_run(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = _run(DRAFTS[:1], blocker / "cache")  # a folder under a file: cannot exist
    assert result.cache_write_failed
    assert result.metrics[0].scores[0] > 0


def test_cache_get_checks_the_length(tmp_path: Path) -> None:
    cache = StatsCache(tmp_path)
    key = cache.key("draft", "token")
    cache.put(key, np.ones((3, 2), dtype=np.int64))
    assert cache.get(key, 3) is not None
    assert cache.get(key, 4) is None


def test_default_cache_dir() -> None:
    assert default_cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/transdesk/score")
    assert default_cache_dir({}) == Path.home() / ".cache" / "transdesk" / "score"
