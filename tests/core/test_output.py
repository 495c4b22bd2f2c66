"""Atomic output: a failure leaves the old file, success replaces it whole."""

import os
from pathlib import Path

import pytest

from core.errors import TransdeskError
from core.output import atomic_write, emit, write_text


def test_success_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.tsv"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    write_text(target, "новое\n")
    assert target.read_text(encoding="utf-8") == "новое\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]


def test_failure_leaves_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.tsv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target) as handle:
        handle.write("half of the new conte")
        raise RuntimeError("disk on fire")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]


def test_binary_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    with atomic_write(target, "wb") as handle:
        handle.write(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"


def test_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(TransdeskError, match="does not exist"):
        write_text(tmp_path / "no" / "out.txt", "x")


def test_emit_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    emit("line\n", None)
    emit("dash\n", "-")
    assert capsys.readouterr().out == "line\ndash\n"
