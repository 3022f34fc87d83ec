"""The watch service as the leidinggevenden see it (docs/design.md §4a, the last line):
is the headless watch next to the team server alive, and is something failing?

A status line for the app: "Wachtpost actief (14:03:05)", or red when the newest
heartbeat is more than :data:`SILENT_AFTER` old or says what fails. Times are moved
onto this workstation's clock, as presence is (the server stamps its own time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..domain.roles import Permission
from .context import ServiceContext

SILENT_AFTER = timedelta(minutes=2)


@dataclass(frozen=True)
class WatchStatus:
    last_beat: datetime  # the newest heartbeat, on this workstation's clock
    failing: str  # what the watch service says is failing ("" = nothing)
    silent: bool  # no heartbeat for more than SILENT_AFTER

    @property
    def ok(self) -> bool:
        return not self.failing and not self.silent


def watch_status(ctx: ServiceContext) -> WatchStatus | None:
    """The watch service's state for a leidinggevende on a team server; None: not a
    leidinggevende, not a team server, or no watch service has ever beaten there."""
    if not ctx.actor.may(Permission.SEE_TEAM_CASES):
        return None
    found = ctx.store.watch_beats()
    if found is None or not found[0]:
        return None
    beats, server_now = found
    beat_at, failing = beats[0]
    shift = ctx.now() - server_now
    return WatchStatus(beat_at + shift, failing, server_now - beat_at > SILENT_AFTER)
