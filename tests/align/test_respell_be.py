"""Belarusian respelled for the encoder: the word table first, then the spelling rules."""

from __future__ import annotations

from align.evidence.respell_be import WORDS, respell_be


def test_table_words_become_their_russian_word_in_the_same_case() -> None:
    assert respell_be("Як паведаміў урад, у суботу") == "Как сообщил правительство, в субботу"
    assert respell_be("Якія") == "Которые"
    assert respell_be("ЗША і Беларусь") == "США и Беларусь"


def test_other_words_follow_the_rules_and_keep_their_apostrophes_inside() -> None:
    assert respell_be("пагадненне з'яўляецца") == "пагаднение зъявляецца"
    assert respell_be("дзеці і 12 дзён") == "дети и 12 дён"


def test_the_table_is_lower_case_belarusian() -> None:
    assert all(k == k.lower() and not any(c in k for c in "ъщ") for k in WORDS)
