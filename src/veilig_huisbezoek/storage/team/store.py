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
* write transactions take advisory locks (:mod:`.locks`): a change to one visit runs
  beside changes to other visits, any other write alone, as every write does in the
  embedded store; the audit chain's next entry is taken under one lock by the server
  itself. Read sessions are ``REPEATABLE READ READ ONLY`` snapshots;
* there are no local backup files: the server's administrator backs it up (pg_dump);
* while the app's live connection knows the server is lost (:meth:`TeamStore.
  server_lost`, :meth:`TeamStore.set_reachable`), sessions fail at once with
  :class:`~.errors.TeamUnreachableError` instead of each waiting up to the connect
  timeout, and a query already waiting on a server that stopped answering is cut off.

The store keeps its sessions, its reachability and the blind-index rewrite; the rest
is in modules of their own, which take the store:

* :mod:`.opening` — set a server up, upgrade and re-seal it, log in (``open_as``);
* :mod:`.key_wraps` — the person's key pair and wrapped team keys, replacing the team
  key (``rotate_in``), the person's own key slots;
* :mod:`.team_accounts` — account rows with their login roles and key pairs, and
  co-signatures;
* :mod:`.verify` — ``verify`` on a team server;
* :mod:`.errors` — the server's refusals and failures as the app's errors.
"""

from __future__ import annotations

import contextlib
import os
import socket
import weakref
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Engine,
    String,
    bindparam,
    create_engine,
    event,
    literal_column,
    text,
    true,
)
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.sql import operators, visitors
from sqlalchemy.sql.elements import BinaryExpression, BindParameter, ColumnClause

from ...domain.handover import WatchHead
from ...domain.visit import VisitState
from .. import audit
from ..errors import AccessWithdrawnError, StoreError
from ..handover import RunningHead
from ..keyslots import KeyRing, OpenedSlot
from ..models import Account, UnsafeAddressNote, Visit
from ..sealed import SEALER_ATTRIBUTE, Sealer, is_sealed
from ..store import KeyRotation, Store
from . import key_wraps, locks, team_accounts
from .errors import TeamSearchError, TeamUnreachableError, server_errors
from .key_wraps import read_ring
from .location import TeamLocation
from .verify import TeamVerifyReport, verify_server

_ADDRESS = ("postcode", "house_number", "addition")


def open_engine(url: Any, store_box: dict[str, TeamStore]) -> Engine:
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

    # ---- key generations ------------------------------------------------------------
    @property
    def holder(self) -> str | None:
        """Whose keys this store holds (None: a new server's owner, before any person)."""
        return self._ring.holder or None

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
            ring, _current = read_ring(session.connection(), self.location, self.holder)
            reopened = ring.reopen(self._opened) if self._opened.private is not None else None
            if reopened is not None:
                self._keys.update(reopened.keys)
                self._opened = replace(reopened, keys=dict(self._keys))
                self._ring = ring
        if current not in self._keys:
            raise AccessWithdrawnError()
        self._use_generation(current)

    def rotate_in(self, session: Session, audit_rotation: Callable[[int], None]) -> None:
        """Replace the team key in the caller's transaction: :func:`.key_wraps.rotate_in`."""
        key_wraps.rotate_in(self, session, audit_rotation)

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
        return key_wraps.account_key_states(self)

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
        """A write alone: no other write session runs meanwhile (:mod:`.locks`)."""
        with self._locked_session(locks.WRITE_ALONE, {}) as session:
            yield session

    @contextlib.contextmanager
    def visit_session(self, visit_id: int | None) -> Iterator[Session]:
        """A change to one visit: beside changes to other visits, after any other
        change to this one (:mod:`.locks`). Only for a session that writes nothing but
        that visit's own rows (its state, call-backs, calls, events, alarms) and the
        audit log, and decides only on those and on what a write alone changes."""
        if visit_id is None:
            with self.session() as session:
                yield session
            return
        with self._locked_session(locks.ONE_VISIT, {"visit": visit_id}) as session:
            yield session

    @contextlib.contextmanager
    def new_visit_session(self) -> Iterator[Session]:
        """Saving a new visit: beside changes to visits (:mod:`.locks`)."""
        with self._locked_session(locks.NEW_VISIT, {}) as session:
            yield session

    @contextlib.contextmanager
    def _locked_session(self, lock: Any, params: dict[str, int]) -> Iterator[Session]:
        self._check_reachable()
        with server_errors(), self._sessions.begin() as session:
            session.execute(lock, params)
            self._sync_generation(session)
            yield session

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        self._check_reachable()
        with server_errors(), self._read_sessions() as session:
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
        with server_errors(), self._sessions.begin() as session:
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
        with server_errors(), self.engine.connect() as conn:
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

    # ---- key slots (storage/team/key_wraps.py) -----------------------------------------
    def keyring_now(self) -> KeyRing:
        return key_wraps.keyring_now(self)

    def add_key_slot(self, username: str, password: str) -> str:
        return key_wraps.add_key_slot(self, username, password)

    def remove_key_slot(self, slot_id: str) -> None:
        key_wraps.remove_key_slot(self, slot_id)

    # ---- accounts: through the server's provisioning functions (team_accounts.py) -------
    def next_id(self, session: Session, table: str) -> int:
        return int(
            session.execute(
                text("SELECT nextval(pg_get_serial_sequence(:t, 'id'))"), {"t": table}
            ).scalar_one()
        )

    def create_account(self, session: Session, account: Account, password: str) -> None:
        team_accounts.create_account(self, session, account, password)

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
        # The server's function makes the slot and notes who reset it (vh_set_login).
        team_accounts.set_password(self, session, account, password)

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

    def running_heads(
        self, session: Session, visit_ids: Collection[int] | None = None
    ) -> list[RunningHead]:
        heads = "SELECT visit_id, state, start_at, visitor_id, buddy_id FROM vh_running_heads()"
        if visit_ids is None:
            rows = session.execute(text(heads)).all()
        else:
            rows = session.execute(
                text(heads + " WHERE visit_id = ANY(:ids)"), {"ids": sorted(visit_ids)}
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
        return team_accounts.co_sign(self, username, password, purpose, for_account)

    # ---- health / backups ---------------------------------------------------------------
    def verify(self) -> TeamVerifyReport:
        return verify_server(self)

    def backup(self, output: Any) -> None:
        raise StoreError(
            "Een teamserver wordt op de server zelf geback-upt (pg_dump door de beheerder "
            "van de server); de app maakt daar geen bestanden van."
        )
