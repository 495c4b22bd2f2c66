"""Transliteration of Russian and Belarusian into Latin script, one named scheme at a time.

    >>> transliterate("Пётр Фёдорович Семёнов", "wikipedia")
    'Pyotr Fyodorovich Semyonov'
    >>> all_renderings("Гомель", "be")["be-national"]
    'Homieĺ'

Schemes are data (see `ru.py`, `be.py`); each is validated when this package is imported.
"""

from collections.abc import Mapping
from types import MappingProxyType

from core.errors import TransdeskError

from . import be, ru
from .engine import CompiledScheme, compile_scheme
from .scheme import ALPHABETS, Scheme, SchemeError

__all__ = [
    "ALPHABETS",
    "SCHEMES",
    "Scheme",
    "SchemeError",
    "all_renderings",
    "get_scheme",
    "scheme_names",
    "transliterate",
]


def _compile_all(*schemes: Scheme) -> dict[str, CompiledScheme]:
    compiled: dict[str, CompiledScheme] = {}
    for scheme in schemes:
        if scheme.name in compiled:
            raise SchemeError(f"transliteration scheme {scheme.name!r} is defined twice")
        compiled[scheme.name] = compile_scheme(scheme)
    return compiled


_COMPILED = _compile_all(*ru.SCHEMES, *be.SCHEMES)

SCHEMES: Mapping[str, Scheme] = MappingProxyType(
    {name: compiled.scheme for name, compiled in _COMPILED.items()}
)
"""Every scheme by name, Russian ones first, in a fixed order."""


def scheme_names(lang: str | None = None) -> tuple[str, ...]:
    """Names of the schemes for `lang` ("ru" or "be"), or of all schemes."""
    if lang is None:
        return tuple(SCHEMES)
    if lang not in ALPHABETS:
        known = ", ".join(sorted(ALPHABETS))
        raise TransdeskError(
            f"no transliteration schemes for language {lang!r}; known languages: {known}"
        )
    return tuple(name for name, scheme in SCHEMES.items() if scheme.language == lang)


def get_scheme(name: str) -> Scheme:
    """The scheme called `name`; TransdeskError listing the known names if there is none."""
    return _compiled(name).scheme


def transliterate(text: str, scheme: str) -> str:
    """Transliterate the Cyrillic words of `text` with `scheme`; all else is left as it is.

    Case is kept per word: Щукин -> Shchukin, ЩУКИН -> SHCHUKIN.
    """
    return _compiled(scheme).transliterate(text)


def all_renderings(text: str, lang: str) -> dict[str, str]:
    """`text` under every scheme of `lang`, by scheme name."""
    return {name: _COMPILED[name].transliterate(text) for name in scheme_names(lang)}


def _compiled(name: str) -> CompiledScheme:
    try:
        return _COMPILED[name]
    except KeyError:
        known = ", ".join(SCHEMES)
        raise TransdeskError(
            f"unknown scheme {name!r}; known transliteration schemes: {known}"
        ) from None
