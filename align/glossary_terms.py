"""Glossary terms as alignment evidence: the desk's term pairs in base forms."""

from __future__ import annotations

from pathlib import Path

from align.evidence.terms import TermPair
from glossary.model import Status, Termbase
from lang import get_language
from lang.language import Language

# Deprecated and forbidden renderings are not evidence that two sentences translate each
# other: a draft may use them, but the desk's own text should not.
_USABLE = (Status.PREFERRED, Status.ADMITTED)


def term_pairs(termbase: Termbase, src_lang: str, tgt_lang: str) -> tuple[TermPair, ...]:
    """Every usable source term paired with every usable target term of the same concept."""
    src, tgt = get_language(src_lang), get_language(tgt_lang)
    pairs: dict[TermPair, None] = {}
    for concept in termbase.concepts:
        sources = [_forms(t.text, src) for t in concept.terms
                   if t.lang == src.code and t.status in _USABLE]
        targets = [_forms(t.text, tgt) for t in concept.terms
                   if t.lang == tgt.code and t.status in _USABLE]
        for s in sources:
            for t in targets:
                if s and t:
                    pairs[TermPair(s, t)] = None
    return tuple(pairs)


def load_term_pairs(path: Path, src_lang: str, tgt_lang: str) -> tuple[TermPair, ...]:
    """Term pairs from the glossary file at `path`."""
    from glossary.store import load

    return term_pairs(load(path), src_lang, tgt_lang)


def _forms(text: str, language: Language) -> tuple[str, ...]:
    # The first base form of each word: the evidence looks it up among all base forms of
    # the words of a sentence, so an inflected occurrence still matches.
    words = [t.text for t in language.tokenize(text) if t.kind in ("word", "number")]
    return tuple((language.base_forms(w) or (language.normalize(w),))[0] for w in words)
