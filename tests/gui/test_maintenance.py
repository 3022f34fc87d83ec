"""MaintenanceRunner: backup and retention off the GUI thread, at start and hourly."""

from __future__ import annotations

import errno
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import Team
from veilig_huisbezoek.gui import maintenance as maintenance_module
from veilig_huisbezoek.gui.maintenance import HOUR_MS, MaintenanceReport, MaintenanceRunner
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.services import backups, retention
from veilig_huisbezoek.services.backups import list_backups
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.retention import RetentionResult
from veilig_huisbezoek.storage import backup_file

pytestmark = pytest.mark.gui


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def opened(team: Team) -> Iterator[list[ServiceContext]]:
    contexts: list[ServiceContext] = []
    yield contexts
    for ctx in contexts:
        ctx.store.close()


def _runner(
    qtbot: QtBot, team: Team, tasks: TaskRunner, opened: list[ServiceContext], who: str
) -> MaintenanceRunner:
    ctx = team.login(who)
    opened.append(ctx)
    runner = MaintenanceRunner(ctx, tasks, team.clock)
    return runner


def _round(qtbot: QtBot, runner: MaintenanceRunner, action: object) -> MaintenanceReport:
    with qtbot.waitSignal(runner.finished, timeout=15_000) as signal:
        action()  # type: ignore[operator]
    report = signal.args[0]
    assert isinstance(report, MaintenanceReport)
    return report


def test_start_runs_a_round_off_the_gui_thread_then_every_hour(
    qtbot: QtBot,
    team: Team,
    tasks: TaskRunner,
    opened: list[ServiceContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[str] = []
    real_backup = backups.backup_if_due

    def spying_backup(ctx: ServiceContext, now: object = None) -> object:
        threads.append(threading.current_thread().name)
        return real_backup(ctx, now)  # type: ignore[arg-type]

    monkeypatch.setattr(maintenance_module, "backup_if_due", spying_backup)
    runner = _runner(qtbot, team, tasks, opened, "anna")
    assert runner.timer.interval() == HOUR_MS

    first = _round(qtbot, runner, runner.start)
    assert runner.timer.isActive()
    assert first.ok and first.backup is not None
    assert first.retention == RetentionResult(0, 0)
    assert threads and all(name.startswith("vh-task") for name in threads)
    assert threading.current_thread().name not in threads

    # An hour later (the timer fires; the fake clock says when): no new backup yet.
    team.clock.advance(timedelta(hours=1))
    second = _round(qtbot, runner, runner.timer.timeout.emit)
    assert second.backup is None
    # A day after the first: a new one.
    team.clock.advance(timedelta(hours=23))
    third = _round(qtbot, runner, runner.timer.timeout.emit)
    assert third.backup is not None
    assert [b.path for b in list_backups(team.data_dir)] == [third.backup.path, first.backup.path]
    assert runner.rounds == 3

    runner.stop()
    assert not runner.timer.isActive()
    runner.timer.timeout.emit()
    runner.run_now()
    assert not runner.busy  # stopped: nothing queued


def test_retention_runs_for_a_leidinggevende_and_is_skipped_for_a_medewerker(
    qtbot: QtBot,
    team: Team,
    tasks: TaskRunner,
    opened: list[ServiceContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def fake_retention(ctx: ServiceContext, now: object = None) -> RetentionResult:
        calls.append(ctx.actor.username)
        return RetentionResult(2, 1)

    monkeypatch.setattr(maintenance_module, "apply_retention", fake_retention)
    petra = _runner(qtbot, team, tasks, opened, "petra")
    report = _round(qtbot, petra, petra.start)
    assert report.retention == RetentionResult(2, 1)
    petra.stop()

    sanne = _runner(qtbot, team, tasks, opened, "sanne")
    report = _round(qtbot, sanne, sanne.start)
    assert report.retention is None and report.ok
    assert report.backup is None  # petra's round made today's backup
    assert calls == ["petra"]
    sanne.stop()
    # The real service agrees on who may.
    assert retention.apply_retention.__module__ == "veilig_huisbezoek.services.retention"


def test_a_full_disk_is_reported_in_dutch_and_retried_next_hour(
    qtbot: QtBot,
    team: Team,
    tasks: TaskRunner,
    opened: list[ServiceContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_write = backup_file.write_atomically

    def no_space(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_file, "write_atomically", no_space)
    runner = _runner(qtbot, team, tasks, opened, "anna")
    with qtbot.waitSignal(runner.problem, timeout=15_000) as problem:
        report = _round(qtbot, runner, runner.start)
    assert problem.args[0].startswith("Automatische back-up mislukt: De schijf is vol")
    assert report.backup is None and report.retention == RetentionResult(0, 0)
    assert list_backups(team.data_dir) == []

    monkeypatch.setattr(backup_file, "write_atomically", real_write)
    team.clock.advance(timedelta(hours=1))
    report = _round(qtbot, runner, runner.timer.timeout.emit)
    assert report.ok and report.backup is not None
    runner.stop()


def test_a_round_queued_behind_other_work_is_skipped_after_stop(
    qtbot: QtBot, team: Team, tasks: TaskRunner, opened: list[ServiceContext]
) -> None:
    gate = threading.Event()
    tasks.run(lambda: gate.wait(10), lambda _r: None, lambda _e: None)
    runner = _runner(qtbot, team, tasks, opened, "anna")
    runner.start()
    runner.start()  # a second start while one is queued does not queue another
    runner.stop()
    gate.set()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    assert runner.rounds == 0 and runner.last_report is None
    assert list_backups(team.data_dir) == []
