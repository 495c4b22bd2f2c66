"""Finding concepts from any inflected form: "Великой Отечественной войны" finds the war.

A query and every term are cut into word tokens (lang.tokenize), and each token is reduced to
its base forms with the term's language (lang.get_language(...).base_forms): all lemmas of an
ambiguous Russian word, an English lemma, a Belarusian stem. Two tokens match when their base
forms meet. A term matches when its tokens match a run of the query's tokens in order (the
term is in the query), or the query's tokens match a run of the term's (the query is part of
the term). The query needs no language: it is reduced with each term's language in turn.

Match modes: exact terms compare normalised surface forms instead of base forms; pattern
terms are a regular expression searched in the query; case-sensitive terms also need the
query's tokens to be capitalised as theirs are.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass

from glossary.model import Concept, MatchMode, Term, Termbase


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


@dataclass(frozen=True)
class _Word:
    surface: str  # as written
    norm: str  # normalised (case folded, ё as е)


class TermSearch:
    """Search over one termbase; base forms of terms are computed once and kept."""

    def __init__(self, termbase: Termbase, base_forms: Callable[[str], Callable[[str],
                 tuple[str, ...]]] | None = None) -> None:
        self.termbase = termbase
        self._profiles: dict[str, Callable[[str], tuple[str, ...]]] = {}
        self._base_forms = base_forms or _profile
        self._term_words: dict[tuple[str, str], tuple[_Word, ...]] = {}
        self._forms: dict[tuple[str, str], frozenset[str]] = {}

    def search(self, query: str, lang: str | None = None) -> list[Hit]:
        """Every term matching `query` (in `lang` only, if given), best matches first."""
        words = _words(query)
        if not words:
            return []
        initials = {_initial(w.norm) for w in words}
        hits: list[Hit] = []
        for concept in self.termbase.concepts:
            for term in concept.terms:
                if lang is not None and _base_lang(term.lang) != lang:
                    continue
                kind = self._match(term, query, words, initials)
                if kind is not None:
                    hits.append(Hit(concept, term, kind))
        hits.sort(key=lambda h: (h.kind, h.concept.id))
        return hits

    def _match(self, term: Term, query: str, words: tuple[_Word, ...],
               initials: set[str]) -> MatchKind | None:
        if term.match is MatchMode.PATTERN:
            flags = 0 if term.case_sensitive else re.IGNORECASE
            try:
                found = re.search(term.pattern or "(?!)", query, flags)
            except re.error:
                return None  # lint reports bad patterns
            return MatchKind.PATTERN if found else None
        key = (term.lang, term.text)
        mine = self._term_words.get(key)
        if mine is None:
            mine = self._term_words.setdefault(key, _words(term.text))
        if not mine:
            return None
        # Cheap filter before any morphology: inflection keeps a word's first letter.
        mine_initials = {_initial(w.norm) for w in mine}
        if not (mine_initials <= initials or initials <= mine_initials):
            return None
        lang = _base_lang(term.lang)
        same = self._same_exact if term.match is MatchMode.EXACT else self._same_inflected
        if len(mine) == len(words) and all(
            a.norm == b.norm for a, b in zip(mine, words, strict=True)
        ) and _case_ok(term, mine, words):
            return MatchKind.EXACT
        if _contains(words, mine, lambda q, t: same(lang, q, t) and _case_fits(term, t, q)):
            return MatchKind.INFLECTED if len(mine) == len(words) else MatchKind.IN_QUERY
        if len(words) < len(mine) and _contains(
            mine, words, lambda t, q: same(lang, q, t) and _case_fits(term, t, q)
        ):
            return MatchKind.PARTIAL
        return None

    def _same_exact(self, lang: str, query: _Word, term: _Word) -> bool:
        return query.norm == term.norm

    def _same_inflected(self, lang: str, query: _Word, term: _Word) -> bool:
        if query.norm == term.norm:
            return True
        return bool(self._base(lang, query.surface) & self._base(lang, term.surface))

    def _base(self, lang: str, word: str) -> frozenset[str]:
        key = (lang, word)
        found = self._forms.get(key)
        if found is None:
            profile = self._profiles.get(lang)
            if profile is None:
                profile = self._profiles.setdefault(lang, self._base_forms(lang))
            found = self._forms.setdefault(key, frozenset(profile(word)))
        return found


def search(termbase: Termbase, query: str, lang: str | None = None) -> list[Hit]:
    """Terms of `termbase` that match `query`; see TermSearch."""
    return TermSearch(termbase).search(query, lang)


def _profile(lang: str) -> Callable[[str], tuple[str, ...]]:
    from lang import get_language

    try:
        return get_language(lang).base_forms
    except Exception:  # a code in a foreign file that lang does not know: words as written
        from lang.normalize import normalize_token

        return lambda word: (normalize_token(word),)


def _words(text: str) -> tuple[_Word, ...]:
    from lang.normalize import normalize_token
    from lang.tokens import tokenize

    return tuple(_Word(t.text, normalize_token(t.text)) for t in tokenize(text)
                 if t.kind in ("word", "number"))


def _initial(norm: str) -> str:
    # Belarusian ў at the start of a word is у after a vowel (ўрад, урад).
    first = norm[:1]
    return "у" if first == "ў" else first


def _base_lang(code: str) -> str:
    return code.split("-")[0].lower()


def _contains(haystack: tuple[_Word, ...], needle: tuple[_Word, ...],
              same: Callable[[_Word, _Word], bool]) -> bool:
    """Whether `needle` matches a run of `haystack`, word by word with `same(h, n)`."""
    width = len(needle)
    return any(
        all(same(haystack[start + i], needle[i]) for i in range(width))
        for start in range(len(haystack) - width + 1)
    )


def _shape(word: str) -> tuple[bool, bool]:
    return word[:1].isupper(), word.isupper() and len(word) > 1


def _case_fits(term: Term, term_word: _Word, query_word: _Word) -> bool:
    return not term.case_sensitive or _shape(term_word.surface) == _shape(query_word.surface)


def _case_ok(term: Term, mine: tuple[_Word, ...], words: tuple[_Word, ...]) -> bool:
    return all(_case_fits(term, a, b) for a, b in zip(mine, words, strict=True))
