"""Slow down repeated failed logins, per account, across processes.

Three free attempts, then a pause before each attempt that doubles up to 30 seconds;
a success clears the account's count, a quiet quarter of an hour forgets it.

Where the counts are kept:

* **In the store's key file** (``keyslots.json``, :class:`~..storage.keyslots.FailureLog`)
  when the data folder holds a store. That file cannot be deleted without destroying
  the store, so deleting a file no longer resets the brake. Counted per account: the
  key is a hash of the store's random salt and the normalised user name (no names in
  the file; the salt makes the hashes differ per store). So a failed login through the
  app (GUI, command line) changes ``keyslots.json``; the storage layer itself still
  leaves the data folder unchanged on a wrong password.
* **In the user's state folder** otherwise: a team server (its "data folder" is a
  stand-in that is never created), a folder without a store, and restoring a backup
  (``use_key_file=False``: the password is checked against the backup, and the damaged
  store's files are to be set aside exactly as they were), keyed by a hash of the
  folder's path and the user name.

What the MAC on the counts in ``keyslots.json`` does and does not protect against,
when an attacker holds the files (a copy, or the same computer account):

* It detects counts that were edited by hand, removed, or copied in from another
  store: the app then treats every account as having failed
  :data:`TAMPERED_FAILURES` times (a pause before each attempt) until a quiet quarter
  of an hour has passed, instead of starting from zero.
* It does **not** stop someone who reads this code: its key comes from the file itself
  (the app must update the counts before anyone has logged in, so no secret is
  available), so they can recompute it. Nor does it stop putting back an older copy of
  the whole file (though after a key rotation an older copy no longer opens the
  database), or the attack that matters most: copying ``keyslots.json`` and guessing
  passwords offline, where no throttle applies. Against that, Argon2id (46 MiB per
  guess) and the password rules are the protection; this brake only slows guessing
  through the app's own login.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from ..paths import state_dir
from ..storage.errors import AuthenticationError, StoreError
from ..storage.files import write_atomically
from ..storage.keyslots import (
    FailureLog,
    KeyRing,
    normalise_username,
    read_keyring,
    update_keyring,
)
from ..storage.layout import keyring_path

T = TypeVar("T")

FREE_ATTEMPTS = 3
MAX_DELAY_S = 30.0
FORGET_AFTER_S = 15 * 60
# Counts that fail their MAC check: every account starts here (a 4-second pause).
TAMPERED_FAILURES = FREE_ATTEMPTS + 2
# At most this many accounts' counts in the key file; the lowest counts go first (a
# spray of one failure each over many invented names cannot push out a real count).
MAX_ENTRIES = 500

Count = tuple[int, float]  # failures, time of the last one (wall clock)


class LoginThrottle:
    def __init__(
        self,
        data_dir: Path,
        *,
        folder: Path | None = None,
        sleep: Callable[[float], None] = time.sleep,
        wall: Callable[[], float] = time.time,
        use_key_file: bool = True,
    ) -> None:
        self._data_dir = data_dir
        self._use_key_file = use_key_file
        self._folder_key = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()
        self._file = (folder or state_dir()) / "login-failures.json"
        self._sleep = sleep
        self._wall = wall

    # ---- where the counts live ---------------------------------------------------------
    def _ring(self) -> KeyRing | None:
        """The store's key file, when the data folder holds a readable one."""
        path = keyring_path(self._data_dir)
        if not self._use_key_file or not path.is_file():
            return None
        try:
            return read_keyring(path)
        except (StoreError, OSError):
            return None  # damaged or unreadable: the state file brakes instead

    @staticmethod
    def _account_key(ring: KeyRing, username: str) -> str:
        salted = b"vh-throttle\0" + ring.store_salt + normalise_username(username).encode()
        return hashlib.sha256(salted).hexdigest()[:32]

    def _file_key(self, username: str) -> str:
        salted = f"{self._folder_key}\0{normalise_username(username)}".encode()
        return hashlib.sha256(salted).hexdigest()[:32]

    def _trusted(self, log: FailureLog) -> FailureLog:
        """Counts that failed their MAC check become a floor for every account."""
        if log.tampered:
            return FailureLog(floor=(TAMPERED_FAILURES, self._wall()))
        return log

    def _live(self, count: Count | None) -> int:
        if count is None or self._wall() - count[1] > FORGET_AFTER_S:
            return 0
        return int(count[0])

    def _in_log(self, log: FailureLog, key: str) -> int:
        entry = log.counts.get(key)
        return self._live(entry if entry is not None else log.floor)

    # ---- the state file (no store in the folder) ----------------------------------------
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

    # ---- counting -------------------------------------------------------------------------
    def failures(self, username: str) -> int:
        ring = self._ring()
        if ring is not None:
            return self._in_log(self._trusted(ring.failures), self._account_key(ring, username))
        count, last = self._load().get(self._file_key(username), [0.0, 0.0])
        return 0 if self._wall() - last > FORGET_AFTER_S else int(count)

    def delay(self, username: str) -> float:
        extra = self.failures(username) - FREE_ATTEMPTS + 1
        return 0.0 if extra <= 0 else min(2.0 ** (extra - 1), MAX_DELAY_S)

    def wait(self, username: str) -> None:
        pause = self.delay(username)
        if pause > 0:
            self._sleep(pause)

    def _change_log(self, change: Callable[[KeyRing, FailureLog], FailureLog | None]) -> bool:
        """Change the counts in the key file; False when the folder has none."""
        if self._ring() is None:
            return False

        def apply(ring: KeyRing) -> KeyRing:
            log = change(ring, self._trusted(ring.failures))
            return ring if log is None else replace(ring, failures=self._pruned(log))

        with contextlib.suppress(StoreError, OSError):  # a brake, not a lock
            update_keyring(self._data_dir, apply)
        return True

    def _pruned(self, log: FailureLog) -> FailureLog:
        floor = log.floor if self._live(log.floor) else None
        counts = {
            key: count
            for key, count in log.counts.items()
            if self._wall() - count[1] <= FORGET_AFTER_S and (count[0] or floor is not None)
        }
        if len(counts) > MAX_ENTRIES:
            keep = sorted(counts, key=lambda k: counts[k], reverse=True)[:MAX_ENTRIES]
            counts = {key: counts[key] for key in keep}
        return FailureLog(counts, floor)

    def record_failure(self, username: str) -> None:
        now = self._wall()

        def failed(ring: KeyRing, log: FailureLog) -> FailureLog:
            key = self._account_key(ring, username)
            counts = dict(log.counts)
            counts[key] = (self._in_log(log, key) + 1, now)
            return FailureLog(counts, log.floor)

        if self._change_log(failed):
            return
        data = self._load()
        data[self._file_key(username)] = [float(self.failures(username) + 1), now]
        self._save(data)

    def record_success(self, username: str) -> None:
        def succeeded(ring: KeyRing, log: FailureLog) -> FailureLog | None:
            key = self._account_key(ring, username)
            if self._live(log.floor):
                counts = dict(log.counts)
                counts[key] = (0, self._wall())  # this account is past the floor
                return FailureLog(counts, log.floor)
            if key not in log.counts and not ring.failures.tampered:
                return None  # nothing to clear: the file stays as it is
            return FailureLog({k: c for k, c in log.counts.items() if k != key}, log.floor)

        if self._change_log(succeeded):
            return
        data = self._load()
        if data.pop(self._file_key(username), None) is not None:
            self._save(data)

    def attempt(self, username: str, check: Callable[[], T]) -> T:
        """Wait out ``username``'s delay, then ``check()`` a password: a wrong one
        (``AuthenticationError``) counts as a failure and is raised again, anything
        returned clears the count."""
        self.wait(username)
        try:
            result = check()
        except AuthenticationError:
            self.record_failure(username)
            raise
        self.record_success(username)
        return result
