"""Person concepts from a Russian full name (and the Belarusian one, when the desk has it).

`add-name "Александр Григорьевич Лукашенко" --be "Аляксандр Рыгоравіч Лукашэнка"` makes:
- ru and be: the full name (preferred), first name and surname, surname alone, first name
  and patronymic ("Владимир Александрович", as in direct address), initials and surname
  ("А.Г. Лукашенко"), all with the person's grammatical gender;
- en: the desk's rendering of first name and surname under its scheme (the glossary setting
  `name-scheme.<lang>` of the language in `name-source`), the surname, the first name and
  patronymic; then every other rendering as a deprecated term with its reason: other
  schemes, the Belarusian (or Russian) form romanized, conventional spellings (Alexander),
  x for ks. A checker that finds "Aliaksandr Lukashenka" or "Alexander Lukashenko" in desk
  copy thus finds a deprecated term of the right concept.

Case forms are not stored: the matcher lemmatises Russian and stems Belarusian, so the
dictionary form finds "Александра Григорьевича" and "Лукашэнкі". name_forms checks every
case form of every part; the few that base forms cannot reach (be Пятра for Пётр) are stored
as admitted variants of the phrases that contain them. Names that do not decline
(Лукашенко, Шевченко) have one form, and the concept note says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from core.errors import TransdeskError
from glossary.model import Concept, Status, Term, Termbase
from glossary.name_forms import (
    CASES,
    Gender,
    Role,
    case_forms_be,
    declines,
    forms_ru,
    unreachable,
)

# Patronymic endings: masculine, then feminine.
_PATRONYMIC: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ru": (("ович", "евич", "ич"), ("овна", "евна", "ична", "инична")),
    "be": (("авіч", "евіч", "іч", "ыч"), ("аўна", "еўна", "ўна", "вна", "ічна")),
}
# Surname endings that tell a woman's name when there is no patronymic.
_FEMININE_SURNAME = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ава", "іна", "ая")
# Men's first names that end in -а/-я.
_MALE_IN_A = frozenset({"никита", "илья", "фома", "кузьма", "лука", "савва", "мікіта",
                        "ілля", "данила", "гаврила", "міхайла", "якуб"})
_LANG_NAMES = {"ru": "Russian", "be": "Belarusian"}
_GENDER_NOTE = {"masc": "masculine", "femn": "feminine"}


@dataclass(frozen=True)
class PersonName:
    """A name split into its parts, with the person's gender."""

    lang: str
    first: str
    patronymic: str | None
    surname: str
    gender: Gender

    @property
    def full(self) -> tuple[str, ...]:
        return (self.first, self.patronymic, self.surname) if self.patronymic else (
            self.first, self.surname)

    @property
    def initials(self) -> str:
        letters = [self.first[0]] + ([self.patronymic[0]] if self.patronymic else [])
        return "".join(f"{letter}." for letter in letters) + " " + self.surname


def parse_name(text: str, lang: str, gender: Gender | None = None) -> PersonName:
    """Split "First Patronymic Surname" (or "Surname First Patronymic", or "First Surname")."""
    words = text.split()
    masc, femn = _PATRONYMIC[lang]

    def patronymic_gender(word: str) -> Gender | None:
        low = word.lower()
        if low.endswith(femn):
            return "femn"
        if low.endswith(masc) and len(low) > 4:
            return "masc"
        return None

    if len(words) == 3:
        if patronymic_gender(words[1]):
            first, patronymic, surname = words
        elif patronymic_gender(words[2]):
            surname, first, patronymic = words
        else:
            raise TransdeskError(
                f"cannot find a patronymic in {text!r}: give the name as 'First Patronymic "
                "Surname' or 'First Surname'"
            )
        found = patronymic_gender(patronymic)
    elif len(words) == 2:
        (first, surname), patronymic, found = words, None, None
    else:
        raise TransdeskError(
            f"cannot read {text!r} as a person's name: give 'First Patronymic Surname' or "
            "'First Surname'"
        )
    if gender is not None and found is not None and gender != found:
        raise TransdeskError(
            f"the patronymic {patronymic!r} is {_GENDER_NOTE[found]}, but --gender says "
            f"{_GENDER_NOTE[gender]}"
        )
    return PersonName(lang, first, patronymic, surname, gender or found or _guess(first, surname))


def _guess(first: str, surname: str) -> Gender:
    """Gender without a patronymic: a feminine surname, or a first name in -а/-я."""
    if surname.lower().endswith(_FEMININE_SURNAME):
        return "femn"
    low = first.lower()
    if low.endswith(("а", "я")) and low not in _MALE_IN_A:
        return "femn"
    return "masc"


def add_person(
    termbase: Termbase, ru: str, be: str | None = None, *, gender: Gender | None = None,
    concept_id: str | None = None, note: str | None = None, today: date | None = None,
    allow_duplicate: bool = False,
) -> tuple[Termbase, Concept]:
    """Add the person concept made by `person_concept`, refusing a person already there."""
    from glossary.edit import check_id, term_key, unique_id

    concept = person_concept(termbase, ru, be, gender=gender, note=note, today=today)
    if concept_id is not None:
        check_id(concept_id)
        if termbase.concept(concept_id) is not None:
            raise TransdeskError(f"concept {concept_id} already exists")
    else:
        concept_id = unique_id(termbase, concept.id)
    if not allow_duplicate:
        mine = {term_key(t.lang, t.text): t for t in concept.terms if t.status.usable}
        for other in termbase.concepts:
            for term in other.terms:
                hit = mine.get(term_key(term.lang, term.text))
                if hit is not None and term.status.usable and hit.term_type == "fullForm":
                    raise TransdeskError(
                        f"{hit.text!r} is already in concept {other.id}; pass "
                        "--allow-duplicate if this is another person of the same name"
                    )
    concept = replace(concept, id=concept_id)
    return termbase.with_concept(concept), concept


def person_concept(
    termbase: Termbase, ru: str, be: str | None = None, *, gender: Gender | None = None,
    note: str | None = None, today: date | None = None,
) -> Concept:
    """The person concept for a Russian name and, optionally, its Belarusian form."""
    from lang.translit import scheme_names, transliterate

    if set(ru.lower()) & set("іўʼ'"):
        raise TransdeskError(
            f"{ru!r} looks Belarusian (і, ў); give the Russian form of the name, and this one "
            "with --be"
        )
    names = {"ru": parse_name(ru, "ru", gender)}
    if be:
        names["be"] = parse_name(be, "be", gender or names["ru"].gender)
        if names["be"].gender != names["ru"].gender:
            raise TransdeskError("the Russian and Belarusian names disagree on gender; "
                                 "pass --gender")
    settings = termbase.settings
    source = settings.get("name-source")
    if source not in names:
        raise TransdeskError(
            f"the glossary romanizes names from their {_LANG_NAMES.get(source, source)} form "
            f"(setting name-source = {source}); give that form"
        )
    desk_scheme = settings.name_scheme(source)
    if desk_scheme not in scheme_names(source):
        raise TransdeskError(
            f"setting name-scheme.{source} = {desk_scheme!r} is not a {source} scheme; "
            f"known: {', '.join(scheme_names(source))}"
        )
    person = names[source]
    terms: list[Term] = []
    for name in names.values():
        terms += _cyrillic_terms(name, today)
    terms += _english_terms(names, source, desk_scheme, today,
                            render=transliterate, schemes=scheme_names)
    desk_surname = transliterate(person.surname, desk_scheme)
    from glossary.edit import slug

    notes = [_declension_note(names)]
    if note:
        notes.insert(0, note)
    return Concept(id=f"person-{slug(desk_surname)}", terms=tuple(terms), subject="persons",
                   note=" ".join(n for n in notes if n), created=today)


def _cyrillic_terms(name: PersonName, today: date | None) -> list[Term]:
    gender = _GENDER_NOTE[name.gender]

    def term(text: str, status: Status, kind: str, note: str | None = None) -> Term:
        return Term(lang=name.lang, text=text, status=status, part_of_speech="noun",
                    term_type=kind, gender=gender, note=note, created=today)

    admitted = Status.ADMITTED
    out = [term(" ".join(name.full), Status.PREFERRED, "fullForm")]
    if name.patronymic:
        out.append(term(f"{name.first} {name.surname}", admitted, "variant"))
    surname_declines = declines(name.surname, name.lang, "surname", name.gender)
    out.append(term(name.surname, admitted, "shortForm",
                    "surname alone" + ("" if surname_declines else "; does not decline")))
    if name.patronymic:
        out.append(term(f"{name.first} {name.patronymic}", admitted, "variant",
                        "first name and patronymic"))
    spaced = name.initials.replace(".", ". ").replace(".  ", ". ")
    out.append(term(name.initials, admitted, "abbreviation",
                    f"initials and surname; also spaced: {spaced}"))
    out += [term(text, admitted, "variant", why) for text, why in _unreachable_forms(name)]
    return out


def _unreachable_forms(name: PersonName) -> list[tuple[str, str]]:
    """Inflected phrases whose words base forms do not join to the dictionary form."""
    out: dict[str, str] = {}
    if name.lang == "ru":
        # Russian forms come without case labels, so only the surname alone (a phrase of
        # one word) can be stored; pymorphy3 reaches every form of common names anyway.
        for form in unreachable(name.surname, forms_ru(name.surname, name.gender), "ru"):
            out.setdefault(form, "inflected form of the surname that lemmatisation misses")
        return list(out.items())
    roles: dict[Role, str | None] = {"first": name.first, "patronymic": name.patronymic,
                                     "surname": name.surname}
    paradigms = {role: case_forms_be(word, role, name.gender)
                 for role, word in roles.items() if word}
    kinds: list[tuple[Role, ...]] = [("first", "patronymic", "surname"), ("first", "surname"),
                                     ("surname",), ("first", "patronymic")]
    for case in CASES[1:]:
        for kind in kinds:
            if not all(roles[r] for r in kind):
                continue
            words = [paradigms[r][case][0] for r in kind]
            missed = [w for r, w in zip(kind, words, strict=True)
                      if unreachable(roles[r] or "", (w,), "be")]
            if missed:
                out.setdefault(" ".join(words), f"{case} form: stemming does not reach "
                                                 f"{', '.join(missed)}")
    return list(out.items())


def _english_terms(names: dict[str, PersonName], source: str, desk_scheme: str,
                   today: date | None, render: Callable[[str, str], str],
                   schemes: Callable[[str], tuple[str, ...]]) -> list[Term]:
    from glossary.name_variants import variants

    person = names[source]
    other_lang = next((lang for lang in names if lang != source), None)
    other = names.get(other_lang) if other_lang else None

    def desk(*words: str) -> str:
        return render(" ".join(words), desk_scheme)

    def term(text: str, status: Status, kind: str, note: str | None = None) -> Term:
        return Term(lang="en", text=text, status=status, part_of_speech="noun",
                    term_type=kind, note=note, created=today)

    forms: list[tuple[tuple[str, ...], tuple[str, ...] | None, str, bool]] = [
        ((person.first, person.surname), other and (other.first, other.surname),
         "fullForm", True),
        ((person.surname,), other and (other.surname,), "shortForm", False),
    ]
    if person.patronymic:
        other_pair = (other.first, other.patronymic) if other and other.patronymic else None
        forms.append(((person.first, person.patronymic), other_pair, "variant", True))
    out: list[Term] = []
    desk_forms = []
    for words, _, kind, _ in forms:
        text = desk(*words)
        desk_forms.append(text)
        if kind == "fullForm":
            out.append(term(text, Status.PREFERRED, kind,
                            f"desk style: {desk_scheme} romanization of the "
                            f"{_LANG_NAMES[source]} form"))
        elif kind == "variant":
            out.append(term(text, Status.ADMITTED, kind,
                            f"renders {' '.join(words)} in direct address"))
        else:
            out.append(term(text, Status.ADMITTED, kind))
    seen = {t.casefold() for t in desk_forms}
    for (words, other_words, kind, has_first), text in zip(forms, desk_forms, strict=True):
        other_info = None
        if other_words and other_lang:
            other_info = (other_words, schemes(other_lang), _LANG_NAMES[other_lang])
        first = words[0] if has_first else None
        for variant in variants(text, words, render, schemes(source), desk_scheme, other_info,
                                first):
            if variant.text.casefold() in seen:
                continue
            seen.add(variant.text.casefold())
            out.append(term(variant.text, Status.DEPRECATED,
                            "shortForm" if kind == "shortForm" else "variant",
                            f"{variant.reason}; desk style: {text}"))
    return out


def _declension_note(names: dict[str, PersonName]) -> str:
    """What the surname does in each language, for the translator reading the entry."""
    parts = []
    for lang, name in names.items():
        if not declines(name.surname, lang, "surname", name.gender):
            parts.append(f"{lang}: {name.surname} does not decline.")
            continue
        if lang == "be":
            table = case_forms_be(name.surname, "surname", name.gender)
            shown = dict.fromkeys(table[c][0] for c in ("gen", "dat", "ins"))
            parts.append(f"{lang}: {name.surname} declines ({', '.join(shown)}).")
        else:
            parts.append(f"{lang}: {name.surname} declines.")
    return " ".join(parts)
