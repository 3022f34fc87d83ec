"""What the workspace pages share: the constructor and the reload that waits while the
team server is unreachable.

A page gets the service context, the task runner and the hub; its Designer form
(``ui/<form_name>.ui``) fills the page inside a scroll area that keeps it usable on a
small screen. ``refresh`` (called by the workspace, the hub's signals and the main
window when the connection is back) does nothing while ``hub.offline``: the last known
state stays on screen. A page puts its loading in ``reload``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..services.context import ServiceContext
from .forms import load_form
from .hub import AppHub
from .screen_fit import page_scroll
from .tasks import TaskRunner


class WorkspacePage(QWidget):
    """A page of the workspace: ``ctx``, ``tasks``, ``hub`` and its ``form``."""

    def __init__(
        self,
        form_name: str,
        ctx: ServiceContext,
        tasks: TaskRunner,
        hub: AppHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub
        self.form = load_form(form_name, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_scroll(self.form))

    def refresh(self) -> None:
        """Reload what the page shows, unless the team server is unreachable
        (``hub.offline``): then the last known state stays, and the main window reloads
        every page when the connection is back."""
        if self.hub.offline:
            return
        self.reload()

    def reload(self) -> None:
        """Load what the page shows now (each page its own)."""
        raise NotImplementedError
