"""The scheduler's own timers (the tick, the precise wake-up) never open a store session
on the GUI thread when it has a task runner, and a pass that does not come back never
holds up an alarm (reminders/scheduler.py ``_fire_when_due``)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import Team
from tests.reminders.conftest import Harness
from tests.reminders.helpers import probe_gui_thread, running_visit
from veilig_huisbezoek.domain.reminders import ReminderKind
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.reminders.scheduler import PASS_PATIENCE_S
from veilig_huisbezoek.services.alarms import AlarmInfo

MIN = timedelta(minutes=1)
SEC = timedelta(seconds=1)


@pytest.fixture
def blocked(harness: Harness) -> Iterator[tuple[TaskRunner, threading.Event]]:
    """A task runner whose worker is held by a job until the event is set."""
    tasks = harness.task_runner()
    release = threading.Event()
    tasks.run(lambda: release.wait(30), lambda _r: None, lambda _e: None)
    yield tasks, release
    release.set()


@pytest.mark.parametrize("with_runner", [True, False])
def test_the_tick_reads_and_records_a_due_alarm_off_the_gui_thread(
    harness: Harness,
    team: Team,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    with_runner: bool,
) -> None:
    """With a task runner (the app) the tick that finds a call-back due re-reads and
    records it on the worker; without one (the control) it does so on the GUI thread,
    which shows that the probe sees it."""
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 60 * MIN)
    tasks = harness.task_runner() if with_runner else None
    buddy = harness.start("bram", tasks=tasks, tick_ms=3_600_000)
    if tasks is not None:
        qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    opened = probe_gui_thread(buddy.ctx, monkeypatch)
    harness.advance(15 * MIN)  # the first call-back is due; no clock jump
    buddy.scheduler.tick()
    if tasks is None:
        assert [a.kind for a in buddy.fired] == [ReminderKind.CALLBACK_DUE]
        assert opened != []
        return
    assert buddy.fired == []  # the tick only asked the worker
    qtbot.waitUntil(lambda: buddy.fired != [] and not tasks.busy, timeout=10_000)
    assert [a.kind for a in buddy.fired] == [ReminderKind.CALLBACK_DUE]
    assert buddy.fired[0].recorded and opened == []
    harness.advance(5 * SEC)
    buddy.scheduler.tick()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    assert len(buddy.fired) == 1 and opened == []  # once


def test_a_pass_that_does_not_come_back_does_not_hold_up_the_alarm(
    harness: Harness,
    team: Team,
    qtbot: QtBot,
    blocked: tuple[TaskRunner, threading.Event],
) -> None:
    """The worker is stuck (a server lost but not known lost yet): once the pass is
    ``PASS_PATIENCE_S`` late, the tick alarms from the last known schedule, and the
    alarm is recorded, not fired again, when the worker answers."""
    tasks, release = blocked
    start = team.clock.now() + 5 * MIN
    running_visit(team, start=start, end=start + 60 * MIN)
    # The schedule is read at login (synchronously here); then the worker is stuck.
    buddy = harness.start("bram", tasks=tasks, tick_ms=3_600_000, keep_contacts=True)
    recorded: list[AlarmInfo | None] = []
    buddy.scheduler.local_alarm_recorded.connect(lambda _a, b: recorded.append(b))
    harness.advance(15 * MIN)  # the first call-back is due
    buddy.scheduler.tick()  # asks the stuck worker
    assert buddy.fired == []
    harness.advance(timedelta(seconds=PASS_PATIENCE_S - 1))
    buddy.scheduler.tick()
    assert buddy.fired == []  # still within the patience
    harness.advance(2 * SEC)
    buddy.scheduler.tick()
    (local,) = buddy.fired
    assert local.kind is ReminderKind.CALLBACK_DUE and not local.recorded
    assert local.visitor_name == "Sanne Visser"
    release.set()
    qtbot.waitUntil(lambda: recorded != [] and not tasks.busy, timeout=10_000)
    (now,) = recorded
    assert now is not None and now.recorded and now.reminder_key == local.reminder_key
    assert buddy.fired == [local] and buddy.scheduler.local_alarms == []
