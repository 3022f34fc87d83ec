"""Alarms (docs/design.md §4): what the reminder scheduler needs, raising and acknowledging.

The database is the source of truth: :func:`snapshot` reads what
:func:`~veilig_huisbezoek.domain.reminders.due_reminders` needs, :func:`raise_alarm`
records that a reminder fired (idempotent per reminder key) and :func:`acknowledge`
records who saw it and when, which also stops its escalation. Both write a visit
event (so the visit timeline shows them) and an audit entry.

:class:`AlarmInfo` is imported by the notifier, which the main window builds before the
login screen shows; so SQLAlchemy and the table models are imported inside the
functions that query, not at module level.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..domain.address import Address
from ..domain.errors import NotAllowedError
from ..domain.reminders import (
    AlarmCall,
    AlarmSnapshot,
    Audience,
    CallbackMoment,
    Deadline,
    Reminder,
    ReminderKind,
    ReminderMemo,
    VisitSnapshot,
    deadline_key,
    due_reminders,
    escalation_root,
    reminders_for,
    unwatched_period,
    unwatched_visit_id,
)
from ..domain.roles import Permission, PermissionDenied
from ..domain.settings import Settings
from ..domain.visit import VisitState

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from ..domain.handover import WatchHead
    from .context import ServiceContext

EVENT_RAISED = "alarm"
EVENT_ACKNOWLEDGED = "alarm_bevestigd"
ACTIVE_STATES = (VisitState.ONDERWEG.value, VisitState.GEESCALEERD.value)
_CALLBACK_OPEN = "open"

# An alarm raised more than this after its moment was missed ('te laat').
RAISED_LATE_TOLERANCE = timedelta(seconds=30)


@dataclass(frozen=True)
class VisitContact:
    """Who to call about an active visit: kept by the scheduler so that an alarm can
    still show them while a team server is unreachable."""

    visitor_name: str
    visitor_phone: str
    address: Address | None = field(default=None, repr=False)  # personal data: not in repr


@dataclass(frozen=True)
class ReminderSnapshot:
    """Everything the scheduler needs, read in one go."""

    viewer_id: int
    leidinggevende: bool
    settings: Settings
    visits: tuple[VisitSnapshot, ...]
    alarms: tuple[AlarmSnapshot, ...]
    deadlines: tuple[Deadline, ...] = ()
    # Per active visit id (only when asked for: ``snapshot(..., contacts=True)``).
    contacts: Mapping[int, VisitContact] = field(default_factory=dict, repr=False)
    # Per account the newest heartbeat (presence, docs/design.md §4a); None: not read.
    buddy_seen: Mapping[int, datetime] | None = None
    # When it was read (escalation repeats are listed up to just after it).
    read_at: datetime | None = None
    # Whether ``contacts`` were read (an empty mapping may be no running visit).
    contacts_read: bool = False

    def held_visit_ids(self) -> frozenset[int]:
        """The visits read whole (not only their heads, for the failover)."""
        return frozenset(v.id for v in self.visits if not v.failover_only)

    def merged(self, read: ReminderSnapshot, visit_ids: Collection[int]) -> ReminderSnapshot:
        """This snapshot with what ``read`` (a read of only ``visit_ids``) says of those
        visits; everything else read whole (presence, settings, deadlines) from ``read``."""
        ids = frozenset(visit_ids)
        kept = [v for v in self.visits if v.id not in ids]
        return replace(
            read,
            # As a whole read orders them: the readable visits by id, then the heads.
            visits=tuple(sorted([*kept, *read.visits], key=lambda v: (v.failover_only, v.id))),
            alarms=tuple(a for a in self.alarms if a.visit_id not in ids) + read.alarms,
            contacts={
                **{k: c for k, c in self.contacts.items() if k not in ids},
                **read.contacts,
            },
        )

    def reminders(self, memo: ReminderMemo | None = None) -> list[Reminder]:
        """This person's reminders (as buddy; escalations if leidinggevende; failovers
        and late escalation repeats as a colleague), oldest first. ``memo``: each
        visit's moments kept from the last pass of the same owner."""
        return reminders_for(
            due_reminders(
                self.visits,
                self.alarms,
                self.settings,
                self.deadlines,
                buddy_seen=self.buddy_seen,
                now=self.read_at,
                memo=memo,
            ),
            viewer_id=self.viewer_id,
            leidinggevende=self.leidinggevende,
        )

    def failovers_to_resolve(self) -> list[int]:
        """Alarms (ids) of an unwatched period of a visit this person is now the buddy
        of, still open: this session is present, so the visit is watched again (the
        buddy is back, or this person took it over)."""
        mine = {v.id for v in self.visits if v.buddy_id == self.viewer_id}
        return [
            a.id
            for a in self.alarms
            if not a.acknowledged and unwatched_visit_id(a.reminder_key) in mine
        ]

    @property
    def raised_keys(self) -> frozenset[str]:
        return frozenset(a.reminder_key for a in self.alarms)


@dataclass(frozen=True)
class AlarmInfo:
    id: int
    reminder_key: str
    kind: ReminderKind
    audience: Audience
    visit_id: int | None
    callback_id: int | None
    due_at: datetime
    raised_at: datetime
    raised_late: bool
    acknowledged_at: datetime | None
    acknowledged_by: str
    visitor_first_name: str
    visitor_name: str
    visitor_phone: str
    address: Address | None = field(default=None, repr=False)  # personal data: not in repr
    # False: raised on this workstation only, from the last known schedule, while the
    # team server was unreachable; ``id`` is then a negative local number. The
    # scheduler records it (``raise_alarm``) when the server is back.
    recorded: bool = True
    buddy_first_name: str = ""
    # The visit has ended (the visitor reported back) while the alarm is still open.
    visit_ended: bool = False
    # True: shown to the visitor about their own visit (``alarms_about_own_visits``),
    # for information only; someone else (the buddy, a leidinggevende) acknowledges it.
    for_visitor: bool = False
    # Who watches the visit (docs/design.md §4a): its buddy, state and planned start.
    buddy_id: int | None = None
    visit_state: VisitState | None = None
    visit_start: datetime | None = None
    # First name of who acknowledged (took charge): "Petra handelt dit af".
    acknowledged_by_first_name: str = ""
    acknowledged_by_id: int | None = None
    visitor_id: int | None = None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


def _may_be_buddy(ctx: ServiceContext) -> bool:
    return ctx.actor.may(Permission.ACT_AS_BUDDY)


def _is_leidinggevende(ctx: ServiceContext) -> bool:
    return ctx.actor.may(Permission.SEE_TEAM_CASES)


# ---- snapshot -----------------------------------------------------------------------


def snapshot(
    ctx: ServiceContext,
    *,
    deadlines: Sequence[Deadline] = (),
    contacts: bool = False,
    base: ReminderSnapshot | None = None,
    visit_ids: Collection[int] | None = None,
) -> ReminderSnapshot:
    """Active visits (with open call-backs) and their alarms, in two queries.

    ``contacts``: also read each active visit's visitor name, phone and address (a
    third query), for alarms raised while the team server is unreachable.

    ``base`` and ``visit_ids``: only these visits changed since ``base`` was read (a
    team server's live change names them): their rows, alarms and contacts are read
    again and put in the place of theirs in ``base``; presence, settings and the
    deadlines are read whole. The outcome is what a whole read would give
    (``tests/team/test_team_snapshot_by_visit.py``).

    Every active visit the person may see: a colleague is alarmed when a visit has
    nobody watching it and by late escalation repeats (docs/design.md §4a), a leidinggevende by
    escalations and emergencies; ``ReminderSnapshot.reminders`` keeps only their own.
    Presence is read too (each buddy's last heartbeat), and the settings, all in one read
    snapshot. A beheerder without a case role gets nothing.
    """
    # One read snapshot for the settings, presence and the visits, not a write session
    # (on a team server the write lock would queue every desk behind the others): a live
    # desk reads this on every change, and every transaction more is round trips more.
    with ctx.store.read_session() as session:
        return _snapshot(ctx, session, tuple(deadlines), contacts, base, visit_ids)


def _snapshot(
    ctx: ServiceContext,
    session: Session,
    deadlines: tuple[Deadline, ...],
    contacts: bool,
    base: ReminderSnapshot | None,
    visit_ids: Collection[int] | None,
) -> ReminderSnapshot:
    from sqlalchemy import and_, or_, select

    from ..domain.call_outcome import ALARM_ACTIONS
    from ..storage.models import Alarm, Callback, CallRecord, Visit
    from .people import id_in, read_people
    from .presence import read_presence
    from .settings import settings_in

    settings = settings_in(session)
    me = ctx.actor.account_id
    lead = _is_leidinggevende(ctx)
    if not _may_be_buddy(ctx) and not lead:
        return ReminderSnapshot(me, False, settings, (), ())
    if (
        base is None
        or visit_ids is None
        or base.contacts_read != contacts
        or base.deadlines != tuple(deadlines)
        or (base.viewer_id, base.leidinggevende) != (me, lead)
    ):
        base = visit_ids = None  # a whole read
    visible: ColumnElement[bool] = Visit.state.in_(ACTIVE_STATES)
    named = sorted(visit_ids) if visit_ids is not None else []
    if visit_ids is not None:
        visible = and_(visible, Visit.id.in_(named))
    read_at = ctx.now()
    buddy_seen: dict[int, datetime] = {}
    for seen in read_presence(ctx, session).sessions:
        if seen.account_id not in buddy_seen or seen.seen_at > buddy_seen[seen.account_id]:
            buddy_seen[seen.account_id] = seen.seen_at
    rows_query = (
        select(
            Visit.id,
            Visit.state,
            Visit.start_at,
            Visit.expected_return_at,
            Visit.buddy_id,
            Visit.visitor_id,
            Callback.id.label("callback_id"),
            Callback.due_at,
            Callback.kind,
        )
        .outerjoin(Callback, and_(Callback.visit_id == Visit.id, Callback.status == _CALLBACK_OPEN))
        .where(visible)
        .order_by(Visit.id)
    )
    relevant: ColumnElement[bool] = Alarm.visit_id.in_(select(Visit.id).where(visible))
    if visit_ids is None:
        relevant = or_(relevant, Alarm.visit_id.is_(None))
    if deadlines:  # deadlines may belong to visits that are back (aangifte, aftercare)
        of_deadlines: ColumnElement[bool] = Alarm.reminder_key.in_(
            [deadline_key(d.name) for d in deadlines]
        )
        if visit_ids is not None:
            of_deadlines = and_(of_deadlines, Alarm.visit_id.in_(named))
        relevant = or_(relevant, of_deadlines)
    alarm_columns = (Alarm.id, Alarm.reminder_key, Alarm.acknowledged_at, Alarm.visit_id)
    alarms_query = select(*alarm_columns).where(relevant)
    heads: dict[int, tuple[str, datetime, int, int, str, datetime]] = {}
    callbacks: dict[int, list[CallbackMoment]] = {}
    # Plain column rows through Core: no ORM identity work for thousands of rows.
    conn = session.connection()
    # Rows unpacked as tuples: a leidinggevende's snapshot has a row per running visit
    # and open call-back, and a Row's attribute access costs more than the unpacking.
    rows = conn.execute(rows_query).all()
    # The visitors' names (for contacts also their phones), each person once, not
    # once per visit: on a team server every one is a sealed value to open.
    people = read_people(conn, {row[5] for row in rows}, full=contacts)
    for (
        visit_id,
        state,
        start_at,
        expected_return,
        buddy_id,
        visitor_id,
        callback_id,
        due_at,
        kind,
    ) in rows:
        visitor = people.get(visitor_id)
        if visitor is None:
            continue  # as the inner join on the visitor's account had it
        moments = callbacks.get(visit_id)
        if moments is None:
            heads[visit_id] = (
                state,
                expected_return,
                buddy_id,
                visitor_id,
                visitor.first_name,
                start_at,
            )
            moments = callbacks[visit_id] = []
        if callback_id is not None:
            moments.append(CallbackMoment(callback_id, due_at, kind))
    alarms = tuple(_alarm_snapshot(a) for a in conn.execute(alarms_query))
    # A colleague who cannot read every running visit (a team server) still learns
    # of each its head, for the failover (docs/design.md §4a).
    others: list[VisitSnapshot] = []
    if not lead:
        unseen = [h for h in ctx.store.running_heads(session, visit_ids) if h.visit_id not in heads]
        wanted = {h.visitor_id for h in unseen}
        names = {i: people[i].first_name for i in wanted if i in people}
        names |= _first_names(session, wanted - names.keys())
        others = [
            VisitSnapshot(
                id=h.visit_id,
                state=h.state,
                expected_return=h.start,
                buddy_id=h.buddy_id,
                visitor_first_name=names.get(h.visitor_id, ""),
                visitor_id=h.visitor_id,
                start=h.start,
                failover_only=True,
            )
            for h in unseen
        ]
        if unseen:
            # Hundreds of ids: one array parameter on a server (people.id_in).
            of_unseen = id_in(Alarm.visit_id, [h.visit_id for h in unseen], conn)
            alarms += tuple(
                _alarm_snapshot(a) for a in conn.execute(select(*alarm_columns).where(of_unseen))
            )
    alarm_calls: dict[int, list[AlarmCall]] = {}
    if lead:  # emergencies go to the leidinggevenden only
        calls_query = select(CallRecord.id, CallRecord.visit_id, CallRecord.called_at).where(
            CallRecord.visit_id.in_(select(Visit.id).where(visible)),
            CallRecord.action.in_([action.value for action in ALARM_ACTIONS]),
        )
        for call in conn.execute(calls_query):
            alarm_calls.setdefault(call.visit_id, []).append(AlarmCall(call.id, call.called_at))
    found: dict[int, VisitContact] = {}
    if contacts:
        contacts_query = select(
            Visit.id,
            Visit.street,
            Visit.house_number,
            Visit.addition,
            Visit.postcode,
            Visit.city,
            Visit.visitor_id,
        ).where(visible)
        for visit_id, street, number, addition, postcode, city, visitor_id in conn.execute(
            contacts_query
        ):
            person = people.get(visitor_id)
            if person is None:
                continue  # as the inner join on the visitor's account had it
            found[visit_id] = VisitContact(
                visitor_name=f"{person.first_name} {person.last_name}".strip(),
                visitor_phone=person.phone,
                address=Address(street, number, addition, postcode, city),
            )
    read = ReminderSnapshot(
        viewer_id=me,
        leidinggevende=lead,
        settings=settings,
        visits=tuple(
            VisitSnapshot(
                id=visit_id,
                state=VisitState(state),
                expected_return=expected_return,
                buddy_id=buddy_id,
                visitor_first_name=first_name,
                open_callbacks=tuple(callbacks[visit_id]),
                alarm_calls=tuple(alarm_calls.get(visit_id, ())),
                visitor_id=visitor_id,
                start=start,
            )
            for visit_id, (
                state,
                expected_return,
                buddy_id,
                visitor_id,
                first_name,
                start,
            ) in heads.items()
        )
        + tuple(others),
        alarms=alarms,
        deadlines=tuple(deadlines),
        contacts=found,
        buddy_seen=buddy_seen,
        read_at=read_at,
        contacts_read=contacts,
    )
    return read if base is None or visit_ids is None else base.merged(read, visit_ids)


def _alarm_snapshot(row: Any) -> AlarmSnapshot:
    alarm_id, key, acknowledged_at, visit_id = row
    return AlarmSnapshot(alarm_id, key, acknowledged_at is not None, visit_id)


def _first_names(session: Session, account_ids: set[int]) -> dict[int, str]:
    from sqlalchemy import select

    from ..storage.models import Account

    if not account_ids:
        return {}
    rows = session.execute(
        select(Account.id, Account.first_name).where(Account.id.in_(account_ids))
    )
    return {row.id: row.first_name for row in rows}


# ---- reading alarms -------------------------------------------------------------------


def _infos(session: Session, where: ColumnElement[bool]) -> list[AlarmInfo]:
    from sqlalchemy import select
    from sqlalchemy.orm import aliased

    from ..storage.models import Account, Alarm, Visit

    visitor = aliased(Account)
    buddy = aliased(Account)
    acknowledger = aliased(Account)
    query = (
        select(
            Alarm,
            Visit,
            visitor,
            buddy.first_name,
            acknowledger.first_name,
            acknowledger.last_name,
        )
        .outerjoin(Visit, Visit.id == Alarm.visit_id)
        .outerjoin(visitor, visitor.id == Visit.visitor_id)
        .outerjoin(buddy, buddy.id == Visit.buddy_id)
        .outerjoin(acknowledger, acknowledger.id == Alarm.acknowledged_by)
        .where(where)
    )
    result: list[AlarmInfo] = []
    for alarm, visit, person, buddy_first, ack_first, ack_last in session.execute(query):
        callback_id: int | None = None
        base_key = escalation_root(alarm.reminder_key).removeprefix("escalation:")
        if base_key.startswith("callback:"):
            callback_id = int(base_key.removeprefix("callback:"))
        result.append(
            AlarmInfo(
                id=alarm.id,
                reminder_key=alarm.reminder_key,
                kind=ReminderKind(alarm.kind),
                audience=Audience(alarm.audience),
                visit_id=alarm.visit_id,
                callback_id=callback_id,
                due_at=alarm.due_at,
                raised_at=alarm.raised_at,
                raised_late=alarm.raised_late,
                acknowledged_at=alarm.acknowledged_at,
                acknowledged_by=f"{ack_first or ''} {ack_last or ''}".strip(),
                visitor_first_name=person.first_name if person else "",
                visitor_name=f"{person.first_name} {person.last_name}".strip() if person else "",
                visitor_phone=person.phone if person else "",
                address=(
                    Address(
                        visit.street, visit.house_number, visit.addition, visit.postcode, visit.city
                    )
                    if visit is not None
                    else None
                ),
                buddy_first_name=buddy_first or "",
                visit_ended=visit is not None and visit.state not in ACTIVE_STATES,
                buddy_id=visit.buddy_id if visit is not None else None,
                visit_state=VisitState(visit.state) if visit is not None else None,
                visit_start=visit.start_at if visit is not None else None,
                acknowledged_by_first_name=ack_first or "",
                acknowledged_by_id=alarm.acknowledged_by,
                visitor_id=visit.visitor_id if visit is not None else None,
            )
        )
    return result


def _visible_alarms(ctx: ServiceContext) -> ColumnElement[bool]:
    """Alarms meant for this person: as buddy of the visit, or as leidinggevende."""
    from sqlalchemy import and_, false, or_, select

    from ..storage.models import Alarm, Visit

    mine: ColumnElement[bool] = false()
    if _may_be_buddy(ctx):
        mine = and_(
            Alarm.audience == Audience.BUDDY.value,
            Alarm.visit_id.in_(select(Visit.id).where(Visit.buddy_id == ctx.actor.account_id)),
        )
    me = ctx.actor.account_id
    own_visits = select(Visit.id).where(Visit.visitor_id == me)
    if _is_leidinggevende(ctx):
        # Not about their own visit: an emergency, a failover, or their own departure
        # without a reachable buddy (the other leidinggevenden are told).
        not_own_emergency = or_(
            Alarm.kind.not_in(
                [
                    ReminderKind.EMERGENCY.value,
                    ReminderKind.BUDDY_UNREACHABLE.value,
                    ReminderKind.UNWATCHED_DEPARTURE.value,
                ]
            ),
            Alarm.visit_id.not_in(own_visits),
        )
        mine = or_(mine, and_(Alarm.audience == Audience.LEIDINGGEVENDEN.value, not_own_emergency))
        # Late escalation repeats go to everyone (the leidinggevenden too).
        mine = or_(
            mine,
            and_(
                Alarm.audience == Audience.TEAM.value,
                Alarm.kind == ReminderKind.ESCALATION.value,
                Alarm.visit_id.not_in(own_visits),
            ),
        )
    elif _may_be_buddy(ctx):
        # Colleagues: a failover (not about their own visit, nor one they watch) and
        # late escalation repeats (not about their own visit).
        watched = select(Visit.id).where(Visit.buddy_id == me)
        mine = or_(
            mine,
            and_(
                Alarm.audience == Audience.TEAM.value,
                Alarm.visit_id.not_in(own_visits),
                or_(
                    Alarm.kind == ReminderKind.ESCALATION.value,
                    Alarm.visit_id.not_in(watched),
                ),
            ),
        )
    return mine


def by_urgency(alarms: Iterable[AlarmInfo]) -> list[AlarmInfo]:
    """Most urgent kind first (emergency, escalation, overdue, call-back, deadline), then
    newest."""
    result = sorted(alarms, key=lambda a: a.due_at, reverse=True)
    # Stable: newest first within a kind; alarms someone handles (acknowledged) last.
    result.sort(key=lambda a: (a.acknowledged, a.kind.urgency))
    return result


def panel_alarms(ctx: ServiceContext) -> tuple[list[AlarmInfo], list[AlarmInfo]]:
    """What the alarm panel shows, in one read snapshot (it reads them again on every
    change that may touch them): :func:`open_alarms` followed by
    :func:`alarms_about_own_visits`, and :func:`in_hand`."""
    with ctx.store.read_session() as session:
        found = open_alarms(ctx, session) + alarms_about_own_visits(ctx, session)
        return found, in_hand(ctx, session)


def open_alarms(ctx: ServiceContext, session: Session | None = None) -> list[AlarmInfo]:
    """Unacknowledged alarms for this person, most urgent first (``session``: read in
    the caller's read snapshot)."""
    from sqlalchemy import and_

    from ..storage.models import Alarm

    if session is None:
        with ctx.store.read_session() as fresh:
            return open_alarms(ctx, fresh)
    found = _infos(session, and_(Alarm.acknowledged_at.is_(None), _visible_alarms(ctx)))
    found = _with_heads(ctx, session, found)
    # A failover of a visit that is over is done (nobody needs to take it over).
    found = [a for a in found if not (a.kind is ReminderKind.BUDDY_UNREACHABLE and a.visit_ended)]
    return by_urgency(newest_per_escalation(found))


def _with_heads(ctx: ServiceContext, session: Session, found: list[AlarmInfo]) -> list[AlarmInfo]:
    """Alarms about a visit this person cannot read (a colleague's 'team' alarm on a
    team server) get the visit's head: who is out, who is (still) the buddy."""
    hidden = [a for a in found if a.visit_id is not None and a.visit_state is None]
    if not hidden:
        return found
    heads: dict[int, WatchHead] = {}
    for alarm in hidden:
        assert alarm.visit_id is not None
        head = ctx.store.watch_head(session, alarm.visit_id)
        if head is not None:
            heads[alarm.visit_id] = head
    names = _first_names(
        session, {h.visitor_id for h in heads.values()} | {h.buddy_id for h in heads.values()}
    )
    result: list[AlarmInfo] = []
    for alarm in found:
        head = (
            heads.get(alarm.visit_id)
            if alarm.visit_state is None and alarm.visit_id is not None
            else None
        )
        if head is not None:
            alarm = replace(
                alarm,
                buddy_id=head.buddy_id,
                visitor_id=head.visitor_id,
                visit_state=head.state,
                visitor_first_name=names.get(head.visitor_id, ""),
                buddy_first_name=names.get(head.buddy_id, ""),
                visit_ended=not head.state.is_active,
            )
        result.append(alarm)
    return result


def newest_per_escalation(alarms: Iterable[AlarmInfo]) -> list[AlarmInfo]:
    """One row per escalation: its newest repeat stands for it and the ones before."""
    newest: dict[str, AlarmInfo] = {}
    rest: list[AlarmInfo] = []
    for alarm in alarms:
        if alarm.kind is not ReminderKind.ESCALATION:
            rest.append(alarm)
            continue
        root = escalation_root(alarm.reminder_key)
        held = newest.get(root)
        if held is None or held.due_at < alarm.due_at:
            newest[root] = alarm
    return [*rest, *newest.values()]


# Kinds whose acknowledgement ("Petra handelt dit af") stays in view while the visit runs.
IN_HAND_KINDS = (
    ReminderKind.CALLBACK_DUE,
    ReminderKind.OVERDUE_ALARM,
    ReminderKind.ESCALATION,
    ReminderKind.EMERGENCY,
    ReminderKind.BUDDY_UNREACHABLE,
)


# How long a quiet "… handelt dit af" line stays after the acknowledgement.
IN_HAND_FOR = timedelta(minutes=30)


def in_hand(ctx: ServiceContext, session: Session | None = None) -> list[AlarmInfo]:
    """Alarms someone else has taken charge of (acknowledged) while their visit still
    runs, as this person saw them (docs/design.md §4a, ownership): per visit the latest one, most
    urgent first, for :data:`IN_HAND_FOR` after the acknowledgement; those about the
    person's own visits marked ``for_visitor`` (not
    emergencies or failovers: a laptop taken along says nothing of police or absence).
    The panel shows them as quiet lines: "Petra handelt dit af (14:05)"."""
    from sqlalchemy import and_, or_, select

    from ..storage.models import Alarm, Visit

    me = ctx.actor.account_id
    running = select(Visit.id).where(Visit.state.in_(ACTIVE_STATES))
    own = select(Visit.id).where(Visit.visitor_id == me, Visit.state.in_(ACTIVE_STATES))
    own_info = and_(
        Alarm.visit_id.in_(own),
        Alarm.kind.not_in([ReminderKind.EMERGENCY.value, ReminderKind.BUDDY_UNREACHABLE.value]),
    )
    where = and_(
        Alarm.acknowledged_at >= ctx.now() - IN_HAND_FOR,
        Alarm.acknowledged_by != me,
        Alarm.visit_id.in_(running),
        Alarm.kind.in_([k.value for k in IN_HAND_KINDS]),
        or_(_visible_alarms(ctx), own_info),
    )
    if session is None:
        with ctx.store.read_session() as fresh:
            return in_hand(ctx, fresh)
    found = _infos(session, where)
    latest: dict[int | None, AlarmInfo] = {}
    for alarm in found:
        held = latest.get(alarm.visit_id)
        assert alarm.acknowledged_at is not None
        if held is None or (held.acknowledged_at or alarm.acknowledged_at) < alarm.acknowledged_at:
            latest[alarm.visit_id] = alarm
    return by_urgency(replace(a, for_visitor=a.visitor_id == me) for a in latest.values())


def alarms_about_own_visits(ctx: ServiceContext, session: Session | None = None) -> list[AlarmInfo]:
    """Unacknowledged alarms about the person's own visits (as visitor) that are meant
    for someone else (call-back and overdue alarms for the buddy, escalations for the
    leidinggevenden) while the visit is out, most urgent first, marked ``for_visitor``.

    For information: a visitor back at the desk sees that the buddy is being alarmed
    (and can report back); on a laptop taken along, that the buddy should be calling.
    Someone else acknowledges them; that stops them here too."""
    from sqlalchemy import and_, not_, select

    from ..storage.models import Alarm, Visit

    # Not the emergencies: on a laptop taken along, no screen may say police is coming.
    own = Alarm.visit_id.in_(
        select(Visit.id).where(
            Visit.visitor_id == ctx.actor.account_id, Visit.state.in_(ACTIVE_STATES)
        )
    )
    where = and_(
        Alarm.acknowledged_at.is_(None),
        Alarm.kind.not_in(
            [
                ReminderKind.DEADLINE.value,
                ReminderKind.EMERGENCY.value,
                ReminderKind.BUDDY_UNREACHABLE.value,
                ReminderKind.UNWATCHED_DEPARTURE.value,  # the visitor chose it
            ]
        ),
        own,
        not_(_visible_alarms(ctx)),
    )
    if session is None:
        with ctx.store.read_session() as fresh:
            return alarms_about_own_visits(ctx, fresh)
    found = _infos(session, where)
    return by_urgency(replace(alarm, for_visitor=True) for alarm in found)


def get_alarm(ctx: ServiceContext, alarm_id: int) -> AlarmInfo:
    from sqlalchemy import and_

    from ..storage.models import Alarm

    with ctx.store.read_session() as session:
        found = _infos(session, and_(Alarm.id == alarm_id, _visible_alarms(ctx)))
    if not found:
        raise PermissionDenied("dit alarm bestaat niet of is niet voor u bedoeld")
    return found[0]


def missed_since(
    ctx: ServiceContext, now: datetime, *, deadlines: Sequence[Deadline] = ()
) -> list[Reminder]:
    """Reminders due at or before ``now`` that have no alarm yet, oldest first.

    These fell due while the app was closed or asleep; the scheduler raises them at
    once, marked late, with their original due time.
    """
    snap = snapshot(ctx, deadlines=deadlines)
    raised = snap.raised_keys
    return [r for r in snap.reminders() if r.due_at <= now and r.key not in raised]


# ---- writing --------------------------------------------------------------------------


def _sees_visit(ctx: ServiceContext, head: WatchHead | None) -> bool:
    """May this person write to the visit's timeline (a team server holds a colleague
    who is neither visitor nor buddy to that)? Their 'team' alarms are audited only."""
    me = ctx.actor.account_id
    return head is None or _is_leidinggevende(ctx) or me in (head.buddy_id, head.visitor_id)


def _check_recipient(ctx: ServiceContext, session: Session, reminder: Reminder) -> WatchHead | None:

    if reminder.audience is Audience.LEIDINGGEVENDEN:
        ctx.require(Permission.SEE_TEAM_CASES, "dit alarm is voor leidinggevenden")
    if reminder.audience is Audience.TEAM and not (_may_be_buddy(ctx) or _is_leidinggevende(ctx)):
        raise PermissionDenied("dit alarm is voor collega's die buddy kunnen zijn")
    if reminder.visit_id is None:
        return None
    head = ctx.store.watch_head(session, reminder.visit_id)
    if head is None:
        raise PermissionDenied("dit bezoek bestaat niet")
    buddy_id = head.buddy_id
    if reminder.audience is Audience.TEAM and head.visitor_id == ctx.actor.account_id:
        raise PermissionDenied("dit alarm is voor collega's die buddy kunnen zijn")
    if (
        reminder.audience is Audience.BUDDY
        and buddy_id != ctx.actor.account_id
        and not _is_leidinggevende(ctx)
    ):
        raise PermissionDenied("dit alarm is voor de buddy van het bezoek")
    return head


def raise_alarm(
    ctx: ServiceContext, reminder: Reminder, *, raised_late: bool, raised_at: datetime | None = None
) -> AlarmInfo:
    """Record that a reminder fired; returns the existing alarm if it was raised before.

    ``raised_at``: when it went off, if earlier than now (an alarm raised on the
    workstation while the team server was unreachable, recorded when it is back).
    """
    from sqlalchemy.dialects import postgresql, sqlite

    from ..storage.models import Alarm
    from ..storage.models import VisitEvent as VisitEventRow

    now = ctx.now() if raised_at is None else raised_at
    with ctx.store.visit_session(reminder.visit_id) as session:
        # The same upsert on both engines (a team server runs PostgreSQL).
        postgres = session.get_bind().dialect.name == "postgresql"
        insert = postgresql.insert if postgres else sqlite.insert
        # Write first: a transaction that starts with a read cannot wait for the write
        # lock (SQLite refuses the upgrade at once when someone else wrote meanwhile).
        inserted = session.execute(
            insert(Alarm)
            .values(
                reminder_key=reminder.key,
                kind=reminder.kind.value,
                visit_id=reminder.visit_id,
                due_at=reminder.due_at,
                raised_at=now,
                raised_late=raised_late,
                audience=reminder.audience.value,
            )
            .on_conflict_do_nothing(index_elements=[Alarm.reminder_key])
            .returning(Alarm.id)
        ).scalar_one_or_none()
        head = _check_recipient(ctx, session, reminder)  # refused: the insert rolls back
        (info,) = _with_heads(ctx, session, _infos(session, Alarm.reminder_key == reminder.key))
        if inserted is not None:
            # The audit entry last: on a team server the chain's lock is held from there on.
            if reminder.visit_id is not None and _sees_visit(ctx, head):
                # Raised by the system, not by a person: no actor on the timeline.
                session.add(
                    VisitEventRow(
                        visit_id=reminder.visit_id,
                        at=now,
                        actor_id=None,
                        kind=EVENT_RAISED,
                        detail=reminder.kind.value + (" te_laat" if raised_late else ""),
                    )
                )
            ctx.audit(
                session,
                "alarm_raised",
                "alarm",
                inserted,
                reminder.kind.value + (" te_laat" if raised_late else ""),
            )
        return info


# Why a failover alarm was done without a person pressing Bevestigen (event detail).
REASON_WATCHED_AGAIN = "weer_bewaakt"  # the buddy is present again
REASON_TAKEN_OVER = "overgenomen"


def acknowledge(
    ctx: ServiceContext, alarm_id: int, *, at: datetime | None = None, reason: str = ""
) -> AlarmInfo:
    """Record who acknowledged the alarm (took charge of it) and when; stops its
    escalation.

    Acknowledging an alarm twice keeps the first acknowledgement. ``at``: when it was
    acknowledged, if earlier than now (on the workstation, while the team server was
    unreachable). A failover alarm ("Buddy niet bereikbaar") is acknowledged together
    with the other alarm of its unwatched period (leidinggevenden / colleagues); its
    buddy may acknowledge it too (back, or just took it over: ``reason``, kept in the
    visit event and the audit entry, so that it can be counted).
    """
    from sqlalchemy import or_, select

    from ..storage.models import Alarm

    # Its visit first (an alarm keeps its visit): on a team server the change is one to
    # that visit (its siblings are alarms of the same visit).
    with ctx.store.read_session() as session:
        visit_id = session.scalar(select(Alarm.visit_id).where(Alarm.id == alarm_id))
    with ctx.store.visit_session(visit_id) as session:
        alarm = session.get(Alarm, alarm_id)
        if alarm is None or alarm.visit_id != visit_id:
            raise PermissionDenied("dit alarm bestaat niet")
        timeline = _sees_visit(ctx, _check_acknowledger(ctx, session, alarm))
        now = ctx.now() if at is None else at
        done = [_acknowledge_row(ctx, session, alarm, now, reason, timeline)]
        # Taking charge of one is taking charge of all: the other alarm of the same
        # unwatched period; the escalation and all its repeats.
        same: ColumnElement[bool] | None = None
        if alarm.kind == ReminderKind.BUDDY_UNREACHABLE.value:
            period = unwatched_period(alarm.reminder_key)
            same = Alarm.reminder_key.in_([period, f"{period}:team"])
        elif alarm.kind == ReminderKind.ESCALATION.value:
            root = escalation_root(alarm.reminder_key)
            same = or_(Alarm.reminder_key == root, Alarm.reminder_key.startswith(root + ":repeat:"))
        if same is not None:
            siblings = session.scalars(
                select(Alarm).where(same, Alarm.id != alarm.id, Alarm.acknowledged_at.is_(None))
            ).all()
            done += [
                _acknowledge_row(ctx, session, sibling, now, reason, timeline)
                for sibling in siblings
            ]
        session.flush()
        (info,) = _with_heads(ctx, session, _infos(session, Alarm.id == alarm_id))
        # The audit entries last: on a team server the chain's lock is held from there on.
        for entry in done:
            if entry is not None:
                ctx.audit(session, "alarm_acknowledged", "alarm", *entry)
        return info


def _check_acknowledger(ctx: ServiceContext, session: Session, alarm: Any) -> WatchHead | None:
    me = ctx.actor.account_id
    lead = _is_leidinggevende(ctx)
    head = ctx.store.watch_head(session, alarm.visit_id) if alarm.visit_id is not None else None
    if alarm.kind == ReminderKind.BUDDY_UNREACHABLE.value and head is not None:
        if head.buddy_id == me or lead:
            return head
        if alarm.audience == Audience.TEAM.value and _may_be_buddy(ctx) and head.visitor_id != me:
            return head
        raise PermissionDenied("alleen een collega die buddy kan zijn handelt dit alarm af")
    if alarm.audience == Audience.LEIDINGGEVENDEN.value:
        ctx.require(Permission.SEE_TEAM_CASES, "alleen een leidinggevende bevestigt dit alarm")
    elif alarm.audience == Audience.TEAM.value:
        if not (_may_be_buddy(ctx) or lead) or (head is not None and head.visitor_id == me):
            raise PermissionDenied("alleen de buddy of een leidinggevende bevestigt dit alarm")
    elif alarm.visit_id is not None and not lead and (head is None or head.buddy_id != me):
        raise PermissionDenied("alleen de buddy of een leidinggevende bevestigt dit alarm")
    return head


def _acknowledge_row(
    ctx: ServiceContext, session: Session, alarm: Any, now: datetime, reason: str, timeline: bool
) -> tuple[int, str] | None:
    """Acknowledge one alarm row (and its visit event); returns the audit entry's object
    id and detail, None if it was acknowledged already."""
    from ..storage.models import VisitEvent as VisitEventRow

    if alarm.acknowledged_at is not None:
        return None
    alarm.acknowledged_at = now
    alarm.acknowledged_by = ctx.actor.account_id
    detail = f"{alarm.kind} {reason}".strip()
    if alarm.visit_id is not None and timeline:
        session.add(
            VisitEventRow(
                visit_id=alarm.visit_id,
                at=now,
                actor_id=ctx.actor.account_id,
                kind=EVENT_ACKNOWLEDGED,
                detail=detail,
            )
        )
    return alarm.id, detail


def resolve_failovers(ctx: ServiceContext, alarm_ids: Iterable[int], reason: str) -> int:
    """Acknowledge these open failover alarms as done (``reason``: the buddy is back,
    or the visit was taken over); returns how many were still open. Refusals (someone
    else was quicker, the visit changed) are skipped: another pass finds the rest."""
    done = 0
    for alarm_id in alarm_ids:
        try:
            info = acknowledge(ctx, alarm_id, reason=reason)
        except NotAllowedError:
            continue
        done += info.acknowledged_by_id == ctx.actor.account_id
    return done


def open_failovers(ctx: ServiceContext, visit_id: int) -> list[int]:
    """The open failover alarms (ids) of a visit."""
    from sqlalchemy import select

    from ..storage.models import Alarm

    with ctx.store.read_session() as session:
        return list(
            session.scalars(
                select(Alarm.id).where(
                    Alarm.visit_id == visit_id,
                    Alarm.kind == ReminderKind.BUDDY_UNREACHABLE.value,
                    Alarm.acknowledged_at.is_(None),
                )
            )
        )
