"""The buddy board, driven like a person would: look, wait, click, press Enter."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.gui.conftest import DEMO_START, DemoEnv
from tests.gui.test_board_service import add_running_visits
from veilig_huisbezoek.domain.board import BoardStatus, board_status, urgency_key
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.gui.board import BoardPage
from veilig_huisbezoek.gui.board_model import (
    BOARD_STATUS_ROLE,
    VISIT_ID_ROLE,
    BoardColumn,
    BoardModel,
)
from veilig_huisbezoek.gui.call_dialog import CallDialog
from veilig_huisbezoek.services import visits
from veilig_huisbezoek.services.board import BoardRow
from veilig_huisbezoek.services.context import ServiceContext

pytestmark = pytest.mark.gui


def open_board(qtbot: QtBot, demo: DemoEnv, user: str) -> BoardPage:
    ctx = demo.login(user)
    page = helpers.open_page(qtbot, BoardPage(ctx, demo.tasks, demo.hub), exposed=False)
    qtbot.waitUntil(lambda: page.summary_label.text() != "", timeout=10_000)
    return page


def shown_ids(page: BoardPage) -> list[int]:
    model = page.model
    return [model.index(r, 0).data(VISIT_ID_ROLE) for r in range(model.rowCount())]


def shown_column(page: BoardPage, column: BoardColumn) -> list[str]:
    model = page.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def row_of(page: BoardPage, visit_id: int) -> int:
    row = page.model.position_of(visit_id)
    assert row >= 0
    return row


def expected_order(ctx: ServiceContext, now: datetime) -> list[int]:
    """The active visits the actor may see, sorted by the domain rules."""
    summaries = visits.list_visits(ctx, active_only=True)

    def key(v: visits.VisitSummary) -> object:
        status = board_status(now, v.next_callback, v.expected_return, v.state, Settings())
        return urgency_key(status, v.next_callback, v.expected_return, v.id)

    return [v.id for v in sorted(summaries, key=key)]


def opened_call(qtbot: QtBot, page: BoardPage) -> CallDialog:
    """The call dialog the board opens (after reading the visit on the task runner)."""
    qtbot.waitUntil(lambda: page.call_dialog is not None and page.call_dialog.isVisible())
    assert page.call_dialog is not None
    return page.call_dialog


def test_medewerker_sees_own_and_buddy_visits_most_urgent_first(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page = open_board(qtbot, demo, "ahmed")
    ctx = demo.opened[-1]
    now = demo.clock.now()
    ids = shown_ids(page)
    assert ids == expected_order(ctx, now)
    assert len(ids) == 5
    assert page.content_stack.currentWidget() is page.table_page
    assert page.title == "Buddybord"
    assert page.summary_label.text() == "5 lopende bezoeken"
    # The visit back three minutes late is on top, the rest are on schedule.
    statuses = shown_column(page, BoardColumn.STATUS)
    assert statuses[0] == "◷ te laat"
    assert statuses[1:] == ["✓ op schema"] * 4
    top = page.model.row_at(0)
    assert top.visitor_name == "Ahmed El Amrani"
    assert shown_column(page, BoardColumn.ADDRESS)[0] == top.address_short
    assert shown_column(page, BoardColumn.EXPECTED_RETURN)[0] == "08:57"
    assert shown_column(page, BoardColumn.VISIT_STATE)[0] == "Onderweg"
    assert shown_column(page, BoardColumn.COUNTDOWN)[1] == "over 4:00"
    assert "groen" in shown_column(page, BoardColumn.LEVEL)[0]
    # Headers as specified.
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(BoardColumn))]
    assert headers == [
        "Status",
        "Bezoeker",
        "Adres",
        "Niveau",
        "Volgend belmoment",
        "Verwacht terug",
        "Status bezoek",
        "Buddy",
    ]
    # No alarm yet: no banner. The most urgent row is selected, ready for Enter.
    assert not page.alarm_banner.isVisible()
    assert page.table.currentIndex().row() == 0


def test_leidinggevende_sees_all_active_visits(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_board(qtbot, demo, "petra")
    ctx = demo.opened[-1]
    ids = shown_ids(page)
    assert len(ids) == 6
    assert ids == expected_order(ctx, demo.clock.now())
    # A leidinggevende may call every visit.
    assert all(page.model.row_at(r).may_call for r in range(6))


def test_empty_state_when_nothing_is_running(qtbot: QtBot, demo: DemoEnv) -> None:
    petra = demo.login("petra")
    for summary in visits.list_visits(petra, active_only=True):
        visits.return_safe(petra, summary.id)
    page = open_board(qtbot, demo, "ahmed")
    assert page.model.rowCount() == 0
    assert page.content_stack.currentWidget() is page.empty_page
    assert page.empty_label.isVisible()
    assert page.empty_label.text() == "Geen lopende bezoeken waarvoor u buddy bent."
    assert not page.call_button.isEnabled()


def test_tick_flips_a_due_call_back_to_nu_bellen_without_reset(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_board(qtbot, demo, "ahmed")
    model = page.model
    # Nobelstraat: call-back at 08:04 UTC (09:04 local), 4 minutes from now.
    visit_id = shown_ids(page)[1]
    assert model.index(1, BoardColumn.COUNTDOWN).data() == "over 4:00"
    resets: list[bool] = []
    layouts: list[bool] = []
    changed: list[tuple[int, int, int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.layoutChanged.connect(lambda *_: layouts.append(True))
    model.dataChanged.connect(
        lambda tl, br, *_: changed.append((tl.row(), tl.column(), br.row(), br.column()))
    )

    demo.clock.advance(timedelta(minutes=3, seconds=55))
    page.tick()
    row = row_of(page, visit_id)
    assert model.index(row, BoardColumn.COUNTDOWN).data() == "over 0:05"
    assert model.index(row, BoardColumn.STATUS).data() == "✓ op schema"
    # Only the countdown column changed; no re-sort.
    assert changed and all(c[1] == c[3] == BoardColumn.COUNTDOWN for c in changed)
    assert not layouts

    changed.clear()
    demo.clock.advance(timedelta(seconds=5))
    page.tick()
    row = row_of(page, visit_id)
    assert model.index(row, BoardColumn.STATUS).data() == "☎ nu bellen"
    assert model.index(row, BoardColumn.COUNTDOWN).data() == "nu"
    assert model.index(row, 0).data(BOARD_STATUS_ROLE) == BoardStatus.NU_BELLEN.value
    # The te-laat row stays on top; the due call is next.
    assert row == 1
    # The status change repaints the row (its colour follows the status).
    assert (row, 0, row, len(BoardColumn) - 1) in changed

    demo.clock.advance(timedelta(minutes=2, seconds=10))
    page.tick()
    row = row_of(page, visit_id)
    assert model.index(row, BoardColumn.COUNTDOWN).data() == "2:10 te laat"
    assert not resets


def test_past_return_and_grace_raises_the_alarm_and_the_banner(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_board(qtbot, demo, "ahmed")
    model = page.model
    late_id = shown_ids(page)[0]  # expected back 07:57 UTC, grace 15 minutes
    demo.clock.advance(timedelta(minutes=11, seconds=59))
    page.tick()
    assert model.index(row_of(page, late_id), 0).data() == "◷ te laat"
    assert not page.alarm_banner.isVisible()

    demo.clock.advance(timedelta(seconds=1))
    page.tick()
    row = row_of(page, late_id)
    assert row == 0
    assert model.index(row, BoardColumn.STATUS).data() == "⚠ ALARM"
    assert page.alarm_banner.isVisible()
    assert "1 bezoek in alarm" in page.alarm_banner.text()
    assert "Ahmed El Amrani" in page.alarm_banner.text()
    # Unmissable: bold, strong red background, white text on every cell of the row.
    for column in BoardColumn:
        index = model.index(row, column)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        font = index.data(Qt.ItemDataRole.FontRole)
        assert isinstance(background, QBrush) and background.color().red() > 150
        assert background.color().green() < 60
        assert isinstance(foreground, QBrush) and foreground.color().name() == "#ffffff"
        assert isinstance(font, QFont) and font.bold()
    # Accessible text names the status without the symbol.
    assert model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Alarm"


def test_geescaleerd_visit_is_alarm_after_refresh(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_board(qtbot, demo, "petra")
    ctx = demo.opened[-1]
    visit_id = shown_ids(page)[-1]
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        demo.clock.advance(timedelta(minutes=1))
        visits.record_call(ctx, visit_id, reached=False)
        demo.clock.advance(timedelta(minutes=5))
        visits.record_call(ctx, visit_id, reached=False)
        demo.hub.visits_changed.emit()
    assert shown_ids(page)[0] == visit_id
    assert page.model.index(0, BoardColumn.STATUS).data() == "⚠ ALARM"
    assert page.model.index(0, BoardColumn.VISIT_STATE).data() == "Geëscaleerd"
    assert page.alarm_banner.isVisible()


def test_selection_follows_the_visit_when_the_order_changes(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_board(qtbot, demo, "ahmed")
    selected_id = shown_ids(page)[-1]
    page.table.selectRow(4)
    assert page.selected_row() is not None
    old_row = 4
    # Let the last visit's call-back come due and pass its retry time: it moves up.
    due = page.model.row_at(old_row).next_callback_due
    assert due is not None
    demo.clock.set(due + timedelta(minutes=6))
    page.tick()
    selected = page.selected_row()
    assert selected is not None and selected.visit_id == selected_id
    assert page.table.currentIndex().row() == row_of(page, selected_id)
    assert page.table.selectionModel().isRowSelected(row_of(page, selected_id), QModelIndex())


def test_bellen_is_only_for_the_buddy(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_board(qtbot, demo, "ahmed")
    for row in range(page.model.rowCount()):
        page.table.selectRow(row)
        board_row = page.model.row_at(row)
        assert page.call_button.isEnabled() is board_row.may_call
    not_mine = next(r for r in range(page.model.rowCount()) if not page.model.row_at(r).may_call)
    page.table.selectRow(not_mine)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.call_dialog is None
    assert page.error_label.isVisible()
    assert "niet de buddy" in page.error_label.text()


def test_enter_double_click_and_bellen_open_the_call_dialog(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_board(qtbot, demo, "ahmed")
    mine = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).may_call)
    board_row = page.model.row_at(mine)

    # Enter on the selected row.
    page.table.selectRow(mine)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = opened_call(qtbot, page)
    assert dialog is not None and dialog.isVisible()
    assert dialog.visit_id == board_row.visit_id
    assert dialog.visitor_name_label.text() == board_row.visitor_name
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()

    # Double-click on the row.
    index = page.model.index(mine, BoardColumn.ADDRESS)
    rect = page.table.visualRect(index)
    # A person's double-click: press-release, then press-double-click-release.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = opened_call(qtbot, page)
    assert dialog is not None and dialog.visit_id == board_row.visit_id
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()

    # The Bellen button.
    page.table.selectRow(mine)
    qtbot.mouseClick(page.call_button, Qt.MouseButton.LeftButton)
    dialog = opened_call(qtbot, page)
    assert dialog is not None and dialog.visit_id == board_row.visit_id
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()


def test_a_due_call_back_is_answered_by_the_call(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_board(qtbot, demo, "ahmed")
    mine = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).may_call)
    board_row = page.model.row_at(mine)
    assert board_row.next_callback_due is not None
    # Early: an extra call, the planned moment stays.
    page.table.selectRow(mine)
    qtbot.mouseClick(page.call_button, Qt.MouseButton.LeftButton)
    dialog = opened_call(qtbot, page)
    assert dialog is not None and dialog.callback_id is None
    assert dialog.due_label.text() == "Extra belmoment (niet gepland)"
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    # When due: this call answers that call-back; recording refreshes the board.
    demo.clock.set(board_row.next_callback_due)
    page.tick()
    page.table.selectRow(row_of(page, board_row.visit_id))
    qtbot.mouseClick(page.call_button, Qt.MouseButton.LeftButton)
    dialog = opened_call(qtbot, page)
    assert dialog is not None and dialog.callback_id == board_row.next_callback_id
    qtbot.mouseClick(dialog.first_name_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.vrijuit_yes, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.politie_no, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    updated = page.model.row_at(row_of(page, board_row.visit_id))
    assert updated.next_callback_id != board_row.next_callback_id
    assert page.model.index(row_of(page, board_row.visit_id), 0).data() != "☎ nu bellen"
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)


def test_model_passes_the_qt_model_tester(
    qtbot: QtBot, demo: DemoEnv, qtmodeltester: ModelTester
) -> None:
    page = open_board(qtbot, demo, "petra")
    model = page.model
    qtmodeltester.check(model)
    rows = [page.model.row_at(r) for r in range(model.rowCount())]
    for minutes in (4, 10, 20, 40, 90):
        demo.clock.set(DEMO_START + timedelta(minutes=minutes))
        model.tick(demo.clock.now())
        qtmodeltester.check(model)
    # Merging: rows disappear, change and come back.
    model.set_rows(rows[2:], demo.clock.now())
    qtmodeltester.check(model)
    model.set_rows(list(reversed(rows)), demo.clock.now())
    qtmodeltester.check(model)
    model.set_rows([], demo.clock.now())
    qtmodeltester.check(model)


# --- performance --------------------------------------------------------------------


def synthetic_rows(count: int, now: datetime) -> list[BoardRow]:
    """Running visits in every state of urgency; during 20 one-second ticks some
    call-backs come due, some pass their retry time and some returns pass their grace
    time (those jump into the alarm group ahead of escalated visits due later)."""
    rows = []
    for i in range(count):
        callback: datetime | None = now - timedelta(minutes=5) + timedelta(seconds=(i * 7) % 1200)
        expected_return = now - timedelta(minutes=30) + timedelta(minutes=(i * 13) % 150)
        if i % 11 == 0:
            callback = None
        if i % 25 == 1:  # grace time runs out during the ticks
            callback = None
            expected_return = now - timedelta(minutes=15) + timedelta(seconds=1 + i % 19)
        rows.append(
            BoardRow(
                visit_id=10_000 + i,
                state=VisitState.GEESCALEERD if i % 97 == 0 else VisitState.ONDERWEG,
                level=list(RiskLevel)[i % 3],
                address_short=f"Teststraat {i + 1}",
                visitor_id=1,
                visitor_name=f"Bezoeker {i}",
                visitor_phone="+31612345678",
                buddy_id=2,
                buddy_name="Buddy",
                next_callback_id=None if callback is None else 50_000 + i,
                next_callback_due=callback,
                expected_return=expected_return,
                may_call=True,
            )
        )
    return rows


def test_tick_with_500_rows_never_resets(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_board(qtbot, demo, "petra")
    page.timer.stop()
    model = page.model
    now = demo.clock.now()
    model.set_rows(synthetic_rows(500, now), now)
    assert model.rowCount() == 500
    qtbot.wait(10)
    resets: list[bool] = []
    layouts: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.layoutChanged.connect(lambda *_: layouts.append(True))
    durations = []
    for _ in range(20):
        demo.clock.advance(timedelta(seconds=1))
        started = time.perf_counter()
        page.tick()
        durations.append(time.perf_counter() - started)
    paint_started = time.perf_counter()
    page.repaint()
    paint = time.perf_counter() - paint_started
    assert not resets
    assert layouts, "some rows changed status, so the board re-sorted"
    ids = [model.index(r, 0).data(VISIT_ID_ROLE) for r in range(500)]
    assert len(set(ids)) == 500
    ranks = [BoardStatus(model.index(r, 0).data(BOARD_STATUS_ROLE)).rank for r in range(500)]
    assert ranks == sorted(ranks)
    mean_ms = 1000 * sum(durations) / len(durations)
    print(
        f"\nboard tick with 500 rows: mean {mean_ms:.2f} ms, max {1000 * max(durations):.2f} ms"
        f" over 20 ticks ({len(layouts)} re-sorts); one full repaint {1000 * paint:.1f} ms"
    )


def test_board_loads_500_running_visits_from_the_store(qtbot: QtBot, demo: DemoEnv) -> None:
    add_running_visits(demo.login("petra"), 500)
    started = time.perf_counter()
    page = open_board(qtbot, demo, "petra")
    loaded = time.perf_counter() - started
    assert page.model.rowCount() == 506
    ranks = [BoardStatus(page.model.index(r, 0).data(BOARD_STATUS_ROLE)).rank for r in range(506)]
    assert ranks == sorted(ranks)
    started = time.perf_counter()
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.refresh()
    reloaded = time.perf_counter() - started
    assert page.model.rowCount() == 506
    print(
        f"\nboard with 506 visits from the store: first load {1000 * loaded:.0f} ms,"
        f" refresh {1000 * reloaded:.0f} ms"
    )


def test_model_tick_alone_with_500_rows() -> None:
    model = BoardModel()
    now = datetime(2026, 11, 23, 8, 0).astimezone()
    model.set_rows(synthetic_rows(500, now), now)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    started = time.perf_counter()
    for second in range(1, 21):
        model.tick(now + timedelta(seconds=second))
    mean_ms = 1000 * (time.perf_counter() - started) / 20
    assert not resets
    print(f"\nBoardModel.tick with 500 rows (no view): mean {mean_ms:.2f} ms")


# --- screenshot ---------------------------------------------------------------------


def test_screenshot_board_with_an_alarm(qtbot: QtBot, demo: DemoEnv, tmp_path: Path) -> None:
    page = open_board(qtbot, demo, "petra")
    # 09:13 local: one visit past return + grace, call-backs due, others on schedule.
    demo.clock.advance(timedelta(minutes=13, seconds=20))
    page.tick()
    assert page.alarm_banner.isVisible()
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.wait(50)
    target = tmp_path / "board.png"  # docs/ pictures: tools/take_screenshots.py
    assert page.grab().save(str(target))
    assert target.stat().st_size > 10_000


def test_tab_leaves_the_table_for_the_next_control(qtbot: QtBot, demo: DemoEnv) -> None:
    """Tab does not walk the cells: it goes on to the buttons (arrows move in the table)."""
    page = open_board(qtbot, demo, "ahmed")
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    mine = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).may_call)
    page.table.selectRow(mine)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    arrow = Qt.Key.Key_Down if mine == 0 else Qt.Key.Key_Up
    back = Qt.Key.Key_Up if mine == 0 else Qt.Key.Key_Down
    qtbot.keyClick(page.table, arrow)
    assert page.table.hasFocus() and page.table.currentIndex().row() != mine
    qtbot.keyClick(page.table, back)
    assert page.table.currentIndex().row() == mine
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert page.refresh_button.hasFocus()
    qtbot.keyClick(page.refresh_button, Qt.Key.Key_Tab)
    assert page.call_button.hasFocus()
    qtbot.keyClick(page.call_button, Qt.Key.Key_Backtab)
    qtbot.keyClick(page.refresh_button, Qt.Key.Key_Backtab)
    assert page.table.hasFocus() and page.table.currentIndex().row() == mine
