"""Merging: agreement is united, every conflict reported, none silently resolved."""

from __future__ import annotations

from glossary.merge import merge
from glossary.model import Concept, Status, Term, Termbase

P, A = Status.PREFERRED, Status.ADMITTED


def _tb(*concepts: Concept) -> Termbase:
    return Termbase(concepts=concepts)


MINSK = Concept("minsk", (Term("ru", "Минск", P), Term("en", "Minsk", P)), subject="geo")


def test_clean_merge_unites_concepts_and_terms() -> None:
    theirs = _tb(Concept("minsk", (Term("en", "Minsk", P), Term("be", "Мінск", P)),
                         note="capital"),
                 Concept("gomel", (Term("en", "Gomel", P),)))
    result = merge(_tb(MINSK), theirs)
    assert result.conflicts == ()
    assert result.added == ("gomel",)
    assert result.updated == ("minsk",)
    minsk = result.termbase.concept("minsk")
    assert [t.text for t in minsk.terms] == ["Минск", "Minsk", "Мінск"]
    assert (minsk.subject, minsk.note) == ("geo", "capital")


def test_conflicts_are_reported_and_ours_kept() -> None:
    theirs = _tb(
        Concept("minsk", (Term("ru", "Минск", A), Term("en", "Mensk", P)), subject="cities"),
        Concept("c7", (Term("en", "Minsk", P),)),
    )
    result = merge(_tb(MINSK), theirs)
    kinds = sorted((c.concept, c.kind) for c in result.conflicts)
    assert kinds == [("c7", "duplicate"), ("minsk", "field"), ("minsk", "preferred"),
                     ("minsk", "term")]
    messages = " ".join(c.message for c in result.conflicts)
    assert "status preferred vs admitted" in messages
    assert "'Minsk' is in concept minsk of ours" in messages
    assert result.termbase.concept("minsk") == MINSK  # nothing resolved silently


def test_prefer_resolves_but_still_reports() -> None:
    theirs = _tb(Concept("minsk", (Term("ru", "Минск", A),), subject="cities"))
    kept_theirs = merge(_tb(MINSK), theirs, prefer="theirs")
    assert kept_theirs.termbase.concept("minsk").subject == "cities"
    assert all(c.message.endswith("kept theirs") for c in kept_theirs.conflicts)
    kept_ours = merge(_tb(MINSK), theirs, prefer="ours")
    assert kept_ours.termbase.concept("minsk") == MINSK
    assert kept_ours.conflicts
