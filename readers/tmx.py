"""TMX 1.4 files: translation units as {language: text}, read unit by unit.

The one TMX reader: the checks take source and target from it (`glossary.bitext`), scoring
one language as references or a source (`score.inputs`). Languages are base codes ("en" for
"en-GB"); each variant's text has inline codes dropped and its whitespace as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.errors import TransdeskError
from lang.codes import base_lang

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class TmxUnit:
    """One translation unit: its tuid (or its number from 1) and its text per language."""

    id: str
    variants: dict[str, str]


@dataclass(frozen=True)
class Tmx:
    """The units of a TMX file and the source language its header names (None for *all*)."""

    units: tuple[TmxUnit, ...]
    srclang: str | None

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language of the units, in order of first appearance."""
        return tuple(dict.fromkeys(lang for u in self.units for lang in u.variants))


def read_tmx(path: str | Path) -> Tmx:
    """The translation units of a TMX file; one line of error for anything else."""
    from core.xmlsafe import SafeXmlStream, inline_text, local_name, release

    p = Path(path)
    if p.is_file() and p.stat().st_size == 0:
        raise TransdeskError(f"{p}: the file is empty")
    stream = SafeXmlStream(p, ("{*}header", "{*}tu"), kind="TMX file")
    srclang: str | None = None
    units: list[TmxUnit] = []
    for element in stream:
        if local_name(element.tag) == "header":
            code = element.get("srclang") or ""
            srclang = base_lang(code) if code and code != "*all*" else None
            continue
        variants: dict[str, str] = {}
        for tuv in element:
            if local_name(tuv.tag) != "tuv":
                continue
            lang = base_lang(tuv.get(XML_LANG) or tuv.get("lang") or "")
            seg = next((c for c in tuv if local_name(c.tag) == "seg"), None)
            if lang and seg is not None:
                variants.setdefault(lang, inline_text(seg))
        units.append(TmxUnit(element.get("tuid") or str(len(units) + 1), variants))
        release(element)
    if stream.root is None or local_name(stream.root.tag) != "tmx":
        name = "none" if stream.root is None else f"<{local_name(stream.root.tag)}>"
        raise TransdeskError(f"{p}: not a TMX file (root element {name})")
    return Tmx(tuple(units), srclang)
