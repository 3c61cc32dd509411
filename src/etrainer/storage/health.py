"""What state a database file is in, decided before anything is done to it.

Only real damage is damage: a file that is not a database, fails SQLite's integrity (or quick) check,
or makes SQLite report corruption. A lock, a read-only file or folder, an I/O error or a full disk are
conditions of their own, told apart by SQLite's (extended) result codes rather than message text;
nothing is ever moved aside or replaced for them. The file is only read here (`mode=ro`).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from enum import Enum
from os import PathLike
from pathlib import Path

from etrainer.core.errors import EtrainerError
from etrainer.storage import commits
from etrainer.storage.errors import DatabaseDiskFull, DatabaseIOError, DatabaseLocked, DatabaseReadOnly

SQLITE_HEADER = b"SQLite format 3\x00"
ETRAINER_TABLES = frozenset({"alembic_version", "learner", "lesson_visit", "lesson_progress"})
"""Tables every eTrainer database has had since the first schema."""


class Condition(Enum):
    SOUND = "sound"
    MISSING = "missing"
    BLANK = "blank"
    """A valid SQLite file without any table (a database whose creation was interrupted)."""
    DAMAGED = "damaged"
    LOST_COMMITS = "lost commits"
    """Sound, but the commit counter beside it says saved changes are missing (a lost -wal file)."""
    FOREIGN = "foreign"
    """A valid SQLite database that is not eTrainer's."""
    LOCKED = "locked"
    READ_ONLY = "read-only"
    DISK_FULL = "disk full"
    IO_ERROR = "i/o error"


ENVIRONMENTAL = frozenset({Condition.LOCKED, Condition.READ_ONLY, Condition.DISK_FULL, Condition.IO_ERROR})
"""Conditions of the surroundings, not of the data: never a reason to move or replace the file."""

_BY_PRIMARY_CODE = {
    5: Condition.LOCKED,      # SQLITE_BUSY
    6: Condition.LOCKED,      # SQLITE_LOCKED
    3: Condition.READ_ONLY,   # SQLITE_PERM
    8: Condition.READ_ONLY,   # SQLITE_READONLY
    23: Condition.READ_ONLY,  # SQLITE_AUTH
    14: Condition.READ_ONLY,  # SQLITE_CANTOPEN: the file or its folder cannot be opened for writing
    13: Condition.DISK_FULL,  # SQLITE_FULL
    10: Condition.IO_ERROR,   # SQLITE_IOERR (any extended code)
    15: Condition.IO_ERROR,   # SQLITE_PROTOCOL
    11: Condition.DAMAGED,    # SQLITE_CORRUPT (and SQLITE_CORRUPT_VTAB, _SEQUENCE, _INDEX)
    26: Condition.DAMAGED,    # SQLITE_NOTADB
}
SQLITE_IOERR_SHORT_READ = 522
"""An extended code that is about the file, not the device: it is shorter than its own header says (a
truncated copy, or a main file left half-checkpointed when its -wal was lost). That is damage."""
_BY_ERRNO = {errno.EACCES: Condition.READ_ONLY, errno.EPERM: Condition.READ_ONLY, errno.EROFS: Condition.READ_ONLY,
             errno.ENOSPC: Condition.DISK_FULL, errno.EDQUOT: Condition.DISK_FULL}


@dataclass(frozen=True, slots=True)
class Diagnosis:
    condition: Condition
    detail: str = ""
    """SQLite's or the system's words for what was found (technical detail)."""

    @property
    def is_damage(self) -> bool:
        return self.condition in (Condition.DAMAGED, Condition.LOST_COMMITS)


def condition_of(error: BaseException) -> Condition | None:
    """The condition an sqlite3 or OS error stands for, or None when it says nothing about the file."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None:
            if code == SQLITE_IOERR_SHORT_READ:
                return Condition.DAMAGED
            return _BY_PRIMARY_CODE.get(code & 0xFF)
        return None
    if isinstance(error, OSError):
        return _BY_ERRNO.get(error.errno or 0, Condition.IO_ERROR)
    return None


def error_for(condition: Condition, path: Path, detail: str) -> EtrainerError:
    """The typed error telling the user about an environmental condition of the database at `path`."""
    folder = str(path.parent)
    if condition is Condition.LOCKED:
        return DatabaseLocked(folder=folder)
    if condition is Condition.READ_ONLY:
        return DatabaseReadOnly(folder=folder, reason=detail)
    if condition is Condition.DISK_FULL:
        return DatabaseDiskFull(folder=folder)
    return DatabaseIOError(path=str(path), reason=detail)


@contextmanager
def plain_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3 and OS errors of the surroundings (lock, permission, disk) into their typed errors."""
    try:
        yield
    except Exception as error:
        if not isinstance(error, sqlite3.Error | OSError) and not _from_sqlalchemy(error):
            raise
        inner = getattr(error, "orig", None) or error  # SQLAlchemy wraps the sqlite3 error
        condition = condition_of(inner)
        if condition in ENVIRONMENTAL:
            raise error_for(condition, path, _words(inner)) from error  # type: ignore[arg-type]
        raise


def _from_sqlalchemy(error: BaseException) -> bool:
    """Whether `error` is SQLAlchemy's; asked without importing SQLAlchemy (the start's sqlite3-only peek uses this
    module before SQLAlchemy is imported, and no SQLAlchemy error can exist before it is)."""
    exceptions = sys.modules.get("sqlalchemy.exc")
    return exceptions is not None and isinstance(error, exceptions.SQLAlchemyError)


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def writable_problem(path: Path) -> str | None:
    """Why the database at `path` (or its folder) cannot be written, or None when it can (as far as the
    system's permission check says; a read-only mount or a lock shows up later as SQLite's result code)."""
    folder = path.parent
    if not folder.is_dir():
        return None
    if not os.access(folder, os.W_OK | os.X_OK):
        return "the folder is read-only"
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return "the database file is read-only"
    return None


def diagnose(db_path: str | PathLike[str], *, quick: bool = False, immutable: bool = False) -> Diagnosis:
    """What state the database file at `db_path` is in; reads only.

    `quick=True` runs `PRAGMA quick_check` instead of the full integrity check; `immutable=True` reads
    the file without locking or creating -wal/-shm files (for a copy nobody else uses).
    """
    path = Path(db_path)
    if not path.exists():
        return Diagnosis(Condition.MISSING, "the file does not exist")
    if path.is_dir():
        return Diagnosis(Condition.IO_ERROR, "it is a folder, not a file")
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        return Diagnosis(condition_of(error) or Condition.IO_ERROR, _words(error))
    if size == 0:
        return Diagnosis(Condition.DAMAGED, "the file is empty")
    if header != SQLITE_HEADER:
        return Diagnosis(Condition.DAMAGED, "the file is not a database (its header is wrong)")
    try:
        with closing(sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True, timeout=0)) as connection:
            rows = connection.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
            messages = [str(row[0]) for row in rows]
            if messages != ["ok"]:
                return Diagnosis(Condition.DAMAGED, "; ".join(messages[:5]))
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                return Diagnosis(Condition.BLANK, "the database has no tables")
            if not ETRAINER_TABLES.issubset(tables):
                shown = ", ".join(sorted(tables)[:6]) + (", …" if len(tables) > 6 else "")
                return Diagnosis(Condition.FOREIGN, f"its tables are {shown}")
            counted = commits.database_count(connection)
    except sqlite3.Error as error:
        return Diagnosis(condition_of(error) or Condition.IO_ERROR, _words(error))
    recorded = commits.recorded_count(path)
    if recorded is not None and counted < recorded:
        return Diagnosis(Condition.LOST_COMMITS, f"the file holds {counted} of {recorded} saved changes "
                                                 f"(its -wal file is missing)")
    return Diagnosis(Condition.SOUND)


def _words(error: BaseException) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    name = getattr(error, "sqlite_errorname", None)
    return f"{error} ({name})" if name else str(error)
