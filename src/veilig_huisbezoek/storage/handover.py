"""Reading a visit's watch facts and changing its buddy (rules: domain/handover.py).

The change is a compare-and-set: ``UPDATE … WHERE buddy_id = <the buddy seen>`` on a
running visit, so of two desks pressing at once exactly one changes the row (SQLite
serialises the writers; PostgreSQL re-reads the row the first one locked and finds
that the buddy is no longer the one seen). A team server does the same inside
``vh_change_buddy``, which checks the rules itself.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..domain.handover import RUNNING, WatchHead
from ..domain.visit import VisitState
from .models import Visit

RUNNING_STATES = tuple(state.value for state in RUNNING)


def watch_head(session: Session, visit_id: int) -> WatchHead | None:
    row = session.execute(
        select(Visit.state, Visit.visitor_id, Visit.buddy_id).where(Visit.id == visit_id)
    ).one_or_none()
    if row is None:
        return None
    return WatchHead(visit_id, VisitState(row.state), row.visitor_id, row.buddy_id)


@dataclass(frozen=True)
class RunningHead:
    """A running visit as any colleague may know it (numbers and times only): enough
    to tell whether it is watched (docs/design.md §4a, failover)."""

    visit_id: int
    state: VisitState
    start: datetime
    visitor_id: int
    buddy_id: int


def running_heads(session: Session, visit_ids: Collection[int] | None = None) -> list[RunningHead]:
    query = select(Visit.id, Visit.state, Visit.start_at, Visit.visitor_id, Visit.buddy_id).where(
        Visit.state.in_(RUNNING_STATES)
    )
    if visit_ids is not None:
        query = query.where(Visit.id.in_(sorted(visit_ids)))
    rows = session.execute(query).all()
    return [
        RunningHead(r.id, VisitState(r.state), r.start_at, r.visitor_id, r.buddy_id) for r in rows
    ]


def change_buddy(
    session: Session, visit_id: int, from_buddy_id: int, to_buddy_id: int, now: datetime
) -> bool:
    """Make ``to_buddy_id`` the buddy if the running visit's buddy is still
    ``from_buddy_id``; False when it was not (someone else was first, or it ended)."""
    result = session.execute(
        update(Visit)
        .where(
            Visit.id == visit_id,
            Visit.buddy_id == from_buddy_id,
            Visit.state.in_(RUNNING_STATES),
        )
        .values(buddy_id=to_buddy_id, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))
