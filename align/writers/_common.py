"""What every writer needs: the text of each side of a bead, and whether it is doubtful."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from align.model import Alignment, Bead
from core.document import Document, Sentence
from core.errors import TransdeskError

# Characters XML 1.0 cannot carry at all (C0 controls but tab/newline/CR, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Everything str.splitlines() breaks on, and the tab: none may split a TSV row or field.
_SPACES = re.compile(r"[\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class Row:
    """One bead ready to write: ids, score, the doubt flag and each side's joined text."""

    src_ids: tuple[int, ...]
    tgt_ids: tuple[int, ...]
    score: float
    low: bool
    src: str
    tgt: str


def rows(
    alignment: Alignment, src_doc: Document, tgt_doc: Document, low_confidence: float
) -> list[Row]:
    """The beads as rows; merged sentences are joined with one space."""
    src_sents = src_doc.sentences
    tgt_sents = tgt_doc.sentences
    if alignment.n_src != len(src_sents) or alignment.n_tgt != len(tgt_sents):
        raise TransdeskError(
            f"the alignment is for {alignment.n_src} and {alignment.n_tgt} sentences, "
            f"the documents have {len(src_sents)} and {len(tgt_sents)}"
        )
    return [
        Row(
            src_ids=b.src,
            tgt_ids=b.tgt,
            score=b.score,
            low=is_low(b, low_confidence),
            src=joined(src_sents, b.src),
            tgt=joined(tgt_sents, b.tgt),
        )
        for b in alignment.beads
    ]


def is_low(bead: Bead, low_confidence: float) -> bool:
    """A bead whose score is below the threshold deserves a person's look."""
    return bead.score < low_confidence


def joined(sentences: Sequence[Sentence], ids: Sequence[int]) -> str:
    """The texts of the given sentences, joined with one space."""
    return " ".join(sentences[i].text for i in ids)


def one_line(text: str) -> str:
    """Tabs and line breaks become spaces, so that a field stays in its cell and row."""
    return _SPACES.sub(" ", text)


def xml_safe(text: str) -> str:
    """Drop the characters XML 1.0 cannot hold; lxml and browsers would reject them."""
    return _NOT_XML.sub("", text)


def ids_text(ids: Sequence[int]) -> str:
    """Sentence ids as `3,4` (empty for none): compact in a spreadsheet cell."""
    return ",".join(map(str, ids))


def score_text(score: float) -> str:
    """A score as people read it: four decimals."""
    return f"{score:.4f}"
