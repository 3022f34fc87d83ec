"""Walk every page of the stacked widgets a view shows (steps, side panels)."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget
from pytestqt.qtbot import QtBot


def each_stack_page(qtbot: QtBot, root: QWidget) -> Iterator[QWidget]:
    """Show each page of every visible stacked widget inside ``root`` in turn (a tab
    widget's own stack excepted) and yield it; each stack is put back afterwards."""
    for stack in root.findChildren(QStackedWidget):
        if not stack.isVisible() or isinstance(stack.parentWidget(), QTabWidget):
            continue
        before = stack.currentIndex()
        try:
            for index in range(stack.count()):
                stack.setCurrentIndex(index)
                qtbot.wait(1)
                yield stack.widget(index)
        finally:
            stack.setCurrentIndex(before)
