"""Over Veilig Huisbezoek (F1 or the tray menu): version, folders, licences, starting at
login and the diagnosis for IT, which carries no personal data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv, Desktop, MakeWindow
from tests.gui.shown_texts import DutchCatalogue, dutch_texts, shown_texts
from tests.gui.test_app_alarms import log_in
from veilig_huisbezoek import __version__
from veilig_huisbezoek.gui.about_dialog import AboutDialog
from veilig_huisbezoek.gui.i18n import install_translators
from veilig_huisbezoek.gui.main_window import MainWindow, start_at_login
from veilig_huisbezoek.reminders.notifier import Notifier
from veilig_huisbezoek.services.demo import demo_logins

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, make_window: MakeWindow) -> MainWindow:
    win = make_window()
    qtbot.waitExposed(win)
    return win


def opened(qtbot: QtBot, window: MainWindow) -> AboutDialog:
    qtbot.waitUntil(lambda: bool(window.findChildren(AboutDialog)))
    dialog = window.findChildren(AboutDialog)[0]
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def autostart_entry() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / "veilig-huisbezoek.desktop"


def test_f1_shows_version_folders_and_licences(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = opened(qtbot, window)
    assert dialog.windowTitle() == "Over Veilig Huisbezoek"
    assert __version__ in dialog.version_label.text()
    assert str(demo.data_dir) in dialog.folders_label.text()
    licences = dialog.licences.toPlainText()
    assert "Veilig Huisbezoek 0.1.0 — EUPL-1.2" in licences
    assert any(line.startswith("Qt 6.") and "LGPL-3.0" in line for line in licences.splitlines())
    for name in ("SQLAlchemy", "sqlcipher3", "APScheduler", "PySide6_Essentials", "psycopg"):
        assert f"\n{name} " in licences
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.findChildren(AboutDialog))


def test_starting_at_login_is_switched_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = opened(qtbot, window)
    assert not dialog.autostart_box.isChecked()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.autostart_box.isChecked)  # a mnemonic clicks after a short flash
    assert "--autostart" in autostart_entry().read_text(encoding="utf-8")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not autostart_entry().exists())
    dialog.close()


def test_the_diagnosis_is_for_it_and_names_nobody(qtbot: QtBot, window: MainWindow) -> None:
    log_in(qtbot, window, "sanne")
    window.notifier.about_requested.emit()  # the tray menu's item
    dialog = opened(qtbot, window)
    qtbot.mouseClick(dialog.diagnose_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.diagnosis_text()
    assert "gekopieerd" in dialog.copied_label.text()
    assert copied.startswith(f"Veilig Huisbezoek {__version__}\n")
    assert "Opslag: ingebouwd" in copied
    assert "Starten bij aanmelden: uit" in copied
    assert "\n  Qt 6." in copied and "\n  SQLAlchemy " in copied
    home = str(Path.home())
    assert home not in copied or home == "/"
    for personal in ("sanne", "Sanne", "Jansen", "6411"):
        assert personal not in copied
    dialog.close()


def spoken(widget: QWidget) -> str:
    node = QAccessible.queryAccessibleInterface(widget)
    assert node is not None
    return node.text(QAccessible.Text.Name)


def test_every_control_is_reached_by_tab_and_named(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = opened(qtbot, window)
    reached: list[QWidget] = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused not in reached:
            reached.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    # The folders too: IT may ask for them, and selecting them is not for the mouse only.
    for control in (
        dialog.folders_label,
        dialog.autostart_box,
        dialog.licences,
        dialog.diagnose_button,
        dialog.close_button,
    ):
        assert control in reached, control
        assert spoken(control), control
    # The message after copying is read out, not only a caption.
    qtbot.mouseClick(dialog.diagnose_button, Qt.MouseButton.LeftButton)
    assert "Diagnose gekopieerd" in spoken(dialog.copied_label)
    dialog.close()


@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_in_english_the_about_dialog_and_its_tray_item_show_no_dutch(
    qtbot: QtBot, qapp: QApplication, demo: DemoEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    translators = install_translators(qapp, "en")
    assert translators
    try:
        notifier = Notifier(notify=Desktop(), force_tray=True)
        win = MainWindow(
            demo.data_dir, demo_logins=demo_logins(), clock=demo.clock, notifier=notifier
        )
        qtbot.addWidget(win)
        start_at_login(win, waiting_in_tray=True)  # the tray's message at login
        assert notifier.tray_menu is not None
        menu = [a.text() for a in notifier.tray_menu.actions() if a.text()]
        assert "&About Veilig Huisbezoek…" in menu
        notifier.about_action.trigger()  # the tray menu's item
        dialog = opened(qtbot, win)
        qtbot.mouseClick(dialog.diagnose_button, Qt.MouseButton.LeftButton)
        # The refusal when the entry cannot be written (a file where its folder goes).
        blocked = Path(os.environ["XDG_CONFIG_HOME"])
        blocked.mkdir(parents=True, exist_ok=True)
        (blocked / "autostart").write_text("no folder")
        found: list[tuple[str, str]] = []

        def read_and_close_the_refusal() -> None:
            shown = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
            if not shown:
                return
            refusal = shown[0]
            watcher.stop()
            found.extend(shown_texts(refusal))
            refusal.close()

        watcher = QTimer(dialog)
        watcher.timeout.connect(read_and_close_the_refusal)
        watcher.start(50)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: bool(found))
        assert not dialog.autostart_box.isChecked()
        found += shown_texts(dialog)
        found += [("tray menu", text) for text in menu]
        found += [("tray message", text) for text in notifier.tray_messages]
        assert dutch_texts(DutchCatalogue.load(), found) == []
        assert dialog.windowTitle() == "About Veilig Huisbezoek"
        dialog.close()
        win.close()
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
