"""SQLAlchemy engine on SQLCipher with a raw 256-bit key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

BUSY_TIMEOUT_MS = 10_000
# Execution option marking a connection whose transactions only read (deferred BEGIN:
# in WAL mode such a snapshot never blocks a writer).
READ_ONLY_OPTION = "vh_read_only"


def raw_key_literal(key: bytes) -> str:
    """SQLCipher's raw-key form: the key is used as is, no passphrase KDF."""
    return f"x'{key.hex()}'"


def open_engine(db_path: Path, key: bytes) -> Engine:
    url = URL.create("sqlite+pysqlcipher", password=raw_key_literal(key), database=str(db_path))
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        # Bound parameters hold names and addresses: keep them out of error messages.
        hide_parameters=True,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below own the transactions (pysqlite would
        # otherwise begin lazily and run DDL outside them).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            for pragma in (
                # SQLCipher would print its own diagnostics on stderr for a foreign file.
                "PRAGMA cipher_log_level = NONE",
                "PRAGMA temp_store = MEMORY",
                "PRAGMA foreign_keys = ON",
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = FULL",
                f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
                "PRAGMA secure_delete = ON",
            ):
                cur.execute(pragma)
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # IMMEDIATE: take the write lock up front, so a busy database waits (busy_timeout)
        # instead of failing when a read transaction later wants to write.
        read_only = conn.get_execution_options().get(READ_ONLY_OPTION, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


DatabaseError = sqlcipher3.DatabaseError
