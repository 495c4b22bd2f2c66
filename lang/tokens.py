"""Tokens with character offsets, for any script.

Decisions (the glossary matcher and the number checks rely on them):
- `word`: letters and digits of any script with combining marks, joined by inner hyphens
  (- ‐ ‑: "Брест-Литовск", "вице-премьер", "Mid-August", "Су-27", "1990-х") and by
  apostrophes between letters (' ’ ʼ ‘ `: "сям'я", "сям’я", "O'Brien", "don't").
  A number glued to letters is one word ("1945г", "5G").
- English clitics are split off a Latin word: "Lukashenko's" is "Lukashenko" + "'s", so a
  term matches inside a possessive; likewise 're, 've, 'll, 'd, 'm. "n't" stays inside
  ("don't"), and a Cyrillic word is never split ("сям'я").
- `number`: digits with inner separators as one token: "1.5", "1,5", "2,000,000",
  "12.05.2024", "9:00", and thousands grouped by a space, no-break space or thin space
  ("1 000", "5 000 000"; so "в 2 100 городах" reads as one number too). Numbers joined
  by a hyphen stay apart: "1941-1945" is "1941", "-", "1945". "60%" is "60" and "%".
- `punct`: Unicode punctuation, one character a token, except that a run of . ? ! …
  ("...", "?!", "!..") is one token. Initials are letter and period tokens: "А.Г." is
  "А", ".", "Г", "." (the same sequence however the initials are spaced).
- `symbol`: everything else ($ € № + = ° emoji), the punctuation characters that stand
  for words or units (% ‰ § ¶ # & * @ † ‡), and whole URLs and e-mail addresses, which
  are neither words to match nor text to translate.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

TokenKind = Literal["word", "number", "punct", "symbol"]


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, its span in the tokenised string, and its kind."""

    text: str
    start: int
    end: int
    kind: TokenKind


_LETTER = r"[^\W\d_]"
_MARK = r"[\u0300-\u036f\u0483-\u0489]"
_APOS = "'’ʼ‘`"
_HYPHENS = "-‐‑"
_GROUP_SPACE = r"[ \u00a0\u202f\u2009]"
_NUMBER = (
    rf"(?>\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,:]\d+)*)"
)
# The tail of a segment is any run of letters, digits and combining marks; written as runs
# of a character class (possessive) rather than one character a step, which is what makes
# the pattern fast: tokenising is the inner loop of glossary matching.
_SEGMENT = rf"(?:{_NUMBER}|{_LETTER}{_MARK}*+)(?:[^\W_]++{_MARK}*+)*+"
_CHAIN = rf"{_SEGMENT}(?:(?:[{_HYPHENS}]|[{_APOS}](?={_LETTER})){_SEGMENT})*"
_URL = r"(?:https?://|ftp://|www\.)[^\s<>«»\"“”]*[^\s<>«»\"“”.,;:!?)\]'’]"
_EMAIL = r"[\w.+-]++@[\w-]+(?:\.[\w-]+)+"
_TERMINALS = r"[.?!…]+"

# Each match is one token with the whitespace before it as the first group, so that
# `findall` (tuples, no match objects: the fast way through a long text) keeps the offsets.
_TOKEN = re.compile(
    rf"(\s*)(?:(?P<url>{_URL})|(?P<chain>{_CHAIN})|(?P<term>{_TERMINALS})|(?P<other>\S))"
)
# E-mail addresses are tried only when the text has an "@": the pattern is costly.
_TOKEN_WITH_EMAIL = re.compile(
    rf"(\s*)(?:(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<chain>{_CHAIN})|"
    rf"(?P<term>{_TERMINALS})|(?P<other>\S))"
)
_CLITIC = re.compile(rf"(?<=[0-9A-Za-z\u00c0-\u024f])[{_APOS}](?:s|re|ve|ll|d|m)$", re.I)
_HAS_LETTER = re.compile(_LETTER)
_HYPHEN_SPLIT = re.compile(rf"([{_HYPHENS}])")
# Unicode files these under punctuation (Po), but they stand for words or units.
_SYMBOL_PUNCT = frozenset("%‰‱§¶#&*@†‡")


def tokenize(text: str) -> list[Token]:
    """All tokens of `text` with their spans; whitespace separates and is dropped."""
    return [Token(*t) for t in token_tuples(text)]


def token_tuples(text: str) -> list[tuple[str, int, int, TokenKind]]:
    """The tokens of `tokenize` as plain (text, start, end, kind) tuples.

    The same decisions without building a Token per token, for the loops that read
    millions of segments (glossary matching, checks).
    """
    tokens: list[tuple[str, int, int, TokenKind]] = []
    append = tokens.append
    pos = 0
    if "@" in text:
        found = [(ws, url or email, chain, term, other)
                 for ws, url, email, chain, term, other in _TOKEN_WITH_EMAIL.findall(text)]
    else:
        found = _TOKEN.findall(text)
    for space, link, chain, term, other in found:
        start = pos + len(space)
        if chain:
            pos = start + len(chain)
            if chain.isalpha():  # the common case, without the chain's finer checks
                append((chain, start, pos, "word"))
            elif chain.isdigit():
                append((chain, start, pos, "number"))
            else:
                tokens.extend(_chain_tokens(chain, start))
        elif link:
            pos = start + len(link)
            append((link, start, pos, "symbol"))
        elif term:
            pos = start + len(term)
            append((term, start, pos, "punct"))
        else:
            pos = start + 1
            is_punct = unicodedata.category(other)[0] == "P" and other not in _SYMBOL_PUNCT
            append((other, start, pos, "punct" if is_punct else "symbol"))
    return tokens


def _chain_tokens(value: str, start: int) -> list[tuple[str, int, int, TokenKind]]:
    """Tokens of a hyphen/apostrophe chain: a word, a number, or numbers and hyphens."""
    if not _HAS_LETTER.search(value):
        tokens: list[tuple[str, int, int, TokenKind]] = []
        offset = start
        for part in _HYPHEN_SPLIT.split(value):
            if part:
                kind: TokenKind = "punct" if part in _HYPHENS else "number"
                tokens.append((part, offset, offset + len(part), kind))
                offset += len(part)
        return tokens
    clitic = None if value.isalnum() else _CLITIC.search(value)
    if clitic:
        cut = clitic.start()
        base: TokenKind = "word" if _HAS_LETTER.search(value[:cut]) else "number"
        return [
            (value[:cut], start, start + cut, base),
            (value[cut:], start + cut, start + len(value), "word"),
        ]
    return [(value, start, start + len(value), "word")]
