"""Turn line-parallel documents into alignment test cases with n:m gold beads.

Walking down the lines, each position either stays 1:1 or, with small probabilities,
becomes: a merge of 2 or 3 lines on either side (1:2, 2:1, 1:3, 3:1), a 2:2 crossing (the
target pair re-cut at another word, so neither 1:1 is right), a single omission on either
side (1:0 or 0:1), or a run of 2-4 target lines left out (that many 1:0 beads). About a
third of the resulting beads are not 1:1. The random generator is passed in.
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


def perturb(
    src: Sequence[str], tgt: Sequence[str], rng: np.random.Generator
) -> tuple[list[str], list[str], Gold]:
    """Perturbed source and target sentences and their gold beads (vecalign style)."""
    if len(src) != len(tgt):
        raise ValueError("perturb needs line-parallel input")
    names = [e for e, _ in EVENTS] + ["keep"]
    probs = np.array([p for _, p in EVENTS] + [1 - sum(p for _, p in EVENTS)])
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


def share_not_one_to_one(gold: Gold) -> float:
    """The share of beads that are not 1:1."""
    return sum(1 for s, t in gold if (len(s), len(t)) != (1, 1)) / max(len(gold), 1)
