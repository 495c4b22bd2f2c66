"""Hostile and malformed XML is refused with a clear message, quickly, reading nothing else."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from core.errors import TransdeskError
from glossary.tbx_read import read_tbx

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
BODY = ('<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>"
        '<text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>{term}</term>'
        "</termSec></langSec></conceptEntry></body></text></tbx>")

BILLION_LAUGHS = HEAD + """<!DOCTYPE tbx [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
""" + BODY.format(term="&lol9;")

EXTERNAL = HEAD + """<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
""" + BODY.format(term="&xxe;")

PARAMETER = HEAD + """<!DOCTYPE tbx [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd">
%remote;]>
""" + BODY.format(term="x")


@pytest.mark.parametrize("document", [BILLION_LAUGHS, EXTERNAL, PARAMETER],
                         ids=["billion-laughs", "external-entity", "parameter-entity"])
def test_entity_declarations_are_refused(document: str, tmp_path: Path) -> None:
    path = tmp_path / "hostile.tbx"
    path.write_text(document, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(TransdeskError, match="refusing XML that declares entities") as info:
        read_tbx(path)
    assert time.perf_counter() - started < 2
    assert "root:" not in str(info.value)  # nothing of /etc/passwd in the message


def test_entities_beyond_the_prolog_check_are_refused_by_the_parse() -> None:
    # A long comment pushes the DOCTYPE past the bytes checked before parsing; the parser
    # never expands it, and the DTD check after parsing still refuses the file.
    padding = "<!-- " + "x" * 70_000 + " -->\n"
    document = HEAD + padding + EXTERNAL[len(HEAD):]
    with pytest.raises(TransdeskError, match="refusing XML that declares entities"):
        read_tbx(document.encode(), "padded.tbx")


def test_utf16_entity_declaration_is_refused() -> None:
    document = EXTERNAL.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    with pytest.raises(TransdeskError, match="declares entities"):
        read_tbx(document.encode("utf-16"), "utf16.tbx")


def test_undefined_entity_with_an_external_dtd_is_refused_not_fetched() -> None:
    document = (HEAD + '<!DOCTYPE tbx SYSTEM "http://example.invalid/tbx.dtd">\n'
                + BODY.format(term="caf&eacute;"))
    with pytest.raises(TransdeskError, match="entit"):
        read_tbx(document.encode(), "dtd.tbx")


def test_external_dtd_without_entities_is_read() -> None:
    document = (HEAD + '<!DOCTYPE tbx SYSTEM "http://example.invalid/tbx.dtd">\n'
                + BODY.format(term="café"))
    termbase = read_tbx(document.encode(), "dtd.tbx")
    assert termbase.concepts[0].terms[0].text == "café"


@pytest.mark.parametrize(("document", "message"), [
    (HEAD + BODY.format(term="x").replace("</termSec>", ""),
     r"broken\.tbx is not well-formed XML: .*line 2"),
    (HEAD + "<html><body/></html>", r"broken\.tbx is not a TBX file \(root element <html>\)"),
    ("", r"broken\.tbx is not well-formed XML"),
    (HEAD + BODY.format(term="x").replace('id="c1"', 'id="c1"').replace(
        "</conceptEntry>", '</conceptEntry><conceptEntry id="c1"><langSec xml:lang="en">'
        "<termSec><term>y</term></termSec></langSec></conceptEntry>"),
     "concept id 'c1' appears twice"),
    (HEAD + BODY.format(term="x").replace(' xml:lang="en"><termSec>', "><termSec>"),
     "has no xml:lang"),
])
def test_malformed_files_give_one_clear_message(document: str, message: str) -> None:
    with pytest.raises(TransdeskError, match=message) as info:
        read_tbx(document.encode(), "broken.tbx")
    assert "\n" not in str(info.value).strip()


def test_missing_file() -> None:
    with pytest.raises(TransdeskError, match="no such file"):
        read_tbx(Path("/nonexistent/glossary.tbx"))
