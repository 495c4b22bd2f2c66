"""untranslated: Cyrillic words left in a translation into a Latin-script language.

A run of Cyrillic words (with the spaces and hyphens between them) is one finding; where the
same word stands in the source, the finding points at it too.
"""

from __future__ import annotations

import re

from glossary.checks import Context, Pair
from glossary.findings import Finding, Kind, Severity

CYRILLIC_LANGS = frozenset({"ru", "be", "uk", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})
_RUN = re.compile(r"[\u0400-\u04ff\u0500-\u052f]+(?:[-‐‑'’ʼ\s]+[\u0400-\u04ff\u0500-\u052f]+)*")


def check(pair: Pair, ctx: Context) -> list[Finding]:
    """One finding per run of Cyrillic words in a Latin-script target."""
    if ctx.tgt_lang in CYRILLIC_LANGS or ctx.src_lang not in CYRILLIC_LANGS:
        return []
    seg = pair.segment
    out = []
    for m in _RUN.finditer(seg.target):
        text = m.group()
        at = seg.source.find(text)
        out.append(Finding(
            Kind.UNTRANSLATED, Severity.ERROR, seg.id,
            f"«{text}» is left untranslated",
            src_start=at if at >= 0 else None, src_end=at + len(text) if at >= 0 else None,
            src_text=text if at >= 0 else "",
            tgt_start=m.start(), tgt_end=m.end(), tgt_text=text,
        ))
    return out
