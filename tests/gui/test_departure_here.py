"""Vertrekken on a single computer (docs/design.md §4a): the buddy is not logged in anywhere —
nobody is, on this desk, but the visitor — so the buddy logs in right here, in the
departure dialog, and the window becomes theirs. The whole window, driven by keys and
clicks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DEMO_PASSWORDS, DemoEnv, MakeWindow
from tests.gui.test_app_alarms import log_in
from tests.gui.test_my_visits import plan_visit, shown_ids
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.gui.departure_dialog import DepartureDialog
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.my_visits import MyVisitsPage
from veilig_huisbezoek.services import visits

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, make_window: MakeWindow) -> MainWindow:
    win = make_window()
    return win


def _depart_dialog(qtbot: QtBot, window: MainWindow) -> tuple[MyVisitsPage, DepartureDialog, int]:
    log_in(qtbot, window, "sanne")
    assert window.ctx is not None and window.workspace is not None
    visit_id = plan_visit(window.ctx, start_in=timedelta(minutes=5))  # Ahmed is the buddy
    window.workspace.show_page("my_visits")
    page = window.workspace.pages["my_visits"]
    assert isinstance(page, MyVisitsPage)
    page.refresh()
    qtbot.waitUntil(lambda: visit_id in shown_ids(page), timeout=10_000)
    page.select_visit(visit_id)
    qtbot.mouseClick(page.depart_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.departure_dialog is not None, timeout=10_000)
    dialog = page.departure_dialog
    assert isinstance(dialog, DepartureDialog)
    return page, dialog, visit_id


def test_the_buddy_logs_in_here_and_the_window_becomes_theirs(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    _page, dialog, visit_id = _depart_dialog(qtbot, window)
    assert dialog.problem_label.text() == "Ahmed is niet ingelogd."
    here = next(o for o in dialog.options if "hier in" in o.radio.text())
    assert here.radio.accessibleName() == "Mijn buddy of een collega logt hier in"
    qtbot.mouseClick(here.radio, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is here.page
    user_edit = here.focus
    assert user_edit is not None
    # A wrong password: said in Dutch, nothing typed is lost, nothing departs.
    qtbot.mouseClick(user_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(user_edit, "ahmed")
    qtbot.keyClick(user_edit, Qt.Key.Key_Tab)
    password_edit = here.page.password_edit  # type: ignore[attr-defined]
    assert password_edit.hasFocus()
    qtbot.keyClicks(password_edit, "fout-wachtwoord")
    qtbot.keyClick(password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "klopt niet" in dialog.error_label.text(), timeout=15_000)
    assert user_edit.text() == "ahmed" and password_edit.text() == "fout-wachtwoord"
    sanne = demo.login("sanne")
    assert visits.get_visit(sanne, visit_id).state is VisitState.GEPLAND
    # The right password: the visit departs with Ahmed watching, from this desk.
    password_edit.clear()
    qtbot.keyClicks(password_edit, DEMO_PASSWORDS["ahmed"])
    qtbot.keyClick(password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.ctx is not None and window.ctx.actor.username == "ahmed", timeout=15_000
    )
    visit = visits.get_visit(sanne, visit_id)
    assert visit.state is VisitState.ONDERWEG
    assert visit.buddy_id == window.ctx.actor.account_id
    assert "kijkt nu mee vanaf deze computer" in window.statusBar().currentMessage()
    assert "Ahmed" in window.windowTitle()


def test_the_visitor_cannot_log_in_as_her_own_buddy(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    _page, dialog, visit_id = _depart_dialog(qtbot, window)
    here = next(o for o in dialog.options if "hier in" in o.radio.text())
    qtbot.mouseClick(here.radio, Qt.MouseButton.LeftButton)
    assert here.focus is not None
    qtbot.keyClicks(here.focus, "sanne")
    password_edit = here.page.password_edit  # type: ignore[attr-defined]
    qtbot.keyClicks(password_edit, DEMO_PASSWORDS["sanne"])
    qtbot.mouseClick(dialog.depart_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "dat bent u zelf" in dialog.error_label.text(), timeout=15_000)
    assert window.ctx is not None and window.ctx.actor.username == "sanne"
    assert visits.get_visit(demo.login("sanne"), visit_id).state is VisitState.GEPLAND
