"""Changes to a termbase: add, edit and remove concepts and terms, refusing conflicts.

Every function takes a termbase and returns a new one; nothing is changed in place and
nothing is written here (the store does that, inside its lock). A change that would make the
glossary contradict itself (a second preferred term, a term already in another concept, an
id taken) is refused with a TransdeskError that says how to do what the user meant.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from core.errors import TransdeskError
from glossary.model import (
    GENDERS,
    PARTS_OF_SPEECH,
    TERM_TYPES,
    Concept,
    MatchMode,
    Status,
    Term,
    Termbase,
    form_class,
)
from glossary.tbx_read import FORBIDDEN_NOTE

_ID_CHARS = re.compile(r"[^a-z0-9]+")
_NCNAME = re.compile(r"[A-Za-z_][\w.\-]*\Z")
_MAX_SLUG = 60

# Sentinel for "leave this field as it is" in edit functions.
KEEP: Any = object()


@dataclass(frozen=True)
class NewTerm:
    """A term to add, as a user gives it; checked and completed by `make_term`."""

    lang: str
    text: str
    status: Status = Status.PREFERRED
    part_of_speech: str | None = None
    term_type: str | None = None
    gender: str | None = None
    case_sensitive: bool = False
    match: MatchMode = MatchMode.INFLECTING
    pattern: str | None = None
    note: str | None = None
    source: str | None = None


def term_key(lang: str, text: str) -> tuple[str, str]:
    """What makes two terms the same term: language and normalised text."""
    from lang.normalize import normalize_for_matching

    return lang.split("-")[0].lower(), normalize_for_matching(text)


def make_term(new: NewTerm, today: date | None) -> Term:
    """A checked Term from user input: known language, text, picklist values, pattern."""
    from lang import check_code

    text = " ".join(new.text.split())
    if not text:
        raise TransdeskError("a term cannot be empty")
    term = Term(
        lang=check_code(new.lang), text=text, status=new.status,
        part_of_speech=new.part_of_speech, term_type=new.term_type, gender=new.gender,
        case_sensitive=new.case_sensitive, match=new.match, pattern=new.pattern,
        note=new.note or None, source=new.source or None, created=today,
    )
    check_term(term)
    return term


def check_term(term: Term) -> None:
    """Refuse values a TBX-Basic file cannot carry or that would read back differently."""
    for value, allowed, what in ((term.part_of_speech, PARTS_OF_SPEECH, "part of speech"),
                                 (term.term_type, TERM_TYPES, "term type"),
                                 (term.gender, GENDERS, "grammatical gender")):
        if value is not None and value not in allowed:
            raise TransdeskError(f"unknown {what} {value!r}; use one of: {', '.join(allowed)}")
    if term.match is MatchMode.PATTERN:
        if not term.pattern:
            raise TransdeskError(f"term {term.text!r}: match mode 'pattern' needs --pattern")
        try:
            re.compile(term.pattern)
        except re.error as exc:
            raise TransdeskError(f"term {term.text!r}: bad pattern {term.pattern!r}: {exc}")\
                from None
    elif term.pattern:
        raise TransdeskError(f"term {term.text!r}: --pattern needs --match pattern")
    if term.status is Status.DEPRECATED and term.note and FORBIDDEN_NOTE.match(term.note):
        raise TransdeskError(
            f"term {term.text!r}: a note beginning with 'forbidden' marks a forbidden term; "
            "use --status forbidden, or reword the note"
        )


def slug(text: str) -> str:
    """An id from a term: romanized, lowercase ASCII words joined by hyphens."""
    from lang.translit import transliterate

    latin = transliterate(text, "wikipedia")
    latin = transliterate(latin, "be-ascii")  # Belarusian letters Russian has not (і, ў)
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    words = _ID_CHARS.sub("-", ascii_text.lower()).strip("-")
    return words[:_MAX_SLUG].rstrip("-") or "concept"


def unique_id(termbase: Termbase, base: str) -> str:
    """`base`, or `base-2`, `base-3`… whichever is free."""
    taken = {c.id for c in termbase.concepts}
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def check_id(concept_id: str) -> str:
    """A concept id must be an XML name (TBX requires it): letters, digits, - _ ."""
    if not _NCNAME.match(concept_id):
        raise TransdeskError(
            f"concept id {concept_id!r} is not valid: start with a letter; use letters, "
            "digits, '-', '_' or '.'"
        )
    return concept_id


def add_concept(
    termbase: Termbase, terms: Iterable[NewTerm], *, concept_id: str | None = None,
    subject: str | None = None, definition: str | None = None, note: str | None = None,
    prefix: str | None = None, today: date | None = None, allow_duplicate: bool = False,
) -> tuple[Termbase, Concept]:
    """Add a new concept; its id is `concept_id` or made from its first English term."""
    made = [make_term(t, today) for t in terms]
    if not made:
        raise TransdeskError("a concept needs at least one term")
    _refuse_two_preferred(made, ())
    _refuse_repeats(made)
    if concept_id is not None:
        check_id(concept_id)
        if termbase.concept(concept_id) is not None:
            raise TransdeskError(
                f"concept {concept_id} already exists; add terms to it with --concept "
                f"{concept_id}, or change it with `transdesk glossary edit`"
            )
    else:
        named = next((t for t in made if t.lang == "en"), made[0])
        base = slug(named.text)
        if prefix:
            base = f"{prefix}-{base}"
        if not base[0].isalpha():
            base = f"c-{base}"
        concept_id = unique_id(termbase, base)
    if not allow_duplicate:
        _refuse_duplicates(termbase, made, concept_id)
    concept = Concept(id=concept_id, terms=tuple(made), subject=subject or None,
                      definition=definition or None, note=note or None, created=today)
    return termbase.with_concept(concept), concept


def add_terms(
    termbase: Termbase, concept_id: str, terms: Iterable[NewTerm], *,
    today: date | None = None, allow_duplicate: bool = False,
) -> tuple[Termbase, Concept]:
    """Add terms to an existing concept."""
    concept = require_concept(termbase, concept_id)
    made = [make_term(t, today) for t in terms]
    if not made:
        raise TransdeskError("give at least one term to add")
    _refuse_repeats([*concept.terms, *made])
    _refuse_two_preferred(made, concept.terms)
    if not allow_duplicate:
        _refuse_duplicates(termbase, made, concept_id)
    updated = replace(concept, terms=concept.terms + tuple(made), modified=today)
    return termbase.with_concept(updated), updated


def edit_concept(termbase: Termbase, concept_id: str, *, today: date | None = None,
                 **changes: str | None) -> tuple[Termbase, Concept]:
    """Change subject, definition or note of a concept ("" clears a field)."""
    concept = require_concept(termbase, concept_id)
    allowed = {"subject", "definition", "note"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"cannot edit {sorted(unknown)} of a concept")
    values = {k: (v or None) for k, v in changes.items() if v is not KEEP}
    updated = replace(concept, **values)
    if updated == concept:
        return termbase, concept
    updated = replace(updated, modified=today)
    return termbase.with_concept(updated), updated


def edit_term(termbase: Termbase, concept_id: str, lang: str, text: str, *,
              today: date | None = None, **changes: Any) -> tuple[Termbase, Term]:
    """Change one term of a concept, found by language and text (any case, ё or е)."""
    concept = require_concept(termbase, concept_id)
    index = find_term(concept, lang, text)
    old = concept.terms[index]
    names = {f.name for f in fields(Term)} - {"lang", "created", "modified", "extras"}
    unknown = set(changes) - names
    if unknown:
        raise ValueError(f"cannot edit {sorted(unknown)} of a term")
    values = {k: v for k, v in changes.items() if v is not KEEP}
    if "text" in values:
        values["text"] = " ".join(str(values["text"]).split())
        if not values["text"]:
            raise TransdeskError("a term cannot be empty")
    for key in ("note", "source", "part_of_speech", "term_type", "gender", "pattern"):
        if key in values and values[key] == "":
            values[key] = None
    if values.get("match") not in (None, MatchMode.PATTERN) and "pattern" not in values:
        values["pattern"] = None
    new = replace(old, **values)
    if new == old:
        return termbase, old
    check_term(new)
    others = concept.terms[:index] + concept.terms[index + 1:]
    _refuse_repeats([*others, new])
    _refuse_two_preferred([new], others)
    new = replace(new, modified=today)
    terms = (*concept.terms[:index], new, *concept.terms[index + 1:])
    return termbase.with_concept(replace(concept, terms=terms, modified=today)), new


def remove(termbase: Termbase, concept_id: str, lang: str | None = None,
           text: str | None = None, *, today: date | None = None) -> Termbase:
    """Remove a concept, or one of its terms when `lang` and `text` are given."""
    concept = require_concept(termbase, concept_id)
    if lang is None or text is None:
        return termbase.without(concept_id)
    index = find_term(concept, lang, text)
    if len(concept.terms) == 1:
        raise TransdeskError(
            f"{text!r} is the last term of concept {concept_id}; remove the concept instead"
        )
    terms = concept.terms[:index] + concept.terms[index + 1:]
    return termbase.with_concept(replace(concept, terms=terms, modified=today))


def require_concept(termbase: Termbase, concept_id: str) -> Concept:
    """The concept `concept_id`, or a user error naming a close id."""
    concept = termbase.concept(concept_id)
    if concept is None:
        import difflib

        close = difflib.get_close_matches(concept_id, [c.id for c in termbase.concepts], n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise TransdeskError(f"no concept {concept_id!r} in the glossary{hint}")
    return concept


def find_term(concept: Concept, lang: str, text: str) -> int:
    """Index of the term of `concept` with this language and (normalised) text."""
    key = term_key(lang, text)
    for i, term in enumerate(concept.terms):
        if term_key(term.lang, term.text) == key:
            return i
    raise TransdeskError(f"concept {concept.id} has no {lang} term {text!r}")


def _refuse_repeats(terms: list[Term]) -> None:
    # The very same text twice; Могилёв beside Могилев is a spelling variant, allowed.
    seen: set[tuple[str, str]] = set()
    for term in terms:
        key = (term.lang, " ".join(term.text.split()))
        if key in seen:
            raise TransdeskError(f"the {term.lang} term {term.text!r} is given twice")
        seen.add(key)


def _refuse_two_preferred(new: list[Term], existing: Iterable[Term]) -> None:
    """One preferred full form and one preferred short form per language (see lint)."""
    preferred = {(t.lang, form_class(t)): t for t in existing if t.status is Status.PREFERRED}
    for term in new:
        if term.status is not Status.PREFERRED:
            continue
        other = preferred.get((term.lang, form_class(term)))
        if other is not None:
            raise TransdeskError(
                f"the concept already has a preferred {term.lang} term {other.text!r}; add "
                f"{term.text!r} as admitted, or make {other.text!r} admitted first"
            )
        preferred[(term.lang, form_class(term))] = term


def _refuse_duplicates(termbase: Termbase, new: list[Term], concept_id: str) -> None:
    wanted = {term_key(t.lang, t.text): t for t in new}
    for concept in termbase.concepts:
        if concept.id == concept_id:
            continue
        for term in concept.terms:
            hit = wanted.get(term_key(term.lang, term.text))
            if hit is not None:
                raise TransdeskError(
                    f"the {hit.lang} term {hit.text!r} is already in concept {concept.id} "
                    f"({term.status}); add to that concept with --concept {concept.id}, or "
                    "pass --allow-duplicate for a homonym"
                )
