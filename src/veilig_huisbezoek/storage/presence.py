"""The presence table behind a small repository API (rules: domain/presence.py).

Each function works in a session the store gives (``Store.heartbeat`` and friends);
nothing here is audited: heartbeats are frequent and carry nothing but an account id
and times. Upsert is ``INSERT … ON CONFLICT`` on both engines (SQLite, PostgreSQL).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..domain.presence import KEEP_ENDED, SessionSeen
from .models import PresenceSession


def beat(session: Session, session_id: str, account_id: int, now: datetime, locked: bool) -> None:
    """Insert this session's row or move its ``seen_at``; tidy the person's own rows
    last seen longer than :data:`KEEP_ENDED` ago. An ended session stays ended (a
    heartbeat queued behind the logout does not revive it)."""
    make = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    statement = make(PresenceSession).values(
        session_id=session_id,
        account_id=account_id,
        started_at=now,
        seen_at=now,
        locked=locked,
        ended_at=None,
    )
    statement = statement.on_conflict_do_update(
        index_elements=[PresenceSession.session_id],
        set_={"seen_at": statement.excluded.seen_at, "locked": statement.excluded.locked},
    )
    session.execute(statement)
    session.execute(
        delete(PresenceSession).where(
            PresenceSession.account_id == account_id,
            PresenceSession.seen_at < now - KEEP_ENDED,
        )
    )


def end(session: Session, session_id: str, account_id: int, now: datetime) -> None:
    """An orderly logout: this session is absent from ``now`` on."""
    session.execute(
        update(PresenceSession)
        .where(
            PresenceSession.session_id == session_id,
            PresenceSession.account_id == account_id,
            PresenceSession.ended_at.is_(None),
        )
        .values(seen_at=now, ended_at=now)
    )


# Built once: every departure reads presence (the hot path), bound at execution.
_READ = select(
    PresenceSession.account_id,
    PresenceSession.seen_at,
    PresenceSession.ended_at,
    PresenceSession.locked,
).where(PresenceSession.seen_at >= bindparam("since"))


def read(session: Session, now: datetime) -> list[SessionSeen]:
    """Every session seen since ``now - KEEP_ENDED`` (the team's, all accounts)."""
    rows = session.connection().execute(_READ, {"since": now - KEEP_ENDED})
    return [
        SessionSeen(account, seen, ended, bool(locked)) for account, seen, ended, locked in rows
    ]
