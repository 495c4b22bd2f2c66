"""TSV: a header row and one row a bead, for spreadsheets and polars alike."""

from __future__ import annotations

from align.model import Alignment
from align.writers._common import ids_text, one_line, rows, score_text
from core.document import Document

HEADER = ("src_ids", "tgt_ids", "score", "low", "src_text", "tgt_text")


def write(
    alignment: Alignment, src_doc: Document, tgt_doc: Document, *, low_confidence: float
) -> str:
    """Columns src_ids, tgt_ids, score, low (`yes` or empty), src_text, tgt_text."""
    lines = ["\t".join(HEADER)]
    for r in rows(alignment, src_doc, tgt_doc, low_confidence):
        lines.append("\t".join((
            ids_text(r.src_ids), ids_text(r.tgt_ids), score_text(r.score),
            "yes" if r.low else "", one_line(r.src), one_line(r.tgt),
        )))
    return "\n".join(lines) + "\n"
