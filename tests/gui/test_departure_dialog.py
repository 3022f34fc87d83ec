"""Vertrekken with a buddy who is not reachable (docs/design.md §4a): the dialog says what is
wrong and offers a present colleague, going anyway with a reason, or cancelling."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QRadioButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from tests.gui.focus_order import names, order_problems, tab_chain
from tests.gui.test_my_visits import click, open_page, plan_visit
from tests.helpers import settle_page
from tests.presence_helpers import buddy_present
from tests.reminders.helpers import refresh_panel
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.gui.alarm_panel import AlarmPanel
from veilig_huisbezoek.gui.departure_dialog import Departure, DepartureDialog, DepartureOption
from veilig_huisbezoek.gui.my_visits import MyVisitsPage
from veilig_huisbezoek.gui.visit_detail import VisitDetailDialog
from veilig_huisbezoek.services import planning, visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.visit_details import get_visit_detail

pytestmark = pytest.mark.gui


def _ids(page: MyVisitsPage) -> dict[str, int]:
    return {a.username: a.id for a in planning.team_members(page.ctx)}


def _press_depart(qtbot: QtBot, page: MyVisitsPage, visit_id: int) -> DepartureDialog:
    page.refresh()
    settle_page(qtbot, page)
    page.select_visit(visit_id)
    click(qtbot, page.depart_button)
    qtbot.waitUntil(
        lambda: page.departure_dialog is not None and page.departure_dialog.isVisible(),
        timeout=5_000,
    )
    dialog = page.departure_dialog
    assert isinstance(dialog, DepartureDialog)
    return dialog


def _state(page: MyVisitsPage, visit_id: int) -> VisitState:
    return visits.get_visit(page.ctx, visit_id).state


def test_a_present_buddy_departs_without_a_dialog(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    visit_id = plan_visit(page.ctx, start_in=timedelta(minutes=5))
    buddy_present(page.ctx.store, _ids(page)["ahmed"], demo.clock.now())
    page.refresh()
    settle_page(qtbot, page)
    page.select_visit(visit_id)
    click(qtbot, page.depart_button)
    qtbot.waitUntil(lambda: _state(page, visit_id) is VisitState.ONDERWEG, timeout=5_000)
    assert page.departure_dialog is None
    qtbot.waitUntil(lambda: "U bent onderweg" in page.message_label.text())


def test_an_absent_buddy_is_replaced_by_a_present_colleague_by_keyboard(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page = open_page(qtbot, demo)
    ids = _ids(page)
    visit_id = plan_visit(page.ctx, start_in=timedelta(minutes=5))
    for name in ("lotte", "petra"):
        buddy_present(page.ctx.store, ids[name], demo.clock.now())
    dialog = _press_depart(qtbot, page, visit_id)
    assert dialog.problem_label.text() == "Ahmed is niet ingelogd."
    assert dialog.colleague_radio.isChecked()
    names = [dialog.colleague_list.item(i).text() for i in range(dialog.colleague_list.count())]
    assert names == ["Lotte Bakker", "Petra de Groot"]
    # Every control has a name a screen reader says.
    for widget in (
        dialog.colleague_radio,
        dialog.anyway_radio,
        dialog.colleague_list,
        dialog.reason_edit,
        dialog.depart_button,
        dialog.cancel_button,
    ):
        assert widget.accessibleName(), widget.objectName()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.colleague_list.setFocus()
    qtbot.keyClick(dialog.colleague_list, Qt.Key.Key_Down)  # Petra
    assert dialog.colleague_list.currentItem().text() == "Petra de Groot"
    qtbot.keyClick(dialog.colleague_list, Qt.Key.Key_Return)  # the default: Vertrekken
    qtbot.waitUntil(lambda: _state(page, visit_id) is VisitState.ONDERWEG, timeout=5_000)
    assert visits.get_visit(page.ctx, visit_id).buddy_id == ids["petra"]
    qtbot.waitUntil(lambda: page.departure_dialog is None)


def test_cancel_changes_nothing(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    visit_id = plan_visit(page.ctx, start_in=timedelta(minutes=5))
    dialog = _press_depart(qtbot, page, visit_id)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.departure_dialog is None)
    assert _state(page, visit_id) is VisitState.GEPLAND


def test_going_anyway_needs_a_reason_and_tells_the_leidinggevende(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page = open_page(qtbot, demo)
    visit_id = plan_visit(page.ctx, start_in=timedelta(minutes=5))
    dialog = _press_depart(qtbot, page, visit_id)
    # Nobody else is logged in (the demo's usual case): going anyway is chosen.
    assert dialog.colleague_list.count() == 0 and not dialog.no_colleague_label.isHidden()
    assert dialog.anyway_radio.isChecked()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.reason_edit.setFocus()
    qtbot.keyClicks(dialog.reason_edit, "   ")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.reason_error.text() == ("Schrijf op waarom u vertrekt zonder bereikbare buddy.")
    assert dialog.isVisible() and dialog.reason_edit.text() == "   "  # nothing lost
    assert _state(page, visit_id) is VisitState.GEPLAND
    qtbot.keyClicks(dialog.reason_edit, "Ahmed belt mij vanaf zijn mobiel.")
    assert dialog.reason_error.text() == ""
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _state(page, visit_id) is VisitState.ONDERWEG, timeout=5_000)
    qtbot.waitUntil(lambda: page.departure_dialog is None)

    petra = demo.login("petra")
    window = QWidget()
    QVBoxLayout(window).addWidget(panel := AlarmPanel(petra, demo.hub, demo.tasks))
    qtbot.addWidget(window)
    window.show()
    refresh_panel(qtbot, panel)
    texts = [t for t in panel.row_texts() if "Vertrokken zonder bereikbare buddy" in t]
    assert len(texts) == 1 and "Sanne Visser" in texts[0]
    row = next(r for r in panel.rows if r.label.text() == texts[0])
    assert row.acknowledge_button.isVisible()
    click(qtbot, row.acknowledge_button)
    qtbot.waitUntil(lambda: not any("Vertrokken zonder" in t for t in panel.row_texts()))


def test_tab_follows_the_reading_order_on_each_page(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    ids = _ids(page)
    visit_id = plan_visit(page.ctx, start_in=timedelta(minutes=5))
    buddy_present(page.ctx.store, ids["petra"], demo.clock.now())
    dialog = _press_depart(qtbot, page, visit_id)
    assert order_problems(dialog.form) == []
    chain = names(tab_chain(dialog.form))
    assert chain[:2] == ["colleagueRadio", "colleagueList"]
    assert chain[-2:] == ["departButton", "cancelButton"]
    dialog.choose(dialog.options[1])
    assert order_problems(dialog.form) == []
    assert "reasonEdit" in names(tab_chain(dialog.form))


def test_a_further_option_can_be_added(qtbot: QtBot, demo: DemoEnv) -> None:
    """The extension point: e.g. "a colleague logs in right here"."""
    page = open_page(qtbot, demo)
    ids = _ids(page)
    visit_id = plan_visit(page.ctx, start_in=timedelta(minutes=5))
    dialog = _press_depart(qtbot, page, visit_id)
    radio = QRadioButton("Een collega logt &hier in")
    here = QWidget()
    QVBoxLayout(here).addWidget(name_edit := QLineEdit())
    name_edit.setAccessibleName("Gebruikersnaam")

    def collect() -> Departure | None:
        def depart(ctx: ServiceContext) -> None:
            # (the real option logs the colleague in; here Lotte is simply there)
            buddy_present(ctx.store, ids["lotte"], ctx.now())
            visits.depart(ctx, visit_id, new_buddy_id=ids["lotte"])

        return depart

    dialog.add_option(DepartureOption(radio, here, collect, name_edit))
    assert radio.accessibleName() == "Een collega logt hier in"
    dialog.choose(dialog.options[2])
    assert dialog.pages.currentWidget() is here and not dialog.anyway_radio.isChecked()
    click(qtbot, dialog.depart_button)
    qtbot.waitUntil(lambda: _state(page, visit_id) is VisitState.ONDERWEG, timeout=5_000)
    assert visits.get_visit(page.ctx, visit_id).buddy_id == ids["lotte"]


def test_the_timeline_shows_the_new_buddy_and_the_reason(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    ids = _ids(page)
    first = plan_visit(page.ctx, start_in=timedelta(minutes=5))
    second = plan_visit(page.ctx, start_in=timedelta(minutes=10))
    buddy_present(page.ctx.store, ids["lotte"], demo.clock.now())
    visits.depart(page.ctx, first, new_buddy_id=ids["lotte"])
    visits.depart(page.ctx, second, go_anyway_reason="Ahmed belt vanaf zijn mobiel.")
    changed = VisitDetailDialog(get_visit_detail(page.ctx, first))
    anyway = VisitDetailDialog(get_visit_detail(page.ctx, second))
    for dialog in (changed, anyway):
        qtbot.addWidget(dialog)
    assert "Andere buddy bij vertrek" in [e.what for e in changed.timeline.entries()]
    entries = {e.what: e.detail for e in anyway.timeline.entries()}
    assert entries["Vertrokken zonder bereikbare buddy"] == "Reden: Ahmed belt vanaf zijn mobiel."
    assert entries["⚠ Alarm"] == "Vertrokken zonder bereikbare buddy, aan leidinggevenden"
