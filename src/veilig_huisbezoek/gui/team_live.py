"""Team mode, live: other workstations' changes reach this window; a lost server shows.

:class:`TeamLive` wraps :class:`~..storage.team.listen.ChangeListener` (its own
connection, its own thread). The thread only emits queued signals, and on a loss
first cuts the store's connections (:meth:`~..storage.team.store.TeamStore.
server_lost`), since the GUI thread may itself be stuck on one; everything else
happens here, on the GUI thread:

* ``changed(tables)``: a short pause (``COALESCE_MS``) folds a burst of notifications
  into one, then this is emitted; the main window turns it into ``hub.visits_changed``
  (boards, my visits, the reminder schedule) / ``hub.notes_changed`` and an alarm panel
  refresh, well within a second of the change on the other workstation;
* ``lost(since)``, ``restored()``: the connection state, for the banner
  (:class:`ConnectionBanner`) and ``hub.offline``. The store is told too
  (:meth:`~..storage.team.store.TeamStore.set_reachable`): while the server is known
  lost, its sessions fail at once instead of each waiting for a connect timeout.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QLabel, QWidget

from ..domain.clock import to_local
from ..services.team import TeamStore, change_listener

COALESCE_MS = 80
AGE_UPDATE_MS = 20_000


class TeamLive(QObject):
    changed = Signal(object)  # set[str]: table names
    lost = Signal(object)  # datetime (UTC): the last moment known connected
    restored = Signal()

    # From the listener thread; delivered queued on this object's (the GUI) thread.
    _notified = Signal(object)
    _lost_from_thread = Signal(object)
    _restored_from_thread = Signal()

    def __init__(self, store: TeamStore, parent: QObject | None = None, **options: float) -> None:
        super().__init__(parent)
        self._store = store
        self._pending: set[str] = set()
        self._stopped = False
        self._is_lost = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._deliver)
        queued = Qt.ConnectionType.QueuedConnection
        self._notified.connect(self._collect, queued)
        self._lost_from_thread.connect(self._on_lost, queued)
        self._restored_from_thread.connect(self._on_restored, queued)
        self._listener = change_listener(
            store,
            on_change=lambda tables: self._emit(self._notified, set(tables)),
            on_lost=self._lost_on_thread,
            on_restored=lambda: self._emit(self._restored_from_thread),
            **options,
        )

    @property
    def connected(self) -> bool:
        return self._listener.connected and not self._is_lost

    def start(self) -> None:
        self._listener.start()

    def stop(self) -> None:
        """Before the store closes; safe to call twice."""
        self._stopped = True
        self._timer.stop()
        self._listener.stop()
        self._store.set_reachable(True)

    # ---- on the listener thread: emit only (and cut the store's connections) ---------
    def _lost_on_thread(self, since: datetime) -> None:
        if self._stopped:
            return
        # Here, not in the GUI slot: the GUI thread may be the one stuck on a query.
        self._store.server_lost()
        self._emit(self._lost_from_thread, since)

    def _emit(self, signal: SignalInstance, *args: object) -> None:
        if self._stopped:
            return
        with contextlib.suppress(RuntimeError):  # this object was deleted meanwhile
            signal.emit(*args)

    # ---- on the GUI thread ------------------------------------------------------------
    def _collect(self, tables: set[str]) -> None:
        if self._stopped:
            return
        self._pending |= tables
        if not self._timer.isActive():
            self._timer.start()

    def _deliver(self) -> None:
        tables, self._pending = self._pending, set()
        if tables and not self._stopped:
            self.changed.emit(tables)

    def _on_lost(self, since: datetime) -> None:
        if self._stopped:
            return
        self._is_lost = True
        self._store.set_reachable(False)
        self.lost.emit(since)

    def _on_restored(self) -> None:
        if self._stopped:
            return
        self._is_lost = False
        self._store.set_reachable(True)
        self.restored.emit()


class ConnectionBanner(QLabel):
    """'No connection since HH:MM — what you see is N min old; retrying…' (never silent)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#connectionBanner { background: #ffeb3b; color: #000000; padding: 8px;"
            " font-size: 13pt; font-weight: bold; border-bottom: 3px solid #b71c1c; }"
        )
        self.setAccessibleName(self.tr("Verbinding met de teamserver"))
        self._since: datetime | None = None
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_UPDATE_MS)
        self._age_timer.timeout.connect(self._update_text)
        self.hide()

    @property
    def since(self) -> datetime | None:
        return self._since

    def show_lost(self, since: datetime) -> None:
        self._since = since
        self._update_text()
        self.show()
        self._age_timer.start()

    def clear(self) -> None:
        self._since = None
        self._age_timer.stop()
        self.hide()

    def _update_text(self) -> None:
        if self._since is None:
            return
        minutes = max(0, int((datetime.now(UTC) - self._since).total_seconds() // 60))
        self.setText(
            self.tr(
                "Geen verbinding met de teamserver sinds {time} — u ziet de laatst bekende "
                "stand ({age} min oud); opnieuw proberen…"
            ).format(time=to_local(self._since).strftime("%H:%M"), age=minutes)
        )
