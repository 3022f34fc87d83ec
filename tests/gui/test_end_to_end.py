"""The path of issue 3's "done when", in one window, as the people would take it.

Sanne prepares a visit to an address with a register note, sees the warning and the rood
advice, Petra co-signs at her desk, Sanne plans it with Ahmed as buddy and leaves; Ahmed
logs in at the same workstation, calls at the call-back moment, hears the achternaam and
sees the 112 action with the full address.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from tests.gui.prepare_steps import (
    answer,
    click,
    fill_plan,
    note_address,
    tick_colleague,
    type_address,
)
from tests.gui.test_board import opened_call
from tests.gui.test_shell import logged_in
from veilig_huisbezoek.domain.call_outcome import CallAction
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.clock import to_local
from veilig_huisbezoek.domain.register import NoteStatus, warns
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.gui.board import BoardPage
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.my_visits import MyVisitsPage
from veilig_huisbezoek.gui.prepare_visit import (
    STEP_ADDRESS,
    STEP_ADVICE,
    STEP_CHECK,
    STEP_REVIEW,
    PrepareVisitPage,
)
from veilig_huisbezoek.services.demo import DEMO_WARNING_ADDRESS, demo_logins
from veilig_huisbezoek.services.register import list_notes
from veilig_huisbezoek.services.visit_details import get_visit_detail

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, demo: DemoEnv) -> Iterator[MainWindow]:
    win = MainWindow(demo.data_dir, demo_logins=demo_logins(), clock=demo.clock)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.close()


def test_register_warning_rood_consent_plan_buddy_achternaam_112(
    qtbot: QtBot, demo: DemoEnv, window: MainWindow
) -> None:
    # The address the README's walk-through gives; the demo register warns for it.
    petra = demo.login("petra")
    note = next(
        n for n in list_notes(petra, status=NoteStatus.ACTIEF) if n.address == DEMO_WARNING_ADDRESS
    )
    assert warns(note, to_local(demo.clock.now()).date())
    street, number, addition, postcode, city = note_address(note)

    # --- Sanne (medewerker) logs in and prepares the visit -----------------------------
    logged_in(qtbot, window, "sanne")
    assert window.workspace is not None
    page = window.workspace.pages["prepare"]
    assert isinstance(page, PrepareVisitPage)
    assert window.workspace.tabs.currentWidget() is page
    type_address(qtbot, page, *note_address(note))
    assert page.current_step() == STEP_ADDRESS
    assert page.address_step.warning_panel.isVisible()  # before anything else
    assert note.description[:30] in page.address_step.warning_text.text()
    click(qtbot, page.next_button)

    assert page.current_step() == STEP_CHECK
    answer(qtbot, page, {})
    assert page.checklist_step.check_badge.level() is RiskLevel.ROOD
    assert page.checklist_step.check_badge.text() == "■ ROOD"  # text and shape, not colour alone
    click(qtbot, page.next_button)

    assert page.current_step() == STEP_ADVICE
    assert "Rood" in page.advice_step.advice_title.text()
    assert "0900-8844" in page.advice_step.precautions_label.text()
    assert page.consent_step.consent_box.isVisible()
    tick_colleague(page, "Lotte")
    click(qtbot, page.next_button)
    fill_plan(qtbot, page, buddy="Ahmed")
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_REVIEW

    # --- Petra (leidinggevende) co-signs at Sanne's desk ------------------------------
    click(qtbot, page.review_step.review_consent_button)
    dialog = page.consent_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.user_edit, "petra")
    qtbot.keyClicks(dialog.password_edit, "demo-petra-2026")
    qtbot.keyClicks(
        dialog.reason_edit, "Politie ingelicht; gesprek aan de voordeur, met z'n tweeen."
    )
    click(qtbot, dialog.sign_button)
    qtbot.waitUntil(lambda: page.consent is not None, timeout=15_000)
    assert "Petra de Groot" in page.review_step.review_consent.text()

    with qtbot.waitSignal(page.planned, timeout=5_000) as planned:
        click(qtbot, page.review_step.save_button)
    visit_id = planned.args[0]
    assert isinstance(visit_id, int)

    # The window moves on to Mijn bezoeken, where Sanne leaves.
    my_visits = window.workspace.pages["my_visits"]
    assert isinstance(my_visits, MyVisitsPage)
    assert window.workspace.tabs.currentWidget() is my_visits
    my_visits.select_visit(visit_id)
    sanne = window.ctx
    assert sanne is not None
    # Only Sanne is logged in at this desk: Ahmed is not there yet. He logs in right
    # here, in the departure dialog, and the window becomes his.
    click(qtbot, my_visits.depart_button)
    qtbot.waitUntil(lambda: my_visits.departure_dialog is not None, timeout=10_000)
    departure = my_visits.departure_dialog
    assert departure is not None
    assert departure.problem_label.text() == "Ahmed is niet ingelogd."
    here = next(o for o in departure.options if "hier in" in o.radio.text())
    click(qtbot, here.radio)
    assert here.focus is not None
    qtbot.mouseClick(here.focus, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(here.focus, "ahmed")
    qtbot.keyClick(here.focus, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "demo-ahmed-2026")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.ctx is not None and window.ctx.actor.username == "ahmed", timeout=15_000
    )
    detail = get_visit_detail(sanne, visit_id)
    assert detail.state is VisitState.ONDERWEG
    assert detail.level is RiskLevel.ROOD
    assert detail.consent_by == "Petra de Groot"
    assert detail.buddy.display_name == "Ahmed El Amrani"
    first_callback = detail.callbacks[0]

    # --- Ahmed (buddy) at this workstation --------------------------------------------
    assert window.workspace is not None
    board = window.workspace.pages["board"]
    assert isinstance(board, BoardPage)
    window.workspace.show_page("board")
    qtbot.waitUntil(lambda: board.model.rowCount() > 0, timeout=10_000)
    rows = [board.model.row_at(r) for r in range(board.model.rowCount())]
    row = next(r for r in rows if r.visit_id == visit_id)
    assert row.may_call
    assert row.next_callback_id == first_callback.id

    # The call-back falls due; the board says so.
    demo.clock.set(first_callback.due_at + timedelta(seconds=20))
    board.tick()
    position = next(
        r for r in range(board.model.rowCount()) if board.model.row_at(r).visit_id == visit_id
    )
    assert board.model.index(position, 0).data() == "☎ nu bellen"

    board.table.selectRow(position)
    click(qtbot, board.call_button)
    call = opened_call(qtbot, board)
    assert call is not None and call.isVisible()
    assert call.callback_id == first_callback.id
    assert call.visitor_name_label.text() == "Sanne Visser"

    # "Met Sanne Visser…": the achternaam. Chosen with the mouse on its label.
    button = call.last_name_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()
    click(qtbot, call.record_button)
    qtbot.waitUntil(lambda: call.decision is not None)
    assert call.decision is not None and call.decision.action is CallAction.CALL_POLICE
    assert call.alarm_panel.isVisible()
    assert "Bel nu de politie" in call.action_title_label.text()
    assert "112" in call.police_label.text()
    full = detail.address.one_line()
    assert street in full and postcode in full and city in full
    assert str(number) in full and addition in full
    assert call.full_address_label.text() == full
    assert call.full_address_label.isVisible()
    assert "Sanne Visser" in call.present_label.text()
    assert "Lotte Bakker" in call.present_label.text()
    QGuiApplication.clipboard().clear()
    click(qtbot, call.copy_address_button)
    assert QGuiApplication.clipboard().text() == full

    # Stored with time and buddy; the visit is escalated.
    ahmed = window.ctx
    assert ahmed is not None
    stored = get_visit_detail(ahmed, visit_id)
    assert stored.state is VisitState.GEESCALEERD
    last = stored.calls[-1]
    assert last.name_used == "achternaam" and last.action == "call_police"
    assert last.called_at == demo.clock.now()
    assert last.buddy == "Ahmed El Amrani"
    QApplication.processEvents()
