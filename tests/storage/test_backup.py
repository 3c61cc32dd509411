"""Backups: online copies, the rolling retention rule, and restores that never lose data."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker
from tests.conftest import FakeClock

from etrainer.core.learner.profiles import Profile
from etrainer.services.profiles import ProfileService
from etrainer.storage.backup import BackupInfo, BackupManager, BackupReason, holds_records_missing_from, retained
from etrainer.storage.db import Database, integrity_check
from etrainer.storage.errors import BackupDamaged


def _names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM learner ORDER BY name")]


def _info(moment: datetime, reason: BackupReason = BackupReason.SESSION) -> BackupInfo:
    return BackupInfo(Path(f"{reason.value}-{moment:%Y%m%d-%H%M%S}.sqlite"), moment, reason, 1)


def _day(day: int, hour: int = 12, month: int = 3) -> datetime:
    return datetime(2025, month, day, hour, tzinfo=UTC)


def test_backup_now_copies_the_data_into_one_sound_file(db_path: Path, learner: Profile, clock: FakeClock) -> None:
    manager = BackupManager(db_path, db_path.parent / "backups", clock=clock)
    path = manager.backup_now()
    assert path.name == "session-20250312-093000-000000.sqlite"
    assert integrity_check(path) is None
    assert _names(path) == [learner.name]
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temporary left behind
    [info] = manager.list_backups()
    assert (info.path, info.created_at, info.reason, info.size) == (path, clock.now, BackupReason.SESSION,
                                                                    path.stat().st_size)


def test_list_backups_newest_first_and_ignores_other_files(db_path: Path, clock: FakeClock) -> None:
    folder = db_path.parent / "backups"
    manager = BackupManager(db_path, folder, clock=clock)
    first = manager.backup_now(BackupReason.MANUAL)
    clock.advance(hours=1)
    second = manager.backup_now(BackupReason.PRE_UPGRADE, revision="0001_initial")
    (folder / "notes.txt").write_text("not a backup")
    infos = manager.list_backups()
    assert [i.path for i in infos] == [second, first]
    assert infos[0].revision == "0001_initial" and infos[0].reason is BackupReason.PRE_UPGRADE


def test_backups_at_the_same_moment_never_overwrite_each_other(db_path: Path, clock: FakeClock) -> None:
    manager = BackupManager(db_path, db_path.parent / "backups", clock=clock)
    paths = {manager.backup_now(BackupReason.MANUAL) for _ in range(3)}
    assert len(paths) == 3


def test_retention_keeps_the_five_newest_of_one_day() -> None:
    backups = [_info(_day(12, hour=8) + timedelta(minutes=10 * i)) for i in range(8)]
    assert retained(backups) == {b.path for b in backups[3:]}


def test_retention_keeps_the_newest_of_each_of_seven_days() -> None:
    mornings = {day: _info(_day(day, hour=8)) for day in range(3, 13)}    # Mon 3 March … Wed 12 March
    evenings = {day: _info(_day(day, hour=20)) for day in range(3, 13)}
    kept = retained([*mornings.values(), *evenings.values()])
    expected = {evenings[d].path for d in range(6, 13)} | {mornings[12].path, mornings[11].path}
    assert kept == expected  # five newest: 12e 12m 11e 11m 10e; daily: 6e…12e; weekly: 12e, 9e


def test_retention_keeps_the_newest_of_each_of_five_weeks() -> None:
    start = _day(1, month=2)  # Saturday 1 February; one backup a day for 40 days, to Wednesday 12 March
    daily = {(start + timedelta(days=n)).date(): _info(start + timedelta(days=n)) for n in range(40)}
    kept = retained(daily.values())
    march = [daily[_day(d).date()].path for d in range(6, 13)]                  # the last seven days
    sundays = [daily[d.date()].path for d in (_day(2), _day(23, month=2), _day(16, month=2))]
    assert kept == {*march, *sundays}


def test_retention_never_touches_manual_or_upgrade_backups(db_path: Path, clock: FakeClock) -> None:
    manager = BackupManager(db_path, db_path.parent / "backups", clock=clock)
    manual = manager.backup_now(BackupReason.MANUAL)
    upgrade = manager.backup_now(BackupReason.PRE_UPGRADE, revision="0001_initial")
    sessions = []
    for _ in range(8):
        clock.advance(minutes=5)
        sessions.append(manager.backup_now())
    remaining = {info.path for info in manager.list_backups()}
    assert remaining == {manual, upgrade, *sessions[3:]}


def test_restore_brings_back_the_data_and_keeps_the_current_one(
        database: Database, sessions: sessionmaker[Session], learner: Profile, clock: FakeClock) -> None:
    assert database.path is not None
    manager = BackupManager(database.path, database.path.parent / "backups", clock=clock)
    backup = manager.backup_now(BackupReason.MANUAL)
    ProfileService(sessions).create("Марія Коваль")
    clock.advance(minutes=1)

    manager.restore(manager.list_backups()[0])

    assert [p.name for p in ProfileService(sessions).list()] == [learner.name]  # the open engine sees it
    [saved] = [i for i in manager.list_backups() if i.reason is BackupReason.PRE_RESTORE]
    assert _names(saved.path) == sorted(["Марія Коваль", learner.name])
    assert backup.exists()


def test_a_damaged_backup_is_not_restored(db_path: Path, learner: Profile, clock: FakeClock) -> None:
    folder = db_path.parent / "backups"
    folder.mkdir()
    damaged = folder / "manual-20250101-000000-000000.sqlite"
    damaged.write_bytes(b"\x00garbage" * 500)
    manager = BackupManager(db_path, folder, clock=clock)
    with pytest.raises(BackupDamaged) as caught:
        manager.restore(damaged)
    assert str(damaged) in str(caught.value)
    assert _names(db_path) == [learner.name]
    assert [i.path for i in manager.list_backups()] == [damaged]  # no pre-restore copy was needed


def test_restoring_over_a_damaged_database_keeps_it_aside(db_path: Path, learner: Profile, clock: FakeClock) -> None:
    manager = BackupManager(db_path, db_path.parent / "backups", clock=clock)
    backup = manager.backup_now(BackupReason.MANUAL)
    garbage = b"broken" * 1000
    db_path.write_bytes(garbage)

    manager.restore(backup)

    assert _names(db_path) == [learner.name]
    aside = sorted(db_path.parent.glob("etrainer.sqlite.corrupt-*"))
    assert aside[0].read_bytes() == garbage
    assert all(p.name.startswith(aside[0].name) for p in aside)  # with its -wal/-shm files, if any


def test_restoring_when_no_database_exists(tmp_path: Path, db_path: Path, learner: Profile, clock: FakeClock) -> None:
    manager = BackupManager(db_path, tmp_path / "backups", clock=clock)
    backup = manager.backup_now(BackupReason.MANUAL)
    target = tmp_path / "elsewhere" / "new.sqlite"
    target.parent.mkdir()
    BackupManager(target, tmp_path / "backups", clock=clock).restore(backup)
    assert _names(target) == [learner.name]


def test_needs_backup_follows_changes(database: Database, sessions: sessionmaker[Session], clock: FakeClock) -> None:
    assert database.path is not None
    manager = BackupManager(database.path, database.path.parent / "backups", clock=clock)
    assert manager.needs_backup()
    backup = manager.backup_now()
    assert not manager.needs_backup()
    os.utime(backup, ns=(backup.stat().st_mtime_ns - 10**9,) * 2)  # a second passes, then the learner works
    ProfileService(sessions).create("Марія Коваль")
    assert manager.needs_backup()


# -- backups keep the data -----------------------------------------------------------------------------------------

def _sessions_over_days(manager: BackupManager, clock: FakeClock, days: int) -> list[Path]:
    """Three session backups a day for `days` days, the way a daily user's starts and exits make them."""
    made = []
    for _ in range(days):
        for _ in range(3):
            made.append(manager.backup_now())
            clock.advance(hours=3)
        clock.advance(hours=15)
    return made


def test_retention_keeps_the_newest_backup_holding_records_the_database_lacks(
        db_path: Path, learner: Profile, sessions: sessionmaker[Session], clock: FakeClock) -> None:
    manager = BackupManager(db_path, db_path.parent / "backups", clock=clock)
    before = _sessions_over_days(manager, clock, days=2)
    ProfileService(sessions).delete(learner.id)  # her records are now only in the backups
    clock.advance(days=1)
    _sessions_over_days(manager, clock, days=40)
    kept = {info.path for info in manager.list_backups()}
    assert before[-1] in kept  # the newest backup with Оксана's data survived 40 days of pruning
    assert _names(before[-1]) == [learner.name]
    assert not set(before[:-1]) & kept  # the older ones holding nothing more were pruned as usual
    assert holds_records_missing_from(before[-1], db_path)
    assert not holds_records_missing_from(manager.list_backups()[0].path, db_path)


def test_no_backup_is_deleted_in_the_days_after_a_recovery(db_path: Path, learner: Profile, clock: FakeClock) -> None:
    manager = BackupManager(db_path, db_path.parent / "backups", clock=clock)
    manager.record_event("recovery", "damaged: test")
    made = _sessions_over_days(manager, clock, days=6)
    assert {info.path for info in manager.list_backups()} == set(made)  # 18 kept, none pruned
    assert manager.protected_until() == datetime(2025, 3, 19, 9, 30, tzinfo=UTC)
    clock.advance(days=2)
    manager.backup_now()
    assert manager.protected_until() is None
    assert len(manager.list_backups()) < len(made)  # afterwards the usual rule applies again
    assert json.loads(manager.events_path.read_text(encoding="utf-8"))[0]["kind"] == "recovery"


def test_quarantined_files_are_never_deleted(db_path: Path, learner: Profile, clock: FakeClock) -> None:
    manager = BackupManager(db_path, db_path.parent / "backups", clock=clock)
    kept = db_path.with_name(db_path.name + ".corrupt-20250301-000000-000000")
    kept.write_bytes(b"damaged bytes")
    (manager.backups_dir).mkdir()
    stray = manager.backups_dir / "etrainer.sqlite.corrupt-20250301-000000-000000"
    stray.write_bytes(b"damaged bytes")
    _sessions_over_days(manager, clock, days=30)
    assert kept.read_bytes() == stray.read_bytes() == b"damaged bytes"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_data_folder_database_and_backups_are_private(tmp_path: Path, clock: FakeClock) -> None:
    from etrainer.paths import data_dir
    from etrainer.storage.recovery import open_or_recover

    folder = data_dir(tmp_path / "new" / "data")
    path = folder / "etrainer.sqlite"
    result = open_or_recover(path, folder / "backups", clock=clock)
    try:
        ProfileService(result.database.sessions).create("Оксана")
        backup = BackupManager(path, folder / "backups", clock=clock).backup_now()
        modes = {p.name: p.stat().st_mode & 0o777 for p in (folder, path, backup, folder / "backups",
                                                            path.with_name(path.name + "-wal"),
                                                            path.with_name(path.name + "-shm"),
                                                            path.with_name(path.name + ".commits"))}
    finally:
        result.database.dispose()
    assert modes == {"data": 0o700, "etrainer.sqlite": 0o600, backup.name: 0o600, "backups": 0o700,
                     "etrainer.sqlite-wal": 0o600, "etrainer.sqlite-shm": 0o600, "etrainer.sqlite.commits": 0o600}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_an_existing_database_and_backups_of_ours_are_tightened(db_path: Path, clock: FakeClock) -> None:
    from etrainer.storage.recovery import open_or_recover

    backup = BackupManager(db_path, db_path.parent / "backups", clock=clock).backup_now()
    for path, mode in ((db_path, 0o644), (backup, 0o644), (backup.parent, 0o755)):
        path.chmod(mode)
    result = open_or_recover(db_path, db_path.parent / "backups", clock=clock)
    result.database.dispose()
    assert [p.stat().st_mode & 0o777 for p in (db_path, backup, backup.parent)] == [0o600, 0o600, 0o700]


@pytest.mark.parametrize(("log", "events"), [("[" * 100_000 + "]" * 100_000, 0),
                                             ('[{"at": ' + "[" * 900 + "]" * 900 + "}]", 1),
                                             ("{not json", 0), ('{"at": "2025-03-12"}', 0)])
def test_an_unreadable_recovery_log_is_read_as_empty(db_path: Path, learner: Profile, clock: FakeClock,
                                                     log: str, events: int) -> None:
    manager = BackupManager(db_path, db_path.parent / "backups", clock=clock)
    manager.events_path.write_text(log, encoding="utf-8")
    assert len(manager.events()) == events and manager.protected_until() is None
    made = _sessions_over_days(manager, clock, days=3)                # backups go on; the usual rule prunes
    assert len(manager.list_backups()) < len(made)
    manager.record_event("recovery", "damaged: test")                  # what a recovery writes afterwards
    assert [e.get("kind") for e in manager.events()][-1] == "recovery"
    assert manager.protected_until() is not None
