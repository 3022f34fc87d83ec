"""This session's heartbeat, and everyone's presence for the pages (docs/design.md §4a).

``PresenceRunner`` starts after login: every :data:`~..domain.presence.HEARTBEAT_INTERVAL`
it writes this session's heartbeat (also while the window is locked: a locked session is
present) and reads the team's presence, on the worker thread of the shared
:class:`TaskRunner` (never on the GUI thread). The snapshot goes to
``AppHub.set_presence``; the board, *Mijn bezoeken* and the alarm panel turn it into
"Ahmed kijkt mee" / "niemand kijkt mee sinds 14:02" at their own ticks, so a buddy whose
heartbeats stop turns absent here even while reads fail.

``stop(end=True)`` (logout, another person logging in, quit) ends the session's presence
at once; a crash simply stops the heartbeats, and the others see the session expire.
While the team server is unreachable (``hub.offline``) no heartbeat is tried.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain.presence import HEARTBEAT_INTERVAL, PresenceSnapshot
from ..services import presence
from ..services.context import ServiceContext
from .hub import AppHub
from .tasks import TaskRunner

log = logging.getLogger(__name__)


class PresenceRunner(QObject):
    # A round finished (heartbeat written and presence read): for tests.
    round_done = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        tasks: TaskRunner,
        hub: AppHub,
        locked: Callable[[], bool],
        parent: QObject | None = None,
        *,
        interval_ms: int = int(HEARTBEAT_INTERVAL.total_seconds() * 1000),
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._hub = hub
        self._locked = locked
        self.session_id = presence.new_session_id()
        self._busy = False
        self._stopped = True
        self.rounds = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.beat)

    def start(self) -> None:
        """A heartbeat now, then one every interval."""
        self._stopped = False
        self.timer.start()
        self.beat()

    def beat(self) -> None:
        if self._stopped or self._busy or self._hub.offline:
            return  # one round at a time; the next tick catches up
        self._busy = True
        ctx, session_id, locked = self._ctx, self.session_id, self._locked()

        def job() -> PresenceSnapshot | None:
            if self._stopped:  # stopped while queued behind other work
                return None
            presence.heartbeat(ctx, session_id, locked=locked)
            return presence.read_presence(ctx)

        try:
            self._tasks.run(job, self._done, self._failed, owner=self)
        except RuntimeError:
            self._busy = False  # the task runner is shut down: the window is closing

    def _done(self, snapshot: object) -> None:
        self._busy = False
        if snapshot is None or self._stopped:
            return
        assert isinstance(snapshot, PresenceSnapshot)
        self.rounds += 1
        self._hub.set_presence(snapshot)
        self.round_done.emit()

    def _failed(self, error: BaseException) -> None:
        # The pages keep the last snapshot; its heartbeats age and turn absent.
        self._busy = False
        log.warning("presence heartbeat failed (%s)", type(error).__name__)
        if not self._stopped:
            self._hub.set_presence(self._hub.presence)  # the pages age what they have

    def stop(self, *, end: bool = True) -> None:
        """No more heartbeats; ``end``: say so in the store now (queued on the worker,
        before the caller drains it and closes the store)."""
        if self._stopped:
            return
        self._stopped = True
        self.timer.stop()
        if not end or self._hub.offline:
            return
        ctx, session_id = self._ctx, self.session_id

        def job() -> None:
            presence.end_session(ctx, session_id)

        with contextlib.suppress(RuntimeError):  # the task runner is shut down
            self._tasks.run(job, lambda _r: None, self._end_failed)

    @staticmethod
    def _end_failed(error: BaseException) -> None:
        log.warning("presence not ended (%s); it expires by itself", type(error).__name__)
