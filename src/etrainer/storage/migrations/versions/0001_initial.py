"""The first schema: learners, lesson visits and progress, bookmarks, notes, settings, the
installation's identity, and the course search documents (with an FTS5 index on SQLite).

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The FTS5 index mirrors search_document (external content) and is kept in step by triggers.
SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE search_index USING fts5(title, body, content='search_document', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN "
    "INSERT INTO search_index(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN "
    "INSERT INTO search_index(search_index, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN "
    "INSERT INTO search_index(search_index, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO search_index(rowid, title, body) VALUES (new.id, new.title, new.body); END",
)


def _learner_id(nullable: bool = False) -> sa.Column:
    return sa.Column("learner_id", sa.Integer(), nullable=nullable)


def _learner_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["learner_id"], ["learner.id"], name=op.f(f"fk_{table}_learner_id_learner"),
                                   ondelete="CASCADE")


def _uid(table: str) -> tuple[sa.Column, sa.UniqueConstraint]:
    column = sa.Column("uid", sa.String(length=36), nullable=False)
    return column, sa.UniqueConstraint("uid", name=op.f(f"uq_{table}_uid"))


def upgrade() -> None:
    installation = op.create_table(
        "installation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_installation_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_installation")),
    )
    uid, uid_unique = _uid("learner")
    op.create_table(
        "learner",
        sa.Column("id", sa.Integer(), nullable=False),
        uid,
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("branch", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("pin_hash", sa.LargeBinary(length=64), nullable=True),
        sa.Column("pin_salt", sa.LargeBinary(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_active_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learner")),
        sa.UniqueConstraint("name", name=op.f("uq_learner_name")),
        sa.UniqueConstraint("name_key", name=op.f("uq_learner_name_key")),
        uid_unique,
    )
    op.create_table(
        "search_course",
        sa.Column("course_id", sa.String(length=80), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("indexed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("course_id", name=op.f("pk_search_course")),
    )
    op.create_table(
        "search_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.String(length=80), nullable=False),
        sa.Column("lesson_id", sa.String(length=80), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_document")),
        sa.UniqueConstraint("course_id", "lesson_id", name=op.f("uq_search_document_course_id_lesson_id")),
    )
    uid, uid_unique = _uid("bookmark")
    op.create_table(
        "bookmark",
        sa.Column("id", sa.Integer(), nullable=False),
        uid,
        _learner_id(),
        sa.Column("lesson_id", sa.String(length=80), nullable=False),
        sa.Column("anchor", sa.String(length=200), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _learner_fk("bookmark"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookmark")),
        sa.UniqueConstraint("learner_id", "lesson_id", "anchor", name=op.f("uq_bookmark_learner_id_lesson_id_anchor")),
        uid_unique,
    )
    uid, uid_unique = _uid("lesson_progress")
    op.create_table(
        "lesson_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        uid,
        _learner_id(),
        sa.Column("lesson_id", sa.String(length=80), nullable=False),
        sa.Column("first_opened_at", sa.DateTime(), nullable=True),
        sa.Column("last_opened_at", sa.DateTime(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("total_seconds", sa.Integer(), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("anchor", sa.String(length=200), nullable=True),
        sa.Column("scroll", sa.Float(), nullable=True),
        _learner_fk("lesson_progress"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson_progress")),
        sa.UniqueConstraint("learner_id", "lesson_id", name=op.f("uq_lesson_progress_learner_id_lesson_id")),
        uid_unique,
    )
    uid, uid_unique = _uid("lesson_visit")
    op.create_table(
        "lesson_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        uid,
        _learner_id(),
        sa.Column("lesson_id", sa.String(length=80), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("reached_end", sa.Boolean(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        _learner_fk("lesson_visit"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson_visit")),
        uid_unique,
    )
    op.create_index(op.f("ix_lesson_visit_learner_id"), "lesson_visit", ["learner_id"], unique=False)
    uid, uid_unique = _uid("note")
    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        uid,
        _learner_id(),
        sa.Column("lesson_id", sa.String(length=80), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _learner_fk("note"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
        sa.UniqueConstraint("learner_id", "lesson_id", name=op.f("uq_note_learner_id_lesson_id")),
        uid_unique,
    )
    op.create_table(
        "setting",
        sa.Column("id", sa.Integer(), nullable=False),
        _learner_id(nullable=True),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        _learner_fk("setting"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_setting")),
        sa.UniqueConstraint("learner_id", "key", name=op.f("uq_setting_learner_id_key")),
    )
    op.create_index("uq_setting_global_key", "setting", ["key"], unique=True,
                    sqlite_where=sa.text("learner_id IS NULL"), postgresql_where=sa.text("learner_id IS NULL"))

    op.bulk_insert(installation, [{"id": 1, "uid": str(uuid.uuid4()),
                                   "created_at": datetime.now(UTC).replace(tzinfo=None)}])
    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("search_document_ai", "search_document_ad", "search_document_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_index")
    op.drop_index("uq_setting_global_key", table_name="setting")
    for table in ("setting", "note", "lesson_visit", "lesson_progress", "bookmark", "search_document",
                  "search_course", "learner", "installation"):
        op.drop_table(table)
