"""Small scoring data for the score tests: the bundled MT drafts and a few hand-made lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MT = ROOT / "corpora" / "mt"
VICTORY = MT / "victory-day"
HARVEST = MT / "harvest-meeting"
GLOSSARY = ROOT / "corpora" / "glossary" / "desk.tbx"
SYSTEMS = ("system-a", "system-b", "system-c")

WMT22 = Path("/work/shared/data/score/wmt22")
WMT22_XML = Path("/work/shared/data/align/wmt22-ru-en/wmttest2022.ru-en.all.xml")


def lines(path: Path) -> list[str]:
    """A text file's lines as sacrebleu reads them."""
    with open(path, encoding="utf-8", newline="\n") as handle:
        return [line.rstrip() for line in handle]


def write_lines(path: Path, rows: list[str]) -> Path:
    path.write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def sacrebleu_cli(*args: str, env: dict[str, str] | None = None) -> str:
    """Run `python -m sacrebleu` and return its stdout."""
    import os

    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "sacrebleu", *args],
        capture_output=True, text=True, env=full_env, check=True,
    )
    return done.stdout
