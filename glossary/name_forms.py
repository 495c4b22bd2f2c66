"""Case forms of personal names, and which of them term matching cannot reach by itself.

Matching (search here, the term checker later) does not compare inflected forms with a list:
it reduces both the term and the text to base forms, Russian words to their lemmas
(pymorphy3) and Belarusian words to stems (lang.stem_be). A name therefore needs only its
dictionary form in the glossary, unless one of its case forms reduces to a different base
form than the nominative. This module makes the case forms (Russian from lang.lemma_ru,
Belarusian from the paradigm rules below) and finds those exceptions, so that the person
concept stores exactly the forms matching needs and no more.

Belarusian paradigms covered (singular; the six cases nom, gen, dat, acc, ins, loc):
- masculine names and patronymics ending in a consonant: Аляксандр, Рыгоравіч;
  in -й and -ь: Сяргей, Мікалай, Васіль; in -а: Мікіта, and surnames Лукашэнка;
- surnames in -аў/-оў/-ёў/-еў and -ін/-ын (Гураў, Пуцін: instrumental in -ым),
  adjectival -скі/-цкі (Сташэўскі) and their feminines -ава/-ына (Жукава), -ская (Ціханоўская);
- feminine names and patronymics in -а and -я: Алена, Вольга, Марыя, Пятроўна;
- the fleeting or alternating vowels of common first names: Пётр/Пятра, Павел/Паўла, Лёў/Льва.
Words ending in -о, -е, -і, -у, -ю, -э, -ых/-іх, and women's surnames ending in a consonant,
do not decline, as in the grammar.
"""

from __future__ import annotations

from typing import Literal

Gender = Literal["masc", "femn"]
Role = Literal["first", "patronymic", "surname"]
CASES = ("nom", "gen", "dat", "acc", "ins", "loc")

_VELARS = "кгх"
_HARDENED = "жшчрц"  # Belarusian hardened consonants: -ы, not -і, after them
# First names whose stem changes when they decline, with the stem the endings attach to.
# The instrumental ending follows the stress: stressed -ом, unstressed -ам.
_BE_STEMS: dict[str, tuple[str, str]] = {
    "пётр": ("пятр", "ом"),  # Пятра, Пятру, Пятром
    "павел": ("паўл", "ам"),  # Паўла, Паўлу, Паўлам
    "лёў": ("льв", "ом"),  # Льва, Льву, Львом
}
# Feminine first names of the third declension.
_BE_THIRD: dict[str, tuple[str, str, str, str, str]] = {
    "любоў": ("любові", "любові", "любоў", "любоўю", "любові"),
}
_INDECLINABLE_ENDINGS = ("о", "е", "і", "у", "ю", "э", "ых", "іх")


def case_forms_be(word: str, role: Role, gender: Gender) -> dict[str, tuple[str, ...]]:
    """The case forms of one Belarusian name word, by case; capitalisation as in `word`.

    A case may have two forms (instrumental -ам/-ом where stress decides, -ай/-аю).
    """
    lower = word.lower()
    forms = _paradigm_be(lower, role, gender)
    return {case: tuple(dict.fromkeys(_recase(f, word) for f in found))
            for case, found in forms.items()}


def _paradigm_be(w: str, role: Role, gender: Gender) -> dict[str, tuple[str, ...]]:
    def table(gen: str | tuple[str, ...], dat: str | tuple[str, ...],
              acc: str | tuple[str, ...], ins: str | tuple[str, ...],
              loc: str | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        as_tuple = [(x,) if isinstance(x, str) else x for x in (gen, dat, acc, ins, loc)]
        return {"nom": (w,), **dict(zip(CASES[1:], as_tuple, strict=True))}

    if gender == "femn":
        if w in _BE_THIRD:
            return table(*_BE_THIRD[w])
        if role == "surname" and w.endswith(("ская", "цкая", "зкая", "ая")):
            s = w[:-2]
            return table(s + "ай", s + "ай", s + "ую", (s + "ай", s + "аю"), s + "ай")
        if role == "surname" and w.endswith(("ава", "ева", "ёва", "іна", "ына")):
            s = w[:-1]
            return table(s + "ай", s + "ай", s + "у", s + "ай", s + "ай")
        if w.endswith("я"):
            s = w[:-1]
            return table(s + "і", s + "і", s + "ю", (s + "яй", s + "яю"), s + "і")
        if w.endswith("а"):
            s = w[:-1]
            gen = s + ("і" if s[-1:] in _VELARS else "ы")
            dat = _dative_be(s)
            return table(gen, dat, s + "у", (s + "ай", s + "аю"), dat)
        return table(w, w, w, w, w)  # Шаўчук, Мельнік for a woman: does not decline
    if role == "surname" and w.endswith(("скі", "цкі", "зкі")):
        s = w[:-1]
        return table(s + "ага", s + "аму", s + "ага", s + "ім", s + "ім")
    if w.endswith(_INDECLINABLE_ENDINGS):
        return table(w, w, w, w, w)
    if role == "surname" and w.endswith("ы"):
        s = w[:-1]
        return table(s + "ага", s + "аму", s + "ага", s + "ым", s + "ым")
    if role == "surname" and w.endswith(("аў", "оў", "ёў", "еў")):
        s = w[:-1] + "в"
        return table(s + "а", s + "у", s + "а", s + "ым", s + "у")
    if role == "surname" and w.endswith(("ін", "ын")):
        return table(w + "а", w + "у", w + "а", w + "ым", w + "у")
    if w.endswith("а"):
        s = w[:-1]
        gen = s + ("і" if s[-1:] in _VELARS else "ы")
        return table(gen, s + "у", s + "у", s + "ам", s + "у")
    if w.endswith("я"):
        s = w[:-1]
        return table(s + "і", s + "ю", s + "ю", (s + "ём", s + "ем"), s + "ю")
    if w.endswith(("й", "ь")):
        s = w[:-1]
        return table(s + "я", s + "ю", s + "я", (s + "ем", s + "ём"), s + "ю")
    stem, ins = _BE_STEMS.get(w, (w, "ам"))
    if role == "surname" and w.endswith("ец") and len(w) > 3:
        # Fleeting е: Шавец, Шаўца; в before the lost vowel becomes ў.
        stem = w[:-2] + "ц"
        if stem[-2:-1] == "в":
            stem = stem[:-2] + "ўц"
    other_ins = "ом" if ins == "ам" else "ам"
    return table(stem + "а", stem + "у", stem + "а", (stem + ins, stem + other_ins), stem + "у")


def _dative_be(stem: str) -> str:
    """Dative and locative of a feminine noun in -а: the ending -е softens the stem end."""
    last = stem[-1:]
    if last == "к":
        return stem[:-1] + "цы"
    if last == "г":
        return stem[:-1] + "зе"
    if last == "х":
        return stem[:-1] + "се"
    if last == "т":
        return stem[:-1] + "це"
    if last == "д":
        return stem[:-1] + "дзе"
    if last in _HARDENED:
        return stem + "ы"
    return stem + "е"


def forms_ru(word: str, gender: Gender) -> tuple[str, ...]:
    """Every case form of one Russian name word (lang.lemma_ru; indeclinables give one)."""
    from lang.lemma_ru import word_forms_ru

    return word_forms_ru(word, gender)


def unreachable(word: str, forms: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """The forms of `word` whose base forms share nothing with those of `word` itself."""
    from lang import get_language

    base_forms = get_language(lang).base_forms
    own = set(base_forms(word))
    return tuple(f for f in forms if f != word and not own & set(base_forms(f)))


def declines(word: str, lang: str, role: Role, gender: Gender) -> bool:
    """Whether the word has more than one case form."""
    if lang == "ru":
        return len(forms_ru(word, gender)) > 1
    forms = case_forms_be(word, role, gender)
    return len({f for found in forms.values() for f in found}) > 1


def _recase(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
