"""The offline-first queue of xAPI statements for a Learning Record Store (one row per endpoint and statement).

Revision ID: 0005_lrs_outbox
Revises: 0004_consultations
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_lrs_outbox"
down_revision: str | Sequence[str] | None = "0004_consultations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lrs_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("endpoint", sa.String(length=500), nullable=False),
        sa.Column("statement_id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("enqueued_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("next_try_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["learner_id"], ["learner.id"], name=op.f("fk_lrs_outbox_learner_id_learner"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lrs_outbox")),
        sa.UniqueConstraint("endpoint", "statement_id", name=op.f("uq_lrs_outbox_endpoint_statement_id")),
    )
    op.create_index("ix_lrs_outbox_learner_pending", "lrs_outbox", ["learner_id", "endpoint", "sent_at"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_lrs_outbox_learner_pending", table_name="lrs_outbox")
    op.drop_table("lrs_outbox")
