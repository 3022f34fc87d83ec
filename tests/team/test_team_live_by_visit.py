"""A live change names its visits, and a desk re-reads those only (issue: a team server
at 100 workstations). Before, every desk re-read every running visit for its board and
its schedule on every change anywhere in the team."""

from __future__ import annotations

from collections.abc import Collection
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from tests.helpers import call_all_well
from tests.reminders.helpers import running_visit
from tests.team.conftest import PgTeam
from tests.team.test_team_gui import _submit
from tests.team.test_team_gui import window as window  # the fixture
from veilig_huisbezoek.gui import board as board_module
from veilig_huisbezoek.gui.board import BoardPage
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.services import alarms, visits
from veilig_huisbezoek.services.alarms import AlarmInfo, ReminderSnapshot
from veilig_huisbezoek.services.context import ServiceContext

pytestmark = pytest.mark.gui

MIN = timedelta(minutes=1)


class Reads:
    """What a live desk's board, schedule and alarm panel read (the visits asked for;
    None: everything)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.board: list[Collection[int] | None] = []
        self.schedule: list[Collection[int] | None] = []
        self.panel = 0
        real_board, real_snapshot = board_module.board_and_settings, alarms.snapshot
        real_open = alarms.open_alarms

        def board(ctx: ServiceContext, visit_ids: Collection[int] | None = None) -> object:
            self.board.append(visit_ids)
            return real_board(ctx, visit_ids)

        def snapshot(ctx: ServiceContext, **options: object) -> ReminderSnapshot:
            self.schedule.append(options.get("visit_ids"))  # type: ignore[arg-type]
            return real_snapshot(ctx, **options)  # type: ignore[arg-type]

        def open_alarms(ctx: ServiceContext, session: Session | None = None) -> list[AlarmInfo]:
            self.panel += 1
            return real_open(ctx, session)

        monkeypatch.setattr(board_module, "board_and_settings", board)
        monkeypatch.setattr(alarms, "snapshot", snapshot)
        monkeypatch.setattr(alarms, "open_alarms", open_alarms)

    def clear(self) -> None:
        self.board.clear()
        self.schedule.clear()
        self.panel = 0


def _bram_at_his_board(qtbot: QtBot, window: MainWindow, running: set[int]) -> BoardPage:
    _submit(qtbot, window, "bram")
    assert window.workspace is not None and window.scheduler is not None
    window.workspace.show_page("board")
    board = window.workspace.pages["board"]
    assert isinstance(board, BoardPage)
    qtbot.waitUntil(lambda: window.live is not None and window.live.connected, timeout=5_000)
    qtbot.waitUntil(lambda: board.model.rowCount() == len(running), timeout=10_000)
    scheduler = window.scheduler
    qtbot.waitUntil(lambda: {r.visit_id for r in scheduler.pending} >= running, timeout=10_000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    return board


def test_a_return_elsewhere_is_read_for_that_visit_only(
    qtbot: QtBot, window: MainWindow, pg_team: PgTeam, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = pg_team.clock.now() + 5 * MIN
    back, stays = (running_visit(pg_team, start=start, end=start + 90 * MIN) for _ in range(2))
    reads = Reads(monkeypatch)
    board = _bram_at_his_board(qtbot, window, {back, stays})  # the buddy of both
    scheduler = window.scheduler
    assert scheduler is not None
    reads.clear()

    # Sanne comes back from one of them, at her own desk.
    sanne = pg_team.login("sanne")
    try:
        visits.return_safe(sanne, back)
    finally:
        sanne.store.close()
    qtbot.waitUntil(lambda: board.model.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: {r.visit_id for r in scheduler.pending} == {stays}, timeout=5_000)
    assert board.model.row_at(0).visit_id == stays
    assert reads.board and all(ids == {back} for ids in reads.board)
    assert reads.schedule and all(ids == {back} for ids in reads.schedule)


def test_a_call_on_a_visit_this_desk_does_not_hold_is_not_read(
    qtbot: QtBot, window: MainWindow, pg_team: PgTeam, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A call changes a visit's details, not who watches it: Bram's desk (a medewerker)
    reads nothing for a call on a visit he cannot read, and that visit only for a
    call on one of his own."""
    start = pg_team.clock.now() + 5 * MIN
    mine = running_visit(pg_team, start=start, end=start + 90 * MIN)
    theirs = running_visit(pg_team, start=start, end=start + 90 * MIN, buddy="petra")
    reads = Reads(monkeypatch)
    board = _bram_at_his_board(qtbot, window, {mine})
    assert window.live is not None
    told: list[object] = []
    window.live.changed.connect(told.append)
    reads.clear()

    petra = pg_team.login("petra")
    try:
        call_all_well(petra, theirs)  # petra, its buddy
        qtbot.waitUntil(lambda: bool(told), timeout=5_000)
        qtbot.wait(300)  # what a read would have taken
        qtbot.waitUntil(lambda: not window.tasks.busy, timeout=5_000)
        assert (reads.board, reads.schedule, reads.panel) == ([], [], 0)

        call_all_well(petra, mine)  # petra, the leidinggevende: a visit Bram holds
    finally:
        petra.store.close()
    qtbot.waitUntil(lambda: bool(reads.board) and bool(reads.schedule), timeout=5_000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=5_000)
    assert all(ids == {mine} for ids in reads.board)
    assert all(ids == {mine} for ids in reads.schedule)
    assert board.model.rowCount() == 1
