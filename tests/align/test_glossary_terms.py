"""Glossary term pairs as alignment evidence."""

from pathlib import Path

import pytest

from align.glossary_terms import load_term_finder, term_finder
from glossary.model import Concept, Status, Term, Termbase
from transdesk.cli import run

DESK = Path(__file__).resolve().parents[2] / "corpora" / "glossary" / "desk.tbx"


def test_usable_terms_in_any_inflection() -> None:
    tb = Termbase(concepts=(Concept("c1", terms=(
        Term("ru", "Великая Отечественная война", Status.PREFERRED),
        Term("be", "Вялікая Айчынная вайна", Status.PREFERRED),
        Term("en", "Great Patriotic War", Status.PREFERRED),
        Term("en", "Great Fatherland War", Status.FORBIDDEN),
    )),))
    find = term_finder(tb, "ru", "en")
    assert find(["Итоги Великой Отечественной войны.", "Другое."], "ru") == [
        frozenset({"c1"}), frozenset()]
    # A forbidden rendering is no evidence that two sentences translate each other.
    assert find(["The Great Patriotic War.", "The Great Fatherland War."], "en") == [
        frozenset({"c1"}), frozenset()]
    assert term_finder(tb, "be", "en")(["Пасля Вялікай Айчыннай вайны."], "be") == [
        frozenset({"c1"})]


def test_desk_glossary_finds_concepts_in_both_source_languages() -> None:
    ru = load_term_finder(DESK, "ru", "en")(["Мы помним жертвы Хатыни."], "ru")
    be = load_term_finder(DESK, "be", "en")(["Мы памятаем ахвяр Хатыні."], "be")
    en = load_term_finder(DESK, "ru", "en")(["We remember the victims of Khatyn."], "en")
    assert ru == be == en and len(ru[0]) == 1


def test_align_with_a_glossary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "ru.txt"
    tgt = tmp_path / "en.txt"
    src.write_text("Мы помним жертвы Хатыни. Великая Отечественная война длилась четыре года.\n",
                   encoding="utf-8")
    tgt.write_text("We remember the victims of Khatyn. The Great Patriotic War lasted four "
                   "years.\n", encoding="utf-8")
    code = run(["align", str(src), str(tgt), "--no-embeddings", "-g", str(DESK), "-f",
                "vecalign", "-q"])
    out = capsys.readouterr().out
    assert code == 0
    assert [line.rsplit(":", 1)[0] for line in out.splitlines()] == ["[0]:[0]", "[1]:[1]"]
