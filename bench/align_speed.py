"""Alignment speed and memory: lexical mode by document size, default mode cold and warm.

    python bench/align_speed.py                          # all of it
    python bench/align_speed.py --sizes 2500 5000 --skip-default

Lexical mode (--no-embeddings) aligns synthetic documents from corpora/generate.py of
2,500 / 5,000 / 10,000 / 20,000 source sentences; each size runs in a fresh process, which
reports the seconds of `align_sentences` and the process's peak resident memory (and the
strict F1 against the generator's gold, to show speed was not bought with quality).
Default mode aligns a 300-sentence document (NTREX-128 ru-en dev perturbed, cut at 300
source sentences; the generator's text if the shared data is absent) in a fresh process with an
empty embedding cache (cold), then again in another fresh process with the cache that run
left (warm); and reports how many sentences a second the encoder embeds. Bars: lexical
10,000 x 10,000 under 30 s and 2 GB, growing linearly; default mode under 15 s cold and
2 s warm.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "corpora" / "generate.py"
SIZES = (2500, 5000, 10000, 20000)


def child(mode: str, folder: Path, cache: Path | None) -> dict:
    """One timed alignment in this (fresh) process: what the parent reports."""
    from align.aligner import AlignConfig, align_sentences
    from align.evaluate import score_alignments
    from align.notation import parse_beads

    src = (folder / "src.sents").read_text(encoding="utf-8").splitlines()
    tgt = (folder / "tgt.sents").read_text(encoding="utf-8").splitlines()
    config = AlignConfig(embeddings=mode != "lexical", cache_dir=cache)
    start = time.perf_counter()
    alignment = align_sentences(src, tgt, "ru", "en", config)
    seconds = time.perf_counter() - start
    gold = [(b.src, b.tgt) for b in parse_beads((folder / "gold").read_text(encoding="utf-8"))]
    f1 = score_alignments([gold], [[(b.src, b.tgt) for b in alignment.beads]]).strict.f1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    return {"mode": mode, "src": len(src), "tgt": len(tgt), "seconds": seconds,
            "peak_mb": peak_mb, "f1": f1}


def run_child(mode: str, folder: Path, cache: Path | None = None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(folder)]
    if cache is not None:
        cmd += ["--cache-dir", str(cache)]
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    row = json.loads(out.stdout.strip().splitlines()[-1])
    row["process_seconds"] = time.perf_counter() - start  # imports included
    return row


def generate(n: int, seed: int, folder: Path) -> None:
    subprocess.run([sys.executable, str(GENERATOR), "--sentences", str(n), "--seed", str(seed),
                    "--out", str(folder), "--pair", "ru-en"], check=True, capture_output=True)


def press_conference(folder: Path, seed: int) -> str:
    """Write a ~300-sentence document pair with gold; returns where its text came from."""
    from bench import datasets
    from bench.perturb import perturb

    docs = datasets.ntrex("ru")
    if docs is None:
        generate(300, seed, folder)
        return "corpora/generate.py (shared data absent; repeats sentences, so optimistic)"
    src = [s for _, a, _ in docs for s in a]
    tgt = [t for _, _, b in docs for t in b]
    ps, pt, gold = perturb(src, tgt, np.random.default_rng(seed))
    # Cut after the first bead that brings the source to 300 sentences.
    n = m = 0
    for k, (s_ids, t_ids) in enumerate(gold):
        n, m = n + len(s_ids), m + len(t_ids)
        if n >= 300:
            gold = gold[:k + 1]
            break
    ps, pt = ps[:n], pt[:m]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "src.sents").write_text("\n".join(ps) + "\n", encoding="utf-8")
    (folder / "tgt.sents").write_text("\n".join(pt) + "\n", encoding="utf-8")
    (folder / "gold").write_text(
        "".join(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]\n" for s, t in gold),
        encoding="utf-8")
    return "NTREX-128 dev ru-en, perturbed, its first 300 source sentences"


def embedding_rate(folder: Path) -> dict:
    """Encoder load time and sentences per second on uncached text, in a fresh process."""
    code = (
        "import json,sys,time\n"
        "from align.evidence import encoder\n"
        "texts=open(sys.argv[1],encoding='utf-8').read().splitlines()\n"
        "t=time.perf_counter(); encoder._backend(); load=time.perf_counter()-t\n"
        "t=time.perf_counter(); encoder.encode_parts(texts,use_cache=False)\n"
        "s=time.perf_counter()-t\n"
        "print(json.dumps({'load_seconds':load,'sentences':len(texts),'per_second':len(texts)/s}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(folder / "src.sents")], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-default", action="store_true", help="lexical sizes only")
    parser.add_argument("--skip-lexical", action="store_true", help="default mode only")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DIR"), help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        cache = Path(args.cache_dir) if args.cache_dir else None
        print(json.dumps(child(args.child[0], Path(args.child[1]), cache)))
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.skip_lexical:
            print("lexical mode (--no-embeddings), synthetic ru-en from corpora/generate.py")
            print(f"{'source':>7} {'target':>7} {'seconds':>8} {'s/1k':>6} {'peak MB':>8} "
                  f"{'F1':>6}")
            for n in args.sizes:
                folder = work / f"synth{n}"
                generate(n, args.seed, folder)
                r = run_child("lexical", folder)
                print(f"{r['src']:>7} {r['tgt']:>7} {r['seconds']:>8.1f} "
                      f"{1000 * r['seconds'] / r['src']:>6.2f} {r['peak_mb']:>8.0f} "
                      f"{r['f1']:>6.3f}", flush=True)
        if not args.skip_default:
            folder = work / "press"
            origin = press_conference(folder, args.seed)
            cache = work / "cache"
            cold = run_child("default", folder, cache)
            warm = run_child("default", folder, cache)
            rate = embedding_rate(folder)
            print(f"default mode, {cold['src']} x {cold['tgt']} sentences ({origin})")
            for name, r in (("cold", cold), ("warm", warm)):
                print(f"  {name}: align {r['seconds']:.1f} s, whole process "
                      f"{r['process_seconds']:.1f} s, peak {r['peak_mb']:.0f} MB, "
                      f"F1 {r['f1']:.3f}")
            print(f"  encoder: loads in {rate['load_seconds']:.1f} s, embeds "
                  f"{rate['per_second']:.0f} sentences/s ({rate['sentences']} uncached)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
