"""Russian lemmas and word forms (pymorphy3) on the names and terms a desk meets."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lang.lemma_ru import lemmas_ru, stem_ru, word_forms_ru

# Multi-word terms and full names, word by word: the first lemma of each word.
PHRASES = [
    ("Великой Отечественной войны", ["великий", "отечественный", "война"]),
    ("Владимира Александровича", ["владимир", "александрович"]),
    ("Александра Григорьевича Лукашенко", ["александр", "григорьевич", "лукашенко"]),
    ("Всебелорусского народного собрания", ["всебелорусский", "народный", "собрание"]),
    ("Союзного государства", ["союзный", "государство"]),
    ("Республики Беларусь", ["республика", "беларусь"]),
    ("Светланы Тихановской", ["светлана", "тихановский"]),
]


@pytest.mark.parametrize(("phrase", "expected"), [pytest.param(*p, id=p[0]) for p in PHRASES])
def test_phrase_words_lemmatise(phrase: str, expected: list[str]) -> None:
    assert [lemmas_ru(word)[0] for word in phrase.split()] == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("стали", {"стать", "сталь"}, id="stali-verb-and-noun"),
        pytest.param("мира", {"мир", "миро"}, id="mira"),
        pytest.param("Брест-Литовска", {"брест-литовск"}, id="hyphen-place"),
        pytest.param("Григорьевича", {"григорьевич", "григориевич"}, id="patronymic-variant"),
        pytest.param("Сергеевны", {"сергеевич"}, id="feminine-patronymic"),
        pytest.param("Жуковой", {"жуков"}, id="feminine-surname"),
    ],
)
def test_all_lemmas_are_returned(word: str, expected: set[str]) -> None:
    assert expected <= set(lemmas_ru(word))


@pytest.mark.parametrize(
    ("word", "first"),
    [
        pytest.param("мира", "мир", id="most-likely-first"),
        pytest.param("стали", "стать", id="verb-first"),
        pytest.param("Лукашенко", "лукашенко", id="indeclinable"),
        pytest.param("МИНСКА", "минск", id="capitals"),
        pytest.param("Вице-президента", "вице-президент", id="hyphen-known"),
        pytest.param("Ростова-на-Дону", "ростов-на-дону", id="hyphen-three-parts"),
    ],
)
def test_first_lemma(word: str, first: str) -> None:
    assert lemmas_ru(word)[0] == first


def test_indeclinable_surname_has_one_lemma() -> None:
    assert lemmas_ru("Лукашенко") == ("лукашенко",)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("ёлки", ("елка",), id="yo-in-word"),
        pytest.param("елки", ("елка",), id="yo-in-lemma-only"),
        pytest.param("Королёва", ("королев",), id="yo-surname"),
    ],
)
def test_yo_is_folded(word: str, expected: tuple[str, ...]) -> None:
    assert lemmas_ru(word) == expected


def test_no_lemma_keeps_yo() -> None:
    words = ["ёлки", "всё", "её", "Королёва", "Семёна", "Пётр"]
    assert not any("ё" in lemma for word in words for lemma in lemmas_ru(word))


def test_hyphenated_inflected_meets_its_citation_form() -> None:
    assert set(lemmas_ru("Брест-Литовска")) & set(lemmas_ru("Брест-Литовск"))


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("COVID-19", ("covid-19",), id="latin"),
        pytest.param("NATO", ("nato",), id="latin-caps"),
        pytest.param("2024", ("2024",), id="digits"),
        pytest.param("", (), id="empty"),
        pytest.param("  ", (), id="blank"),
    ],
)
def test_non_cyrillic(word: str, expected: tuple[str, ...]) -> None:
    assert lemmas_ru(word) == expected


def test_import_does_not_load_pymorphy3() -> None:
    code = (
        "import sys, lang.lemma_ru; "
        "loaded = [m for m in ('pymorphy3', 'snowballstemmer') if m in sys.modules]; "
        "assert not loaded, loaded"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("word", "gender", "expected"),
    [
        pytest.param(
            "Жуков", None, ("Жуков", "Жукова", "Жукову", "Жуковым", "Жукове"), id="surname-m"
        ),
        pytest.param("Жуков", "femn", ("Жукова", "Жуковой", "Жукову"), id="surname-m-to-f"),
        pytest.param("Жукова", None, ("Жукова", "Жуковой", "Жукову"), id="surname-f"),
        pytest.param("Тихановская", None, ("Тихановская", "Тихановской", "Тихановскую"),
                     id="adjectival-surname-f"),
        pytest.param("Александрович", None, ("Александрович", "Александровича",
                     "Александровичу", "Александровичем", "Александровиче"), id="patronymic"),
        pytest.param("Владимир", None, ("Владимир", "Владимира", "Владимиру", "Владимиром",
                     "Владимире"), id="first-name"),
        pytest.param("Беларусь", None, ("Беларусь", "Беларуси", "Беларусью"), id="country"),
        pytest.param("война", None, ("война", "войны", "войне", "войну", "войной", "войною"),
                     id="noun"),
    ],
)  # fmt: skip
def test_word_forms_singular(word: str, gender: str | None, expected: tuple[str, ...]) -> None:
    forms = word_forms_ru(word, gender)  # type: ignore[arg-type]
    assert forms[: len(expected)] == expected


@pytest.mark.parametrize(
    ("word", "gender", "absent"),
    [
        pytest.param("Жуков", "femn", "Жукове", id="no-masc-loc-for-woman"),
        pytest.param("Жукова", None, "Жукове", id="no-masc-loc-for-woman-citation"),
        pytest.param("Жуков", None, "Жуковой", id="no-fem-for-man"),
        pytest.param("Александрович", None, "Саныч", id="no-informal"),
    ],
)
def test_word_forms_leave_out(word: str, gender: str | None, absent: str) -> None:
    assert absent not in word_forms_ru(word, gender)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "gender", "expected"),
    [
        pytest.param("Лукашенко", None, ("Лукашенко",), id="indeclinable"),
        pytest.param("Мельник", "femn", ("Мельник",), id="woman-consonant-surname"),
        pytest.param("Бабарико", "masc", ("Бабарико",), id="indeclinable-o"),
        pytest.param("NATO", None, ("NATO",), id="latin"),
        pytest.param("", None, (), id="empty"),
    ],
)
def test_word_forms_of_words_that_do_not_decline(
    word: str, gender: str | None, expected: tuple[str, ...]
) -> None:
    assert word_forms_ru(word, gender) == expected  # type: ignore[arg-type]


def test_word_forms_include_plural_and_keep_citation_first() -> None:
    forms = word_forms_ru("Григорьевич")
    assert forms[0] == "Григорьевич"
    assert {"Григорьевича", "Григорьевичем", "Григорьевичи"} <= set(forms)


def test_word_forms_copy_capitals_per_hyphen_part() -> None:
    assert "Ростове-на-Дону" in word_forms_ru("Ростов-на-Дону")
    assert "МИНСКЕ" in word_forms_ru("МИНСК")


def test_word_forms_fold_yo() -> None:
    assert word_forms_ru("Королёв")[:2] == ("Королев", "Королева")


def test_word_forms_reject_unknown_gender() -> None:
    with pytest.raises(ValueError, match="gender"):
        word_forms_ru("Жуков", "f")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        pytest.param("войнами", "войн", id="noun"),
        pytest.param("Государства", "государств", id="capital"),
        pytest.param("ёлки", "елк", id="yo"),
    ],
)
def test_stem_ru(word: str, stem: str) -> None:
    assert stem_ru(word) == stem
