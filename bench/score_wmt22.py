"""WMT22 ru-en, 10 systems x 2016 segments: equality, speed against sacrebleu, DA, resegmenting.

    python bench/score_wmt22.py                       # every part
    python bench/score_wmt22.py --parts timing --jobs 1

Parts:
- equality: corpus BLEU and chrF of every system against the organisers'
  automatic-scores.tsv and sacrebleu's Python API (both exact float comparisons);
- timing: paired bootstrap (1000 resamples) and approximate randomisation (10000 trials),
  BLEU and chrF, all systems against one baseline, end to end, side by side in one run:
  sacrebleu's command line (two runs: --paired-bs, --paired-ar) against `transdesk score`
  (one run does both; cold = no statistics cache, warm = cache filled); each of our tests
  alone too. The p-values printed by both are compared;
- correlation: system-level Pearson and Kendall (tau-b) of BLEU, chrF and terminology
  accuracy (desk glossary, where source terms occur) with the DA z-scores;
- resegment: each system's document lines joined into one line per document, scored with
  resegmentation, against the segment-aligned score.
The data (../shared/data/score/wmt22, the WMT22 XML for document ids) is read in place;
parts whose data is absent are skipped. The report goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("TRANSDESK_SCORE_DATA", ROOT.parent / "shared" / "data" / "score"))
WMT = DATA / "wmt22"
XML = ROOT.parent / "shared" / "data" / "align" / "wmt22-ru-en" / "wmttest2022.ru-en.all.xml"
REF = WMT / "txt" / "references" / "generaltest2022.ru-en.ref.A.en"
SRC = WMT / "txt" / "sources" / "generaltest2022.ru-en.src.ru"
HYP_DIR = WMT / "txt" / "system-outputs"
GLOSSARY = ROOT / "corpora" / "glossary" / "desk.tbx"
BASELINE = "Online-B"
PARTS = ("equality", "timing", "correlation", "resegment")


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def systems() -> dict[str, Path]:
    return {p.name.split(".")[-2]: p
            for p in sorted(HYP_DIR.glob("generaltest2022.ru-en.hyp.*.en"))}


def organisers() -> dict[tuple[str, str], float]:
    out = {}
    for line in (WMT / "automatic-scores.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        pair, name, _, _, metric, value = line.split("\t")
        if pair == "ru-en":
            out[(name, metric)] = float(value)
    return out


# --- equality -------------------------------------------------------------------------------


def equality() -> None:
    from sacrebleu.metrics import BLEU, CHRF

    from score.engine import ScoreConfig, score_segments
    from score.inputs import read_input

    refs = read_input(str(REF), "ref")
    named = systems()
    hyps = [s for name, path in named.items() for s in read_input(f"{name}={path}", "hyp")]
    result = score_segments(refs, hyps, ScoreConfig(bootstrap=0, jobs=2))
    tsv = organisers()
    ref_lines = [list(refs[0].texts)]
    print("## Equality: corpus BLEU and chrF (10 systems x 2016 segments)\n")
    print("| system | BLEU (ours) | = tsv | = sacrebleu | chrF (ours) | = tsv | = sacrebleu |")
    print("|---|---|---|---|---|---|---|")
    all_equal = True
    for k, hyp in enumerate(hyps):
        bleu = result.metric("BLEU").scores[k]
        chrf = result.metric("chrF2").scores[k]
        sb_bleu = BLEU().corpus_score(list(hyp.texts), ref_lines).score
        sb_chrf = CHRF().corpus_score(list(hyp.texts), ref_lines).score
        checks = [bleu == tsv[(hyp.name, "bleu-A")], bleu == sb_bleu,
                  chrf == tsv[(hyp.name, "chrf-A")], chrf == sb_chrf]
        all_equal &= all(checks)
        marks = ["yes" if c else "NO" for c in checks]
        print(f"| {hyp.name} | {bleu!r} | {marks[0]} | {marks[1]} | {chrf!r} | {marks[2]} | "
              f"{marks[3]} |")
    print(f"\nAll equal to the last bit: {'yes' if all_equal else 'NO'}\n")


# --- timing ---------------------------------------------------------------------------------


def _timed(argv: list[str], repeat: int = 1) -> tuple[float, float, str]:
    """Wall and CPU seconds of a command (best of `repeat` runs: the machine is shared).

    CPU time (user + system, the command and its workers) hardly depends on what else runs.
    """
    import resource

    best, best_cpu, out = float("inf"), float("inf"), ""
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, check=True,
                              env={**os.environ, "NO_COLOR": "1"})
        took = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_cpu = min(best_cpu, cpu)
        if took < best:
            best, out = took, done.stdout
    return best, best_cpu, out


def _sacrebleu_p(text: str) -> dict[str, list[str]]:
    """System (file name) -> printed p-values of BLEU and chrF, from sacrebleu's table."""
    found: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        name = re.search(r"generaltest2022\.ru-en\.hyp\.([\w-]+)\.en", line)
        if name:
            current = name.group(1)
        for p in re.findall(r"\(p = ([0-9.]+)\)", line):
            if current:
                found.setdefault(current, []).append(p)
    return found


def timing(jobs: int, repeat: int) -> None:
    named = systems()
    base = named[BASELINE]
    others = [p for n, p in named.items() if n != BASELINE]
    py = sys.executable
    sacre = [py, "-m", "sacrebleu", str(REF), "-i", str(base), *map(str, others),
             "-m", "bleu", "chrf", "-f", "text"]
    ours = [py, "-m", "transdesk", "score", "--ref", str(REF), "--hyp",
            *(f"{n}={p}" for n, p in named.items()), "-m", "bleu,chrf", "--baseline", BASELINE,
            "-f", "json", "--jobs", str(jobs), "-q"]
    # Each pair of commands runs back to back, so that both see the same load.
    note("timing: paired bootstrap, sacrebleu then transdesk ...")
    sbs = _timed([*sacre, "--paired-bs", "--paired-bs-n", "1000"], repeat)
    obs = _timed([*ours, "--bs-n", "1000", "--ar-n", "0", "--no-cache"], repeat)
    note("timing: approximate randomisation, sacrebleu then transdesk ...")
    sar = _timed([*sacre, "--paired-ar", "--paired-ar-n", "10000"], repeat)
    oar = _timed([*ours, "--bs-n", "0", "--ar-n", "10000", "--no-cache"], repeat)
    note("timing: transdesk, both tests in one run, cold and warm ...")
    cold = _timed([*ours, "--bs-n", "1000", "--ar-n", "10000", "--no-cache"], repeat)
    with tempfile.TemporaryDirectory() as cache:
        _timed([*ours, "--bs-n", "0", "--ar-n", "0", "--cache-dir", cache])  # fill the cache
        warm = _timed([*ours, "--bs-n", "1000", "--ar-n", "10000", "--cache-dir", cache],
                      repeat)
    out_bs, out_ar, out = sbs[2], sar[2], cold[2]
    both = (sbs[0] + sar[0], sbs[1] + sar[1])

    rows = json.loads(out)["rows"]
    ours_p = {}
    for row in rows:
        if row["system"] != BASELINE:
            ours_p.setdefault(row["system"], {})[row["metric"]] = (row["p_bs"], row["p_ar"])
    theirs_bs, theirs_ar = _sacrebleu_p(out_bs), _sacrebleu_p(out_ar)
    same = all(
        theirs_bs[name] == [f"{ours_p[name][m][0]:.4f}" for m in ("BLEU", "chrF2")]
        and theirs_ar[name] == [f"{ours_p[name][m][1]:.4f}" for m in ("BLEU", "chrF2")]
        for name in ours_p
    )
    cpus = os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"## Timing: all {len(others)} systems against {BASELINE}, BLEU and chrF "
          f"(machine: {cpus} CPUs, load {load:.1f} at the end; ours with --jobs {jobs}; "
          f"best of {repeat})\n")
    print("| job | sacrebleu CLI wall (s) | transdesk wall (s) | ratio | sacrebleu CPU (s) | "
          "transdesk CPU (s) | ratio |")
    print("|---|---|---|---|---|---|---|")
    lines = [
        ("paired bootstrap, 1000; ours cold", sbs, obs),
        ("approximate randomisation, 10000; ours cold", sar, oar),
        ("both (sacrebleu: 2 runs; ours: 1 run), cold", both, cold),
        ("both, ours with statistics cached", both, warm),
    ]
    for label, theirs, mine in lines:
        print(f"| {label} | {theirs[0]:.1f} | {mine[0]:.1f} | {theirs[0] / mine[0]:.1f}x | "
              f"{theirs[1]:.1f} | {mine[1]:.1f} | {theirs[1] / mine[1]:.1f}x |")
    print(f"\nAll printed p-values equal sacrebleu's: {'yes' if same else 'NO'}")
    print("\nCommands (system list abbreviated):")
    print(f"  python -m sacrebleu REF -i {BASELINE} SYS... -m bleu chrf --paired-bs "
          "--paired-bs-n 1000")
    print(f"  python -m sacrebleu REF -i {BASELINE} SYS... -m bleu chrf --paired-ar "
          "--paired-ar-n 10000")
    print(f"  python -m transdesk score --ref REF --hyp SYS... -m bleu,chrf --baseline "
          f"{BASELINE} --bs-n 1000 --ar-n 10000 --no-cache --jobs {jobs}\n")


# --- correlation ----------------------------------------------------------------------------


def da_scores() -> dict[str, float]:
    path = WMT / "humaneval" / "ad-sys-ranking-ru-en-z-names.csv"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        _raw, z, _n, _nall, _sysid, name = line.split()
        out[name] = float(z)
    return out


def kendall_tau_b(x: np.ndarray, y: np.ndarray) -> float:
    """Kendall's tau-b (ties corrected), as scipy.stats.kendalltau computes it."""
    try:
        from scipy.stats import kendalltau

        return float(kendalltau(x, y).statistic)
    except ImportError:
        pass
    i, j = np.triu_indices(len(x), 1)
    dx, dy = np.sign(x[i] - x[j]), np.sign(y[i] - y[j])
    concordant = float(np.sum(dx * dy))
    tied_x, tied_y = float(np.sum(dx != 0)), float(np.sum(dy != 0))
    return concordant / np.sqrt(tied_x * tied_y)


def correlation(jobs: int) -> None:
    from score.engine import ScoreConfig
    from score.run import score_files

    named = systems()
    da = da_scores()
    result = score_files(
        [str(REF)], [f"{n}={p}" for n, p in named.items()],
        ScoreConfig(bootstrap=0, jobs=jobs, metrics=("bleu", "chrf", "terms", "terms-wrong")),
        src=str(SRC), glossary=GLOSSARY, src_lang="ru", tgt_lang="en",
    )
    names = [n for n in result.systems if n in da]
    human = np.array([da[n] for n in names])
    terms = result.metric("TermAcc")
    occurrences = int(terms.stats[0][:, 0].sum())
    segments_with_terms = int((terms.stats[0][:, 0] > 0).sum())
    print(f"## Correlation with WMT22 DA z-scores ({len(names)} systems)\n")
    # The last system is far below the others and carries Pearson's r on its own; the
    # figures without it show how well a metric orders the close ones.
    worst = min(names, key=lambda n: da[n])
    keep = np.array([n != worst for n in names])
    print(f"| metric | Pearson r | Kendall tau-b | r without {worst} | tau-b without it |")
    print("|---|---|---|---|---|")
    for m in result.metrics:
        values = np.array([m.scores[result.systems.index(n)] for n in names])
        if not np.all(np.isfinite(values)):
            continue
        r = float(np.corrcoef(values, human)[0, 1])
        tau = kendall_tau_b(values, human)
        r9 = float(np.corrcoef(values[keep], human[keep])[0, 1])
        tau9 = kendall_tau_b(values[keep], human[keep])
        print(f"| {m.name} | {r:.3f} | {tau:.3f} | {r9:.3f} | {tau9:.3f} |")
    print(f"\nTerminology (desk glossary): {occurrences} source term occurrences in "
          f"{segments_with_terms} of {result.n_segments} segments; matcher "
          f"{result.metric('TermAcc').signature}.\n")
    print("| system | DA z | BLEU | chrF | TermAcc | TermWrong |")
    print("|---|---|---|---|---|---|")
    for n in sorted(names, key=lambda n: -da[n]):
        k = result.systems.index(n)
        print(f"| {n} | {da[n]:.3f} | {result.metric('BLEU').scores[k]:.2f} | "
              f"{result.metric('chrF2').scores[k]:.2f} | {terms.scores[k]:.1f} | "
              f"{result.metric('TermWrong').scores[k]:.1f} |")
    print()


# --- resegmentation -------------------------------------------------------------------------


def resegment(jobs: int) -> None:
    from score.engine import ScoreConfig, score_segments
    from score.inputs import Segments, read_input

    refs = read_input(f"{XML}#A", "ref")
    hyps = read_input(str(XML), "hyp")
    config = ScoreConfig(metrics=("bleu", "chrf"), bootstrap=0, jobs=jobs)
    aligned = score_segments(refs, hyps, config)
    joined = []
    for s in hyps:
        docs: dict[str, list[str]] = {}
        for doc, text in zip(s.doc_ids or (), s.texts, strict=True):
            docs.setdefault(doc, []).append(text)
        joined.append(Segments(s.name, tuple(" ".join(v) for v in docs.values())))
    start = time.perf_counter()
    reseg = score_segments(refs, joined, ScoreConfig(metrics=("bleu", "chrf"), bootstrap=0,
                                                     jobs=jobs, resegment=True))
    took = time.perf_counter() - start
    print("## Resegmentation: one line per document (227 documents) -> --resegment\n")
    print("| system | BLEU aligned | BLEU resegmented | delta | chrF delta | segments moved |")
    print("|---|---|---|---|---|---|")
    worst = 0.0
    for k, name in enumerate(aligned.systems):
        a, b = aligned.metric("BLEU").scores[k], reseg.metric("BLEU").scores[k]
        dc = reseg.metric("chrF2").scores[k] - aligned.metric("chrF2").scores[k]
        moved = sum(x != y.strip() for x, y in zip(reseg.drafts[k], hyps[k].texts, strict=True))
        worst = max(worst, abs(b - a))
        print(f"| {name} | {a:.2f} | {b:.2f} | {b - a:+.2f} | {dc:+.2f} | {moved} |")
    print(f"\nLargest |BLEU delta|: {worst:.2f} (bar: 1.0). Resegmenting and scoring all 10 "
          f"systems took {took:.1f} s (--jobs {jobs}).\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS))
    parser.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 4))
    parser.add_argument("--repeat", type=int, default=1,
                        help="Time each command this many times and keep the best.")
    args = parser.parse_args()
    if not REF.is_file():
        note(f"WMT22 data not found in {WMT}; nothing to do")
        return
    for part in args.parts:
        if part == "resegment" and not XML.is_file():
            note(f"resegment: {XML} not found; skipped")
            continue
        note(f"{part} ...")
        if part == "equality":
            equality()
        elif part == "timing":
            timing(args.jobs, args.repeat)
        elif part == "correlation":
            correlation(args.jobs)
        else:
            resegment(args.jobs)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
