"""JSON Lines: one object a bead, for programs."""

from __future__ import annotations

import json

from align.model import Alignment
from align.writers._common import rows
from core.document import Document


def write(
    alignment: Alignment, src_doc: Document, tgt_doc: Document, *, low_confidence: float
) -> str:
    """Objects with src_ids, tgt_ids, score, low_confidence, src and tgt, a line each."""
    return "".join(
        json.dumps(
            {
                "src_ids": list(r.src_ids),
                "tgt_ids": list(r.tgt_ids),
                "score": round(r.score, 6),
                "low_confidence": r.low,
                "src": r.src,
                "tgt": r.tgt,
            },
            ensure_ascii=False,
        ) + "\n"
        for r in rows(alignment, src_doc, tgt_doc, low_confidence)
    )
