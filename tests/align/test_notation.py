"""Vecalign notation: writing, reading back, and one clear error per malformed line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align.model import Bead
from align.notation import format_bead, format_beads, parse_beads, read_beads
from core.errors import TransdeskError


def test_format_as_vecalign_prints_it() -> None:
    # vecalign's print_alignments: '%s:%s:%.6f' % (x, y, s) over Python lists.
    assert format_bead(Bead((0, 1), (0,), 0.87)) == "[0, 1]:[0]:0.870000"
    assert format_bead(Bead((5,), (), 0.0)) == "[5]:[]:0.000000"
    assert format_bead(Bead((), (6,), 0.0), score=False) == "[]:[6]"


def test_low_mark_only_below_the_threshold() -> None:
    beads = [Bead((0,), (0,), 0.9), Bead((1,), (1, 2), 0.2), Bead((2,), (), 0.5)]
    assert format_beads(beads, low_confidence=0.5) == (
        "[0]:[0]:0.900000\n[1]:[1, 2]:0.200000:low\n[2]:[]:0.500000\n"
    )
    assert format_beads(beads, score=False) == "[0]:[0]\n[1]:[1, 2]\n[2]:[]\n"


def test_parse_gold_and_scored_lines() -> None:
    text = "[0]:[0]\n[1]:[1, 2]:0.25\n\n[3,4]:[3]:1e-3:low\n[5]:[]\n  []:[ 6 ] \n"
    assert parse_beads(text) == [
        Bead((0,), (0,), 1.0),
        Bead((1,), (1, 2), 0.25),
        Bead((3, 4), (3,), 0.001),
        Bead((5,), (), 1.0),
        Bead((), (6,), 1.0),
    ]


@pytest.mark.parametrize(
    ("line", "number"),
    [
        pytest.param("[0]:[0]\n[1]-[1]\n", 2, id="dash"),
        pytest.param("[0]:[0]\n\n[a]:[1]\n", 3, id="letters"),
        pytest.param("[0]\n", 1, id="one-side"),
        pytest.param("[0]:[0]:high\n", 1, id="score-word"),
        pytest.param("[0]:[0]:0.5:maybe\n", 1, id="fourth-field"),
        pytest.param("[-1]:[0]\n", 1, id="negative"),
        pytest.param("[,]:[0]\n", 1, id="lone-comma"),
        pytest.param("[0]:[0]:1e999\n", 1, id="infinite"),
    ],
)
def test_malformed_line_names_file_and_line(line: str, number: int) -> None:
    with pytest.raises(TransdeskError, match=rf"^gold\.txt:{number}: "):
        parse_beads(line, "gold.txt")


def test_read_beads_errors(tmp_path: Path) -> None:
    with pytest.raises(TransdeskError, match="no such file"):
        read_beads(tmp_path / "none.txt")
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    with pytest.raises(TransdeskError, match=r"empty\.txt: the file has no beads"):
        read_beads(tmp_path / "empty.txt")
    (tmp_path / "bad.txt").write_text("[0]:[0]\n[1]:[1]:x\n", encoding="utf-8")
    with pytest.raises(TransdeskError, match=r"bad\.txt:2: not a bead"):
        read_beads(tmp_path / "bad.txt")


ids = st.lists(st.integers(0, 10_000), max_size=4).map(tuple)


@given(st.lists(st.tuples(ids, ids, st.floats(0, 1)), max_size=20))
def test_round_trip(triples: list[tuple[tuple[int, ...], tuple[int, ...], float]]) -> None:
    beads = [Bead(s, t, round(x, 6)) for s, t, x in triples]
    assert parse_beads(format_beads(beads, low_confidence=0.5)) == beads
    gold = parse_beads(format_beads(beads, score=False))
    assert [(b.src, b.tgt, b.score) for b in gold] == [(b.src, b.tgt, 1.0) for b in beads]
