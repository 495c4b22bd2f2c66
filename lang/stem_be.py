"""A Belarusian stemmer in the manner of Snowball, written here for term matching.

No offline Belarusian lemmatiser exists on PyPI, so `stem_be` reduces the case and number
forms of a noun, adjective or name to one key: "вайна", "вайны", "вайне", "вайну", "вайной"
all give "вайн"; "Рэспубліка" and "Рэспубліцы" both give "рэспублік". The key is for
matching, not display. It works in four steps:

1. Spelling: lowercase; one apostrophe; a Latin "i" typed for "і"; word-initial "ў" to "у"
   (ўрад, урад); doubled consonants single (Беларуссю, пытанне); "ў" to "в" (Кіеў, Кіева).
2. Soft dental affricates back to their plain stops: "ц" and "дз" before е, і, ё, ю, я, ь
   become "т" and "д". Belarusian has no soft т or д (цеканне, дзеканне), so the mapping
   loses nothing, and it joins савет/савеце, сход/сходзе, радасць/радасці.
3. One inflectional ending off, the longest in `ENDINGS`, inside the region after the first
   vowel (Snowball's RV), so that short words (за, ён, мір) are left whole.
4. Stem end: a vowel left behind by a й-stem goes (Мікалай, Мікалаем); the velar
   alternation of the dative and locative is undone, "ц" to "к" (Рэспубліцы) and "з" to
   "г" (дарозе); a stem in -ог loses it, as the nominative of its noun lost -ога to the
   adjective ending (перамога, перамогі). "с" is not turned back into "х": the few
   feminine nouns in -ха (муха, мусе) are not worth confusing рух with Русь or клас with
   клах.

What it does not do: the stressed/unstressed vowel alternations (Пётр/Пятра, вайна/войны,
горад/гарады), fleeting vowels (хлопец/хлопца, дзень/дня), the genitive plural in -аў,
which it cannot tell from a nominative such as Жукаў or Барысаў, and verb inflection.
tests/lang/test_stem_be.py measures what share of real paradigms it joins and which
look-alike words it confuses.
"""

from __future__ import annotations

import functools
import re

# Inflectional endings as they look after step 1 and 2, with words that show them.
# Longest match wins, so the order inside the tuple does not matter.
ENDINGS: tuple[str, ...] = (
    # adjectives, also adjectival surnames (Ціханоўская) and participles
    "ага", "яга", "ога",  # Вялікага, сіняга, маладога
    "аму", "яму", "ому",  # Вялікаму, сіняму, маладому
    "ымі", "імі",  # народнымі, Вялікімі
    "ая", "яя",  # Вялікая, сіняя
    "ую", "юю",  # Вялікую, сінюю
    "аю", "яю",  # Вялікаю; nouns: дзяржаваю, воляю
    "ае", "яе", "ое",  # Саюзнае, сіняе, маладое
    "ыя", "ія",  # Вялікія, народныя; nouns: Расія, Канстытуцыя
    "ых", "іх",  # Вялікіх, народных
    "ым", "ім",  # Вялікім, Жукавым
    "ай", "яй", "ой", "ёй",  # Вялікай, Святланай; вайной, зямлёй
    "ою", "ёю",  # вайною, зямлёю
    # nouns in -ія/-ыя keep nothing of the ія: Расія, Расіі, Расію, Расіяй
    "ыямі", "іямі", "ыям", "іям", "ыях", "іях", "ыяй", "іяй", "ыяю", "іяю",
    "ыі", "іі", "ыю", "ію", "ый", "ій",  # Канстытуцыі, Расію, Дзмітрый
    # nouns
    "амі", "ямі",  # войнамі, зямлямі
    "ам", "ям", "ом", "ём", "ем",  # Аляксандрам, войнам; Пятром, днём, пытаннем
    "ах", "ях",  # войнах, зямлях
    "а", "я",  # вайна, Аляксандра, Гомеля
    "у", "ю",  # вайну, Мінску, Сяргею
    "е", "э",  # вайне, савеце; рацэ
    "ы", "і",  # вайны, Рэспубліцы; Беларусі, Гомелі
    "о", "ё",  # neuters: сяло, акно; жыццё
    "ь", "й",  # Беларусь, Гомель; Сяргей, Мікалай
)  # fmt: skip

_VOWELS = frozenset("аеёіоуыэюя")

# Soft vowels and the soft sign: before them ц and дз are the soft т and д (step 2).
_SOFTENING = "еёіюяь"

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})
_LATIN_I = str.maketrans({"i": "і"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DOUBLED = re.compile(r"([бвгджзйклмнпрстўфхцчш])\1")
_SOFT_D = re.compile(f"дз(?=[{_SOFTENING}])")
_SOFT_T = re.compile(f"ц(?=[{_SOFTENING}])")
_ENDINGS_LONGEST_FIRST = tuple(sorted(set(ENDINGS), key=len, reverse=True))

# Velar alternants at the stem end after the ending is gone (step 4), with the alternation
# they undo: Рэспубліка/Рэспубліцы, дарога/дарозе. "дз" is a sound of its own, not з.
_STEM_END: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ц$"), "к"),
    (re.compile(r"(?<!д)з$"), "г"),
)


def stem_be(word: str) -> str:
    """The matching stem of a Belarusian word; other words come back lowercased.

    Hyphenated words are stemmed part by part (Брэст-Літоўска -> брэст-літовск).
    """
    return _stem(word.strip().lower().translate(_APOSTROPHES))


@functools.lru_cache(maxsize=1 << 16)
def _stem(text: str) -> str:
    if not _CYRILLIC.search(text):
        return text
    return "-".join(_stem_part(part) for part in text.translate(_LATIN_I).split("-"))


def _stem_part(word: str) -> str:
    word = _respell(word)
    start = _region_start(word)
    for ending in _ENDINGS_LONGEST_FIRST:
        if word.endswith(ending) and len(word) - len(ending) >= start:
            word = word[: -len(ending)]
            break
    return _tidy_stem_end(word, start)


def _respell(word: str) -> str:
    """Steps 1 and 2: one spelling for sounds that alternate inside a paradigm."""
    if word.startswith("ў"):
        word = "у" + word[1:]  # ў after a vowel-final word is only a spelling of у
    word = _DOUBLED.sub(r"\1", word)
    word = _SOFT_D.sub("д", word)
    word = _SOFT_T.sub("т", word)
    return word.replace("ў", "в")


def _region_start(word: str) -> int:
    """Snowball's RV: the index after the first vowel (the whole word if none)."""
    for i, ch in enumerate(word):
        if ch in _VOWELS:
            return i + 1
    return len(word)


def _tidy_stem_end(stem: str, start: int) -> str:
    """Step 4: drop a vowel left by a й-stem and undo the velar alternation."""
    stem = stem.rstrip("'")  # сям'я -> сям'
    if len(stem) > start and stem[-1] in _VOWELS:
        stem = stem[:-1]  # Мікала(ем), музе(я), Дзмітры(ем)
    for pattern, replacement in _STEM_END:
        stem = pattern.sub(replacement, stem)
    # The stressed adjective genitive -ога (другога) also ends nouns in -ога (перамога,
    # дапамога), whose nominative then loses the whole -ога; their other forms (перамогі,
    # перамозе) follow by losing the -ог the ending left behind. The unstressed -ага gets
    # no such help: "дараг" (дарагі) would meet дарога and "вораг" вор, while only the
    # nominative of увага, павага is lost.
    if stem.endswith("ог") and len(stem) - 2 >= start:
        stem = stem[:-2]
    return stem
