"""Main window: first run or login, then the workspace; idle time locks it again.

Locking keeps the workspace (and whatever was typed) alive behind the login screen; the
same person unlocks back into it. Another person logging in closes it first.

Alarms (docs/design.md §4) belong to the session, not to a tab:
:class:`~.session_alarms.SessionAlarms`
runs the schedule and the alarm panel above everything else in the window, also above
the login screen while locked (where it says only ``Alarm: bezoek van <voornaam> —
ontgrendel voor details``).

Presence (docs/design.md §4a): from login to logout a :class:`~.presence.PresenceRunner` writes
this session's heartbeat every few seconds, also while locked, and hands everyone's
presence to ``hub`` for the "kijkt mee" lines; logging out, another person logging in
and quitting end the session's presence at once (a crash lets it expire).

Team mode (``team``: a :class:`~..storage.team.location.TeamLocation`, from
``--database-url``): the login screen logs in on the server
(:func:`services.team.team_log_in`, on the worker thread as always) and there is no
first-run screen; after login :class:`~.team_session.TeamSession` follows the other
workstations' changes and shows when the server is unreachable. Alarms that fall due
meanwhile still go off here from the scheduler's last known schedule (see
:mod:`..reminders.scheduler`).

Start-up time: importing this module loads Qt and what the login screen needs, not the
database stack. The services, the scheduler, the alarm panel and the workspace (and
with them SQLAlchemy, Alembic and the crypto libraries) are imported where a session
starts (see docs/performance.md).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
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
from ..services.desk_state import remember_watching
from ..services.locations import holds_store
from .hub import AppHub
from .idle import IdleWatcher
from .keys import EnterKey, default_button
from .leaving import LeaveGuard, explain_tray_once
from .login import LoginView
from .screen_fit import LockCurtain, fit_to_screen
from .session_alarms import SessionAlarms
from .tasks import TaskRunner
from .team_session import TeamSession

if TYPE_CHECKING:
    from ..reminders.scheduler import ReminderScheduler
    from ..services.context import Actor, ServiceContext
    from ..services.handover import WatchedVisit
    from ..services.team import TeamLocation
    from .alarm_panel import AlarmPanel
    from .first_run import FirstRunView
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
        self.notifier = notifier if notifier is not None else Notifier(self)
        self.notifier.setParent(self)
        self.alarms = SessionAlarms(
            self,
            self._central_layout,
            self.hub,
            self.notifier,
            self.clock,
            self.tasks,
            is_locked=lambda: self.locked,
            bring_to_front=self.bring_to_front,
            open_count_changed=self._update_title,
        )
        self.team_session = TeamSession(
            self, self._central_layout, self.stack, self.hub, self.tasks, self.alarms.refresh_for
        )
        self.notifier.tray_activated.connect(self.bring_to_front)
        self.notifier.quit_requested.connect(self.quit_app)
        self.about_key = about_shortcut(self, data_dir, team)
        self.notifier.about_requested.connect(self.about_key.activated)
        self.notifier.desktop_failed.connect(self.hub.status_message)
        self.hub.status_message.connect(self._show_status)
        self.hub.log_in_here = lambda username, password: self._log_in(
            self.data_dir, username, password
        )
        self.hub.switch_session.connect(self._colleague_took_this_desk)
        self._shut_down = False
        self.maintenance: MaintenanceRunner | None = None
        self.presence: PresenceRunner | None = None
        self.curtain = LockCurtain(self)
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
            self.bring_to_front,
            self.hub.visits_changed.emit,
            self.hub.status_message.emit,
        )
        # Set by a login at the lock screen of someone else: (who was logged in, the
        # running visits they watched), offered to the new person (LeaveGuard).
        self._left_behind: tuple[Actor, tuple[WatchedVisit, ...]] | None = None
        self.first_run_view: FirstRunView | None = None
        if team is None and not holds_store(data_dir) and demo_logins is None:
            # Only on a desk without a store: not loaded on an ordinary start.
            from .first_run import FirstRunView, create_store_with_first_account

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

            # Until the handover ends it: a restart now brings the app back (--autostart).
            remember_watching(True)
            from .maintenance import MaintenanceRunner
            from .workspace import WorkspaceView

            self.ctx = ctx
            # Alarms first: the scheduler's first read queues ahead of the pages' loads.
            self.alarms.start(ctx)
            if self.team is not None:  # the embedded database: nothing else writes to it
                self.team_session.start(ctx)
            self._start_presence(ctx)
            self.workspace = WorkspaceView(ctx, self.tasks, self.hub)
            self.workspace.lock_requested.connect(self.lock)
            self.workspace.logout_requested.connect(self.log_out)
            self.stack.addWidget(self.workspace)
            self.maintenance = MaintenanceRunner(ctx, self.tasks, self.clock, self)
            self.maintenance.problem.connect(self.hub.status_message)
            self.maintenance.start()
            # The idle lock's minutes: read on the task runner (5 if unreadable).
            self.tasks.run(
                lambda: load_settings(ctx).idle_lock_minutes,
                self.idle.set_minutes,
                lambda _exc: self.idle.set_minutes(5),
                owner=self,
            )
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
            self.alarms.set_locked(False)
            # Back where the person was typing when the app locked.
            if not self.curtain.open():
                self.workspace.focus_first()
        else:
            self.curtain.forget()
            self.workspace.focus_first()
        if left is not None:
            self.leave_guard.offer_take_over(ctx, *left)

    def _show_password_notice(self, notice: object) -> None:
        from ..services.accounts import PasswordNotice
        from .password_notice import show_password_notice

        if isinstance(notice, PasswordNotice) and self.workspace is not None:
            self.password_notice_box = show_password_notice(self, notice)

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

    @property
    def open_alarm_count(self) -> int:
        return self.alarms.open_count

    # What the session's parts hold, for the tests and the tray.
    @property
    def scheduler(self) -> ReminderScheduler | None:
        return self.alarms.scheduler

    @property
    def alarm_panel(self) -> AlarmPanel | None:
        return self.alarms.panel

    @property
    def live(self) -> TeamLive | None:
        return self.team_session.live

    @property
    def connection_banner(self) -> ConnectionBanner | None:
        return self.team_session.banner

    @property
    def watch_line(self) -> WatchLine | None:
        return self.team_session.watch_line

    def bring_to_front(self) -> None:
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
        self.alarms.set_locked(True)
        self._update_title()
        self.curtain.close(keep_focus_in=self.workspace)
        self.login_view.show_locked(self.ctx.actor.username if self.ctx else "")
        self.stack.setCurrentWidget(self.login_view)

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
        remember_watching(False)
        self.locked = False
        self._update_title()
        self.login_view.reset()
        self.stack.setCurrentWidget(self.login_view)

    def _close_session(self) -> None:
        self.idle.stop()
        self.curtain.forget()
        self._stop_presence()  # queued before the drain below, while the store is open
        self.team_session.stop()
        if self.maintenance is not None:
            self.maintenance.stop()
            self.maintenance.deleteLater()
            self.maintenance = None
        self.alarms.stop()
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
        remember_watching(False)
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


def start_at_login(window: MainWindow, *, waiting_in_tray: bool) -> None:
    """Started with the desktop session (``--autostart``). After a session that was still
    watching visits the app waits in the tray, one click from the login, and says so;
    without a tray it waits minimised on the task bar."""
    if not waiting_in_tray:
        window.show_fitted()
    elif window.notifier.has_tray:
        window.notifier.show_tray_message(
            WINDOW_TITLE,
            QCoreApplication.translate(
                "MainWindow",
                "Veilig Huisbezoek is gestart. Klik op dit pictogram om in te loggen en "
                "weer mee te kijken.",
            ),
        )
    else:
        window.showMinimized()


def about_shortcut(window: QWidget, data_dir: Path, team: TeamLocation | None) -> QShortcut:
    """F1 anywhere in ``window`` opens the About dialog (the tray menu's item too). Its
    module (package metadata, licences) is loaded on the first press, not at start."""

    def show() -> None:
        from .about_dialog import show_about, store_kind

        show_about(window, data_dir, store_kind(team))

    shortcut = QShortcut(QKeySequence(Qt.Key.Key_F1), window)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(show)
    return shortcut
