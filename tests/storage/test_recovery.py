"""Opening the database at start-up: conditions are classified before anything is done; damaged files are
kept aside, salvaged, and the newest sound backup returns with the salvaged records merged in."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from tests.conftest import FakeClock
from tests.storage.damage_kit import (
    Failed,
    add_answers,
    add_learner,
    count,
    damage_page_of,
    folder_digest,
    give_to_nobody,
    lock_held_by_another_process,
    names,
    run_unprivileged,
    shared_temp_dir,
)

from etrainer.core.errors import EtrainerError
from etrainer.services.profiles import ProfileService
from etrainer.storage import commits
from etrainer.storage.backup import BackupManager, BackupReason
from etrainer.storage.db import Database, integrity_check
from etrainer.storage.errors import (
    DatabaseCommitsLost,
    DatabaseDiskFull,
    DatabaseIOError,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseRecovered,
    DatabaseRestored,
    DatabaseSalvaged,
    DatabaseStartedFresh,
    NotEtrainerDatabase,
    OpeningDeclined,
)
from etrainer.storage.health import Condition, condition_of, diagnose, plain_errors
from etrainer.storage.recovery import OpenResult, StartChoice, open_or_recover


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


# -- classify before acting: environmental conditions are never damage --------------------------------------------

@pytest.fixture
def folder(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Path, Database]]:
    """A data folder opened through open_or_recover (commits tracked) with one learner, and its database."""
    path = tmp_path / "data" / "etrainer.sqlite"
    result = open_or_recover(path, path.parent / "backups", clock=clock)
    add_learner(result.database, "Оксана", visits=2)
    yield path, result.database
    result.database.dispose()


def test_a_locked_database_is_waited_for_then_named_and_never_moved(
        folder: tuple[Path, Database], clock: FakeClock) -> None:
    path, database = folder
    database.dispose()
    with lock_held_by_another_process(path, seconds=30):
        before = folder_digest(path.parent)
        with pytest.raises(DatabaseLocked) as raised:
            open_or_recover(path, path.parent / "backups", clock=clock, lock_wait=0.6)
        assert folder_digest(path.parent) == before  # nothing moved, replaced or added
    assert "Another Е-тренер is using this data" in str(raised.value) and str(path.parent) in str(raised.value)
    assert names(path) == ["Оксана"]


def test_a_lock_released_while_waiting_opens_normally(folder: tuple[Path, Database], clock: FakeClock,
                                                      opened: list[OpenResult]) -> None:
    path, database = folder
    database.dispose()
    with lock_held_by_another_process(path, seconds=1.0):
        result = open_or_recover(path, path.parent / "backups", clock=clock, lock_wait=20)
    opened.append(result)
    assert (result.condition, result.notice, result.quarantined) == (Condition.SOUND, None, None)
    assert _names(result) == ["Оксана"]


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_or_folder_is_named_and_nothing_moved(db_template: Path, clock: FakeClock,
                                                                    what: str) -> None:
    root = shared_temp_dir()
    try:
        data = root / "data"
        data.mkdir()
        path = data / "etrainer.sqlite"
        shutil.copyfile(db_template, path)
        BackupManager(path, data / "backups", clock=clock).backup_now()
        give_to_nobody(data, path)
        if what == "file":
            path.chmod(0o444)
        else:
            data.chmod(0o555)
        before = folder_digest(data)

        with pytest.raises(Failed) as raised:
            run_unprivileged(lambda: open_or_recover(path, data / "backups", clock=clock, lock_wait=0))

        assert raised.value.name == "DatabaseReadOnly", raised.value.details
        assert str(data) in raised.value.message and "nothing was moved or changed" in raised.value.message
        assert ("file is read-only" if what == "file" else "folder is read-only") in raised.value.message
        assert folder_digest(data) == before
    finally:
        data.chmod(0o755)
        shutil.rmtree(root)


def test_an_unopenable_database_path_is_an_io_error_not_damage(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "etrainer.sqlite"
    path.mkdir()  # a folder where the file should be
    (path / "inside.txt").write_text("kept")
    with pytest.raises(DatabaseIOError, match="it is a folder"):
        open_or_recover(path, tmp_path / "backups", clock=clock)
    assert (path / "inside.txt").read_text() == "kept" and list(tmp_path.glob("*.corrupt-*")) == []


def test_a_full_disk_is_told_as_such(healthy: Path) -> None:
    """SQLITE_FULL for real: a database not allowed to grow (max_page_count) reports the same code as a full disk."""
    with closing(sqlite3.connect(healthy)) as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DatabaseDiskFull) as raised, plain_errors(healthy):
            connection.executemany("INSERT INTO filler VALUES (?)", [("ї" * 3000,)] * 100)
    assert condition_of(raised.value.__cause__) is Condition.DISK_FULL
    assert str(healthy.parent) in str(raised.value)


# -- never start empty silently ------------------------------------------------------------------------------------

def _missing_with_backup(folder: tuple[Path, Database], clock: FakeClock) -> tuple[Path, Path]:
    path, database = folder
    backup = BackupManager(path, path.parent / "backups", clock=clock).backup_now()
    database.dispose()
    path.unlink()
    return path, backup


def test_a_missing_database_with_backups_is_a_question_not_a_fresh_start(
        folder: tuple[Path, Database], clock: FakeClock) -> None:
    path, backup = _missing_with_backup(folder, clock)
    with pytest.raises(DatabaseMissing) as raised:
        open_or_recover(path, path.parent / "backups", clock=clock)
    assert str(backup) in str(raised.value) and "Nothing was created" in str(raised.value)
    assert not path.exists()

    asked: list[tuple[str, tuple[StartChoice, ...]]] = []

    def quit_(question: EtrainerError, choices: tuple[StartChoice, ...]) -> StartChoice:
        asked.append((type(question).__name__, choices))
        return StartChoice.QUIT

    with pytest.raises(OpeningDeclined):
        open_or_recover(path, path.parent / "backups", clock=clock, decide=quit_)
    assert asked == [("DatabaseMissing", (StartChoice.RESTORE, StartChoice.FRESH, StartChoice.OTHER_FOLDER,
                                          StartChoice.QUIT))]
    assert not path.exists()


def test_a_missing_database_is_restored_when_the_user_says_so(
        folder: tuple[Path, Database], clock: FakeClock, opened: list[OpenResult]) -> None:
    path, backup = _missing_with_backup(folder, clock)
    result = open_or_recover(path, path.parent / "backups", clock=clock, decide=lambda q, c: StartChoice.RESTORE)
    opened.append(result)
    assert isinstance(result.notice, DatabaseRestored) and str(backup) in str(result.notice)
    assert result.recovered_from == backup and _names(result) == ["Оксана"]
    assert [e["kind"] for e in BackupManager(path, path.parent / "backups").events()] == ["restore"]


def test_starting_fresh_is_recorded_so_no_backup_is_pruned(
        folder: tuple[Path, Database], clock: FakeClock, opened: list[OpenResult]) -> None:
    path, backup = _missing_with_backup(folder, clock)
    result = open_or_recover(path, path.parent / "backups", clock=clock, decide=lambda q, c: StartChoice.FRESH)
    opened.append(result)
    assert _names(result) == [] and result.notice is None
    manager = BackupManager(path, path.parent / "backups", clock=clock)
    assert [e["kind"] for e in manager.events()] == ["fresh-start"]
    assert manager.protected_until() == clock.now + timedelta(days=7)
    assert backup.exists()


def _foreign_file(path: Path, kind: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as connection, connection:
        if kind == "learner table":
            connection.execute("CREATE TABLE learner (id INTEGER PRIMARY KEY, surname TEXT, grade INTEGER)")
            connection.execute("INSERT INTO learner (surname, grade) VALUES ('Шевченко', 11)")
        else:
            connection.execute("CREATE TABLE recipe (title TEXT, minutes INTEGER)")
            connection.execute("INSERT INTO recipe VALUES ('Борщ', 120)")


@pytest.mark.parametrize("kind", ["another app's tables", "learner table"])
def test_a_foreign_database_is_never_written_to_and_is_a_question(tmp_path: Path, clock: FakeClock,
                                                                  kind: str, opened: list[OpenResult]) -> None:
    path = tmp_path / "data" / "etrainer.sqlite"
    _foreign_file(path, kind)
    original = path.read_bytes()
    with pytest.raises(NotEtrainerDatabase) as raised:
        open_or_recover(path, tmp_path / "data" / "backups", clock=clock)
    assert "not an eTrainer database" in str(raised.value) and "left untouched" in str(raised.value)
    assert path.read_bytes() == original
    with pytest.raises(OpeningDeclined):
        open_or_recover(path, tmp_path / "data" / "backups", clock=clock, decide=lambda q, c: StartChoice.OTHER_FOLDER)
    assert path.read_bytes() == original and sorted(p.name for p in path.parent.iterdir()) == ["etrainer.sqlite"]

    result = open_or_recover(path, tmp_path / "data" / "backups", clock=clock, decide=lambda q, c: StartChoice.FRESH)
    opened.append(result)
    assert result.quarantined is not None and result.quarantined.name.startswith("etrainer.sqlite.not-etrainer-")
    assert result.quarantined.read_bytes() == original  # set aside unchanged, never written to
    assert _names(result) == []


# -- salvage before restoring --------------------------------------------------------------------------------------

@pytest.mark.parametrize("tool", ["sqlite3", None], ids=["sqlite3 tool", "table by table"])
def test_a_damaged_index_page_loses_no_answer(folder: tuple[Path, Database], clock: FakeClock, tool: str | None,
                                              opened: list[OpenResult]) -> None:
    path, database = folder
    backup = BackupManager(path, path.parent / "backups", clock=clock).backup_now()
    learner = add_learner(database, "Богдан", visits=3)
    add_answers(database, int(learner), 5)
    database.dispose()
    damage_page_of(path, "ix_quiz_response_question_id")
    damaged = path.read_bytes()
    assert integrity_check(path) is not None

    result = open_or_recover(path, path.parent / "backups", clock=clock, sqlite_tool=tool)
    opened.append(result)

    assert result.condition is Condition.DAMAGED and result.recovered_from == backup
    assert isinstance(result.notice, DatabaseRecovered)
    assert result.quarantined is not None and result.quarantined.read_bytes() == damaged
    assert count(path, "quiz_response") == 5 and count(path, "lesson_visit") == 5
    assert _names(result) == ["Богдан", "Оксана"]
    assert result.salvaged["quiz_response"] == 5 and result.salvaged["learner"] == 1
    sentence = str(result.notice)
    assert f"added the {sum(result.salvaged.values())} records" in sentence and str(backup) in sentence
    assert "may be missing" in sentence and str(result.quarantined) in sentence
    assert integrity_check(path) is None


def test_a_damaged_table_page_costs_only_the_rows_on_it(folder: tuple[Path, Database], clock: FakeClock,
                                                        opened: list[OpenResult]) -> None:
    path, database = folder
    learner = add_learner(database, "Богдан")
    for _ in range(6):
        add_answers(database, int(learner), 20)  # 120 answers over several pages
    database.dispose()
    with closing(sqlite3.connect(path)) as connection:
        pages = [row[0] for row in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'quiz_response' AND pagetype = 'leaf' ORDER BY pageno")]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    assert len(pages) >= 4
    with path.open("r+b") as file:  # a leaf page in the middle: its cell pointers become nonsense
        file.seek((pages[len(pages) // 2] - 1) * page_size)
        file.write(b"\x0d\x00\x00\x00\xff\xff\xff\xff" * 8)

    result = open_or_recover(path, path.parent / "backups", clock=clock, sqlite_tool=None)
    opened.append(result)

    assert result.condition is Condition.DAMAGED and result.recovered_from is None
    assert isinstance(result.notice, DatabaseSalvaged)
    salvaged = count(path, "quiz_response")
    assert 120 - 40 <= salvaged < 120  # the rows before and after the damaged page
    assert _names(result) == ["Богдан", "Оксана"]


def test_a_deleted_uncheckpointed_wal_is_noticed_and_told(folder: tuple[Path, Database], clock: FakeClock,
                                                          tmp_path: Path, opened: list[OpenResult]) -> None:
    path, database = folder
    BackupManager(path, path.parent / "backups", clock=clock).backup_now()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # Оксана is in the main file now
    add_learner(database, "Богдан", visits=3)  # only in the -wal
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    # The computer stops; the -wal file is lost (antivirus, a clean-up tool): copy the folder without it.
    after = tmp_path / "after"
    shutil.copytree(path.parent, after, ignore=shutil.ignore_patterns("*-wal", "*-shm"))
    lost = after / path.name
    assert diagnose(lost).condition is Condition.LOST_COMMITS

    result = open_or_recover(lost, after / "backups", clock=clock)
    opened.append(result)

    assert result.condition is Condition.LOST_COMMITS and isinstance(result.notice, DatabaseCommitsLost)
    assert "-wal file was lost" in str(result.notice) and "may be missing" in str(result.notice)
    assert result.quarantined is not None and result.quarantined.exists()
    assert _names(result) == ["Оксана"]  # what the file still had; Богдан's commits are gone with the -wal
    assert diagnose(lost).condition is Condition.SOUND  # the counter was recorded afresh


def test_commits_are_counted_only_when_something_was_written(folder: tuple[Path, Database]) -> None:
    path, database = folder
    recorded = commits.recorded_count(path)
    assert recorded is not None and recorded >= 3  # the profile and two visits
    ProfileService(database.sessions).list()  # a read
    assert commits.recorded_count(path) == recorded
    add_learner(database, "Богдан")
    assert commits.recorded_count(path) == recorded + 1
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == recorded + 1


def test_damaged_search_text_is_noticed_and_rebuilt(folder: tuple[Path, Database], clock: FakeClock,
                                                    opened: list[OpenResult]) -> None:
    from tests.conftest import build_course

    from etrainer.services.search import SearchService

    path, database = folder
    course = build_course()
    search = SearchService(database.sessions)
    search.course_id = course.id
    assert search.index_course(course, lambda lesson: lesson.body * 20)
    database.dispose()
    with closing(sqlite3.connect(path)) as connection:
        leaf = connection.execute("SELECT pageno FROM dbstat WHERE name = 'search_document' AND pagetype = 'leaf' "
                                  "ORDER BY pageno").fetchone()[0]
    data = bytearray(path.read_bytes())
    start = leaf * 4096 - 300  # the end of a leaf page holds the cells' text: no b-tree structure breaks
    data[start:start + 40] = b"X" * 40
    path.write_bytes(bytes(data))
    assert integrity_check(path) is None

    result = open_or_recover(path, path.parent / "backups", clock=clock)
    opened.append(result)

    assert result.condition is Condition.SOUND and result.quarantined is None
    assert result.problem is not None and "search index was damaged" in result.problem
    assert _names(result) == ["Оксана"]
    search = SearchService(result.database.sessions)
    search.course_id = course.id
    assert search.index_course(course, lambda lesson: lesson.body)  # indexed again from the course
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)")


def test_a_garbage_header_loses_nothing_that_is_on_the_pages(folder: tuple[Path, Database], clock: FakeClock,
                                                             opened: list[OpenResult]) -> None:
    path, database = folder
    backup = BackupManager(path, path.parent / "backups", clock=clock).backup_now()
    learner = add_learner(database, "Богдан", visits=3)
    add_answers(database, int(learner), 5)
    database.dispose()
    with path.open("r+b") as file:
        file.write(bytes(range(100)))  # the 100-byte file header is garbage; the pages are intact
    assert diagnose(path).condition is Condition.DAMAGED

    result = open_or_recover(path, path.parent / "backups", clock=clock)
    opened.append(result)

    assert result.recovered_from == backup and result.salvage_method is not None
    assert _names(result) == ["Богдан", "Оксана"]
    assert count(path, "quiz_response") == 5 and count(path, "lesson_visit") == 5


def test_a_database_without_tables_while_backups_exist_is_a_question(
        folder: tuple[Path, Database], clock: FakeClock, opened: list[OpenResult]) -> None:
    path, backup = _missing_with_backup(folder, clock)
    path.write_bytes(_blank_database())  # a valid SQLite file with no table (its creation was interrupted)
    assert diagnose(path).condition is Condition.BLANK
    with pytest.raises(DatabaseMissing):
        open_or_recover(path, path.parent / "backups", clock=clock)
    result = open_or_recover(path, path.parent / "backups", clock=clock, decide=lambda q, c: StartChoice.RESTORE)
    opened.append(result)
    assert result.recovered_from == backup and _names(result) == ["Оксана"]
    assert result.quarantined is not None and result.quarantined.name.startswith("etrainer.sqlite.blank-")


def _blank_database() -> bytes:
    """A database file with a header and no table (SQLite writes one on the first PRAGMA that needs it)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "blank.sqlite"
        with closing(sqlite3.connect(path)) as connection:
            connection.execute("PRAGMA user_version = 0")
            connection.execute("VACUUM")
        return path.read_bytes()


def test_a_missing_database_with_only_damaged_backups_is_still_a_question(
        folder: tuple[Path, Database], clock: FakeClock, opened: list[OpenResult]) -> None:
    path, backup = _missing_with_backup(folder, clock)
    backup.write_bytes(b"\x00" * 8192)
    offered: list[tuple[StartChoice, ...]] = []
    with pytest.raises(OpeningDeclined):
        open_or_recover(path, path.parent / "backups", clock=clock,
                        decide=lambda question, choices: offered.append(choices) or StartChoice.QUIT)
    assert offered == [(StartChoice.FRESH, StartChoice.OTHER_FOLDER, StartChoice.QUIT)]  # nothing to restore
    assert not path.exists() and backup.read_bytes() == b"\x00" * 8192


def test_a_short_read_is_damage_not_a_device_error() -> None:
    """SQLITE_IOERR_SHORT_READ: the file is shorter than its header says (a truncated copy, or a main file
    left half-checkpointed when its -wal was lost): recovered, not reported as a failing disk."""
    import sqlite3

    from etrainer.storage.health import Condition, condition_of

    short = sqlite3.OperationalError("disk I/O error")
    short.sqlite_errorcode = 522  # type: ignore[attr-defined]
    device = sqlite3.OperationalError("disk I/O error")
    device.sqlite_errorcode = 266  # type: ignore[attr-defined]  # SQLITE_IOERR_READ
    assert condition_of(short) is Condition.DAMAGED
    assert condition_of(device) is Condition.IO_ERROR


def test_a_damaged_file_is_not_moved_while_another_etrainer_holds_the_folder(
        folder: tuple[Path, Database], clock: FakeClock, opened: list[OpenResult]) -> None:
    """A command-line reader must not move the file from under a running app: it says so and changes nothing;
    once the folder is free, the same file is recovered as usual."""
    import subprocess
    import sys

    from etrainer.storage.errors import DatabaseLocked

    path, database = folder
    BackupManager(path, path.parent / "backups", clock=clock).backup_now()
    add_answers(database, int(add_learner(database, "Богдан", visits=1)), 5)
    database.dispose()
    damage_page_of(path, "ix_quiz_response_question_id")
    damaged = path.read_bytes()
    assert integrity_check(path) is not None
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; "
         "from etrainer.storage.folder_lock import DataFolderLock; "
         "lock = DataFolderLock(Path(sys.argv[1]), 'app'); assert lock.try_acquire(); print('held', flush=True); "
         "time.sleep(30)", str(path.parent)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseLocked):
            open_or_recover(path, path.parent / "backups", clock=clock)
        assert path.read_bytes() == damaged
        assert not [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    finally:
        holder.kill()
        holder.wait(timeout=10)
    result = open_or_recover(path, path.parent / "backups", clock=clock)
    opened.append(result)
    assert result.condition is Condition.DAMAGED and result.quarantined is not None


@pytest.mark.parametrize("forged", ["99999999999999999999999999", str(2**31), "-1", "-99999999999999999999"])
def test_a_counter_no_database_can_hold_is_unreadable_and_the_database_is_left_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], forged: str) -> None:
    from etrainer.cli import main

    data = tmp_path / "data"
    assert main(["profiles", "--data-dir", str(data)]) == 0  # a sound database, as a first start makes it
    path = data / "etrainer.sqlite"
    commits.sidecar_path(path).write_text(forged, encoding="ascii")
    os.utime(path, ns=(1_000_000_000_000_000_000,) * 2)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    assert commits.recorded_count(path) is None
    assert diagnose(path).condition is Condition.SOUND

    assert main(["profiles", "--data-dir", str(data)]) == 0          # a read-only command
    assert "damaged" not in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before  # nothing moved aside, salvaged or logged
    assert path.stat().st_mtime_ns == 1_000_000_000_000_000_000


def test_the_largest_counter_a_database_can_hold_is_still_checked(tmp_path: Path) -> None:
    from etrainer.cli import main

    data = tmp_path / "data"
    assert main(["profiles", "--data-dir", str(data)]) == 0
    path = data / "etrainer.sqlite"
    commits.sidecar_path(path).write_text(str(2**31 - 1), encoding="ascii")
    assert commits.recorded_count(path) == 2**31 - 1
    assert diagnose(path).condition is Condition.LOST_COMMITS
