"""Numbers and dates, written the same way on both sides whatever the local conventions.

"1 000", "1,000" and "1000" are one number; "2,5" and "2.5" are one; a date "12.05.2024"
gives its day, month and year, and so does "9 мая 1945" or "9 May 1945" (a month name next to
a number becomes the month's number). Digits glued to words count too ("1990-х", "Су-27").
How numbers are read is lang.numbers' (the glossary's number check reads them the same way).
"""

from __future__ import annotations

import re
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
from lang.numbers import MONTH_PREFIXES, canonical_numbers, month_number
from lang.tokens import Token

KEY = "numbers"

_DIGIT_RUN = re.compile(r"\d+")


@dataclass(frozen=True)
class NumberEvidence(SaysNothingOnSkips):
    """Numbers shared by both sides of a bead (matched) and left over (missed)."""

    name: str = "numbers"
    feature_names: tuple[str, ...] = ("numbers.match", "numbers.miss")

    def extract(self, src: SideText, tgt: SideText, vocab: Vocabulary) -> Extracted:
        s = ItemSets.build([number_items(t) for t in src.tokens], vocab)
        t = ItemSets.build([number_items(t) for t in tgt.tokens], vocab)
        return items_extracted(KEY, s, t, len(src), len(tgt))

    def features(
        self, view: PairView, a: int, b: int, i: np.ndarray, j: np.ndarray
    ) -> np.ndarray:
        return np.stack(item_match(view, KEY, a, b, i, j))


def number_items(tokens: Sequence[Token]) -> dict[str, float]:
    """The normalised numbers (and months next to numbers) of one sentence, as a set."""
    items: dict[str, float] = {}
    numbers = {k for k, tok in enumerate(tokens) if tok.kind == "number"}
    for k, tok in enumerate(tokens):
        if tok.kind == "number":
            for value in canonical_numbers(tok.text):
                items[f"#{value}"] = 1.0
        elif tok.kind == "word":
            if not tok.text.isalpha() and any(ch.isdigit() for ch in tok.text):
                for run in _DIGIT_RUN.findall(tok.text):
                    items[f"#{int(run)}"] = 1.0
                continue
            near_number = (k - 1) in numbers or (k + 1) in numbers
            month = month_number(tok.text) if near_number else None
            if month is not None:
                items[f"#{month}"] = 1.0
    return items


__all__ = ["MONTH_PREFIXES", "NumberEvidence", "canonical_numbers", "month_number", "number_items"]
