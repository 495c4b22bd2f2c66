"""Reading and writing a glossary in any supported format, chosen by name or extension."""

from __future__ import annotations

from pathlib import Path

from core.errors import TransdeskError
from glossary.model import Termbase

FORMATS = ("tbx", "csv", "tsv", "xlsx")
_TBX_SUFFIXES = {"tbx", "xml", "tbxm", "mtf"}


def output_format(path: str | Path, fmt: str | None) -> str:
    """The format to write: `fmt`, or from the extension of `path` (TBX for '-')."""
    if fmt:
        return fmt
    if str(path) == "-":
        return "tbx"
    return _format_of(Path(path))


def _format_of(path: Path) -> str:
    from glossary.tables import table_format

    suffix = path.suffix.lower().lstrip(".")
    if suffix in _TBX_SUFFIXES:
        return "tbx"
    kind = table_format(path)
    if kind not in FORMATS:
        raise TransdeskError(
            f"cannot tell the format of {path} from its extension; pass --file-format "
            f"({', '.join(FORMATS)})"
        )
    return kind


def read_any(path: str | Path, fmt: str | None = None) -> tuple[Termbase, tuple[str, ...]]:
    """A termbase from a TBX, CSV, TSV or XLSX file, and the table columns left out."""
    target = Path(path)
    kind = fmt or _format_of(target)
    if kind == "tbx":
        from glossary.tbx_read import read_tbx

        return read_tbx(target), ()
    from glossary.tables import read_table

    table = read_table(target, kind)
    return table.termbase, table.ignored


def export_bytes(termbase: Termbase, fmt: str) -> bytes:
    """The termbase in `fmt` as bytes."""
    if fmt == "tbx":
        from glossary.tbx_write import write_tbx

        return write_tbx(termbase).encode("utf-8")
    from glossary.tables import write_table

    return write_table(termbase, fmt)
