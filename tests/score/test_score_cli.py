"""`transdesk score` as a user runs it: figures equal sacrebleu's CLI, formats, errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from scoredata import GLOSSARY, HARVEST, ROOT, VICTORY, lines, sacrebleu_cli, write_lines

from transdesk.cli import run

_LINE = re.compile(r"^\s*(\S+?)\|(\S+) = ([0-9.]+)", re.M)


def _sacrebleu_scores(refs: list[str], hyp: str, *extra: str) -> dict[str, tuple[str, str]]:
    """sacrebleu's printed value and signature per metric, for one system."""
    out = sacrebleu_cli(*refs, "-i", hyp, "-f", "text", *extra)
    return {name: (value, signature) for name, signature, value in _LINE.findall(out)}


def _our_table(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert run(["score", *args, "--no-cache", "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def _cell(table: str, metric: str, system: str) -> tuple[str, str]:
    """(printed score, signature) of `system` in the block of `metric`."""
    block = table.split(f"\n{metric}  ", 1)[1] if not table.startswith(metric + "  ") else \
        table[len(metric) + 2:]
    signature, rest = block.split("\n", 1)
    for row in rest.split("\n\n", 1)[0].splitlines()[1:]:
        cells = row.split()
        if cells[1] == system:
            return cells[2], signature
    raise AssertionError(f"{system} not in the {metric} block")


@pytest.mark.parametrize("nrefs", [1, 2])
def test_figures_equal_sacrebleu_cli_to_the_last_digit(
    nrefs: int, capsys: pytest.CaptureFixture[str]
) -> None:
    refs = [str(VICTORY / "reference.en"), str(VICTORY / "system-b.en")][:nrefs]
    ref_args = [a for r in refs for a in ("--ref", r)]
    for width in ("4", "1"):
        table = _our_table([*ref_args, "--hyp", str(VICTORY / "system-a.en"),
                            str(VICTORY / "system-c.en"), "-m", "bleu,chrf,chrf++,ter",
                            "--bs-n", "0", "-w", width], capsys)
        for system in ("system-a.en", "system-c.en"):
            hyp = str(VICTORY / system)
            theirs = _sacrebleu_scores(refs, hyp, "-m", "bleu", "chrf", "ter", "-w", width)
            theirs |= _sacrebleu_scores(refs, hyp, "-m", "chrf", "--chrf-word-order", "2",
                                        "-w", width)
            assert set(theirs) == {"BLEU", "chrF2", "chrF2++", "TER"}
            for metric, (value, signature) in theirs.items():
                assert _cell(table, metric, system) == (value, signature)


def test_table_with_significance(capsys: pytest.CaptureFixture[str]) -> None:
    # Every figure here is what `sacrebleu reference.en -i system-b.en system-a.en
    # system-c.en -m bleu chrf --paired-bs --paired-bs-n 100` (and --paired-ar --paired-ar-n
    # 100) prints; the clusters are ours.
    table = _our_table([
        "--ref", str(HARVEST / "reference.en"), "--hyp", f"a={HARVEST / 'system-a.en'}",
        f"b={HARVEST / 'system-b.en'}", f"c={HARVEST / 'system-c.en'}", "--baseline", "b",
        "--bs-n", "100", "--ar-n", "100"], capsys)
    table = re.sub(r"version:[0-9.]+", "version:X", table)
    assert table == (
        "BLEU  nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:X\n"
        "rank  system  BLEU  μ ± 95% CI    p (bs)    p (ar)\n"
        "   1  a       69.3  69.4 ± 7.4   0.0099*   0.0099*\n"
        "   2  b       33.7  33.5 ± 6.0  baseline  baseline\n"
        "   3  c       22.0  21.8 ± 3.4   0.0099*   0.0198*\n"
        "\n"
        "chrF2  nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:X\n"
        "rank  system  chrF2  μ ± 95% CI    p (bs)    p (ar)\n"
        "   1  a        84.4  84.6 ± 4.0   0.0099*   0.0099*\n"
        "   2  b        65.9  66.1 ± 3.1  baseline  baseline\n"
        "   3  c        56.9  57.0 ± 3.0   0.0099*   0.0099*\n"
        "\n"
        "transdesk  seed:12345|bs:100|ar:100|alpha:0.05|reseg:no|glossary:none|version:X\n"
    )


def test_formats_and_levels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = lines(VICTORY / "reference.en") + lines(HARVEST / "reference.en")
    docs = write_lines(tmp_path / "docs.txt", ["victory"] * 39 + ["harvest"] * 40)
    write_lines(tmp_path / "ref.en", ref)
    for s in ("system-a", "system-c"):
        write_lines(tmp_path / f"{s}.en", lines(VICTORY / f"{s}.en") + lines(HARVEST / f"{s}.en"))
    base = ["--ref", str(tmp_path / "ref.en"), "--hyp", str(tmp_path / "system-a.en"),
            str(tmp_path / "system-c.en"), "--docids", str(docs), "--bs-n", "50"]

    payload = json.loads(_our_table([*base, "-f", "json"], capsys))
    assert payload["level"] == "system" and len(payload["rows"]) == 4
    assert set(payload["signatures"]) == {"BLEU", "chrF2", "transdesk"}

    tsv = _our_table([*base, "-f", "tsv", "--level", "segment"], capsys)
    frame = pl.read_csv(tsv.encode(), separator="\t")
    assert frame.shape[0] == 2 * 79
    assert frame.columns == ["system", "segment", "doc_id", "BLEU", "chrF2", "draft"]

    docs_json = json.loads(_our_table([*base, "-f", "json", "--level", "document"], capsys))
    rows = docs_json["rows"]
    assert [(r["system"], r["doc_id"], r["segments"]) for r in rows] == [
        ("system-a.en", "victory", 39), ("system-a.en", "harvest", 40),
        ("system-c.en", "victory", 39), ("system-c.en", "harvest", 40)]
    # A document's score is sacrebleu's corpus score of its segments.
    from sacrebleu.metrics import BLEU

    expected = BLEU().corpus_score(lines(VICTORY / "system-a.en"),
                                   [lines(VICTORY / "reference.en")]).score
    assert rows[0]["BLEU"] == expected

    table = _our_table([*base, "--level", "document"], capsys)
    assert table.splitlines()[0].split() == ["system", "doc_id", "segments", "BLEU", "chrF2"]

    target = tmp_path / "scores.xlsx"
    assert _our_table([*base, "-f", "xlsx", "-o", str(target)], capsys) == ""
    sheets = pl.read_excel(target, sheet_id=0)
    assert set(sheets) == {"systems", "segments", "documents", "signatures"}
    assert sheets["segments"].shape[0] == 158


def test_resegment_one_line_per_document(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    ref = lines(VICTORY / "reference.en") + lines(HARVEST / "reference.en")
    write_lines(tmp_path / "ref.en", ref)
    docs = write_lines(tmp_path / "docs.txt", ["victory"] * 39 + ["harvest"] * 40)
    write_lines(tmp_path / "joined.en", [" ".join(lines(VICTORY / "system-a.en")),
                                         " ".join(lines(HARVEST / "system-a.en"))])
    write_lines(tmp_path / "aligned.en", lines(VICTORY / "system-a.en")
                + lines(HARVEST / "system-a.en"))
    common = ["--ref", str(tmp_path / "ref.en"), "--docids", str(docs), "--bs-n", "0",
              "-f", "json", "-m", "bleu"]
    aligned = json.loads(_our_table([*common, "--hyp", str(tmp_path / "aligned.en")], capsys))
    joined = json.loads(_our_table([*common, "--hyp", str(tmp_path / "joined.en"),
                                    "--resegment"], capsys))
    assert abs(aligned["rows"][0]["score"] - joined["rows"][0]["score"]) < 1.0
    assert "reseg:mwer" in joined["signatures"]["transdesk"]


def test_terminology_with_the_desk_glossary(capsys: pytest.CaptureFixture[str]) -> None:
    table = _our_table(["--ref", str(VICTORY / "reference.en"), "--src",
                        str(VICTORY / "source.ru"), "--glossary", str(GLOSSARY), "--hyp",
                        str(VICTORY / "system-a.en"), str(VICTORY / "system-c.en"),
                        "--bs-n", "50"], capsys)
    acc_a, signature = _cell(table, "TermAcc", "system-a.en")
    acc_c, _ = _cell(table, "TermAcc", "system-c.en")
    assert float(acc_a) > float(acc_c)
    assert signature.startswith("glossary:desk.tbx@") and "lang:ru-en" in signature
    wrong_c, _ = _cell(table, "TermWrong", "system-c.en")
    assert float(wrong_c) > 0


def test_the_cache_is_used_across_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--ref", str(HARVEST / "reference.en"), "--hyp", str(HARVEST / "system-a.en"),
            "--bs-n", "0", "--cache-dir", str(tmp_path), "--jobs", "1"]
    assert run(["score", *args]) == 0
    first = capsys.readouterr().out

    from score.metrics import SacreScorer

    def refuse(*_: object) -> None:
        raise AssertionError("statistics recomputed")

    monkeypatch.setattr(SacreScorer, "segment_stats", refuse)
    assert run(["score", *args]) == 0
    assert capsys.readouterr().out == first


@pytest.mark.parametrize(
    ("make", "args", "message"),
    [
        (lambda d: write_lines(d / "short.en", ["one line"]), ["--hyp", "{d}/short.en"],
         "system short.en has 1 segments, the references 40; give --resegment"),
        (lambda d: (d / "empty.en").write_text(""), ["--hyp", "{d}/empty.en"],
         "empty.en: the file is empty"),
        (lambda d: (d / "bad.xml").write_text("<dataset><doc>"), ["--hyp", "{d}/bad.xml"],
         "bad.xml is not well-formed XML"),
        (None, ["--hyp", str(HARVEST / "system-a.en"), "-m", "bleu,meteor"],
         "unknown metric 'meteor'; choose from bleu, chrf, chrf++, ter, terms, terms-wrong"),
        (None, ["--hyp", str(HARVEST / "system-a.en"), "--baseline", "nope"],
         "baseline 'nope' is not among the systems: system-a.en"),
        (None, ["--hyp", str(HARVEST / "system-a.en"), "-f", "xlsx"],
         "--format xlsx writes a file; give --output"),
        (None, ["--hyp", str(HARVEST / "system-a.en"), "-m", "terms"],
         "metric terms needs a glossary and the source (--glossary, --src)"),
        (None, ["--hyp", str(HARVEST / "system-a.en"), str(HARVEST / "system-a.en")],
         "two systems are called system-a.en; name them with NAME=FILE"),
        (None, ["--hyp", str(HARVEST / "system-a.en"), "--seed", "x"],
         "seed 'x' is neither an integer nor 'none'"),
    ],
)
def test_user_errors_are_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], object] | None,
    args: list[str],
    message: str,
) -> None:
    if make:
        make(tmp_path)
    argv = ["score", "--ref", str(HARVEST / "reference.en"), "--no-cache",
            *(a.replace("{d}", str(tmp_path)) for a in args)]
    assert run(argv) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("transdesk: error: ")
    assert message in err


def test_python_api_gives_the_cli_figures(capsys: pytest.CaptureFixture[str]) -> None:
    from score import system_frame
    from score.engine import ScoreConfig
    from score.run import score_files

    result = score_files([str(HARVEST / "reference.en")],
                         [f"a={HARVEST / 'system-a.en'}", f"c={HARVEST / 'system-c.en'}"],
                         ScoreConfig(bootstrap=30, baseline="a", ar_trials=30))
    frame = system_frame(result)
    assert frame.columns == ["system", "metric", "score", "bs_mean", "bs_ci95", "p_bs", "p_ar",
                             "cluster", "baseline"]
    payload = json.loads(_our_table([
        "--ref", str(HARVEST / "reference.en"), "--hyp", f"a={HARVEST / 'system-a.en'}",
        f"c={HARVEST / 'system-c.en'}", "--bs-n", "30", "--ar-n", "30", "-b", "a", "-f", "json"],
        capsys))
    assert payload["rows"] == frame.to_dicts()


def test_help_stays_light() -> None:
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import transdesk.cli"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stderr
    imported = {line.split("|")[-1].strip().split(".")[0] for line in out.splitlines()[1:]}
    assert not imported & {"sacrebleu", "numpy", "polars", "lxml"}
