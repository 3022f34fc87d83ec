"""What the incident dialog's tabs ask of the dialog that holds them.

Each tab of ``IncidentDialog`` (the report, steps, police, aftercare, evidence, note)
is its own object; they share the incident being followed, the message line, the
file choosers and the reload through this protocol.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QComboBox

from ..domain.errors import UserError
from ..services.context import ServiceContext
from ..services.incidents import IncidentDetail
from .file_choosers import OpenPathChooser, SavePathChooser
from .i18n import error_text

T = TypeVar("T")


class IncidentHost(Protocol):
    ctx: ServiceContext
    incident_id: int | None
    detail: IncidentDetail | None
    choose_save_path: SavePathChooser
    choose_open_path: OpenPathChooser

    def run(
        self,
        action: Callable[[], object],
        done: Callable[[object], None] | None = None,
        failed: Callable[[], None] | None = None,
    ) -> None:
        """Save with ``action`` on the task runner ("Bezig met opslaan…" meanwhile; it
        must touch no widget: read and check them first), then read the incident again
        and show it, and ``done`` gets the action's result. A refusal is shown on the
        message line and what was typed stays (``failed`` runs then)."""
        ...

    def read(self, job: Callable[[], object], done: Callable[[object], None]) -> None:
        """Read with ``job`` on the task runner, then ``done``; a failure is shown."""
        ...

    def say(self, text: str, *, error: bool = False) -> None: ...

    def reload(self) -> None:
        """Read the incident again (on the task runner) and show it."""
        ...

    def announce_change(self, incident_id: int) -> None:
        """Tell the dialog's listeners (``changed``) that the incident changed."""
        ...

    def write(self, path: str, data: bytes) -> None:
        """Write a document or attachment where the person chose."""
        ...


def checked(host: IncidentHost, build: Callable[[], T]) -> T | None:
    """What the person entered, read from the widgets and checked on the GUI thread
    (before anything goes to the task runner); a refusal is shown (None)."""
    try:
        return build()
    except UserError as exc:
        host.say(error_text(exc), error=True)
        return None


def select_data(combo: QComboBox, value: str) -> None:
    """Make the item holding ``value`` current (nothing if there is none)."""
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
