"""The batch library: pairs from manifests and folders, two passes with one lexicon, failures
kept to their pair."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FakeAligner

from align.batch import (
    STEPS_PER_PAIR,
    Pair,
    ReadOptions,
    align_batch,
    default_workers,
    output_path,
    pairs_from_folders,
    pairs_from_manifest,
    read_pair,
)
from core.errors import TransdeskError


def test_manifest_paths_names_and_comments(tmp_path: Path) -> None:
    manifest = tmp_path / "jobs" / "list.tsv"
    manifest.parent.mkdir()
    manifest.write_text(
        "# source\ttarget\toutput\n"
        "a/ru.txt\ta/en.txt\n"
        "\n"
        "/abs/be.txt\t/abs/en.txt\tminsk\n"
        "b/ru.txt\tb/en.txt\tb-report.tmx\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert pairs_from_manifest(manifest, out, "tmx") == [
        Pair(manifest.parent / "a/ru.txt", manifest.parent / "a/en.txt", out / "ru.tmx"),
        Pair(Path("/abs/be.txt"), Path("/abs/en.txt"), out / "minsk.tmx"),
        Pair(manifest.parent / "b/ru.txt", manifest.parent / "b/en.txt", out / "b-report.tmx"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param("a.txt\tb.txt\nonly-one\n", r"list\.tsv:2: expected source path",
                     id="one-field"),
        pytest.param("a\tb\tc\td\n", r"list\.tsv:1: .* got 4 field", id="four-fields"),
        pytest.param("# nothing\n\n", "the manifest lists no pairs", id="empty"),
        pytest.param("x/a.txt\tb.txt\ny/a.txt\tc.txt\n", "would both be written to",
                     id="same-output"),
        pytest.param("a.txt\tb.txt\t../up\n", "must be a file name", id="path-as-name"),
    ],
)
def test_manifest_errors(tmp_path: Path, content: str, message: str) -> None:
    manifest = tmp_path / "list.tsv"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(TransdeskError, match=message):
        pairs_from_manifest(manifest, tmp_path / "out", "tsv")


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(TransdeskError, match="no such file"):
        pairs_from_manifest(tmp_path / "none.tsv", tmp_path, "tsv")


def test_folders_pair_by_name_and_report_lone_files(tmp_path: Path) -> None:
    ru, en = tmp_path / "ru", tmp_path / "en"
    ru.mkdir()
    en.mkdir()
    for name in ("a.txt", "b.txt", "only-ru.txt", ".hidden"):
        (ru / name).write_text("x", encoding="utf-8")
    for name in ("a.txt", "b.txt", "only-en.txt"):
        (en / name).write_text("x", encoding="utf-8")
    pairs, lone = pairs_from_folders(ru, en, tmp_path / "out", "jsonl")
    assert pairs == [
        Pair(ru / "a.txt", en / "a.txt", tmp_path / "out" / "a.jsonl"),
        Pair(ru / "b.txt", en / "b.txt", tmp_path / "out" / "b.jsonl"),
    ]
    assert lone == [f"{ru / 'only-ru.txt'}: no file of that name in {en}",
                    f"{en / 'only-en.txt'}: no file of that name in {ru}"]
    with pytest.raises(TransdeskError, match="no such folder"):
        pairs_from_folders(ru, tmp_path / "nope", tmp_path, "tsv")


def test_output_path_extensions() -> None:
    assert output_path("o", Path("x/doc.ru.txt"), "vecalign") == Path("o/doc.ru.align")
    assert output_path("o", Path("x/doc.txt"), "xlsx", "review") == Path("o/review.xlsx")
    assert output_path("o", Path("x/doc.txt"), "xlsx", "review.xls") == Path("o/review.xls")


def test_default_workers_is_small() -> None:
    assert 1 <= default_workers() <= 4


def test_same_language_on_both_sides_is_refused_unless_given(texts: Path) -> None:
    with pytest.raises(TransdeskError, match="both look like 'ru' text"):
        read_pair(texts / "ru.txt", texts / "ru.txt")
    src, tgt = read_pair(texts / "ru.txt", texts / "ru.txt", ReadOptions("ru", "ru"))
    assert src.lang == tgt.lang == "ru"


def test_two_passes_one_lexicon_per_language_pair_and_failures_kept_apart(
    texts: Path, tmp_path: Path, fake_aligner: FakeAligner
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (texts / "ru2.txt").write_text("Министр открыл совещание.\n", encoding="utf-8")
    pairs = [
        Pair(texts / "ru.txt", texts / "en.txt", out / "ru.tsv"),
        Pair(texts / "missing.txt", texts / "en.txt", out / "missing.tsv"),
        Pair(texts / "be.txt", texts / "en.txt", out / "be.tsv"),
        Pair(texts / "ru.txt", texts / "empty.txt", out / "empty.tsv"),
        Pair(texts / "ru2.txt", texts / "en.txt", out / "ru2.tsv"),
    ]
    steps: list[int] = []
    results = align_batch(pairs, fmt="tsv", progress=steps.append, workers=1)
    assert sum(steps) == STEPS_PER_PAIR * len(pairs)
    assert [r.pair for r in results] == pairs
    assert [r.ok for r in results] == [True, False, True, False, True]
    assert results[1].error == f"{texts / 'missing.txt'}: no such file"
    assert results[3].error == f"{texts / 'empty.txt'}: the file is empty"
    assert [(r.beads, r.low_confidence) for r in results] == [
        (4, 4), (0, 0), (4, 4), (0, 0), (4, 4)
    ]
    # One lexicon per language pair, learned over all its documents, used in second passes.
    assert fake_aligner.learned_from == [2, 1]
    assert [c[2] for c in fake_aligner.calls] == [
        "ru-en lexicon of 2", "be-en lexicon of 1", "ru-en lexicon of 2"
    ]
    assert sorted(p.name for p in out.iterdir()) == ["be.tsv", "ru.tsv", "ru2.tsv"]
    lines = (out / "ru.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[1] == ("0\t0\t0.3000\tyes\tСовещание открыл министр финансов.\t"
                        "The meeting was opened by the Minister of Finance.")


def test_a_pair_that_breaks_the_first_pass_is_left_out_of_the_lexicon(
    texts: Path, tmp_path: Path, fake_aligner: FakeAligner
) -> None:
    (texts / "break.txt").write_text("BREAK here. Второе предложение.\n", encoding="utf-8")
    pairs = [
        Pair(texts / "ru.txt", texts / "en.txt", tmp_path / "ok.tsv"),
        Pair(texts / "break.txt", texts / "en.txt", tmp_path / "break.tsv"),
    ]
    steps: list[int] = []
    results = align_batch(pairs, progress=steps.append)
    assert sum(steps) == STEPS_PER_PAIR * len(pairs)
    assert [r.ok for r in results] == [True, False]
    assert results[1].error == "internal error (ValueError: the first pass broke)"
    # the failed attempt, then one pair at a time to find the culprit, then without it
    assert fake_aligner.learned_from == [1, 1]
    assert [c[2] for c in fake_aligner.calls] == ["ru-en lexicon of 1"]


def test_every_pair_failing_learns_nothing(
    texts: Path, tmp_path: Path, fake_aligner: FakeAligner
) -> None:
    pairs = [Pair(texts / "empty.txt", texts / "en.txt", tmp_path / "x.tsv")]
    results = align_batch(pairs)
    assert not results[0].ok and fake_aligner.learned_from == []


def test_bad_arguments(tmp_path: Path, fake_aligner: FakeAligner) -> None:
    with pytest.raises(TransdeskError, match="unknown format 'doc'"):
        align_batch([], fmt="doc")
    with pytest.raises(TransdeskError, match="at least 1"):
        align_batch([], workers=0)


def test_real_aligner_in_two_worker_processes(texts: Path, tmp_path: Path) -> None:
    from align.aligner import AlignConfig

    pairs = [
        Pair(texts / "ru.txt", texts / "en.txt", tmp_path / "ru.jsonl"),
        Pair(texts / "be.txt", texts / "en.txt", tmp_path / "be.jsonl"),
        Pair(texts / "ru.txt", texts / "none.txt", tmp_path / "none.jsonl"),
    ]
    results = align_batch(pairs, fmt="jsonl", config=AlignConfig(embeddings=False), workers=2)
    assert [r.ok for r in results] == [True, True, False]
    assert results[2].error == f"{texts / 'none.txt'}: no such file"
    for name in ("ru", "be"):
        lines = (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == results[0].beads == 4
        assert [json.loads(line)["tgt_ids"] for line in lines] == [[0], [1], [2], [3]]
