"""Person concepts: desk rendering, deprecated variants, the forms matching needs."""

from __future__ import annotations

from dataclasses import replace

import pytest
from glossary_samples import DESK

from core.errors import TransdeskError
from glossary.model import Settings, Status, Termbase
from glossary.name_forms import CASES, case_forms_be, forms_ru
from glossary.names import add_person, parse_name, person_concept
from glossary.search import TermSearch
from glossary.tbx_read import read_tbx

LUKASHENKO = ("Александр Григорьевич Лукашенко", "Аляксандр Рыгоравіч Лукашэнка")


def _terms(concept, lang: str, status: Status | None = None) -> list[str]:
    return [t.text for t in concept.terms
            if t.lang == lang and (status is None or t.status is status)]


def test_lukashenko_matches_the_desk_entry() -> None:
    concept = person_concept(Termbase(), *LUKASHENKO)
    desk = read_tbx(DESK).concept("person-lukashenko")
    assert concept.id == "person-lukashenko"
    for lang in ("ru", "be"):
        assert _terms(concept, lang)[:4] == _terms(desk, lang)
    assert _terms(concept, "ru")[4] == "А.Г. Лукашенко"
    assert _terms(concept, "en", Status.PREFERRED) == ["Aleksandr Lukashenko"]
    assert _terms(concept, "en", Status.ADMITTED) == ["Lukashenko", "Aleksandr Grigoryevich"]
    deprecated = set(_terms(concept, "en", Status.DEPRECATED))
    # every deprecated form of the hand-made desk entry is generated
    assert set(_terms(desk, "en", Status.DEPRECATED)) <= deprecated
    assert {"Alexander Lukashenko", "Aliaksandr Lukashenka", "Lukashenka"} <= deprecated
    surname = next(t for t in concept.terms if t.text == "Лукашенко")
    assert surname.note == "surname alone; does not decline"
    assert surname.gender == "masculine" and surname.term_type == "shortForm"
    assert concept.note == ("ru: Лукашенко does not decline. be: Лукашэнка declines "
                            "(Лукашэнкі, Лукашэнку, Лукашэнкам).")
    alexander = next(t for t in concept.terms if t.text == "Alexander Lukashenko")
    assert alexander.note == ("conventional English spelling; desk style: Aleksandr "
                              "Lukashenko")


def test_first_name_and_patronymic() -> None:
    concept = person_concept(Termbase(), "Владимир Александрович Гуров",
                             "Уладзімір Аляксандравіч Гураў")
    assert "Владимир Александрович" in _terms(concept, "ru")
    assert "Vladimir Aleksandrovich" in _terms(concept, "en", Status.ADMITTED)
    deprecated = _terms(concept, "en", Status.DEPRECATED)
    assert "Vladimir Alexandrovich" in deprecated  # x for ks
    assert {"Uladzimir Hurau", "Hurau"} <= set(deprecated)  # romanized from Belarusian


def test_a_woman_gets_feminine_forms() -> None:
    concept = person_concept(Termbase(), "Елена Сергеевна Жукова", "Алена Сяргееўна Жукава")
    assert {t.gender for t in concept.terms if t.lang != "en"} == {"feminine"}
    assert _terms(concept, "en", Status.PREFERRED) == ["Yelena Zhukova"]
    assert {"Elena Zhukova", "Alena Zhukava", "Zhukava"} <= set(
        _terms(concept, "en", Status.DEPRECATED))
    assert "be: Жукава declines (Жукавай)." in concept.note
    assert "Е.С. Жукова" in _terms(concept, "ru")


@pytest.mark.parametrize("names", [
    LUKASHENKO,
    ("Елена Сергеевна Жукова", "Алена Сяргееўна Жукава"),
    ("Виктор Николаевич Сташевский", "Віктар Мікалаевіч Сташэўскі"),
    ("Пётр Петрович Климук", "Пётр Пятровіч Клімук"),
    ("Светлана Георгиевна Тихановская", "Святлана Георгіеўна Ціханоўская"),
])
def test_every_case_form_finds_the_person(names: tuple[str, str]) -> None:
    concept = person_concept(Termbase(), *names)
    search = TermSearch(Termbase(concepts=(concept,)))
    ru, be = parse_name(names[0], "ru"), parse_name(names[1], "be")
    for form in forms_ru(ru.surname, ru.gender):
        assert search.search(form, "ru"), form
    for form in forms_ru(ru.patronymic, ru.gender):
        assert search.search(f"{ru.first} {form}", "ru"), form
    first = case_forms_be(be.first, "first", be.gender)
    patronymic = case_forms_be(be.patronymic, "patronymic", be.gender)
    surname = case_forms_be(be.surname, "surname", be.gender)
    for case in CASES:
        # every form of a case, not only the first (instrumental -ам and -ом)
        for phrase in (*(f"{f} {surname[case][0]}" for f in first[case]),
                       *(f"{first[case][0]} {p}" for p in patronymic[case]),
                       *surname[case]):
            hits = search.search(phrase, "be")
            assert hits, phrase


def test_forms_stemming_cannot_reach_are_stored() -> None:
    concept = person_concept(Termbase(), "Пётр Петрович Климук", "Пётр Пятровіч Клімук")
    stored = {t.text: t.note for t in concept.terms if t.lang == "be"}
    assert stored["Пятра Клімука"] == "gen form: stemming does not reach Пятра"
    assert "Пятром Пятровічам" in stored


def test_indeclinable_surname_and_initials() -> None:
    concept = person_concept(Termbase(), "Игорь Петрович Шевченко", "Ігар Пятровіч Шаўчэнка")
    assert "ru: Шевченко does not decline." in concept.note
    assert "И.П. Шевченко" in _terms(concept, "ru")
    assert "І.П. Шаўчэнка" in _terms(concept, "be")
    initials = next(t for t in concept.terms if t.text == "И.П. Шевченко")
    assert initials.note == "initials and surname; also spaced: И. П. Шевченко"


def test_surname_first_order_and_two_word_names() -> None:
    assert parse_name("Лукашенко Александр Григорьевич", "ru").surname == "Лукашенко"
    woman = parse_name("Мария Иванова", "ru")
    assert (woman.patronymic, woman.gender) == (None, "femn")
    assert parse_name("Никита Иванов", "ru").gender == "masc"


@pytest.mark.parametrize(("args", "kwargs", "message"), [
    (("Лукашенко",), {}, "cannot read"),
    (("Александр Григорьевич Лукашенко",), {"gender": "femn"}, "is masculine"),
    (("Аляксандр Рыгоравіч Лукашэнка",), {}, "looks Belarusian"),
])
def test_bad_names(args: tuple, kwargs: dict, message: str) -> None:
    with pytest.raises(TransdeskError, match=message):
        person_concept(Termbase(), *args, **kwargs)


def test_scheme_setting_changes_the_desk_rendering() -> None:
    termbase = replace(Termbase(), settings=Settings((("name-scheme.ru", "icao"),)))
    concept = person_concept(termbase, "Елена Сергеевна Жукова")
    assert _terms(concept, "en", Status.PREFERRED) == ["Elena Zhukova"]
    assert "Yelena Zhukova" in _terms(concept, "en", Status.DEPRECATED)
    be_first = replace(Termbase(), settings=Settings((("name-source", "be"),)))
    concept = person_concept(be_first, *LUKASHENKO)
    assert _terms(concept, "en", Status.PREFERRED) == ["Aliaksandr Lukashenka"]
    assert "Aleksandr Lukashenko" in _terms(concept, "en", Status.DEPRECATED)
    with pytest.raises(TransdeskError, match="name-source = be"):
        person_concept(be_first, LUKASHENKO[0])


def test_adding_the_same_person_twice_is_refused() -> None:
    termbase, _ = add_person(Termbase(), *LUKASHENKO)
    with pytest.raises(TransdeskError, match="already in concept person-lukashenko"):
        add_person(termbase, *LUKASHENKO)
    _, other = add_person(termbase, *LUKASHENKO, allow_duplicate=True)
    assert other.id == "person-lukashenko-2"
