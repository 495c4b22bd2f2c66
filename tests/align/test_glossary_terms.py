"""Glossary term pairs as alignment evidence."""

from pathlib import Path

import pytest

from align.evidence.terms import TermPair
from align.glossary_terms import load_term_pairs, term_pairs
from glossary.model import Concept, Status, Term, Termbase
from transdesk.cli import run

DESK = Path(__file__).resolve().parents[2] / "corpora" / "glossary" / "desk.tbx"


def test_usable_terms_in_base_forms() -> None:
    tb = Termbase(concepts=(Concept("c1", terms=(
        Term("ru", "Великая Отечественная война", Status.PREFERRED),
        Term("be", "Вялікая Айчынная вайна", Status.PREFERRED),
        Term("en", "Great Patriotic War", Status.PREFERRED),
        Term("en", "Great Fatherland War", Status.FORBIDDEN),
    )),))
    assert term_pairs(tb, "ru", "en") == (
        TermPair(("великий", "отечественный", "война"), ("great", "patriotic", "war")),
    )
    (pair,) = term_pairs(tb, "be", "en")
    assert pair.tgt == ("great", "patriotic", "war") and len(pair.src) == 3


def test_desk_glossary_gives_pairs_for_both_source_languages() -> None:
    ru, be = load_term_pairs(DESK, "ru", "en"), load_term_pairs(DESK, "be", "en")
    assert len(ru) > 80 and len(be) > 80
    assert TermPair(("хатынь",), ("khatyn",)) in ru


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
