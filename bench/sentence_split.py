"""Sentence-boundary precision, recall and F1 of `split_sentences` on NTREX-128 (dev slice).

The lines of each document are joined with single spaces into one paragraph, split, and
compared by boundaries: a gold boundary is the offset where a line starts (document starts
excluded), a predicted boundary the start of a predicted sentence. razdel alone is measured
on ru and be in the same run as a baseline.

Two things in the gold data bound the figures, and are reported so the reader can judge:
- headline lines carry no terminal punctuation, so once joined with a space nothing marks
  their end ("unmarked" gold boundaries); recall is also given over marked ones only;
- some lines hold two sentences; a predicted boundary inside a line right after terminal
  punctuation (and a closing quote or bracket) is counted as a "within-line split", and
  precision is also given with those counted as correct (an upper bound: a wrong split
  after an abbreviation looks the same; `--show` prints every mismatch to judge by).

Usage: python bench/sentence_split.py [--data DIR] [--show]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from razdel import sentenize

from lang.sentences import split_sentences

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/align/ntrex128-dev"
LANGS = ("ru", "be", "en")
TERMINALS = ".?!…"
CLOSERS = "»”“’'\")]"


@dataclass
class Counts:
    """Boundary counts summed over documents, divided only at the end."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    within_line: int = 0  # false positives right after terminal punctuation
    unmarked_gold: int = 0  # gold boundaries after a line without terminal punctuation
    unmarked_missed: int = 0
    lines_split: set[int] = field(default_factory=set)
    mismatches: list[str] = field(default_factory=list)

    def report(self, name: str) -> str:
        predicted = self.true_pos + self.false_pos
        gold = self.true_pos + self.false_neg
        precision = self.true_pos / predicted if predicted else 0.0
        recall = self.true_pos / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        lenient = (self.true_pos + self.within_line) / predicted if predicted else 0.0
        marked = gold - self.unmarked_gold
        marked_recall = (
            (self.true_pos - (self.unmarked_gold - self.unmarked_missed)) / marked
            if marked
            else 0.0
        )
        return (
            f"{name:<10} P={precision:.4f} R={recall:.4f} F1={f1:.4f}"
            f" | P*={lenient:.4f} R*={marked_recall:.4f}"
            f" | tp={self.true_pos} fp={self.false_pos} fn={self.false_neg}"
            f" within-line={self.within_line} (in {len(self.lines_split)} lines)"
            f" unmarked-gold={self.unmarked_gold}"
        )


def documents(data: Path, lang: str) -> list[list[str]]:
    """The lines of each document, in order."""
    ids = (data / "ntrex-dev.docids").read_text(encoding="utf-8").splitlines()
    lines = (data / f"ntrex-dev.{lang}").read_text(encoding="utf-8").splitlines()
    if len(ids) != len(lines):
        raise SystemExit(f"{data}: ntrex-dev.{lang} and ntrex-dev.docids differ in length")
    return [
        [line.strip() for _, line in group]
        for _, group in groupby(zip(ids, lines, strict=True), key=lambda pair: pair[0])
    ]


def razdel_starts(text: str) -> list[int]:
    return [s.start for s in sentenize(text)]


def transdesk_starts(lang: str) -> Callable[[str], list[int]]:
    return lambda text: [start for start, _ in split_sentences(text, lang)]


def measure(
    docs: list[list[str]], starts_of: Callable[[str], list[int]], counts: Counts
) -> None:
    """Add the boundary counts of one splitter over all documents to `counts`."""
    line_no = 0
    for lines in docs:
        text = " ".join(lines)
        gold: dict[int, bool] = {}  # boundary -> marked by terminal punctuation
        line_spans = []
        offset = 0
        for i, line in enumerate(lines):
            if i:
                previous = lines[i - 1].rstrip(CLOSERS)
                gold[offset] = bool(previous) and previous[-1] in TERMINALS
            line_spans.append((offset, offset + len(line), line_no + i))
            offset += len(line) + 1
        line_no += len(lines)
        predicted = set(starts_of(text)) - {0}
        counts.true_pos += len(predicted & gold.keys())
        counts.false_neg += len(gold.keys() - predicted)
        counts.unmarked_gold += sum(1 for marked in gold.values() if not marked)
        counts.unmarked_missed += sum(
            1 for b, marked in gold.items() if not marked and b not in predicted
        )
        for b in sorted(predicted - gold.keys()):
            counts.false_pos += 1
            before = text[:b].rstrip().rstrip(CLOSERS)
            if before and before[-1] in TERMINALS:
                counts.within_line += 1
                counts.lines_split.update(n for s, e, n in line_spans if s < b < e)
            counts.mismatches.append(f"extra  {_context(text, b)}")
        for b in sorted(gold.keys() - predicted):
            kind = "missed" if gold[b] else "missed (unmarked)"
            counts.mismatches.append(f"{kind:<6} {_context(text, b)}")


def _context(text: str, offset: int) -> str:
    return f"…{text[max(0, offset - 45):offset]}|{text[offset:offset + 30]}…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="NTREX dev folder")
    parser.add_argument("--show", action="store_true", help="print every mismatch")
    args = parser.parse_args(argv)
    if not (args.data / "ntrex-dev.docids").is_file():
        print(f"NTREX data not found at {args.data}; nothing to measure.", file=sys.stderr)
        return 0
    print(f"NTREX-128 dev slice at {args.data}")
    print(
        "P, R, F1: boundaries against line starts. P*: within-line splits after terminal"
        " punctuation counted correct. R*: recall over gold boundaries after terminal"
        " punctuation (unmarked ones follow headlines)."
    )
    for lang in LANGS:
        docs = documents(args.data, lang)
        ours = Counts()
        began = time.perf_counter()
        measure(docs, transdesk_starts(lang), ours)
        elapsed = time.perf_counter() - began
        lines = sum(len(d) for d in docs)
        print(f"[{lang}] {len(docs)} documents, {lines} lines, split in {elapsed:.3f}s")
        print("  " + ours.report("transdesk"))
        if args.show:
            print("\n".join("    " + line for line in ours.mismatches))
        if lang in ("ru", "be"):
            base = Counts()
            measure(docs, razdel_starts, base)
            print("  " + base.report("razdel"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
