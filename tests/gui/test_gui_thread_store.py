"""No store session on the GUI thread (a ratchet).

On a team server every store session is a network round trip: on the GUI thread it
freezes the window, and a lost server freezes it until the time-out. Pages read and
write on the task runner (gui/tasks.py). A short but representative session (log in on
the demo through the main window, open every page, acknowledge an alarm, record a
call) runs with the probe of tests/gui_thread_probe.py; every place that still opens a
store session on the GUI thread must be on ``NOT_YET_CONVERTED`` below. A new place
fails this test, and a converted place cannot come back (take it off the list).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from tests.gui.test_app_alarms import (
    MakeWindow,
    acknowledge,
    alarm_by_tick,
    log_in,
    panel,
    running_visit,
)
from tests.gui.test_board import opened_call
from tests.gui.test_incident_dialog import file_report, pick
from tests.gui_thread_probe import GuiThreadProbe, probing
from tests.helpers import settle_page
from tests.reminders.helpers import settle_panel
from veilig_huisbezoek.domain.incident import Step
from veilig_huisbezoek.domain.reminders import ReminderKind
from veilig_huisbezoek.gui.accounts_page import AccountDialog, AccountsPage
from veilig_huisbezoek.gui.board import BoardPage
from veilig_huisbezoek.gui.incident_dialog import TAB_NOTE, IncidentDialog
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.my_visits import MyVisitsPage
from veilig_huisbezoek.gui.password_dialog import PasswordDialog
from veilig_huisbezoek.gui.visit_detail import VisitDetailDialog

pytestmark = pytest.mark.gui

# Places (innermost GUI function) that still open a store session on the GUI thread,
# each a round trip that freezes the window on a team server. Convert them to the task
# runner (gui/tasks.py; see board.py ``reload`` or page_base ``load_in_background``)
# and take them off this list; never add one.
NOT_YET_CONVERTED: dict[str, str] = {}


def open_account_dialogs(qtbot: QtBot, window: MainWindow) -> None:
    """Tom (beheerder) on Accounts: Toevoegen and a new password for Petra (a
    leidinggevende), each dialog asking whether a co-signer is needed, then cancelled."""
    assert window.workspace is not None
    page = window.workspace.pages["accounts"]
    assert isinstance(page, AccountsPage)
    window.workspace.show_page("accounts")
    page.add_button.click()
    assert isinstance(page.dialog, AccountDialog)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    page.dialog.cancel_button.click()
    page.select("petra")
    page.reset_button.click()
    dialog = page.dialog
    assert isinstance(dialog, PasswordDialog)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    assert not dialog.cosign_box.isVisible()  # the demo has no other leidinggevende
    dialog.cancel_button.click()


def file_counter_incident(qtbot: QtBot, dialog: IncidentDialog) -> None:
    """An incident at the counter: the report filed, a step ticked, the note proposed
    (each saved on the task runner, the incident read again after it)."""
    pick(qtbot, dialog.channel_combo, "Balie")
    pick(qtbot, dialog.category_combo, "C")
    for edit, text in (
        (dialog.wie_edit, "Bezoeker aan de balie"),
        (dialog.wat_edit, "Schold de medewerker uit en sloeg op de balie."),
        (dialog.waar_edit, "Stadhuis, balie 3"),
    ):
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    file_report(qtbot, dialog)
    check = dialog.findChild(QCheckBox, f"step_{Step.VEILIGHEID.value}")
    assert check is not None
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "gedaan" in check.text()
    dialog.tabs.setCurrentIndex(TAB_NOTE)
    for edit, text in (
        (dialog.note_street_edit, "Prinsengracht"),
        (dialog.note_number_edit, "263"),
        (dialog.note_postcode_edit, "1016 GV"),
        (dialog.note_city_edit, "Amsterdam"),
    ):
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    dialog.propose_note_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "status: voorgesteld" in dialog.note_status_label.text()


def _unexpected(probe: GuiThreadProbe) -> dict[str, list[str]]:
    return {
        place: probe.where(place) for place in sorted(probe.places() - NOT_YET_CONVERTED.keys())
    }


def _show_every_page(qtbot: QtBot, window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace is not None
    for key, page in workspace.pages.items():
        workspace.show_page(key)
        settle_page(qtbot, page)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)


def _session(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow, plant: Callable[[], None] | None = None
) -> GuiThreadProbe:
    """Ahmed (a buddy): log in, every page, an alarm acknowledged, a call recorded, an
    incident at the counter filed and followed; Sanne opens the visit's details and its
    documents and comes back safe from it; Petra (leidinggevende: reports) and Tom
    (accounts, settings) open their pages, and Tom the account dialogs."""
    visit = running_visit(demo)
    with probing() as probe:
        window = make_window()
        log_in(qtbot, window, "ahmed")
        _show_every_page(qtbot, window)
        if plant is not None:
            plant()
        # An alarm, as the app fires it (the scheduler's timer): Bevestigen.
        fired = alarm_by_tick(qtbot, demo, window, visit.first_callback, visit)
        assert [a.kind for a in fired] == [ReminderKind.CALLBACK_DUE]
        settle_panel(qtbot, panel(window))
        row = next(r for r in panel(window).rows if r.alarm.visit_id == visit.id)
        acknowledge(qtbot, window, row)
        # A call: Bellen from the hub, Voornaam, both questions, Vastleggen.
        assert window.workspace is not None
        board = window.workspace.pages["board"]
        assert isinstance(board, BoardPage)
        demo.clock.advance(timedelta(seconds=30))
        window.hub.call_requested.emit(visit.id, None)
        call = opened_call(qtbot, board)
        for button in (call.first_name_button, call.vrijuit_yes, call.politie_no):
            button.click()
        call.record_button.click()
        qtbot.waitUntil(lambda: call.decision is not None)
        call.accept()
        # Incident melden (the top row): the form opens after its reads.
        workspace = window.workspace
        assert workspace is not None
        workspace.report_incident()
        qtbot.waitUntil(lambda: workspace.incident_dialog is not None)
        incident = workspace.incident_dialog
        assert isinstance(incident, IncidentDialog)
        file_counter_incident(qtbot, incident)
        incident.close()
        qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
        window.close()
        # Sanne (the visitor) comes back: "Terug, veilig" in Mijn bezoeken.
        window = make_window()
        log_in(qtbot, window, "sanne")
        _show_every_page(qtbot, window)
        assert window.workspace is not None
        my_visits = window.workspace.pages["my_visits"]
        assert isinstance(my_visits, MyVisitsPage)
        window.workspace.show_page("my_visits")
        my_visits.select_visit(visit.id)
        # Details: the visit's own window (read on the task runner).
        my_visits.details_button.click()
        qtbot.waitUntil(lambda: bool(window.findChildren(VisitDetailDialog)), timeout=10_000)
        for detail in window.findChildren(VisitDetailDialog):
            detail.close()
        # The letter and the agenda item (read on the task runner; then not saved).
        asked: list[str] = []
        my_visits.choose_save_path = lambda _p, _c, name, _f: asked.append(name) or None
        my_visits.letter_button.click()
        my_visits.agenda_button.click()
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=10_000)
        my_visits.safe_button.click()
        box = my_visits.confirm_box
        assert box is not None
        box.button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: my_visits.model.row_of(visit.id) is None, timeout=10_000)
        settle_page(qtbot, my_visits)
        window.close()
        for user in ("petra", "tom"):
            other = make_window()
            log_in(qtbot, other, user)
            _show_every_page(qtbot, other)
            if user == "tom":
                open_account_dialogs(qtbot, other)
            other.close()
    return probe


def test_no_new_store_session_on_the_gui_thread(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow
) -> None:
    probe = _session(qtbot, demo, make_window)
    assert _unexpected(probe) == {}


def test_a_planted_direct_service_call_from_a_page_fails_it(
    qtbot: QtBot, demo: DemoEnv, make_window: MakeWindow
) -> None:
    """The ratchet catches a page that reads the store itself on the GUI thread."""
    from veilig_huisbezoek.services import planning

    def direct_reload(page: MyVisitsPage) -> None:
        page._loaded(planning.my_open_visits(page.ctx))

    def plant() -> None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(MyVisitsPage, "reload", direct_reload)
            window = next(w for w in made if w.workspace is not None)
            assert window.workspace is not None
            window.workspace.pages["my_visits"].refresh()

    made: list[MainWindow] = []

    def make() -> MainWindow:
        window = make_window()
        made.append(window)
        return window

    probe = _session(qtbot, demo, make, plant)
    # The page's refresh (page_base) called the planted reload, which read the store.
    assert list(_unexpected(probe)) == ["page_base.py:refresh"]
