"""Checks a glossary must pass to be trusted: each rule a small function, findings as rows.

Rules, in the order they run (errors first within a concept):
- two-preferred (error): a concept has two preferred terms of the same form class in one
  language (two full forms, or two short forms), so a source term has two preferred
  renderings. A preferred full form with a preferred acronym or short form is a pair.
- preferred-and-forbidden (error in one concept, warning across concepts): the same term is
  usable in one place and forbidden in another. Across concepts it may be a true homonym
  (Katyn is forbidden for Хатынь but right for Катынь), so it is a warning to look at.
- ambiguous-rendering (warning): one source term is in two concepts whose preferred
  renderings in another language differ.
- duplicate (error in one concept, warning across concepts): the same term twice; two
  spellings that matching treats as one (Могилёв, Могилев) are a warning.
- missing-language (warning): a concept has no term in one of the glossary's languages
  (the `languages` setting, or else every language the glossary uses).
- no-preferred (warning): a language section has terms but none preferred.
- bad-pattern (error): a pattern term whose regular expression is missing or invalid.
"""

from __future__ import annotations

import enum
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from glossary.model import Concept, MatchMode, Status, Term, Termbase, form_class


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem: what, how bad, where (concept, language, term), and a sentence."""

    severity: Severity
    kind: str
    concept: str
    lang: str
    term: str
    message: str


Rule = Callable[[Termbase], Iterator[Finding]]


def lint(termbase: Termbase) -> list[Finding]:
    """All findings, errors first, then by concept id and rule order."""
    found = [finding for rule in RULES for finding in rule(termbase)]
    order = {rule.__name__.replace("_", "-"): i for i, rule in enumerate(RULES)}
    found.sort(key=lambda f: (f.severity is not Severity.ERROR, f.concept, order[f.kind]))
    return found


def _key(lang: str, text: str) -> tuple[str, str]:
    from glossary.edit import term_key

    return term_key(lang, text)


def two_preferred(termbase: Termbase) -> Iterator[Finding]:
    for concept in termbase.concepts:
        for lang in concept.languages:
            by_class: dict[str, list[str]] = defaultdict(list)
            for term in concept.terms_in(lang):
                if term.status is Status.PREFERRED:
                    by_class[form_class(term)].append(term.text)
            for kind, preferred in by_class.items():
                if len(preferred) > 1:
                    yield Finding(Severity.ERROR, "two-preferred", concept.id, lang,
                                  " | ".join(preferred),
                                  f"{len(preferred)} preferred {lang} {kind} forms; keep one, "
                                  "make the others admitted")


def preferred_and_forbidden(termbase: Termbase) -> Iterator[Finding]:
    places = _places(termbase)
    for (lang, _), where in places.items():
        usable = [(c, t) for c, t in where if t.status.usable]
        forbidden = [(c, t) for c, t in where if t.status is Status.FORBIDDEN]
        if not usable or not forbidden:
            continue
        for concept, term in forbidden:
            same = [c.id for c, _ in usable if c.id == concept.id]
            others = sorted({c.id for c, _ in usable if c.id != concept.id})
            if same:
                yield Finding(Severity.ERROR, "preferred-and-forbidden", concept.id, lang,
                              term.text, "the term is both usable and forbidden in this concept")
            if others:
                yield Finding(Severity.WARNING, "preferred-and-forbidden", concept.id, lang,
                              term.text, f"forbidden here but usable in {', '.join(others)}; "
                              "check it is a true homonym")


def ambiguous_rendering(termbase: Termbase) -> Iterator[Finding]:
    places = _places(termbase)
    langs = termbase.languages
    for (lang, _), where in places.items():
        concepts = {c.id: c for c, t in where if t.status.usable}
        if len(concepts) < 2:
            continue
        first_term = next(t for _, t in where)
        for target in langs:
            if target == lang:
                continue
            renderings = {cid: c.preferred(target) for cid, c in concepts.items()}
            texts = {_key(target, t.text) for t in renderings.values() if t is not None}
            if len(texts) > 1:
                listed = "; ".join(f"{cid}: {t.text}" for cid, t in sorted(renderings.items())
                                   if t is not None)
                yield Finding(Severity.WARNING, "ambiguous-rendering", min(concepts), lang,
                              first_term.text,
                              f"one {lang} term, {len(texts)} preferred {target} renderings "
                              f"({listed})")


def duplicate(termbase: Termbase) -> Iterator[Finding]:
    for (lang, _), where in _places(termbase).items():
        if len(where) < 2:
            continue
        ids = [c.id for c, _ in where]
        text = where[0][1].text
        for cid in sorted(set(ids)):
            spellings = [" ".join(t.text.split()) for c, t in where if c.id == cid]
            if len(spellings) < 2:
                continue
            if len(set(spellings)) < len(spellings):
                yield Finding(Severity.ERROR, "duplicate", cid, lang, text,
                              f"the term appears {len(spellings)} times in this concept")
            else:
                yield Finding(Severity.WARNING, "duplicate", cid, lang, " | ".join(spellings),
                              "spellings that matching treats as one (ё/е, case, "
                              "apostrophes, dashes)")
        distinct = sorted(set(ids))
        if len(distinct) > 1:
            yield Finding(Severity.WARNING, "duplicate", distinct[0], lang, text,
                          f"the term is in {len(distinct)} concepts: {', '.join(distinct)}")


def missing_language(termbase: Termbase) -> Iterator[Finding]:
    expected = termbase.settings.languages or termbase.languages
    for concept in termbase.concepts:
        present = {t.lang.split("-")[0] for t in concept.terms} | set(concept.languages)
        for lang in expected:
            if lang not in present:
                yield Finding(Severity.WARNING, "missing-language", concept.id, lang, "",
                              f"no {lang} term")


def no_preferred(termbase: Termbase) -> Iterator[Finding]:
    for concept in termbase.concepts:
        for lang in concept.languages:
            terms = concept.terms_in(lang)
            if terms and not any(t.status is Status.PREFERRED for t in terms):
                yield Finding(Severity.WARNING, "no-preferred", concept.id, lang, "",
                              f"{len(terms)} {lang} terms, none preferred")


def bad_pattern(termbase: Termbase) -> Iterator[Finding]:
    for concept in termbase.concepts:
        for term in concept.terms:
            if term.match is not MatchMode.PATTERN:
                continue
            if not term.pattern:
                yield Finding(Severity.ERROR, "bad-pattern", concept.id, term.lang, term.text,
                              "match mode is pattern but there is no pattern")
                continue
            try:
                re.compile(term.pattern)
            except re.error as exc:
                yield Finding(Severity.ERROR, "bad-pattern", concept.id, term.lang, term.text,
                              f"the pattern does not compile: {exc}")


RULES: tuple[Rule, ...] = (two_preferred, preferred_and_forbidden, ambiguous_rendering,
                           duplicate, missing_language, no_preferred, bad_pattern)


def _places(termbase: Termbase) -> dict[tuple[str, str], list[tuple[Concept, Term]]]:
    """Every (language, normalised text) with the concepts and terms that have it."""
    places: dict[tuple[str, str], list[tuple[Concept, Term]]] = defaultdict(list)
    for concept in termbase.concepts:
        for term in concept.terms:
            places[_key(term.lang, term.text)].append((concept, term))
    return places
