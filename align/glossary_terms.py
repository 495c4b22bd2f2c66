"""Glossary terms as alignment evidence: the glossary's matcher as the aligner's term finder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from align.evidence.terms import TermFinder
from glossary.match import Matcher
from glossary.model import Status, Termbase
from lang import get_language

# Deprecated and forbidden renderings are not evidence that two sentences translate each
# other: a draft may use them, but the desk's own text should not.
_USABLE = frozenset({Status.PREFERRED, Status.ADMITTED})


def term_finder(termbase: Termbase, src_lang: str, tgt_lang: str) -> TermFinder:
    """For each sentence, the concepts whose preferred or admitted terms it contains."""
    langs = (get_language(src_lang).code, get_language(tgt_lang).code)
    matcher = Matcher(termbase, langs=langs)

    def find(sentences: Sequence[str], lang: str) -> list[frozenset[str]]:
        return [frozenset(m.concept_id for m in matcher.find(s, lang) if m.status in _USABLE)
                for s in sentences]

    return find


def load_term_finder(path: Path, src_lang: str, tgt_lang: str) -> TermFinder:
    """The term finder of the glossary file at `path`."""
    from glossary.store import load

    return term_finder(load(path), src_lang, tgt_lang)
