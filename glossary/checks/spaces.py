"""double-space: two or more spaces between words of the target."""

from __future__ import annotations

import re

from glossary.checks import Context, Pair
from glossary.findings import Finding, Kind, Severity

_DOUBLE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


def check(pair: Pair, ctx: Context) -> list[Finding]:
    """One finding per run of spaces inside the target."""
    target = pair.segment.target
    if "  " not in target and "\u00a0" not in target:
        return []
    out = []
    for m in _DOUBLE.finditer(target):
        around = target[max(0, m.start() - 12):m.end() + 12]
        out.append(Finding(
            Kind.DOUBLE_SPACE, Severity.INFO, pair.segment.id,
            f"{m.end() - m.start()} spaces in a row: \"{' '.join(around.split())}\"",
            tgt_start=m.start(), tgt_end=m.end(), tgt_text=m.group(),
        ))
    return out
