"""services.board.board_rows: who sees which running visits, in three queries however many."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.services import visits
from veilig_huisbezoek.services.board import BoardRow, board_rows
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.visit_details import get_visit_detail
from veilig_huisbezoek.storage.models import Account, Callback, Visit, VisitColleague

pytestmark = pytest.mark.gui


def add_running_visits(ctx: ServiceContext, count: int) -> None:
    """Test helper: ``count`` extra running visits with call-backs, straight into the store."""
    now = ctx.now()
    with ctx.store.session() as session:
        ids = {a.username: a.id for a in session.execute(select(Account)).scalars()}
        workers = [ids["sanne"], ids["ahmed"], ids["lotte"]]
        for i in range(count):
            visitor = workers[i % 3]
            buddy = workers[(i + 1) % 3] if i % 4 else ids["petra"]
            start = now - timedelta(minutes=i % 60)
            end = start + timedelta(minutes=90)
            visit = Visit(
                visitor_id=visitor,
                buddy_id=buddy,
                reason="dienstverlening",
                street="Teststraat",
                house_number=i + 1,
                addition="",
                postcode="6411 AB",
                city="Heerlen",
                residents="",
                clients="",
                client_phone="",
                start_at=start,
                expected_return_at=end,
                roles_note="",
                interpreter=False,
                announced_in_writing=True,
                state=(VisitState.GEESCALEERD if i % 50 == 0 else VisitState.ONDERWEG).value,
                level=list(RiskLevel)[i % 3].value,
                deviation_reason="",
                consent_reason="",
                created_at=start,
                updated_at=start,
            )
            visit.callbacks = [
                Callback(
                    due_at=start + timedelta(minutes=m),
                    kind="gepland",
                    status="gedaan" if start + timedelta(minutes=m) < now else "open",
                    created_at=start,
                )
                for m in (10, 40, 70, 90)
            ]
            if i % 5 == 0:
                third = next(w for w in workers if w not in (visitor, buddy))
                visit.colleagues = [VisitColleague(account_id=third)]
            session.add(visit)


def count_queries(ctx: ServiceContext) -> list[str]:
    statements: list[str] = []

    def record(*args: object) -> None:
        statement = args[2]
        assert isinstance(statement, str)
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(ctx.store.engine, "before_cursor_execute", record)
    return statements


def test_rows_match_the_visible_active_visits(demo: DemoEnv) -> None:
    for user in ("ahmed", "sanne", "lotte", "petra"):
        ctx = demo.login(user)
        rows = {r.visit_id: r for r in board_rows(ctx)}
        expected = {v.id: v for v in visits.list_visits(ctx, active_only=True)}
        assert set(rows) == set(expected), user
        for visit_id, row in rows.items():
            summary = expected[visit_id]
            assert row.state is summary.state
            assert row.level is summary.level
            assert row.address_short == summary.address.short()
            assert row.expected_return == summary.expected_return
            assert row.next_callback_due == summary.next_callback
            assert row.may_call is (summary.buddy_id == ctx.actor.account_id or user == "petra"), (
                user,
                visit_id,
            )


def test_row_details_come_from_the_visit(demo: DemoEnv) -> None:
    ctx = demo.login("petra")
    for row in board_rows(ctx):
        detail = get_visit_detail(ctx, row.visit_id)
        assert row.visitor_name == detail.visitor.display_name
        assert row.visitor_phone == detail.visitor.phone
        assert row.buddy_name == detail.buddy.display_name
        assert row.next_callback_id == (detail.next_callback.id if detail.next_callback else None)


def test_beheerder_sees_nothing(demo: DemoEnv) -> None:
    assert board_rows(demo.login("tom")) == []


def test_finished_visits_leave_the_board(demo: DemoEnv) -> None:
    ctx = demo.login("petra")
    first = board_rows(ctx)[0]
    visits.return_safe(ctx, first.visit_id)
    assert first.visit_id not in {r.visit_id for r in board_rows(ctx)}


def test_500_running_visits_in_three_queries(demo: DemoEnv) -> None:
    setup = demo.login("petra")
    add_running_visits(setup, 500)
    for user in ("petra", "ahmed"):
        ctx = demo.login(user)
        statements = count_queries(ctx)
        started = time.perf_counter()
        rows = board_rows(ctx)
        elapsed = time.perf_counter() - started
        assert len(statements) <= 3, statements  # visits, their people (each once), call-backs
        if user == "petra":
            assert len(rows) == 506
        else:
            assert 100 < len(rows) < 506
        assert all(isinstance(r, BoardRow) for r in rows)
        print(
            f"\nboard_rows for {user}: {len(rows)} rows, {len(statements)} queries, "
            f"{1000 * elapsed:.1f} ms"
        )
