"""Load and save a large glossary: a generated termbase of 100,000 concepts by default.

Each concept has a subject, a created date, one or two Russian and Belarusian terms and two
or three English ones (one of them deprecated, every tenth forbidden with a reason), part of
speech on every term and a note on every third: about the shape of the desk glossary. The
benchmark times, in one process:
- save: `store.save` (serialise to TBX, take the lock, write a temporary file, fsync, rename);
- load: `store.load` (safe iterparse of the file into the model);
- a second save of the loaded termbase, which must produce the same bytes;
and prints the file size and the peak resident memory of the process.

Usage: python bench/glossary_io.py [--concepts N] [--dir DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from glossary.model import Concept, Status, Term, Termbase
from glossary.store import load, save

SUBJECTS = ("history", "geography", "economy", "institutions", "agriculture", "titles")
RU_WORDS = ("государственный", "комитет", "национальный", "банк", "областной", "совет",
            "республиканский", "фонд", "министерство", "развитие", "сельский", "хозяйство")
BE_WORDS = ("дзяржаўны", "камітэт", "нацыянальны", "банк", "абласны", "савет",
            "рэспубліканскі", "фонд", "міністэрства", "развіццё", "сельская", "гаспадарка")
EN_WORDS = ("state", "committee", "national", "bank", "regional", "council", "republican",
            "fund", "ministry", "development", "rural", "economy")


def make_termbase(n: int, seed: int) -> Termbase:
    """A reproducible termbase of `n` concepts."""
    rng = random.Random(seed)
    day = date(2026, 11, 29)

    def phrase(words: tuple[str, ...], i: int) -> str:
        picked = rng.sample(words, rng.randint(1, 3))
        return " ".join(picked) + f" {i}"

    concepts = []
    for i in range(n):
        terms = []
        for lang, words in (("ru", RU_WORDS), ("be", BE_WORDS)):
            terms.append(Term(lang, phrase(words, i), Status.PREFERRED, "noun", created=day))
            if rng.random() < 0.4:
                terms.append(Term(lang, phrase(words, i), Status.ADMITTED, "noun",
                                  term_type="shortForm", created=day))
        terms.append(Term("en", phrase(EN_WORDS, i), Status.PREFERRED, "noun", created=day,
                          note="desk style" if i % 3 == 0 else None))
        bad = Status.FORBIDDEN if i % 10 == 0 else Status.DEPRECATED
        terms.append(Term("en", phrase(EN_WORDS, i) + " x", bad, "noun", created=day,
                          note="a different concept" if bad is Status.FORBIDDEN else None))
        if rng.random() < 0.3:
            terms.append(Term("en", phrase(EN_WORDS, i) + " y", Status.ADMITTED, "noun"))
        concepts.append(Concept(f"c{i:06d}", tuple(terms), subject=rng.choice(SUBJECTS),
                                created=day))
    return Termbase(concepts=tuple(concepts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None, help="Folder for the file.")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    termbase = make_termbase(args.concepts, args.seed)
    terms = sum(len(c.terms) for c in termbase.concepts)
    print(f"generated {args.concepts:,} concepts, {terms:,} terms in "
          f"{time.perf_counter() - started:.2f} s")
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = Path(folder) / "glossary.tbx"
        t0 = time.perf_counter()
        save(termbase, path)
        t1 = time.perf_counter()
        loaded = load(path)
        t2 = time.perf_counter()
        save(loaded, path.with_name("again.tbx"))
        t3 = time.perf_counter()
        size = path.stat().st_size
        same = path.read_bytes() == path.with_name("again.tbx").read_bytes()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"file: {size / 2**20:.1f} MiB")
    print(f"save: {t1 - t0:.2f} s")
    print(f"load: {t2 - t1:.2f} s")
    print(f"save again: {t3 - t2:.2f} s (same bytes: {same})")
    print(f"round trip equal: {loaded == termbase}")
    print(f"peak memory of the process: {peak:.0f} MiB")
    return 0 if same and loaded == termbase else 1


if __name__ == "__main__":
    sys.exit(main())
