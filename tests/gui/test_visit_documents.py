"""Letter and agenda item of a visit: saved only where the person chooses."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import file_mode
from tests.gui.conftest import DemoEnv
from tests.gui.test_my_visits import open_page, plan_visit
from veilig_huisbezoek.gui.file_choosers import SavePathChooser
from veilig_huisbezoek.gui.i18n import install_translators
from veilig_huisbezoek.gui.my_visits import save_document
from veilig_huisbezoek.gui.visit_documents import VisitDocument, agenda_item, announcement_letter
from veilig_huisbezoek.services import documents
from veilig_huisbezoek.services.settings import load_settings, save_settings

pytestmark = pytest.mark.gui


@pytest.mark.usefixtures("umask_022")
def test_letter_and_ics_go_to_the_chosen_folder_only(
    qtbot: QtBot, demo: DemoEnv, tmp_path: Path
) -> None:
    sanne = demo.login("sanne")
    visit_id = plan_visit(sanne)
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "out"
    out.mkdir()
    asked: list[str] = []

    def choose(_p: QWidget, _caption: str, suggested: str, _filter: str) -> str | None:
        asked.append(suggested)
        return str(out / suggested)

    said: list[tuple[str, bool]] = []

    def save(document: VisitDocument, chooser: SavePathChooser) -> None:
        save_document(
            document, sanne, demo.tasks, visit_id, parent, chooser, lambda *s: said.append(s)
        )
        assert said == [] or demo.tasks.busy  # read on the task runner first
        qtbot.waitUntil(lambda: not demo.tasks.busy, timeout=10_000)

    save(announcement_letter(), lambda *_a: None)  # cancelled: nothing written or said
    assert said == [] and list(out.iterdir()) == []
    save(announcement_letter(), choose)
    save(agenda_item(), choose)
    assert asked == [f"aankondiging-HB-2026-{visit_id:04d}.pdf", f"huisbezoek-{visit_id}.ics"]
    letter, agenda = out / asked[0], out / asked[1]
    assert said == [(f"Opgeslagen: {asked[0]}", False), (f"Opgeslagen: {asked[1]}", False)]
    assert letter.read_bytes().startswith(b"%PDF")
    [event] = Calendar.from_ical(agenda.read_bytes()).walk("VEVENT")
    assert "Prinsengracht 263" in str(event["LOCATION"])
    assert sorted(p.name for p in out.iterdir()) == sorted(asked)
    # Personal data: owner-only (0600), also when an existing file is overwritten.
    assert file_mode(letter) == file_mode(agenda) == 0o600
    agenda.chmod(0o644)
    save(agenda_item(), choose)
    assert file_mode(agenda) == 0o600


def test_the_demo_letter_is_sent_by_gemeente_heerlen(demo: DemoEnv) -> None:
    sanne = demo.login("sanne")
    letter = documents.announcement_letter(sanne, plan_visit(sanne))
    assert letter.sender.name == "Gemeente Heerlen"
    assert "6411 HR Heerlen" in letter.sender.address


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_letter_button_says_the_municipality_is_missing(
    qtbot: QtBot, demo: DemoEnv, qapp: QApplication, language: str
) -> None:
    tom = demo.login("tom")
    save_settings(tom, replace(load_settings(tom), municipality_name="", municipality_address=""))
    sanne = demo.login("sanne")
    visit_id = plan_visit(sanne)
    translators = install_translators(qapp, language)
    try:
        page = open_page(qtbot, demo)
        page.select_visit(visit_id)
        asked: list[str] = []
        page.choose_save_path = lambda _p, _c, name, _f: asked.append(name) or None
        qtbot.mouseClick(page.letter_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.message_label.text() != "", timeout=10_000)
        shown = page.message_label.text()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    assert asked == []  # refused before anything is made or asked
    if language == "nl":
        assert shown.endswith(documents.MISSING_SENDER)
        assert "Instellingen" in shown
    else:
        assert "municipality" in shown and "Settings" in shown
