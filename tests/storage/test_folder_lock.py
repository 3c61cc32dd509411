"""The data folder's lock with real processes (bounded timeouts): held by one process at a time, released
by the OS when its holder dies, and taken (or waited for) by the command-line writers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from etrainer import cli, cli_lock
from etrainer.storage.folder_lock import DataFolderBusy, DataFolderLock

GOOD_PACK = Path(__file__).parents[1] / "data" / "packs" / "good"
HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from etrainer.storage.folder_lock import DataFolderLock
    lock = DataFolderLock(Path(sys.argv[1]), sys.argv[2])
    assert lock.try_acquire()
    print("held", flush=True)
    time.sleep(float(sys.argv[3]))
    lock.release()
""")


def hold(folder: Path, seconds: float = 30.0, what: str = "etrainer test") -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(folder), what, str(seconds)], stdout=subprocess.PIPE,
                             text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    return child


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    child = hold(tmp_path)
    yield child
    child.kill()
    child.wait(timeout=30)


def test_one_process_at_a_time_and_the_holder_is_named(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    lock = DataFolderLock(tmp_path, "app")
    assert not lock.try_acquire()
    found = lock.holder()
    assert found is not None and (found.pid, found.what) == (holder.pid, "etrainer test")
    with pytest.raises(DataFolderBusy) as busy:
        lock.acquire(0.3)
    assert str(tmp_path) in str(busy.value) and f"process {holder.pid}" in str(busy.value)


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    with DataFolderLock(tmp_path, "app") as lock:
        assert lock.try_acquire()
        assert lock.holder() is not None and lock.holder().pid == os.getpid()  # type: ignore[union-attr]


def test_a_command_line_writer_gives_up_with_a_sentence_and_changes_nothing(
        tmp_path: Path, holder: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli_lock, "CLI_LOCK_WAIT_S", 0.5)
    assert cli.main(["add-pack", str(GOOD_PACK), "--data-dir", str(tmp_path)]) == cli_lock.BUSY_EXIT_CODE
    err = capsys.readouterr().err
    assert f"in use (etrainer test, process {holder.pid}); waiting up to 0.5 s" in err
    assert "Another Е-тренер is using the data folder" in err and "Nothing was changed." in err
    assert "Traceback" not in err
    assert not (tmp_path / "packs").exists()
    assert cli.main(["profiles", "--reset-pin", "Марта", "--data-dir", str(tmp_path)]) == cli_lock.BUSY_EXIT_CODE
    assert not (tmp_path / "etrainer.sqlite").exists()


def test_a_command_line_writer_waits_for_a_short_holder(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    child = hold(tmp_path, seconds=1.0)
    try:
        assert cli.main(["add-pack", str(GOOD_PACK), "--data-dir", str(tmp_path)]) == 0
    finally:
        child.kill()
        child.wait(timeout=30)
    out = capsys.readouterr()
    assert "waiting up to" in out.err
    assert out.out.startswith("added: ")
    assert (tmp_path / "packs").is_dir()


@pytest.mark.parametrize("written", [b" " + b"[" * 4000, b" \xff\xfe", b" [1, 2]", b" {\"pid\": \"x\"}", b""])
def test_a_lock_file_that_says_nothing_readable_names_no_holder(tmp_path: Path, written: bytes) -> None:
    lock = DataFolderLock(tmp_path, "app")
    lock.path.write_bytes(written)  # what another process (or a damaged disk) left in it
    assert lock.holder() is None
