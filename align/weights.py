"""The aligner's global weights: one set with sentence embeddings, one without.

Fitted by `python bench/train_weights.py --write` on ONE development set (NTREX-128 dev
ru-en, perturbed with seeds 100-104) and checked on the others; never tuned per data set. The
temperatures make bead posteriors calibrated confidences on that set. Generated file.
"""

from __future__ import annotations

from align.scoring import Weights

LEXICAL = Weights(
    values={
        'anchor.inside': -1.0,
        'anchor.match': 1.0,
        'anchor.miss': -1.0,
        'length': 0.4374,
        'lexicon.match': 0.2867,
        'names.match': 0.3573,
        'names.miss': -0.2358,
        'numbers.match': 2.5009,
        'numbers.miss': -0.4993,
        'punct.end_mismatch': -1.4948,
        'punct.match': 1.5072,
        'punct.miss': -0.5252,
        'punct.start_mismatch': -5.4617,
        'shape.bead': 2.3043,
        'shape.both': 1.6824,
        'shape.grow': -3.1737,
        'shape.skip': -2.1011,
        'shape.uneven': 1.008,
        'terms.match': 2.5009,
    },
    temperature=1.0,
)

EMBEDDINGS = Weights(
    values={
        'anchor.inside': -1.0,
        'anchor.match': 1.0,
        'anchor.miss': -1.0,
        'emb.mass': 0.3429,
        'emb.weakest': 0.5799,
        'emb.z': 6.0946,
        'emb.z_size': 1.601,
        'length': 0.3173,
        'lexicon.match': 0.1151,
        'names.match': 0.0,
        'names.miss': -0.283,
        'numbers.match': 0.6923,
        'numbers.miss': -0.3438,
        'punct.end_mismatch': -1.7724,
        'punct.match': 0.795,
        'punct.miss': -0.3936,
        'punct.start_mismatch': -4.7448,
        'shape.bead': 0.8251,
        'shape.both': 0.54,
        'shape.grow': -1.4105,
        'shape.skip': -0.7801,
        'shape.uneven': 0.201,
        'skip.emb_best': 0.0,
        'terms.match': 0.6923,
    },
    temperature=0.9,
)
