"""Speed of `check`: segment pairs against a large generated glossary.

The glossary has `--concepts` concepts (default 10,000), each with a Russian term of one to
three words and an English preferred term, a fifth of them with a deprecated English term
too; no two concepts share a term up to inflection. Words come from the bundled documents
(corpora/documents/*/{ru,en}.txt) and, when ../shared is there, the WMT22 references, so
Russian words are real inflected forms that go through the morphology; half the words of
each language (by base form) make the terms, the other half the rest of the sentences.
Each segment pair is a Russian sentence of about twenty words with two glossary terms and,
one time in three, a number; its English side has the terms rendered (mostly preferred,
sometimes deprecated or left out) and the number (rarely changed). The benchmark times
`glossary.checks.check_bitext` with every check, the way `transdesk check` runs it, and
prints the seconds and the findings by kind.

Usage: python bench/check_speed.py [--pairs N] [--concepts N] [--workers N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from glossary.bitext import Segment
from glossary.checks import CheckOptions, check_bitext, default_workers
from glossary.model import Concept, Status, Term, Termbase

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "score" / "wmt22" / "txt" / "references"
_WORD = re.compile(r"[^\W\d_]{3,}")


def vocabulary(lang: str) -> list[str]:
    """Distinct words of the bundled documents in `lang` and, where ../shared is present,
    of the WMT22 test sets (more words, so that 10,000 concepts need not repeat them)."""
    paths = sorted((ROOT / "corpora" / "documents").glob(f"*/{lang}.txt"))
    paths += sorted(SHARED.glob(f"*.{lang}")) if SHARED.is_dir() else []
    words: dict[str, None] = {}
    for path in paths:
        for word in _WORD.findall(path.read_text(encoding="utf-8")):
            words.setdefault(word.lower())
    return list(words)


def split_vocabulary(words: list[str], lang: str,
                     rng: random.Random) -> tuple[list[str], list[str]]:
    """Term words and filler words, apart, by base form: in real text a glossary term in
    the source is there because the text is about it, and the translation renders it;
    filler words that happened to be forms of terms would make every sentence a list of
    untranslated terms."""
    from lang import get_language

    base_forms = get_language(lang).base_forms
    groups: dict[str, list[str]] = {}
    for word in words:
        forms = base_forms(word)
        groups.setdefault(forms[0] if forms else word, []).append(word)
    keys = sorted(groups)
    rng.shuffle(keys)
    terms = {k for k in keys[:len(keys) // 2]}
    for word in words:  # a word with a base form of either half goes with the terms
        forms = base_forms(word)
        if any(f in terms for f in forms):
            terms.update(forms)
    term_words = [w for w in words if any(f in terms for f in base_forms(w))]
    filler = [w for w in words if not any(f in terms for f in base_forms(w))]
    return term_words, filler


def make_termbase(n: int, ru: list[str], en: list[str], rng: random.Random) -> Termbase:
    """`n` concepts with distinct Russian and English terms."""
    from lang import get_language

    ru_forms, en_forms = get_language("ru").base_forms, get_language("en").base_forms
    concepts = []
    seen_ru: set[tuple[str, ...]] = set()
    seen_en: set[tuple[str, ...]] = set()
    while len(concepts) < n:
        ru_words = rng.choices(ru, k=rng.choice((1, 2, 2, 3, 3)))
        en_words = rng.choices(en, k=rng.choice((1, 2, 2, 3, 3)))
        # Like a real glossary: no two concepts share a term up to inflection.
        ru_key = tuple(ru_forms(w)[0] for w in ru_words)
        en_key = tuple(en_forms(w)[0] for w in en_words)
        if ru_key in seen_ru or en_key in seen_en:
            continue
        seen_ru.add(ru_key)
        seen_en.add(en_key)
        ru_term, en_term = " ".join(ru_words), " ".join(en_words)
        terms = [Term("ru", ru_term, Status.PREFERRED), Term("en", en_term, Status.PREFERRED)]
        if rng.random() < 0.2:
            terms.append(Term("en", f"{en_term} {rng.choice(en)}", Status.DEPRECATED))
        concepts.append(Concept(f"c{len(concepts)}", tuple(terms)))
    return Termbase(concepts=tuple(concepts))


def make_pairs(n: int, termbase: Termbase, ru: list[str], en: list[str],
               rng: random.Random) -> list[Segment]:
    """`n` segment pairs as described in the module docstring."""
    concepts = termbase.concepts
    out = []
    for i in range(n):
        src = rng.choices(ru, k=18)
        tgt = rng.choices(en, k=18)
        for concept in rng.sample(concepts, 2):
            ru_term = concept.terms[0].text
            en_terms = concept.terms[1:]
            at = rng.randrange(len(src))
            src.insert(at, ru_term)
            roll = rng.random()
            if roll < 0.85 or len(en_terms) == 1:
                rendering = en_terms[0].text if roll < 0.95 else ""
            else:
                rendering = en_terms[1].text
            if rendering:
                tgt.insert(min(at, len(tgt)), rendering)
        if rng.random() < 0.33:
            number = str(rng.randrange(2, 5000))
            src.insert(rng.randrange(len(src)), number)
            tgt.insert(rng.randrange(len(tgt)),
                       number if rng.random() < 0.98 else str(rng.randrange(2, 5000)))
        out.append(Segment(str(i + 1), " ".join(src).capitalize() + ".",
                           " ".join(tgt).capitalize() + "."))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    ru_terms, ru = split_vocabulary(vocabulary("ru"), "ru", rng)
    en_terms, en = split_vocabulary(vocabulary("en"), "en", rng)
    started = time.perf_counter()
    termbase = make_termbase(args.concepts, ru_terms, en_terms, rng)
    pairs = make_pairs(args.pairs, termbase, ru, en, rng)
    made = time.perf_counter() - started
    workers = args.workers if args.workers is not None else default_workers()
    print(f"generated {len(pairs):,} pairs and {len(termbase.concepts):,} concepts in "
          f"{made:.1f} s; checking with {workers} worker(s)", file=sys.stderr)
    started = time.perf_counter()
    result = check_bitext(pairs, termbase, CheckOptions("ru", "en"), workers=workers)
    seconds = time.perf_counter() - started
    kinds = Counter(f.kind.value for f in result.findings)
    print(f"pairs\t{len(pairs)}")
    print(f"concepts\t{len(termbase.concepts)}")
    print(f"workers\t{workers}")
    print(f"seconds\t{seconds:.1f}")
    print(f"pairs_per_second\t{len(pairs) / seconds:,.0f}")
    for kind, count in sorted(kinds.items()):
        print(f"findings.{kind}\t{count}")
    for note in result.notes:
        print(f"note\t{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
