"""A commit counter kept in the database and beside it, to notice a lost -wal file.

Every write transaction through a tracked engine raises the database's `PRAGMA user_version` by one
(inside the transaction, so it is committed or rolled back with the data). Once the commit went through,
the value is written to `<database>.commits` beside the file. At the next start a database whose counter
is below the recorded one lacks commits that were reported saved — its -wal file was deleted or replaced
before they were checkpointed — and is treated like damage (see `storage.recovery`).

A counter above the recorded one is normal (a crash between the commit and the sidecar write, or writes
by a tool that does not track commits); a missing or unreadable sidecar checks nothing. Only a lower
database counter is suspicious, so two processes racing to write the sidecar can only err towards silence.
`user_version` is otherwise unused by eTrainer (Alembic keeps its revision in a table).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event

from etrainer.paths import make_private

log = logging.getLogger(__name__)

SUFFIX = ".commits"
_BEFORE = "etrainer_changes_before"
_PENDING = "etrainer_commit_pending"


def sidecar_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def recorded_count(db_path: Path) -> int | None:
    """The counter recorded beside the database, or None when there is none (or it is unreadable)."""
    try:
        return int(sidecar_path(db_path).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def record(db_path: Path, count: int) -> None:
    """Write `count` beside the database (temporary file and rename); a failure is logged, not raised."""
    target = sidecar_path(db_path)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        temporary.write_text(f"{count}\n", encoding="ascii")
        make_private(temporary)
        os.replace(temporary, target)
    except OSError as error:
        log.warning("could not record the commit counter in %s: %s", target, error)
        temporary.unlink(missing_ok=True)


def database_count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def record_current(db_path: Path) -> None:
    """Record the database's own counter (after it was restored, recovered or created)."""
    with closing(sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)) as connection:
        count = database_count(connection)
    record(db_path, count)


def track(engine: Any, db_path: Path) -> None:
    """Count the write transactions of `engine` (an SQLAlchemy engine on the SQLite file `db_path`)."""

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.info[_BEFORE] = _raw(connection).total_changes

    @event.listens_for(engine, "commit")
    def _on_commit(connection: Connection) -> None:
        raw = _raw(connection)
        if raw.total_changes == connection.info.pop(_BEFORE, raw.total_changes):
            return  # nothing written: nothing to count
        count = database_count(raw) + 1
        raw.execute(f"PRAGMA user_version = {count:d}")
        connection.info[_PENDING] = count

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
