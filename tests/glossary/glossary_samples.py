"""Where the glossary tests find the bundled desk glossary and the shared TBX samples."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DESK = ROOT / "corpora" / "glossary" / "desk.tbx"
SAMPLES = ROOT.parent / "shared" / "data" / "formats" / "tbx"


def sample(name: str) -> Path:
    """A shared sample file; the test is skipped where the samples are absent."""
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"sample {name} not present")
    return path


@pytest.fixture(name="desk")
def desk_fixture(tmp_path: Path) -> Path:
    """A copy of the bundled desk glossary, as ./glossary.tbx of a fresh folder.

    Kept here, not in a conftest.py: tests/align imports its own conftest by name, and a
    second conftest module on the path would shadow it.
    """
    target = tmp_path / "glossary.tbx"
    shutil.copyfile(DESK, target)
    return target
