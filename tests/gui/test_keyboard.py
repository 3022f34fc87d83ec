"""The keyboard alone: Enter presses the focused button or the page's default button,
and after a dialog or a save the focus is where the work goes on.

Everything is driven with key presses on the focused widget in the real main window
(which installs the Enter rule, :mod:`veilig_huisbezoek.gui.keys`, for all it shows).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from tests.gui.keyboard_steps import (
    RETURN,
    TAB,
    Keyboard,
    closed,
    modal,
    modal_or_window,
    my_visits_page,
    open_workspace,
    prepare_page,
)
from tests.gui.prepare_steps import (
    SAFE_ADDRESS,
    active_note,
    answer,
    fill_plan,
    note_address,
    tick_colleague,
    type_address,
    walk_to_plan,
)
from tests.helpers import settle_page
from veilig_huisbezoek.domain.checklist import Answer
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.gui.accounts_page import AccountDialog
from veilig_huisbezoek.gui.board import BoardPage
from veilig_huisbezoek.gui.call_dialog import CallDialog
from veilig_huisbezoek.gui.incident_dialog import IncidentDialog
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.password_dialog import PasswordDialog
from veilig_huisbezoek.gui.prepare_visit import (
    STEP_ADDRESS,
    STEP_ADVICE,
    STEP_CHECK,
    STEP_PLAN,
    STEP_REVIEW,
    ConsentDialog,
)
from veilig_huisbezoek.gui.register_page import RegisterPage
from veilig_huisbezoek.gui.visit_detail import VisitDetailDialog
from veilig_huisbezoek.gui.workspace import WorkspaceView
from veilig_huisbezoek.services import visits
from veilig_huisbezoek.services.demo import demo_logins

pytestmark = pytest.mark.gui


@pytest.fixture
def keys(qtbot: QtBot) -> Keyboard:
    return Keyboard(qtbot)


@pytest.fixture
def sanne(qtbot: QtBot, demo: DemoEnv) -> WorkspaceView:
    return open_workspace(qtbot, demo, "sanne")


# ---- Enter ----------------------------------------------------------------------


def test_enter_on_the_login_screen(qtbot: QtBot, demo: DemoEnv, keys: Keyboard) -> None:
    """Enter in the name goes on to the password; on the focused Inloggen it logs in."""
    window = MainWindow(demo.data_dir, demo_logins=demo_logins(), clock=demo.clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.login_view
    keys.focus(view.user_edit)
    keys.type("sanne")
    keys.press(RETURN)
    assert view.password_edit.hasFocus()
    keys.type("demo-sanne-2026")
    keys.press(TAB)
    assert keys.focused() is view.login_button
    keys.press(RETURN)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15_000)
    assert window.stack.currentWidget() is window.workspace


def test_enter_presses_the_focused_button_in_a_page(
    qtbot: QtBot, sanne: WorkspaceView, keys: Keyboard
) -> None:
    page = prepare_page(sanne)
    assert keys.focused() is page.address_step.street_edit
    type_address(qtbot, page, *SAFE_ADDRESS)
    keys.focus(page.next_button)
    keys.press(RETURN)
    assert page.current_step() == STEP_CHECK
    answer(qtbot, page, {})
    keys.focus(page.back_button)
    keys.press(Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # the keypad's Enter
    assert page.current_step() == STEP_ADDRESS


def test_enter_saves_the_visit_on_opslaan_en_plannen(
    qtbot: QtBot, sanne: WorkspaceView, keys: Keyboard
) -> None:
    page = prepare_page(sanne)
    walk_to_plan(qtbot, page)
    fill_plan(qtbot, page)
    keys.focus(page.next_button)
    keys.press(RETURN)
    assert page.current_step() == STEP_REVIEW
    assert keys.focused() is page.review_step.save_button
    with qtbot.waitSignal(page.planned, timeout=5_000):
        keys.press(RETURN)


def test_enter_in_a_field_presses_the_pages_default_button(
    qtbot: QtBot, sanne: WorkspaceView, keys: Keyboard
) -> None:
    page = prepare_page(sanne)
    type_address(qtbot, page, *SAFE_ADDRESS)
    keys.focus(page.address_step.city_edit)
    keys.press(RETURN)  # Volgende
    assert page.current_step() == STEP_CHECK
    answer(qtbot, page, {})
    keys.press(RETURN)  # on an answer (a radio button): Volgende
    assert page.current_step() == STEP_ADVICE
    keys.press(RETURN)  # in the colleague list
    assert page.current_step() == STEP_PLAN
    fill_plan(qtbot, page)
    keys.focus(page.plan_step.reason_combo)
    keys.press(RETURN)  # a closed combo box passes Enter on
    assert page.current_step() == STEP_REVIEW
    with qtbot.waitSignal(page.planned, timeout=5_000):
        keys.press(RETURN)  # Opslaan en plannen


def test_enter_keeps_its_own_meaning_in_text_and_search_fields(
    qtbot: QtBot, demo: DemoEnv, keys: Keyboard
) -> None:
    # Going alone on oranje: the reason is several lines; Enter is a new line there.
    workspace = open_workspace(qtbot, demo, "sanne")
    page = prepare_page(workspace)
    type_address(qtbot, page, *SAFE_ADDRESS)
    keys.press(RETURN)
    answer(qtbot, page, {"handhaving": Answer.JA, "onaangekondigd": Answer.JA})
    keys.press(RETURN)
    assert page.current_step() == STEP_ADVICE and page.advice_step.deviation_box.isVisible()
    keys.focus(page.advice_step.deviation_edit)
    keys.type("Korte controle")
    keys.press(RETURN)
    keys.type("met de wijkagent")
    assert page.current_step() == STEP_ADVICE
    assert page.advice_step.deviation_edit.toPlainText() == "Korte controle\nmet de wijkagent"

    # The register's search field searches on Enter and presses nothing else; in the
    # note form Enter in a line saves (incomplete here: it says why), in the
    # description it starts a new line.
    workspace.show_page("register")
    register = workspace.pages["register"]
    assert isinstance(register, RegisterPage)
    keys.focus(register.search_edit)
    keys.type("6411")
    with qtbot.waitSignal(register.loaded, timeout=5_000):
        keys.press(RETURN)
    assert register.search_edit.hasFocus()
    assert register.side.currentWidget() is register.detail_page
    keys.focus(register.new_button)
    keys.press(RETURN)
    assert register.side.currentWidget() is register.edit_page
    assert keys.focused() is register.street_edit
    keys.focus(register.description_edit)
    keys.type("Eerste regel")
    keys.press(RETURN)
    assert register.description_edit.toPlainText() == "Eerste regel\n"
    assert register.edit_error_label.text() == ""
    keys.focus(register.city_edit)
    keys.press(RETURN)
    qtbot.waitUntil(lambda: register.edit_error_label.text() != "", timeout=5_000)
    assert register.side.currentWidget() is register.edit_page


def test_enter_in_a_dialogs_first_field_presses_its_default_button(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    """The button marked default in the form, not the first button after the focus
    (which would be Annuleren where it comes first in reading order)."""
    sanne = demo.login("sanne")
    tom = demo.login("tom")
    dialogs = [
        (ConsentDialog(sanne, demo.tasks, "—", None), "signButton"),
        (PasswordDialog(sanne, demo.tasks, None), "okButton"),
        (AccountDialog(tom, demo.tasks, None), "okButton"),
    ]
    for dialog, default in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        defaults = [b.objectName() for b in dialog.findChildren(QPushButton) if b.isDefault()]
        assert defaults == [default], type(dialog).__name__
        dialog.close()


# ---- focus after a dialog ------------------------------------------------------


def test_after_the_leader_signs_focus_is_on_opslaan_en_plannen(
    qtbot: QtBot, demo: DemoEnv, keys: Keyboard
) -> None:
    petra = demo.login("petra")
    workspace = open_workspace(qtbot, demo, "sanne")
    page = prepare_page(workspace)
    type_address(qtbot, page, *note_address(active_note(petra, demo)))
    keys.press(RETURN)
    answer(qtbot, page, {})
    keys.press(RETURN)
    tick_colleague(page, "Lotte")
    keys.press(RETURN)
    fill_plan(qtbot, page)
    keys.focus(page.next_button)
    keys.press(RETURN)
    assert page.current_step() == STEP_REVIEW

    # Cancelled: back on the button that opened the dialog.
    keys.focus(page.review_step.review_consent_button)
    keys.press(RETURN)
    dialog = modal(qtbot, ConsentDialog)
    keys.press(Qt.Key.Key_Escape)
    closed(qtbot, dialog, workspace)
    assert page.review_step.review_consent_button.hasFocus()

    # Signed: the button is gone; on to the next step, Opslaan en plannen.
    keys.press(RETURN)
    dialog = modal(qtbot, ConsentDialog)
    assert isinstance(dialog, ConsentDialog)
    assert keys.focused() is dialog.user_edit
    keys.type("petra")
    keys.press(TAB)
    keys.type("demo-petra-2026")
    keys.press(TAB)
    keys.type("Met politie afgestemd; gesprek bij de voordeur.")
    keys.press(TAB)  # Tab in the reason goes on: Annuleren, then Toestemming geven
    keys.press(TAB)
    assert keys.focused() is dialog.sign_button
    keys.press(RETURN)
    qtbot.waitUntil(lambda: page.consent is not None, timeout=15_000)
    closed(qtbot, dialog, workspace)
    assert not page.review_step.review_consent_button.isVisible()
    assert page.review_step.save_button.hasFocus()
    with qtbot.waitSignal(page.planned, timeout=5_000):
        keys.press(RETURN)


def test_focus_returns_to_the_button_that_opened_a_dialog(
    qtbot: QtBot, sanne: WorkspaceView, keys: Keyboard
) -> None:
    my_visits = my_visits_page(sanne)
    sanne.show_page("my_visits")
    assert my_visits.details_button.isEnabled()
    openers: list[tuple[QWidget, type[QWidget]]] = [
        (sanne.incident_button, IncidentDialog),
        (sanne.password_button, PasswordDialog),
        (my_visits.details_button, VisitDetailDialog),
    ]
    for opener, kind in openers:
        keys.focus(opener)
        keys.press(RETURN)
        dialog = modal_or_window(qtbot, kind)
        keys.press(Qt.Key.Key_Escape)
        closed(qtbot, dialog, sanne)
        assert opener.hasFocus(), type(dialog).__name__


def test_after_ending_a_visit_focus_is_on_the_list_of_visits(
    qtbot: QtBot, demo: DemoEnv, sanne: WorkspaceView, keys: Keyboard
) -> None:
    page = my_visits_page(sanne)
    sanne.show_page("my_visits")
    ctx = page.ctx
    running = [r for r in page.model.rows if r.summary.state is VisitState.ONDERWEG]
    assert running, "the demo has a visit of sanne under way"
    page.select_visit(running[0].id)
    keys.focus(page.safe_button)
    keys.press(RETURN)
    box = modal(qtbot, QMessageBox)
    with qtbot.waitSignal(box.finished):
        keys.press(Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)  # Ja, ik ben veilig terug
    qtbot.waitUntil(lambda: visits.get_visit(ctx, running[0].id).state is VisitState.TERUG_VEILIG)
    closed(qtbot, box, sanne)
    assert page.table.hasFocus()


def test_after_a_call_focus_is_back_on_the_board(
    qtbot: QtBot, demo: DemoEnv, keys: Keyboard
) -> None:
    workspace = open_workspace(qtbot, demo, "ahmed")
    board = workspace.pages["board"]
    assert isinstance(board, BoardPage)
    workspace.show_page("board")
    qtbot.waitUntil(lambda: board.model.rowCount() > 0, timeout=10_000)
    mine = next(r for r in range(board.model.rowCount()) if board.model.row_at(r).may_call)
    board.table.selectRow(mine)
    keys.focus(board.call_button)
    keys.press(RETURN)
    dialog = modal(qtbot, CallDialog)
    keys.press(Qt.Key.Key_Escape)
    closed(qtbot, dialog, workspace)
    assert board.table.hasFocus()
    assert board.table.currentIndex().row() == mine


# ---- after saving ---------------------------------------------------------------


@pytest.mark.parametrize("concept", [False, True])
def test_after_saving_mijn_bezoeken_shows_the_new_visit_selected_and_focused(
    qtbot: QtBot, demo: DemoEnv, keys: Keyboard, concept: bool
) -> None:
    petra = demo.login("petra")
    workspace = open_workspace(qtbot, demo, "sanne")
    page = prepare_page(workspace)
    my_visits = my_visits_page(workspace)
    if concept:  # rood, consent asked later: Opslaan als concept
        type_address(qtbot, page, *note_address(active_note(petra, demo)))
        keys.press(RETURN)
        answer(qtbot, page, {})
        keys.press(RETURN)
        tick_colleague(page, "Lotte")
        keys.focus(page.consent_step.consent_later_button)
        keys.press(Qt.Key.Key_Space)
        keys.focus(page.next_button)
        keys.press(RETURN)
    else:
        walk_to_plan(qtbot, page)
    fill_plan(qtbot, page)
    keys.focus(page.next_button)
    keys.press(RETURN)
    assert page.current_step() == STEP_REVIEW
    saver = page.review_step.concept_button if concept else page.review_step.save_button
    assert keys.focused() is saver
    with qtbot.waitSignal(page.planned, timeout=5_000) as planned:
        keys.press(RETURN)
    visit_id = planned.args[0]
    settle_page(qtbot, my_visits)  # Mijn bezoeken reads on the task runner
    assert workspace.tabs.currentWidget() is my_visits
    assert my_visits.selected_id() == visit_id
    assert my_visits.table.currentIndex().row() == my_visits.model.row_of(visit_id)
    qtbot.waitUntil(my_visits.table.hasFocus)
    if not concept:
        assert my_visits.depart_button.isEnabled()
