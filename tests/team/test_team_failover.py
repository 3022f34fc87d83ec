"""Failover on a team server (docs/design.md §4a): the server lets a leidinggevende raise the
"Buddy niet bereikbaar" alarm and a colleague (who cannot read the visit itself) the
one for every colleague; the buddy who is back ends it; the visitor can do neither."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest

from tests.reminders.helpers import running_visit
from tests.team.conftest import PgTeam
from veilig_huisbezoek.domain.reminders import Audience, ReminderKind
from veilig_huisbezoek.services import alarms, handover, presence
from veilig_huisbezoek.services.context import ServiceContext

MIN = timedelta(minutes=1)


def _age_presence(team: PgTeam, by: timedelta) -> None:
    """Every session's last heartbeat is ``by`` older (a crashed workstation)."""
    with psycopg.connect(team.cluster.conninfo(team.database)) as conn:
        conn.execute("SET session_replication_role = replica")  # past the guard
        conn.execute("UPDATE presence SET seen_at = seen_at - %s", (by,))


def _failovers(ctx: ServiceContext) -> list[alarms.Reminder]:
    return [
        r for r in alarms.missed_since(ctx, ctx.now()) if r.kind is ReminderKind.BUDDY_UNREACHABLE
    ]


def test_a_lead_raises_it_the_visitor_cannot_end_it_the_buddy_back_does(pg_team: PgTeam) -> None:
    now = pg_team.clock.now()
    visit_id = running_visit(pg_team, start=now, end=now + timedelta(hours=2))  # type: ignore[arg-type]
    bram, petra = pg_team.login("bram"), pg_team.login("petra")
    try:
        presence.heartbeat(bram, presence.new_session_id())
        presence.heartbeat(petra, presence.new_session_id())
        assert _failovers(petra) == []  # Bram is there
        # Bram's laptop died five minutes ago; the visit left at `now`.
        pg_team.clock.advance(5 * MIN)
        _age_presence(pg_team, 6 * MIN)
        presence.heartbeat(petra, presence.new_session_id())
        (reminder,) = _failovers(petra)
        assert reminder.audience is Audience.LEIDINGGEVENDEN
        assert reminder.due_at == now + timedelta(seconds=60) and reminder.visit_id == visit_id
        alarm = alarms.raise_alarm(petra, reminder, raised_late=True)
        assert [a.id for a in alarms.open_alarms(petra)] == [alarm.id]

        # Sanne (the visitor) cannot mark it done from a SQL prompt.
        with pg_team.connect_as("sanne") as sanne, pytest.raises(psycopg.Error):
            sanne.execute(
                "UPDATE alarms SET acknowledged_at = now() AT TIME ZONE 'UTC',"
                " acknowledged_by = %s WHERE id = %s",
                (pg_team.ids["sanne"], alarm.id),
            )
        # Bram is back: his desk records the failover as done (the server lets the buddy).
        presence.heartbeat(bram, presence.new_session_id())
        snap = alarms.snapshot(bram)
        assert snap.failovers_to_resolve() == [alarm.id]
        assert alarms.resolve_failovers(bram, [alarm.id], alarms.REASON_WATCHED_AGAIN) == 1
        assert alarms.open_alarms(petra) == []
        (held,) = alarms.in_hand(petra)
        assert held.acknowledged_by_first_name == "Bram"
    finally:
        bram.store.close()
        petra.store.close()


def test_a_colleague_sees_raises_and_takes_over_a_visit_she_cannot_read(
    pg_team: PgTeam,
) -> None:
    """Petra (leidinggevende) watches Sanne's visit and disappears; Bram, a medewerker
    who is neither visitor nor buddy, gets the alarm for every colleague after 3
    minutes and takes the visit over."""
    now = pg_team.clock.now()
    visit_id = running_visit(pg_team, start=now, end=now + timedelta(hours=2), buddy="petra")  # type: ignore[arg-type]
    bram, petra, sanne = pg_team.login("bram"), pg_team.login("petra"), pg_team.login("sanne")
    try:
        presence.heartbeat(petra, presence.new_session_id())
        # Bram cannot read the visit …
        assert all(v.id != visit_id for v in alarms.snapshot(bram).visits if not v.failover_only)
        pg_team.clock.advance(5 * MIN)
        _age_presence(pg_team, 6 * MIN)
        presence.heartbeat(bram, presence.new_session_id())
        # … but knows its head, so his desk alarms him as a colleague.
        (reminder,) = _failovers(bram)
        assert reminder.audience is Audience.TEAM and reminder.visit_id == visit_id
        assert reminder.visitor_first_name == "Sanne"
        alarm = alarms.raise_alarm(bram, reminder, raised_late=True)
        (shown,) = alarms.open_alarms(bram)
        assert shown.id == alarm.id and shown.buddy_id == pg_team.ids["petra"]
        assert shown.visitor_first_name == "Sanne" and shown.buddy_first_name == "Petra"
        assert shown.address is None  # nothing personal beyond the first names
        # The visitor's desk raises no such alarm about her own visit, nor may it.
        assert _failovers(sanne) == []
        with pg_team.connect_as("sanne") as conn, pytest.raises(psycopg.Error):
            conn.execute(
                "INSERT INTO alarms (reminder_key, kind, visit_id, due_at, raised_at, late,"
                " audience) VALUES ('unwatched:x', 'buddy_onbereikbaar', %s,"
                " now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', false, 'team')",
                (visit_id,),
            )

        handover.take_over(bram, visit_id, from_buddy_id=pg_team.ids["petra"])
        done = alarms.resolve_failovers(
            bram, alarms.open_failovers(bram, visit_id), alarms.REASON_TAKEN_OVER
        )
        assert done == 1
        assert alarms.open_alarms(bram) == []
        assert alarms.snapshot(bram).failovers_to_resolve() == []
    finally:
        bram.store.close()
        petra.store.close()
        sanne.store.close()
