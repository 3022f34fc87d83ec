"""What the pages share in how they look and respond: message colours, the primary
button, relative font sizes, Enter on a table, and QDate ↔ date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "color: #b00020; font-weight: bold;"
OK_STYLE = "color: #1b5e20; font-weight: bold;"
PRIMARY_BUTTON_STYLE = (
    "QPushButton { background-color: #0b4f8a; color: #ffffff; font-weight: bold; "
    "padding: 0.45em 1.4em; border: 3px solid #0b4f8a; border-radius: 0.3em; } "
    "QPushButton:focus { border: 3px solid #ffbf47; } "
    "QPushButton:pressed { background-color: #083a66; } "
    "QPushButton:disabled { background-color: #8a8a8a; border-color: #8a8a8a; }"
)


def focus_frame(name: str) -> str:
    """A frameless scroll area that is a Tab stop (to scroll text with the arrow keys)
    shows a frame while it has the focus; ``name`` is its object name."""
    return (
        f"QScrollArea#{name} {{ border: 3px solid transparent; }} "
        f"QScrollArea#{name}:focus {{ border: 3px solid #0b4f8a; }}"
    )


def scaled_font(widget: QWidget, factor: float, *, bold: bool = True) -> QFont:
    """The widget's font enlarged relative to the application font (never pixel sizes)."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def say(label: QLabel, text: str, *, error: bool = False) -> None:
    """A page's message line: ✔ in green or ⚠ in red, hidden when there is no text."""
    if not text:
        label.clear()
        label.hide()
        return
    label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
    label.setText(f"⚠ {text}" if error else f"✔ {text}")
    label.show()


def on_enter(widget: QWidget, action: Callable[[], object]) -> None:
    """Return/Enter on ``widget`` (a table) runs ``action``.

    Shortcuts rather than an event filter: no Python runs for every event the widget
    receives.
    """
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), widget)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(action)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
