"""The glossary matcher: inflection, ambiguity, case policy, spelling variants, spans."""

from __future__ import annotations

import pytest
from glossary_samples import DESK

from glossary.match import Match, Matcher
from glossary.model import Concept, MatchMode, Status, Term, Termbase
from glossary.tbx_read import read_tbx


@pytest.fixture(scope="module")
def desk() -> Matcher:
    return Matcher(read_tbx(DESK))


def _termbase(*terms: Term) -> Termbase:
    return Termbase(concepts=tuple(Concept(f"c{i}", (t,)) for i, t in enumerate(terms)))


def found(matcher: Matcher, text: str, lang: str) -> list[tuple[str, str]]:
    """(concept, matched words) of the non-overlapping matches."""
    return [(m.concept_id, text[m.start:m.end]) for m in matcher.find(text, lang)]


@pytest.mark.parametrize(("text", "lang", "concept", "words"), [
    ("в годы Великой Отечественной войны", "ru", "hist-great-patriotic-war",
     "Великой Отечественной войны"),
    ("у Вялікай Айчыннай вайне", "be", "hist-great-patriotic-war", "Вялікай Айчыннай вайне"),
    ("after the Great Patriotic War's end", "en", "hist-great-patriotic-war",
     "Great Patriotic War"),
    ("встреча с Александром Лукашенко", "ru", "person-lukashenko", "Александром Лукашенко"),
    ("сустрэча з Аляксандрам Лукашэнкам", "be", "person-lukashenko", "Аляксандрам Лукашэнкам"),
    ("two harvesting campaigns", "en", "agri-harvesting-campaign", "harvesting campaigns"),
    ("белорусских рублей", "ru", "econ-belarusian-ruble", "белорусских рублей"),
])
def test_inflected_forms_are_found_with_their_span(desk: Matcher, text: str, lang: str,
                                                    concept: str, words: str) -> None:
    assert (concept, words) in found(desk, text, lang)


def test_a_citation_form_is_not_one_of_its_lookalikes(desk: Matcher) -> None:
    # "harvesting" in a term is the noun; "harvest campaign" is another phrase.
    assert found(desk, "the harvest campaign", "en") == []


def test_every_parse_of_an_ambiguous_russian_word_counts() -> None:
    # "стекло" is glass (стекло) and also a form of стечь; "мира" is of мир (peace) and миро.
    matcher = Matcher(_termbase(Term("ru", "мир", Status.PREFERRED),
                                Term("ru", "стекло", Status.PREFERRED)))
    assert [c for c, _ in found(matcher, "борьба за мир и за мира", "ru")] == ["c0", "c0"]
    assert [c for c, _ in found(matcher, "окна без стекла", "ru")] == ["c1"]


def test_longest_match_wins_and_matches_do_not_overlap(desk: Matcher) -> None:
    text = "заседание Совета Министров Союзного государства"
    assert found(desk, text, "ru") == [
        ("inst-council-of-ministers-of-the-union-state",
         "Совета Министров Союзного государства")]
    every = {m.concept_id for m in desk.find_all(text, "ru")}
    assert {"inst-council-of-ministers", "inst-union-state"} <= every


class TestCasePolicy:
    def test_proper_names_need_their_capitals(self, desk: Matcher) -> None:
        assert found(desk, "a victory for the team", "en") == []
        assert found(desk, "победа команды", "ru") == []
        assert [c for c, _ in found(desk, "the Victory of 1945", "en")] == ["hist-victory"]

    def test_miscased_names_come_with_find_all(self, desk: Matcher) -> None:
        miscased = [m for m in desk.find_all("the great patriotic war", "en", miscased=True)
                    if not m.case_ok]
        assert [m.concept_id for m in miscased] == ["hist-great-patriotic-war"]

    def test_common_terms_match_in_any_case(self, desk: Matcher) -> None:
        assert [c for c, _ in found(desk, "Head of State", "en")] == ["title-head-of-state"]
        assert [c for c, _ in found(desk, "ГЛАВА ГОСУДАРСТВА", "ru")] == ["title-head-of-state"]

    def test_case_sensitive_terms_match_as_written(self) -> None:
        matcher = Matcher(_termbase(Term("ru", "СНГ", Status.PREFERRED, case_sensitive=True),
                                    Term("en", "VAT", Status.PREFERRED, case_sensitive=True)))
        assert found(matcher, "страны СНГ", "ru") == [("c0", "СНГ")]
        assert found(matcher, "страны снг", "ru") == []
        assert found(matcher, "a vat of wine", "en") == []
        assert found(matcher, "VAT rates", "en") == [("c1", "VAT")]

    def test_a_sentence_case_label_is_not_a_name(self) -> None:
        # Only the first word capitalised: a label, as in a UI glossary, not a proper name.
        matcher = Matcher(_termbase(Term("ru", "Личные данные", Status.PREFERRED)))
        assert found(matcher, "извлекать все личные данные", "ru") == [("c0", "личные данные")]


class TestSpellingVariants:
    def test_hyphen_space_and_non_breaking_hyphen(self, desk: Matcher) -> None:
        for text in ("agro-towns", "agro towns", "agro\u2011towns"):
            assert found(desk, text, "en") == [("agri-agro-town", text)], text

    def test_closed_up_spelling_is_found_and_loses_to_an_exact_term(self) -> None:
        matcher = Matcher(_termbase(Term("en", "agro-town", Status.PREFERRED)))
        assert found(matcher, "new agrotowns", "en") == [("c0", "agrotowns")]

    def test_the_closest_written_form_decides_between_terms(self, desk: Matcher) -> None:
        hyphenated = desk.find("the press-secretary said", "en")
        spaced = desk.find("the press secretary said", "en")
        assert [(m.term, m.status) for m in hyphenated] == [("press-secretary",
                                                             Status.DEPRECATED)]
        assert [(m.term, m.status) for m in spaced] == [("press secretary", Status.PREFERRED)]
        assert [(m.term, m.status) for m in desk.find("agrotowns", "en")] == [
            ("agrotown", Status.DEPRECATED)]

    def test_straight_and_curly_apostrophes(self, desk: Matcher) -> None:
        for text in ("прэм'ер-міністра", "прэм’ер-міністра", "прэмʼер-міністра"):
            assert [c for c, _ in found(desk, text, "be")] == ["title-prime-minister"], text
        for text in ("All-Belarusian People’s Assembly", "All-Belarusian People's Assembly"):
            assert [c for c, _ in found(desk, text, "en")] == [
                "inst-all-belarusian-peoples-assembly"], text

    def test_yo_and_ye(self) -> None:
        matcher = Matcher(_termbase(Term("ru", "Могилёв", Status.PREFERRED),
                                    Term("ru", "Семенов", Status.PREFERRED),
                                    Term("be", "Магілёў", Status.PREFERRED)))
        assert [c for c, _ in found(matcher, "в Могилеве и в Могилёве", "ru")] == ["c0", "c0"]
        assert [c for c, _ in found(matcher, "с Семёновым", "ru")] == ["c1"]
        assert [c for c, _ in found(matcher, "у Магілёве і ў Магілеве", "be")] == ["c2", "c2"]

    def test_dash_and_initials(self, desk: Matcher) -> None:
        assert [c for c, _ in found(desk, "государств — участников СНГ", "ru")] == [
            "inst-cis-member-states"]
        for text in ("И.П. Шевченко", "И. П. Шевченко", "И.П.Шевченко"):
            assert [c for c, _ in found(desk, text, "ru")] == ["person-shevchenko"], text

    def test_a_term_does_not_run_across_punctuation(self, desk: Matcher) -> None:
        assert "inst-council-of-ministers" not in {
            c for c, _ in found(desk, "совет, министров", "ru")}


def test_exact_and_pattern_terms() -> None:
    matcher = Matcher(_termbase(
        Term("ru", "ООН", Status.PREFERRED, match=MatchMode.EXACT),
        Term("en", "Minsk", Status.PREFERRED, match=MatchMode.PATTERN,
             pattern=r"\bMinsk(?:er)?s?\b"),
    ))
    assert found(matcher, "в ООН", "ru") == [("c0", "ООН")]
    assert found(matcher, "ООНовский", "ru") == []
    assert found(matcher, "two Minskers", "en") == [("c1", "Minskers")]


def test_matches_satisfy_the_scoring_protocol(desk: Matcher) -> None:
    from score.terms import term_stats

    rows = term_stats(["Великой Отечественной войны"], ["the Great Patriotic War"], desk,
                      "ru", "en")
    assert rows.tolist() == [[1, 1, 0]]
    match = desk.find("Minsk", "en")[0]
    assert isinstance(match, Match) and (match.start, match.end) == (0, 5)
