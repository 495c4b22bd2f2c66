"""Plain text: paragraphs are blank-line-separated blocks, or lines when there are none."""

from __future__ import annotations

import re

from readers.assemble import Block

_BLANK = re.compile(r"\n[ \t]*\n")
_LINE = re.compile(r"[^\n]+")


def plain_blocks(text: str) -> list[Block]:
    """Paragraph blocks of cleaned plain text.

    Text with blank lines between paragraphs keeps single line breaks inside a paragraph
    (hard-wrapped prose); text without blank lines has one paragraph per line, as editors
    that save a paragraph a line produce.
    """
    if _BLANK.search(text.strip()):
        blocks = []
        pos = 0
        for m in _BLANK.finditer(text):
            blocks.append(_trimmed(text, pos, m.start()))
            pos = m.end()
        blocks.append(_trimmed(text, pos, len(text)))
        return [b for b in blocks if b.end > b.start]
    return [
        b for m in _LINE.finditer(text) if (b := _trimmed(text, m.start(), m.end())).end > b.start
    ]


def _trimmed(text: str, start: int, end: int) -> Block:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    return Block(start=start + lead, end=end - trail)
