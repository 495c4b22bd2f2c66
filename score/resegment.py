"""Re-splitting a draft to the reference's segments, as mwerSegmenter does for speech MT.

A draft that is not segmented like the reference (a whole document on one line, a transcript
cut elsewhere) is split so that the sum of word edit distances between each draft piece and
its reference segment is smallest. That minimum equals the plain Levenshtein distance between
the draft's words and the reference's words laid end to end: any alignment path, cut where
it crosses the reference's segment ends, gives a segmentation of the same cost, and back.
So one dynamic program over (draft word, reference word) finds it, and the cut in the draft
is where the best path crosses each reference boundary.

One addition to mwerSegmenter: a cut that does not follow a sentence-ending mark (. ! ? …,
with closing quotes) costs `CUT_PENALTY` more, two word edits. Where the drafts paraphrase,
several cuts cost about the same, and pure edit distance then often cuts mid-sentence ("…
from | the ruins."); the penalty moves such cuts to the sentence end. On the bundled drafts it
turns 78 misplaced segments of 237 into 8, and a draft without punctuation (an ASR
transcript) is cut as mwerSegmenter would cut it.

Words are `lang.tokens` tokens (punctuation is its own token, so a full stop helps to place a
cut), compared case-folded. Cost, for n draft words and m reference words: up to `FULL_BAND`
words a side the whole table, O(n * m) time and 6 bytes a cell (54 MB at 3000 x 3000);
longer inputs keep a band of `band` reference words each side of the diagonal, O(n * band).
Each row of the dynamic program is a handful of numpy operations on preallocated buffers, the
left-to-right dependency done with a running minimum: the 227 WMT22 ru-en documents (about
230 words each) take about a second per system.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from lang.normalize import normalize_token
from lang.tokens import Token, tokenize

FULL_BAND = 3000  # up to this many words a side, no band: the whole table
DEFAULT_BAND = 1000
_TERMINAL = re.compile(r"[.!?…。]+[\"'»”’)]*$")
_DIAG, _UP, _LEFT = 0, 1, 2  # moves: match/substitute, draft word inserted, reference word lost
_INF = np.iinfo(np.int32).max // 2
_UNIT = 4  # one word edit; costs are integers in quarter edits
CUT_PENALTY = 2 * _UNIT  # a cut not after a sentence end: two word edits


def resegment(draft: str, refs: Sequence[str], *, band: int = DEFAULT_BAND) -> list[str]:
    """Split `draft` into `len(refs)` pieces aligned with the reference segments `refs`.

    Pieces keep the draft's own text (line breaks inside a piece become spaces); a piece
    may be empty when the draft has nothing for that segment.
    """
    return Resegmenter(refs, band=band).split(draft)


class Resegmenter:
    """The reference side of `resegment`, tokenised once for any number of drafts."""

    def __init__(self, refs: Sequence[str], *, band: int = DEFAULT_BAND) -> None:
        self.count = len(refs)
        self.band = band
        self._vocab: dict[str, int] = {}
        self._norm: dict[str, str] = {}
        per_segment = [[self._id(t.text) for t in tokenize(r)] for r in refs]
        self._ref = np.array([w for seg in per_segment for w in seg], dtype=np.int64)
        # Reference columns after each segment but the last: where the draft is cut.
        self._boundaries = np.cumsum([len(seg) for seg in per_segment])[:-1].tolist()

    def _id(self, word: str) -> int:
        norm = self._norm.get(word)
        if norm is None:
            norm = self._norm[word] = normalize_token(word)
        return self._vocab.setdefault(norm, len(self._vocab))

    def split(self, draft: str) -> list[str]:
        """The draft cut into one piece per reference segment."""
        if self.count == 0:
            return []
        tokens = tokenize(draft)
        hyp = np.array([self._id(t.text) for t in tokens], dtype=np.int64)
        cuts = boundary_cuts(hyp, self._ref, self._boundaries, _terminal_flags(tokens),
                             band=self.band)
        starts, stops = [0, *cuts], [*cuts, len(tokens)]
        return [_piece(draft, tokens, a, b) for a, b in zip(starts, stops, strict=True)]


def boundary_cuts(
    hyp: np.ndarray,
    ref: np.ndarray,
    boundaries: Sequence[int],
    terminal: np.ndarray | None = None,
    *,
    band: int = DEFAULT_BAND,
    penalty: int = CUT_PENALTY,
) -> list[int]:
    """Where to cut the draft words `hyp` for each reference boundary column.

    `boundaries` are positions in `ref` (after the last word of a segment); the result has
    one draft position per boundary, non-decreasing. `terminal[i]` says draft word i ends a
    sentence; a cut elsewhere costs `penalty` (in quarter word edits).
    """
    n = len(hyp)
    if terminal is None:
        terminal = np.zeros(n, dtype=bool)
    if n == 0 or len(ref) == 0:
        return [0 if n == 0 else _first_cut(terminal)] * len(boundaries)
    cut_cost = np.zeros(n + 1, dtype=np.int64)  # cost of cutting before draft word i
    if terminal.any():
        # The draft's start and end are sentence boundaries too. Without any sentence end
        # (a transcript) every cut would cost the same, so none is charged.
        cut_cost[1:n] = np.where(terminal[:-1], 0, penalty)
    if max(n, len(ref)) <= FULL_BAND:
        moves, lo = _full_moves(hyp, ref, boundaries, cut_cost)
    else:
        moves, lo = _edit_moves(hyp, ref, boundaries, cut_cost, band)
    return _cuts(moves, lo, n, len(ref), boundaries)


def _first_cut(terminal: np.ndarray) -> int:
    hits = np.flatnonzero(terminal)
    return int(hits[0]) + 1 if len(hits) else 0


def _full_moves(
    hyp: np.ndarray, ref: np.ndarray, boundaries: Sequence[int], cut_cost: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """`_edit_moves` without a band, for documents up to `FULL_BAND` words: the fast path.

    The row loop keeps only what the left-to-right dependency needs (six numpy operations a
    row); the moves are read off the finished table afterwards, a block of rows at a time.
    """
    n, m = len(hyp), len(ref)
    is_boundary = np.zeros(m + 1, dtype=bool)
    is_boundary[list(boundaries)] = True
    crossed = np.concatenate([[0], np.cumsum(is_boundary)[:-1]]).astype(np.int32)
    sub = (hyp[:, None] != ref[None, :]).astype(np.uint8) * np.uint8(_UNIT)  # a byte a cell
    exit_cost = is_boundary[:-1].astype(np.int32)  # leaving column j - 1 into column j
    linear = np.arange(m + 1, dtype=np.int32) * _UNIT
    table = np.empty((n + 1, m + 1), dtype=np.int32)
    table[0] = linear
    # cut_cost is 0 or one penalty: the two versions of each row term are made once, and
    # the loop writes into buffers (allocation would cost as much as the arithmetic).
    penalty = int(cut_cost.max(initial=0))
    exit_pen = exit_cost * penalty
    line_pen = linear + crossed * penalty
    best = np.empty(m + 1, dtype=np.int32)
    diag = np.empty(m, dtype=np.int32)
    work = np.empty(m + 1, dtype=np.int32)
    for i in range(1, n + 1):
        prev = table[i - 1]
        np.add(prev, _UNIT, out=best)
        np.add(prev[:-1], sub[i - 1], out=diag)
        if cut_cost[i - 1]:
            diag += exit_pen
        np.minimum(best[1:], diag, out=best[1:])
        line = line_pen if cut_cost[i] else linear
        np.subtract(best, line, out=work)
        np.minimum.accumulate(work, out=table[i])
        table[i] += line
    moves = np.full((n + 1, m + 1), _LEFT, dtype=np.uint8)
    for lo in range(1, n + 1, 256):
        hi = min(lo + 256, n + 1)
        prev = table[lo - 1:hi - 1]
        up = prev + _UNIT
        diag = np.full_like(up, _INF)
        diag[:, 1:] = prev[:, :-1] + sub[lo - 1:hi - 1] + (
            exit_cost[None, :] * cut_cost[lo - 1:hi - 1, None])
        best = np.minimum(diag, up)
        block = np.where(diag <= up, _DIAG, _UP).astype(np.uint8)
        block[table[lo:hi] < best] = _LEFT
        moves[lo:hi] = block
    return moves, np.zeros(n + 1, dtype=np.int32)


def _edit_moves(
    hyp: np.ndarray,
    ref: np.ndarray,
    boundaries: Sequence[int],
    cut_cost: np.ndarray,
    band: int,
) -> tuple[np.ndarray, np.ndarray]:
    """The best move into every cell of the banded edit-distance table.

    Row i is draft prefix length i (0..n); it covers reference columns lo[i] .. lo[i] + width
    - 1. Costs are in quarter edits (`_UNIT`). Leaving a boundary column at row i (a cut
    before draft word i) costs `cut_cost[i]` more. Returns (moves[n + 1, width], lo[n + 1]).
    """
    n, m = len(hyp), len(ref)
    half = m + 1 if max(n, m) <= FULL_BAND else max(band, abs(m - n) // 8 + 1)
    centre = (np.arange(n + 1) * (m / max(n, 1))).round().astype(np.int64)
    lo = np.clip(centre - half, 0, m)
    hi = np.clip(centre + half, 0, m)
    hi[-1] = m  # the path must reach (n, m); lo and hi only grow, so it can
    hi = np.maximum.accumulate(hi)
    width = int((hi - lo).max()) + 1
    moves = np.full((n + 1, width), _LEFT, dtype=np.uint8)
    is_boundary = np.zeros(m + 1, dtype=bool)
    is_boundary[list(boundaries)] = True
    # crossed[j]: boundary columns left of j; a left move from k to j crosses
    # crossed[j] - crossed[k] of them.
    crossed = np.concatenate([[0], np.cumsum(is_boundary)]).astype(np.int64)

    cols = np.arange(lo[0], hi[0] + 1)
    prev = cols.astype(np.int64) * _UNIT  # row 0: every reference word lost, no cut cost
    prev_lo = int(lo[0])
    for i in range(1, n + 1):
        a, b = int(lo[i]), int(hi[i])
        cols = np.arange(a, b + 1)
        up = _take(prev, prev_lo, cols) + _UNIT
        sub = (ref[np.maximum(cols - 1, 0)] != hyp[i - 1]) * _UNIT
        diag = _take(prev, prev_lo, cols - 1) + sub + is_boundary[np.maximum(cols - 1, 0)] * (
            cut_cost[i - 1])
        diag[cols == 0] = _INF
        best = np.minimum(diag, up)
        move = np.where(diag <= up, _DIAG, _UP).astype(np.uint8)
        # Left moves: cur[j] = min over k <= j of best[k] + unit * (j - k) + cut * (crossings),
        # a running minimum once the linear parts are taken out.
        linear = cols * _UNIT + cut_cost[i] * crossed[cols]
        cur = np.minimum.accumulate(best - linear) + linear
        move[cur < best] = _LEFT
        moves[i, : len(cols)] = move
        prev, prev_lo = cur, a
    return moves, lo


def _take(row: np.ndarray, row_lo: int, cols: np.ndarray) -> np.ndarray:
    """row[cols - row_lo], with INF outside the row's band."""
    idx = cols - row_lo
    inside = (idx >= 0) & (idx < len(row))
    out = np.full(len(cols), _INF, dtype=np.int64)
    out[inside] = row[idx[inside]]
    return out


def _cuts(
    moves: np.ndarray, lo: np.ndarray, n: int, m: int, boundaries: Sequence[int]
) -> list[int]:
    """For each boundary column, the row at which the best path leaves it: the cut."""
    leave: dict[int, int] = {}
    i, j = n, m
    while i > 0 or j > 0:
        move = _LEFT if i == 0 else int(moves[i, j - lo[i]])
        if move == _UP:
            i -= 1
            continue
        if move == _DIAG:
            i -= 1
        j -= 1
        leave[j] = i  # the path went from column j to j + 1 at row i
    return [leave.get(b, n) for b in boundaries]  # column m is never left


def _terminal_flags(tokens: Sequence[Token]) -> np.ndarray:
    return np.array([t.kind == "punct" and bool(_TERMINAL.match(t.text)) for t in tokens],
                    dtype=bool)


def _piece(text: str, tokens: Sequence[Token], first: int, stop: int) -> str:
    if stop <= first:
        return ""
    piece = text[tokens[first].start:tokens[stop - 1].end]
    return re.sub(r"\s*\n\s*", " ", piece)
