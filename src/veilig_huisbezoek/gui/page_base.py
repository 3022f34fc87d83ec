"""What the workspace pages share: the constructor and the reload that waits while the
team server is unreachable.

A page gets the service context, the task runner and the hub; its compiled Designer
form (a ``Ui_<Name>`` of ``forms_generated``, given by the subclass) fills the page inside
a scroll area that keeps it usable on a small screen, its widgets typed as
``self.ui.<objectName>``. ``refresh`` (called by the workspace, the hub's signals and the main
window when the connection is back) does nothing while ``hub.offline``: the last known
state stays on screen. A page puts its loading in ``reload``, reading on the task
runner through ``load_in_background`` (never the store on the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable, Set
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..domain.folded_reads import VisitsTouched
from ..services.context import ServiceContext
from .forms import FormUi, setup_form
from .hub import AppHub
from .i18n import failure_text
from .screen_fit import page_scroll
from .tasks import TaskRunner
from .when_shown import ReloadWhenShown

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
        # A read under way on the task runner; another asked for meanwhile.
        self._reading = False
        self._read_again = False
        # Connect the hub's change signals here, not to ``refresh``: a tab behind another
        # reloads when it is shown.
        self.when_shown = ReloadWhenShown(self, self.refresh, self.refresh_visits)

    @property
    def reading(self) -> bool:
        """A read is under way (or one more is still to come)."""
        return self._reading or self._read_again

    def load_in_background(
        self,
        job: Callable[[], Any],
        loaded: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Run ``job`` (a read) on the task runner, then ``loaded`` or ``failed`` on the
        GUI thread. One at a time: asked again meanwhile, it reloads once more after."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True

        def done(callback: Callable[[Any], None], outcome: Any) -> None:
            if not shiboken6.isValid(self):
                return
            self._reading = False
            callback(outcome)
            if self._read_again:
                self._read_again = False
                self.refresh()

        try:
            self.tasks.run(
                job,
                lambda result: done(loaded, result),
                lambda error: done(failed, error),
                owner=self,
            )
        except RuntimeError:
            # The task runner is shut down: the window is closing; nothing to load.
            self._reading = False

    def _load_failed(self, error: BaseException) -> None:
        """A read of ``reload`` failed: the reason on the page's message line."""
        self._say(failure_text(error), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` on the page's message line (each page that has one)."""
        raise NotImplementedError

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

    def refresh_visits(self, visit_ids: Set[int] | VisitsTouched) -> None:
        """Only these visits changed (``hub.visits_touched``), as ``refresh``."""
        if self.hub.offline:
            return
        self.reload_visits(visit_ids)

    def reload_visits(self, visit_ids: Set[int] | VisitsTouched) -> None:
        """Re-read what these visits change on the page; a page that cannot read them
        alone (the default) reloads whole."""
        self.reload()
