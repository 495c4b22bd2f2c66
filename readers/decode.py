"""Turning the bytes of a text file into str: encoding detection and its failures."""

from __future__ import annotations

import codecs
import re

from core.errors import TransdeskError

_CASE_INVERTED = re.compile(r"[а-яёіў][А-ЯЁІЎ]{2,}")

SUPPORTED = "UTF-8, UTF-16 with a byte-order mark, or Windows-1251"

# Signatures of files people mistake for text: a Word file renamed .txt, a PDF, an image.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx file?)"),
    (b"%PDF", "a PDF file"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc or .xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
)


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode `data` (the content of `name`) with `encoding`, or detect it.

    Detection order: a byte-order mark (UTF-8, UTF-16, UTF-32), then strict UTF-8, then
    Windows-1251 when the result reads as Cyrillic text. Anything else is refused with a
    message naming the file.
    """
    if encoding:
        return _decode_forced(data, name, encoding)
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise TransdeskError(
                    f"{name}: starts with a {codec.upper()} byte-order mark but is not valid "
                    f"{codec.upper()} (byte {exc.start})"
                ) from None
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise TransdeskError(f"{name}: this is {what}, not a text file")
    if b"\x00" in data[:65536]:
        raise TransdeskError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1251", errors="replace")
    if "\ufffd" in text or not _reads_as_cyrillic(text):
        raise TransdeskError(
            f"{name}: text is not in a supported encoding ({SUPPORTED}); "
            "give the right one with --encoding"
        )
    return text


def _decode_forced(data: bytes, name: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise TransdeskError(f"unknown encoding {encoding!r}") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise TransdeskError(
            f"{name}: not valid {encoding} (byte {exc.start} cannot be decoded)"
        ) from None
    return text.removeprefix("\ufeff")


def _reads_as_cyrillic(text: str) -> bool:
    """Whether bytes decoded as Windows-1251 look like real Cyrillic prose.

    Every byte above 0xBF is a Cyrillic letter in Windows-1251, so Latin-1 or other
    single-byte text also "decodes". It betrays itself by Cyrillic letters glued to
    Latin letters inside one word ("cafй"), and by control characters. KOI8-R keeps its
    lowercase letters where Windows-1251 has capitals, so it reads as "пРЕЗИДЕНТ": a
    lowercase letter followed by capitals inside a word, which real prose almost never has.
    """
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
        return False
    cyr_words = mixed = inverted = 0
    for word in text.split():
        if not any("\u0400" <= c <= "\u04ff" for c in word):
            continue
        cyr_words += 1
        if any(c.isascii() and c.isalpha() for c in word):
            mixed += 1
        if _CASE_INVERTED.search(word):
            inverted += 1
    return cyr_words > 0 and mixed + inverted <= 0.1 * cyr_words
