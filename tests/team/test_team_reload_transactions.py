"""What a live desk reads on every change costs one transaction each, on the embedded
store and on a team server: the schedule's snapshot (with its settings and presence)
the board (with the settings it shows them by) and the alarm panel. Each transaction more is round
trips more for every desk of the team, on every change (docs/performance.md, the
100-workstation bench)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import partial

from sqlalchemy import event

from tests.conftest import Team
from tests.reminders.helpers import running_visit
from veilig_huisbezoek.services import alarms, board
from veilig_huisbezoek.services.context import ServiceContext

MIN = timedelta(minutes=1)


@contextmanager
def transactions(ctx: ServiceContext) -> Iterator[list[object]]:
    """The transactions begun on this workstation's engine meanwhile (their
    connections)."""
    begun: list[object] = []

    def began(conn: object) -> None:
        begun.append(conn)

    engine = ctx.store.engine
    event.listen(engine, "begin", began)
    try:
        yield begun
    finally:
        event.remove(engine, "begin", began)


def test_a_desks_reads_on_a_change_are_one_transaction_each(any_team: Team) -> None:
    team = any_team
    start = team.clock.now() + 5 * MIN
    first = running_visit(team, start=start, end=start + 120 * MIN)
    team.clock.advance(10 * MIN)
    for name in ("petra", "bram", "sanne"):
        ctx = team.login(name)
        try:
            whole = alarms.snapshot(ctx, contacts=True)
            reads: dict[str, Callable[[], object]] = {
                "snapshot": partial(alarms.snapshot, ctx, contacts=True),
                "snapshot by visit": partial(
                    alarms.snapshot, ctx, contacts=True, base=whole, visit_ids={first}
                ),
                "board": partial(board.board_and_settings, ctx),
                "board by visit": partial(board.board_and_settings, ctx, {first}),
                "alarm panel": partial(alarms.panel_alarms, ctx),
            }
            for what, read in reads.items():
                with transactions(ctx) as begun:
                    read()
                assert len(begun) == 1, (name, what)
        finally:
            ctx.store.close()
