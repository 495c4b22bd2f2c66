"""Turn line-parallel documents into alignment test cases with n:m gold beads.

Walking down the lines, each position either stays 1:1 or, with small probabilities,
becomes: a merge of 2 or 3 lines on either side (1:2, 2:1, 1:3, 3:1), a 2:2 crossing (the
target pair re-cut at another word, so neither 1:1 is right), a single omission on either
side (1:0 or 0:1), or a run of 2-4 target lines left out (that many 1:0 beads). About a
third of the resulting beads are not 1:1. The random generator is passed in.

`EVENTS` are the issue's perturbations, on which the quality bars are measured. Training
(bench/train_weights.py) adds `TRAINING_EVENTS`, what real translations do and clean
concatenations never show: a *summary*, two or three lines rendered as one shorter target
sentence that keeps the gist of each (or drops one of three), which desk gold marks as a
2:1 or 3:1 bead; a *semicolon join*, a full stop on one side turned into a semicolon,
so that a sentence starts in lower case on that side only and is still a 1:1 bead; and a
2:2 crossing whose re-cut halves read as whole sentences (a capital, a full stop), so that
only their content, not their punctuation, tells the crossing from two 1:1 beads.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Gold = list[tuple[tuple[int, ...], tuple[int, ...]]]

# (event, probability at each line); "keep" takes the rest.
EVENTS: tuple[tuple[str, float], ...] = (
    ("merge_src_2", 0.05),
    ("merge_tgt_2", 0.05),
    ("merge_src_3", 0.03),
    ("merge_tgt_3", 0.03),
    ("cross", 0.05),
    ("omit_src", 0.04),
    ("omit_tgt", 0.04),
    ("omit_tgt_run", 0.025),
)
TRAINING_EVENTS: tuple[tuple[str, float], ...] = (
    # The events, but half of the crossings are re-cut as whole sentences.
    *((e, p / 2 if e == "cross" else p) for e, p in EVENTS),
    ("cross_sentences", 0.025),
    ("summary_2", 0.03),
    ("summary_3", 0.02),
    ("semicolon_src", 0.02),
    ("semicolon_tgt", 0.02),
)
_CLAUSE_MARKS = (",", ";", ":", "—", "–")


def perturb(
    src: Sequence[str],
    tgt: Sequence[str],
    rng: np.random.Generator,
    events: Sequence[tuple[str, float]] = EVENTS,
) -> tuple[list[str], list[str], Gold]:
    """Perturbed source and target sentences and their gold beads (vecalign style)."""
    if len(src) != len(tgt):
        raise ValueError("perturb needs line-parallel input")
    names = [e for e, _ in events] + ["keep"]
    probs = np.array([p for _, p in events] + [1 - sum(p for _, p in events)])
    out_src: list[str] = []
    out_tgt: list[str] = []
    gold: Gold = []

    def bead(s_lines: Sequence[str], t_lines: Sequence[str]) -> None:
        s_ids = tuple(range(len(out_src), len(out_src) + len(s_lines)))
        t_ids = tuple(range(len(out_tgt), len(out_tgt) + len(t_lines)))
        out_src.extend(s_lines)
        out_tgt.extend(t_lines)
        gold.append((s_ids, t_ids))

    k, n = 0, len(src)
    while k < n:
        event = str(rng.choice(names, p=probs))
        left = n - k
        if event.startswith("merge") and left >= int(event[-1]):
            size = int(event[-1])
            s_part, t_part = list(src[k:k + size]), list(tgt[k:k + size])
            if event.startswith("merge_src"):
                bead([" ".join(s_part)], t_part)
            else:
                bead(s_part, [" ".join(t_part)])
            k += size
        elif event == "cross" and left >= 2 and (recut := _recut(tgt[k], tgt[k + 1], rng)):
            bead([src[k], src[k + 1]], list(recut))
            k += 2
        elif event == "cross_sentences" and left >= 2 and (
            recut := _recut(tgt[k], tgt[k + 1], rng)
        ):
            bead([src[k], src[k + 1]], list(_as_sentences(*recut)))
            k += 2
        elif event.startswith("summary") and left >= int(event[-1]):
            size = int(event[-1])
            bead(list(src[k:k + size]), [_summary(tgt[k:k + size], rng)])
            k += size
        elif event.startswith("semicolon") and left >= 2 and (
            joined := _semicolon(*(src if event.endswith("src") else tgt)[k:k + 2])
        ):
            if event.endswith("src"):
                bead([joined[0]], [tgt[k]])
                bead([joined[1]], [tgt[k + 1]])
            else:
                bead([src[k]], [joined[0]])
                bead([src[k + 1]], [joined[1]])
            k += 2
        elif event == "omit_src":
            bead([], [tgt[k]])
            k += 1
        elif event == "omit_tgt":
            bead([src[k]], [])
            k += 1
        elif event == "omit_tgt_run" and left >= 2:
            run = int(rng.integers(2, 5))
            for line in src[k:k + min(run, left)]:
                bead([line], [])
            k += min(run, left)
        else:
            bead([src[k]], [tgt[k]])
            k += 1
    return out_src, out_tgt, gold


def _recut(first: str, second: str, rng: np.random.Generator) -> tuple[str, str] | None:
    """The two lines joined and cut again at least two words away from where they met."""
    a, b = first.split(), second.split()
    words = a + b
    if len(a) < 3 or len(b) < 3:
        return None
    # Move the boundary into the longer line by a third to a half of it.
    if len(b) >= len(a):
        cut = len(a) + int(rng.integers(max(2, len(b) // 3), max(3, len(b) // 2 + 1)))
    else:
        cut = len(a) - int(rng.integers(max(2, len(a) // 3), max(3, len(a) // 2 + 1)))
    cut = min(max(cut, 1), len(words) - 1)
    if abs(cut - len(a)) < 2:
        return None
    return " ".join(words[:cut]), " ".join(words[cut:])


def _as_sentences(first: str, second: str) -> tuple[str, str]:
    """Two pieces of a re-cut made to look like sentences: a full stop, then a capital."""
    head = first.rstrip().rstrip(",;:—–").rstrip()
    head = head if head.endswith((".", "!", "?", "…")) else head + "."
    return head, second[:1].upper() + second[1:]


def _summary(lines: Sequence[str], rng: np.random.Generator) -> str:
    """Lines condensed into one sentence: one kept whole, the others cut to a leading clause
    (of three lines, one may go entirely), joined with commas."""
    whole = int(rng.integers(len(lines)))
    dropped = int(rng.integers(len(lines))) if len(lines) >= 3 and rng.random() < 0.3 else -1
    parts = []
    for k, line in enumerate(lines):
        if k == dropped and k != whole:
            continue
        parts.append(line if k == whole else _leading_clause(line.split(), rng))
    body = ", ".join(p.rstrip().rstrip(".!?…") for p in parts)
    return body + "."


def _leading_clause(words: list[str], rng: np.random.Generator) -> str:
    """The words up to the first clause mark after the third word, else 40-60% of them."""
    for k, w in enumerate(words[3:-1], start=3):
        if w.endswith(_CLAUSE_MARKS) or words[k + 1] in _CLAUSE_MARKS:
            return " ".join(words[:k + 1]).rstrip("".join(_CLAUSE_MARKS) + " ")
    keep = max(2, int(len(words) * rng.uniform(0.4, 0.6)))
    return " ".join(words[:keep])


def _semicolon(first: str, second: str) -> tuple[str, str] | None:
    """`first` ending in a semicolon and `second` starting in lower case, or None when the
    first does not end in a full stop or the second does not start with a capital word."""
    head = second.split(" ", 1)[0]
    text = first.rstrip()
    if not text.endswith(".") or not head[:1].isupper() or not head[1:].islower():
        return None
    # Tokenised text ("… end .") keeps its space before the mark.
    joined = text[:-1].rstrip() + " ;" if text[-2:-1] == " " else text[:-1] + ";"
    return joined, second[0].lower() + second[1:]


def share_not_one_to_one(gold: Gold) -> float:
    """The share of beads that are not 1:1."""
    return sum(1 for s, t in gold if (len(s), len(t)) != (1, 1)) / max(len(gold), 1)
