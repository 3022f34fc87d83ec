"""The Qt binding must not drop references: PySide6 6.12.0 did (pinned out in pyproject)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot


class _Probe(QObject):
    ping = Signal()
    flag = Signal(bool)


def _counts() -> tuple[int, int, int]:
    return sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)


def test_emitting_signals_and_calling_python_slots_keeps_reference_counts(
    qtbot: QtBot,
) -> None:
    probe = _Probe()
    heard: list[object] = []
    probe.flag.connect(heard.append)
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(lambda: None)
    before = _counts()
    for _ in range(200):
        probe.ping.emit()
        probe.flag.emit(False)
        button.click()
    heard.clear()
    after = _counts()
    # A few references may come and go elsewhere; a drop of one per call is the bug.
    assert all(abs(a - b) < 50 for a, b in zip(before, after, strict=True)), (before, after)
