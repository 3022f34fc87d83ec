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

from collections.abc import Callable, Set

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from ..domain.folded_reads import VisitsTouched
from .hub import AppHub


class ReloadWhenShown(QObject):
    def __init__(
        self,
        page: QWidget,
        reload: Callable[[], None],
        reload_visits: Callable[[Set[int] | VisitsTouched], None] | None = None,
    ) -> None:
        """``reload_visits``: re-read only these visits (``hub.visits_touched``);
        without it the page reloads whole for those too."""
        super().__init__(page)
        self._page = page
        self._reload = reload
        self._reload_visits = reload_visits
        self.stale = False
        page.installEventFilter(self)

    def follow_visits(self, hub: AppHub) -> None:
        """Follow every change to visits: ``visits_changed`` and ``visits_touched``."""
        hub.visits_changed.connect(self.changed)
        hub.visits_touched.connect(self.visits_touched)

    def _hidden(self) -> bool:
        """Hidden behind another tab: marked stale (read when shown), else not stale."""
        self.stale = self._page.parentWidget() is not None and self._page.isHidden()
        return self.stale

    def changed(self) -> None:
        """Something the page shows may have changed."""
        if self._hidden():
            return
        self._reload()

    def visits_touched(self, visit_ids: Set[int] | VisitsTouched) -> None:
        """Only these visits changed (a stale page reloads whole when shown)."""
        if self._hidden():
            return
        if self._reload_visits is None:
            self._reload()
        else:
            self._reload_visits(visit_ids)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._reload()
        return False
