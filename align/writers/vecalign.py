"""Vecalign notation: `[0, 1]:[0]:0.870000`, with `:low` on doubtful beads."""

from __future__ import annotations

from align.model import Alignment
from align.notation import format_beads
from core.document import Document


def write(
    alignment: Alignment, src_doc: Document, tgt_doc: Document, *, low_confidence: float
) -> str:
    """One bead a line in vecalign notation; the documents only name the sentences' ids."""
    del src_doc, tgt_doc  # the ids say it all; the text lives in the documents
    return format_beads(alignment.beads, low_confidence=low_confidence)
