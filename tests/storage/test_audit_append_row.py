"""``audit.append_row`` (one Core INSERT, the hot paths) writes the entry ``audit.append``
(the ORM) would: the same place on the chain, time and hash; the chain verifies."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from tests.conftest import Team
from veilig_huisbezoek.storage import audit
from veilig_huisbezoek.storage.models import AuditEntry


def test_append_row_writes_what_append_would(team: Team) -> None:
    ctx = team.login("anna")
    at = team.clock.now() + timedelta(seconds=1)
    fields = {
        "at": at,
        "actor_id": ctx.actor.account_id,
        "action": "visit_onderweg",
        "object_type": "visit",
        "object_id": 7,
        "detail": "détail ✓",
    }
    try:
        with ctx.store.session() as session:
            by_orm = audit.append(session, **fields)  # type: ignore[arg-type]
            orm_row = (by_orm.id, by_orm.at, by_orm.prev_hash, by_orm.hash)
            session.rollback()  # the same place on the chain once more, through Core
        with ctx.store.session() as session:
            entry_id = audit.append_row(session, **fields)  # type: ignore[arg-type]
        with ctx.store.read_session() as session:
            row = session.execute(select(AuditEntry).where(AuditEntry.id == entry_id)).scalar_one()
            assert (row.id, row.at, row.prev_hash, row.hash) == orm_row
            assert (row.object_id, row.detail) == ("7", "détail ✓")
            assert audit.verify_chain(session).ok
    finally:
        ctx.store.close()
