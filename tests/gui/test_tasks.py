"""The task runner: work off the GUI thread, answers on it, nothing released on the worker."""

from __future__ import annotations

import threading
import time
import weakref
from typing import Any, ClassVar

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from veilig_huisbezoek.gui.tasks import TaskRunner


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[Any] = []

    def take(self, value: Any) -> None:
        self.got.append(value)


class Captured:
    """Something a job captures; records on which thread it is released."""

    released_on: ClassVar[list[str]] = []

    def __del__(self) -> None:
        Captured.released_on.append(threading.current_thread().name)


@pytest.fixture
def runner(qapp: object) -> Any:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


def test_result_and_error_arrive_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[tuple[str, object, str]] = []
    main = threading.current_thread().name

    def ok() -> str:
        return threading.current_thread().name

    def fails() -> None:
        raise ValueError("kapot")

    runner.run(ok, lambda r: seen.append(("ok", r, threading.current_thread().name)), print)
    runner.run(fails, print, lambda e: seen.append(("error", e, threading.current_thread().name)))
    assert runner.busy
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
    assert not runner.busy
    assert seen[0][0] == "ok" and str(seen[0][1]).startswith("vh-task") and seen[0][2] == main
    assert seen[1][0] == "error" and isinstance(seen[1][1], ValueError) and seen[1][2] == main


def test_a_deleted_receiver_is_not_called(qtbot: QtBot, runner: TaskRunner) -> None:
    receiver = Receiver()
    started = threading.Event()

    def job() -> int:
        started.set()
        time.sleep(0.05)
        return 1

    runner.run(job, receiver.take, receiver.take)
    assert started.wait(5)
    shiboken6.delete(receiver)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert not shiboken6.isValid(receiver)


def test_what_a_job_captures_is_released_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    Captured.released_on.clear()
    done: list[int] = []
    for _ in range(20):
        thing = Captured()
        probe = weakref.ref(thing)
        runner.run(lambda thing=thing: id(thing), done.append, print)  # type: ignore[misc]
        del thing
        assert probe() is not None
    qtbot.waitUntil(lambda: len(done) == 20, timeout=5_000)
    assert Captured.released_on == [threading.current_thread().name] * 20


def test_nothing_is_called_for_an_owner_deleted_meanwhile(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = Receiver()
    called: list[object] = []
    started = threading.Event()

    def job() -> int:
        started.set()
        time.sleep(0.05)
        return 1

    # Closures, not methods: only the owner says whom the answer is for.
    runner.run(job, lambda r: called.append(r), lambda e: called.append(e), owner=owner)
    assert started.wait(5)
    shiboken6.delete(owner)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert called == []
    survivor = Receiver()
    runner.run(lambda: 2, lambda r: called.append(r), print, owner=survivor)
    qtbot.waitUntil(lambda: called == [2], timeout=5_000)


def test_a_job_queued_after_shutdown_is_dropped(qtbot: QtBot, runner: TaskRunner) -> None:
    """A page's refresh queued while the window closed: nothing runs, nothing raises."""
    ran: list[str] = []
    runner.shutdown()
    runner.run(lambda: ran.append("job"), ran.append, lambda e: ran.append(repr(e)))
    assert ran == [] and not runner.busy
