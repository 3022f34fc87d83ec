"""Presence: who is logged in somewhere, and whether a running visit is watched
(docs/design.md §4a).

Pure rules, no Qt, no SQL. All instants are aware datetimes (compared in UTC).

* A logged-in session (locked counts) is **present**. It says so by a *heartbeat* in
  the store every :data:`HEARTBEAT_INTERVAL`; each heartbeat moves its ``seen_at``.
* A session is present while it has not ended (an orderly logout or quit ends it at
  once) and its last heartbeat is at most :data:`ABSENT_AFTER` old (three heartbeats):
  a session that stops without saying so (crash, power, network) expires by itself.
  A heartbeat from the future (a clock that runs ahead) counts as fresh.
* A person is present while any of their sessions is (one may be logged in on two
  workstations); their *last seen* is the newest ``seen_at`` of all their sessions.
* A running visit (onderweg, geëscaleerd) is **watched** while its buddy is present.
  Otherwise nobody watches it *since* the later of: the moment the buddy was last seen,
  and the visit's start (planned start; a buddy who left yesterday does not make
  "sinds" a time of yesterday). A buddy never seen (no heartbeat kept) counts from the
  visit's start. "Since" is never later than now (a visit that left before its planned
  start). A visit that is not running has no watcher line.

The failover rules (an unwatched visit alarms the others) build on :func:`watch_state`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .clock import ensure_utc, to_local

if TYPE_CHECKING:  # the window imports this at start-up: no checklist loading then
    from .visit import VisitState

HEARTBEAT_INTERVAL = timedelta(seconds=10)
# Absent when the newest heartbeat is older than three intervals.
ABSENT_AFTER = 3 * HEARTBEAT_INTERVAL
# Ended and expired sessions are kept this long (for "sinds"), then tidied away.
KEEP_ENDED = timedelta(days=1)


@dataclass(frozen=True)
class SessionSeen:
    """One session's heartbeat record, as the store keeps it."""

    account_id: int
    seen_at: datetime
    ended_at: datetime | None = None
    locked: bool = False


@dataclass(frozen=True)
class PersonPresence:
    """One person's presence at some instant."""

    account_id: int
    present: bool
    last_seen: datetime | None  # newest heartbeat of any session; None: never seen


def session_present(
    seen_at: datetime,
    now: datetime,
    *,
    ended_at: datetime | None = None,
    absent_after: timedelta = ABSENT_AFTER,
) -> bool:
    """Is a session with this last heartbeat present at ``now``?"""
    if ended_at is not None:
        return False
    return ensure_utc(now) - ensure_utc(seen_at) <= absent_after


def people_presence(
    sessions: Iterable[SessionSeen],
    now: datetime,
    *,
    absent_after: timedelta = ABSENT_AFTER,
) -> dict[int, PersonPresence]:
    """Per account: present when any session is; last seen = newest heartbeat."""
    present: dict[int, bool] = {}
    last: dict[int, datetime] = {}
    for seen in sessions:
        at = ensure_utc(seen.seen_at)
        alive = session_present(at, now, ended_at=seen.ended_at, absent_after=absent_after)
        present[seen.account_id] = present.get(seen.account_id, False) or alive
        if seen.account_id not in last or at > last[seen.account_id]:
            last[seen.account_id] = at
    return {
        account: PersonPresence(account, present[account], last[account]) for account in present
    }


@dataclass(frozen=True)
class WatchState:
    """Who watches a running visit: the buddy (``watched``) or nobody ``since``."""

    watched: bool
    since: datetime | None  # when nobody watches: since when (aware UTC); else None

    def text(self, buddy_first_name: str) -> str:
        """The Dutch line (the GUI translates the same two templates)."""
        if self.watched:
            return f"{buddy_first_name} kijkt mee"
        assert self.since is not None
        return f"niemand kijkt mee sinds {to_local(self.since).strftime('%H:%M')}"


def watch_state(
    state: VisitState,
    visit_start: datetime,
    buddy: PersonPresence | None,
    now: datetime,
) -> WatchState | None:
    """The watcher of a visit at ``now`` (see the module docstring); None when the
    visit is not running. ``buddy``: the buddy's presence (None: never seen)."""
    if not state.is_active:
        return None
    if buddy is not None and buddy.present:
        return WatchState(True, None)
    now_utc = ensure_utc(now)
    since = ensure_utc(visit_start)
    if buddy is not None and buddy.last_seen is not None:
        since = max(since, ensure_utc(buddy.last_seen))
    return WatchState(False, min(since, now_utc))


@dataclass(frozen=True)
class PresenceSnapshot:
    """The sessions seen lately, with times on this workstation's clock."""

    sessions: tuple[SessionSeen, ...] = ()
    read_at: datetime | None = None  # None: nothing read yet
    _people: dict[datetime, dict[int, PersonPresence]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def people(self, now: datetime) -> dict[int, PersonPresence]:
        """Everyone's presence at ``now`` (the last few instants are remembered)."""
        found = self._people.get(now)
        if found is None:
            if len(self._people) > 8:
                self._people.clear()
            found = self._people[now] = people_presence(self.sessions, now)
        return found

    def watch(
        self, state: VisitState, visit_start: datetime, buddy_id: int, now: datetime
    ) -> WatchState | None:
        """Who watches this visit at ``now`` (None: the visit is not running, or no
        presence has been read yet; nothing is claimed before the first read)."""
        if self.read_at is None:
            return None
        return watch_state(state, visit_start, self.people(now).get(buddy_id), now)
