"""Engine set-up, per-connection pragmas, transactional DDL and the integrity check."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from etrainer.storage.db import BUSY_TIMEOUT_MS, Database, database_url, integrity_check, open_database
from etrainer.storage.models import LearnerRow, NoteRow


def test_every_pooled_connection_gets_the_pragmas(database: Database) -> None:
    with database.engine.connect() as first, database.engine.connect() as second:
        for connection in (first, second):  # raw DBAPI reads: two open transactions would wait for each other
            raw = connection.connection.dbapi_connection
            assert raw is not None

            def pragma(name: str, raw=raw) -> object:  # type: ignore[no-untyped-def]
                return raw.execute(f"PRAGMA {name}").fetchone()[0]

            assert pragma("foreign_keys") == 1
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL: durable when the commit returns
            assert pragma("busy_timeout") == BUSY_TIMEOUT_MS


def test_transactions_begin_immediate_so_a_second_writer_waits_instead_of_failing(database: Database) -> None:
    """BEGIN IMMEDIATE: the write lock is taken at the start, so a write cannot be refused half-way."""
    with database.engine.connect() as first:
        first.exec_driver_sql("SELECT 1").all()  # a read only, yet the lock is held
        other = sqlite3.connect(database.path, timeout=0)  # type: ignore[arg-type]
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_deleting_a_learner_cascades_through_foreign_keys(database: Database) -> None:
    with database.sessions.begin() as session:
        learner = LearnerRow(name="Ірина", name_key="ірина", branch="", position="")
        session.add(learner)
        session.flush()
        session.add(NoteRow(learner_id=learner.id, lesson_id="diia-portal", text="нотатка"))
    with database.sessions.begin() as session:
        session.delete(session.scalars(select(LearnerRow)).one())
    with database.sessions.begin() as session:
        assert session.scalars(select(NoteRow)).all() == []


def test_schema_changes_roll_back_with_their_transaction(database: Database) -> None:
    with pytest.raises(RuntimeError), database.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
        raise RuntimeError("undo")
    assert "scratch" not in inspect(database.engine).get_table_names()


def test_foreign_keys_can_be_off_for_migrations(db_path: Path) -> None:
    database = open_database(db_path, foreign_keys=False)
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 0
    finally:
        database.dispose()


@pytest.mark.parametrize(("given", "dialect", "database_name"), [
    ("postgresql+psycopg://user:secret@server/etrainer", "postgresql", "etrainer"),
    ("sqlite:///relative.sqlite", "sqlite", "relative.sqlite"),
])
def test_urls_are_used_as_given(given: str, dialect: str, database_name: str) -> None:
    url = database_url(given)
    assert (url.get_backend_name(), url.database) == (dialect, database_name)


def test_a_path_becomes_an_absolute_sqlite_url(tmp_path: Path) -> None:
    url = database_url(tmp_path / "sub" / "data.sqlite")
    assert url.get_backend_name() == "sqlite"
    assert Path(url.database or "") == (tmp_path / "sub" / "data.sqlite").resolve()


def test_in_memory_database_has_no_path() -> None:
    database = open_database("sqlite://")
    try:
        assert database.path is None and database.is_sqlite
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        database.dispose()


def test_a_sound_database_passes(db_path: Path) -> None:
    assert integrity_check(db_path) is None


@pytest.mark.parametrize(("content", "expected"), [
    (random.Random(7).randbytes(8192), "not a database"),
    ("Це просто текст, а не база даних.\n".encode() * 200, "not a database"),
    (b"", "empty"),
])
def test_damaged_files_are_reported(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(content)
    assert expected in (integrity_check(path) or "")
    assert path.read_bytes() == content


def test_a_missing_file_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite"
    assert integrity_check(path) == "the file does not exist"
    assert not path.exists()


def test_a_truncated_database_is_reported(db_path: Path, tmp_path: Path) -> None:
    data = db_path.read_bytes()
    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(data[: len(data) // 3])
    assert integrity_check(truncated) is not None
