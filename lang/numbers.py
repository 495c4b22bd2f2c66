"""Numbers in running text, written the same way whatever the local conventions.

"1 000", "1,000" and "1000" are one number; "2,5" and "2.5" are one; a date "12.05.2024"
gives its day, month and year, and so does "9 мая 1945" or "9 May 1945" (a month name next to
a number becomes the month's number). Digits glued to words count too ("1990-х", "Су-27",
"80th"). Number words for small numbers ("три", "тры", "three", "восемьдесят пять") and the
multipliers after a number ("380 тысяч", "8,5 млн", "5.3 million") are read as well, so that
"380 тысяч" meets "380,000" and "восемьдесят" meets "eighty".

Two users: the aligner's number evidence (`canonical_numbers`, `month_number`) and the
glossary's number check (`number_items`, which adds number words and multipliers).

Decisions:
- A number written in digits is *strong*: a translation should carry it. A number word is
  *weak*: "один" and "one" also mean "alone" and "the one", so a check reports a weak number
  only when the other side has a number of its own left unpaired.
- An item holds every value it may stand for: "380 тысяч" is {380, 380000}, "9:00" is
  {9:0, 9}. Two items meet when they share a value.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lang.normalize import fold_case

# Month names by the start of their (case-folded) forms, so inflected forms match:
# "мая", "травеня", "janvier", "März". Only consulted next to a number ("9 May", not "may").
# A start of four letters or fewer must be the whole word, so the inflected forms of the
# short ones are listed ("июня", "марта").
MONTH_PREFIXES: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, ("январ", "студзен", "january", "jan", "januar", "janvier", "gennaio", "enero")),
    (2, ("феврал", "лют", "лютага", "лютым", "february", "feb", "februar", "février",
         "fevrier", "febbraio")),
    (3, ("март", "марта", "марте", "сакавік", "march", "mar", "märz", "marz", "mars", "marzo")),
    (4, ("апрел", "красавік", "april", "apr", "avril", "aprile", "abril")),
    (5, ("май", "мая", "мае", "маю", "травен", "траўн", "may", "mai", "maggio", "mayo")),
    (6, ("июн", "июнь", "июня", "июне", "чэрвен", "june", "jun", "juni", "juin", "giugno",
         "junio")),
    (7, ("июл", "июль", "июля", "июле", "ліпен", "ліпн", "july", "jul", "juli", "juillet",
         "luglio", "julio")),
    (8, ("август", "жнівен", "жніўн", "august", "aug", "août", "aout", "agosto")),
    (9, ("сентябр", "верас", "september", "sep", "sept", "septembre", "settembre")),
    (10, ("октябр", "кастрычні", "october", "oct", "oktober", "octobre", "ottobre")),
    (11, ("ноябр", "лістапад", "november", "nov", "novembre", "noviembre")),
    (12, ("декабр", "снежан", "снежн", "december", "dec", "dezember", "décembre", "dicembre")),
)
# Abbreviations and short names must be the whole word; longer stems may be followed by
# an ending ("декабря", "Dezember").
_WHOLE_WORD_MAX = 4

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")
_DIGIT_RUN = re.compile(r"\d+")

# Number words: the base value of each, with the forms it takes. Russian forms come from
# the dictionary (every case of the lemma); Belarusian and English are listed.
_RU_WORDS: tuple[tuple[int, str], ...] = (
    (0, "ноль"), (1, "один"), (2, "два"), (3, "три"), (4, "четыре"), (5, "пять"),
    (6, "шесть"), (7, "семь"), (8, "восемь"), (9, "девять"), (10, "десять"),
    (11, "одиннадцать"), (12, "двенадцать"), (13, "тринадцать"), (14, "четырнадцать"),
    (15, "пятнадцать"), (16, "шестнадцать"), (17, "семнадцать"), (18, "восемнадцать"),
    (19, "девятнадцать"), (20, "двадцать"), (30, "тридцать"), (40, "сорок"),
    (50, "пятьдесят"), (60, "шестьдесят"), (70, "семьдесят"), (80, "восемьдесят"),
    (90, "девяносто"), (100, "сто"),
)  # fmt: skip
_RU_MULTIPLIERS: tuple[tuple[int, str], ...] = (
    (1000, "тысяча"), (10**6, "миллион"), (10**9, "миллиард"), (10**12, "триллион"),
)
_BE_WORDS: dict[int, str] = {
    0: "нуль ноль", 1: "адзін адна адно адны аднаго адной адною аднаму аднім адным адну адных",
    2: "два дзве двух двум двума двюма", 3: "тры трох тром трыма",
    4: "чатыры чатырох чатыром чатырма", 5: "пяць пяці пяццю", 6: "шэсць шасці шасцю",
    7: "сем сямі сямю", 8: "восем васьмі васьмю", 9: "дзевяць дзевяці дзевяццю",
    10: "дзесяць дзесяці дзесяццю", 11: "адзінаццаць адзінаццаці",
    12: "дванаццаць дванаццаці", 13: "трынаццаць трынаццаці",
    14: "чатырнаццаць чатырнаццаці", 15: "пятнаццаць пятнаццаці",
    16: "шаснаццаць шаснаццаці", 17: "сямнаццаць сямнаццаці",
    18: "васямнаццаць васямнаццаці", 19: "дзевятнаццаць дзевятнаццаці",
    20: "дваццаць дваццаці", 30: "трыццаць трыццаці", 40: "сорак сарака",
    50: "пяцьдзесят пяцідзесяці", 60: "шэсцьдзесят шасцідзесяці",
    70: "семдзесят сямідзесяці", 80: "восемдзесят васьмідзесяці", 90: "дзевяноста",
    100: "сто ста",
}
_BE_MULTIPLIERS: dict[int, str] = {
    1000: "тысяча тысячы тысяч тысячу тысячай тысячаю тысячах тысячам тысячамі",
    10**6: "мільён мільёна мільёны мільёнаў мільёну мільёнам мільёнамі мільёнах мільёне",
    10**9: "мільярд мільярда мільярды мільярдаў мільярду мільярдам мільярдамі мільярдах",
}
_EN_WORDS: dict[int, str] = {
    0: "zero", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
    8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen",
    14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen",
    19: "nineteen", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty",
    70: "seventy", 80: "eighty", 90: "ninety",
}
_EN_MULTIPLIERS: dict[int, str] = {
    100: "hundred", 1000: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion",
}
# Abbreviated multipliers, the same in Russian and Belarusian ("тыс.", "млн", "млрд").
_ABBREVIATED: dict[str, int] = {
    "тыс": 1000, "млн": 10**6, "млрд": 10**9, "трлн": 10**12, "bn": 10**9, "mln": 10**6,
}


@dataclass(frozen=True, slots=True)
class NumberItem:
    """One number of a text: the values it may stand for, its span, and how sure we are."""

    values: frozenset[str]
    start: int
    end: int
    text: str
    strong: bool  # written in digits (or a month next to digits); False: a number word


def canonical_numbers(text: str) -> list[str]:
    """A number token's values: "1 000" -> ["1000"], "2,50" -> ["2.5"], a date -> 3 parts."""
    t = _SPACES.sub("", text)
    if ":" in t:  # a time such as 9:00 or a score such as 2:1
        return [":".join(str(int(p)) for p in t.split(":") if p)]
    seps = [ch for ch in t if ch in ".,"]
    if not seps:
        return [str(int(t))]
    parts = re.split(r"[.,]", t)
    if len(set(seps)) == 2:
        # "1,000.5" or "1.000,5": the last separator is the decimal point.
        whole = "".join(parts[:-1])
        return [_decimal(whole, parts[-1])]
    if len(parts) > 2:
        if all(len(p) == 3 for p in parts[1:]):
            return [str(int("".join(parts)))]  # "2,000,000"
        return [str(int(p)) for p in parts if p]  # a date "12.05.2024"
    whole, frac = parts
    if len(frac) == 3 and whole and whole != "0":
        return [str(int(whole + frac))]  # "1,000": thousands, the common reading in news
    return [_decimal(whole, frac)]


@functools.lru_cache(maxsize=1 << 14)
def month_number(word: str) -> int | None:
    """1..12 when `word` is a month name in a language we know, else None."""
    w = fold_case(word).rstrip(".")
    for number, prefixes in MONTH_PREFIXES:
        for p in prefixes:
            if w == p or (len(p) > _WHOLE_WORD_MAX and w.startswith(p)):
                return number
    return None


def has_numbers(tokens: Sequence[tuple[str, int, int, str]], lang: str) -> bool:
    """Whether a text may hold a number: a number token, digits in a word, or a number word
    of `lang`. A quick test for the texts, most of them, that have none."""
    known = _number_word_cache(lang)
    for text, _start, _end, kind in tokens:
        if kind == "number":
            return True
        if kind == "word":
            found = known.get(text)
            if found is None:
                if text.isalpha():
                    found = text.lower().replace("ё", "е") in _word_table(lang)
                else:
                    found = any(ch.isdigit() for ch in text) or "-" in text
                if len(known) > 1 << 17:
                    known.clear()
                known[text] = found
            if found:
                return True
    return False


@functools.cache
def _number_word_cache(lang: str) -> dict[str, bool]:
    """Per language: whether a written word is (or holds) a number, as has_numbers found."""
    return {}


def number_word(word: str, lang: str) -> tuple[int, bool] | None:
    """(value, is_multiplier) of a number word of `lang` in any form, else None.

    "восьмидесяти" -> (80, False), "тысяч" -> (1000, True), "Eighty" -> (80, False).
    """
    return _word_table(lang).get(fold_case(word).rstrip("."))


def number_items(tokens: Sequence[tuple[str, int, int, str]], lang: str) -> list[NumberItem]:
    """The numbers of one text from its tokens (`lang.tokens.token_tuples`), in text order.

    Adjacent number words combine ("восемьдесят пять" is 85); a multiplier after a number
    adds the product to its values ("380 тысяч" is {380, 380000}); a month name next to a
    number is the month's number.
    """
    words = bool(_word_table(lang))
    # Month names count only next to a number: find those places first.
    near = set()
    for k, token in enumerate(tokens):
        if token[3] == "number":
            near.update((k - 1, k + 1))
    items: list[NumberItem] = []
    last_end = -2  # index of the token that ended the previous item
    for k, (text, start, end, kind) in enumerate(tokens):
        if kind == "number":
            values = canonical_numbers(text)
            if len(values) == 1:
                items.append(NumberItem(_with_hour(values[0]), start, end, text, True))
            else:  # a date: each part on its own
                items.extend(NumberItem(frozenset({v}), start, end, text, True)
                             for v in values)
            last_end = k
            continue
        if kind != "word":
            continue
        if not text.isalpha():
            runs = _DIGIT_RUN.findall(text)
            if runs:
                items.extend(NumberItem(frozenset({str(int(r))}), start, end, text, True)
                             for r in runs)
                last_end = k
                continue
        found = _word_value(text, lang) if words else None
        if found is not None:
            value, multiplier = found
            previous = items[-1] if items and last_end == k - 1 else None
            if multiplier and previous is not None:
                items[-1] = _multiplied(previous, value, end, text)
            elif not multiplier and previous is not None and not previous.strong and \
                    _adds_up(previous, value):
                total = str(int(next(iter(previous.values))) + value)
                items[-1] = NumberItem(frozenset({total}), previous.start, end,
                                       previous.text + " " + text, False)
            else:
                items.append(NumberItem(frozenset({str(value)}), start, end, text, False))
            last_end = k
            continue
        if k in near and text[:1].isalpha():
            month = month_number(text)
            if month is not None:
                items.append(NumberItem(frozenset({str(month)}), start, end, text, True))
                last_end = k
    return items


@functools.lru_cache(maxsize=1 << 16)
def _word_value(text: str, lang: str) -> tuple[int, bool] | None:
    """The value of a number word, also of a hyphenated one ("eighty-five", "сорок-пятьдесят"
    is not one: only tens and units join). Cached: it runs on every word of a checked text."""
    table = _word_table(lang)
    key = fold_case(text).rstrip(".").replace("‐", "-").replace("‑", "-")
    found = table.get(key)
    if found is not None or "-" not in key:
        return found
    parts = [table.get(part) for part in key.split("-")]
    if len(parts) == 2 and parts[0] and parts[1] and not parts[0][1] and not parts[1][1]:
        tens, units = parts[0][0], parts[1][0]
        if tens % 10 == 0 and 20 <= tens <= 90 and 0 < units < 10:
            return tens + units, False
    return None


def _with_hour(value: str) -> frozenset[str]:
    """"9:0" may be written "9 a.m." or "9 часов": the hour alone is also a value."""
    if ":" in value:
        hour, _, minutes = value.partition(":")
        if minutes == "0":
            return frozenset({value, hour})
    return frozenset({value})


def _multiplied(item: NumberItem, factor: int, end: int, word: str) -> NumberItem:
    values = set(item.values)
    for v in item.values:
        try:
            product = Decimal(v) * factor
        except InvalidOperation:  # a time such as 9:0
            continue
        values.add(_plain(product))
    return NumberItem(frozenset(values), item.start, end, f"{item.text} {word}", item.strong)


def _adds_up(previous: NumberItem, value: int) -> bool:
    """Whether a number word continues the previous one: twenty + five, сто + двадцать."""
    if len(previous.values) != 1:
        return False
    head = next(iter(previous.values))
    if not head.isdigit():
        return False
    first = int(head)
    if first % 100 == 0 and first >= 100:
        return value < 100
    return first % 10 == 0 and 20 <= first <= 90 and 0 < value < 10


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@functools.cache
def _word_table(lang: str) -> dict[str, tuple[int, bool]]:
    """Every form of every number word of `lang`, case-folded, with its value."""
    table: dict[str, tuple[int, bool]] = {}
    if lang == "ru":
        for value, lemma in _RU_WORDS:
            for form in _ru_forms(lemma):
                table.setdefault(form, (value, False))
        for value, lemma in _RU_MULTIPLIERS:
            for form in _ru_forms(lemma):
                table.setdefault(form, (value, True))
    elif lang == "be":
        for value, forms in _BE_WORDS.items():
            table.update({f: (value, False) for f in forms.split()})
        for value, forms in _BE_MULTIPLIERS.items():
            table.update({f: (value, True) for f in forms.split()})
    elif lang == "en":
        for value, word in _EN_WORDS.items():
            table[word] = (value, False)
        for value, word in _EN_MULTIPLIERS.items():
            table[word] = (value, True)
    if lang in ("ru", "be", "en"):
        table.update({abbr: (value, True) for abbr, value in _ABBREVIATED.items()})
    return {fold_case(form): found for form, found in table.items()}


def _ru_forms(lemma: str) -> list[str]:
    """Every form of a Russian numeral or noun in the dictionary, ё folded."""
    from lang.lemma_ru import _analyzer

    forms = {lemma}
    for parse in _analyzer().parse(lemma):
        if parse.normal_form == lemma and parse.tag.POS in ("NUMR", "NOUN", "ADJF"):
            forms.update(f.word.replace("ё", "е") for f in parse.lexeme)
    return sorted(forms)


def _decimal(whole: str, frac: str) -> str:
    frac = frac.rstrip("0")
    head = str(int(whole)) if whole else "0"
    return f"{head}.{frac}" if frac else head
