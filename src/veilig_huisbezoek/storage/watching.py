"""What a store answers about who is here and who watches a running visit
(docs/design.md §4a): presence heartbeats and the buddy of running visits.

The embedded store answers from its own tables and the caller's clock; a team server
(:class:`~.team.store.TeamStore`) overrides the clock (its own, the same for every
workstation), the session heartbeats use, and the answers a colleague may get.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection
from datetime import datetime

from sqlalchemy.orm import Session

from ..domain.handover import WatchHead
from ..domain.presence import SessionSeen, people_presence
from . import handover, presence


class PresenceQueries:
    """Presence and watching, for :class:`~.store.Store` (which provides ``session``)."""

    def session(self) -> contextlib.AbstractContextManager[Session]:
        raise NotImplementedError

    def _presence_session(self) -> contextlib.AbstractContextManager[Session]:
        """The session heartbeats use (a team server: without the write lock)."""
        return self.session()

    def _presence_now(self, session: Session, now: datetime) -> datetime:
        """The clock presence times are written in: here the caller's (a team server
        stamps its own, the same for every workstation)."""
        return now

    def heartbeat(self, session_id: str, account_id: int, now: datetime, *, locked: bool) -> None:
        """This login session is here (``locked``: behind the lock screen)."""
        with self._presence_session() as session:
            at = self._presence_now(session, now)
            presence.beat(session, session_id, account_id, at, locked)

    def end_presence(self, session_id: str, account_id: int, now: datetime) -> None:
        """An orderly logout: the session is absent at once."""
        with self._presence_session() as session:
            presence.end(session, session_id, account_id, self._presence_now(session, now))

    def read_presence(
        self, now: datetime, session: Session | None = None
    ) -> tuple[list[SessionSeen], datetime]:
        """Every session seen lately (all accounts) and the instant its times are to be
        compared with: ``now`` here, the server's own clock on a team server.
        ``session``: read in the caller's (a read snapshot), not in one of its own."""
        if session is None:
            with self._presence_session() as own:
                return self.read_presence(now, own)
        at = self._presence_now(session, now)
        return presence.read(session, at), at

    # ---- the buddy of a running visit (domain/handover.py) ----------------------------
    def watch_head(self, session: Session, visit_id: int) -> WatchHead | None:
        """State, visitor and buddy of a visit (a team server answers any colleague
        for a running visit, so that one may take it over)."""
        return handover.watch_head(session, visit_id)

    def running_heads(
        self, session: Session, visit_ids: Collection[int] | None = None
    ) -> list[handover.RunningHead]:
        """Every running visit's (``visit_ids``: of these) state, start, visitor and
        buddy (a team server answers any colleague, who may not read the visits)."""
        return handover.running_heads(session, visit_ids)

    def watch_beats(self) -> tuple[list[tuple[datetime, str]], datetime] | None:
        """The watch services' heartbeats (time, what is failing) and the instant to
        compare them with; None: no watch service here (only a team server has one)."""
        return None

    def buddy_present(self, session: Session, account_id: int, now: datetime) -> bool:
        """Is this person present now (a team server: by its own clock)?"""
        at = self._presence_now(session, now)
        found = people_presence(presence.read(session, at), at).get(account_id)
        return found is not None and found.present

    def change_buddy(
        self, session: Session, visit_id: int, from_buddy_id: int, to_buddy_id: int, now: datetime
    ) -> bool:
        """Compare-and-set of the buddy (storage/handover.py); a team server checks the
        rules again itself."""
        return handover.change_buddy(session, visit_id, from_buddy_id, to_buddy_id, now)
