"""The test side of :mod:`tests.team.live_driver`: start a workstation process, send it
commands, wait for its replies and events (with their arrival times)."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

Message = dict[str, Any]


@dataclass
class Workstation:
    name: str
    process: subprocess.Popen[str]
    messages: queue.Queue[tuple[float, Message]] = field(default_factory=queue.Queue)
    events: list[tuple[float, Message]] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    _readers: list[threading.Thread] = field(default_factory=list)

    @classmethod
    def start(cls, name: str, url: str, start: datetime | None, state_dir: Path) -> Workstation:
        """``start``: the desk's fake clock (set by command), or None: the real clock (the
        scheduler's own timers fire, as in the app)."""
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            VEILIG_HUISBEZOEK_STATE_DIR=str(state_dir / name / "state"),
            XDG_DATA_HOME=str(state_dir / name / "data"),
            XDG_CONFIG_HOME=str(state_dir / name / "config"),
            XDG_STATE_HOME=str(state_dir / name / "xstate"),
            PYTHONUNBUFFERED="1",
        )
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.team.live_driver",
                url,
                "now" if start is None else start.isoformat(),
            ],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        station = cls(name, process)
        for target in (station._read, station._read_errors):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            station._readers.append(thread)
        station.wait_event(lambda m: m.get("event") == "ready", timeout=30)
        return station

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                message = json.loads(line)
            except json.JSONDecodeError:
                continue
            self.messages.put((time.monotonic(), message))

    def _read_errors(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line)

    def _next(self, deadline: float) -> tuple[float, Message]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        try:
            return self.messages.get(timeout=remaining)
        except queue.Empty:
            raise TimeoutError from None

    def send(self, cmd: str, timeout: float = 20, **args: Any) -> Message:
        """Send a command and wait for its reply; events meanwhile are kept."""
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"cmd": cmd, **args}) + "\n")
        self.process.stdin.flush()
        deadline = time.monotonic() + timeout
        while True:
            try:
                at, message = self._next(deadline)
            except TimeoutError:
                raise AssertionError(
                    f"{self.name}: no reply to {cmd}; stderr:\n{''.join(self.stderr[-30:])}"
                ) from None
            if message.get("reply") == cmd:
                assert "error" not in message, f"{self.name} {cmd}: {message['error']}"
                return message
            self.events.append((at, message))

    def clear_events(self) -> None:
        self.events.clear()
        while True:
            try:
                self.events.append(self.messages.get_nowait())
            except queue.Empty:
                break
        self.events.clear()

    def wait_event(self, match: Callable[[Message], bool], timeout: float) -> float:
        """Wait for an event (kept or new) matching; returns its arrival time."""
        for index, (at, message) in enumerate(self.events):
            if match(message):
                del self.events[: index + 1]
                return at
        deadline = time.monotonic() + timeout
        while True:
            try:
                at, message = self._next(deadline)
            except TimeoutError:
                raise AssertionError(
                    f"{self.name}: no matching event within {timeout} s; stderr:\n"
                    + "".join(self.stderr[-30:])
                ) from None
            if match(message):
                return at
            self.events.append((at, message))

    def wait_state(self, check: Callable[[Message], bool], timeout: float) -> Message:
        deadline = time.monotonic() + timeout
        while True:
            state = self.send("state")
            if check(state):
                return state
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: state never matched: {state}")
            time.sleep(0.05)

    def kill(self) -> None:
        """``kill -9``: the process ends at once, saying nothing (a crash, a power cut)."""
        self.process.kill()
        self.process.wait(timeout=10)

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                assert self.process.stdin is not None
                self.process.stdin.close()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        for thread in self._readers:
            thread.join(timeout=5)
        for pipe in (self.process.stdin, self.process.stdout, self.process.stderr):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
