"""The last line (docs/design.md §4a): what the headless watch service sends, derived
from the schedule with the desktop's own rules. Pure: no Qt, no SQL.

The watch service reads the schedule (running visits, open call-backs, alarm keys and
whether someone took charge, presence) and hands it here. :func:`watch_steps` asks
:func:`~.reminders.due_reminders` for the reminders the desks would raise, and
:func:`~.presence.watch_state` whether a visit is watched, exactly as the desktop does:

* **the ladder ran out** — an escalation (overdue or a call-back, plus
  ``escalation_minutes``) is due and nobody acknowledged the reminder, its escalation
  or a repeat (taking charge in the app ends it). From the escalation's moment on, a
  message every ``repeat`` (step 0, 1, 2 …);
* **nobody watches** — a running visit whose buddy is not present, for ``unwatched``
  since the later of its start and the buddy's last heartbeat (the period of the
  failover alarm "Buddy niet bereikbaar"); acknowledging that alarm, the buddy back or
  a take-over ends it. Then a message every ``repeat`` as well.

Each step has a key (``watch:<reminder key>:<n>``): the service records the keys it
sent on the server, so a step is sent once, whichever service and however often it
restarts. Only the latest step due by ``now`` is listed: a service that was down an
hour sends one message, not twelve.

Messages carry no names, addresses, phone numbers or case details: the visit number,
the step, and "Open Veilig Huisbezoek".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from .clock import ensure_utc, to_local
from .overdue import escalation_time
from .presence import SessionSeen, people_presence, watch_state
from .reminders import (
    AlarmSnapshot,
    Audience,
    ReminderKind,
    VisitSnapshot,
    due_reminders,
    overdue_key,
)
from .settings import Settings

DEFAULT_REPEAT = timedelta(minutes=5)
DEFAULT_UNWATCHED = timedelta(minutes=2)
OPEN_APP = "Open Veilig Huisbezoek."


@dataclass(frozen=True)
class WatchRules:
    repeat: timedelta = DEFAULT_REPEAT  # a message again while nobody takes charge
    unwatched: timedelta = DEFAULT_UNWATCHED  # nobody watching this long: a message


@dataclass(frozen=True)
class WatchStep:
    """One message to send (once, whoever sends it)."""

    key: str
    visit_id: int
    due_at: datetime  # when this step fell due (aware UTC)
    line: str  # the step, e.g. "12 minuten over tijd, niemand heeft het alarm opgepakt"

    @property
    def subject(self) -> str:
        return f"Veilig Huisbezoek: bezoek {self.visit_id} vraagt aandacht"

    @property
    def body(self) -> str:
        return f"Bezoek {self.visit_id}: {self.line}.\n\n{OPEN_APP}\n"


def _minutes(delta: timedelta) -> str:
    n = max(0, int(delta.total_seconds() // 60))
    return "1 minuut" if n == 1 else f"{n} minuten"


def newest_seen(sessions: Iterable[SessionSeen]) -> dict[int, datetime]:
    """Per account the newest heartbeat of any session (the reminders' ``buddy_seen``)."""
    seen: dict[int, datetime] = {}
    for s in sessions:
        at = ensure_utc(s.seen_at)
        if s.account_id not in seen or at > seen[s.account_id]:
            seen[s.account_id] = at
    return seen


def watch_steps(
    visits: Iterable[VisitSnapshot],
    alarms: Iterable[AlarmSnapshot],
    settings: Settings,
    sessions: Iterable[SessionSeen],
    now: datetime,
    rules: WatchRules = WatchRules(),
) -> list[WatchStep]:
    """The step of each alarm that is due by ``now`` (see the module docstring), oldest
    first. ``sessions``: presence with times on the same clock as ``now``."""
    now = ensure_utc(now)
    visits = tuple(visits)
    sessions = tuple(sessions)
    by_id: Mapping[int, VisitSnapshot] = {v.id: v for v in visits}
    reminders = due_reminders(visits, alarms, settings, buddy_seen=newest_seen(sessions), now=now)
    people = people_presence(sessions, now)
    escalate_after = escalation_time(settings)
    steps: list[WatchStep] = []
    for r in reminders:
        visit = by_id.get(r.visit_id) if r.visit_id is not None else None
        if visit is None:
            continue
        if r.kind is ReminderKind.ESCALATION and r.escalates and ":repeat:" not in r.key:
            start = r.due_at  # the ladder's end
            if now < start:
                continue
            if r.escalates == overdue_key(visit.id):
                past_return = now - ensure_utc(visit.expected_return)
                what = f"{_minutes(past_return)} over tijd"
            else:  # a call-back that was not made
                past_callback = now - (r.due_at - escalate_after)
                what = f"terugbellen {_minutes(past_callback)} over tijd"
            line = f"{what}, niemand heeft het alarm opgepakt"
        elif r.kind is ReminderKind.BUDDY_UNREACHABLE and r.audience is Audience.LEIDINGGEVENDEN:
            assert r.since is not None
            if visit.start is None:
                continue
            state = watch_state(visit.state, visit.start, people.get(visit.buddy_id), now)
            if state is None or state.watched:
                continue
            start = r.since + rules.unwatched
            if now < start:
                continue
            line = f"niemand kijkt mee sinds {to_local(r.since).strftime('%H:%M')}"
        else:
            continue
        n = (now - start) // rules.repeat
        steps.append(WatchStep(f"watch:{r.key}:{n}", visit.id, start + n * rules.repeat, line))
    steps.sort(key=lambda s: (s.due_at, s.key))
    return steps
