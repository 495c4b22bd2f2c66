"""Whole-text cleaning: line breaks, invisible characters, Unicode spaces, NFC."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lang.text import clean_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Минск\r\nБрест\rГомель\n", "Минск\nБрест\nГомель\n", id="crlf-and-cr"),
        pytest.param("a\r\r\nb", "a\n\nb", id="cr-then-crlf"),
        pytest.param("Абзац\u2029Абзац", "Абзац\n\nАбзац", id="paragraph-separator"),
        pytest.param("Строка\u2028строка\x0bстрока\x85строка", "Строка\nстрока\nстрока\nстрока",
                     id="line-separators"),
        pytest.param("Страница\x0cстраница", "Страница\n\nстраница", id="form-feed"),
        pytest.param("Вя\u00adлі\u00adкая", "Вялікая", id="soft-hyphens"),
        pytest.param("\ufeffМі\u200bнск\u200c\u200d\u2060", "Мінск", id="zero-width"),
        pytest.param("1\u00a0000\u202fруб.", "1 000 руб.", id="no-break-spaces"),
        pytest.param("a\u2000b\u2009c\u200ad\u205fe\u3000f\u1680g", "a b c d e f g",
                     id="unicode-spaces"),
        pytest.param("Сяргееу\u0306на", "Сяргееўна", id="nfc-short-u"),
        pytest.param("е\u0308лка", "ёлка", id="nfc-yo"),
        pytest.param("е\u200b\u0308", "ё", id="removal-before-composing"),
        pytest.param("Таб\tостаётся", "Таб\tостаётся", id="tab-kept"),
        pytest.param("", "", id="empty"),
    ],
)
def test_clean_text(text: str, expected: str) -> None:
    assert clean_text(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_clean_text_output_is_clean_and_stable(text: str) -> None:
    cleaned = clean_text(text)
    assert "\r" not in cleaned
    assert not set(cleaned) & set("\u00ad\u200b\u200c\u200d\u2060\ufeff\u00a0\u202f\u2029")
    assert unicodedata.is_normalized("NFC", cleaned)
    assert clean_text(cleaned) == cleaned
