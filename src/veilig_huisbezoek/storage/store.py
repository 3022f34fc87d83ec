"""The encrypted store: a data folder with the SQLCipher database and its key slots.

Layout of a data folder::

    veilig-huisbezoek.db      SQLCipher 4 database (plus -wal / -shm while open)
    keyslots.json             the database key wrapped per account (no names inside)
    .keyslots.lock            empty lock file for read-modify-write of the key slots
    backups/                  automatic encrypted backups (services.backups), owner-only
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.clock import to_local
from . import audit
from .audit_anchor import ANCHOR_MEMBER, AuditAnchor
from .engine import READ_ONLY_OPTION, DatabaseError, open_engine, raw_key_literal
from .errors import (
    AuthenticationError,
    DiskFullError,
    ReadOnlyStoreError,
    StoreBusyError,
    StoreDamagedError,
    StoreError,
    StoreExistsError,
    StoreNotFoundError,
)
from .files import write_atomically
from .keyslots import KeyRing, new_database_key, read_keyring, write_keyring

# Re-exported: the data-folder names live in .layout (light to import).
from .layout import BACKUPS_DIR as BACKUPS_DIR
from .layout import DB_FILE as DB_FILE
from .layout import KEYRING_FILE as KEYRING_FILE
from .layout import KEYRING_LOCK_FILE as KEYRING_LOCK_FILE
from .layout import db_path as db_path
from .layout import holds_store as holds_store
from .layout import keyring_path as keyring_path
from .migrate import head_revision, upgrade_to_head
from .models import Account

# Below this much free space a store is not opened: SQLite would fail half-way through
# creating its -wal/-shm files and leave them behind. 1 MiB holds a few hundred pages.
MIN_FREE_BYTES = 1 << 20
BACKUP_FORMAT = "veilig-huisbezoek/backup"
_BACKUP_DB_MEMBER = "database.sqlcipher"
_BACKUP_KEYRING_MEMBER = "keyslots.json"
_BACKUP_MARKER_MEMBER = "format.txt"

DAMAGED_MESSAGE = (
    "De database is beschadigd of is geen database van Veilig Huisbezoek. "
    "Er is niets overschreven; herstel zo nodig een back-up."
)


def _free_bytes(folder: Path) -> int | None:
    try:
        stat = os.statvfs(folder)
    except OSError:
        return None
    return stat.f_bavail * stat.f_frsize


def _low_on_space(folder: Path | None) -> bool:
    if folder is None:
        return False
    free = _free_bytes(folder)
    return free is not None and free < MIN_FREE_BYTES


def check_writable(data_dir: Path) -> None:
    """Refuse up front a read-only data folder or a full disk.

    Checked before the database is opened, so such a folder is left exactly as it was
    (SQLite would otherwise fail half-way, e.g. after creating an empty -wal file).
    """
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise ReadOnlyStoreError(str(data_dir))
    for path in (
        db_path(data_dir),
        data_dir / f"{DB_FILE}-wal",
        data_dir / f"{DB_FILE}-shm",
    ):
        if path.exists() and not os.access(path, os.W_OK):
            raise ReadOnlyStoreError(str(path), is_file=True)
    if _low_on_space(data_dir):
        raise DiskFullError()


def _nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


@contextlib.contextmanager
def file_errors_as_store_error(where: Path) -> Iterator[None]:
    """A full disk or a read-only folder while writing files: a clear Dutch message."""
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError() from None
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise ReadOnlyStoreError(str(where)) from None
        raise


# Restoring needs an empty folder, apart from these (left when the database was moved
# away): the automatic backups, the empty key-slot lock file and damaged stores set
# aside earlier (``beschadigd-YYYYMMDD-HHMMSS``).
_RESTORE_MAY_HOLD = frozenset({BACKUPS_DIR, KEYRING_LOCK_FILE})
SET_ASIDE_PREFIX = "beschadigd-"
# The files of a store that a restore over a damaged store moves aside (never deletes).
_STORE_FILES = (DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", KEYRING_FILE)


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


def _check_pages(engine: Engine) -> None:
    """Read every page through SQLite (HMAC + structure) in a read-only snapshot.

    Run at open, before anything is written: a damaged or truncated file is refused
    untouched. In WAL mode this never blocks or is torn by a concurrent writer (unlike
    ``PRAGMA cipher_integrity_check``, which reads the file directly). Costs a few
    ms per MB of database (docs/performance.md).
    """
    with engine.execution_options(**{READ_ONLY_OPTION: True}).connect() as conn:
        rows = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check")]
        conn.rollback()
    if rows != ["ok"]:
        raise StoreDamagedError(DAMAGED_MESSAGE)


@dataclass(frozen=True)
class VerifyReport:
    problems: tuple[str, ...]
    audit_entries: int

    @property
    def ok(self) -> bool:
        return not self.problems

    def verdict(self, backups: str = "") -> str:
        """One Dutch line; ``backups`` adds how the log compared with the backups."""
        if self.ok:
            compared = f"; {backups}" if backups else ""
            return (
                "Database gezond: versleuteling, integriteit, verwijzingen en auditlog in orde "
                f"({self.audit_entries} auditregels{compared})."
            )
        return "Database beschadigd: " + "; ".join(self.problems)


@contextlib.contextmanager
def _damage_as_store_error(data_dir: Path | None = None) -> Iterator[None]:
    """SQLite errors as Dutch messages: busy, read-only, disk full, otherwise damaged."""
    try:
        yield
    except (DatabaseError, SADatabaseError) as exc:
        detail = str(exc.orig if isinstance(exc, SADatabaseError) else exc).lower()
        if "locked" in detail or "busy" in detail:
            raise StoreBusyError(
                "De database is bezet door een ander programma; probeer het zo opnieuw."
            ) from None
        if "readonly" in detail or "read-only" in detail:
            # SQLITE_READONLY: "attempt to write a readonly database".
            raise ReadOnlyStoreError(str(data_dir) if data_dir else "met de database") from None
        if "database or disk is full" in detail or (
            # SQLite reports a failed -shm/-wal extension as a plain I/O error.
            "disk i/o error" in detail and _low_on_space(data_dir)
        ):
            raise DiskFullError() from None
        raise StoreDamagedError(DAMAGED_MESSAGE) from None


class Store:
    """An unlocked store. Holds the database key in memory only."""

    # Automatic backup files in the data folder (a team server is backed up on the server).
    keeps_local_backups = True
    # Personal columns sealed per value (a team server): SQL cannot search inside them,
    # so the services match free text on the workstation. The embedded file is
    # encrypted as a whole and searched in SQL.
    sealed_columns = False
    # The store lives on a server that may become unreachable (StoreUnreachableError):
    # the reminder scheduler then keeps the visitors' contact details of its last
    # snapshot, to alarm locally with them.
    can_lose_connection = False

    def __init__(self, data_dir: Path, engine: Engine, key: bytes, ring: KeyRing) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self._key = key
        self._ring = ring
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False
        )

    # ---- opening --------------------------------------------------------------
    @classmethod
    def create(cls, data_dir: Path, *, kdf: dict[str, int | str] | None = None) -> Store:
        """Create an empty, migrated store. The caller adds the first account."""
        if holds_store(data_dir):
            raise StoreExistsError(str(data_dir))
        existing = _nearest_existing(data_dir)
        check_writable(existing)
        with file_errors_as_store_error(existing):
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Owner-only from the first byte; SQLite gives -wal/-shm the same mode.
            os.close(os.open(db_path(data_dir), os.O_CREAT | os.O_WRONLY, 0o600))
            key = new_database_key()
            ring = KeyRing.new(dict(kdf) if kdf else None)
            write_keyring(keyring_path(data_dir), ring)
        engine = open_engine(db_path(data_dir), key)
        try:
            with _damage_as_store_error(data_dir):
                upgrade_to_head(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(data_dir, engine, key, ring)

    @classmethod
    def read_keyring(cls, data_dir: Path) -> KeyRing:
        if not keyring_path(data_dir).exists():
            raise StoreNotFoundError(str(data_dir))
        if not db_path(data_dir).exists():
            raise StoreDamagedError(
                "Het databasebestand ontbreekt naast het sleutelbestand; herstel een back-up."
            )
        return read_keyring(keyring_path(data_dir))

    @classmethod
    def unlock(cls, data_dir: Path, username: str, password: str) -> tuple[Store, int]:
        """Open with a person's credentials; return the store and their account id.

        A wrong name or password is detected before the database file is opened, so
        nothing in the data folder changes.
        """
        ring = cls.read_keyring(data_dir)
        slot_id, key = ring.unlock(username, password)
        store = cls._open_with_key(data_dir, key, ring)
        with store.session() as session:
            account_id = session.execute(
                select(Account.id).where(Account.slot_id == slot_id, Account.active)
            ).scalar_one_or_none()
        if account_id is None:
            store.close()
            raise AuthenticationError()
        return store, account_id

    @classmethod
    def _open_with_key(cls, data_dir: Path, key: bytes, ring: KeyRing) -> Store:
        """Open, check every page, migrate. Nothing is written before all checks pass."""
        if db_path(data_dir).stat().st_size == 0:
            # SQLCipher would happily turn an empty file into a new, empty database.
            raise StoreDamagedError(DAMAGED_MESSAGE)
        check_writable(data_dir)
        engine = open_engine(db_path(data_dir), key)
        try:
            with _damage_as_store_error(data_dir):
                with engine.connect() as conn:
                    ours = conn.exec_driver_sql(
                        "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
                    ).scalar()
                if not ours:
                    raise StoreDamagedError(DAMAGED_MESSAGE)
                _check_pages(engine)
                upgrade_to_head(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(data_dir, engine, key, ring)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- sessions -------------------------------------------------------------
    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error."""
        with _damage_as_store_error(self.data_dir), self._sessions.begin() as session:
            yield session

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        """A consistent read-only snapshot that never blocks writers (nothing is committed)."""
        with _damage_as_store_error(self.data_dir), self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    # ---- key slots ------------------------------------------------------------
    def add_key_slot(self, username: str, password: str) -> str:
        """Wrap the database key for this name + password; returns the slot id.

        Written before the account row commits: a crash in between leaves a slot that
        opens no account (unlock also checks the account), never an account without one.
        """
        slot = self._ring.make_slot(username, password, self._key)
        self._modify_ring(lambda ring: ring.with_slot(slot))
        return slot.id

    def keyring_now(self) -> KeyRing:
        """The key slots as stored now (other processes may have changed them)."""
        return self.read_keyring(self.data_dir)

    def remove_key_slot(self, slot_id: str) -> None:
        self._modify_ring(lambda ring: ring.without_slot(slot_id))

    @contextlib.contextmanager
    def _ring_lock(self) -> Iterator[None]:
        with open(self.data_dir / KEYRING_LOCK_FILE, "a+b") as lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)

    def _modify_ring(self, change: Callable[[KeyRing], KeyRing]) -> None:
        """Read-modify-write under a lock, so two processes never drop each other's slots."""
        with file_errors_as_store_error(self.data_dir), self._ring_lock():
            ring = change(read_keyring(keyring_path(self.data_dir)))
            write_keyring(keyring_path(self.data_dir), ring)
            self._ring = ring

    def _ring_for_backup(self) -> KeyRing:
        """The slots on disk now (other processes may have added some), active accounts only.

        Old slots of changed passwords or removed accounts stay out of the backup.
        """
        with self._ring_lock():
            ring = read_keyring(keyring_path(self.data_dir))
        with self.session() as session:
            live = {
                slot
                for slot in session.execute(
                    select(Account.slot_id).where(Account.active, Account.slot_id.is_not(None))
                ).scalars()
                if slot
            }
        return ring.keeping_only(live)

    # ---- health -----------------------------------------------------------------
    def verify(self) -> VerifyReport:
        problems: list[str] = []
        audit_entries = 0
        try:
            with self.engine.connect() as conn:
                cipher = conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()
                if cipher:
                    problems.append(f"versleuteling: {len(cipher)} beschadigde pagina's")
                integrity = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                if integrity != ["ok"]:
                    problems.append(f"integriteit: {len(integrity)} fouten")
                fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if fk:
                    problems.append(f"verwijzingen: {len(fk)} verweesde regels")
                version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if version != head_revision():
                    problems.append("schemaversie onbekend")
            with self.session() as session:
                chain = audit.verify_chain(session)
                audit_entries = chain.entries
                if not chain.ok:
                    problems.append(f"auditlog gewijzigd vanaf regel {chain.first_bad_id}")
        except (StoreError, DatabaseError, SADatabaseError):
            problems.append("de database kan niet volledig gelezen worden")
        return VerifyReport(tuple(problems), audit_entries)

    # ---- backup / restore -----------------------------------------------------
    def backup(self, output: Path) -> None:
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
            raw = self.engine.raw_connection()
            try:
                with _damage_as_store_error(output.parent):
                    # Autocommit mode: ATTACH/DETACH cannot run inside a transaction; the
                    # export itself runs in one explicit transaction, so it is a snapshot.
                    cur = raw.cursor()
                    cur.execute(
                        "ATTACH DATABASE ? AS backup KEY ?", (str(copy), raw_key_literal(self._key))
                    )
                    try:
                        cur.execute("BEGIN")
                        # The audit head in the same snapshot as the copy: its anchor.
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
            packed = Path(tmp) / "backup.zip"
            with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as zf:
                zf.writestr(_BACKUP_MARKER_MEMBER, f"{BACKUP_FORMAT} 1\n")
                zf.writestr(_BACKUP_KEYRING_MEMBER, self._ring_for_backup().to_json())
                zf.write(copy, _BACKUP_DB_MEMBER)
                if head is not None:
                    zf.writestr(ANCHOR_MEMBER, AuditAnchor(int(head[0]), str(head[1])).to_json())
            write_atomically(output, packed.read_bytes())

    @classmethod
    def restore(
        cls,
        backup_file: Path,
        data_dir: Path,
        username: str,
        password: str,
        *,
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
            raise StoreError(f"De map {data_dir} is niet leeg; herstel alleen in een lege map.")
        not_a_backup = StoreDamagedError(
            "Het bestand is geen back-up van Veilig Huisbezoek of is beschadigd."
        )
        try:
            archive = zipfile.ZipFile(backup_file)
        except FileNotFoundError:
            raise StoreError(f"Back-upbestand niet gevonden: {backup_file}") from None
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
            _, key = ring.unlock(username, password)
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
                    staged = cls._open_with_key(staging, key, ring)
                except StoreDamagedError:
                    raise StoreDamagedError(
                        "De database in deze back-up is beschadigd; kies een andere back-up."
                    ) from None
                try:
                    report = staged.verify()
                finally:
                    staged.close()
                if not report.ok:
                    raise StoreDamagedError("De back-up is beschadigd: " + report.verdict())
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

    # ---- small queries used by several services ---------------------------------
    def count(self, model: type[object]) -> int:
        with self.session() as session:
            return int(session.execute(select(func.count()).select_from(model)).scalar_one())
