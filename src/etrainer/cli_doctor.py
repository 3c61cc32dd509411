"""`etrainer doctor` and `etrainer backup` (wired into cli.py by `register` and `run`).

    etrainer doctor [--data-dir D] [--json]   check a data folder without changing anything
    etrainer backup [--data-dir D]            make a backup now and print its path

`doctor` never creates the folder and never opens the database for writing: the database (and its -wal)
is copied to a temporary folder elsewhere and checked there, so not one byte in the data folder changes
(SQLite would otherwise create -wal/-shm files beside it even for a read-only connection). One verdict
per check; exit status 0 when all is well, 1 when something needs attention. No Qt is imported.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from etrainer.cli_options import data_dir_option

COMMANDS = ("doctor", "backup")
MIN_FREE_BYTES = 100 * 1024 * 1024
"""Free space below this (or below three times the database) needs attention."""


def register(commands: Any) -> None:
    doctor = commands.add_parser("doctor", help="check a data folder (database health, schema, backups, lock, "
                                 "permissions, free space) without changing anything")
    data_dir_option(doctor)
    doctor.add_argument("--json", action="store_true", help='print {"checks": [{"name", "ok", "message"}], "ok"}')
    backup = commands.add_parser("backup", help="make a backup of the progress database now and print its path")
    data_dir_option(backup)



@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    message: str

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "ok": self.ok, "message": self.message}


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    if args.command == "doctor":
        return _doctor(args, out)
    return _backup(args, out, err)


def _backup(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from etrainer.core.errors import EtrainerError
    from etrainer.paths import backups_dir, data_dir_path, database_path
    from etrainer.storage.backup import BackupManager, BackupReason
    from etrainer.storage.health import Condition, diagnose

    folder = data_dir_path(getattr(args, "data_dir", None))
    database = database_path(folder)
    diagnosis = diagnose(database)
    if diagnosis.condition is not Condition.SOUND:
        print(f"etrainer backup: {database} was not copied: {diagnosis.condition.value} ({diagnosis.detail}). "
              f"Run `etrainer doctor --data-dir {folder}` for details.", file=err)
        return 1
    try:
        path = BackupManager(database, backups_dir(folder)).backup_now(BackupReason.MANUAL)
    except EtrainerError as error:
        print(f"etrainer backup: {error}", file=err)
        return 1
    print(path, file=out)
    return 0


def _doctor(args: argparse.Namespace, out: TextIO) -> int:
    from etrainer.paths import data_dir_path

    checks = doctor_checks(data_dir_path(getattr(args, "data_dir", None)))
    healthy = all(check.ok for check in checks)
    if args.json:
        print(json.dumps({"checks": [c.as_json() for c in checks], "ok": healthy}, ensure_ascii=False, indent=2),
              file=out)
    else:
        for check in checks:
            print(f"{'ok' if check.ok else 'NEEDS ATTENTION':<16}{check.name}: {check.message}", file=out)
        bad = sum(not check.ok for check in checks)
        print("All is well." if healthy else f"{bad} check(s) need attention.", file=out)
    return 0 if healthy else 1


def doctor_checks(folder: Path) -> list[Check]:
    """Every check of the data folder `folder`, in a fixed order; reads only."""
    from etrainer.paths import backups_dir, database_path

    database = database_path(folder)
    if not folder.is_dir():
        return [Check("data folder", False, f"{folder} does not exist (nothing was created)")]
    checks = [Check("data folder", True, str(folder))]
    with tempfile.TemporaryDirectory(prefix="etrainer-doctor-") as scratch:
        snapshot = _snapshot(database, Path(scratch)) if database.is_file() else None
        checks.append(_guarded("database", lambda: _database_check(database, snapshot)))
        checks.append(_guarded("schema", lambda: _schema_check(database, snapshot)))
        checks.append(_guarded("saved changes", lambda: _commits_check(database, snapshot)))
    checks.append(_guarded("backups", lambda: _backups_check(backups_dir(folder))))
    checks.append(_guarded("lock", lambda: _lock_check(database)))
    checks.append(_guarded("permissions", lambda: _permissions_check(folder, database, backups_dir(folder))))
    checks.append(_guarded("free space", lambda: _space_check(folder, database)))
    return checks


def _guarded(name: str, check: Callable[[], tuple[bool, str]]) -> Check:
    try:
        ok, message = check()
    except (OSError, sqlite3.Error) as error:
        return Check(name, False, f"could not be checked: {error}")
    return Check(name, ok, message)


def _snapshot(database: Path, scratch: Path) -> Path:
    """A copy of the database and its -wal outside the data folder, to be checked without touching it."""
    copy = scratch / database.name
    shutil.copyfile(database, copy)
    wal = database.with_name(database.name + "-wal")
    if wal.is_file():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    return copy


def _database_check(database: Path, snapshot: Path | None) -> tuple[bool, str]:
    from etrainer.storage.health import Condition, diagnose

    if snapshot is None:
        return False, f"{database} does not exist (eTrainer will ask before starting without it)"
    diagnosis = diagnose(snapshot)  # no commit counter beside the copy: that is the "saved changes" check
    if diagnosis.condition is Condition.SOUND:
        size = database.stat().st_size
        return True, f"{database} passes SQLite's integrity check ({size // 1024} KB)"
    return False, f"{database}: {diagnosis.condition.value}: {diagnosis.detail}"


def _schema_check(database: Path, snapshot: Path | None) -> tuple[bool, str]:
    from etrainer.storage.migrate import head_revision, script_directory

    if snapshot is None:
        return False, "no database to check"
    head = head_revision()
    with closing(sqlite3.connect(snapshot.as_uri() + "?mode=ro", uri=True)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            return False, "no eTrainer schema revision (not an eTrainer database, or damaged)"
    revision = row[0] if row else None
    if revision == head:
        return True, f"revision {revision} (the newest)"
    known = {r.revision for r in script_directory().walk_revisions()}
    if revision in known:
        return True, f"revision {revision}; eTrainer upgrades it to {head} at the next start"
    return False, f"revision {revision} is from a newer eTrainer (this one knows up to {head})"


def _commits_check(database: Path, snapshot: Path | None) -> tuple[bool, str]:
    from etrainer.storage import commits

    recorded = commits.recorded_count(database)
    if snapshot is None or recorded is None:
        return True, "no commit counter recorded yet"
    with closing(sqlite3.connect(snapshot.as_uri() + "?mode=ro", uri=True)) as connection:
        counted = commits.database_count(connection)
    if counted < recorded:
        return False, (f"the database holds {counted} of {recorded} saved changes: its -wal file was lost; "
                       f"eTrainer will recover at the next start")
    return True, f"{counted} saved changes, as recorded"


def _backups_check(folder: Path) -> tuple[bool, str]:
    from etrainer.storage.backup import BackupManager
    from etrainer.storage.health import Condition, diagnose

    backups = BackupManager(folder / "-", folder).list_backups()
    if not backups:
        return False, f"no backups in {folder}"
    newest = backups[0]
    diagnosis = diagnose(newest.path, quick=True, immutable=True)
    stamp = newest.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    if diagnosis.condition is not Condition.SOUND:
        return False, (f"{len(backups)} backup(s); the newest, {newest.path.name} ({stamp}), does not open: "
                       f"{diagnosis.condition.value} {diagnosis.detail}".rstrip())
    return True, f"{len(backups)} backup(s); the newest, {newest.path.name} ({stamp}), opens and passes quick_check"


def _lock_check(database: Path) -> tuple[bool, str]:
    """Whether another process holds SQLite's locks on the database (POSIX advisory locks, tested with
    F_GETLK, which neither takes a lock nor changes a byte)."""
    try:
        import fcntl
    except ImportError:
        return True, "not checked on this system"
    if not database.is_file():
        return True, "no database, no lock"
    holders = []
    # SQLite's lock bytes: PENDING, RESERVED and the SHARED range at 1 GiB in the database file;
    # in WAL mode the -shm file's lock slots (120..127) and its "DMS" byte (128).
    targets = [(database, 0x40000000, 512)]
    shm = database.with_name(database.name + "-shm")
    if shm.is_file():
        targets.append((shm, 120, 9))
    for path, start, length in targets:
        with path.open("rb") as file:
            query = _flock(fcntl.F_WRLCK, start, length)
            answer = fcntl.fcntl(file.fileno(), fcntl.F_GETLK, query)
            kind, pid = _unflock(answer)
            if kind != fcntl.F_UNLCK:
                holders.append(pid)
    if holders:
        pids = ", ".join(str(pid) for pid in sorted(set(holders)))
        return False, f"the database is open in another process (pid {pids}): close eTrainer there first"
    return True, "no other process has the database open"


def _flock(kind: int, start: int, length: int) -> bytes:
    import struct

    return struct.pack("hhqqi", kind, os.SEEK_SET, start, length, 0)


def _unflock(data: bytes) -> tuple[int, int]:
    import struct

    kind, _whence, _start, _length, pid = struct.unpack("hhqqi", data[:struct.calcsize("hhqqi")])
    return kind, pid


def _permissions_check(folder: Path, database: Path, backups: Path) -> tuple[bool, str]:
    problems = []
    if not os.access(folder, os.W_OK | os.X_OK):
        problems.append(f"{folder} is not writable")
    if database.exists() and not os.access(database, os.R_OK | os.W_OK):
        problems.append(f"{database} is not writable")
    if os.name == "posix":
        wide = [path for path in (folder, database, backups, *backups.glob("*.sqlite"))
                if path.exists() and path.stat().st_mode & 0o077]
        if wide:
            shown = ", ".join(p.name or str(p) for p in wide[:4]) + (" …" if len(wide) > 4 else "")
            problems.append(f"readable by other users: {shown} (eTrainer makes its own files private at the next "
                            f"start; for the folder: chmod 700 {folder})")
    if problems:
        return False, "; ".join(problems)
    return True, "writable, and private to this user" if os.name == "posix" else "writable"


def _space_check(folder: Path, database: Path) -> tuple[bool, str]:
    free = shutil.disk_usage(folder).free
    size = database.stat().st_size if database.is_file() else 0
    needed = max(MIN_FREE_BYTES, 3 * size)
    message = f"{free // (1024 * 1024)} MB free"
    if free < needed:
        return False, f"{message}; at least {needed // (1024 * 1024)} MB are needed for the database and its backups"
    return True, message
