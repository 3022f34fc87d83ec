"""The watch service's status line for leidinggevenden on a team server (docs/design.md §4a,
the last line): "Wachtpost actief (14:03:05)", red when it is silent or failing.

Thin: :func:`~..services.watch.watch_status` reads and decides; this only shows it.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ..domain.clock import to_local
from ..services.context import ServiceContext
from ..services.watch import WatchStatus, watch_status
from ..storage.errors import StoreError
from .tasks import TaskRunner

REFRESH_MS = 15_000
_OK = "QLabel#watchLine { color: #1b5e20; padding: 2px 8px; }"
_BAD = (
    "QLabel#watchLine { background: #b71c1c; color: #ffffff; padding: 4px 8px; font-weight: bold; }"
)


class WatchLine(QLabel):
    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        """``tasks``: read the status on the task runner's worker (a team server is a
        network round trip); without one (tests) it is read here."""
        super().__init__(parent)
        self._tasks = tasks
        self.setObjectName("watchLine")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Wachtpost"))
        self._ctx = ctx
        self._loading = False
        self.status: WatchStatus | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.hide()
        self.refresh()

    def stop(self) -> None:
        self._timer.stop()

    def refresh(self) -> None:
        ctx = self._ctx
        if self._tasks is None:
            # A lost server: the connection banner says so; the line stays as it was.
            with contextlib.suppress(StoreError):
                self.show_status(watch_status(ctx))
            return
        if self._loading:
            return
        self._loading = True
        self._tasks.run(lambda: watch_status(ctx), self._loaded, self._failed, owner=self)

    def _loaded(self, status: WatchStatus | None) -> None:
        self._loading = False
        self.show_status(status)

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        if not isinstance(error, StoreError):
            raise error  # a defect, not a lost server: let the app's handler report it

    def show_status(self, status: WatchStatus | None) -> None:
        self.status = status
        if status is None:
            self.hide()
            return
        time = to_local(status.last_beat).strftime("%H:%M:%S")
        if status.silent:
            text = self.tr(
                "Wachtpost stil sinds {time}: zonder werkplek gaat er geen melding uit."
            ).format(time=time)
        elif status.failing:
            text = self.tr("Wachtpost meldt een storing ({time}): {what}").format(
                time=time, what=status.failing
            )
        else:
            text = self.tr("Wachtpost actief ({time})").format(time=time)
        self.setText(text)
        self.setStyleSheet(_OK if status.ok else _BAD)
        self.show()
