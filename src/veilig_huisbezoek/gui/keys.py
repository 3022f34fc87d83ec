"""Keyboard behaviour the pages share.

Tab order
    Designer's ``<tabstops>`` give each form's order (reading order: see
    ``tests/gui/focus_order.py``). Controls made in code come last in Qt's chain;
    :func:`tab_after` puts them where they are drawn.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget


def tab_after(anchor: QWidget, widgets: Iterable[QWidget]) -> None:
    """Put ``widgets`` (made in code, so at the end of the Tab order) right after
    ``anchor``, in the order given: where they are drawn."""
    previous = anchor
    for widget in widgets:
        QWidget.setTabOrder(previous, widget)
        previous = widget
