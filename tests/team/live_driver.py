"""One workstation for the two-process team tests: ``python -m tests.team.live_driver``.

A real :class:`MainWindow` in team mode (offscreen Qt) on a :class:`FakeClock` that the
test sets by command, so both workstations share one controllable time. Commands come
as JSON lines on stdin; replies (``{"reply": …}``) and events (``{"event": …}``) go as
JSON lines to stdout. Events: ``visits_changed`` (the hub's ``visits_changed``, or
``visits_touched`` with the ``visits`` it names), ``alarm`` (the scheduler
fired one), ``panel`` (open alarms on the panel), ``banner`` (the connection banner).

Arguments: the team URL (no credentials) and the clock's start (ISO 8601), or ``now``:
the system clock, so that the scheduler's own timers fire in real time (the failover
tests: presence expires on the server's clock).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.call_outcome import NameUsed
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.clock import Clock, FakeClock, SystemClock
from veilig_huisbezoek.domain.visit import (
    VisitPlan,
    VisitReason,
    default_callbacks,
)
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.reminders.notifier import Notifier
from veilig_huisbezoek.services import visits
from veilig_huisbezoek.storage.team.location import TeamLocation

ADDRESS = Address("Akerstraat", 12, "", "6411 HB", "Heerlen")


def send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message, default=str) + "\n")
    sys.stdout.flush()


class Driver(QObject):
    command = Signal(str)  # from the stdin thread, delivered queued

    def __init__(self, url: str, start: datetime | None) -> None:
        super().__init__()
        self.clock: Clock = SystemClock() if start is None else FakeClock(start)
        self.window = MainWindow(
            Path("unused"),
            clock=self.clock,
            notifier=Notifier(notify=lambda **_kw: None),
            team=TeamLocation.parse(url),
        )
        self.window.show()
        hub = self.window.hub
        hub.visits_changed.connect(lambda: send({"event": "visits_changed", "visits": None}))
        hub.visits_touched.connect(
            lambda touched: send({"event": "visits_changed", "visits": sorted(touched.ids)})
        )
        self.command.connect(self.handle, Qt.ConnectionType.QueuedConnection)
        self._banner_visible = False
        self._watch = QTimer(self)
        self._watch.setInterval(50)
        self._watch.timeout.connect(self._watch_banner)
        self._watch.start()

    # ---- events ---------------------------------------------------------------------
    def _watch_banner(self) -> None:
        banner = self.window.connection_banner
        visible = banner is not None and not banner.isHidden()
        if visible != self._banner_visible:
            self._banner_visible = visible
            send({"event": "banner", "visible": visible, "text": banner.text() if banner else ""})

    def _session_started(self) -> None:
        window = self.window
        if window.scheduler is not None:
            window.scheduler.reminder_due.connect(
                lambda a: send(
                    {"event": "alarm", "id": a.id, "kind": a.kind.value, "visit_id": a.visit_id}
                )
            )
        if window.alarm_panel is not None:
            window.alarm_panel.open_count_changed.connect(
                lambda n: send({"event": "panel", "count": n})
            )

    # ---- commands -------------------------------------------------------------------
    def handle(self, line: str) -> None:
        request = json.loads(line)
        name = request.pop("cmd")
        try:
            getattr(self, f"do_{name}")(**request)
        except Exception as exc:  # report, keep running
            send({"reply": name, "error": f"{type(exc).__name__}: {exc}"})

    def do_login(self, user: str, password: str) -> None:
        window = self.window
        if window.ctx is not None:
            window.end_session()  # a driver switching people: past the handover
        view = window.login_view
        view.user_edit.setText(user)
        view.password_edit.setText(password)

        def done() -> None:
            first_schedule = window.alarms.scheduler_tasks
            if (
                window.workspace is None
                or window.tasks.busy
                or first_schedule is None
                or first_schedule.busy
            ):
                QTimer.singleShot(20, done)
                return
            # The person at this desk watches the board (the state reports it), and a
            # page behind another tab reads only when it is shown.
            window.workspace.show_page("board")
            self._session_started()
            send({"reply": "login", "account_id": window.ctx.actor.account_id})  # type: ignore[union-attr]

        def failed() -> None:
            if view.error_label.text() and not view._busy:
                send({"reply": "login", "error": view.error_label.text()})
            elif window.workspace is None:
                QTimer.singleShot(20, failed)

        view._submit()
        QTimer.singleShot(20, done)
        QTimer.singleShot(20, failed)

    def do_clock(self, at: str) -> None:
        assert isinstance(self.clock, FakeClock), "this desk runs on the real clock"
        self.clock.set(datetime.fromisoformat(at))
        send({"reply": "clock"})

    def do_tick(self) -> None:
        """What the scheduler's timer does: look at the clock, fire what is due."""
        assert self.window.scheduler is not None
        fired = self.window.scheduler.rebuild()
        send({"reply": "tick", "fired": [a.id for a in fired]})

    def do_plan(
        self, buddy_id: int, start_in_s: float = 300, callbacks_in_s: list[float] | None = None
    ) -> None:
        """Plan, schedule and depart a visit with ``buddy_id``; it starts ``start_in_s``
        from now, with the default call-backs or those ``callbacks_in_s`` from now."""
        ctx = self.window.ctx
        assert ctx is not None
        now = self.clock.now()
        start = now + timedelta(seconds=start_in_s)
        end = start + timedelta(hours=1)
        callbacks = (
            default_callbacks(start, end, RiskLevel.GROEN)
            if callbacks_in_s is None
            else [now + timedelta(seconds=s) for s in callbacks_in_s]
        )
        plan = VisitPlan.create(
            reason=VisitReason.HANDHAVING,
            address=ADDRESS,
            residents="Dhr. Janssen",
            clients="Dhr. Janssen",
            client_phone_text="06-12345678",
            start=start,
            expected_return=end,
            visitor_id=ctx.actor.account_id,
            colleague_ids=(),
            roles_note="",
            interpreter=False,
            announced_in_writing=True,
            buddy_id=buddy_id,
            callbacks=callbacks,
            now=now,
        )
        from tests.services.test_services import _assessment

        visit_id = visits.save_visit(ctx, plan, _assessment(RiskLevel.GROEN))
        visits.schedule_visit(ctx, visit_id)
        visits.depart(ctx, visit_id)
        self.window.hub.visits_changed.emit()  # as the planning page does
        send(
            {
                "reply": "plan",
                "visit_id": visit_id,
                "callbacks": [c.isoformat() for c in plan.callbacks],
            }
        )

    def do_call(self, visit_id: int, callback_id: int | None, name_used: str) -> None:
        ctx = self.window.ctx
        assert ctx is not None
        decision = visits.record_call(
            ctx,
            visit_id,
            reached=True,
            name_used=NameUsed(name_used),
            vrijuit=None,
            politie=None,
            callback_id=callback_id,
        )
        self.window.hub.visits_changed.emit()  # as the call dialog does
        send({"reply": "call", "action": decision.action.value})

    def do_ack(self, alarm_id: int | None = None) -> None:
        """Click 'Bevestigen' on the panel's first row (or the row of ``alarm_id``), as a
        person would."""
        panel = self.window.alarm_panel
        assert panel is not None and panel.rows
        row = next(r for r in panel.rows if alarm_id is None or r.alarm.id == alarm_id)
        alarm_id = row.alarm.id
        row.acknowledge_button.click()
        # Saved on the task runner: answer once it is (the panel is then reloaded).
        deadline = time.monotonic() + 30
        while panel.busy and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
        send({"reply": "ack", "id": alarm_id})

    def do_logout_now(self) -> None:
        """Log out, past the handover (the session ends at once; for the bench)."""
        self.window.end_session()
        send({"reply": "logout_now"})

    def do_take_over(self) -> None:
        """Click *Overnemen* on the panel's first "Buddy niet bereikbaar" row."""
        panel = self.window.alarm_panel
        assert panel is not None
        row = next(r for r in panel.rows if r.alarm.kind.value == "buddy_onbereikbaar")
        alarm_id = row.alarm.id
        row.take_over_button.click()
        send({"reply": "take_over", "id": alarm_id})

    def do_depart_with(self, visit_id: int, buddy_id: int) -> None:
        """Depart, choosing a present colleague as buddy (the departure dialog's choice)."""
        ctx = self.window.ctx
        assert ctx is not None
        visits.depart(ctx, visit_id, new_buddy_id=buddy_id)
        self.window.hub.visits_changed.emit()
        send({"reply": "depart_with"})

    def do_state(self) -> None:
        window = self.window
        panel = window.alarm_panel
        board_rows: list[dict[str, Any]] = []
        if window.workspace is not None:
            board = window.workspace.pages.get("board")
            if board is not None:
                board_rows = [
                    {
                        "visit_id": e.row.visit_id,
                        "state": e.row.state.value,
                        "status": e.status.value,
                        "buddy_id": e.row.buddy_id,
                    }
                    for e in board.model._entries  # type: ignore[attr-defined]
                ]
        banner = window.connection_banner
        send(
            {
                "reply": "state",
                "alarms": [
                    {
                        "id": a.id,
                        "kind": a.kind.value,
                        "callback_id": a.callback_id,
                        "for_visitor": a.for_visitor,
                        "visit_id": a.visit_id,
                    }
                    for a in (panel.alarms if panel else [])
                ],
                "panel_texts": [r.label.text() for r in (panel.rows if panel else [])],
                "panel_visible": bool(panel and panel.isVisible()),
                "open_alarm_count": window.open_alarm_count,
                "board": board_rows,
                "banner": banner.text() if banner and not banner.isHidden() else None,
                "live_connected": bool(window.live and window.live.connected),
            }
        )

    def do_quit(self) -> None:
        send({"reply": "quit"})
        self.window.close()
        QApplication.instance().quit()  # type: ignore[union-attr]


def main(argv: list[str]) -> int:
    app = QApplication(sys.argv[:1])
    driver = Driver(argv[0], None if argv[1] == "now" else datetime.fromisoformat(argv[1]))

    def read_stdin() -> None:
        for line in sys.stdin:
            if line.strip():
                driver.command.emit(line)
        driver.command.emit(json.dumps({"cmd": "quit"}))

    threading.Thread(target=read_stdin, daemon=True).start()
    send({"event": "ready"})
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
