"""Driving the app with the keyboard alone, for the GUI tests: key presses go to the
focused widget, as they do for a person without a mouse; the real main window."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from tests.gui.test_accessibility import log_in
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.my_visits import MyVisitsPage
from veilig_huisbezoek.gui.prepare_visit import PrepareVisitPage
from veilig_huisbezoek.gui.workspace import WorkspaceView
from veilig_huisbezoek.services.demo import demo_logins

RETURN = Qt.Key.Key_Return
TAB = Qt.Key.Key_Tab


class Keyboard:
    """Key presses go to whatever has the focus, as they do for a person."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.focused(), key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)

    def focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        self.qtbot.waitUntil(widget.hasFocus)


def open_workspace(qtbot: QtBot, demo: DemoEnv, user: str) -> WorkspaceView:
    """The real main window, logged in with the keyboard; its workspace."""
    window = MainWindow(demo.data_dir, demo_logins=demo_logins(), clock=demo.clock)
    qtbot.addWidget(window)  # closed (and shut down) after the test
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    log_in(qtbot, window, user)
    assert window.workspace is not None
    return window.workspace


def prepare_page(workspace: WorkspaceView) -> PrepareVisitPage:
    page = workspace.pages["prepare"]
    assert isinstance(page, PrepareVisitPage)
    return page


def my_visits_page(workspace: WorkspaceView) -> MyVisitsPage:
    page = workspace.pages["my_visits"]
    assert isinstance(page, MyVisitsPage)
    return page


def modal(qtbot: QtBot, kind: type[QWidget]) -> QWidget:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def modal_or_window(qtbot: QtBot, kind: type[QWidget]) -> QWidget:
    """The dialog of ``kind`` that has just become the active window."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), kind))
    dialog = QApplication.activeWindow()
    assert dialog is not None
    return dialog


def closed(qtbot: QtBot, dialog: QWidget, below: QWidget) -> None:
    """Wait until ``dialog`` is gone and the window of ``below`` is active again.

    The control the window gives the keyboard to when it is activated again must be one
    a person sees and can use: not hidden, not disabled, not a bare scroll area. (A
    desktop's window manager then activates the window below the dialog; the offscreen
    platform of the tests does not, so the test does what it would.)"""
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    window = below.window()
    target = window.focusWidget()
    assert target is not None
    assert target.isVisible() and target.isEnabled(), target.objectName()
    assert type(target) is not QScrollArea, target.objectName()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
