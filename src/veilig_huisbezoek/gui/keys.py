"""Keyboard behaviour the pages share: Enter, Tab order, and focus after a dialog.

Enter
    In a dialog Qt already makes Return/Enter press the focused button or the dialog's
    default button. The main window is no dialog, so :class:`EnterKey`, which the main
    window installs once over everything it shows (login, workspace and its pages,
    alarm panel), gives it the same rule: Return/Enter that no control used (a line
    edit, combo box, check box or list passes it on; a multi-line text keeps it for a
    new line) presses the focused push button, and otherwise the default button of the
    page (:func:`default_button`: the page decides, else the button marked default in
    its form). A line edit that submits on its own (:func:`on_return`) is left alone.
    The filter sits on one widget: it sees only the keys that travel up to it unused,
    not every event of every widget.

Tab order
    Designer's ``<tabstops>`` give each form's order (reading order: see
    ``tests/gui/focus_order.py``). Controls made in code come last in Qt's chain;
    :func:`tab_after` puts them where they are drawn.

After a dialog
    :func:`return_focus` puts the keyboard back when a dialog closes: on the control the
    caller names as the next step, else on the control that opened the dialog, else on
    the next control after it that can take focus. Never on a hidden or disabled
    widget, nor on a bare scroll area (Qt's own choice when the opener disappeared).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QWidget,
)

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Set on a line edit whose returnPressed does the work (see on_return).
SUBMITS_ON_RETURN = "submitsOnReturn"

DefaultButton = Callable[[QWidget], QAbstractButton | None]
FocusTarget = QWidget | Callable[[], QWidget | None] | None


def is_enter(event: QEvent) -> bool:
    """Return or Enter (keypad) without Ctrl, Alt or Shift."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in _ENTER_KEYS and modifiers == Qt.KeyboardModifier.NoModifier


def default_button(view: QWidget | None, focus: QWidget) -> QAbstractButton | None:
    """The button Enter presses in ``view`` when ``focus`` (inside it) does not use the
    key: what ``view.default_button(focus)`` says if the view decides (by step, or by
    where the focus is), else the visible button marked default in its form."""
    if view is None or not view.isAncestorOf(focus):
        return None
    choose = getattr(view, "default_button", None)
    if callable(choose):
        chosen = choose(focus)
        return chosen if isinstance(chosen, QAbstractButton) else None
    marked = [b for b in view.findChildren(QPushButton) if b.isDefault() and b.isVisible()]
    return marked[0] if len(marked) == 1 else None


class EnterKey(QObject):
    """Return/Enter in the pages under ``root`` (see the module docstring).

    ``default_button(focus)`` gives the button Enter presses when the focused control
    does not use the key itself (None: nothing happens)."""

    def __init__(self, root: QWidget, default_button: DefaultButton) -> None:
        super().__init__(root)
        self._root = root
        self._default_button = default_button
        root.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._root or not is_enter(event):
            return False
        focus = QApplication.focusWidget()
        if focus is None or not self._root.isAncestorOf(focus):
            return False
        if focus.property(SUBMITS_ON_RETURN):
            return True  # the field did its own work (returnPressed)
        if isinstance(focus, QPushButton | QToolButton):
            if focus.isEnabled():
                focus.click()
            return True
        button = self._default_button(focus)
        if button is not None and button.isVisible() and button.isEnabled():
            button.click()
            return True
        return False


def on_return(edit: QLineEdit, action: Callable[[], object]) -> None:
    """Return in ``edit`` runs ``action`` and nothing else (no default button)."""
    edit.setProperty(SUBMITS_ON_RETURN, True)
    edit.returnPressed.connect(action)


def tab_after(anchor: QWidget, widgets: Iterable[QWidget]) -> None:
    """Put ``widgets`` (made in code, so at the end of the Tab order) right after
    ``anchor``, in the order given: where they are drawn."""
    previous = anchor
    for widget in widgets:
        QWidget.setTabOrder(previous, widget)
        previous = widget


def can_take_focus(widget: QWidget | None) -> bool:
    """A control a person sees and can type into or press (not a bare scroll area)."""
    return (
        widget is not None
        and shiboken6.isValid(widget)
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and type(widget) is not QScrollArea
    )


def _next_control(start: QWidget) -> QWidget | None:
    window = start.window()
    widget: QWidget | None = start.nextInFocusChain()
    for _ in range(2000):
        if widget is None or widget is start:
            return None
        if widget.window() is window and can_take_focus(widget):
            return widget
        widget = widget.nextInFocusChain()
    return None


def return_focus(dialog: QDialog, after: FocusTarget = None, opener: QWidget | None = None) -> None:
    """When ``dialog`` closes, focus goes to ``after`` (a widget, or a function giving
    one or None), else to ``opener`` (by default the focused control when this is
    called, i.e. the one that opens the dialog), else to the next control after it.

    Connected to ``finished``: runs after the caller's own handlers of that signal
    (connect those first), so ``after`` sees the state they leave."""
    start = opener if opener is not None else QApplication.focusWidget()
    if start is not None and (start is dialog or dialog.isAncestorOf(start)):
        start = None

    def restore(_result: int) -> None:
        target = after() if callable(after) else after
        candidates = [target, start]
        if start is not None and shiboken6.isValid(start):
            candidates.append(_next_control(start))
        for widget in candidates:
            if widget is not None and can_take_focus(widget):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    dialog.finished.connect(restore)
