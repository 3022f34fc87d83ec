"""The buddy board's data: every running visit the actor may see, in three queries."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from ..domain.address import Address
from ..domain.checklist import RiskLevel
from ..domain.roles import Permission
from ..domain.settings import Settings
from ..domain.visit import VisitState
from ..storage.models import Callback, Visit
from .context import ServiceContext
from .people import Person, id_in, read_people
from .settings import settings_in
from .visits import CALLBACK_OPEN, _visible_visits

ACTIVE_STATES = (VisitState.ONDERWEG.value, VisitState.GEESCALEERD.value)


@dataclass(frozen=True)
class BoardRow:
    """One running visit as the buddy board shows it. Times are aware UTC."""

    visit_id: int
    state: VisitState
    level: RiskLevel
    address_short: str
    visitor_id: int
    visitor_name: str
    visitor_phone: str  # E.164 or ""
    buddy_id: int
    buddy_name: str
    next_callback_id: int | None
    next_callback_due: datetime | None
    expected_return: datetime
    may_call: bool  # the actor is the buddy or a leidinggevende (record_call's rule)
    start_at: datetime | None = None  # planned start ("niemand kijkt mee sinds …")
    buddy_first_name: str = ""


def _name(first: str, last: str) -> str:
    return f"{first} {last}".strip()


def board_rows(ctx: ServiceContext, visit_ids: Collection[int] | None = None) -> list[BoardRow]:
    """Active visits (onderweg, geëscaleerd) with a buddy, that the actor may see, unsorted;
    ``visit_ids``: of these visits only (a live change named them: the board merges).

    A leidinggevende sees all of the team's; a medewerker those where they are the
    buddy, the visitor or a colleague; a beheerder none (``_visible_visits``).
    Three queries whatever the number of visits: the visits, the names and phones of
    the people they name (each person once, ``people.read_people``), and the open
    call-backs of those visits. On a team server each name, phone and address part is
    a sealed value this workstation opens: a person's once, not once per visit, and no
    postcode or city (the board shows the short address).
    """
    with ctx.store.read_session() as session:
        # Plain column rows through Core (one read snapshot for all three).
        visits, people, next_callback = _read_board(ctx, session.connection(), visit_ids)
    return _rows(ctx, visits, people, next_callback)


def board_and_settings(
    ctx: ServiceContext, visit_ids: Collection[int] | None = None
) -> tuple[list[BoardRow], Settings]:
    """:func:`board_rows` and the settings the board shows them with (the moment a
    call-back counts as late), in one read snapshot: the board reads both on every
    change, and a transaction more is round trips more."""
    with ctx.store.read_session() as session:
        settings = settings_in(session)
        visits, people, next_callback = _read_board(ctx, session.connection(), visit_ids)
    return _rows(ctx, visits, people, next_callback), settings


def _read_board(
    ctx: ServiceContext, conn: Connection, visit_ids: Collection[int] | None
) -> tuple[Sequence[Any], dict[int, Person], dict[int, tuple[int, datetime]]]:
    visible = _visible_visits(ctx).where(Visit.state.in_(ACTIVE_STATES))
    if visit_ids is not None:
        visible = visible.where(id_in(Visit.id, visit_ids, conn))
    query = visible.with_only_columns(
        Visit.id,
        Visit.state,
        Visit.level,
        Visit.street,
        Visit.house_number,
        Visit.addition,
        Visit.expected_return_at,
        Visit.start_at,
        Visit.visitor_id,
        Visit.buddy_id,
    ).where(Visit.buddy_id.is_not(None))
    callbacks_query = (
        select(Callback.visit_id, Callback.id, Callback.due_at)
        .where(
            Callback.status == CALLBACK_OPEN,
            Callback.visit_id.in_(visible.with_only_columns(Visit.id)),
        )
        .order_by(Callback.visit_id, Callback.due_at, Callback.id)
    )
    visits = conn.execute(query).all()
    people = read_people(
        conn, {v.visitor_id for v in visits} | {v.buddy_id for v in visits}, full=True
    )
    next_callback: dict[int, tuple[int, datetime]] = {}
    for visit_id, callback_id, due in conn.execute(callbacks_query):
        next_callback.setdefault(visit_id, (callback_id, due))
    return visits, people, next_callback


def _rows(
    ctx: ServiceContext,
    visits: Sequence[Any],
    people: dict[int, Person],
    next_callback: dict[int, tuple[int, datetime]],
) -> list[BoardRow]:
    me = ctx.actor.account_id
    sees_team = ctx.actor.may(Permission.SEE_TEAM_CASES)
    may_buddy = ctx.actor.may(Permission.ACT_AS_BUDDY)
    rows: list[BoardRow] = []
    for (
        visit_id,
        state,
        level,
        street,
        house_number,
        addition,
        expected_return,
        start_at,
        visitor_id,
        buddy_id,
    ) in visits:
        visitor = people.get(visitor_id)
        buddy = people.get(buddy_id)
        if visitor is None or buddy is None:
            continue  # as the inner joins on both accounts had it
        callback = next_callback.get(visit_id)
        rows.append(
            BoardRow(
                visit_id=visit_id,
                state=VisitState(state),
                level=RiskLevel(level),
                address_short=Address(street, house_number, addition, "", "").short(),
                visitor_id=visitor_id,
                visitor_name=_name(visitor.first_name, visitor.last_name),
                visitor_phone=visitor.phone,
                buddy_id=buddy_id,
                buddy_name=_name(buddy.first_name, buddy.last_name),
                next_callback_id=callback[0] if callback else None,
                next_callback_due=callback[1] if callback else None,
                expected_return=expected_return,
                may_call=may_buddy and (sees_team or buddy_id == me),
                start_at=start_at,
                buddy_first_name=buddy.first_name,
            )
        )
    return rows
