"""SRT and WebVTT transcripts: cues with times, speakers kept apart from the text.

A speaker's turn becomes one paragraph: the texts of its cues joined by spaces, so that a
sentence running across two cues is one sentence. A cue without a label continues the
current speaker, as transcription services write them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from core.errors import TransdeskError
from readers.assemble import Block, Cue

_TIMING = re.compile(
    r"^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})"
)
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*\s+([^>]+)>", re.IGNORECASE)
_TAG = re.compile(r"</?[^>]*>")
# "Lukashenko:", "A. Lukashenko:", "JOURNALIST:", "Владимир Гуров:" at the start of a cue.
# Capitalised words only, at most four, so that an ordinary sentence with a colon
# ("The answer is clear: ...") is not taken for a label.
_LABEL = re.compile(
    r"^\s*(?:-\s*)?((?:[A-ZА-ЯЁІЎ][\w'’.-]*\.?\s?){1,4}?)\s*:\s+(?=\S)"
)


@dataclass(frozen=True)
class RawCue:
    """One cue as written in the file, before speakers are resolved."""

    start_time: float
    end_time: float
    lines: tuple[str, ...]
    line_no: int


def parse_srt(text: str, name: str) -> list[RawCue]:
    """Cues of an SRT file (the index line is optional, as some tools omit it)."""
    return _parse_cues(text, name, vtt=False)


def parse_vtt(text: str, name: str) -> list[RawCue]:
    """Cues of a WebVTT file; NOTE, STYLE and REGION blocks are skipped."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if not first.startswith("WEBVTT"):
        raise TransdeskError(f"{name}: not a WebVTT file (the first line must be WEBVTT)")
    return _parse_cues(text, name, vtt=True)


def _parse_cues(text: str, name: str, *, vtt: bool) -> list[RawCue]:
    cues: list[RawCue] = []
    lines = text.split("\n")
    i = 1 if vtt else 0
    while i < len(lines):
        while i < len(lines) and not lines[i].strip():
            i += 1
        start = i
        while i < len(lines) and lines[i].strip():
            i += 1
        block = lines[start:i]
        if not block:
            break
        head = block[0].strip()
        if vtt and (head.startswith(("NOTE", "STYLE", "REGION")) or (start == 1 and "-->"
                    not in "".join(block))):
            continue
        timing_at = next((k for k, line in enumerate(block[:2]) if "-->" in line), None)
        if timing_at is None:
            raise TransdeskError(f"{name}, line {start + 1}: a cue without a timing line")
        m = _TIMING.match(block[timing_at])
        if not m:
            raise TransdeskError(
                f"{name}, line {start + timing_at + 1}: cannot read the timing "
                f"{block[timing_at].strip()!r}"
            )
        t0, t1 = _seconds(m.group(1)), _seconds(m.group(2))
        if t1 < t0:
            raise TransdeskError(
                f"{name}, line {start + timing_at + 1}: a cue ends before it starts"
            )
        cues.append(RawCue(t0, t1, tuple(block[timing_at + 1:]), start + 1))
    if not cues:
        raise TransdeskError(f"{name}: no cues found")
    return cues


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    value = 0.0
    for part in parts:
        value = value * 60 + float(part)
    return round(value, 3)


def transcript_blocks(cues: list[RawCue]) -> tuple[str, list[Block]]:
    """The transcript's text and one Block per speaker turn, with the cues' spans."""
    pieces: list[str] = []
    blocks: list[Block] = []
    pos = 0
    speaker: str | None = None
    turn_start: int | None = None
    turn_cues: list[Cue] = []

    def close_turn(end: int) -> None:
        if turn_start is not None and turn_cues:
            blocks.append(Block(turn_start, end, speaker, tuple(turn_cues)))

    for cue in cues:
        label, body = _speaker_and_text(cue.lines)
        if not body:
            continue
        if (label is not None and label != speaker) or turn_start is None:
            if turn_start is not None:
                close_turn(pos)
                pieces.append("\n")
                pos += 1
            speaker = label if label is not None else speaker
            turn_start = pos
            turn_cues = []
        elif pieces:
            pieces.append(" ")
            pos += 1
        turn_cues.append(Cue(pos, pos + len(body), cue.start_time, cue.end_time))
        pieces.append(body)
        pos += len(body)
    close_turn(pos)
    return "".join(pieces), blocks


def _speaker_and_text(lines: tuple[str, ...]) -> tuple[str | None, str]:
    raw = " ".join(line.strip() for line in lines if line.strip())
    label = None
    voice = _VOICE.search(raw)
    if voice:
        label = voice.group(1).strip()
    body = html.unescape(_TAG.sub("", raw))
    if label is None:
        m = _LABEL.match(body)
        if m:
            label = m.group(1).strip()
            body = body[m.end():]
    return (_tidy_label(label) if label else None), " ".join(body.split())


def _tidy_label(label: str) -> str:
    # "GUROV" and "Gurov" are the same speaker; keep names as written otherwise.
    return label.title() if label.isupper() and len(label) > 3 else label
