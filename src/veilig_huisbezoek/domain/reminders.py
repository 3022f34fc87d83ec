"""Reminder moments (docs/design.md §3 and §4): pure rules over plain data, no Qt, no SQL.

The database is the source of truth. The scheduler takes a snapshot of it (active
visits with their open call-backs, the alarms already raised) and asks
:func:`due_reminders` for every moment at which someone must be alarmed:

* ``CALLBACK_DUE``: an open call-back of a visit that is out (onderweg/geëscaleerd);
  retry call-backs after "niet bereikt" are open call-backs too. → the buddy.
* ``OVERDUE_ALARM``: expected return + grace time without "terug"
  (:func:`~.overdue.overdue_alarm_at`, the rule the buddy board uses too). → the buddy.
* ``ESCALATION``: a call-back or overdue reminder still unacknowledged
  ``escalation_minutes`` after it fell due. → every leidinggevende. It is derived from
  the reminder itself (not from an alarm row), so it also fires when the buddy's app was
  closed and never raised the alarm: nobody acknowledged, so it escalates.
* ``DEADLINE``: generic dated deadlines (aangifte within 24 hours, aftercare talks) that
  other modules hand in as :class:`Deadline`.
* ``EMERGENCY``: the buddy recorded a call whose action is police or escalation
  (answered with the last name, police wanted, not reached twice). → every
  leidinggevende, at once (docs/design.md §3: "inform leidinggevende"), while the visit is out.
* ``BUDDY_UNREACHABLE`` (docs/design.md §4a, failover): a running visit whose buddy is not
  present. Nobody watches it *since* the later of the visit's start and the buddy's
  last heartbeat (any session, ended or not); :data:`UNWATCHED_ALARM_AFTER` (60 s)
  later every leidinggevende is alarmed, :data:`UNWATCHED_TEAM_AFTER` (2 min) after that
  every colleague who may act as buddy (``Audience.TEAM``: not the visitor, not the
  buddy, not the leidinggevenden, who had theirs). The moment is derived from the
  heartbeats alone, so it is also computed while the buddy is still present (then it
  lies ahead, and a newer heartbeat moves it; the scheduler re-reads before firing).
  The keys hold the visit and the ``since`` instant, so each unwatched period alarms
  once. Acknowledging either alarm of a period (taking charge, the buddy back, a
  take-over) ends both.
* Escalation **repeats**: an escalation nobody acknowledged repeats every
  ``escalation_repeat_minutes`` (keys ``escalation:<key>:repeat:<n>``): repeats 1 and 2
  to every leidinggevende, from the third on to every colleague (``Audience.TEAM``).
  Acknowledging the escalation or any repeat stops them all. Only the latest repeat
  due by ``now`` and the next one are listed (the scheduler re-reads when it fires).

An alarm that goes off more than a tolerance after its moment is *raised late*
(:func:`raised_late`), whatever its kind.

A reminder whose alarm has been acknowledged is done and no longer returned; neither is
its escalation. All instants are aware UTC, so DST never shifts a moment: a call-back
in the repeated autumn hour is one instant and fires once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from operator import attrgetter

from veilig_huisbezoek.domain.clock import ensure_utc
from veilig_huisbezoek.domain.overdue import escalation_time, overdue_alarm_at
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.domain.visit import VisitState


class ReminderKind(StrEnum):
    CALLBACK_DUE = "terugbellen"
    # The grace time after the expected return has run out (stored value kept).
    OVERDUE_ALARM = "te_laat_terug"
    ESCALATION = "escalatie"
    DEADLINE = "termijn"
    EMERGENCY = "noodsituatie"
    BUDDY_UNREACHABLE = "buddy_onbereikbaar"
    # Raised once at departure, for the leidinggevenden: the visitor went without a
    # reachable buddy (docs/design.md §4a, domain/departure.py); never from the schedule.
    UNWATCHED_DEPARTURE = "zonder_buddy"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def urgency(self) -> float:
        """Lower is more urgent: emergency, escalation, buddy unreachable, overdue,
        call-back, deadline."""
        return _URGENCY[self]


_KIND_LABELS = {
    ReminderKind.CALLBACK_DUE: "Terugbelmoment",
    ReminderKind.OVERDUE_ALARM: "Te laat terug",
    ReminderKind.ESCALATION: "Escalatie",
    ReminderKind.DEADLINE: "Termijn",
    ReminderKind.EMERGENCY: "Noodsituatie",
    ReminderKind.BUDDY_UNREACHABLE: "Buddy niet bereikbaar",
    ReminderKind.UNWATCHED_DEPARTURE: "Vertrokken zonder bereikbare buddy",
}
_URGENCY: dict[ReminderKind, float] = {
    ReminderKind.EMERGENCY: -1,
    ReminderKind.ESCALATION: 0,
    ReminderKind.BUDDY_UNREACHABLE: 0.5,
    ReminderKind.OVERDUE_ALARM: 1,
    ReminderKind.CALLBACK_DUE: 2,
    ReminderKind.UNWATCHED_DEPARTURE: 2,
    ReminderKind.DEADLINE: 3,
}


class Audience(StrEnum):
    BUDDY = "buddy"
    LEIDINGGEVENDEN = "leidinggevenden"
    # Every colleague who may act as buddy (not the visitor, the buddy or the leads).
    TEAM = "team"


# Kinds whose unacknowledged alarm escalates to the leidinggevenden.
ESCALATING_KINDS = frozenset({ReminderKind.CALLBACK_DUE, ReminderKind.OVERDUE_ALARM})


def callback_key(callback_id: int) -> str:
    return f"callback:{callback_id}"


def overdue_key(visit_id: int) -> str:
    return f"overdue:{visit_id}"


def escalation_key(base_key: str) -> str:
    return f"escalation:{base_key}"


def escalation_repeat_key(base_key: str, repeat: int) -> str:
    return f"{escalation_key(base_key)}:repeat:{repeat}"


def unwatched_key(visit_id: int, since: datetime) -> str:
    """The leidinggevenden's failover alarm of one unwatched period."""
    return f"unwatched:{visit_id}:{int(ensure_utc(since).timestamp())}"


def unwatched_team_key(visit_id: int, since: datetime) -> str:
    """The colleagues' failover alarm of the same period."""
    return f"{unwatched_key(visit_id, since)}:team"


def unwatched_visit_id(key: str) -> int | None:
    """The visit of a failover alarm's key (None: not a failover key)."""
    if not key.startswith("unwatched:"):
        return None
    try:
        return int(key.split(":")[1])
    except (IndexError, ValueError):
        return None


def unwatched_since(key: str) -> datetime | None:
    """Since when nobody watched, from a failover alarm's key (None: not one)."""
    if unwatched_visit_id(key) is None:
        return None
    try:
        return datetime.fromtimestamp(int(key.split(":")[2]), UTC)
    except (IndexError, ValueError, OverflowError, OSError):
        return None


def unwatched_period(key: str) -> str:
    """The leidinggevenden's key of the period a failover key belongs to."""
    return key.removesuffix(":team")


def escalation_root(key: str) -> str:
    """The first escalation's key of an escalation or one of its repeats."""
    head, _sep, _n = key.partition(":repeat:")
    return head


# Failover (docs/design.md §4a): the leidinggevenden after 60 s unwatched, everyone 2 min later.
UNWATCHED_ALARM_AFTER = timedelta(seconds=60)
UNWATCHED_TEAM_AFTER = timedelta(minutes=2)
# From this repeat on an escalation goes to every colleague too.
TEAM_FROM_REPEAT = 3


def deadline_key(name: str) -> str:
    return f"deadline:{name}"


def emergency_key(call_id: int) -> str:
    return f"call:{call_id}"


def unwatched_departure_key(visit_id: int) -> str:
    return f"departure:{visit_id}"


@dataclass(frozen=True, slots=True)
class CallbackMoment:
    """An open call-back of a visit (``Callback`` row with status *open*)."""

    id: int
    due_at: datetime
    kind: str = "gepland"  # gepland / herhaling / eerder


@dataclass(frozen=True, slots=True)
class AlarmCall:
    """A recorded call whose action is police or escalation (``ALARM_ACTIONS``)."""

    id: int
    called_at: datetime


@dataclass(frozen=True, slots=True)
class VisitSnapshot:
    id: int
    state: VisitState
    expected_return: datetime
    buddy_id: int
    visitor_first_name: str
    open_callbacks: tuple[CallbackMoment, ...] = ()
    alarm_calls: tuple[AlarmCall, ...] = ()
    visitor_id: int | None = None
    # Planned start (for "nobody watches since"); None: no failover is derived.
    start: datetime | None = None
    # Known only by its head (a colleague on a team server, who cannot read the visit):
    # only its failover is derived.
    failover_only: bool = False


@dataclass(frozen=True, slots=True)
class AlarmSnapshot:
    """An alarm row already raised for a reminder key."""

    id: int
    reminder_key: str
    acknowledged: bool
    visit_id: int | None = None  # whose alarm (a snapshot re-read by visit merges on it)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A dated deadline (aangifte, aftercare …) handed in by another module."""

    name: str  # unique and stable, e.g. "aangifte:4"
    due_at: datetime
    visit_id: int | None = None
    visitor_first_name: str = ""
    audience: Audience = Audience.LEIDINGGEVENDEN


@dataclass(frozen=True, slots=True)
class Reminder:
    key: str
    kind: ReminderKind
    visit_id: int | None
    due_at: datetime  # aware UTC
    audience: Audience
    visitor_first_name: str
    buddy_id: int | None = None
    callback_id: int | None = None
    # For an escalation: the key of the reminder that was not acknowledged.
    escalates: str | None = None
    # For an emergency or a failover: whose visit it is (never alarmed on their own
    # screen).
    visitor_id: int | None = None
    # For a failover: since when nobody watches.
    since: datetime | None = None


def due_reminders(
    visits_snapshot: Iterable[VisitSnapshot],
    alarms_snapshot: Iterable[AlarmSnapshot],
    settings: Settings,
    deadlines: Iterable[Deadline] = (),
    *,
    buddy_seen: Mapping[int, datetime] | None = None,
    now: datetime | None = None,
    memo: ReminderMemo | None = None,
) -> list[Reminder]:
    """Every reminder moment still to alarm, sorted by due time (oldest first).

    Includes moments in the past whose alarm has not been acknowledged (the caller
    decides what is due *now*); excludes acknowledged ones and everything of visits
    that are not out.

    ``buddy_seen``: per account the newest heartbeat of any of their sessions (absent:
    never seen); None: no presence was read, so no failover is derived. ``now``: up to
    when escalation repeats are listed (None: none). ``memo``: each visit's moments kept
    from the last call (:class:`ReminderMemo`); the outcome is the same.
    """
    acknowledged = {a.reminder_key for a in alarms_snapshot if a.acknowledged}
    # An escalation is done when it or any of its repeats is acknowledged.
    acknowledged |= {escalation_root(k) for k in acknowledged if ":repeat:" in k}
    # A failover period is done when either of its alarms is acknowledged.
    acknowledged |= {unwatched_period(k) for k in acknowledged if k.startswith("unwatched:")}
    repeat_every = timedelta(minutes=settings.escalation_repeat_minutes)
    at = ensure_utc(now) if now is not None else None
    if memo is not None:
        memo.begin(settings, buddy_seen is not None)
    result: list[Reminder] = []
    for visit in visits_snapshot:
        if not visit.state.is_active:
            continue
        seen = buddy_seen.get(visit.buddy_id) if buddy_seen is not None else None
        if memo is not None:
            moments = memo.moments(visit, seen)
        else:
            moments = visit_moments(visit, settings, buddy_seen is not None, seen)
        for reminder, period, first in moments:
            if reminder.key in acknowledged or period in acknowledged:
                continue
            result.append(reminder)
            if first is not None and first.key not in acknowledged:
                result.append(first)
                if at is not None:
                    result.extend(_repeats(first, repeat_every, at))
    if memo is not None:
        memo.end()
    for deadline in deadlines:
        key = deadline_key(deadline.name)
        if key in acknowledged:
            continue
        result.append(
            Reminder(
                key=key,
                kind=ReminderKind.DEADLINE,
                visit_id=deadline.visit_id,
                due_at=ensure_utc(deadline.due_at),
                audience=deadline.audience,
                visitor_first_name=deadline.visitor_first_name,
            )
        )
    result.sort(key=attrgetter("due_at", "key"))  # keys are unique: a total order
    return result


# One reminder moment of a visit before acknowledgements: the reminder, the key of its
# failover period (``unwatched_period``), and its first escalation (None: none).
Moment = tuple[Reminder, str, Reminder | None]


def visit_moments(
    visit: VisitSnapshot, settings: Settings, presence: bool, seen: datetime | None
) -> tuple[Moment, ...]:
    """The reminder moments of one active visit, before acknowledgements: they depend on
    the visit, the settings, whether presence was read and its buddy's last heartbeat
    (``seen``) only, so :class:`ReminderMemo` can keep them."""
    base: list[Reminder] = []
    if visit.failover_only:
        if presence and visit.start is not None:
            base.extend(_failover(visit, seen))
        return tuple((r, unwatched_period(r.key), None) for r in base)
    for callback in visit.open_callbacks:
        base.append(
            Reminder(
                key=callback_key(callback.id),
                kind=ReminderKind.CALLBACK_DUE,
                visit_id=visit.id,
                due_at=ensure_utc(callback.due_at),
                audience=Audience.BUDDY,
                visitor_first_name=visit.visitor_first_name,
                buddy_id=visit.buddy_id,
                callback_id=callback.id,
                visitor_id=visit.visitor_id,
            )
        )
    for call in visit.alarm_calls:
        base.append(
            Reminder(
                key=emergency_key(call.id),
                kind=ReminderKind.EMERGENCY,
                visit_id=visit.id,
                due_at=ensure_utc(call.called_at),
                audience=Audience.LEIDINGGEVENDEN,
                visitor_first_name=visit.visitor_first_name,
                buddy_id=visit.buddy_id,
                visitor_id=visit.visitor_id,
            )
        )
    if presence and visit.start is not None:
        base.extend(_failover(visit, seen))
    base.append(
        Reminder(
            key=overdue_key(visit.id),
            kind=ReminderKind.OVERDUE_ALARM,
            visit_id=visit.id,
            due_at=overdue_alarm_at(visit.expected_return, settings),
            audience=Audience.BUDDY,
            visitor_first_name=visit.visitor_first_name,
            buddy_id=visit.buddy_id,
            visitor_id=visit.visitor_id,
        )
    )
    escalate_after = escalation_time(settings)
    return tuple(
        (
            reminder,
            unwatched_period(reminder.key),
            Reminder(
                key=escalation_key(reminder.key),
                kind=ReminderKind.ESCALATION,
                visit_id=reminder.visit_id,
                due_at=reminder.due_at + escalate_after,
                audience=Audience.LEIDINGGEVENDEN,
                visitor_first_name=reminder.visitor_first_name,
                buddy_id=reminder.buddy_id,
                callback_id=reminder.callback_id,
                escalates=reminder.key,
                visitor_id=reminder.visitor_id,
            )
            if reminder.kind in ESCALATING_KINDS
            else None,
        )
        for reminder in base
    )


class ReminderMemo:
    """Each visit's moments (:func:`visit_moments`) kept from one call of
    :func:`due_reminders` to the next, computed again only for a visit that changed or
    whose buddy's last heartbeat moved; everything again when the settings change. On a
    team server every change anywhere re-reads the schedule of every desk: without it
    each pass builds the moments of every running visit again. Not thread-safe: one
    owner (the scheduler's passes run one at a time)."""

    def __init__(self) -> None:
        self._kept: dict[int, tuple[VisitSnapshot, datetime | None, tuple[Moment, ...]]] = {}
        self._settings: Settings | None = None
        self._presence = False
        self._used: set[int] = set()

    def begin(self, settings: Settings, presence: bool) -> None:
        if settings != self._settings or presence != self._presence:
            self._kept.clear()
            self._settings, self._presence = settings, presence
        self._used = set()

    def moments(self, visit: VisitSnapshot, seen: datetime | None) -> tuple[Moment, ...]:
        self._used.add(visit.id)
        kept = self._kept.get(visit.id)
        if kept is not None and kept[1] == seen and kept[0] == visit:
            return kept[2]
        assert self._settings is not None, "begin() first"
        moments = visit_moments(visit, self._settings, self._presence, seen)
        self._kept[visit.id] = (visit, seen, moments)
        return moments

    def end(self) -> None:
        """Forget the visits this call did not ask for (they ended or went out of view)."""
        if len(self._kept) > len(self._used):
            self._kept = {k: v for k, v in self._kept.items() if k in self._used}


def _failover(visit: VisitSnapshot, seen: datetime | None) -> list[Reminder]:
    """The two failover moments of the visit's current (or coming) unwatched period
    (``seen``: its buddy's last heartbeat; None: never seen)."""
    assert visit.start is not None
    since = ensure_utc(visit.start)
    if seen is not None:
        since = max(since, ensure_utc(seen))
    common = {
        "kind": ReminderKind.BUDDY_UNREACHABLE,
        "visit_id": visit.id,
        "visitor_first_name": visit.visitor_first_name,
        "buddy_id": visit.buddy_id,
        "visitor_id": visit.visitor_id,
        "since": since,
    }
    leads_at = since + UNWATCHED_ALARM_AFTER
    return [
        Reminder(
            key=unwatched_key(visit.id, since),
            due_at=leads_at,
            audience=Audience.LEIDINGGEVENDEN,
            **common,  # type: ignore[arg-type]
        ),
        Reminder(
            key=unwatched_team_key(visit.id, since),
            due_at=leads_at + UNWATCHED_TEAM_AFTER,
            audience=Audience.TEAM,
            **common,  # type: ignore[arg-type]
        ),
    ]


def _repeats(first: Reminder, every: timedelta, now: datetime) -> list[Reminder]:
    """The latest repeat of an escalation due by ``now`` (if any) and the next one: an
    app opened after an hour raises one repeat, not twelve. None before the escalation
    itself is due (the scheduler re-reads when it fires)."""
    if now < first.due_at:
        return []
    last = (now - first.due_at) // every
    return [
        replace(
            first,
            key=escalation_repeat_key(first.escalates or "", n),
            due_at=first.due_at + n * every,
            audience=Audience.TEAM if n >= TEAM_FROM_REPEAT else Audience.LEIDINGGEVENDEN,
        )
        for n in (last, last + 1)
        if n >= 1
    ]


def reminders_for(
    reminders: Iterable[Reminder], *, viewer_id: int, leidinggevende: bool
) -> list[Reminder]:
    """The reminders one person's app alarms: as buddy; escalations, emergencies and
    failovers if leidinggevende; a colleagues' failover (``Audience.TEAM``) when not a
    leidinggevende (who had the alarm before) and not the visitor or the buddy; a late
    escalation repeat (``Audience.TEAM``) everyone but the visitor and the buddy. Never an
    emergency or failover about their own visit (their screen may be in front of the
    client), nor a failover of a visit they watch."""
    result: list[Reminder] = []
    for r in reminders:
        own = r.visitor_id is not None and r.visitor_id == viewer_id
        if r.audience is Audience.BUDDY:
            wanted = r.buddy_id == viewer_id
        elif r.audience is Audience.LEIDINGGEVENDEN:
            wanted = leidinggevende and not (
                own and r.kind in (ReminderKind.EMERGENCY, ReminderKind.BUDDY_UNREACHABLE)
            )
            # The buddy's own app is running, so they are there (at login the snapshot
            # may predate the first heartbeat): their pass ends the period instead.
            if r.kind is ReminderKind.BUDDY_UNREACHABLE and r.buddy_id == viewer_id:
                wanted = False
        elif r.kind is ReminderKind.ESCALATION:
            # A late repeat: everyone but the visitor and the buddy (whose own alarm
            # is still open).
            wanted = not own and r.buddy_id != viewer_id
        else:
            wanted = not leidinggevende and not own and r.buddy_id != viewer_id
        if wanted:
            result.append(r)
    return result


def raised_late(due_at: datetime, raised_at: datetime, tolerance: timedelta) -> bool:
    """An alarm raised more than ``tolerance`` after its moment was *raised late* (shown
    as 'te laat' with its original time); not to be confused with an overdue alarm."""
    return ensure_utc(raised_at) - ensure_utc(due_at) > tolerance
