"""four eyes: who reset a password (told at the next login), who last edited a note and
which active note a pending edit replaces;
the blind address index as a column everywhere (a team server fills it)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _has_column(table: str, column: str) -> bool:
    return column in {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    # A team server had the blind index before it was a column of the model.
    for table in ("visits", "unsafe_address_notes"):
        if not _has_column(table, "address_bidx"):
            with op.batch_alter_table(table, schema=None) as batch_op:
                batch_op.add_column(sa.Column("address_bidx", sa.String(64), nullable=True))
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_reset_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("password_reset_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("password_reset_cosigner", sa.Integer(), nullable=True))
    with op.batch_alter_table("unsafe_address_notes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("edited_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("edited_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("replaces_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    # Plain ALTER TABLE … DROP COLUMN (SQLite 3.35+): batch mode would copy the tables,
    # which others refer to.
    for table, column in (
        ("unsafe_address_notes", "replaces_id"),
        ("unsafe_address_notes", "edited_at"),
        ("unsafe_address_notes", "edited_by"),
        ("unsafe_address_notes", "address_bidx"),
        ("visits", "address_bidx"),
        ("accounts", "password_reset_cosigner"),
        ("accounts", "password_reset_at"),
        ("accounts", "password_reset_by"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
