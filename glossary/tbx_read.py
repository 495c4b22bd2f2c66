"""Reading TBX: v3 TBX-Basic (DCA and DCT style), TBX-Min, and TBX 2 (`martif`) files.

The parser is configured for untrusted files: no entity is ever expanded, no DTD or other
resource is fetched, and the tree depth and text sizes stay within libxml2's default limits.
A file whose DOCTYPE declares entities (entity-expansion bombs, external entities that would
read local files) is refused outright with a message that says why.

Every dialect is first brought to the TBX-Basic DCA shape (DCT data-category elements become
`termNote`, `descrip`, `admin`…; `termEntry`, `langSet`, `tig`, `ntig` become their v3
names), then mapped onto the model. What the model has no field for becomes an `Extra`, so
the writer can put it back. Statuses follow corpora/README.md: a
`deprecatedTerm-admn-sts` term with a note beginning with the word "forbidden" is forbidden.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import TransdeskError
from core.xmlsafe import release
from glossary.model import Concept, Extra, MatchMode, Settings, Status, Term, Termbase

if TYPE_CHECKING:
    from lxml import etree

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
_TBX = f"{{{TBX_NS}}}"

SETTING_TYPE = "transdesk-setting"  # <p type="…"> in encodingDesc holding one desk setting

# Administrative status values (TBX-Basic picklist, plus TBX-Default ones met in the wild).
ADMIN_STATUS: dict[str, Status] = {
    "preferredTerm-admn-sts": Status.PREFERRED,
    "admittedTerm-admn-sts": Status.ADMITTED,
    "deprecatedTerm-admn-sts": Status.DEPRECATED,
    "supersededTerm-admn-sts": Status.DEPRECATED,  # corpora/README.md
    "standardizedTerm-admn-sts": Status.PREFERRED,
    "legalTerm-admn-sts": Status.ADMITTED,
    "regulatedTerm-admn-sts": Status.ADMITTED,
}
# The value the writer puts for each status (forbidden adds its note).
STATUS_VALUES: dict[Status, str] = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "deprecatedTerm-admn-sts",
    Status.FORBIDDEN: "deprecatedTerm-admn-sts",
}
# TBX-Min's usageStatus, and the values LTAC's own test files use instead.
USAGE_STATUS: dict[str, Status] = {
    "preferred": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "notRecommended": Status.DEPRECATED,
    "obsolete": Status.DEPRECATED,
    "deprecated": Status.DEPRECATED,
}

# "forbidden", "forbidden: a different place", "forbidden - …": the forbidden mark of a note.
FORBIDDEN_NOTE = re.compile(r"forbidden\b(?::[ \t]*|[ \t]+)?(.*)", re.DOTALL)
_FORBIDDEN_PREFIX = "forbidden: "
# Notes that carry what TBX-Basic has no data category for (see tbx_write).
CASE_NOTE = "case: sensitive"
EXACT_NOTE = "match: exact"
PATTERN_NOTE = "match: pattern "

# DCT style: a data category is an element of its own in a module namespace; in DCA style
# it is the `type` of a core element.
DCT_TO_DCA: dict[str, str] = {
    "administrativeStatus": "termNote",
    "usageStatus": "termNote",
    "partOfSpeech": "termNote",
    "termType": "termNote",
    "grammaticalGender": "termNote",
    "geographicalUsage": "termNote",
    "termLocation": "termNote",
    "subjectField": "descrip",
    "definition": "descrip",
    "context": "descrip",
    "source": "admin",
    "customerSubset": "admin",
    "projectSubset": "admin",
    "transactionType": "transac",
    "responsibility": "transacNote",
    "xGraphic": "xref",
    "externalCrossReference": "xref",
    "crossReference": "ref",
}
# TBX 2 (ISO 30042:2008) element names and their v3 equivalents.
TBX2_TO_V3: dict[str, str] = {
    "martifHeader": "tbxHeader",
    "termEntry": "conceptEntry",
    "langSet": "langSec",
    "tig": "termSec",
    "ntig": "termSec",
    "refObjectList": "refObjectSec",
}
# Inline markup: an element holding one of these has mixed content and is never re-indented.
INLINE_TAGS = frozenset({"hi", "foreign", "ph", "sc", "ec", "bpt", "ept", "it"})
_TERMNOTE_TAGS = frozenset({"termNote", "termNoteGrp"})

# Local names of the TBX elements the reader maps, by tag with and without the namespace:
# one dictionary look-up per element instead of string slicing (a large file has millions).
_MAPPED = ("conceptEntry", "langSec", "termSec", "term", "termNote", "note", "descrip",
           "admin", "transacGrp", "transac", "date")
_KNOWN_TAGS: dict[str, str] = {**{_TBX + n: n for n in _MAPPED}, **{n: n for n in _MAPPED}}


def read_tbx(source: str | Path | bytes, name: str | None = None) -> Termbase:
    """Read a TBX file (path or bytes) of any supported dialect into a Termbase.

    `name` labels the file in messages. Malformed XML, entity declarations, unresolved
    entity references and files that are not TBX raise TransdeskError.
    """
    from core.xmlsafe import SafeXmlStream

    stream = SafeXmlStream(
        source, ("{*}conceptEntry", "termEntry", "{*}tbxHeader", "martifHeader", "{*}back"),
        label=name or (None if isinstance(source, bytes) else str(source)),
        kind="glossary file",
    )
    if isinstance(source, bytes) and name is None:
        stream.label = "glossary"
    reader = _Reader(stream.label)
    for element in stream:
        reader.take(element)
    assert stream.root is not None  # the stream raises for a file without a root
    reader.check_root(stream.root)
    return reader.result()


class _Reader:
    """Turns the elements iterparse hands over into the parts of a Termbase."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.concepts: list[Concept] = []
        self.ids: set[str] = set()
        self.header: tuple[Extra, ...] = ()
        self.settings = Settings()
        self.back: tuple[Extra, ...] = ()
        self.lang = "en"
        self.dialect: str | None = None  # "dct", "tbx2" or "dca", known at the first element

    def take(self, element: etree._Element) -> None:
        if self.dialect is None:
            root = element.getroottree().getroot()
            self.check_root(root)
        local = _local(element.tag) or ""
        if self.dialect != "dca":
            _to_dca(element, dct=self.dialect == "dct")
            local = TBX2_TO_V3.get(local, local)
        if local == "conceptEntry":
            self._concept(element)
        elif local == "tbxHeader":
            self._header(element)
        elif local == "back":
            self.back = _children_as_extras(element)
        release(element)  # a 100,000-concept file stays small in memory

    def check_root(self, root: etree._Element) -> None:
        local = _local(root.tag) if isinstance(root.tag, str) else None
        if local not in ("tbx", "martif"):
            shown = local or str(root.tag)
            raise TransdeskError(f"{self.label} is not a TBX file (root element <{shown}>)")
        if self.dialect is None:
            if local == "martif":
                self.dialect = "tbx2"
            else:
                self.dialect = "dct" if (root.get("style") or "").lower() == "dct" else "dca"
            self.lang = root.get(XML_LANG) or self.lang

    def result(self) -> Termbase:
        return Termbase(concepts=tuple(self.concepts), settings=self.settings,
                        header=self.header, back=self.back, lang=self.lang)

    def _header(self, element: etree._Element) -> None:
        children = []
        for extra in _children_as_extras(element):
            if extra.tag == "encodingDesc":
                extra = self._take_settings(extra)
                if extra is None:
                    continue
            children.append(extra)
        self.header = tuple(children)

    def _take_settings(self, desc: Extra) -> Extra | None:
        """Pull the desk settings out of encodingDesc; None if nothing else is left."""
        kept, values = [], []
        for p in desc.children:
            kind = p.attr("type")
            if p.tag == "p" and kind == SETTING_TYPE and "=" in p.text and not p.children:
                key, _, value = p.text.partition("=")
                values.append((key.strip(), value.strip()))
            elif p.tag == "p" and kind == "XCSURI" and self.dialect == "tbx2":
                continue  # the TBX 2 dialect pointer says nothing true of the v3 file we write
            else:
                kept.append(p)
        self.settings = Settings(tuple(sorted(dict(values).items())))
        if not kept:
            return None
        return Extra(desc.tag, desc.attrs, desc.text, tuple(kept), desc.tail)

    def _concept(self, element: etree._Element) -> None:
        cid = element.get("id") or self._fallback_id()
        if cid in self.ids:
            raise TransdeskError(
                f"{self.label}: concept id {cid!r} appears twice (line {element.sourceline})"
            )
        self.ids.add(cid)
        subject = definition = note = None
        created = modified = None
        extras: list[Extra] = []
        terms: list[Term] = []
        lang_extras: dict[str, list[Extra]] = {}
        for child in element:
            name = _KNOWN_TAGS.get(child.tag) or self._name(child)  # type: ignore[call-overload]
            if name is None:
                continue
            if name == "langSec":
                lang = child.get(XML_LANG)
                if not lang:
                    raise TransdeskError(
                        f"{self.label}: a language section of concept {cid!r} has no xml:lang "
                        f"(line {child.sourceline})"
                    )
                self._lang_section(child, lang, terms, lang_extras.setdefault(lang, []))
                continue
            kind = child.get("type")
            if name == "descrip" and _is_leaf(child, 1):
                if kind == "subjectField" and subject is None:
                    subject = child.text or ""
                    continue
                if kind == "definition" and definition is None:
                    definition = child.text or ""
                    continue
            elif name == "note" and note is None and _is_leaf(child, 0):
                note = child.text or ""
                continue
            elif name == "transacGrp":
                when = _simple_transaction(child)
                if when is not None and when[0] == "origination" and created is None:
                    created = when[1]
                    continue
                if when is not None and when[0] == "modification" and modified is None:
                    modified = when[1]
                    continue
            extras.append(_extra(child))
        self.concepts.append(Concept(
            id=cid, terms=tuple(terms), subject=subject, definition=definition, note=note,
            created=created, modified=modified, extras=tuple(extras),
            lang_extras=tuple((lang, tuple(x)) for lang, x in lang_extras.items() if x),
        ))

    def _fallback_id(self) -> str:
        # TBX 2 made ids optional; number the entries that lack one, skipping taken ids.
        n = len(self.concepts) + 1
        while f"entry-{n}" in self.ids:
            n += 1
        return f"entry-{n}"

    def _name(self, child: etree._Element) -> str | None:
        """The local name of a child to map, or None for comments; refuses entity refs."""
        tag = child.tag
        known = _KNOWN_TAGS.get(tag)  # type: ignore[call-overload]
        if known is not None:
            return known
        if isinstance(tag, str):
            return _local(tag) or ""
        from lxml import etree

        if tag is etree.Entity:
            raise TransdeskError(
                f"{self.label}: unresolved entity reference {child.text} "
                f"(line {child.sourceline}); glossary files may not use entities"
            )
        return None

    def _flat_text(self, element: etree._Element) -> str:
        """The text of a term with inline markup; refuses an entity reference inside."""
        for inner in element.iter():
            self._name(inner)
        return "".join(element.itertext())

    def _lang_section(self, element: etree._Element, lang: str, terms: list[Term],
                      extras: list[Extra]) -> None:
        for child in element:
            name = _KNOWN_TAGS.get(child.tag) or self._name(child)  # type: ignore[call-overload]
            if name is None:
                continue
            if name == "termSec":
                terms.append(self._term(child, lang))
            else:
                extras.append(_extra(child))

    def _term(self, element: etree._Element, lang: str) -> Term:
        text: str | None = None
        admin: str | None = None
        usage: Status | None = None
        fields: dict[str, str] = {}
        notes: list[str] = []
        source = None
        created = modified = None
        extras: list[Extra] = []
        for child in element:
            name = _KNOWN_TAGS.get(child.tag) or self._name(child)  # type: ignore[call-overload]
            if name is None:
                continue
            if name == "term" and text is None:
                text = (child.text or "") if len(child) == 0 else self._flat_text(child)
                continue
            if name == "termNote" and _is_leaf(child, 1):
                kind, value = child.get("type"), child.text or ""
                if kind == "administrativeStatus" and admin is None and value in ADMIN_STATUS:
                    admin = value
                    continue
                if kind == "usageStatus" and usage is None and value in USAGE_STATUS:
                    usage = USAGE_STATUS[value]
                    continue
                if kind in ("partOfSpeech", "termType", "grammaticalGender") and (
                    kind not in fields
                ):
                    fields[kind] = value
                    continue
            elif name == "note" and _is_leaf(child, 0):
                notes.append(child.text or "")
                continue
            elif name == "admin" and source is None and _is_leaf(child, 1) and (
                child.get("type") == "source"
            ):
                source = child.text or ""
                continue
            elif name == "transacGrp":
                when = _simple_transaction(child)
                if when is not None and when[0] == "origination" and created is None:
                    created = when[1]
                    continue
                if when is not None and when[0] == "modification" and modified is None:
                    modified = when[1]
                    continue
            extras.append(_extra(child))
        if text is None:
            raise TransdeskError(
                f"{self.label}: a term section has no <term> (line {element.sourceline})"
            )
        status = ADMIN_STATUS[admin] if admin else usage or Status.ADMITTED
        may_be_forbidden = admin == "deprecatedTerm-admn-sts"
        note: str | None = None
        case_sensitive = False
        match = MatchMode.INFLECTING
        pattern = None
        human: list[str] = []
        for text_of_note in notes:
            forbidden = FORBIDDEN_NOTE.match(text_of_note) if may_be_forbidden else None
            if forbidden and status is not Status.FORBIDDEN:
                status = Status.FORBIDDEN
                # "forbidden: why", as written here, keeps the reason exactly; hand-written
                # variants ("forbidden - why") lose their separator.
                if text_of_note.startswith(_FORBIDDEN_PREFIX):
                    note = text_of_note[len(_FORBIDDEN_PREFIX):]
                else:
                    note = forbidden.group(1) or None
            elif text_of_note == CASE_NOTE and not case_sensitive:
                case_sensitive = True
            elif text_of_note == EXACT_NOTE and match is MatchMode.INFLECTING:
                match = MatchMode.EXACT
            elif text_of_note.startswith(PATTERN_NOTE) and match is MatchMode.INFLECTING:
                match = MatchMode.PATTERN
                pattern = text_of_note[len(PATTERN_NOTE):]
            else:
                human.append(text_of_note)
        if status is not Status.FORBIDDEN and human:
            note = human.pop(0)
        # Term notes first, as the writer puts them: the order of extras is then stable.
        ordered = []
        if admin and admin != STATUS_VALUES[status]:
            # A valid value with no status of its own (superseded, standardized): kept, so
            # that the writer puts it back while the status stays what it was.
            ordered.append(Extra("termNote", (("type", "administrativeStatus"),), admin))
        ordered += [x for x in extras if x.tag in _TERMNOTE_TAGS]
        ordered += [x for x in extras if x.tag not in _TERMNOTE_TAGS]
        ordered += [Extra("note", text=n) for n in human]
        return Term(
            lang=lang, text=text, status=status, part_of_speech=fields.get("partOfSpeech"),
            term_type=fields.get("termType"), gender=fields.get("grammaticalGender"),
            case_sensitive=case_sensitive, match=match, pattern=pattern, note=note,
            source=source, created=created, modified=modified, extras=tuple(ordered),
        )


def _local(tag: str) -> str | None:
    """The local name of a TBX (or namespace-less) tag; None for a foreign namespace."""
    known = _KNOWN_TAGS.get(tag)
    if known is not None:
        return known
    if tag.startswith(_TBX):
        return tag[len(_TBX):]
    if tag[:1] != "{":
        return tag
    return None


def _is_leaf(element: etree._Element, max_attrs: int) -> bool:
    """Text only, and no attributes beyond `type` (max_attrs=1) or none (0)."""
    if len(element):
        return False
    keys = element.keys()
    return not keys or (max_attrs == 1 and keys == ["type"])


def _simple_transaction(element: etree._Element) -> tuple[str, date] | None:
    """(kind, date) of a transacGrp holding only a transactionType and an ISO date."""
    if len(element) != 2 or element.keys():
        return None
    first, second = element
    if _KNOWN_TAGS.get(first.tag) != "transac" or _KNOWN_TAGS.get(second.tag) != "date":
        return None
    if first.keys() != ["type"] or first.get("type") != "transactionType" or second.keys():
        return None
    if len(first) or len(second) or first.text not in ("origination", "modification"):
        return None
    try:
        when = date.fromisoformat(second.text or "")
    except ValueError:
        return None
    # Only a date that writes back the same way is a date; "2010-4-7" stays an extra.
    if when.isoformat() != second.text:
        return None
    return str(first.text), when


def _children_as_extras(element: etree._Element) -> tuple[Extra, ...]:
    return tuple(_extra(child) for child in element if isinstance(child.tag, str))


def _extra(element: etree._Element) -> Extra:
    """An element as an Extra: TBX names made local, whitespace between elements dropped."""
    from lxml import etree

    tag = element.tag
    name = _local(tag) if isinstance(tag, str) else None
    attrs = tuple((_attr_name(k), v) for k, v in element.attrib.items())
    kids: list[etree._Element] = []
    for child in element:
        if isinstance(child.tag, str):
            kids.append(child)
        elif child.tag is etree.Entity:
            raise TransdeskError(
                f"unresolved entity reference {child.text} (line {child.sourceline}); "
                "glossary files may not use entities"
            )
    text = element.text or ""
    element_only = bool(kids) and not text.strip() and all(
        not (k.tail or "").strip() and (_local(k.tag) or "") not in INLINE_TAGS for k in kids
    )
    children = []
    for kid in kids:
        child = _extra(kid)
        tail = "" if element_only else kid.tail or ""
        children.append(Extra(child.tag, child.attrs, child.text, child.children, tail))
    return Extra(name if name is not None else str(tag), attrs, "" if element_only else text,
                 tuple(children))


def _attr_name(key: str) -> str:
    if key.startswith(f"{{{XML_NS}}}"):
        return "xml:" + key[len(XML_NS) + 2:]
    return key


def _to_dca(entry: etree._Element, dct: bool) -> None:
    """Rewrite a DCT-style or TBX 2 subtree in place into TBX-Basic DCA element names."""
    for element in list(entry.iter()):
        tag = element.tag
        if not isinstance(tag, str):
            continue
        local = _local(tag)
        if local is not None:
            if local in TBX2_TO_V3:
                element.tag = TBX2_TO_V3[local]
                if local == "ntig":
                    _flatten_term_group(element)
        elif dct:
            category = tag.rpartition("}")[2]
            dca = DCT_TO_DCA.get(category)
            if dca is not None:
                attrs = dict(element.attrib)
                element.attrib.clear()
                element.tag = dca
                element.set("type", category)
                for key, value in attrs.items():
                    element.set(key, value)


def _flatten_term_group(ntig: etree._Element) -> None:
    """TBX 2 ntig: termGrp(term, termNote…) becomes the leading children of the termSec."""
    for group in list(ntig):
        if isinstance(group.tag, str) and _local(group.tag) == "termGrp":
            index = ntig.index(group)
            for offset, child in enumerate(list(group)):
                ntig.insert(index + offset, child)
            ntig.remove(group)
