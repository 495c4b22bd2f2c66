"""The aligner's global weights, one set per kind of evidence a pair has.

LEXICAL: without sentence embeddings. EMBEDDINGS: with them, both languages read natively by
the encoder. EMBEDDINGS_PARTIAL: with them, one language read only through a respelling (as
Belarusian) or not at all. Fitted by `python bench/train_weights.py --write` on NTREX-128 dev
(ru-en, be-en and both, respectively), perturbed with seeds 100-104 and with the training
perturbations of bench/perturb.py, and checked on the other sets; never tuned per data set.
The temperatures make bead posteriors calibrated confidences on the development data.
Generated file.
"""

from __future__ import annotations

from align.scoring import Weights

LEXICAL = Weights(
    values={
        'anchor.inside': -1.0,
        'anchor.match': 1.0,
        'anchor.miss': -1.0,
        'length': 0.3708,
        'lexicon.match': 0.2451,
        'names.match': 0.5481,
        'names.miss': -0.1615,
        'numbers.match': 2.8181,
        'numbers.miss': -0.5108,
        'punct.end_mismatch': -1.0746,
        'punct.match': 1.1145,
        'punct.miss': -0.4574,
        'punct.start_mismatch': -1.5005,
        'shape.bead': 1.8895,
        'shape.both': 2.6225,
        'shape.grow': -3.1308,
        'shape.skip': -1.9743,
        'shape.uneven': 1.7844,
        'terms.match': 2.8181,
    },
    temperature=0.9,
)

EMBEDDINGS = Weights(
    values={
        'anchor.inside': -1.0,
        'anchor.match': 1.0,
        'anchor.miss': -1.0,
        'emb.mass': 0.6584,
        'emb.weakest': 0.8872,
        'emb.z': 7.0353,
        'emb.z_size': 1.5116,
        'length': 0.1834,
        'lexicon.match': 0.0,
        'names.match': 0.1365,
        'names.miss': -0.1993,
        'numbers.match': 1.6026,
        'numbers.miss': -0.2778,
        'punct.end_mismatch': -1.1412,
        'punct.match': 0.8253,
        'punct.miss': -0.2663,
        'punct.start_mismatch': -1.3091,
        'shape.bead': 0.0478,
        'shape.both': 1.1791,
        'shape.grow': -0.6935,
        'shape.skip': -0.4643,
        'shape.uneven': 0.7017,
        'skip.emb_best': 0.0,
        'terms.match': 1.6026,
    },
    temperature=1.0,
)

EMBEDDINGS_PARTIAL = Weights(
    values={
        'anchor.inside': -1.0,
        'anchor.match': 1.0,
        'anchor.miss': -1.0,
        'emb.mass': 0.2546,
        'emb.weakest': 0.4042,
        'emb.z': 4.6987,
        'emb.z_size': 1.7088,
        'length': 0.2219,
        'lexicon.match': 0.175,
        'names.match': 0.163,
        'names.miss': -0.2354,
        'numbers.match': 1.1414,
        'numbers.miss': -1.2927,
        'punct.end_mismatch': -0.6065,
        'punct.match': 0.3146,
        'punct.miss': -0.486,
        'punct.start_mismatch': -2.3236,
        'shape.bead': 1.0906,
        'shape.both': 1.5083,
        'shape.grow': -1.7752,
        'shape.skip': -1.1763,
        'shape.uneven': 1.2672,
        'skip.emb_best': 0.0,
        'terms.match': 1.1414,
    },
    temperature=1.0,
)
