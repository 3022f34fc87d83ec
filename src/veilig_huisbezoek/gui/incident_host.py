"""What the incident dialog's tabs ask of the dialog that holds them.

Each tab of ``IncidentDialog`` (the report, steps, police, aftercare, evidence, note)
is its own object; they share the incident being followed, the message line, the
file choosers and the reload through this protocol.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QComboBox

from ..services.context import ServiceContext
from ..services.incidents import IncidentDetail
from .file_choosers import OpenPathChooser, SavePathChooser


class IncidentHost(Protocol):
    ctx: ServiceContext
    incident_id: int | None
    detail: IncidentDetail | None
    choose_save_path: SavePathChooser
    choose_open_path: OpenPathChooser

    def run(self, action: Callable[[], object]) -> bool:
        """Run a service call; a refusal is shown on the message line (False)."""
        ...

    def say(self, text: str, *, error: bool = False) -> None: ...

    def reload(self) -> None: ...

    def announce_change(self, incident_id: int) -> None:
        """Tell the dialog's listeners (``changed``) that the incident changed."""
        ...

    def write(self, path: str, data: bytes) -> None:
        """Write a document or attachment where the person chose."""
        ...


def select_data(combo: QComboBox, value: str) -> None:
    """Make the item holding ``value`` current (nothing if there is none)."""
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
