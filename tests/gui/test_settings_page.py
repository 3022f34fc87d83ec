"""The beheerder's settings page: shows the stored values, saves valid ones, refuses bad."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.domain.settings import SETTING_GROUPS, Settings
from veilig_huisbezoek.gui.settings_page import SettingsPage
from veilig_huisbezoek.services.settings import load_settings

pytestmark = pytest.mark.gui


def open_page(qtbot: QtBot, demo: DemoEnv) -> SettingsPage:
    page = SettingsPage(demo.login("tom"), demo.tasks, demo.hub)
    return helpers.open_page(qtbot, page, size=(1000, 700), exposed=False)


def retype(qtbot: QtBot, editor: QLineEdit | QSpinBox, text: str) -> None:
    editor.setFocus()
    if isinstance(editor, QSpinBox):
        editor.lineEdit().selectAll()
        qtbot.keyClicks(editor.lineEdit(), text)
    else:
        editor.selectAll()
        qtbot.keyClicks(editor, text) if text else qtbot.keyClick(editor, Qt.Key.Key_Delete)


def test_every_setting_has_a_labelled_editor_with_the_stored_value(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page = open_page(qtbot, demo)
    names = [name for _title, group in SETTING_GROUPS for name in group]
    assert sorted(names) == sorted(Settings().to_dict())  # nothing missing, nothing twice
    stored = load_settings(page.ctx).to_dict()
    assert page.values() == stored
    grace = page.editors["grace_minutes"]
    assert isinstance(grace, QSpinBox) and grace.accessibleName() == "Uitlooptijd (minuten)"
    assert (grace.minimum(), grace.maximum()) == (0, 240)
    assert isinstance(page.editors["municipality_address"], QPlainTextEdit)


def test_saving_stores_the_new_values_and_tells_the_app(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    retype(qtbot, page.editors["grace_minutes"], "20")  # type: ignore[arg-type]
    retype(qtbot, page.editors["municipality_name"], "Gemeente Heerlen")  # type: ignore[arg-type]
    address = page.editors["municipality_address"]
    assert isinstance(address, QPlainTextEdit)
    address.setFocus()
    address.selectAll()  # the demo's address is there already
    qtbot.keyClicks(address, "Postbus 1")
    with qtbot.waitSignal(demo.hub.visits_changed, timeout=2_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    helpers.settle_page(qtbot, page)
    assert page.message_label.text() == "Instellingen opgeslagen."
    stored = load_settings(demo.login("petra"))
    assert stored.grace_minutes == 20
    assert stored.municipality_name == "Gemeente Heerlen"
    assert stored.municipality_address == "Postbus 1"


def test_an_empty_police_number_is_refused_in_dutch_and_nothing_is_saved(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page = open_page(qtbot, demo)
    retype(qtbot, page.editors["grace_minutes"], "30")  # type: ignore[arg-type]
    retype(qtbot, page.editors["police_general"], "")  # type: ignore[arg-type]
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    helpers.settle_page(qtbot, page)
    assert page.message_label.text() == "Algemeen nummer politie: mag niet leeg zijn."
    assert load_settings(page.ctx).grace_minutes == 15
    assert page.editors["grace_minutes"].value() == 30  # type: ignore[union-attr]  # kept
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    helpers.settle_page(qtbot, page)
    assert page.values() == load_settings(page.ctx).to_dict()


def test_defaults_can_be_filled_in_again(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    retype(qtbot, page.editors["idle_lock_minutes"], "9")  # type: ignore[arg-type]
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert page.values() == Settings().to_dict()
