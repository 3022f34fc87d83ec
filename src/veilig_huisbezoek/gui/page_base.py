"""What the workspace pages share: the constructor and the reload that waits while the
team server is unreachable.

A page gets the service context, the task runner and the hub; its compiled Designer
form (a ``Ui_<Name>`` of ``forms_generated``, given by the subclass) fills the page inside
a scroll area that keeps it usable on a small screen, its widgets typed as
``self.ui.<objectName>``. ``refresh`` (called by the workspace, the hub's signals and the main
window when the connection is back) does nothing while ``hub.offline``: the last known
state stays on screen. A page puts its loading in ``reload``.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..services.context import ServiceContext
from .forms import FormUi, setup_form
from .hub import AppHub
from .screen_fit import page_scroll
from .tasks import TaskRunner

U = TypeVar("U", bound=FormUi[QWidget])


class WorkspacePage(QWidget, Generic[U]):
    """A page of the workspace: ``ctx``, ``tasks``, ``hub``, its ``form`` and the form's
    widgets ``ui`` (the compiled form ``ui``, built here)."""

    def __init__(
        self,
        ui: U,
        ctx: ServiceContext,
        tasks: TaskRunner,
        hub: AppHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub
        self.ui = ui
        self.form = setup_form(ui, QWidget(self))
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
