"""The change listener on its own: notifications, a killed connection, a server that
stops answering, recovery."""

from __future__ import annotations

import contextlib
import dataclasses
import queue
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import psycopg
import pytest
from sqlalchemy import text

from tests.conftest import PASSWORDS
from tests.helpers import call_all_well
from tests.presence_helpers import present_as
from tests.team.blackhole import BlackholeProxy
from tests.team.conftest import PgTeam
from veilig_huisbezoek.domain.folded_reads import VisitsTouched
from veilig_huisbezoek.services import settings as settings_service
from veilig_huisbezoek.services.team import team_log_in
from veilig_huisbezoek.storage.team.errors import TeamUnreachableError
from veilig_huisbezoek.storage.team.listen import (
    ChangeListener,
    conninfo_from_url,
    parse_changes,
)
from veilig_huisbezoek.storage.team.location import TeamLocation
from veilig_huisbezoek.storage.team.schema import (
    CHANNEL,
    HEAD_COLUMNS,
    VISIT_DETAILS,
    VISITS_NAMED,
)
from veilig_huisbezoek.storage.team.store import TeamStore


def _listener(
    store: TeamStore,
    events: queue.Queue[tuple[str, object]],
    port: int | None = None,
    **options: float,
) -> ChangeListener:
    assert store.username is not None and store.db_password is not None
    url = store.location.as_person(store.username, store.db_password)
    if port is not None:
        url = url.set(port=port)
    return ChangeListener(
        conninfo_from_url(url),
        on_change=lambda tables: events.put(("change", tables)),
        on_lost=lambda since: events.put(("lost", since)),
        on_restored=lambda: events.put(("restored", None)),
        first_retry_s=0.1,
        **options,
    )


def _next(events: queue.Queue[tuple[str, object]], kind: str, timeout: float = 5) -> object:
    deadline = time.monotonic() + timeout
    while True:
        got, value = events.get(timeout=max(0.01, deadline - time.monotonic()))
        if got == kind:
            return value


def _wait_connected(listener: ChangeListener) -> None:
    deadline = time.monotonic() + 5
    while not listener.connected:
        assert time.monotonic() < deadline
        time.sleep(0.02)


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
        _wait_connected(listener)
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


def test_a_server_that_stops_answering_is_reported_within_seconds(pg_team: PgTeam) -> None:
    """No error, no closed socket: the bytes simply go nowhere (a hung host, dropped
    packets). The heartbeat notices within about 3 s; TCP alone would take minutes."""
    anna = pg_team.login("anna")
    sanne = pg_team.login("sanne")
    assert isinstance(sanne.store, TeamStore)
    events: queue.Queue[tuple[str, object]] = queue.Queue()
    with BlackholeProxy(pg_team.cluster.port) as proxy:
        listener = _listener(sanne.store, events, port=proxy.port)
        listener.start()
        try:
            _wait_connected(listener)
            time.sleep(1.5)  # a heartbeat or two through the proxy: all well
            assert events.empty()

            proxy.blackhole()
            started = time.monotonic()
            assert isinstance(_next(events, "lost", timeout=10), datetime)
            noticed = time.monotonic() - started
            assert noticed < 3.5, noticed
            assert not listener.connected

            proxy.restore()
            _next(events, "restored", timeout=10)
            current = settings_service.load_settings(anna)
            settings_service.save_settings(anna, current)
            assert _next(events, "change", timeout=1) == {"settings"}
        finally:
            listener.stop()
            anna.store.close()
            sanne.store.close()


def test_a_notification_that_comes_in_with_the_heartbeat_is_delivered(
    pg_team: PgTeam,
) -> None:
    """libpq reads a NOTIFY waiting on the socket together with the heartbeat's answer;
    the heartbeat hands it on (once) instead of leaving it queued unseen."""
    sanne = pg_team.login("sanne")
    assert isinstance(sanne.store, TeamStore)
    events: queue.Queue[tuple[str, object]] = queue.Queue()
    listener = _listener(sanne.store, events)  # not started: driven by hand
    admin = pg_team.cluster.conninfo(pg_team.database)
    with (
        psycopg.connect(**listener._conninfo, autocommit=True) as conn,
        psycopg.connect(admin, autocommit=True) as other,
    ):
        conn.execute(f"LISTEN {CHANNEL}")
        assert listener._heartbeat(conn) == set()
        other.execute(f"NOTIFY {CHANNEL}, 'visits'")
        time.sleep(0.2)  # on the listener's socket, not read yet
        assert listener._heartbeat(conn) == {"visits"}
        assert list(conn.notifies(timeout=0.2)) == []  # not delivered twice
        assert listener._heartbeat(conn) == set()
    sanne.store.close()


def test_a_query_waiting_on_a_server_that_stopped_answering_is_cut_off(
    pg_team: PgTeam,
) -> None:
    """Without it, a query on the GUI thread would wait for TCP (minutes) when the
    server stops answering mid-way; the listener's ``server_lost`` ends the wait."""
    with BlackholeProxy(pg_team.cluster.port) as proxy:
        location = TeamLocation(pg_team.location.url.set(port=proxy.port))
        sanne = team_log_in(location, "sanne", PASSWORDS["sanne"], pg_team.clock)
        store = sanne.store
        assert isinstance(store, TeamStore)
        outcome: list[BaseException | None] = []

        def query() -> None:
            try:
                with store.read_session() as session:
                    session.execute(text("SELECT 1"))
                outcome.append(None)
            except BaseException as exc:  # handed to the test
                outcome.append(exc)

        query()
        assert outcome == [None]  # through the proxy: all well
        proxy.blackhole()
        waiting = threading.Thread(target=query, daemon=True)
        waiting.start()
        waiting.join(1.5)
        assert waiting.is_alive()  # stuck: nothing comes back, nothing fails
        cut = time.monotonic()
        store.server_lost()
        waiting.join(5)
        assert not waiting.is_alive() and time.monotonic() - cut < 1
        assert isinstance(outcome[-1], TeamUnreachableError)
        with pytest.raises(TeamUnreachableError), store.read_session():  # known lost: at once
            pass
        proxy.restore()
        store.set_reachable(True)
        with store.read_session() as session:  # the pool recovers
            assert session.execute(text("SELECT 1")).scalar_one() == 1
        store.close()


def test_a_unix_socket_url_keeps_its_folder_and_port() -> None:
    """``?host=/dir&port=N`` (how SQLAlchemy's psycopg dialect takes a socket) reaches
    psycopg; before, the listener and ``admin add-watch`` went to localhost:5432."""
    from sqlalchemy.engine import make_url

    params = conninfo_from_url(
        make_url("postgresql+psycopg://vh:secret@/teams?host=/run/pg&port=5433&sslmode=disable")
    )
    assert (params["host"], str(params["port"]), params["dbname"]) == ("/run/pg", "5433", "teams")
    assert params["sslmode"] == "disable"
    tcp = conninfo_from_url(make_url("postgresql+psycopg://vh@db.example:6432/teams"))
    assert (tcp["host"], tcp["port"]) == ("db.example", 6432)


Connection = psycopg.Connection[tuple[object, ...]]


def _payloads(conn: Connection) -> list[str]:
    return [n.payload for n in conn.notifies(timeout=0.5)]


@contextlib.contextmanager
def _owner_and_listening(pg_team: PgTeam) -> Iterator[tuple[Connection, Connection]]:
    """The database owner's connection, and one that listens to the changes."""
    conninfo = pg_team.cluster.conninfo(pg_team.database)
    with (
        psycopg.connect(conninfo, autocommit=True) as owner,
        psycopg.connect(conninfo, autocommit=True) as listening,
    ):
        listening.execute(f"LISTEN {CHANNEL}")
        yield owner, listening


def test_a_notification_names_the_visits_a_statement_changed(pg_team: PgTeam) -> None:
    """The trigger on a visit's own rows (storage/team/schema.py ``vh_notify_visits``),
    on a probe table of its own: the visits named, each once; the table alone for more
    than ``VISITS_NAMED`` visits or a row of no visit; nothing for a statement that
    changed no row."""
    with _owner_and_listening(pg_team) as (owner, listening):
        owner.execute("CREATE TABLE probe_rows (visit_id integer)")
        try:
            for event, rows in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
                owner.execute(
                    f"CREATE TRIGGER probe_{event.lower()} AFTER {event} ON probe_rows "
                    f"REFERENCING {rows} TABLE AS changed_rows FOR EACH STATEMENT "
                    "EXECUTE FUNCTION vh_notify_visits()"
                )
            owner.execute("INSERT INTO probe_rows VALUES (3), (1), (3)")
            assert _payloads(listening) == ["probe_rows 1,3"]
            owner.execute("UPDATE probe_rows SET visit_id = visit_id WHERE false")
            assert _payloads(listening) == []
            owner.execute(f"INSERT INTO probe_rows SELECT generate_series(10, {9 + VISITS_NAMED})")
            (named,) = _payloads(listening)
            assert len(named.split(" ")[1].split(",")) == VISITS_NAMED
            owner.execute(f"INSERT INTO probe_rows SELECT generate_series(1, {VISITS_NAMED + 1})")
            assert _payloads(listening) == ["probe_rows"]
            owner.execute("INSERT INTO probe_rows VALUES (NULL), (5)")
            assert _payloads(listening) == ["probe_rows"]
            owner.execute("DELETE FROM probe_rows WHERE visit_id = 5")
            assert _payloads(listening) == ["probe_rows 5"]
        finally:
            owner.execute("DROP TABLE probe_rows")


def test_an_update_of_visits_names_moved_heads_apart_from_details(pg_team: PgTeam) -> None:
    """``vh_notify_visits`` on ``visits`` (a probe table of that name in a schema of its
    own): an update that moves a visit's state, people or times names it as
    ``visits``; one that changes its other columns only, as ``visits.details``; both
    from one statement; the table alone for more than ``VISITS_NAMED``."""
    with _owner_and_listening(pg_team) as (owner, listening):
        owner.execute("CREATE SCHEMA probe")
        try:
            columns = ", ".join(f"{c} integer" for c in HEAD_COLUMNS)
            owner.execute(f"CREATE TABLE probe.visits (id integer, note text, {columns})")
            owner.execute(
                "CREATE TRIGGER probe_update AFTER UPDATE ON probe.visits REFERENCING OLD "
                "TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT "
                "EXECUTE FUNCTION public.vh_notify_visits()"
            )
            owner.execute(
                "INSERT INTO probe.visits (id, state, buddy_id) "
                f"SELECT generate_series(1, {VISITS_NAMED + 1}), 1, 1"
            )
            _payloads(listening)  # nothing before this
            owner.execute("UPDATE probe.visits SET note = 'x' WHERE id IN (4, 2)")
            assert _payloads(listening) == [f"{VISIT_DETAILS} 2,4"]
            for column in HEAD_COLUMNS:
                owner.execute(f"UPDATE probe.visits SET {column} = 7 WHERE id = 3")
                assert _payloads(listening) == ["visits 3"], column
            owner.execute(
                "UPDATE probe.visits SET note = 'y', buddy_id = CASE id WHEN 5 THEN 2 "
                "ELSE buddy_id END WHERE id IN (5, 6)"
            )
            assert sorted(_payloads(listening)) == ["visits 5", f"{VISIT_DETAILS} 6"]
            owner.execute("UPDATE probe.visits SET note = 'z' WHERE false")
            assert _payloads(listening) == []
            owner.execute("UPDATE probe.visits SET note = 'z'")
            assert _payloads(listening) == ["visits"]
        finally:
            owner.execute("DROP SCHEMA probe CASCADE")


def test_a_departure_names_its_visit(pg_team: PgTeam) -> None:
    from tests.services.test_services import _assessment, _plan
    from veilig_huisbezoek.domain.checklist import RiskLevel
    from veilig_huisbezoek.services import visits

    sanne = pg_team.login("sanne")
    assert isinstance(sanne.store, TeamStore)
    events: queue.Queue[tuple[str, object]] = queue.Queue()
    listener = _listener(sanne.store, events)
    listener.start()
    try:
        _wait_connected(listener)
        plan = _plan(sanne, pg_team)  # type: ignore[arg-type]
        visit_id = visits.save_visit(sanne, plan, _assessment(RiskLevel.GROEN))
        visits.schedule_visit(sanne, visit_id)
        present_as(pg_team.login, "bram")
        time.sleep(0.5)
        while not events.empty():
            events.get()
        visits.depart(sanne, visit_id)
        payloads = _next(events, "change", timeout=2)
        assert isinstance(payloads, set)
        changes = parse_changes(payloads)
        assert changes.visit_ids == {visit_id}
        assert {"visits", "visit_events"} <= changes.tables
        assert changes.touched == VisitsTouched(frozenset({visit_id}))
        # The buddy's call a minute later (it stamps the visit's updated_at) leaves the
        # visit's head as it was: its details only.
        pg_team.clock.advance(timedelta(minutes=1))
        bram = pg_team.login("bram")
        try:
            call_all_well(bram, visit_id)
        finally:
            bram.store.close()
        payloads = _next(events, "change", timeout=2)
        assert isinstance(payloads, set)
        changes = parse_changes(payloads)
        assert {"calls", VISIT_DETAILS} <= changes.tables
        assert changes.touched == VisitsTouched(frozenset(), frozenset({visit_id}))
    finally:
        listener.stop()
        sanne.store.close()
