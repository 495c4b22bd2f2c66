"""Alignment quality: strict and lax F1 (vecalign's score.py conventions) on every test set.

    python bench/align_quality.py                      # all sets, all systems, seed 1
    python bench/align_quality.py --sets ntrex-ru --systems default lexical --seeds 1 2 3

Sets: NTREX-128 dev ru-en and be-en and WMT22 ru-en, perturbed (bench/perturb.py) with the
given seeds (counts summed over them); Text+Berg de-fr dev with its real n:m gold; the
bundled corpora ru-en and be-en with theirs (paragraph starts as anchors).
Systems: the default aligner (sentence embeddings), `lexical` (--no-embeddings), the
Gale-Church baseline, and hunalign when a `hunalign` binary is on PATH. The aligner runs in
batch mode: one lexicon learned over all documents of a set (`learn_lexicon`), then each
document aligned with it. Counts are summed over documents before dividing. Sets whose data
is absent are skipped. The table goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import itertools

from align.aligner import AlignConfig, align_sentences, learn_lexicon
from align.evaluate import score_alignments
from bench import datasets
from bench.datasets import Doc
from bench.gale_church import gale_church
from bench.perturb import EVENTS, perturb

SETS = ("ntrex-ru", "ntrex-be", "wmt22-ru", "textberg", "bundled-ru", "bundled-be")
PERTURBED = ("ntrex-ru", "ntrex-be", "wmt22-ru")
SYSTEMS = ("default", "lexical", "gale-church", "hunalign")
BARS = {"ntrex-ru": 0.95, "wmt22-ru": 0.95, "ntrex-be": 0.93, "textberg": 0.90,
        "bundled-ru": 0.95, "bundled-be": 0.95}
LEXICAL_BARS = {"ntrex-ru": 0.85, "wmt22-ru": 0.85, "ntrex-be": 0.85}

Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]


@dataclass(frozen=True)
class TestSet:
    name: str
    src_lang: str
    tgt_lang: str
    docs: list[Doc]


def load_set(
    name: str, seed: int, events: Sequence[tuple[str, float]] = EVENTS
) -> TestSet | None:
    """One test set by name, perturbed with `seed` (and `events`) where it is line-parallel;
    None if absent."""
    rng = np.random.default_rng(seed)
    if name in ("ntrex-ru", "ntrex-be", "wmt22-ru"):
        lang = name.rsplit("-", 1)[1]
        raw = datasets.wmt22() if name == "wmt22-ru" else datasets.ntrex(lang)
        if raw is None:
            return None
        docs = []
        for doc_id, src, tgt in raw:
            ps, pt, gold = perturb(src, tgt, rng, events)
            docs.append(Doc(doc_id, tuple(ps), tuple(pt), gold))
        return TestSet(name, lang, "en", docs)
    if name == "textberg":
        doc = datasets.textberg()
        return None if doc is None else TestSet(name, "de", "fr", [doc])
    if name.startswith("bundled-"):
        lang = name.split("-", 1)[1]
        docs_b = datasets.bundled(lang)
        return None if docs_b is None else TestSet(name, lang, "en", docs_b)
    raise SystemExit(f"unknown set {name!r}; known: {', '.join(SETS)}")


# Confidence bins of the calibration table: a bead's score falls in [low, high).
CONFIDENCE_BINS = ((0.0, 0.5), (0.5, 0.8), (0.8, 0.95), (0.95, 1.01))


def run_aligner(test: TestSet, config: AlignConfig, batch: bool,
                scores: list[list[float]] | None = None) -> list[Beads]:
    """Our aligner over a set, in batch mode (one lexicon for the set) unless told not to.
    Each document's bead scores are appended to `scores` when given."""
    lexicon = None
    if batch and len(test.docs) > 1:
        lexicon = learn_lexicon(
            [(d.src, d.tgt) for d in test.docs], test.src_lang, test.tgt_lang, config
        )
    out = []
    for d in test.docs:
        al = align_sentences(d.src, d.tgt, test.src_lang, test.tgt_lang, config,
                             src_anchors=d.src_anchors, tgt_anchors=d.tgt_anchors,
                             lexicon=lexicon)
        out.append([(b.src, b.tgt) for b in al.beads])
        if scores is not None:
            scores.append([b.score for b in al.beads])
    return out


def run_hunalign(test: TestSet) -> list[Beads] | None:
    """hunalign with an empty dictionary (its realign mode), or None when not installed."""
    exe = shutil.which("hunalign")
    if exe is None:
        return None
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "empty.dic").write_text("", encoding="utf-8")
        for d in test.docs:
            (folder / "s.txt").write_text("\n".join(d.src) + "\n", encoding="utf-8")
            (folder / "t.txt").write_text("\n".join(d.tgt) + "\n", encoding="utf-8")
            res = subprocess.run(
                [exe, "-realign", str(folder / "empty.dic"), str(folder / "s.txt"),
                 str(folder / "t.txt")],
                capture_output=True, text=True, check=True,
            )
            out.append(ladder_to_beads(res.stdout, len(d.src), len(d.tgt)))
    return out


def ladder_to_beads(ladder: str, n: int, m: int) -> Beads:
    """hunalign's ladder (rungs "i<TAB>j<TAB>score") as beads between consecutive rungs."""
    rungs = [(0, 0)]
    for line in ladder.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            rungs.append((int(parts[0]), int(parts[1])))
    rungs.append((n, m))
    beads: Beads = []
    for (i0, j0), (i1, j1) in itertools.pairwise(rungs):
        if i1 > i0 or j1 > j0:
            if i1 - i0 and j1 - j0:
                beads.append((tuple(range(i0, i1)), tuple(range(j0, j1))))
            else:
                beads.extend(((i,), ()) for i in range(i0, i1))
                beads.extend(((), (j,)) for j in range(j0, j1))
    return beads


def predict(test: TestSet, system: str, args: argparse.Namespace,
            scores: list[list[float]] | None = None) -> list[Beads] | None:
    """One system's beads for every document of a set, or None when it cannot run here."""
    runners: dict[str, Callable[[], list[Beads] | None]] = {
        "default": lambda: run_aligner(test, _config(args, True), not args.no_batch, scores),
        "lexical": lambda: run_aligner(test, _config(args, False), not args.no_batch, scores),
        "gale-church": lambda: [gale_church(d.src, d.tgt) for d in test.docs],
        "hunalign": lambda: run_hunalign(test),
    }
    return runners[system]()


def evaluate(tests: list[TestSet], system: str, args: argparse.Namespace,
             confidence: list[tuple[float, bool]] | None = None) -> dict | None:
    """Run one system on a set (one copy per seed); counts summed over every document.
    Appends (score, right) for each predicted bead to `confidence` when given."""
    gold: list[Beads] = []
    pred: list[Beads] = []
    scores: list[list[float]] = []
    start = time.perf_counter()
    for test in tests:
        beads = predict(test, system, args, scores)
        if beads is None:
            return None
        gold += [d.gold for d in test.docs]
        pred += beads
    seconds = time.perf_counter() - start
    if confidence is not None:
        for g, p, sc in zip(gold, pred, scores, strict=True):
            right = set(g)
            confidence.extend((x, bead in right) for bead, x in zip(p, sc, strict=True))
    res = score_alignments(gold, pred)
    return {
        "set": tests[0].name, "system": system, "docs": len(gold),
        "beads": sum(len(g) for g in gold), "seeds": len(tests),
        "f1_strict": res.strict.f1, "p_strict": res.strict.precision,
        "r_strict": res.strict.recall, "f1_lax": res.lax.f1, "seconds": seconds,
    }


def _config(args: argparse.Namespace, embeddings: bool) -> AlignConfig:
    cache = Path(args.cache_dir) if args.cache_dir else None
    return AlignConfig(embeddings=embeddings, cache_dir=cache, max_bead=args.max_bead)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    parser.add_argument("--systems", nargs="+", default=list(SYSTEMS), choices=SYSTEMS)
    parser.add_argument("--seeds", nargs="+", type=int, default=[1],
                        help="perturbation seeds, counts summed over them (100-104 are the "
                             "development set's)")
    parser.add_argument("--cache-dir", help="embedding cache folder (default: the user cache)")
    parser.add_argument("--no-batch", action="store_true", help="learn no lexicon across docs")
    parser.add_argument("--max-bead", type=int, default=4, help="most sentences a bead side")
    parser.add_argument("--json", help="also write the rows as JSON to this file")
    args = parser.parse_args(argv)

    rows = []
    confidence: list[tuple[float, bool]] = []
    for name in args.sets:
        seeds = args.seeds if name in PERTURBED else args.seeds[:1]
        loaded = [load_set(name, seed) for seed in seeds]
        tests = [t for t in loaded if t is not None]
        if not tests:
            print(f"{name}: data not found, skipped", file=sys.stderr)
            continue
        for system in args.systems:
            row = evaluate(tests, system, args, confidence if system == "default" else None)
            if row is None:
                print(f"{name}/{system}: not available here, skipped", file=sys.stderr)
                continue
            rows.append(row)
            print(f"{name}/{system}: F1 {row['f1_strict']:.4f} ({row['seconds']:.1f} s)",
                  file=sys.stderr)
    print(f"perturbation seeds {' '.join(map(str, args.seeds))}; strict/lax F1 as vecalign's "
          "score.py; counts summed over documents (and seeds)")
    print(f"{'set':<12} {'system':<12} {'docs':>5} {'beads':>6} {'P':>7} {'R':>7} "
          f"{'F1':>7} {'laxF1':>7} {'bar':>5} {'sec':>7}")
    for r in rows:
        bars = {"default": BARS, "lexical": LEXICAL_BARS}.get(r["system"], {})
        bar = bars.get(r["set"])
        mark = "" if bar is None else ("ok" if r["f1_strict"] >= bar else "MISS")
        print(f"{r['set']:<12} {r['system']:<12} {r['docs']:>5} {r['beads']:>6} "
              f"{r['p_strict']:>7.4f} {r['r_strict']:>7.4f} {r['f1_strict']:>7.4f} "
              f"{r['f1_lax']:>7.4f} {mark:>5} {r['seconds']:>7.1f}")
    if confidence:
        print_calibration(confidence)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


def print_calibration(confidence: list[tuple[float, bool]]) -> None:
    """How often the default system's beads are right, by their confidence."""
    print(f"\nconfidence of the default system's beads, over every set above "
          f"({len(confidence)} beads)")
    print(f"{'score':<12} {'beads':>6} {'right':>7}")
    for low, high in CONFIDENCE_BINS:
        hits = [right for x, right in confidence if low <= x < high]
        share = f"{sum(hits) / len(hits):.3f}" if hits else "–"
        print(f"{f'{low:.2f}–{min(high, 1.0):.2f}':<12} {len(hits):>6} {share:>7}")


if __name__ == "__main__":
    raise SystemExit(main())
