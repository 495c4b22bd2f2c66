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
_ALNUM = r"[^\W_]"
_MARK = r"[\u0300-\u036f\u0483-\u0489]"
_APOS = "'’ʼ‘`"
_HYPHENS = "-‐‑"
_GROUP_SPACE = r"[ \u00a0\u202f\u2009]"
_NUMBER = (
    rf"(?>\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,:]\d+)*)"
)
_SEGMENT = rf"(?:{_NUMBER}|{_LETTER}{_MARK}*)(?:{_ALNUM}{_MARK}*)*"
_CHAIN = rf"{_SEGMENT}(?:(?:[{_HYPHENS}]|[{_APOS}](?={_LETTER})){_SEGMENT})*"
_URL = r"(?:https?://|ftp://|www\.)[^\s<>«»\"“”]*[^\s<>«»\"“”.,;:!?)\]'’]"
_EMAIL = r"[\w.+-]++@[\w-]+(?:\.[\w-]+)+"
_TERMINALS = r"[.?!…]+"

_TOKEN = re.compile(
    rf"(?P<url>{_URL})|(?P<chain>{_CHAIN})|(?P<term>{_TERMINALS})|(?P<other>\S)"
)
# E-mail addresses are tried only when the text has an "@": the pattern is costly.
_TOKEN_WITH_EMAIL = re.compile(
    rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<chain>{_CHAIN})|(?P<term>{_TERMINALS})"
    rf"|(?P<other>\S)"
)
_CLITIC = re.compile(rf"(?<=[0-9A-Za-z\u00c0-\u024f])[{_APOS}](?:s|re|ve|ll|d|m)$", re.I)
_HAS_LETTER = re.compile(_LETTER)
_HYPHEN_SPLIT = re.compile(rf"([{_HYPHENS}])")
# Unicode files these under punctuation (Po), but they stand for words or units.
_SYMBOL_PUNCT = frozenset("%‰‱§¶#&*@†‡")


def tokenize(text: str) -> list[Token]:
    """All tokens of `text` with their spans; whitespace separates and is dropped."""
    pattern = _TOKEN_WITH_EMAIL if "@" in text else _TOKEN
    tokens: list[Token] = []
    for match in pattern.finditer(text):
        kind = match.lastgroup
        value, start = match.group(), match.start()
        if kind == "chain":
            if value.isalpha():  # the common case, without the chain's finer checks
                tokens.append(Token(value, start, match.end(), "word"))
            elif value.isdigit():
                tokens.append(Token(value, start, match.end(), "number"))
            else:
                tokens.extend(_chain_tokens(value, start))
        elif kind == "term":
            tokens.append(Token(value, start, match.end(), "punct"))
        elif kind in ("url", "email"):
            tokens.append(Token(value, start, match.end(), "symbol"))
        else:
            is_punct = unicodedata.category(value)[0] == "P" and value not in _SYMBOL_PUNCT
            tokens.append(Token(value, start, match.end(), "punct" if is_punct else "symbol"))
    return tokens


def _chain_tokens(value: str, start: int) -> list[Token]:
    """Tokens of a hyphen/apostrophe chain: a word, a number, or numbers and hyphens."""
    if not _HAS_LETTER.search(value):
        tokens = []
        offset = start
        for part in _HYPHEN_SPLIT.split(value):
            if part:
                kind: TokenKind = "punct" if part in _HYPHENS else "number"
                tokens.append(Token(part, offset, offset + len(part), kind))
                offset += len(part)
        return tokens
    clitic = None if value.isalnum() else _CLITIC.search(value)
    if clitic:
        cut = clitic.start()
        base: TokenKind = "word" if _HAS_LETTER.search(value[:cut]) else "number"
        return [
            Token(value[:cut], start, start + cut, base),
            Token(value[cut:], start + cut, start + len(value), "word"),
        ]
    return [Token(value, start, start + len(value), "word")]
