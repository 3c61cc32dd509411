"""Essays: drafts saved as the learner types, the methodist's marks from feedback files, and the trusted
workspace key.

Revision ID: 0003_essays
Revises: 0002_quizzes_walkthroughs
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_essays"
down_revision: str | Sequence[str] | None = "0002_quizzes_walkthroughs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _learner(table: str) -> tuple[sa.Column, sa.ForeignKeyConstraint]:
    return (sa.Column("learner_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["learner_id"], ["learner.id"], name=op.f(f"fk_{table}_learner_id_learner"),
                                    ondelete="CASCADE"))


def upgrade() -> None:
    op.create_table(
        "essay_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=80), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["attempt_id"], ["quiz_attempt.id"],
                                name=op.f("fk_essay_draft_attempt_id_quiz_attempt"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_essay_draft")),
        sa.UniqueConstraint("attempt_id", "position", name=op.f("uq_essay_draft_attempt_id_position")),
    )
    op.create_table(
        "essay_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        *_learner("essay_feedback"),
        sa.Column("response_uid", sa.String(length=64), nullable=False),
        sa.Column("question_id", sa.String(length=80), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("max_points", sa.Float(), nullable=False),
        sa.Column("levels", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("graded_at", sa.DateTime(), nullable=False),
        sa.Column("grader", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_essay_feedback")),
        sa.UniqueConstraint("uid", name=op.f("uq_essay_feedback_uid")),
    )
    op.create_index(op.f("ix_essay_feedback_learner_id"), "essay_feedback", ["learner_id"], unique=False)
    op.create_index(op.f("ix_essay_feedback_response_uid"), "essay_feedback", ["response_uid"], unique=False)
    op.create_table(
        "feedback_key",
        sa.Column("id", sa.Integer(), nullable=False),
        *_learner("feedback_key"),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("workspace", sa.Text(), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_key")),
        sa.UniqueConstraint("learner_id", name=op.f("uq_feedback_key_learner_id")),
    )


def downgrade() -> None:
    op.drop_table("feedback_key")
    op.drop_index(op.f("ix_essay_feedback_response_uid"), table_name="essay_feedback")
    op.drop_index(op.f("ix_essay_feedback_learner_id"), table_name="essay_feedback")
    op.drop_table("essay_feedback")
    op.drop_table("essay_draft")
