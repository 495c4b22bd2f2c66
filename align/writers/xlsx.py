"""XLSX: one row a bead for reviewers, doubtful rows filled, text wrapped, header frozen."""

from __future__ import annotations

import io

from align.model import Alignment
from align.writers._common import ids_text, rows
from align.writers.tsv import HEADER
from core.document import Document

# The fill of low-confidence rows: a light amber that prints and reads on any screen.
LOW_FILL = "#FFE699"
_WIDTHS = (9, 9, 7, 5, 60, 60)


def write(
    alignment: Alignment, src_doc: Document, tgt_doc: Document, *, low_confidence: float
) -> bytes:
    """The workbook's bytes: the columns of the TSV, low-confidence rows filled amber."""
    import xlsxwriter

    buffer = io.BytesIO()
    # in_memory: no temporary files; the caller writes the bytes atomically where it wants.
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("alignment")
    head = book.add_format({"bold": True, "bottom": 1, "bg_color": "#DDEBF7"})
    plain = {"text_wrap": True, "valign": "top"}
    formats = {
        (low, numeric): book.add_format({
            **plain,
            **({"bg_color": LOW_FILL, "pattern": 1} if low else {}),
            **({"num_format": "0.0000"} if numeric else {}),
        })
        for low in (False, True)
        for numeric in (False, True)
    }
    for col, (name, width) in enumerate(zip(HEADER, _WIDTHS, strict=True)):
        sheet.write_string(0, col, name, head)
        sheet.set_column(col, col, width)
    for n, r in enumerate(rows(alignment, src_doc, tgt_doc, low_confidence), start=1):
        text = formats[(r.low, False)]
        cells = (ids_text(r.src_ids), ids_text(r.tgt_ids), r.score, "yes" if r.low else "",
                 r.src, r.tgt)
        for col, value in enumerate(cells):
            if isinstance(value, float):
                sheet.write_number(n, col, value, formats[(r.low, True)])
            elif value:
                # write_string, never write: a sentence starting with "=" is not a formula.
                sheet.write_string(n, col, value, text)
            else:
                sheet.write_blank(n, col, None, text)  # keeps the row's fill
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(alignment.beads), len(HEADER) - 1)
    book.close()
    return buffer.getvalue()
