"""The encrypted store: a data folder with the SQLCipher database and its key slots.

Layout of a data folder::

    veilig-huisbezoek.db      SQLCipher 4 database (plus -wal / -shm while open; a
                              -journal only while its key is being replaced)
    keyslots.json             a key pair per account, the database key wrapped to each,
                              failed-login counts (no names inside; see .keyslots)
    .keyslots.lock            empty lock file for read-modify-write of the key slots
    backups/                  automatic encrypted backups (services.backups), owner-only
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.clock import to_local
from ..domain.errors import msg
from ..domain.handover import WatchHead
from ..domain.presence import SessionSeen, people_presence
from . import audit, handover, presence
from .audit_anchor import ANCHOR_MEMBER, AuditAnchor
from .engine import (
    BUSY_TIMEOUT_MS,
    READ_ONLY_OPTION,
    DatabaseError,
    open_engine,
    raw_key_literal,
)
from .errors import (
    AccessWithdrawnError,
    AuthenticationError,
    DiskFullError,
    ReadOnlyStoreError,
    StoreBusyError,
    StoreDamagedError,
    StoreError,
    StoreExistsError,
    StoreNotFoundError,
)
from .files import sync_folder, write_atomically
from .keyslots import (
    FIRST_GENERATION,
    FailureLog,
    KeyRing,
    OpenedSlot,
    keyring_lock,
    new_database_key,
    read_keyring,
    update_keyring,
    write_keyring,
)

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
        data_dir / f"{DB_FILE}-journal",
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
        # The check filled this connection's page cache with the whole file (up to
        # cache_size, ~8 MiB); give it back, the pages are not needed again soon.
        conn.exec_driver_sql("PRAGMA shrink_memory")
    if rows != ["ok"]:
        raise StoreDamagedError(DAMAGED_MESSAGE)


def _open_checked(data_dir: Path, key: bytes) -> Engine:
    """An engine on the file with this key, after checking that the key fits and every
    page reads (StoreDamagedError otherwise; nothing written)."""
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
    except BaseException:
        engine.dispose()
        raise
    return engine


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


class KeyRotation(Enum):
    """What became of a request to replace the database key."""

    DONE = "done"  # the database (a team server: new values) uses the new key now
    PENDING = "pending"  # the new key is ready; the next login re-encrypts (open elsewhere)
    NOT_APPLICABLE = "not_applicable"  # nothing to replace


BUSY_ELSEWHERE_MESSAGE = (
    "De database is nog open in een ander venster of programma; de nieuwe sleutel wordt "
    "gebruikt zodra de database daar gesloten is."
)
GATE_TIMEOUT_S = 30.0

# Tests set this to stop (kill) a process at a named step of a key rotation.
_rotation_hook: Callable[[str], None] | None = None


def _step(name: str) -> None:
    if _rotation_hook is not None:
        _rotation_hook(name)


class _UseGate:
    """Threads of this process using the engine (shared), or one replacing it (exclusive).

    A key rotation closes the engine, re-encrypts the file and opens a new engine; the
    GUI's worker thread and the reminder scheduler use the same store, so they wait at
    the gate meanwhile instead of meeting a closed or wrongly keyed engine. The thread
    holding the gate exclusively may still open sessions itself.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._users: dict[int, int] = {}
        self._owner: int | None = None

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._cond:
            self._cond.wait_for(lambda: self._owner in (None, me))
            self._users[me] = self._users.get(me, 0) + 1
        try:
            yield
        finally:
            with self._cond:
                self._users[me] -= 1
                if not self._users[me]:
                    del self._users[me]
                self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self, timeout: float = GATE_TIMEOUT_S) -> Iterator[None]:
        me = threading.get_ident()
        with self._cond:
            if self._users.get(me):
                raise RuntimeError("the database key cannot be replaced inside a session")
            if not self._cond.wait_for(lambda: self._owner is None, timeout):
                raise StoreBusyError(BUSY_ELSEWHERE_MESSAGE)
            self._owner = me
            if not self._cond.wait_for(lambda: not self._users, timeout):
                self._owner = None
                self._cond.notify_all()
                raise StoreBusyError(BUSY_ELSEWHERE_MESSAGE)
        try:
            yield
        finally:
            with self._cond:
                self._owner = None
                self._cond.notify_all()


def _rekey_file(path: Path, old_key: bytes, new_key: bytes) -> None:
    """Re-encrypt the database file in place (``PRAGMA rekey``), in one transaction.

    SQLCipher 4's rekey reads and rewrites every page in one write transaction. It is
    run in rollback-journal mode, not WAL: the journal keeps the original pages under
    the old key, so a crash (``kill -9``) mid-way leaves a hot journal that the next
    connection rolls back (the file opens with the old key), and the commit (deleting
    the journal) switches the whole file to the new key at once. In WAL mode the new
    pages would sit in the -wal under the new key while other connections (this
    process's pool, other processes) still hold the old one; SQLCipher only supports
    that from version 5. Leaving WAL mode needs the only connection to the database, so
    it also proves that no other process has it open (they would keep the old key):
    otherwise StoreBusyError, and nothing was changed.

    The alternative, ``sqlcipher_export`` into a new file and a rename over the old one,
    was not chosen: a process that still has the old file open would go on writing to
    the replaced (deleted) file and lose those writes silently, a -wal left next to the
    new file could be replayed into it, and it needs twice the disk space.

    ``PRAGMA rekey`` reports no error when it fails (e.g. a read-only file): the caller
    checks that the file opens with the new key afterwards.
    """
    conn = sqlcipher3.connect(
        str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
    )
    try:
        cur = conn.cursor()
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute(f'PRAGMA key = "{raw_key_literal(old_key)}"')
        cur.execute("PRAGMA temp_store = MEMORY")
        try:
            busy = cur.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            mode = cur.execute("PRAGMA journal_mode = DELETE").fetchone()
        except DatabaseError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise StoreBusyError(BUSY_ELSEWHERE_MESSAGE) from None
            raise
        if (busy is not None and busy[0]) or mode is None or str(mode[0]).lower() != "delete":
            raise StoreBusyError(BUSY_ELSEWHERE_MESSAGE)
        cur.execute("PRAGMA synchronous = FULL")
        _step("rekey-started")
        cur.execute(f'PRAGMA rekey = "{raw_key_literal(new_key)}"')
        cur.close()
    finally:
        conn.close()


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
    # Removing an account or resetting a password replaces the database key around the
    # transaction (rotate_key, the key file); a team server replaces its team key inside
    # the transaction instead (rotate_in).
    rotates_key = True

    def __init__(
        self,
        data_dir: Path,
        engine: Engine,
        key: bytes,
        ring: KeyRing,
        *,
        generation: int = FIRST_GENERATION,
        keys: Mapping[int, bytes] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self._ring = ring
        self._gate = _UseGate()
        # Every generation's key this store knows (two while a rotation is in flight).
        self._keys: dict[int, bytes] = dict(keys or {})
        self._use_engine(engine, key, generation)

    def _use_engine(self, engine: Engine, key: bytes, generation: int) -> None:
        self.engine = engine
        self._key = key
        self._generation = generation
        self._keys[generation] = key
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False
        )

    @property
    def store_id(self) -> str:
        """This database's random id (its key file's; a team server's ``team_keyring``):
        the same for as long as the database lives, through key rotations and restores."""
        return self._ring.store_id

    @property
    def generation(self) -> int:
        """The generation of the database key the file is encrypted with now."""
        return self._generation

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
        nothing in the data folder changes. After a successful login the person's slot
        is brought up to date (a password slot becomes a key pair; a slot made from a
        non-NFC password is re-made from the NFC form) and a key rotation that was
        interrupted or postponed is finished.
        """
        ring = cls.read_keyring(data_dir)
        opened = ring.open(username, password)
        store = cls._open_newest(data_dir, opened, ring)
        try:
            with store.session() as session:
                account_id = session.execute(
                    select(Account.id).where(Account.slot_id == opened.slot_id, Account.active)
                ).scalar_one_or_none()
            if account_id is None:
                raise AuthenticationError()
            store._settle(opened, account_id)
        except BaseException:
            store.close()
            raise
        return store, account_id

    @classmethod
    def _open_newest(
        cls, data_dir: Path, opened: OpenedSlot, ring: KeyRing, *, reread: bool = True
    ) -> Store:
        """Open with the newest generation of the person's keys that fits the file.

        While a rotation is in flight the file is encrypted with the old or the new
        key (never neither): try the newest first. When none fits, the key file is read
        once more under its lock (a rotation may have committed since it was read).
        """
        error: StoreError = AccessWithdrawnError()
        for attempt in range(2):
            for generation in sorted(opened.keys, reverse=True):
                try:
                    return cls._open_with_key(
                        data_dir,
                        opened.keys[generation],
                        ring,
                        generation=generation,
                        keys=opened.keys,
                    )
                except StoreDamagedError as exc:
                    error = exc
            if attempt or not reread:
                break
            with file_errors_as_store_error(data_dir), keyring_lock(data_dir):
                newer = read_keyring(keyring_path(data_dir))
            reopened = newer.reopen(opened)
            if reopened is None or reopened.keys == opened.keys:
                break
            ring, opened = newer, reopened
        if opened.keys and max(ring.generations(), default=0) > max(opened.keys):
            # A newer key exists that this person did not get (their slot predates key
            # pairs): not damage, but a password the beheerder has to set again.
            raise AccessWithdrawnError()
        raise error

    @classmethod
    def _open_with_key(
        cls,
        data_dir: Path,
        key: bytes,
        ring: KeyRing,
        *,
        generation: int = FIRST_GENERATION,
        keys: Mapping[int, bytes] | None = None,
    ) -> Store:
        """Open, check every page, migrate. Nothing is written before all checks pass."""
        if db_path(data_dir).stat().st_size == 0:
            # SQLCipher would happily turn an empty file into a new, empty database.
            raise StoreDamagedError(DAMAGED_MESSAGE)
        check_writable(data_dir)
        engine = _open_checked(data_dir, key)
        try:
            with _damage_as_store_error(data_dir):
                upgrade_to_head(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(data_dir, engine, key, ring, generation=generation, keys=keys)

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
        with (
            self._gate.shared(),
            _damage_as_store_error(self.data_dir),
            self._sessions.begin() as session,
        ):
            yield session

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        """A consistent read-only snapshot that never blocks writers (nothing is committed)."""
        with (
            self._gate.shared(),
            _damage_as_store_error(self.data_dir),
            self._read_sessions() as session,
        ):
            try:
                yield session
            finally:
                session.rollback()

    # ---- presence (domain/presence.py) ----------------------------------------------
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

    def read_presence(self, now: datetime) -> tuple[list[SessionSeen], datetime]:
        """Every session seen lately (all accounts) and the instant its times are to be
        compared with: ``now`` here, the server's own clock on a team server."""
        with self._presence_session() as session:
            at = self._presence_now(session, now)
            return presence.read(session, at), at

    # ---- the buddy of a running visit (domain/handover.py) ----------------------------
    def watch_head(self, session: Session, visit_id: int) -> WatchHead | None:
        """State, visitor and buddy of a visit (a team server answers any colleague
        for a running visit, so that one may take it over)."""
        return handover.watch_head(session, visit_id)

    def running_heads(self, session: Session) -> list[handover.RunningHead]:
        """Every running visit's state, start, visitor and buddy (a team server answers
        any colleague, who may not read the visits themselves)."""
        return handover.running_heads(session)

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

    # ---- key slots ------------------------------------------------------------
    def add_key_slot(self, username: str, password: str) -> str:
        """Make a key pair for this name + password, with the database key wrapped to
        it (every generation this store knows); returns the slot id.

        Written before the account row commits: a crash in between leaves a slot that
        opens no account (unlock also checks the account), never an account without one.
        """
        slot = self._ring.make_person(username, password, self._keys)
        self._modify_ring(lambda ring: ring.with_slot(slot))
        return slot.id

    def keyring_now(self) -> KeyRing:
        """The key slots as stored now (other processes may have changed them)."""
        return self.read_keyring(self.data_dir)

    def remove_key_slot(self, slot_id: str) -> None:
        self._modify_ring(lambda ring: ring.without_slot(slot_id))

    # ---- accounts (a team server does these through its own functions) ------------
    def next_id(self, session: Session, table: str) -> int:
        """The id the next row of ``table`` gets (the write lock is held: BEGIN IMMEDIATE)."""
        return int(
            session.execute(text(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")).scalar_one()
        )

    def create_account(self, session: Session, account: Account, password: str) -> None:
        """Store a new (already audited) account with a key slot for its password."""
        account.slot_id = self.add_key_slot(account.username, password)
        session.add(account)
        session.flush()

    def new_slot_for(self, username: str, password: str) -> str | None:
        """A slot for someone's new password, made before the transaction that points
        their account at it (:meth:`set_password`); None where the server makes it."""
        return self.add_key_slot(username, password)

    def set_password(
        self,
        session: Session,
        account: Account,
        password: str,
        *,
        slot_id: str | None,
        reset: tuple[int, int | None, datetime] | None,
    ) -> None:
        """Point the account at the new slot; ``reset`` (by whom, co-signed by whom,
        when): someone else set it, noted for the person's next login."""
        account.slot_id = slot_id
        if reset is not None:
            account.password_reset_by, account.password_reset_cosigner, at = reset
            account.password_reset_at = at

    def remove_account(self, session: Session, account: Account, now: datetime) -> None:
        """Deactivate (its slot goes with the surrounding :meth:`revoking`)."""
        account.active = False
        account.slot_id = None
        account.removed_at = now

    def use_cosignature(self, session: Session, token: str | None) -> None:
        """A team server checks the co-signer's proof; here the app checked the password."""

    def rotate_in(self, session: Session, audit_rotation: Callable[[int], None]) -> None:
        """Replace the key inside the caller's transaction (a team server: a new team key
        generation, audited with ``audit_rotation``). The embedded store replaces its key
        around the transaction instead (:meth:`revoking`): nothing here."""

    def account_key_states(self) -> dict[int, str] | None:
        """Per active account whether its key slot opens the current key, where the
        store works that out itself (a team server); None: from :meth:`keyring_now`."""
        return None

    def co_sign(
        self, username: str, password: str, purpose: str, for_account: int
    ) -> tuple[int, str | None]:
        """Check a co-signer's name and password (slow: Argon2id); their account id."""
        slot_id, _key = self.keyring_now().unlock(username, password)
        with self.session() as session:
            account_id = session.execute(
                select(Account.id).where(Account.slot_id == slot_id, Account.active)
            ).scalar_one_or_none()
        if account_id is None:
            raise AuthenticationError()
        return int(account_id), None

    def _modify_ring(self, change: Callable[[KeyRing], KeyRing]) -> None:
        """Read-modify-write under a lock, so two processes never drop each other's slots."""
        with file_errors_as_store_error(self.data_dir):
            self._ring = update_keyring(self.data_dir, change)

    def _active_slot_ids(self) -> set[str]:
        with self.read_session() as session:
            return {
                slot
                for slot in session.execute(
                    select(Account.slot_id).where(Account.active, Account.slot_id.is_not(None))
                ).scalars()
                if slot
            }

    def _ring_for_backup(self) -> KeyRing:
        """The slots on disk now (other processes may have added some), active accounts
        only, and only the key generation the copy is encrypted with.

        Old slots of changed passwords or removed accounts stay out of the backup.
        """
        with keyring_lock(self.data_dir):
            ring = read_keyring(keyring_path(self.data_dir))
        live = self._active_slot_ids()
        return replace(
            ring.keeping_only(live).only_generation(self._generation), failures=FailureLog()
        )

    # ---- replacing the database key -----------------------------------------------
    @contextlib.contextmanager
    def revoking(
        self, slot_ids: Collection[str], *, keep: Collection[str] = ()
    ) -> Iterator[Callable[[], KeyRotation]]:
        """Take these key slots away for good, around the caller's transaction.

        Before the body runs, the slots leave the key file and a new database key is
        wrapped to every other active account's key pair (and to the slots in
        ``keep``, e.g. a new password's slot not yet in the database) in one atomic
        write; after the body the database is re-encrypted with the new key
        (:meth:`rotate_key`). Yields a function that says what happened to the key.

        A team server (``rotates_key`` false) only removes the slots, after the body.
        """
        drop = {slot for slot in slot_ids if slot}
        outcome = KeyRotation.NOT_APPLICABLE
        if not self.rotates_key:
            yield lambda: outcome
            for slot in drop:
                self.remove_key_slot(slot)
            return
        outcome = KeyRotation.PENDING
        self._begin_rotation(drop, keep)
        try:
            yield lambda: outcome
        except BaseException:
            # The slots are gone already: finish the rotation anyway (or leave it to
            # the next login), and report the body's error.
            with contextlib.suppress(StoreError):
                self.rotate_key()
            raise
        outcome = self.rotate_key()

    def _begin_rotation(self, drop: Collection[str], keep: Collection[str]) -> None:
        recipients = (self._active_slot_ids() | set(keep)) - set(drop)
        new_key = new_database_key()
        chosen: list[int] = []

        def begin(ring: KeyRing) -> KeyRing:
            generation = max(ring.generations() | set(self._keys)) + 1
            chosen.append(generation)
            ring = ring.without_slots(drop)
            return ring.with_generation(generation, new_key, recipients, self._keys)

        _step("before-begin")
        self._modify_ring(begin)
        self._keys[chosen[-1]] = new_key
        _step("begun")

    def rotate_key(self) -> KeyRotation:
        """Re-encrypt the database with the newest key generation this store knows.

        Call after the new generation was written to the key file (:meth:`revoking`).
        Returns PENDING when the database is open elsewhere (another process, or
        another login in this one): the next login that can finishes it.
        """
        newest = max(self._keys)
        if newest == self._generation:
            return KeyRotation.DONE
        try:
            self._rekey_to(newest)
        except StoreBusyError:
            return KeyRotation.PENDING
        return KeyRotation.DONE

    def _rekey_to(self, generation: int) -> None:
        """The rotation proper. At every moment the file opens with the old or the new
        key, and the key file holds that key for every remaining person:

        1. (:meth:`_begin_rotation`) keyslots.json gains the new generation, atomically,
           next to the old one: both keys are wrapped to everyone;
        2. the file is re-encrypted in one transaction (:func:`_rekey_file`): a crash
           before its commit rolls back to the old key, after it the new key holds;
        3. the file is checked with the new key; keyslots.json drops the old generation.

        A crash after 1 or 2 leaves both generations in the file: the next login opens
        with whichever fits and then repeats 2 or finishes 3.
        """
        new_key = self._keys[generation]
        with (
            file_errors_as_store_error(self.data_dir),
            self._gate.exclusive(),
            keyring_lock(self.data_dir),
        ):
            ring = read_keyring(keyring_path(self.data_dir))
            if generation != max(ring.generations(), default=0):
                raise StoreBusyError(BUSY_ELSEWHERE_MESSAGE)  # a newer rotation was begun
            self.engine.dispose()
            with _damage_as_store_error(self.data_dir):
                _rekey_file(db_path(self.data_dir), self._key, new_key)
            _step("rekeyed")
            sync_folder(self.data_dir)
            try:
                engine = _open_checked(self.data_dir, new_key)
            except StoreDamagedError:
                # PRAGMA rekey failed without saying so: the file kept the old key.
                raise StoreError(
                    "De database kon niet opnieuw versleuteld worden; hij blijft met de "
                    "oude sleutel werken. Probeer het later opnieuw."
                ) from None
            old_engine = self.engine
            self._use_engine(engine, new_key, generation)
            old_engine.dispose()
            self._tidy_ring(ring, self._active_slot_ids())
        _step("done")

    def _tidy_ring(self, ring: KeyRing, recipients: Collection[str]) -> None:
        """The file opens with this store's generation: wrap it to the active accounts
        (``recipients``) that still lack it and forget older generations. Call under
        the key-file lock."""
        _step("before-cleanup")
        ring = ring.with_generation(
            self._generation, self._key, recipients, self._keys
        ).only_generation(self._generation)
        write_keyring(keyring_path(self.data_dir), ring)
        self._ring = ring
        self._keys = {self._generation: self._key}

    def _settle(self, opened: OpenedSlot, account_id: int) -> None:
        """After a login: upgrade the person's slot; finish an interrupted rotation."""
        if opened.needs_upgrade:
            self._upgrade_slot(opened, account_id)
        generations = self.keyring_now().generations()
        newest = max(generations, default=self._generation)
        if newest == self._generation and generations != {self._generation}:
            # The rotation committed but was not cleaned up (a crash after step 2).
            recipients = self._active_slot_ids()  # before the lock: gate, then lock
            with file_errors_as_store_error(self.data_dir), keyring_lock(self.data_dir):
                ring = read_keyring(keyring_path(self.data_dir))
                if max(ring.generations(), default=0) == self._generation:
                    self._tidy_ring(ring, recipients)
        elif newest > self._generation and newest in self._keys:
            with contextlib.suppress(StoreBusyError):
                self._rekey_to(newest)

    def _upgrade_slot(self, opened: OpenedSlot, account_id: int) -> None:
        """A password slot becomes a key pair; a slot of a non-NFC password is re-made
        from the NFC form (a new slot id, so the account row follows)."""
        slot = self._ring.upgraded(replace(opened, keys={**opened.keys, **self._keys}))
        self._modify_ring(lambda ring: ring.with_slot(slot))
        if slot.id != opened.slot_id:
            with self.session() as session:
                account = session.get(Account, account_id)
                assert account is not None
                account.slot_id = slot.id
            self.remove_key_slot(opened.slot_id)

    # ---- health -----------------------------------------------------------------
    def verify(self) -> VerifyReport:
        problems: list[str] = []
        audit_entries = 0
        try:
            with self._gate.shared(), self.engine.connect() as conn:
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
            # Under the gate: the copy and its key slots are of the same key generation.
            with self._gate.shared():
                head = self._export(copy, output.parent)
                ring = self._ring_for_backup()
            packed = Path(tmp) / "backup.zip"
            with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as zf:
                zf.writestr(_BACKUP_MARKER_MEMBER, f"{BACKUP_FORMAT} 1\n")
                zf.writestr(_BACKUP_KEYRING_MEMBER, ring.to_json())
                zf.write(copy, _BACKUP_DB_MEMBER)
                if head is not None:
                    zf.writestr(ANCHOR_MEMBER, AuditAnchor(int(head[0]), str(head[1])).to_json())
            write_atomically(output, packed.read_bytes())

    def _export(self, copy: Path, where: Path) -> tuple[int, str] | None:
        """An encrypted copy of the database (same key) in one read transaction; returns
        the audit head (id, hash) of that same snapshot: the backup's anchor."""
        raw = self.engine.raw_connection()
        try:
            with _damage_as_store_error(where):
                # Autocommit mode: ATTACH/DETACH cannot run inside a transaction; the
                # export itself runs in one explicit transaction, so it is a snapshot.
                cur = raw.cursor()
                cur.execute(
                    "ATTACH DATABASE ? AS backup KEY ?", (str(copy), raw_key_literal(self._key))
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
            raise StoreError(
                msg("De map {where} is niet leeg; herstel alleen in een lege map.", where=data_dir)
            )
        not_a_backup = StoreDamagedError(
            "Het bestand is geen back-up van Veilig Huisbezoek of is beschadigd."
        )
        try:
            archive = zipfile.ZipFile(backup_file)
        except FileNotFoundError:
            raise StoreError(
                msg("Back-upbestand niet gevonden: {file}", file=backup_file)
            ) from None
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

    # ---- small queries used by several services ---------------------------------
    def count(self, model: type[object]) -> int:
        with self.session() as session:
            return int(session.execute(select(func.count()).select_from(model)).scalar_one())
