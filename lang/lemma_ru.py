"""Russian lemmas and word forms from pymorphy3, plus a Snowball stem as a fallback.

Lemmas are matching keys: lowercase, with ё folded to е, so that a term in a glossary and a
word in a text meet whichever spelling either of them used. The analyser is built on first
use, never at import, because building it costs about half a second and most CLI commands
never touch Russian morphology.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse
    from snowballstemmer import RussianStemmer

Gender = Literal["masc", "femn"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Grammemes (OpenCorpora) that mark a proper name; a capitalised citation form prefers them,
# so that "Королева" is the surname before it is the queen.
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})

# Informal, slang, erroneous and distorted forms ("Саныч" in the paradigm of "Александрович"):
# a translation desk must not find a name where the text has only a nickname.
_NONSTANDARD = frozenset({"Infr", "Slng", "Erro", "Dist"})

# pymorphy3 files patronymics like "Григорьевич" under the variant lemma "григориевич"
# (grammeme V-ie). We add the spelling the word itself uses, so the lemma reads as written.
_VARIANT_IE = "V-ie"

# "ms-f" is OpenCorpora's common gender: a surname like "Лукашенко" serves both.
_COMMON_GENDER = "ms-f"
_GENDERS = frozenset({"masc", "femn", "neut", _COMMON_GENDER})

_LEMMA_CACHE_SIZE = 1 << 16


def lemmas_ru(word: str) -> tuple[str, ...]:
    """All distinct lemmas of a Russian word, most likely first, lowercase, ё folded to е.

    A word with no Cyrillic letter (Latin, digits) comes back lowercased as its own lemma;
    an empty string has none.
    """
    key = word.strip().lower()
    if not key:
        return ()
    return _lemmas(key)


@functools.lru_cache(maxsize=_LEMMA_CACHE_SIZE)
def _lemmas(word: str) -> tuple[str, ...]:
    if not _CYRILLIC.search(word):
        return (word,)
    seen: dict[str, None] = {}
    for parse in _analyzer().parse(word):
        for lemma in _parse_lemmas(parse):
            seen.setdefault(_fold(lemma))
    return tuple(seen)


def _parse_lemmas(parse: Parse) -> tuple[str, ...]:
    """pymorphy3's normal form, preceded by the word's own spelling variant where they differ."""
    normal = parse.normalized
    if _VARIANT_IE in normal.tag and _VARIANT_IE not in parse.tag:
        plain = normal.tag.grammemes - {_VARIANT_IE}
        for form in parse.lexeme:
            if form.tag.grammemes == plain:
                return (form.word, parse.normal_form)
    return (parse.normal_form,)


@functools.lru_cache(maxsize=_LEMMA_CACHE_SIZE)
def can_be_noun_ru(word: str) -> bool:
    """Whether some reading of a Russian word is a noun (or a name): the head of a term.

    A word with no Cyrillic letter counts as one (Latin names and codes in Russian text).
    """
    key = word.strip().lower()
    if not _CYRILLIC.search(key):
        return bool(key)
    return any(p.tag.POS == "NOUN" for p in _analyzer().parse(key))


def word_forms_ru(word: str, gender: Gender | None = None) -> tuple[str, ...]:
    """Every distinct case and number form of one Russian noun or name, citation form first.

    `word` should be a citation (nominative) form. `gender` matters for surnames and
    patronymics, whose paradigms hold both genders: "Жуков" gives Жуков, Жукова, Жукову, …
    and with gender="femn" Жукова, Жуковой, Жукову, …. Without it the gender of the citation
    form decides. A feminine surname with no feminine paradigm ("Мельник", "Жук") does not
    decline, as Russian grammar has it. The forms keep the capitalisation of `word` and fold
    ё to е, like `lemmas_ru`. A word with no Cyrillic letter is its only form.
    """
    if gender not in (None, "masc", "femn"):
        raise ValueError(f"gender must be 'masc', 'femn' or None, not {gender!r}")
    stripped = word.strip()
    if not stripped:
        return ()
    if not _CYRILLIC.search(stripped):
        return (stripped,)
    forms = _forms(stripped.lower(), gender, _is_capitalised(stripped))
    return tuple(dict.fromkeys(_recase(form, stripped) for form in forms))


@functools.lru_cache(maxsize=4096)
def _forms(word: str, gender: Gender | None, capitalised: bool) -> tuple[str, ...]:
    parses = _analyzer().parse(word)
    best = max(parses, key=lambda p: _citation_rank(p, gender, capitalised))
    wanted = gender or _gender(best)
    # Parses of the same lemma can disagree on the paradigm (a hyphenated place name either
    # declines both halves or the last only); the union keeps the forms each of them allows.
    kind = (best.normal_form, best.tag.POS, _PROPER & best.tag.grammemes)
    lexeme = [
        form
        for parse in parses
        if (parse.normal_form, parse.tag.POS, _PROPER & parse.tag.grammemes) == kind
        for form in parse.lexeme
        if not _NONSTANDARD & form.tag.grammemes
    ]
    singular_genders = {_gender(f) for f in lexeme if "sing" in f.tag.grammemes}
    if wanted == "femn" and not singular_genders & {"femn", _COMMON_GENDER}:
        return (_fold(word),)
    if wanted in ("masc", "femn") and len(singular_genders - {None}) > 1:
        lexeme = [f for f in lexeme if _gender(f) in (wanted, _COMMON_GENDER, None)]
    forms = [_fold(f.word) for f in lexeme]
    # The citation form leads even where the dictionary lists a variant first ("Григориевич").
    lead = [_fold(word)] if _fold(word) in forms else []
    return tuple(dict.fromkeys(lead + forms))


def _citation_rank(
    parse: Parse, gender: Gender | None, capitalised: bool
) -> tuple[bool, bool, bool, float]:
    """Sort key for reading `parse.word` as a citation form: nominative, proper, gender."""
    return (
        parse.tag.case == "nomn",
        capitalised and bool(_PROPER & parse.tag.grammemes),
        gender is None or _gender(parse) in (gender, _COMMON_GENDER),
        parse.score,
    )


def stem_ru(word: str) -> str:
    """Snowball (Porter) Russian stem, lowercase with ё folded: a cheap fallback key."""
    return _snowball_ru().stemWord(_fold(word.strip().lower()))


@functools.cache
def _analyzer() -> MorphAnalyzer:
    # Imported here so that importing this module stays cheap; see the module docstring.
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.cache
def _snowball_ru() -> RussianStemmer:
    import snowballstemmer

    return snowballstemmer.stemmer("russian")


def _gender(parse: Parse) -> str | None:
    """The gender grammeme of a parse as a plain string; None for a plural form."""
    # tag.gender refuses to be compared with "ms-f" (common gender, as of "Лукашенко").
    found = parse.tag.grammemes & _GENDERS
    return next(iter(found)) if found else None


def _fold(text: str) -> str:
    return text.replace("ё", "е")


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _recase(form: str, model: str) -> str:
    """Give `form` the capitalisation of `model`: all caps, or capitals per hyphenated part."""
    if model.isupper() and len(model) > 1:
        return form.upper()
    parts, model_parts = form.split("-"), model.split("-")
    if len(parts) != len(model_parts):
        return form.capitalize() if _is_capitalised(model) else form
    return "-".join(
        part.capitalize() if _is_capitalised(mp) else part
        for part, mp in zip(parts, model_parts, strict=True)
    )
