"""`transdesk glossary …` end to end through transdesk.cli.run, with exact outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from glossary_samples import desk_fixture  # noqa: F401  (the `desk` fixture)

from glossary.store import ENV_VAR, load
from transdesk.cli import run

ROOT = Path(__file__).resolve().parents[2]
Capsys = pytest.CaptureFixture[str]


def g(path: Path, *args: str) -> list[str]:
    return ["glossary", args[0], "--glossary", str(path), *args[1:]]


def one_error_line(capsys: Capsys) -> str:
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("transdesk: error: ")
    return lines[0]


def test_init_add_list_edit_remove(tmp_path: Path, capsys: Capsys) -> None:
    path = tmp_path / "g.tbx"
    assert run(g(path, "init")) == 0
    assert capsys.readouterr().err == f"transdesk: created {path}\n"
    assert run(g(path, "add", "--ru", "Хатынь", "--be", "Хатынь", "--en", "Khatyn",
                 "--forbidden", "en=Katyn", "--term-note", "a different place",
                 "--id", "hist-khatyn", "--subject", "history")) == 0
    out = capsys.readouterr()
    assert out.out == "hist-khatyn\n"
    assert out.err == "transdesk: added concept hist-khatyn (4 terms)\n"
    assert run(g(path, "list")) == 0
    assert capsys.readouterr().out == (
        "concept      subject  lang  status     term\n"
        "hist-khatyn  history  ru    preferred  Хатынь\n"
        "hist-khatyn  history  be    preferred  Хатынь\n"
        "hist-khatyn  history  en    preferred  Khatyn\n"
        "hist-khatyn  history  en    forbidden  Katyn\n"
    )
    assert run(g(path, "add", "--concept", "hist-khatyn", "--en", "Chatyn")) == 0
    capsys.readouterr()
    assert load(path).concept("hist-khatyn").terms[-1].status.value == "admitted"
    assert run(g(path, "edit", "hist-khatyn", "--term", "en=chatyn", "--status",
                 "deprecated", "--note", "not desk style")) == 0
    assert run(g(path, "edit", "hist-khatyn", "--note", "Village burnt in 1943.")) == 0
    capsys.readouterr()
    concept = load(path).concept("hist-khatyn")
    assert concept.note == "Village burnt in 1943."
    assert (concept.terms[-1].status.value, concept.terms[-1].note) == (
        "deprecated", "not desk style")
    assert concept.terms[-1].modified is not None
    assert run(g(path, "remove", "hist-khatyn", "--term", "en=Chatyn")) == 0
    assert run(g(path, "list", "--lang", "en", "--status", "forbidden", "-f", "tsv")) == 0
    assert capsys.readouterr().out == (
        "concept\tsubject\tlang\tstatus\tterm\nhist-khatyn\thistory\ten\tforbidden\tKatyn\n")
    assert run(g(path, "remove", "hist-khatyn")) == 0
    assert load(path).concepts == ()
    assert "<note>forbidden: a different place</note>" not in path.read_text()


def test_search_on_the_desk_glossary(desk: Path, capsys: Capsys,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(desk))
    assert run(["glossary", "search", "Великой Отечественной войны"]) == 0
    assert capsys.readouterr().out == (
        "concept                   lang  status     term                         match\n"
        "hist-great-patriotic-war  ru    preferred  Великая Отечественная война  inflected\n"
        "hist-great-patriotic-war  be    preferred  Вялікая Айчынная вайна\n"
        "hist-great-patriotic-war  en    preferred  Great Patriotic War\n"
    )
    assert run(["glossary", "search", "Лукашэнкі", "--lang", "be", "-f", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {"concept": "person-lukashenko", "lang": "be", "status": "admitted",
                       "term": "Лукашэнка", "match": "inflected"}
    assert run(["glossary", "search", "абракадабра"]) == 1
    assert capsys.readouterr().err == "transdesk: no term matches 'абракадабра'\n"


def test_glossary_path_from_option_env_then_working_folder(
        desk: Path, tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(desk.parent)  # desk is ./glossary.tbx here
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert run(["glossary", "list", "--concept", "geo-minsk", "-f", "tsv"]) == 0
    assert "Минск" in capsys.readouterr().out
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "elsewhere.tbx"))
    assert run(["glossary", "list"]) == 1
    assert "elsewhere.tbx not found" in one_error_line(capsys)
    assert run(["glossary", "list", "-g", str(desk), "--concept", "geo-minsk"]) == 0


def test_lint(desk: Path, capsys: Capsys) -> None:
    assert run(g(desk, "lint", "-f", "tsv")) == 0
    out = capsys.readouterr()
    assert out.out.splitlines()[0] == "severity\tkind\tconcept\tlang\tterm\tmessage"
    assert len(out.out.splitlines()) == 4
    assert out.err == "transdesk: 0 errors, 3 warnings\n"
    assert run(g(desk, "add", "--concept", "geo-minsk", "--forbidden", "en=Minsk",
                 "--allow-duplicate")) == 1
    assert "is given twice" in one_error_line(capsys)


def test_lint_errors_exit_1(tmp_path: Path, capsys: Capsys) -> None:
    path = tmp_path / "g.tbx"
    run(g(path, "init"))
    run(g(path, "add", "--en", "war", "--id", "war"))
    run(g(path, "add", "--en", "warfare", "--id", "warfare"))
    capsys.readouterr()
    # a forbidden term of one concept that is preferred in another: lint warns
    run(g(path, "add", "--concept", "war", "--forbidden", "en=warfare", "--allow-duplicate"))
    capsys.readouterr()
    assert run(g(path, "lint", "-f", "json")) == 0
    kinds = {f["kind"] for f in json.loads(capsys.readouterr().out)}
    assert {"preferred-and-forbidden", "missing-language", "duplicate"} <= kinds
    run(g(path, "edit", "war", "--term", "en=warfare", "--status", "preferred"))
    assert "already has a preferred en term 'war'" in one_error_line(capsys)


def test_export_import_round_trip(desk: Path, tmp_path: Path, capsys: Capsys) -> None:
    original = load(desk)
    for fmt in ("csv", "tsv", "xlsx", "tbx"):
        out = tmp_path / f"export.{fmt}"
        assert run(g(desk, "export", str(out))) == 0
        fresh = tmp_path / f"fresh-{fmt}.tbx"
        assert run(g(fresh, "import", str(out))) == 0
        assert load(fresh).sorted().concepts == original.sorted().concepts, fmt
    capsys.readouterr()
    assert run(g(desk, "export", "-", "--file-format", "tsv")) == 0
    assert capsys.readouterr().out.startswith("concept\tsubject\tconcept_note")
    assert run(g(desk, "export", str(desk))) == 1
    assert "would overwrite the glossary itself" in one_error_line(capsys)


def test_merge_reports_conflicts_and_writes_nothing(desk: Path, tmp_path: Path,
                                                     capsys: Capsys) -> None:
    other = tmp_path / "other.csv"
    other.write_text("concept,subject,ru,en\ngeo-minsk,cities,Минск,Minsk\n"
                     "c9,,Гомель,Gomel\nnew,,Новополоцк,Novopolotsk\n", encoding="utf-8")
    before = desk.read_bytes()
    assert run(g(desk, "merge", str(other), "-f", "tsv")) == 1
    out = capsys.readouterr()
    assert out.out == (
        "concept\tkind\tmessage\n"
        "geo-minsk\tfield\tsubject differs: 'geography' (ours), 'cities' (theirs)\n"
        "c9\tduplicate\tru 'Гомель' is in concept geo-gomel of ours\n"
    )
    assert out.err == (f"transdesk: 2 conflicts; nothing written to {desk} (resolve them, "
                       "or pass --prefer ours|theirs)\n")
    assert desk.read_bytes() == before
    assert run(g(desk, "merge", str(other), "--prefer", "ours")) == 0
    assert capsys.readouterr().err.endswith("1 new, 0 updated, 2 conflicts\n")
    merged = load(desk)
    assert merged.concept("new") is not None and merged.concept("c9") is None
    assert merged.concept("geo-minsk").subject == "geography"


def test_merge_with_itself_is_clean(desk: Path, tmp_path: Path, capsys: Capsys) -> None:
    out = tmp_path / "merged.tbx"
    assert run(g(desk, "merge", str(desk), "-o", str(out))) == 0
    assert capsys.readouterr().err == f"transdesk: merged into {out}: 0 new, 0 updated, " \
                                      "0 conflicts\n"
    assert out.read_bytes() == desk.read_bytes()


def test_add_name(tmp_path: Path, capsys: Capsys) -> None:
    path = tmp_path / "g.tbx"
    run(g(path, "init"))
    capsys.readouterr()
    assert run(g(path, "add-name", "Александр Григорьевич Лукашенко", "--be",
                 "Аляксандр Рыгоравіч Лукашэнка", "-f", "tsv")) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0] == "concept\tlang\tstatus\tterm\tnote"
    assert lines[1] == "person-lukashenko\tru\tpreferred\tАлександр Григорьевич Лукашенко\t"
    assert "person-lukashenko\ten\tpreferred\tAleksandr Lukashenko\tdesk style: wikipedia " \
           "romanization of the Russian form" in lines
    assert out.err == "transdesk: added concept person-lukashenko (29 terms)\n"
    assert run(g(path, "add-name", "Александр Григорьевич Лукашенко")) == 1
    assert "already in concept person-lukashenko" in one_error_line(capsys)
    assert run(g(path, "search", "Aliaksandr Lukashenka")) == 0
    assert "deprecated" in capsys.readouterr().out


def test_config(tmp_path: Path, capsys: Capsys) -> None:
    path = tmp_path / "g.tbx"
    run(g(path, "init"))
    capsys.readouterr()
    assert run(g(path, "config")) == 0
    assert capsys.readouterr().out == (
        "name-scheme.ru\twikipedia\nname-scheme.be\tbe-ascii\nname-source\tru\n"
        "languages\tru be en\n")
    assert run(g(path, "config", "name-scheme.ru", "icao")) == 0
    assert run(g(path, "config", "name-scheme.ru")) == 0
    assert capsys.readouterr().out == "name-scheme.ru\ticao\n"
    assert run(g(path, "config", "name-scheme.ru", "klingon")) == 1
    assert "not a ru transliteration scheme" in one_error_line(capsys)


@pytest.mark.parametrize(("args", "message"), [
    (["list"], "glossary {tmp}/none.tbx not found: create it with `transdesk glossary init`"),
    (["add", "--term", "xx=foo"], "unknown language code 'xx'"),
    (["add", "--term", "ru"], "give a term as LANG=TEXT"),
    (["add", "--ru", "Минск", "--en", "Minsk"], "the ru term 'Минск' is already in concept "
     "geo-minsk (preferred); add to that concept with --concept geo-minsk"),
    (["add", "--concept", "geo-minsk", "--en", "Minsk City", "--status", "preferred"],
     "already has a preferred en term 'Minsk'"),
    (["edit", "geo-minskk", "--note", "x"], "no concept 'geo-minskk' in the glossary; did you "
     "mean geo-minsk?"),
    (["edit", "geo-minsk", "--status", "admitted"], "name it with --term LANG=TEXT"),
    (["add-name", "Александр Лукашенко", "--gender", "x"], "--gender must be m or f"),
])
def test_one_line_errors(args: list[str], message: str, desk: Path, tmp_path: Path,
                         capsys: Capsys) -> None:
    path = tmp_path / "none.tbx" if args == ["list"] else desk
    assert run(g(path, *args)) == 1
    assert message.format(tmp=tmp_path) in one_error_line(capsys)
    if path == desk:
        assert load(desk) is not None


def test_malformed_glossary_is_one_line(tmp_path: Path, capsys: Capsys) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text('<?xml version="1.0"?>\n<tbx><text>\n', encoding="utf-8")
    assert run(g(path, "list")) == 1
    assert one_error_line(capsys) == (
        f"transdesk: error: {path} is not well-formed XML: Premature end of data in tag "
        "text line 2, line 3, column 1")


def test_every_command_has_help(capsys: Capsys) -> None:
    assert run(["glossary", "--help"]) == 0
    out = capsys.readouterr().out
    for command in ("init", "add", "edit", "remove", "list", "search", "import", "export",
                    "lint", "merge", "add-name", "config"):
        assert command in out
        assert run(["glossary", command, "--help"]) == 0
        assert "Usage: transdesk glossary" in capsys.readouterr().out


def test_importing_the_sub_app_loads_nothing_heavy() -> None:
    code = ("import sys, glossary.cli; print(' '.join(m for m in ('lxml', 'polars', "
            "'pymorphy3', 'openpyxl', 'xlsxwriter', 'filelock') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == ""


def test_every_command_works_on_the_bundled_glossary(desk: Path, tmp_path: Path,
                                                      capsys: Capsys) -> None:
    exported = tmp_path / "desk.xlsx"
    fresh = tmp_path / "fresh.tbx"
    commands = [
        ["list"], ["list", "--subject", "persons", "-f", "json"],
        ["search", "Александра Григорьевича"], ["search", "Гомельской области", "-f", "tsv"],
        ["lint"], ["config"],
        ["export", str(exported)],
        ["add", "--ru", "Браслав", "--be", "Браслаў", "--en", "Braslaw", "--subject",
         "geography", "--id", "geo-braslaw"],
        ["add", "--concept", "geo-braslaw", "--deprecated", "en=Braslav"],
        ["edit", "geo-braslaw", "--term", "en=Braslav", "--note", "Russian-based spelling"],
        ["edit", "geo-braslaw", "--note", "Town in Vitebsk Oblast."],
        ["remove", "geo-braslaw", "--term", "en=Braslav"],
        ["remove", "geo-braslaw"],
        ["add-name", "Ольга Николаевна Ковалёва", "--be", "Вольга Мікалаеўна Кавалёва"],
        ["merge", str(exported)],
        ["search", "Вользе Кавалёвай"],
    ]
    for command in commands:
        assert run(g(desk, *command)) == 0, command
    assert run(g(fresh, "import", str(exported))) == 0
    assert run(g(fresh, "lint")) == 0
    capsys.readouterr()
    assert load(desk).concept("person-kovalyova").subject == "persons"
    assert len(load(fresh).concepts) == 83
