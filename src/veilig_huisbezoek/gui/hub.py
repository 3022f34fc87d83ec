"""Signals that connect the pages of the workspace without them knowing each other.

``offline`` is true while the team server is known to be unreachable (the main window
sets it from :class:`~.team_live.TeamLive`; always false on the embedded database).
Pages then hold back the reloads that would go to the server and keep showing the last
known state; when the connection is back the main window emits ``visits_changed`` and
``notes_changed`` once, and every page reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..domain.presence import PresenceSnapshot

if TYPE_CHECKING:
    from ..services.context import ServiceContext

# Log a colleague in at this desk (user name, password) → their own session; slow
# (Argon2id): call it on the task runner.
LogInHere = Callable[[str, str], "ServiceContext"]


class AppHub(QObject):
    # Something about visits or call-backs changed in the store: views reload.
    visits_changed = Signal()
    # Only these visits changed (a domain.folded_reads.VisitsTouched, from a team
    # server's live changes): the board and the schedule re-read just those (a visit
    # whose details only changed, only if they hold it), other views reload.
    visits_touched = Signal(object)
    # The register changed (proposed, approved, retired …).
    notes_changed = Signal()
    # Show one visit's full timeline (visit id).
    show_visit = Signal(int)
    # Open the call dialog for a visit (visit id, call-back id or None).
    call_requested = Signal(int, object)
    # Open one incident's form (incident id), e.g. from a deadline alarm.
    show_incident = Signal(int)
    # The visitor wants to report back from a visit (visit id), e.g. from an alarm.
    report_back_requested = Signal(int)
    # A page wants the status bar to say something (no personal data).
    status_message = Signal(str)
    # Who is there: a fresh ``PresenceSnapshot`` (gui/presence.py, every heartbeat).
    presence_changed = Signal(object)
    # A colleague logged in at this desk and takes over (their ServiceContext): the
    # window continues as their session (e.g. the buddy, when the visitor departs).
    switch_session = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.offline = False
        # The newest presence (empty until the first read: nobody is claimed absent).
        self.presence = PresenceSnapshot()
        # Set by the main window: a colleague logs in right here (None: not offered).
        self.log_in_here: LogInHere | None = None

    def set_presence(self, snapshot: PresenceSnapshot) -> None:
        self.presence = snapshot
        self.presence_changed.emit(snapshot)
