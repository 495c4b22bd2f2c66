"""Reading untrusted XML (TBX, TMX, XLIFF) element by element, safely.

The parser never expands an entity, fetches nothing (no DTD, no network), and stays within
libxml2's default limits on depth and text size. A file whose prolog or internal DTD declares
entities (entity-expansion bombs, external entities that would read local files) is refused
with a message that says why; malformed XML becomes one TransdeskError naming the file.
Elements are handed over as they end and can be cleared by the caller, so a file of a
million translation units stays small in memory.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import TransdeskError

if TYPE_CHECKING:
    from lxml import etree

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_PROLOG_BYTES = 1 << 16


class SafeXmlStream:
    """The elements named by `tags` of an XML file (path or bytes), as each one ends.

    Iterate once. `root` is the document element once iteration has begun (None for a
    file without one). `label` names the file in messages; `kind` says what it should be
    ("glossary file", "TMX file") in the refusal of entities.
    """

    def __init__(self, source: str | Path | bytes, tags: Iterable[str], *,
                 label: str | None = None, kind: str = "file") -> None:
        if isinstance(source, bytes):
            self.label = label or "input"
            head = source[:_PROLOG_BYTES]
            self._stream: str | io.BytesIO = io.BytesIO(source)
        else:
            self.label = label or str(source)
            try:
                with open(source, "rb") as handle:
                    head = handle.read(_PROLOG_BYTES)
            except FileNotFoundError:
                raise TransdeskError(f"no such file: {source}") from None
            except IsADirectoryError:
                raise TransdeskError(f"{source}: is a folder, not a file") from None
            except OSError as exc:
                raise TransdeskError(f"cannot read {source}: {exc.strerror}") from None
            self._stream = str(source)
        self.kind = kind
        self._tags = tuple(tags)
        self.root: etree._Element | None = None
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            head = head.decode("utf-16", errors="replace").encode("utf-8")
        if _ENTITY_DECLARATION.search(head):
            raise self.entity_error()

    def __iter__(self) -> Iterator[etree._Element]:
        from lxml import etree

        events = etree.iterparse(
            self._stream, events=("end",), tag=self._tags,
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
            remove_comments=True, remove_pis=True,
        )
        first = True
        try:
            for _, element in events:
                if first:
                    first = False
                    self.root = element.getroottree().getroot()
                    dtd = element.getroottree().docinfo.internalDTD
                    if dtd is not None and any(True for _ in dtd.iterentities()):
                        raise self.entity_error()
                yield element
            if self.root is None:
                self.root = events.root
        except etree.XMLSyntaxError as exc:
            detail = exc.msg or str(exc)  # str() repeats the file name lxml was given
            raise TransdeskError(f"{self.label} is not well-formed XML: {detail}") from None
        if self.root is None:
            raise TransdeskError(f"{self.label} is empty or not XML")

    def entity_error(self) -> TransdeskError:
        """The refusal of a file that declares entities."""
        return TransdeskError(
            f"{self.label}: refusing XML that declares entities (<!ENTITY …>); entity "
            f"expansion and external entities are not allowed in a {self.kind}"
        )


def release(element: etree._Element) -> None:
    """Free an element that has been read, and the siblings before it."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def local_name(tag: object) -> str:
    """"{ns}name" -> "name"; "" for comments and other non-element nodes."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_tree(source: str | Path | bytes, *, label: str | None = None,
               kind: str = "file") -> etree._Element:
    """The whole document element of a small XML file, read with the same safety rules."""
    stream = SafeXmlStream(source, (), label=label, kind=kind)
    for _ in stream:
        pass
    assert stream.root is not None  # iteration raises for a file without one
    return stream.root


# Inline elements of TMX and XLIFF 1.2 whose content is native code (formatting tags of the
# original file), not text.
CODE_ELEMENTS = frozenset({"bpt", "ept", "ph", "it", "ut", "sub"})


def inline_text(element: etree._Element) -> str:
    """The text of a TMX or XLIFF segment: inline codes dropped, marked-up text kept."""
    parts = [element.text or ""]
    for child in element:
        name = local_name(child.tag)
        if name == "cp":  # XLIFF 2: a character XML cannot carry
            with contextlib.suppress(ValueError):
                parts.append(chr(int(child.get("hex") or "", 16)))
        elif name and name not in CODE_ELEMENTS:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
