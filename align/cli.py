"""`transdesk align`, `align-eval` and `align-batch`: thin commands over align's library.

Only typer is imported here; readers, the aligner and the writers load inside the
commands, so that `transdesk --help` stays fast.
"""

from __future__ import annotations

import contextlib
import enum
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from align.aligner import AlignConfig
    from align.evaluate import EvalResult


class AlignFormat(enum.StrEnum):
    tsv = "tsv"
    vecalign = "vecalign"
    tmx = "tmx"
    xlsx = "xlsx"
    jsonl = "jsonl"
    html = "html"


# Options shared by the commands, defined once.
SrcLang = Annotated[str | None, typer.Option(
    "--src-lang", help="ISO 639-1 code of the source; detected from the text when not given.")]
TgtLang = Annotated[str | None, typer.Option(
    "--tgt-lang", help="ISO 639-1 code of the target; detected from the text when not given.")]
Presegmented = Annotated[bool, typer.Option(
    "--presegmented", help="Take every line as one sentence (files already split).")]
Encoding = Annotated[str | None, typer.Option(
    "--encoding", help="Text encoding of the inputs; detected when not given.")]
Format = Annotated[AlignFormat, typer.Option(
    "--format", "-f", help="Output format; low-confidence beads are marked in every one.")]
NoEmbeddings = Annotated[bool, typer.Option(
    "--no-embeddings", help="Align on lexical evidence only (faster; no sentence encoder).")]
CacheDir = Annotated[Path | None, typer.Option(
    "--cache-dir", help="Folder for the sentence-embedding cache.")]
Glossary = Annotated[Path | None, typer.Option(
    "--glossary", "-g", help="TBX glossary: its term pairs on both sides count as evidence.")]
Quiet = Annotated[bool, typer.Option(
    "--quiet", "-q", help="No notes or progress on stderr; errors still show.")]
MaxBead = Annotated[int, typer.Option(
    "--max-bead", min=1, max=8,
    help="Most sentences on one side of a bead (more finds long lists split line by line, "
         "and takes longer).")]

_PREFIX = "transdesk: "


def align_command(
    src: Annotated[Path, typer.Argument(
        help="Source document (.txt, .docx, .srt, .vtt).", metavar="SRC")],
    tgt: Annotated[Path, typer.Argument(help="Target document (its translation).", metavar="TGT")],
    src_lang: SrcLang = None,
    tgt_lang: TgtLang = None,
    presegmented: Presegmented = False,
    encoding: Encoding = None,
    fmt: Format = AlignFormat.tsv,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write here, not to stdout (needed for xlsx).")] = None,
    no_embeddings: NoEmbeddings = False,
    cache_dir: CacheDir = None,
    glossary: Glossary = None,
    max_bead: MaxBead = 4,
    quiet: Quiet = False,
) -> None:
    """Align the sentences of a document and its translation."""
    from align.aligner import align_documents
    from align.batch import ReadOptions, read_pair, write_output
    from align.writers import BINARY_FORMATS, render
    from core.errors import TransdeskError

    _check_langs(src_lang, tgt_lang)
    to_stdout = output is None or str(output) == "-"
    if fmt.value in BINARY_FORMATS and to_stdout:
        raise TransdeskError(f"--format {fmt.value} writes a file; give --output")
    if output is not None and not to_stdout and not output.parent.is_dir():
        # Say so now, not after a long alignment.
        raise TransdeskError(f"cannot write {output}: folder {output.parent} does not exist")
    options = ReadOptions(src_lang, tgt_lang, encoding, presegmented)
    src_doc, tgt_doc = read_pair(src, tgt, options)
    config = _config(no_embeddings, cache_dir, quiet, max_bead)
    terms = None
    if glossary is not None:
        from align.glossary_terms import load_term_finder

        terms = load_term_finder(glossary, src_doc.lang, tgt_doc.lang)
    with _no_encoder_warning():
        alignment = align_documents(src_doc, tgt_doc, config, terms=terms)
    data = render(fmt.value, alignment, src_doc, tgt_doc)
    if output is None or to_stdout:
        sys.stdout.write(data if isinstance(data, str) else data.decode())
        sys.stdout.flush()
    else:
        write_output(data, output)


def align_eval_command(
    files: Annotated[list[Path], typer.Argument(
        help="Alignment files in vecalign notation, in pairs: gold, then predicted.",
        metavar="GOLD PRED")],
    as_json: Annotated[bool, typer.Option("--json", help="Write the scores as JSON.")] = False,
) -> None:
    """Score predicted alignments against gold: strict and lax precision, recall, F1.

    Counts are summed over all document pairs before dividing, as vecalign's score.py does.
    """
    from align.evaluate import score_alignments
    from align.notation import read_beads
    from core.errors import TransdeskError

    if len(files) % 2:
        raise TransdeskError(
            f"{len(files)} files given; give gold and predicted files in pairs: "
            "GOLD PRED [GOLD PRED ...]"
        )
    gold = [read_beads(p) for p in files[0::2]]
    pred = [read_beads(p) for p in files[1::2]]
    result = score_alignments(gold, pred)
    typer.echo(_eval_json(result) if as_json else _eval_table(result))


def align_batch_command(
    out_dir: Annotated[Path, typer.Option(
        "--out-dir", help="Folder for the outputs (created if missing).")],
    manifest: Annotated[Path | None, typer.Argument(
        help="TSV manifest: source path, target path[, output name] a line.",
        metavar="MANIFEST")] = None,
    src_dir: Annotated[Path | None, typer.Option(
        "--src-dir", help="Folder of sources (instead of a manifest).")] = None,
    tgt_dir: Annotated[Path | None, typer.Option(
        "--tgt-dir", help="Folder of targets with the same file names.")] = None,
    fmt: Format = AlignFormat.tsv,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-j", help="Worker processes [default: min(CPU count, 4)].")] = None,
    src_lang: SrcLang = None,
    tgt_lang: TgtLang = None,
    presegmented: Presegmented = False,
    encoding: Encoding = None,
    no_embeddings: NoEmbeddings = False,
    cache_dir: CacheDir = None,
    max_bead: MaxBead = 4,
    quiet: Quiet = False,
) -> None:
    """Align many document pairs, with a bilingual lexicon learned over all of them.

    A pair that fails is reported on one line and the others go on; the exit status is 1
    when any pair failed.
    """
    from align.batch import (
        STEPS_PER_PAIR,
        ReadOptions,
        align_batch,
        default_workers,
        pairs_from_folders,
        pairs_from_manifest,
    )
    from core.errors import TransdeskError

    _check_langs(src_lang, tgt_lang)
    if (manifest is None) == (src_dir is None and tgt_dir is None):
        raise TransdeskError("give either a MANIFEST or both --src-dir and --tgt-dir")
    if manifest is None and (src_dir is None or tgt_dir is None):
        raise TransdeskError("--src-dir and --tgt-dir go together")
    if out_dir.exists() and not out_dir.is_dir():
        raise TransdeskError(f"{out_dir}: is a file, not a folder")
    if manifest is not None:
        pairs, lone = pairs_from_manifest(manifest, out_dir, fmt.value), []
    else:
        assert src_dir is not None and tgt_dir is not None  # checked above
        pairs, lone = pairs_from_folders(src_dir, tgt_dir, out_dir, fmt.value)
    out_dir.mkdir(parents=True, exist_ok=True)
    config = _config(no_embeddings, cache_dir, quiet, max_bead)
    hidden = quiet or not pairs or not sys.stderr.isatty()
    with _no_encoder_warning(), typer.progressbar(
        length=STEPS_PER_PAIR * len(pairs), label="aligning", file=sys.stderr, hidden=hidden
    ) as bar:
        results = align_batch(
            pairs,
            fmt=fmt.value,
            options=ReadOptions(src_lang, tgt_lang, encoding, presegmented),
            config=config,
            workers=workers if workers is not None else default_workers(),
            progress=bar.update,
        ) if pairs else []
    failures = [*lone, *(f"{r.pair.label}: {r.error}" for r in results if not r.ok)]
    for message in failures:
        typer.echo(f"{_PREFIX}error: {message}", err=True)
    if not quiet:
        done = sum(r.ok for r in results)
        typer.echo(f"{_PREFIX}aligned {done} of {len(pairs) + len(lone)} pairs into {out_dir}",
                   err=True)
    if failures:
        raise typer.Exit(1)


def _check_langs(*codes: str | None) -> None:
    """Refuse an invalid language code before any file is read."""
    from lang import check_code

    for code in codes:
        if code is not None:
            check_code(code)


def _config(no_embeddings: bool, cache_dir: Path | None, quiet: bool,
            max_bead: int) -> AlignConfig:
    """The aligner's settings; a one-line note on stderr when the encoder is missing."""
    from align.aligner import AlignConfig, embeddings_available

    if not no_embeddings and not embeddings_available() and not quiet:
        typer.echo(
            f"{_PREFIX}note: the sentence encoder is not installed; aligning on lexical "
            "evidence only", err=True,
        )
    return AlignConfig(embeddings=not no_embeddings, cache_dir=cache_dir, max_bead=max_bead)


@contextlib.contextmanager
def _no_encoder_warning() -> Iterator[None]:
    """Silence the aligner's warning about the encoder: `_config` said it in one line."""
    from align.aligner import EmbeddingsUnavailableWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EmbeddingsUnavailableWarning)
        yield


def _eval_table(result: EvalResult) -> str:
    rows = [
        ("precision", result.strict.precision, result.lax.precision),
        ("recall", result.strict.recall, result.lax.recall),
        ("f1", result.strict.f1, result.lax.f1),
    ]
    lines = [f"{'':<9}  {'strict':>6}  {'lax':>6}"]
    lines += [f"{name:<9}  {s:>6.4f}  {lax:>6.4f}" for name, s, lax in rows]
    return "\n".join(lines)


def _eval_json(result: EvalResult) -> str:
    import dataclasses
    import json

    return json.dumps(dataclasses.asdict(result), indent=2)
