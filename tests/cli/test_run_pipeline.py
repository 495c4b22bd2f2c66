"""`transdesk run` on the bundled corpus: every pair aligned, gold scored, drafts scored."""

from pathlib import Path

import pytest

from transdesk.cli import run

CORPORA = Path(__file__).resolve().parents[2] / "corpora"


def test_run_on_the_bundled_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report"
    code = run(["run", str(CORPORA), "--out-dir", str(out), "--no-embeddings", "-q",
                "--cache-dir", str(tmp_path / "cache")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    lines = captured.out.splitlines()
    rows = [line.split() for line in lines[2:12]]
    documents = sorted(p.name for p in (CORPORA / "documents").iterdir() if p.is_dir())
    assert sorted({r[0] for r in rows}) == documents
    assert {r[1] for r in rows} == {"ru-en", "be-en"}
    # Lexical evidence alone still aligns the hand-made gold well (strict F1 column).
    assert all(float(r[-2]) >= 0.8 for r in rows), rows
    assert "MT drafts: victory-day" in captured.out and "TermAcc" in captured.out
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "check findings: victory-day" in captured.out
    # 10 aligned pairs, then per drafts folder 3 systems scored and 3 checked.
    assert page.count("<tr><td>") == 10 + 2 * (3 + 3)
    for doc in documents:
        for pair in ("ru-en", "be-en"):
            assert (out / f"{doc}.{pair}.html").exists()
            assert (out / f"{doc}.{pair}.tmx").read_text(encoding="utf-8").startswith("<?xml")


def test_run_on_a_folder_without_a_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["run", str(tmp_path), "-o", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("transdesk: error:") and "no documents/ or mt/" in err
