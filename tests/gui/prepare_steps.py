"""Steps of the prepare-visit flow as a person takes them; shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.domain import register as register_rules
from veilig_huisbezoek.domain.checklist import Answer
from veilig_huisbezoek.domain.clock import to_local
from veilig_huisbezoek.domain.register import NoteStatus, UnsafeAddressNote
from veilig_huisbezoek.gui.checklist_widget import ChecklistWidget
from veilig_huisbezoek.gui.prepare_visit import STEP_ADVICE, STEP_CHECK, STEP_PLAN, PrepareVisitPage
from veilig_huisbezoek.services import register
from veilig_huisbezoek.services.context import ServiceContext

# Not in the demo register (the demo uses Heerlen postcodes 641x).
SAFE_ADDRESS = ("Prinsengracht", "263", "", "1016 GV", "Amsterdam")


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    helpers.settle_around(qtbot, button)  # what the page reads on the task runner first
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    helpers.settle_around(qtbot, button)


def open_page(qtbot: QtBot, demo: DemoEnv, user: str = "sanne") -> PrepareVisitPage:
    page = PrepareVisitPage(demo.login(user), demo.tasks, demo.hub)
    return helpers.open_page(qtbot, page, active=True)


def checklist(page: PrepareVisitPage) -> ChecklistWidget:
    assert page.checklist_widget is not None
    return page.checklist_widget


def type_address(
    qtbot: QtBot,
    page: PrepareVisitPage,
    street: str,
    number: str,
    addition: str,
    postcode: str,
    city: str,
) -> None:
    for edit, text in (
        (page.address_step.street_edit, street),
        (page.address_step.number_edit, number),
        (page.address_step.addition_edit, addition),
        (page.address_step.postcode_edit, postcode),
        (page.address_step.city_edit, city),
    ):
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        edit.editingFinished.emit()  # what leaving the field does
    helpers.settle_page(qtbot, page)


def answer(qtbot: QtBot, page: PrepareVisitPage, answers: dict[str, Answer]) -> None:
    """Click the answers given; every other (non-automatic) question gets "nee"."""
    widget = checklist(page)
    for item in widget.checklist.items:
        if widget.is_auto(item.id):
            continue
        choice = answers.get(item.id, Answer.NEE)
        button = widget.findChild(QAbstractButton, f"answer_{item.id}_{choice.value}")
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pick(qtbot: QtBot, combo: QWidget, text: str) -> None:
    """Choose a combo box entry by typing its first letters, as with the keyboard."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def shown(label: QLabel) -> str:
    return label.text() if label.isVisible() else ""


def fill_plan(qtbot: QtBot, page: PrepareVisitPage, *, buddy: str = "Ahmed") -> None:
    assert page.current_step() == STEP_PLAN
    pick(qtbot, page.plan_step.reason_combo, "Dienst")
    assert page.plan_step.reason_combo.currentText() == "Dienstverlening"
    qtbot.keyClicks(page.plan_step.residents_edit, "Dhr. en mevr. Janssen")
    qtbot.keyClicks(page.plan_step.clients_edit, "Mevr. Janssen")
    qtbot.keyClicks(page.plan_step.phone_edit, "045 560 5040")
    pick(qtbot, page.plan_step.buddy_combo, buddy)
    assert page.plan_step.buddy_combo.currentText().startswith(buddy)
    page.plan_step.announced_check.setFocus()
    qtbot.keyClick(page.plan_step.announced_check, Qt.Key.Key_Space)  # a check box: Space ticks it


def walk_to_plan(
    qtbot: QtBot,
    page: PrepareVisitPage,
    answers: dict[str, Answer] | None = None,
    address: tuple[str, str, str, str, str] = SAFE_ADDRESS,
    colleagues: tuple[str, ...] = (),
) -> None:
    type_address(qtbot, page, *address)
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_CHECK
    answer(qtbot, page, answers or {})
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_ADVICE
    for name in colleagues:
        tick_colleague(page, name)
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_PLAN


def tick_colleague(page: PrepareVisitPage, name: str, qtbot: QtBot | None = None) -> None:
    """Select the colleague in the list and press Space, as a keyboard user would."""
    items = page.advice_step.colleague_list.findItems(name, Qt.MatchFlag.MatchStartsWith)
    assert items, name
    page.advice_step.colleague_list.setFocus()
    page.advice_step.colleague_list.setCurrentItem(items[0])
    QTest.keyClick(page.advice_step.colleague_list, Qt.Key.Key_Space)


def active_note(petra: ServiceContext, demo: DemoEnv) -> UnsafeAddressNote:
    today = to_local(demo.clock.now()).date()
    notes = [
        n
        for n in register.list_notes(petra, status=NoteStatus.ACTIEF)
        if register_rules.warns(n, today)
        and n.review_due is not None
        and n.review_due > today  # a note whose review is not overdue
    ]
    assert notes, "the demo store has an active register note"
    return notes[0]


def note_address(note: UnsafeAddressNote) -> tuple[str, str, str, str, str]:
    a = note.address
    return (a.street, str(a.house_number), a.addition, a.postcode, a.city)


def listed(page: PrepareVisitPage) -> list[str]:
    return [
        page.plan_step.callbacks.callback_list.item(i).text()
        for i in range(page.plan_step.callbacks.callback_list.count())
    ]
