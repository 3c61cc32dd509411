"""The statements the methodist sent from the workspace to an LRS (`ws_lrs_sent`), so sending again skips them.

Only a new table: a workspace at this revision still opens in an eTrainer of schema 2 (which ignores the
table), so `workspace_schema.version` stays 2.

Revision ID: w0002_lrs_sent
Revises: w0001_schema_2
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "w0002_lrs_sent"
down_revision: str | Sequence[str] | None = "w0001_schema_2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("ws_lrs_sent"):  # made by create_all before this revision existed
        return
    op.create_table(
        "ws_lrs_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("endpoint", sa.String(length=500), nullable=False),
        sa.Column("statement_id", sa.String(length=36), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("endpoint", "statement_id"),
    )


def downgrade() -> None:
    op.drop_table("ws_lrs_sent")
