"""Every alignment writer: exact outputs on a small alignment, formats parsed back, and a
property over random alignments that every sentence shows once and in order."""

from __future__ import annotations

import io
import json
import re

import pytest
from aligndocs import alignment, document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from align.model import Alignment, Bead
from align.notation import parse_beads
from align.writers import FORMATS, get_writer, render
from core.document import Document

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

SRC = document("ru", [
    "Совещание открыл министр.",
    "Он напомнил о сроках.",
    "Отчёт сдан\tв срок.",
    "Цена <1 000 ₽> & «скидка».",
    "Лишняя фраза.",
], path="/data/ru.txt")
TGT = document("en", [
    "The minister opened the meeting.",
    "He recalled the deadlines.",
    "The report was filed on time.",
    "Price <1,000 RUB> & \"discount\".",
    "An added sentence.",
], path="/data/en.txt")
# 1:1, 2:1 (doubtful), 1:1, 1:0 (unaligned source), 0:1 (unaligned target)
ALIGNMENT = alignment(
    ([0], [0], 0.91), ([1, 2], [1], 0.42), ([3], [2, 3], 0.7), ([4], [], 0.0), ([], [4], 0.0)
)


def write(fmt: str, low: float = 0.5) -> str | bytes:
    return get_writer(fmt)(ALIGNMENT, SRC, TGT, low_confidence=low)


def test_tsv_exact() -> None:
    assert write("tsv") == (
        "src_ids\ttgt_ids\tscore\tlow\tsrc_text\ttgt_text\n"
        "0\t0\t0.9100\t\tСовещание открыл министр.\tThe minister opened the meeting.\n"
        "1,2\t1\t0.4200\tyes\tОн напомнил о сроках. Отчёт сдан в срок.\t"
        "He recalled the deadlines.\n"
        "3\t2,3\t0.7000\t\tЦена <1 000 ₽> & «скидка».\t"
        "The report was filed on time. Price <1,000 RUB> & \"discount\".\n"
        "4\t\t0.0000\tyes\tЛишняя фраза.\t\n"
        "\t4\t0.0000\tyes\t\tAn added sentence.\n"
    )


def test_vecalign_exact() -> None:
    assert write("vecalign") == (
        "[0]:[0]:0.910000\n[1, 2]:[1]:0.420000:low\n[3]:[2, 3]:0.700000\n"
        "[4]:[]:0.000000:low\n[]:[4]:0.000000:low\n"
    )


def test_jsonl_exact() -> None:
    lines = str(write("jsonl")).splitlines()
    assert len(lines) == 5
    assert json.loads(lines[1]) == {
        "src_ids": [1, 2], "tgt_ids": [1], "score": 0.42, "low_confidence": True,
        "src": "Он напомнил о сроках. Отчёт сдан\tв срок.", "tgt": "He recalled the deadlines.",
    }
    assert lines[4] == ('{"src_ids": [], "tgt_ids": [4], "score": 0.0, "low_confidence": true, '
                        '"src": "", "tgt": "An added sentence."}')


def test_threshold_moves_the_marks() -> None:
    assert str(write("tsv", low=0.95)).count("\tyes\t") == 5
    assert str(write("tsv", low=0.0)).count("\tyes\t") == 0


def test_tmx_parses_with_header_langs_and_units() -> None:
    text = str(write("tmx"))
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx')
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    from importlib.metadata import version

    assert dict(header.attrib) == {
        "creationtool": "transdesk", "creationtoolversion": version("transdesk"),
        "segtype": "sentence", "o-tmf": "transdesk", "adminlang": "en", "srclang": "ru",
        "datatype": "plaintext",
    }
    units = root.findall("body/tu")
    assert len(units) == 3  # the 1:0 and 0:1 beads are not units
    comments = [c.text for c in root.find("body").iter(etree.Comment)]
    assert comments and "2 bead(s) with no sentence on one side" in comments[0]
    for tu in units:
        assert [tuv.get(XML_LANG) for tu_ in [tu] for tuv in tu_.findall("tuv")] == ["ru", "en"]
    second = units[1]
    props = {p.get("type"): p.text for p in second.findall("prop")}
    assert props == {"x-score": "0.4200", "x-low-confidence": "yes", "x-src-ids": "1,2",
                     "x-tgt-ids": "1"}
    assert [s.text for s in second.iter("seg")] == [
        "Он напомнил о сроках. Отчёт сдан\tв срок.", "He recalled the deadlines."
    ]
    third = units[2]
    assert next(s.text for s in third.iter("seg")) == "Цена <1 000 ₽> & «скидка»."
    assert "&lt;1 000 ₽&gt; &amp; «скидка»" in text  # escaped, not raw markup
    assert {p.get("type"): p.text for p in units[0].findall("prop")}["x-low-confidence"] == "no"


def test_xlsx_rows_fill_and_frozen_header() -> None:
    from openpyxl import load_workbook

    data = write("xlsx")
    assert isinstance(data, bytes)
    sheet = load_workbook(io.BytesIO(data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["src_ids", "tgt_ids", "score", "low", "src_text", "tgt_text"]
    assert values[2] == ["1,2", "1", 0.42, "yes", "Он напомнил о сроках. Отчёт сдан\tв срок.",
                         "He recalled the deadlines."]
    assert values[5][:4] == [None, "4", 0.0, "yes"]
    filled = [r for r in range(2, sheet.max_row + 1)
              if sheet.cell(r, 5).fill.fgColor.rgb == "FFFFE699"]
    assert filled == [3, 5, 6]  # the 0.42 bead and both one-sided beads (score 0)
    assert sheet.cell(2, 5).fill.fill_type is None
    assert sheet.freeze_panes == "A2"
    assert sheet.cell(2, 5).alignment.wrap_text


def test_xlsx_keeps_formula_like_text_as_text() -> None:
    from openpyxl import load_workbook

    src = document("ru", ["=SUM(A1:A2)"])
    tgt = document("en", ["@risk"])
    data = get_writer("xlsx")(alignment(([0], [0], 0.9)), src, tgt, low_confidence=0.5)
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.cell(2, 5).value == "=SUM(A1:A2)" and sheet.cell(2, 5).data_type == "s"


def test_html_is_self_contained_escaped_and_marked() -> None:
    page = str(write("html"))
    assert page.startswith("<!DOCTYPE html>")
    assert "Цена &lt;1 000 ₽&gt; &amp; «скидка»." in page
    assert "<1 000" not in page
    assert "Price &lt;1,000 RUB&gt; &amp; &quot;discount&quot;." in page
    assert page.count('<tr class="low">') == 3
    assert page.count("⚠ check</span>") == 3
    assert page.count('<td class="unaligned">not aligned</td>') == 2
    assert "Лишняя фраза." in page and "An added sentence." in page
    assert "<style>" in page
    assert not re.search(r"""(src|href)=|url\(|@import""", page)  # no external resources
    assert "ru.txt (ru) – en.txt (en)" in page


def test_render_uses_the_project_threshold() -> None:
    from align.model import LOW_CONFIDENCE

    assert render("tsv", ALIGNMENT, SRC, TGT) == write("tsv", LOW_CONFIDENCE)


def test_documents_must_match_the_alignment() -> None:
    from core.errors import TransdeskError

    short = document("en", ["Only one."])
    with pytest.raises(TransdeskError, match="the documents have 5 and 1"):
        get_writer("tsv")(ALIGNMENT, SRC, short, low_confidence=0.5)


# --- every writer, random alignments ------------------------------------------------------


@st.composite
def cases(draw: st.DrawFn) -> tuple[Alignment, Document, Document]:
    sizes = draw(st.lists(
        st.tuples(st.integers(0, 4), st.integers(0, 4)).filter(lambda p: p != (0, 0)),
        min_size=1, max_size=12,
    ))
    beads, i, j = [], 0, 0
    for a, b in sizes:
        score = draw(st.floats(0, 1))
        beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), score))
        i, j = i + a, j + b
    # Unique, greppable texts that also carry what writers must escape or flatten.
    src = document("ru", [f"С{n:03d} <&>\tконец" for n in range(i)])
    tgt = document("en", [f"T{n:03d} \"q\"\nend" for n in range(j)])
    return Alignment(tuple(beads), i, j), src, tgt


def _tokens(text: str, letter: str) -> list[int]:
    return [int(m) for m in re.findall(rf"{letter}(\d{{3}})", text)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_every_writer_shows_every_sentence_once_in_order(
    case: tuple[Alignment, Document, Document],
) -> None:
    from openpyxl import load_workbook

    al, src, tgt = case
    n_src, n_tgt = range(al.n_src), range(al.n_tgt)
    out = {fmt: get_writer(fmt)(al, src, tgt, low_confidence=0.5) for fmt in FORMATS}

    # ids, in the formats that carry them
    notated = parse_beads(str(out["vecalign"]))
    assert [b.src for b in notated] == [b.src for b in al.beads]
    assert [b.tgt for b in notated] == [b.tgt for b in al.beads]
    objs = [json.loads(line) for line in str(out["jsonl"]).split("\n") if line]
    assert [i for o in objs for i in o["src_ids"]] == list(n_src)
    assert [j for o in objs for j in o["tgt_ids"]] == list(n_tgt)
    tsv_rows = [line.split("\t") for line in str(out["tsv"]).split("\n")[1:] if line]
    assert all(len(r) == 6 for r in tsv_rows)
    assert [int(i) for r in tsv_rows for i in r[0].split(",") if i] == list(n_src)
    assert [int(j) for r in tsv_rows for j in r[1].split(",") if j] == list(n_tgt)
    sheet = load_workbook(io.BytesIO(out["xlsx"])).active
    cells = [(r[0].value or "", r[1].value or "") for r in sheet.iter_rows(min_row=2)]
    assert [int(i) for s, _t in cells for i in s.split(",") if i] == list(n_src)
    assert [int(j) for _s, t in cells for j in t.split(",") if j] == list(n_tgt)

    # texts: every sentence once and in order (TSV, JSONL, HTML) ...
    for fmt in ("tsv", "jsonl", "html"):
        assert _tokens(str(out[fmt]), "С") == list(n_src), fmt
        assert _tokens(str(out[fmt]), "T") == list(n_tgt), fmt
    # ... and in TMX only the sentences of beads with both sides.
    root = etree.fromstring(str(out["tmx"]).encode("utf-8"))
    two_sided = [b for b in al.beads if b.src and b.tgt]
    assert len(root.findall("body/tu")) == len(two_sided)
    segs = " ".join(s.text or "" for s in root.iter("seg"))
    assert _tokens(segs, "С") == [i for b in two_sided for i in b.src]
    assert _tokens(segs, "T") == [j for b in two_sided for j in b.tgt]
