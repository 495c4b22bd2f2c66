"""Glossary terms found on both sides: a term pair whose source and target both occur.

Terms come as plain data, each side a sequence of base forms word by word (as
`Language.base_forms` gives them), so inflected occurrences match: ("налоговый", "кодекс")
finds "Налогового кодекса". The glossary package supplies them; the aligner only matches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.evidence.base import (
    Extracted,
    ItemSets,
    PairView,
    SaysNothingOnSkips,
    SideText,
    Vocabulary,
    item_match,
    items_extracted,
)
from lang import get_language

KEY = "terms"


@dataclass(frozen=True)
class TermPair:
    """One glossary entry: source and target base forms, one per word."""

    src: tuple[str, ...]
    tgt: tuple[str, ...]


@dataclass(frozen=True)
class TermEvidence(SaysNothingOnSkips):
    """Term pairs with both sides inside a bead."""

    terms: tuple[TermPair, ...]
    name: str = "terms"
    feature_names: tuple[str, ...] = ("terms.match",)

    def extract(self, src: SideText, tgt: SideText, vocab: Vocabulary) -> Extracted:
        s = ItemSets.build(find_terms(src, [t.src for t in self.terms]), vocab)
        t = ItemSets.build(find_terms(tgt, [t.tgt for t in self.terms]), vocab)
        return items_extracted(KEY, s, t, len(src), len(tgt))

    def features(
        self, view: PairView, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> np.ndarray:
        return item_match(view, KEY, a, b, i, j)[0][None, :]


def find_terms(side: SideText, terms: Sequence[tuple[str, ...]]) -> list[dict[str, float]]:
    """For each sentence, the ids ("term:3") of the terms that occur in it."""
    by_first: dict[str, list[int]] = defaultdict(list)
    for k, term in enumerate(terms):
        if term:
            by_first[term[0]].append(k)
    language_normalize = get_language(side.lang).normalize
    found: list[dict[str, float]] = []
    for tokens in side.tokens:
        words = [t.text for t in tokens if t.kind in ("word", "number")]
        forms = [{language_normalize(w), *side.base_forms(w)} for w in words]
        hits: dict[str, float] = {}
        for p, here in enumerate(forms):
            for first in here:
                for k in by_first.get(first, ()):
                    term = terms[k]
                    if p + len(term) <= len(forms) and all(
                        term[q] in forms[p + q] for q in range(1, len(term))
                    ):
                        hits[f"term:{k}"] = 1.0
        found.append(hits)
    return found
