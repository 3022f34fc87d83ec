"""A page behind another tab reloads when it is shown, not on every change.

On a team server every change on any desk reaches every desk (``hub.visits_changed``,
``hub.notes_changed``); each page re-reading then would make a hundred desks run every
page's queries for each change, for pages nobody is looking at. A page connects those
signals to :meth:`ReloadWhenShown.changed` instead of to its reload: shown (or not
inside a tab widget at all: a test, a dialog) it reloads at once; a tab behind another
(``QTabWidget`` hides those) is marked stale and reloads once when it is shown. The
schedule and the alarms are not pages: they follow every change (``SessionAlarms``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class ReloadWhenShown(QObject):
    def __init__(self, page: QWidget, reload: Callable[[], None]) -> None:
        super().__init__(page)
        self._page = page
        self._reload = reload
        self.stale = False
        page.installEventFilter(self)

    def changed(self) -> None:
        """Something the page shows may have changed."""
        if self._page.parentWidget() is not None and self._page.isHidden():
            self.stale = True
            return
        self.stale = False
        self._reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._reload()
        return False
