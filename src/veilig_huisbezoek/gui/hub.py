"""Signals that connect the pages of the workspace without them knowing each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppHub(QObject):
    # Something about visits or call-backs changed in the store: views reload.
    visits_changed = Signal()
    # The register changed (proposed, approved, retired …).
    notes_changed = Signal()
    # Show one visit's full timeline (visit id).
    show_visit = Signal(int)
    # Open the call dialog for a visit (visit id, call-back id or None).
    call_requested = Signal(int, object)
    # Open one incident's form (incident id), e.g. from a deadline alarm.
    show_incident = Signal(int)
    # A page wants the status bar to say something (no personal data).
    status_message = Signal(str)
