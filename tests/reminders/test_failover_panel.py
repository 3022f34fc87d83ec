"""What people see of a failover and of taking charge (docs/design.md §4a): the "Buddy niet
bereikbaar" row with *Overnemen*; the first to press it becomes the buddy, a second
desk is told who was quicker; the others keep a quiet "Bram handelt dit af" line."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import Team
from tests.reminders.conftest import Harness
from tests.reminders.helpers import refresh_panel, running_visit, settle_panel
from tests.reminders.test_alarm_panel import Mounted, _mount
from veilig_huisbezoek.domain.clock import to_local
from veilig_huisbezoek.domain.reminders import ReminderKind
from veilig_huisbezoek.services import alarms
from veilig_huisbezoek.services.visit_details import get_visit_detail

pytestmark = pytest.mark.gui

MIN = timedelta(minutes=1)
SEC = timedelta(seconds=1)


def _tick(*desks: Mounted) -> None:
    for desk in desks:
        desk.run.scheduler.tick()


def test_overnemen_the_first_wins_the_others_see_who_handles_it(
    harness: Harness, team: Team, qtbot: QtBot
) -> None:
    start = team.clock.now() + 5 * MIN
    visit_id = running_visit(team, start=start, end=start + 120 * MIN, buddy="petra")
    harness.advance(10 * MIN)
    lead = _mount(harness, team, qtbot, "anna", visit_id)
    colleague = _mount(harness, team, qtbot, "bram", visit_id)
    harness.present = {"anna", "bram", "sanne"}  # Petra's laptop is gone
    harness.advance(61 * SEC)
    _tick(lead, colleague)
    (row,) = lead.panel.rows
    assert row.label.text() == (
        "Buddy niet bereikbaar (Petra): bezoek van Sanne Visser — Akerstraat 12A, 6411 HB"
        " Heerlen. Niemand kijkt mee sinds 09:10. Alarm om 09:11."
    )
    assert row.take_over_button.isVisible() and row.acknowledge_button.isVisible()
    assert row.take_over_button.accessibleName() == "Bezoek overnemen: u wordt de buddy"
    assert colleague.panel.rows == []  # leidinggevenden first

    harness.advance(2 * MIN)
    _tick(lead, colleague)
    (mine,) = colleague.panel.rows
    assert mine.alarm.kind is ReminderKind.BUDDY_UNREACHABLE and mine.take_over_button.isVisible()
    with qtbot.waitSignal(colleague.hub.visits_changed):
        qtbot.mouseClick(mine.take_over_button, Qt.MouseButton.LeftButton)
    settle_panel(qtbot, colleague.panel)
    assert colleague.panel.rows == [] and colleague.panel.open_count == 0
    assert get_visit_detail(colleague.run.ctx, visit_id).buddy.id == team.ids["bram"]

    # Anna's desk has not refreshed yet: she presses too, and is told who was first.
    qtbot.mouseClick(lead.panel.rows[0].take_over_button, Qt.MouseButton.LeftButton)
    settle_panel(qtbot, lead.panel)
    assert lead.panel.problem.isVisibleTo(lead.panel)
    assert lead.panel.problem.text() == "Bram heeft dit al overgenomen."
    # … and her row is now the quiet line saying who handles it.
    (quiet,) = lead.panel.rows
    when = to_local(team.clock.now()).strftime("%H:%M")
    assert quiet.label.text().startswith(
        f"Bram handelt dit af ({when}): Buddy niet bereikbaar — bezoek van Sanne."
    )
    assert not quiet.acknowledge_button.isVisible() and not quiet.take_over_button.isVisible()
    assert quiet.icon.accessibleName() == "In behandeling"
    assert lead.panel.open_count == 0
    assert lead.panel.title.text() == "✓ In behandeling bij een collega"
    # Locked: the quiet line is not shown.
    lead.panel.set_locked(True)
    assert lead.panel.rows == []


def test_the_visitor_and_leads_see_who_took_charge(
    harness: Harness, team: Team, qtbot: QtBot
) -> None:
    """Bram (buddy) acknowledges the call-back: Sanne's information row becomes "Bram
    handelt dit af" instead of disappearing; the escalation never comes."""
    start = team.clock.now() + 5 * MIN
    visit_id = running_visit(team, start=start, end=start + 120 * MIN)
    buddy = _mount(harness, team, qtbot, "bram", visit_id)
    visitor = _mount(harness, team, qtbot, "sanne", visit_id)
    harness.advance(15 * MIN)
    _tick(buddy, visitor)
    refresh_panel(qtbot, visitor.panel)
    (info,) = visitor.panel.rows
    assert info.alarm.for_visitor and "Bram is gewaarschuwd" in info.label.text()
    qtbot.mouseClick(buddy.panel.rows[0].acknowledge_button, Qt.MouseButton.LeftButton)
    settle_panel(qtbot, buddy.panel)
    assert buddy.panel.rows == []  # the one who handles it needs no line
    refresh_panel(qtbot, visitor.panel)
    (quiet,) = visitor.panel.rows
    assert quiet.label.text() == "Bram handelt dit af (09:15): Terugbelmoment — uw bezoek."
    assert not quiet.report_button.isVisible()
    assert visitor.panel.open_count == 0
    # A later alarm of the same visit replaces the line (the newest counts).
    harness.advance(start + 120 * MIN + 16 * MIN - team.clock.now())  # overdue
    _tick(buddy)
    refresh_panel(qtbot, buddy.panel)
    alarms.acknowledge(buddy.run.ctx, buddy.panel.rows[0].alarm.id)
    refresh_panel(qtbot, visitor.panel)
    when = to_local(team.clock.now()).strftime("%H:%M")
    quiet_lines = [r for r in visitor.panel.rows if r.alarm.acknowledged]
    assert [r.label.text().split(": ")[0] for r in quiet_lines] == [f"Bram handelt dit af ({when})"]
    assert visitor.panel.rows[-1] is quiet_lines[0]  # after the open ones
    assert when != "09:15"
