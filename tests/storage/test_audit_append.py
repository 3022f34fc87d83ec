"""``audit.append`` chains one entry as a single Core INSERT: after the ORM changes
pending in the same session, on the next place of the chain, with the hash the chain
check recomputes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from tests.conftest import Team
from veilig_huisbezoek.storage import audit
from veilig_huisbezoek.storage.models import AuditEntry, Setting


def test_an_entry_lands_after_pending_changes_and_chains(team: Team) -> None:
    ctx = team.login("anna")
    at = team.clock.now() + timedelta(seconds=1)
    try:
        with ctx.store.read_session() as session:
            head = session.execute(select(func.max(AuditEntry.id))).scalar_one()
        with ctx.store.session() as session:
            session.add(Setting(key="test_pending", value=1))  # pending, not flushed yet
            entry_id = audit.append(
                session,
                at=at,
                actor_id=ctx.actor.account_id,
                action="visit_onderweg",
                object_type="visit",
                object_id=7,
                detail="détail ✓",
            )
            assert not session.new  # flushed before the entry was written
        assert entry_id == head + 1
        with ctx.store.read_session() as session:
            row = session.execute(select(AuditEntry).where(AuditEntry.id == entry_id)).scalar_one()
            assert (row.at, row.action, row.object_id, row.detail) == (
                at,
                "visit_onderweg",
                "7",
                "détail ✓",
            )
            assert audit.verify_chain(session).ok
    finally:
        ctx.store.close()
