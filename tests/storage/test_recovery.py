"""Opening the database at start-up: damaged files are kept aside and the newest sound backup returns."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from tests.conftest import FakeClock

from etrainer.services.profiles import ProfileService
from etrainer.storage.backup import BackupManager, BackupReason
from etrainer.storage.db import integrity_check
from etrainer.storage.errors import DatabaseRecovered, DatabaseStartedFresh
from etrainer.storage.recovery import OpenResult, open_or_recover


@pytest.fixture
def healthy(tmp_path: Path, db_template: Path) -> Path:
    """A closed database holding one learner, with a session backup of it."""
    path = tmp_path / "etrainer.sqlite"
    shutil.copyfile(db_template, path)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("INSERT INTO learner (uid, name, name_key, branch, position, created_at) "
                           "VALUES ('u-1', 'Оксана', 'оксана', '', '', '2025-01-01 08:00:00')")
        connection.execute("CREATE TABLE filler (x TEXT)")  # enough pages for a meaningful truncation
        connection.executemany("INSERT INTO filler VALUES (?)", [("ї" * 300,)] * 200)
        connection.execute("CREATE INDEX ix_filler ON filler (x)")
    return path


@pytest.fixture
def opened() -> Iterator[list[OpenResult]]:
    results: list[OpenResult] = []
    yield results
    for result in results:
        result.database.dispose()


def _open(path: Path, clock: FakeClock, opened: list[OpenResult]) -> OpenResult:
    result = open_or_recover(path, path.parent / "backups", clock=clock)
    opened.append(result)
    return result


def _names(result: OpenResult) -> list[str]:
    return [p.name for p in ProfileService(result.database.sessions).list()]


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(3).randbytes(20_000))


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _text_file(path: Path) -> None:
    path.write_text("Це не база даних, а список справ на завтра.\n" * 50, encoding="utf-8")


def _emptied(path: Path) -> None:
    path.write_bytes(b"")


def _index_out_of_step(path: Path) -> None:
    """Opens fine, but PRAGMA integrity_check finds an index that does not match its table."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_filler ON filler (rowid)' "
                           "WHERE name = 'ix_filler'")


DAMAGES: dict[str, Callable[[Path], None]] = {
    "random bytes": _random_bytes, "truncated": _truncated, "not a database": _text_file,
    "empty": _emptied, "failed integrity check": _index_out_of_step,
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_database_is_kept_aside_and_the_backup_restored(
        healthy: Path, clock: FakeClock, opened: list[OpenResult], damage: Callable[[Path], None]) -> None:
    backup = BackupManager(healthy, healthy.parent / "backups", clock=clock).backup_now()
    damage(healthy)
    assert integrity_check(healthy) is not None
    damaged_bytes = healthy.read_bytes()
    clock.advance(hours=1)

    result = _open(healthy, clock, opened)

    assert isinstance(result.notice, DatabaseRecovered) and result.message_key == "DatabaseRecovered"
    assert result.recovered_from == backup
    assert result.quarantined is not None and result.quarantined.read_bytes() == damaged_bytes
    assert result.quarantined.name == "etrainer.sqlite.corrupt-20250312-103000-000000"
    assert str(result.quarantined) in str(result.notice) and str(backup) in str(result.notice)
    assert result.problem
    assert _names(result) == ["Оксана"]
    assert backup.exists()


def test_without_a_backup_it_starts_fresh_and_keeps_the_file(
        healthy: Path, clock: FakeClock, opened: list[OpenResult]) -> None:
    _random_bytes(healthy)
    damaged_bytes = healthy.read_bytes()
    result = _open(healthy, clock, opened)
    assert isinstance(result.notice, DatabaseStartedFresh)
    assert result.recovered_from is None
    assert result.quarantined is not None and result.quarantined.read_bytes() == damaged_bytes
    assert _names(result) == []
    assert integrity_check(healthy) is None


def test_a_damaged_newest_backup_is_skipped(healthy: Path, clock: FakeClock, opened: list[OpenResult]) -> None:
    manager = BackupManager(healthy, healthy.parent / "backups", clock=clock)
    older = manager.backup_now(BackupReason.MANUAL)
    clock.advance(minutes=10)
    newer = manager.backup_now(BackupReason.MANUAL)
    newer.write_bytes(b"\x00" * 4096)
    _truncated(healthy)
    result = _open(healthy, clock, opened)
    assert result.recovered_from == older
    assert _names(result) == ["Оксана"]
    assert newer.exists()


def test_two_recoveries_at_the_same_moment_keep_both_files(
        healthy: Path, clock: FakeClock, opened: list[OpenResult]) -> None:
    _text_file(healthy)
    first = _open(healthy, clock, opened)
    first.database.dispose()
    healthy.write_bytes(b"second damage" * 100)
    second = _open(healthy, clock, opened)
    assert first.quarantined and second.quarantined and first.quarantined != second.quarantined
    assert first.quarantined.read_text(encoding="utf-8").startswith("Це не база даних")
    assert second.quarantined.read_bytes().startswith(b"second damage")


def test_a_sound_database_opens_without_notice(healthy: Path, clock: FakeClock, opened: list[OpenResult]) -> None:
    result = _open(healthy, clock, opened)
    assert (result.notice, result.quarantined, result.recovered_from, result.message_key) == (None, None, None, None)
    assert _names(result) == ["Оксана"]
    assert list(healthy.parent.glob("*.corrupt-*")) == []


def test_a_missing_database_is_created(tmp_path: Path, clock: FakeClock, opened: list[OpenResult]) -> None:
    path = tmp_path / "new" / "etrainer.sqlite"
    result = _open(path, clock, opened)
    assert result.notice is None and result.pre_upgrade_backup is None
    assert integrity_check(path) is None and _names(result) == []
