"""Apply a scheme to text: find Cyrillic words, render each letter in context, restore case."""

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .scheme import APOSTROPHE, END, START, Scheme, validate

_LETTER = "[\u0400-\u052f]"
# Combining marks may follow a letter: stress accents (за́мок) and decomposed ё/й.
_LETTER_RUN = f"{_LETTER}[\u0400-\u052f\u0300-\u036f]*"
_APOSTROPHES = "'\u2019\u02bc"  # ' ’ ʼ: all three are used for the Belarusian apostrophe
_TO_APOSTROPHE = str.maketrans(dict.fromkeys(_APOSTROPHES, APOSTROPHE))

# A word is a run of Cyrillic letters; any Cyrillic letter belongs to the word, even one the
# scheme does not map, so that it still counts as a neighbour for context rules.
_WORD = re.compile(_LETTER_RUN)
# In Belarusian an apostrophe between letters is part of the word (сям'я).
_WORD_WITH_APOSTROPHES = re.compile(f"{_LETTER_RUN}(?:[{_APOSTROPHES}]{_LETTER_RUN})*")

_MEMO_WORDS = 65_536  # distinct words remembered per scheme; a few MB at most


@dataclass(frozen=True, eq=False)
class CompiledScheme:
    """A validated scheme flattened into lookup tables, built once when the module loads."""

    scheme: Scheme
    letters: Mapping[str, str]
    after: Mapping[str, str]  # previous + letter -> rendering
    before: Mapping[str, str]  # letter + next -> rendering
    endings: tuple[tuple[str, str], ...]  # longest first, so the most specific wins
    capitals: Mapping[str, str]
    words: re.Pattern[str]
    # Running text repeats its words (Zipf), so a bounded memo of rendered words pays.
    _memo: Callable[[str], str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_memo", lru_cache(maxsize=_MEMO_WORDS)(self.render_word))

    def transliterate(self, text: str) -> str:
        """Render every Cyrillic word of `text`; everything else is left as it is."""
        memo = self._memo
        return self.words.sub(lambda match: memo(match.group()), text)

    def render_word(self, word: str) -> str:
        """Render one word (Cyrillic letters, perhaps with inner apostrophes)."""
        if not unicodedata.is_normalized("NFC", word):
            word = unicodedata.normalize("NFC", word)
        if any(unicodedata.combining(char) for char in word):
            # Stress marks left after NFC carry no letter of their own in any scheme.
            word = "".join(char for char in word if not unicodedata.combining(char))
        word = word.translate(_TO_APOSTROPHE)
        lower = word.lower()
        size = len(lower)
        out = [""] * size
        own = [True] * size  # False for letters the scheme does not know: kept as written

        stop = size
        for ending, rendering in self.endings:
            if size > len(ending) and lower.endswith(ending):
                stop = size - len(ending)
                out[stop] = rendering
                break

        after, before, letters = self.after, self.before, self.letters
        for index in range(stop):
            letter = lower[index]
            previous = lower[index - 1] if index else START
            following = lower[index + 1] if index + 1 < size else END
            rendering = after.get(previous + letter)
            if rendering is None:
                rendering = before.get(letter + following)
            if rendering is None:
                rendering = letters.get(letter)
            if rendering is None:
                rendering = word[index]
                own[index] = False
            out[index] = rendering

        if word == lower:
            return "".join(out)
        return "".join(self._restore_case(word, out, own))

    def _restore_case(self, word: str, out: list[str], own: list[bool]) -> list[str]:
        """Upper-case the renderings of capitals: whole in a run of capitals, else title."""
        cased = [index for index, char in enumerate(word) if char.isupper() or char.islower()]
        for position, index in enumerate(cased):
            if not own[index] or not word[index].isupper():
                continue
            # A capital next to another capital is part of an upper-case run (ЩУКИН, ЦРУ);
            # alone it is a title capital (Щукин -> Shchukin, not SHCHukin).
            left = position > 0 and word[cased[position - 1]].isupper()
            right = position + 1 < len(cased) and word[cased[position + 1]].isupper()
            rendering = out[index]
            if left or right:
                out[index] = rendering.upper()
            else:
                out[index] = self.capitals.get(rendering) or rendering[:1].upper() + rendering[1:]
        return out


def compile_scheme(scheme: Scheme) -> CompiledScheme:
    """Validate `scheme` and build its lookup tables."""
    validate(scheme)
    return CompiledScheme(
        scheme=scheme,
        letters=dict(scheme.letters),
        after={
            neighbour + letter: rendering
            for letter, contexts in scheme.after.items()
            for neighbour, rendering in contexts.items()
        },
        before={
            letter + neighbour: rendering
            for letter, contexts in scheme.before.items()
            for neighbour, rendering in contexts.items()
        },
        endings=tuple(sorted(scheme.endings.items(), key=lambda item: -len(item[0]))),
        capitals=dict(scheme.capitals),
        words=_WORD_WITH_APOSTROPHES if APOSTROPHE in scheme.letters else _WORD,
    )
