"""A team server that cannot be reached never silences an alarm: it fires locally from
the last known schedule, marked as not recorded, and is recorded (once) when the
server is back, with an acknowledgement given meanwhile.

The store is made unreachable by a fake: its sessions raise ``StoreUnreachableError``
as a ``TeamStore`` does while its live connection knows the server is lost."""

from __future__ import annotations

import dataclasses
from contextlib import AbstractContextManager
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import Team
from tests.reminders.conftest import Harness, Running
from tests.reminders.helpers import ADDRESS, refresh_panel, running_visit, settle_panel
from veilig_huisbezoek.domain.reminders import ReminderKind, callback_key, escalation_key
from veilig_huisbezoek.gui.alarm_panel import AlarmPanel
from veilig_huisbezoek.gui.hub import AppHub
from veilig_huisbezoek.services import alarms
from veilig_huisbezoek.services.alarms import AlarmInfo
from veilig_huisbezoek.services.visit_details import get_visit_detail
from veilig_huisbezoek.storage.errors import StoreUnreachableError
from veilig_huisbezoek.storage.models import Alarm

pytestmark = pytest.mark.gui

MIN = timedelta(minutes=1)
SEC = timedelta(seconds=1)
NOTE = "(nog niet vastgelegd — geen verbinding)"


class Outage:
    """Switches one context's store between reachable and 'server unreachable'."""

    def __init__(self, run: Running, monkeypatch: pytest.MonkeyPatch) -> None:
        self.store = run.ctx.store
        self.monkeypatch = monkeypatch
        self.real = self.store.session
        self.attempts = 0

    def start(self) -> None:
        def unreachable() -> AbstractContextManager[object]:
            self.attempts += 1
            raise StoreUnreachableError("De teamserver is niet bereikbaar.")

        self.monkeypatch.setattr(self.store, "session", unreachable)

    def end(self) -> None:
        self.monkeypatch.setattr(self.store, "session", self.real)


def _alarm_rows(team: Team, key: str) -> list[Alarm]:
    ctx = team.login("anna")
    try:
        with ctx.store.session() as session:
            return list(session.execute(select(Alarm).where(Alarm.reminder_key == key)).scalars())
    finally:
        ctx.store.close()


def _with_panel(
    harness: Harness, qtbot: QtBot, user: str, hub: AppHub
) -> tuple[Running, AlarmPanel]:
    """A scheduler (not started) and the alarm panel wired as the main window does."""
    run = harness.start(user, start=False, keep_contacts=True)
    panel = AlarmPanel(run.ctx, hub, harness.task_runner())
    qtbot.addWidget(panel)
    run.scheduler.reminder_due.connect(panel.show_alarm)
    run.scheduler.local_alarm_recorded.connect(panel.alarm_recorded)
    panel.acknowledged_locally.connect(run.scheduler.acknowledge_local)
    return run, panel


def test_due_while_offline_fires_locally_and_is_recorded_once_when_back(
    harness: Harness, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = team.clock.now() + 5 * MIN
    visit_id = running_visit(team, start=start, end=start + 60 * MIN)
    buddy = harness.start("bram", keep_contacts=True)
    recorded: list[tuple[AlarmInfo, AlarmInfo | None]] = []
    buddy.scheduler.local_alarm_recorded.connect(lambda a, b: recorded.append((a, b)))
    due = buddy.scheduler.next_due()
    assert due == start + 10 * MIN
    outage = Outage(buddy, monkeypatch)
    outage.start()

    harness.advance(due - team.clock.now() + SEC)
    buddy.scheduler.tick()
    (local,) = buddy.fired
    assert not local.recorded and local.id < 0
    assert local.kind is ReminderKind.CALLBACK_DUE and local.reminder_key.startswith("callback:")
    assert local.due_at == due and not local.raised_late and local.raised_at == due + SEC
    assert local.visit_id == visit_id and local.visitor_first_name == "Sanne"
    assert local.visitor_name == "Sanne Visser" and local.address == ADDRESS
    assert buddy.scheduler.local_alarms == [local]
    # Still offline: every tick tries again, nothing fires twice.
    for _ in range(3):
        harness.advance(5 * SEC)
        buddy.scheduler.tick()
    assert len(buddy.fired) == 1 and recorded == []
    assert outage.attempts >= 4

    harness.advance(20 * MIN)
    outage.end()
    buddy.scheduler.tick()
    assert len(buddy.fired) == 1  # recorded, not fired again
    ((was, now),) = recorded
    assert was is local and now is not None and now.recorded and now.id > 0
    assert now.reminder_key == local.reminder_key and now.due_at == due
    # Recorded with the moment it went off here (on time), not when the server was back.
    assert now.raised_at == local.raised_at and not now.raised_late
    assert (now.visitor_name, now.visitor_phone, now.address) == (
        local.visitor_name,
        local.visitor_phone,
        local.address,
    )
    assert buddy.scheduler.local_alarms == []
    harness.advance(5 * SEC)
    buddy.scheduler.tick()
    buddy.scheduler.rebuild()
    assert len(buddy.fired) == 1 and len(recorded) == 1
    assert len(_alarm_rows(team, local.reminder_key)) == 1
    assert [a.id for a in alarms.open_alarms(buddy.ctx)] == [now.id]


def test_late_while_offline_is_recorded_late_with_its_due_time(
    harness: Harness, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 60 * MIN)
    buddy = harness.start("bram", keep_contacts=True)
    recorded: list[AlarmInfo | None] = []
    buddy.scheduler.local_alarm_recorded.connect(lambda _a, b: recorded.append(b))
    outage = Outage(buddy, monkeypatch)
    outage.start()
    harness.advance(20 * MIN)  # e.g. the machine was busy: 5 minutes late
    buddy.scheduler.tick()
    (local,) = buddy.fired
    assert local.raised_late and local.due_at == start + 10 * MIN
    outage.end()
    buddy.scheduler.tick()
    (now,) = recorded
    assert now is not None and now.raised_late and now.due_at == start + 10 * MIN


def test_acknowledged_while_offline_is_recorded_with_who_and_when(
    harness: Harness, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Petra (leidinggevende) is the buddy: her own escalation would follow 10 minutes
    later; acknowledged here while offline, it does not, and neither after."""
    start = team.clock.now() + 5 * MIN
    visit_id = running_visit(team, start=start, end=start + 60 * MIN, buddy="petra")
    lead = harness.start("petra", keep_contacts=True)
    recorded: list[AlarmInfo | None] = []
    lead.scheduler.local_alarm_recorded.connect(lambda _a, b: recorded.append(b))
    outage = Outage(lead, monkeypatch)
    outage.start()
    harness.advance(15 * MIN + SEC)
    lead.scheduler.tick()
    (local,) = lead.fired
    harness.advance(2 * MIN)
    acknowledged_at = team.clock.now()
    assert lead.scheduler.acknowledge_local(local)
    assert not lead.scheduler.acknowledge_local(
        dataclasses.replace(local, reminder_key="callback:999999")
    )
    harness.advance(15 * MIN)  # past the escalation moment
    lead.scheduler.tick()
    assert lead.fired == [local]
    outage.end()
    lead.scheduler.tick()
    (now,) = recorded
    assert now is not None and now.acknowledged
    assert now.acknowledged_at == acknowledged_at and now.acknowledged_by == "Petra de Groot"
    harness.advance(5 * SEC)
    lead.scheduler.tick()
    assert lead.fired == [local]  # no escalation, no second alarm
    assert _alarm_rows(team, escalation_key(local.reminder_key)) == []
    assert alarms.open_alarms(lead.ctx) == []
    events = get_visit_detail(lead.ctx, visit_id).events
    assert [(e.kind, e.actor) for e in events if e.kind.startswith("alarm")] == [
        ("alarm", ""),
        ("alarm_bevestigd", "Petra de Groot"),
    ]


def test_a_rebuild_on_the_task_runner_records_the_local_alarm_when_back(
    harness: Harness, team: Team, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """The app's rebuild (on the worker) records a local alarm once the server is back;
    the GUI thread only swaps the row (``local_alarm_recorded``) and fires nothing."""
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 60 * MIN)
    tasks = harness.task_runner()
    buddy = harness.start("bram", keep_contacts=True, tasks=tasks, tick_ms=3_600_000)
    recorded: list[AlarmInfo | None] = []
    buddy.scheduler.local_alarm_recorded.connect(lambda _a, b: recorded.append(b))
    rebuilt: list[int] = []
    buddy.scheduler.rebuilt.connect(rebuilt.append)
    outage = Outage(buddy, monkeypatch)
    outage.start()
    harness.advance(15 * MIN + SEC)  # the first call-back is due
    buddy.scheduler.request_rebuild()  # unreachable: fired here from the last schedule
    qtbot.waitUntil(lambda: rebuilt != [] and not tasks.busy, timeout=10_000)
    (local,) = buddy.fired
    assert not local.recorded and buddy.scheduler.local_alarms == [local]

    outage.end()
    harness.advance(5 * SEC)
    buddy.scheduler.request_rebuild()
    qtbot.waitUntil(lambda: len(rebuilt) == 2 and not tasks.busy, timeout=10_000)
    (now,) = recorded
    assert now is not None and now.recorded and now.reminder_key == local.reminder_key
    assert now.raised_at == local.raised_at
    assert buddy.fired == [local] and buddy.scheduler.local_alarms == []
    buddy.scheduler.tick()
    assert buddy.fired == [local] and len(_alarm_rows(team, local.reminder_key)) == 1


def test_a_server_lost_while_the_worker_records_still_alarms_here(
    harness: Harness, team: Team, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """The snapshot was read, then the server went while the worker recorded the due
    alarm: it fires here as a local alarm (never silent), recorded when back."""
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 60 * MIN)
    tasks = harness.task_runner()
    buddy = harness.start("bram", keep_contacts=True, tasks=tasks, tick_ms=3_600_000)
    rebuilt: list[int] = []
    buddy.scheduler.rebuilt.connect(rebuilt.append)

    def lost(*_args: object, **_kwargs: object) -> AlarmInfo:
        raise StoreUnreachableError("De teamserver is niet bereikbaar.")

    with monkeypatch.context() as patch:
        patch.setattr(alarms, "raise_alarm", lost)
        harness.advance(15 * MIN + SEC)  # the first call-back is due
        buddy.scheduler.request_rebuild()
        qtbot.waitUntil(lambda: rebuilt != [] and not tasks.busy, timeout=10_000)
    (local,) = buddy.fired
    assert not local.recorded and local.kind is ReminderKind.CALLBACK_DUE
    assert local.visitor_name == "Sanne Visser" and buddy.scheduler.local_alarms == [local]
    harness.advance(5 * SEC)
    buddy.scheduler.request_rebuild()  # back: recorded, not fired again
    qtbot.waitUntil(lambda: len(rebuilt) == 2 and not tasks.busy, timeout=10_000)
    assert buddy.fired == [local] and buddy.scheduler.local_alarms == []
    assert len(_alarm_rows(team, local.reminder_key)) == 1


def test_the_embedded_store_records_at_once_and_has_no_local_alarms(
    harness: Harness, team: Team
) -> None:
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 60 * MIN)
    buddy = harness.start("bram")
    assert not buddy.scheduler._keep_contacts  # the embedded store never loses its server
    harness.advance(15 * MIN)
    buddy.scheduler.tick()
    (alarm,) = buddy.fired
    assert alarm.recorded and alarm.id > 0 and buddy.scheduler.local_alarms == []


def test_the_panel_marks_a_local_alarm_and_swaps_it_for_the_recorded_one(
    harness: Harness, team: Team, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 60 * MIN)
    hub = AppHub()
    buddy, panel = _with_panel(harness, qtbot, "bram", hub)
    counts: list[int] = []
    panel.open_count_changed.connect(counts.append)
    buddy.scheduler.start()
    outage = Outage(buddy, monkeypatch)
    outage.start()
    hub.offline = True
    harness.advance(15 * MIN + SEC)
    buddy.scheduler.tick()
    (text,) = panel.row_texts()
    assert text.startswith("Terugbelmoment: bel nu Sanne Visser") and text.endswith(NOTE)
    assert "Akerstraat 12" in text
    (row,) = panel.rows
    assert row.call_button.isHidden() and not row.acknowledge_button.isHidden()
    assert "verbinding" in row.acknowledge_button.toolTip()
    refresh_panel(qtbot, panel)  # offline: nothing happens
    assert panel.row_texts() == [text]

    outage.end()
    hub.offline = False
    refresh_panel(qtbot, panel)  # the reconnect reload comes first: the local row stays
    assert panel.row_texts() == [text]
    buddy.scheduler.tick()
    (after,) = panel.row_texts()
    assert NOTE not in after and after.startswith("Terugbelmoment: bel nu Sanne Visser")
    (alarm,) = panel.alarms
    assert alarm.recorded and alarm.id > 0
    assert not panel.rows[0].call_button.isHidden()
    refresh_panel(qtbot, panel)
    assert [a.id for a in panel.alarms] == [alarm.id]
    assert counts == [1]  # never 0 in between, never 2


def test_the_panel_acknowledges_a_local_alarm_and_it_is_recorded_when_back(
    harness: Harness, team: Team, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 60 * MIN)
    hub = AppHub()
    buddy, panel = _with_panel(harness, qtbot, "bram", hub)
    messages: list[str] = []
    hub.status_message.connect(messages.append)
    buddy.scheduler.start()
    outage = Outage(buddy, monkeypatch)
    outage.start()
    hub.offline = True
    harness.advance(15 * MIN + SEC)
    buddy.scheduler.tick()
    harness.advance(MIN)
    acknowledged_at = team.clock.now()
    panel.rows[0].acknowledge_button.click()
    assert panel.rows == [] and panel.isHidden()
    assert messages and "vastgelegd zodra de verbinding terug is" in messages[-1]
    harness.advance(5 * MIN)
    outage.end()
    hub.offline = False
    refresh_panel(qtbot, panel)
    buddy.scheduler.tick()
    refresh_panel(qtbot, panel)
    assert panel.rows == []
    (key,) = {a.reminder_key for a in buddy.fired}
    assert key == callback_key(buddy.fired[0].callback_id or 0)
    (row,) = _alarm_rows(team, key)
    assert row.acknowledged_at == acknowledged_at
    assert row.acknowledged_by == team.ids["bram"]


def test_an_alarm_recorded_before_the_outage_is_acknowledged_while_it_lasts(
    harness: Harness, team: Team, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The alarm went off and was recorded; then the server was lost. Acknowledging it
    hides it at once, its escalation does not go off meanwhile, and the acknowledgement
    is recorded with its own moment once the server is back."""
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 60 * MIN, buddy="petra")
    hub = AppHub()
    lead, panel = _with_panel(harness, qtbot, "petra", hub)
    lead.scheduler.start()
    harness.advance(15 * MIN + SEC)
    lead.scheduler.tick()
    (alarm,) = lead.fired
    assert alarm.recorded and NOTE not in panel.row_texts()[0]

    outage = Outage(lead, monkeypatch)
    outage.start()
    hub.offline = True
    harness.advance(MIN)
    acknowledged_at = team.clock.now()
    panel.rows[0].acknowledge_button.click()
    assert panel.rows == [] and panel.isHidden() and not panel.problem.isVisible()
    harness.advance(15 * MIN)  # past the escalation moment (Petra would get it too)
    lead.scheduler.tick()
    assert lead.fired == [alarm] and panel.rows == []
    assert lead.scheduler.local_alarms == []  # nothing of it is an unrecorded alarm

    outage.end()
    hub.offline = False
    refresh_panel(qtbot, panel)  # the reconnect reload comes first: it stays acknowledged here
    assert panel.rows == []
    lead.scheduler.tick()
    (row,) = _alarm_rows(team, alarm.reminder_key)
    assert row.acknowledged_at == acknowledged_at
    assert row.acknowledged_by == team.ids["petra"]
    assert _alarm_rows(team, escalation_key(alarm.reminder_key)) == []
    harness.advance(5 * SEC)
    lead.scheduler.tick()
    refresh_panel(qtbot, panel)
    assert lead.fired == [alarm] and panel.rows == []


def test_an_acknowledgement_that_meets_a_lost_connection_is_kept_for_later(
    harness: Harness, team: Team, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app did not know yet that the server was gone: the click still counts."""
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 60 * MIN)
    hub = AppHub()
    buddy, panel = _with_panel(harness, qtbot, "bram", hub)
    buddy.scheduler.start()
    harness.advance(15 * MIN + SEC)
    buddy.scheduler.tick()
    (alarm,) = buddy.fired
    outage = Outage(buddy, monkeypatch)
    outage.start()  # hub.offline still False: the listener has not noticed yet
    panel.rows[0].acknowledge_button.click()
    settle_panel(qtbot, panel)
    assert outage.attempts == 1 and panel.rows == [] and not panel.problem.isVisible()
    outage.end()
    buddy.scheduler.tick()
    (row,) = _alarm_rows(team, alarm.reminder_key)
    assert row.acknowledged_at is not None and row.acknowledged_by == team.ids["bram"]
