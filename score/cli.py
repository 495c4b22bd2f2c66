"""`transdesk score`: a thin command over score.run.

Only typer is imported here; sacrebleu, numpy and polars load inside the command, so that
`transdesk --help` stays fast.
"""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import Annotated

import typer


class ScoreFormat(enum.StrEnum):
    table = "table"
    json = "json"
    tsv = "tsv"
    xlsx = "xlsx"


class ScoreLevel(enum.StrEnum):
    system = "system"
    segment = "segment"
    document = "document"


def score_command(
    hyp_args: Annotated[list[str] | None, typer.Argument(
        help="More drafts, as for --hyp (so `--hyp a.en b.en c.en` works).",
        metavar="HYP", show_default=False)] = None,
    refs: Annotated[list[str] | None, typer.Option(
        "--ref", "-r", metavar="SPEC",
        help="Reference: [NAME=]FILE[#FIELD]; repeat for more references.",
        show_default=False)] = None,
    hyps: Annotated[list[str] | None, typer.Option(
        "--hyp", "-i", metavar="SPEC",
        help="Draft to score: [NAME=]FILE[#FIELD]. A WMT XML file or a table without #FIELD "
        "gives all its systems or draft columns.", show_default=False)] = None,
    src: Annotated[str | None, typer.Option(
        "--src", metavar="SPEC",
        help="Source, needed for terminology accuracy: FILE[#FIELD].")] = None,
    glossary: Annotated[Path | None, typer.Option(
        "--glossary", "-g", help="TBX glossary: adds terminology accuracy (TermAcc, "
        "TermWrong).")] = None,
    docids: Annotated[Path | None, typer.Option(
        "--docids", help="Document id of each reference segment, one a line.")] = None,
    metrics: Annotated[str | None, typer.Option(
        "--metrics", "-m", help="Comma-separated: bleu, chrf, chrf++, ter, terms, "
        "terms-wrong [default: bleu,chrf; with --glossary also terms,terms-wrong].",
        show_default=False)] = None,
    tokenize: Annotated[str | None, typer.Option(
        "--tokenize", help="BLEU tokenizer (sacrebleu's -tok) [default: 13a].",
        show_default=False)] = None,
    lowercase: Annotated[bool, typer.Option(
        "--lowercase", help="Case-insensitive BLEU and chrF.")] = False,
    baseline: Annotated[str | None, typer.Option(
        "--baseline", "-b", help="System the others are tested against (paired bootstrap "
        "and approximate randomisation).")] = None,
    bs_n: Annotated[int, typer.Option(
        "--bs-n", help="Bootstrap resamples for intervals, the paired test and clusters "
        "(0: none).")] = 1000,
    ar_n: Annotated[int, typer.Option(
        "--ar-n", help="Approximate randomisation trials against the baseline (0: none).")
    ] = 10000,
    seed: Annotated[str | None, typer.Option(
        "--seed", help="Random seed, or 'none' [default: $SACREBLEU_SEED or 12345, as "
        "sacrebleu].", show_default=False)] = None,
    alpha: Annotated[float, typer.Option(
        "--alpha", help="Significance level for clusters and stars.")] = 0.05,
    resegment: Annotated[bool, typer.Option(
        "--resegment", help="Re-split drafts to the reference's segments (minimum edit "
        "distance, as mwerSegmenter), document by document.")] = False,
    src_lang: Annotated[str | None, typer.Option(
        "--src-lang", help="ISO 639-1 code of the source; detected when not given.")] = None,
    tgt_lang: Annotated[str | None, typer.Option(
        "--tgt-lang", help="ISO 639-1 code of the drafts; detected when not given.")] = None,
    encoding: Annotated[str | None, typer.Option(
        "--encoding", help="Text encoding of the inputs; detected when not given.")] = None,
    level: Annotated[ScoreLevel, typer.Option(
        "--level", "-l", help="Scores per system, per segment or per document.")
    ] = ScoreLevel.system,
    fmt: Annotated[ScoreFormat, typer.Option(
        "--format", "-f", help="Output format; xlsx holds every level.")] = ScoreFormat.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write here, not to stdout (needed for xlsx).")] = None,
    width: Annotated[int, typer.Option(
        "--width", "-w", help="Decimals of the scores in the table (sacrebleu's -w).")] = 1,
    cache_dir: Annotated[Path | None, typer.Option(
        "--cache-dir", help="Statistics cache [default: $XDG_CACHE_HOME/transdesk/score].",
        show_default=False)] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Neither read nor write the statistics cache.")] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", help="Worker processes for statistics [default: min(CPUs, 4)].",
        show_default=False)] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No notes or progress on stderr; errors still show.")] = False,
) -> None:
    """Score MT drafts against references: BLEU, chrF, TER, terminology, significance."""
    from core.errors import TransdeskError
    from core.output import atomic_write, emit
    from score.cache import default_cache_dir
    from score.engine import ScoreConfig
    from score.metrics import MetricOptions
    from score.report import render
    from score.run import score_files
    from score.significance import parse_seed, sacrebleu_seed

    all_hyps = [*(hyps or []), *(hyp_args or [])]
    to_stdout = output is None or str(output) == "-"
    if fmt is ScoreFormat.xlsx and to_stdout:
        raise TransdeskError("--format xlsx writes a file; give --output")
    if output is not None and not to_stdout and not output.parent.is_dir():
        raise TransdeskError(f"cannot write {output}: folder {output.parent} does not exist")
    if width < 0 or width > 12:
        raise TransdeskError("--width must be between 0 and 12")
    if jobs is not None and jobs < 1:
        raise TransdeskError("--jobs must be at least 1")
    keys = tuple(k.strip().lower() for k in (metrics or "").split(",") if k.strip())
    config = ScoreConfig(
        metrics=keys or ScoreConfig().metrics,
        options=MetricOptions(tokenize=tokenize, lowercase=lowercase),
        bootstrap=bs_n,
        ar_trials=ar_n,
        baseline=baseline,
        seed=parse_seed(seed) if seed is not None else sacrebleu_seed(),
        alpha=alpha,
        resegment=resegment,
        jobs=jobs if jobs is not None else min(os.cpu_count() or 1, 4),
        cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
    )
    if metrics is not None and not keys:
        raise TransdeskError("--metrics is empty")
    show = not quiet and sys.stderr.isatty()
    result = score_files(
        refs or [], all_hyps, config, src=src, glossary=glossary, docids=docids,
        src_lang=src_lang, tgt_lang=tgt_lang, encoding=encoding,
        metrics_given=bool(keys), progress=_progress if show else None,
    )
    if show:
        sys.stderr.write("\r\033[K")
    data = render(result, fmt.value, level.value, width)  # type: ignore[arg-type]
    if isinstance(data, bytes):
        assert output is not None  # checked above
        with atomic_write(output, "wb") as handle:
            handle.write(data)
    else:
        emit(data, None if to_stdout else output)
    if not quiet and result.cache_write_failed:
        typer.echo(f"transdesk: note: could not write the statistics cache in {config.cache_dir}",
                   err=True)


def _progress(done: int, total: int) -> None:
    """A one-line counter on a terminal: statistics are the long part of a cold run."""
    sys.stderr.write(f"\rscoring: statistics {done}/{total}")
    sys.stderr.flush()
