"""Expected failures (EtrainerError family) and problems found in course files (Problem)."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from etrainer.i18n import QT_TRANSLATE_NOOP


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a file of a course pack (or an imported file).

    `path` is shown relative to the pack root when possible; `line` is 1-based, 0 when unknown.
    """

    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """`file:line: message`, the form `etrainer check` prints."""
        prefix = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.path}:{self.line}: {prefix}{self.message}"

    def as_json(self) -> dict[str, object]:
        return {"file": self.path, "line": self.line, "message": self.message,
                "severity": self.severity.value}


def relative_name(path: Path, root: Path) -> str:
    """`path` relative to `root` with forward slashes, or the full path if outside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


class EtrainerError(Exception):
    """An expected failure with one clear, translatable sentence for the user.

    Subclasses set `text` (marked with QT_TRANSLATE_NOOP in the "Errors" context) with named
    placeholders; the UI translates `text` and formats it with `params`.
    """

    text = QT_TRANSLATE_NOOP("Errors", "Something went wrong.")

    def __init__(self, **params: object) -> None:
        super().__init__(self.text.format(**params))
        self.params = params


class CoursePackNotFound(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "No course pack was found at {path}: it needs a course.yaml file.")


class CoursePackUnreadable(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The course pack {path} cannot be read: {reason}")


class UnsafeArchive(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The file {path} was not unpacked: {reason}")


class LessonTooLarge(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The lesson is too large to show ({size} KB; the limit is {limit} KB).")


class NoCourse(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "No course was found (looked in {path}). Add a course from a file or folder.")


_DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_SQLITE_FULL = 13
_POSTGRES_DISK_FULL = "53100"


def is_disk_full(error: BaseException) -> bool:
    """Whether `error` says the disk is full: an OSError (ENOSPC, EDQUOT), SQLite's SQLITE_FULL («database or disk
    is full»), PostgreSQL's disk_full (53100), or SQLAlchemy's wrapping of one of them (its `orig`).

    The errors it was raised from or during count too: SQLite rolls a transaction back itself on SQLITE_FULL, so
    the error that reaches the caller may be SQLAlchemy's failing `ROLLBACK TO SAVEPOINT` during the full disk's.
    Asked by duck typing, so that this module needs neither sqlite3's nor SQLAlchemy's nor psycopg's types.
    """
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _DISK_FULL_ERRNOS:
            return True
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF == _SQLITE_FULL:
            return True
        if getattr(current, "sqlstate", None) == _POSTGRES_DISK_FULL:
            return True
        orig = getattr(current, "orig", None)
        pending += [orig if isinstance(orig, BaseException) else None, current.__cause__, current.__context__]
    return False
