"""Alignment writers: one module per format, each `write(alignment, src, tgt, *, low_confidence)`.

Modules are imported only when their format is asked for, so that reading this package costs
nothing and lxml or xlsxwriter load only for TMX or XLSX.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TypeAlias

from align.model import Alignment
from core.document import Document

Writer: TypeAlias = Callable[..., str | bytes]

# Format name -> file extension for outputs named after their source.
FORMATS: dict[str, str] = {
    "tsv": ".tsv",
    "vecalign": ".align",
    "tmx": ".tmx",
    "xlsx": ".xlsx",
    "jsonl": ".jsonl",
    "html": ".html",
}

# Formats whose writer returns bytes, so they need a file, not a terminal.
BINARY_FORMATS: frozenset[str] = frozenset({"xlsx"})


def get_writer(fmt: str) -> Writer:
    """The `write` function of one format (see FORMATS)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown alignment format {fmt!r}")
    return importlib.import_module(f"align.writers.{fmt}").write


def render(
    fmt: str,
    alignment: Alignment,
    src_doc: Document,
    tgt_doc: Document,
    *,
    low_confidence: float | None = None,
) -> str | bytes:
    """The alignment in format `fmt`; the low-confidence threshold defaults to LOW_CONFIDENCE."""
    if low_confidence is None:
        from align.model import LOW_CONFIDENCE

        low_confidence = LOW_CONFIDENCE
    return get_writer(fmt)(alignment, src_doc, tgt_doc, low_confidence=low_confidence)


__all__ = ["BINARY_FORMATS", "FORMATS", "Writer", "get_writer", "render"]
