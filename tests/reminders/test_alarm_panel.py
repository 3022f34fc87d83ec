"""The in-app alarm panel: unmissable rows with words and a symbol, Bevestigen records
the acknowledgement, Bellen opens the call dialog, locked mode hides address and names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import Team
from tests.reminders.conftest import Harness, Running
from tests.reminders.helpers import refresh_panel, running_visit, settle_panel
from veilig_huisbezoek.domain.reminders import ReminderKind
from veilig_huisbezoek.gui.alarm_panel import MAX_VISIBLE_ROWS, ROWS_SCREEN_SHARE, AlarmPanel
from veilig_huisbezoek.gui.hub import AppHub
from veilig_huisbezoek.gui.screen_fit import available_geometry
from veilig_huisbezoek.services.visit_details import get_visit_detail

pytestmark = pytest.mark.gui

MIN = timedelta(minutes=1)


@dataclass
class Mounted:
    run: Running
    panel: AlarmPanel
    hub: AppHub
    visit_id: int
    window: QWidget


def _mount(harness: Harness, team: Team, qtbot: QtBot, name: str, visit_id: int) -> Mounted:
    """Wired the way the shell mounts it."""
    hub = AppHub()
    run = harness.start(name, start=False)
    window = QWidget()
    layout = QVBoxLayout(window)
    panel = AlarmPanel(run.ctx, hub, harness.task_runner())
    layout.addWidget(panel)
    qtbot.addWidget(window)
    window.show()
    run.scheduler.reminder_due.connect(panel.show_alarm)
    hub.visits_changed.connect(run.scheduler.rebuild)
    run.scheduler.start()
    return Mounted(run, panel, hub, visit_id, window)


@pytest.fixture
def visit_id(team: Team) -> int:
    start = team.clock.now() + 5 * MIN  # 08:05 UTC = 09:05 in Amsterdam
    return running_visit(team, start=start, end=start + 60 * MIN)


@pytest.fixture
def buddy(harness: Harness, team: Team, qtbot: QtBot, visit_id: int) -> Iterator[Mounted]:
    yield _mount(harness, team, qtbot, "bram", visit_id)


def test_panel_is_hidden_until_an_alarm_fires(harness: Harness, buddy: Mounted) -> None:
    assert not buddy.panel.isVisible() and buddy.panel.rows == []
    harness.advance(15 * MIN)
    buddy.run.scheduler.tick()
    assert buddy.panel.isVisible()
    (text,) = buddy.panel.row_texts()
    assert text == (
        "Terugbelmoment: bel nu Sanne Visser — Akerstraat 12A, 6411 HB Heerlen. Gepland om 09:15."
    )
    row = buddy.panel.rows[0]
    assert row.acknowledge_button.isVisible() and row.call_button.isVisible()
    assert "ALARM" in buddy.panel.title.text()


def test_late_alarms_say_so_with_the_original_time(
    harness: Harness, team: Team, qtbot: QtBot, visit_id: int
) -> None:
    harness.advance(3 * 60 * MIN)
    mounted = _mount(harness, team, qtbot, "bram", visit_id)
    texts = mounted.panel.row_texts()
    assert len(texts) == 3
    assert texts[0] == (
        "TE LAAT (oorspronkelijk 10:20) — Te laat terug: Sanne Visser is nog niet terug"
        " — Akerstraat 12A, 6411 HB Heerlen."
    )
    assert all(t.startswith("TE LAAT (oorspronkelijk ") for t in texts)
    assert {t[len("TE LAAT (oorspronkelijk ") :][:5] for t in texts[1:]} == {"09:15", "10:05"}


def test_bevestigen_records_and_removes_the_alarm(
    harness: Harness, buddy: Mounted, qtbot: QtBot
) -> None:
    harness.advance(15 * MIN)
    buddy.run.scheduler.tick()
    alarm_id = buddy.panel.alarms[0].id
    with (
        qtbot.waitSignal(buddy.panel.acknowledged) as acknowledged,
        qtbot.waitSignal(buddy.hub.visits_changed),
    ):
        qtbot.mouseClick(buddy.panel.rows[0].acknowledge_button, Qt.MouseButton.LeftButton)
    assert acknowledged.args == [alarm_id]
    assert buddy.panel.rows == [] and not buddy.panel.isVisible()
    events = get_visit_detail(buddy.run.ctx, buddy.visit_id).events
    assert [(e.kind, e.actor) for e in events][-1] == ("alarm_bevestigd", "Bram Smit")
    # The schedule was rebuilt: no escalation ahead for the acknowledged call-back.
    assert all(r.escalates != "callback:1" for r in buddy.run.scheduler.pending)


def test_bellen_opens_the_call_dialog_through_the_hub(
    harness: Harness, buddy: Mounted, qtbot: QtBot
) -> None:
    harness.advance(15 * MIN)
    buddy.run.scheduler.tick()
    alarm = buddy.panel.alarms[0]
    with qtbot.waitSignal(buddy.hub.call_requested) as requested:
        qtbot.mouseClick(buddy.panel.rows[0].call_button, Qt.MouseButton.LeftButton)
    assert requested.args == [buddy.visit_id, alarm.callback_id]
    assert buddy.panel.rows  # calling is not acknowledging: the alarm stays


def test_locked_panel_shows_first_name_only(harness: Harness, buddy: Mounted) -> None:
    buddy.panel.set_locked(True)
    harness.advance(15 * MIN)
    buddy.run.scheduler.tick()  # alarms still fire while locked
    assert buddy.panel.isVisible()
    (text,) = buddy.panel.row_texts()
    assert text == "Alarm: bezoek van Sanne — ontgrendel voor details"
    # Besides the symbol (its own label, so the words are exactly these), nothing more.
    row = buddy.panel.rows[0]
    assert row.icon.isVisible() and row.icon.text() == "⚠"
    assert not buddy.panel.title.isVisible() and not buddy.panel.banner.isVisible()
    shown = [w.text() for w in buddy.panel.findChildren(QLabel) if w.isVisible()]
    assert sorted(shown) == sorted(["⚠", text])
    for private in ("Akerstraat", "12A", "6411", "Heerlen", "Visser", "Janssen", "Bram"):
        assert private not in " ".join(shown)
    assert not row.acknowledge_button.isVisible() and not row.call_button.isVisible()
    buddy.panel.set_locked(False)
    assert "Akerstraat" in buddy.panel.row_texts()[0]
    assert buddy.panel.rows[0].acknowledge_button.isVisible() and buddy.panel.title.isVisible()


def test_escalation_banner_for_the_leidinggevende(
    harness: Harness, team: Team, qtbot: QtBot, visit_id: int
) -> None:
    lead = _mount(harness, team, qtbot, "petra", visit_id)
    harness.advance(25 * MIN)
    lead.run.scheduler.tick()
    assert lead.panel.banner.isVisible()
    assert "ESCALATIE" in lead.panel.banner.text()
    (text,) = lead.panel.row_texts()
    assert text.startswith("Escalatie: alarm niet bevestigd — bezoek van Sanne Visser")
    assert lead.panel.alarms[0].kind is ReminderKind.ESCALATION
    with qtbot.waitSignal(lead.panel.acknowledged):
        qtbot.mouseClick(lead.panel.rows[0].acknowledge_button, Qt.MouseButton.LeftButton)
    assert not lead.panel.banner.isVisible() and not lead.panel.isVisible()
    events = get_visit_detail(lead.run.ctx, visit_id).events
    assert ("alarm_bevestigd", "Petra de Groot", "escalatie") in [
        (e.kind, e.actor, e.detail) for e in events
    ]


def test_most_urgent_first(harness: Harness, team: Team, qtbot: QtBot, visit_id: int) -> None:
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 30 * MIN, buddy="anna")
    harness.advance(2 * 60 * MIN)
    anna = _mount(harness, team, qtbot, "anna", visit_id)
    kinds = [a.kind for a in anna.panel.alarms]
    assert kinds == sorted(kinds, key=lambda k: k.urgency)
    assert kinds[0] is ReminderKind.ESCALATION and ReminderKind.CALLBACK_DUE in kinds


def test_many_alarms_scroll_inside_the_panel_instead_of_pushing_the_page_away(
    harness: Harness, team: Team, qtbot: QtBot
) -> None:
    start = team.clock.now() + 5 * MIN
    for offset in range(3):  # three visits, each with call-backs and an overdue return
        running_visit(team, start=start + offset * MIN, end=start + (60 + offset) * MIN)
    harness.advance(3 * 60 * MIN)
    mounted = _mount(harness, team, qtbot, "bram", 0)
    panel = mounted.panel
    assert len(panel.rows) > MAX_VISIBLE_ROWS
    mounted.window.resize(1366, 768)
    bar = panel.rows_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the rest scrolls
    shown = panel.rows[:MAX_VISIBLE_ROWS]
    spacing = panel._rows_layout.spacing()
    expected = sum(panel.row_height(r) for r in shown) + spacing * (len(shown) - 1)
    # Room for three rows at this width, within a quarter of the screen together with
    # the title and the banner (but always the whole first row).
    above = sum(
        label.sizeHint().height()
        for label in (panel.title, panel.banner)
        if label.isVisibleTo(panel)
    )
    room = int(available_geometry(panel).height() * ROWS_SCREEN_SHARE) - above
    first = panel.row_height(shown[0])
    assert panel.rows_area.height() == min(expected, max(first, room))
    assert panel.rows_area.height() >= first
    panel.rows_area.ensureWidgetVisible(panel.rows[-1])
    assert bar.value() > 0
    qtbot.waitUntil(lambda: all(r.height() >= panel.row_height(r) for r in panel.rows))


def test_a_row_about_a_visit_says_who_watches_it(
    harness: Harness, team: Team, qtbot: QtBot, buddy: Mounted
) -> None:
    """The visitor's row about her own visit says whether Bram (her buddy) watches; the
    buddy's own rows do not name himself; nothing while locked (docs/design.md §4a)."""
    from veilig_huisbezoek.domain.presence import ABSENT_AFTER, PresenceSnapshot, SessionSeen

    harness.advance(15 * MIN)
    buddy.run.scheduler.tick()
    visitor = _mount(harness, team, qtbot, "sanne", buddy.visit_id)
    refresh_panel(qtbot, visitor.panel)
    (before,) = visitor.panel.row_texts()
    assert "kijkt mee" not in before  # nothing known yet: nothing claimed
    now = team.clock.now()
    visitor.hub.set_presence(PresenceSnapshot((SessionSeen(team.ids["bram"], now),), now))
    (text,) = visitor.panel.row_texts()
    assert text == f"{before} Bram kijkt mee."
    harness.advance(ABSENT_AFTER + MIN)
    visitor.hub.set_presence(visitor.hub.presence)
    (text,) = visitor.panel.row_texts()
    assert text == f"{before} ⚠ Niemand kijkt mee sinds 09:15."
    # The buddy's own row: he is the one watching.
    buddy.hub.set_presence(PresenceSnapshot((SessionSeen(team.ids["bram"], now),), now))
    assert "kijkt mee" not in buddy.panel.row_texts()[0]
    buddy.panel.set_locked(True)
    assert "kijkt mee" not in buddy.panel.row_texts()[0]


def test_bevestigen_shows_it_is_saving_and_a_failure_keeps_the_alarm(
    harness: Harness, buddy: Mounted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The acknowledgement is written on the task runner: meanwhile the row says it is
    being saved; a refusal is said in the row and the alarm stays."""
    import threading

    from veilig_huisbezoek.services import alarms
    from veilig_huisbezoek.storage.errors import StoreError

    harness.advance(15 * MIN)
    buddy.run.scheduler.tick()
    release = threading.Event()

    def slow_failure(_ctx: object, _alarm_id: int) -> None:
        release.wait(5)
        raise StoreError("kapot")

    monkeypatch.setattr(alarms, "acknowledge", slow_failure)
    row = buddy.panel.rows[0]
    qtbot.mouseClick(row.acknowledge_button, Qt.MouseButton.LeftButton)
    assert row.acknowledge_button.text() == "Bezig met opslaan…"
    assert not row.acknowledge_button.isEnabled() and buddy.panel.busy
    release.set()
    qtbot.waitUntil(lambda: row.problem.isVisibleTo(row))
    assert row.problem.text().startswith("Niet vastgelegd:")
    assert row.problem.text().endswith("Het alarm blijft staan.")
    assert buddy.panel.rows == [row] and buddy.panel.open_count == 1
    assert row.acknowledge_button.isEnabled() and row.acknowledge_button.text() == "Bevestigen"


def test_refreshes_are_coalesced_and_a_read_error_keeps_the_rows(
    harness: Harness, buddy: Mounted, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from veilig_huisbezoek.services import alarms
    from veilig_huisbezoek.storage.errors import StoreError

    harness.advance(15 * MIN)
    buddy.run.scheduler.tick()
    calls: list[int] = []

    def broken(_ctx: object, _session: object = None) -> list[object]:
        calls.append(1)
        raise StoreError("kapot")

    monkeypatch.setattr(alarms, "open_alarms", broken)
    for _ in range(5):
        buddy.panel.refresh()
    settle_panel(qtbot, buddy.panel)
    assert len(calls) == 2  # the one under way and one more
    assert len(buddy.panel.rows) == 1 and buddy.panel.isVisible()
