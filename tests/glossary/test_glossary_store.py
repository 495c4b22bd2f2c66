"""Saving safely: atomic under a lock, whole after a kill, no lost update between writers."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from core.errors import TransdeskError
from glossary.edit import NewTerm, add_concept
from glossary.model import Concept, Status, Term, Termbase
from glossary.store import ENV_VAR, load, lock_path, locked, resolve_path, save, update
from glossary.tbx_write import write_tbx

ROOT = Path(__file__).resolve().parents[2]


def _termbase(n: int, tag: str) -> Termbase:
    return Termbase(concepts=tuple(
        Concept(f"{tag}{i:05d}", (Term("ru", f"термин {tag} {i}", Status.PREFERRED),
                                  Term("en", f"term {tag} {i}", Status.PREFERRED)))
        for i in range(n)
    ))


def _python(code: str, **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_save_and_load(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    termbase = _termbase(3, "c")
    save(termbase, path)
    assert load(path) == termbase
    assert sorted(p.name for p in tmp_path.iterdir()) == [".g.tbx.lock", "g.tbx"]


def test_a_failed_save_leaves_the_old_file(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.tbx"
    save(_termbase(2, "old"), path)
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.output.os.fsync", full_disk)
    with pytest.raises(TransdeskError, match=r"cannot save .*No space left on device"):
        save(_termbase(5, "new"), path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp"))


def test_missing_glossary_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(TransdeskError, match=r"not found: create it with `transdesk glossary"):
        load(tmp_path / "none.tbx")


def test_update_does_not_write_when_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    save(_termbase(1, "c"), path)
    stamp = path.stat().st_mtime_ns
    time.sleep(0.01)
    assert update(path, lambda tb: (tb, "same")) == "same"
    assert path.stat().st_mtime_ns == stamp


def test_path_resolution_order(tmp_path: Path) -> None:
    assert resolve_path("x.tbx", {ENV_VAR: "env.tbx"}) == Path("x.tbx")
    assert resolve_path(None, {ENV_VAR: "env.tbx"}) == Path("env.tbx")
    assert resolve_path(None, {}) == Path("glossary.tbx")


def test_a_held_lock_times_out_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    save(_termbase(1, "c"), path)
    holder = _python(f"""
        import time
        from glossary.store import locked
        with locked({str(path)!r}):
            print("held", flush=True)
            time.sleep(5)
    """)
    try:
        assert holder.stdout.readline().strip() == b"held"
        with pytest.raises(TransdeskError, match="locked by another transdesk process"), \
                locked(path, timeout=0.2):
            pass
    finally:
        holder.kill()
        holder.wait()


WRITER = """
    import sys
    from glossary.store import save
    from glossary.tbx_read import read_tbx
    a, b, target = sys.argv[1:] if len(sys.argv) > 1 else ({a!r}, {b!r}, {target!r})
    first, second = read_tbx(a), read_tbx(b)
    print("ready", flush=True)
    while True:
        save(second, target)
        save(first, target)
"""


def test_a_writer_killed_mid_save_leaves_a_whole_glossary(tmp_path: Path) -> None:
    """SIGKILL at random moments of back-to-back saves: the file is always old or new."""
    a, b, target = tmp_path / "a.tbx", tmp_path / "b.tbx", tmp_path / "g.tbx"
    a.write_text(write_tbx(_termbase(4000, "a")), encoding="utf-8")
    b.write_text(write_tbx(_termbase(5000, "b")), encoding="utf-8")
    versions = {a.read_bytes(): "a", b.read_bytes(): "b"}
    target.write_bytes(a.read_bytes())
    rng = random.Random(20261129)
    seen: set[str] = set()
    trials = 0
    while trials < 10 or (seen != {"a", "b"} and trials < 40):
        trials += 1
        writer = _python(WRITER.format(a=str(a), b=str(b), target=str(target)))
        assert writer.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 2.0))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        data = target.read_bytes()
        assert data in versions, "a killed save left a partial glossary"
        seen.add(versions[data])
        load(target)  # and it parses
    assert seen == {"a", "b"}  # the kills did land in both saves
    # The temporary files the kills left are cleaned by the next save, under the lock.
    save(_termbase(1, "z"), target)
    assert not list(tmp_path.glob(".g.tbx.*.tmp"))


ADDER = """
    import sys
    from glossary.edit import NewTerm, add_concept
    from glossary.store import update
    path, name, count = {path!r}, {name!r}, {count}
    for i in range(count):
        terms = [NewTerm("en", f"{{name}} term {{i}}"), NewTerm("ru", f"{{name}} термин {{i}}")]
        update(path, lambda tb: add_concept(tb, terms, concept_id=f"{{name}}-{{i}}"))
"""


def test_concurrent_writers_lose_no_addition(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    save(Termbase(), path)
    writers = [_python(ADDER.format(path=str(path), name=f"w{n}", count=15)) for n in range(3)]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    ids = {c.id for c in load(path).concepts}
    assert ids == {f"w{n}-{i}" for n in range(3) for i in range(15)}


CLI_ADDER = """
    from transdesk.cli import run
    for i in range({count}):
        assert run(["glossary", "add", "--en", f"{name} {{i}}", "--id", f"{name}-{{i}}"]) == 0
"""


def test_concurrent_cli_adds_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    save(Termbase(), path)
    writers = [_python(CLI_ADDER.format(name=f"cli{n}", count=8), **{ENV_VAR: str(path)})
               for n in range(2)]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    assert {c.id for c in load(path).concepts} == {f"cli{n}-{i}" for n in range(2)
                                                   for i in range(8)}


def test_lock_file_sits_beside_the_glossary(tmp_path: Path) -> None:
    assert lock_path(tmp_path / "g.tbx") == tmp_path / ".g.tbx.lock"


def test_update_applies_to_the_current_file(tmp_path: Path) -> None:
    path = tmp_path / "g.tbx"
    save(Termbase(), path)
    update(path, lambda tb: add_concept(tb, [NewTerm("en", "one")], concept_id="one"))
    update(path, lambda tb: add_concept(tb, [NewTerm("en", "two")], concept_id="two"))
    assert [c.id for c in load(path).concepts] == ["one", "two"]
