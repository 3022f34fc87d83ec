"""Hand over and take over on a team server: the server enforces who may change the
buddy of a running visit, and of two desks pressing *Overnemen* at once exactly one
wins (``vh_change_buddy`` is a compare-and-set under the row lock)."""

from __future__ import annotations

import threading
from datetime import timedelta

import psycopg
import pytest

from tests.reminders.helpers import running_visit
from tests.team.conftest import PgTeam
from veilig_huisbezoek.domain.presence import ABSENT_AFTER
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.services import handover, presence
from veilig_huisbezoek.services.handover import AlreadyTakenOver
from veilig_huisbezoek.storage.errors import StoreError


def _buddy(team: PgTeam, visit_id: int) -> int:
    with psycopg.connect(team.cluster.conninfo(team.database)) as conn:
        row = conn.execute("SELECT buddy_id FROM visits WHERE id = %s", (visit_id,)).fetchone()
    assert row is not None
    return int(row[0])  # type: ignore[call-overload]


def _age_presence(team: PgTeam) -> None:
    """Every session missed three heartbeats (a crashed workstation)."""
    with psycopg.connect(team.cluster.conninfo(team.database)) as conn:
        conn.execute("SET session_replication_role = replica")  # past the guard
        conn.execute(
            "UPDATE presence SET seen_at = seen_at - %s", (ABSENT_AFTER + timedelta(seconds=5),)
        )


def test_the_buddy_hands_over_and_a_colleague_takes_over(pg_team: PgTeam) -> None:
    now = pg_team.clock.now()
    visit_id = running_visit(pg_team, start=now, end=now + timedelta(hours=1))  # type: ignore[arg-type]
    bram, petra = pg_team.login("bram"), pg_team.login("petra")
    try:
        assert [w.id for w in handover.watched_by_me(bram)] == [visit_id]
        handover.hand_over(bram, visit_id, pg_team.ids["petra"])
        assert _buddy(pg_team, visit_id) == pg_team.ids["petra"]
        assert [w.id for w in handover.watched_by_me(petra)] == [visit_id]
        # Petra's desk died; Bram (a medewerker, not on the visit any more) takes over.
        presence.heartbeat(petra, presence.new_session_id())
        with pytest.raises((PermissionDenied, StoreError), match="overnemen kan"):
            handover.take_over(bram, visit_id, from_buddy_id=pg_team.ids["petra"])
        _age_presence(pg_team)
        handover.take_over(bram, visit_id, from_buddy_id=pg_team.ids["petra"])
        assert _buddy(pg_team, visit_id) == pg_team.ids["bram"]
    finally:
        bram.store.close()
        petra.store.close()


def test_a_sql_prompt_gets_no_further_than_the_app(pg_team: PgTeam) -> None:
    now = pg_team.clock.now()
    visit_id = running_visit(pg_team, start=now, end=now + timedelta(hours=1), visitor="petra")  # type: ignore[arg-type]
    bram_ctx = pg_team.login("bram")
    presence.heartbeat(bram_ctx, presence.new_session_id())
    bram_ctx.store.close()
    with pg_team.connect_as("sanne") as sanne:
        # Sanne is neither visitor nor buddy: she cannot touch the row herself …
        sanne.execute(
            "UPDATE visits SET buddy_id = %s WHERE id = %s", (pg_team.ids["sanne"], visit_id)
        )
        assert _buddy(pg_team, visit_id) == pg_team.ids["bram"]
        # … nor take over while Bram is present, nor hand Bram's visit to someone.
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="overnemen kan"):
            sanne.execute(
                "SELECT vh_change_buddy(%s, %s, %s)",
                (visit_id, pg_team.ids["bram"], pg_team.ids["sanne"]),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="draagt een bezoek over"):
            sanne.execute(
                "SELECT vh_change_buddy(%s, %s, %s)",
                (visit_id, pg_team.ids["bram"], pg_team.ids["anna"]),
            )
        # She sees the numbers of a running visit (to take it over), not the visit.
        head = sanne.execute("SELECT * FROM vh_watch_head(%s)", (visit_id,)).fetchall()
        assert head == [("onderweg", pg_team.ids["petra"], pg_team.ids["bram"])]
        assert (
            sanne.execute("SELECT street FROM visits WHERE id = %s", (visit_id,)).fetchall() == []
        )
    # The buddy himself cannot give the visit to its visitor.
    with (
        pg_team.connect_as("bram") as bram,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="niet de bezoeker"),
    ):
        bram.execute(
            "SELECT vh_change_buddy(%s, %s, %s)",
            (visit_id, pg_team.ids["bram"], pg_team.ids["petra"]),
        )
    assert _buddy(pg_team, visit_id) == pg_team.ids["bram"]


def test_two_desks_press_overnemen_at_once_and_exactly_one_wins(pg_team: PgTeam) -> None:
    now = pg_team.clock.now()
    visit_id = running_visit(pg_team, start=now, end=now + timedelta(hours=1), visitor="petra")  # type: ignore[arg-type]
    _age_presence(pg_team)  # Bram's desk died: both may take over
    desks = {name: pg_team.login(name) for name in ("sanne", "anna")}
    start = threading.Barrier(len(desks))
    outcome: dict[str, str] = {}

    def press(name: str) -> None:
        start.wait()
        try:
            handover.take_over(desks[name], visit_id, from_buddy_id=pg_team.ids["bram"])
            outcome[name] = "won"
        except AlreadyTakenOver as refused:
            outcome[name] = str(refused)

    try:
        threads = [threading.Thread(target=press, args=(name,)) for name in desks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        winners = [name for name, result in outcome.items() if result == "won"]
        assert len(winners) == 1, outcome
        (loser,) = set(desks) - set(winners)
        first = {"sanne": "Sanne", "anna": "Anna"}[winners[0]]
        assert outcome[loser] == f"{first} heeft dit al overgenomen."
        assert _buddy(pg_team, visit_id) == pg_team.ids[winners[0]]
    finally:
        for ctx in desks.values():
            ctx.store.close()
