"""Is a store whole? Every page readable, SQLite's integrity and reference checks, the
schema at the newest migration, and the audit log's hash chain unbroken."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SADatabaseError

from . import audit
from .engine import DatabaseError
from .errors import StoreError
from .migrate import head_revision
from .store import Store, VerifyReport


def verify_store(store: Store) -> VerifyReport:
    problems: list[str] = []
    audit_entries = 0
    try:
        with store._gate.shared(), store.engine.connect() as conn:
            cipher = conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
            if cipher:
                problems.append(f"versleuteling: {len(cipher)} beschadigde pagina's")
            integrity = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                problems.append(f"integriteit: {len(integrity)} fouten")
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if fk:
                problems.append(f"verwijzingen: {len(fk)} verweesde regels")
            version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if version != head_revision():
                problems.append("schemaversie onbekend")
        with store.session() as session:
            chain = audit.verify_chain(session)
            audit_entries = chain.entries
            if not chain.ok:
                problems.append(f"auditlog gewijzigd vanaf regel {chain.first_bad_id}")
    except (StoreError, DatabaseError, SADatabaseError):
        problems.append("de database kan niet volledig gelezen worden")
    return VerifyReport(tuple(problems), audit_entries)
