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
import threading
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from .engine import (
    BUSY_TIMEOUT_MS,
    READ_ONLY_OPTION,
    DatabaseError,
    open_engine,
    raw_key_literal,
)
from .errors import (
    AccessWithdrawnError,
    DiskFullError,
    ReadOnlyStoreError,
    StoreBusyError,
    StoreDamagedError,
    StoreError,
    StoreExistsError,
    StoreNotFoundError,
)
from .keyslots import (
    FIRST_GENERATION,
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
from .migrate import upgrade_to_head
from .models import Account, active_account_id
from .watching import PresenceQueries

# Below this much free space a store is not opened: SQLite would fail half-way through
# creating its -wal/-shm files and leave them behind. 1 MiB holds a few hundred pages.
MIN_FREE_BYTES = 1 << 20

DAMAGED_MESSAGE = (
    "De database is beschadigd of is geen database van Veilig Huisbezoek. "
    "Er is niets overschreven; herstel zo nodig een back-up."
)


def _free_bytes(folder: Path) -> int | None:
    # shutil, not os.statvfs: that does not exist on Windows (the desktops).
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


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


class Store(PresenceQueries):
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
                account_id = active_account_id(session, opened.slot_id)
            from .key_rotation import settle

            settle(store, opened, account_id)
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

    # A change to one visit, saving a new visit: here writes like any other, one at a
    # time; a team server runs them side by side (TeamStore.visit_session).
    def visit_session(self, visit_id: int | None) -> contextlib.AbstractContextManager[Session]:
        return self.session()

    def new_visit_session(self) -> contextlib.AbstractContextManager[Session]:
        return self.session()

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
            return active_account_id(session, slot_id), None

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
        from .key_rotation import begin_rotation

        begin_rotation(self, drop, keep)
        try:
            yield lambda: outcome
        except BaseException:
            # The slots are gone already: finish the rotation anyway (or leave it to
            # the next login), and report the body's error.
            with contextlib.suppress(StoreError):
                self.rotate_key()
            raise
        outcome = self.rotate_key()

    def rotate_key(self) -> KeyRotation:
        """Re-encrypt the database with the newest key generation this store knows.

        Call after the new generation was written to the key file (:meth:`revoking`).
        Returns PENDING when the database is open elsewhere (another process, or
        another login in this one): the next login that can finishes it.
        """
        newest = max(self._keys)
        if newest == self._generation:
            return KeyRotation.DONE
        from .key_rotation import rekey_to

        try:
            rekey_to(self, newest)
        except StoreBusyError:
            return KeyRotation.PENDING
        return KeyRotation.DONE

    # ---- health ---------------------------------------------------------------
    def verify(self) -> VerifyReport:
        """Pages, integrity, references, schema version and the audit chain."""
        from .health import verify_store

        return verify_store(self)

    # ---- backup / restore (storage/backup_file.py) ----------------------------------
    def backup(self, output: Path) -> None:
        """Write an encrypted, consistent backup (see :func:`.backup_file.write_backup`)."""
        from .backup_file import write_backup

        write_backup(self, output)

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
        """Restore a backup (see :func:`.backup_file.restore_backup`)."""
        from .backup_file import restore_backup

        return restore_backup(cls, backup_file, data_dir, username, password, set_aside)

    # ---- small queries used by several services ---------------------------------
    def count(self, model: type[object]) -> int:
        with self.session() as session:
            return int(session.execute(select(func.count()).select_from(model)).scalar_one())
