"""The glossary matcher on WMT25's English→Russian terminology data (development slice).

Each line has an English source, a Russian reference and term pairs ("proper": English term
→ Russian term in dictionary form); most Russian terms appear inflected in the reference.
For every pair the line's terms become a one-concept termbase, and `glossary.match.Matcher`
looks for them:

1. recall on the reference: of the pairs whose English term the matcher finds in the source,
   the share whose Russian term it finds in the reference (the bar is 98%); beside it the
   share found as plain strings (the term as written, case-sensitive, as a substring);
2. term accuracy of the two systems' outputs: the share of all pairs whose Russian term the
   matcher finds in the output, beside the task's published figures for the full 500-line
   set (its metric counts a lowercased surface match or a lemma-sequence match).

Pairs the matcher misses are listed, so a regression shows what it lost.

Usage: python bench/term_match_wmt25.py [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from glossary.match import Matcher
from glossary.model import Concept, Status, Term, Termbase

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "glossary" / \
    "wmt25-term-enru-dev"
SYSTEMS = {  # submission file -> published term accuracy on the full set
    "CommandA_MT.enru.proper": 0.707,
    "CommandA_MT.enru.noterm": 0.389,
    "organizers_gpt-4.1-nano.enru.proper": 0.880,
}


def matcher_for(en: str, ru: str) -> Matcher:
    """A matcher for one term pair."""
    concept = Concept("term", (Term("en", en, Status.PREFERRED), Term("ru", ru, Status.PREFERRED)))
    return Matcher(Termbase(concepts=(concept,)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    data = args.data / "full_data.enru.dev.jsonl"
    if not data.is_file():
        print(f"no data at {data}", file=sys.stderr)
        return 1
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    pairs = [(n, en, ru) for n, row in enumerate(rows) for en, ru in row["proper"].items()]
    matchers = {(en, ru): matcher_for(en, ru) for _, en, ru in pairs}

    in_source = found = plain = 0
    missed = []
    for n, en, ru in pairs:
        m = matchers[(en, ru)]
        if not m.find_all(rows[n]["en"], "en", miscased=True):
            continue
        in_source += 1
        plain += ru in rows[n]["ru"]
        if m.find(rows[n]["ru"], "ru"):
            found += 1
        else:
            missed.append((n + 1, en, ru, rows[n]["ru"]))
    print(f"pairs\t{len(pairs)}")
    print(f"pairs_with_english_term_in_source\t{in_source}")
    print(f"reference_recall\t{found / in_source:.4f}\t({found}/{in_source}; bar 0.98)")
    print(f"reference_recall_plain_string\t{plain / in_source:.4f}")
    for name, published in SYSTEMS.items():
        path = args.data / "submissions" / f"{name}.dev.jsonl"
        if not path.is_file():
            continue
        outputs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        hits = sum(bool(matchers[(en, ru)].find(outputs[n]["ru"], "ru")) for n, en, ru in pairs)
        print(f"term_accuracy\t{name}\t{hits / len(pairs):.3f}\t(published, full set: "
              f"{published:.3f})")
    for line, en, ru, ref in missed:
        print(f"missed\tline {line}\t{en} → {ru}\t{ref}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
