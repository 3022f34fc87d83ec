"""One running app per person, with real processes: a second start hands over to the
first and exits; a first start killed with ``kill -9`` leaves no lock that keeps the
next start out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from veilig_huisbezoek.services.app_log import DEMO_LOG_NAME, LOG_NAME

START_TIMEOUT = 60


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    made = Desk(tmp_path)
    yield made
    made.stop_all()


class Desk:
    """One person's computer: their state, log and data folders."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.env = dict(os.environ)  # the test's own state and XDG folders
        self.env.update(
            QT_QPA_PLATFORM="offscreen",
            VEILIG_HUISBEZOEK_LOG_DIR=str(base / "log"),
            PYTHONUNBUFFERED="1",
        )
        self.lock = Path(self.env["VEILIG_HUISBEZOEK_STATE_DIR"]) / "instance.lock"
        self.running: list[subprocess.Popen[str]] = []

    def command(self) -> list[str]:
        return [sys.executable, "-m", "veilig_huisbezoek", "--data-dir", str(self.base / "data")]

    def start_first(self) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            self.command(),
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.running.append(process)
        deadline = time.monotonic() + START_TIMEOUT
        while not self.holder_is(process) and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()[0]
            time.sleep(0.1)
        assert self.holder_is(process)
        return process

    def holder_is(self, process: subprocess.Popen[str]) -> bool:
        try:
            return self.lock.read_text().splitlines()[0] == str(process.pid)
        except (OSError, IndexError):
            return False

    def start_again(self) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(), env=self.env, capture_output=True, text=True, timeout=START_TIMEOUT
        )

    def log(self, name: str = LOG_NAME) -> str:
        path = self.base / "log" / name
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def stop_all(self) -> None:
        for process in self.running:
            if process.poll() is None:
                process.kill()
            process.communicate()


def wait_for(condition: object, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.1)
    return False


def test_a_second_start_hands_over_and_exits(desk: Desk) -> None:
    first = desk.start_first()
    second = desk.start_again()
    assert second.returncode == 0, second.stderr
    assert "Veilig Huisbezoek draait al" in second.stdout
    assert wait_for(lambda: "Tweede start doorgegeven" in desk.log())
    assert desk.log().count(" gestart") == 1  # the second start never ran the app
    assert first.poll() is None  # the running app goes on
    assert desk.holder_is(first)


def test_after_kill_9_the_next_start_is_the_app(desk: Desk) -> None:
    first = desk.start_first()
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    assert desk.lock.exists()  # left behind, with a dead process in it
    again = desk.start_first()  # takes the stale lock: it runs, it does not hand over
    time.sleep(2)
    assert again.poll() is None
    third = desk.start_again()
    assert third.returncode == 0, third.stderr
    assert "Veilig Huisbezoek draait al" in third.stdout


def test_a_demo_runs_beside_the_app(desk: Desk) -> None:
    desk.start_first()
    demo = subprocess.Popen(
        [sys.executable, "-m", "veilig_huisbezoek", "--demo", "--visits", "3"],
        env=desk.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    desk.running.append(demo)
    assert wait_for(lambda: "gestart (demo)" in desk.log(DEMO_LOG_NAME), timeout=START_TIMEOUT)
    assert "demo" not in desk.log()  # its own file: the real app's is never shared
    time.sleep(1)
    assert demo.poll() is None


QUITTING = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
assert lock.tryLock(1000)
print("held", flush=True)
time.sleep(3)  # still shutting down: the lock held, no longer listening
lock.unlock()
"""


def test_a_start_while_the_app_is_quitting_becomes_the_app(desk: Desk) -> None:
    desk.lock.parent.mkdir(parents=True, exist_ok=True)
    quitting = subprocess.Popen(
        [sys.executable, "-c", QUITTING, str(desk.lock)], stdout=subprocess.PIPE, text=True
    )
    desk.running.append(quitting)
    assert quitting.stdout is not None and quitting.stdout.readline().strip() == "held"
    started = time.monotonic()
    again = subprocess.Popen(
        desk.command(), env=desk.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    desk.running.append(again)
    # Not "draait al, maar reageert niet" once the lock is free: it runs the app itself.
    assert wait_for(lambda: desk.holder_is(again) or again.poll() is not None, START_TIMEOUT)
    assert again.poll() is None, again.communicate()[0]
    assert time.monotonic() - started < 9  # without waiting out the hand-over's 10 s
    assert wait_for(lambda: " gestart" in desk.log(), START_TIMEOUT)


def test_the_socket_is_in_the_persons_own_folder(tmp_path: Path) -> None:
    from veilig_huisbezoek.gui.single_instance import socket_name

    short = tmp_path / "state"
    short.mkdir()
    assert socket_name(short) == str(short.resolve() / "instance.sock")
    # Too long for a socket path: a pipe-style name with a random part, the same each
    # time, saying nothing of the folder (its account name) and different per person.
    deep = tmp_path / ("j.jansen-" + "x" * 120)
    deep.mkdir()
    other = tmp_path / ("p.pieters-" + "y" * 120)
    other.mkdir()
    name = socket_name(deep)
    assert name == socket_name(deep)
    assert name.startswith("veilig-huisbezoek-") and len(name) == len("veilig-huisbezoek-") + 32
    assert "jansen" not in name and name != socket_name(other)


HAND_OVER = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from veilig_huisbezoek.gui.single_instance import InstanceGuard
app = QCoreApplication(sys.argv[:1])
guard = InstanceGuard(Path(sys.argv[1]))
assert not guard.claim()
sys.exit(0 if guard.hand_over(["--autostart", "--lang", "en"]) else 1)
"""


def test_the_running_app_gets_the_arguments_and_comes_to_the_front(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QWidget

    from veilig_huisbezoek.gui.single_instance import InstanceGuard

    window = QWidget()  # hidden, as in the tray
    qtbot.addWidget(window)
    guard = InstanceGuard(tmp_path / "state", parent=window)  # deleted by Qt, with the window
    assert guard.claim()
    guard.activated.connect(lambda _argv: window.show())
    try:
        later = subprocess.Popen(
            [sys.executable, "-c", HAND_OVER, str(tmp_path / "state")],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        with qtbot.waitSignal(guard.activated, timeout=30_000) as got:
            pass
        assert got.args == [["--autostart", "--lang", "en"]]
        qtbot.waitUntil(window.isVisible)
        assert later.wait(timeout=30) == 0
    finally:
        guard.release()
