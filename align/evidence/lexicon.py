"""A bilingual lexicon learned from the confident beads of a first pass, used in a second.

hunalign's realign idea: align once, take the beads the aligner is sure of, count which
source and target base forms occur together, and keep the pairs that co-occur far more
than chance (Dice coefficient over beads, at least twice). Words found in most beads say
nothing and are dropped. Learned over one document, or over all documents of a batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from align.evidence.base import (
    Extracted,
    ItemSets,
    PairView,
    SaysNothingOnSkips,
    SideText,
    Vocabulary,
    item_match,
)
from lang.normalize import fold_case

KEY = "lexicon"
MIN_COUNT = 2
MIN_DICE = 0.3
MAX_TRANSLATIONS = 3
# A form in more than this share of beads is a function word or a topic word: no evidence.
MAX_SHARE = 0.3
MIN_WORD = 3
STEM = 5


@dataclass(frozen=True)
class Lexicon:
    """Source base form -> its likely target base forms with a weight in (0, 1]."""

    src_lang: str
    tgt_lang: str
    entries: Mapping[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def merged(self, other: Lexicon | None) -> Lexicon:
        """Entries of both, this lexicon's winning where both know a word."""
        if other is None or not other.entries:
            return self
        return Lexicon(self.src_lang, self.tgt_lang, {**other.entries, **self.entries})


class LexiconCounts:
    """Co-occurrence counts of base forms over beads; turned into a Lexicon by `build`."""

    def __init__(self, src_lang: str, tgt_lang: str) -> None:
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.beads = 0
        self.src: Counter[str] = Counter()
        self.tgt: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()

    def add(self, src_forms: Iterable[str], tgt_forms: Iterable[str]) -> None:
        """One bead: the content base forms of its source and its target side."""
        s, t = set(src_forms), set(tgt_forms)
        self.beads += 1
        self.src.update(s)
        self.tgt.update(t)
        self.pairs.update((x, y) for x in s for y in t)

    def build(self) -> Lexicon:
        cap = max(MIN_COUNT, MAX_SHARE * self.beads)
        best: dict[str, list[tuple[str, float]]] = {}
        for (x, y), c in self.pairs.items():
            if c < MIN_COUNT or self.src[x] > cap or self.tgt[y] > cap:
                continue
            dice = 2 * c / (self.src[x] + self.tgt[y])
            if dice >= MIN_DICE:
                best.setdefault(x, []).append((y, dice))
        entries = {
            x: tuple(sorted(ys, key=lambda p: (-p[1], p[0]))[:MAX_TRANSLATIONS])
            for x, ys in best.items()
        }
        return Lexicon(self.src_lang, self.tgt_lang, entries)


def content_forms(side: SideText) -> list[frozenset[str]]:
    """Each sentence's content words, as stems (computed once per side).

    A stem here is the case-folded word cut to its first STEM letters: inflection in
    Russian, Belarusian and English sits at the end, and co-occurrence over beads does not
    need dictionary lemmas, which cost a morphological analysis of every word.
    """
    cached = side.cache.get(KEY)
    if cached is not None:
        return cached  # type: ignore[return-value]
    out: list[frozenset[str]] = []
    for tokens in side.tokens:
        out.append(frozenset(
            fold_case(t.text)[:STEM] for t in tokens
            if t.kind == "word" and len(t.text) >= MIN_WORD and not t.text.isdigit()
        ))
    side.cache[KEY] = out
    return out


@dataclass(frozen=True)
class LexiconEvidence(SaysNothingOnSkips):
    """Lexicon translations shared by both sides of a bead."""

    lexicon: Lexicon
    name: str = "lexicon"
    feature_names: tuple[str, ...] = ("lexicon.match",)

    def extract(self, src: SideText, tgt: SideText, vocab: Vocabulary) -> Extracted:
        targets = {y for ys in self.lexicon.entries.values() for y, _ in ys}
        src_sets: list[dict[str, float]] = []
        src_counts = np.zeros(len(src), dtype=np.float64)
        for s, forms in enumerate(content_forms(src)):
            items: dict[str, float] = {}
            for x in forms:
                translations = self.lexicon.entries.get(x)
                if translations:
                    src_counts[s] += 1
                    for y, w in translations:
                        items[y] = max(items.get(y, 0.0), w)
            src_sets.append(items)
        tgt_sets = [{y: 1.0 for y in forms if y in targets} for forms in content_forms(tgt)]
        return Extracted(
            src_dense={f"{KEY}.count": src_counts},
            tgt_dense={f"{KEY}.count": np.array([len(t) for t in tgt_sets], dtype=np.float64)},
            src_items={KEY: ItemSets.build(src_sets, vocab)},
            tgt_items={KEY: ItemSets.build(tgt_sets, vocab)},
        )

    def features(
        self, view: PairView, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> np.ndarray:
        return item_match(view, KEY, a, b, i, j)[0][None, :]
