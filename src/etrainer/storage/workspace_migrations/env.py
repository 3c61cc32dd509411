"""Alembic environment of the methodist workspace, run from code by `etrainer.storage.workspace`.

The workspace is a database of its own (SQLite or PostgreSQL), separate from any learner's, so its
revisions are a line of their own kept in `workspace_alembic_version` (not `alembic_version`: a
PostgreSQL database that also held another Alembic-managed schema would otherwise mix the two up).
The caller passes an open Connection in `config.attributes["connection"]`; without one (the `alembic`
command line with `-x url=...`), an engine is made from the URL.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from etrainer.storage.workspace_models import WORKSPACE_VERSION_TABLE, WorkspaceBase

config = context.config
target_metadata = WorkspaceBase.metadata


def _url() -> str:
    return context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url") or ""


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, version_table=WORKSPACE_VERSION_TABLE,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, version_table=WORKSPACE_VERSION_TABLE,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(_url(), poolclass=pool.NullPool)
    with engine.begin() as new_connection:
        _run(new_connection)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
