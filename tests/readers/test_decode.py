"""Encoding detection: every encoding a desk's files come in, and every way it fails."""

import codecs

import pytest

from core.errors import TransdeskError
from readers.decode import decode_bytes

RU = "Президент Республики Беларусь Александр Лукашенко возложил венок к Кургану Славы."
BE = "Прэзідэнт Рэспублікі Беларусь Аляксандр Лукашэнка ўсклаў вянок да Кургана Славы."
EN = "Aleksandr Lukashenko laid a wreath at the Mound of Glory."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(RU.encode("utf-8"), RU, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + BE.encode("utf-8"), BE, id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + RU.encode("utf-16-le"), RU, id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + BE.encode("utf-16-be"), BE, id="utf-16-be-bom"),
        pytest.param(RU.encode("cp1251"), RU, id="windows-1251-ru"),
        pytest.param(BE.encode("cp1251"), BE, id="windows-1251-be"),
        pytest.param(EN.encode("ascii"), EN, id="ascii"),
    ],
)
def test_detects_supported_encodings(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "x.txt") == expected


def test_forced_encoding_overrides_detection() -> None:
    # KOI8-R bytes would be refused by detection; the user may name the encoding.
    assert decode_bytes(RU.encode("koi8-r"), "x.txt", encoding="koi8-r") == RU


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        pytest.param(b"PK\x03\x04rest", None, "ZIP archive", id="docx-renamed"),
        pytest.param(b"%PDF-1.7\n", None, "PDF", id="pdf"),
        pytest.param(b"abc\x00\x01\x02def", None, "binary", id="nul-bytes"),
        pytest.param("Très bien, café.".encode("latin-1"), None, "not in a supported encoding",
                     id="latin-1"),
        pytest.param(RU.encode("koi8-r"), None, "not in a supported encoding", id="koi8-r"),
        pytest.param(RU.encode("cp1251"), "utf-8", "not valid utf-8", id="forced-wrong"),
        pytest.param(b"abc", "no-such-codec", "unknown encoding", id="unknown-codec"),
    ],
)
def test_refuses_what_it_cannot_read(data: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(TransdeskError, match=message):
        decode_bytes(data, "x.txt", encoding)
