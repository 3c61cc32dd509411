"""Opening the learner database at start-up: classify first, then act, never lose and never guess.

`health.diagnose` decides what state the file is in before anything is done:

- a lock (another eTrainer writing) is waited for a few seconds, then `DatabaseLocked` is raised;
  a read-only file or folder raises `DatabaseReadOnly`, a full disk `DatabaseDiskFull`, an I/O error
  `DatabaseIOError` — the file is never moved or replaced for these;
- real damage (not a database, integrity check failed, SQLite reports corruption) and lost commits
  (the commit counter beside the file is ahead of the file: a lost -wal) are recovered: the file is
  moved aside to `<name>.corrupt-<stamp>` (with its -wal/-shm; never overwritten, never deleted),
  what can still be read from it is salvaged (`storage.salvage`), the newest sound backup takes its
  place, and the salvaged records the backup lacks are merged into it;
- a missing database while backups exist, or a file that is not eTrainer's, is a question
  (`decide(question, choices)` → StartChoice); without `decide` (the command line) the question is
  raised as the error it is (`DatabaseMissing`, `NotEtrainerDatabase`). A foreign file is never written
  to: when the user chooses to restore or start fresh, it is only renamed to `<name>.not-etrainer-<stamp>`.

Then the schema is upgraded (after a pre-upgrade copy). `OpenResult.notice` carries the sentence the UI
shows (what was restored, salvaged and may be missing), None when all was well. A recovery, restore or
fresh start is recorded in the data folder so no backup is deleted in the days after (see storage.backup).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from os import PathLike
from pathlib import Path

from etrainer.core.errors import EtrainerError
from etrainer.paths import make_private
from etrainer.storage import commits
from etrainer.storage.backup import BackupInfo, BackupManager, Clock, copy_database, quarantine
from etrainer.storage.db import Database, open_database
from etrainer.storage.errors import (
    DatabaseCommitsLost,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseRecovered,
    DatabaseRestored,
    DatabaseSalvaged,
    DatabaseStartedFresh,
    NotEtrainerDatabase,
    OpeningDeclined,
)
from etrainer.storage.health import (
    ENVIRONMENTAL,
    Condition,
    Diagnosis,
    condition_of,
    diagnose,
    error_for,
    plain_errors,
    writable_problem,
)
from etrainer.storage.migrate import upgrade_to_head
from etrainer.storage.models import FTS_TABLE, utc_now
from etrainer.storage.salvage import Salvage, merge, salvage

log = logging.getLogger(__name__)

LOCK_WAIT_S = 5.0
"""How long a lock held by another eTrainer is waited for before saying so."""
_LOCK_POLL_S = 0.2


class StartChoice(Enum):
    RESTORE = "restore"
    """Restore the newest backup."""
    FRESH = "fresh"
    """Start with an empty database."""
    OTHER_FOLDER = "other-folder"
    QUIT = "quit"


Decide = Callable[[EtrainerError, tuple[StartChoice, ...]], StartChoice | None]
"""Asks the user `question` (DatabaseMissing or NotEtrainerDatabase) offering `choices`; None = quit."""


@dataclass(frozen=True, slots=True)
class OpenResult:
    database: Database
    recovered_from: Path | None
    """The backup whose data replaced a damaged or missing database."""
    quarantined: Path | None
    """Where the damaged (or foreign) file was moved."""
    notice: EtrainerError | None
    """What to tell the learner (DatabaseRecovered, DatabaseCommitsLost, DatabaseSalvaged, DatabaseRestored,
    DatabaseStartedFresh), or None."""
    pre_upgrade_backup: Path | None = None
    """The copy made before the schema was upgraded, if it was."""
    problem: str | None = None
    """What SQLite said about the damaged file (technical detail for the dialog's details)."""
    condition: Condition = Condition.SOUND
    """What state the file was found in."""
    salvaged: dict[str, int] = field(default_factory=dict)
    """Records merged from the damaged file, per table."""
    salvage_method: str | None = None

    @property
    def message_key(self) -> str | None:
        """The notice's class name ("DatabaseRecovered", "DatabaseStartedFresh", …), or None."""
        return type(self.notice).__name__ if self.notice else None


@dataclass
class _Plan:
    recovered_from: BackupInfo | None = None
    quarantined: Path | None = None
    notice: EtrainerError | None = None
    salvage: Salvage | None = None
    damaged_at: datetime | None = None
    changed: bool = False
    """The file was replaced or created anew: its commit counter is recorded afresh."""


def open_or_recover(db_path: str | PathLike[str], backups_dir: str | PathLike[str], *,
                    clock: Clock = utc_now, quick: bool = False, decide: Decide | None = None,
                    lock_wait: float | None = None, sqlite_tool: str | None = "sqlite3") -> OpenResult:
    """Open (creating or upgrading as needed) the database at `db_path`, recovering it if damaged.

    `quick=True` checks the file with `PRAGMA quick_check` instead of the full integrity check.
    `lock_wait` is how long a lock is waited for (default LOCK_WAIT_S seconds). `sqlite_tool` is the
    command-line tool whose `.recover` salvages a damaged file (None: read it table by table).
    Raises DatabaseLocked, DatabaseReadOnly, DatabaseDiskFull, DatabaseIOError (nothing moved),
    DatabaseMissing / NotEtrainerDatabase (without `decide`), OpeningDeclined (the user chose to quit or
    another folder), DatabaseNewer (from a newer eTrainer; nothing is touched) or DatabaseUpgradeFailed.
    """
    path = Path(db_path)
    backups = BackupManager(path, backups_dir, clock=clock)
    with plain_errors(path):
        diagnosis = _diagnose(path, quick=quick, lock_wait=LOCK_WAIT_S if lock_wait is None else lock_wait)
        plan = _Plan()
        if diagnosis.condition in (Condition.MISSING, Condition.BLANK):
            _when_missing(path, diagnosis, backups, decide, plan, clock)
        elif diagnosis.condition is Condition.FOREIGN:
            _when_foreign(path, diagnosis, backups, decide, plan, clock)
        elif diagnosis.is_damage:
            _when_damaged(path, diagnosis, backups, plan, clock, sqlite_tool)
        pre_upgrade = upgrade_to_head(path, backups_dir, clock=clock)
        merged = merge(plan.salvage, path) if plan.salvage is not None else {}
        if diagnosis.is_damage:
            plan.notice = _damage_notice(path, diagnosis, plan, sum(merged.values()))
        search_problem = _repair_search_index(path)
        for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                     commits.sidecar_path(path), backups.backups_dir, *(b.path for b in backups.list_backups())):
            make_private(file)  # also the files an older eTrainer made readable by others
        if plan.changed:
            commits.record_current(path)
        database = open_database(path)
        commits.track(database.engine, path)
    problem = diagnosis.detail if diagnosis.condition is not Condition.SOUND else search_problem
    return OpenResult(database, plan.recovered_from.path if plan.recovered_from else None, plan.quarantined,
                      plan.notice, pre_upgrade, problem or None, diagnosis.condition, merged,
                      plan.salvage.method if plan.salvage else None)


def _diagnose(path: Path, *, quick: bool, lock_wait: float) -> Diagnosis:
    deadline = time.monotonic() + lock_wait
    while True:
        problem = writable_problem(path)
        if problem is not None:
            raise DatabaseReadOnly(folder=str(path.parent), reason=problem)
        diagnosis = diagnose(path, quick=quick)
        if diagnosis.condition is Condition.LOCKED and time.monotonic() < deadline:
            time.sleep(_LOCK_POLL_S)
            continue
        if diagnosis.condition in ENVIRONMENTAL:
            log.warning("database %s cannot be opened: %s", path, diagnosis.detail)
            raise error_for(diagnosis.condition, path, diagnosis.detail)
        return diagnosis


def _ask(decide: Decide | None, question: EtrainerError, choices: tuple[StartChoice, ...], path: Path) -> StartChoice:
    if decide is None:
        raise question
    choice = decide(question, choices)
    if choice not in (StartChoice.RESTORE, StartChoice.FRESH) or choice not in choices:
        raise OpeningDeclined(folder=str(path.parent), choice=choice or StartChoice.QUIT)
    return choice


def _when_missing(path: Path, diagnosis: Diagnosis, backups: BackupManager, decide: Decide | None, plan: _Plan,
                  clock: Clock) -> None:
    listed = backups.list_backups()
    if not listed:
        return  # a first start: a new database is made
    newest = backups.newest_sound()
    shown = newest or listed[0]
    question = DatabaseMissing(path=str(path), count=len(listed), backup=str(shown.path),
                               backup_date=when(shown.created_at))
    choices = ((StartChoice.RESTORE,) if newest else ()) + (StartChoice.FRESH, StartChoice.OTHER_FOLDER,
                                                            StartChoice.QUIT)
    choice = _ask(decide, question, choices, path)
    _refuse_while_another_process_holds(path)
    if diagnosis.condition is Condition.BLANK:
        plan.quarantined = quarantine(path, clock, "blank")
    _restore_or_start_fresh(path, choice, newest, backups, plan)


def _when_foreign(path: Path, diagnosis: Diagnosis, backups: BackupManager, decide: Decide | None, plan: _Plan,
                  clock: Clock) -> None:
    newest = backups.newest_sound()
    choices = ((StartChoice.RESTORE,) if newest else ()) + (StartChoice.FRESH, StartChoice.OTHER_FOLDER,
                                                            StartChoice.QUIT)
    choice = _ask(decide, NotEtrainerDatabase(path=str(path), reason=diagnosis.detail), choices, path)
    _refuse_while_another_process_holds(path)
    plan.quarantined = quarantine(path, clock, "not-etrainer")  # renamed only: its bytes stay as they were
    _restore_or_start_fresh(path, choice, newest, backups, plan)


def _restore_or_start_fresh(path: Path, choice: StartChoice, newest: BackupInfo | None, backups: BackupManager,
                            plan: _Plan) -> None:
    plan.changed = True
    if choice is StartChoice.RESTORE and newest is not None:
        copy_database(newest.path, path)
        plan.recovered_from = newest
        plan.notice = DatabaseRestored(backup=str(newest.path), backup_date=when(newest.created_at))
        backups.record_event("restore", newest.path.name)
    else:
        backups.record_event("fresh-start", plan.quarantined.name if plan.quarantined else "")


def _refuse_while_another_process_holds(path: Path) -> None:
    """Nothing is moved aside or replaced while another Е-тренер (the app, or a command-line writer) holds
    the data folder: it may have the file open, and this process could be a command-line reader."""
    from etrainer.storage.folder_lock import held_by_another_process

    if held_by_another_process(path.parent) is not None:
        raise DatabaseLocked(folder=str(path.parent))


def _when_damaged(path: Path, diagnosis: Diagnosis, backups: BackupManager, plan: _Plan, clock: Clock,
                  sqlite_tool: str | None) -> None:
    log.warning("database %s is damaged: %s", path, diagnosis.detail)
    _refuse_while_another_process_holds(path)
    plan.quarantined = quarantine(path, clock)
    plan.damaged_at = _last_written(plan.quarantined)
    plan.salvage = salvage(plan.quarantined, sqlite_tool=sqlite_tool)
    log.warning("salvaged %d rows from %s (%s)", plan.salvage.rows, plan.quarantined, plan.salvage.method)
    plan.recovered_from = backups.newest_sound()
    if plan.recovered_from is not None:
        copy_database(plan.recovered_from.path, path)
    plan.changed = True
    backups.record_event("recovery", f"{diagnosis.condition.value}: {diagnosis.detail}")


def _damage_notice(path: Path, diagnosis: Diagnosis, plan: _Plan, salvaged: int) -> EtrainerError:
    kept = str(plan.quarantined)
    backup = plan.recovered_from
    if backup is None:
        if salvaged:
            return DatabaseSalvaged(path=str(path), salvaged=salvaged, kept=kept)
        return DatabaseStartedFresh(path=str(path), kept=kept)
    params = {"path": str(path), "backup": str(backup.path), "backup_date": when(backup.created_at),
              "salvaged": salvaged, "damaged_at": when(plan.damaged_at or utc_now()), "kept": kept}
    if diagnosis.condition is Condition.LOST_COMMITS:
        return DatabaseCommitsLost(**params)
    return DatabaseRecovered(**params)


def _repair_search_index(path: Path) -> str | None:
    """Check the full-text index (derived data) and rebuild it when it is damaged; the course is indexed
    again on the next start of the reader. Returns what was wrong, None when nothing was."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        if connection.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).fetchone()[0] == 0:
            return None
        try:
            # rank 1: also compare the index with the documents' text (damage there breaks no b-tree)
            connection.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
            return None
        except sqlite3.Error as error:
            if condition_of(error) is not Condition.DAMAGED:
                raise
            problem = f"the search index was damaged ({error}); it was rebuilt"
        log.warning("database %s: %s", path, problem)
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        connection.execute("DELETE FROM search_course")  # so the course's documents are indexed again
        connection.execute("COMMIT")
    return problem


def when(moment: datetime) -> str:
    """A moment as the user reads it: local time, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _last_written(path: Path) -> datetime:
    files = [path, path.with_name(path.name + "-wal")]
    stamp = max(f.stat().st_mtime for f in files if f.exists())
    return datetime.fromtimestamp(stamp, UTC)
