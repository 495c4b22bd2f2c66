"""What transdesk knows about each language: sentences, tokens, base forms, transliteration.

`get_language("ru")` returns the full Russian profile; any other valid ISO 639-1 code gets
the generic profile; an invalid code is a user error. Profiles are imported on first use so
that `import lang` (and with it `transdesk --help`) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lang.codes import FULL, check_code
from lang.detect import detect_language

if TYPE_CHECKING:
    from lang.language import Language


def get_language(code: str) -> Language:
    """The profile for an ISO 639-1 code (full for ru, be, en; generic otherwise)."""
    norm = check_code(code)
    if norm == "ru":
        from lang.ru import LANGUAGE
    elif norm == "be":
        from lang.be import LANGUAGE
    elif norm == "en":
        from lang.en import LANGUAGE
    else:
        from lang.generic import language

        return language(norm)
    return LANGUAGE


def __getattr__(name: str) -> object:
    if name == "Language":
        from lang.language import Language

        return Language
    raise AttributeError(f"module 'lang' has no attribute {name!r}")


__all__ = ["FULL", "Language", "check_code", "detect_language", "get_language"]
