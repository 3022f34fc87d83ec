"""Main window: first run or login, then the workspace; idle time locks it again.

Locking keeps the workspace (and whatever was typed) alive behind the login screen; the
same person unlocks back into it. Another person logging in closes it first.

Alarms (docs/design.md §4) belong to the session, not to a tab: after login a
``ReminderScheduler`` runs on this window's clock and task runner, and its alarms go to
the ``AlarmPanel`` above everything else in the window (so above whichever tab is open,
and above the login screen while locked, where it says only ``Alarm: bezoek van
<voornaam> — ontgrendel voor details``) and to the ``Notifier`` (sound, desktop
notification, tray icon). The schedule is rebuilt on ``hub.visits_changed`` and on
unlock; it is shut down on logout and close, before the store closes.

Presence (docs/design.md §4a): from login to logout a :class:`~.presence.PresenceRunner` writes
this session's heartbeat every few seconds, also while locked, and hands everyone's
presence to ``hub`` for the "kijkt mee" lines; logging out, another person logging in
and quitting end the session's presence at once (a crash lets it expire).

Team mode (``team``: a :class:`~..storage.team.location.TeamLocation`, from
``--database-url``): the login screen logs in on the server
(:func:`services.team.team_log_in`, on the worker thread as always) and there is no
first-run screen. After login a :class:`~.team_live.TeamLive` listens for the other
workstations' changes (``LISTEN vh_changes``) and turns them into ``hub`` signals and an
alarm panel refresh; when the server is unreachable a banner above the workspace says
so at once, with the age of what is shown, until the connection is back. Meanwhile
``hub.offline`` holds back the pages' reloads and the store refuses database calls at
once (nothing waits for a connect timeout on the GUI thread or the worker); when the
connection is back every page reloads once. Alarms that fall due meanwhile still go
off here (panel, sound, desktop) from the scheduler's last known schedule, marked as
not yet recorded; they are recorded, with an acknowledgement given meanwhile, once the
server is back (see :mod:`..reminders.scheduler`).

Start-up time: importing this module loads Qt and what the login screen needs, not the
database stack. The services, the scheduler, the alarm panel and the workspace (and
with them SQLAlchemy, Alembic and the crypto libraries) are imported where a session
starts (see docs/performance.md).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.clock import Clock, SystemClock
from ..domain.presence import PresenceSnapshot
from ..reminders.notifier import Notifier
from ..storage.layout import holds_store
from .first_run import FirstRunView, create_store_with_first_account
from .hub import AppHub
from .idle import IdleWatcher
from .keys import EnterKey, default_button, return_focus
from .leaving import LeaveGuard, explain_tray_once
from .login import LoginView
from .screen_fit import fit_to_screen
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..reminders.scheduler import ReminderScheduler
    from ..services.alarms import AlarmInfo
    from ..services.context import Actor, ServiceContext
    from ..services.handover import WatchedVisit
    from ..storage.team.location import TeamLocation
    from .alarm_panel import AlarmPanel
    from .maintenance import MaintenanceRunner
    from .presence import PresenceRunner
    from .team_live import ConnectionBanner, TeamLive
    from .watch_line import WatchLine
    from .workspace import WorkspaceView

log = logging.getLogger(__name__)

WINDOW_TITLE = "Veilig Huisbezoek"
STATUS_MS = 30_000
# The size the window opens at when the screen has room for it (see ``show_fitted``).
PREFERRED_SIZE = QSize(1280, 760)


class MainWindow(QMainWindow):
    language_change_requested = Signal(str)
    # The person quit (tray menu, or closing where no tray keeps the app running), and
    # every watched visit is handed over: the application ends (app.py quits).
    quit_confirmed = Signal()

    def __init__(
        self,
        data_dir: Path,
        *,
        demo_logins: list[tuple[str, str, str]] | None = None,
        language: str = "nl",
        clock: Clock | None = None,
        notifier: Notifier | None = None,
        team: TeamLocation | None = None,
    ) -> None:
        """``notifier``: the desktop/sound/tray channel (tests pass one with a fake
        ``notify``); by default one through plyer, owned by this window. ``team``: log
        in on this team server instead of the database in ``data_dir``."""
        super().__init__()
        self.team = team
        if team is not None:
            data_dir = team.local_dir()  # keys the login throttle per server
        self.data_dir = data_dir
        self.clock: Clock = clock or SystemClock()
        self.setWindowTitle(WINDOW_TITLE)
        # No larger than the screen it opens on: a 1366×768 laptop with a title bar and
        # a task bar has about 1366×700 for it, 1280×720 at 125 % about 1024×576.
        self.fits_screen = fit_to_screen(self, PREFERRED_SIZE)
        self.tasks = TaskRunner(self)
        self.hub = AppHub(self)
        self.ctx: ServiceContext | None = None
        self.workspace: WorkspaceView | None = None
        self.password_notice_box: QMessageBox | None = None
        self.locked = False
        self.idle = IdleWatcher(5, self)
        self.idle.idle.connect(self.lock)
        self.stack = QStackedWidget(self)
        # The alarm panel (per session) goes above the stack: over every tab and over
        # the login screen while locked.
        central = QWidget(self)
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self._central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        # Return/Enter everywhere in the window: the focused button, else the default
        # button of what is shown (login, first run, the workspace's current page).
        self.enter_key = EnterKey(
            central, lambda focus: default_button(self.stack.currentWidget(), focus)
        )
        self.scheduler: ReminderScheduler | None = None
        self.alarm_panel: AlarmPanel | None = None
        self.live: TeamLive | None = None
        self.connection_banner: ConnectionBanner | None = None
        self.watch_line: WatchLine | None = None
        self.notifier = notifier if notifier is not None else Notifier(self)
        self.notifier.setParent(self)
        self.notifier.tray_activated.connect(self._bring_to_front)
        self.notifier.quit_requested.connect(self.quit_app)
        self.notifier.desktop_failed.connect(self.hub.status_message)
        self.hub.status_message.connect(self._show_status)
        self.hub.log_in_here = lambda username, password: self._log_in(
            self.data_dir, username, password
        )
        self.hub.switch_session.connect(self._colleague_took_this_desk)
        self._shut_down = False
        self.maintenance: MaintenanceRunner | None = None
        self.presence: PresenceRunner | None = None
        self._hidden_windows: list[QWidget] = []
        self._focus_before_lock: QWidget | None = None
        self.login_view = LoginView(
            data_dir,
            self._log_in,
            self.tasks,
            demo_logins=demo_logins,
            language=language,
            server=team.display if team is not None else None,
        )
        self.login_view.logged_in.connect(self._logged_in)
        self.login_view.language_selected.connect(self.language_change_requested)
        self.stack.addWidget(self.login_view)
        self.leave_guard = LeaveGuard(
            self,
            self.tasks,
            lambda: self.ctx,
            lambda username, password: self._log_in(self.data_dir, username, password),
            self._handed_to_colleague_here,
            self._bring_to_front,
            self.hub.visits_changed.emit,
            self.hub.status_message.emit,
        )
        # Set by a login at the lock screen of someone else: (who was logged in, the
        # running visits they watched), offered to the new person (LeaveGuard).
        self._left_behind: tuple[Actor, tuple[WatchedVisit, ...]] | None = None
        self.first_run_view: FirstRunView | None = None
        if team is None and not holds_store(data_dir) and demo_logins is None:
            self.first_run_view = FirstRunView(
                data_dir,
                self.tasks,
                create=lambda folder, new: create_store_with_first_account(folder, new, self.clock),
            )
            self.first_run_view.created.connect(self._logged_in)
            self.stack.addWidget(self.first_run_view)
            self.stack.setCurrentWidget(self.first_run_view)

    def show_fitted(self) -> None:
        """Show the window: at its preferred size when the screen has room for it, else
        maximised (the window manager then fits the title bar and the task bar)."""
        if self.fits_screen:
            self.show()
        else:
            self.showMaximized()

    # ---- session ------------------------------------------------------------------
    def _log_in(self, data_dir: Path, username: str, password: str) -> ServiceContext:
        """Runs on the worker thread: unlock (same person) or a fresh login."""
        from ..services import accounts

        current = self.ctx
        if current is not None:
            actor = accounts.verify_credentials(current, username, password)
            if actor.account_id == current.actor.account_id:
                return current
            from ..services import handover

            left = tuple(handover.watched_by_me(current))
            self._left_behind = (current.actor, left) if left else None
        if self.team is not None:
            from ..services.team import team_log_in

            return team_log_in(self.team, username, password, self.clock)
        return accounts.log_in(data_dir, username, password, self.clock)

    def _logged_in(self, ctx: ServiceContext) -> None:
        left, self._left_behind = self._left_behind, None
        if self.ctx is not None and ctx is not self.ctx:
            self._close_session()
        else:
            left = None
        unlocking = self.workspace is not None
        if self.workspace is None:
            from ..services.settings import load_settings
            from .maintenance import MaintenanceRunner
            from .workspace import WorkspaceView

            self.ctx = ctx
            # Alarms first: the scheduler's first read queues ahead of the pages' loads.
            self._start_alarms(ctx)
            self._start_live(ctx)
            self._start_presence(ctx)
            self.workspace = WorkspaceView(ctx, self.tasks, self.hub)
            self.workspace.lock_requested.connect(self.lock)
            self.workspace.logout_requested.connect(self.log_out)
            self.stack.addWidget(self.workspace)
            self.maintenance = MaintenanceRunner(ctx, self.tasks, self.clock, self)
            self.maintenance.problem.connect(self.hub.status_message)
            self.maintenance.start()
            try:
                self.idle.set_minutes(load_settings(ctx).idle_lock_minutes)
            except Exception:
                self.idle.set_minutes(5)
            from ..services.accounts import take_password_notice

            self.tasks.run(
                lambda: take_password_notice(ctx),
                self._show_password_notice,
                lambda exc: log.warning("password notice not read: %s", type(exc).__name__),
            )
        self.locked = False
        self.stack.setCurrentWidget(self.workspace)
        self._update_title()
        self.idle.start()
        if unlocking:
            self._unlock_alarms()
            for window in self._hidden_windows:
                if shiboken6.isValid(window):
                    window.show()
            # Back where the person was typing when the app locked.
            focus = self._focus_before_lock
            if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.workspace.focus_first()
        else:
            self.workspace.focus_first()
        self._hidden_windows = []
        self._focus_before_lock = None
        if left is not None:
            self.leave_guard.offer_take_over(ctx, *left)

    def _show_password_notice(self, notice: object) -> None:
        """Someone else set this person's password: say who and when, once."""
        from ..domain.clock import to_local
        from ..services.accounts import PasswordNotice

        if not isinstance(notice, PasswordNotice) or self.workspace is None:
            return
        when = to_local(notice.at)
        text = self.tr(
            "Uw wachtwoord is op {date} om {time} opnieuw ingesteld door {name}."
        ).format(date=when.strftime("%d-%m-%Y"), time=when.strftime("%H:%M"), name=notice.reset_by)
        if notice.cosigned_by:
            text += " " + self.tr("Medeondertekend door {name}.").format(name=notice.cosigned_by)
        text += " " + self.tr(
            "Vroeg u hier niet zelf om? Meld het dan meteen bij uw leidinggevende."
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Uw wachtwoord is hersteld"),
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.password_notice_box = box
        return_focus(box)
        box.open()

    # ---- presence: this session is here (docs/design.md §4a) ---------------------------------
    def _start_presence(self, ctx: ServiceContext) -> None:
        """Heartbeats from login to logout, also while locked (gui/presence.py)."""
        from .presence import PresenceRunner

        self.presence = PresenceRunner(ctx, self.tasks, self.hub, lambda: self.locked, self)
        self.presence.start()

    def _stop_presence(self) -> None:
        """An orderly end: the others see at once that this session has gone."""
        runner, self.presence = self.presence, None
        if runner is not None:
            runner.stop(end=True)
            runner.deleteLater()
        self.hub.set_presence(PresenceSnapshot())

    # ---- team mode: live changes and the connection banner ---------------------------
    def _start_live(self, ctx: ServiceContext) -> None:
        if self.team is None:
            return  # the embedded database: nothing else writes to it
        from ..storage.team.store import TeamStore

        if not isinstance(ctx.store, TeamStore) or ctx.store.username is None:
            return
        from .team_live import ConnectionBanner, TeamLive

        if self.connection_banner is None:
            self.connection_banner = ConnectionBanner(self)
            self._central_layout.insertWidget(
                self._central_layout.indexOf(self.stack), self.connection_banner
            )
        from ..domain.roles import Permission

        if ctx.actor.may(Permission.SEE_TEAM_CASES):
            from .watch_line import WatchLine

            self.watch_line = WatchLine(ctx, self.tasks, self)
            self._central_layout.insertWidget(
                self._central_layout.indexOf(self.stack), self.watch_line
            )
        live = TeamLive(ctx.store, self)
        live.changed.connect(self._team_changed)
        live.lost.connect(self._team_lost)
        live.restored.connect(self._team_restored)
        self.live = live
        live.start()

    def _stop_live(self) -> None:
        line, self.watch_line = self.watch_line, None
        if line is not None:
            line.stop()
            line.deleteLater()
        live, self.live = self.live, None
        if live is not None:
            live.stop()
            live.deleteLater()
        self.hub.offline = False
        if self.connection_banner is not None:
            self.connection_banner.clear()

    def _team_changed(self, tables: set[str]) -> None:
        """Another workstation (or this one) changed something on the server."""
        if self.ctx is None:
            return
        if "unsafe_address_notes" in tables:
            self.hub.notes_changed.emit()
        if tables - {"unsafe_address_notes"}:
            # Boards, my visits, history … reload; the schedule is rebuilt.
            self.hub.visits_changed.emit()
        if self.alarm_panel is not None:
            # An alarm acknowledged on another workstation disappears here too.
            self.alarm_panel.refresh()

    def _team_lost(self, since: object) -> None:
        # The pages keep the last known state instead of waiting for the server.
        self.hub.offline = True
        if self.connection_banner is not None:
            assert isinstance(since, datetime)
            self.connection_banner.show_lost(since)

    def _team_restored(self) -> None:
        self.hub.offline = False
        if self.connection_banner is not None:
            self.connection_banner.clear()
        self.hub.status_message.emit(self.tr("Verbinding met de teamserver hersteld."))
        # Whatever changed meanwhile: reload everything.
        self._team_changed({"visits", "unsafe_address_notes"})

    # ---- alarms ------------------------------------------------------------------
    def _start_alarms(self, ctx: ServiceContext) -> None:
        from ..reminders.scheduler import ReminderScheduler
        from ..services import incidents
        from .alarm_panel import AlarmPanel

        panel = AlarmPanel(ctx, self.hub, self)
        self._central_layout.insertWidget(0, panel)
        scheduler = ReminderScheduler(
            ctx, self, clock=self.clock, tasks=self.tasks, deadlines=incidents.incident_deadlines
        )
        scheduler.reminder_due.connect(self._alarm_fired)
        scheduler.local_alarm_recorded.connect(panel.alarm_recorded)
        panel.acknowledged_locally.connect(self._alarm_acknowledged_locally)
        scheduler.rebuilt.connect(self._alarms_reloaded)
        panel.open_count_changed.connect(self._open_alarms_changed)
        panel.arrived.connect(self._alarm_fired)
        self.hub.visits_changed.connect(self._rebuild_schedule)
        self.alarm_panel, self.scheduler = panel, scheduler
        panel.refresh()  # alarms still open from an earlier session, at once
        scheduler.start(background=True)

    def _stop_alarms(self) -> None:
        """Stop the schedule and drop the panel; before the store closes."""
        scheduler, panel = self.scheduler, self.alarm_panel
        self.scheduler = self.alarm_panel = None
        if scheduler is not None:
            self.hub.visits_changed.disconnect(self._rebuild_schedule)
            scheduler.shutdown()
            scheduler.deleteLater()
        if panel is not None:
            self._central_layout.removeWidget(panel)
            panel.hide()
            panel.deleteLater()
        self.notifier.set_open_count(0)

    def _rebuild_schedule(self) -> None:
        # Not while the team server is unreachable: rebuilt when it is back.
        if self.scheduler is not None and not self.hub.offline:
            self.scheduler.request_rebuild()

    def _alarm_fired(self, alarm: AlarmInfo) -> None:
        """A reminder fell due (or was still open): panel, sound, desktop, window."""
        if self.alarm_panel is None:
            return
        self.alarm_panel.show_alarm(alarm)
        self.notifier.alarm(alarm, locked=self.locked)
        self._bring_to_front()

    def _alarm_acknowledged_locally(self, alarm: AlarmInfo) -> None:
        # Server unreachable: recorded (who, this moment) once it is back.
        if self.scheduler is not None:
            self.scheduler.acknowledge_local(alarm)

    def _alarms_reloaded(self, _pending: int) -> None:
        # Picks up alarms acknowledged elsewhere (another person, another machine).
        if self.alarm_panel is not None:
            self.alarm_panel.refresh()

    def _open_alarms_changed(self, count: int) -> None:
        self.notifier.set_open_count(count)
        self._update_title()

    def _unlock_alarms(self) -> None:
        if self.alarm_panel is not None:
            self.alarm_panel.set_locked(False)
            self.alarm_panel.refresh()
        if self.scheduler is not None:
            self.scheduler.request_rebuild()

    @property
    def open_alarm_count(self) -> int:
        return self.alarm_panel.open_count if self.alarm_panel is not None else 0

    def _bring_to_front(self) -> None:
        """Make an alarm seen: restore a minimised window, raise it, flash the taskbar."""
        if self._shut_down:
            return
        if self.isMinimized():
            self.showNormal()
        elif not self.isVisible():  # in the tray
            self.show()
        self.raise_()
        self.activateWindow()
        QApplication.alert(self, 0)

    def _update_title(self) -> None:
        title = WINDOW_TITLE
        if self.ctx is not None and not self.locked:
            title = f"{WINDOW_TITLE} — {self.ctx.actor.display_name}"
        if self.open_alarm_count:
            # No personal data: the title shows in task bars and window lists.
            title = self.tr("⚠ ALARM — {title}").format(title=title)
        self.setWindowTitle(title)

    def _show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    # ---- locking and logging out --------------------------------------------------
    def lock(self) -> None:
        """Hide everything behind the login screen; keep the session and unsaved input.

        Alarms keep firing and sounding; the panel then names only the visitor's
        first name."""
        if self.workspace is None or self.locked:
            return
        self.locked = True
        self.idle.stop()
        if self.alarm_panel is not None:
            self.alarm_panel.set_locked(True)
        self._update_title()
        # Dialogs (a visit, a call, a half-typed form) hide with the workspace and come
        # back, untouched, when the same person unlocks.
        focus = QApplication.focusWidget()
        self._focus_before_lock = (
            focus if focus is not None and self.workspace.isAncestorOf(focus) else None
        )
        self._hidden_windows = self._session_windows()
        for window in self._hidden_windows:
            window.hide()
        self.login_view.show_locked(self.ctx.actor.username if self.ctx else "")
        self.stack.setCurrentWidget(self.login_view)

    def _session_windows(self) -> list[QWidget]:
        """Visible top-level windows (dialogs) that belong to this window."""
        found = []
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible():
                continue
            parent = widget.parentWidget()
            while parent is not None and parent is not self:
                parent = parent.parentWidget()
            if parent is self:
                found.append(widget)
        return found

    def log_out(self) -> None:
        """Uitloggen: first hand over the running visits this person watches."""
        self.leave_guard.then(self.end_session)

    def _handed_to_colleague_here(self, ctx: ServiceContext) -> None:
        """A colleague logged in in the handover dialog: the window is theirs now."""
        self._left_behind = None  # handed over already: nothing to offer
        self._logged_in(ctx)
        self.hub.status_message.emit(
            self.tr("Overgedragen: {name} kijkt nu mee.").format(name=ctx.actor.display_name)
        )

    def _colleague_took_this_desk(self, ctx: object) -> None:
        """The visitor departed and the buddy logged in here (departure dialog): the
        window is the buddy's; what the visitor watched is offered to them."""
        from ..services.context import ServiceContext

        assert isinstance(ctx, ServiceContext)

        def switch() -> None:
            self._logged_in(ctx)
            self.hub.status_message.emit(
                self.tr("{name} kijkt nu mee vanaf deze computer.").format(
                    name=ctx.actor.display_name
                )
            )

        # From the event loop, not inside the dialog's task callback: the visitor's
        # pages are torn down first (LeaveGuard does the same).
        QTimer.singleShot(0, switch)

    def end_session(self) -> None:
        """Back to the login screen, without asking (the handover is done, or there was
        nothing to hand over)."""
        self._close_session()
        self.locked = False
        self._update_title()
        self.login_view.reset()
        self.stack.setCurrentWidget(self.login_view)

    def _close_session(self) -> None:
        self.idle.stop()
        self._hidden_windows = []
        self._stop_presence()  # queued before the drain below, while the store is open
        self._stop_live()
        if self.maintenance is not None:
            self.maintenance.stop()
            self.maintenance.deleteLater()
            self.maintenance = None
        self._stop_alarms()
        if self.workspace is not None:
            self.workspace.shutdown()
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        if self.ctx is not None:
            self.tasks.drain()  # no job may still be using the store
            self.ctx.store.close()
            self.ctx = None

    def shutdown(self) -> None:
        """Stop alarms, close the store, stop the workers; safe to call twice
        (``closeEvent`` and ``QApplication.aboutToQuit``)."""
        if self._shut_down:
            return
        self._close_session()
        self._shut_down = True
        self.notifier.shutdown()
        self.tasks.shutdown()

    def quit_app(self) -> None:
        """Afsluiten (tray menu): through the handover, then the application ends."""
        self.leave_guard.then(self._quit_now)

    def _quit_now(self) -> None:
        self.shutdown()
        self.hide()
        self.quit_confirmed.emit()

    def request_close(self) -> None:
        """The person closes the window (title bar, Alt+F4). Logged in with a tray: the
        app keeps running there, alarms and all; otherwise it quits, through the
        handover."""
        if self.ctx is not None and self.notifier.has_tray:
            self.hide()
            explain_tray_once(self.notifier)
            return
        self.quit_app()

    def session_ending(self, _manager: object = None) -> None:
        """The desktop session ends (``commitDataRequest``): the process may be killed
        any moment now. Say at once that this session leaves, so the others see that
        nobody watches here (and the failover starts) without waiting 30 s."""
        if self.presence is not None:
            self.presence.stop(end=True)
            self.tasks.drain()

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and not self._shut_down:
            # From the window manager: the person's close, not the app's own.
            event.ignore()
            self.request_close()
            return
        self.shutdown()
        super().closeEvent(event)
