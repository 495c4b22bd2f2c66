"""Guessing the language of a text from its script and its letters."""

from __future__ import annotations

from core.errors import TransdeskError

# Letters only one of the two Cyrillic languages uses; о/а-frequency tricks are not needed
# because a paragraph of either language contains some of these almost surely.
_BE_ONLY = frozenset("іІўЎ")
_RU_ONLY = frozenset("иИщЩъЪ")


def detect_language(text: str) -> str:
    """Return "ru", "be" or "en" for text in one of those languages.

    Cyrillic text is Belarusian when its letters unique to Belarusian outnumber those
    unique to Russian; Latin text is taken as English (other Latin-script languages need
    an explicit code).
    """
    cyr = lat = be = ru = 0
    for ch in text[:200_000]:
        if "\u0400" <= ch <= "\u04ff":
            cyr += 1
            if ch in _BE_ONLY:
                be += 1
            elif ch in _RU_ONLY:
                ru += 1
        elif ch.isascii() and ch.isalpha():
            lat += 1
    if cyr == 0 and lat == 0:
        raise TransdeskError("cannot tell the language of a text without letters; give it")
    if cyr >= lat:
        return "be" if be > ru else "ru"
    return "en"
