"""Word documents: body paragraphs and table cells, in reading order."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from core.errors import TransdeskError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_paragraphs(path: Path) -> list[str]:
    """The text of every non-empty paragraph of a .docx file, in document order."""
    try:
        import docx  # python-docx; imported here because it pulls in lxml
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - it is a core dependency
        raise TransdeskError("reading .docx needs the python-docx package") from None
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TransdeskError(f"{path}: not a readable Word (.docx) file ({exc})") from None
    texts: list[str] = []
    # Walk the body's XML so tables appear where they stand, not after all paragraphs.
    for element in document.element.body.iter(f"{_W}p"):
        text = _paragraph_text(element)
        if text.strip():
            texts.append(text)
    return texts


def _paragraph_text(element: Any) -> str:
    # A tab separates words; a manual line break starts a new line of the same paragraph.
    parts: list[str] = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        else:
            parts.append(" " if node.tag == f"{_W}tab" else "\n")
    return "".join(parts)
