"""File names in a data folder, and whether it holds a store.

Kept apart from :mod:`.store` so that the login window can ask :func:`holds_store`
without loading SQLAlchemy, Alembic or the crypto libraries (``store`` re-exports all
of these names).
"""

from __future__ import annotations

from pathlib import Path

DB_FILE = "veilig-huisbezoek.db"
KEYRING_FILE = "keyslots.json"
KEYRING_LOCK_FILE = ".keyslots.lock"
BACKUPS_DIR = "backups"


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILE


def keyring_path(data_dir: Path) -> Path:
    return data_dir / KEYRING_FILE


def holds_store(data_dir: Path) -> bool:
    """True when the folder holds a database or key file (a backups/ folder alone does not)."""
    return db_path(data_dir).exists() or keyring_path(data_dir).exists()
