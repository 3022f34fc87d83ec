"""Reminder moments (DESIGN §3 and §4): pure rules over plain data, no Qt, no SQL.

The database is the source of truth. The scheduler takes a snapshot of it (active
visits with their open call-backs, the alarms already raised) and asks
:func:`due_reminders` for every moment at which someone must be alarmed:

* ``CALLBACK_DUE``: an open call-back of a visit that is out (onderweg/geëscaleerd);
  retry call-backs after "niet bereikt" are open call-backs too. → the buddy.
* ``OVERDUE``: expected return + grace time without "terug". → the buddy.
* ``ESCALATION``: a call-back or overdue reminder still unacknowledged
  ``escalation_minutes`` after it fell due. → every leidinggevende. It is derived from
  the reminder itself (not from an alarm row), so it also fires when the buddy's app was
  closed and never raised the alarm: nobody acknowledged, so it escalates.
* ``DEADLINE``: generic dated deadlines (aangifte within 24 hours, aftercare talks) that
  other modules hand in as :class:`Deadline`.
* ``EMERGENCY``: the buddy recorded a call whose action is police or escalation
  (answered with the last name, police wanted, not reached twice). → every
  leidinggevende, at once (DESIGN §3: "inform leidinggevende"), while the visit is out.

A reminder whose alarm has been acknowledged is done and no longer returned; neither is
its escalation. All instants are aware UTC, so DST never shifts a moment: a call-back
in the repeated autumn hour is one instant and fires once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from operator import attrgetter

from veilig_huisbezoek.domain.clock import ensure_utc
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.domain.visit import VisitState


class ReminderKind(StrEnum):
    CALLBACK_DUE = "terugbellen"
    OVERDUE = "te_laat_terug"
    ESCALATION = "escalatie"
    DEADLINE = "termijn"
    EMERGENCY = "noodsituatie"
    # Raised once at departure, for the leidinggevenden: the visitor went without a
    # reachable buddy (DESIGN §4a, domain/departure.py); never from the schedule.
    UNWATCHED_DEPARTURE = "zonder_buddy"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def urgency(self) -> int:
        """Lower is more urgent: emergency, escalation, overdue, call-back, deadline."""
        return _URGENCY[self]


_KIND_LABELS = {
    ReminderKind.CALLBACK_DUE: "Terugbelmoment",
    ReminderKind.OVERDUE: "Te laat terug",
    ReminderKind.ESCALATION: "Escalatie",
    ReminderKind.DEADLINE: "Termijn",
    ReminderKind.EMERGENCY: "Noodsituatie",
    ReminderKind.UNWATCHED_DEPARTURE: "Vertrokken zonder bereikbare buddy",
}
_URGENCY = {
    ReminderKind.EMERGENCY: -1,
    ReminderKind.ESCALATION: 0,
    ReminderKind.OVERDUE: 1,
    ReminderKind.CALLBACK_DUE: 2,
    ReminderKind.UNWATCHED_DEPARTURE: 2,
    ReminderKind.DEADLINE: 3,
}


class Audience(StrEnum):
    BUDDY = "buddy"
    LEIDINGGEVENDEN = "leidinggevenden"


# Kinds whose unacknowledged alarm escalates to the leidinggevenden.
ESCALATING_KINDS = frozenset({ReminderKind.CALLBACK_DUE, ReminderKind.OVERDUE})


def callback_key(callback_id: int) -> str:
    return f"callback:{callback_id}"


def overdue_key(visit_id: int) -> str:
    return f"overdue:{visit_id}"


def escalation_key(base_key: str) -> str:
    return f"escalation:{base_key}"


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


@dataclass(frozen=True, slots=True)
class AlarmSnapshot:
    """An alarm row already raised for a reminder key."""

    id: int
    reminder_key: str
    acknowledged: bool


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
    # For an emergency: whose visit it is (never alarmed on their own screen).
    visitor_id: int | None = None


def due_reminders(
    visits_snapshot: Iterable[VisitSnapshot],
    alarms_snapshot: Iterable[AlarmSnapshot],
    settings: Settings,
    deadlines: Iterable[Deadline] = (),
) -> list[Reminder]:
    """Every reminder moment still to alarm, sorted by due time (oldest first).

    Includes moments in the past whose alarm has not been acknowledged (the caller
    decides what is due *now*); excludes acknowledged ones and everything of visits
    that are not out.
    """
    acknowledged = {a.reminder_key for a in alarms_snapshot if a.acknowledged}
    grace = timedelta(minutes=settings.grace_minutes)
    escalate_after = timedelta(minutes=settings.escalation_minutes)
    base: list[Reminder] = []
    for visit in visits_snapshot:
        if not visit.state.is_active:
            continue
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
        base.append(
            Reminder(
                key=overdue_key(visit.id),
                kind=ReminderKind.OVERDUE,
                visit_id=visit.id,
                due_at=ensure_utc(visit.expected_return) + grace,
                audience=Audience.BUDDY,
                visitor_first_name=visit.visitor_first_name,
                buddy_id=visit.buddy_id,
            )
        )
    result: list[Reminder] = []
    for reminder in base:
        if reminder.key in acknowledged:
            continue
        result.append(reminder)
        key = escalation_key(reminder.key)
        if reminder.kind in ESCALATING_KINDS and key not in acknowledged:
            result.append(
                Reminder(
                    key=key,
                    kind=ReminderKind.ESCALATION,
                    visit_id=reminder.visit_id,
                    due_at=reminder.due_at + escalate_after,
                    audience=Audience.LEIDINGGEVENDEN,
                    visitor_first_name=reminder.visitor_first_name,
                    buddy_id=reminder.buddy_id,
                    callback_id=reminder.callback_id,
                    escalates=reminder.key,
                )
            )
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


def reminders_for(
    reminders: Iterable[Reminder], *, viewer_id: int, leidinggevende: bool
) -> list[Reminder]:
    """The reminders one person's app alarms: as buddy, and escalations and emergencies
    if leidinggevende; never an emergency about their own visit (their screen may be
    in front of the client)."""
    return [
        r
        for r in reminders
        if (r.audience is Audience.BUDDY and r.buddy_id == viewer_id)
        or (
            r.audience is Audience.LEIDINGGEVENDEN
            and leidinggevende
            and not (r.kind is ReminderKind.EMERGENCY and r.visitor_id == viewer_id)
        )
    ]


def is_late(due_at: datetime, raised_at: datetime, tolerance: timedelta) -> bool:
    """An alarm raised more than ``tolerance`` after its moment is 'te laat'."""
    return ensure_utc(raised_at) - ensure_utc(due_at) > tolerance
