"""Automatic encrypted backups in ``<data_dir>/backups/`` (docs/design.md, "People and
roles": backups).

The app calls :func:`backup_if_due` now and then (at login, and on a timer while it
runs): when the newest automatic backup is older than the ``backup_interval_hours``
setting, it writes a new one through :meth:`Store.backup` (an encrypted, consistent
copy with the key slots of the active accounts) and keeps only the newest
``backup_keep``. The backups folder is owner-only (0700), every file in it 0600.

File names carry the moment in UTC (``veilig-huisbezoek-20261123-020000.vhbackup``):
they sort in time order even across a DST change, and the age of the newest backup is
read from its name, not from the file's mtime (which a copy resets).

Making an automatic backup needs no particular role: it is a system task triggered by
whoever is logged in, and the copy holds nothing that person's key could not already
open. Restoring needs an account's password (:meth:`Store.restore`).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from ..domain.clock import Clock, SystemClock
from ..storage import audit
from ..storage.backup_file import set_aside_dir
from ..storage.keyslots import normalise_username
from ..storage.models import Account
from ..storage.store import (
    BACKUPS_DIR,
    Store,
    file_errors_as_store_error,
    holds_store,
)
from .context import ServiceContext
from .settings import load_settings

BACKUP_PREFIX = "veilig-huisbezoek-"
BACKUP_SUFFIX = ".vhbackup"
_NAME = re.compile(r"veilig-huisbezoek-(\d{8})-(\d{6})\.vhbackup", re.ASCII)
_STALE_TEMP_AGE_S = 24 * 3600


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime  # aware, UTC (from the file name)
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUPS_DIR


def backup_file_name(at: datetime) -> str:
    """``veilig-huisbezoek-YYYYMMDD-HHMMSS.vhbackup`` for the UTC moment ``at``."""
    if at.tzinfo is None:
        raise ValueError("backup_file_name needs an aware datetime")
    return f"{BACKUP_PREFIX}{at.astimezone(UTC):%Y%m%d-%H%M%S}{BACKUP_SUFFIX}"


def _parse_name(name: str) -> datetime | None:
    match = _NAME.fullmatch(name)
    if match is None:
        return None
    try:
        return datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S").replace(
            tzinfo=UTC
        )
    except ValueError:
        return None


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The automatic backups in ``data_dir/backups``, newest first.

    Only files named like an automatic backup count; anything else in the folder
    (e.g. a backup copied there by hand under another name) is listed by nobody and
    never deleted.
    """
    folder = backups_dir(data_dir)
    found: list[BackupInfo] = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    for entry in entries:
        created = _parse_name(entry.name)
        if created is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            size = entry.stat(follow_symlinks=False).st_size
        except OSError:
            continue
        found.append(BackupInfo(Path(entry.path), created, size))
    found.sort(key=lambda info: (info.created_at, info.name), reverse=True)
    return found


def latest_backup(data_dir: Path) -> BackupInfo | None:
    """The newest automatic backup, or None: what the app offers to restore when the
    database turns out to be damaged (restore with :meth:`Store.restore`)."""
    backups = list_backups(data_dir)
    return backups[0] if backups else None


def backup_due(data_dir: Path, now: datetime, interval: timedelta) -> bool:
    """True when there is no automatic backup younger than ``interval``.

    A backup dated an interval or more in the future means the clock was wrong when it
    was made (or is wrong now): it is ignored here, so backups neither stop until that
    date nor start again on every call (each new one would be "older" than it).
    """
    plausible = [b for b in list_backups(data_dir) if b.created_at < now + interval]
    if not plausible:
        return True
    return now - plausible[0].created_at >= interval


def _ensure_private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)


def _remove_stale_temp_dirs(folder: Path) -> None:
    """Temp folders of a backup interrupted by a crash (``kill -9``, power cut)."""
    cutoff = time.time() - _STALE_TEMP_AGE_S
    for entry in os.scandir(folder):
        if entry.name.startswith(".vh-backup-") and entry.is_dir(follow_symlinks=False):
            try:
                if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    shutil.rmtree(entry.path, ignore_errors=True)
            except OSError:
                continue


def make_backup(ctx: ServiceContext, now: datetime | None = None) -> BackupInfo:
    """Write a new automatic backup now and prune old ones (see :func:`backup_if_due`).

    Raises StoreError (e.g. DiskFullError, ReadOnlyStoreError) when it cannot be written;
    nothing half-written is left and the older backups are kept.
    """
    now = now or ctx.now()
    folder = backups_dir(ctx.store.data_dir)
    settings = load_settings(ctx)
    with file_errors_as_store_error(ctx.store.data_dir):
        _ensure_private_folder(folder)
        _remove_stale_temp_dirs(folder)
    target = folder / backup_file_name(now)
    ctx.store.backup(target)  # written owner-only (storage.files)
    info = BackupInfo(target, _parse_name(target.name) or now, target.stat().st_size)
    removed = prune_backups(ctx.store.data_dir, keep=settings.backup_keep, now=now)
    with ctx.store.session() as session:
        ctx.audit(session, "backup_made", "backup", target.name, "automatisch")
        for old in removed:
            ctx.audit(session, "backup_deleted", "backup", old.name, "bewaartermijn")
    return info


def prune_backups(data_dir: Path, *, keep: int, now: datetime | None = None) -> list[BackupInfo]:
    """Delete all but the newest ``keep`` automatic backups; returns the deleted ones.

    With ``now``, backups dated more than a day after it (made while the clock was
    wrong) count as the oldest: they go first instead of pushing real ones out.
    """
    if keep < 1:
        raise ValueError("keep at least one backup")
    ordered = list_backups(data_dir)
    if now is not None:
        limit = now + timedelta(days=1)
        ordered = [b for b in ordered if b.created_at <= limit] + [
            b for b in ordered if b.created_at > limit
        ]
    removed: list[BackupInfo] = []
    for old in ordered[keep:]:
        try:
            old.path.unlink()
        except FileNotFoundError:
            continue  # another process pruned it first
        removed.append(old)
    return removed


def backup_if_due(ctx: ServiceContext, now: datetime | None = None) -> BackupInfo | None:
    """Make an automatic backup when the newest is older than ``backup_interval_hours``.

    Returns the new backup, or None when none was due. The backup and every deletion of
    an old one are audit-logged (by file name: a timestamp, nothing personal).
    """
    if not ctx.store.keeps_local_backups:
        return None  # a team server is backed up on the server itself
    now = now or ctx.now()
    settings = load_settings(ctx)
    if not backup_due(ctx.store.data_dir, now, timedelta(hours=settings.backup_interval_hours)):
        return None
    return make_backup(ctx, now)


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    set_aside: Path | None  # where the damaged files went (inside the data folder)


def restore_from_backup(
    data_dir: Path,
    backup: BackupInfo,
    username: str,
    password: str,
    clock: Clock | None = None,
) -> RestoreResult:
    """Put an automatic backup back in place of a damaged (or missing) store.

    The damaged files are never overwritten or deleted: just before the checked copy is
    installed they are moved into a dated ``beschadigd-YYYYMMDD-HHMMSS`` folder inside
    the data folder (see :meth:`Store.restore`). A wrong name or password, or a backup
    that is itself damaged, changes nothing. The restore is audit-logged in the restored
    database (backup file name and folder name only).

    Raises AuthenticationError, StoreDamagedError, DiskFullError, ReadOnlyStoreError.
    """
    clock = clock or SystemClock()
    now = clock.now()
    set_aside = set_aside_dir(data_dir, now) if holds_store(data_dir) else None
    store = Store.restore(backup.path, data_dir, username, password, set_aside=set_aside)
    try:
        with store.session() as session:
            account_id = session.execute(
                select(Account.id).where(
                    Account.username == normalise_username(username), Account.active
                )
            ).scalar_one_or_none()
            audit.append(
                session,
                at=now,
                actor_id=account_id,
                action="backup_restored",
                object_type="backup",
                object_id=backup.name,
                detail=f"beschadigde bestanden in {set_aside.name}" if set_aside else "",
            )
    finally:
        store.close()
    return RestoreResult(backup, set_aside)
