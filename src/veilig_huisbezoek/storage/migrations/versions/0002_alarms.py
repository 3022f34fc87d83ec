"""alarms: reminders that fired, until acknowledged

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "alarms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reminder_key", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("acknowledged_by", sa.Integer(), nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("audience", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["acknowledged_by"],
            ["accounts.id"],
            name=op.f("fk_alarms_acknowledged_by_accounts"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_alarms_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alarms")),
        sa.UniqueConstraint("reminder_key", name=op.f("uq_alarms_reminder_key")),
    )
    with op.batch_alter_table("alarms", schema=None) as batch_op:
        batch_op.create_index("ix_alarms_open", ["acknowledged_at", "audience"], unique=False)
        batch_op.create_index(batch_op.f("ix_alarms_visit_id"), ["visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("alarms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alarms_visit_id"))
        batch_op.drop_index("ix_alarms_open")

    op.drop_table("alarms")
