"""`etrainer doctor` checks a data folder without changing a byte; `etrainer backup` makes a backup now;
expected failures end a command with one sentence, never a traceback."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from tests.conftest import FakeClock
from tests.storage.damage_kit import add_learner, folder_digest, lock_held_by_another_process

from etrainer.cli import main
from etrainer.storage.backup import BackupManager
from etrainer.storage.recovery import open_or_recover


@pytest.fixture
def data(tmp_path: Path, clock: FakeClock) -> Iterator[Path]:
    """A healthy data folder: a database with a learner (commits counted) and a backup of it."""
    folder = tmp_path / "data"
    path = folder / "etrainer.sqlite"
    result = open_or_recover(path, folder / "backups", clock=clock)
    add_learner(result.database, "Оксана", visits=2)
    BackupManager(path, folder / "backups", clock=clock).backup_now()
    result.database.dispose()
    yield folder


def _doctor(capsys: pytest.CaptureFixture[str], folder: Path, *extra: str) -> tuple[int, str]:
    code = main(["doctor", "--data-dir", str(folder), *extra])
    return code, capsys.readouterr().out


def _checks(output: str) -> dict[str, tuple[bool, str]]:
    document = json.loads(output)
    assert set(document) == {"checks", "ok"}
    assert all(set(check) == {"name", "ok", "message"} for check in document["checks"])
    return {c["name"]: (c["ok"], c["message"]) for c in document["checks"]}


def test_a_healthy_folder_is_all_well_and_unchanged(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = folder_digest(data)
    code, text = _doctor(capsys, data)
    assert code == 0, text
    assert text.rstrip().endswith("All is well.")
    for name in ("database", "schema", "saved changes", "backups", "lock", "permissions", "free space"):
        assert f"ok              {name}: " in text
    code, output = _doctor(capsys, data, "--json")
    checks = _checks(output)
    assert code == 0 and json.loads(output)["ok"] is True
    assert list(checks) == ["data folder", "database", "schema", "saved changes", "backups", "lock", "permissions",
                            "free space"]
    assert "passes SQLite's integrity check" in checks["database"][1]
    assert "1 backup(s)" in checks["backups"][1] and "passes quick_check" in checks["backups"][1]
    assert folder_digest(data) == before  # not one byte, mode or file changed


def test_a_damaged_folder_needs_attention_and_stays_as_it_was(data: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    database = data / "etrainer.sqlite"
    raw = bytearray(database.read_bytes())
    raw[:100] = b"\x00" * 100  # the header is gone
    database.write_bytes(bytes(raw))
    newest = BackupManager(database, data / "backups").list_backups()[0].path
    newest.write_bytes(b"not a backup any more" * 100)
    before = folder_digest(data)

    code, text = _doctor(capsys, data)
    assert code == 1
    assert "NEEDS ATTENTION database: " in text and "damaged" in text
    assert "NEEDS ATTENTION backups: " in text and "does not open" in text
    assert text.rstrip().endswith("check(s) need attention.")
    code, output = _doctor(capsys, data, "--json")
    checks = _checks(output)
    assert code == 1 and json.loads(output)["ok"] is False
    assert checks["database"][0] is False and checks["backups"][0] is False and checks["free space"][0] is True
    assert folder_digest(data) == before
    assert sorted(p.name for p in data.iterdir()) == sorted(Path(name).parts[0] for name in before)


def test_a_lost_wal_and_a_lock_are_reported(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counter = data / "etrainer.sqlite.commits"
    counter.write_text(str(int(counter.read_text()) + 3) + "\n")
    with lock_held_by_another_process(data / "etrainer.sqlite", seconds=30):
        before = folder_digest(data)
        code, output = _doctor(capsys, data, "--json")
        assert folder_digest(data) == before
    checks = _checks(output)
    assert code == 1
    assert checks["saved changes"][0] is False and "-wal file was lost" in checks["saved changes"][1]
    assert checks["lock"][0] is False and "open in another process" in checks["lock"][1]


def test_doctor_never_creates_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _doctor(capsys, tmp_path / "nowhere", "--json")
    assert code == 1 and not (tmp_path / "nowhere").exists()
    assert _checks(output)["data folder"] == (False, f"{tmp_path / 'nowhere'} does not exist (nothing was created)")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_doctor_reports_files_other_users_can_read(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "etrainer.sqlite").chmod(0o644)
    code, output = _doctor(capsys, data, "--json")
    assert code == 1
    ok, message = _checks(output)["permissions"]
    assert ok is False and "readable by other users: etrainer.sqlite" in message


def test_backup_makes_a_backup_now_and_prints_its_path(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "--data-dir", str(data)]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed.parent == data / "backups" and printed.name.startswith("manual-") and printed.is_file()
    with closing(sqlite3.connect(printed)) as connection:
        assert connection.execute("SELECT name FROM learner").fetchall() == [("Оксана",)]


def test_backup_of_a_damaged_database_copies_nothing(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data / "etrainer.sqlite").write_bytes(b"garbage" * 1000)
    before = folder_digest(data)
    assert main(["backup", "--data-dir", str(data)]) == 1
    assert "was not copied: damaged" in capsys.readouterr().err
    assert folder_digest(data) == before


@pytest.mark.parametrize("kind", ["foreign", "missing"])
def test_the_command_line_says_one_sentence_and_creates_nothing(data: Path, kind: str) -> None:
    database = data / "etrainer.sqlite"
    if kind == "foreign":
        database.unlink()
        with closing(sqlite3.connect(database)) as connection, connection:
            connection.execute("CREATE TABLE learner (id INTEGER PRIMARY KEY, surname TEXT)")
        expected = "is not an eTrainer database"
    else:
        database.unlink()
        expected = "is missing, but 1 backup(s) of it exist"
    before = folder_digest(data)
    done = subprocess.run([sys.executable, "-m", "etrainer", "profiles", "--data-dir", str(data)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and expected in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert folder_digest(data) == before


def test_copying_a_folder_for_doctor_keeps_the_original(data: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A database in use (its -wal holding commits) is checked as it is, -wal included."""
    result = open_or_recover(data / "etrainer.sqlite", data / "backups")
    try:
        add_learner(result.database, "Богдан")
        assert (data / "etrainer.sqlite-wal").stat().st_size > 0
        before = folder_digest(data)
        _code, output = _doctor(capsys, data, "--json")
        assert folder_digest(data) == before
    finally:
        result.database.dispose()
    checks = _checks(output)
    assert checks["database"][0] and checks["saved changes"][0], output
    assert "open in another process" not in checks["lock"][1]  # this process's own connection is no other process

