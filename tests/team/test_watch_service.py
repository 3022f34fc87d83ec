"""The watch service, the last line (docs/design.md §4a), on the real PostgreSQL of the
team tests and a real SMTP server on loopback: what it sends, once per step, until
someone takes charge in the app; through restarts of itself, the database and the
relay; nothing personal in any message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from tests.reminders.helpers import running_visit
from tests.team.conftest import PgTeam
from tests.team.test_team_failover import _age_presence
from tests.team.watch_helpers import (
    WATCH_PASSWORD,
    add_watch,
    local_hhmm,
    make_service,
    smtp_server,
    watch_config,
    watch_role,
)
from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.domain.reminders import ReminderKind
from veilig_huisbezoek.services import alarms, presence
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.watch import watch_status
from veilig_huisbezoek.watch.service import DATABASE_DOWN, SMTP_DOWN

MIN = timedelta(minutes=1)
# Default settings: overdue 15 minutes after the expected return, escalation 10 later.
LADDER = 25 * MIN


def _take_charge(ctx: ServiceContext, kind: ReminderKind) -> None:
    """Raise (if no desk did) and acknowledge the alarm of this kind: taking charge."""
    (reminder,) = [r for r in alarms.missed_since(ctx, ctx.now()) if r.kind is kind][:1]
    alarm = alarms.raise_alarm(ctx, reminder, raised_late=True)
    alarms.acknowledge(ctx, alarm.id)


def test_overdue_ladder_then_repeats_until_a_lead_takes_charge(
    pg_team_each_version: PgTeam,
) -> None:
    # Also on PostgreSQL 16: add-watch's role attributes and grants there.
    pg_team = pg_team_each_version
    now = pg_team.clock.now()
    end = now + timedelta(hours=1)
    visit_id = running_visit(pg_team, start=now, end=end, callbacks=())  # type: ignore[arg-type]
    url = add_watch(pg_team)
    with smtp_server() as smtp:
        service = make_service(url, watch_config(smtp.port), pg_team.clock)
        try:
            # Bram (the buddy) is present all along: only the ladder matters here.
            bram = pg_team.login("bram")
            session = presence.new_session_id()
            pg_team.clock.set(end + LADDER - timedelta(seconds=1))
            presence.heartbeat(bram, session)
            assert service.check().sent == ()  # one second before the ladder's end
            pg_team.clock.set(end + LADDER)
            presence.heartbeat(bram, session)
            (step,) = service.check().sent
            assert step.visit_id == visit_id
            assert smtp.inbox.wait_for(1, 5)
            (text,) = smtp.inbox.texts()
            assert f"bezoek {visit_id}" in text
            assert "25 minuten over tijd, niemand heeft het alarm opgepakt" in text
            assert "Open Veilig Huisbezoek" in text
            # The same step is never sent twice, not by this service nor by a second one.
            assert service.check().sent == ()
            second = make_service(url, watch_config(smtp.port), pg_team.clock)
            assert second.check().sent == ()
            second.close()
            # Five minutes on: the first repeat.
            pg_team.clock.advance(5 * MIN)
            presence.heartbeat(bram, session)
            assert len(service.check().sent) == 1
            assert "30 minuten over tijd" in smtp.inbox.texts()[-1]
            # Petra takes charge in the app: no more messages.
            petra = pg_team.login("petra")
            try:
                _take_charge(petra, ReminderKind.ESCALATION)
            finally:
                petra.store.close()
            for _ in range(3):
                pg_team.clock.advance(5 * MIN)
                presence.heartbeat(bram, session)
                assert service.check().sent == ()
            assert len(smtp.inbox.texts()) == 2
            bram.store.close()
        finally:
            service.close()


def test_nobody_watching_sends_until_someone_takes_charge(pg_team: PgTeam) -> None:
    now = pg_team.clock.now()
    visit_id = running_visit(
        pg_team,  # type: ignore[arg-type]
        start=now,
        end=now + timedelta(hours=2),
        callbacks=(),
    )
    url = add_watch(pg_team)
    with smtp_server() as smtp:
        service = make_service(url, watch_config(smtp.port, unwatched=2), pg_team.clock)
        try:
            assert service.check().sent == ()  # Bram is there
            # Bram's laptop died; five minutes on, nobody watches since the start.
            pg_team.clock.advance(5 * MIN)
            _age_presence(pg_team, 6 * MIN)
            (step,) = service.check().sent
            assert step.visit_id == visit_id
            assert smtp.inbox.wait_for(1, 5)
            assert f"niemand kijkt mee sinds {local_hhmm(now)}" in smtp.inbox.texts()[0]
            # (The server's clock stands still against the fake one: Bram's last
            # heartbeat ages with every step of the fake clock.)
            pg_team.clock.advance(5 * MIN)
            _age_presence(pg_team, 5 * MIN)
            assert len(service.check().sent) == 1  # the repeat
            petra = pg_team.login("petra")
            try:
                _take_charge(petra, ReminderKind.BUDDY_UNREACHABLE)
            finally:
                petra.store.close()
            pg_team.clock.advance(10 * MIN)
            _age_presence(pg_team, 10 * MIN)
            assert service.check().sent == ()
            assert len(smtp.inbox.texts()) == 2
        finally:
            service.close()


def test_database_restart_then_it_goes_on(pg_team: PgTeam) -> None:
    now = pg_team.clock.now()
    end = now + timedelta(hours=1)
    running_visit(pg_team, start=now, end=end, callbacks=())  # type: ignore[arg-type]
    url = add_watch(pg_team)
    with smtp_server() as smtp:
        service = make_service(url, watch_config(smtp.port, unwatched=600), pg_team.clock)
        try:
            pg_team.clock.set(end + LADDER)
            assert len(service.check().sent) == 1
            pg_team.cluster.stop()
            try:
                pg_team.clock.advance(5 * MIN)
                result = service.check()
                assert result.failing == DATABASE_DOWN and result.sent == ()
            finally:
                pg_team.cluster.start()
            # Back: the step that fell due meanwhile goes out, once.
            assert len(service.check().sent) == 1
            assert service.check().sent == ()
            assert len(smtp.inbox.texts()) == 2
        finally:
            service.close()


def test_smtp_down_retries_and_the_app_shows_the_watch_failing(pg_team: PgTeam) -> None:
    now = pg_team.clock.now()
    end = now + timedelta(hours=1)
    running_visit(pg_team, start=now, end=end, callbacks=())  # type: ignore[arg-type]
    url = add_watch(pg_team)
    petra = pg_team.login("petra")
    sanne = pg_team.login("sanne")
    try:
        assert watch_status(petra) is None  # no watch service has beaten yet
        with smtp_server() as smtp:
            service = make_service(url, watch_config(smtp.port, unwatched=600), pg_team.clock)
            try:
                assert service.check().failing == ""
                status = watch_status(petra)
                assert status is not None and status.ok
                assert watch_status(sanne) is None  # the line is the leidinggevenden's
                smtp.stop()
                pg_team.clock.set(end + LADDER)
                result = service.check()
                assert result.failing == SMTP_DOWN and result.sent == ()
                status = watch_status(petra)
                assert status is not None and not status.ok and status.failing == SMTP_DOWN
                assert service.check().failing == SMTP_DOWN  # tries again; still down
                smtp.start()
                # The relay is back: the step was not lost.
                assert len(service.check().sent) == 1
                status = watch_status(petra)
                assert status is not None and status.ok
                # Silent for more than two minutes: red as well.
                with psycopg.connect(pg_team.cluster.conninfo(pg_team.database)) as conn:
                    conn.execute("UPDATE watch_heartbeats SET beat_at = beat_at - interval '3 min'")
                status = watch_status(petra)
                assert status is not None and status.silent and not status.ok
            finally:
                service.close()
        # Sanne cannot read the heartbeats from a SQL prompt either (row security).
        with pg_team.connect_as("sanne") as conn:
            assert conn.execute("SELECT count(*) FROM watch_heartbeats").fetchone() == (0,)
    finally:
        petra.store.close()
        sanne.store.close()


def test_no_message_names_a_person_a_street_or_a_phone(pg_team: PgTeam) -> None:
    """The demo data on the server, hours later: every running demo visit is overdue,
    escalated and unwatched. Every message is searched for every name, street, place
    and phone number of the demo and of the team."""
    from tests.conftest import PASSWORDS
    from tests.team.conftest import TEAM_PHONES
    from tests.team.watch_helpers import TO
    from veilig_huisbezoek.services import demo

    owner = pg_team.cluster.owner_url(pg_team.database)
    import io

    from veilig_huisbezoek import cli

    code = cli.run(
        ["seed-demo", "--database-url", owner, "--user", "anna", "--visits", "12"],
        stdin=io.StringIO(PASSWORDS["anna"] + "\n"),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert code == 0
    url = add_watch(pg_team)
    later = FakeClock(datetime.now(UTC) + timedelta(hours=4))
    with smtp_server() as smtp:
        service = make_service(url, watch_config(smtp.port), later)
        try:
            sent = service.check().sent
        finally:
            service.close()
        assert len(sent) >= 12  # six running visits: the ladder and nobody watching
        assert smtp.inbox.wait_for(len(sent), 10)
        texts = smtp.inbox.texts()
    forbidden: set[str] = {"Heerlen", "Janssen", "Anna", "Sanne", "Bram", "Petra", "+3145"}
    for account in demo.DEMO_ACCOUNTS:
        forbidden |= {account.first_name, account.last_name, account.phone, account.phone[3:]}
    forbidden |= {street for street, _digits in demo._STREETS}
    forbidden |= {digits for _street, digits in demo._STREETS}
    forbidden |= set(demo._RESIDENTS)
    forbidden |= {p.replace(" ", "") for p in TEAM_PHONES.values()} | set(TEAM_PHONES.values())
    for text in texts:
        body = text.replace(TO[1], "")  # the gateway address is the recipient's, not a case's
        for word in forbidden:
            assert word not in body, (word, text)


def test_the_watch_role_reads_nothing_personal_or_sealed(pg_team: PgTeam) -> None:
    from veilig_huisbezoek.storage.team import rules
    from veilig_huisbezoek.storage.team.schema import sealed_columns

    add_watch(pg_team)
    args = pg_team.cluster.connect_args(pg_team.database, watch_role(pg_team), WATCH_PASSWORD)
    with psycopg.connect(**args, autocommit=True) as conn:  # type: ignore[arg-type]
        for table in rules.TEAM_TABLES:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT * FROM {table}")
        for table, column in sealed_columns():
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT {column} FROM {table}")
        for statement in (
            "UPDATE watch_heartbeats SET failing = ''",
            "INSERT INTO watch_sends (step_key, visit_id, claimed_by, claimed_at)"
            " VALUES ('x', 1, 'x', now())",
            "DELETE FROM watch_sends",
            "UPDATE alarms SET acknowledged_at = now()",
            "SELECT * FROM vh_running_heads()",
            "SELECT vh_me()",
            "SELECT * FROM vh_team_public_keys()",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # What it may do: read the schedule through its functions, beat.
        conn.execute("SELECT * FROM vh_watch_visits()").fetchall()
        conn.execute("SELECT vh_watch_beat('')")
    # A person cannot call the watch's functions.
    with pg_team.connect_as("petra") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT * FROM vh_watch_visits()")
