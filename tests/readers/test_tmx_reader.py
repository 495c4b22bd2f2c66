"""The one TMX reader: units by language, inline codes dropped, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import TransdeskError
from readers.tmx import base_lang, read_tmx

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="ru-RU" creationtool="t" creationtoolversion="1" segtype="sentence"
          o-tmf="x" adminlang="en" datatype="plaintext"/>
  <body>
    <tu tuid="a7">
      <tuv xml:lang="ru-RU"><seg>Минск, <bpt i="1">&lt;b&gt;</bpt>9 мая<ept
        i="1">&lt;/b&gt;</ept></seg></tuv>
      <tuv xml:lang="en_GB"><seg>Minsk, <hi>9 May</hi></seg></tuv>
    </tu>
    <tu>
      <tuv lang="EN"><seg>Only English.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_units_by_base_language(tmp_path: Path) -> None:
    path = tmp_path / "m.tmx"
    path.write_text(TMX, encoding="utf-8")
    tmx = read_tmx(path)
    assert tmx.srclang == "ru"
    assert tmx.languages == ("ru", "en")
    first, second = tmx.units
    assert first.id == "a7" and first.variants == {"ru": "Минск, 9 мая", "en": "Minsk, 9 May"}
    assert second.id == "2" and second.variants == {"en": "Only English."}


def test_namespaced_tmx_and_star_all(tmp_path: Path) -> None:
    path = tmp_path / "n.tmx"
    path.write_text(TMX.replace('<tmx version="1.4">', '<tmx xmlns="http://www.lisa.org/tmx14" '
                                'version="1.4">').replace('srclang="ru-RU"', 'srclang="*all*"'),
                    encoding="utf-8")
    tmx = read_tmx(path)
    assert tmx.srclang is None and len(tmx.units) == 2


@pytest.mark.parametrize(("content", "message"), [
    ("", "the file is empty"),
    ("<xliff version='1.2'/>", "not a TMX file (root element <xliff>)"),
    ("<tmx><body><tu>", "m.tmx"),
])
def test_bad_files_say_so_in_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "m.tmx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TransdeskError) as err:
        read_tmx(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_base_lang() -> None:
    assert [base_lang(c) for c in ("en-GB", "en_GB", "EN", "be")] == ["en", "en", "en", "be"]
