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
from collections.abc import Callable, Collection, Iterator
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

from .. import audit
from ..errors import AuthenticationError, StoreError, StoreExistsError, StoreUnreachableError
from ..keyslots import KeyRing, KeySlot, new_database_key, normalise_username
from ..migrate import current_revision, head_revision, upgrade_to_head
from ..models import Account, UnsafeAddressNote, Visit
from ..sealed import SEALER_ATTRIBUTE, Sealer, is_sealed
from ..store import KeyRotation, Store, VerifyReport
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
    return "password authentication failed" in detail or (
        "role" in detail and "not exist" in (detail)
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
            raise TeamRefusedError(
                "De teamserver weigert dit voor uw account"
                + (f": {reason}." if reason else " (rechten per rol).")
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
    """Replace ``postcode = … AND house_number = … AND addition = …`` by the blind index;
    refuse any other condition on a sealed column (it could never match)."""
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
                index = sealer.address_index(
                    table,
                    str(values["postcode"]),
                    int(values["house_number"]),
                    str(values["addition"]),
                )
                column = literal_column(f'"{table}".address_bidx', String())
                return column == bindparam(None, index, type_=String())
            return None

        statement = visitors.replacement_traverse(statement, {}, replace)  # type: ignore[call-overload]
        where = statement.whereclause
    for element in visitors.iterate(where):
        if isinstance(element, ColumnClause) and is_sealed(element.type):
            raise TeamSearchError()
    return statement


class TeamStore(Store):
    """An unlocked team store: the team key in memory, one person's server role."""

    keeps_local_backups = False
    sealed_columns = True
    can_lose_connection = True
    rotates_key = False  # removing a person drops their slot and login; the team key stays

    def __init__(
        self,
        location: TeamLocation,
        engine: Engine,
        key: bytes,
        ring: KeyRing,
        *,
        username: str | None,
        db_password: str | None,
        accept_v1: bool = False,
    ) -> None:
        super().__init__(location.local_dir(), engine, key, ring)
        self.location = location
        self.username = username  # None: the owner (setting up / migrating)
        self.db_password = db_password
        # Unbound (version 1) values open only until the upgrade has re-sealed them all.
        self.sealer = Sealer.single(key, accept_v1=accept_v1)
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
                    conn.execute(
                        text(
                            "INSERT INTO team_keyring (id, store_id, store_salt, kdf, seal_format) "
                            "VALUES (1, :i, :s, CAST(:k AS jsonb), :f)"
                        ),
                        {
                            "i": ring.store_id,
                            "s": ring.store_salt,
                            "k": json.dumps(ring.kdf),
                            "f": reseal.SEAL_FORMAT,
                        },
                    )
        except BaseException:
            engine.dispose()
            raise
        store = cls(location, engine, new_database_key(), ring, username=None, db_password=None)
        box["store"] = store
        return store

    @classmethod
    def upgrade_server(
        cls, location: TeamLocation, credentials: tuple[str, str] | None = None
    ) -> int:
        """Owner: run new migrations, re-apply the team schema and, when values are not
        yet bound to their place, re-seal them (that needs the team key: a person's name
        and password in ``credentials``). One transaction after the migrations: all or
        nothing. Returns how many values were re-sealed."""
        engine, _box = cls._engine(location.url)
        try:
            with _server_errors():
                upgrade_to_head(engine)
                with engine.begin() as conn:
                    schema.ensure_team_schema(conn, location)
                    if _seal_format(conn) >= reseal.SEAL_FORMAT:
                        return 0
                    if credentials is None:
                        raise StoreError(
                            "Deze update versleutelt de bestaande gegevens opnieuw en heeft "
                            "daarvoor de teamsleutel nodig: geef ook --user (een account op "
                            "de server) en diens wachtwoord."
                        )
                    _slot, key = _read_ring(conn).unlock(*credentials)
                    return reseal.reseal(conn, Sealer.single(key, accept_v1=True))
        finally:
            engine.dispose()

    @classmethod
    def open_as(cls, location: TeamLocation, username: str, password: str) -> tuple[TeamStore, int]:
        """Log in as a person: their own server role, then their key slot."""
        db_password = location.login_password(username, password)
        engine, box = cls._engine(location.as_person(username, db_password))
        try:
            try:
                conn = engine.connect()
            except OperationalError as exc:
                if exc.orig is not None and _is_auth_failure(exc.orig):
                    raise AuthenticationError() from None
                raise TeamUnreachableError() from None
            with conn:
                if current_revision(conn) != head_revision():
                    raise StoreError(
                        "De teamserver heeft een andere schemaversie dan deze app; laat de "
                        "beheerder 'veilig-huisbezoek admin upgrade-server' uitvoeren."
                    )
                ring = _read_ring(conn)
                accept_v1 = _seal_format(conn) < reseal.SEAL_FORMAT
                conn.rollback()
            slot_id, key = ring.unlock(username, password)
        except BaseException:
            engine.dispose()
            raise
        store = cls(
            location,
            engine,
            key,
            ring,
            username=normalise_username(username),
            db_password=db_password,
            accept_v1=accept_v1,
        )
        box["store"] = store
        with store.session() as session:
            account_id = session.execute(
                select(Account.id).where(Account.slot_id == slot_id, Account.active)
            ).scalar_one_or_none()
        if account_id is None:
            store.close()
            raise AuthenticationError()
        return store, account_id

    @classmethod
    def open_as_owner(cls, location: TeamLocation, username: str, password: str) -> TeamStore:
        """Owner URL plus a person's app password (to unwrap the team key): for copying."""
        engine, box = cls._engine(location.url)
        try:
            with _server_errors(), engine.connect() as conn:
                ring = _read_ring(conn)
                accept_v1 = _seal_format(conn) < reseal.SEAL_FORMAT
            _slot, key = ring.unlock(username, password)
        except BaseException:
            engine.dispose()
            raise
        store = cls(
            location, engine, key, ring, username=None, db_password=None, accept_v1=accept_v1
        )
        box["store"] = store
        return store

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
            yield session

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        self._check_reachable()
        with _server_errors(), self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

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
        self._check_reachable()
        with _server_errors(), self.engine.connect() as conn:
            return _read_ring(conn)

    def add_key_slot(self, username: str, password: str) -> str:
        """A person's own new password: their login role and a new slot of their own
        (someone else's password goes through :meth:`set_password`)."""
        if self.username is None or normalise_username(username) != self.username:
            raise StoreError("Op een teamserver herstelt de beheerder andermans wachtwoord.")
        slot = self._ring.make_slot(username, password, self._key)
        # Its own short transaction, without the write lock (as the key-slot file on
        # the embedded store is written before the account row).
        with _server_errors(), self.engine.begin() as conn:
            schema.set_own_password(conn, self.location, username, password)
            conn.execute(
                text(
                    "INSERT INTO team_keyslots (slot_id, rolname, nonce, wrapped_key) "
                    "VALUES (:i, session_user, :n, :w)"
                ),
                {"i": slot.id, "n": slot.nonce, "w": slot.wrapped_key},
            )
        self._ring = self._ring.with_slot(slot)
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

    def _login_parts(self, username: str, password: str) -> dict[str, Any]:
        slot = self._ring.make_slot(username, password, self._key)
        verifier = schema.scram_verifier(self.location.login_password(username, password))
        return {"v": verifier, "s": slot.id, "n": slot.nonce, "w": slot.wrapped_key}

    def create_account(self, session: Session, account: Account, password: str) -> None:
        parts = self._login_parts(account.username, password)

        def seal(column: str, value: str) -> bytes:
            return self.sealer.seal(value.encode(), f"accounts.{column}", account.id)

        session.execute(
            text("SELECT vh_create_account(:i, :u, :r, :f, :l, :p, :c, :v, :s, :n, :w)"),
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
        co-signature named in this transaction for a leidinggevende)."""
        session.flush()
        session.execute(
            text("SELECT vh_set_login(:a, :v, :s, :n, :w)"),
            {"a": account.id, **self._login_parts(account.username, password)},
        )
        session.expire(account)

    @contextlib.contextmanager
    def revoking(
        self, slot_ids: Collection[str], *, keep: Collection[str] = ()
    ) -> Iterator[Callable[[], KeyRotation]]:
        """The server's account functions take a person's slots and login away
        themselves; the team key stays (see README, threat model)."""
        yield lambda: KeyRotation.NOT_APPLICABLE

    def remove_account(self, session: Session, account: Account, now: datetime) -> None:
        session.flush()
        session.execute(text("SELECT vh_remove_account(:a)"), {"a": account.id})
        session.expire(account)

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
                slot_id, _key = _read_ring(conn).unlock(username, password)
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
    def verify(self) -> VerifyReport:
        problems: list[str] = []
        entries = 0
        try:
            with self.engine.connect() as conn:
                if current_revision(conn) != head_revision():
                    problems.append("schemaversie onbekend")
                broken = reseal.damaged(conn, self.sealer)
                if broken:
                    problems.append(
                        f"{len(broken)} versleutelde gegeven(s) onleesbaar: "
                        + "; ".join(str(b) for b in broken[:5])
                        + (" …" if len(broken) > 5 else "")
                    )
            with self.session() as session:
                chain = audit.verify_chain(session)
                entries = chain.entries
                if not chain.ok:
                    problems.append(f"auditlog gewijzigd vanaf regel {chain.first_bad_id}")
        except StoreError as exc:
            problems.append(str(exc))
        return VerifyReport(tuple(problems), entries)

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


def _read_ring(conn: Any) -> KeyRing:
    head = conn.exec_driver_sql(
        "SELECT store_id, store_salt, kdf FROM team_keyring WHERE id = 1"
    ).first()
    if head is None:
        raise StoreError("Deze server is (nog) niet ingericht als teamserver.")
    slots = tuple(
        KeySlot(str(row[0]), bytes(row[1]), bytes(row[2]))
        for row in conn.exec_driver_sql("SELECT slot_id, nonce, wrapped_key FROM team_keyslots")
    )
    kdf = head[2] if isinstance(head[2], dict) else json.loads(head[2])
    return KeyRing(store_id=str(head[0]), store_salt=bytes(head[1]), kdf=dict(kdf), slots=slots)
