"""Reading the files a desk has into Documents: plain text, DOCX, SRT and WebVTT."""

from __future__ import annotations

from pathlib import Path

from core.document import Document
from core.errors import TransdeskError
from lang.text import clean_text
from readers.assemble import Block, assemble
from readers.decode import decode_bytes
from readers.files import existing_file
from readers.plain import plain_blocks
from readers.subtitles import parse_srt, parse_vtt, transcript_blocks

TRANSCRIPT_SUFFIXES = (".srt", ".vtt")


def read_text(path: str | Path, encoding: str | None = None) -> str:
    """The cleaned text of a text file (any supported encoding), for readers of other kinds."""
    p = existing_file(path)
    data = p.read_bytes()
    if not data.strip():
        raise TransdeskError(f"{p}: the file is empty")
    return clean_text(decode_bytes(data, str(p), encoding))


def read_document(
    path: str | Path,
    lang: str | None = None,
    *,
    encoding: str | None = None,
    presegmented: bool = False,
) -> Document:
    """Read a .txt (or any text), .docx, .srt or .vtt file into a Document.

    `lang` is an ISO 639-1 code; without it the language is detected from the text.
    `presegmented` takes every line (every DOCX paragraph) as one sentence.
    """
    p = existing_file(path)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        from readers.docx import docx_paragraphs

        paragraphs = [clean_text(t) for t in docx_paragraphs(p)]
        text, blocks = _joined(paragraphs)
    elif suffix in TRANSCRIPT_SUFFIXES:
        if presegmented:
            raise TransdeskError(f"{p}: --presegmented is for plain text and DOCX, not subtitles")
        raw = read_text(p, encoding)
        cues = parse_vtt(raw, str(p)) if suffix == ".vtt" else parse_srt(raw, str(p))
        text, blocks = transcript_blocks(cues)
    else:
        text = read_text(p, encoding)
        blocks = plain_blocks(text)
    return assemble(text, blocks, lang=lang, path=str(p), presegmented=presegmented)


def _joined(paragraphs: list[str]) -> tuple[str, list[Block]]:
    # A DOCX paragraph may hold line breaks; keep them, they are lines when presegmented.
    kept = [
        "\n".join(line.strip() for line in p.split("\n") if line.strip())
        for p in paragraphs
        if p.strip()
    ]
    blocks: list[Block] = []
    pos = 0
    for para in kept:
        blocks.append(Block(pos, pos + len(para)))
        pos += len(para) + 1
    return "\n".join(kept), blocks


__all__ = ["read_document", "read_text"]
