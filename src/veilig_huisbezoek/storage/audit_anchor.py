"""Audit anchors: each backup records the audit log's head (id and hash of the newest
entry) at the moment it was made, in a member ``audit-head.json`` of the backup zip.

The hash chain alone cannot tell a log that was rewritten and re-chained from scratch,
or cut short at the end, from an honest one. A backup that survives can: the entry it
recorded must still be in today's log with exactly that hash (the hash covers every
entry before it too), and the chain must verify up to it.

The anchor holds two numbers and nothing personal; backups made before anchors existed
simply have none (they are counted, not refused).
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit
from .models import AuditEntry

ANCHOR_MEMBER = "audit-head.json"
ANCHOR_FORMAT = "veilig-huisbezoek/audit-head"
_HASH = re.compile(r"[0-9a-f]{64}", re.ASCII)
_MAX_ANCHOR_BYTES = 4096


@dataclass(frozen=True)
class AuditAnchor:
    entry_id: int
    hash: str

    def to_json(self) -> str:
        return json.dumps({"format": ANCHOR_FORMAT, "id": self.entry_id, "hash": self.hash})

    @classmethod
    def from_json(cls, text: str) -> AuditAnchor:
        """Parse an anchor; ``ValueError`` for anything that is not one."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != ANCHOR_FORMAT:
            raise ValueError("not an audit anchor")
        entry_id, digest = data.get("id"), data.get("hash")
        if type(entry_id) is not int or entry_id < 1:
            raise ValueError("anchor id must be a positive integer")
        if not isinstance(digest, str) or not _HASH.fullmatch(digest):
            raise ValueError("anchor hash must be 64 lower-case hex digits")
        return cls(entry_id, digest)


def read_anchor(backup_file: Path) -> AuditAnchor | None:
    """The anchor recorded in a backup; None for a backup made before anchors existed.

    Raises ``ValueError`` when the file is not a readable backup or its anchor is not
    well-formed, ``OSError`` when it cannot be read at all.
    """
    try:
        with zipfile.ZipFile(backup_file) as archive:
            try:
                info = archive.getinfo(ANCHOR_MEMBER)
            except KeyError:
                return None
            if info.file_size > _MAX_ANCHOR_BYTES:
                raise ValueError("anchor too large")
            raw = archive.read(info)
    except zipfile.BadZipFile as exc:
        raise ValueError("not a zip file") from exc
    try:
        return AuditAnchor.from_json(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError("anchor is not text") from exc


@dataclass(frozen=True)
class AnchorReport:
    checked: int  # backups whose anchor lies on today's chain
    without_anchor: int  # older backups (no anchor recorded)
    problems: tuple[str, ...]  # Dutch, one per backup; names the file, nothing personal

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def total(self) -> int:
        return self.checked + self.without_anchor + len(self.problems)

    def summary(self) -> str:
        """For the healthy line: how many backups were compared ("" when there were none)."""
        if not self.total:
            return ""
        text = f"klopt met {self.checked} {'back-up' if self.checked == 1 else 'back-ups'}"
        if self.without_anchor:
            older = "oudere back-up" if self.without_anchor == 1 else "oudere back-ups"
            text += f"; {self.without_anchor} {older} zonder ankerpunt"
        return text


def anchor_break(
    session: Session, anchor: AuditAnchor, chain: audit.ChainReport | None = None
) -> int | None:
    """None when ``anchor`` lies on today's chain, else the audit line that differs.

    The line is the first broken one of the chain when that lies at or before the
    anchor, else the anchor's own line (missing, or with another hash: it or a line
    before it was rewritten).
    """
    chain = chain or audit.verify_chain(session)
    if chain.first_bad_id is not None and chain.first_bad_id <= anchor.entry_id:
        return chain.first_bad_id
    entry = session.get(AuditEntry, anchor.entry_id)
    if entry is None or entry.hash != anchor.hash:
        return anchor.entry_id
    return None


def check_backup_anchors(session: Session, backup_files: Iterable[Path]) -> AnchorReport:
    """Compare each backup's recorded audit head with today's log (each file once)."""
    chain = audit.verify_chain(session)
    checked = without = 0
    problems: list[str] = []
    seen: set[Path] = set()
    for path in backup_files:
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        try:
            anchor = read_anchor(path)
        except (ValueError, OSError):
            problems.append(
                f"Back-up {path.name} kan niet gelezen worden: geen back-up van "
                "Veilig Huisbezoek of beschadigd"
            )
            continue
        if anchor is None:
            without += 1
            continue
        line = anchor_break(session, anchor, chain)
        if line is None:
            checked += 1
        else:
            problems.append(
                f"Auditlog wijkt af van back-up {path.name}: regel {line} of een regel "
                "daarvoor is sindsdien gewijzigd of verwijderd"
            )
    return AnchorReport(checked, without, tuple(problems))


def audit_head(session: Session) -> AuditAnchor | None:
    """The newest audit entry as an anchor (None for an empty log)."""
    last = session.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return AuditAnchor(last.id, last.hash) if last else None
