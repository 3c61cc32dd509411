"""Opening the database: engine, session factory, and SQLite's per-connection settings.

Every SQLite connection gets `foreign_keys=ON` (so deleting a learner cascades), `journal_mode=WAL`,
`synchronous=FULL` (each commit reaches the disk before it returns: with WAL, NORMAL could roll back the
last commits after a power cut, and what the window showed as saved must survive one) and a busy timeout.
SQLAlchemy issues the BEGIN itself (SQLAlchemy's documented pysqlite recipe: the
driver's own transaction handling is off), so DDL in migrations is transactional too. Every transaction
starts with `BEGIN IMMEDIATE`: it takes the write lock at once, waiting up to the busy timeout for
another process's writer. A deferred BEGIN would take a read snapshot first and then fail with "database
is locked" at its first write without waiting when another connection had committed meanwhile. Reads
pay a short wait behind a writer for that; they are never refused early.
A PostgreSQL URL works as well (nothing in the models is SQLite-only).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from etrainer.storage import commits

BUSY_TIMEOUT_MS = 5000
READ_ONLY = "etrainer_read_only"
"""A connection execution option for a transaction that only reads: on SQLite it begins deferred, not
IMMEDIATE, so that a long read (the workspace's dashboard over 30,000 learners, seconds) neither waits for a
writer nor keeps one waiting: in WAL mode it reads the snapshot of its first statement throughout."""
SQLITE_READONLY = 8


@dataclass(frozen=True, slots=True)
class Database:
    url: URL
    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None
    """The SQLite file, or None for an in-memory or non-SQLite database."""

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def dispose(self) -> None:
        """Close every pooled connection (before the file is copied, moved or restored)."""
        self.engine.dispose()


def database_url(url_or_path: str | PathLike[str] | URL) -> URL:
    """A URL as given, or an `sqlite:///` URL for a file path."""
    if isinstance(url_or_path, URL):
        return url_or_path
    if isinstance(url_or_path, str) and "://" in url_or_path:
        return make_url(url_or_path)
    return URL.create("sqlite", database=str(Path(url_or_path).expanduser().resolve()))


def open_database(url_or_path: str | PathLike[str] | URL, *, foreign_keys: bool = True,
                  echo: bool = False) -> Database:
    """An engine and session factory for a database; creates nothing (see `migrate.upgrade_to_head`).

    `foreign_keys=False` is for migrations only: table rebuilds in batch mode must not cascade.
    """
    url = database_url(url_or_path)
    engine = create_engine(url, echo=echo)
    path: Path | None = None
    if engine.dialect.name == "sqlite":
        path = Path(url.database) if url.database and url.database != ":memory:" else None
        _configure_sqlite(engine, foreign_keys=foreign_keys, wal=path is not None)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(url, engine, sessions, path)


def _configure_sqlite(engine: Engine, *, foreign_keys: bool, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
            return
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except OperationalError as error:
            if getattr(error.orig, "sqlite_errorcode", 0) & 0xFF != SQLITE_READONLY:
                raise
            connection.exec_driver_sql("BEGIN")  # a read-only database: reads go on, each write is refused


@contextmanager
def sqlite_transaction(engine: Engine) -> Iterator[sqlite3.Connection]:
    """A write transaction on one of `engine`'s pooled sqlite3 connections, past SQLAlchemy's session and
    statement layers: `BEGIN IMMEDIATE`, the caller's statements, the commit counter when the engine's commits
    are tracked (`storage.commits`), `COMMIT` — or `ROLLBACK` when anything raised. It is the transaction the
    engine's events give a Session, for the most frequent small write (an answer), where SQLAlchemy's layers
    cost more than the commit itself (docs/benchmarks.md). The commit is on disk when this returns."""
    counted = commits.tracked_file(engine)
    pooled = engine.raw_connection()
    try:
        connection: sqlite3.Connection = pooled.dbapi_connection  # type: ignore[assignment]
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
            count = commits.bump(connection) if counted is not None else None
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    finally:
        pooled.close()
    if counted is not None and count is not None:
        commits.record(counted, count)


def connect_file(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection to an existing file; never creates one."""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True)


def integrity_check(path: str | PathLike[str], *, quick: bool = False) -> str | None:
    """None when the SQLite file is sound, else what is wrong with it (in SQLite's English words).

    `quick=True` runs `PRAGMA quick_check` (skips matching indexes to tables; much faster on big files).
    """
    file = Path(path)
    if not file.is_file():
        return "the file does not exist"
    if file.stat().st_size == 0:
        return "the file is empty"
    try:
        connection = connect_file(file)
    except sqlite3.Error as error:
        return str(error)
    try:
        rows = connection.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
    except sqlite3.Error as error:
        return str(error)
    finally:
        connection.close()
    messages = [str(row[0]) for row in rows]
    return None if messages == ["ok"] else "; ".join(messages[:5])
