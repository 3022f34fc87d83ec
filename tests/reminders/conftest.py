"""Reminder fixtures: schedulers on the team store with a fake clock, and a leak check.

``no_leaked_timers_or_threads`` (autouse) fails a test that leaves a QTimer of the
reminder modules running or a new thread alive after teardown: a scheduler or notifier
that was not shut down.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QTimer

from tests.conftest import Team
from tests.reminders.helpers import FakeMonotonic
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.reminders import notifier as notifier_module
from veilig_huisbezoek.reminders import scheduler as scheduler_module
from veilig_huisbezoek.reminders.scheduler import ReminderScheduler
from veilig_huisbezoek.services.alarms import AlarmInfo
from veilig_huisbezoek.services.context import ServiceContext


@pytest.fixture(autouse=True)
def no_leaked_timers_or_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QTimer]]:
    created: list[QTimer] = []

    class TrackedTimer(QTimer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            created.append(self)

    for module in (scheduler_module, notifier_module):
        monkeypatch.setattr(module, "QTimer", TrackedTimer)
    threads_before = set(threading.enumerate())
    yield created
    running = [t for t in created if shiboken6.isValid(t) and t.isActive()]
    assert not running, f"{len(running)} QTimer(s) still running after the test"
    leaked = [t.name for t in threading.enumerate() if t not in threads_before and t.is_alive()]
    assert not leaked, f"threads still alive after the test: {leaked}"


@dataclass
class Running:
    scheduler: ReminderScheduler
    ctx: ServiceContext
    fired: list[AlarmInfo] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return [a.reminder_key for a in self.fired]


@dataclass
class Harness:
    """Schedulers on a fake clock. Everyone is *present* (docs/design.md §4a: a heartbeat at
    every start and every advance), so no visit is unwatched, unless a test takes
    someone out of ``present`` (then their last heartbeat stays where it was)."""

    team: Team
    monotonic: FakeMonotonic
    running: list[Running] = field(default_factory=list)
    present: set[str] | None = None  # None: everyone
    _keeper: ServiceContext | None = None
    _runners: list[TaskRunner] = field(default_factory=list)

    def task_runner(self) -> TaskRunner:
        """A task runner (one desk's), shut down before the stores close."""
        runner = TaskRunner()
        self._runners.append(runner)
        return runner

    def keep_present(self) -> None:
        """A heartbeat now for everyone present."""
        if self._keeper is None:
            self._keeper = self.team.login("anna")
        now = self.team.clock.now()
        for name, account_id in self.team.ids.items():
            if self.present is None or name in self.present:
                self._keeper.store.heartbeat(f"test-{name}", account_id, now, locked=False)

    def close(self) -> None:
        for runner in self._runners:
            runner.shutdown()
        self._runners.clear()
        for run in list(self.running):
            self.stop(run)
        if self._keeper is not None:
            self._keeper.store.close()
            self._keeper = None

    def start(self, name: str, *, start: bool = True, **options: Any) -> Running:
        """A scheduler for this person on the fake clock (APScheduler off)."""
        self.keep_present()
        ctx = self.team.login(name)
        scheduler = ReminderScheduler(ctx, monotonic=self.monotonic, **options)
        run = Running(scheduler, ctx)
        scheduler.reminder_due.connect(run.fired.append)
        self.running.append(run)
        if start:
            scheduler.start()
        return run

    def advance(self, delta: timedelta, *, suspended: bool = False) -> None:
        """Time passes; while suspended the monotonic clock stands still."""
        self.team.clock.advance(delta)
        if not suspended:
            self.monotonic.advance(delta.total_seconds())
        self.keep_present()

    def stop(self, run: Running) -> None:
        run.scheduler.shutdown()
        run.ctx.store.close()
        self.running.remove(run)


@pytest.fixture
def tasks(qapp: object) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def harness(team: Team, qapp: object) -> Iterator[Harness]:
    h = Harness(team, FakeMonotonic())
    yield h
    h.close()
