"""Alembic environment: always runs on a connection handed over by `migrate.py`."""

from __future__ import annotations

from alembic import context

from veilig_huisbezoek.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run only through veilig_huisbezoek.storage.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # Batch mode (copy-and-move tables) is for SQLite; PostgreSQL alters in place.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
