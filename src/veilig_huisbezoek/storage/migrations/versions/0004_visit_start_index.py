"""index visits by start: the history pages (newest first, keyset paging)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_visits_start", "visits", ["start_at", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_visits_start", table_name="visits")
