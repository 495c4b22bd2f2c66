"""Punctuation that survives translation: questions, exclamations, quotes, brackets, colons.

Commas and full stops say little (languages place them differently); a question mark, a
quotation or a parenthesis usually crosses over. Quotes of every style are one class.
Where sentences begin and end crosses over too: a run that ends without a full stop, "!",
"?" or "…" (a fragment cut at a line break, or a heading) should meet another such, and a
run that starts in lower case continues a sentence on the other side as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.evidence.base import Extracted, PairView, SideText, Vocabulary
from lang.tokens import Token

KEY = "punct"
OPEN_END = "punct.open_end"
LOWER_START = "punct.lower_start"
PROSE = "punct.prose"
PROSE_WORDS = 4  # a sentence with fewer words is a heading, a caption or debris
_TERMINAL = ".!?…。！？"
_CLOSERS = "»”\"’'）)]"
# Classes of marks, each a set of characters; a token counts once per class it touches.
CLASSES: tuple[tuple[str, str], ...] = (
    ("question", "?？¿"),
    ("exclamation", "!！¡"),
    ("quote", "«»“”„\"‘’‚‹›「」"),
    ("bracket", "([{（"),
    ("colon", ":："),
    ("semicolon", ";；"),
    ("ellipsis", "…"),
)


@dataclass(frozen=True)
class PunctuationEvidence:
    """Marks of each class shared by both sides (matched) and present on one only (missed)."""

    name: str = "punctuation"
    feature_names: tuple[str, ...] = (
        "punct.match", "punct.miss", "punct.end_mismatch", "punct.start_mismatch"
    )
    # A sentence left out should be whole: one that ends open or starts in lower case
    # leaves its other half unmatched, as a mismatched bead would (same weights). Only for
    # sentences of some words: captions, page furniture and scanning debris are fragments
    # that a translation may well leave out.
    skip_feature_names: tuple[str, ...] = ("punct.end_mismatch", "punct.start_mismatch")

    def extract(self, src: SideText, tgt: SideText, vocab: Vocabulary) -> Extracted:
        return Extracted(src_dense=_side(src), tgt_dense=_side(tgt))

    def features(
        self, view: PairView, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> np.ndarray:
        ca = view.src_run(KEY, a, i)
        cb = view.tgt_run(KEY, b, j)
        # The last sentence of each run decides how it ends, the first how it starts;
        # merged units of the coarse levels count a share, so clip to one.
        end = np.abs(np.minimum(view.src_run(OPEN_END, 1, i), 1)
                     - np.minimum(view.tgt_run(OPEN_END, 1, j), 1))
        start = np.abs(np.minimum(view.src_run(LOWER_START, 1, i - a + 1), 1)
                       - np.minimum(view.tgt_run(LOWER_START, 1, j - b + 1), 1))
        return np.stack([np.minimum(ca, cb).sum(axis=1), np.abs(ca - cb).sum(axis=1), end,
                         start])

    def skip_features(self, view: PairView, side: str, ids: np.ndarray) -> np.ndarray:
        feats = view.src if side == "src" else view.tgt
        prose = np.minimum(feats.dense[PROSE][ids], 1)
        end = np.minimum(feats.dense[OPEN_END][ids], 1) * prose
        start = np.minimum(feats.dense[LOWER_START][ids], 1) * prose
        return np.stack([end, start])


def punctuation_counts(tokens: Sequence[Token]) -> np.ndarray:
    """How many tokens of each class one sentence has."""
    row = np.zeros(len(CLASSES), dtype=np.float64)
    for tok in tokens:
        if tok.kind != "punct":
            continue
        text = tok.text.replace("...", "…")
        for c, (_, chars) in enumerate(CLASSES):
            if any(ch in chars for ch in text):
                row[c] += 1
    return row


def open_end(text: str) -> bool:
    """No full stop, "!", "?" or "…" at the end (closing quotes and brackets aside)."""
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    return not stripped or stripped[-1] not in _TERMINAL


def lower_start(text: str) -> bool:
    """The first letter, before any digit, is lower case (the sentence continues one)."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False


def _side(side: SideText) -> dict[str, np.ndarray]:
    return {
        KEY: _counts(side.tokens),
        OPEN_END: np.array([open_end(s) for s in side.sentences], dtype=np.float64),
        LOWER_START: np.array([lower_start(s) for s in side.sentences], dtype=np.float64),
        PROSE: np.array([sum(t.kind == "word" for t in tokens) >= PROSE_WORDS
                         for tokens in side.tokens], dtype=np.float64),
    }


def _counts(sides: Sequence[Sequence[Token]]) -> np.ndarray:
    if not sides:
        return np.zeros((0, len(CLASSES)), dtype=np.float64)
    return np.stack([punctuation_counts(t) for t in sides])
