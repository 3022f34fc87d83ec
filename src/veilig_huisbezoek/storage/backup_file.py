"""Backup files of the embedded store: writing one (a consistent, encrypted copy with
its key slots and audit anchor) and restoring one into an empty folder, or over a
damaged store whose files are set aside first.

A backup is a zip::

    format.txt            "veilig-huisbezoek/backup 1"
    keyslots.json         the key slots of the active accounts, this key generation only
    database.sqlcipher    the encrypted copy (same key), exported in one read transaction
    audit-head.json       the audit log's head of that snapshot (id and hash only)
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from ..domain.clock import to_local
from ..domain.errors import msg
from .audit_anchor import ANCHOR_MEMBER, AuditAnchor
from .engine import raw_key_literal
from .errors import AccessWithdrawnError, StoreDamagedError, StoreError
from .files import write_atomically
from .keyslots import FailureLog, KeyRing, keyring_lock, read_keyring, write_keyring
from .layout import (
    BACKUPS_DIR,
    DB_FILE,
    KEYRING_FILE,
    KEYRING_LOCK_FILE,
    holds_store,
    keyring_path,
)
from .store import (
    Store,
    _damage_as_store_error,
    _nearest_existing,
    check_writable,
    file_errors_as_store_error,
)

BACKUP_FORMAT = "veilig-huisbezoek/backup"
_BACKUP_DB_MEMBER = "database.sqlcipher"
_BACKUP_KEYRING_MEMBER = "keyslots.json"
_BACKUP_MARKER_MEMBER = "format.txt"

# Restoring needs an empty folder, apart from these (left when the database was moved
# away): the automatic backups, the empty key-slot lock file and damaged stores set
# aside earlier (``beschadigd-YYYYMMDD-HHMMSS``).
_RESTORE_MAY_HOLD = frozenset({BACKUPS_DIR, KEYRING_LOCK_FILE})
SET_ASIDE_PREFIX = "beschadigd-"
# The files of a store that a restore over a damaged store moves aside (never deletes).
_STORE_FILES = (DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}-journal", KEYRING_FILE)


def _may_stay_when_restoring(name: str, *, replacing: bool) -> bool:
    if name in _RESTORE_MAY_HOLD or name.startswith(SET_ASIDE_PREFIX):
        return True
    return replacing and name in _STORE_FILES


def set_aside_dir(data_dir: Path, at: datetime) -> Path:
    """A new, dated folder name inside ``data_dir`` for a damaged store's files.

    ``at`` is shown in local time (what the person sees on the clock); a second damaged
    store in the same second gets ``-2``, ``-3``, …
    """
    base = f"{SET_ASIDE_PREFIX}{to_local(at):%Y%m%d-%H%M%S}"
    candidate = data_dir / base
    n = 2
    while candidate.exists():
        candidate = data_dir / f"{base}-{n}"
        n += 1
    return candidate


def _move_store_files(data_dir: Path, set_aside: Path) -> None:
    """Move a store's files into the new folder ``set_aside`` (same file system: renames)."""
    set_aside.mkdir(mode=0o700)
    for name in _STORE_FILES:
        source = data_dir / name
        if source.exists():
            os.replace(source, set_aside / name)


def _ring_for_backup(store: Store) -> KeyRing:
    """The slots on disk now (other processes may have added some), active accounts
    only, and only the key generation the copy is encrypted with.

    Old slots of changed passwords or removed accounts stay out of the backup.
    """
    with keyring_lock(store.data_dir):
        ring = read_keyring(keyring_path(store.data_dir))
    live = store._active_slot_ids()
    return replace(ring.keeping_only(live).only_generation(store.generation), failures=FailureLog())


def write_backup(store: Store, output: Path) -> None:
    """Write an encrypted, consistent backup (a zip of the encrypted copy + key slots).

    Runs inside one read transaction, so it is consistent while the app keeps writing.
    The zip also records the audit log's head of that snapshot (``audit-head.json``:
    id and hash only), the anchor ``admin verify`` checks today's log against.
    """
    output = output.resolve()
    with file_errors_as_store_error(_nearest_existing(output.parent)):
        output.parent.mkdir(parents=True, exist_ok=True)
    with (
        file_errors_as_store_error(output.parent),
        tempfile.TemporaryDirectory(prefix=".vh-backup-", dir=output.parent) as tmp,
    ):
        copy = Path(tmp) / _BACKUP_DB_MEMBER
        # Under the gate: the copy and its key slots are of the same key generation.
        with store._gate.shared():
            head = _export(store, copy, output.parent)
            ring = _ring_for_backup(store)
        packed = Path(tmp) / "backup.zip"
        with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as zf:
            zf.writestr(_BACKUP_MARKER_MEMBER, f"{BACKUP_FORMAT} 1\n")
            zf.writestr(_BACKUP_KEYRING_MEMBER, ring.to_json())
            zf.write(copy, _BACKUP_DB_MEMBER)
            if head is not None:
                zf.writestr(ANCHOR_MEMBER, AuditAnchor(int(head[0]), str(head[1])).to_json())
        write_atomically(output, packed.read_bytes())


def _export(store: Store, copy: Path, where: Path) -> tuple[int, str] | None:
    """An encrypted copy of the database (same key) in one read transaction; returns
    the audit head (id, hash) of that same snapshot: the backup's anchor."""
    raw = store.engine.raw_connection()
    try:
        with _damage_as_store_error(where):
            # Autocommit mode: ATTACH/DETACH cannot run inside a transaction; the
            # export itself runs in one explicit transaction, so it is a snapshot.
            cur = raw.cursor()
            cur.execute(
                "ATTACH DATABASE ? AS backup KEY ?", (str(copy), raw_key_literal(store._key))
            )
            try:
                cur.execute("BEGIN")
                head = cur.execute(
                    "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"
                ).fetchone()
                cur.execute("SELECT sqlcipher_export('backup')")
                cur.execute("COMMIT")
            finally:
                cur.execute("DETACH DATABASE backup")
                cur.close()
    finally:
        raw.close()
    return (int(head[0]), str(head[1])) if head is not None else None


def restore_backup(
    cls: type[Store],
    backup_file: Path,
    data_dir: Path,
    username: str,
    password: str,
    set_aside: Path | None = None,
) -> Store:
    """Restore a backup into an empty folder; checks the credentials and the copy first.

    Nothing is written into `data_dir` before the credentials and the copy check out.

    With ``set_aside`` (a new folder inside ``data_dir``, see :func:`set_aside_dir`)
    the folder may hold a (damaged) store: just before the checked copy is put in
    place, its database, -wal/-shm and key-slot files are *moved* into that folder,
    never overwritten or deleted. A wrong password or a bad backup moves nothing.
    """
    replacing = set_aside is not None
    if set_aside is not None and (
        set_aside.parent != data_dir or not set_aside.name.startswith(SET_ASIDE_PREFIX)
    ):
        raise ValueError("set_aside must be a beschadigd-… folder inside data_dir")
    if data_dir.exists() and any(
        not _may_stay_when_restoring(entry.name, replacing=replacing)
        for entry in data_dir.iterdir()
    ):
        raise StoreError(
            msg("De map {where} is niet leeg; herstel alleen in een lege map.", where=data_dir)
        )
    not_a_backup = StoreDamagedError(
        "Het bestand is geen back-up van Veilig Huisbezoek of is beschadigd."
    )
    try:
        archive = zipfile.ZipFile(backup_file)
    except FileNotFoundError:
        raise StoreError(msg("Back-upbestand niet gevonden: {file}", file=backup_file)) from None
    except (zipfile.BadZipFile, OSError):
        raise not_a_backup from None
    with archive:
        try:
            marker = archive.read(_BACKUP_MARKER_MEMBER).decode("ascii", "replace")
            ring_text = archive.read(_BACKUP_KEYRING_MEMBER).decode("utf-8")
        except (KeyError, UnicodeDecodeError, zipfile.BadZipFile):
            raise not_a_backup from None
        if not marker.startswith(BACKUP_FORMAT):
            raise not_a_backup
        ring = KeyRing.from_json(ring_text)
        opened = ring.open(username, password)
        if not opened.keys:
            raise AccessWithdrawnError()
        # The counters of failed logins start afresh with the restored key file.
        ring = replace(ring, failures=FailureLog())
        created = not data_dir.exists()
        if not created:
            check_writable(data_dir)
        with file_errors_as_store_error(_nearest_existing(data_dir)):
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".vh-restore-", dir=data_dir))
        try:
            with file_errors_as_store_error(data_dir):
                target = os.open(staging / DB_FILE, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
                with archive.open(_BACKUP_DB_MEMBER) as src, os.fdopen(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                    dst.flush()
                    os.fsync(dst.fileno())
            try:
                staged = cls._open_newest(staging, opened, ring, reread=False)
            except StoreDamagedError:
                raise StoreDamagedError(
                    "De database in deze back-up is beschadigd; kies een andere back-up."
                ) from None
            try:
                report = staged.verify()
            finally:
                staged.close()
            if not report.ok:
                raise StoreDamagedError(
                    msg("De back-up is beschadigd: {verdict}", verdict=report.verdict())
                )
            with file_errors_as_store_error(data_dir):
                # Key slots first, then renames only: a full disk cannot leave a
                # database without its key file behind.
                write_keyring(keyring_path(staging), ring)
                if set_aside is not None:
                    _move_store_files(data_dir, set_aside)
                for name in os.listdir(staging):
                    if name != KEYRING_FILE:
                        os.replace(staging / name, data_dir / name)
                os.replace(keyring_path(staging), keyring_path(data_dir))
        except (KeyError, zipfile.BadZipFile):
            raise not_a_backup from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            if created and not holds_store(data_dir):
                shutil.rmtree(data_dir, ignore_errors=True)
    store, _account = cls.unlock(data_dir, username, password)
    return store
