"""Glossary terms found on both sides: a concept whose term occurs in both runs of a bead.

The aligner does not match terms itself: a `TermFinder` (the glossary's matcher, see
`align.glossary_terms`) says which concepts each sentence mentions, in any inflection, and
this evidence counts the concepts a source run and a target run share.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

KEY = "terms"

# (sentences, language code) -> for each sentence, the ids of the concepts it mentions.
TermFinder = Callable[[Sequence[str], str], list[frozenset[str]]]


@dataclass(frozen=True)
class TermEvidence(SaysNothingOnSkips):
    """Concepts mentioned on both sides of a bead."""

    finder: TermFinder
    name: str = "terms"
    feature_names: tuple[str, ...] = ("terms.match",)

    def extract(self, src: SideText, tgt: SideText, vocab: Vocabulary) -> Extracted:
        s = ItemSets.build(_items(self.finder(src.sentences, src.lang)), vocab)
        t = ItemSets.build(_items(self.finder(tgt.sentences, tgt.lang)), vocab)
        return items_extracted(KEY, s, t, len(src), len(tgt))

    def features(
        self, view: PairView, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> np.ndarray:
        return item_match(view, KEY, a, b, i, j)[0][None, :]


def _items(found: Sequence[frozenset[str]]) -> list[dict[str, float]]:
    return [dict.fromkeys(concepts, 1.0) for concepts in found]
