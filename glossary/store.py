"""Loading and saving the glossary file safely.

- Every save takes the glossary's lock (a `.NAME.lock` file beside it), writes a temporary
  file in the same folder, flushes it to disk and renames it over the old file. A save
  killed at any point leaves the previous file complete; readers never see half a file, so
  reading needs no lock.
- `update` is the transaction the commands use: lock, read the current file, apply the
  change, save, unlock. Two processes adding terms at once therefore apply their changes one
  after the other, each to the other's result, and neither addition is lost.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from core.errors import TransdeskError
from core.output import atomic_write
from glossary.model import Termbase

ENV_VAR = "TRANSDESK_GLOSSARY"
DEFAULT_NAME = "glossary.tbx"
LOCK_TIMEOUT_S = 60.0

T = TypeVar("T")


def resolve_path(option: str | Path | None, environ: Mapping[str, str] | None = None) -> Path:
    """The glossary path: the option, else $TRANSDESK_GLOSSARY, else ./glossary.tbx."""
    if option:
        return Path(option)
    env = os.environ if environ is None else environ
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR])
    return Path(DEFAULT_NAME)


def load(path: str | Path) -> Termbase:
    """Read the glossary at `path`; a missing file is a user error that says what to do."""
    from glossary.tbx_read import read_tbx

    target = Path(path)
    if not target.is_file():
        raise TransdeskError(
            f"glossary {target} not found: create it with `transdesk glossary init`, or name "
            f"another with --glossary or ${ENV_VAR}"
        )
    return read_tbx(target)


def save(termbase: Termbase, path: str | Path) -> None:
    """Write `termbase` to `path` atomically, under the glossary's lock."""
    with locked(path):
        _save_locked(termbase, Path(path))


def update(path: str | Path, change: Callable[[Termbase], tuple[Termbase, T]], *,
           create: bool = False) -> T:
    """Lock, read the glossary, apply `change`, save if it changed anything, unlock.

    `change` gets the current termbase and returns the new one and a result for the caller.
    With `create`, a missing file counts as an empty termbase.
    """
    target = Path(path)
    with locked(target):
        current = Termbase() if create and not target.exists() else load(target)
        new, result = change(current)
        if new != current or not target.exists():
            _save_locked(new, target)
    return result


@contextlib.contextmanager
def locked(path: str | Path, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the glossary's lock; a user error if another process keeps it past `timeout`."""
    from filelock import FileLock, Timeout

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise TransdeskError(f"cannot write {target}: folder {folder} does not exist")
    lock = FileLock(str(lock_path(target)), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise TransdeskError(
            f"glossary {target} is locked by another transdesk process; try again when it "
            "has finished"
        ) from None
    try:
        yield
    finally:
        lock.release()


def lock_path(path: Path) -> Path:
    """Where the lock of the glossary at `path` lives."""
    return path.with_name(f".{path.name}.lock")


def _save_locked(termbase: Termbase, target: Path) -> None:
    from glossary.tbx_write import write_tbx

    data = write_tbx(termbase).encode("utf-8")
    _remove_stale_temporaries(target)
    try:
        with atomic_write(target, "wb") as handle:
            handle.write(data)
    except OSError as exc:  # disk full, permissions: the old file is still there, whole
        raise TransdeskError(f"cannot save {target}: {exc.strerror or exc}") from None
    _sync_folder(target.parent)


def _remove_stale_temporaries(target: Path) -> None:
    """Delete temporary files a killed save left behind; safe because we hold the lock."""
    folder = target.parent if str(target.parent) else Path(".")
    for stale in folder.glob(f".{target.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder if str(folder) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
