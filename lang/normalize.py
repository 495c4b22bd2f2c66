"""Normal forms for matching: case, ё, apostrophes, dashes, stress marks, spaces.

Two entry points: `normalize_token` for one token from `lang.tokens`, and
`normalize_for_matching` for a whole phrase (a glossary term, a sentence).

Decisions:
- Case is folded with `str.casefold` (so "ß" becomes "ss"), then ё becomes е.
- Every apostrophe variant (' ’ ʼ ‘ ` ´ ′) becomes "'", so сям'я, сям’я and сямʼя match.
- A dash or hyphen variant (‐ ‑ ‒ – — ― − -) between two letters or digits becomes "-":
  "Брест‑Литовск" and "1941–1945" match "Брест-Литовск" and "1941-1945". A dash standing
  alone between spaces (or as a token of its own) becomes "—", so "Минск – столица",
  "Минск - столица" and "Минск — столица" match; other dashes are left as they are.
- The minus sign U+2212 becomes "-" ("−5" matches "-5").
- The combining acute accent (stress mark: "за́мок") is removed; precomposed letters such
  as "é" keep their accents. Soft hyphens and zero-width characters are removed.
- In phrases, whitespace runs become one space and the ends are trimmed; the result is
  for comparing, not for offsets (offsets come from tokens).
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = "'’ʼ‘`´′"
DASHES = "-‐‑‒–—―−"
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

# Tables built once; str.translate is the fast path for character-to-character maps.
_CASE_TABLE = str.maketrans({"ё": "е", "Ё": "Е"})
_TABLE = str.maketrans(
    {
        **{ch: "'" for ch in APOSTROPHES},
        "ё": "е",
        "Ё": "Е",
        "\u2212": "-",  # the minus sign is a hyphen-minus wherever it stands
        "\u0301": None,  # combining acute: a stress mark on Cyrillic vowels
        **{ch: None for ch in INVISIBLE},
    }
)
_DASH_TO_HYPHEN = str.maketrans({ch: "-" for ch in DASHES})
_INNER_DASH = re.compile(rf"(?<=[^\W_])[{re.escape(DASHES)}](?=[^\W_])")
_LONE_DASH = re.compile(rf"(?:(?<=\s)|^)[{re.escape(DASHES)}]+(?=\s|$)")
_SPACES = re.compile(r"\s+")


def fold_case(text: str) -> str:
    """Case-folded text in NFC with ё as е: "Ёлка" and "ЕЛКА" both give "елка"."""
    return unicodedata.normalize("NFC", text).casefold().translate(_CASE_TABLE)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().translate(_TABLE)


def normalize_token(token: str) -> str:
    """The matching form of one token: folded case, ё→е, one apostrophe, one hyphen.

    A token made only of dashes ("—", "–", "-") becomes "—"; dashes inside a token
    ("вице‑премьер") become "-".
    """
    folded = _fold(token)
    if folded and all(ch in DASHES for ch in folded):
        return "—"
    return folded.translate(_DASH_TO_HYPHEN)


def normalize_for_matching(text: str) -> str:
    """The matching form of a phrase: as `normalize_token` per word, spaces collapsed."""
    folded = _INNER_DASH.sub("-", _fold(text))
    folded = _LONE_DASH.sub("—", folded)
    return _SPACES.sub(" ", folded).strip()
