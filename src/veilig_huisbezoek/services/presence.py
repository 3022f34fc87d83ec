"""Presence for the app: this session's heartbeat and everyone's presence (docs/design.md §4a).

Every logged-in person may do all three, for their own session only (on a team server
the server holds them to that). The times of a :class:`PresenceSnapshot` are moved onto
this workstation's clock (``ctx.clock``): a team server stamps heartbeats with its own
clock, and the snapshot shifts them by the difference between the two, so that a
workstation whose clock runs a minute late neither looks absent to the others nor sees
them as absent.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..domain.presence import PresenceSnapshot
from .context import ServiceContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# The difference between this workstation's clock and the store's, as last taken: each
# read measures it anew, a few milliseconds off each time (the server stamps its time at
# the start of its transaction). Kept while it moves less than this, so that presence
# times stay put from one read to the next and the schedule keeps each visit's moments
# (domain.reminders.ReminderMemo); a clock set or jumping moves it at once.
SHIFT_TOLERANCE = timedelta(seconds=1)
_shifts: WeakKeyDictionary[object, timedelta] = WeakKeyDictionary()
_shifts_lock = threading.Lock()


def _steady_shift(store: object, measured: timedelta) -> timedelta:
    with _shifts_lock:
        kept = _shifts.get(store)
        if kept is not None and abs(measured - kept) < SHIFT_TOLERANCE:
            return kept
        _shifts[store] = measured
        return measured


def new_session_id() -> str:
    """A random id for one login session (nothing about the machine or the person)."""
    return secrets.token_hex(16)


def heartbeat(ctx: ServiceContext, session_id: str, *, locked: bool = False) -> None:
    """This session is here (also while locked)."""
    ctx.store.heartbeat(session_id, ctx.actor.account_id, ctx.now(), locked=locked)


def end_session(ctx: ServiceContext, session_id: str) -> None:
    """An orderly logout or quit: absent at once."""
    ctx.store.end_presence(session_id, ctx.actor.account_id, ctx.now())


def read_presence(ctx: ServiceContext, session: Session | None = None) -> PresenceSnapshot:
    """Who is here; ``session``: in the caller's read snapshot (one transaction for a
    desk's whole reload instead of one more)."""
    now = ctx.now()
    sessions, store_now = ctx.store.read_presence(now, session)
    shift = _steady_shift(ctx.store, now - store_now)
    if shift:
        sessions = [
            replace(
                seen,
                seen_at=seen.seen_at + shift,
                ended_at=seen.ended_at + shift if seen.ended_at is not None else None,
            )
            for seen in sessions
        ]
    return PresenceSnapshot(tuple(sessions), now)
