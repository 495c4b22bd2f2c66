"""The Language profile: one object that says what transdesk knows about a language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lang.normalize import normalize_token
from lang.sentences import split_sentences
from lang.tokens import Token, tokenize


@dataclass(frozen=True)
class Language:
    """What we know of one language; ru, be and en are full, others generic.

    `base_forms` maps one word to its candidate base forms (all lemmas of an ambiguous
    Russian form, an English lemma, a Belarusian stem, or the normalised word itself),
    already normalised for matching.
    """

    code: str
    name: str
    full: bool
    base_forms: Callable[[str], tuple[str, ...]]
    name_scheme: str | None = None

    def split_sentences(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans of one paragraph of text."""
        return split_sentences(text, self.code)

    def tokenize(self, text: str) -> list[Token]:
        """Tokens with their character spans."""
        return tokenize(text)

    def normalize(self, word: str) -> str:
        """The form of a word used for matching (case, ё, apostrophes, dashes)."""
        return normalize_token(word)


def identity_forms(word: str) -> tuple[str, ...]:
    """Base forms for a language without morphology: the normalised word itself."""
    return (normalize_token(word),)
