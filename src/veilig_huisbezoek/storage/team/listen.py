"""Live changes from a team server: ``LISTEN vh_changes`` on a connection of its own.

Every change on the server sends ``NOTIFY vh_changes, '<table>'`` (statement triggers,
see :mod:`.schema`); a change to a visit's own rows names the visits too,
``'<table> <id>,<id>…'`` (``'visits.details <id>…'`` for an update of a visit that left
its state, people and times as they were), and :func:`parse_changes` reads a burst of
them.
:class:`ChangeListener` holds one extra psycopg connection, as the logged-in person's
own database role, in a daemon thread, and reports through three callbacks, all called
**on that thread** (the GUI wraps them in queued Qt signals and does every widget and
database step on its own thread):

* ``on_change(payloads)``: one or more notifications (their payloads, a set);
* ``on_lost(since)``: the connection is gone (server down, network, terminated), at
  once; ``since`` is the last moment the listener was known to be connected;
* ``on_restored()``: connected again; anything may have changed meanwhile, so the
  caller reloads everything.

The thread waits for notifications at most ``poll_s`` at a time (so :meth:`stop` is
quick) and, after ``heartbeat_s`` of silence, sends ``SELECT 1`` that must be answered
within ``heartbeat_timeout_s``: a server that stops answering (a hung host, packets
dropped on the way, a half-open connection) is reported within about
``heartbeat_s + heartbeat_timeout_s`` (3 s by default), not after TCP's own minutes.
TCP keepalives and ``tcp_user_timeout`` back this up at the socket level. After a loss
it retries with a doubling back-off (``first_retry_s`` … ``max_retry_s``).
"""

from __future__ import annotations

import contextlib
import logging
import select
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import URL

from ...domain.folded_reads import VisitsTouched
from .location import LIVENESS
from .schema import CHANNEL, DETAIL_TABLES, NAMING_TABLES

NOTES_TABLE = "unsafe_address_notes"

log = logging.getLogger(__name__)

ChangeCallback = Callable[[set[str]], None]
LostCallback = Callable[[datetime], None]
RestoredCallback = Callable[[], None]

_PASS_THROUGH = ("sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", *LIVENESS)


@dataclass(frozen=True)
class LiveChanges:
    """What a burst of notifications says changed."""

    tables: frozenset[str]
    # The visits changed (empty: none, only the register), when every notification
    # named its visits; None: anything may have changed, so everything is re-read.
    visit_ids: frozenset[int] | None
    # Of those, the visits only a detail table named (their calls, call-backs, events
    # or the visit's other columns): their heads are as they were.
    details: frozenset[int] = frozenset()

    @property
    def touched(self) -> VisitsTouched | None:
        if self.visit_ids is None:
            return None
        return VisitsTouched(self.visit_ids - self.details, self.details)


def parse_changes(payloads: Iterable[str]) -> LiveChanges:
    """The tables and visits a burst of payloads names (see the module docstring); a
    payload it cannot read counts as "anything changed" in its table."""
    tables: set[str] = set()
    heads: set[int] | None = set()
    details: set[int] = set()
    for payload in payloads:
        table, _, named = payload.partition(" ")
        tables.add(table)
        if table == NOTES_TABLE:
            continue
        listed = named.split(",")
        if heads is None or table not in NAMING_TABLES or not all(x.isdecimal() for x in listed):
            heads = None
            continue
        (details if table in DETAIL_TABLES else heads).update(int(x) for x in listed)
    if heads is None:
        return LiveChanges(frozenset(tables), None)
    return LiveChanges(frozenset(tables), frozenset(heads | details), frozenset(details - heads))


def conninfo_from_url(url: URL) -> dict[str, Any]:
    """psycopg keyword arguments for a SQLAlchemy team URL (TLS settings kept; a Unix
    socket given as ``?host=/dir&port=N``, as SQLAlchemy's psycopg dialect reads it)."""

    def query(key: str) -> str | None:
        value = url.query.get(key)
        return value if value is None or isinstance(value, str) else value[0]

    params: dict[str, Any] = {
        "host": url.host or query("host") or "localhost",
        "port": url.port or query("port") or 5432,
        "dbname": url.database,
        "user": url.username,
        "password": url.password,
        "application_name": "veilig-huisbezoek-live",
        **LIVENESS,
    }
    for key in _PASS_THROUGH:
        value = query(key)
        if value is not None:
            params[key] = value
    return {k: v for k, v in params.items() if v is not None}


class ChangeListener:
    def __init__(
        self,
        conninfo: dict[str, Any],
        *,
        on_change: ChangeCallback,
        on_lost: LostCallback,
        on_restored: RestoredCallback,
        poll_s: float = 0.25,
        heartbeat_s: float = 1.0,
        heartbeat_timeout_s: float = 2.0,
        first_retry_s: float = 0.5,
        max_retry_s: float = 10.0,
    ) -> None:
        self._conninfo = dict(conninfo)
        self._on_change = on_change
        self._on_lost = on_lost
        self._on_restored = on_restored
        self._poll_s = poll_s
        self._heartbeat_s = heartbeat_s
        self._heartbeat_timeout_s = heartbeat_timeout_s
        self._first_retry_s = first_retry_s
        self._max_retry_s = max_retry_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._connected = False

    @property
    def connected(self) -> bool:
        return self._connected

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="vh-team-listen", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        """Stop listening and close the connection; safe to call twice."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    # ---- the thread ------------------------------------------------------------------
    def _run(self) -> None:
        import psycopg

        retry = self._first_retry_s
        lost_since: datetime | None = None
        last_seen = datetime.now(UTC)
        while not self._stop.is_set():
            try:
                conn = psycopg.connect(**self._conninfo, autocommit=True)
                conn.execute(f"LISTEN {CHANNEL}")
            except psycopg.Error as exc:
                if lost_since is None:
                    lost_since = last_seen
                    log.warning("team server unreachable (%s)", type(exc).__name__)
                    self._on_lost(lost_since)
                self._stop.wait(retry)
                retry = min(retry * 2, self._max_retry_s)
                continue
            self._connected = True
            retry = self._first_retry_s
            if lost_since is not None:
                lost_since = None
                self._on_restored()
            try:
                self._listen(conn)
            except psycopg.Error as exc:
                last_seen = datetime.now(UTC)
                if not self._stop.is_set():
                    log.warning("team server connection lost (%s)", type(exc).__name__)
                    lost_since = last_seen
                    self._on_lost(lost_since)
            finally:
                self._connected = False
                with contextlib.suppress(Exception):  # already broken
                    conn.close()
            if lost_since is not None:
                self._stop.wait(retry)
                retry = min(retry * 2, self._max_retry_s)

    def _listen(self, conn: Any) -> None:
        """Deliver notifications until stopped; raises psycopg.Error on a lost link."""
        quiet_since = time.monotonic()
        while not self._stop.is_set():
            tables = {n.payload for n in conn.notifies(timeout=self._poll_s, stop_after=1)}
            if tables:
                # One write touches several tables: take the rest of the burst too.
                tables.update(n.payload for n in conn.notifies(timeout=0.05))
                quiet_since = time.monotonic()
                self._on_change(tables)
            elif time.monotonic() - quiet_since > self._heartbeat_s:
                tables = self._heartbeat(conn)
                quiet_since = time.monotonic()
                if tables:
                    self._on_change(tables)

    def _heartbeat(self, conn: Any) -> set[str]:
        """``SELECT 1``, answered within ``heartbeat_timeout_s`` or the link counts as
        lost (psycopg.OperationalError). Done on libpq's asynchronous calls because a
        blocking query would wait as long as TCP does. Returns the tables of
        notifications that arrived meanwhile (libpq queues them; nobody else reads
        them here)."""
        import psycopg

        pgconn = conn.pgconn
        deadline = time.monotonic() + self._heartbeat_timeout_s

        def wait(readable: bool) -> None:
            remaining = deadline - time.monotonic()
            sock = [pgconn.socket]
            if remaining > 0:
                ready = select.select(
                    sock if readable else [], [] if readable else sock, [], remaining
                )
                if any(ready):
                    return
            raise psycopg.OperationalError("team server did not answer the heartbeat")

        pgconn.send_query(b"SELECT 1")
        while pgconn.flush():
            wait(readable=False)
        while True:
            pgconn.consume_input()
            if not pgconn.is_busy():
                break
            wait(readable=True)
        while (result := pgconn.get_result()) is not None:
            if result.status != psycopg.pq.ExecStatus.TUPLES_OK:
                raise psycopg.OperationalError("team server heartbeat failed")
        tables: set[str] = set()
        while (notify := pgconn.notifies()) is not None:
            tables.add(notify.extra.decode())
        return tables
