"""A file the user named: there, and a file rather than a folder, or one line saying which."""

from __future__ import annotations

from pathlib import Path

from core.errors import TransdeskError


def existing_file(path: str | Path) -> Path:
    """`path` as a Path, once it is known to name an existing file."""
    p = Path(path)
    if not p.exists():
        raise TransdeskError(f"{p}: no such file")
    if p.is_dir():
        raise TransdeskError(f"{p}: is a folder, not a file")
    return p
