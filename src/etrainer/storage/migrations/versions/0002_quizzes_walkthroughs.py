"""Quiz attempts and responses, the review deck, walkthrough attempts and their events, and the
installation's signing key.

Revision ID: 0002_quizzes_walkthroughs
Revises: 0001_initial
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_quizzes_walkthroughs"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _learner(table: str) -> tuple[sa.Column, sa.ForeignKeyConstraint]:
    return (sa.Column("learner_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["learner_id"], ["learner.id"], name=op.f(f"fk_{table}_learner_id_learner"),
                                    ondelete="CASCADE"))


def _uid(table: str) -> tuple[sa.Column, sa.UniqueConstraint]:
    return (sa.Column("uid", sa.String(length=36), nullable=False),
            sa.UniqueConstraint("uid", name=op.f(f"uq_{table}_uid")))


def _attempt(table: str, parent: str) -> tuple[sa.Column, sa.ForeignKeyConstraint]:
    return (sa.Column("attempt_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["attempt_id"], [f"{parent}.id"], name=op.f(f"fk_{table}_attempt_id_{parent}"),
                                    ondelete="CASCADE"))


def upgrade() -> None:
    with op.batch_alter_table("installation") as batch:
        batch.add_column(sa.Column("signing_key", sa.LargeBinary(length=64), nullable=True))

    op.create_table(
        "quiz_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        *_uid("quiz_attempt"),
        *_learner("quiz_attempt"),
        sa.Column("quiz_id", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("course_id", sa.String(length=80), nullable=False),
        sa.Column("course_version", sa.String(length=80), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("pass_mark", sa.Float(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("drawn", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_attempt")),
    )
    op.create_index("ix_quiz_attempt_learner_quiz", "quiz_attempt", ["learner_id", "quiz_id"], unique=False)
    op.create_table(
        "quiz_response",
        sa.Column("id", sa.Integer(), nullable=False),
        *_uid("quiz_response"),
        *_attempt("quiz_response", "quiz_attempt"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=80), nullable=False),
        sa.Column("question_kind", sa.String(length=20), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_response")),
        sa.UniqueConstraint("attempt_id", "position", name=op.f("uq_quiz_response_attempt_id_position")),
    )
    op.create_index(op.f("ix_quiz_response_attempt_id"), "quiz_response", ["attempt_id"], unique=False)
    op.create_index(op.f("ix_quiz_response_question_id"), "quiz_response", ["question_id"], unique=False)
    op.create_table(
        "review_card",
        sa.Column("id", sa.Integer(), nullable=False),
        *_learner("review_card"),
        sa.Column("question_id", sa.String(length=80), nullable=False),
        sa.Column("quiz_id", sa.String(length=80), nullable=False),
        sa.Column("box", sa.Integer(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("last_result", sa.Boolean(), nullable=False),
        sa.Column("last_answered", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_card")),
        sa.UniqueConstraint("learner_id", "question_id", name=op.f("uq_review_card_learner_id_question_id")),
    )
    op.create_table(
        "walkthrough_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        *_uid("walkthrough_attempt"),
        *_learner("walkthrough_attempt"),
        sa.Column("scenario_id", sa.String(length=80), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("course_id", sa.String(length=80), nullable=False),
        sa.Column("course_version", sa.String(length=80), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_walkthrough_attempt")),
    )
    op.create_index("ix_walkthrough_attempt_learner_scenario", "walkthrough_attempt", ["learner_id", "scenario_id"],
                    unique=False)
    op.create_table(
        "walkthrough_event",
        sa.Column("id", sa.Integer(), nullable=False),
        *_uid("walkthrough_event"),
        *_attempt("walkthrough_event", "walkthrough_attempt"),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("step_id", sa.String(length=80), nullable=True),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("action", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_walkthrough_event")),
        sa.UniqueConstraint("attempt_id", "seq", name=op.f("uq_walkthrough_event_attempt_id_seq")),
    )
    op.create_index(op.f("ix_walkthrough_event_attempt_id"), "walkthrough_event", ["attempt_id"], unique=False)


def downgrade() -> None:
    for table in ("walkthrough_event", "walkthrough_attempt", "review_card", "quiz_response", "quiz_attempt"):
        op.drop_table(table)
    with op.batch_alter_table("installation") as batch:
        batch.drop_column("signing_key")
