"""`transdesk read`: a file as the tool sees it, one sentence per line or as a table."""

from __future__ import annotations

import enum
import json
from pathlib import Path

import typer

from core.output import emit


class ReadFormat(enum.StrEnum):
    lines = "lines"
    tsv = "tsv"
    jsonl = "jsonl"


def read_command(
    file: Path = typer.Argument(..., help="A .txt, .docx, .srt or .vtt file."),
    lang: str | None = typer.Option(
        None, "--lang", "-l", help="ISO 639-1 code; detected from the text when not given."
    ),
    encoding: str | None = typer.Option(
        None, "--encoding", help="Text encoding; detected when not given."
    ),
    presegmented: bool = typer.Option(
        False, "--presegmented", help="Take every line as one sentence."
    ),
    fmt: ReadFormat = typer.Option(
        ReadFormat.lines, "--format", "-f", help="lines: a sentence a line; tsv or jsonl: "
        "with ids, paragraphs, speakers, times and character spans."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here, not stdout."),
) -> None:
    """Read a document and show its sentences (what align and check will see)."""
    from readers import read_document

    doc = read_document(file, lang, encoding=encoding, presegmented=presegmented)
    rows = []
    sid = 0
    for pid, para in enumerate(doc.paragraphs):
        for sent in para.sentences:
            rows.append({
                "id": sid, "paragraph": pid, "speaker": sent.speaker,
                "start_time": sent.start_time, "end_time": sent.end_time,
                "start": sent.start, "end": sent.end, "text": sent.text,
            })
            sid += 1
    if fmt is ReadFormat.lines:
        text = "".join(r["text"] + "\n" for r in rows)
    elif fmt is ReadFormat.jsonl:
        text = "".join(json.dumps({"lang": doc.lang, **r}, ensure_ascii=False) + "\n"
                       for r in rows)
    else:
        header = "id\tparagraph\tspeaker\tstart_time\tend_time\tstart\tend\ttext\n"
        text = header + "".join(
            "\t".join("" if r[k] is None else str(r[k]) for k in
                      ("id", "paragraph", "speaker", "start_time", "end_time", "start", "end",
                       "text")) + "\n"
            for r in rows
        )
    emit(text, output)
