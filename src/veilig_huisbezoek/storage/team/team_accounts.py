"""Account rows on a team server, with their login roles and key pairs: made, given a
new password and co-signed through the server's own functions (:mod:`.rules`), which
check who may do what. For the :class:`~.store.TeamStore`.
"""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from ..errors import AuthenticationError
from ..models import Account, active_account_id
from . import schema
from .errors import TeamUnreachableError, is_auth_failure, server_errors
from .key_wraps import KEY_PAIR_SQL, key_pair_parts, live_keys, person_ring, read_ring

if TYPE_CHECKING:
    from .store import TeamStore


def _login_parts(
    store: TeamStore, session: Session, username: str, password: str
) -> dict[str, Any]:
    """A login verifier and a new key pair for ``username``, with every live
    generation's team key wrapped to it."""
    slot = person_ring(store, username).make_person(username, password, live_keys(store, session))
    verifier = schema.scram_verifier(store.location.login_password(username, password))
    return {"v": verifier, **key_pair_parts(slot)}


def create_account(store: TeamStore, session: Session, account: Account, password: str) -> None:
    parts = _login_parts(store, session, account.username, password)

    def seal(column: str, value: str) -> bytes:
        return store.sealer.seal(value.encode(), f"accounts.{column}", account.id)

    session.execute(
        text("SELECT vh_create_account(:i, :u, :r, :f, :l, :p, :c, :v, " + KEY_PAIR_SQL + ")"),
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


def set_password(store: TeamStore, session: Session, account: Account, password: str) -> None:
    """Through the server's function, which notes who reset it (and checks the
    co-signature named in this transaction for a leidinggevende): a new key pair for
    the person. A reset by a beheerder must replace the team key in the same
    transaction (:meth:`.store.TeamStore.rotate_in`; the server checks at commit)."""
    session.flush()
    session.execute(
        text("SELECT vh_set_login(:a, :v, " + KEY_PAIR_SQL + ")"),
        {"a": account.id, **_login_parts(store, session, account.username, password)},
    )
    session.expire(account)


def co_sign(
    store: TeamStore, username: str, password: str, purpose: str, for_account: int
) -> tuple[int, str | None]:
    """The signer's own credentials reach the server: their own connection records a
    single-use signature (the server fills in who signed); returns (their account,
    the signature's token)."""
    db_password = store.location.login_password(username, password)
    engine = create_engine(store.location.as_person(username, db_password), poolclass=NullPool)
    try:
        try:
            conn = engine.connect()
        except OperationalError as exc:
            if exc.orig is not None and is_auth_failure(exc.orig):
                raise AuthenticationError() from None
            raise TeamUnreachableError() from None
        with server_errors(), conn, conn.begin():
            ring, _current = read_ring(conn, store.location, username)
            slot_id, _key = ring.unlock(username, password)
            account_id = active_account_id(conn, slot_id)
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
