"""The watch service's loop (docs/design.md §4a, "The last line").

Every check: read the schedule through the watch role, shift the server's presence
times onto this service's clock (as the desktop does), ask the domain
(:func:`~veilig_huisbezoek.domain.watch.watch_steps`) what is due, and send each step
that no service has sent yet (claimed on the server first, marked sent after; a failed
send releases it for the next try). Then the heartbeat: the time and what is failing.

A database or relay that is down is retried with a growing pause (capped well under
the app's two minutes of silence), logged without personal data (visit numbers only).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Protocol

from ..domain.clock import Clock, SystemClock
from ..domain.watch import WatchRules, WatchStep, watch_steps
from ..storage.team.watch import WatchSchedule
from .config import WatchConfig
from .mail import SendFailed

log = logging.getLogger("veilig_huisbezoek.watch")

CHECK_EVERY_S = 10.0
BACKOFF_MAX_S = 60.0
# A claimed step that was neither sent nor released (a service killed while sending)
# may be taken by another service after this.
LEASE_S = 120
DATABASE_DOWN = "database niet bereikbaar"
SMTP_DOWN = "SMTP niet bereikbaar"


class Schedule(Protocol):
    """The watch role's connection (storage/team/watch.py: WatchConnection)."""

    def read(self) -> WatchSchedule: ...
    def claim(self, step_key: str, visit_id: int, lease_seconds: int) -> bool: ...
    def sent(self, step_key: str) -> None: ...
    def release(self, step_key: str) -> None: ...
    def beat(self, failing: str = "") -> None: ...
    def close(self) -> None: ...


class Mailer(Protocol):
    def send(self, subject: str, body: str) -> None: ...


@dataclass(frozen=True)
class CheckResult:
    sent: tuple[WatchStep, ...] = ()
    failing: str = ""  # "" when everything worked


def _database_errors() -> tuple[type[BaseException], ...]:
    import psycopg

    return (psycopg.Error, OSError)


class WatchService:
    def __init__(
        self,
        connect: Callable[[], Schedule],
        mailer: Mailer,
        config: WatchConfig,
        clock: Clock | None = None,
    ) -> None:
        self._connect = connect
        self._mailer = mailer
        self._rules = WatchRules(
            repeat=timedelta(minutes=config.alert.repeat_minutes),
            unwatched=timedelta(minutes=config.alert.unwatched_minutes),
        )
        self._clock = clock or SystemClock()
        self._conn: Schedule | None = None

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None

    def _due(self, schedule: WatchSchedule) -> list[WatchStep]:
        now = self._clock.now()
        shift = now - schedule.server_now
        sessions = [
            replace(
                s,
                seen_at=s.seen_at + shift,
                ended_at=s.ended_at + shift if s.ended_at is not None else None,
            )
            for s in schedule.sessions
        ]
        return watch_steps(
            schedule.visits, schedule.alarms, schedule.settings, sessions, now, self._rules
        )

    def check(self) -> CheckResult:
        """One check: read, send what is due, beat. Never raises for a database or relay
        that is down: the result says what failed."""
        errors = _database_errors()
        try:
            if self._conn is None:
                self._conn = self._connect()
            conn = self._conn
            steps = self._due(conn.read())
            sent: list[WatchStep] = []
            failing = ""
            for step in steps:
                if failing:
                    break  # the relay is down: the next check tries again
                if not conn.claim(step.key, step.visit_id, LEASE_S):
                    continue
                try:
                    self._mailer.send(step.subject, step.body)
                except SendFailed as exc:
                    conn.release(step.key)
                    failing = SMTP_DOWN
                    log.warning("Melding over bezoek %d niet verstuurd: %s", step.visit_id, exc)
                    continue
                conn.sent(step.key)
                sent.append(step)
                log.info("Melding verstuurd: bezoek %d (%s)", step.visit_id, step.key)
            conn.beat(failing)
            return CheckResult(tuple(sent), failing)
        except errors as exc:
            log.warning("Teamserver niet bereikbaar (%s); opnieuw proberen", type(exc).__name__)
            self.close()
            return CheckResult((), DATABASE_DOWN)

    def run(self, stop: threading.Event, every_s: float = CHECK_EVERY_S) -> None:
        """Check every ``every_s`` until ``stop`` is set; after a failure wait longer
        each time (doubling, at most :data:`BACKOFF_MAX_S`)."""
        pause = every_s
        log.info("Wachtpost gestart (elke %.0f s)", every_s)
        while not stop.is_set():
            result = self.check()
            # After a failure wait longer each time; back to normal once it works.
            pause = min(max(pause * 2, every_s), BACKOFF_MAX_S) if result.failing else every_s
            stop.wait(pause)
        self.close()
        log.info("Wachtpost gestopt")
