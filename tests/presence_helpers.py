"""Presence for tests that depart a visit: the departure checks that the buddy is
logged in somewhere (docs/design.md §4a, domain/departure.py), so these tests say the buddy is
there with one heartbeat at the store's ``now``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from veilig_huisbezoek.services import presence
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage.store import Store


def buddy_present(store: Store, account_id: int, now: datetime) -> None:
    """A heartbeat for ``account_id`` (on the embedded store anyone may write it; a team
    server accepts only one's own: use :func:`present`)."""
    store.heartbeat(f"test-session-{account_id}", account_id, now, locked=False)


def present(ctx: ServiceContext) -> None:
    """A heartbeat for the person logged in with ``ctx`` (also on a team server)."""
    presence.heartbeat(ctx, f"test-session-{ctx.actor.account_id}")


# For a buddy without a phone that dials (only on the embedded store).
SPARE_PHONE = "+31612345699"


def visit_buddy_present(ctx: ServiceContext, visit_id: int) -> None:
    """The buddy of ``visit_id`` is present and has a phone that dials (embedded store:
    one without gets :data:`SPARE_PHONE`), seen from ``ctx``."""
    from veilig_huisbezoek.domain.departure import phone_dials
    from veilig_huisbezoek.storage.models import Account, Visit

    with ctx.store.session() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None
        buddy_id = visit.buddy_id
        buddy = session.get(Account, buddy_id)
        assert buddy is not None
        if not phone_dials(buddy.phone):
            buddy.phone = SPARE_PHONE
    buddy_present(ctx.store, buddy_id, ctx.now())


def present_as(login: Callable[[str], ServiceContext], username: str) -> None:
    """``username`` logs in (``login``: ``team.login``) and says they are here; for a
    team server, which takes heartbeats only from the person themselves."""
    ctx = login(username)
    try:
        present(ctx)
    finally:
        ctx.store.close()
