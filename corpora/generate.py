"""Generate a large synthetic aligned corpus from the bundled documents, for benchmarks.

The building blocks are the gold beads of every bundled document pair
(``corpora/documents/<doc>/<src>.sents``, ``en.sents`` and ``<src>-en.gold``). Runs of
consecutive beads are sampled with replacement from all documents (so that neighbouring
sentences still read like a real text) and perturbed the way real translations differ:

* numbers: every digit run of a bead is replaced through one mapping applied to both sides,
  so numbers that agreed still agree ("1 250" / "1,250" and "2,5" / "2.5" stay parallel);
* merges: 2 or 3 adjacent 1:1 beads joined into one sentence on one side (k:1 or 1:k);
* splits: a sentence cut at a comma near its middle on one side (1:2 or 2:1);
* deletions: the targets of 1-4 adjacent 1:1 beads dropped (that many 1:0 beads);
* insertions: an unrelated target sentence from elsewhere in the pool (a 0:1 bead).

A feedback rule keeps the share of output beads that are not 1:1 close to the requested
one (the beads of the documents that are already not 1:1 count towards it). The output is
``src.sents`` and ``tgt.sents`` (one sentence a line) and ``gold`` (one bead a line in vecalign
notation, ``[0]:[0]``, ``[1, 2]:[1]``, ``[3]:[]``, ``[]:[4]``, 0-based ids over the two files).
The same seed gives the same corpus; the script checks its own output before it finishes.

    python corpora/generate.py --sentences 10000 --seed 1 --out /tmp/synth [--pair be-en]

Standard library and numpy only.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

Bead = tuple[list[str], list[str]]
GoldBead = tuple[list[int], list[int]]

DOCUMENTS = Path(__file__).resolve().parent / "documents"
TARGET_LANG = "en"
KINDS = ("merge", "split", "delete", "insert")
DEFAULT_WEIGHTS = {"merge": 3.0, "split": 3.0, "delete": 2.0, "insert": 2.0}

_DIGITS = re.compile(r"[0-9]+")
_BEAD = re.compile(r"^\[([0-9, ]*)\]:\[([0-9, ]*)\]$")
_SPLIT_MIN = 20  # characters each part of a split sentence keeps at least


class CorpusError(Exception):
    """Bundled data that breaks the corpus format, or output that fails the self-check."""


# ---------------------------------------------------------------- reading


def parse_bead(line: str) -> GoldBead:
    """Parse one vecalign bead such as ``[1, 2]:[3]``."""
    m = _BEAD.match(line.strip())
    if not m:
        raise CorpusError(f"not a bead: {line!r}")
    return tuple(  # type: ignore[return-value]
        [int(x) for x in part.split(",") if x.strip()] for part in m.groups()
    )


def format_bead(src_ids: Sequence[int], tgt_ids: Sequence[int]) -> str:
    """Write one bead in vecalign notation: ``[1, 2]:[3]``, ``[4]:[]``."""
    return f"[{', '.join(map(str, src_ids))}]:[{', '.join(map(str, tgt_ids))}]"


def check_alignment(gold: Sequence[GoldBead], n_src: int, n_tgt: int) -> None:
    """Raise CorpusError unless every sentence of both sides is in exactly one bead, in order."""
    next_src = next_tgt = 0
    for i, (s, t) in enumerate(gold):
        if not s and not t:
            raise CorpusError(f"bead {i} is empty")
        if s != list(range(next_src, next_src + len(s))):
            raise CorpusError(f"bead {i}: source ids {s}, expected to start at {next_src}")
        if t != list(range(next_tgt, next_tgt + len(t))):
            raise CorpusError(f"bead {i}: target ids {t}, expected to start at {next_tgt}")
        next_src += len(s)
        next_tgt += len(t)
    if (next_src, next_tgt) != (n_src, n_tgt):
        raise CorpusError(
            f"beads cover {next_src} source and {next_tgt} target sentences, "
            f"the sides have {n_src} and {n_tgt}"
        )


def _read_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_pair(doc_dir: Path, src_lang: str) -> list[Bead]:
    """Read one document pair as its gold beads: (source sentences, target sentences)."""
    doc_dir = Path(doc_dir)
    src = _read_lines(doc_dir / f"{src_lang}.sents")
    tgt = _read_lines(doc_dir / f"{TARGET_LANG}.sents")
    gold = [parse_bead(line) for line in _read_lines(doc_dir / f"{src_lang}-{TARGET_LANG}.gold")]
    try:
        check_alignment(gold, len(src), len(tgt))
    except CorpusError as err:
        raise CorpusError(f"{doc_dir}/{src_lang}-{TARGET_LANG}.gold: {err}") from None
    return [([src[i] for i in s], [tgt[j] for j in t]) for s, t in gold]


def read_documents(documents: Path, src_lang: str) -> dict[str, list[Bead]]:
    """Read every document under ``documents`` that has the pair, keyed by document id."""
    pairs = {}
    for doc_dir in sorted(p for p in Path(documents).iterdir() if p.is_dir()):
        if (doc_dir / f"{src_lang}-{TARGET_LANG}.gold").is_file():
            beads = read_pair(doc_dir, src_lang)
            if beads:
                pairs[doc_dir.name] = beads
    return pairs


# ---------------------------------------------------------------- perturbations


def _new_number(run: str, rng: np.random.Generator) -> str:
    """A plausible replacement for a digit run: same length, years stay years."""
    n = len(run)
    value = int(run)
    if run.startswith("0") and n > 1:
        return f"{int(rng.integers(0, 10 ** (n - 1))):0{n}d}"
    if n == 4 and 1900 <= value <= 2099:
        return str(int(rng.integers(1900, 2031)))
    if n <= 2 and value <= 31:
        return str(int(rng.integers(1, 32 if n == 2 or value > 9 else 10)))
    return str(int(rng.integers(10 ** (n - 1), 10**n)))


def renumber(bead: Bead, rng: np.random.Generator) -> Bead:
    """Replace the numbers of a bead through one mapping shared by both sides."""
    runs = sorted({r for side in bead for s in side for r in _DIGITS.findall(s)})
    if not runs:
        return bead
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for run in runs:
        new = run
        for _ in range(20):
            new = _new_number(run, rng)
            if new not in used:
                break
        mapping[run] = new
        used.add(new)

    def sub(text: str) -> str:
        return _DIGITS.sub(lambda m: mapping[m.group(0)], text)

    return [sub(s) for s in bead[0]], [sub(t) for t in bead[1]]


def split_point(sentence: str) -> int | None:
    """Index of the comma nearest the middle that can end a sentence, or None."""
    best: int | None = None
    middle = len(sentence) / 2
    for m in re.finditer(r", (?=\w)", sentence):
        left, right = sentence[: m.start()], sentence[m.end() :]
        if len(left) < _SPLIT_MIN or len(right) < _SPLIT_MIN:
            continue
        if left.count("«") != left.count("»") or left.count("(") != left.count(")"):
            continue
        if left.count('"') % 2 or left.count("“") != left.count("”"):
            continue
        if best is None or abs(m.start() - middle) < abs(best - middle):
            best = m.start()
    return best


def split_sentence(sentence: str, at: int) -> list[str]:
    """Cut a sentence at the comma at ``at`` into two sentences."""
    right = sentence[at + 2 :]
    return [sentence[:at] + ".", right[:1].upper() + right[1:]]


def _is_one_to_one(bead: Bead) -> bool:
    return len(bead[0]) == 1 and len(bead[1]) == 1


# ---------------------------------------------------------------- generation


def iter_beads(
    beads: Sequence[Sequence[Bead]],
    n_sentences: int,
    rng: np.random.Generator,
    *,
    non_one_to_one: float = 1 / 3,
    weights: dict[str, float] | None = None,
    number_rate: float = 0.5,
    run_length: tuple[int, int] = (3, 12),
    trace: list[tuple[int, int, str]] | None = None,
) -> Iterator[Bead]:
    """Yield output beads until they hold at least ``n_sentences`` source sentences.

    ``beads`` holds one list of beads per document. ``non_one_to_one`` is the share of output
    beads that should not be 1:1; ``weights`` are the relative frequencies of the perturbation
    kinds (merge, split, delete, insert); ``number_rate`` is the probability that a sampled bead
    gets new numbers; runs of ``run_length`` (inclusive range) consecutive beads are sampled.
    If ``trace`` is a list, one (document index, bead index, kind) is appended per output bead,
    where kind is ``copy`` for a bead passed through (numbers aside) and the bead index is
    that of the first original bead used (-1 for an insertion).
    """
    docs = [list(d) for d in beads if len(d)]
    if not docs:
        raise CorpusError("no beads to sample from")
    if n_sentences < 1:
        raise CorpusError("the number of sentences must be positive")
    if not 0.0 <= non_one_to_one < 1.0:
        raise CorpusError("the share of beads that are not 1:1 must be in [0, 1)")
    lo, hi = run_length
    if not 1 <= lo <= hi:
        raise CorpusError(f"bad run length range {run_length}")
    w = dict(DEFAULT_WEIGHTS if weights is None else weights)
    if set(w) - set(KINDS) or any(v < 0 for v in w.values()):
        raise CorpusError(f"weights must be non-negative and among {', '.join(KINDS)}")
    kind_w = np.array([w.get(k, 0.0) for k in KINDS], dtype=float)
    if kind_w.sum() == 0 and non_one_to_one > 0:
        raise CorpusError("all perturbation weights are zero")

    sizes = np.array([len(d) for d in docs], dtype=float)
    doc_p = sizes / sizes.sum()
    base = sum(not _is_one_to_one(b) for d in docs for b in d) / sizes.sum()
    q0 = max(0.0, (non_one_to_one - base) / (1.0 - base)) if base < 1 else 0.0
    has_target = [[bi for bi, b in enumerate(d) if b[1]] for d in docs]

    emitted = irregular = src_count = 0

    def out(bead: Bead, di: int, bi: int, kind: str) -> Bead:
        nonlocal emitted, irregular, src_count
        emitted += 1
        irregular += not _is_one_to_one(bead)
        src_count += len(bead[0])
        if trace is not None:
            trace.append((di, bi, kind))
        return bead

    def unrelated_target(di: int) -> tuple[int, str]:
        others = [i for i in range(len(docs)) if i != di and has_target[i]] or [di]
        oi = others[int(rng.integers(len(others)))]
        pool = has_target[oi] or [0]
        b = docs[oi][pool[int(rng.integers(len(pool)))]]
        if not b[1]:  # a document without any target sentence: nothing to insert
            return oi, ""
        return oi, b[1][int(rng.integers(len(b[1])))]

    while src_count < n_sentences:
        di = int(rng.choice(len(docs), p=doc_p))
        doc = docs[di]
        length = min(int(rng.integers(lo, hi + 1)), len(doc))
        start = int(rng.integers(0, len(doc) - length + 1))
        run = [
            renumber(b, rng) if rng.random() < number_rate else b
            for b in doc[start : start + length]
        ]
        i = 0
        while i < len(run) and src_count < n_sentences:
            bead, bi = run[i], start + i
            share = irregular / emitted if emitted else base
            q = min(1.0, max(0.0, q0 + 5.0 * (non_one_to_one - share)))
            if not _is_one_to_one(bead) or not rng.random() < q:
                yield out(bead, di, bi, "copy")
                i += 1
                continue
            # how many 1:1 beads follow in this run, this one included
            ones = 1
            while i + ones < len(run) and _is_one_to_one(run[i + ones]):
                ones += 1
            splits = [side for side in (0, 1) if split_point(bead[side][0]) is not None]
            feasible = np.array([ones >= 2, bool(splits), True, True], dtype=float) * kind_w
            if feasible.sum() == 0:
                yield out(bead, di, bi, "copy")
                i += 1
                continue
            kind = KINDS[int(rng.choice(len(KINDS), p=feasible / feasible.sum()))]
            if kind == "merge":
                k = min(ones, 3 if rng.random() < 0.3 else 2)
                group = run[i : i + k]
                src = [b[0][0] for b in group]
                tgt = [b[1][0] for b in group]
                if rng.random() < 0.5:
                    merged: Bead = (src, [" ".join(tgt)])
                else:
                    merged = ([" ".join(src)], tgt)
                yield out(merged, di, bi, "merge")
                i += k
            elif kind == "split":
                side = splits[int(rng.integers(len(splits)))]
                at = split_point(bead[side][0])
                assert at is not None
                parts = split_sentence(bead[side][0], at)
                yield out((parts, bead[1]) if side == 0 else (bead[0], parts), di, bi, "split")
                i += 1
            elif kind == "delete":
                m = min(ones, int(rng.integers(1, 5)))
                for j in range(m):
                    if src_count >= n_sentences:
                        break
                    yield out(([run[i + j][0][0]], []), di, bi + j, "delete")
                i += m
            else:
                _, sentence = unrelated_target(di)
                if sentence:
                    yield out(([], [sentence]), di, -1, "insert")
                yield out(bead, di, bi, "copy")
                i += 1


def generate(
    beads: Sequence[Sequence[Bead]],
    n_sentences: int,
    rng: np.random.Generator,
    **options: object,
) -> tuple[list[str], list[str], list[GoldBead]]:
    """Build a synthetic corpus in memory: (source sentences, target sentences, gold beads).

    ``beads`` holds one list of beads per document (as ``read_pair`` returns them); the options
    are those of ``iter_beads``.
    """
    src: list[str] = []
    tgt: list[str] = []
    gold: list[GoldBead] = []
    for s, t in iter_beads(beads, n_sentences, rng, **options):  # type: ignore[arg-type]
        gold.append(
            (list(range(len(src), len(src) + len(s))), list(range(len(tgt), len(tgt) + len(t))))
        )
        src.extend(s)
        tgt.extend(t)
    check_alignment(gold, len(src), len(tgt))
    return src, tgt, gold


# ---------------------------------------------------------------- command line


def write_corpus(out_dir: Path, beads: Iterator[Bead]) -> tuple[int, int, int]:
    """Stream beads to out_dir/src.sents, tgt.sents and gold; return the three line counts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    n_src = n_tgt = n_gold = 0
    with (
        open(out_dir / "src.sents", "w", encoding="utf-8", newline="\n") as fs,
        open(out_dir / "tgt.sents", "w", encoding="utf-8", newline="\n") as ft,
        open(out_dir / "gold", "w", encoding="utf-8", newline="\n") as fg,
    ):
        for s, t in beads:
            for line in (*s, *t):
                if not line.strip() or "\n" in line or "\r" in line:
                    raise CorpusError(f"unusable sentence {line!r}")
            fs.writelines(x + "\n" for x in s)
            ft.writelines(x + "\n" for x in t)
            fg.write(format_bead(range(n_src, n_src + len(s)), range(n_tgt, n_tgt + len(t))))
            fg.write("\n")
            n_src += len(s)
            n_tgt += len(t)
            n_gold += 1
    return n_src, n_tgt, n_gold


def verify_corpus(out_dir: Path) -> tuple[int, int, int, float]:
    """Re-read a written corpus and check it; return (src, tgt, beads, share not 1:1)."""
    n_src = len(_read_lines(out_dir / "src.sents"))
    n_tgt = len(_read_lines(out_dir / "tgt.sents"))
    gold = [parse_bead(line) for line in _read_lines(out_dir / "gold")]
    check_alignment(gold, n_src, n_tgt)
    irregular = sum(not (len(s) == 1 and len(t) == 1) for s, t in gold)
    return n_src, n_tgt, len(gold), irregular / max(1, len(gold))


def _weights(text: str) -> dict[str, float]:
    weights = {}
    for item in text.split(","):
        key, _, value = item.partition("=")
        if key.strip() not in KINDS:
            raise argparse.ArgumentTypeError(f"unknown kind {key.strip()!r}")
        weights[key.strip()] = float(value)
    return {**DEFAULT_WEIGHTS, **weights}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate a synthetic aligned corpus from the bundled documents."
    )
    parser.add_argument(
        "--sentences",
        type=int,
        default=10_000,
        help="source sentences to generate (at least; default 10000)",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--pair", choices=("ru-en", "be-en"), default="ru-en")
    parser.add_argument(
        "--documents",
        type=Path,
        default=DOCUMENTS,
        help="folder of document folders (default: the bundled ones)",
    )
    parser.add_argument(
        "--non-one-to-one",
        type=float,
        default=1 / 3,
        metavar="SHARE",
        help="share of output beads that are not 1:1 (default 0.333)",
    )
    parser.add_argument(
        "--weights",
        type=_weights,
        default=DEFAULT_WEIGHTS,
        metavar="KIND=W,...",
        help="relative weights of merge, split, delete, insert "
        "(default merge=3,split=3,delete=2,insert=2)",
    )
    parser.add_argument(
        "--number-rate",
        type=float,
        default=0.5,
        help="probability that a bead gets new numbers (default 0.5)",
    )
    parser.add_argument(
        "--run-length",
        type=int,
        nargs=2,
        default=(3, 12),
        metavar=("MIN", "MAX"),
        help="length range of runs of consecutive beads (default 3 12)",
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    src_lang = args.pair.split("-")[0]
    try:
        docs = read_documents(args.documents, src_lang)
        if not docs:
            raise CorpusError(f"no {src_lang}-{TARGET_LANG}.gold under {args.documents}")
        rng = np.random.default_rng(args.seed)
        beads = iter_beads(
            list(docs.values()),
            args.sentences,
            rng,
            non_one_to_one=args.non_one_to_one,
            weights=args.weights,
            number_rate=args.number_rate,
            run_length=tuple(args.run_length),
        )
        write_corpus(args.out, beads)
        n_src, n_tgt, n_beads, share = verify_corpus(args.out)
    except (CorpusError, OSError) as err:
        print(f"generate: {err}", file=sys.stderr)
        return 1
    print(
        f"{n_src} source, {n_tgt} target sentences, {n_beads} beads "
        f"({share:.1%} not 1:1) from {len(docs)} documents in "
        f"{time.perf_counter() - started:.2f} s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
