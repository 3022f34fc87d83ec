"""Main window: first run or login, then the workspace; idle time locks it again.

Locking keeps the workspace (and whatever was typed) alive behind the login screen; the
same person unlocks back into it. Another person logging in closes it first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from ..domain.clock import Clock, SystemClock
from ..services import accounts
from ..services.context import ServiceContext
from ..services.settings import load_settings
from ..storage.store import holds_store
from .first_run import FirstRunView, create_store_with_first_account
from .hub import AppHub
from .idle import IdleWatcher
from .login import LoginView
from .tasks import TaskRunner
from .workspace import WorkspaceView

WINDOW_TITLE = "Veilig Huisbezoek"


class MainWindow(QMainWindow):
    language_change_requested = Signal(str)

    def __init__(
        self,
        data_dir: Path,
        *,
        demo_logins: list[tuple[str, str, str]] | None = None,
        language: str = "nl",
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.clock: Clock = clock or SystemClock()
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1280, 760)
        self.tasks = TaskRunner(self)
        self.hub = AppHub(self)
        self.ctx: ServiceContext | None = None
        self.workspace: WorkspaceView | None = None
        self.locked = False
        self.idle = IdleWatcher(5, self)
        self.idle.idle.connect(self.lock)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.login_view = LoginView(
            data_dir, self._log_in, self.tasks, demo_logins=demo_logins, language=language
        )
        self.login_view.logged_in.connect(self._logged_in)
        self.login_view.language_selected.connect(self.language_change_requested)
        self.stack.addWidget(self.login_view)
        self.first_run_view: FirstRunView | None = None
        if not holds_store(data_dir) and demo_logins is None:
            self.first_run_view = FirstRunView(
                data_dir,
                self.tasks,
                create=lambda folder, new: create_store_with_first_account(folder, new, self.clock),
            )
            self.first_run_view.created.connect(self._logged_in)
            self.stack.addWidget(self.first_run_view)
            self.stack.setCurrentWidget(self.first_run_view)

    # ---- session ------------------------------------------------------------------
    def _log_in(self, data_dir: Path, username: str, password: str) -> ServiceContext:
        """Runs on the worker thread: unlock (same person) or a fresh login."""
        current = self.ctx
        if current is not None:
            actor = accounts.verify_credentials(current, username, password)
            if actor.account_id == current.actor.account_id:
                return current
        return accounts.log_in(data_dir, username, password, self.clock)

    def _logged_in(self, ctx: ServiceContext) -> None:
        if self.ctx is not None and ctx is not self.ctx:
            self._close_session()
        if self.workspace is None:
            self.ctx = ctx
            self.workspace = WorkspaceView(ctx, self.tasks, self.hub)
            self.workspace.lock_requested.connect(self.lock)
            self.workspace.logout_requested.connect(self.log_out)
            self.stack.addWidget(self.workspace)
            try:
                self.idle.set_minutes(load_settings(ctx).idle_lock_minutes)
            except Exception:
                self.idle.set_minutes(5)
        self.locked = False
        self.stack.setCurrentWidget(self.workspace)
        self.setWindowTitle(f"{WINDOW_TITLE} — {ctx.actor.display_name}")
        self.idle.start()

    def lock(self) -> None:
        """Hide everything behind the login screen; keep the session and unsaved input."""
        if self.workspace is None or self.locked:
            return
        self.locked = True
        self.idle.stop()
        self.setWindowTitle(WINDOW_TITLE)
        self.login_view.show_locked(self.ctx.actor.username if self.ctx else "")
        self.stack.setCurrentWidget(self.login_view)

    def log_out(self) -> None:
        self._close_session()
        self.locked = False
        self.setWindowTitle(WINDOW_TITLE)
        self.login_view.reset()
        self.stack.setCurrentWidget(self.login_view)

    def _close_session(self) -> None:
        self.idle.stop()
        if self.workspace is not None:
            self.workspace.shutdown()
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        if self.ctx is not None:
            self.ctx.store.close()
            self.ctx = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_session()
        self.tasks.shutdown()
        super().closeEvent(event)
