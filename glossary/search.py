"""Finding concepts from any inflected form: "Великой Отечественной войны" finds the war.

A thin layer over the glossary matcher (glossary.match), so that search, the checks and
scoring find a term the same way. A term matches when the matcher finds it in the query
(the term is in the query, or is the whole query), or the query, read as a term, is found in
the term's text (the query is part of the term). The query needs no language: it is read
with each language of the termbase in turn.

Match modes and case follow the matcher: exact terms match written forms only, pattern terms
are searched as regular expressions, case-sensitive terms need the capitalisation they have;
a proper name written in another case is not found.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from glossary.match import Matcher, base_lang
from glossary.model import Concept, MatchMode, Status, Term, Termbase


class MatchKind(enum.IntEnum):
    """How a term matched a query, best first."""

    EXACT = 0  # the same words, the same forms
    INFLECTED = 1  # the same words in other forms
    IN_QUERY = 2  # the term is part of the query
    PARTIAL = 3  # the query is part of the term
    PATTERN = 4  # the term's regular expression matched

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", "-")


@dataclass(frozen=True)
class Hit:
    """One term that matched, in its concept."""

    concept: Concept
    term: Term
    kind: MatchKind


class TermSearch:
    """Search over one termbase; the matcher (and the base forms of terms) is built once."""

    def __init__(self, termbase: Termbase) -> None:
        self.termbase = termbase
        self.matcher = Matcher(termbase)
        self._terms: dict[tuple[str, str, str], tuple[Concept, Term]] = {}
        for concept in termbase.concepts:
            for term in concept.terms:
                self._terms.setdefault((concept.id, base_lang(term.lang), term.text),
                                       (concept, term))

    def search(self, query: str, lang: str | None = None) -> list[Hit]:
        """Every term matching `query` (in `lang` only, if given), best matches first."""
        from glossary.match import word_parts

        words = word_parts(query)
        if not words:
            return []
        first, last = words[0][1], words[-1][2]
        langs = [base_lang(lang)] if lang else list(self.matcher.languages)
        found: dict[tuple[str, str, str], tuple[MatchKind, int, Hit]] = {}

        def add(concept: Concept, term: Term, kind: MatchKind, width: int) -> None:
            key = (concept.id, term.lang, term.text)
            if key not in found or kind < found[key][0]:
                found[key] = (kind, width, Hit(concept, term, kind))

        for code in langs:
            for m in self.matcher.find_all(query, code):
                concept, term = self._terms[(m.concept_id, m.lang, m.term)]
                if term.match is MatchMode.PATTERN:
                    kind = MatchKind.PATTERN
                elif (m.start, m.end) == (first, last):
                    kind = MatchKind.EXACT if _same_words(query, term.text) else \
                        MatchKind.INFLECTED
                else:
                    kind = MatchKind.IN_QUERY
                add(concept, term, kind, m.end - m.start)
            for concept, term in self._containing(query, code):
                add(concept, term, MatchKind.PARTIAL, 0)
        ranked = sorted(found.values(), key=lambda f: (f[0], f[2].concept.id, -f[1]))
        return [hit for _, _, hit in ranked]

    def _containing(self, query: str, lang: str) -> list[tuple[Concept, Term]]:
        """Terms of `lang` whose text contains the query read as a term of that language."""
        probes: dict[tuple[bool, bool], Matcher] = {}
        out = []
        for concept in self.termbase.concepts:
            for term in concept.terms:
                if base_lang(term.lang) != lang or term.match is MatchMode.PATTERN:
                    continue
                mode = (term.case_sensitive, term.match is MatchMode.EXACT)
                probe = probes.get(mode)
                if probe is None:
                    probe = probes.setdefault(mode, _probe(query, lang, *mode))
                if probe.find_all(term.text, lang):
                    out.append((concept, term))
        return out


def search(termbase: Termbase, query: str, lang: str | None = None) -> list[Hit]:
    """Terms of `termbase` that match `query`; see TermSearch."""
    return TermSearch(termbase).search(query, lang)


def _probe(query: str, lang: str, case_sensitive: bool, exact: bool) -> Matcher:
    """A matcher whose only term is the query: it finds the query inside term texts."""
    term = Term(lang, query, Status.PREFERRED, case_sensitive=case_sensitive,
                match=MatchMode.EXACT if exact else MatchMode.INFLECTING)
    if not case_sensitive:
        # The query's capitals say nothing about the term it is part of.
        term = replace(term, text=query.lower())
    return Matcher(Termbase(concepts=(Concept("query", (term,)),)))


def _same_words(query: str, text: str) -> bool:
    from glossary.match import word_parts
    from lang.normalize import normalize_token

    return [normalize_token(p[0]) for p in word_parts(query)] == \
        [normalize_token(p[0]) for p in word_parts(text)]
