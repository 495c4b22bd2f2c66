"""Normalisation for matching: case, ё, apostrophes, dashes, stress marks, spaces."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lang.normalize import fold_case, normalize_for_matching, normalize_token


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        pytest.param("Ёлка", "елка", id="yo-upper"),
        pytest.param("ЗАЁМ", "заем", id="yo-inside-capitals"),
        pytest.param("Сям’я", "сям'я", id="right-single-quote"),
        pytest.param("сямʼя", "сям'я", id="modifier-apostrophe"),
        pytest.param("сям‘я", "сям'я", id="left-single-quote"),
        pytest.param("сям`я", "сям'я", id="backtick"),
        pytest.param("Lukashenko’s", "lukashenko's", id="english-possessive"),
        pytest.param("вице‑премьер", "вице-премьер", id="non-breaking-hyphen"),
        pytest.param("Брест‐Литовск", "брест-литовск", id="unicode-hyphen"),
        pytest.param("1941–1945", "1941-1945", id="en-dash-inside"),
        pytest.param("—", "—", id="em-dash-token"),
        pytest.param("–", "—", id="en-dash-token"),
        pytest.param("-", "—", id="hyphen-minus-token"),
        pytest.param("−5", "-5", id="minus-sign"),
        pytest.param("за́мок", "замок", id="stress-mark"),
        pytest.param("Café", "café", id="precomposed-accent-kept"),
        pytest.param("Cafe\u0301", "café", id="decomposed-accent-composed-first"),
        pytest.param("Straße", "strasse", id="casefold"),
        pytest.param("Вя\u00adлі\u200bкая", "вялікая", id="invisible-characters"),
        pytest.param("ВЯЛІКАЯ", "вялікая", id="belarusian-i"),
        pytest.param("ЎСЕ", "ўсе", id="short-u"),
        pytest.param("", "", id="empty"),
    ],
)
def test_normalize_token(token: str, expected: str) -> None:
    assert normalize_token(token) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Минск – столица", "минск — столица", id="spaced-en-dash"),
        pytest.param("Минск - столица", "минск — столица", id="spaced-hyphen"),
        pytest.param("Минск — столица", "минск — столица", id="spaced-em-dash"),
        pytest.param("Брест‑Литовск–Москва", "брест-литовск-москва", id="inner-dashes"),
        pytest.param(
            "  Президент   Республики\nБеларусь ", "президент республики беларусь",
            id="spaces-collapsed",
        ),
        pytest.param("Сям’я ў Мінску", "сям'я ў мінску", id="belarusian-phrase"),
        pytest.param("Вялікая Айчынная вайна", "вялікая айчынная вайна", id="plain"),
        pytest.param("«—Да»", "«—да»", id="dash-by-quote-left-alone"),
        pytest.param("1\u00a0000 руб.", "1 000 руб.", id="no-break-space"),
    ],
)
def test_normalize_for_matching(text: str, expected: str) -> None:
    assert normalize_for_matching(text) == expected


def test_fold_case_only_folds_case_and_yo() -> None:
    assert fold_case("Ёлка’s — ВЕЛИКАЯ") == "елка’s — великая"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize_for_matching(text)
    assert normalize_for_matching(once) == once
    token = normalize_token(text)
    assert normalize_token(token) == token
