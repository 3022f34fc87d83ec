"""TeamStore: the services' store on a team's PostgreSQL server.

The same surface as the embedded :class:`~..store.Store` (``session()``,
``read_session()``, ``close()``, key slots, ``verify()``), so the services do not know
which one they run on. Differences:

* each person connects as their own database role (row-level security applies to
  them, see :mod:`.schema`); the owner's URL is used only to set a server up or migrate;
* personal columns are sealed client-side with the team key (:mod:`..sealed`); a
  lookup by address (postcode, house number, addition) is rewritten to the blind index
  ``address_bidx``; other SQL conditions on sealed columns are refused with a clear
  message instead of silently finding nothing;
* write transactions take one advisory lock, so they run one at a time as in the
  embedded store (the audit chain's next id stays unique); read sessions are
  ``REPEATABLE READ READ ONLY`` snapshots;
* there are no local backup files: the server's administrator backs it up (pg_dump);
* while the app's live connection knows the server is lost (:meth:`TeamStore.
  server_lost`, :meth:`TeamStore.set_reachable`), sessions fail at once with
  :class:`TeamUnreachableError` instead of each waiting up to the connect timeout, and
  a query already waiting on a server that stopped answering is cut off.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import weakref
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Engine,
    String,
    bindparam,
    create_engine,
    event,
    literal_column,
    select,
    text,
    true,
)
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.pool import NullPool
from sqlalchemy.sql import operators, visitors
from sqlalchemy.sql.elements import BinaryExpression, BindParameter, ColumnClause

from ...domain.errors import msg
from ...domain.handover import WatchHead
from ...domain.visit import VisitState
from .. import audit
from ..errors import (
    AccessWithdrawnError,
    AuthenticationError,
    StoreError,
    StoreExistsError,
    StoreUnreachableError,
)
from ..handover import RunningHead
from ..keyslots import (
    FIRST_GENERATION,
    KeyEntry,
    KeyRing,
    KeySlot,
    OpenedSlot,
    PersonSlot,
    Slot,
    WithdrawnSlot,
    new_database_key,
    normalise_username,
)
from ..keywrap import (
    NONCE_BYTES,
    PUBLIC_BYTES,
    Sealed,
    WrappedKey,
    new_private_key,
    normalise_password,
)
from ..migrate import current_revision, head_revision, upgrade_to_head
from ..models import Account, UnsafeAddressNote, Visit
from ..sealed import SEALER_ATTRIBUTE, Sealer, is_sealed
from ..store import KeyRotation, Store, VerifyReport, _step
from . import reseal, rules, schema
from .location import TeamLocation

# 'VHte': one writer at a time, like SQLite's BEGIN IMMEDIATE (the audit guard takes it too).
WRITE_LOCK = rules.WRITE_LOCK
_ADDRESS = ("postcode", "house_number", "addition")

UNREACHABLE_MESSAGE = (
    "De teamserver is niet bereikbaar. Wat u ziet is de laatst bekende stand; "
    "de app probeert het opnieuw."
)


class TeamUnreachableError(StoreUnreachableError):
    def __init__(self) -> None:
        super().__init__(UNREACHABLE_MESSAGE)


class TeamRefusedError(StoreError):
    """The server's own rules (row-level security, grants) refused the change."""


class TeamSearchError(StoreError):
    """A SQL condition on a sealed column: a programming error (the services match free
    text on the workstation when ``store.sealed_columns``), never silently no rows."""

    def __init__(self) -> None:
        super().__init__(
            "Op een teamserver zijn namen en adressen versleuteld: de server kan er niet in zoeken."
        )


def _is_auth_failure(exc: BaseException) -> bool:
    detail = str(exc).lower()
    return (
        "password authentication failed" in detail
        or "not permitted to log in" in detail  # a removed account's role (NOLOGIN)
        or ("role" in detail and "not exist" in (detail))
    )


@contextlib.contextmanager
def _server_errors() -> Iterator[None]:
    try:
        yield
    except OperationalError:
        # Connection refused or lost, TLS failure, server shutting down.
        raise TeamUnreachableError() from None
    except DBAPIError as exc:
        code = getattr(exc.orig, "sqlstate", None)
        diag = getattr(exc.orig, "diag", None)
        own = getattr(diag, "message_hint", None) == rules.REFUSAL_HINT
        if code in ("42501", "P0001") or own:  # insufficient_privilege, or our own rules
            reason = getattr(diag, "message_primary", "") if own else ""
            # The server's own reason (its rules' text, from PostgreSQL) stays Dutch.
            raise TeamRefusedError(
                msg("De teamserver weigert dit voor uw account: {reason}.", reason=reason)
                if reason
                else "De teamserver weigert dit voor uw account (rechten per rol)."
            ) from None
        raise


def _open_engine(url: Any, store_box: dict[str, TeamStore]) -> Engine:
    engine = create_engine(
        url,
        pool_size=2,
        max_overflow=4,
        pool_pre_ping=True,
        # Bound parameters hold (sealed) personal data: keep them out of error messages.
        hide_parameters=True,
    )

    @event.listens_for(engine, "do_connect")
    def _current_password(_dialect: Any, _rec: Any, _args: Any, cparams: dict[str, Any]) -> None:
        # After a password change the pool's new connections use the new secret.
        store = store_box.get("store")
        if store is not None and not store.reachable:
            # Known lost (e.g. the pool reconnecting after a failed ping): fail now
            # instead of waiting for the connect timeout.
            raise TeamUnreachableError()
        if store is not None and store.db_password is not None:
            cparams["password"] = store.db_password

    connections = _CONNECTIONS[engine] = weakref.WeakSet()

    @event.listens_for(engine, "connect")
    def _track(dbapi_connection: Any, _rec: Any) -> None:
        connections.add(dbapi_connection)

    return engine


# Every DBAPI connection an engine opened (weakly held), for TeamStore.server_lost().
_CONNECTIONS: weakref.WeakKeyDictionary[Engine, weakref.WeakSet[Any]] = weakref.WeakKeyDictionary()


def _cut(dbapi_connection: Any) -> None:
    """Shut a psycopg connection's socket down under it: a thread blocked reading from
    it wakes with an error at once. Safe from another thread (only the socket is
    touched; the owner thread finds the connection broken and discards it)."""
    with contextlib.suppress(Exception):  # already closed, or no socket
        fd = dbapi_connection.pgconn.socket
        sock = socket.socket(fileno=os.dup(fd))
        try:
            sock.shutdown(socket.SHUT_RDWR)
        finally:
            sock.close()


def _address_values(where: Any) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for element in visitors.iterate(where):
        if (
            isinstance(element, BinaryExpression)
            and element.operator is operators.eq
            and isinstance(element.left, ColumnClause)
            and isinstance(element.right, BindParameter)
            and element.left.name in _ADDRESS
            and element.left.table is not None
        ):
            table = str(getattr(element.left.table, "name", ""))
            found.setdefault(table, {})[element.left.name] = element.right.effective_value
    return {table: values for table, values in found.items() if len(values) == 3}


def rewrite_for_blind_index(statement: Any, sealer: Sealer) -> Any:
    """Replace ``postcode = … AND house_number = … AND addition = …`` by the blind index
    (under each key generation the sealer knows); refuse any other condition on a sealed
    column (it could never match)."""
    where = getattr(statement, "whereclause", None)
    if where is None:
        return statement
    lookups = _address_values(where)
    if lookups:

        def replace(element: Any) -> Any:
            if (
                isinstance(element, BinaryExpression)
                and element.operator is operators.eq
                and isinstance(element.left, ColumnClause)
                and element.left.name in _ADDRESS
                and str(getattr(element.left.table, "name", "")) in lookups
            ):
                table = str(element.left.table.name)  # type: ignore[union-attr]
                if element.left.name != "postcode":
                    return true()
                values = lookups[table]
                # Every generation's index: rows not yet re-indexed after a key rotation
                # (admin reseal) are found too.
                indexes = sealer.address_indexes(
                    table,
                    str(values["postcode"]),
                    int(values["house_number"]),
                    str(values["addition"]),
                )
                column = literal_column(f'"{table}".address_bidx', String())
                if len(indexes) == 1:
                    return column == bindparam(None, indexes[0], type_=String())
                return column.in_([bindparam(None, i, type_=String()) for i in indexes])
            return None

        statement = visitors.replacement_traverse(statement, {}, replace)  # type: ignore[call-overload]
        where = statement.whereclause
    for element in visitors.iterate(where):
        if isinstance(element, ColumnClause) and is_sealed(element.type):
            raise TeamSearchError()
    return statement


@dataclass(frozen=True)
class TeamVerifyReport(VerifyReport):
    """``verify`` on a team server: problems, and notices that are no damage (values
    still sealed with an older team key, waiting for ``admin reseal``)."""

    notices: tuple[str, ...] = ()

    def verdict(self, backups: str = "") -> str:
        line = super().verdict(backups)
        return " ".join((line, *self.notices)) if self.ok else line


def _wrapped_bytes(wrapped: WrappedKey) -> bytes:
    return wrapped.ephemeral + wrapped.nonce + wrapped.ciphertext


def _wrapped_from(blob: bytes) -> WrappedKey:
    middle = PUBLIC_BYTES + NONCE_BYTES
    return WrappedKey(blob[:PUBLIC_BYTES], blob[PUBLIC_BYTES:middle], blob[middle:])


def _key_pair_parts(slot: PersonSlot) -> dict[str, Any]:
    """The bind parameters of a key-pair slot for the server's account functions."""
    generations = sorted(slot.keys)
    return {
        "s": slot.id,
        "n": slot.private_key.nonce,
        "k": slot.private_key.ciphertext,
        "pub": slot.public_key,
        "g": generations,
        "w": [_wrapped_bytes(slot.keys[g].wrapped) for g in generations],
        "t": [slot.keys[g].tag for g in generations],
    }


_KEY_PAIR_SQL = ":s, :n, :k, :pub, CAST(:g AS integer[]), CAST(:w AS bytea[]), CAST(:t AS bytea[])"


class TeamStore(Store):
    """An unlocked team store: the team keys in memory, one person's server role.

    Each person holds a key pair on the server (``team_keyslots``: the private half
    sealed under their password key) and the team key of every live generation wrapped
    to its public half (``team_key_wraps``). Values are sealed with the server's current
    generation; the generation is read at the start of every session, so a workstation
    that was logged in while a beheerder replaced the team key picks the new one up
    before it writes (the server refuses anything older, see rules.py).
    """

    keeps_local_backups = False
    sealed_columns = True
    can_lose_connection = True
    # The key-file rotation (rotate_key, backups) is the embedded store's: a team
    # server replaces its team key inside the removal's transaction (rotate_in).
    rotates_key = False

    def __init__(
        self,
        location: TeamLocation,
        engine: Engine,
        keys: Mapping[int, bytes],
        generation: int,
        ring: KeyRing,
        *,
        username: str | None,
        db_password: str | None,
        accept_v1: bool = False,
        opened: OpenedSlot | None = None,
    ) -> None:
        super().__init__(
            location.local_dir(), engine, keys[generation], ring, generation=generation, keys=keys
        )
        self.location = location
        self.username = username  # None: the owner (setting up / migrating)
        self.db_password = db_password
        # Whose keys these are (the owner's store acts with a person's keys too).
        self._opened = opened
        # Unbound (version 1) values open only until the upgrade has re-sealed them all.
        self.sealer = Sealer(self._keys, generation=generation, accept_v1=accept_v1)
        self._reachable = True
        setattr(engine.dialect, SEALER_ATTRIBUTE, self.sealer)
        # A person's audit entries get their place on the chain and their time from the
        # server (the owner copies and sets up with its own).
        stamps = {audit.SERVER_STAMPS: username is not None}
        self._sessions = sessionmaker(engine, expire_on_commit=False, info=stamps)
        self._read_sessions = sessionmaker(
            engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True),
            expire_on_commit=False,
            info=stamps,
        )
        for maker in (self._sessions, self._read_sessions):
            event.listen(maker, "do_orm_execute", self._rewrite)
        event.listen(self._sessions, "before_flush", self._before_flush)

    # ---- opening ------------------------------------------------------------------
    @classmethod
    def _engine(cls, url: Any) -> tuple[Engine, dict[str, TeamStore]]:
        box: dict[str, TeamStore] = {}
        return _open_engine(url, box), box

    @classmethod
    def set_up(
        cls, location: TeamLocation, *, kdf: dict[str, int | str] | None = None
    ) -> TeamStore:
        """Owner: migrate the server, add the team tables and a new team key.

        Refused when the server already has key slots (it belongs to a team already).
        """
        engine, box = cls._engine(location.url)
        try:
            with _server_errors():
                upgrade_to_head(engine)
                with engine.begin() as conn:
                    schema.ensure_team_schema(conn, location)
                    row = conn.exec_driver_sql("SELECT count(*) FROM team_keyslots").scalar()
                    if row:
                        raise StoreExistsError(location.display)
                    ring = KeyRing.new(dict(kdf) if kdf else None)
                    conn.exec_driver_sql("DELETE FROM team_keyring")
                    conn.exec_driver_sql("DELETE FROM team_key_wraps")
                    conn.execute(
                        text(
                            "INSERT INTO team_keyring (id, store_id, store_salt, kdf, seal_format, "
                            "generation) VALUES (1, :i, :s, CAST(:k AS jsonb), :f, :g)"
                        ),
                        {
                            "i": ring.store_id,
                            "s": ring.store_salt,
                            "k": json.dumps(ring.kdf),
                            "f": reseal.SEAL_FORMAT,
                            "g": FIRST_GENERATION,
                        },
                    )
        except BaseException:
            engine.dispose()
            raise
        store = cls(
            location,
            engine,
            {FIRST_GENERATION: new_database_key()},
            FIRST_GENERATION,
            ring,
            username=None,
            db_password=None,
        )
        box["store"] = store
        return store

    @classmethod
    def upgrade_server(
        cls, location: TeamLocation, credentials: tuple[str, str] | None = None
    ) -> int:
        """Owner: run new migrations and re-apply the team schema (one transaction), then,
        when values are not sealed with the current team key (not yet bound to their
        place, or of an older generation), re-seal them: :meth:`reseal_server` (that
        needs the team key: a person's name and password in ``credentials``). Returns
        how many values were re-sealed.

        Without ``credentials`` only unbound values are an error (the app refuses them
        once upgraded); values of an older generation stay readable and wait for
        ``admin reseal``."""
        engine, _box = cls._engine(location.url)
        try:
            with _server_errors():
                upgrade_to_head(engine)
                with engine.begin() as conn:
                    schema.ensure_team_schema(conn, location)
                    unbound = _seal_format(conn) < reseal.SEAL_FORMAT
                    work = reseal.pending(conn)
        finally:
            engine.dispose()
        if not work:
            return 0
        if credentials is None:
            if unbound:
                raise StoreError(
                    "Deze update versleutelt de bestaande gegevens opnieuw en heeft "
                    "daarvoor de teamsleutel nodig: geef ook --user (een account op "
                    "de server) en diens wachtwoord."
                )
            return 0
        return cls.reseal_server(location, credentials).resealed

    @classmethod
    def reseal_pending(cls, location: TeamLocation) -> bool:
        """Owner: whether values await a re-seal (or older team keys their retirement)."""
        engine, _box = cls._engine(location.url)
        try:
            with _server_errors(), engine.connect() as conn:
                return reseal.pending(conn)
        finally:
            engine.dispose()

    @classmethod
    def reseal_server(
        cls,
        location: TeamLocation,
        credentials: tuple[str, str],
        *,
        batch: int = reseal.BATCH,
    ) -> reseal.ResealReport:
        """Owner: re-seal every value sealed before the current team key generation with
        the current one, then retire the older generations (:func:`reseal.run`).
        ``credentials``: a person on the server (their key pair unwraps the keys).
        Resumable: a run that was stopped (even by ``kill -9``) is simply run again."""
        username, password = credentials
        engine, _box = cls._engine(location.url)
        try:
            with _server_errors():
                for _attempt in range(reseal.MAX_ROUNDS):
                    with engine.connect() as conn:
                        ring, current = _read_ring(conn, location, username)
                        conn.rollback()
                    opened = ring.open(username, password)
                    if current not in opened.keys:
                        raise AccessWithdrawnError()
                    sealer = Sealer(opened.keys, generation=current, accept_v1=True)
                    try:
                        return reseal.run(engine, sealer, batch=batch)
                    except reseal.GenerationMoved:
                        continue  # a new team key meanwhile: again, with it
                raise StoreError("De teamsleutel verandert steeds; probeer het later opnieuw.")
        finally:
            engine.dispose()

    @classmethod
    def _connect_as(
        cls, location: TeamLocation, username: str, password: str
    ) -> tuple[Engine, dict[str, TeamStore], str, bool]:
        """An engine whose first connection got in as this person: with the password's
        NFC form, else (a role made before passwords were normalised) as typed. Returns
        the engine, its box, the database password that worked and whether it was the
        old form."""
        forms = [False] if normalise_password(password) == password else [False, True]
        for as_typed in forms:
            db_password = location.login_password(username, password, as_typed=as_typed)
            engine, box = cls._engine(location.as_person(username, db_password))
            try:
                engine.connect().close()
            except OperationalError as exc:
                engine.dispose()
                if exc.orig is not None and _is_auth_failure(exc.orig):
                    continue
                raise TeamUnreachableError() from None
            return engine, box, db_password, as_typed
        raise AuthenticationError()

    @classmethod
    def open_as(cls, location: TeamLocation, username: str, password: str) -> tuple[TeamStore, int]:
        """Log in as a person: their own server role, then their key slot.

        A password slot from before key pairs becomes a key pair now (as on the
        embedded store), provided the team key was not replaced since: then it never
        got the current one, and the beheerder has to set a new password
        (:class:`AccessWithdrawnError`)."""
        engine, box, db_password, healed = cls._connect_as(location, username, password)
        try:
            with engine.connect() as conn:
                if current_revision(conn) != head_revision():
                    raise StoreError(
                        "De teamserver heeft een andere schemaversie dan deze app; laat de "
                        "beheerder 'veilig-huisbezoek admin upgrade-server' uitvoeren."
                    )
                with _server_errors():
                    ring, current = _read_ring(conn, location, username)
                    accept_v1 = _seal_format(conn) < reseal.SEAL_FORMAT
                conn.rollback()
            opened = ring.open(username, password)
            if current not in opened.keys:
                raise AccessWithdrawnError()
        except BaseException:
            engine.dispose()
            raise
        store = cls(
            location,
            engine,
            opened.keys,
            current,
            ring,
            username=normalise_username(username),
            db_password=db_password,
            accept_v1=accept_v1,
            opened=opened,
        )
        box["store"] = store
        if healed:
            # A login role made from the password as typed (before NFC): now the NFC one.
            with _server_errors(), engine.begin() as conn:
                schema.set_own_password(conn, location, username, password)
            store.db_password = location.login_password(username, password)
        try:
            with store.session() as session:
                account_id = session.execute(
                    select(Account.id).where(Account.slot_id == opened.slot_id, Account.active)
                ).scalar_one_or_none()
            if account_id is None:
                raise AuthenticationError()
            if opened.private is None:
                store._make_key_pair(account_id)
        except BaseException:
            store.close()
            raise
        return store, account_id

    @classmethod
    def open_as_owner(cls, location: TeamLocation, username: str, password: str) -> TeamStore:
        """Owner URL plus a person's app password (to unwrap the team key): for copying."""
        engine, box = cls._engine(location.url)
        try:
            with _server_errors(), engine.connect() as conn:
                ring, current = _read_ring(conn, location, username)
                accept_v1 = _seal_format(conn) < reseal.SEAL_FORMAT
            opened = ring.open(username, password)
            if current not in opened.keys:
                raise AccessWithdrawnError()
        except BaseException:
            engine.dispose()
            raise
        store = cls(
            location,
            engine,
            opened.keys,
            current,
            ring,
            username=None,
            db_password=None,
            accept_v1=accept_v1,
            opened=opened,
        )
        box["store"] = store
        return store

    def _make_key_pair(self, account_id: int) -> None:
        """The person's password slot becomes a key pair (same slot id: the NFC password
        key), with the keys it opened wrapped to it. One transaction."""
        opened = self._opened
        assert opened is not None
        private = new_private_key()
        slot = self._ring.person_slot(opened.kek, private, opened.keys)
        parts = _key_pair_parts(slot)
        with self.session() as session:
            if self.sealer.generation not in slot.keys:
                raise AccessWithdrawnError()  # replaced meanwhile, without this slot
            done = session.execute(
                text("SELECT public_key IS NOT NULL FROM team_keyslots WHERE slot_id = :s"),
                {"s": opened.slot_id},
            ).scalar()
            if done:
                # This person's other login made the key pair a moment ago: use that one.
                assert self.holder is not None
                ring, _current = _read_ring(session.connection(), self.location, self.holder)
                again = ring.open_with(opened.kek)
                if again is None or again.private is None:
                    raise AuthenticationError()
                self._opened, self._ring = again, ring
                return
            session.execute(text("DELETE FROM team_key_wraps WHERE rolname = session_user"))
            session.execute(
                text("DELETE FROM team_keyslots WHERE slot_id IN (:old, :s)"),
                {"old": opened.slot_id, "s": slot.id},
            )
            session.execute(
                text(
                    "INSERT INTO team_keyslots (slot_id, rolname, nonce, wrapped_key, public_key) "
                    "VALUES (:s, session_user, :n, :k, :pub)"
                ),
                parts,
            )
            session.execute(
                text(
                    "INSERT INTO team_key_wraps (rolname, generation, wrapped, tag) "
                    "SELECT session_user, u.g, u.w, u.t FROM unnest(CAST(:g AS integer[]), "
                    "CAST(:w AS bytea[]), CAST(:t AS bytea[])) AS u(g, w, t)"
                ),
                parts,
            )
            if slot.id != opened.slot_id:
                account = session.get(Account, account_id)
                assert account is not None
                account.slot_id = slot.id
        self._opened = replace(opened, slot_id=slot.id, private=private, from_raw_form=False)
        self._ring = self._ring.without_slot(opened.slot_id).with_slot(slot)

    # ---- key generations ------------------------------------------------------------
    @property
    def holder(self) -> str | None:
        """Whose keys this store holds (None: a new server's owner, before any person)."""
        return self._ring.holder or None

    def _person_ring(self, username: str) -> KeyRing:
        """The key ring for wrapping to ``username``'s key pair (no slots)."""
        return replace(self._ring, holder=normalise_username(username), slots=())

    def _use_generation(self, generation: int) -> None:
        """Seal new values with ``generation`` (whose key this store holds)."""
        self.sealer = Sealer(self._keys, generation=generation, accept_v1=self.sealer.accept_v1)
        setattr(self.engine.dialect, SEALER_ATTRIBUTE, self.sealer)
        self._generation = generation
        self._key = self._keys[generation]

    def _sync_generation(self, session: Session) -> None:
        """At the start of a session: the server's current generation. A newer one (a
        beheerder replaced the team key) is unwrapped with this person's key pair; a
        person who did not get it (removed, or a password slot from before key pairs)
        cannot go on (:class:`AccessWithdrawnError`)."""
        if self.holder is None:
            return
        current = session.execute(text("SELECT generation FROM team_keyring WHERE id = 1")).scalar()
        if current is None or current == self.sealer.generation:
            return
        current = int(current)
        if current not in self._keys and self._opened is not None:
            ring, _current = _read_ring(session.connection(), self.location, self.holder)
            reopened = ring.reopen(self._opened) if self._opened.private is not None else None
            if reopened is not None:
                self._keys.update(reopened.keys)
                self._opened = replace(reopened, keys=dict(self._keys))
                self._ring = ring
        if current not in self._keys:
            raise AccessWithdrawnError()
        self._use_generation(current)

    def _live_keys(self, session: Session) -> dict[int, bytes]:
        """The generations to wrap to a new key pair: the current one and every older
        one still wrapped on the server (values may still be sealed with it)."""
        current = int(
            session.execute(text("SELECT generation FROM team_keyring WHERE id = 1")).scalar_one()
        )
        live = {current}
        if self.holder is not None:
            live |= {
                int(g)
                for g in session.execute(
                    text("SELECT generation FROM team_key_wraps WHERE rolname = :r"),
                    {"r": self.location.login_role(self.holder)},
                ).scalars()
            }
        if current not in self._keys:
            raise AccessWithdrawnError()
        return {g: self._keys[g] for g in sorted(live) if g in self._keys}

    def rotate_in(self, session: Session, audit_rotation: Callable[[int], None]) -> None:
        """Replace the team key inside the caller's transaction (a removal or a password
        reset, after its server function): a new key as the next generation, wrapped to
        the public key of every active person with a key pair (each checked to have been
        admitted by a holder of the current key, for that person), stored and made
        current by the server's ``vh_rotate_team_key`` (beheerder only, after
        ``audit_rotation`` logged it). People whose slot is still a password slot from
        before key pairs, or whose public key was not admitted so, do not get it: they
        need a new password (the Accounts page says so).

        Values sealed before stay readable with the older generation, which everyone
        remaining keeps until ``admin reseal`` has re-sealed them all."""
        session.flush()
        current = int(
            session.execute(text("SELECT generation FROM team_keyring WHERE id = 1")).scalar_one()
        )
        known = self._keys.get(current)
        if known is None:
            raise AccessWithdrawnError()
        generation = current + 1
        new_key = new_database_key()
        rolnames: list[str] = []
        wraps: list[bytes] = []
        tags: list[bytes] = []
        rows = session.execute(
            text("SELECT account_id, username, rolname, public_key, tag FROM vh_team_public_keys()")
        ).all()
        for _account_id, username, rolname, public_key, found_tag in rows:
            if public_key is None:
                continue  # a password slot: needs a new password (account_key_states)
            ring = self._person_ring(str(username))
            public = bytes(public_key)
            if found_tag is None or not ring.vouched(public, current, known, bytes(found_tag)):
                # Not admitted by a holder of the current key (put there past the app):
                # left out, so this person needs a new password too; the new key never
                # goes to a public key someone could have slipped in.
                continue
            entry = ring.entry_for(public, generation, new_key)
            rolnames.append(str(rolname))
            wraps.append(_wrapped_bytes(entry.wrapped))
            tags.append(entry.tag)
        _step("team-rotation-wrapped")
        audit_rotation(generation)
        session.execute(
            text(
                "SELECT vh_rotate_team_key(:g, CAST(:r AS text[]), CAST(:w AS bytea[]), "
                "CAST(:t AS bytea[]))"
            ),
            {"g": generation, "r": rolnames, "w": wraps, "t": tags},
        )
        _step("team-rotation-stored")
        # From now on in this transaction, and after it commits. (Rolled back: the next
        # session finds the server's generation again.)
        self._keys[generation] = new_key
        self._use_generation(generation)

    @contextlib.contextmanager
    def revoking(
        self, slot_ids: Collection[str], *, keep: Collection[str] = ()
    ) -> Iterator[Callable[[], KeyRotation]]:
        """The server's account functions take a person's slot, wraps and login away
        themselves; the team key is replaced inside the same transaction
        (:meth:`rotate_in`). DONE once that transaction has made a new generation
        current."""
        before = self.sealer.generation
        outcome = [KeyRotation.NOT_APPLICABLE]
        yield lambda: outcome[0]
        if self.sealer.generation > before:
            outcome[0] = KeyRotation.DONE

    def account_key_states(self) -> dict[int, str] | None:
        """Per active account (beheerder): 'ok' (a key pair with the current team key),
        'old_slot' (a password slot from before key pairs that still opens the current
        key; it becomes a key pair at the next login) or 'needs_password'."""
        with self.read_session() as session:
            current = session.execute(
                text("SELECT generation FROM team_keyring WHERE id = 1")
            ).scalar_one()
            rows = session.execute(
                text("SELECT account_id, public_key, tag, password_slot FROM vh_team_public_keys()")
            ).all()
        states: dict[int, str] = {}
        for account_id, public_key, found_tag, password_slot in rows:
            if public_key is not None and found_tag is not None:
                states[int(account_id)] = "ok"
            elif password_slot and current == FIRST_GENERATION:
                states[int(account_id)] = "old_slot"
            else:
                states[int(account_id)] = "needs_password"
        return states

    # ---- sessions -------------------------------------------------------------------
    @property
    def reachable(self) -> bool:
        return self._reachable

    def set_reachable(self, reachable: bool) -> None:
        """Told by the live connection (the app's listener): while the server is known
        lost, sessions and pings fail at once, so no caller (the GUI thread included)
        waits for a connect timeout; the listener keeps retrying and says when it is
        back."""
        self._reachable = reachable

    def server_lost(self) -> None:
        """The live connection found the server not answering (called on its thread,
        because the GUI thread may be the one waiting): new sessions fail at once, and
        every connection of the pool is cut so that a query already waiting on one fails
        now with :class:`TeamUnreachableError` instead of after TCP's minutes."""
        self._reachable = False
        for connection in list(_CONNECTIONS.get(self.engine, ())):
            _cut(connection)

    def _check_reachable(self) -> None:
        if not self._reachable:
            raise TeamUnreachableError()

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        self._check_reachable()
        with _server_errors(), self._sessions.begin() as session:
            session.execute(select(_advisory_lock()))
            self._sync_generation(session)
            yield session

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        self._check_reachable()
        with _server_errors(), self._read_sessions() as session:
            try:
                self._sync_generation(session)
                yield session
            finally:
                session.rollback()

    @contextlib.contextmanager
    def _presence_session(self) -> Iterator[Session]:
        """Heartbeats do not take the write lock (they touch no audited table): a
        long write elsewhere must not hold up the team's presence."""
        self._check_reachable()
        with _server_errors(), self._sessions.begin() as session:
            yield session

    def _presence_now(self, session: Session, now: datetime) -> datetime:
        at = session.execute(text("SELECT vh_server_now()")).scalar_one()
        assert isinstance(at, datetime)
        return at.replace(tzinfo=UTC)

    def watch_beats(self) -> tuple[list[tuple[datetime, str]], datetime] | None:
        """The watch services' heartbeats (leidinggevenden read them; others get none)
        and the server's clock (docs/design.md §4a, the last line)."""
        with self.read_session() as session:
            at = self._presence_now(session, datetime.now(UTC))
            rows = session.execute(
                text("SELECT beat_at, failing FROM watch_heartbeats ORDER BY beat_at DESC")
            ).all()
        return [(r.beat_at.replace(tzinfo=UTC), str(r.failing)) for r in rows], at

    def ping(self) -> None:
        """Raise TeamUnreachableError unless the server answers now."""
        with _server_errors(), self.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")

    def _rewrite(self, state: ORMExecuteState) -> None:
        if state.is_select or state.is_update or state.is_delete:
            state.statement = rewrite_for_blind_index(state.statement, self.sealer)

    def _before_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        """The blind address index goes in the same INSERT / UPDATE as the address (the
        server's rules see them change together), recomputed on every change."""
        for obj in [*session.new, *session.dirty]:
            if isinstance(obj, Visit | UnsafeAddressNote) and obj.postcode is not None:
                index = self.sealer.address_index(
                    obj.__tablename__, obj.postcode, obj.house_number, obj.addition
                )
                if obj.address_bidx != index:
                    obj.address_bidx = index

    # ---- key slots --------------------------------------------------------------------
    def keyring_now(self) -> KeyRing:
        """This person's slots and wrapped keys as stored now."""
        self._check_reachable()
        if self.holder is None:
            return self._ring
        with _server_errors(), self.engine.connect() as conn:
            return _read_ring(conn, self.location, self.holder)[0]

    def add_key_slot(self, username: str, password: str) -> str:
        """A person's own new password: their login role, and a new slot of their own
        holding the same key pair (so the keys wrapped to it stay valid, and a crash
        before the old slot is removed leaves two slots that both open). Someone else's
        password goes through :meth:`set_password`."""
        if self.username is None or normalise_username(username) != self.username:
            raise StoreError("Op een teamserver herstelt de beheerder andermans wachtwoord.")
        opened = self._opened
        if opened is None or opened.private is None:
            raise StoreError("Log opnieuw in en wijzig dan uw wachtwoord.")
        kek = self._ring.password_key(username, password)
        slot = self._ring.person_slot(kek, opened.private, {})
        # Its own short transaction, without the write lock (as the key-slot file on
        # the embedded store is written before the account row).
        with _server_errors(), self.engine.begin() as conn:
            schema.set_own_password(conn, self.location, username, password)
            conn.execute(
                text(
                    "INSERT INTO team_keyslots (slot_id, rolname, nonce, wrapped_key, public_key) "
                    "VALUES (:i, session_user, :n, :w, :p)"
                ),
                {
                    "i": slot.id,
                    "n": slot.private_key.nonce,
                    "w": slot.private_key.ciphertext,
                    "p": slot.public_key,
                },
            )
        self._ring = self._ring.with_slot(slot)
        self._opened = replace(opened, slot_id=slot.id, kek=kek, from_raw_form=False)
        self.db_password = self.location.login_password(username, password)
        return slot.id

    def remove_key_slot(self, slot_id: str) -> None:
        """Remove one of the person's own old slots (after a password change)."""
        with _server_errors(), self.engine.begin() as conn:
            conn.execute(text("DELETE FROM team_keyslots WHERE slot_id = :i"), {"i": slot_id})
        self._ring = self._ring.without_slot(slot_id)

    # ---- accounts: through the server's provisioning functions (rules) -----------------
    def next_id(self, session: Session, table: str) -> int:
        return int(
            session.execute(
                text("SELECT nextval(pg_get_serial_sequence(:t, 'id'))"), {"t": table}
            ).scalar_one()
        )

    def _login_parts(self, session: Session, username: str, password: str) -> dict[str, Any]:
        """A login verifier and a new key pair for ``username``, with every live
        generation's team key wrapped to it."""
        slot = self._person_ring(username).make_person(username, password, self._live_keys(session))
        verifier = schema.scram_verifier(self.location.login_password(username, password))
        return {"v": verifier, **_key_pair_parts(slot)}

    def create_account(self, session: Session, account: Account, password: str) -> None:
        parts = self._login_parts(session, account.username, password)

        def seal(column: str, value: str) -> bytes:
            return self.sealer.seal(value.encode(), f"accounts.{column}", account.id)

        session.execute(
            text("SELECT vh_create_account(:i, :u, :r, :f, :l, :p, :c, :v, " + _KEY_PAIR_SQL + ")"),
            {
                "i": account.id,
                "u": account.username,
                "r": account.roles,
                "f": seal("first_name", account.first_name),
                "l": seal("last_name", account.last_name),
                "p": seal("phone", account.phone or ""),
                "c": account.created_at.astimezone(UTC).replace(tzinfo=None),
                **parts,
            },
        )
        account.slot_id = str(parts["s"])

    def new_slot_for(self, username: str, password: str) -> str | None:
        return None  # vh_set_login makes the slot on the server, in the transaction

    def set_password(
        self,
        session: Session,
        account: Account,
        password: str,
        *,
        slot_id: str | None,
        reset: tuple[int, int | None, datetime] | None,
    ) -> None:
        """Through the server's function, which notes who reset it (and checks the
        co-signature named in this transaction for a leidinggevende): a new key pair for
        the person. A reset by a beheerder must replace the team key in the same
        transaction (:meth:`rotate_in`; the server checks at commit)."""
        session.flush()
        session.execute(
            text("SELECT vh_set_login(:a, :v, " + _KEY_PAIR_SQL + ")"),
            {"a": account.id, **self._login_parts(session, account.username, password)},
        )
        session.expire(account)

    def remove_account(self, session: Session, account: Account, now: datetime) -> None:
        session.flush()
        session.execute(text("SELECT vh_remove_account(:a)"), {"a": account.id})
        session.expire(account)

    def watch_head(self, session: Session, visit_id: int) -> WatchHead | None:
        row = session.execute(
            text("SELECT state, visitor_id, buddy_id FROM vh_watch_head(:v)"), {"v": visit_id}
        ).one_or_none()
        if row is None or row.state is None:
            return None
        return WatchHead(visit_id, VisitState(row.state), row.visitor_id, row.buddy_id)

    def running_heads(self, session: Session) -> list[RunningHead]:
        rows = session.execute(
            text("SELECT visit_id, state, start_at, visitor_id, buddy_id FROM vh_running_heads()")
        ).all()
        return [
            RunningHead(
                r.visit_id,
                VisitState(r.state),
                r.start_at.replace(tzinfo=UTC) if r.start_at.tzinfo is None else r.start_at,
                r.visitor_id,
                r.buddy_id,
            )
            for r in rows
        ]

    def change_buddy(
        self, session: Session, visit_id: int, from_buddy_id: int, to_buddy_id: int, now: datetime
    ) -> bool:
        # The server checks the rules and stamps its own time.
        changed = session.execute(
            text("SELECT vh_change_buddy(:v, :f, :t)"),
            {"v": visit_id, "f": from_buddy_id, "t": to_buddy_id},
        ).scalar_one()
        return bool(changed)

    def use_cosignature(self, session: Session, token: str | None) -> None:
        session.execute(text("SELECT set_config('vh.cosign', :t, true)"), {"t": token or ""})

    def co_sign(
        self, username: str, password: str, purpose: str, for_account: int
    ) -> tuple[int, str | None]:
        """The signer's own credentials reach the server: their own connection records a
        single-use signature (the server fills in who signed); returns (their account,
        the signature's token)."""
        db_password = self.location.login_password(username, password)
        engine = create_engine(self.location.as_person(username, db_password), poolclass=NullPool)
        try:
            try:
                conn = engine.connect()
            except OperationalError as exc:
                if exc.orig is not None and _is_auth_failure(exc.orig):
                    raise AuthenticationError() from None
                raise TeamUnreachableError() from None
            with _server_errors(), conn, conn.begin():
                ring, _current = _read_ring(conn, self.location, username)
                slot_id, _key = ring.unlock(username, password)
                account_id = conn.execute(
                    select(Account.id).where(Account.slot_id == slot_id, Account.active)
                ).scalar_one_or_none()
                if account_id is None:
                    raise AuthenticationError()
                token = conn.execute(
                    text(
                        "INSERT INTO team_signatures (purpose, for_account) VALUES (:p, :f) "
                        "RETURNING token"
                    ),
                    {"p": purpose, "f": for_account},
                ).scalar_one()
        finally:
            engine.dispose()
        return int(account_id), str(token)

    # ---- health / backups ---------------------------------------------------------------
    def verify(self) -> TeamVerifyReport:
        problems: list[str] = []
        notices: list[str] = []
        entries = 0
        try:
            with self.read_session() as session:
                conn = session.connection()
                if current_revision(conn) != head_revision():
                    problems.append("schemaversie onbekend")
                broken, older = reseal.survey(conn, self.sealer)
                if broken:
                    problems.append(
                        f"{len(broken)} versleutelde gegeven(s) onleesbaar: "
                        + "; ".join(str(b) for b in broken[:5])
                        + (" …" if len(broken) > 5 else "")
                    )
                waiting = older > 0 or self._older_generations_wrapped(session)
            if waiting:
                notices.append(
                    "Let op: de teamsleutel is vervangen en het opnieuw versleutelen is nog "
                    "niet afgerond"
                    + (
                        f" ({older} gegevens die u kunt zien gebruiken nog een oudere sleutel)"
                        if older
                        else ""
                    )
                    + "; laat de eigenaar van de server 'veilig-huisbezoek admin reseal' "
                    "uitvoeren."
                )
            with self.session() as session:
                chain = audit.verify_chain(session)
                entries = chain.entries
                if not chain.ok:
                    problems.append(f"auditlog gewijzigd vanaf regel {chain.first_bad_id}")
        except StoreError as exc:
            problems.append(str(exc))
        return TeamVerifyReport(tuple(problems), entries, tuple(notices))

    def _older_generations_wrapped(self, session: Session) -> bool:
        """Whether this person still holds a generation older than the current one: the
        re-seal has not retired it yet."""
        if self.holder is None:
            return False
        oldest = session.execute(
            text("SELECT min(generation) FROM team_key_wraps WHERE rolname = :r"),
            {"r": self.location.login_role(self.holder)},
        ).scalar()
        return oldest is not None and int(oldest) < self.sealer.generation

    def backup(self, output: Any) -> None:
        raise StoreError(
            "Een teamserver wordt op de server zelf geback-upt (pg_dump door de beheerder "
            "van de server); de app maakt daar geen bestanden van."
        )


def _advisory_lock() -> Any:
    from sqlalchemy import func

    return func.pg_advisory_xact_lock(WRITE_LOCK)


def _seal_format(conn: Any) -> int:
    return int(
        conn.exec_driver_sql("SELECT coalesce(max(seal_format), 1) FROM team_keyring").scalar()
    )


def _read_ring(conn: Any, location: TeamLocation, username: str) -> tuple[KeyRing, int]:
    """One person's key ring (their slots, with their wrapped keys) and the server's
    current generation. A person's connection sees only their own rows anyway; the
    owner's sees everyone's, hence the explicit filter."""
    head = conn.execute(
        text("SELECT store_id, store_salt, kdf, generation FROM team_keyring WHERE id = 1")
    ).first()
    if head is None:
        raise StoreError("Deze server is (nog) niet ingericht als teamserver.")
    rolname = location.login_role(username)
    wraps = {
        int(generation): KeyEntry(_wrapped_from(bytes(wrapped)), bytes(found_tag))
        for generation, wrapped, found_tag in conn.execute(
            text("SELECT generation, wrapped, tag FROM team_key_wraps WHERE rolname = :r"),
            {"r": rolname},
        )
    }
    slots: list[Slot] = []
    for sid, nonce, wrapped_key, public_key in conn.execute(
        text(
            "SELECT slot_id, nonce, wrapped_key, public_key FROM team_keyslots "
            "WHERE rolname = :r ORDER BY slot_id"
        ),
        {"r": rolname},
    ):
        if public_key is not None:
            sealed_private = Sealed(bytes(nonce), bytes(wrapped_key))
            slots.append(PersonSlot(str(sid), bytes(public_key), sealed_private, dict(wraps)))
        elif not wrapped_key:
            slots.append(WithdrawnSlot(str(sid)))
        else:
            slots.append(KeySlot(str(sid), bytes(nonce), bytes(wrapped_key)))
    kdf = head[2] if isinstance(head[2], dict) else json.loads(head[2])
    ring = KeyRing(
        store_id=str(head[0]),
        store_salt=bytes(head[1]),
        kdf=dict(kdf),
        slots=tuple(slots),
        holder=normalise_username(username),
    )
    return ring, int(head[3])
