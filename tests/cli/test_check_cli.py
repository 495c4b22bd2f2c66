"""`transdesk check` and `transdesk glossary suggest` through the command line.

The bundled MT drafts have every planted fault listed in corpora/mt/*/faults.tsv; `check`
must find each one (a finding of a fitting kind on its line that points at its words), and
must raise no term finding on the human reference. The references summarise a few source
lines (victory-day 17, harvest-meeting 32): there the number check and the omission check
rightly report what the summary left out, and nothing else.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from transdesk.cli import run

ROOT = Path(__file__).resolve().parents[2]
DESK = ROOT / "corpora" / "glossary" / "desk.tbx"
MT = ROOT / "corpora" / "mt"
DOCS = ROOT / "corpora" / "documents"
TERM_KINDS = {"missing-term", "forbidden-term", "deprecated-term", "wrong-case",
              "inconsistent-term", "inconsistent-rendering"}
# What a planted fault of each kind may be reported as.
FITTING = {
    "literal-term": {"missing-term", "deprecated-term", "forbidden-term"},
    "deprecated-name": {"deprecated-term", "missing-term"},
    "forbidden-term": {"forbidden-term"},
    "dropped-sentence": {"omission"},
    "wrong-number": {"number-mismatch"},
    "untranslated": {"untranslated"},
    "inconsistent-term": {"inconsistent-term", "missing-term", "deprecated-term"},
}


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict]]:
    code = run(["check", *args, "-g", str(DESK), "-f", "json", "-q"])
    return code, json.loads(capsys.readouterr().out)


def faults() -> list[tuple[str, dict[str, str]]]:
    out = []
    for doc in sorted(p.name for p in MT.iterdir() if p.is_dir()):
        with (MT / doc / "faults.tsv").open(encoding="utf-8") as handle:
            out.extend((doc, row) for row in csv.DictReader(handle, delimiter="\t"))
    return out


@pytest.fixture(scope="module")
def drafts_checked() -> dict[tuple[str, str], list[dict]]:
    """Findings for every draft and reference, checked once for the module."""
    out = {}
    for doc in sorted(p.name for p in MT.iterdir() if p.is_dir()):
        for draft in ("system-a", "system-b", "system-c", "reference"):
            result = subprocess.run(
                [sys.executable, "-m", "transdesk", "check", str(MT / doc / "source.ru"),
                 str(MT / doc / f"{draft}.en"), "-g", str(DESK), "-f", "json", "-q",
                 "--fail-on", "never"],
                capture_output=True, text=True, check=True, cwd=ROOT,
            )
            out[(doc, draft)] = json.loads(result.stdout)
    return out


@pytest.mark.parametrize(("doc", "fault"), faults(),
                         ids=[f"{d}-{f['system']}-{f['line']}-{f['kind']}" for d, f in faults()])
def test_every_planted_fault_is_found(drafts_checked: dict, doc: str,
                                      fault: dict[str, str]) -> None:
    findings = [f for f in drafts_checked[(doc, fault["system"])]
                if f["segment"] == fault["line"] and f["kind"] in FITTING[fault["kind"]]]
    assert findings, f"nothing found for {fault}"

    def points_at(f: dict) -> bool:
        draft, source = fault["draft_fragment"], fault["source_fragment"]
        return bool(
            (draft and f["tgt_text"] and (draft in f["tgt_text"] or f["tgt_text"] in draft))
            or (source and f["src_text"] and (source in f["src_text"]
                                              or f["src_text"] in source)))

    assert any(points_at(f) for f in findings), findings


@pytest.mark.parametrize("doc", ["victory-day", "harvest-meeting"])
def test_the_reference_raises_no_term_finding(drafts_checked: dict, doc: str) -> None:
    findings = drafts_checked[(doc, "reference")]
    assert [f for f in findings if f["kind"] in TERM_KINDS] == []
    # What remains is what the summarised lines leave out.
    assert {(f["segment"], f["kind"]) for f in findings} <= {
        ("17", "omission"), ("32", "omission"), ("32", "number-mismatch")}


def test_table_output_and_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", str(MT / "victory-day" / "source.ru"),
            str(MT / "victory-day" / "system-c.en"), "-g", str(DESK), "--no-embeddings"]
    assert run(args) == 1  # errors, and --fail-on error by default
    captured = capsys.readouterr()
    header, *rows = captured.out.splitlines()
    assert header.split() == ["segment", "severity", "kind", "concept", "message"]
    assert any("forbidden-term" in r and "Byelorussia" in r for r in rows)
    assert "findings in 39 segments" in captured.err
    assert run([*args, "--fail-on", "never"]) == 0
    capsys.readouterr()
    assert run([*args, "--only", "double-space", "--fail-on", "warning"]) == 0


def test_files_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["check", str(MT / "harvest-meeting" / "source.ru"),
            str(MT / "harvest-meeting" / "system-b.en"), "-g", str(DESK), "--fail-on", "never",
            "-q", "--no-embeddings"]
    for fmt in ("tsv", "json", "html", "xlsx"):
        out = tmp_path / f"findings.{fmt}"
        assert run([*base, "-f", fmt, "-o", str(out)]) == 0
        assert out.stat().st_size > 100
    assert capsys.readouterr().out == ""
    assert (tmp_path / "findings.tsv").read_text(encoding="utf-8").startswith("segment\t")
    assert "<mark>agrotowns</mark>" in (tmp_path / "findings.html").read_text(encoding="utf-8")
    assert (tmp_path / "findings.xlsx").read_bytes()[:2] == b"PK"
    assert run([*base, "-f", "xlsx"]) == 1
    assert "give --output" in capsys.readouterr().err


def test_suppressions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, tgt = MT / "victory-day" / "source.ru", MT / "victory-day" / "system-c.en"
    accepted = tmp_path / "accepted.tsv"
    code, everything = check_json(capsys, str(src), str(tgt), "--no-embeddings",
                                  "--write-suppressions", str(accepted))
    assert code == 1 and everything
    assert accepted.read_text(encoding="utf-8").startswith("kind\tconcept\tsegment\ttext\tnote")
    code, left = check_json(capsys, str(src), str(tgt), "--no-embeddings",
                            "--suppress", str(accepted))
    assert (code, left) == (0, [])
    accepted.write_text("kind\tconcept\tnote\nforbidden-term\thist-khatyn\tquoted\n",
                        encoding="utf-8")
    code, some = check_json(capsys, str(src), str(tgt), "--no-embeddings",
                            "--suppress", str(accepted))
    assert len(some) == len(everything) - 2
    assert not any(f["concept"] == "hist-khatyn" for f in some)


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="be" datatype="plaintext"/><body>
<tu><tuv xml:lang="be"><seg>Дыпламаты, акрэдытаваныя ў Беларусі.</seg></tuv>
<tuv xml:lang="en"><seg>Diplomats accredited in Byelorussia.</seg></tuv></tu>
</body></tmx>
"""
XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="x" source-language="ru" target-language="en" datatype="plaintext"><body>
<trans-unit id="t1"><source>Ветераны Великой Отечественной войны.</source>
<target>Veterans of the Great Fatherland War.</target></trans-unit>
</body></file></xliff>
"""
XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="be" trgLang="en">
<file id="f"><unit id="u"><segment><source>9 мая 1945 года.</source>
<target>On 9 May 1954.</target></segment></unit></file></xliff>
"""


@pytest.mark.parametrize(("name", "text", "kind", "segment"), [
    ("memory.tmx", TMX, "forbidden-term", "1"),
    ("job.xlf", XLIFF12, "missing-term", "t1"),
    ("job.xliff", XLIFF2, "number-mismatch", "u"),
])
def test_bitext_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                      text: str, kind: str, segment: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, findings = check_json(capsys, str(path))
    assert code == 1
    assert [(f["segment"], f["kind"]) for f in findings] == [(segment, kind)]


def test_tsv_from_align(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "aligned.tsv"
    path.write_text("src_ids\ttgt_ids\tscore\tlow\tsrc_text\ttgt_text\n"
                    "0\t0\t0.98\t\tПрисутствовал Александр Лукашенко.\t"
                    "Alexander Lukashenko attended.\n", encoding="utf-8")
    code, findings = check_json(capsys, str(path))
    assert code == 0  # a deprecated term is a warning
    assert [(f["segment"], f["kind"]) for f in findings] == [("[0]:[0]", "deprecated-term")]


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_documents_with_an_alignment(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     lang: str) -> None:
    doc = DOCS / "victory-day"
    target = tmp_path / "en.sents"
    target.write_text((doc / "en.sents").read_text(encoding="utf-8")
                      .replace("Great Patriotic War", "Great Fatherland War"), encoding="utf-8")
    code, findings = check_json(capsys, str(doc / f"{lang}.sents"), str(target), "-a",
                                str(doc / f"{lang}-en.gold"), "--presegmented",
                                "--only", "missing-term")
    assert code == 1
    assert findings and all(f["concept"] == "hist-great-patriotic-war" for f in findings)
    assert all(f["segment"].startswith("[") and "]:[" in f["segment"] for f in findings)


def test_unaligned_documents_are_aligned_first(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text("Дипломаты собрались в Беларуси. Это было 9 мая.\n\nПраздник прошёл.\n",
                   encoding="utf-8")
    tgt.write_text("The diplomats gathered in Byelorussia.\nIt was on 9 May. The holiday went "
                   "well.\n", encoding="utf-8")
    code = run(["check", str(src), str(tgt), "-g", str(DESK), "-f", "json", "--no-embeddings"])
    captured = capsys.readouterr()
    assert "aligning the sentences" in captured.err
    kinds = {f["kind"] for f in json.loads(captured.out)}
    assert code == 1 and "forbidden-term" in kinds


def test_user_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = MT / "victory-day" / "source.ru"
    assert run(["check", str(src), str(src), str(src), "-g", str(DESK)]) == 1
    assert "one bitext file, or a source and a target" in capsys.readouterr().err
    assert run(["check", str(src), str(src), "-g", str(DESK), "--only", "typos"]) == 1
    assert "unknown kind of finding 'typos'" in capsys.readouterr().err
    assert run(["check", str(tmp_path / "none.tmx"), "-g", str(DESK)]) == 1
    assert "no such file" in capsys.readouterr().err


def test_suggest_and_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    glossary = tmp_path / "glossary.tbx"
    shutil.copyfile(DESK, glossary)
    sources = [str(MT / d / f) for d in ("victory-day", "harvest-meeting")
               for f in ("source.ru", "reference.en")]
    assert run(["glossary", "suggest", *sources, "-g", str(glossary), "--top", "5",
                "-f", "tsv"]) == 0
    captured = capsys.readouterr()
    header, *rows = captured.out.splitlines()
    assert header.split("\t") == ["rank", "source", "target", "count", "consistency", "dice",
                                  "llr", "examples"]
    assert len(rows) == 5 and "suggestions from 79 segment pairs (ru→en)" in captured.err
    first = rows[0].split("\t")
    assert run(["glossary", "suggest", *sources, "-g", str(glossary), "--top", "5",
                "--apply", "--accept", "1"]) == 0
    assert "added 1 concept" in capsys.readouterr().err
    assert run(["glossary", "search", first[1], "-g", str(glossary), "-f", "tsv"]) == 0
    assert first[2] in capsys.readouterr().out


def test_import_stays_light() -> None:
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import transdesk.cli"],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    heavy = {"ahocorasick", "polars", "pymorphy3", "lxml", "numpy"}
    loaded = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in
              result.stderr.splitlines() if "|" in line}
    assert not heavy & loaded
