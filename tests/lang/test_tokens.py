"""Tokenisation: words with hyphens and apostrophes, clitics, numbers, punctuation, symbols."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lang.tokens import Token, tokenize


def pairs(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


W, N, P, S = "word", "number", "punct", "symbol"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Брест-Литовск, вице-премьер и Mid-August",
            [("Брест-Литовск", W), (",", P), ("вице-премьер", W), ("и", W), ("Mid-August", W)],
            id="inner-hyphens",
        ),
        pytest.param(
            "вице‑премьер Минск–Москва",
            [("вице‑премьер", W), ("Минск", W), ("–", P), ("Москва", W)],
            id="non-breaking-hyphen-joins-en-dash-does-not",
        ),
        pytest.param(
            "сям'я, сям’я і сямʼя",
            [("сям'я", W), (",", P), ("сям’я", W), ("і", W), ("сямʼя", W)],
            id="belarusian-apostrophes",
        ),
        pytest.param(
            "Lukashenko's visit, O'Brien's view",
            [("Lukashenko", W), ("'s", W), ("visit", W), (",", P), ("O'Brien", W), ("'s", W),
             ("view", W)],
            id="possessive-split",
        ),
        pytest.param(
            "Putin’s aides said they’re ready, I'm sure, but don't know",
            [("Putin", W), ("’s", W), ("aides", W), ("said", W), ("they", W), ("’re", W),
             ("ready", W), (",", P), ("I", W), ("'m", W), ("sure", W), (",", P), ("but", W),
             ("don't", W), ("know", W)],
            id="contractions",
        ),
        pytest.param(
            "the ministers' meeting",
            [("the", W), ("ministers", W), ("'", P), ("meeting", W)],
            id="plural-possessive-apostrophe-is-punct",
        ),
        pytest.param(
            "1 000 рублей, 1,5 %, 1.5, 2,000,000 и 5 000 000",
            [("1 000", N), ("рублей", W), (",", P), ("1,5", N), ("%", S), (",", P),
             ("1.5", N), (",", P), ("2,000,000", N), ("и", W), ("5 000 000", N)],
            id="numbers-with-separators",
        ),
        pytest.param(
            "12.05.2024 в 9:00, рост 60%",
            [("12.05.2024", N), ("в", W), ("9:00", N), (",", P), ("рост", W), ("60", N),
             ("%", S)],
            id="dates-times-percent",
        ),
        pytest.param(
            "1\u00a0000 и 1\u202f000",
            [("1\u00a0000", N), ("и", W), ("1\u202f000", N)],
            id="no-break-space-groups",
        ),
        pytest.param(
            "в 1941-1945 и 1941–1945 гг.",
            [("в", W), ("1941", N), ("-", P), ("1945", N), ("и", W), ("1941", N), ("–", P),
             ("1945", N), ("гг", W), (".", P)],
            id="year-ranges",
        ),
        pytest.param(
            "в 2019 году 100 человек, в 2024.",
            [("в", W), ("2019", N), ("году", W), ("100", N), ("человек", W), (",", P),
             ("в", W), ("2024", N), (".", P)],
            id="years-are-not-grouped",
        ),
        pytest.param(
            "1990-х, 5-летний, Су-27, F-16, 1945г, 5G",
            [("1990-х", W), (",", P), ("5-летний", W), (",", P), ("Су-27", W), (",", P),
             ("F-16", W), (",", P), ("1945г", W), (",", P), ("5G", W)],
            id="numbers-glued-to-letters-are-words",
        ),
        pytest.param(
            "А.Г. Лукашенко",
            [("А", W), (".", P), ("Г", W), (".", P), ("Лукашенко", W)],
            id="initials-are-letters",
        ),
        pytest.param(
            "Что?! Ну... Да!.. «Нет» — (так) [sic]",
            [("Что", W), ("?!", P), ("Ну", W), ("...", P), ("Да", W), ("!..", P), ("«", P),
             ("Нет", W), ("»", P), ("—", P), ("(", P), ("так", W), (")", P), ("[", P),
             ("sic", W), ("]", P)],
            id="punctuation",
        ),
        pytest.param(
            "$5 € № 7 § 3 +1 ° 😀",
            [("$", S), ("5", N), ("€", S), ("№", S), ("7", N), ("§", S), ("3", N), ("+", S),
             ("1", N), ("°", S), ("😀", S)],
            id="symbols",
        ),
        pytest.param(
            "См. https://president.gov.by/ru/news?id=1). Пишите: info@gov.by.",
            [("См", W), (".", P), ("https://president.gov.by/ru/news?id=1", S), (")", P),
             (".", P), ("Пишите", W), (":", P), ("info@gov.by", S), (".", P)],
            id="url-and-email",
        ),
        pytest.param(
            "за́мок Æsir 東京 مرحبا",
            [("за́мок", W), ("Æsir", W), ("東京", W), ("مرحبا", W)],
            id="stress-marks-and-other-scripts",
        ),
    ],
)
def test_tokens(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "President A.G. Lukashenko's\u00a0visit"
    tokens = tokenize(text)
    assert tokens[0] == Token("President", 0, 9, "word")
    assert tokens[-3:-1] == [Token("Lukashenko", 15, 25, "word"), Token("'s", 25, 27, "word")]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_empty_and_blank() -> None:
    assert tokenize("") == []
    assert tokenize(" \n\t\u00a0") == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_tokens_cover_every_visible_character_in_order(text: str) -> None:
    tokens = tokenize(text)
    position = 0
    for token in tokens:
        assert token.start >= position and token.end > token.start
        assert text[token.start:token.end] == token.text
        assert text[position:token.start].strip() == ""
        assert token.kind in ("word", "number", "punct", "symbol")
        position = token.end
    assert text[position:].strip() == ""
