"""Vecalign notation: one bead a line, `[0, 1]:[0]:0.870000`, the diffable alignment format.

This is the format of vecalign's `print_alignments` and `read_alignments` (thompsonb/vecalign,
dp_utils.py): source ids, target ids and an optional score, separated by colons. Gold files
carry ids only (`[3, 4]:[3]`, `[5]:[]`). We write scores with six decimals as vecalign does,
and mark a bead below the low-confidence threshold with a fourth field, `:low`; vecalign's
reader keeps only the first two fields, so our files stay readable by its tools.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path

from align.model import Bead
from core.errors import TransdeskError

_IDS = r"\[\s*(?:(\d+(?:\s*,\s*\d+)*)\s*,?\s*)?\]"
_LINE = re.compile(
    rf"^\s*{_IDS}\s*:\s*{_IDS}\s*(?::\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*)?"
    r"(?::\s*(low)\s*)?$"
)

LOW_MARK = "low"


def format_bead(bead: Bead, *, score: bool = True, low: bool = False) -> str:
    """One bead as a line of vecalign notation, without the newline."""
    line = f"[{', '.join(map(str, bead.src))}]:[{', '.join(map(str, bead.tgt))}]"
    if score:
        line += f":{bead.score:.6f}"
        if low:
            line += f":{LOW_MARK}"
    return line


def format_beads(
    beads: Iterable[Bead], *, score: bool = True, low_confidence: float | None = None
) -> str:
    """Beads as vecalign notation, a line each; `low_confidence` adds `:low` below it."""
    return "".join(
        format_bead(
            b, score=score, low=low_confidence is not None and b.score < low_confidence
        ) + "\n"
        for b in beads
    )


def parse_beads(text: str, name: str = "<string>") -> list[Bead]:
    """Parse vecalign notation; a bead without a score reads as score 1.0 (gold is certain).

    Blank lines are skipped. A malformed line raises TransdeskError naming `name` and the
    line number. Coverage is not checked here: gold files may leave sentences out.
    """
    beads: list[Bead] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if match is None:
            shown = line.strip()
            if len(shown) > 60:
                shown = shown[:57] + "..."
            raise TransdeskError(
                f"{name}:{number}: not a bead in vecalign notation: {shown!r} "
                "(expected e.g. [0, 1]:[0] or [0]:[1]:0.87)"
            )
        src_ids, tgt_ids, score_text, _low = match.groups()
        score = 1.0 if score_text is None else float(score_text)
        if not math.isfinite(score):
            raise TransdeskError(f"{name}:{number}: the score is not a finite number")
        beads.append(Bead(src=_ids(src_ids), tgt=_ids(tgt_ids), score=score))
    return beads


def read_beads(path: str | Path) -> list[Bead]:
    """Read a file of vecalign notation (UTF-8); see `parse_beads`."""
    p = Path(path)
    if not p.exists():
        raise TransdeskError(f"{p}: no such file")
    if p.is_dir():
        raise TransdeskError(f"{p}: is a folder, not a file")
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise TransdeskError(f"{p}: not UTF-8 text (byte {exc.start})") from None
    beads = parse_beads(text, str(p))
    if not beads:
        raise TransdeskError(f"{p}: the file has no beads")
    return beads


def _ids(group: str | None) -> tuple[int, ...]:
    if not group:
        return ()
    return tuple(int(part) for part in group.split(","))


__all__ = ["format_bead", "format_beads", "parse_beads", "read_beads"]
