"""Checking the desk settings a glossary keeps (see model.SETTING_KEYS)."""

from __future__ import annotations

from core.errors import TransdeskError
from glossary.model import SETTING_KEYS


def check_setting(key: str, value: str | None) -> str | None:
    """The value to store for `key`, normalised; a user error for a bad key or value.

    With `value` None only the key is checked.
    """
    if key not in SETTING_KEYS:
        raise TransdeskError(f"unknown setting {key!r}; known: {', '.join(SETTING_KEYS)}")
    if value is None:
        return None
    value = " ".join(value.split())
    if key.startswith("name-scheme."):
        from lang.translit import scheme_names

        lang = key.split(".", 1)[1]
        names = scheme_names(lang)
        if value not in names:
            raise TransdeskError(
                f"{value!r} is not a {lang} transliteration scheme; known: {', '.join(names)}"
            )
    elif key == "name-source":
        if value not in ("ru", "be"):
            raise TransdeskError(f"name-source must be ru or be, not {value!r}")
    elif key == "languages":
        from lang import check_code

        codes = [check_code(code) for code in value.replace(",", " ").split()]
        value = " ".join(dict.fromkeys(codes))
    return value
