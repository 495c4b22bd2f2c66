"""Belarusian: sentence rules, our own stemmer, the national transliteration."""

from lang.language import Language
from lang.stem_be import stem_be


def _forms(word: str) -> tuple[str, ...]:
    return (stem_be(word),)


LANGUAGE = Language(code="be", name="Belarusian", full=True, base_forms=_forms,
                    name_scheme="be-national")
