"""Test helper: rewrite the audit log the way someone with the database key could.

The triggers that refuse changes are dropped, entries are left out, the rest is
renumbered and re-chained with correct hashes (so the chain alone says OK), and the
triggers are put back.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete, select, text

from veilig_huisbezoek.storage import audit
from veilig_huisbezoek.storage.models import AuditEntry
from veilig_huisbezoek.storage.store import Store


def rewrite_audit_log(store: Store, keep: Callable[[int], bool]) -> int:
    """Keep the entries whose id passes ``keep``, re-chained from 1; returns how many."""
    with store.session() as session:
        triggers = list(
            session.execute(
                text(
                    "SELECT name, sql FROM sqlite_master "
                    "WHERE type = 'trigger' AND tbl_name = 'audit_log'"
                )
            )
        )
        assert {name for name, _sql in triggers} >= {"audit_log_no_update", "audit_log_no_delete"}
        for name, _sql in triggers:
            session.execute(text(f"DROP TRIGGER {name}"))
        kept = [
            (e.at, e.actor_id, e.action, e.object_type, e.object_id, e.detail)
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
            if keep(e.id)
        ]
        session.execute(delete(AuditEntry))
        session.expunge_all()
        for at, actor_id, action, object_type, object_id, detail in kept:
            audit.append(
                session,
                at=at,
                actor_id=actor_id,
                action=action,
                object_type=object_type,
                object_id=object_id,
                detail=detail,
            )
        for _name, sql in triggers:
            session.execute(text(sql))
        assert audit.verify_chain(session).ok  # the chain alone sees nothing
    return len(kept)
