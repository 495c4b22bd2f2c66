"""The termbase model: concepts holding terms per language, as TBX has it.

A concept, not a word pair, is the unit. Everything is a frozen dataclass, so a change is a
new value (`dataclasses.replace`) and two termbases compare with `==`. What a file holds that
the model has no field for (another tool's data categories, back matter) is kept as `Extra`
elements and written back unchanged, so that reading and writing loses nothing.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from datetime import date


class Status(enum.StrEnum):
    """How far a term may be used: the desk's four statuses."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    FORBIDDEN = "forbidden"

    @property
    def usable(self) -> bool:
        """True for the statuses a translator may write (preferred, admitted)."""
        return self in (Status.PREFERRED, Status.ADMITTED)


class MatchMode(enum.StrEnum):
    """How a term is found in text."""

    INFLECTING = "inflecting"  # any inflected form: lemmas (ru, en) or stems (be)
    EXACT = "exact"  # the written form only (codes, Latin names inside Cyrillic text)
    PATTERN = "pattern"  # a regular expression, for the rare term that needs one


# TBX-Basic picklists: the values a file we write may carry, so that it stays valid.
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "other")
TERM_TYPES = ("fullForm", "shortForm", "abbreviation", "acronym", "variant", "phrase")
GENDERS = ("masculine", "feminine", "neuter", "other")


@dataclass(frozen=True, slots=True)
class Extra:
    """An XML element kept as it was read because the model has no field for it.

    `tag` is the local name of a TBX element, or `{namespace}name` for a foreign one;
    `attrs` keep their order. `text` and `tail` are the character data before the first
    child and after the element; both are empty around elements that hold only elements.
    """

    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    text: str = ""
    children: tuple[Extra, ...] = ()
    tail: str = ""

    def attr(self, name: str) -> str | None:
        """The value of attribute `name`, or None."""
        return next((v for k, v in self.attrs if k == name), None)

    def find(self, tag: str) -> Extra | None:
        """The first child called `tag`, or None."""
        return next((c for c in self.children if c.tag == tag), None)


@dataclass(frozen=True, slots=True)
class Term:
    """One designation of a concept in one language."""

    lang: str
    text: str
    status: Status = Status.ADMITTED
    part_of_speech: str | None = None
    term_type: str | None = None  # TBX termType: fullForm, shortForm, variant, acronym, …
    gender: str | None = None  # TBX grammaticalGender: masculine, feminine, neuter, other
    case_sensitive: bool = False
    match: MatchMode = MatchMode.INFLECTING
    pattern: str | None = None  # the regular expression when match is PATTERN
    note: str | None = None  # for a forbidden term: why it is forbidden
    source: str | None = None
    created: date | None = None
    modified: date | None = None
    extras: tuple[Extra, ...] = ()


SHORT_TERM_TYPES = frozenset({"shortForm", "abbreviation", "acronym"})


def form_class(term: Term) -> str:
    """"short" for abbreviations, acronyms and short forms, else "full".

    A concept may have one preferred term of each class in a language: a preferred full
    form and its preferred acronym (value added tax, VAT) are a pair, not a conflict.
    """
    return "short" if term.term_type in SHORT_TERM_TYPES else "full"


@dataclass(frozen=True, slots=True)
class Concept:
    """A concept entry: its id, what it is about, and its terms, grouped by language.

    The terms of one language are adjacent, languages in order of first appearance;
    construction restores that order if the caller mixed them.
    """

    id: str
    terms: tuple[Term, ...] = ()
    subject: str | None = None
    definition: str | None = None
    note: str | None = None
    created: date | None = None
    modified: date | None = None
    extras: tuple[Extra, ...] = ()
    lang_extras: tuple[tuple[str, tuple[Extra, ...]], ...] = ()  # per language section

    def __post_init__(self) -> None:
        langs = self.languages
        if len(langs) > 1 and any(
            langs.index(a.lang) > langs.index(b.lang)
            for a, b in zip(self.terms, self.terms[1:], strict=False)
        ):
            ordered = tuple(sorted(self.terms, key=lambda t: langs.index(t.lang)))
            object.__setattr__(self, "terms", ordered)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages of this concept, in order of first appearance."""
        seen = dict.fromkeys(t.lang for t in self.terms)
        for lang, _ in self.lang_extras:
            seen.setdefault(lang)
        return tuple(seen)

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        """The terms of one language, in their order."""
        return tuple(t for t in self.terms if t.lang == lang)

    def preferred(self, lang: str) -> Term | None:
        """The first preferred term of `lang`, or None."""
        return next((t for t in self.terms if t.lang == lang and t.status is Status.PREFERRED),
                    None)

    def extras_of(self, lang: str) -> tuple[Extra, ...]:
        """Language-level extras (definitions, notes of the language section) of `lang`."""
        return next((extras for code, extras in self.lang_extras if code == lang), ())


# Keys of the desk settings stored in the TBX header, with what each means.
SETTING_KEYS: dict[str, str] = {
    "name-scheme.ru": "transliteration scheme for English renderings of Russian names",
    "name-scheme.be": "transliteration scheme for English renderings of Belarusian names",
    "name-source": "the language (ru or be) whose form of a name the desk romanizes",
    "languages": "the languages every concept should have, space-separated",
}

DEFAULT_SETTINGS: dict[str, str] = {
    # Wikipedia's Russian romanization is the desk's house style (Aleksandr, Yelena,
    # Grigoryevich, -sky); ASCII keeps Belarusian renderings free of diacritics for English
    # copy (Aliaksandr, not Aliaksandr with a hacek).
    "name-scheme.ru": "wikipedia",
    "name-scheme.be": "be-ascii",
    "name-source": "ru",
    "languages": "",  # empty: the languages the glossary uses
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Desk settings kept in the glossary file; only the ones set explicitly are stored."""

    values: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str:
        """The value of `key`: the stored one, else the default."""
        stored = dict(self.values)
        return stored.get(key, DEFAULT_SETTINGS.get(key, ""))

    def name_scheme(self, lang: str) -> str:
        """The desk's transliteration scheme for names in `lang`."""
        return self.get(f"name-scheme.{lang}")

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages a concept should have; empty when not set."""
        return tuple(self.get("languages").split())

    def with_value(self, key: str, value: str | None) -> Settings:
        """These settings with `key` set to `value` (None removes it)."""
        stored = dict(self.values)
        if value is None:
            stored.pop(key, None)
        else:
            stored[key] = value
        return Settings(tuple(sorted(stored.items())))


@dataclass(frozen=True, slots=True)
class Termbase:
    """A whole glossary: concepts, desk settings, and the TBX header and back matter."""

    concepts: tuple[Concept, ...] = ()
    settings: Settings = field(default_factory=Settings)
    header: tuple[Extra, ...] = field(default_factory=lambda: new_header())  # settings apart
    back: tuple[Extra, ...] = ()  # children of back (reference objects), if any
    lang: str = "en"  # xml:lang of the file: the language of its notes and header

    @property
    def title(self) -> str | None:
        """The title in the header's titleStmt, if there is one."""
        for extra in self.header:
            stmt = extra.find("titleStmt") if extra.tag == "fileDesc" else None
            title = stmt.find("title") if stmt else None
            if title is not None:
                return title.text
        return None

    def concept(self, concept_id: str) -> Concept | None:
        """The concept with this id, or None."""
        return next((c for c in self.concepts if c.id == concept_id), None)

    def with_concept(self, concept: Concept) -> Termbase:
        """This termbase with `concept` added, or replacing the one with its id."""
        out = list(self.concepts)
        for i, old in enumerate(out):
            if old.id == concept.id:
                out[i] = concept
                break
        else:
            out.append(concept)
        return replace(self, concepts=tuple(out))

    def without(self, concept_id: str) -> Termbase:
        """This termbase without the concept `concept_id`."""
        return replace(self, concepts=tuple(c for c in self.concepts if c.id != concept_id))

    def sorted(self) -> Termbase:
        """The same termbase with concepts in file order (natural order of ids)."""
        return replace(self, concepts=tuple(sorted(self.concepts, key=lambda c: id_key(c.id))))

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language used by a term, in order of first appearance."""
        seen: dict[str, None] = {}
        for concept in self.concepts:
            for lang in concept.languages:
                seen.setdefault(lang)
        return tuple(seen)


def new_header(title: str = "transdesk glossary") -> tuple[Extra, ...]:
    """A minimal TBX header: a title and a source description."""
    return (Extra("fileDesc", children=(
        Extra("titleStmt", children=(Extra("title", text=title),)),
        Extra("sourceDesc", children=(Extra("p", text="Written with transdesk."),)),
    )),)


_DIGITS = re.compile(r"(\d+)")


def id_key(concept_id: str) -> tuple[tuple[int, str], ...]:
    """Sort key that puts c2 before c10: digit runs compare as numbers."""
    return tuple((1, f"{int(part):020d}") if part.isdigit() else (0, part)
                 for part in _DIGITS.split(concept_id) if part)
