"""The anonymous consultation log (one row per consultation at the library desk).

Revision ID: 0004_consultations
Revises: 0003_essays
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_consultations"
down_revision: str | Sequence[str] | None = "0003_essays"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "consultation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("service_id", sa.String(length=80), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.String(length=80), nullable=True),
        sa.Column("age_band_id", sa.String(length=80), nullable=True),
        sa.Column("alone_next_time", sa.String(length=20), nullable=False),
        sa.Column("reason_id", sa.String(length=80), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["learner_id"], ["learner.id"], name=op.f("fk_consultation_learner_id_learner"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation")),
        sa.UniqueConstraint("uid", name=op.f("uq_consultation_uid")),
    )
    op.create_index("ix_consultation_learner_at", "consultation", ["learner_id", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_consultation_learner_at", table_name="consultation")
    op.drop_table("consultation")
