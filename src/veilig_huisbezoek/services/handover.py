"""Hand a running visit over, or take it over (docs/design.md §4a; rules: domain/handover.py).

* :func:`watched_by_me`: the running visits this person watches as buddy (what a
  logout, a close or a quit must hand over first).
* :func:`hand_over`: the buddy gives a visit to a colleague.
* :func:`take_over`: a colleague makes themselves the buddy of a visit whose buddy is
  absent ("Buddy niet bereikbaar" → *Overnemen*). Of two desks pressing at once, one
  wins; the other gets :class:`AlreadyTakenOver` ("Petra heeft dit al overgenomen").

Each change is a visit event and an audit entry (ids only). On a team server the
server checks the same rules (``vh_change_buddy``), so a hand-written statement gets
no further.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.address import Address
from ..domain.errors import Message, NotAllowedError, ValidationError, msg
from ..domain.handover import WatchHead, hand_over_refusal, take_over_refusal
from ..domain.roles import Permission, PermissionDenied, Role, roles_from_text
from ..domain.visit import VisitState
from ..storage.handover import RUNNING_STATES
from ..storage.models import Account, Visit
from ..storage.models import VisitEvent as VisitEventRow
from .context import ServiceContext
from .planning import team_members
from .presence import read_presence

EVENT_HANDED_OVER = "buddy_overgedragen"
EVENT_TAKEN_OVER = "buddy_overgenomen"


class AlreadyTakenOver(NotAllowedError):
    """Someone else became the buddy first."""

    def __init__(self, first_name: str) -> None:
        super().__init__(msg("{name} heeft dit al overgenomen.", name=first_name))
        self.first_name = first_name


@dataclass(frozen=True)
class WatchedVisit:
    """A running visit this person watches, as a handover dialog lists it."""

    id: int
    visitor_id: int
    visitor_name: str
    expected_return: datetime
    state: VisitState
    address: Address = field(repr=False)  # personal data: not in repr


def watched_by_me(ctx: ServiceContext) -> list[WatchedVisit]:
    """The running visits whose buddy is this person, soonest return first."""
    if not ctx.actor.may(Permission.ACT_AS_BUDDY):
        return []
    with ctx.store.read_session() as session:
        rows = session.execute(
            select(Visit, Account.first_name, Account.last_name)
            .join(Account, Account.id == Visit.visitor_id)
            .where(Visit.buddy_id == ctx.actor.account_id, Visit.state.in_(RUNNING_STATES))
            .order_by(Visit.expected_return_at, Visit.id)
        ).all()
        return [
            WatchedVisit(
                id=visit.id,
                visitor_id=visit.visitor_id,
                visitor_name=f"{first} {last}".strip(),
                expected_return=visit.expected_return_at,
                state=VisitState(visit.state),
                address=Address(
                    visit.street, visit.house_number, visit.addition, visit.postcode, visit.city
                ),
            )
            for visit, first, last in rows
        ]


def _head(ctx: ServiceContext, session: Session, visit_id: int) -> WatchHead:
    head = ctx.store.watch_head(session, visit_id)
    if head is None:
        raise PermissionDenied("dit bezoek bestaat niet of u mag het niet zien")
    return head


def _first_name(session: Session, account_id: int) -> str:
    name = session.execute(
        select(Account.first_name).where(Account.id == account_id)
    ).scalar_one_or_none()
    return name or ""


def _eligible_buddy(session: Session, account_id: int) -> bool:
    account = session.get(Account, account_id)
    return (
        account is not None
        and account.active
        and bool(roles_from_text(account.roles) & {Role.MEDEWERKER, Role.LEIDINGGEVENDE})
    )


def _record(
    ctx: ServiceContext, session: Session, head: WatchHead, kind: str, to_buddy_id: int
) -> None:
    detail = f"{head.buddy_id}>{to_buddy_id}"
    session.add(
        VisitEventRow(
            visit_id=head.visit_id,
            at=ctx.now(),
            actor_id=ctx.actor.account_id,
            kind=kind,
            detail=detail,
        )
    )
    ctx.audit(session, f"visit_{kind}", "visit", head.visit_id, detail)
    session.flush()


def hand_over(ctx: ServiceContext, visit_id: int, to_buddy_id: int) -> None:
    """The buddy (or a leidinggevende) makes a colleague the buddy of a running visit."""
    ctx.require(Permission.ACT_AS_BUDDY, "u bent geen buddy")
    with ctx.store.session() as session:
        head = _head(ctx, session, visit_id)
        refusal: Message | None = hand_over_refusal(
            head,
            actor_id=ctx.actor.account_id,
            actor_is_lead=ctx.actor.may(Permission.SEE_TEAM_CASES),
            to_buddy_id=to_buddy_id,
            to_eligible=_eligible_buddy(session, to_buddy_id),
        )
        if refusal is not None:
            raise PermissionDenied(refusal)
        if head.buddy_id == to_buddy_id:
            return
        # The event first: the buddy may still write to the visit's timeline.
        _record(ctx, session, head, EVENT_HANDED_OVER, to_buddy_id)
        if not ctx.store.change_buddy(session, visit_id, head.buddy_id, to_buddy_id, ctx.now()):
            session.rollback()
            raise AlreadyTakenOver(_first_name(session, _current_buddy(ctx, session, visit_id)))


def _current_buddy(ctx: ServiceContext, session: Session, visit_id: int) -> int:
    head = ctx.store.watch_head(session, visit_id)
    return head.buddy_id if head is not None else 0


def take_over(ctx: ServiceContext, visit_id: int, *, from_buddy_id: int) -> None:
    """Make this person the buddy of a running visit whose buddy (``from_buddy_id``, as
    the alarm showed it) is absent. Raises :class:`AlreadyTakenOver` when someone else
    was first; taking over what is already yours is a no-op."""
    ctx.require(Permission.ACT_AS_BUDDY, "u bent geen buddy")
    me = ctx.actor.account_id
    with ctx.store.session() as session:
        head = _head(ctx, session, visit_id)
        if head.buddy_id == me:
            return
        if head.buddy_id != from_buddy_id:
            raise AlreadyTakenOver(_first_name(session, head.buddy_id))
        refusal: Message | None = take_over_refusal(
            head,
            actor_id=me,
            actor_is_lead=ctx.actor.may(Permission.SEE_TEAM_CASES),
            actor_may_buddy=True,
            buddy_present=ctx.store.buddy_present(session, head.buddy_id, ctx.now()),
        )
        if refusal is not None:
            raise PermissionDenied(refusal)
        if not ctx.store.change_buddy(session, visit_id, from_buddy_id, me, ctx.now()):
            session.rollback()
            raise AlreadyTakenOver(_first_name(session, _current_buddy(ctx, session, visit_id)))
        # Now the buddy: the timeline takes the event.
        _record(ctx, session, head, EVENT_TAKEN_OVER, me)


@dataclass(frozen=True)
class Colleague:
    """Someone who could watch a visit instead: present now or not."""

    id: int
    username: str
    display_name: str
    present: bool


@dataclass(frozen=True)
class Leaving:
    """What a person leaving must hand over, and to whom it could go."""

    visits: tuple[WatchedVisit, ...]
    colleagues: tuple[Colleague, ...]

    @property
    def present_colleagues(self) -> tuple[Colleague, ...]:
        return tuple(c for c in self.colleagues if c.present)


def leaving(ctx: ServiceContext) -> Leaving:
    """The running visits this person watches and every colleague who could take them
    (not this person; present ones as the store says now). No colleagues are read when
    there is nothing to hand over."""
    visits = tuple(watched_by_me(ctx))
    if not visits:
        return Leaving((), ())
    people = read_presence(ctx).people(ctx.now())
    colleagues = tuple(
        Colleague(
            member.id,
            member.username,
            member.display_name,
            member.id in people and people[member.id].present,
        )
        for member in team_members(ctx)
    )
    return Leaving(visits, colleagues)


def wrong_colleague_password() -> ValidationError:
    return ValidationError("Collega", "naam of wachtwoord van de collega klopt niet.")


def hand_over_here(ctx: ServiceContext, other: ServiceContext, visit_ids: list[int]) -> None:
    """Hand the visits to ``other``, a colleague who just logged in at this desk
    (their own session, ``other``); refused before anything changes when they are this
    person, cannot be a buddy, or are the visitor of one of the visits."""
    if other is ctx or other.actor.account_id == ctx.actor.account_id:
        raise ValidationError("Collega", "dat bent u zelf; laat een collega hier inloggen.")
    if not other.actor.may(Permission.ACT_AS_BUDDY):
        raise ValidationError("Collega", "deze collega kan geen buddy zijn.")
    visitors = {v.visitor_id for v in watched_by_me(ctx) if v.id in visit_ids}
    if other.actor.account_id in visitors:
        raise ValidationError(
            "Collega", "deze collega is zelf de bezoeker van een van deze bezoeken."
        )
    for visit_id in visit_ids:
        hand_over(ctx, visit_id, other.actor.account_id)
