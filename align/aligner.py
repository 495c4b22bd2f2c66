"""Sentence alignment of a document pair: the public entry points.

Pass one scores beads (up to `max_bead` sentences a side, plus 1:0 and 0:1) from length,
numbers, names, punctuation, glossary terms, paragraph anchors and, by default, sentence
embeddings, and finds the best path coarse-to-fine in a band (`align.search`). Pass two
learns from pass one's confident beads a bilingual lexicon and the pair's length model, and
searches again in a band around the first path. Every bead's score is its posterior
probability among all paths in the band: a confidence in [0, 1]. A bead below
`align.model.LOW_CONFIDENCE` is one to check: on the benchmark sets two in five of those are
wrong, against one in a hundred of those above 0.95 (bench/RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from align import passes
from align.evidence.base import Evidence
from align.evidence.encoder import (
    EmbeddingsUnavailableWarning,
    embeddings_available,
    encode_parts,
    reads_natively,
)
from align.evidence.lexicon import Lexicon, LexiconCounts
from align.evidence.terms import TermFinder
from align.model import Alignment, Bead
from align.scoring import Weights
from align.search import Band, staircase
from core.document import Document
from core.errors import TransdeskError
from lang import get_language

__all__ = [
    "AlignConfig",
    "EmbeddingsUnavailableWarning",
    "Lexicon",
    "TermFinder",
    "align_documents",
    "align_sentences",
    "embeddings_available",
    "learn_lexicon",
    "warm_embeddings",
]


@dataclass(frozen=True)
class AlignConfig:
    """How to align.

    embeddings: use the sentence encoder (falls back to lexical evidence, with an
        EmbeddingsUnavailableWarning, when it is not installed).
    max_bead: most sentences on one side of a bead (1..8).
    cache_dir: where encoder results are kept (default ~/.cache/transdesk/embeddings).
    band_radius: half-width, in sentences, of the strip searched around a coarser path.
    full_search_cells: documents with up to this many (n+1)*(m+1) cells are searched whole;
        larger ones coarse-to-fine, in time and memory linear in their length.
    second_pass: learn a lexicon and the length model from pass one and align again.
    confident: posterior above which a pass-one bead may teach the second pass.
    weights: override the built-in global weights (for experiments).
    """

    embeddings: bool = True
    max_bead: int = 4
    cache_dir: Path | None = None
    band_radius: int = 8
    full_search_cells: int = 20_000
    second_pass: bool = True
    confident: float = 0.9
    weights: Weights | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.max_bead <= 8:
            raise TransdeskError(f"max_bead must be between 1 and 8, not {self.max_bead}")
        if self.band_radius < 2:
            raise TransdeskError(f"band_radius must be at least 2, not {self.band_radius}")


DEFAULT_CONFIG = AlignConfig()


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    config: AlignConfig = DEFAULT_CONFIG,
    *,
    src_anchors: Sequence[int] = (),
    tgt_anchors: Sequence[int] = (),
    lexicon: Lexicon | None = None,
    terms: TermFinder | None = None,
) -> Alignment:
    """Align two lists of sentences; every sentence lands in exactly one bead, in order.

    `src_anchors`/`tgt_anchors` are sentence ids that open a paragraph or a speaker turn.
    `lexicon` (from `learn_lexicon`, in batch mode) adds to the one learned from this pair.
    `terms` says which glossary concepts each sentence mentions (`align.glossary_terms`).
    Emits EmbeddingsUnavailableWarning when embeddings were asked for but the encoder is
    not installed.
    """
    pair = passes.prepare(src, tgt, src_lang, tgt_lang, embeddings=config.embeddings,
                          cache_dir=config.cache_dir, src_anchors=src_anchors,
                          tgt_anchors=tgt_anchors, terms=terms)
    if pair.n == 0 or pair.m == 0:
        beads = [Bead((i,), ()) for i in range(pair.n)] + [Bead((), (j,)) for j in range(pair.m)]
        return Alignment(tuple(beads), pair.n, pair.m)
    weights = weights_for(config, pair)
    final = _search(pair, passes.evidences(pair, lexicon=lexicon), weights, config)
    if config.second_pass:
        confident = passes.confident_steps(final, weights.temperature, config.confident)
        counts = LexiconCounts(pair.src.lang, pair.tgt.lang)
        passes.count_lexicon(counts, pair, confident)
        learned = counts.build()
        chosen = passes.evidences(
            pair,
            lexicon=lexicon.merged(learned) if lexicon is not None else learned,
            length=passes.fit_length(pair, confident),
        )
        band = Band.around(staircase(final.steps), pair.n, pair.m, config.band_radius)
        final = _search(pair, chosen, weights, config, band=band)
    probs = final.posteriors(weights.temperature)
    beads = tuple(
        Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), round(float(p), 6))
        for (a, b, i, j), p in zip(final.steps, probs, strict=True)
    )
    return Alignment(beads, pair.n, pair.m)


def align_documents(
    src: Document,
    tgt: Document,
    config: AlignConfig = DEFAULT_CONFIG,
    *,
    lexicon: Lexicon | None = None,
    terms: TermFinder | None = None,
) -> Alignment:
    """Align two read documents, their paragraph and speaker-turn starts as soft anchors."""
    return align_sentences(
        [s.text for s in src.sentences],
        [s.text for s in tgt.sentences],
        src.lang,
        tgt.lang,
        config,
        src_anchors=src.paragraph_starts,
        tgt_anchors=tgt.paragraph_starts,
        lexicon=lexicon,
        terms=terms,
    )


def learn_lexicon(
    pairs: Iterable[tuple[Sequence[str], Sequence[str]]],
    src_lang: str,
    tgt_lang: str,
    config: AlignConfig = DEFAULT_CONFIG,
    *,
    terms: TermFinder | None = None,
) -> Lexicon:
    """One lexicon from the confident first-pass beads of many document pairs (batch mode).

    Pass the result as `lexicon=` to `align_sentences` for each pair. Encoder results
    computed here are cached, so the alignments that follow do not embed again.
    """
    counts = LexiconCounts(get_language(src_lang).code, get_language(tgt_lang).code)
    for src, tgt in pairs:
        pair = passes.prepare(src, tgt, src_lang, tgt_lang, embeddings=config.embeddings,
                              cache_dir=config.cache_dir, terms=terms)
        if pair.n == 0 or pair.m == 0:
            continue
        weights = weights_for(config, pair)
        first = _search(pair, passes.evidences(pair), weights, config)
        passes.count_lexicon(
            counts, pair, passes.confident_steps(first, weights.temperature, config.confident)
        )
    return counts.build()


def warm_embeddings(sentences: Sequence[str], lang: str, config: AlignConfig) -> bool:
    """Embed and cache one side's sentences ahead of alignment (batch workers in parallel).

    Returns False, doing nothing, when embeddings are off or the encoder is not installed.
    """
    if not config.embeddings or not embeddings_available():
        return False
    return encode_parts(sentences, config.cache_dir, lang=get_language(lang).code) is not None


def weights_for(config: AlignConfig, pair: passes.PairInput) -> Weights:
    """The configured weights, or the built-in set for the evidence this pair has: the
    encoder's evidence is weaker where it does not read a language natively (Belarusian)."""
    if config.weights is not None:
        return config.weights
    from align import weights  # data module: the fitted constants

    if pair.embedding is None:
        return weights.LEXICAL
    if reads_natively(pair.src.lang) and reads_natively(pair.tgt.lang):
        return weights.EMBEDDINGS
    return weights.EMBEDDINGS_PARTIAL


def _search(
    pair: passes.PairInput,
    chosen: Sequence[Evidence],
    weights: Weights,
    config: AlignConfig,
    *,
    band: Band | None = None,
) -> passes.Searched:
    return passes.search(pair, chosen, weights, max_bead=config.max_bead,
                         radius=config.band_radius, full_cells=config.full_search_cells,
                         band=band)
