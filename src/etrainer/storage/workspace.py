"""Opening the methodist workspace (SQLite by default, or any SQLAlchemy URL) and its repository.

`open_workspace()` opens `<data dir>/workspace.sqlite3`, or the URL or path given (for example
`postgresql+psycopg://user@host/etrainer`), and creates or upgrades its schema with the workspace's own
Alembic revisions (storage/workspace_migrations; a workspace from a newer eTrainer is refused). A server that
cannot be used is a WorkspaceUnavailable subclass naming it without its password.
`WorkspaceRepository` writes the records of one progress file (new uids inserted, changed ones updated
when the file is at least as new as the learner's newest imported file) and reads everything back as
`core.progress.dashboard` records. Writes use plain INSERT/UPDATE statements, so they run on any database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from operator import itemgetter
from os import PathLike
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import (
    Connection,
    Table,
    bindparam,
    create_engine,
    func,
    insert,
    inspect,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from etrainer.core.consultation.record import Outcome
from etrainer.core.consultation.stats import DeskRecord
from etrainer.core.errors import EtrainerError
from etrainer.core.progress.dashboard import (
    DashboardData,
    EventRecord,
    LearnerRecord,
    LessonRecord,
    QuizAttemptRecord,
    ResponseRecord,
    WalkthroughRecord,
)
from etrainer.core.progress.document import ProgressDocument
from etrainer.core.walkthrough.state import LogKind
from etrainer.i18n import QT_TRANSLATE_NOOP
from etrainer.storage import workspace_models as m
from etrainer.storage.db import Database, database_url, open_database
from etrainer.storage.models import UtcDateTime
from etrainer.storage.workspace_rows import RecordRows, record_rows, stamp_for

WORKSPACE_FILE = "workspace.sqlite3"
IMPORT_CACHE_KIB = 32768


class WorkspaceUnavailable(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The methodist workspace {url} cannot be opened: {reason}")


class WorkspaceDriverMissing(WorkspaceUnavailable):
    text = QT_TRANSLATE_NOOP("Errors", "The methodist workspace {url} is on a PostgreSQL server, but the "
                             "PostgreSQL driver is not installed. Install it with: pip install 'etrainer[postgres]'")


class WorkspaceServerUnreachable(WorkspaceUnavailable):
    text = QT_TRANSLATE_NOOP("Errors", "The database server of the methodist workspace {url} cannot be reached "
                             "({reason}). Check the host and port, and that the server is running.")


class WorkspaceLoginFailed(WorkspaceUnavailable):
    """The server refused the login; `params["password_missing"]` when it wanted a password and none was given,
    `params["password_refused"]` when the one given (or found in a password file) was wrong."""

    text = QT_TRANSLATE_NOOP("Errors", "The database server of the methodist workspace {url} refused the login "
                             "of user {user} ({reason}).")


class WorkspaceForeignFile(WorkspaceUnavailable):
    text = QT_TRANSLATE_NOOP("Errors", "The file {path} is not a methodist workspace (it holds another program's "
                             "tables, such as “{table}”), so it was left untouched. Choose a workspace file, or "
                             "the name of a new file for a new workspace.")


class WorkspaceTooNew(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The methodist workspace {url} was made by a newer eTrainer "
                             "(schema {found}). Update eTrainer to open it.")


WORKSPACE_MIGRATIONS_DIR = Path(__file__).resolve().with_name("workspace_migrations")
_MIGRATION_LOCK = 0x45545753  # "ETWS": one PostgreSQL advisory lock for creating or upgrading the schema
_ALEMBIC = threading.Lock()
"""Alembic's `op` and `context` are module-wide: one upgrade at a time in this process (a window opening a
server workspace in the background while another opens the file)."""


@dataclass(frozen=True, slots=True)
class Workspace:
    database: Database
    url: URL | None = None
    """The URL as given (the database's may carry an added connect_timeout)."""

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self.database.sessions

    @property
    def display_url(self) -> str:
        """The URL with any password hidden."""
        return display_url(self.url or self.database.url)

    @property
    def is_sqlite(self) -> bool:
        return self.database.is_sqlite

    def dispose(self) -> None:
        self.database.dispose()


def default_workspace_path(data: Path) -> Path:
    return data / WORKSPACE_FILE


def display_url(url: URL) -> str:
    """The URL as shown to people: any password hidden."""
    return url.render_as_string(hide_password=True)


def open_workspace(url_or_path: str | PathLike[str] | URL) -> Workspace:
    """Open (creating or upgrading) a workspace; raises WorkspaceUnavailable (or a subclass saying what is
    wrong with a server) or WorkspaceTooNew. Messages never carry the password."""
    try:
        url = database_url(url_or_path)
    except (SQLAlchemyError, ValueError) as error:
        raise WorkspaceUnavailable(url=str(url_or_path), reason=str(error)) from error
    shown = display_url(url)
    try:
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            _refuse_foreign_file(Path(url.database))
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        database = open_database(_with_timeout(url))
    except ImportError as error:
        if url.get_backend_name() == "postgresql":
            raise WorkspaceDriverMissing(url=shown) from error
        raise WorkspaceUnavailable(url=shown, reason=str(error)) from error
    except (SQLAlchemyError, OSError, ValueError) as error:
        raise WorkspaceUnavailable(url=shown, reason=str(error)) from error
    workspace = Workspace(database, url)
    try:
        _create_or_upgrade_waiting(database, shown)
    except SQLAlchemyError as error:
        database.dispose()
        raise connection_error(url, error) from error
    except WorkspaceTooNew:
        database.dispose()
        raise
    return workspace


def _refuse_foreign_file(path: Path) -> None:
    """Raise WorkspaceForeignFile when `path` is an SQLite database with tables and none of them a workspace's
    (another program's file, a learner's etrainer.sqlite): the schema would be added beside its tables. Only
    read, before the engine opens it (opening it switches the file to WAL). A missing or empty file, or an
    SQLite file without tables, becomes a new workspace; a file SQLite cannot read is left to the opening."""
    import sqlite3

    from etrainer.storage.health import read_only_uri

    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        # immutable: no -shm or -wal is made beside the file; a -wal already there holds changes to read with it
        wal = path.with_name(path.name + "-wal")
        immutable = not (wal.is_file() and wal.stat().st_size > 0)
        connection = sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True)
        try:
            tables = {name for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")}
        finally:
            connection.close()
    except (OSError, sqlite3.Error):
        return
    ours = set(m.WorkspaceBase.metadata.tables) | {m.WORKSPACE_VERSION_TABLE}
    if tables and not tables & ours:
        raise WorkspaceForeignFile(url=str(path), path=str(path), table=min(tables))


def probe_server(url: str | URL) -> str:
    """Connect to a workspace's database server and change nothing; returns the server's version (for
    "Test connection"). Raises what `open_workspace` raises for a server that cannot be used."""
    try:
        target = database_url(url)
    except (SQLAlchemyError, ValueError) as error:
        raise WorkspaceUnavailable(url=str(url), reason=str(error)) from error
    try:
        engine = create_engine(_with_timeout(target), poolclass=NullPool)
    except ImportError as error:
        raise WorkspaceDriverMissing(url=display_url(target)) from error
    except SQLAlchemyError as error:
        raise WorkspaceUnavailable(url=display_url(target), reason=str(error)) from error
    try:
        with engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                return str(connection.exec_driver_sql("SHOW server_version").scalar_one()).split(" ")[0]
            return connection.dialect.name
    except SQLAlchemyError as error:
        raise connection_error(target, error) from error
    finally:
        engine.dispose()


CONNECT_TIMEOUT_SECONDS = 10


def _with_timeout(url: URL) -> URL:
    """A server that does not answer is reported after 10 s, not after the system's TCP timeout (minutes)."""
    if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
        return url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_SECONDS)})
    return url


_LOGIN_REFUSED = ("password authentication failed", "no password supplied", "authentication failed",
                  "password is required", "role \"", "pg_hba.conf")
_UNREACHABLE = ("connection refused", "could not translate host name", "timeout expired", "no route to host",
                "network is unreachable", "could not connect", "connection timed out", "name or service not known",
                "no such file or directory", "server closed the connection")


def connection_error(url: URL, error: BaseException) -> WorkspaceUnavailable:
    """The error to show for a failed connection or schema step: says which server and what went wrong."""
    shown = display_url(url)
    original = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    detail = _server_detail(lines)
    text = " ".join(lines).lower()
    if url.get_backend_name() != "sqlite":
        if "no password supplied" in text or "password is required" in text:
            return WorkspaceLoginFailed(url=shown, user=url.username or "", reason=detail, password_missing=True,
                                        password_refused=False)
        if any(marker in text for marker in _LOGIN_REFUSED):
            return WorkspaceLoginFailed(url=shown, user=url.username or "", reason=detail, password_missing=False,
                                        password_refused="password authentication failed" in text)
        if any(marker in text for marker in _UNREACHABLE):
            return WorkspaceServerUnreachable(url=shown, reason=detail)
    return WorkspaceUnavailable(url=shown, reason=detail)


def _server_detail(lines: list[str]) -> str:
    """libpq's words without its "connection failed: connection to server at … failed:" preamble."""
    if not lines:
        return "unknown error"
    first = lines[0]
    for marker in ("failed: FATAL:", "failed: "):
        if marker in first:
            first = first.rsplit(marker, 1)[1].strip()
            break
    return first.removeprefix("FATAL:").strip() or lines[0]


@cache
def _workspace_scripts() -> ScriptDirectory:
    return ScriptDirectory(str(WORKSPACE_MIGRATIONS_DIR))


def workspace_alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(WORKSPACE_MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def workspace_head() -> str:
    head = _workspace_scripts().get_current_head()
    assert head is not None, "the workspace migrations folder has no revision"
    return head


def workspace_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection, opts={"version_table": m.WORKSPACE_VERSION_TABLE}
                                      ).get_current_revision()


#: How long an opening waits for another process that is creating or upgrading the same SQLite workspace (each try
#: waits the busy timeout; making the schema takes a few seconds on a slow, busy PC).
SCHEMA_WAIT_S = 60.0


def _create_or_upgrade_waiting(database: Database, shown: str) -> None:
    """`_create_or_upgrade`, tried again while another opening holds an SQLite workspace's write lock to make its
    schema (the busy timeout alone is shorter than that can take); whatever else fails is raised at once."""
    import time

    deadline = time.monotonic() + SCHEMA_WAIT_S
    while True:
        try:
            _create_or_upgrade(database, shown)
            return
        except OperationalError as error:
            if database.engine.dialect.name != "sqlite" or "locked" not in str(error.orig) \
                    or time.monotonic() > deadline:
                raise


def _create_or_upgrade(database: Database, shown: str) -> None:
    """Bring the schema to the newest revision in one transaction (PostgreSQL: under an advisory lock, so two
    methodists opening a new workspace at once do not both create it); adopts a workspace made before the
    Alembic revisions (see workspace_migrations/versions/w0001_schema_2.py). `shown`: the URL for messages."""
    with database.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        current = workspace_revision(connection)
        if current is not None:
            try:
                _workspace_scripts().get_revision(current)
            except CommandError as error:
                raise WorkspaceTooNew(url=shown, found=current) from error
        elif inspect(connection).has_table(m.WorkspaceSchemaRow.__tablename__):
            found = connection.scalar(select(m.WorkspaceSchemaRow.version))
            if found is not None and found > m.WORKSPACE_SCHEMA_VERSION:
                raise WorkspaceTooNew(url=shown, found=found)
        if current != workspace_head():
            with _ALEMBIC:
                command.upgrade(workspace_alembic_config(connection), "head")
        found = connection.scalar(select(m.WorkspaceSchemaRow.version))
        if found is not None and found > m.WORKSPACE_SCHEMA_VERSION:
            raise WorkspaceTooNew(url=shown, found=found)


@dataclass(frozen=True, slots=True)
class TrustedLearner:
    id: int
    uid: str
    name: str
    public_key: bytes
    last_exported_at: datetime
    is_new: bool = False
    """Added by this import: none of the file's records can be in the workspace yet."""


@dataclass(frozen=True, slots=True)
class RecordCounts:
    new: int = 0
    updated: int = 0
    skipped: int = 0

    def __add__(self, other: RecordCounts) -> RecordCounts:
        return RecordCounts(self.new + other.new, self.updated + other.updated, self.skipped + other.skipped)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.skipped


@dataclass(frozen=True, slots=True)
class ImportedFile:
    file_name: str
    sha256: str
    imported_at: datetime
    exported_at: datetime
    learner_name: str
    course_id: str
    status: str
    counts: RecordCounts


_INSERTS: dict[tuple[str, str, tuple[str, ...]], tuple[str, bool, list[str], Any, list[tuple[int, Any]]]] = {}


def bulk_insert(connection: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]],
                *, encoded: bool = False) -> None:
    """INSERT `rows` (value tuples in `columns` order) through the driver's executemany.

    The statement is compiled once per dialect, table and columns, and each value goes through its column
    type's own bind processing, as SQLAlchemy would do it — only without its per-row bookkeeping, which is
    most of the cost of a large import. `encoded=True`: the values are ready for the driver already
    (`workspace_rows.stamp_for` made the moments), and go to it unprocessed; through psycopg (PostgreSQL)
    they go by COPY (`_copy_rows`).
    """
    dialect = connection.dialect
    if encoded and dialect.name == "postgresql" and dialect.driver == "psycopg":
        _copy_rows(connection, table, columns, rows)
        return
    key = (f"{dialect.name}+{dialect.driver}", table.name, columns)
    if key not in _INSERTS:
        compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
        order = list(compiled.positiontup or ()) if compiled.positional else list(columns)
        places = [columns.index(name) for name in order]
        reorder = None if places == list(range(len(columns))) else itemgetter(*places)
        processors = [(i, p) for i, name in enumerate(order)
                      if (p := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))]
        _INSERTS[key] = (compiled.string, compiled.positional, order, reorder, processors)
    sql, positional, order, reorder, processors = _INSERTS[key]
    if encoded:
        processors = []
        if positional and reorder is None:
            connection.exec_driver_sql(sql, rows)
            return
    params: list[Any] = []
    for row in rows:
        values = list(row if reorder is None else reorder(row))
        for index, process in processors:
            if values[index] is not None:
                values[index] = process(values[index])
        params.append(tuple(values) if positional else dict(zip(order, values, strict=True)))
    connection.exec_driver_sql(sql, params)


def _copy_rows(connection: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
               ) -> None:
    """Driver-ready `rows` into a PostgreSQL table through psycopg's COPY … FROM STDIN, in the transaction.

    A server executes each statement of an executemany on its own (parse, plan, execute, a round trip in the
    pipeline): psycopg's pipelined executemany stored about 3,000 records per second on PostgreSQL 15 on
    127.0.0.1, most of the time waiting for the server; multi-row INSERT … VALUES statements were quicker on
    the server but psycopg parses each long statement's placeholders in Python. COPY sends the rows as one
    stream, each value written by psycopg's C dumpers.
    """
    quote = connection.dialect.identifier_preparer.quote
    sql = f"COPY {quote(table.name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    cursor = connection.connection.dbapi_connection.cursor()
    dbapi = connection.dialect.loaded_dbapi
    try:
        with cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
    except dbapi.Error as error:  # as SQLAlchemy raises it for its own statements (an IntegrityError for a constraint)
        raise DBAPIError.instance(sql, None, error, dbapi.Error, dialect=connection.dialect) from error
    finally:
        cursor.close()


_BASE = ("uid", "learner_id", "course_id", "course_version")
#: Each record table's columns in the order `store_records` builds its rows (the uid first).
COLUMNS: dict[Any, tuple[str, ...]] = {
    m.WsLessonProgressRow: (*_BASE, "lesson_id", "module_id", "first_opened_at", "last_opened_at", "completed_at",
                            "total_seconds", "visits"),
    m.WsLessonVisitRow: (*_BASE, "lesson_id", "opened_at", "closed_at", "seconds", "reached_end"),
    m.WsQuizAttemptRow: (*_BASE, "quiz_id", "module_id", "kind", "started_at", "finished_at", "question_count",
                         "score", "passed", "pass_mark"),
    m.WsQuizResponseRow: ("uid", "learner_id", "attempt_id", "position", "question_id", "question_kind", "response",
                          "score", "correct", "answered_at", "seconds"),
    m.WsWalkthroughAttemptRow: (*_BASE, "scenario_id", "module_id", "mode", "started_at", "finished_at",
                                "abandoned", "seconds", "errors", "hints", "steps_done", "steps_total",
                                "decisions_right", "decisions_wrong", "score", "passed"),
    m.WsWalkthroughEventRow: ("uid", "learner_id", "attempt_id", "seq", "at", "kind", "step_id", "correct", "action"),
    m.WsConsultationRow: (*_BASE, "at", "service_id", "outcome", "minutes", "channel_id", "age_band_id",
                          "alone_next_time", "reason_id", "note"),
}
#: Where each record table's rows (without their uid) hold a moment (a UtcDateTime column).
_MOMENTS = {model: [i for i, name in enumerate(columns[1:]) if isinstance(model.__table__.c[name].type, UtcDateTime)]
            for model, columns in COLUMNS.items()}
_EXISTING = {model: select(model.uid, model.id, *(getattr(model, name) for name in columns[1:]))
             .where(model.learner_id == bindparam("owner")) for model, columns in COLUMNS.items()}


# Statements built once: building a statement costs far more than running it on a small indexed table.
_TRUSTED = select(m.WsLearnerRow.id, m.WsLearnerRow.uid, m.WsLearnerRow.name, m.WsLearnerRow.public_key,
                  m.WsLearnerRow.last_exported_at)
_LEARNER_BY_UID = _TRUSTED.where(m.WsLearnerRow.uid == bindparam("learner_uid"))
_IMPORTS = (select(m.WsImportRow.file_name, m.WsImportRow.sha256, m.WsImportRow.imported_at,
                   m.WsImportRow.exported_at, m.WsLearnerRow.name, m.WsImportRow.course_id, m.WsImportRow.status,
                   m.WsImportRow.records_new, m.WsImportRow.records_updated, m.WsImportRow.records_skipped)
            .join(m.WsLearnerRow).order_by(m.WsImportRow.imported_at, m.WsImportRow.id))
_IMPORT_BY_SHA = _IMPORTS.where(m.WsImportRow.sha256 == bindparam("file_sha256"))
_ADD_LEARNER = insert(m.WsLearnerRow)
_LOCK_IMPORTS = text(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK}, 1)")
_UPDATE_LEARNER = update(m.WsLearnerRow).where(m.WsLearnerRow.id == bindparam("learner_row_id"))
_ADD_IMPORT = insert(m.WsImportRow)
_IDS = {model: select(model.uid, model.id).where(model.learner_id == bindparam("owner"))
        for model in (m.WsQuizAttemptRow, m.WsWalkthroughAttemptRow)}
# The same lookups for a batch of files: one query for all of them.
_LEARNERS_BY_UID = _TRUSTED.where(m.WsLearnerRow.uid.in_(bindparam("learner_uids", expanding=True)))
_IMPORTS_BY_SHA = _IMPORTS.where(m.WsImportRow.sha256.in_(bindparam("file_sha256s", expanding=True)))
_LEARNER_IDS = select(m.WsLearnerRow.uid, m.WsLearnerRow.id).where(
    m.WsLearnerRow.uid.in_(bindparam("learner_uids", expanding=True)))
_OWNED_IDS = {model: select(model.learner_id, model.uid, model.id)
              .where(model.learner_id.in_(bindparam("owners", expanding=True)))
              for model in (m.WsQuizAttemptRow, m.WsWalkthroughAttemptRow)}
_LEARNER_COLUMNS = ("uid", "public_key", "first_import_at", "last_import_at", "last_exported_at", "name", "branch",
                    "position", "created_at", "installation")
_IMPORT_COLUMNS = ("file_name", "sha256", "imported_at", "exported_at", "learner_id", "course_id", "course_version",
                   "status", "records_new", "records_updated", "records_skipped")


@dataclass(frozen=True, slots=True)
class FileRows:
    """One checked progress file for `WorkspaceRepository.store_files`."""

    document: ProgressDocument
    """The document's header (learner, course, export time); its records are in `rows`."""
    public_key: bytes
    known: TrustedLearner | None
    """The learner as the workspace holds her, or None when she is new."""
    trust_key: bool
    """Trust `public_key` for her from now on (her key changed with the methodist's consent, or she had none)."""
    file_name: str
    sha256: str
    rows: RecordRows
    now: datetime


class WorkspaceRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    @property
    def _connection(self) -> Connection:
        return self._session.connection()

    # -------------------------------------------------------------- learners and files

    def lock_imports(self) -> None:
        """Wait until no other transaction is importing into this workspace, and keep others waiting until this
        one ends (several methodists importing into one PostgreSQL workspace at the same time).

        PostgreSQL: a transaction-scoped advisory lock, taken before anything is read, so every later statement
        (READ COMMITTED) sees what the other import committed: a learner, her records and a file are found and
        not added twice. One lock for the whole workspace rather than one per learner, because a transaction
        writes a batch of files of many learners: per-learner locks taken in the order the files come could
        deadlock two imports. Batches are short, so two methodists' imports take turns batch by batch.
        SQLite: nothing to do — every workspace transaction begins IMMEDIATE, holding the file's write lock,
        and a second process waits for it (busy timeout).
        """
        if self._connection.dialect.name == "postgresql":
            self._connection.execute(_LOCK_IMPORTS)

    def learner(self, uid: str) -> TrustedLearner | None:
        row = self._connection.execute(_LEARNER_BY_UID, {"learner_uid": uid}).one_or_none()
        return TrustedLearner(*row) if row is not None else None

    def save_learner(self, document: ProgressDocument, public_key: bytes, now: datetime,
                     known: TrustedLearner | None = None, *, looked_up: bool = False) -> TrustedLearner:
        """Add the learner (trusting `public_key`), or refresh her profile from a file at least as new.

        `known` is the learner as `learner()` found her, when the caller already looked her up; with
        `looked_up=True`, None means that she is not in the workspace (she is not looked up again).
        """
        info = document.learner
        profile = {"name": info.name, "branch": info.branch, "position": info.position,
                   "created_at": info.created_at, "installation": document.installation}
        if known is None and not looked_up:
            known = self.learner(info.uid)
        if known is None:
            result = self._connection.execute(_ADD_LEARNER, {
                "uid": info.uid, "public_key": public_key, "first_import_at": now, "last_import_at": now,
                "last_exported_at": document.exported_at, **profile})
            return TrustedLearner(result.inserted_primary_key[0], info.uid, info.name, public_key,
                                  document.exported_at, is_new=True)
        values: dict[str, Any] = {"last_import_at": now}
        if document.exported_at >= known.last_exported_at:
            values |= profile | {"last_exported_at": document.exported_at}
            known = replace(known, name=info.name, last_exported_at=document.exported_at)
        self._connection.execute(_UPDATE_LEARNER.values(**values), {"learner_row_id": known.id})
        return known

    def trust_key(self, learner: TrustedLearner, public_key: bytes) -> TrustedLearner:
        """Trust `public_key` for the learner from now on (her files signed with the old key are refused)."""
        self._connection.execute(_UPDATE_LEARNER.values(public_key=public_key), {"learner_row_id": learner.id})
        return replace(learner, public_key=public_key)

    def imported_file(self, sha256: str) -> ImportedFile | None:
        return next(iter(self.imported_files(sha256)), None)

    def imported_files(self, sha256: str | None = None) -> list[ImportedFile]:
        rows = (self._connection.execute(_IMPORTS) if sha256 is None
                else self._connection.execute(_IMPORT_BY_SHA, {"file_sha256": sha256}))
        return [ImportedFile(*row[:7], RecordCounts(*row[7:])) for row in rows]

    def learners(self, uids: Iterable[str]) -> dict[str, TrustedLearner]:
        """The learners of these uids that the workspace holds (a batch of files looked up at once)."""
        rows = self._connection.execute(_LEARNERS_BY_UID, {"learner_uids": list(set(uids))})
        return {row[1]: TrustedLearner(*row) for row in rows}

    def imported_by_sha(self, sha256s: Iterable[str]) -> dict[str, ImportedFile]:
        """The first imported file of each of these digests that the workspace holds."""
        found: dict[str, ImportedFile] = {}
        for row in self._connection.execute(_IMPORTS_BY_SHA, {"file_sha256s": list(set(sha256s))}):
            found.setdefault(row[1], ImportedFile(*row[:7], RecordCounts(*row[7:])))
        return found

    def prepare_for_import(self) -> None:
        """Give this SQLite connection a page cache that holds a batch of files until its commit (SQLite's
        default of 2 MB spills dirty pages into the WAL mid-transaction: a large import took a third longer).
        The cache stays with the pooled connection, at most IMPORT_CACHE_KIB, allocated as pages are used."""
        if self._connection.dialect.name == "sqlite":
            self._connection.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")

    def has_imports(self) -> bool:
        return self._connection.scalar(select(m.WsImportRow.id).limit(1)) is not None

    def add_import(self, learner: TrustedLearner, document: ProgressDocument, file_name: str, sha256: str,
                   counts: RecordCounts, now: datetime) -> str:
        status = _import_status(counts)
        self._connection.execute(_ADD_IMPORT, {
            "file_name": file_name, "sha256": sha256, "imported_at": now, "exported_at": document.exported_at,
            "learner_id": learner.id, "course_id": document.course.id, "course_version": document.course.version,
            "status": status, "records_new": counts.new, "records_updated": counts.updated,
            "records_skipped": counts.skipped})
        return status

    def row_counts(self) -> dict[str, int]:
        """Rows per workspace table (for summaries and tests)."""
        return {table.name: self._session.scalar(select(func.count()).select_from(table)) or 0
                for table in m.WorkspaceBase.metadata.sorted_tables}

    # -------------------------------------------------------------- records

    def store_records(self, learner: TrustedLearner, document: ProgressDocument) -> RecordCounts:
        """Insert the file's new records and update changed ones (only from a file at least as new)."""
        stamp = stamp_for(self._connection.dialect.name)
        return self.store_rows(learner, document.exported_at, record_rows(document, stamp))

    def store_rows(self, learner: TrustedLearner, exported_at: datetime, rows: RecordRows) -> RecordCounts:
        """As store_records, for the document's rows as `workspace_rows.record_rows` made them, with
        `stamp_for` this database's dialect."""
        may_update = exported_at >= learner.last_exported_at
        me = learner.id
        lessons, visits, quizzes, responses, walks, events, consultations = rows
        counts = self._store(m.WsLessonProgressRow, learner, may_update, [(r[0], me, *r[1:]) for r in lessons])
        counts += self._store(m.WsLessonVisitRow, learner, may_update, [(r[0], me, *r[1:]) for r in visits])
        counts += self._store(m.WsQuizAttemptRow, learner, may_update, [(r[0], me, *r[1:]) for r in quizzes])
        if responses:
            ids = self._ids(m.WsQuizAttemptRow, me)
            counts += self._store(m.WsQuizResponseRow, learner, may_update,
                                  [(r[0], me, ids[r[1]], *r[2:]) for r in responses])
        counts += self._store(m.WsWalkthroughAttemptRow, learner, may_update, [(r[0], me, *r[1:]) for r in walks])
        if events:
            ids = self._ids(m.WsWalkthroughAttemptRow, me)
            counts += self._store(m.WsWalkthroughEventRow, learner, may_update,
                                  [(r[0], me, ids[r[1]], *r[2:]) for r in events])
        counts += self._store(m.WsConsultationRow, learner, may_update, [(r[0], me, *r[1:]) for r in consultations])
        return counts

    def store_files(self, files: list[FileRows]) -> list[tuple[TrustedLearner, RecordCounts]]:
        """Write several checked files, each of another learner, with one INSERT (executemany, or COPY on
        PostgreSQL) per table for all of them; the same rows, row ids and counts as `save_learner`,
        `store_rows` and `add_import` file after file. Returns each file's learner and counts.

        A failure (a constraint) leaves the batch half written: call it under a savepoint, and on failure
        roll back and write the files one at a time to find the one at fault.
        """
        assert len({f.document.learner.uid for f in files}) == len(files), "one file per learner"
        connection = self._connection
        new = [f for f in files if f.known is None]
        if new:
            bulk_insert(connection, m.WsLearnerRow.__table__, _LEARNER_COLUMNS, [
                (f.document.learner.uid, f.public_key, f.now, f.now, f.document.exported_at, f.document.learner.name,
                 f.document.learner.branch, f.document.learner.position, f.document.learner.created_at,
                 f.document.installation) for f in new])
            ids = dict(connection.execute(_LEARNER_IDS, {"learner_uids": [f.document.learner.uid for f in new]}).all())
        learners = []
        for f in files:
            info = f.document.learner
            if f.known is None:
                learners.append(TrustedLearner(ids[info.uid], info.uid, info.name, f.public_key,
                                               f.document.exported_at, is_new=True))
            else:
                known = self.trust_key(f.known, f.public_key) if f.trust_key else f.known
                learners.append(self.save_learner(f.document, f.public_key, f.now, known, looked_up=True))
        counts = [RecordCounts()] * len(files)
        may_update = [f.document.exported_at >= learner.last_exported_at
                      for f, learner in zip(files, learners, strict=True)]

        def store(model: Any, rows_of: Callable[[int, int, RecordRows], list[tuple[Any, ...]]]) -> None:
            new_rows, changed = [], []
            for n, (f, learner) in enumerate(zip(files, learners, strict=True)):
                rows = rows_of(n, learner.id, f.rows)
                if not rows:
                    continue
                if learner.is_new:
                    new_rows += rows
                    counts[n] += RecordCounts(new=len(rows))
                else:
                    added, updated, skipped = self._diff(model, learner, may_update[n], rows)
                    new_rows += added
                    changed += updated
                    counts[n] += RecordCounts(len(added), len(updated), skipped)
            if new_rows:
                bulk_insert(connection, model.__table__, COLUMNS[model], new_rows, encoded=True)
            if changed:
                self._session.execute(update(model), changed)

        def owned(model: Any, index: int) -> dict[int, dict[str, int]]:
            """uid → row id of the batch's learners' attempts, per learner row id (for responses and events)."""
            owners = [learner.id for f, learner in zip(files, learners, strict=True) if f.rows[index]]
            ids: dict[int, dict[str, int]] = {owner: {} for owner in owners}
            if owners:
                for owner, uid, row_id in connection.execute(_OWNED_IDS[model], {"owners": owners}):
                    ids[owner][uid] = row_id
            return ids

        store(m.WsLessonProgressRow, lambda n, me, rows: [(r[0], me, *r[1:]) for r in rows[0]])
        store(m.WsLessonVisitRow, lambda n, me, rows: [(r[0], me, *r[1:]) for r in rows[1]])
        store(m.WsQuizAttemptRow, lambda n, me, rows: [(r[0], me, *r[1:]) for r in rows[2]])
        quiz_ids = owned(m.WsQuizAttemptRow, 3)
        store(m.WsQuizResponseRow, lambda n, me, rows: [(r[0], me, quiz_ids[me][r[1]], *r[2:]) for r in rows[3]])
        store(m.WsWalkthroughAttemptRow, lambda n, me, rows: [(r[0], me, *r[1:]) for r in rows[4]])
        walk_ids = owned(m.WsWalkthroughAttemptRow, 5)
        store(m.WsWalkthroughEventRow, lambda n, me, rows: [(r[0], me, walk_ids[me][r[1]], *r[2:]) for r in rows[5]])
        store(m.WsConsultationRow, lambda n, me, rows: [(r[0], me, *r[1:]) for r in rows[6]])
        bulk_insert(connection, m.WsImportRow.__table__, _IMPORT_COLUMNS, [
            (f.file_name, f.sha256, f.now, f.document.exported_at, learner.id, f.document.course.id,
             f.document.course.version, _import_status(c), c.new, c.updated, c.skipped)
            for f, learner, c in zip(files, learners, counts, strict=True)])
        return list(zip(learners, counts, strict=True))

    def _ids(self, model: Any, learner_id: int) -> dict[str, int]:
        return {uid: row_id for uid, row_id in self._connection.execute(_IDS[model], {"owner": learner_id})}

    def _store(self, model: Any, learner: TrustedLearner, may_update: bool, rows: list[tuple[Any, ...]]
               ) -> RecordCounts:
        if not rows:
            return RecordCounts()
        if learner.is_new:
            bulk_insert(self._connection, model.__table__, COLUMNS[model], rows, encoded=True)
            return RecordCounts(new=len(rows))
        new, changed, skipped = self._diff(model, learner, may_update, rows)
        if new:
            bulk_insert(self._connection, model.__table__, COLUMNS[model], new, encoded=True)
        if changed:
            self._session.execute(update(model), changed)
        return RecordCounts(len(new), len(changed), skipped)

    def _diff(self, model: Any, learner: TrustedLearner, may_update: bool, rows: list[tuple[Any, ...]]
              ) -> tuple[list[tuple[Any, ...]], list[dict[str, Any]], int]:
        """A known learner's `rows` against what the workspace holds: the new rows, the changed ones (as the
        ORM's bulk update takes them; only when `may_update`), and how many are skipped."""
        columns, connection = COLUMNS[model], self._connection
        moments, stamp = _MOMENTS[model], stamp_for(connection.dialect.name)
        existing = {}
        for uid, row_id, *values in connection.execute(_EXISTING[model], {"owner": learner.id}):
            for i in moments:  # compared as the rows hold them: ready for the driver
                values[i] = stamp(values[i])
            existing[uid] = (row_id, tuple(values))
        new, changed, skipped = [], [], 0
        for row in rows:
            known = existing.get(row[0])
            if known is None:
                new.append(row)
            elif may_update and known[1] != row[1:]:
                values = list(row[1:])
                for i in moments:  # the ORM's update processes its values itself
                    values[i] = _unstamped(values[i])
                changed.append({"id": known[0], **dict(zip(columns[1:], values, strict=True))})
            else:
                skipped += 1
        return new, changed, skipped

    # -------------------------------------------------------------- reading back

    def dashboard_data(self, *, details: bool = True, learner_uid: str | None = None) -> DashboardData:
        """Every learner and record as plain core records; `details=False` leaves out the quiz responses and
        walkthrough events (only item analysis and hotspots need them). Of the events, only the wrong
        actions and the hints are read: they are all the hotspots count. Every list is in the order the rows
        were stored (ORDER BY id), the same on every engine. `learner_uid`: only that learner and her records
        (none when she is not in the workspace)."""
        run = self._connection.execute
        ln = m.WsLearnerRow

        def mine(query: Any, model: Any) -> Any:
            return query if learner_uid is None else query.where(model.learner_id == owner)

        learner_query = select(ln.id, ln.uid, ln.name, ln.branch, ln.position, ln.first_import_at,
                               ln.last_import_at).order_by(ln.id)
        if learner_uid is not None:
            learner_query = learner_query.where(ln.uid == learner_uid)
        learner_rows = list(run(learner_query))
        if learner_uid is not None and not learner_rows:
            return DashboardData()
        owner = learner_rows[0][0] if learner_rows else None
        uid_of = {row[0]: row[1] for row in learner_rows}
        learners = tuple(LearnerRecord(*row[1:]) for row in learner_rows)
        lp = m.WsLessonProgressRow
        lessons = tuple(LessonRecord(uid_of[lid], *rest) for lid, *rest in run(mine(select(
            lp.learner_id, lp.lesson_id, lp.module_id, lp.completed_at, lp.last_opened_at, lp.total_seconds,
            lp.visits), lp).order_by(lp.id)))
        qa = m.WsQuizAttemptRow
        quiz_rows = list(run(mine(select(qa.id, qa.uid, qa.learner_id, qa.quiz_id, qa.started_at, qa.finished_at,
                                         qa.score, qa.passed, qa.module_id, qa.kind), qa).order_by(qa.id)))
        quizzes = tuple(QuizAttemptRecord(uid, uid_of[lid], *rest) for _, uid, lid, *rest in quiz_rows)
        wa = m.WsWalkthroughAttemptRow
        walk_rows = list(run(mine(select(wa.id, wa.uid, wa.learner_id, wa.scenario_id, wa.started_at, wa.mode,
                                         wa.finished_at, wa.score, wa.passed, wa.errors, wa.hints, wa.module_id,
                                         wa.abandoned), wa).order_by(wa.id)))
        walks = tuple(WalkthroughRecord(uid, uid_of[lid], *rest) for _, uid, lid, *rest in walk_rows)
        if not details:
            return DashboardData(learners, lessons, quizzes, (), walks, ())
        quiz_uid = {row[0]: row[1] for row in quiz_rows}
        qr = m.WsQuizResponseRow
        responses = tuple(ResponseRecord(quiz_uid[aid], *rest) for aid, *rest in run(mine(select(
            qr.attempt_id, qr.question_id, qr.question_kind, qr.score, qr.correct, qr.response), qr).order_by(qr.id)))
        walk_uid = {row[0]: row[1] for row in walk_rows}
        we = m.WsWalkthroughEventRow
        trouble = or_(we.kind == LogKind.HINT.value, we.correct.is_(False))
        events = tuple(EventRecord(walk_uid[aid], *rest) for aid, *rest in run(mine(
            select(we.attempt_id, we.kind, we.step_id, we.correct).where(trouble), we).order_by(we.id)))
        return DashboardData(learners, lessons, quizzes, responses, walks, events)

    def desk_records(self) -> list[DeskRecord]:
        """Every imported consultation with its learner's uid and branch (core.consultation.stats)."""
        c, ln = m.WsConsultationRow, m.WsLearnerRow
        rows = self._connection.execute(select(ln.uid, ln.branch, c.at, c.service_id, c.outcome, c.minutes)
                                        .join(ln, ln.id == c.learner_id).order_by(c.at, c.id))
        return [DeskRecord(uid, branch, at, service, Outcome(outcome), minutes)
                for uid, branch, at, service, outcome, minutes in rows]


def _import_status(counts: RecordCounts) -> str:
    return "imported" if counts.new else "updated" if counts.updated else "unchanged"


def _unstamped(value: Any) -> Any:
    """A moment made by `workspace_rows.stamp_for` back as a (naive UTC) datetime."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def rows_of(session: Session, tables: Iterable[Any] = m.WorkspaceBase.metadata.sorted_tables) -> dict[str, list]:
    """Every row of every workspace table, sorted (to compare a workspace before and after)."""
    return {table.name: sorted(tuple(map(repr, row)) for row in session.execute(select(table)))
            for table in tables}
