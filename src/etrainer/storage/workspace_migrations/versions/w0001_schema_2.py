"""The workspace schema as eTrainer made it before Alembic (schema version 2), and the adoption of such files.

A workspace made by `create_all` (schema 1: learners, files and records; schema 2 added the essays, their
marks and the signing key; the consultations table came later without a version of its own) has no
`workspace_alembic_version`. This revision creates only the tables it lacks — tables already there were
made from the same definitions and keep their rows — writes the single `workspace_schema` row, and moves
a version-1 row to 2. A later revision that changes the schema so that an older eTrainer could not use it
sets `workspace_schema.version` higher (an eTrainer from before Alembic refuses a workspace above 2).

Revision ID: w0001_schema_2
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "w0001_schema_2"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_VERSION = 2
_created: set[str] = set()


def _create_table(name: str, *items: sa.SchemaItem) -> None:
    if not sa.inspect(op.get_bind()).has_table(name):
        op.create_table(name, *items)
        _created.add(name)


def _create_index(name: str, table: str, columns: list[str]) -> None:
    if table in _created:
        op.create_index(name, table, columns, unique=False)


def upgrade() -> None:
    _created.clear()
    _create_table(
        "workspace_schema",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_workspace_schema_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workspace_schema")),
    )
    _create_table(
        "ws_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("private_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_ws_key_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_key")),
    )
    _create_table(
        "ws_learner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("branch", sa.Text(), nullable=False),
        sa.Column("position", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("installation", sa.String(length=64), nullable=False),
        sa.Column("first_import_at", sa.DateTime(), nullable=False),
        sa.Column("last_import_at", sa.DateTime(), nullable=False),
        sa.Column("last_exported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_learner")),
        sa.UniqueConstraint("uid", name=op.f("uq_ws_learner_uid")),
    )
    _create_table(
        "ws_consultation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.String(length=80), nullable=False),
        sa.Column("course_version", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("service_id", sa.String(length=80), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.String(length=80), nullable=True),
        sa.Column("age_band_id", sa.String(length=80), nullable=True),
        sa.Column("alone_next_time", sa.String(length=20), nullable=False),
        sa.Column("reason_id", sa.String(length=80), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["ws_learner.id"], name=op.f("fk_ws_consultation_learner_id_ws_learner"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_consultation")),
        sa.UniqueConstraint("learner_id", "uid", name=op.f("uq_ws_consultation_learner_id_uid")),
    )
    _create_table(
        "ws_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.String(length=80), nullable=False),
        sa.Column("course_version", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("records_new", sa.Integer(), nullable=False),
        sa.Column("records_updated", sa.Integer(), nullable=False),
        sa.Column("records_skipped", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["ws_learner.id"], name=op.f("fk_ws_import_learner_id_ws_learner"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_import")),
    )
    _create_index("ix_ws_import_learner_id", "ws_import", ["learner_id"])
    _create_index("ix_ws_import_sha256", "ws_import", ["sha256"])
    _create_table(
        "ws_lesson_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.String(length=80), nullable=False),
        sa.Column("course_version", sa.Text(), nullable=False),
        sa.Column("lesson_id", sa.String(length=80), nullable=False),
        sa.Column("module_id", sa.String(length=80), nullable=True),
        sa.Column("first_opened_at", sa.DateTime(), nullable=True),
        sa.Column("last_opened_at", sa.DateTime(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("total_seconds", sa.Integer(), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["ws_learner.id"],
            name=op.f("fk_ws_lesson_progress_learner_id_ws_learner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_lesson_progress")),
        sa.UniqueConstraint("learner_id", "uid", name=op.f("uq_ws_lesson_progress_learner_id_uid")),
    )
    _create_table(
        "ws_lesson_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.String(length=80), nullable=False),
        sa.Column("course_version", sa.Text(), nullable=False),
        sa.Column("lesson_id", sa.String(length=80), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("reached_end", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["ws_learner.id"], name=op.f("fk_ws_lesson_visit_learner_id_ws_learner"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_lesson_visit")),
        sa.UniqueConstraint("learner_id", "uid", name=op.f("uq_ws_lesson_visit_learner_id_uid")),
    )
    _create_table(
        "ws_quiz_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.String(length=80), nullable=False),
        sa.Column("course_version", sa.Text(), nullable=False),
        sa.Column("quiz_id", sa.String(length=80), nullable=False),
        sa.Column("module_id", sa.String(length=80), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("pass_mark", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["ws_learner.id"], name=op.f("fk_ws_quiz_attempt_learner_id_ws_learner"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_quiz_attempt")),
        sa.UniqueConstraint("learner_id", "uid", name=op.f("uq_ws_quiz_attempt_learner_id_uid")),
    )
    _create_table(
        "ws_walkthrough_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.String(length=80), nullable=False),
        sa.Column("course_version", sa.Text(), nullable=False),
        sa.Column("scenario_id", sa.String(length=80), nullable=False),
        sa.Column("module_id", sa.String(length=80), nullable=True),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("abandoned", sa.Boolean(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("hints", sa.Integer(), nullable=False),
        sa.Column("steps_done", sa.Integer(), nullable=False),
        sa.Column("steps_total", sa.Integer(), nullable=False),
        sa.Column("decisions_right", sa.Integer(), nullable=False),
        sa.Column("decisions_wrong", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["ws_learner.id"],
            name=op.f("fk_ws_walkthrough_attempt_learner_id_ws_learner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_walkthrough_attempt")),
        sa.UniqueConstraint("learner_id", "uid", name=op.f("uq_ws_walkthrough_attempt_learner_id_uid")),
    )
    _create_table(
        "ws_quiz_response",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=80), nullable=False),
        sa.Column("question_kind", sa.String(length=20), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["ws_quiz_attempt.id"],
            name=op.f("fk_ws_quiz_response_attempt_id_ws_quiz_attempt"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["ws_learner.id"],
            name=op.f("fk_ws_quiz_response_learner_id_ws_learner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_quiz_response")),
        sa.UniqueConstraint("learner_id", "uid", name=op.f("uq_ws_quiz_response_learner_id_uid")),
    )
    _create_index("ix_ws_quiz_response_attempt_id", "ws_quiz_response", ["attempt_id"])
    _create_table(
        "ws_walkthrough_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("step_id", sa.String(length=80), nullable=True),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("action", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["ws_walkthrough_attempt.id"],
            name=op.f("fk_ws_walkthrough_event_attempt_id_ws_walkthrough_attempt"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["learner_id"],
            ["ws_learner.id"],
            name=op.f("fk_ws_walkthrough_event_learner_id_ws_learner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_walkthrough_event")),
        sa.UniqueConstraint("learner_id", "uid", name=op.f("uq_ws_walkthrough_event_learner_id_uid")),
    )
    _create_index("ix_ws_walkthrough_event_attempt_id", "ws_walkthrough_event", ["attempt_id"])
    _create_table(
        "ws_essay",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("max_points", sa.Float(), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["ws_learner.id"], name=op.f("fk_ws_essay_learner_id_ws_learner"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["ws_quiz_response.id"],
            name=op.f("fk_ws_essay_response_id_ws_quiz_response"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_essay")),
        sa.UniqueConstraint("learner_id", "uid", name=op.f("uq_ws_essay_learner_id_uid")),
        sa.UniqueConstraint("response_id", name=op.f("uq_ws_essay_response_id")),
    )
    _create_table(
        "ws_essay_grade",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("essay_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("levels", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("grader", sa.Text(), nullable=False),
        sa.Column("graded_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["essay_id"], ["ws_essay.id"], name=op.f("fk_ws_essay_grade_essay_id_ws_essay"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ws_essay_grade")),
        sa.UniqueConstraint("essay_id", name=op.f("uq_ws_essay_grade_essay_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_ws_essay_grade_uid")),
    )
    schema = sa.table(
        "workspace_schema",
        sa.column("id", sa.Integer()),
        sa.column("version", sa.Integer()),
        sa.column("created_at", sa.DateTime()),
    )
    bind = op.get_bind()
    found = bind.scalar(sa.select(schema.c.version))
    if found is None:
        now = datetime.now(UTC).replace(tzinfo=None)
        bind.execute(sa.insert(schema).values(id=1, version=SCHEMA_VERSION, created_at=now))
    elif found < SCHEMA_VERSION:
        bind.execute(sa.update(schema).values(version=SCHEMA_VERSION))


def downgrade() -> None:
    for name in (
        "ws_essay_grade",
        "ws_essay",
        "ws_walkthrough_event",
        "ws_quiz_response",
        "ws_walkthrough_attempt",
        "ws_quiz_attempt",
        "ws_lesson_visit",
        "ws_lesson_progress",
        "ws_import",
        "ws_consultation",
        "ws_learner",
        "ws_key",
        "workspace_schema",
    ):
        op.drop_table(name)
