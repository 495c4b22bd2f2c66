"""Fit the aligner's few global weights on the development data, as a path CRF.

    python bench/train_weights.py                 # prints the fitted weights
    python bench/train_weights.py --write         # rewrites align/weights.py

The development data is NTREX-128 dev (ru-en for the encoder's native weights, be-en for its
partial ones, both for the lexical ones; `MODES`), perturbed with seeds 100-104 and with the
training perturbations (bench/perturb.py: summaries, semicolon joins, sentence-like
crossings on top of the issue's). Every other set and seed is for checking only. Bead scores
are log-potentials of a conditional random field over monotone paths: the weights maximise
the log-probability of the gold paths (minus an L2 penalty), whose gradient is gold features
minus expected ones, from the same forward-backward sums that give bead confidences. The
objective is convex, so the fit is unique and reproducible; L-BFGS finds it. Per document
the second-pass features are computed once (a lexicon learned in batch over the set from
pass one, and the length model refitted), with pass one run on the previous round's weights.
A temperature is then chosen so that bead posteriors are calibrated on the dev set.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from align import passes
from align.aligner import AlignConfig
from align.evaluate import score_alignments
from align.evidence.base import PairView
from align.evidence.lexicon import LexiconCounts
from align.scoring import BeadScorer, Weights
from align.search import SKIP_TGT, Band, bead_shapes, best_path, marginals, posteriors
from bench.align_quality import load_set
from bench.perturb import TRAINING_EVENTS

# Each weight set (the constant of align/weights.py it becomes) and the development sets it
# is fitted on, with the sentence encoder or without. The encoder reads Russian natively and
# Belarusian only through a Russian respelling, so its evidence is weaker there and gets its
# own weights, fitted on Belarusian; lexical evidence is the same for both languages.
MODES: dict[str, tuple[bool, tuple[str, ...]]] = {
    "LEXICAL": (False, ("ntrex-ru", "ntrex-be")),
    "EMBEDDINGS": (True, ("ntrex-ru",)),
    "EMBEDDINGS_PARTIAL": (True, ("ntrex-be",)),
}
# NTREX-128 dev, perturbed several times (seeds 100..104, never used for reporting) so that
# some 25 weights rest on some 2,400 beads per language rather than 500.
DEV_SEEDS = (100, 101, 102, 103, 104)
L2 = 0.5  # penalty on the squared weights: keeps rare features from running away
# Pass one of the first round runs on these (1:1 beads preferred, length and similarity).
INIT = {"shape.grow": -1.0, "shape.skip": -1.0, "length": 1.0, "emb.mass": 1.0}
# Evidence the development set cannot teach (it has no paragraphs and no glossary), set by
# principle rather than fitted: a bead should open a paragraph on both sides or on neither,
# and rarely spans a paragraph break; a glossary term pair found on both sides counts as
# much as a shared number (tied after fitting).
FIXED = {"anchor.match": 1.0, "anchor.miss": -1.0, "anchor.inside": -1.0}
TIED = {"terms.match": "numbers.match"}
# Which way each piece of evidence may point, by what it means: shared numbers can only
# speak for a bead, mismatches only against it. A fitted weight of the wrong sign means the
# development data confounds that feature with another; it is then held at zero (below).
POSITIVE = ("length", "numbers.match", "names.match", "punct.match", "lexicon.match",
            "terms.match", "emb.z", "emb.mass", "emb.weakest", "anchor.match")
NEGATIVE = ("numbers.miss", "names.miss", "punct.miss", "punct.end_mismatch",
            "punct.start_mismatch", "skip.emb_best", "anchor.miss", "anchor.inside")
TEMPERATURES = (0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0)

Step = tuple[int, int, int, int]


@dataclass
class DocTensors:
    """One document's features at every cell of the full grid, and its gold path."""

    band: Band
    shapes: tuple[tuple[int, int], ...]
    feats: dict[str, np.ndarray]  # name -> (len(shapes), n+1, W)
    skip_feats: dict[str, np.ndarray]  # name -> (m,), for the 0:1 bead of each target
    valid: np.ndarray  # (len(shapes), n+1, W): where a shape can end
    gold: list[Step]
    m: int

    def scores(self, w: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """Bead scores under weights `w` (-inf where a shape cannot end) and 0:1 scores."""
        total = np.zeros(self.valid.shape)
        for name, f in self.feats.items():
            if w.get(name):
                total += w[name] * f
        skip = np.zeros(self.m)
        for name, f in self.skip_feats.items():
            skip += w.get(name, 0.0) * f
        return np.where(self.valid, total, -1e30), skip

    def gold_features(self) -> dict[str, float]:
        index = {s: k for k, s in enumerate(self.shapes)}
        phi: dict[str, float] = {}
        for a, b, i, j in self.gold:
            if (a, b) == SKIP_TGT:
                for name, f in self.skip_feats.items():
                    phi[name] = phi.get(name, 0.0) + float(f[j - 1])
                continue
            s, k = index[(a, b)], j - self.band.lo[i]
            for name, f in self.feats.items():
                phi[name] = phi.get(name, 0.0) + float(f[s, i, k])
        return phi

    def expected(self, w: dict[str, float]) -> tuple[dict[str, float], float]:
        """Expected features under the model, and log Z."""
        scores, skip = self.scores(w)
        probs, skip_probs, log_z = marginals(self.band, self.shapes, scores, skip)
        out = {name: float(np.sum(probs * f)) for name, f in self.feats.items()}
        # skip_probs[i, k] is the 0:1 bead over target lo[i]+k-1.
        cols = np.clip(self.band.lo[:, None] + np.arange(skip_probs.shape[1]) - 1, 0, None)
        for name, f in self.skip_feats.items():
            vals = f[np.minimum(cols, len(f) - 1)] if len(f) else np.zeros_like(skip_probs)
            out[name] = out.get(name, 0.0) + float(np.sum(skip_probs * vals))
        return out, log_z


def gold_steps(gold: Sequence[tuple[tuple[int, ...], tuple[int, ...]]]) -> list[Step]:
    steps = []
    i = j = 0
    for s, t in gold:
        i, j = i + len(s), j + len(t)
        steps.append((len(s), len(t), i, j))
    return steps


def doc_tensors(pair: passes.PairInput, evidences: list, config: AlignConfig,
                gold: list[Step]) -> DocTensors:
    """Every feature of every possible bead of one document (full grid: dev docs are small)."""
    src, tgt = passes.features(pair, evidences)
    band = Band.full(pair.n, pair.m)
    view = PairView.for_band(src, tgt, band.lo, band.hi, config.max_bead)
    scorer = BeadScorer(evidences, view, Weights())
    shapes = bead_shapes(config.max_bead)
    i_grid, j_grid, inside = band.grid()
    valid = np.zeros((len(shapes), *j_grid.shape), dtype=bool)
    feats: dict[str, np.ndarray] = {}
    for s, (a, b) in enumerate(shapes):
        ok = inside & (i_grid >= a) & (j_grid >= b)
        valid[s] = ok
        if not ok.any():
            continue
        ii = np.broadcast_to(i_grid, j_grid.shape)[ok]
        for name, vals in scorer.features(a, b, ii, j_grid[ok]).items():
            feats.setdefault(name, np.zeros(valid.shape))[s][ok] = vals
    ends = np.arange(1, pair.m + 1, dtype=np.int64)
    skip_feats = scorer.features(0, 1, np.zeros_like(ends), ends)
    return DocTensors(band, shapes, feats, skip_feats, valid, gold, pair.m)


def prepare_docs(
    sets: Sequence[str], embeddings: bool, w: Weights, cache_dir: Path | None
) -> list[DocTensors]:
    """Dev documents as tensors, the second pass prepared from a first pass under `w`."""
    return [doc for name in sets for seed in DEV_SEEDS
            for doc in _prepare_set(name, seed, embeddings, w, cache_dir)]


def _prepare_set(
    name: str, seed: int, embeddings: bool, w: Weights, cache_dir: Path | None
) -> list[DocTensors]:
    test = load_set(name, seed, TRAINING_EVENTS)
    if test is None:
        raise SystemExit("the development data is not available")
    config = AlignConfig(embeddings=embeddings, cache_dir=cache_dir, weights=w)
    pairs = [passes.prepare(d.src, d.tgt, test.src_lang, test.tgt_lang, embeddings=embeddings,
                            cache_dir=cache_dir) for d in test.docs]
    counts = LexiconCounts(test.src_lang, test.tgt_lang)
    confident_steps = []
    for pair in pairs:
        first = passes.search(pair, passes.evidences(pair), w, max_bead=config.max_bead,
                              radius=config.band_radius, full_cells=config.full_search_cells)
        confident = passes.confident_steps(first, w.temperature, config.confident)
        passes.count_lexicon(counts, pair, confident)
        confident_steps.append(confident)
    batch = counts.build()
    docs = []
    for pair, confident, d in zip(pairs, confident_steps, test.docs, strict=True):
        own = LexiconCounts(test.src_lang, test.tgt_lang)
        passes.count_lexicon(own, pair, confident)
        evidences = passes.evidences(pair, lexicon=batch.merged(own.build()),
                                     length=passes.fit_length(pair, confident))
        docs.append(doc_tensors(pair, evidences, config, gold_steps(d.gold)))
    return docs


def fit(docs: list[DocTensors], names: list[str], start: dict[str, float]) -> dict[str, float]:
    """Maximise sum log P(gold path) - L2/2 |w|^2 by L-BFGS."""
    gold = [d.gold_features() for d in docs]
    beads = sum(len(d.gold) for d in docs)

    def objective(x: np.ndarray) -> tuple[float, np.ndarray]:
        w = dict(zip(names, x, strict=True))
        value = -0.5 * L2 * float(x @ x)
        grad = -L2 * x
        for doc, phi in zip(docs, gold, strict=True):
            expected, log_z = doc.expected(w)
            value += sum(w[k] * phi.get(k, 0.0) for k in names) - log_z
            grad = grad + np.array([phi.get(k, 0.0) - expected.get(k, 0.0) for k in names])
        # Minimise the negative mean, so step sizes do not depend on the set's size.
        return -value / beads, -grad / beads

    x = lbfgs(objective, np.array([start.get(k, 0.0) for k in names]))
    return dict(zip(names, (float(v) for v in x), strict=True))


def fit_signed(
    docs: list[DocTensors], names: list[str], start: dict[str, float]
) -> dict[str, float]:
    """`fit`, holding at zero every weight that comes out against its sign, until none does."""
    free = list(names)
    while True:
        values = fit(docs, free, start)
        wrong = [k for k in free if (k in POSITIVE and values[k] < 0)
                 or (k in NEGATIVE and values[k] > 0)]
        if not wrong:
            return {k: values.get(k, 0.0) for k in names}
        print(f"  held at zero (wrong sign): {', '.join(wrong)}", file=sys.stderr)
        free = [k for k in free if k not in wrong]


def lbfgs(f: Callable[[np.ndarray], tuple[float, np.ndarray]], x: np.ndarray,
          iterations: int = 200, memory: int = 10, tol: float = 1e-6) -> np.ndarray:
    """Limited-memory BFGS with a backtracking (Armijo) line search."""
    value, grad = f(x)
    s_hist: list[np.ndarray] = []
    y_hist: list[np.ndarray] = []
    for _ in range(iterations):
        q = grad.copy()
        alphas = []
        for s, y in zip(reversed(s_hist), reversed(y_hist), strict=True):
            a = (s @ q) / (y @ s)
            alphas.append(a)
            q -= a * y
        if y_hist:
            q *= (s_hist[-1] @ y_hist[-1]) / (y_hist[-1] @ y_hist[-1])
        for (s, y), a in zip(zip(s_hist, y_hist, strict=True), reversed(alphas), strict=True):
            q += s * (a - (y @ q) / (y @ s))
        direction = -q
        if grad @ direction >= 0:
            direction = -grad
            s_hist.clear()
            y_hist.clear()
        step = 1.0
        while True:
            new_x = x + step * direction
            new_value, new_grad = f(new_x)
            if new_value <= value + 1e-4 * step * (grad @ direction) or step < 1e-10:
                break
            step *= 0.5
        s, y = new_x - x, new_grad - grad
        if y @ s > 1e-12:
            s_hist.append(s)
            y_hist.append(y)
            if len(s_hist) > memory:
                s_hist.pop(0)
                y_hist.pop(0)
        converged = abs(value - new_value) < tol * max(1.0, abs(value))
        x, value, grad = new_x, new_value, new_grad
        if converged:
            break
    return x


def calibrate(docs: list[DocTensors], w: dict[str, float]) -> float:
    """The temperature whose bead posteriors have the smallest log-loss on the dev set."""
    decoded = []
    for doc in docs:
        scores, skip = doc.scores(w)
        decoded.append((doc, scores, skip, best_path(doc.band, doc.shapes, scores, skip)))
    best_t, best_loss = 1.0, float("inf")
    for t in TEMPERATURES:
        loss, count = 0.0, 0
        for doc, scores, skip, steps in decoded:
            probs = np.clip(posteriors(doc.band, doc.shapes, scores, skip, steps, t),
                            1e-6, 1 - 1e-6)
            right = np.array([s in set(doc.gold) for s in steps])
            loss -= float(np.sum(np.where(right, np.log(probs), np.log(1 - probs))))
            count += len(steps)
        if loss / count < best_loss:
            best_t, best_loss = t, loss / count
    return best_t


def dev_f1(docs: list[DocTensors], w: dict[str, float]) -> float:
    gold, pred = [], []
    for doc in docs:
        scores, skip = doc.scores(w)
        steps = best_path(doc.band, doc.shapes, scores, skip)
        pred.append([_bead(s) for s in steps])
        gold.append([_bead(s) for s in doc.gold])
    return score_alignments(gold, pred).strict.f1


def _bead(step: Step) -> tuple[tuple[int, ...], tuple[int, ...]]:
    a, b, i, j = step
    return tuple(range(i - a, i)), tuple(range(j - b, j))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2,
                        help="times to redo pass one (lexicon, length model) and refit")
    parser.add_argument("--cache-dir", help="embedding cache folder")
    parser.add_argument("--modes", nargs="+", default=list(MODES), choices=list(MODES))
    parser.add_argument("--write", action="store_true", help="rewrite align/weights.py")
    args = parser.parse_args(argv)
    from align import weights as current

    cache = Path(args.cache_dir) if args.cache_dir else None
    fitted: dict[str, Weights] = {}
    for mode, (embeddings, sets) in MODES.items():
        if mode not in args.modes:
            fitted[mode] = getattr(current, mode)
            continue
        w = Weights({k: v for k, v in INIT.items() if embeddings or "emb" not in k})
        docs: list[DocTensors] = []
        for round_ in range(args.rounds):
            docs = prepare_docs(sets, embeddings, w, cache)
            names = sorted({k for d in docs for k in (*d.feats, *d.skip_feats)})
            values = fit_signed(docs, names, dict(w.values))
            values.update(FIXED)
            values.update({k: values.get(v, 0.0) for k, v in TIED.items()})
            w = Weights({k: round(v, 4) for k, v in sorted(values.items())})
            print(f"{mode} round {round_}: dev F1 {dev_f1(docs, dict(w.values)):.4f}",
                  file=sys.stderr)
        t = calibrate(docs, dict(w.values))
        fitted[mode] = Weights(w.values, t)
        print(f"{mode}: temperature {t}", file=sys.stderr)
    text = render(fitted)
    if args.write:
        Path(current.__file__).write_text(text, encoding="utf-8")
    print(text)
    return 0


def render(fitted: dict[str, Weights]) -> str:
    """align/weights.py with the fitted values."""
    def block(name: str, w: Weights) -> str:
        lines = "".join(f"        {k!r}: {v!r},\n" for k, v in sorted(w.values.items()))
        return (f"{name} = Weights(\n    values={{\n{lines}    }},\n"
                f"    temperature={w.temperature!r},\n)\n")

    head = '''"""The aligner's global weights, one set per kind of evidence a pair has.

LEXICAL: without sentence embeddings. EMBEDDINGS: with them, both languages read natively by
the encoder. EMBEDDINGS_PARTIAL: with them, one language read only through a respelling (as
Belarusian) or not at all. Fitted by `python bench/train_weights.py --write` on NTREX-128 dev
(ru-en, be-en and both, respectively), perturbed with seeds 100-104 and with the training
perturbations of bench/perturb.py, and checked on the other sets; never tuned per data set.
The temperatures make bead posteriors calibrated confidences on the development data.
Generated file.
"""

from __future__ import annotations

from align.scoring import Weights

'''
    return head + "\n".join(block(name, w) for name, w in fitted.items())


if __name__ == "__main__":
    raise SystemExit(main())
