"""The workspace schema's own Alembic revisions: the same schema as the models on SQLite and PostgreSQL, and
workspaces made before them (by `create_all`, schema versions 1 and 2) adopted without losing a row."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, insert, inspect, select, text, update
from sqlalchemy.orm import Session
from tests.storage.test_workspace import KEY, NOW, make_doc

from etrainer.core.progress.file import validate_document
from etrainer.storage import workspace_models as m
from etrainer.storage.workspace import (
    WorkspaceRepository,
    WorkspaceTooNew,
    open_workspace,
    rows_of,
    workspace_head,
    workspace_revision,
)

#: The tables schema 1 lacked (schema 2 added the essays, their marks and the key; the consultations came
#: later, without a version of their own, so a schema-1 or -2 file may lack them as well).
LATER_TABLES = ("ws_essay_grade", "ws_essay", "ws_key", "ws_consultation")


def _old_workspace(path: Path, version: int, tables: tuple[str, ...] = ()) -> dict[str, list]:
    """A workspace file as eTrainer made it before the Alembic revisions (`create_all` and the version row),
    with one learner's records in it; returns its rows."""
    engine = create_engine(f"sqlite:///{path}")
    kept = [t for t in m.WorkspaceBase.metadata.sorted_tables if t.name not in tables]
    m.WorkspaceBase.metadata.create_all(engine, tables=kept)
    document = validate_document(make_doc())
    with engine.begin() as connection:
        connection.execute(insert(m.WorkspaceSchemaRow).values(id=1, version=version, created_at=NOW))
    with Session(engine) as session, session.begin():
        repository = WorkspaceRepository(session)
        learner = repository.save_learner(document, KEY, NOW)
        counts = repository.store_records(learner, document)
        repository.add_import(learner, document, "a.etprogress", "0" * 64, counts, NOW)
    with Session(engine) as session:
        rows = rows_of(session, kept)
    engine.dispose()
    return rows


@pytest.mark.parametrize(("version", "missing"), [(2, ()), (2, ("ws_consultation",)), (1, LATER_TABLES)])
def test_a_workspace_made_before_the_revisions_is_adopted_without_losing_a_row(
        tmp_path: Path, version: int, missing: tuple[str, ...]) -> None:
    path = tmp_path / "workspace.sqlite3"
    before = _old_workspace(path, version, missing)
    assert before["ws_lesson_progress"] and before["ws_import"]
    workspace = open_workspace(path)
    try:
        with workspace.sessions.begin() as session:
            after = rows_of(session)
            assert workspace_revision(session.connection()) == workspace_head()
            assert session.scalar(select(m.WorkspaceSchemaRow.version)) == m.WORKSPACE_SCHEMA_VERSION
        for name, rows in before.items():
            if name != "workspace_schema":
                assert after[name] == rows, name
        assert set(after) == {t.name for t in m.WorkspaceBase.metadata.sorted_tables}
        assert all(after[name] == [] for name in missing)
        _assert_same_schema_as_the_models(workspace.database.engine)
    finally:
        workspace.dispose()


def _assert_same_schema_as_the_models(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "version_table": m.WORKSPACE_VERSION_TABLE,
            "include_name": lambda name, kind, _parents: kind != "table" or name != m.WORKSPACE_VERSION_TABLE})
        differences = compare_metadata(context, m.WorkspaceBase.metadata)
    assert differences == []


def test_the_revisions_make_the_schema_of_the_models_on_both_engines(workspace_url: str) -> None:
    workspace = open_workspace(workspace_url)
    try:
        _assert_same_schema_as_the_models(workspace.database.engine)
        with workspace.database.engine.connect() as connection:
            assert workspace_revision(connection) == workspace_head()
            assert inspect(connection).has_table(m.WORKSPACE_VERSION_TABLE)
            assert not inspect(connection).has_table("alembic_version")
            versions = connection.execute(select(m.WorkspaceSchemaRow.version)).scalars().all()
        assert versions == [m.WORKSPACE_SCHEMA_VERSION]
    finally:
        workspace.dispose()
    again = open_workspace(workspace_url)  # opening again changes nothing
    again.dispose()


def test_a_revision_this_etrainer_does_not_know_is_too_new(workspace_url: str) -> None:
    workspace = open_workspace(workspace_url)
    with workspace.database.engine.begin() as connection:
        connection.execute(text(f"UPDATE {m.WORKSPACE_VERSION_TABLE} SET version_num = 'w9999_from_the_future'"))
    workspace.dispose()
    with pytest.raises(WorkspaceTooNew) as caught:
        open_workspace(workspace_url)
    assert caught.value.params["found"] == "w9999_from_the_future"
    assert "w9999_from_the_future" in str(caught.value) and "connect_timeout" not in str(caught.value)


def test_an_old_workspace_with_a_newer_version_row_is_too_new(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite3"
    _old_workspace(path, 2)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(update(m.WorkspaceSchemaRow).values(version=3))
    engine.dispose()
    with pytest.raises(WorkspaceTooNew) as caught:
        open_workspace(path)
    assert caught.value.params["found"] == 3
    engine = create_engine(f"sqlite:///{path}")
    assert not inspect(engine).has_table(m.WORKSPACE_VERSION_TABLE)  # nothing was touched
    engine.dispose()


def test_methodists_opening_a_new_workspace_at_the_same_moment_all_get_it(workspace_url: str) -> None:
    """The first opening makes the schema; several at once must not all make it (PostgreSQL: an advisory
    lock around the revisions; SQLite: the write lock) — each one opens it, none fails."""
    import threading

    start = threading.Barrier(4)
    results: list[object] = []

    def open_it() -> None:
        start.wait()
        try:
            workspace = open_workspace(workspace_url)
        except Exception as error:  # collected: the test shows what went wrong
            results.append(error)
            return
        with workspace.database.engine.connect() as connection:
            results.append(workspace_revision(connection))
        workspace.dispose()

    threads = [threading.Thread(target=open_it, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results == [workspace_head()] * 4
    workspace = open_workspace(workspace_url)
    with workspace.sessions.begin() as session:
        assert session.scalars(select(m.WorkspaceSchemaRow.version)).all() == [m.WORKSPACE_SCHEMA_VERSION]
    workspace.dispose()
