"""Input readers: plain text as sacrebleu reads it, tables, JSONL, WMT XML, TMX."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from core.errors import TransdeskError
from score.inputs import InputSpec, read_doc_ids, read_input, read_lines, read_wmt_xml

WMT_XML = """<?xml version="1.0" encoding="utf-8"?>
<dataset id="test">
  <collection id="general">
    <doc id="d1" origlang="ru">
      <src lang="ru"><p><seg id="1">Один.</seg><seg id="2">Два.</seg></p></src>
      <ref lang="en" translator="A"><p><seg id="1">One.</seg><seg id="2">Two.</seg></p></ref>
      <hyp system="sysX" lang="en"><p><seg id="2">Too.</seg><seg id="1">Won.</seg></p></hyp>
      <hyp system="sysY" lang="en"><p><seg id="1">One!</seg></p></hyp>
    </doc>
    <doc id="d2" origlang="ru">
      <src lang="ru"><p><seg id="1">Три &amp; четыре.</seg></p></src>
      <ref lang="en" translator="A"><p><seg id="1">Three &amp; four.</seg></p></ref>
      <hyp system="sysX" lang="en"><p><seg id="1">Tree and for.</seg></p></hyp>
      <hyp system="sysY" lang="en"><p><seg id="1">Three and four.</seg></p></hyp>
    </doc>
  </collection>
  <collection id="empty"/>
</dataset>
"""

OLD_XML = """<mteval>
<srcset setid="t" srclang="ru"><doc docid="a"><seg id="1">Раз.</seg><seg id="2">Два.</seg></doc>
</srcset>
<refset setid="t" trglang="en" refid="ref"><doc docid="a" sysid="ref">
<seg id="1">One.</seg><seg id="2">Two.</seg></doc></refset>
<tstset setid="t" trglang="en" sysid="m1"><doc docid="a" sysid="m1">
<seg id="1">Won.</seg><seg id="2">Too.</seg></doc></tstset>
</mteval>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header srclang="ru" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x"
          creationtool="x" creationtoolversion="1"/>
  <body>
    <tu><tuv xml:lang="ru"><seg>Первый.</seg></tuv>
        <tuv xml:lang="en-GB"><seg>The <bpt i="1">&lt;b&gt;</bpt>first<ept i="1">&lt;/b&gt;</ept>
 one.</seg></tuv></tu>
    <tu><tuv xml:lang="ru"><seg>Второй.</seg></tuv>
        <tuv lang="EN"><seg>The <hi>second</hi>.</seg></tuv></tu>
  </body>
</tmx>
"""


def test_plain_text_reads_like_sacrebleu(tmp_path: Path) -> None:
    path = tmp_path / "hyp.txt"
    path.write_bytes(b"one  \r\ntwo\t\n\nthree\xc2\xa0end \n")
    # Split on \n only; each line right-stripped; a blank line is an empty segment; the
    # no-break space inside a line is kept (sacrebleu keeps it).
    assert read_lines(path) == ("one", "two", "", "three\u00a0end")
    path.write_bytes(b"no newline at the end")
    assert read_lines(path) == ("no newline at the end",)


def test_plain_text_encodings(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("Привет, мир.\nВторая строка.\n".encode("cp1251"))
    assert read_lines(path) == ("Привет, мир.", "Вторая строка.")
    path.write_bytes("\ufeffBOM line\n".encode())
    assert read_lines(path) == ("BOM line",)


def test_spec_parsing(tmp_path: Path) -> None:
    assert InputSpec.parse("a=x.tsv#col") == InputSpec(Path("x.tsv"), "a", ("col",))
    assert InputSpec.parse("x.xml#A,B") == InputSpec(Path("x.xml"), None, ("A", "B"))
    odd = tmp_path / "odd=name#1.txt"
    odd.write_text("x\n", encoding="utf-8")
    assert InputSpec.parse(str(odd)) == InputSpec(odd)


def test_names(tmp_path: Path) -> None:
    path = tmp_path / "system-a.en"
    path.write_text("x\n", encoding="utf-8")
    assert read_input(str(path), "hyp")[0].name == "system-a.en"
    assert read_input(f"engine={path}", "hyp")[0].name == "engine"


def test_tsv_with_doc_ids_and_several_systems(tmp_path: Path) -> None:
    path = tmp_path / "drafts.tsv"
    path.write_text(
        'doc_id\tsource\treference\tdeepl\tgoogle\n'
        'd1\tПривет.\t"Hello."\tHi.\tHello!\n'
        'd2\tПока.\tBye.\tBye-bye.\tGoodbye.  \n', encoding="utf-8")
    systems = read_input(str(path), "hyp")
    assert [s.name for s in systems] == ["deepl", "google"]
    assert systems[1].texts == ("Hello!", "Goodbye.")
    assert systems[0].doc_ids == ("d1", "d2")
    ref = read_input(str(path), "ref")
    assert ref[0].texts == ('"Hello."', "Bye.")  # quotes are text in TSV
    assert read_input(str(path), "src")[0].texts == ("Привет.", "Пока.")
    assert read_input(f"{path}#google", "hyp")[0].name == "google"
    assert read_input(f"g={path}#google", "hyp")[0].name == "g"


def test_csv_with_quotes_and_newlines(tmp_path: Path) -> None:
    path = tmp_path / "drafts.csv"
    path.write_text('ref,mt\n"He said ""yes"".","He said, ""yes""."\nTwo,Too\n',
                    encoding="utf-8")
    assert read_input(str(path), "ref")[0].texts == ('He said "yes".', "Two")
    assert read_input(str(path), "hyp")[0].texts == ('He said, "yes".', "Too")


def test_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "drafts.xlsx"
    pl.DataFrame({"doc": ["d1", "d1"], "ref": ["One.", "1.50"], "mt": ["Won.", "1.5"]}
                 ).write_excel(path)
    systems = read_input(str(path), "hyp")
    assert [(s.name, s.texts, s.doc_ids) for s in systems] == [
        ("mt", ("Won.", "1.5"), ("d1", "d1"))]
    assert read_input(str(path), "ref")[0].texts == ("One.", "1.50")


def test_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "drafts.jsonl"
    rows = [{"docid": "a", "ref": "One.", "sys1": "Won."}, {"docid": "b", "ref": "Two.",
                                                            "sys1": "Too."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    [sys1] = read_input(str(path), "hyp")
    assert (sys1.name, sys1.texts, sys1.doc_ids) == ("sys1", ("Won.", "Too."), ("a", "b"))
    strings = tmp_path / "plain.jsonl"
    strings.write_text('"first"\n"second"\n', encoding="utf-8")
    assert read_input(str(strings), "hyp")[0].texts == ("first", "second")


def test_wmt_xml(tmp_path: Path) -> None:
    path = tmp_path / "test.xml"
    path.write_text(WMT_XML, encoding="utf-8")
    docs = read_wmt_xml(path)
    assert [d.id for d in docs] == ["d1", "d2"]
    systems = read_input(str(path), "hyp")
    assert [s.name for s in systems] == ["sysX", "sysY"]
    # Segments follow the source's ids, whatever the order in the system's block; a
    # segment a system left out is empty.
    assert systems[0].texts == ("Won.", "Too.", "Tree and for.")
    assert systems[1].texts == ("One!", "", "Three and four.")
    assert systems[0].doc_ids == ("d1", "d1", "d2")
    [ref] = read_input(str(path), "ref")
    assert (ref.name, ref.texts) == ("ref-A", ("One.", "Two.", "Three & four."))
    assert read_input(str(path), "src")[0].texts == ("Один.", "Два.", "Три & четыре.")
    assert read_input(f"best={path}#sysY", "hyp")[0].name == "best"


def test_old_style_wmt_xml(tmp_path: Path) -> None:
    path = tmp_path / "old.sgm"
    path.write_text(OLD_XML, encoding="utf-8")
    assert read_input(str(path), "hyp")[0].texts == ("Won.", "Too.")
    assert read_input(str(path), "ref")[0].texts == ("One.", "Two.")


def test_tmx(tmp_path: Path) -> None:
    path = tmp_path / "memory.tmx"
    path.write_text(TMX, encoding="utf-8")
    [ref] = read_input(str(path), "ref")
    assert ref.texts == ("The first one.", "The second.")  # inline codes dropped
    assert read_input(str(path), "src")[0].texts == ("Первый.", "Второй.")
    assert read_input(f"{path}#ru", "ref")[0].texts == ("Первый.", "Второй.")


@pytest.mark.parametrize(
    ("name", "content", "role", "message"),
    [
        ("empty.txt", "", "hyp", "the file is empty"),
        ("bad.xml", "<dataset><doc id='x'>", "hyp", "is not well-formed XML"),
        ("bomb.xml", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><dataset/>', "hyp",
         "refusing XML that declares entities"),
        ("other.xml", "<html/>", "hyp", "not a WMT XML file"),
        ("x.tsv", "a\tb\nonly one\n", "hyp", "line 2 has 1 fields, the header has 2"),
        ("x.tsv", "a\tb\nx\ty\n", "ref", "say which column holds the reference"),
        ("x.jsonl", '{"a": "x"}\n{"b": "y"}\n', "hyp", "record 2 has no 'a'"),
        ("x.jsonl", "not json\n", "hyp", "line 1 is not JSON"),
        ("m.tmx", TMX, "hyp", "name the draft's language"),
    ],
)
def test_errors(tmp_path: Path, name: str, content: str, role: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TransdeskError, match=message):
        read_input(str(path), role)  # type: ignore[arg-type]


def test_missing_field_and_file(tmp_path: Path) -> None:
    path = tmp_path / "test.xml"
    path.write_text(WMT_XML, encoding="utf-8")
    with pytest.raises(TransdeskError, match="no system 'sysZ'; it has sysX, sysY"):
        read_input(f"{path}#sysZ", "hyp")
    with pytest.raises(TransdeskError, match="holds 2 systems"):
        read_input(f"name={path}", "hyp")
    with pytest.raises(TransdeskError, match="no such file"):
        read_input(str(tmp_path / "nope.txt"), "hyp")


def test_doc_ids(tmp_path: Path) -> None:
    path = tmp_path / "ids.txt"
    path.write_text("a\na\nb\n", encoding="utf-8")
    assert read_doc_ids(path) == ("a", "a", "b")
    path.write_text("a\n\nb\n", encoding="utf-8")
    with pytest.raises(TransdeskError, match="line 2 has no document id"):
        read_doc_ids(path)
