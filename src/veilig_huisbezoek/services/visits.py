"""Visits: plan, consent, depart, return; calls by the buddy. Role checks live here."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import BindParameter, ColumnElement, Select, Table, bindparam, or_, select, update
from sqlalchemy.orm import Session, selectinload

from ..domain.address import Address
from ..domain.call_outcome import CallDecision, NameUsed, decide_action
from ..domain.checklist import Assessment as AssessmentResult
from ..domain.checklist import RiskLevel
from ..domain.departure import (
    BuddyCheck,
    DepartureRefused,
    check_buddy,
    phone_dials,
    validate_reason,
)
from ..domain.errors import ValidationError, msg, term
from ..domain.overdue import retry_time
from ..domain.reminders import Audience, ReminderKind, unwatched_departure_key
from ..domain.roles import Permission, PermissionDenied, Role, roles_from_text
from ..domain.visit import VisitPlan, VisitState, transition
from ..storage import audit
from ..storage.models import (
    Account,
    Alarm,
    Assessment,
    Callback,
    CallRecord,
    Visit,
    VisitColleague,
)
from ..storage.models import VisitEvent as VisitEventRow
from ..storage.sealed import insert_row
from . import presence
from .context import ServiceContext
from .settings import load_settings

CALLBACK_OPEN = "open"
# Tables for Core statements on the hot path (departure).
_VISITS = cast(Table, Visit.__table__)
_ACCOUNTS = cast(Table, Account.__table__)
_COLLEAGUES = cast(Table, VisitColleague.__table__)
CALLBACK_DONE = "gedaan"
CALLBACK_CANCELLED = "vervallen"


def _deviation_needed(level: RiskLevel, going_alone: bool) -> bool:
    return going_alone and level >= RiskLevel.ORANJE


def _event(
    ctx: ServiceContext, session: Session, visit: Visit, kind: str, detail: str = ""
) -> None:
    session.add(
        VisitEventRow(
            visit_id=visit.id, at=ctx.now(), actor_id=ctx.actor.account_id, kind=kind, detail=detail
        )
    )


def _visibility(ctx: ServiceContext) -> ColumnElement[bool] | None:
    """Which visits the actor may see (None: all): a leidinggevende all, else own, as
    colleague or buddy; a beheerder none."""
    if ctx.actor.may(Permission.SEE_TEAM_CASES):
        return None
    if not ctx.actor.may(Permission.PLAN_OWN_VISITS):
        return Visit.id.is_(None)  # beheerder: no case content
    me = ctx.actor.account_id
    return or_(
        Visit.visitor_id == me,
        Visit.buddy_id == me,
        Visit.id.in_(select(VisitColleague.visit_id).where(VisitColleague.account_id == me)),
    )


def _visible_visits(ctx: ServiceContext) -> Select[Visit]:
    """Visits the actor may see: all for a leidinggevende, else own, as colleague or buddy."""
    query = select(Visit)
    visible = _visibility(ctx)
    return query if visible is None else query.where(visible)


def _load(ctx: ServiceContext, session: Session, visit_id: int) -> Visit:
    visit = session.execute(_visible_visits(ctx).where(Visit.id == visit_id)).scalar_one_or_none()
    if visit is None:
        raise PermissionDenied("dit bezoek bestaat niet of u mag het niet zien")
    return visit


def _check_buddy(session: Session, plan: VisitPlan) -> None:
    buddy = session.get(Account, plan.buddy_id)
    if buddy is None or not buddy.active:
        raise ValidationError("Buddy", "kies een actieve collega als buddy.")
    if not roles_from_text(buddy.roles) & {Role.MEDEWERKER, Role.LEIDINGGEVENDE}:
        raise ValidationError("Buddy", "een beheerder zonder medewerkersrol kan geen buddy zijn.")
    for colleague_id in plan.colleague_ids:
        colleague = session.get(Account, colleague_id)
        if colleague is None or not colleague.active:
            raise ValidationError("Collega's", "kies alleen actieve collega's.")


def save_visit(
    ctx: ServiceContext,
    plan: VisitPlan,
    assessment: AssessmentResult,
    *,
    deviation_reason: str = "",
) -> int:
    """Store a planned visit as *concept* with its assessment and call-back moments."""
    ctx.require(Permission.PLAN_OWN_VISITS, "u mag geen bezoeken plannen")
    if plan.visitor_id != ctx.actor.account_id and not ctx.actor.may(Permission.SEE_TEAM_CASES):
        raise PermissionDenied("u kunt alleen uw eigen bezoeken plannen")
    deviation_reason = deviation_reason.strip()
    if _deviation_needed(assessment.level, not plan.colleague_ids) and not deviation_reason:
        raise ValidationError(
            "Reden afwijking",
            msg(
                "het advies bij {level} is om met twee te gaan; leg vast waarom u alleen gaat.",
                level=term(assessment.level.label),
            ),
        )
    now = ctx.now()
    with ctx.store.new_visit_session() as session:
        _check_buddy(session, plan)
        visit = Visit(
            visitor_id=plan.visitor_id,
            buddy_id=plan.buddy_id,
            reason=plan.reason.value,
            street=plan.address.street,
            house_number=plan.address.house_number,
            addition=plan.address.addition,
            postcode=plan.address.postcode,
            city=plan.address.city,
            residents=plan.residents,
            clients=plan.clients,
            client_phone=plan.client_phone,
            start_at=plan.start,
            expected_return_at=plan.expected_return,
            roles_note=plan.roles_note,
            interpreter=plan.interpreter,
            announced_in_writing=plan.announced_in_writing,
            state=VisitState.CONCEPT.value,
            level=assessment.level.value,
            deviation_reason=deviation_reason,
            created_at=now,
            updated_at=now,
        )
        visit.colleagues = [VisitColleague(account_id=c) for c in plan.colleague_ids]
        visit.assessment = Assessment(
            checklist_id=assessment.checklist_id,
            checklist_version=assessment.checklist_version,
            answers={k: v.value for k, v in assessment.answers.items()},
            level=assessment.level.value,
            reasons=[r.text for r in assessment.reasons],
            assessed_by=ctx.actor.account_id,
            assessed_at=now,
        )
        visit.callbacks = [
            Callback(due_at=due, kind="gepland", status=CALLBACK_OPEN, created_at=now)
            for due in plan.callbacks
        ]
        session.add(visit)
        session.flush()
        _event(ctx, session, visit, "aangemaakt", assessment.level.value)
        ctx.audit(session, "visit_created", "visit", visit.id, assessment.level.value)
        return visit.id


def give_consent(
    ctx: ServiceContext, visit_id: int, reason: str, *, signature: str | None = None
) -> None:
    """A leidinggevende's recorded consent for a visit against the rood advice.

    ``signature``: given at the visitor's desk, the team server's proof that the
    leidinggevende's own credentials reached it (see :func:`accounts.co_sign`)."""
    ctx.require(Permission.GIVE_CONSENT, "alleen een leidinggevende kan toestemming geven")
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError(
            "Reden toestemming", "beschrijf in een zin waarom het bezoek doorgaat."
        )
    with ctx.store.session() as session:
        ctx.store.use_cosignature(session, signature)
        visit = _load(ctx, session, visit_id)
        if visit.state != VisitState.CONCEPT.value:
            raise ValidationError("Toestemming", "toestemming kan alleen vóór het plannen.")
        visit.consent_by = ctx.actor.account_id
        visit.consent_reason = reason
        visit.consent_at = ctx.now()
        visit.updated_at = ctx.now()
        _event(ctx, session, visit, "toestemming")
        ctx.audit(session, "visit_consent", "visit", visit_id)


def _move(
    ctx: ServiceContext, session: Session, visit: Visit, target: VisitState, kind: str
) -> None:
    visit.state = transition(VisitState(visit.state), target).value
    visit.updated_at = ctx.now()
    _event(ctx, session, visit, kind)
    ctx.audit(session, f"visit_{target.value}", "visit", visit.id)


def _require_visitor(ctx: ServiceContext, visit: Visit) -> None:
    if visit.visitor_id != ctx.actor.account_id and not ctx.actor.may(Permission.SEE_TEAM_CASES):
        raise PermissionDenied("alleen de bezoeker of een leidinggevende kan dit doen")


def schedule_visit(ctx: ServiceContext, visit_id: int) -> None:
    """concept → gepland; a rood visit needs a leidinggevende's consent first."""
    with ctx.store.visit_session(visit_id) as session:
        visit = _load(ctx, session, visit_id)
        _require_visitor(ctx, visit)
        if visit.level == RiskLevel.ROOD.value and visit.consent_by is None:
            raise ValidationError(
                "Toestemming leidinggevende",
                "bij rood gaat het bezoek alleen door met vastgelegde toestemming van uw "
                "leidinggevende.",
            )
        _move(ctx, session, visit, VisitState.GEPLAND, "gepland")


# Visit events of a departure without the planned buddy (docs/design.md §4a).
EVENT_BUDDY_CHANGED = "buddy_gewijzigd"
EVENT_UNWATCHED_DEPARTURE = "zonder_buddy"


@dataclass(frozen=True)
class BuddyChoice:
    """A present colleague who may be buddy at departure and whose phone dials."""

    account_id: int
    first_name: str
    last_name: str

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def _may_be_buddy(account: Account) -> bool:
    return account.active and bool(
        roles_from_text(account.roles) & {Role.MEDEWERKER, Role.LEIDINGGEVENDE}
    )


def _present_people(ctx: ServiceContext) -> set[int]:
    """Who is present now, from a fresh presence read (not the GUI's last one)."""
    now = ctx.now()
    people = presence.read_presence(ctx).people(now)
    return {account for account, seen in people.items() if seen.present}


def buddy_check(ctx: ServiceContext, visit_id: int) -> BuddyCheck:
    """Is the visit's buddy reachable for a departure now (present, phone dials)?"""
    present = _present_people(ctx)
    with ctx.store.read_session() as session:
        visit = _load(ctx, session, visit_id)
        buddy = session.get(Account, visit.buddy_id)
        assert buddy is not None
        return check_buddy(buddy.first_name, present=buddy.id in present, phone=buddy.phone)


def buddy_choices(ctx: ServiceContext, visit_id: int) -> list[BuddyChoice]:
    """Present colleagues who may be buddy of this visit instead (not the visitor), whose
    phone dials; by first name."""
    present = _present_people(ctx)
    with ctx.store.read_session() as session:
        visit = _load(ctx, session, visit_id)
        rows = session.execute(select(Account).where(Account.id.in_(present))).scalars()
        found = [
            BuddyChoice(a.id, a.first_name, a.last_name)
            for a in rows
            if a.id != visit.visitor_id and _may_be_buddy(a) and phone_dials(a.phone)
        ]
    return sorted(
        found, key=lambda c: (c.first_name.casefold(), c.last_name.casefold(), c.account_id)
    )


def depart(
    ctx: ServiceContext,
    visit_id: int,
    *,
    new_buddy_id: int | None = None,
    go_anyway_reason: str | None = None,
) -> None:
    """gepland → onderweg, once the buddy is reachable (docs/design.md §4a): present (a fresh
    presence read) and a phone number that dials.

    Otherwise :class:`DepartureRefused` (saying what is wrong), unless the visitor
    chose ``new_buddy_id`` (a present colleague whose phone dials; the buddy changes
    in the same transaction as the departure) or ``go_anyway_reason`` (then the
    leidinggevenden get an alarm "Vertrokken zonder bereikbare buddy").
    """
    reason = validate_reason(go_anyway_reason) if go_anyway_reason is not None else None
    if reason is not None and new_buddy_id is not None:
        raise ValidationError(
            "Buddy", "kies een andere buddy of vertrek zonder bereikbare buddy, niet allebei."
        )
    if new_buddy_id is None:
        _depart_with_planned_buddy(ctx, visit_id, reason)
        return
    present = _present_people(ctx)
    with ctx.store.visit_session(visit_id) as session:
        visit = _load(ctx, session, visit_id)
        _require_visitor(ctx, visit)
        transition(VisitState(visit.state), VisitState.ONDERWEG)  # refused before any check
        if new_buddy_id != visit.buddy_id:
            _change_buddy_at_departure(ctx, session, visit, new_buddy_id, present)
        else:
            buddy = session.get(Account, visit.buddy_id)
            assert buddy is not None
            check = check_buddy(buddy.first_name, present=buddy.id in present, phone=buddy.phone)
            if not check.ok and reason is None:
                raise DepartureRefused(check)
            if check.ok:
                reason = None  # reachable after all: nobody needs to be told
        _move(ctx, session, visit, VisitState.ONDERWEG, "vertrokken")
        if reason is not None:
            _tell_leidinggevenden(ctx, session, visit.id, reason)


@functools.cache
def _departure_head(scope: str) -> Select[Any]:
    """The visit's state, visitor and buddy with the buddy's name and phone, if the actor
    may see it (``scope``: all, own (visitor, buddy or colleague: ``me``) or none; the
    rule of :func:`_visibility`). Built once per scope, bound at execution."""
    visits, accounts = _VISITS.c, _ACCOUNTS.c
    query = (
        select(
            visits.state, visits.visitor_id, visits.buddy_id, accounts.first_name, accounts.phone
        )
        .join_from(_VISITS, _ACCOUNTS, accounts.id == visits.buddy_id)
        .where(visits.id == bindparam("visit_id"))
    )
    if scope == "none":
        return query.where(visits.id.is_(None))
    if scope == "own":
        me: BindParameter[int] = bindparam("me")
        colleagues = _COLLEAGUES.c
        return query.where(
            or_(
                visits.visitor_id == me,
                visits.buddy_id == me,
                visits.id.in_(select(colleagues.visit_id).where(colleagues.account_id == me)),
            )
        )
    return query


# The state change of a departure (Core, built once).
_DEPART = (
    update(_VISITS)
    .where(_VISITS.c.id == bindparam("visit_id"))
    .values(state=bindparam("new_state"), updated_at=bindparam("at"))
)


def _depart_with_planned_buddy(ctx: ServiceContext, visit_id: int, reason: str | None) -> None:
    """The departure with the planned buddy: the hot path, written through Core
    statements (no ORM objects, no unit of work) in one transaction: read the visit with
    its buddy, read the buddy's presence, update the state, insert the visit event, read
    the audit head, insert the audit entry. The same checks, rows and audit entry as
    :func:`_move` writes through the ORM."""
    if ctx.actor.may(Permission.SEE_TEAM_CASES):
        scope = "all"
    elif ctx.actor.may(Permission.PLAN_OWN_VISITS):
        scope = "own"
    else:
        scope = "none"
    with ctx.store.visit_session(visit_id) as session:
        conn = session.connection()
        head = conn.execute(
            _departure_head(scope), {"visit_id": visit_id, "me": ctx.actor.account_id}
        ).one_or_none()
        if head is None:
            raise PermissionDenied("dit bezoek bestaat niet of u mag het niet zien")
        if head.visitor_id != ctx.actor.account_id and not ctx.actor.may(Permission.SEE_TEAM_CASES):
            raise PermissionDenied("alleen de bezoeker of een leidinggevende kan dit doen")
        # Refused before any check.
        target = transition(VisitState(head.state), VisitState.ONDERWEG)
        now = ctx.now()
        present = ctx.store.buddy_present(session, head.buddy_id, now)
        check = check_buddy(head.first_name, present=present, phone=head.phone)
        if not check.ok and reason is None:
            raise DepartureRefused(check)
        if check.ok:
            reason = None  # reachable after all: nobody needs to be told
        conn.execute(_DEPART, {"visit_id": visit_id, "new_state": target.value, "at": now})
        insert_row(
            session,
            VisitEventRow,
            {
                "visit_id": visit_id,
                "at": now,
                "actor_id": ctx.actor.account_id,
                "kind": "vertrokken",
                "detail": "",
            },
        )
        audit.append(
            session,
            at=now,
            actor_id=ctx.actor.account_id,
            action=f"visit_{target.value}",
            object_type="visit",
            object_id=visit_id,
        )
        if reason is not None:
            _tell_leidinggevenden(ctx, session, visit_id, reason)


def depart_with_colleague_here(ctx: ServiceContext, visit_id: int, other: ServiceContext) -> None:
    """Depart with ``other`` as buddy: a colleague who just logged in at this desk (their
    own session, already present) and watches from here. The same checks as a present
    colleague chosen from the list."""
    if other.actor.account_id == ctx.actor.account_id:
        raise ValidationError("Collega", "dat bent u zelf; laat een collega hier inloggen.")
    depart(ctx, visit_id, new_buddy_id=other.actor.account_id)


def _change_buddy_at_departure(
    ctx: ServiceContext, session: Session, visit: Visit, new_buddy_id: int, present: set[int]
) -> None:
    buddy = session.get(Account, new_buddy_id)
    if buddy is None or new_buddy_id == visit.visitor_id or not _may_be_buddy(buddy):
        raise ValidationError("Buddy", "kies een actieve collega als buddy.")
    if new_buddy_id not in present:
        raise ValidationError(
            "Buddy", msg("{name} is niet ingelogd; kies een andere collega.", name=buddy.first_name)
        )
    if not phone_dials(buddy.phone):
        raise ValidationError(
            "Buddy",
            msg(
                "het telefoonnummer van {name} kan niet gebeld worden; kies een andere collega.",
                name=buddy.first_name,
            ),
        )
    previous = visit.buddy_id
    visit.buddy_id = new_buddy_id
    detail = f"{previous}→{new_buddy_id}"
    _event(ctx, session, visit, EVENT_BUDDY_CHANGED, detail)
    ctx.audit(session, "visit_buddy_changed", "visit", visit.id, detail)


def _tell_leidinggevenden(
    ctx: ServiceContext, session: Session, visit_id: int, reason: str
) -> None:
    """The visit event with the reason, and the alarm for the leidinggevenden, in the
    departure's own transaction."""
    now = ctx.now()
    session.add(
        VisitEventRow(
            visit_id=visit_id,
            at=now,
            actor_id=ctx.actor.account_id,
            kind=EVENT_UNWATCHED_DEPARTURE,
            detail=reason,
        )
    )
    alarm = Alarm(
        reminder_key=unwatched_departure_key(visit_id),
        kind=ReminderKind.UNWATCHED_DEPARTURE.value,
        visit_id=visit_id,
        due_at=now,
        raised_at=now,
        raised_late=False,
        audience=Audience.LEIDINGGEVENDEN.value,
    )
    session.add(alarm)
    session.flush()
    session.add(
        VisitEventRow(
            visit_id=visit_id,
            at=now,
            actor_id=None,
            kind="alarm",
            detail=ReminderKind.UNWATCHED_DEPARTURE.value,
        )
    )
    ctx.audit(session, "alarm_raised", "alarm", alarm.id, ReminderKind.UNWATCHED_DEPARTURE.value)


def _finish(ctx: ServiceContext, visit_id: int, target: VisitState, kind: str) -> None:
    with ctx.store.visit_session(visit_id) as session:
        visit = _load(ctx, session, visit_id)
        _require_visitor(ctx, visit)
        for callback in visit.callbacks:
            if callback.status == CALLBACK_OPEN:
                callback.status = CALLBACK_CANCELLED
        # The audit entry last: on a team server the chain's lock is held from there on.
        # A refused transition (raised in _move) rolls the call-backs back with it.
        _move(ctx, session, visit, target, kind)


def return_safe(ctx: ServiceContext, visit_id: int) -> None:
    _finish(ctx, visit_id, VisitState.TERUG_VEILIG, "terug_veilig")


def return_with_incident(ctx: ServiceContext, visit_id: int) -> None:
    _finish(ctx, visit_id, VisitState.TERUG_INCIDENT, "terug_incident")


def close_visit(ctx: ServiceContext, visit_id: int) -> None:
    _finish(ctx, visit_id, VisitState.AFGESLOTEN, "afgesloten")


def record_call(
    ctx: ServiceContext,
    visit_id: int,
    *,
    reached: bool,
    name_used: NameUsed | None = None,
    vrijuit: bool | None = None,
    politie: bool | None = None,
    callback_id: int | None = None,
) -> CallDecision:
    """The buddy records a call; returns the action to take and plans any follow-up call."""
    ctx.require(Permission.ACT_AS_BUDDY, "u mag geen terugbelgesprekken vastleggen")
    settings = load_settings(ctx)
    with ctx.store.visit_session(visit_id) as session:
        visit = _load(ctx, session, visit_id)
        if visit.buddy_id != ctx.actor.account_id and not ctx.actor.may(Permission.SEE_TEAM_CASES):
            raise PermissionDenied("alleen de buddy of een leidinggevende belt dit bezoek")
        state = VisitState(visit.state)
        if state not in (VisitState.ONDERWEG, VisitState.GEESCALEERD):
            raise ValidationError(
                "Bezoek",
                msg("een bezoek met status '{status}' belt u niet.", status=term(state.label)),
            )
        misses = 0
        for call in reversed(visit.calls):
            if call.reached:
                break
            misses += 1
        decision = decide_action(
            reached=reached,
            name_used=name_used,
            vrijuit=vrijuit,
            politie=politie,
            previous_misses=misses,
            retry_after=retry_time(settings),
            police_emergency=settings.police_emergency,
            police_general=settings.police_general,
        )
        now = ctx.now()
        session.add(
            CallRecord(
                visit_id=visit.id,
                callback_id=callback_id,
                buddy_id=ctx.actor.account_id,
                called_at=now,
                reached=reached,
                name_used=name_used.value if (reached and name_used) else None,
                vrijuit=vrijuit if reached else None,
                politie=politie if reached else None,
                action=decision.action.value,
            )
        )
        if callback_id is not None:
            for callback in visit.callbacks:
                if callback.id == callback_id and callback.status == CALLBACK_OPEN:
                    callback.status = CALLBACK_DONE
        if decision.retry_after is not None:
            visit.callbacks.append(
                Callback(
                    due_at=now + decision.retry_after,
                    kind="herhaling" if not reached else "eerder",
                    status=CALLBACK_OPEN,
                    created_at=now,
                )
            )
        if decision.is_alarm and state == VisitState.ONDERWEG:
            visit.state = VisitState.GEESCALEERD.value
        visit.updated_at = now
        _event(ctx, session, visit, "gebeld", decision.action.value)
        ctx.audit(session, "call_recorded", "visit", visit.id, decision.action.value)
        return decision


@dataclass(frozen=True)
class VisitSummary:
    id: int
    state: VisitState
    level: RiskLevel
    address: Address
    visitor_id: int
    buddy_id: int
    start: datetime
    expected_return: datetime
    next_callback: datetime | None


def _summary(visit: Visit) -> VisitSummary:
    open_due = [c.due_at for c in visit.callbacks if c.status == CALLBACK_OPEN]
    return VisitSummary(
        id=visit.id,
        state=VisitState(visit.state),
        level=RiskLevel(visit.level),
        address=Address(
            visit.street, visit.house_number, visit.addition, visit.postcode, visit.city
        ),
        visitor_id=visit.visitor_id,
        buddy_id=visit.buddy_id,
        start=visit.start_at,
        expected_return=visit.expected_return_at,
        next_callback=min(open_due) if open_due else None,
    )


def list_visits(ctx: ServiceContext, *, active_only: bool = False) -> list[VisitSummary]:
    query = _visible_visits(ctx).options(selectinload(Visit.callbacks)).order_by(Visit.start_at)
    if active_only:
        query = query.where(
            Visit.state.in_([VisitState.ONDERWEG.value, VisitState.GEESCALEERD.value])
        )
    with ctx.store.read_session() as session:
        return [_summary(v) for v in session.execute(query).scalars()]


def get_visit(ctx: ServiceContext, visit_id: int) -> VisitSummary:
    with ctx.store.read_session() as session:
        return _summary(_load(ctx, session, visit_id))
