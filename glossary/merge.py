"""Merging two glossaries: everything that agrees is combined, every conflict is reported.

Concepts are matched by id. A concept only one side has is taken. Where both have it, the
terms are united (a term is its language and normalised text); concept fields one side
lacks are filled from the other. A conflict is anything that cannot be united without a
choice:
- field: subject, definition or note differ;
- term: the same term with a different status, part of speech, note, match mode, …
  (a field one side leaves empty is filled from the other, not a conflict);
- preferred: the union would have two preferred terms of one form class in a language;
- duplicate: a usable term of one side's concept is a usable term of another concept,
  under another id, on the other side (the same concept filed twice, or a homonym);
- setting: the desk settings differ.
Without `prefer`, conflicts are only reported and the caller must not save. With
`prefer="ours"` or `"theirs"`, each conflicting concept is taken whole from that side (for a
duplicate, the other side's concept is left out), and the conflicts are still reported.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Literal

from glossary.edit import term_key
from glossary.model import Concept, Status, Term, Termbase, form_class

Side = Literal["ours", "theirs"]
# Compared even when one side has no value: these always have one.
_ALWAYS_COMPARED = frozenset({"status", "case_sensitive", "match"})
_COMPARED = tuple(f.name for f in fields(Term) if f.name not in ("created", "modified",
                                                                 "extras", "lang", "text"))


@dataclass(frozen=True)
class Conflict:
    """A disagreement between the two glossaries, about one concept (or the settings)."""

    concept: str
    kind: str
    message: str


@dataclass(frozen=True)
class MergeResult:
    """The merged termbase, what could not be merged silently, and what changed."""

    termbase: Termbase
    conflicts: tuple[Conflict, ...]
    added: tuple[str, ...]
    updated: tuple[str, ...]


def merge(ours: Termbase, theirs: Termbase, prefer: Side | None = None) -> MergeResult:
    """Merge `theirs` into `ours`; see the module docstring for what counts as a conflict."""
    conflicts: list[Conflict] = []
    by_id = {c.id: c for c in ours.concepts}
    ours_index: dict[tuple[str, str], str] = {}
    for concept in ours.concepts:
        for term in concept.terms:
            if term.status.usable:
                ours_index.setdefault(term_key(term.lang, term.text), concept.id)
    result = dict(by_id)
    added: list[str] = []
    updated: list[str] = []
    dropped: set[str] = set()
    for theirs_concept in theirs.concepts:
        cid = theirs_concept.id
        mine = by_id.get(cid)
        dups = _duplicates(theirs_concept, ours_index)
        for other_id, term in dups:
            conflicts.append(Conflict(cid, "duplicate",
                                      f"{term.lang} {term.text!r} is in concept {other_id} of "
                                      f"ours{_resolution(prefer)}"))
        if dups and prefer is not None:
            if prefer == "ours":
                continue
            for other_id, _ in dups:
                dropped.add(other_id)
        if mine is None:
            result[cid] = theirs_concept
            added.append(cid)
            continue
        if mine == theirs_concept:
            continue
        combined, problems = _combine(mine, theirs_concept)
        conflicts += [Conflict(cid, kind, message + _resolution(prefer))
                      for kind, message in problems]
        if problems:
            if prefer == "theirs":
                result[cid] = theirs_concept
                updated.append(cid)
        elif combined != mine:
            result[cid] = combined
            updated.append(cid)
    settings = ours.settings
    if theirs.settings.values and theirs.settings != ours.settings:
        differing = sorted(k for k in {k for k, _ in ours.settings.values + theirs.settings.values}
                           if ours.settings.get(k) != theirs.settings.get(k))
        if differing:
            conflicts.append(Conflict("", "setting", f"settings differ: {', '.join(differing)}"
                                      + _resolution(prefer)))
            if prefer == "theirs":
                settings = theirs.settings
    concepts = tuple(c for cid, c in result.items() if cid not in dropped)
    merged = replace(ours, concepts=concepts, settings=settings)
    return MergeResult(merged, tuple(conflicts), tuple(added), tuple(updated))


def _resolution(prefer: Side | None) -> str:
    return f"; kept {prefer}" if prefer else ""


def _duplicates(concept: Concept, index: dict[tuple[str, str], str]) -> list[tuple[str, Term]]:
    found = []
    for term in concept.terms:
        if not term.status.usable:
            continue
        other = index.get(term_key(term.lang, term.text))
        if other is not None and other != concept.id:
            found.append((other, term))
    seen: set[str] = set()
    # One report per other concept is enough to show the two are the same or homonyms.
    return [(o, t) for o, t in found if not (o in seen or seen.add(o))]


def _combine(mine: Concept, theirs: Concept) -> tuple[Concept, list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    values = {}
    for name in ("subject", "definition", "note"):
        a, b = getattr(mine, name), getattr(theirs, name)
        if a is not None and b is not None and a != b:
            problems.append(("field", f"{name} differs: {a!r} (ours), {b!r} (theirs)"))
        values[name] = a if a is not None else b
    terms = list(mine.terms)
    keys = {term_key(t.lang, t.text): i for i, t in enumerate(terms)}
    for term in theirs.terms:
        key = term_key(term.lang, term.text)
        if key not in keys:
            keys[key] = len(terms)
            terms.append(term)
            continue
        own = terms[keys[key]]
        differing = [n for n in _COMPARED if getattr(own, n) != getattr(term, n) and (
            n in _ALWAYS_COMPARED or None not in (getattr(own, n), getattr(term, n)))]
        if differing:
            detail = ", ".join(f"{n} {getattr(own, n)!s} vs {getattr(term, n)!s}"
                               for n in differing)
            problems.append(("term", f"{term.lang} {term.text!r}: {detail} (ours vs theirs)"))
        else:  # what one side left empty, the other fills
            filled = {n: getattr(term, n) for n in _COMPARED if getattr(own, n) is None}
            terms[keys[key]] = replace(own, **filled)
    preferred: dict[tuple[str, str], list[str]] = {}
    for term in terms:
        if term.status is Status.PREFERRED:
            preferred.setdefault((term.lang, form_class(term)), []).append(term.text)
    for (lang, _), texts in preferred.items():
        if len(texts) > 1:
            problems.append(("preferred", f"two preferred {lang} terms: "
                                          f"{' | '.join(texts)}"))
    created = min((d for d in (mine.created, theirs.created) if d), default=None)
    modified = max((d for d in (mine.modified, theirs.modified) if d), default=None)
    extras = mine.extras + tuple(x for x in theirs.extras if x not in mine.extras)
    lang_extras = dict(mine.lang_extras)
    for lang, extra in theirs.lang_extras:
        have = lang_extras.get(lang, ())
        lang_extras[lang] = have + tuple(x for x in extra if x not in have)
    combined = replace(mine, terms=tuple(terms), created=created, modified=modified,
                       extras=extras, lang_extras=tuple(lang_extras.items()), **values)
    return combined, problems
