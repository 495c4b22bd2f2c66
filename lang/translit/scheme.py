"""What a transliteration scheme is, and the checks a scheme must pass when it is loaded.

A scheme is data, after iuliia: a letter table, plus rules keyed on the previous letter,
the next letter and the word ending, plus the scheme's own samples.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

# Context markers for rule keys. They are not letters, so a rule keyed on them can never
# collide with a real neighbour.
START = "^"  # in `after`: the letter opens the word
END = "$"  # in `before`: the letter closes the word

APOSTROPHE = "'"
"""The Belarusian apostrophe (сям'я). Inside a word, ’ and ʼ are read as this one."""

ALPHABETS: Mapping[str, str] = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    # ґ is not in the official alphabet, but names and Taraškievica texts use it and BGN/PCGN
    # lists it; the apostrophe is a letter here because it changes the next vowel.
    "be": "абвгґдеёжзійклмнопрстуўфхцчшыьэюя" + APOSTROPHE,
}
"""Lower-case letters every scheme of a language must map."""

VOWELS: Mapping[str, str] = {
    "ru": "аеёиоуыэюя",
    # и is not Belarusian, but Belarusian schemes map it (Russian spellings of names).
    "be": "аеёіоуыэюяи",
}


def is_cyrillic(char: str) -> bool:
    """True for a character of the Cyrillic and Cyrillic Supplement blocks."""
    return "\u0400" <= char <= "\u052f"


@dataclass(frozen=True, eq=False)
class Scheme:
    """One transliteration scheme: its provenance, its tables and its samples.

    Lookup order for a letter: `endings` (whole word ending), `after` (keyed on the
    previous letter or START), `before` (keyed on the next letter or END), `letters`.
    All keys are lower case; case is put back by the engine.
    """

    name: str
    language: str
    title: str
    source: str
    """The document that defines the scheme, with a URL or publication reference."""
    letters: Mapping[str, str]
    samples: tuple[tuple[str, str], ...]
    after: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """letter -> {previous letter or START -> rendering}"""
    before: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """letter -> {next letter or END -> rendering}"""
    endings: Mapping[str, str] = field(default_factory=dict)
    """word ending (two letters or more) -> rendering of the whole ending"""
    capitals: Mapping[str, str] = field(default_factory=dict)
    """rendering -> its form for a capital letter in a mixed-case word (default: first
    character upper-cased). ALA-LC writes Ю as I͡U, not I͡u."""
    notes: str = ""
    """The decisions taken where the source leaves a choice, and their reasons."""


class SchemeError(ValueError):
    """A scheme's data is inconsistent: a bug in the scheme, caught when it is loaded."""


def when(letters: str, rendering: str) -> dict[str, str]:
    """Context table giving `rendering` for each of `letters` (or markers) as neighbour."""
    return dict.fromkeys(letters, rendering)


def validate(scheme: Scheme) -> None:
    """Raise SchemeError naming the first problem in `scheme`, if it has one."""

    def fail(problem: str) -> SchemeError:
        return SchemeError(f"transliteration scheme {scheme.name!r}: {problem}")

    if not scheme.name or scheme.name != scheme.name.strip().lower() or " " in scheme.name:
        raise fail("the name must be lower case without spaces")
    if scheme.language not in ALPHABETS:
        known = ", ".join(sorted(ALPHABETS))
        raise fail(f"unknown language {scheme.language!r} (known: {known})")
    if not scheme.title or not scheme.source:
        raise fail("a scheme needs a title and a source")

    alphabet = ALPHABETS[scheme.language]
    for letter in alphabet:
        if letter not in scheme.letters:
            raise fail(f"letter {letter!r} of the {scheme.language} alphabet has no mapping")
    for letter, rendering in scheme.letters.items():
        if len(letter) != 1 or not (is_cyrillic(letter) or letter == APOSTROPHE):
            raise fail(f"mapping key {letter!r} is not a single Cyrillic letter")
        if letter != letter.lower():
            raise fail(f"mapping key {letter!r} is not lower case")
        _check_latin(rendering, f"mapping of {letter!r}", fail)

    known_letters = set(scheme.letters)
    for table_name, table, marker in (
        ("after", scheme.after, START),
        ("before", scheme.before, END),
    ):
        for letter, contexts in table.items():
            if letter not in known_letters:
                raise fail(f"{table_name} rule for {letter!r}, which has no mapping")
            for neighbour, rendering in contexts.items():
                if len(neighbour) != 1 or neighbour not in known_letters | {marker}:
                    raise fail(
                        f"{table_name} rule for {letter!r}: key {neighbour!r} is not a single"
                        f" letter of the scheme or {marker!r}"
                    )
                _check_latin(rendering, f"{table_name} rule {letter!r}/{neighbour!r}", fail)

    for ending, rendering in scheme.endings.items():
        if len(ending) < 2 or not set(ending) <= known_letters:
            raise fail(f"ending {ending!r} must be two or more letters of the scheme")
        _check_latin(rendering, f"ending {ending!r}", fail)

    for rendering, capital in scheme.capitals.items():
        if capital.lower() != rendering.lower():
            raise fail(f"capital {capital!r} is not a case form of {rendering!r}")

    if not scheme.samples:
        raise fail("a scheme must carry samples")
    for sample in scheme.samples:
        if len(sample) != 2 or not all(isinstance(part, str) for part in sample):
            raise fail(f"sample {sample!r} is not a (source, expected) pair of strings")
        source, expected = sample
        if not any(char.lower() in alphabet for char in source):
            raise fail(f"sample source {source!r} has no {scheme.language} letter")
        if any(is_cyrillic(char) for char in expected):
            raise fail(f"sample {source!r}: expected output {expected!r} is not Latin")


def _check_latin(rendering: object, what: str, fail: Callable[[str], SchemeError]) -> None:
    if not isinstance(rendering, str):
        raise fail(f"{what} is not a string")
    if any(is_cyrillic(char) for char in rendering):
        # The very leak this package exists to avoid (iuliia maps ё to ё in some schemes).
        raise fail(f"{what} is {rendering!r}, which contains Cyrillic")
