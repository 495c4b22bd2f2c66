"""The Document: what every reader returns and every capability consumes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """One sentence with its place in the document's normalised text.

    `text` is `document.text[start:end]` with runs of whitespace collapsed to one space,
    so hard-wrapped lines read as one sentence while the span still points at the source.
    Transcript sentences carry their speaker and the time range of the cues they touch.
    """

    text: str
    start: int
    end: int
    speaker: str | None = None
    start_time: float | None = None
    end_time: float | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of prose, or one speaker's turn in a transcript."""

    sentences: tuple[Sentence, ...]
    start: int
    end: int
    speaker: str | None = None


@dataclass(frozen=True)
class Document:
    """A read document: language, origin, normalised text and its paragraphs."""

    lang: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    path: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """All sentences in reading order; their index is the sentence id."""
        return tuple(s for p in self.paragraphs for s in p.sentences)

    @property
    def paragraph_starts(self) -> tuple[int, ...]:
        """Sentence ids that open a paragraph: the soft anchors for alignment."""
        starts: list[int] = []
        n = 0
        for p in self.paragraphs:
            starts.append(n)
            n += len(p.sentences)
        return tuple(starts)
