"""What every kind of evidence shares: analysed sentences, per-sentence features, run sums.

An evidence module turns each side's sentences into per-sentence features of two kinds:
*dense* rows (a length, punctuation counts, a sentence vector) that add up over a run of
sentences, and *item sets* (numbers, name keys, lexicon words) whose overlap between the two
sides is evidence. A `PairView` then answers, for whole arrays of candidate beads at once,
the sums over a source run, over a target run, and the overlap of item sets between them.
Merging neighbouring sentences (for the coarse levels of the search) is the same operation
for every feature, so evidence modules never see the search.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from lang import get_language
from lang.tokens import Token


@dataclass(frozen=True)
class SideText:
    """One side's sentences, tokenised once, with base forms looked up on demand."""

    lang: str
    sentences: tuple[str, ...]
    tokens: tuple[tuple[Token, ...], ...]
    # Per-side results an evidence derives once (content words, name keys), by its key.
    cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def analyse(cls, sentences: Sequence[str], lang: str) -> SideText:
        language = get_language(lang)
        return cls(
            lang=language.code,
            sentences=tuple(sentences),
            tokens=tuple(tuple(language.tokenize(s)) for s in sentences),
        )

    def __len__(self) -> int:
        return len(self.sentences)

    @functools.cached_property
    def base_forms(self) -> Callable[[str], tuple[str, ...]]:
        """The language's base forms, memoised for this side (documents repeat words)."""
        return functools.lru_cache(maxsize=1 << 16)(get_language(self.lang).base_forms)


class Vocabulary:
    """Item strings to ids, shared by both sides of one pair so equal items meet."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def id(self, item: str) -> int:
        return self._ids.setdefault(item, len(self._ids))


@dataclass(frozen=True)
class ItemSets:
    """A set of weighted items per sentence, as parallel arrays sorted by sentence."""

    sent: np.ndarray
    item: np.ndarray
    weight: np.ndarray

    @classmethod
    def build(
        cls, per_sentence: Sequence[Mapping[str, float]], vocab: Vocabulary
    ) -> ItemSets:
        """From one {item: weight} mapping per sentence."""
        sent = [s for s, items in enumerate(per_sentence) for _ in items]
        ids = [vocab.id(x) for items in per_sentence for x in items]
        weight = [w for items in per_sentence for w in items.values()]
        return cls(
            np.asarray(sent, dtype=np.int64),
            np.asarray(ids, dtype=np.int64),
            np.asarray(weight, dtype=np.float64),
        )

    def merged(self, factor: int) -> ItemSets:
        """Items of sentences k*factor..k*factor+factor-1 as one set (max weight kept)."""
        sent = self.sent // factor
        if len(sent) == 0:
            return ItemSets(sent, self.item, self.weight)
        order = np.lexsort((-self.weight, self.item, sent))
        sent, item, weight = sent[order], self.item[order], self.weight[order]
        first = np.ones(len(sent), dtype=bool)
        first[1:] = (sent[1:] != sent[:-1]) | (item[1:] != item[:-1])
        return ItemSets(sent[first], item[first], weight[first])

    def per_sentence_total(self, n: int) -> np.ndarray:
        """Summed weight of each sentence's items."""
        return np.bincount(self.sent, weights=self.weight, minlength=n)[:n].astype(np.float64)


@dataclass(frozen=True)
class SideFeatures:
    """Every evidence's per-sentence features for one side, by key."""

    n: int
    dense: Mapping[str, np.ndarray] = field(default_factory=dict)
    items: Mapping[str, ItemSets] = field(default_factory=dict)

    def merged(self, factor: int) -> SideFeatures:
        """The same side with neighbouring sentences merged in groups of `factor`."""
        n = -(-self.n // factor)
        starts = np.arange(0, self.n, factor)
        dense = {
            k: np.add.reduceat(v, starts, axis=0) if self.n else v for k, v in self.dense.items()
        }
        items = {k: v.merged(factor) for k, v in self.items.items()}
        return SideFeatures(n, dense, items)

    def with_features(
        self, dense: Mapping[str, np.ndarray], items: Mapping[str, ItemSets]
    ) -> SideFeatures:
        return SideFeatures(self.n, {**self.dense, **dense}, {**self.items, **items})


@dataclass(frozen=True)
class Extracted:
    """What one evidence adds to each side's features."""

    src_dense: Mapping[str, np.ndarray] = field(default_factory=dict)
    tgt_dense: Mapping[str, np.ndarray] = field(default_factory=dict)
    src_items: Mapping[str, ItemSets] = field(default_factory=dict)
    tgt_items: Mapping[str, ItemSets] = field(default_factory=dict)


class Evidence(Protocol):
    """One kind of evidence: per-sentence features once, then bead features in bulk.

    `features(view, a, b, i, j)` returns an array (len(feature_names), len(i)) for beads of
    shape (a, b) with a, b >= 1 ending at boundaries (i, j): source ids i-a..i-1 against
    target ids j-b..j-1. Values are additive evidence: larger means more likely aligned,
    and a bead covering more sentences carries proportionally more of it.
    `skip_features(view, side, ids)` returns (len(skip_feature_names), len(ids)) for
    leaving sentences `ids` of `side` ("src" or "tgt") unaligned (1:0 and 0:1 beads).
    """

    name: str
    feature_names: tuple[str, ...]
    skip_feature_names: tuple[str, ...]

    def extract(self, src: SideText, tgt: SideText, vocab: Vocabulary) -> Extracted: ...

    def features(
        self, view: PairView, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> np.ndarray: ...

    def skip_features(self, view: PairView, side: str, ids: np.ndarray) -> np.ndarray: ...


class SaysNothingOnSkips:
    """For evidence that has no opinion on leaving a sentence out."""

    skip_feature_names: tuple[str, ...] = ()

    def skip_features(self, view: PairView, side: str, ids: np.ndarray) -> np.ndarray:
        return np.zeros((0, len(ids)), dtype=np.float64)


class PairView:
    """Run sums and cross-side overlaps over the cells a search will visit.

    `slo[r]..shi[r]-1` are the target sentences that source sentence r may meet in a bead;
    overlaps are computed only there (and are zero outside), which keeps them linear in size.
    `blo[i]..bhi[i]` are the target boundaries that beads ending near boundary row i (within
    max_bead rows) may end at: where an evidence may tabulate per-boundary quantities.
    """

    def __init__(
        self,
        src: SideFeatures,
        tgt: SideFeatures,
        slo: np.ndarray,
        shi: np.ndarray,
        blo: np.ndarray | None = None,
        bhi: np.ndarray | None = None,
    ) -> None:
        self.src = src
        self.tgt = tgt
        self.slo = np.asarray(slo, dtype=np.int64)
        self.shi = np.maximum(np.asarray(shi, dtype=np.int64), self.slo)
        self.width = int((self.shi - self.slo).max()) if len(self.slo) else 0
        full_lo = np.zeros(src.n + 1, dtype=np.int64)
        self.blo = full_lo if blo is None else np.asarray(blo, dtype=np.int64)
        self.bhi = full_lo + tgt.n if bhi is None else np.asarray(bhi, dtype=np.int64)
        self._prefix: dict[tuple[str, str], np.ndarray] = {}
        self._overlap: dict[str, np.ndarray] = {}
        self.cache: dict[str, object] = {}  # per-pair quantities an evidence derives once

    @classmethod
    def for_band(cls, src: SideFeatures, tgt: SideFeatures, lo: np.ndarray,
                 hi: np.ndarray, max_bead: int) -> PairView:
        """The view for a search band (boundary rows lo..hi) and beads up to max_bead."""
        n, m = src.n, tgt.n
        r = np.arange(n, dtype=np.int64)
        slo = np.maximum(lo[np.minimum(r + 1, n)] - max_bead, 0)
        shi = np.minimum(hi[np.minimum(r + max_bead, n)], m)
        b = np.arange(n + 1, dtype=np.int64)
        blo = np.maximum(lo[np.maximum(b - max_bead, 0)] - max_bead, 0)
        bhi = np.minimum(hi[np.minimum(b + max_bead, n)] + max_bead, m)
        return cls(src, tgt, slo, shi, blo, bhi)

    # ---- runs of one side
    def _cum(self, side: str, key: str) -> np.ndarray:
        cached = self._prefix.get((side, key))
        if cached is None:
            feats = self.src if side == "src" else self.tgt
            rows = np.asarray(feats.dense[key], dtype=np.float64)
            cached = np.concatenate([np.zeros((1, *rows.shape[1:])), np.cumsum(rows, axis=0)])
            self._prefix[(side, key)] = cached
        return cached

    def src_run(self, key: str, a: int, i: np.ndarray) -> np.ndarray:
        """Sum of dense[key] over source sentences i-a..i-1 (rows follow i)."""
        cum = self._cum("src", key)
        return cum[i] - cum[i - a]

    def tgt_run(self, key: str, b: int, j: np.ndarray) -> np.ndarray:
        """Sum of dense[key] over target sentences j-b..j-1."""
        cum = self._cum("tgt", key)
        return cum[j] - cum[j - b]

    # ---- overlaps between sides
    def overlap_rows(self, key: str) -> np.ndarray:
        """Prefix sums along each source row of the pairwise item overlap, shape (n, W+1)."""
        cached = self._overlap.get(key)
        if cached is None:
            pair = _pairwise(self.src.items[key], self.tgt.items[key], self.slo, self.shi,
                             self.src.n, self.tgt.n, self.width)
            cached = np.concatenate([np.zeros((self.src.n, 1)), np.cumsum(pair, axis=1)], axis=1)
            self._overlap[key] = cached
        return cached

    def set_overlap_rows(self, key: str, pair: np.ndarray) -> None:
        """Install a pairwise matrix (n, W) in band coordinates computed by an evidence."""
        self._overlap[key] = np.concatenate(
            [np.zeros((self.src.n, 1)), np.cumsum(pair, axis=1)], axis=1
        )

    def block(self, key: str, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Summed pairwise overlap of sources i-a..i-1 with targets j-b..j-1."""
        rows = self.overlap_rows(key)
        total = np.zeros(len(i), dtype=np.float64)
        for t in range(1, a + 1):
            r = i - t
            hi = np.clip(j - self.slo[r], 0, self.width)
            lo = np.clip(j - b - self.slo[r], 0, self.width)
            total += rows[r, hi] - rows[r, lo]
        return total

    def band_cells(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Source rows (n, 1), target ids (n, W) and which are inside the band."""
        r = np.arange(self.src.n, dtype=np.int64)[:, None]
        t = self.slo[:, None] + np.arange(self.width, dtype=np.int64)[None, :]
        return r, t, t < self.shi[:, None]


def _pairwise(src: ItemSets, tgt: ItemSets, slo: np.ndarray, shi: np.ndarray,
              n: int, m: int, width: int) -> np.ndarray:
    """Weighted item overlap of source r and target slo[r]+c, as an (n, width) matrix.

    A sorted join: target occurrences ordered by (item, sentence), and for each source
    occurrence the slice of targets with its item inside that row's band, found by binary
    search, so the work is the number of in-band matches, never n * m.
    """
    out = np.zeros((n, width), dtype=np.float64)
    if len(src.sent) == 0 or len(tgt.sent) == 0 or width == 0:
        return out
    stride = m + 1
    tkey = tgt.item * stride + tgt.sent
    order = np.argsort(tkey, kind="stable")
    tkey, tsent, tweight = tkey[order], tgt.sent[order], tgt.weight[order]
    base = src.item * stride
    first = np.searchsorted(tkey, base + slo[src.sent], side="left")
    last = np.searchsorted(tkey, base + shi[src.sent], side="left")
    counts = last - first
    total = int(counts.sum())
    if total == 0:
        return out
    occ = np.repeat(np.arange(len(src.sent)), counts)
    offsets = np.repeat(first - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
    match = np.arange(total) + offsets
    rows = src.sent[occ]
    cols = tsent[match] - slo[rows]
    flat = np.bincount(rows * width + cols, weights=src.weight[occ] * tweight[match],
                       minlength=n * width)
    return flat.reshape(n, width)


def items_extracted(key: str, src: ItemSets, tgt: ItemSets, n: int, m: int) -> Extracted:
    """Item sets for both sides plus their per-sentence totals under `key + ".count"`."""
    return Extracted(
        src_dense={f"{key}.count": src.per_sentence_total(n)},
        tgt_dense={f"{key}.count": tgt.per_sentence_total(m)},
        src_items={key: src},
        tgt_items={key: tgt},
    )


def item_match(
    view: PairView, key: str, a: int, b: int, i: np.ndarray, j: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Matched and unmatched item mass of a bead.

    Matches are summed over sentence pairs, so an item repeated across a run could count
    twice; capping at the smaller side's total keeps the count honest.
    """
    na = view.src_run(f"{key}.count", a, i)
    nb = view.tgt_run(f"{key}.count", b, j)
    matched = np.minimum(view.block(key, a, b, i, j), np.minimum(na, nb))
    return matched, na + nb - 2 * matched
