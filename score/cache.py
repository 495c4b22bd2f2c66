"""On-disk cache of per-segment statistics, so that rescoring costs only what changed.

A system's statistics for one metric depend on its draft, the references and the metric's
settings. The key is the sha256 of the draft's segment texts (as read: one system of a WMT
file or one column of a table has its own key, and re-saving a file unchanged keeps it)
together with the scorer's `stats_token` (sacrebleu signature with its version, and the
references' sha256). One `.npy` file per key, written atomically; an unreadable entry is
treated as missing and rewritten. A cache that cannot be written never fails a run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from core.errors import TransdeskError
from core.output import atomic_write

CACHE_VERSION = "1"


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_CACHE_HOME/transdesk/score, or ~/.cache/transdesk/score."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "transdesk" / "score"


class StatsCache:
    """Statistics arrays on disk by key; `None` as the folder turns caching off."""

    def __init__(self, folder: str | Path | None) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.hits = 0
        self.misses = 0
        self.write_failed = False

    @staticmethod
    def key(draft_sha: str, stats_token: str) -> str:
        """The entry's name: one hash over the cache version, the scorer and the draft."""
        text = f"{CACHE_VERSION}\n{stats_token}\n{draft_sha}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.npy"

    def get(self, key: str, rows: int) -> np.ndarray | None:
        """The cached statistics, or None when absent, unreadable or of the wrong length."""
        if self.folder is None:
            return None
        path = self._path(key)
        try:
            stats = np.load(path, allow_pickle=False)
        except (OSError, ValueError, EOFError):
            self.misses += 1
            return None
        if stats.ndim != 2 or len(stats) != rows:
            self.misses += 1
            return None
        self.hits += 1
        return stats

    def put(self, key: str, stats: np.ndarray) -> None:
        """Store `stats`; a failure to write only sets `write_failed`."""
        if self.folder is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_write(path, "wb") as handle:
                np.save(handle, np.ascontiguousarray(stats), allow_pickle=False)
        except (OSError, TransdeskError):
            self.write_failed = True
