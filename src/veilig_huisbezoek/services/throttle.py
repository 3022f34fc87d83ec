"""Slow down repeated failed logins, per data folder, across processes.

Kept outside the data folder (a failed login must leave it byte-for-byte unchanged) in
the user's state folder; the file holds only a hash of the folder path and counters.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import platformdirs

from ..storage.errors import AuthenticationError
from ..storage.files import write_atomically

T = TypeVar("T")

FREE_ATTEMPTS = 3
MAX_DELAY_S = 30.0
FORGET_AFTER_S = 15 * 60


def state_dir() -> Path:
    override = os.environ.get("VEILIG_HUISBEZOEK_STATE_DIR")
    return Path(override) if override else Path(platformdirs.user_state_dir("veilig-huisbezoek"))


class LoginThrottle:
    def __init__(
        self,
        data_dir: Path,
        *,
        folder: Path | None = None,
        sleep: Callable[[float], None] = time.sleep,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self._key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:32]
        self._file = (folder or state_dir()) / "login-failures.json"
        self._sleep = sleep
        self._wall = wall

    def _load(self) -> dict[str, list[float]]:
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                return {}
            return {str(k): [float(v[0]), float(v[1])] for k, v in data.items()}
        except (OSError, ValueError, TypeError, KeyError, IndexError):
            return {}

    def _save(self, data: dict[str, list[float]]) -> None:
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self._file, json.dumps(data).encode())
        except OSError:
            pass  # throttling is a brake, not a lock: never block a login on it

    def failures(self) -> int:
        count, last = self._load().get(self._key, [0.0, 0.0])
        return 0 if self._wall() - last > FORGET_AFTER_S else int(count)

    def delay(self) -> float:
        extra = self.failures() - FREE_ATTEMPTS + 1
        return 0.0 if extra <= 0 else min(2.0 ** (extra - 1), MAX_DELAY_S)

    def wait(self) -> None:
        pause = self.delay()
        if pause > 0:
            self._sleep(pause)

    def record_failure(self) -> None:
        data = self._load()
        data[self._key] = [float(self.failures() + 1), self._wall()]
        self._save(data)

    def record_success(self) -> None:
        data = self._load()
        if data.pop(self._key, None) is not None:
            self._save(data)

    def attempt(self, check: Callable[[], T]) -> T:
        """Wait out the delay, then ``check()`` a password: a wrong one
        (``AuthenticationError``) counts as a failure and is raised again, anything
        returned clears the count."""
        self.wait()
        try:
            result = check()
        except AuthenticationError:
            self.record_failure()
            raise
        self.record_success()
        return result
