"""Alembic migrations: the newest schema matches models.py; older databases upgrade keeping their data."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, MetaData, String, Table, inspect

from etrainer.core.ids import LearnerId
from etrainer.services.learning import LearningService
from etrainer.services.profiles import ProfileService
from etrainer.storage import schema_head
from etrainer.storage.db import open_database
from etrainer.storage.errors import DatabaseNewer, DatabaseUpgradeFailed
from etrainer.storage.migrate import alembic_config, first_revision, head_revision, upgrade_to_head
from etrainer.storage.models import Base, is_managed_table


def _differences(path: Path, metadata: MetaData) -> list[object]:
    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={
                "compare_type": True,
                "include_name": lambda name, kind, _parents: kind != "table" or is_managed_table(name)})
            return list(compare_metadata(context, metadata))
    finally:
        database.dispose()


def _tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_fresh_database_upgraded_to_head_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    assert upgrade_to_head(path) is None  # nothing to copy aside: there was no database
    assert _differences(path, Base.metadata) == []
    assert {"search_index", "alembic_version"} <= _tables(path)


def test_the_schema_comparison_notices_a_difference(db_path: Path) -> None:
    changed = MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(changed)
    Table("learner", changed, Column("nickname", String(20)), extend_existing=True)
    assert any("nickname" in repr(diff) for diff in _differences(db_path, changed))


def test_a_database_from_the_first_revision_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    backups = tmp_path / "backups"
    upgrade_to_head(path, backups, target=first_revision())
    with closing(sqlite3.connect(path)) as connection, connection:  # SQL written for the first schema
        connection.execute(
            "INSERT INTO learner (id, uid, name, name_key, branch, position, created_at) VALUES "
            "(1, 'b1c5a1c2-0000-4000-8000-000000000001', 'Галина', 'галина', 'Філія 5', 'завідувачка', "
            "'2024-01-02 10:00:00')")
        connection.execute(
            "INSERT INTO lesson_progress (uid, learner_id, lesson_id, first_opened_at, completed_at, "
            "total_seconds, visits) VALUES ('b1c5a1c2-0000-4000-8000-000000000002', 1, 'diia-portal', "
            "'2024-01-02 10:00:00', '2024-01-02 10:05:00', 300, 1)")
        connection.execute(
            "INSERT INTO note (uid, learner_id, lesson_id, text, updated_at) VALUES "
            "('b1c5a1c2-0000-4000-8000-000000000003', 1, 'kep', 'Ключ не передавати', '2024-01-02 10:06:00')")

    copy = upgrade_to_head(path, backups)

    if first_revision() != head_revision():
        assert copy is not None and copy.name.startswith(f"pre-upgrade-{first_revision()}-")
    database = open_database(path)
    try:
        profiles = ProfileService(database.sessions).list()
        assert [(p.name, p.branch, p.position) for p in profiles] == [("Галина", "Філія 5", "завідувачка")]
        learning = LearningService(database.sessions)
        progress = learning.lesson_progress(LearnerId(1), "diia-portal")
        assert progress is not None and progress.completed and progress.total_seconds == 300
        note = learning.note(LearnerId(1), "kep")
        assert note is not None and note.text == "Ключ не передавати"
    finally:
        database.dispose()


def test_an_existing_database_is_copied_aside_before_upgrading(tmp_path: Path) -> None:
    path = tmp_path / "etrainer.sqlite"
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE keepsake (words TEXT)")
        connection.execute("INSERT INTO keepsake VALUES ('не загубити')")

    copy = upgrade_to_head(path)

    assert copy is not None and copy.parent == tmp_path / "backups"
    assert copy.name.startswith("pre-upgrade-base-")
    with closing(sqlite3.connect(copy)) as connection:
        assert connection.execute("SELECT words FROM keepsake").fetchall() == [("не загубити",)]
        assert "learner" not in {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert "learner" in _tables(path)


def test_a_database_at_head_is_left_alone(db_path: Path) -> None:
    before = db_path.read_bytes()
    assert upgrade_to_head(db_path) is None
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()


def test_the_head_read_from_the_migration_files_is_alembics_head(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert schema_head.head_from_files() == head_revision()
    versions = tmp_path / "migrations" / "versions"
    versions.mkdir(parents=True)
    for file in (schema_head.MIGRATIONS_DIR / "versions").glob("*.py"):
        (versions / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(schema_head, "MIGRATIONS_DIR", tmp_path / "migrations")
    (versions / "0099_branch.py").write_text('revision = "0099_branch"\ndown_revision = "0001_initial"\n')
    assert schema_head.head_from_files() is None  # two heads: not a plain line, Alembic decides


def test_a_database_at_head_is_checked_without_importing_alembic(db_path: Path) -> None:
    probe = ("import sys\nfrom pathlib import Path\nfrom etrainer.storage.migrate import upgrade_to_head\n"
             f"try:\n    print(upgrade_to_head(Path({str(db_path)!r})))\n"
             "except Exception as error:\n    print(type(error).__name__)\n"
             "print('alembic' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.split() == ["None", "False"], result.stdout + result.stderr
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.split() == ["DatabaseNewer", "True"], result.stdout + result.stderr  # Alembic decides


def test_a_database_from_a_newer_etrainer_is_refused_untouched(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseNewer) as caught:
        upgrade_to_head(db_path)
    assert caught.value.params["revision"] == "9999_future"
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == before


def test_a_failing_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "etrainer.sqlite"
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE keepsake (words TEXT)")
    real_upgrade = command.upgrade

    def upgrade_then_fail(config: object, revision: str) -> None:
        real_upgrade(config, revision)  # type: ignore[arg-type]
        raise RuntimeError("disk full")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)  # migrate imports it when it upgrades
    with pytest.raises(DatabaseUpgradeFailed) as caught:
        upgrade_to_head(path)
    assert "disk full" in str(caught.value)
    assert _tables(path) == {"keepsake"}  # the whole upgrade was rolled back
    assert list((tmp_path / "backups").glob("pre-upgrade-base-*.sqlite"))


def test_downgrade_to_base_removes_every_table(db_path: Path) -> None:
    database = open_database(db_path, foreign_keys=False)
    try:
        config = alembic_config()
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert set(inspect(database.engine).get_table_names()) <= {"alembic_version"}
    finally:
        database.dispose()


def test_the_migrations_render_for_postgresql_without_sqlite_only_parts(capsys: pytest.CaptureFixture[str]) -> None:
    command.upgrade(alembic_config("postgresql://etrainer@server/etrainer"), "head", sql=True)
    script = capsys.readouterr().out
    assert "CREATE TABLE learner" in script and "BYTEA" in script
    assert "WHERE learner_id IS NULL" in script
    assert "fts5" not in script.lower() and "TRIGGER" not in script
