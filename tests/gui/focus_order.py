"""Tab order against reading order: the rule the GUI tests hold every page and dialog to.

Reading order
    Top to bottom, then left to right, *block by block*: the controls are read along
    the layout tree (Designer's layouts, which is what the eye sees as groups). A
    vertical layout is read top to bottom, a horizontal one left to right (each item
    of it as a whole: in two columns side by side the whole left column comes before
    the right one), a grid or form row by row, left to right within a row. A box
    layout's items are ordered by where they are drawn on the screen (``mapToGlobal``),
    not by how they were declared. A scroll area, group box, stacked widget
    (its current page), tab widget (the tab bar, then the current tab) or splitter
    (its panes, left to right or top to bottom) is read as one block at its place.

Tab order
    ``nextInFocusChain`` from the first control of that reading order, keeping the
    widgets a person can reach with Tab: visible, enabled, accepting Tab focus, not
    a part Qt builds inside another control (the line edit of a spin box).

Allowed differences, each with its reason, are listed in ``TABBED_LAST``: controls
that are read where they are drawn but reached after all other controls of their form.

Multi-line text fields must let Tab go on (``tabChangesFocus``): nobody knows that
Ctrl+Tab leaves them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLayout,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# (form, control): why the control comes after all others of the form in the Tab order.
TABBED_LAST = {
    # Drawn at the far left of the navigation row, reached after Vorige/Volgende: Tab
    # from the last field goes on to the next step, not to throwing the form away.
    ("PrepareVisitForm", "clearButton"): "Formulier wissen",
}


def _tabbed_last(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if (parent.objectName(), widget.objectName()) in TABBED_LAST:
            return True
        parent = parent.parentWidget()
    return False


def _internal(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return parent is not None and isinstance(parent, QAbstractSpinBox | QComboBox)


def reachable(widget: QWidget, root: QWidget) -> bool:
    """Could Tab stop here (inside ``root``)?"""
    return (
        (widget is root or root.isAncestorOf(widget))
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and not _internal(widget)
    )


def _top_left(widget: QWidget) -> QPoint:
    return widget.mapToGlobal(QPoint(0, 0))


def _position(item_widget: QWidget | None, layout: QLayout, index: int) -> QPoint:
    """Where a layout item is drawn, on the screen."""
    if item_widget is not None:
        return _top_left(item_widget)
    parent = layout.parentWidget()  # for a nested layout: the widget of the outer one
    origin = parent.mapToGlobal(QPoint(0, 0)) if parent is not None else QPoint(0, 0)
    return origin + layout.itemAt(index).geometry().topLeft()


def _read_layout(layout: QLayout, root: QWidget) -> list[QWidget]:
    horizontal = isinstance(layout, QBoxLayout) and layout.direction() in (
        QBoxLayout.Direction.LeftToRight,
        QBoxLayout.Direction.RightToLeft,
    )
    entries: list[tuple[tuple[int, int], list[QWidget]]] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget()
        sub = item.layout()
        if widget is not None:
            found = [] if widget.isHidden() else _read_widget(widget, root)
        elif sub is not None:
            found = _read_layout(sub, root)
        else:
            continue  # a spacer
        if not found:
            continue
        if isinstance(layout, QGridLayout | QFormLayout):
            key = _cell(layout, index)  # row by row, then left to right
        else:
            at = _position(widget, layout, index)
            key = (0, at.x()) if horizontal else (at.y(), 0)
        entries.append((key, found))
    entries.sort(key=lambda entry: entry[0])
    return [w for _key, found in entries for w in found]


def _cell(layout: QGridLayout | QFormLayout, index: int) -> tuple[int, int]:
    if isinstance(layout, QGridLayout):
        row, column, _rows, _columns = layout.getItemPosition(index)
        return row, column
    row, role = layout.getItemPosition(index)
    column = {
        QFormLayout.ItemRole.LabelRole: 0,
        QFormLayout.ItemRole.FieldRole: 1,
        QFormLayout.ItemRole.SpanningRole: 0,
    }[role]
    return row, column


def _read_widget(widget: QWidget, root: QWidget) -> list[QWidget]:
    if not widget.isVisible():
        return []
    own = [widget] if reachable(widget, root) else []
    if isinstance(widget, QTabWidget):
        current = widget.currentWidget()
        return (
            own
            + _read_widget(widget.tabBar(), root)
            + (_read_widget(current, root) if current is not None else [])
        )
    if isinstance(widget, QStackedWidget):
        current = widget.currentWidget()
        return own + (_read_widget(current, root) if current is not None else [])
    if isinstance(widget, QScrollArea):
        content = widget.widget()
        return own + (_read_widget(content, root) if content is not None else [])
    if isinstance(widget, QSplitter):
        panes = [widget.widget(i) for i in range(widget.count())]
        vertical = widget.orientation() == Qt.Orientation.Vertical
        panes.sort(key=lambda w: _top_left(w).y() if vertical else _top_left(w).x())
        return own + [w for pane in panes for w in _read_widget(pane, root)]
    if isinstance(widget, QAbstractItemView | QAbstractScrollArea | QAbstractButton | QTabBar):
        return own  # a control: its insides are Qt's
    layout = widget.layout()
    if layout is not None:
        return own + _read_layout(layout, root)
    children = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    children.sort(key=lambda w: (_top_left(w).y(), _top_left(w).x()))
    return own + [w for c in children for w in _read_widget(c, root)]


def reading_order(root: QWidget) -> list[QWidget]:
    """The Tab stops under ``root`` in reading order (with ``TABBED_LAST`` applied)."""
    order = _read_widget(root, root)
    last = [w for w in order if _tabbed_last(w)]
    return [w for w in order if w not in last] + last


def tab_chain(root: QWidget, start: QWidget | None = None) -> list[QWidget]:
    """The Tab stops under ``root`` in the order Tab visits them, from ``start``."""
    order = reading_order(root)
    first = start or (order[0] if order else None)
    if first is None:
        return []
    chain = [first]
    widget = first.nextInFocusChain()
    for _ in range(5000):
        if widget is first:
            break
        if reachable(widget, root) and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def names(widgets: Iterable[QWidget]) -> list[str]:
    return [w.objectName() or f"<{type(w).__name__}>" for w in widgets]


def order_problems(root: QWidget) -> list[str]:
    """Empty when Tab follows the reading order under ``root`` and leaves every
    multi-line text (where Tab would otherwise type a tab; Ctrl+Tab is not known)."""
    order = reading_order(root)
    expected = names(order)
    actual = names(tab_chain(root))
    problems = [] if expected == actual else [f"reading {expected}", f"tab     {actual}"]
    return problems + [
        f"Tab stays in {w.objectName()}"
        for w in order
        if isinstance(w, QPlainTextEdit | QTextEdit) and not w.tabChangesFocus()
    ]
