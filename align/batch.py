"""Aligning many document pairs: pairs from a manifest or two folders, worker processes,
a bilingual lexicon learned over all of them, one output file per pair.

The batch runs in two passes, as hunalign's realign does for one pair but over the whole
batch: every pair is aligned once and a lexicon is learned from all those first-pass
alignments together (`align.aligner.learn_lexicon`: more text, better word pairs), then
every pair is aligned again with it. A pair that fails is reported in its result and the
others go on.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from align.writers import BINARY_FORMATS, FORMATS, render
from core.document import Document
from core.errors import TransdeskError
from core.output import atomic_write

if TYPE_CHECKING:
    from align.aligner import AlignConfig, Lexicon

Progress = Callable[[int], None]

# Each pair advances the progress by one step in each of the two passes.
STEPS_PER_PAIR = 2


@dataclass(frozen=True)
class ReadOptions:
    """How to read both sides: languages (None: detect), encoding, one sentence a line."""

    src_lang: str | None = None
    tgt_lang: str | None = None
    encoding: str | None = None
    presegmented: bool = False


@dataclass(frozen=True)
class Pair:
    """One source file, its target file and where the alignment goes."""

    src: Path
    tgt: Path
    output: Path

    @property
    def label(self) -> str:
        """How messages name the pair."""
        return f"{self.src} + {self.tgt}"


@dataclass(frozen=True)
class PairResult:
    """What became of one pair: its output and bead counts, or the error that stopped it."""

    pair: Pair
    error: str | None = None
    beads: int = 0
    low_confidence: int = 0

    @property
    def ok(self) -> bool:
        """True when the output was written."""
        return self.error is None


def read_pair(
    src: str | Path, tgt: str | Path, options: ReadOptions = ReadOptions()
) -> tuple[Document, Document]:
    """Read both sides; refuse two texts detected as the same language (likely a wrong file)."""
    from readers import read_document

    src_doc = read_document(
        src, options.src_lang, encoding=options.encoding, presegmented=options.presegmented
    )
    tgt_doc = read_document(
        tgt, options.tgt_lang, encoding=options.encoding, presegmented=options.presegmented
    )
    if src_doc.lang == tgt_doc.lang and not (options.src_lang and options.tgt_lang):
        raise TransdeskError(
            f"{src} and {tgt} both look like {src_doc.lang!r} text; give --src-lang and "
            "--tgt-lang if that is right"
        )
    return src_doc, tgt_doc


def pairs_from_manifest(manifest: str | Path, out_dir: str | Path, fmt: str) -> list[Pair]:
    """Pairs from a TSV manifest: source path, target path[, output name] on each line.

    Relative paths are taken from the manifest's folder; blank lines and lines starting
    with `#` are skipped. Without an output name the output is named after the source.
    """
    path = Path(manifest)
    if not path.is_file():
        raise TransdeskError(f"{path}: no such file")
    base = path.parent
    pairs: list[Pair] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise TransdeskError(f"{path}: the manifest is not UTF-8 text") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) not in (2, 3) or not all(fields[:2]):
            raise TransdeskError(
                f"{path}:{number}: expected source path, target path and an optional "
                f"output name separated by tabs, got {len(fields)} field(s)"
            )
        src, tgt = base / fields[0], base / fields[1]
        name = fields[2] if len(fields) == 3 and fields[2] else None
        pairs.append(Pair(src, tgt, output_path(out_dir, src, fmt, name)))
    if not pairs:
        raise TransdeskError(f"{path}: the manifest lists no pairs")
    _check_distinct_outputs(pairs)
    return pairs


def pairs_from_folders(
    src_dir: str | Path, tgt_dir: str | Path, out_dir: str | Path, fmt: str
) -> tuple[list[Pair], list[str]]:
    """Pairs of files with the same name in both folders, and a message per lone file."""
    folders = [Path(src_dir), Path(tgt_dir)]
    for folder in folders:
        if not folder.is_dir():
            raise TransdeskError(f"{folder}: no such folder")
    names = [
        {p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}
        for folder in folders
    ]
    src_names, tgt_names = names
    pairs = [
        Pair(folders[0] / n, folders[1] / n, output_path(out_dir, folders[0] / n, fmt))
        for n in sorted(src_names & tgt_names)
    ]
    lone = [f"{folders[0] / n}: no file of that name in {folders[1]}"
            for n in sorted(src_names - tgt_names)]
    lone += [f"{folders[1] / n}: no file of that name in {folders[0]}"
             for n in sorted(tgt_names - src_names)]
    if not pairs and not lone:
        raise TransdeskError(f"{folders[0]} and {folders[1]} hold no files")
    _check_distinct_outputs(pairs)
    return pairs, lone


def output_path(out_dir: str | Path, src: Path, fmt: str, name: str | None = None) -> Path:
    """Where a pair's output goes: `name`, or the source's stem, with the format's extension."""
    ext = FORMATS[fmt]
    if name is None:
        return Path(out_dir) / (src.stem + ext)
    if Path(name).name != name or name in (".", ".."):
        raise TransdeskError(f"output name {name!r} must be a file name, not a path")
    return Path(out_dir) / (name if Path(name).suffix else name + ext)


def default_workers() -> int:
    """min(CPU count, 4): the encoder is memory-hungry, more processes rarely pay."""
    return min(os.cpu_count() or 1, 4)


def align_batch(
    pairs: Sequence[Pair],
    *,
    fmt: str = "tsv",
    options: ReadOptions = ReadOptions(),
    config: AlignConfig | None = None,
    workers: int = 1,
    low_confidence: float | None = None,
    progress: Progress | None = None,
) -> list[PairResult]:
    """Align every pair with a lexicon learned over the whole batch; write each output.

    Pairs are read in worker processes (`workers` > 1) or here; then, for each language
    pair, `learn_lexicon` runs the first pass over all its documents in this process; then
    the workers align every pair again with that lexicon and write its output atomically.
    `progress(1)` is called once per pair while learning and once per pair when its output
    is done: STEPS_PER_PAIR × len(pairs) steps in all. Results keep the order of `pairs`.
    """
    if fmt not in FORMATS:
        raise TransdeskError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if workers < 1:
        raise TransdeskError("--workers must be at least 1")
    if config is None:
        from align.aligner import AlignConfig

        config = AlignConfig()
    if low_confidence is None:
        from align.model import LOW_CONFIDENCE

        low_confidence = LOW_CONFIDENCE
    task = _Task(fmt=fmt, options=options, config=config, low_confidence=low_confidence)
    step: Progress = progress or (lambda _n: None)
    workers = min(workers, len(pairs)) or 1
    if workers == 1:
        return _run(pairs, task, step, _Serial())
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # spawn, not fork: the parent may hold threads (polars, the encoder), and a forked copy
    # of a lock some thread held deadlocks the child.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        return _run(pairs, task, step, pool)


@dataclass(frozen=True)
class _Task:
    """What every worker needs to know, sent along with each pair."""

    fmt: str
    options: ReadOptions
    config: AlignConfig
    low_confidence: float


@dataclass(frozen=True)
class _Read:
    """Both documents of a pair, or why they could not be read."""

    docs: tuple[Document, Document] | None = None
    error: str | None = None


class _Result(Protocol):
    def result(self) -> Any: ...


class _Pool(Protocol):
    """A ProcessPoolExecutor, or `_Serial` in this process."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> _Result: ...


class _Done:
    """A finished call, shaped like a concurrent.futures.Future for `_run`."""

    def __init__(self, value: Any) -> None:
        self._value = value

    def result(self) -> Any:
        return self._value


class _Serial:
    """Runs calls at once in this process; the pool's `submit`, without a pool."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> _Done:
        return _Done(fn(*args))


def _run(pairs: Sequence[Pair], task: _Task, step: Progress, pool: _Pool) -> list[PairResult]:
    reads: list[_Read] = [f.result() for f in [pool.submit(_read, p, task) for p in pairs]]
    errors: dict[int, str] = {i: r.error for i, r in enumerate(reads) if r.error is not None}
    step(len(errors))  # nothing to learn from these
    groups: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(reads):
        if r.docs is not None:
            groups.setdefault((r.docs[0].lang, r.docs[1].lang), []).append(i)
    lexicons: dict[int, Lexicon | None] = {}
    for (src_lang, tgt_lang), members in groups.items():
        docs = {i: d for i in members if (d := reads[i].docs) is not None}
        lexicon, broken = _learn(docs, src_lang, tgt_lang, task.config, step)
        errors.update(broken)
        lexicons.update({i: lexicon for i in members if i not in broken})
    futures = {
        i: pool.submit(_second_pass, pairs[i], task, reads[i].docs, lexicons[i])
        for i in range(len(pairs)) if i not in errors
    }
    results: dict[int, PairResult] = {}
    for i in range(len(pairs)):
        if i in errors:
            results[i] = PairResult(pairs[i], error=errors[i])
            step(1)
    for i, future in futures.items():
        results[i] = future.result()
        step(1)
    return [results[i] for i in range(len(pairs))]


def _learn(
    docs: dict[int, tuple[Document, Document]],
    src_lang: str,
    tgt_lang: str,
    config: AlignConfig,
    step: Progress,
) -> tuple[Lexicon | None, dict[int, str]]:
    """One lexicon over the first passes of all these pairs, and the pairs whose first
    pass broke (the lexicon is then learned from the others)."""
    from align.aligner import learn_lexicon

    stepped = 0

    def sentences(ids: Sequence[int], count: bool) -> Iterator[tuple[list[str], list[str]]]:
        nonlocal stepped
        for i in ids:
            src, tgt = docs[i]
            yield [s.text for s in src.sentences], [s.text for s in tgt.sentences]
            if count:
                # learn_lexicon asks for the next pair only when it is done with this one.
                stepped += 1
                step(1)

    broken: dict[int, str] = {}
    try:
        return learn_lexicon(sentences(list(docs), True), src_lang, tgt_lang, config), broken
    except Exception:
        # Rare: find which pair(s) break the first pass, then learn without them.
        for i in docs:
            try:
                learn_lexicon(sentences([i], False), src_lang, tgt_lang, config)
            except Exception as exc:
                broken[i] = _message(exc)
        good = [i for i in docs if i not in broken]
        if not good:
            return None, broken
        return learn_lexicon(sentences(good, False), src_lang, tgt_lang, config), broken
    finally:
        step(len(docs) - stepped)


def _read(pair: Pair, task: _Task) -> _Read:
    try:
        docs = read_pair(pair.src, pair.tgt, task.options)
        if task.config.embeddings:
            _warm_cache(docs, task.config)
        return _Read(docs=docs)
    except Exception as exc:  # one bad pair must not stop the batch
        return _Read(error=_message(exc))


def _warm_cache(docs: tuple[Document, Document], config: AlignConfig) -> None:
    # learn_lexicon's first passes run one pair after another in the parent; embedding the
    # sentences here, in the workers, fills the cache in parallel so that they need not.
    # The language matters: Belarusian is respelled before encoding.
    from align.aligner import warm_embeddings

    for doc in docs:
        warm_embeddings([s.text for s in doc.sentences], doc.lang, config)


def _second_pass(
    pair: Pair, task: _Task, docs: tuple[Document, Document], lexicon: Lexicon | None
) -> PairResult:
    try:
        from align.aligner import EmbeddingsUnavailableWarning, align_documents

        src_doc, tgt_doc = docs
        with warnings.catch_warnings():
            # The caller heard it once while learning; a worker repeating it is noise.
            warnings.simplefilter("ignore", EmbeddingsUnavailableWarning)
            alignment = align_documents(src_doc, tgt_doc, task.config, lexicon=lexicon)
        data = render(task.fmt, alignment, src_doc, tgt_doc, low_confidence=task.low_confidence)
        write_output(data, pair.output, binary=task.fmt in BINARY_FORMATS)
        low = sum(1 for b in alignment.beads if b.score < task.low_confidence)
        return PairResult(pair, beads=len(alignment.beads), low_confidence=low)
    except Exception as exc:  # one bad pair must not stop the batch
        return PairResult(pair, error=_message(exc))


def write_output(data: str | bytes, path: str | Path, *, binary: bool = False) -> None:
    """Write text or bytes to `path` atomically."""
    if binary or isinstance(data, bytes):
        with atomic_write(path, "wb") as handle:
            handle.write(data)
    else:
        with atomic_write(path) as handle:
            handle.write(data)


def _message(exc: Exception) -> str:
    if isinstance(exc, TransdeskError):
        return " ".join(str(exc).split())
    # Not the user's doing; say so, but keep the batch going and the line short.
    return f"internal error ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"


def _check_distinct_outputs(pairs: Sequence[Pair]) -> None:
    seen: dict[Path, Pair] = {}
    for p in pairs:
        if p.output in seen:
            raise TransdeskError(
                f"{seen[p.output].src} and {p.src} would both be written to {p.output}; "
                "give output names in the manifest"
            )
        seen[p.output] = p


__all__ = [
    "STEPS_PER_PAIR",
    "Pair",
    "PairResult",
    "ReadOptions",
    "align_batch",
    "default_workers",
    "output_path",
    "pairs_from_folders",
    "pairs_from_manifest",
    "read_pair",
    "write_output",
]
