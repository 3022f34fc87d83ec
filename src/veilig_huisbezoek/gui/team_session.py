"""A session on a team server: live changes, the connection banner and the watch line.

After login a :class:`~.team_live.TeamLive` listens for the other workstations' changes
(``LISTEN vh_changes``) and turns them into ``hub`` signals and an alarm refresh; when the
server is unreachable a banner above the workspace says so at once, with the age of what
is shown, until the connection is back. Meanwhile ``hub.offline`` holds back the pages'
reloads; when the connection is back every page reloads once. Leidinggevenden also see
whether the watch service is running (:class:`~.watch_line.WatchLine`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QWidget

from .hub import AppHub
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..domain.folded_reads import VisitsTouched
    from ..services.context import ServiceContext
    from .team_live import ConnectionBanner, TeamLive
    from .watch_line import WatchLine


class TeamSession(QObject):
    """Starts and stops what a team-server session adds above the workspace."""

    def __init__(
        self,
        window: QWidget,
        layout: QBoxLayout,
        above: QWidget,
        hub: AppHub,
        tasks: TaskRunner,
        refresh_alarms: Callable[[VisitsTouched | None], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._layout = layout
        self._above = above  # the banner and the watch line go right above this widget
        self._hub = hub
        self._tasks = tasks
        self._refresh_alarms = refresh_alarms
        self.live: TeamLive | None = None
        self.banner: ConnectionBanner | None = None
        self.watch_line: WatchLine | None = None

    def start(self, ctx: ServiceContext) -> None:
        from ..services.team import TeamStore

        if not isinstance(ctx.store, TeamStore) or ctx.store.username is None:
            return
        from ..domain.roles import Permission
        from .team_live import ConnectionBanner, TeamLive

        if self.banner is None:
            self.banner = ConnectionBanner(self._window)
            self._insert_above(self.banner)
        if ctx.actor.may(Permission.SEE_TEAM_CASES):
            from .watch_line import WatchLine

            self.watch_line = WatchLine(ctx, self._tasks, self._window)
            self._insert_above(self.watch_line)
        live = TeamLive(ctx.store, self._window)
        live.changed.connect(self.changed)
        live.lost.connect(self._lost)
        live.restored.connect(self._restored)
        self.live = live
        live.start()

    def stop(self) -> None:
        line, self.watch_line = self.watch_line, None
        if line is not None:
            line.stop()
            line.deleteLater()
        live, self.live = self.live, None
        if live is not None:
            live.stop()
            live.deleteLater()
        self._hub.offline = False
        if self.banner is not None:
            self.banner.clear()

    def _insert_above(self, widget: QWidget) -> None:
        self._layout.insertWidget(self._layout.indexOf(self._above), widget)

    def changed(self, payloads: set[str]) -> None:
        """Another workstation (or this one) changed something on the server (the
        notifications' payloads, ``listen.parse_changes``)."""
        from ..services.team import NOTES_TABLE, parse_changes

        if self.live is None:
            return  # queued from the listener after the session ended
        changes = parse_changes(payloads)
        if NOTES_TABLE in changes.tables:
            self._hub.notes_changed.emit()
        touched = changes.touched
        if touched is None:
            # Boards, my visits, history … reload; the schedule is rebuilt.
            self._hub.visits_changed.emit()
        elif touched.ids:
            # The board and the schedule re-read these visits only (those whose
            # details only changed, only if they hold them).
            self._hub.visits_touched.emit(touched)
        # An alarm acknowledged on another workstation disappears here too.
        self._refresh_alarms(touched)

    def _lost(self, since: object) -> None:
        # The pages keep the last known state instead of waiting for the server.
        self._hub.offline = True
        if self.banner is not None:
            assert isinstance(since, datetime)
            self.banner.show_lost(since)

    def _restored(self) -> None:
        self._hub.offline = False
        if self.banner is not None:
            self.banner.clear()
        self._hub.status_message.emit(self.tr("Verbinding met de teamserver hersteld."))
        # Whatever changed meanwhile: reload everything.
        self.changed({"visits", "unsafe_address_notes"})
