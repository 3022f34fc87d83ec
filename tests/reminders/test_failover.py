"""Failover on the embedded store (docs/design.md §4a): a running visit whose buddy is absent
for 60 s alarms the leidinggevenden, 2 minutes later every colleague; the first to take
it over becomes the buddy and the alarm is done everywhere; a buddy coming back ends it
too; an app that was closed raises it at the next login, late and most urgent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from tests.conftest import Team
from tests.reminders.conftest import Harness
from tests.reminders.helpers import running_visit
from veilig_huisbezoek.domain.presence import PresenceSnapshot
from veilig_huisbezoek.domain.reminders import (
    Audience,
    ReminderKind,
    unwatched_key,
    unwatched_team_key,
)
from veilig_huisbezoek.services import alarms, handover, presence
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.visit_details import get_visit_detail

pytestmark = pytest.mark.gui

MIN = timedelta(minutes=1)
SEC = timedelta(seconds=1)


def _unwatched(keys: list[str]) -> list[str]:
    return [k for k in keys if k.startswith("unwatched:")]


def test_absent_buddy_alarms_leads_then_colleagues_and_take_over_ends_it(
    harness: Harness, team: Team
) -> None:
    """Sanne is out, Petra (leidinggevende) watches; Petra's session stops (crash)."""
    start = team.clock.now() + 5 * MIN
    visit_id = running_visit(team, start=start, end=start + 120 * MIN, buddy="petra")
    harness.advance(10 * MIN)  # everyone present, heartbeats
    lead = harness.start("anna")
    colleague = harness.start("bram")
    visitor = harness.start("sanne")
    harness.present = {"anna", "bram", "sanne"}  # Petra's heartbeats stop here
    since = team.clock.now()

    harness.advance(60 * SEC - SEC)
    for run in (lead, colleague, visitor):
        run.scheduler.tick()
    assert _unwatched(lead.keys) == []  # not yet 60 s
    harness.advance(SEC)
    for run in (lead, colleague, visitor):
        run.scheduler.tick()
    assert _unwatched(lead.keys) == [unwatched_key(visit_id, since)]
    assert _unwatched(colleague.keys) == []  # leidinggevenden first
    alarm = lead.fired[-1]
    assert alarm.kind is ReminderKind.BUDDY_UNREACHABLE and not alarm.raised_late
    # The most urgent after emergencies and escalations.
    assert ReminderKind.ESCALATION.urgency < alarm.kind.urgency < ReminderKind.OVERDUE_ALARM.urgency

    harness.advance(2 * MIN)
    for run in (lead, colleague, visitor):
        run.scheduler.tick()
    assert _unwatched(colleague.keys) == [unwatched_team_key(visit_id, since)]
    assert colleague.fired[-1].audience is Audience.TEAM
    assert _unwatched(visitor.keys) == []  # never on the visitor's own screen
    assert [a.kind for a in alarms.open_alarms(colleague.ctx)] == [ReminderKind.BUDDY_UNREACHABLE]

    # Bram takes it over: he is the buddy now, both alarms are done.
    handover.take_over(colleague.ctx, visit_id, from_buddy_id=team.ids["petra"])
    done = alarms.resolve_failovers(
        colleague.ctx, alarms.open_failovers(colleague.ctx, visit_id), alarms.REASON_TAKEN_OVER
    )
    assert done == 2
    assert not [a for a in alarms.open_alarms(lead.ctx) if a.visit_id == visit_id]
    assert not alarms.open_alarms(colleague.ctx)
    # The others see who has it.
    (held,) = alarms.in_hand(lead.ctx)
    assert held.kind is ReminderKind.BUDDY_UNREACHABLE
    assert held.acknowledged_by_first_name == "Bram"
    events = get_visit_detail(colleague.ctx, visit_id).events
    assert ("alarm_bevestigd", "Bram Smit") in [(e.kind, e.actor) for e in events]
    # Nothing more of this period; the visit's reminders are Bram's now.
    harness.advance(10 * MIN)
    for run in (lead, colleague):
        run.scheduler.rebuild()
    assert _unwatched(lead.keys) == [unwatched_key(visit_id, since)]
    assert any(r.buddy_id == team.ids["bram"] for r in colleague.scheduler.pending)


def test_buddy_back_ends_the_alarm_everywhere(harness: Harness, team: Team) -> None:
    start = team.clock.now() + 5 * MIN
    visit_id = running_visit(team, start=start, end=start + 120 * MIN)  # Bram watches
    harness.advance(10 * MIN)
    lead = harness.start("petra")
    harness.present = {"petra", "anna", "sanne"}
    harness.advance(61 * SEC)
    lead.scheduler.tick()
    assert len(_unwatched(lead.keys)) == 1
    assert [a.kind for a in alarms.open_alarms(lead.ctx)] == [ReminderKind.BUDDY_UNREACHABLE]
    # Bram logs in again: his session is present, the alarm is recorded as done.
    harness.present = None
    buddy = harness.start("bram")
    assert buddy.scheduler.running
    assert not alarms.open_alarms(lead.ctx)
    assert alarms.open_failovers(lead.ctx, visit_id) == []
    events = get_visit_detail(buddy.ctx, visit_id).events
    assert any(e.kind == "alarm_bevestigd" and e.actor == "Bram Smit" for e in events), (
        "recorded as done, by the buddy who is back"
    )
    # A new period only if Bram is gone again.
    lead.scheduler.rebuild()
    assert len(_unwatched(lead.keys)) == 1


def test_closed_app_raises_the_failover_late_at_the_next_login(
    harness: Harness, team: Team
) -> None:
    """One session per computer: Bram left (logged out) while watching; Petra logs in
    ten minutes later and gets the failover first, marked late, with its moment."""
    start = team.clock.now() + 5 * MIN
    visit_id = running_visit(team, start=start, end=start + 120 * MIN)
    harness.advance(10 * MIN)
    harness.present = {"sanne"}
    left = team.clock.now()
    harness.advance(10 * MIN)
    lead = harness.start("petra")
    (first,) = [a for a in lead.fired if a.kind is ReminderKind.BUDDY_UNREACHABLE]
    assert first.raised_late and first.due_at == left + 60 * SEC
    assert first.reminder_key == unwatched_key(visit_id, left)
    assert alarms.open_alarms(lead.ctx)[0].kind is ReminderKind.BUDDY_UNREACHABLE


def test_no_failover_while_everyone_is_present(harness: Harness, team: Team) -> None:
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 120 * MIN)
    lead = harness.start("petra")
    for _ in range(12):
        harness.advance(10 * SEC)
        lead.scheduler.tick()
    harness.advance(30 * MIN)
    lead.scheduler.tick()
    assert _unwatched(lead.keys) == []


def test_a_clock_set_forward_during_a_pass_raises_no_failover(
    harness: Harness, team: Team, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """A pass judges the presence it read at the moment it read it: the clock set forward
    while the pass reads (after presence, before the alarms) is for the next pass, which
    reads presence again. Found with three desks whose clocks a test set forward while
    their passes ran: a buddy at his desk got a "Buddy niet bereikbaar"."""
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 120 * MIN)  # Bram watches
    harness.advance(10 * MIN)
    tasks = harness.task_runner()
    lead = harness.start("petra", tasks=tasks, tick_ms=3_600_000)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    read_presence = presence.read_presence
    jumped: list[bool] = []

    def read_then_jump(ctx: ServiceContext, session: Session | None = None) -> PresenceSnapshot:
        snap = read_presence(ctx, session)
        if not jumped:
            team.clock.advance(30 * MIN)  # set forward just after presence was read
            jumped.append(True)
        return snap

    monkeypatch.setattr(presence, "read_presence", read_then_jump)
    lead.scheduler.request_rebuild()
    qtbot.waitUntil(lambda: bool(jumped) and not tasks.busy, timeout=10_000)
    assert _unwatched(lead.keys) == []
    harness.keep_present()  # Bram's desk beats on the new clock
    lead.scheduler.tick()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    assert _unwatched(lead.keys) == []
    assert [a.kind for a in alarms.open_alarms(lead.ctx)].count(ReminderKind.BUDDY_UNREACHABLE) == 0
