"""On a team server a write transaction holds the team's write lock until it commits
(storage/team/store.py). What a desk only reads, and above all what every desk reads
again on every change (its pages, the schedule, the alarms), must not wait for that
lock: at a hundred desks each change would queue a hundred readers behind every writer
(docs/performance.md, *A team server for a whole municipality*)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import psycopg

from tests.conftest import PASSWORDS
from tests.helpers import call_all_well
from tests.presence_helpers import present_as
from tests.services.test_services import _assessment, _plan
from tests.team.conftest import PgTeam
from tests.team.test_team_departure import _scheduled
from tests.team.test_team_rotation import note
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.errors import ValidationError
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.services import (
    accounts,
    alarms,
    board,
    history,
    planning,
    presence,
    register,
    visits,
)
from veilig_huisbezoek.storage.team.rules import WRITE_LOCK

PATIENCE_S = 5.0  # far longer than any of these reads takes on its own


def _waits_while(holding: AbstractContextManager[object], action: Callable[[], object]) -> bool:
    """Run ``action`` on another thread while ``holding`` (a colleague's transaction,
    entered here) is open; True if it was still waiting after ``PATIENCE_S``. The
    transaction ends either way, so a waiting action ends too (its errors are raised
    here)."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            action()
        except BaseException as exc:  # handed to the test's thread
            failures.append(exc)

    with holding:
        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        thread.join(PATIENCE_S)
        waited = thread.is_alive()
    thread.join(60)
    if failures:
        raise failures[0]
    return waited


@contextlib.contextmanager
def _write_lock_held(team: PgTeam) -> Iterator[None]:
    """The audit chain's lock held by an open transaction, as the server's
    ``vh_audit_head`` takes it for a colleague's audit entry (or an app of an earlier
    version from the start of every write)."""
    with psycopg.connect(team.cluster.conninfo(team.database)) as writer:
        writer.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        yield
        writer.rollback()


def _waits_for_a_colleagues_write(team: PgTeam, read: Callable[[], object]) -> bool:
    return _waits_while(_write_lock_held(team), read)


def test_what_a_desk_only_reads_does_not_wait_for_a_colleagues_write(pg_team: PgTeam) -> None:
    sanne = pg_team.login("sanne")
    petra = pg_team.login("petra")
    try:
        visit_id = _scheduled(sanne, pg_team)
        reads: dict[str, Callable[[], object]] = {
            # Every page and the schedule, again on every change (hub.visits_changed).
            "mijn bezoeken": lambda: planning.my_open_visits(sanne),
            "toestemming (pagina)": lambda: history.pending_consents(petra),
            "toestemming (planning)": lambda: planning.pending_consents(petra),
            "adresregister": lambda: register.search_notes(petra),
            "adresregister (tellingen)": lambda: register.register_counts(petra),
            "adresregister (lijst)": lambda: register.list_notes(petra),
            "bord": lambda: board.board_and_settings(petra),
            "schema": lambda: alarms.snapshot(sanne, contacts=True),
            "alarmen": lambda: alarms.open_alarms(petra),
            "alarmpaneel": lambda: alarms.panel_alarms(sanne),
            "aanwezigheid": lambda: presence.read_presence(sanne),
            # Before a departure, and unlocking after idle time.
            "buddy bereikbaar": lambda: visits.buddy_check(sanne, visit_id),
            "andere buddy": lambda: visits.buddy_choices(sanne, visit_id),
            "account zoeken": lambda: accounts.find_account_id(petra, "bram"),
            "ontgrendelen": lambda: accounts.verify_credentials(sanne, "sanne", PASSWORDS["sanne"]),
        }
        waiting = [
            name for name, read in reads.items() if _waits_for_a_colleagues_write(pg_team, read)
        ]
        assert waiting == []
        # The control: a write does wait for the lock (else the reads above prove nothing).
        assert _waits_for_a_colleagues_write(
            pg_team, lambda: visits.depart(sanne, visit_id, go_anyway_reason="Bram belt later.")
        )
    finally:
        sanne.store.close()
        petra.store.close()


def test_changes_to_different_visits_run_side_by_side(pg_team: PgTeam) -> None:
    """A desk in the middle of a change to one visit holds up the other changes to that
    visit and every other kind of write, not a change to another visit nor saving a new
    one; a write of another kind holds up every change."""
    present_as(pg_team.login, "bram")
    sanne = pg_team.login("sanne")
    petra = pg_team.login("petra")
    try:
        first, second, third = (_scheduled(sanne, pg_team) for _ in range(3))
        visits.depart(sanne, first)
        assert not _waits_while(
            petra.store.visit_session(first), lambda: visits.depart(sanne, second)
        )
        assert _waits_while(
            petra.store.visit_session(first), lambda: visits.return_safe(sanne, first)
        )
        # A new visit is saved beside it too; a register note is a write of another kind.
        saved: list[int] = []
        assert not _waits_while(
            petra.store.visit_session(second),
            lambda: saved.append(
                visits.save_visit(sanne, _plan(sanne, pg_team), _assessment(RiskLevel.GROEN))
            ),
        )
        assert _waits_while(
            petra.store.visit_session(second),
            lambda: note(sanne, "Agressieve hond los in de tuin; vooraf bellen en met twee gaan."),
        )
        assert _waits_while(petra.store.session(), lambda: visits.depart(sanne, third))
        states = {v.id: v.state for v in visits.list_visits(sanne)}
        assert states[first] is VisitState.TERUG_VEILIG
        assert states[second] is states[third] is VisitState.ONDERWEG
        assert states[saved[0]] is VisitState.CONCEPT
    finally:
        sanne.store.close()
        petra.store.close()


def test_desks_changing_visits_at_once_keep_one_audit_chain(pg_team: PgTeam) -> None:
    """Sanne comes back from three visits while Bram calls on all six at the same time:
    every change the app said it made is there, the calls after a return are refused,
    and the audit log is one chain, in order, without a gap."""
    present_as(pg_team.login, "bram")
    sanne = pg_team.login("sanne")
    bram = pg_team.login("bram")
    try:
        running = []
        for _ in range(6):
            visit_id = _scheduled(sanne, pg_team)
            visits.depart(sanne, visit_id)
            running.append(visit_id)
        recorded: list[int] = []
        refused: list[int] = []

        def come_back() -> None:
            for visit_id in running[:3]:
                visits.return_safe(sanne, visit_id)

        def call() -> None:
            for _round in range(2):
                for visit_id in running:
                    try:
                        call_all_well(bram, visit_id)
                    except ValidationError:
                        refused.append(visit_id)  # back already
                    else:
                        recorded.append(visit_id)

        threads = [threading.Thread(target=work) for work in (come_back, call)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert not any(thread.is_alive() for thread in threads)
        assert set(refused) <= set(running[:3])
        assert len(recorded) + len(refused) == 12
        states = {v.id: v.state for v in visits.list_visits(sanne)}
        assert all(states[v] is VisitState.TERUG_VEILIG for v in running[:3])
        assert all(states[v] is VisitState.ONDERWEG for v in running[3:])
    finally:
        sanne.store.close()
        bram.store.close()
    with psycopg.connect(pg_team.cluster.conninfo(pg_team.database)) as owner:
        calls = owner.execute(
            "SELECT visit_id, count(*) FROM calls GROUP BY visit_id ORDER BY visit_id"
        ).fetchall()
        chain = owner.execute("SELECT id, prev_hash, hash FROM audit_log ORDER BY id").fetchall()
    assert dict(calls) == {v: recorded.count(v) for v in set(recorded)}
    assert [row[0] for row in chain] == list(range(1, len(chain) + 1))
    assert all(chain[i][1] == chain[i - 1][2] for i in range(1, len(chain)))
