"""Before departure on a team server (docs/design.md §4a): the visitor changes the buddy in the
departure's own transaction, or goes anyway and the server lets the visitor (not a
leidinggevende) raise the alarm "Vertrokken zonder bereikbare buddy" for the
leidinggevenden; nothing else of that audience."""

from __future__ import annotations

import psycopg
import pytest

from tests.presence_helpers import present_as
from tests.services.test_services import _assessment, _plan
from tests.team.conftest import PgTeam
from tests.team.test_team_attacks import _connect
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.departure import DepartureRefused
from veilig_huisbezoek.domain.reminders import ReminderKind
from veilig_huisbezoek.services import alarms, visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.visit_details import get_visit_detail


def _scheduled(ctx: ServiceContext, team: PgTeam) -> int:
    plan = _plan(ctx, team)  # type: ignore[arg-type]
    visit_id = visits.save_visit(ctx, plan, _assessment(RiskLevel.GROEN))
    visits.schedule_visit(ctx, visit_id)
    return visit_id


def test_departure_with_another_buddy_or_going_anyway_on_the_server(pg_team: PgTeam) -> None:
    sanne = pg_team.login("sanne")
    try:
        # Bram (the planned buddy) is not logged in anywhere: refused, nothing changes.
        first = _scheduled(sanne, pg_team)
        with pytest.raises(DepartureRefused, match="Bram is niet ingelogd"):
            visits.depart(sanne, first)
        # Petra is logged in: she becomes the buddy, in the departure's transaction.
        present_as(pg_team.login, "petra")
        assert [c.first_name for c in visits.buddy_choices(sanne, first)] == ["Petra"]
        visits.depart(sanne, first, new_buddy_id=pg_team.ids["petra"])
        detail = get_visit_detail(sanne, first)
        assert detail.buddy.id == pg_team.ids["petra"]
        # Another visit: Sanne goes anyway; the server takes her alarm for the leads.
        second = _scheduled(sanne, pg_team)
        visits.depart(sanne, second, go_anyway_reason="Bram belt vanaf zijn mobiel.")
    finally:
        sanne.store.close()
    petra = pg_team.login("petra")
    try:
        (alarm,) = [a for a in alarms.open_alarms(petra) if a.visit_id == second]
        assert alarm.kind is ReminderKind.UNWATCHED_DEPARTURE
        assert alarms.acknowledge(petra, alarm.id).acknowledged
    finally:
        petra.store.close()


def test_a_medewerker_raises_no_other_alarm_for_the_leidinggevenden(pg_team: PgTeam) -> None:
    sanne = pg_team.login("sanne")
    try:
        planned = _scheduled(sanne, pg_team)  # gepland, not onderweg
        present_as(pg_team.login, "bram")
        running = _scheduled(sanne, pg_team)
        visits.depart(sanne, running)
    finally:
        sanne.store.close()
    with _connect(pg_team, "sanne") as conn:  # type: ignore[arg-type]
        for key, kind, visit in (
            (f"departure:{planned}", "zonder_buddy", planned),  # not out yet
            (f"departure:{running}", "escalatie", running),  # another kind
            (f"other:{running}", "zonder_buddy", running),  # another key
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(
                    "INSERT INTO alarms (reminder_key, kind, visit_id, due_at, raised_at, late, "
                    "audience) VALUES (%s, %s, %s, now(), now(), false, 'leidinggevenden')",
                    (key, kind, visit),
                )
            conn.rollback()
    # The buddy is not the visitor: no 'zonder_buddy' alarm from him either.
    with (
        _connect(pg_team, "bram") as conn,  # type: ignore[arg-type]
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(
            "INSERT INTO alarms (reminder_key, kind, visit_id, due_at, raised_at, late, "
            "audience) VALUES (%s, 'zonder_buddy', %s, now(), now(), false, "
            "'leidinggevenden')",
            (f"departure:{running}", running),
        )
