"""Windows and dialogs open no larger than the screen they open on.

A 1366×768 laptop with a task bar and a title bar leaves about 1366×700 for a window;
1280×720 at 125 % leaves about 1024×576 device-independent pixels, less a task bar.
Windows ask for their comfortable size and get what the screen's available geometry
(without the task bar) has room for, less a window manager's frame
(:func:`fit_to_screen`); small dialogs are as big as their wrapped text needs
(:func:`keep_fitted`). What is then too tall scrolls: the steps, lists and dialog
bodies in their own scroll areas (the buttons stay below them), and a whole page only
as a last resort (:class:`PageScroll`).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QStyle, QWidget

# Room for a window manager's border and title bar around the window's contents.
FRAME = QSize(16, 40)


def available_geometry(widget: QWidget) -> QRect:
    """The free area (without task bars) of the screen ``widget`` opens on."""
    parent = widget.parentWidget()
    screen = (parent.window() if parent is not None else widget).screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 576)


def fitted_size(widget: QWidget, preferred: QSize) -> QSize:
    """``preferred``, made smaller where the screen has less room (never below the
    widget's minimum size: a layout cannot be squeezed further)."""
    room = available_geometry(widget).size() - FRAME
    return preferred.boundedTo(room).expandedTo(widget.minimumSize())


def fit_to_screen(widget: QWidget, preferred: QSize) -> bool:
    """Resize ``widget`` to ``preferred`` or what fits; True if ``preferred`` fitted."""
    size = fitted_size(widget, preferred)
    widget.resize(size)
    return size == preferred


def fit_to_contents(window: QWidget, *, min_chars: int = 64, grow_only: bool = False) -> None:
    """Size ``window`` (a small dialog) to show all of its contents, no larger than the
    screen: at least ``min_chars`` characters wide, and as tall as its wrapped text
    needs at that width, also as its minimum height. (Qt's own minimum leaves wrapped
    text out, so a narrow dialog would squeeze its fields flat.) ``grow_only``: after
    something was shown inside an open window; it does not shrink then."""
    room = available_geometry(window).size() - FRAME
    chars = window.fontMetrics().averageCharWidth() * min_chars
    window.setMinimumWidth(min(max(chars, window.minimumSizeHint().width()), room.width()))
    hint = window.sizeHint()
    width = min(max(hint.width(), window.minimumWidth()), room.width())
    height = hint.height()
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        # Too tall for the screen: wider, so that the text wraps onto fewer lines.
        while layout.totalHeightForWidth(width) > room.height() and width < room.width():
            width = min(width + width // 8, room.width())
        height = max(height, layout.totalHeightForWidth(width))
        least = layout.totalMinimumHeightForWidth(window.minimumWidth())
        if least > room.height():
            window.setMinimumWidth(width)
            least = layout.totalMinimumHeightForWidth(width)
        window.setMinimumHeight(min(least, room.height()))
    if grow_only:
        width, height = max(width, window.width()), max(height, window.height())
    window.resize(QSize(width, height).boundedTo(room))
    if window.isVisible():
        keep_on_screen(window)


def keep_on_screen(window: QWidget) -> None:
    """Move an open window that grew past the screen's edge back onto the screen."""
    screen = available_geometry(window)
    frame = window.frameGeometry()
    x = max(screen.left(), min(frame.left(), screen.right() + 1 - frame.width()))
    y = max(screen.top(), min(frame.top(), screen.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)


class _KeepFitted(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.LayoutRequest
            and isinstance(watched, QWidget)
            and watched.isVisible()
        ):
            fit_to_contents(watched, grow_only=True)
        return False


def keep_fitted(window: QWidget) -> None:
    """Fit ``window`` to its contents now, and again (growing) whenever they change
    while it is open: an error message, a co-sign box that appears."""
    fit_to_contents(window)
    window.installEventFilter(_KeepFitted(window))


class PageScroll(QScrollArea):
    """A page's whole form, scrolling only as a last resort: when the window is smaller
    than the form's minimum size (a small screen with several alarms above the tabs).
    The pages' lists and steps scroll on their own long before that.

    Not ``widgetResizable``: that sizes a form with wrapped text to its preferred
    height for the width, so the page would scroll while its own lists could still
    shrink. Here the form fills the view and only its minimum size (for wrapped text:
    at this width) makes it scroll.
    """

    def __init__(self, form: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(form)
        # The page's own background (a tab's pane is lighter than a window).
        self.viewport().setAutoFillBackground(False)
        form.setAutoFillBackground(False)
        form.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)  # the scroll bars take over below the form's minimum

    def sizeHint(self) -> QSize:
        form = self.widget()
        return form.sizeHint() if form is not None else super().sizeHint()

    def _fit(self) -> None:
        form = self.widget()
        if form is None:
            return
        room = self.maximumViewportSize()
        least = form.minimumSizeHint().expandedTo(form.minimumSize())
        width, height = room.width(), room.height()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        for _ in range(2):  # a scroll bar for one direction takes room from the other
            least = least.expandedTo(QSize(0, self._least_height(form, width)))
            if least.height() > height and width == room.width():
                width -= bar
            if least.width() > width and height == room.height():
                height -= bar
        form.resize(max(width, least.width()), max(height, least.height()))

    @staticmethod
    def _least_height(form: QWidget, width: int) -> int:
        """The height the form needs at ``width``: wrapped text needs more when narrow."""
        layout = form.layout()
        if layout is None or not layout.hasHeightForWidth():
            return 0
        return layout.minimumHeightForWidth(max(width, form.minimumSizeHint().width()))


def page_scroll(form: QWidget) -> QScrollArea:
    """``form`` in a :class:`PageScroll`, for a page's layout."""
    return PageScroll(form)


class LockCurtain:
    """What locking hides and unlocking brings back: the window's dialogs (a visit, a
    call, a half-typed form), untouched, and the focus where the person was typing."""

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._hidden: list[QWidget] = []
        self._focus: QWidget | None = None

    def close(self, keep_focus_in: QWidget) -> None:
        focus = QApplication.focusWidget()
        self._focus = focus if focus is not None and keep_focus_in.isAncestorOf(focus) else None
        self._hidden = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not self._window and widget.isVisible() and self._owns(widget)
        ]
        for widget in self._hidden:
            widget.hide()

    def open(self) -> bool:
        """Show the dialogs again; False when the focus could not go back."""
        for widget in self._hidden:
            if shiboken6.isValid(widget):
                widget.show()
        focus, self._focus = self._focus, None
        self._hidden = []
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def forget(self) -> None:
        self._hidden, self._focus = [], None

    def _owns(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not self._window:
            parent = parent.parentWidget()
        return parent is self._window
