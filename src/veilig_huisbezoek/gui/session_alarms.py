"""A session's alarms: the reminder schedule, the alarm panel and the notifier together.

Alarms (docs/design.md §4) belong to the session, not to a tab: after login a
``ReminderScheduler`` runs on the window's clock and a task runner of its own (so a
page's long job on the window's runner, a backup or a PDF, never holds up an alarm),
and its alarms go to the
``AlarmPanel`` above everything else in the window (so above whichever tab is open, and
above the login screen while locked) and to the ``Notifier`` (sound, desktop
notification, tray icon). The schedule is rebuilt on ``hub.visits_changed`` and on
unlock; it is shut down on logout and close, before the store closes.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QWidget

from ..domain.clock import Clock
from ..domain.folded_reads import VisitsTouched
from ..reminders.notifier import Notifier
from .hub import AppHub
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..reminders.scheduler import ReminderScheduler
    from ..services.alarms import AlarmInfo
    from ..services.context import ServiceContext
    from .alarm_panel import AlarmPanel


class SessionAlarms(QObject):
    """Starts and stops the schedule and the panel of one session; routes what fires."""

    def __init__(
        self,
        window: QWidget,
        layout: QBoxLayout,
        hub: AppHub,
        notifier: Notifier,
        clock: Clock,
        tasks: TaskRunner,
        *,
        is_locked: Callable[[], bool],
        bring_to_front: Callable[[], None],
        open_count_changed: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._layout = layout
        self._hub = hub
        self._notifier = notifier
        self._clock = clock
        self._tasks = tasks
        self._is_locked = is_locked
        self._bring_to_front = bring_to_front
        self._open_count_changed = open_count_changed
        self.scheduler: ReminderScheduler | None = None
        self.scheduler_tasks: TaskRunner | None = None
        self.panel: AlarmPanel | None = None

    def start(self, ctx: ServiceContext) -> None:
        from ..reminders.scheduler import ReminderScheduler
        from ..services import incidents
        from .alarm_panel import AlarmPanel

        panel = AlarmPanel(ctx, self._hub, self._tasks, self._window)
        self._layout.insertWidget(0, panel)
        self.scheduler_tasks = TaskRunner(self)
        scheduler = ReminderScheduler(
            ctx,
            self._window,
            clock=self._clock,
            tasks=self.scheduler_tasks,
            deadlines=incidents.incident_deadlines,
        )
        scheduler.reminder_due.connect(self.fire)
        scheduler.local_alarm_recorded.connect(panel.alarm_recorded)
        panel.acknowledged_locally.connect(self._acknowledged_locally)
        scheduler.rebuilt.connect(self._reloaded)
        panel.open_count_changed.connect(self._open_alarms_changed)
        panel.arrived.connect(self.fire)
        self._hub.visits_changed.connect(self.rebuild)
        self._hub.visits_touched.connect(self.rebuild_visits)
        self.panel, self.scheduler = panel, scheduler
        panel.refresh()  # alarms still open from an earlier session (on the task runner)
        scheduler.start(background=True)

    def stop(self) -> None:
        """Stop the schedule and drop the panel; before the store closes."""
        scheduler, panel, tasks = self.scheduler, self.panel, self.scheduler_tasks
        self.scheduler = self.panel = self.scheduler_tasks = None
        if scheduler is not None:
            self._hub.visits_changed.disconnect(self.rebuild)
            self._hub.visits_touched.disconnect(self.rebuild_visits)
            scheduler.shutdown()
            scheduler.deleteLater()
        if tasks is not None:
            tasks.shutdown()  # waits for a pass still using the store
            tasks.deleteLater()
        if panel is not None:
            self._layout.removeWidget(panel)
            panel.hide()
            panel.deleteLater()
        self._notifier.set_open_count(0)

    @property
    def open_count(self) -> int:
        return self.panel.open_count if self.panel is not None else 0

    def rebuild(self) -> None:
        self.rebuild_visits(None)

    def rebuild_visits(self, visit_ids: Set[int] | VisitsTouched | None) -> None:
        """Rebuild the schedule (``visit_ids``: only these visits changed). Not while
        the team server is unreachable: rebuilt when it is back."""
        if self.scheduler is not None and not self._hub.offline:
            self.scheduler.request_rebuild(visit_ids)

    def refresh(self) -> None:
        """Alarms acknowledged elsewhere (another person, another workstation) go."""
        if self.panel is not None:
            self.panel.refresh()

    def refresh_for(self, visit_ids: VisitsTouched | None) -> None:
        """A live change (None: anything may have changed): the panel reads again
        unless it named only details of visits the panel shows no alarm of."""
        if self.panel is not None and (
            visit_ids is None or visit_ids.to_read(self.panel.visit_ids())
        ):
            self.panel.refresh()

    def fire(self, alarm: AlarmInfo) -> None:
        """A reminder fell due (or was still open): panel, sound, desktop, window."""
        if self.panel is None:
            return
        self.panel.show_alarm(alarm)
        self._notifier.alarm(alarm, locked=self._is_locked())
        self._bring_to_front()

    def set_locked(self, locked: bool) -> None:
        """Locked: the panel names only the visitor's first name. Unlocked: everything
        is read again."""
        if self.panel is not None:
            self.panel.set_locked(locked)
        if not locked:
            self.refresh()
            if self.scheduler is not None:
                self.scheduler.request_rebuild()

    def _acknowledged_locally(self, alarm: AlarmInfo) -> None:
        # Server unreachable: recorded (who, this moment) once it is back.
        if self.scheduler is not None:
            self.scheduler.acknowledge_local(alarm)

    def _reloaded(self, _pending: int) -> None:
        self.refresh()

    def _open_alarms_changed(self, count: int) -> None:
        self._notifier.set_open_count(count)
        self._open_count_changed()
