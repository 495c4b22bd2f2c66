"""`transdesk check`: a translation against the desk glossary and against its source.

The command composes: it reads the input into segment pairs (glossary.bitext for bitext
files and line-parallel files; readers and align for two documents, aligned here or by a
given alignment), runs the checks (glossary.checks, which import neither align nor score),
and writes the findings (glossary.findings). The omission check gets the aligner to align
the sentences of a segment. Only typer is imported at module level.
"""

from __future__ import annotations

import contextlib
import enum
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glossary.store import ENV_VAR

if TYPE_CHECKING:
    from align.aligner import AlignConfig
    from core.document import Document
    from glossary.bitext import Bitext
    from glossary.checks import SentenceAligner
    from glossary.findings import Finding, Kind, Severity

_PREFIX = "transdesk: "
_DOCUMENT_SUFFIXES = (".docx", ".srt", ".vtt")


class CheckFormat(enum.StrEnum):
    table = "table"
    tsv = "tsv"
    json = "json"
    xlsx = "xlsx"
    html = "html"


class FailOn(enum.StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


class Pairing(enum.StrEnum):
    auto = "auto"
    lines = "lines"
    align = "align"


def check_command(
    inputs: Annotated[list[Path], typer.Argument(
        help="A bitext (.tsv, .jsonl, .tmx, .xlf/.xliff), or SOURCE TARGET: two documents.",
        metavar="BITEXT | SOURCE TARGET")],
    alignment: Annotated[Path | None, typer.Option(
        "--alignment", "-a", help="Beads in vecalign notation pairing SOURCE and TARGET "
        "(from `transdesk align --format vecalign`).")] = None,
    pairing: Annotated[Pairing, typer.Option(
        "--pairing", help="How to pair SOURCE and TARGET without --alignment: lines (line n "
        "with line n), align (align the sentences first), or auto (lines when both are "
        "text files with as many lines, else align).")] = Pairing.auto,
    glossary: Annotated[Path | None, typer.Option(
        "--glossary", "-g", envvar=ENV_VAR, show_envvar=True,
        help="The glossary file; else $TRANSDESK_GLOSSARY, else ./glossary.tbx.")] = None,
    src_lang: Annotated[str | None, typer.Option(
        "--src-lang", help="ISO 639-1 code of the source; from the input or detected.")]
    = None,
    tgt_lang: Annotated[str | None, typer.Option(
        "--tgt-lang", help="ISO 639-1 code of the target; from the input or detected.")]
    = None,
    fmt: Annotated[CheckFormat, typer.Option(
        "--format", "-f", help="table for people; tsv, json, xlsx or html for files.")]
    = CheckFormat.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write here, not to stdout (needed for xlsx).")] = None,
    fail_on: Annotated[FailOn, typer.Option(
        "--fail-on", help="Exit with status 1 when a finding is this bad or worse.")]
    = FailOn.error,
    suppress: Annotated[Path | None, typer.Option(
        "--suppress", help="TSV of accepted exceptions (columns kind, concept, segment, "
        "text, note).")] = None,
    write_suppressions: Annotated[Path | None, typer.Option(
        "--write-suppressions", help="Also write the findings as a suppressions file, to "
        "edit down to the accepted ones.")] = None,
    only: Annotated[list[str] | None, typer.Option(
        "--only", help="Only this kind of finding (repeatable).")] = None,
    skip: Annotated[list[str] | None, typer.Option(
        "--skip", help="Not this kind of finding (repeatable).")] = None,
    strict_terms: Annotated[bool, typer.Option(
        "--strict-terms", help="Also report source terms with no trace in the target.")]
    = False,
    learn: Annotated[bool, typer.Option(
        "--learn", help="Also learn how the input renders repeated phrases and report "
        "departures (consistency beyond the glossary; noisy on free translation).")]
    = False,
    learn_limit: Annotated[int, typer.Option(
        "--learn-limit", help="With --learn: inputs up to this many segments.")] = 50_000,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-j", help="Worker processes for large inputs [default: CPUs, at most "
        "8].")] = None,
    presegmented: Annotated[bool, typer.Option(
        "--presegmented", help="Documents have one sentence a line.")] = False,
    encoding: Annotated[str | None, typer.Option(
        "--encoding", help="Text encoding of text inputs; detected when not given.")] = None,
    no_embeddings: Annotated[bool, typer.Option(
        "--no-embeddings", help="Align on lexical evidence only (faster).")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No notes or progress on stderr; errors still show.")] = False,
) -> None:
    """Check a translation: glossary terms (missing, forbidden, deprecated, case,
    consistency), numbers, untranslated text, quotes and brackets, spaces, omissions."""
    from core.errors import TransdeskError
    from glossary.checks import CheckOptions, check_bitext, default_workers
    from glossary.findings import BINARY_FORMATS, Kind, Suppressions, fails, frame, render
    from glossary.store import load, resolve_path
    from lang import check_code

    if not 1 <= len(inputs) <= 2:
        raise TransdeskError("give one bitext file, or a source and a target")
    to_stdout = output is None or str(output) == "-"
    if fmt.value in BINARY_FORMATS and to_stdout:
        raise TransdeskError(f"--format {fmt.value} writes a file; give --output")
    for path in (output, write_suppressions):
        if path is not None and str(path) != "-" and not path.parent.is_dir():
            raise TransdeskError(f"cannot write {path}: folder {path.parent} does not exist")
    kinds = _kinds(only, skip)
    src_lang = check_code(src_lang) if src_lang else None
    tgt_lang = check_code(tgt_lang) if tgt_lang else None
    suppressions = Suppressions.read(suppress) if suppress else Suppressions()
    termbase = load(resolve_path(glossary))
    say = _Say(quiet)
    bitext = _read_input(inputs, alignment, pairing, src_lang, tgt_lang, presegmented,
                         encoding, no_embeddings, say)
    src, tgt = _languages(bitext, src_lang, tgt_lang)
    if bitext.skipped:
        say(f"{bitext.skipped} unit{'s' if bitext.skipped != 1 else ''} without a "
            "translation left out")
    options = CheckOptions(src, tgt, kinds=kinds, strict_terms=strict_terms, learn=learn,
                           learn_limit=learn_limit)
    hidden = quiet or not sys.stderr.isatty() or len(bitext.segments) < 5000
    with typer.progressbar(length=len(bitext.segments), label="checking", file=sys.stderr,
                           hidden=hidden) as bar:
        result = check_bitext(
            bitext, termbase, options,
            workers=workers if workers is not None else default_workers(),
            progress=bar.update,
            sentence_aligner=sentence_aligner(no_embeddings) if Kind.OMISSION in kinds
            else None,
        )
    for note in result.notes:
        say(note)
    kept, dropped = suppressions.split(result.findings)
    table = frame(kept)
    segments = {s.id: (s.source, s.target) for s in bitext.segments}
    data = render(table, fmt.value, title=f"transdesk check: {bitext.origin}",
                  segments=segments if fmt is CheckFormat.html else None)
    if to_stdout:
        sys.stdout.write(data if isinstance(data, str) else data.decode())
        sys.stdout.flush()
    else:
        from core.output import atomic_write

        assert output is not None
        with atomic_write(output, "wb" if isinstance(data, bytes) else "w") as handle:
            handle.write(data)
    if write_suppressions is not None:
        from core.output import emit
        from glossary.findings import suppressions_text

        emit(suppressions_text(kept), write_suppressions)
    say(_summary(kept, dropped, len(bitext.segments)))
    threshold = None if fail_on is FailOn.never else _severity(fail_on.value)
    if fails(kept, threshold):
        raise typer.Exit(1)


class _Say:
    """Notes on stderr unless --quiet."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet

    def __call__(self, message: str) -> None:
        if not self.quiet:
            typer.echo(_PREFIX + message, err=True)


def _severity(value: str) -> Severity:
    from glossary.findings import Severity

    return Severity(value)


def _kinds(only: list[str] | None, skip: list[str] | None) -> frozenset[Kind]:
    from core.errors import TransdeskError
    from glossary.findings import Kind

    known = {k.value: k for k in Kind}
    for name in (*(only or ()), *(skip or ())):
        if name not in known:
            raise TransdeskError(f"unknown kind of finding {name!r}; kinds: "
                                 f"{', '.join(sorted(known))}")
    chosen = {known[n] for n in only} if only else set(Kind)
    return frozenset(chosen - {known[n] for n in skip or ()})


def _read_input(inputs: list[Path], alignment: Path | None, pairing: Pairing,
                src_lang: str | None, tgt_lang: str | None, presegmented: bool,
                encoding: str | None, no_embeddings: bool, say: _Say) -> Bitext:
    """The segment pairs of whatever was given."""
    from core.errors import TransdeskError
    from glossary.bitext import read_bitext, read_parallel

    if len(inputs) == 1:
        if alignment is not None:
            raise TransdeskError("--alignment pairs two documents; give SOURCE and TARGET")
        return read_bitext(inputs[0], src_lang, tgt_lang)
    src, tgt = inputs
    if alignment is not None:
        return _from_alignment(src, tgt, alignment, src_lang, tgt_lang, presegmented,
                               encoding)
    if pairing is Pairing.lines or (pairing is Pairing.auto and _line_parallel(src, tgt)):
        if pairing is Pairing.auto:
            say("reading the two files as line-parallel (as many lines each); "
                "--pairing align to align them instead")
        bitext = read_parallel(src, tgt)
        from dataclasses import replace

        return replace(bitext, src_lang=src_lang, tgt_lang=tgt_lang)
    say("aligning the sentences of the two documents first")
    return _aligned(src, tgt, src_lang, tgt_lang, presegmented, encoding, no_embeddings)


def _line_parallel(src: Path, tgt: Path) -> bool:
    from glossary.bitext import line_count

    if src.suffix.lower() in _DOCUMENT_SUFFIXES or tgt.suffix.lower() in _DOCUMENT_SUFFIXES:
        return False
    return line_count(src) == line_count(tgt)


def _from_alignment(src: Path, tgt: Path, alignment: Path, src_lang: str | None,
                    tgt_lang: str | None, presegmented: bool, encoding: str | None) -> Bitext:
    from align.batch import ReadOptions, read_pair
    from align.model import check_coverage
    from align.notation import read_beads

    src_doc, tgt_doc = read_pair(src, tgt, ReadOptions(src_lang, tgt_lang, encoding,
                                                       presegmented))
    beads = read_beads(alignment)
    check_coverage(beads, len(src_doc.sentences), len(tgt_doc.sentences))
    return _bitext_of(src_doc, tgt_doc, [(b.src, b.tgt) for b in beads], f"{src} + {tgt}")


def _aligned(src: Path, tgt: Path, src_lang: str | None, tgt_lang: str | None,
             presegmented: bool, encoding: str | None, no_embeddings: bool) -> Bitext:
    from align.aligner import align_documents
    from align.batch import ReadOptions, read_pair

    src_doc, tgt_doc = read_pair(src, tgt, ReadOptions(src_lang, tgt_lang, encoding,
                                                       presegmented))
    with _quiet_encoder():
        beads = align_documents(src_doc, tgt_doc, _align_config(no_embeddings)).beads
    return _bitext_of(src_doc, tgt_doc, [(b.src, b.tgt) for b in beads], f"{src} + {tgt}")


def _bitext_of(src_doc: Document, tgt_doc: Document,
               beads: list[tuple[tuple[int, ...], tuple[int, ...]]], origin: str) -> Bitext:
    from glossary.bitext import bead_id, bitext_of

    src_sents, tgt_sents = src_doc.sentences, tgt_doc.sentences
    return bitext_of(
        ((bead_id(s, t), " ".join(src_sents[i].text for i in s),
          " ".join(tgt_sents[j].text for j in t)) for s, t in beads),
        src_doc.lang, tgt_doc.lang, origin,
    )


def _languages(bitext: Bitext, src_lang: str | None, tgt_lang: str | None
               ) -> tuple[str, str]:
    """The languages: given, else named by the input, else detected from its text."""
    from lang import check_code, detect_language

    src = src_lang or bitext.src_lang
    tgt = tgt_lang or bitext.tgt_lang
    sample = bitext.segments[:2000]
    if src is None:
        src = detect_language(" ".join(s.source for s in sample))
    if tgt is None:
        tgt = detect_language(" ".join(s.target for s in sample))
    return check_code(src), check_code(tgt)


def _align_config(no_embeddings: bool) -> AlignConfig:
    from align.aligner import AlignConfig, embeddings_available

    return AlignConfig(embeddings=not no_embeddings and embeddings_available())


def sentence_aligner(no_embeddings: bool) -> SentenceAligner:
    """The omission check's sentence aligner: transdesk's own, built on first use."""
    config = None

    def aligner(src: list[str], tgt: list[str], src_lang: str, tgt_lang: str
                ) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        nonlocal config
        from align.aligner import align_sentences

        if config is None:
            config = _align_config(no_embeddings)
        with _quiet_encoder():
            found = align_sentences(src, tgt, src_lang, tgt_lang, config)
        return [(b.src, b.tgt) for b in found.beads]

    return aligner


@contextlib.contextmanager
def _quiet_encoder() -> Iterator[None]:
    """Silence the aligner's warning when the encoder is missing (it falls back quietly)."""
    import warnings

    from align.aligner import EmbeddingsUnavailableWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EmbeddingsUnavailableWarning)
        yield


def _summary(kept: list[Finding], dropped: list[Finding], segments: int) -> str:
    from glossary.findings import Severity, counts

    by = counts(kept)
    errors, warnings, notes = by[Severity.ERROR], by[Severity.WARNING], by[Severity.INFO]
    parts = [f"{len(kept)} finding{'s' if len(kept) != 1 else ''} in {segments} segments: "
             f"{errors} error{'s' if errors != 1 else ''}, {warnings} "
             f"warning{'s' if warnings != 1 else ''}, {notes} note{'s' if notes != 1 else ''}"]
    if dropped:
        parts.append(f"{len(dropped)} suppressed")
    return "; ".join(parts)
