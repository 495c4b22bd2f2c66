"""Search finds a concept from any inflected form, in Russian, Belarusian and English."""

from __future__ import annotations

import pytest
from glossary_samples import DESK

from glossary.model import Concept, MatchMode, Status, Term, Termbase
from glossary.search import MatchKind, TermSearch
from glossary.tbx_read import read_tbx


@pytest.fixture(scope="module")
def desk_search() -> TermSearch:
    return TermSearch(read_tbx(DESK))


@pytest.mark.parametrize(("query", "concept", "term", "kind"), [
    ("Великой Отечественной войны", "hist-great-patriotic-war", "Великая Отечественная война",
     MatchKind.INFLECTED),
    ("Вялікай Айчыннай вайны", "hist-great-patriotic-war", "Вялікая Айчынная вайна",
     MatchKind.INFLECTED),
    ("Лукашенко", "person-lukashenko", "Лукашенко", MatchKind.EXACT),
    ("Лукашэнкі", "person-lukashenko", "Лукашэнка", MatchKind.INFLECTED),
    ("с Александром Григорьевичем Лукашенко", "person-lukashenko",
     "Александр Григорьевич Лукашенко", MatchKind.IN_QUERY),
    ("Lukashenko's", "person-lukashenko", "Lukashenko", MatchKind.IN_QUERY),
    ("в годы Великой Отечественной войны", "hist-great-patriotic-war",
     "Великая Отечественная война", MatchKind.IN_QUERY),
    ("Katyn", "hist-khatyn", "Katyn", MatchKind.EXACT),
])
def test_inflected_forms_find_the_concept(desk_search: TermSearch, query: str, concept: str,
                                          term: str, kind: MatchKind) -> None:
    hits = desk_search.search(query)
    assert hits, query
    best = hits[0]
    assert (best.concept.id, best.term.text, best.kind) == (concept, term, kind)


def test_query_that_is_part_of_a_term(desk_search: TermSearch) -> None:
    hits = desk_search.search("войны")
    assert {h.concept.id for h in hits} >= {"hist-great-patriotic-war", "hist-world-war-ii"}
    assert {h.kind for h in hits} == {MatchKind.PARTIAL}


def test_language_filter(desk_search: TermSearch) -> None:
    assert desk_search.search("Лукашенко", lang="be") == []
    assert desk_search.search("Хатынь", lang="be")[0].term.lang == "be"


def _termbase(*terms: Term) -> Termbase:
    return Termbase(concepts=tuple(Concept(f"c{i}", (t,)) for i, t in enumerate(terms)))


def test_exact_case_sensitive_and_pattern_terms() -> None:
    search = TermSearch(_termbase(
        Term("ru", "СНГ", Status.PREFERRED, case_sensitive=True, match=MatchMode.EXACT),
        Term("ru", "ООН", Status.PREFERRED, match=MatchMode.EXACT),
        Term("en", "Minsk", Status.PREFERRED, match=MatchMode.PATTERN,
             pattern=r"\bMinsk(?:er)?s?\b"),
    ))
    assert [h.concept.id for h in search.search("страны СНГ")] == ["c0"]
    assert search.search("страны снг") == []  # case-sensitive
    assert [h.concept.id for h in search.search("в ООН")] == ["c1"]
    assert search.search("ООНовский") == []  # exact: no other forms
    assert [(h.concept.id, h.kind) for h in search.search("two Minskers")] == [
        ("c2", MatchKind.PATTERN)]
