"""Saving that fails says so: the one place where database errors become sentences.

Every service opens its transactions through `GuardedSessions.begin()`. When SQLite refuses (disk
full, read-only file or folder, locked past the busy timeout, an I/O error, a damaged file), the
SQLAlchemy exception becomes a `SaveFailed` subclass with one sentence for the learner, and the
`SaveMonitor` is told; when a transaction that wrote something commits again, the monitor hears that
saving works again. The UI shows one persistent banner from the monitor (never a dialog per write);
the failure is logged once, not once per write.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from etrainer.services.save_errors import (
    SaveFailed,
    SaveFailedDamaged,
    SaveFailedDiskFull,
    SaveFailedIOError,
    SaveFailedLocked,
    SaveFailedReadOnly,
    SaveFailure,
)
from etrainer.storage.db import sqlite_transaction
from etrainer.storage.health import Condition, condition_of

log = logging.getLogger(__name__)


_KINDS: dict[Condition, type[SaveFailed]] = {  # how storage.health reads SQLite's result codes, as sentences
    Condition.DISK_FULL: SaveFailedDiskFull,
    Condition.READ_ONLY: SaveFailedReadOnly,
    Condition.LOCKED: SaveFailedLocked,
    Condition.IO_ERROR: SaveFailedIOError,
    Condition.DAMAGED: SaveFailedDamaged,
}
_WORDS: tuple[tuple[str, type[SaveFailed]], ...] = (
    ("disk is full", SaveFailedDiskFull), ("readonly", SaveFailedReadOnly), ("read-only", SaveFailedReadOnly),
    ("locked", SaveFailedLocked), ("disk i/o", SaveFailedIOError), ("malformed", SaveFailedDamaged),
    ("not a database", SaveFailedDamaged),
)


def save_failed(error: BaseException, folder: Path | str = "") -> SaveFailed:
    """The SaveFailed subclass for a database error (SQLAlchemy's or sqlite3's)."""
    original = getattr(error, "orig", None) or error
    detail = str(original).strip() or type(original).__name__
    kind: type[SaveFailed] = SaveFailed
    condition = condition_of(original) if isinstance(getattr(original, "sqlite_errorcode", None), int) else None
    if condition in _KINDS:
        kind = _KINDS[condition]
    else:
        lowered = detail.lower()
        kind = next((k for words, k in _WORDS if words in lowered), SaveFailed)
    return kind(detail=detail, folder=str(folder))


def is_storage_error(error: BaseException) -> bool:
    """A database refusal (disk, lock, permissions, damage); constraint violations are not."""
    if isinstance(error, IntegrityError | sqlite3.IntegrityError):
        return False
    return isinstance(error, DatabaseError | sqlite3.DatabaseError)


class SaveMonitor:
    """Whether saving works now; listeners hear each change (a SaveFailed, or None when it works again).

    Listeners may be called from any thread that uses the services.
    """

    def __init__(self) -> None:
        self.failure: SaveFailed | None = None
        self._listeners: list[Callable[[SaveFailed | None], None]] = []
        self._logged: set[SaveFailure] = set()
        self._lock = threading.Lock()

    def subscribe(self, listener: Callable[[SaveFailed | None], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[SaveFailed | None], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def failed(self, failure: SaveFailed) -> None:
        with self._lock:
            changed = self.failure is None or type(self.failure) is not type(failure)
            self.failure = failure
            first = failure.reason not in self._logged
            self._logged.add(failure.reason)
        if changed:
            # Once per kind of failure: a full disk that comes and goes must not fill the log.
            log.log(logging.WARNING if first else logging.DEBUG, "saving failed (%s): %s", failure.reason,
                    failure.params.get("detail"))
            self._notify(failure)

    def saved(self) -> None:
        with self._lock:
            changed, self.failure = self.failure is not None, None
        if changed:
            log.debug("saving works again")
            self._notify(None)

    def _notify(self, failure: SaveFailed | None) -> None:
        for listener in list(self._listeners):
            listener(failure)


class ProgressSaved:
    """Listeners hear the learner whose progress was just saved in a way an LRS would see: a finished quiz attempt
    or walkthrough, a lesson's time or mark (the learner's automatic sending to an LRS listens). Not each answer:
    an attempt goes to an LRS when it is finished (exchange.xapi.settled).

    Called on the saving thread after the commit; a listener must return at once (the save waits for it) and its
    failure is logged, never raised into the save.
    """

    def __init__(self) -> None:
        self._listeners: list[Callable[[Any], None]] = []

    def subscribe(self, listener: Callable[[Any], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Any], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def __call__(self, learner: Any) -> None:
        for listener in list(self._listeners):
            try:
                listener(learner)
            except Exception:  # a listener's bug must not undo or hide a save that worked
                log.exception("a listener of saved progress failed")


class GuardedSessions:
    """A session factory like `sessionmaker`, whose `begin()` turns database refusals into SaveFailed."""

    def __init__(self, sessions: sessionmaker[Session], monitor: SaveMonitor | None = None) -> None:
        self._sessions = sessions
        self.monitor = monitor if monitor is not None else SaveMonitor()
        bind = sessions.kw.get("bind")
        database = getattr(getattr(bind, "url", None), "database", None)
        self.folder = Path(database).parent if database and database != ":memory:" else Path()

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """A session in a transaction that commits at the end (like `sessionmaker.begin()`)."""
        wrote = False
        try:
            with self._sessions.begin() as session:
                before = _changes(session)
                yield session
                session.flush()
                after = _changes(session)
                wrote = before is None or after != before
        except Exception as error:
            if not is_storage_error(error):
                raise
            failure = save_failed(error, self.folder)
            self.monitor.failed(failure)
            raise failure from error
        if wrote:
            self.monitor.saved()

    def sqlite_write(self) -> AbstractContextManager[sqlite3.Connection] | None:
        """A write transaction straight on SQLite (`storage.db.sqlite_transaction`) whose refusals become
        SaveFailed like `begin()`'s, for a caller that writes in every such transaction; None when the
        database is not an SQLite engine (the caller then uses `begin()`)."""
        engine = self._sessions.kw.get("bind")
        if not isinstance(engine, Engine) or engine.dialect.name != "sqlite":
            return None
        return self._guarded_sqlite(engine)

    @contextmanager
    def _guarded_sqlite(self, engine: Engine) -> Iterator[sqlite3.Connection]:
        try:
            with sqlite_transaction(engine) as connection:
                yield connection
        except Exception as error:
            if not is_storage_error(error):
                raise
            failure = save_failed(error, self.folder)
            self.monitor.failed(failure)
            raise failure from error
        self.monitor.saved()

    def __call__(self) -> Session:
        return self._sessions()


Sessions = sessionmaker[Session] | GuardedSessions
"""What a service takes: a plain session factory (tests) or the app's guarded one."""


def guarded(sessions: Sessions) -> GuardedSessions:
    """`sessions` as a GuardedSessions (itself when it already is one)."""
    return sessions if isinstance(sessions, GuardedSessions) else GuardedSessions(sessions)


def _changes(session: Session) -> int | None:
    """SQLite's count of rows changed on this connection so far (None for other databases)."""
    raw: Any = session.connection().connection.dbapi_connection
    value = getattr(raw, "total_changes", None)
    return value if isinstance(value, int) else None
