"""Whole-text cleaning applied by every file reader before anything else looks at the text.

Decisions:
- Line breaks become "\\n": CRLF, lone CR, NEL (U+0085), LINE SEPARATOR (U+2028) and the
  vertical tab (Word's manual line break); PARAGRAPH SEPARATOR (U+2029) and the form feed
  (a page break) become a blank line, "\\n\\n", so they still part paragraphs.
- Invisible characters are removed: soft hyphen U+00AD, zero-width space U+200B, ZWNJ
  U+200C, ZWJ U+200D, word joiner U+2060 and the byte-order mark U+FEFF anywhere.
- Unicode spaces become a plain space: no-break U+00A0, U+1680, U+2000–U+200A, narrow
  no-break U+202F, U+205F, ideographic U+3000. The no-break space in "1 000" or
  "Минск,\\u00a0— сказал" carries no meaning the later steps need (the tokeniser joins
  thousands grouped by a plain space too) and matching wants one kind of space.
  Tabs are kept.
- Then Unicode NFC, so "у" + combining breve is "ў" and "е" + diaeresis is "ё"
  (after the removals, so a zero-width character cannot keep a letter from composing).
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_TABLE = str.maketrans(
    {
        **{ch: None for ch in _INVISIBLE},
        **{ch: " " for ch in _SPACES},
        "\x85": "\n",
        "\u2028": "\n",
        "\x0b": "\n",
        "\u2029": "\n\n",
        "\x0c": "\n\n",
    }
)
_CR = re.compile(r"\r\n?")


def clean_text(text: str) -> str:
    """The text with unified line breaks and spaces, no invisible characters, in NFC."""
    if "\r" in text:
        text = _CR.sub("\n", text)
    return unicodedata.normalize("NFC", text.translate(_TABLE))
