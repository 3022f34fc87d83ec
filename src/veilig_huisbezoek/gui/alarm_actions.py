"""What the buttons of an alarm row do that writes: *Bevestigen* (take charge) and
*Overnemen* (become the buddy of an unwatched visit), each on the task runner.

The row says it is saving meanwhile; a failure keeps the alarm and says why in the row
(or above the rows). A server lost on the way makes an acknowledgement local: recorded
when the server is back (:meth:`AlarmPanel.acknowledge_locally`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from ..domain.errors import NotAllowedError
from ..services import alarms as alarm_service
from ..services.alarms import AlarmInfo
from ..storage.errors import StoreError, StoreUnreachableError
from .i18n import failure_text
from .readout import announce

if TYPE_CHECKING:
    from .alarm_panel import AlarmPanel

log = logging.getLogger(__name__)


class AlarmActions(QObject):
    """Bevestigen and Overnemen for the rows of one alarm panel (a friend of it)."""

    def __init__(self, panel: AlarmPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def acknowledge(self, alarm_id: int) -> None:
        if self._panel._locked or alarm_id in self._panel._saving:
            return
        alarm = next((a for a in self._panel._alarms if a.id == alarm_id), None)
        if alarm is None:
            return
        if not alarm.recorded or self._panel.hub.offline:
            self._panel.acknowledge_locally(alarm)
            return
        ctx = self._panel.ctx
        self._panel._saving.add(alarm_id)
        row = self._panel._rows_by_id.get(alarm_id)
        if row is not None:
            row.set_saving(True)
        self._panel.problem.setVisible(False)
        try:
            self._panel.tasks.run(
                lambda: alarm_service.acknowledge(ctx, alarm_id),
                lambda _result: self._acknowledged(alarm),
                lambda error: self._acknowledge_failed(alarm, error),
                owner=self._panel,
            )
        except RuntimeError:  # the window is closing
            self._panel._saving.discard(alarm_id)

    def _acknowledged(self, alarm: AlarmInfo) -> None:
        self._panel._saving.discard(alarm.id)
        self._panel._alarms = [a for a in self._panel._alarms if a.id != alarm.id]
        self._panel._render()
        self._panel.refresh()
        self._panel.acknowledged.emit(alarm.id)
        # The visit timeline changed, and the schedule must drop the escalation.
        self._panel.hub.visits_changed.emit()

    def _acknowledge_failed(self, alarm: AlarmInfo, error: BaseException) -> None:
        self._panel._saving.discard(alarm.id)
        row = self._panel._rows_by_id.get(alarm.id)
        if row is not None:
            row.set_saving(False)
        if isinstance(error, StoreUnreachableError):
            # Lost just now: acknowledged here, recorded when it is back.
            self._panel.acknowledge_locally(alarm)
            return
        if not isinstance(error, NotAllowedError | StoreError):
            log.error("acknowledgement failed", exc_info=error)
        reason = failure_text(error)
        message = QCoreApplication.translate(
            "AlarmPanel", "Niet vastgelegd: {reason} Het alarm blijft staan."
        ).format(reason=reason)
        if row is not None and alarm.id in self._panel._rows_by_id:
            row.show_problem(message)
            announce(row, message)
        else:
            self._panel.problem.setText(message)
            self._panel.problem.setVisible(True)
            announce(self._panel, message)

    def take_over(self, alarm: AlarmInfo) -> None:
        """Overnemen: become the buddy of the unwatched visit; the failover alarms of
        the visit are recorded as done (taken over), so they disappear everywhere."""
        from ..services import handover

        if self._panel._locked or alarm.visit_id is None or alarm.buddy_id is None:
            return
        if alarm.id in self._panel._saving:
            return
        ctx, visit_id, buddy_id = self._panel.ctx, alarm.visit_id, alarm.buddy_id

        def job() -> None:
            handover.take_over(ctx, visit_id, from_buddy_id=buddy_id)
            alarm_service.resolve_failovers(
                ctx,
                alarm_service.open_failovers(ctx, visit_id),
                alarm_service.REASON_TAKEN_OVER,
            )

        self._panel._saving.add(alarm.id)
        row = self._panel._rows_by_id.get(alarm.id)
        if row is not None:
            row.take_over_button.setEnabled(False)
        try:
            self._panel.tasks.run(
                job,
                lambda _result: self._taken_over(alarm),
                lambda error: self._take_over_failed(alarm, error),
                owner=self._panel,
            )
        except RuntimeError:  # the window is closing
            self._panel._saving.discard(alarm.id)

    def _take_over_done(self, alarm: AlarmInfo) -> None:
        self._panel._saving.discard(alarm.id)
        row = self._panel._rows_by_id.get(alarm.id)
        if row is not None:
            row.take_over_button.setEnabled(True)

    def _taken_over(self, alarm: AlarmInfo) -> None:
        self._take_over_done(alarm)
        self._panel.problem.setVisible(False)
        name = alarm.visitor_first_name or QCoreApplication.translate("AlarmPanel", "de bezoeker")
        self._panel.hub.status_message.emit(
            QCoreApplication.translate(
                "AlarmPanel", "U bent nu de buddy van het bezoek van {name}."
            ).format(name=name)
        )
        self._panel.refresh()
        # The visit's reminders now fire at this desk; boards show the new buddy.
        self._panel.hub.visits_changed.emit()

    def _take_over_failed(self, alarm: AlarmInfo, error: BaseException) -> None:
        self._take_over_done(alarm)
        # Someone else was quicker ("Petra heeft dit al overgenomen"), or refused.
        if not isinstance(error, NotAllowedError | StoreError):
            log.error("take-over failed", exc_info=error)
        self._panel.problem.setText(failure_text(error))
        self._panel.problem.setVisible(True)
        announce(self._panel, self._panel.problem.text())
        self._panel.refresh()
