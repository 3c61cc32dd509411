"""`is_disk_full`: the one reading of "the disk is full" for OS, SQLite, PostgreSQL and SQLAlchemy errors."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from etrainer.core.errors import is_disk_full


def sqlite_full_error(tmp_path: Path) -> sqlite3.Error:
    """A real SQLITE_FULL: a database not allowed to grow by one page."""
    connection = sqlite3.connect(tmp_path / "full.sqlite", isolation_level=None)
    try:
        connection.execute("CREATE TABLE t (x BLOB)")
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(sqlite3.Error) as raised:
            connection.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))
        return raised.value
    finally:
        connection.close()


def test_os_sqlite_and_wrapped_full_disks_are_recognised(tmp_path: Path) -> None:
    from sqlalchemy.exc import OperationalError

    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    full = sqlite_full_error(tmp_path)
    assert is_disk_full(full)
    assert is_disk_full(OperationalError("INSERT", {}, full))
    try:  # SQLite rolled the transaction back itself; SQLAlchemy's rollback of the savepoint then fails
        try:
            raise OperationalError("INSERT", {}, full)
        except OperationalError:  # the implicit context, as in SQLAlchemy's failing rollback
            raise OperationalError("ROLLBACK TO SAVEPOINT", {},  # noqa: B904
                                   sqlite3.OperationalError("no such savepoint"))
    except OperationalError as masking:
        assert is_disk_full(masking)


def test_other_errors_are_not_a_full_disk() -> None:
    class PostgresError(Exception):
        sqlstate = "40001"  # serialization failure

    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))
    assert not is_disk_full(sqlite3.OperationalError("database is locked"))
    assert not is_disk_full(PostgresError())
    assert not is_disk_full(ValueError("no"))
    PostgresError.sqlstate = "53100"  # disk_full
    assert is_disk_full(PostgresError())
