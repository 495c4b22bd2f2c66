"""Writing output files so that a failed run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from core.errors import TransdeskError


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside `path`; rename it into place only if the block succeeds.

    The temporary file lives in the target's folder so the final rename is atomic on one
    file system; on any exception it is removed and the old file stays untouched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise TransdeskError(f"cannot write {target}: folder {folder} does not exist")
    binary = "b" in mode
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else "") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            # Keep the permissions the user gave the old file.
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | Path, text: str) -> None:
    """Write `text` as UTF-8 to `path` atomically."""
    with atomic_write(path) as handle:
        handle.write(text)


def emit(text: str, output: str | Path | None) -> None:
    """Send command output to a file (atomically) or, without one, to stdout."""
    if output is None or str(output) == "-":
        import sys

        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_text(output, text)
