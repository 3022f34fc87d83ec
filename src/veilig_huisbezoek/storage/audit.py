"""Append-only, hash-chained audit log: who did what, when."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import Table, insert, select, text
from sqlalchemy.orm import Session

from .models import AuditEntry
from .sealed import RowBound

GENESIS = "0" * 64
_AUDIT_TABLE = cast(Table, AuditEntry.__table__)
# Built once (Core, on the table): the chain's head, and one entry.
_HEAD = select(_AUDIT_TABLE.c.id, _AUDIT_TABLE.c.hash).order_by(_AUDIT_TABLE.c.id.desc()).limit(1)
_INSERT = insert(_AUDIT_TABLE)
# Session.info key: the server gives each entry its place on the chain and its time.
SERVER_STAMPS = "vh_server_stamps"


def entry_hash(
    *,
    entry_id: int,
    at: datetime,
    actor_id: int | None,
    action: str,
    object_type: str,
    object_id: str,
    detail: str,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [entry_id, at.isoformat(), actor_id, action, object_type, object_id, detail, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _next_place(session: Session, at: datetime) -> tuple[int, str, datetime]:
    """The next entry's id, the hash it chains to and its time (aware UTC)."""
    if session.info.get(SERVER_STAMPS):
        # A team server names the next place on the chain and the time; it checks the
        # actor itself (rules.vh_audit_guard). A person cannot read the log there.
        entry_id, prev, server_at = session.execute(
            text("SELECT next_id, prev_hash, at FROM vh_audit_head()")
        ).one()
        at = server_at.replace(tzinfo=UTC)
    else:
        last = session.connection().execute(_HEAD).first()
        entry_id = (last.id + 1) if last else 1
        prev = last.hash if last else GENESIS
    return int(entry_id), str(prev), at.astimezone(UTC)


def append(
    session: Session,
    *,
    at: datetime,
    actor_id: int | None,
    action: str,
    object_type: str = "",
    object_id: str | int = "",
    detail: str = "",
) -> int:
    """Chain one entry onto the log as a single Core INSERT; returns its id. Pending ORM
    changes are flushed first, so the entry lands after what it records."""
    session.flush()
    entry_id, prev, at = _next_place(session, at)
    object_id = str(object_id)
    digest = entry_hash(
        entry_id=entry_id,
        at=at,
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
        prev_hash=prev,
    )
    session.connection().execute(
        _INSERT,
        {
            "id": entry_id,
            "at": at,
            "actor_id": actor_id,
            "action": action,
            "object_type": object_type,
            # Sealed on a server, bound to the entry's id (as the ORM hook does).
            "object_id": RowBound(object_id, entry_id),
            "detail": RowBound(detail, entry_id),
            "prev_hash": prev,
            "hash": digest,
        },
    )
    return entry_id


@dataclass(frozen=True)
class ChainReport:
    entries: int
    first_bad_id: int | None

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None


def verify_chain(session: Session) -> ChainReport:
    prev = GENESIS
    expected_id = 1
    count = 0
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
        recomputed = entry_hash(
            entry_id=entry.id,
            at=entry.at,
            actor_id=entry.actor_id,
            action=entry.action,
            object_type=entry.object_type,
            object_id=entry.object_id,
            detail=entry.detail,
            prev_hash=entry.prev_hash,
        )
        if entry.id != expected_id or entry.prev_hash != prev or entry.hash != recomputed:
            return ChainReport(count, entry.id)
        prev = entry.hash
        expected_id += 1
        count += 1
    return ChainReport(count, None)
