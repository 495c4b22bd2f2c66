"""`transdesk run`: the whole desk job on a corpus folder, with one report."""

from __future__ import annotations

from pathlib import Path

import typer


def run_command(
    corpus: Path = typer.Argument(
        Path("corpora"), help="A corpus folder laid out as corpora/ (documents/, mt/, glossary/)."
    ),
    out_dir: Path = typer.Option(
        Path("transdesk-report"), "--out-dir", "-o", help="Where the report and outputs go."
    ),
    glossary: Path | None = typer.Option(
        None, "--glossary", "-g", help="TBX glossary; default: the corpus's glossary/*.tbx."
    ),
    no_embeddings: bool = typer.Option(
        False, "--no-embeddings", help="Align on lexical evidence only."
    ),
    cache_dir: Path | None = typer.Option(
        None, "--cache-dir", help="Where sentence embeddings are cached."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress messages."),
) -> None:
    """Align, evaluate and score a whole corpus folder into one report."""
    import sys

    from align.aligner import AlignConfig
    from core.output import write_text
    from transdesk.pipeline import run_corpus, summary
    from transdesk.report_html import render_report

    def progress(message: str) -> None:
        if not quiet:
            sys.stderr.write(f"transdesk: {message}\n")

    config = AlignConfig(embeddings=not no_embeddings, cache_dir=cache_dir)
    report = run_corpus(corpus, out_dir, config, glossary=glossary, progress=progress)
    write_text(out_dir / "report.html", render_report(report))
    typer.echo(summary(report), nl=False)
