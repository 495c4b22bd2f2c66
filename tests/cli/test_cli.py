"""The command line: help, version, output, and one clean line for every user error."""

import subprocess
import sys
from pathlib import Path

import pytest

from transdesk import __version__
from transdesk.cli import app, run

COMMANDS = [name for name in (c.name for c in app.registered_commands) if name]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"]) == 0
    assert capsys.readouterr().out == f"transdesk {__version__}\n"


def test_version_matches_the_distribution() -> None:
    from importlib.metadata import version

    assert version("transdesk") == __version__


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_every_help_works(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Usage: transdesk" in out


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    run(["--help"])
    out = capsys.readouterr().out
    assert COMMANDS and all(c in out for c in COMMANDS)


def test_read_lines_and_tsv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "be.txt"
    src.write_text("Дзень Перамогі. А.Р. Лукашэнка ўсклаў вянок.\n", encoding="utf-8")
    assert run(["read", str(src)]) == 0
    assert capsys.readouterr().out == "Дзень Перамогі.\nА.Р. Лукашэнка ўсклаў вянок.\n"
    out_file = tmp_path / "out.tsv"
    assert run(["read", str(src), "--format", "tsv", "-o", str(out_file)]) == 0
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["id", "paragraph", "speaker", "start_time", "end_time",
                                    "start", "end", "text"]
    assert lines[2].split("\t") == ["1", "0", "", "", "", "16", "44",
                                    "А.Р. Лукашэнка ўсклаў вянок."]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["read", "{tmp}/missing.txt"], "no such file", id="missing"),
        pytest.param(["read", "{tmp}/empty.txt"], "empty", id="empty"),
        pytest.param(["read", "{tmp}/binary.txt"], "binary", id="binary"),
        pytest.param(["read", "{tmp}/latin1.txt"], "not in a supported encoding", id="encoding"),
        pytest.param(["read", "{tmp}/ok.txt", "--lang", "russian"], "unknown language code",
                     id="language"),
        pytest.param(["translit", "Лукашенко", "--scheme", "nope"], "unknown scheme",
                     id="scheme"),
    ],
)
def test_user_errors_are_one_line_on_stderr(
    tmp_path: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03text")
    (tmp_path / "latin1.txt").write_bytes("Très bien, café.".encode("latin-1"))
    (tmp_path / "ok.txt").write_text("Минск.", encoding="utf-8")
    code = run([a.format(tmp=tmp_path) for a in args])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err.startswith("transdesk: error: ")
    assert message in captured.err
    assert captured.err.count("\n") == 1


def test_installed_console_script_reports_errors_without_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("transdesk")
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    result = subprocess.run([str(exe), "read", str(tmp_path / "none.txt")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("transdesk: error:") and "Traceback" not in result.stderr


def test_failed_write_leaves_no_partial_output(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    code = run(["read", str(tmp_path / "none.txt"), "-o", str(target)])
    assert code == 1
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
