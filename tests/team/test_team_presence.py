"""Presence on a team server: two people on their own connections see each other; the
server stamps the times with its own clock, whatever the workstations' clocks say."""

from __future__ import annotations

import time
from datetime import timedelta

import psycopg

from tests.conftest import PASSWORDS
from tests.team.conftest import PgTeam
from veilig_huisbezoek.domain.presence import ABSENT_AFTER
from veilig_huisbezoek.services import presence


def test_two_workstations_see_each_others_presence(pg_team: PgTeam) -> None:
    sanne, bram = pg_team.login("sanne"), pg_team.login("bram")
    try:
        sanne_session, bram_session = presence.new_session_id(), presence.new_session_id()
        presence.heartbeat(sanne, sanne_session)
        presence.heartbeat(bram, bram_session, locked=True)  # locked counts
        # The fake clock of the workstations is weeks away from the server's: the
        # snapshot moves the server's times onto this workstation's clock.
        for ctx, other in ((sanne, "bram"), (bram, "sanne")):
            people = presence.read_presence(ctx).people(ctx.now())
            assert people[pg_team.ids[other]].present, other
            assert abs(people[pg_team.ids[other]].last_seen - ctx.now()) < timedelta(seconds=30)
        # Bram logs out: Sanne sees it at once.
        presence.end_session(bram, bram_session)
        people = presence.read_presence(sanne).people(sanne.now())
        assert not people[pg_team.ids["bram"]].present
        assert people[pg_team.ids["sanne"]].present
    finally:
        sanne.store.close()
        bram.store.close()


def test_a_session_whose_heartbeats_stop_expires_on_the_servers_clock(pg_team: PgTeam) -> None:
    sanne, bram = pg_team.login("sanne"), pg_team.login("bram")
    try:
        presence.heartbeat(bram, presence.new_session_id())
        snapshot = presence.read_presence(sanne)
        # Bram's workstation crashed: his row stays as it was; once three heartbeats
        # are missed (server time), Sanne's next read says absent.
        with psycopg.connect(pg_team.cluster.conninfo(pg_team.database)) as conn:
            conn.execute("SET session_replication_role = replica")  # past the guard
            conn.execute(
                "UPDATE presence SET seen_at = seen_at - %s", (ABSENT_AFTER + timedelta(seconds=5),)
            )
        assert snapshot.people(sanne.now())[pg_team.ids["bram"]].present
        later = presence.read_presence(sanne).people(sanne.now())
        assert not later[pg_team.ids["bram"]].present
    finally:
        sanne.store.close()
        bram.store.close()


def test_the_server_stamps_its_own_time_and_keeps_an_ended_session_ended(pg_team: PgTeam) -> None:
    bram = pg_team.login("bram")
    try:
        session_id = presence.new_session_id()
        # The workstation's (fake) clock is not what the server writes down.
        presence.heartbeat(bram, session_id)
        with psycopg.connect(pg_team.cluster.conninfo(pg_team.database)) as conn:
            seen, server_now = conn.execute(
                "SELECT seen_at, (now() AT TIME ZONE 'UTC') FROM presence"
            ).fetchone()  # type: ignore[misc]
        assert abs(server_now - seen) < timedelta(minutes=1)
        presence.end_session(bram, session_id)
        time.sleep(0.05)
        presence.heartbeat(bram, session_id)  # a heartbeat queued behind the logout
        assert not presence.read_presence(bram).people(bram.now())[pg_team.ids["bram"]].present
    finally:
        bram.store.close()


def test_presence_rows_hold_nothing_personal(pg_team: PgTeam) -> None:
    bram = pg_team.login("bram")
    try:
        presence.heartbeat(bram, presence.new_session_id())
    finally:
        bram.store.close()
    with psycopg.connect(pg_team.cluster.conninfo(pg_team.database)) as conn:
        columns = [
            r[0]
            for r in conn.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'presence' ORDER BY ordinal_position"
            )
        ]
        row = conn.execute("SELECT * FROM presence").fetchone()
    assert columns == ["session_id", "account_id", "started_at", "seen_at", "locked", "ended_at"]
    assert row is not None
    assert not any(PASSWORDS["bram"] in str(value) or "Smit" in str(value) for value in row)
