"""The leak check itself (tests/qt_leaks.py) catches what it promises to catch."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

import tests.qt_leaks as qt_leaks


def test_a_window_left_open_is_a_leak(qtbot: QtBot) -> None:
    before = qt_leaks.snapshot()
    dialog = QDialog()
    dialog.setObjectName("forgotten")
    dialog.show()
    try:
        assert qt_leaks.leaks_since(before) == ["top-level widget QDialog('forgotten')"]
    finally:
        dialog.close()
        dialog.deleteLater()
    assert qt_leaks.leaks_since(before) == []


def test_a_running_timer_is_a_leak(qtbot: QtBot) -> None:
    before = qt_leaks.snapshot()
    timer = QTimer()
    timer.start(60_000)
    try:
        assert qt_leaks.leaks_since(before) == ["active QTimer (parent NoneType)"]
    finally:
        timer.stop()
    assert qt_leaks.leaks_since(before) == []


def test_a_thread_nobody_joined_is_a_leak(qtbot: QtBot) -> None:
    before = qt_leaks.snapshot()
    release = threading.Event()
    worker = threading.Thread(target=release.wait, name="vh-forgotten")
    worker.start()
    try:
        assert qt_leaks.leaks_since(before) == ["thread 'vh-forgotten'"]
    finally:
        release.set()
        worker.join()
    assert qt_leaks.leaks_since(before) == []
