"""Building small Documents and Alignments by hand for the align tests."""

from __future__ import annotations

from collections.abc import Sequence

from align.model import Alignment, Bead
from core.document import Document, Paragraph, Sentence


def document(lang: str, texts: Sequence[str], path: str | None = None) -> Document:
    """One paragraph of the given sentences, spans pointing into their space-joined text."""
    sentences = []
    pos = 0
    for t in texts:
        sentences.append(Sentence(text=t, start=pos, end=pos + len(t)))
        pos += len(t) + 1
    text = " ".join(texts)
    return Document(
        lang=lang,
        text=text,
        paragraphs=(Paragraph(sentences=tuple(sentences), start=0, end=len(text)),),
        path=path,
    )


def alignment(*beads: tuple[Sequence[int], Sequence[int], float]) -> Alignment:
    """An Alignment from (src ids, tgt ids, score) triples."""
    bs = tuple(Bead(tuple(s), tuple(t), score) for s, t, score in beads)
    return Alignment(
        beads=bs,
        n_src=sum(len(b.src) for b in bs),
        n_tgt=sum(len(b.tgt) for b in bs),
    )
