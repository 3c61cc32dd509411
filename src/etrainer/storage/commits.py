"""A commit counter kept in the database and beside it, to notice a lost -wal file.

Every write transaction through a tracked engine raises the database's `PRAGMA user_version` by one
(inside the transaction, so it is committed or rolled back with the data). Once the commit went through,
the value is written to `<database>.commits` beside the file. At the next start a database whose counter
is below the recorded one lacks commits that were reported saved — its -wal file was deleted or replaced
before they were checkpointed — and is treated like damage (see `storage.recovery`).

The value is written in place into a file of fixed width (open, one write, close), not as a temporary file
renamed over the old one: the rename cost about 0.3 ms per answer on ext4 (a new inode each time, and ext4
starts writing a file renamed over another at once), the in-place write a few microseconds. The write is
one 21-byte block at offset 0, which a crash leaves either old or new (block writes are atomic at the
sector); anything unreadable checks nothing, as before. It is not written only at close or checkpoints: a
lost -wal after a crash would then go unnoticed for every commit since the last close, which is exactly
what the counter is for.

A counter above the recorded one is normal (a crash between the commit and the sidecar write, or writes
by a tool that does not track commits); a missing or unreadable sidecar checks nothing. Only a lower
database counter is suspicious, so two processes racing to write the sidecar can only err towards silence.
`user_version` is otherwise unused by eTrainer (Alembic keeps its revision in a table).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import weakref
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection

log = logging.getLogger(__name__)

SUFFIX = ".commits"
_BEFORE = "etrainer_changes_before"
_PENDING = "etrainer_commit_pending"


def sidecar_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


_MAX_COUNT = 2**31 - 1
"""The largest `PRAGMA user_version` (a signed 32-bit integer): a recorded value outside 0…this cannot be a
counter the database ever held, so it is unreadable, like text that is not a number."""


def recorded_count(db_path: Path) -> int | None:
    """The counter recorded beside the database, or None when there is none (or it is unreadable)."""
    try:
        count = int(sidecar_path(db_path).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None
    return count if 0 <= count <= _MAX_COUNT else None


_WIDTH = 20
_FLAGS = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)


def record(db_path: Path, count: int) -> None:
    """Write `count` beside the database, in place (see the module's note); a failure is logged, not raised."""
    target = sidecar_path(db_path)
    text = f"{count:<{_WIDTH}d}\n".encode("ascii")  # fixed width: a smaller number leaves no old digits
    try:
        descriptor = os.open(target, _FLAGS, 0o600)  # a new file is private from the start
        try:
            os.write(descriptor, text)
            if os.fstat(descriptor).st_size > len(text):  # written by another tool or an older eTrainer
                os.ftruncate(descriptor, len(text))
        finally:
            os.close(descriptor)
    except OSError as error:
        log.warning("could not record the commit counter in %s: %s", target, error)


def database_count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def record_current(db_path: Path) -> None:
    """Record the database's own counter (after it was restored, recovered or created)."""
    with closing(sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)) as connection:
        count = database_count(connection)
    record(db_path, count)


def bump(connection: sqlite3.Connection) -> int:
    """Raise the database's counter by one inside the open write transaction; the new value."""
    count = database_count(connection) + 1
    connection.execute(f"PRAGMA user_version = {count:d}")
    return count


_TRACKED: weakref.WeakKeyDictionary[Any, Path] = weakref.WeakKeyDictionary()


def tracked_file(engine: Any) -> Path | None:
    """The database file whose commits `engine` counts (see `track`), or None."""
    return _TRACKED.get(engine)


def track(engine: Any, db_path: Path) -> None:
    """Count the write transactions of `engine` (an SQLAlchemy engine on the SQLite file `db_path`)."""
    from sqlalchemy import event  # here: the start's sqlite3-only peek (storage.start_peek) imports this module

    _TRACKED[engine] = db_path

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.info[_BEFORE] = _raw(connection).total_changes

    @event.listens_for(engine, "commit")
    def _on_commit(connection: Connection) -> None:
        raw = _raw(connection)
        if raw.total_changes == connection.info.pop(_BEFORE, raw.total_changes):
            return  # nothing written: nothing to count
        connection.info[_PENDING] = bump(raw)

    @event.listens_for(engine, "rollback")
    def _on_rollback(connection: Connection) -> None:
        connection.info.pop(_PENDING, None)
        connection.info.pop(_BEFORE, None)

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection: Any, record_: Any) -> None:
        pending = record_.info.pop(_PENDING, None)
        if pending is None:
            return
        try:
            committed = database_count(dbapi_connection)
        except sqlite3.Error:
            return
        if committed >= pending:  # the commit went through
            record(db_path, committed)


def _raw(connection: Connection) -> sqlite3.Connection:
    return connection.connection.dbapi_connection  # type: ignore[return-value]
