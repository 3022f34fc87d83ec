"""The change listener on its own: notifications, a killed connection, recovery."""

from __future__ import annotations

import dataclasses
import queue
import time
from datetime import datetime

import psycopg

from tests.team.conftest import PgTeam
from veilig_huisbezoek.services import settings as settings_service
from veilig_huisbezoek.storage.team.listen import ChangeListener, conninfo_from_url
from veilig_huisbezoek.storage.team.store import TeamStore


def _listener(store: TeamStore, events: queue.Queue[tuple[str, object]]) -> ChangeListener:
    assert store.username is not None and store.db_password is not None
    url = store.location.as_person(store.username, store.db_password)
    return ChangeListener(
        conninfo_from_url(url),
        on_change=lambda tables: events.put(("change", tables)),
        on_lost=lambda since: events.put(("lost", since)),
        on_restored=lambda: events.put(("restored", None)),
        first_retry_s=0.1,
    )


def _next(events: queue.Queue[tuple[str, object]], kind: str, timeout: float = 5) -> object:
    deadline = time.monotonic() + timeout
    while True:
        got, value = events.get(timeout=max(0.01, deadline - time.monotonic()))
        if got == kind:
            return value


def test_changes_arrive_and_a_killed_connection_is_reported_and_restored(
    pg_team: PgTeam,
) -> None:
    anna = pg_team.login("anna")
    sanne = pg_team.login("sanne")
    assert isinstance(sanne.store, TeamStore)
    events: queue.Queue[tuple[str, object]] = queue.Queue()
    listener = _listener(sanne.store, events)
    listener.start()
    try:
        deadline = time.monotonic() + 5
        while not listener.connected:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        # A change by another person (their own connection) arrives within a second.
        current = settings_service.load_settings(anna)
        started = time.monotonic()
        settings_service.save_settings(anna, current)
        assert _next(events, "change", timeout=1) == {"settings"}
        assert time.monotonic() - started < 1

        # The server ends the listener's session: reported at once, then reconnected.
        with psycopg.connect(pg_team.cluster.conninfo(pg_team.database), autocommit=True) as c:
            c.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'veilig-huisbezoek-live'"
            )
        assert isinstance(_next(events, "lost", timeout=2), datetime)
        _next(events, "restored", timeout=5)
        changed = dataclasses.replace(current, grace_minutes=current.grace_minutes + 1)
        settings_service.save_settings(anna, changed)
        assert _next(events, "change", timeout=1) == {"settings"}
    finally:
        listener.stop()
        anna.store.close()
        sanne.store.close()
    assert not listener.connected
