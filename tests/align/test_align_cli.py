"""`transdesk align`, `align-eval` and `align-batch` through `run`, as a user calls them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EN, FakeAligner
from lxml import etree

from align.model import LOW_CONFIDENCE
from transdesk.cli import run

TSV_HEADER = "src_ids\ttgt_ids\tscore\tlow\tsrc_text\ttgt_text\n"
NOTE = ("transdesk: note: the sentence encoder is not installed; aligning on lexical "
        "evidence only\n")


def test_align_tsv_to_stdout_exact(
    texts: Path, fake_aligner: FakeAligner, capsys: pytest.CaptureFixture[str]
) -> None:
    # The fake aligner's fixed scores let the whole output be pinned.
    assert run(["align", str(texts / "ru.txt"), str(texts / "en.txt"), "--no-embeddings"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == TSV_HEADER + (
        "0\t0\t0.9000\t\tСовещание открыл министр финансов.\t"
        "The meeting was opened by the Minister of Finance.\n"
        "1\t1\t0.9000\t\tОн напомнил о сроках подачи отчётов.\t"
        "He reminded everyone of the reporting deadlines.\n"
        "2\t2\t0.9000\t\tВ 2023 году бюджет вырос на 12%.\tIn 2023 the budget grew by 12%.\n"
        "3\t3\t0.9000\t\tРасходы на образование составили 4,5 млрд рублей.\t"
        "Spending on education came to 4.5 billion roubles.\n"
    )


def test_align_with_the_real_aligner(texts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["align", str(texts / "ru.txt"), str(texts / "en.txt"), "--no-embeddings"]
    assert run(args) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0] + "\n" == TSV_HEADER
    rows = [line.split("\t") for line in lines[1:]]
    assert [(r[0], r[1], r[4]) for r in rows] == [
        ("0", "0", "Совещание открыл министр финансов."),
        ("1", "1", "Он напомнил о сроках подачи отчётов."),
        ("2", "2", "В 2023 году бюджет вырос на 12%."),
        ("3", "3", "Расходы на образование составили 4,5 млрд рублей."),
    ]
    assert rows[3][5] == "Spending on education came to 4.5 billion roubles."
    for r in rows:
        assert re.fullmatch(r"[01]\.\d{4}", r[2])
        assert r[3] == ("yes" if float(r[2]) < LOW_CONFIDENCE else "")


def test_belarusian_detected_and_aligned(texts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["align", str(texts / "be.txt"), str(texts / "en.txt"), "--no-embeddings",
            "-f", "tmx"]
    assert run(args) == 0
    root = etree.fromstring(capsys.readouterr().out.encode("utf-8"))
    assert root.find("header").get("srclang") == "be"
    assert len(root.findall("body/tu")) == 4


def test_one_line_note_when_the_encoder_is_missing(
    texts: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import align.aligner

    monkeypatch.setattr(align.aligner, "embeddings_available", lambda: False)
    args = ["align", str(texts / "ru.txt"), str(texts / "en.txt"), "-f", "vecalign"]
    assert run(args) == 0
    out, err = capsys.readouterr()
    assert err == NOTE  # and not the aligner's own warning as well
    assert [line.split(":")[:2] for line in out.splitlines()] == [
        ["[0]", "[0]"], ["[1]", "[1]"], ["[2]", "[2]"], ["[3]", "[3]"]
    ]
    assert run([*args, "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert run([*args, "--no-embeddings"]) == 0
    assert capsys.readouterr().err == ""


def test_align_with_embeddings_fills_the_cache(
    texts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import align.aligner

    if not align.aligner.embeddings_available():
        pytest.skip("the sentence encoder is not installed")
    cache = tmp_path / "cache"
    args = ["align", str(texts / "ru.txt"), str(texts / "en.txt"), "--cache-dir", str(cache),
            "-f", "jsonl"]
    assert run(args) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert [json.loads(line)["src_ids"] for line in out.splitlines()] == [[0], [1], [2], [3]]
    assert len(list(cache.rglob("*.npy"))) == 8  # one vector per distinct sentence


def test_align_reading_options(
    texts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("Первая строка без точки\nВторая строка\n", encoding="cp1251")
    args = ["align", str(lines), str(texts / "en.txt"), "--presegmented", "--encoding",
            "cp1251", "--src-lang", "RU", "--tgt-lang", "en", "-f", "jsonl", "--no-embeddings"]
    assert run(args) == 0
    objs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["src"] for o in objs] == ["Первая строка без точки", "Вторая строка"]
    assert [o["tgt"] for o in objs] == EN.splitlines()  # a target line a bead


@pytest.mark.parametrize("fmt", ["tsv", "vecalign", "tmx", "xlsx", "jsonl", "html"])
def test_align_writes_every_format_to_a_file(
    fmt: str, texts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"out.{fmt}"
    args = ["align", str(texts / "ru.txt"), str(texts / "en.txt"), "-f", fmt, "-o", str(target),
            "--no-embeddings"]
    assert run(args) == 0
    assert capsys.readouterr() == ("", "")
    data = target.read_bytes()
    if fmt == "xlsx":
        assert data.startswith(b"PK")  # a zip container
    elif fmt == "vecalign":
        assert data.decode().splitlines()[0].startswith("[0]:[0]:")
    else:
        assert "Совещание открыл министр финансов." in data.decode()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["align", "{t}/missing.txt", "{t}/en.txt"], "missing.txt: no such file",
                     id="missing"),
        pytest.param(["align", "{t}/ru.txt", "{t}/empty.txt"], "empty.txt: the file is empty",
                     id="empty"),
        pytest.param(["align", "{t}/ru.txt", "{t}/ru.txt"], "both look like 'ru' text",
                     id="mismatched"),
        pytest.param(["align", "{t}/ru.txt", "{t}/en.txt", "--src-lang", "russian"],
                     "unknown language code 'russian'", id="language"),
        pytest.param(["align", "{t}/ru.txt", "{t}/en.txt", "-f", "xlsx"],
                     "--format xlsx writes a file; give --output", id="xlsx-stdout"),
        pytest.param(["align", "{t}/ru.txt", "{t}/en.txt", "-o", "{t}/no/dir/out.tsv"],
                     "does not exist", id="no-folder"),
        pytest.param(["align-eval", "{t}/ru.txt"], "1 files given; give gold and predicted",
                     id="eval-odd"),
        pytest.param(["align-eval", "{t}/gold.txt", "{t}/bad.txt"],
                     "bad.txt:2: not a bead in vecalign notation", id="eval-malformed"),
        pytest.param(["align-eval", "{t}/gold.txt", "{t}/none.txt"], "none.txt: no such file",
                     id="eval-missing"),
        pytest.param(["align-batch", "--out-dir", "{t}/o"], "give either a MANIFEST",
                     id="batch-no-input"),
        pytest.param(["align-batch", "--src-dir", "{t}", "--out-dir", "{t}/o"],
                     "--src-dir and --tgt-dir go together", id="batch-one-dir"),
        pytest.param(["align-batch", "{t}/bad.txt", "--out-dir", "{t}/o"],
                     "bad.txt:1: expected source path", id="batch-manifest"),
        pytest.param(["align-batch", "{t}/bad.txt", "--out-dir", "{t}/o", "--tgt-lang", "eng"],
                     "unknown language code 'eng'", id="batch-language"),
        pytest.param(["align-batch", "--src-dir", "{t}", "--tgt-dir", "{t}/none",
                      "--out-dir", "{t}/o"], "none: no such folder", id="batch-folder"),
    ],
)
def test_user_errors_are_one_line(
    texts: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (texts / "gold.txt").write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    (texts / "bad.txt").write_text("[0]:[0]\n[1]:[1]:oops\n", encoding="utf-8")
    assert run([a.format(t=texts) for a in args]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("transdesk: error: ") and message in err
    assert err.count("\n") == 1


def test_usage_errors_exit_2(texts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["align", str(texts / "ru.txt"), str(texts / "en.txt"), "-f", "docx"]) == 2
    assert "Invalid value" in capsys.readouterr().err
    assert run(["align", str(texts / "ru.txt"), str(texts / "en.txt"), "--max-bead", "9"]) == 2
    assert "--max-bead" in capsys.readouterr().err


def test_max_bead_bounds_the_beads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, tgt = tmp_path / "s.ru", tmp_path / "t.en"
    src.write_text("В 2023 году бюджет вырос на 12%, а расходы составили 4,5 млрд рублей.\n"
                   "Заседание продолжалось 3 часа.\n", encoding="utf-8")
    tgt.write_text("In 2023 the budget grew by 12%.\n"
                   "Spending came to 4.5 billion roubles.\nThe meeting lasted 3 hours.\n",
                   encoding="utf-8")
    base = ["align", str(src), str(tgt), "--presegmented", "--no-embeddings", "-f", "vecalign",
            "-q"]
    assert run(base) == 0
    assert capsys.readouterr().out.startswith("[0]:[0, 1]:")
    assert run([*base, "--max-bead", "1"]) == 0
    beads = [line.rsplit(":", 1)[0] for line in capsys.readouterr().out.splitlines()]
    assert all(part.count(",") == 0 for bead in beads for part in bead.split(":"))


def test_align_eval_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {
        "a.gold": "[0]:[0]\n[1]:[1, 2]\n[2]:[]\n[3, 4]:[3]\n",
        "a.pred": "[0]:[0]:0.9\n[1]:[1]:0.8\n[]:[2]:0\n[2]:[]:0\n[3]:[3]:0.7\n[4]:[]:0\n",
        "b.gold": "[0]:[0]\n[1]:[1]\n",
        "b.pred": "[0, 1]:[0, 1]:0.6\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = ["align-eval", *(str(tmp_path / n) for n in files)]
    assert run(args) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out == (
        "           strict     lax\n"
        "precision  0.2857  0.7143\n"
        "recall     0.2000  1.0000\n"
        "f1         0.2353  0.8333\n"
    )
    assert run([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 2
    assert data["strict"] == {"precision": 2 / 7, "recall": 0.2, "f1": 4 / 17}
    assert data["precision_counts"] == {"tp_strict": 2, "fp_strict": 5, "tp_lax": 5,
                                        "fp_lax": 2}


def test_align_batch_manifest_with_a_bad_pair(
    texts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = texts / "jobs.tsv"
    manifest.write_text("ru.txt\ten.txt\nmissing.txt\ten.txt\tlost\nbe.txt\ten.txt\tbel\n",
                        encoding="utf-8")
    out = tmp_path / "out"
    code = run(["align-batch", str(manifest), "--out-dir", str(out), "-f", "jsonl",
                "--workers", "1", "--no-embeddings"])
    assert code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"transdesk: error: {texts / 'missing.txt'} + {texts / 'en.txt'}: "
        f"{texts / 'missing.txt'}: no such file\n"
        f"transdesk: aligned 2 of 3 pairs into {out}\n"
    )
    assert sorted(p.name for p in out.iterdir()) == ["bel.jsonl", "ru.jsonl"]
    first = json.loads((out / "ru.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["src"] == "Совещание открыл министр финансов."


def test_align_batch_folders_quiet_success(
    texts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src_dir, tgt_dir = tmp_path / "ru", tmp_path / "en"
    src_dir.mkdir()
    tgt_dir.mkdir()
    for name in ("one.txt", "two.txt"):
        (src_dir / name).write_text((texts / "ru.txt").read_text("utf-8"), encoding="utf-8")
        (tgt_dir / name).write_text((texts / "en.txt").read_text("utf-8"), encoding="utf-8")
    out = tmp_path / "deep" / "out"
    code = run(["align-batch", "--src-dir", str(src_dir), "--tgt-dir", str(tgt_dir),
                "--out-dir", str(out), "-f", "tmx", "-j", "1", "--quiet", "--no-embeddings"])
    assert code == 0
    assert capsys.readouterr() == ("", "")
    assert sorted(p.name for p in out.iterdir()) == ["one.tmx", "two.tmx"]
    (src_dir / "three.txt").write_text("Одна фраза.", encoding="utf-8")
    code = run(["align-batch", "--src-dir", str(src_dir), "--tgt-dir", str(tgt_dir),
                "--out-dir", str(out), "-j", "1", "-q", "--no-embeddings"])
    assert code == 1
    assert capsys.readouterr().err == (
        f"transdesk: error: {src_dir / 'three.txt'}: no file of that name in {tgt_dir}\n"
    )


def test_importing_the_cli_loads_nothing_heavy() -> None:
    code = (
        "import sys, transdesk.cli; heavy = ('numpy', 'polars', 'lxml', 'xlsxwriter', "
        "'align.aligner', 'align.batch', 'align.writers', 'readers'); "
        "print(' '.join(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout == "\n"
