"""Backup copies of the SQLite database: made with SQLite's online backup API, kept with a rolling
retention, restorable without ever losing the current data.

Files live in the backups folder as `<reason>-<YYYYMMDD-HHMMSS-ffffff>.sqlite` (UTC), and
`pre-upgrade-<revision>-<stamp>.sqlite` before a schema upgrade. Each is a complete, single-file
database (journal mode DELETE), written to a temporary name and then renamed, so a half-written
backup never looks like a real one.

Retention applies to automatic "session" backups only (the ones made at start, while the app runs
and at exit), in the manner of `restic forget --keep-last 5 --keep-daily 7 --keep-weekly 5`: keep the
5 newest; and for each of the 7 most recent (UTC) days that have a backup, the newest of that day;
and for each of the 5 most recent ISO weeks that have one, the newest of that week. Manual,
pre-upgrade and pre-restore backups are never deleted automatically. Two more rules keep the data:
nothing at all is deleted during the 7 days after a recovery, a restore or a fresh start (recorded
in `recovery-log.json` in the data folder), and the newest backup holding records the current
database lacks (by their stable uid) is always kept. Files moved aside (`*.corrupt-*`,
`*.not-etrainer-*`) live beside the database and are never deleted.

On POSIX the backups folder is created 0700 and every backup file is 0600.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import uuid
from collections.abc import Callable, Hashable, Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum
from os import PathLike
from pathlib import Path

from etrainer.paths import make_private, make_private_dir
from etrainer.storage import commits
from etrainer.storage.db import connect_file, integrity_check
from etrainer.storage.errors import BackupDamaged, BackupFailed
from etrainer.storage.models import utc_now

log = logging.getLogger(__name__)

KEEP_LAST = 5
KEEP_DAILY = 7
KEEP_WEEKLY = 5
PROTECTED_DAYS = 7
"""Days after a recovery, restore or fresh start during which no backup is deleted."""
EVENTS_FILE = "recovery-log.json"
UID_TABLES = ("learner", "lesson_visit", "lesson_progress", "bookmark", "note", "quiz_attempt", "quiz_response",
              "walkthrough_attempt", "walkthrough_event")
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
SUFFIX = ".sqlite"
_NAME = re.compile(r"^(?P<reason>session|manual|pre-upgrade|pre-restore)-(?:(?P<revision>[\w.]+)-)?"
                   r"(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite$")
Clock = Callable[[], datetime]


class BackupReason(Enum):
    SESSION = "session"
    """Automatic, at start, while the app runs and at exit; pruned by the retention rule."""
    MANUAL = "manual"
    PRE_UPGRADE = "pre-upgrade"
    PRE_RESTORE = "pre-restore"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: BackupReason
    size: int
    revision: str | None = None
    """For a pre-upgrade backup, the schema revision the database was at."""


def parse_backup_name(path: Path) -> tuple[BackupReason, datetime, str | None] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    created = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
    return BackupReason(match["reason"]), created, match["revision"]


def retained(backups: Iterable[BackupInfo]) -> set[Path]:
    """The session backups the retention rule keeps (see the module docstring)."""
    sessions = sorted((b for b in backups if b.reason is BackupReason.SESSION),
                      key=lambda b: b.created_at, reverse=True)
    keep = {b.path for b in sessions[:KEEP_LAST]}

    def newest_per(bucket: Callable[[datetime], Hashable], count: int) -> None:
        seen: set[Hashable] = set()
        for backup in sessions:
            key = bucket(backup.created_at)
            if key in seen:
                continue
            if len(seen) == count:
                return
            seen.add(key)
            keep.add(backup.path)

    newest_per(lambda moment: moment.astimezone(UTC).date(), KEEP_DAILY)
    newest_per(lambda moment: moment.astimezone(UTC).isocalendar()[:2], KEEP_WEEKLY)
    return keep


def copy_database(source: Path, target: Path) -> None:
    """Copy a consistent snapshot of `source` to `target` (backup API, temporary file, rename)."""
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        with closing(connect_file(source)) as reader, closing(sqlite3.connect(temporary)) as writer:
            make_private(temporary)
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")
        os.utime(temporary)  # newer than any checkpoint the reader made on closing (see needs_backup)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _aside_name(path: Path, label: str, clock: Clock) -> Path:
    moment = clock()
    while True:
        candidate = path.with_name(f"{path.name}.{label}-{moment.strftime(STAMP_FORMAT)}")
        if not candidate.exists():
            return candidate
        moment += timedelta(microseconds=1)


def quarantine(path: Path, clock: Clock = utc_now, label: str = "corrupt") -> Path:
    """Move a damaged database (and its -wal/-shm files) aside to `<name>.<label>-<stamp>`; never overwrites,
    never deletes."""
    target = _aside_name(path, label, clock)
    for extra in ("-wal", "-shm"):
        companion = path.with_name(path.name + extra)
        if companion.exists():
            os.rename(companion, target.with_name(target.name + extra))
    os.rename(path, target)
    return target


class BackupManager:
    def __init__(self, db_path: str | PathLike[str], backups_dir: str | PathLike[str], *,
                 clock: Clock = utc_now) -> None:
        self.db_path = Path(db_path)
        self.backups_dir = Path(backups_dir)
        self._clock = clock

    def backup_now(self, reason: BackupReason = BackupReason.SESSION, *, revision: str | None = None) -> Path:
        """Copy the database into the backups folder now; prunes old session backups afterwards."""
        try:
            make_private_dir(self.backups_dir)
            target = self._new_path(reason, revision)
            copy_database(self.db_path, target)
        except (OSError, sqlite3.Error) as error:
            raise BackupFailed(folder=str(self.backups_dir), reason=str(error)) from error
        if reason is BackupReason.SESSION:
            self.prune()
        return target

    def list_backups(self) -> list[BackupInfo]:
        """Every backup in the folder, newest first."""
        if not self.backups_dir.is_dir():
            return []
        found = []
        for path in self.backups_dir.glob(f"*{SUFFIX}"):
            parsed = parse_backup_name(path)
            if parsed and path.is_file():
                reason, created, revision = parsed
                found.append(BackupInfo(path, created, reason, path.stat().st_size, revision))
        return sorted(found, key=lambda info: info.created_at, reverse=True)

    def prune(self) -> list[Path]:
        """Delete the session backups the retention rules no longer keep; returns them."""
        if self.protected_until() is not None:
            return []
        backups = self.list_backups()
        keep = retained(backups)
        removed = [b.path for b in backups if b.reason is BackupReason.SESSION and b.path not in keep]
        if not removed:
            return []
        holding = self.newest_holding_lost_records(backups)
        removed = [path for path in removed if path != holding]
        for path in removed:
            path.unlink(missing_ok=True)
        return removed

    @property
    def events_path(self) -> Path:
        return self.db_path.with_name(EVENTS_FILE)

    def record_event(self, kind: str, detail: str = "") -> None:
        """Note a recovery, restore or fresh start in the data folder (it protects backups for some days)."""
        events = self.events()
        events.append({"at": self._clock().astimezone(UTC).isoformat(timespec="seconds"), "kind": kind,
                       "detail": detail})
        temporary = self.events_path.with_name(f".{EVENTS_FILE}.{uuid.uuid4().hex}.tmp")
        try:
            temporary.write_text(json.dumps(events, ensure_ascii=False, indent=1), encoding="utf-8")
            make_private(temporary)
            os.replace(temporary, self.events_path)
        except OSError as error:
            log.warning("could not record %s in %s: %s", kind, self.events_path, error)
            temporary.unlink(missing_ok=True)

    def events(self) -> list[dict[str, str]]:
        try:
            loaded = json.loads(self.events_path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # RecursionError: nested too deep for the parser
            return []
        return [e for e in loaded if isinstance(e, dict)] if isinstance(loaded, list) else []

    def protected_until(self) -> datetime | None:
        """The end of the days after the latest recovery, restore or fresh start, if still to come."""
        moments = []
        for event in self.events():
            at = event.get("at")
            if not isinstance(at, str):  # a nested value would only be turned into text to fail
                continue
            try:
                moment = datetime.fromisoformat(at)
            except ValueError:
                continue
            if moment.tzinfo is not None:
                moments.append(moment)
        if not moments:
            return None
        until = max(moments) + timedelta(days=PROTECTED_DAYS)
        return until if until > self._clock() else None

    def newest_holding_lost_records(self, backups: list[BackupInfo] | None = None) -> Path | None:
        """The newest backup holding records (by uid) that the current database lacks, or None."""
        for info in backups if backups is not None else self.list_backups():
            if holds_records_missing_from(info.path, self.db_path):
                return info.path
        return None

    def needs_backup(self) -> bool:
        """True when the database changed since the newest session backup (or there is none yet);
        for the periodic backups while the app runs."""
        newest = next((b for b in self.list_backups() if b.reason is BackupReason.SESSION), None)
        if newest is None:
            return self.db_path.exists()
        files = [self.db_path, self.db_path.with_name(self.db_path.name + "-wal")]
        changed = max((f.stat().st_mtime_ns for f in files if f.exists()), default=0)
        return changed > newest.path.stat().st_mtime_ns

    def newest_sound(self) -> BackupInfo | None:
        """The newest backup that passes SQLite's integrity check."""
        return next((info for info in self.list_backups() if integrity_check(info.path) is None), None)

    def restore(self, backup: BackupInfo | str | PathLike[str]) -> None:
        """Put a backup's data in place of the current database.

        The current database is first saved as a "pre-restore" backup (or, if it is damaged, moved
        aside as `<name>.corrupt-<stamp>`), so a restore never loses data. The restored schema may be
        older: reopen the database through `open_or_recover` (which upgrades it) afterwards.
        """
        source = backup.path if isinstance(backup, BackupInfo) else Path(backup)
        if integrity_check(source) is not None:
            raise BackupDamaged(path=str(source))
        self.record_event("restore", source.name)
        if self.db_path.exists() and integrity_check(self.db_path) is None:
            self.backup_now(BackupReason.PRE_RESTORE)
            with closing(connect_file(source)) as reader, closing(connect_file(self.db_path)) as writer:
                reader.backup(writer)  # in place, so connections still open see the restored data
            commits.record_current(self.db_path)
            return
        if self.db_path.exists():
            quarantine(self.db_path, self._clock)
        copy_database(source, self.db_path)
        commits.record_current(self.db_path)

    def _new_path(self, reason: BackupReason, revision: str | None) -> Path:
        prefix = f"{reason.value}-{revision}-" if revision else f"{reason.value}-"
        moment = self._clock()
        while True:
            path = self.backups_dir / f"{prefix}{moment.astimezone(UTC).strftime(STAMP_FORMAT)}{SUFFIX}"
            if not path.exists():
                return path
            moment += timedelta(microseconds=1)


def holds_records_missing_from(backup: Path, db_path: Path) -> bool:
    """Whether the backup holds a learner's record (by uid) that the database lacks; True when it cannot
    tell (keeping a backup is the safe mistake)."""
    if not db_path.exists():
        return True
    try:
        with closing(sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)) as connection:
            connection.execute("ATTACH DATABASE ? AS kept", (backup.resolve().as_uri() + "?mode=ro",))
            for table in UID_TABLES:
                present = connection.execute(
                    "SELECT (SELECT count(*) FROM main.sqlite_master WHERE name = ?1), "
                    "(SELECT count(*) FROM kept.sqlite_master WHERE name = ?1)", (table,)).fetchone()
                if not present[1]:
                    continue
                if not present[0]:
                    return True
                lacking = connection.execute(f'SELECT EXISTS (SELECT 1 FROM kept."{table}" WHERE uid NOT IN '
                                             f'(SELECT uid FROM main."{table}"))').fetchone()[0]
                if lacking:
                    return True
    except sqlite3.Error as error:
        log.info("could not compare %s with %s: %s", backup, db_path, error)
        return True
    return False
