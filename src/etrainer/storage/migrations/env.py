"""Alembic environment, run programmatically by `etrainer.storage.migrate` (no alembic.ini).

The caller passes an open Connection in `config.attributes["connection"]`; without one (e.g. the
`alembic` command line with `-x url=...` or `sqlalchemy.url`), an engine is made from the URL.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from etrainer.storage.models import Base, is_managed_table

config = context.config
target_metadata = Base.metadata


def _include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    return type_ != "table" or is_managed_table(name)


def _url() -> str:
    return context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url") or ""


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=_include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=True, include_name=_include_name)
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
