"""From normalised text and paragraph blocks to a Document with sentence spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.document import Document, Paragraph, Sentence
from core.errors import TransdeskError
from lang import detect_language, get_language
from lang.language import Language


@dataclass(frozen=True)
class Cue:
    """A transcript cue: its character span in the text and its time range in seconds."""

    start: int
    end: int
    start_time: float
    end_time: float


@dataclass(frozen=True)
class Block:
    """A paragraph (or a speaker's turn) found by a reader, as a span of the text."""

    start: int
    end: int
    speaker: str | None = None
    cues: tuple[Cue, ...] = ()


_LINE = re.compile(r"[^\n]+")


def assemble(
    text: str,
    blocks: list[Block],
    *,
    lang: str | None,
    path: str | None,
    presegmented: bool = False,
) -> Document:
    """Split each block into sentences (or lines, when presegmented) and build the Document."""
    name = path or "input"
    if not text.strip():
        raise TransdeskError(f"{name}: the file is empty")
    language = get_language(lang) if lang else get_language(detect_language(text))
    paragraphs = []
    for block in blocks:
        spans = (
            _line_spans(text, block)
            if presegmented
            else _sentence_spans(text, block, language)
        )
        sentences = tuple(_sentence(text, s, e, block) for s, e in spans)
        if sentences:
            paragraphs.append(
                Paragraph(sentences=sentences, start=block.start, end=block.end,
                          speaker=block.speaker)
            )
    if not paragraphs:
        raise TransdeskError(f"{name}: the file has no text")
    return Document(lang=language.code, text=text, paragraphs=tuple(paragraphs), path=path)


def _sentence_spans(text: str, block: Block, language: Language) -> list[tuple[int, int]]:
    chunk = text[block.start:block.end]
    return [(block.start + s, block.start + e) for s, e in language.split_sentences(chunk)]


def _line_spans(text: str, block: Block) -> list[tuple[int, int]]:
    spans = []
    for m in _LINE.finditer(text, block.start, block.end):
        line = m.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((m.start() + lead, m.start() + lead + len(stripped)))
    return spans


def _sentence(text: str, start: int, end: int, block: Block) -> Sentence:
    times = [(c.start_time, c.end_time) for c in block.cues if c.start < end and c.end > start]
    return Sentence(
        text=" ".join(text[start:end].split()),
        start=start,
        end=end,
        speaker=block.speaker,
        start_time=min(t[0] for t in times) if times else None,
        end_time=max(t[1] for t in times) if times else None,
    )
