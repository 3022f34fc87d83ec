"""Main window: the login screen, then the overview; locking returns to login."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from ..services.accounts import log_in
from ..services.context import ServiceContext
from .login import LoginView
from .overview import OverviewView
from .tasks import TaskRunner

WINDOW_TITLE = "Veilig Huisbezoek"


class MainWindow(QMainWindow):
    def __init__(
        self, data_dir: Path, *, demo_logins: list[tuple[str, str, str]] | None = None
    ) -> None:
        super().__init__()
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1000, 640)
        self.tasks = TaskRunner(self)
        self.ctx: ServiceContext | None = None
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.login_view = LoginView(data_dir, log_in, self.tasks, demo_logins=demo_logins)
        self.login_view.logged_in.connect(self._open)
        self.stack.addWidget(self.login_view)
        self.overview: OverviewView | None = None

    def _open(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.overview = OverviewView(ctx)
        self.overview.lock_requested.connect(self.lock)
        self.stack.addWidget(self.overview)
        self.stack.setCurrentWidget(self.overview)
        self.setWindowTitle(f"{WINDOW_TITLE} — {ctx.actor.display_name}")

    def lock(self) -> None:
        if self.overview is not None:
            self.stack.removeWidget(self.overview)
            self.overview.deleteLater()
            self.overview = None
        if self.ctx is not None:
            self.ctx.store.close()
            self.ctx = None
        self.setWindowTitle(WINDOW_TITLE)
        self.stack.setCurrentWidget(self.login_view)
        self.login_view.reset()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        self.tasks.shutdown()
        super().closeEvent(event)
