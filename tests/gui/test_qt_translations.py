"""Qt's own texts (standard buttons, the file dialog) speak the app's language.

Qt's source texts are English; gui.i18n.install_translators loads Qt's catalogue for
the language (qtbase_nl) and ours for the few texts it lacks (qt_extra_nl).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.shown_texts import shown_texts
from veilig_huisbezoek.gui.i18n import install_translators

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("language", "cancel", "yes"), [("nl", "Annuleren", "Ja"), ("en", "Cancel", "Yes")]
)
def test_qt_standard_buttons_speak_the_chosen_language(
    qapp: QApplication, language: str, cancel: str, yes: str
) -> None:
    translators = install_translators(qapp, language)
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes
        )
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {cancel, yes}
        message = QMessageBox(
            QMessageBox.Icon.Question,
            "?",
            "?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        texts = {b.text().replace("&", "") for b in message.buttons()}
        assert texts == {cancel, yes}
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


def test_the_file_dialog_speaks_dutch_in_dutch(qtbot: QtBot, qapp: QApplication) -> None:
    translators = install_translators(qapp, "nl")
    try:
        dialog = QFileDialog(None, "Opslaan als", "", "PDF-bestanden (*.pdf)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        shown = " | ".join(text for _where, text in shown_texts(dialog)).replace("&", "")
        for english in ("Look in", "File name", "Files of type", "Cancel", "Save", "Back"):
            assert english not in shown, shown
        for dutch in ("Zoeken in", "Bestandsnaam", "Annuleren", "Opslaan"):
            assert dutch in shown, shown
        dialog.reject()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
