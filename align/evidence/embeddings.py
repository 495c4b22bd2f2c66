"""Semantic evidence: cosines of sentence and run embeddings, rescaled per document pair.

Every run of sentences gets its own vector from summed encoder parts (see `encoder`), at
full resolution and at every coarse level of the search alike. Cosines are rescaled per
document pair: 0 for what two unrelated sentences of this pair typically score, 1 for a
typical best match. That rescaling lets one weight serve documents of any topic. A pair's
own estimates are shrunk toward what development data shows for the encoder (`Scale`), so
that a short input, down to the two or three sentences of one segment, still reads sensibly.

Bead features: the rescaled cosine z of the two runs; z times the bead's size beyond one
sentence a side; the weakest member (the lowest z of one sentence against the other run: a
merge that swallows an unrelated sentence has a low one); and the similarity mass (z of
every sentence pair of the bead summed: unrelated pairs add about 0, so mass adds up across
beads, and merging two beads gains only what their cross pairs share, as a true 2:2
crossing does and two 1:1 beads do not). For a sentence left out: its best z with any
sentence of the other side in reach (a sentence with a close match is rarely an omission).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from align.evidence.base import Extracted, PairView, SideText, Vocabulary
from align.evidence.encoder import SentenceParts, compose, embed_sentences

__all__ = ["EmbeddingEvidence", "embed_sentences"]  # embed_sentences: re-exported for callers

PARTS = ("use.inner", "use.bos", "use.eos", "use.ntok", "use.count")
PAIR_Z = "use.pair_z"
_BACKGROUND_SAMPLE = 400  # rows per side used to estimate the cosine of unrelated sentences
_BLOCK = 1 << 16  # cells per matrix product: few large products, not many small ones
# How much the prior scale counts against a pair's own estimates: as many sentence pairs
# (for the background) and as many sentences (for the typical best match) measured.
_PRIOR_PAIRS = 20
_PRIOR_ROWS = 5


@dataclass(frozen=True)
class Scale:
    """The encoder's typical cosine of unrelated sentences and of a sentence's best match."""

    background: float
    top: float


# Measured on NTREX-128 dev, unperturbed, as means over its documents of each document's
# mean cosine and median best cosine: Russian-English, which the encoder reads natively,
# and Belarusian-English, which it reads through a Russian respelling.
NATIVE_SCALE = Scale(background=0.248, top=0.675)
PARTIAL_SCALE = Scale(background=0.164, top=0.482)


@dataclass(frozen=True)
class EmbeddingEvidence:
    """Rescaled cosines of runs and sentences (see the module docstring)."""

    src_parts: SentenceParts
    tgt_parts: SentenceParts
    prior: Scale = NATIVE_SCALE
    name: str = "embeddings"
    feature_names: tuple[str, ...] = ("emb.z", "emb.z_size", "emb.weakest", "emb.mass")
    skip_feature_names: tuple[str, ...] = ("skip.emb_best",)
    # Run vectors by (side, run size, units per side): they depend on the sentences only, so
    # both passes of an alignment (and both views of a level) share them.
    memo: dict[tuple[str, int, int, int], np.ndarray] = field(
        default_factory=dict, compare=False, repr=False
    )

    def extract(self, src: SideText, tgt: SideText, vocab: Vocabulary) -> Extracted:
        return Extracted(src_dense=_dense(self.src_parts), tgt_dense=_dense(self.tgt_parts))

    def features(
        self, view: PairView, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> np.ndarray:
        view.cache.setdefault("emb.memo", self.memo)
        background, spread = _scale(view, self.prior)
        z = (_cosines(view, a, b, i, j) - background) / spread
        if a == 1 and b == 1:
            weakest = z
        else:
            lowest = np.full(len(i), np.inf)
            for t in range(a):  # each source sentence against the target run
                lowest = np.minimum(lowest, _cosines(view, 1, b, i - t, j))
            for u in range(b):  # each target sentence against the source run
                lowest = np.minimum(lowest, _cosines(view, a, 1, i, j - u))
            weakest = (lowest - background) / spread
        mass = view.block(PAIR_Z, a, b, i, j)
        return np.stack([z, z * ((a + b) / 2 - 1), weakest, mass])

    def skip_features(self, view: PairView, side: str, ids: np.ndarray) -> np.ndarray:
        view.cache.setdefault("emb.memo", self.memo)
        background, spread = _scale(view, self.prior)
        best = _best_cosines(view)[0 if side == "src" else 1]
        return ((best[ids] - background) / spread)[None, :]


def _dense(parts: SentenceParts) -> dict[str, np.ndarray]:
    return dict(zip(PARTS, (parts.inner, parts.bos, parts.eos, parts.ntok,
                            np.ones(len(parts.ntok))), strict=True))


def _runs(view: PairView, side: str, size: int) -> np.ndarray:
    """Unit vectors of the runs of `size` units ending at each boundary (row e: e-size..e-1),
    zero where no such run exists; computed once per side, size and level."""
    memo = view.cache["emb.memo"]
    key = (side, size, view.src.n, view.tgt.n)
    cached = memo.get(key)  # type: ignore[attr-defined]
    if cached is None:
        n = view.src.n if side == "src" else view.tgt.n
        ends = np.arange(size, n + 1, dtype=np.int64)
        run = view.src_run if side == "src" else view.tgt_run
        sums = [run(k, size, ends) for k in PARTS]
        cached = np.zeros((n + 1, 512), dtype=np.float32)
        if len(ends):
            cached[size:] = compose(*sums)
        memo[key] = cached  # type: ignore[index]
    return cached  # type: ignore[return-value]


def _cosines(view: PairView, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Cosine of the source run of a units ending at i with the target run of b ending at j.

    Tabulated once per view and (a, b) over the boundary band (one matrix product per block
    of rows); cells outside it, rare, are computed one by one.
    """
    key = f"emb.cos.{a}.{b}"
    table = view.cache.get(key)
    if table is None:
        table = _band_table(view, _runs(view, "src", a), _runs(view, "tgt", b))
        view.cache[key] = table
    base = view.blo[i]
    col = j - base
    inside = (col >= 0) & (j <= view.bhi[i])
    out = np.empty(len(i), dtype=np.float64)
    out[inside] = table[i[inside], col[inside]]  # type: ignore[index]
    if not inside.all():
        out[~inside] = _dots(_runs(view, "src", a), _runs(view, "tgt", b), i[~inside],
                             j[~inside])
    return out


def _band_table(view: PairView, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """left[i] . right[j] for every boundary row i and j in blo[i]..bhi[i], (n+1, W)."""
    n = len(view.blo) - 1
    width = int((view.bhi - view.blo).max()) + 1 if n >= 0 else 0
    table = np.zeros((n + 1, width), dtype=np.float32)
    rows_per_block = max(1, _BLOCK // max(width, 1))
    for r0 in range(0, n + 1, rows_per_block):
        r1 = min(n + 1, r0 + rows_per_block)
        c0, c1 = int(view.blo[r0]), int(view.bhi[r1 - 1]) + 1
        block = left[r0:r1] @ right[c0:c1].T
        cols = view.blo[r0:r1, None] - c0 + np.arange(width)[None, :]
        rows = np.arange(r1 - r0)[:, None]
        table[r0:r1] = np.where(cols < c1 - c0, block[rows, np.minimum(cols, c1 - c0 - 1)], 0)
    return table


def _dots(left: np.ndarray, right: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """left[rows[k]] . right[cols[k]] for every k.

    Cells come ordered along the band, so a block of them spans few rows and columns: one
    small matrix product per block, instead of gathering two vectors per cell.
    """
    out = np.empty(len(rows), dtype=np.float64)
    for start in range(0, len(rows), _BLOCK):
        r = rows[start:start + _BLOCK]
        c = cols[start:start + _BLOCK]
        r0, c0 = int(r.min()), int(c.min())
        block = left[r0:int(r.max()) + 1] @ right[c0:int(c.max()) + 1].T
        out[start:start + _BLOCK] = block[r - r0, c - c0]
    return out


def _scale(view: PairView, prior: Scale) -> tuple[float, float]:
    """(background cosine, best-match cosine minus background) for this pair, once: its own
    estimates shrunk toward `prior`."""
    cached = view.cache.get("emb.scale")
    if cached is not None:
        return cached  # type: ignore[return-value]
    u = _runs(view, "src", 1)[1:]
    v = _runs(view, "tgt", 1)[1:]
    # Strided samples, not random ones: deterministic without a seed, spread over the text.
    us = u[:: max(1, len(u) // _BACKGROUND_SAMPLE)]
    vs = v[:: max(1, len(v) // _BACKGROUND_SAMPLE)]
    pairs = len(us) * len(vs)
    own = float((us @ vs.T).sum()) if pairs else 0.0
    background = (own + prior.background * _PRIOR_PAIRS) / (pairs + _PRIOR_PAIRS)
    cos = _pair_cosines(view)
    _, _, inside = view.band_cells()
    best = np.where(inside, cos, -1.0).max(axis=1) if cos.size else np.zeros(0)
    own_top = float(np.median(best)) if len(best) else prior.top
    top = (own_top * len(best) + prior.top * _PRIOR_ROWS) / (len(best) + _PRIOR_ROWS)
    cached = (background, max(top - background, 0.05))
    view.cache["emb.scale"] = cached
    view.set_overlap_rows(PAIR_Z, (cos - background) / cached[1] * inside)
    return cached


def _pair_cosines(view: PairView) -> np.ndarray:
    """Cosine of each sentence pair in the band, in band coordinates (n, W)."""
    cached = view.cache.get("emb.pairs")
    if cached is None:
        r, t, inside = view.band_cells()
        rr = np.broadcast_to(r, t.shape)[inside]
        tt = t[inside]
        cached = np.zeros(t.shape, dtype=np.float64)
        if len(rr):
            cached[inside] = _cosines(view, 1, 1, rr + 1, tt + 1)
        view.cache["emb.pairs"] = cached
    return cached  # type: ignore[return-value]


def _best_cosines(view: PairView) -> tuple[np.ndarray, np.ndarray]:
    """Each source's and each target's best cosine with a sentence in reach, once."""
    cached = view.cache.get("emb.best")
    if cached is None:
        cos = _pair_cosines(view)
        _, t, inside = view.band_cells()
        src_best = np.full(view.src.n, -1.0)
        if cos.size:
            src_best = np.where(inside, cos, -1.0).max(axis=1)
        tgt_best = np.full(view.tgt.n, -1.0)
        np.maximum.at(tgt_best, t[inside], cos[inside])
        cached = (src_best, tgt_best)
        view.cache["emb.best"] = cached
    return cached  # type: ignore[return-value]
