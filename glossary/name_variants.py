"""English renderings of a name that are not the desk's: what the checker must catch.

The desk writes a name one way (its scheme, a glossary setting). Other writers use other
transliteration schemes, romanize the Belarusian form instead of the Russian one, use a
conventional English first name (Alexander for Aleksandr), or spell ks as x. Each of these
becomes a deprecated English term with a note that names the reason and the desk form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Conventional English spellings of Russian first names that differ from the schemes'
# renderings; e.g. "Alexander Lukashenko", "Sergei Lavrov", "Yuri Gagarin" in the press.
CONVENTIONAL_FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "Александр": ("Alexander",),  # Alexander Lukashenko
    "Александра": ("Alexandra",),
    "Алексей": ("Alexei", "Alexey"),  # Alexei Navalny
    "Андрей": ("Andrei",),  # Andrei Sakharov
    "Анатолий": ("Anatoli",),
    "Валерий": ("Valeri",),
    "Василий": ("Vasili",),
    "Виктор": ("Victor",),  # Victor Stashevskiy, as one outlet wrote it
    "Виталий": ("Vitali",),
    "Григорий": ("Gregory",),
    "Дмитрий": ("Dmitri",),  # Dmitri Medvedev
    "Евгений": ("Evgeny", "Eugene"),
    "Евгения": ("Evgenia",),
    "Екатерина": ("Ekaterina", "Catherine"),
    "Елена": ("Elena",),  # Elena Zhukova
    "Ксения": ("Ksenia", "Xenia"),
    "Мария": ("Maria",),
    "Михаил": ("Michael",),
    "Наталья": ("Natalia",),
    "Николай": ("Nikolai",),
    "Павел": ("Paul",),
    "Пётр": ("Petr", "Peter"),
    "Сергей": ("Sergei",),  # Sergei Lavrov
    "Татьяна": ("Tatiana",),
    "Фёдор": ("Fedor", "Theodore"),
    "Юлия": ("Yulia", "Julia"),
    "Юрий": ("Yuri",),  # Yuri Gagarin
}

_KS = re.compile(r"ks", re.IGNORECASE)


@dataclass(frozen=True)
class Variant:
    """A non-desk English rendering and why it is not the desk's."""

    text: str
    reason: str


def ks_as_x(text: str) -> str:
    """Aleksandr → Alexandr, Maksim → Maxim: the x spelling of ks."""
    return _KS.sub(lambda m: "X" if m.group()[0].isupper() else "x", text)


def variants(
    desk: str,
    words: tuple[str, ...],
    render: Callable[[str, str], str],
    own_schemes: tuple[str, ...],
    desk_scheme: str,
    other: tuple[tuple[str, ...], tuple[str, ...], str] | None,
    first_name: str | None,
) -> list[Variant]:
    """Deprecated renderings of one name form (`words` in the desk's source language).

    `render(text, scheme)` transliterates; `other` is the same form in the other language
    with its schemes and that language's name, when the desk knows it. `first_name` is the
    Cyrillic first name when `words` starts with it, for the conventional spellings.
    """
    # text -> reason -> schemes that give it (reasons and schemes in order of discovery)
    found: dict[str, dict[str, list[str]]] = {}

    def note(text: str, reason: str, scheme: str = "") -> None:
        if text.casefold() != desk.casefold():
            schemes = found.setdefault(text, {}).setdefault(reason, [])
            if scheme:
                schemes.append(scheme)

    phrase = " ".join(words)
    for scheme in own_schemes:
        if scheme != desk_scheme:
            note(render(phrase, scheme), "{} romanization", scheme)
    if first_name is not None:
        rest = desk.split(" ", 1)[1:] if " " in desk else []
        key = first_name.replace("ё", "е")
        spellings = CONVENTIONAL_FIRST_NAMES.get(first_name) or next(
            (v for k, v in CONVENTIONAL_FIRST_NAMES.items() if k.replace("ё", "е") == key), ()
        )
        for spelling in spellings:
            note(" ".join([spelling, *rest]), "conventional English spelling")
    x_form = ks_as_x(desk)
    if x_form != desk:
        note(x_form, "x for ks")
    if other is not None:
        other_words, other_schemes, other_name = other
        other_phrase = " ".join(other_words)
        for scheme in other_schemes:
            note(render(other_phrase, scheme), f"romanized from the {other_name} form ({{}})",
                 scheme)
    return [Variant(text, "; ".join(reason.format(", ".join(schemes))
                                    for reason, schemes in reasons.items()))
            for text, reasons in found.items()]
