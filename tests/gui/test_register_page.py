"""The register page, driven as a person would: select, click, type; then check the store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTextBrowser,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.domain.errors import NotAllowedError
from veilig_huisbezoek.domain.register import NoteStatus
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.gui.register_model import COLUMN_REVIEW, COLUMN_STATUS
from veilig_huisbezoek.gui.register_page import RegisterPage
from veilig_huisbezoek.services import register
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.register import RegisterEntry

pytestmark = pytest.mark.gui

DOCS = Path(__file__).resolve().parents[2] / "docs"


def open_page(qtbot: QtBot, demo: DemoEnv, user: str) -> tuple[RegisterPage, ServiceContext]:
    ctx = demo.login(user)
    page = helpers.open_page(qtbot, RegisterPage(ctx, demo.tasks, demo.hub), exposed=False)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    return page, ctx


def cell(page: RegisterPage, row: int, column: int) -> str:
    return str(page.model.index(row, column).data())


def click_row(qtbot: QtBot, page: RegisterPage, row: int) -> RegisterEntry:
    index = page.model.index(row, 1)
    page.table.scrollTo(index)
    qtbot.mouseClick(
        page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center()
    )
    entry = page.selected_entry()
    assert entry is not None and page.table.currentIndex().row() == row
    return entry


def row_where(page: RegisterPage, status: NoteStatus) -> int:
    for row in range(page.model.rowCount()):
        entry = page.model.entry(row)
        if entry is not None and entry.note.status is status:
            return row
    raise AssertionError(f"no row with status {status}")


def click_and_reload(qtbot: QtBot, page: RegisterPage, button: QAbstractButton) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_approving_the_proposal_makes_it_warn_at_its_address(qtbot: QtBot, demo: DemoEnv) -> None:
    page, petra = open_page(qtbot, demo, "petra")
    assert "Wacht op goedkeuring: 1." in page.summary_label.text()
    entry = click_row(qtbot, page, row_where(page, NoteStatus.VOORGESTELD))
    assert entry.author == "Ahmed El Amrani"  # a medewerker: four-eyes passes
    assert entry.note.description in page.detail_view.toPlainText()
    assert "wacht op goedkeuring" in page.detail_view.toPlainText()
    assert register.warnings_for(petra, entry.note.address.key) == []
    click_and_reload(qtbot, page, page.approve_button)
    assert "Notitie goedgekeurd" in page.message_label.text()
    row = page.model.row_of(entry.id)
    assert row is not None and cell(page, row, COLUMN_STATUS) == "Actief"
    assert page.selected_entry() is not None and page.selected_entry().id == entry.id  # type: ignore[union-attr]
    assert "Goedgekeurd door Petra de Groot" in page.detail_view.toPlainText()
    assert [n.id for n in register.warnings_for(petra, entry.note.address.key)] == [entry.id]
    assert "Wacht op goedkeuring" not in page.summary_label.text()


def test_overdue_review_comes_first_and_herbeoordeeld_moves_it_a_year(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page, petra = open_page(qtbot, demo, "petra")
    assert "te laat" in cell(page, 0, COLUMN_REVIEW)
    assert "Herbeoordeling te laat: 1." in page.summary_label.text()
    first = page.model.entry(0)
    assert first is not None and first.review_overdue
    assert all(not page.model.entry(r).review_overdue for r in range(1, page.model.rowCount()))  # type: ignore[union-attr]
    # The order: overdue, proposed, then active.
    assert page.model.entry(1).note.status is NoteStatus.VOORGESTELD  # type: ignore[union-attr]
    click_row(qtbot, page, 0)
    assert "Herbeoordeling te laat" in page.detail_view.toPlainText()
    click_and_reload(qtbot, page, page.review_button)
    assert "Volgende herbeoordeling vóór 23-11-2027" in page.message_label.text()
    [stored] = [n for n in register.list_notes(petra) if n.id == first.id]
    assert stored.review_due is not None and str(stored.review_due) == "2027-11-23"
    assert stored.status is NoteStatus.ACTIEF
    assert "te laat" not in "".join(
        cell(page, r, COLUMN_REVIEW) for r in range(page.model.rowCount())
    )
    assert "Er wacht niets op u." not in page.summary_label.text()  # the proposal still waits


def test_search_by_postcode_without_space_finds_the_note(qtbot: QtBot, demo: DemoEnv) -> None:
    page, _petra = open_page(qtbot, demo, "petra")
    target = page.model.entry(row_where(page, NoteStatus.VOORGESTELD))
    assert target is not None
    typed = target.note.address.postcode.replace(" ", "").lower()  # "6418 MN" → "6418mn"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClicks(page.search_edit, typed)
    assert page.model.rowCount() == 1
    assert page.model.entry(0).id == target.id  # type: ignore[union-attr]
    assert target.note.address.one_line() in page.detail_view.toPlainText()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClicks(page.search_edit, " 9999")  # no such house number there
    assert page.model.rowCount() == 0
    assert "0 notities getoond." in page.summary_label.text()


def test_filters_by_status_and_category(qtbot: QtBot, demo: DemoEnv) -> None:
    page, _petra = open_page(qtbot, demo, "petra")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.status_combo.setCurrentText("Herbeoordeling te laat")
    assert page.model.rowCount() == 1 and page.model.entry(0).review_overdue  # type: ignore[union-attr]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.status_combo.setCurrentText("Actief")
    assert page.model.rowCount() == 4
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.category_combo.setCurrentText("Wapens")
    assert page.model.rowCount() == 0  # the weapons note is still a proposal
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.status_combo.setCurrentIndex(0)
    assert page.model.rowCount() == 1 and cell(page, 0, 2) == "Wapens"


def test_editing_an_active_note_waits_for_a_second_leidinggevende(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page, petra = open_page(qtbot, demo, "petra")
    entry = click_row(qtbot, page, row_where(page, NoteStatus.ACTIEF))
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert page.side.currentWidget() is page.edit_page
    assert page.street_edit.text() == entry.note.address.street
    assert not page.table.isEnabled()  # one thing at a time
    page.precautions_edit.clear()
    qtbot.keyClicks(page.precautions_edit, "Alleen met politie; hond vooraf laten opsluiten.")
    click_and_reload(qtbot, page, page.save_button)
    message = page.message_label.text()
    assert "Bewerking opgeslagen als voorstel" in message and "blijft" in message
    assert page.side.currentWidget() is page.detail_page and page.table.isEnabled()
    notes = register.list_notes(petra)
    [stored] = [n for n in notes if n.id == entry.id]
    assert stored.status is NoteStatus.ACTIEF  # still warns as approved
    assert stored.precautions == entry.note.precautions
    [pending] = [n for n in notes if n.replaces_id == entry.id]
    assert pending.status is NoteStatus.VOORGESTELD
    assert pending.precautions == "Alleen met politie; hond vooraf laten opsluiten."


def test_retiring_needs_a_reason(qtbot: QtBot, demo: DemoEnv) -> None:
    page, petra = open_page(qtbot, demo, "petra")
    entry = click_row(qtbot, page, row_where(page, NoteStatus.ACTIEF))
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    assert page.side.currentWidget() is page.reason_page
    assert page.reason_title_label.text() == "Notitie intrekken"
    with qtbot.waitSignal(page.action_failed, timeout=10_000) as blocker:
        qtbot.mouseClick(page.confirm_reason_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["Reden intrekken: geef een reden op."]
    assert "Reden intrekken: geef een reden op." in page.reason_error_label.text()
    assert page.side.currentWidget() is page.reason_page
    assert [n.status for n in register.list_notes(petra) if n.id == entry.id] == [NoteStatus.ACTIEF]
    qtbot.keyClicks(page.reason_edit, "Bewoner is verhuisd; nieuwe bewoners onbekend.")
    click_and_reload(qtbot, page, page.confirm_reason_button)
    assert "Notitie ingetrokken" in page.message_label.text()
    [stored] = [n for n in register.list_notes(petra) if n.id == entry.id]
    assert stored.status is NoteStatus.INGETROKKEN
    assert stored.retire_reason == "Bewoner is verhuisd; nieuwe bewoners onbekend."
    assert register.warnings_for(petra, entry.note.address.key) == []
    # Retired notes sink to the bottom.
    assert page.model.row_of(entry.id) == page.model.rowCount() - 1


def test_rejecting_a_proposal_with_a_reason(qtbot: QtBot, demo: DemoEnv) -> None:
    page, petra = open_page(qtbot, demo, "petra")
    entry = click_row(qtbot, page, row_where(page, NoteStatus.VOORGESTELD))
    qtbot.mouseClick(page.reject_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.reason_edit, "Geen concreet incident beschreven.")
    click_and_reload(qtbot, page, page.confirm_reason_button)
    assert "Notitie afgewezen" in page.message_label.text()
    [stored] = [n for n in register.list_notes(petra) if n.id == entry.id]
    assert stored.status is NoteStatus.AFGEWEZEN
    assert "Afgewezen door Petra de Groot" in page.detail_view.toPlainText()


def test_escape_cancels_the_form_without_storing(qtbot: QtBot, demo: DemoEnv) -> None:
    page, petra = open_page(qtbot, demo, "petra")
    before = register.list_notes(petra)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.street_edit, "Akerstraat")
    qtbot.keyClick(page.street_edit, Qt.Key.Key_Escape)
    assert page.side.currentWidget() is page.detail_page
    assert register.list_notes(petra) == before


def test_own_proposal_cannot_be_approved_four_eyes_message(qtbot: QtBot, demo: DemoEnv) -> None:
    page, petra = open_page(qtbot, demo, "petra")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    # An empty form: every problem at once, in Dutch, focus on the first field.
    with qtbot.waitSignal(page.action_failed, timeout=10_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    errors = page.edit_error_label.text()
    for field in ("Straat", "Huisnummer", "Postcode", "Plaats", "Categorie", "Omschrijving"):
        assert f"{field}:" in errors
    qtbot.keyClicks(page.street_edit, "Passartweg")
    qtbot.keyClicks(page.number_edit, "31-b")
    qtbot.keyClicks(page.postcode_edit, "6415tv")
    qtbot.keyClicks(page.city_edit, "Heerlen")
    page.edit_category_combo.setCurrentText("Bedreiging")
    qtbot.keyClicks(
        page.description_edit, "Bewoner dreigde met een honkbalknuppel toen wij aanbelden."
    )
    click_and_reload(qtbot, page, page.save_button)
    assert "Notitie voorgesteld voor Passartweg 31B, 6415 TV Heerlen" in page.message_label.text()
    [mine] = [n for n in register.list_notes(petra) if n.address.street == "Passartweg"]
    assert mine.status is NoteStatus.VOORGESTELD and mine.author_id == petra.actor.account_id
    click_row(qtbot, page, page.model.row_of(mine.id or 0) or 0)
    assert "vier-ogenprincipe" in page.detail_view.toPlainText()
    with qtbot.waitSignal(page.action_failed, timeout=10_000):
        qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    message = page.message_label.text()
    assert message.startswith("Niet gelukt: U kunt uw eigen notitie niet goedkeuren")
    assert "vier-ogenprincipe" in message
    assert [n.status for n in register.list_notes(petra) if n.id == mine.id] == [
        NoteStatus.VOORGESTELD
    ]


def test_a_medewerker_sees_only_own_notes_and_may_only_propose(qtbot: QtBot, demo: DemoEnv) -> None:
    page, sanne = open_page(qtbot, demo, "sanne")
    shown = {page.model.entry(r).author for r in range(page.model.rowCount())}  # type: ignore[union-attr]
    assert shown == {"Sanne Visser"} and page.model.rowCount() == 2
    assert "U ziet alleen de notities die u zelf heeft voorgesteld." in page.summary_label.text()
    for button in (page.approve_button, page.reject_button, page.edit_button, page.review_button):
        assert button.isHidden()
    assert not page.new_button.isHidden()
    click_row(qtbot, page, 0)
    assert not page.retire_button.isEnabled()  # an active note: only a leidinggevende
    # The service refuses even without buttons, in Dutch.
    petra = demo.login("petra")
    [proposed] = register.list_notes(petra, status=NoteStatus.VOORGESTELD)
    assert proposed.id is not None
    with pytest.raises(PermissionDenied, match="Geen toestemming: alleen een leidinggevende"):
        register.approve_note(sanne, proposed.id)
    with pytest.raises(NotAllowedError):
        register.edit_note(
            sanne,
            proposed.id,
            address=proposed.address,
            category=proposed.category,
            incident_date=proposed.incident_date,
            description=proposed.description,
        )


def test_every_control_is_labelled_and_enter_moves_to_the_detail(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page, _petra = open_page(qtbot, demo, "petra")
    kinds = (QLineEdit, QComboBox, QAbstractButton, QTableView, QTextBrowser, QPlainTextEdit)
    controls: list[QWidget] = [w for kind in kinds for w in page.findChildren(kind)]
    controls += page.findChildren(QDateEdit)
    unnamed = [
        w.objectName()
        for w in controls
        if w.objectName() and not w.objectName().startswith("qt_") and not w.accessibleName()
    ]
    assert unnamed == []
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.focusWidget() is page.detail_view or not page.isActiveWindow()
    assert page.title == "Adresregister"


def test_register_model(qtmodeltester: ModelTester, demo: DemoEnv, qtbot: QtBot) -> None:
    page, _petra = open_page(qtbot, demo, "petra")
    qtmodeltester.check(page.model)
    assert (
        page.model.index(0, COLUMN_REVIEW)
        .data(Qt.ItemDataRole.AccessibleTextRole)
        .startswith("Herbeoordeling te laat")
    )


def test_screenshot_of_the_register(qtbot: QtBot, demo: DemoEnv, tmp_path: Path) -> None:
    page, _petra = open_page(qtbot, demo, "petra")
    qtbot.wait(50)
    image = page.grab()
    assert image.width() == 1366 and image.height() == 768
    assert image.save(str(tmp_path / "register.png"))
    if os.environ.get("VH_UPDATE_SCREENSHOTS"):
        DOCS.mkdir(exist_ok=True)
        image.save(str(DOCS / "register.png"))
