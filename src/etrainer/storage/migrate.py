"""Schema upgrades with Alembic, run from code (no alembic.ini): copy the database aside, then upgrade.

Migrations run with `PRAGMA foreign_keys=OFF` (batch mode rebuilds tables, and dropping a parent
table must not cascade into its children), inside one transaction, and the upgrade is rolled back
if `PRAGMA foreign_key_check` finds a broken reference afterwards.
"""

from __future__ import annotations

import os
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection
from sqlalchemy.engine import URL

from etrainer.paths import PRIVATE_FILE_MODE, make_private_dir
from etrainer.storage.backup import BackupManager, BackupReason, Clock
from etrainer.storage.db import Database, open_database
from etrainer.storage.errors import DatabaseNewer, DatabaseUpgradeFailed
from etrainer.storage.health import ENVIRONMENTAL, condition_of
from etrainer.storage.models import utc_now
from etrainer.storage.schema_head import at_head as _at_head

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")


def alembic_config(url: str | URL | None = None) -> Config:
    """An Alembic Config pointing at the package's migrations; `url` only for running without a connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if url is not None:
        text = url.render_as_string(hide_password=False) if isinstance(url, URL) else url
        config.set_main_option("sqlalchemy.url", text.replace("%", "%%"))
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "the migrations folder has no revision"
    return head


def first_revision() -> str:
    """The first schema's revision (the one whose down_revision is None)."""
    bases = script_directory().get_bases()
    assert len(bases) == 1, "the migrations must form one line"
    return bases[0]


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade_database(database: Database, target: str = "head") -> None:
    """Upgrade any database (PostgreSQL too) to `target` in one transaction; makes no backup."""
    from alembic import command

    config = alembic_config()
    with database.engine.begin() as connection:
        _check_known(connection, database)
        config.attributes["connection"] = connection
        command.upgrade(config, target)
        if database.is_sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"broken references after the upgrade: {broken[:5]}")


def upgrade_to_head(db_path: str | PathLike[str], backups_dir: str | PathLike[str] | None = None, *,
                    target: str = "head", clock: Clock = utc_now) -> Path | None:
    """Create or upgrade the SQLite database at `db_path` to `target` (the newest schema by default).

    If the file exists and is not at the target yet, it is first copied to
    `<backups_dir>/pre-upgrade-<revision>-<stamp>.sqlite` (default backups folder: `backups/` beside
    the database); returns that copy, or None when no copy was needed. Raises DatabaseNewer for a
    database from a newer eTrainer, DatabaseUpgradeFailed if a migration fails (nothing is changed).
    """
    path = Path(db_path)
    folder = Path(backups_dir) if backups_dir is not None else path.parent / "backups"
    existed = path.is_file() and path.stat().st_size > 0
    make_private_dir(path.parent)
    if existed and target == "head" and _at_head(path):
        return None
    if not path.exists():
        _create_private(path)
    database = open_database(path, foreign_keys=False)
    try:
        with database.engine.connect() as connection:
            _check_known(connection, database)
            current = current_revision(connection)
        wanted = head_revision() if target == "head" else target
        if current == wanted:
            return None
        backup = None
        if existed:
            backup = BackupManager(path, folder, clock=clock).backup_now(BackupReason.PRE_UPGRADE,
                                                                         revision=current or "base")
        try:
            upgrade_database(database, target)
        except Exception as error:
            if condition_of(error) in ENVIRONMENTAL or condition_of(getattr(error, "orig", None)) in ENVIRONMENTAL:
                raise  # a lock, permission or disk problem: said as such by the caller (health.plain_errors)
            raise DatabaseUpgradeFailed(path=str(path), reason=str(error) or type(error).__name__,
                                        backup=str(backup or "-")) from error
        return backup
    finally:
        database.dispose()


def _create_private(path: Path) -> None:
    """An empty file SQLite makes its database in; private (0600) on POSIX, so its -wal/-shm are too."""
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    os.close(descriptor)


def _check_known(connection: Connection, database: Database) -> None:
    current = current_revision(connection)
    if current is None:
        return
    from alembic.util.exc import CommandError

    try:
        script_directory().get_revision(current)
    except CommandError as error:
        raise DatabaseNewer(path=str(database.path or database.url), revision=current) from error
