"""presence: every logged-in session's heartbeat (who is there to watch a visit)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # No foreign key to accounts: a heartbeat must never wait on, or block, an account
    # change; rows of removed accounts simply expire. (A team server adds row security,
    # a guard that stamps the server's time, and no NOTIFY: heartbeats are frequent.)
    op.create_table(
        "presence",
        sa.Column("session_id", sa.String(32), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_presence")),
    )
    op.create_index("ix_presence_account", "presence", ["account_id", "seen_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_presence_account", table_name="presence")
    op.drop_table("presence")
