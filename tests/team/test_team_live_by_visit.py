"""A live change names its visits, and a desk re-reads those only (issue: a team server
at 100 workstations). Before, every desk re-read every running visit for its board and
its schedule on every change anywhere in the team."""

from __future__ import annotations

from collections.abc import Collection
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from tests.reminders.helpers import running_visit
from tests.team.conftest import PgTeam
from tests.team.test_team_gui import _submit
from tests.team.test_team_gui import window as window  # the fixture
from veilig_huisbezoek.gui import board as board_module
from veilig_huisbezoek.gui.board import BoardPage
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.services import alarms, visits
from veilig_huisbezoek.services.alarms import ReminderSnapshot
from veilig_huisbezoek.services.context import ServiceContext

pytestmark = pytest.mark.gui

MIN = timedelta(minutes=1)


def test_a_return_elsewhere_is_read_for_that_visit_only(
    qtbot: QtBot, window: MainWindow, pg_team: PgTeam, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = pg_team.clock.now() + 5 * MIN
    back, stays = (running_visit(pg_team, start=start, end=start + 90 * MIN) for _ in range(2))
    board_reads: list[Collection[int] | None] = []
    schedule_reads: list[Collection[int] | None] = []
    real_rows, real_snapshot = board_module.board_rows, alarms.snapshot

    def rows(ctx: ServiceContext, visit_ids: Collection[int] | None = None) -> object:
        board_reads.append(visit_ids)
        return real_rows(ctx, visit_ids)

    def snapshot(ctx: ServiceContext, **options: object) -> ReminderSnapshot:
        schedule_reads.append(options.get("visit_ids"))  # type: ignore[arg-type]
        return real_snapshot(ctx, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(board_module, "board_rows", rows)
    monkeypatch.setattr(alarms, "snapshot", snapshot)
    _submit(qtbot, window, "bram")  # the buddy of both, at his board
    assert window.workspace is not None and window.scheduler is not None
    window.workspace.show_page("board")
    board = window.workspace.pages["board"]
    assert isinstance(board, BoardPage)
    qtbot.waitUntil(lambda: window.live is not None and window.live.connected, timeout=5_000)
    qtbot.waitUntil(lambda: board.model.rowCount() == 2, timeout=10_000)
    scheduler = window.scheduler
    qtbot.waitUntil(
        lambda: {r.visit_id for r in scheduler.pending} == {back, stays}, timeout=10_000
    )
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    board_reads.clear()
    schedule_reads.clear()

    # Sanne comes back from one of them, at her own desk.
    sanne = pg_team.login("sanne")
    try:
        visits.return_safe(sanne, back)
    finally:
        sanne.store.close()
    qtbot.waitUntil(lambda: board.model.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: {r.visit_id for r in scheduler.pending} == {stays}, timeout=5_000)
    assert board.model.row_at(0).visit_id == stays
    assert board_reads and all(ids == {back} for ids in board_reads)
    assert schedule_reads and all(ids == {back} for ids in schedule_reads)
