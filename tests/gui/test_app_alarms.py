"""Alarms in the running app: a MainWindow on a fake clock, logged in through the login
screen. The scheduler, the alarm panel (over every tab and over the lock screen) and
the notifier are mounted by the window itself; these tests only move the clock and ask
the scheduler to look (``check_due`` at once, or ``alarm_by_tick`` through its own task
runner as its timers do)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.gui.conftest import DEMO_PASSWORDS, DemoEnv, Desktop, MakeWindow
from tests.gui.test_board import opened_call
from tests.helpers import visit_plan
from tests.reminders.helpers import refresh_panel, settle_panel
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.phone import format_phone
from veilig_huisbezoek.domain.reminders import ReminderKind
from veilig_huisbezoek.gui.alarm_panel import AlarmPanel, AlarmRow
from veilig_huisbezoek.gui.board import BoardPage
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.visit_detail import VisitDetailDialog
from veilig_huisbezoek.reminders.notifier import TrayState
from veilig_huisbezoek.services import alarms, visits
from veilig_huisbezoek.services.accounts import log_in as service_log_in
from veilig_huisbezoek.services.alarms import AlarmInfo

pytestmark = pytest.mark.gui

MIN = timedelta(minutes=1)
SEC = timedelta(seconds=1)
ADDRESS = Address("Willemstraat", 7, "B", "6412 AA", "Heerlen")
SANNE_PHONE = "+31612345601"
LOCKED = re.compile(r"^Alarm: bezoek van \w+ — ontgrendel voor details$")


@dataclass
class Visit:
    id: int
    start: datetime
    end: datetime

    @property
    def first_callback(self) -> datetime:
        return self.start + 10 * MIN


def running_visit(
    demo: DemoEnv, *, buddy: str = "ahmed", minutes: int = 60, anyway: str = ""
) -> Visit:
    """Sanne plans, schedules and departs a groen visit starting in 5 minutes (with
    ``anyway``: going without a reachable buddy, for that reason)."""
    buddy_ctx = demo.login(buddy)
    sanne = demo.login("sanne")
    start = demo.clock.now() + 5 * MIN
    end = start + minutes * MIN
    plan = visit_plan(
        sanne,
        buddy_id=buddy_ctx.actor.account_id,
        start=start,
        end=end,
        address=ADDRESS,
        person="Dhr. Pieters",
        client_phone="06-87654321",
    )
    visit_id = helpers.running_visit(sanne, plan, go_anyway_reason=anyway)
    return Visit(visit_id, start, end)


def log_in(qtbot: QtBot, window: MainWindow, user: str) -> None:
    """Through the login screen, as a person would; then wait for the first schedule."""
    view = window.login_view
    view.user_edit.clear()
    qtbot.keyClicks(view.user_edit, user)
    qtbot.keyClick(view.user_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(view.password_edit, DEMO_PASSWORDS[user])
    qtbot.keyClick(view.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            window.workspace is not None
            and window.stack.currentWidget() is window.workspace
            and not window.tasks.busy
            and window.alarms.scheduler_tasks is not None
            and not window.alarms.scheduler_tasks.busy
        ),
        timeout=15_000,
    )


def panel(window: MainWindow) -> AlarmPanel:
    assert window.alarm_panel is not None
    return window.alarm_panel


def acknowledge(qtbot: QtBot, window: MainWindow, row: AlarmRow) -> None:
    """Bevestigen, and wait until it is saved (on the task runner) and the panel reloaded."""
    qtbot.mouseClick(row.acknowledge_button, Qt.MouseButton.LeftButton)
    settle_panel(qtbot, panel(window))


def row_for(window: MainWindow, visit: Visit, kind: ReminderKind) -> AlarmRow:
    rows = [r for r in panel(window).rows if r.alarm.visit_id == visit.id and r.alarm.kind is kind]
    assert len(rows) == 1, [r.label.text() for r in panel(window).rows]
    return rows[0]


def check_at(demo: DemoEnv, window: MainWindow, moment: datetime) -> list[AlarmInfo]:
    demo.clock.set(moment)
    assert window.scheduler is not None
    return window.scheduler.check_due()


def alarm_by_tick(
    qtbot: QtBot, demo: DemoEnv, window: MainWindow, moment: datetime, visit: Visit
) -> list[AlarmInfo]:
    """The clock reaches ``moment`` and the scheduler's timer ticks, as in the app; the
    visit's alarms once its pass (on the scheduler's own runner) is back. The clock is
    first set a second before (the tick sees a jump and re-reads the schedule), so that
    the tick at ``moment`` is an ordinary one, not another jump."""
    scheduler, tasks = window.scheduler, window.alarms.scheduler_tasks
    assert scheduler is not None and tasks is not None
    demo.clock.set(moment - timedelta(seconds=1))
    scheduler.tick()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    fired: list[AlarmInfo] = []

    def keep(alarm: AlarmInfo) -> None:
        fired.append(alarm)

    scheduler.reminder_due.connect(keep)
    try:
        demo.clock.set(moment)
        scheduler.tick()
        qtbot.waitUntil(lambda: mine(fired, visit) != [], timeout=10_000)
    finally:
        scheduler.reminder_due.disconnect(keep)
    return mine(fired, visit)


def only_this_visit_runs(demo: DemoEnv, visit: Visit) -> None:
    """The demo's other running visits are back: as a colleague Sanne would otherwise be
    alarmed about them (nobody watches them, their escalations repeat: docs/design.md §4a)."""
    from sqlalchemy import update

    from veilig_huisbezoek.domain.visit import VisitState
    from veilig_huisbezoek.storage.models import Visit as VisitRow

    ctx = demo.login("petra")
    with ctx.store.session() as session:
        session.execute(
            update(VisitRow)
            .where(
                VisitRow.id != visit.id,
                VisitRow.state.in_([VisitState.ONDERWEG.value, VisitState.GEESCALEERD.value]),
            )
            .values(state=VisitState.TERUG_VEILIG.value)
        )


def present_at(demo: DemoEnv, name: str, moment: datetime) -> None:
    """A heartbeat of ``name`` at ``moment`` (their app runs elsewhere)."""
    ctx = demo.login(name)
    ctx.store.heartbeat(f"test-{name}", ctx.actor.account_id, moment, locked=False)


def mine(fired: list[AlarmInfo], visit: Visit) -> list[AlarmInfo]:
    """The demo store has running visits of its own; keep this test's visit."""
    return [a for a in fired if a.visit_id == visit.id]


def opened_detail(qtbot: QtBot, window: MainWindow, visit_id: int) -> VisitDetailDialog:
    """The visit's own window, asked for as the pages do (``hub.show_visit``); it opens
    once the visit is read on the task runner."""
    before = set(window.findChildren(VisitDetailDialog))
    window.hub.show_visit.emit(visit_id)
    qtbot.waitUntil(lambda: bool(set(window.findChildren(VisitDetailDialog)) - before))
    (dialog,) = set(window.findChildren(VisitDetailDialog)) - before
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def visible_texts(widget: Any) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisible() and w.text()]


def test_callback_alarm_over_any_tab_acknowledged_and_on_the_timeline(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow, desktop: Desktop
) -> None:
    visit = running_visit(demo)
    window = make_window()
    log_in(qtbot, window, "ahmed")
    assert window.scheduler is not None and window.scheduler.running
    workspace = window.workspace
    assert workspace is not None
    workspace.show_page("history")  # any tab: the panel sits above the tabs
    mine = [r for r in window.scheduler.pending if r.visit_id == visit.id]
    assert mine[0].due_at == visit.first_callback

    fired = check_at(demo, window, visit.first_callback - SEC)
    assert all(a.visit_id != visit.id for a in fired)
    fired = check_at(demo, window, visit.first_callback)
    assert [(a.visit_id, a.kind) for a in fired] == [(visit.id, ReminderKind.CALLBACK_DUE)]

    assert panel(window).isVisible()
    assert workspace.tabs.currentWidget() is workspace.pages["history"]
    row = row_for(window, visit, ReminderKind.CALLBACK_DUE)
    assert row.label.text() == (
        f"Terugbelmoment: bel nu Sanne Visser ({format_phone(SANNE_PHONE)}) — "
        "Willemstraat 7B, 6412 AA Heerlen. Gepland om 09:15."
    )  # 08:15 UTC is 09:15 in Amsterdam
    assert row.icon.isVisible() and row.acknowledge_button.isVisible()
    assert window.windowTitle().startswith("⚠ ALARM")
    assert window.notifier.tray_state is TrayState.ALARM
    assert window.notifier.sounds_played >= 1
    qtbot.waitUntil(
        lambda: "Bel nu Sanne. Open Veilig Huisbezoek voor de gegevens." in desktop.messages(),
        timeout=2000,
    )
    assert not any("Willemstraat" in m for m in desktop.messages())

    demo.clock.advance(2 * MIN)
    alarm_id = row.alarm.id
    acknowledge(qtbot, window, row)
    assert all(r.alarm.id != alarm_id for r in panel(window).rows)
    assert window.ctx is not None
    stored = alarms.get_alarm(window.ctx, alarm_id)
    assert stored.acknowledged_by == "Ahmed El Amrani"
    assert stored.acknowledged_at == visit.first_callback + 2 * MIN

    dialog = opened_detail(qtbot, window, visit.id)
    entries = [(e.what, e.who, e.detail) for e in dialog.timeline.entries()]
    assert ("⚠ Alarm", "", "Terugbelmoment") in entries
    assert ("Alarm bevestigd", "Ahmed El Amrani", "Terugbelmoment") in entries
    raised = next(e for e in dialog.timeline.entries() if e.what == "⚠ Alarm")
    acked = next(e for e in dialog.timeline.entries() if e.what == "Alarm bevestigd")
    assert raised.alarm and raised.at == visit.first_callback
    assert acked.at == visit.first_callback + 2 * MIN


def test_bellen_in_the_panel_opens_the_call_dialog(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow
) -> None:
    visit = running_visit(demo)
    window = make_window()
    log_in(qtbot, window, "ahmed")
    check_at(demo, window, visit.first_callback)
    row = row_for(window, visit, ReminderKind.CALLBACK_DUE)
    assert window.workspace is not None
    window.workspace.show_page("prepare")
    qtbot.mouseClick(row.call_button, Qt.MouseButton.LeftButton)
    board = window.workspace.pages["board"]
    assert isinstance(board, BoardPage)
    assert window.workspace.tabs.currentWidget() is board
    dialog = opened_call(qtbot, board)
    assert (dialog.visit_id, dialog.callback_id) == (visit.id, row.alarm.callback_id)
    assert row.alarm.callback_id is not None
    assert row in panel(window).rows  # calling is not acknowledging

    # Locking hides the call (an address on a locked screen); unlocking brings it back.
    qtbot.mouseClick(window.workspace.lock_button, Qt.MouseButton.LeftButton)
    assert window.locked and not dialog.isVisible()
    qtbot.keyClicks(window.login_view.password_edit, "demo-ahmed-2026")
    qtbot.keyClick(window.login_view.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=15_000)
    assert dialog.isVisible() and board.call_dialog is dialog


def test_locked_app_still_alarms_with_the_first_name_only(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow, desktop: Desktop
) -> None:
    visit = running_visit(demo)
    window = make_window()
    log_in(qtbot, window, "ahmed")
    window.lock()
    assert window.stack.currentWidget() is window.login_view
    sounds = window.notifier.sounds_played
    desktop.sent.clear()

    fired = check_at(demo, window, visit.first_callback + SEC)
    assert [a.visit_id for a in fired] == [visit.id]
    assert window.notifier.sounds_played == sounds + 1  # it sounds while locked
    assert panel(window).isVisible() and panel(window).locked
    assert window.stack.currentWidget() is window.login_view  # still locked
    shown = visible_texts(panel(window))
    assert "Alarm: bezoek van Sanne — ontgrendel voor details" in shown
    assert all(t == "⚠" or LOCKED.match(t) for t in shown), shown
    everything = " ".join(visible_texts(window)) + " " + window.windowTitle()
    for private in ("Willemstraat", "6412", "Heerlen", "Visser", "Pieters", "Ahmed", "09:15"):
        assert private not in everything
    for r in panel(window).rows:
        assert not r.acknowledge_button.isVisible() and not r.call_button.isVisible()
    qtbot.waitUntil(lambda: len(desktop.sent) == 1, timeout=2000)
    assert desktop.messages() == ["Alarm: bezoek van Sanne — ontgrendel voor details"]

    log_in(qtbot, window, "ahmed")  # unlock: the full panel is there
    assert not panel(window).locked
    row = row_for(window, visit, ReminderKind.CALLBACK_DUE)
    assert "Willemstraat 7B" in row.label.text() and row.acknowledge_button.isVisible()
    assert panel(window).title.isVisible()


def test_restart_catches_up_late_with_the_original_time(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow, desktop: Desktop
) -> None:
    visit = running_visit(demo)
    first = make_window()
    log_in(qtbot, first, "ahmed")
    assert first.scheduler is not None
    old_scheduler = first.scheduler
    first.close()
    assert not old_scheduler.running and first.ctx is None

    demo.clock.set(visit.first_callback + 20 * MIN)  # the app was closed meanwhile
    second = make_window()
    log_in(qtbot, second, "ahmed")
    row = row_for(second, visit, ReminderKind.CALLBACK_DUE)
    assert row.alarm.raised_late and row.alarm.due_at == visit.first_callback
    assert row.alarm.raised_at == visit.first_callback + 20 * MIN
    assert row.label.text() == (
        "TE LAAT (oorspronkelijk 09:15) — Terugbelmoment: bel nu Sanne Visser "
        f"({format_phone(SANNE_PHONE)}) — Willemstraat 7B, 6412 AA Heerlen."
    )
    qtbot.waitUntil(
        lambda: any(
            m.startswith("TE LAAT (oorspronkelijk 09:15): Bel nu Sanne.")
            for m in desktop.messages()
        ),
        timeout=2000,
    )
    assert second.ctx is not None
    dialog = opened_detail(qtbot, second, visit.id)
    assert ("⚠ Alarm", "Terugbelmoment (te laat)") in [
        (e.what, e.detail) for e in dialog.timeline.entries()
    ]


def test_retry_and_overdue_alarms_reach_the_buddy(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow
) -> None:
    visit = running_visit(demo, minutes=30)
    window = make_window()
    log_in(qtbot, window, "ahmed")
    check_at(demo, window, visit.first_callback)
    first = row_for(window, visit, ReminderKind.CALLBACK_DUE).alarm
    assert window.ctx is not None and window.scheduler is not None
    visits.record_call(window.ctx, visit.id, reached=False, callback_id=first.callback_id)
    rebuilt: list[int] = []
    window.scheduler.rebuilt.connect(rebuilt.append)
    window.hub.visits_changed.emit()  # what the call dialog does after saving
    qtbot.waitUntil(lambda: rebuilt != [], timeout=5000)
    acknowledge(qtbot, window, row_for(window, visit, ReminderKind.CALLBACK_DUE))
    retry_due = visit.first_callback + 5 * MIN
    assert mine(check_at(demo, window, retry_due - SEC), visit) == []
    (retry,) = mine(check_at(demo, window, retry_due), visit)
    assert retry.callback_id != first.callback_id and retry.kind is ReminderKind.CALLBACK_DUE
    assert row_for(window, visit, ReminderKind.CALLBACK_DUE).alarm.due_at == retry_due

    overdue_due = visit.end + 15 * MIN
    fired = check_at(demo, window, overdue_due)
    assert ReminderKind.OVERDUE_ALARM in [a.kind for a in fired]
    overdue = row_for(window, visit, ReminderKind.OVERDUE_ALARM)
    assert overdue.label.text().startswith("Te laat terug: Sanne Visser")
    assert "is nog niet terug — Willemstraat 7B, 6412 AA Heerlen. Alarm om 09:50." in (
        overdue.label.text()
    )
    # Most urgent first: overdue above the call-back moments.
    kinds = [r.alarm.kind for r in panel(window).rows if r.alarm.visit_id == visit.id]
    assert kinds[0] is ReminderKind.OVERDUE_ALARM


def test_the_visitor_sees_that_the_buddy_is_alarmed_and_reports_back_from_it(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow, desktop: Desktop
) -> None:
    """Sanne is back at her desk but forgot to report back; Ahmed (buddy) has the overdue
    alarm. Her app shows it in amber, for information (no sound, not an open alarm),
    and *Terugmelden…* takes her to *Terug, veilig*."""
    from veilig_huisbezoek.gui.my_visits import MyVisitsPage

    visit = running_visit(demo, minutes=30)
    only_this_visit_runs(demo, visit)
    demo.clock.set(visit.end + 16 * MIN)
    ahmed = demo.login("ahmed")
    overdue = next(
        r
        for r in alarms.snapshot(ahmed).reminders()
        if r.visit_id == visit.id and r.kind is ReminderKind.OVERDUE_ALARM
    )
    raised = alarms.raise_alarm(ahmed, overdue, raised_late=False)

    window = make_window()
    log_in(qtbot, window, "sanne")
    row = row_for(window, visit, ReminderKind.OVERDUE_ALARM)
    assert row.alarm.for_visitor
    # Ahmed (the buddy) is not logged in anywhere: the row says so once presence is read.
    qtbot.waitUntil(lambda: "kijkt mee" in row.label.text(), timeout=10_000)
    assert row.label.text() == (
        "U bent te laat terug (Willemstraat 7B): Ahmed is om 09:50 gewaarschuwd. "
        "Bent u terug? Meld u dan nu terug. ⚠ Niemand kijkt mee sinds 09:05."
    )
    assert row.icon.text() == "ℹ" and row.report_button.isVisible()
    assert not row.acknowledge_button.isVisible() and not row.call_button.isVisible()
    assert panel(window).title.text() == "ℹ Melding over uw bezoek"
    assert panel(window).property("informational") is True
    assert not panel(window).banner.isVisible()
    # Information, not her alarm: no sound, no desktop message, no alarm in the title.
    assert window.open_alarm_count == 0
    assert window.notifier.sounds_played == 0 and desktop.sent == []
    assert window.notifier.tray_state is TrayState.NORMAL
    assert not window.windowTitle().startswith("⚠")

    # Locked (a laptop taken along): nothing of it shows.
    window.lock()
    assert not panel(window).isVisible() and panel(window).rows == []
    log_in(qtbot, window, "sanne")
    row = row_for(window, visit, ReminderKind.OVERDUE_ALARM)

    qtbot.mouseClick(row.report_button, Qt.MouseButton.LeftButton)
    workspace = window.workspace
    assert workspace is not None
    page = workspace.pages["my_visits"]
    assert isinstance(page, MyVisitsPage)
    assert workspace.tabs.currentWidget() is page and page.selected_id() == visit.id
    assert page.safe_button.hasFocus()
    qtbot.mouseClick(page.safe_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    assert box is not None
    qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel(window).isVisible(), timeout=5000)

    # Ahmed's alarm stays his to acknowledge, and now says that she is back.
    (still,) = [a for a in alarms.open_alarms(ahmed) if a.id == raised.id]
    assert still.visit_ended


def test_escalation_reaches_the_leidinggevende_with_a_banner(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow
) -> None:
    visit = running_visit(demo)
    window = make_window()
    log_in(qtbot, window, "petra")
    escalation_due = visit.first_callback + 10 * MIN
    # Ahmed (the buddy) is present somewhere: no failover, only the escalation.
    present_at(demo, "ahmed", escalation_due - SEC)
    fired = check_at(demo, window, escalation_due - SEC)
    assert all(a.visit_id != visit.id for a in fired)
    present_at(demo, "ahmed", escalation_due)
    fired = check_at(demo, window, escalation_due)
    # (A demo visit's escalation may repeat at the same moment.)
    assert [(a.visit_id, a.kind) for a in mine(fired, visit)] == [
        (visit.id, ReminderKind.ESCALATION)
    ]
    banner = panel(window).banner
    assert banner.isVisible() and "ESCALATIE" in banner.text()
    row = row_for(window, visit, ReminderKind.ESCALATION)
    assert row.label.text().startswith("Escalatie: alarm niet bevestigd — bezoek van Sanne Visser")
    assert panel(window).rows[0].alarm.kind is ReminderKind.ESCALATION  # on top

    acknowledge(qtbot, window, row)
    assert all(r.alarm.visit_id != visit.id for r in panel(window).rows)
    # The buddy's app no longer raises that escalation: it is acknowledged.
    ahmed = service_log_in(demo.data_dir, "ahmed", DEMO_PASSWORDS["ahmed"], demo.clock)
    demo.opened.append(ahmed)
    assert visit.id not in [
        r.visit_id for r in alarms.snapshot(ahmed).reminders() if r.kind is ReminderKind.ESCALATION
    ]


def test_an_emergency_reaches_the_leidinggevende_at_once_with_a_banner(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow, desktop: Desktop
) -> None:
    """Ahmed (buddy) records that Sanne answered with her last name: Petra's app alarms
    at once, the most urgent row, with the emergency banner."""
    from veilig_huisbezoek.domain.call_outcome import NameUsed

    visit = running_visit(demo)
    demo.clock.set(visit.first_callback + MIN)
    ahmed = demo.login("ahmed")
    visits.record_call(ahmed, visit.id, reached=True, name_used=NameUsed.ACHTERNAAM)
    window = make_window()
    log_in(qtbot, window, "petra")
    row = row_for(window, visit, ReminderKind.EMERGENCY)
    qtbot.waitUntil(lambda: "kijkt mee" in row.label.text(), timeout=10_000)
    assert row.label.text() == (
        "NOODSITUATIE bij het bezoek van Sanne Visser "
        f"({format_phone(SANNE_PHONE)}) — Willemstraat 7B, 6412 AA Heerlen: Ahmed (buddy) "
        "heeft alarm geslagen en belt de politie of u. Om 09:16. "
        "⚠ Niemand kijkt mee sinds 09:05."
    )
    assert panel(window).rows[0] is row  # above everything else
    banner = panel(window).banner
    assert banner.isVisible() and banner.text() == "⚠ NOODSITUATIE: een buddy heeft alarm geslagen"
    assert row.call_button.isVisible() and row.acknowledge_button.isVisible()
    assert window.notifier.sounds_played >= 1
    qtbot.waitUntil(
        lambda: (
            "De buddy van Sanne heeft alarm geslagen. Open Veilig Huisbezoek voor de "
            "gegevens." in desktop.messages()
        ),
        timeout=2000,
    )
    acknowledge(qtbot, window, row)
    assert all(r.alarm.kind is not ReminderKind.EMERGENCY for r in panel(window).rows)
    assert window.ctx is not None
    dialog = opened_detail(qtbot, window, visit.id)
    entries = [(e.what, e.who, e.detail) for e in dialog.timeline.entries()]
    assert ("Alarm bevestigd", "Petra de Groot", "Noodsituatie, aan leidinggevenden") in entries


def test_a_departure_without_a_reachable_buddy_sounds_on_the_leidinggevendes_desk(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow, desktop: Desktop
) -> None:
    """No schedule raises it (Sanne's desk records it as she leaves): Petra's desk finds
    it on its next reload (NOTIFY on a team server) and sounds it, once."""
    window = make_window()
    log_in(qtbot, window, "petra")
    sounds = window.notifier.sounds_played
    visit = running_visit(demo, anyway="Ahmed belt mij vanaf zijn mobiel.")
    window.hub.visits_changed.emit()  # what the live listener does on a team server
    qtbot.waitUntil(
        lambda: any(
            r.alarm.visit_id == visit.id and r.alarm.kind is ReminderKind.UNWATCHED_DEPARTURE
            for r in panel(window).rows
        ),
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: window.notifier.sounds_played > sounds, timeout=2_000)
    told = "Sanne is vertrokken zonder bereikbare buddy. Open Veilig Huisbezoek voor de gegevens."
    assert desktop.messages().count(told) == 1
    # Another reload does not sound it again.
    heard = window.notifier.sounds_played
    refresh_panel(qtbot, panel(window))
    assert window.notifier.sounds_played == heard
    assert desktop.messages().count(told) == 1


def test_without_a_desktop_channel_the_alarm_still_shows_and_it_is_noted_once(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow, desktop: Desktop
) -> None:
    desktop.broken = True
    visit = running_visit(demo)
    window = make_window()
    log_in(qtbot, window, "ahmed")
    check_at(demo, window, visit.first_callback)
    qtbot.waitUntil(lambda: window.notifier.failure_noted, timeout=2000)
    assert panel(window).isVisible()
    assert (
        row_for(window, visit, ReminderKind.CALLBACK_DUE)
        .label.text()
        .startswith("Terugbelmoment: bel nu Sanne Visser")
    )
    assert window.statusBar().currentMessage() == (
        "Bureaubladmeldingen zijn niet beschikbaar; alarmen verschijnen in de app."
    )


def test_tray_follows_the_alarms_or_is_skipped(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow
) -> None:
    visit = running_visit(demo)
    window = make_window()
    assert window.notifier.has_tray == QSystemTrayIcon.isSystemTrayAvailable()
    log_in(qtbot, window, "ahmed")
    for row in list(panel(window).rows):  # demo alarms from before: acknowledge them
        acknowledge(qtbot, window, row)
    assert window.notifier.tray_state is TrayState.NORMAL
    assert not window.windowTitle().startswith("⚠")
    check_at(demo, window, visit.first_callback)
    assert window.notifier.tray_state is TrayState.ALARM
    acknowledge(qtbot, window, row_for(window, visit, ReminderKind.CALLBACK_DUE))
    assert window.notifier.tray_state is TrayState.NORMAL


def test_logout_stops_the_schedule_before_the_store_closes(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow
) -> None:
    visit = running_visit(demo)
    window = make_window()
    log_in(qtbot, window, "ahmed")
    scheduler = window.scheduler
    assert scheduler is not None
    check_at(demo, window, visit.first_callback)
    assert window.notifier.tray_state is TrayState.ALARM
    window.end_session()  # past the handover (tests/gui/test_leaving.py)
    assert not scheduler.running and window.scheduler is None and window.alarm_panel is None
    assert window.notifier.tray_state is TrayState.NORMAL
    assert window.windowTitle() == "Veilig Huisbezoek"
    window.hub.visits_changed.emit()  # nothing listens any more; nothing breaks
    # The next person gets their own schedule and panel.
    log_in(qtbot, window, "ahmed")
    assert window.scheduler is not None and window.scheduler is not scheduler
    assert row_for(window, visit, ReminderKind.CALLBACK_DUE).alarm.due_at == visit.first_callback


def test_an_incident_deadline_names_the_incident_and_opens_it(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow
) -> None:
    from veilig_huisbezoek.domain.incident import IncidentReport
    from veilig_huisbezoek.gui.incident_dialog import IncidentDialog
    from veilig_huisbezoek.services import incidents

    sanne = demo.login("sanne")
    incident_id = incidents.file_incident(
        sanne,
        IncidentReport.create(
            occurred_at=demo.clock.now() - 30 * MIN,
            channel="telefoon",
            category="C",
            wie="Beller",
            wat="Dreigde de consulent iets aan te doen.",
            waar="Telefoon",
            now=demo.clock.now(),
        ),
    )
    window = make_window()
    log_in(qtbot, window, "petra")
    check_at(demo, window, demo.clock.now() + 21 * 60 * MIN)  # past the 20-hour reminder
    rows = [r for r in panel(window).rows if r.incident_id == incident_id]
    assert rows, [r.label.text() for r in panel(window).rows]
    row = next(r for r in rows if "melding/aangifte" in r.label.text())
    assert f"incident nr. {incident_id}" in row.label.text()
    assert not row.call_button.isVisible() and row.open_button.isVisible()
    panel(window).rows_area.ensureWidgetVisible(row)  # scroll to it, as a person would
    assert row.height() >= row.open_button.sizeHint().height()  # not squeezed flat
    qtbot.mouseClick(row.open_button, Qt.MouseButton.LeftButton)
    assert window.workspace is not None
    workspace = window.workspace
    qtbot.waitUntil(lambda: workspace.incident_dialog is not None)  # read first (task runner)
    dialog = workspace.incident_dialog
    assert isinstance(dialog, IncidentDialog) and dialog.isVisible()
    assert dialog.incident_id == incident_id
    dialog.close()


def test_a_long_job_on_the_window_runner_does_not_hold_up_an_alarm(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow
) -> None:
    """The scheduler has a task runner of its own: while a page's long job (a backup, a
    PDF) occupies the window's runner, a call-back that falls due still alarms."""
    import threading

    visit = running_visit(demo)
    window = make_window()
    log_in(qtbot, window, "ahmed")
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    release = threading.Event()
    done: list[object] = []
    window.tasks.run(lambda: release.wait(30), done.append, done.append)
    try:
        fired = alarm_by_tick(qtbot, demo, window, visit.first_callback, visit)
        assert [a.kind for a in fired] == [ReminderKind.CALLBACK_DUE]
        assert window.tasks.busy and done == []  # the long job is still running
        # The row is there at once (its refresh waits for the window's runner).
        assert [r.alarm.kind for r in panel(window).rows if r.alarm.visit_id == visit.id] == [
            ReminderKind.CALLBACK_DUE
        ]
        assert "ALARM" in window.windowTitle()
    finally:
        release.set()
    qtbot.waitUntil(lambda: done == [True], timeout=10_000)
