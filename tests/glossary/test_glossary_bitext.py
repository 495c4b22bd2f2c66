"""Reading bitexts: line-parallel files, TSV, JSON Lines, TMX, XLIFF 1.2 and XLIFF 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from glossary_samples import ROOT

from core.errors import TransdeskError
from glossary.bitext import Segment, read_bitext, read_parallel

FORMATS = ROOT.parent / "shared" / "data" / "formats"

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none"
          adminlang="en" srclang="ru-RU" datatype="plaintext"/>
  <body>
    <tu tuid="a1">
      <tuv xml:lang="ru-RU"><seg>Президент <bpt i="1">&lt;b&gt;</bpt>Беларуси<ept i="1"\
>&lt;/b&gt;</ept></seg></tuv>
      <tuv xml:lang="en-GB"><seg>President of <hi>Byelorussia</hi></seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="ru-RU"><seg>Минск</seg></tuv>
    </tu>
  </body>
</tmx>
"""

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="doc.txt" source-language="be" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="u1">
        <source>Ветэраны <g id="1">Вялікай Айчыннай</g> вайны<x id="2"/>.</source>
        <target state="translated">Veterans of the <g id="1">Great Fatherland</g> War<x \
id="2"/>.</target>
      </trans-unit>
      <trans-unit id="u2">
        <source>Без перакладу.</source>
      </trans-unit>
      <trans-unit id="u3">
        <source>Мінск<ph id="3">{0}</ph></source>
        <target>Minsk<ph id="3">{0}</ph></target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <segment id="s1">
        <source>9 мая <pc id="1">1945</pc> года.</source>
        <target>On 9 May <pc id="1">1954</pc>.</target>
      </segment>
      <segment id="s2">
        <source>Курган<ph id="2"/> Славы</source>
        <target>Mound of Glory<cp hex="00A0"/></target>
      </segment>
    </unit>
    <unit id="u2">
      <segment><source>Нет перевода.</source></segment>
    </unit>
  </file>
</xliff>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_line_parallel(tmp_path: Path) -> None:
    src = write(tmp_path, "a.ru", "Минск.\nБрест.\n")
    tgt = write(tmp_path, "a.en", "Minsk.\nBrest.\n")
    bitext = read_parallel(src, tgt)
    assert bitext.segments == (Segment("1", "Минск.", "Minsk."), Segment("2", "Брест.", "Brest."))
    write(tmp_path, "b.en", "Minsk.\n")
    with pytest.raises(TransdeskError, match="same number"):
        read_parallel(src, tmp_path / "b.en")


def test_tsv_from_align(tmp_path: Path) -> None:
    path = write(tmp_path, "x.tsv", "src_ids\ttgt_ids\tscore\tlow\tsrc_text\ttgt_text\n"
                                    "0,1\t0\t0.9\t\tМинск. Брест.\tMinsk and Brest.\n"
                                    "2\t\t0.2\tyes\tГомель.\t\n")
    segments = read_bitext(path).segments
    assert segments == (Segment("[0, 1]:[0]", "Минск. Брест.", "Minsk and Brest."),
                        Segment("[2]:[]", "Гомель.", ""))


def test_tsv_with_language_codes_or_without_header(tmp_path: Path) -> None:
    coded = read_bitext(write(tmp_path, "c.tsv", "id\tbe\ten\nk1\tМінск\tMinsk\n"))
    assert (coded.src_lang, coded.tgt_lang) == ("be", "en")
    assert coded.segments == (Segment("k1", "Мінск", "Minsk"),)
    bare = read_bitext(write(tmp_path, "d.tsv", "Мінск\tMinsk\nБрэст\tBrest\n"))
    assert bare.segments[1] == Segment("2", "Брэст", "Brest")


def test_jsonl_from_align(tmp_path: Path) -> None:
    path = write(tmp_path, "x.jsonl", '{"src_ids": [0], "tgt_ids": [0, 1], "score": 1, '
                                      '"low_confidence": false, "src": "Минск.", '
                                      '"tgt": "Minsk. The capital."}\n')
    assert read_bitext(path).segments == (Segment("[0]:[0, 1]", "Минск.",
                                                  "Minsk. The capital."),)


def test_tmx(tmp_path: Path) -> None:
    bitext = read_bitext(write(tmp_path, "m.tmx", TMX))
    assert (bitext.src_lang, bitext.tgt_lang, bitext.skipped) == ("ru", "en", 1)
    assert bitext.segments == (Segment("a1", "Президент Беларуси", "President of Byelorussia"),)


def test_xliff_12(tmp_path: Path) -> None:
    bitext = read_bitext(write(tmp_path, "m.xlf", XLIFF12))
    assert (bitext.src_lang, bitext.tgt_lang, bitext.skipped) == ("be", "en", 1)
    assert bitext.segments == (
        Segment("u1", "Ветэраны Вялікай Айчыннай вайны.", "Veterans of the Great Fatherland War."),
        Segment("u3", "Мінск", "Minsk"),
    )


def test_xliff_2(tmp_path: Path) -> None:
    bitext = read_bitext(write(tmp_path, "m.xliff", XLIFF2))
    assert (bitext.src_lang, bitext.tgt_lang, bitext.skipped) == ("ru", "en", 1)
    assert bitext.segments == (
        Segment("u1/s1", "9 мая 1945 года.", "On 9 May 1954."),
        Segment("u1/s2", "Курган Славы", "Mound of Glory\u00a0"),
    )


def test_hostile_xml_is_refused(tmp_path: Path) -> None:
    hostile = TMX.replace('<?xml version="1.0" encoding="UTF-8"?>',
                          '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM '
                          '"file:///etc/passwd">]>')
    with pytest.raises(TransdeskError, match="refusing XML that declares entities"):
        read_bitext(write(tmp_path, "h.tmx", hostile))
    with pytest.raises(TransdeskError, match="not well-formed"):
        read_bitext(write(tmp_path, "b.xlf", "<xliff><file>"))
    with pytest.raises(TransdeskError, match="cannot tell a bitext"):
        read_bitext(write(tmp_path, "x.doc", "x"))


def shared(name: str) -> Path:
    path = FORMATS / name
    if not path.is_file():
        pytest.skip(f"shared sample {name} not present")
    return path


@pytest.mark.parametrize(("name", "units", "first"), [
    ("tmx/okapi_tmxtest-attributes.tmx", None, None),
    ("xliff/xliff11_translate-toolkit_states.xlf", 8, Segment("1", "One", "Un")),
    ("xliff/xliff20_oasis_withReferences.xlf", 2, Segment(
        "2/1", "Load Registry Config", "Chargement du registre de configuration")),
    ("xliff/xliff22_oasis_gls_glossEntry.xlf", 1, Segment("xmrk_000_concept/xmrk_001_title",
                                                         "Skiing", "Skiing")),
])
def test_shared_samples(name: str, units: int | None, first: Segment | None) -> None:
    bitext = read_bitext(shared(name), tgt_lang="fr-FR" if name.endswith(".tmx") else None)
    assert bitext.segments
    if units is not None:
        assert len(bitext.segments) == units
    if first is not None:
        assert bitext.segments[0] == first


def test_shared_xliff_without_targets() -> None:
    bitext = read_bitext(shared("xliff/xliff12_okapi_lqiTest.xlf"))
    assert bitext.segments == () and bitext.skipped == 2
