"""Opening a team server: the owner sets it up, upgrades it and re-seals it; a person
logs in with their own server role and key slot (:func:`open_as`); the owner's URL with
a person's password opens it for copying (:func:`open_as_owner`).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from ..errors import AccessWithdrawnError, AuthenticationError, StoreError, StoreExistsError
from ..keyslots import FIRST_GENERATION, KeyRing, new_database_key, normalise_username
from ..keywrap import normalise_password
from ..migrate import current_revision, head_revision, upgrade_to_head
from ..models import active_account_id
from ..sealed import Sealer
from . import reseal, schema
from .errors import TeamUnreachableError, is_auth_failure, server_errors
from .key_wraps import make_key_pair, read_ring
from .location import TeamLocation
from .store import TeamStore, open_engine


def _engine(url: Any) -> tuple[Engine, dict[str, TeamStore]]:
    box: dict[str, TeamStore] = {}
    return open_engine(url, box), box


def set_up(location: TeamLocation, *, kdf: dict[str, int | str] | None = None) -> TeamStore:
    """Owner: migrate the server, add the team tables and a new team key.

    Refused when the server already has key slots (it belongs to a team already).
    """
    engine, box = _engine(location.url)
    try:
        with server_errors():
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
    store = TeamStore(
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


def upgrade_server(location: TeamLocation, credentials: tuple[str, str] | None = None) -> int:
    """Owner: run new migrations and re-apply the team schema (one transaction), then,
    when values are not sealed with the current team key (not yet bound to their
    place, or of an older generation), re-seal them: :func:`reseal_server` (that
    needs the team key: a person's name and password in ``credentials``). Returns
    how many values were re-sealed.

    Without ``credentials`` only unbound values are an error (the app refuses them
    once upgraded); values of an older generation stay readable and wait for
    ``admin reseal``."""
    engine, _box = _engine(location.url)
    try:
        with server_errors():
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
    return reseal_server(location, credentials).resealed


def reseal_pending(location: TeamLocation) -> bool:
    """Owner: whether values await a re-seal (or older team keys their retirement)."""
    engine, _box = _engine(location.url)
    try:
        with server_errors(), engine.connect() as conn:
            return reseal.pending(conn)
    finally:
        engine.dispose()


def reseal_server(
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
    engine, _box = _engine(location.url)
    try:
        with server_errors():
            for _attempt in range(reseal.MAX_ROUNDS):
                with engine.connect() as conn:
                    ring, current = read_ring(conn, location, username)
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


def _connect_as(
    location: TeamLocation, username: str, password: str
) -> tuple[Engine, dict[str, TeamStore], str, bool]:
    """An engine whose first connection got in as this person: with the password's
    NFC form, else (a role made before passwords were normalised) as typed. Returns
    the engine, its box, the database password that worked and whether it was the
    old form."""
    forms = [False] if normalise_password(password) == password else [False, True]
    for as_typed in forms:
        db_password = location.login_password(username, password, as_typed=as_typed)
        engine, box = _engine(location.as_person(username, db_password))
        try:
            engine.connect().close()
        except OperationalError as exc:
            engine.dispose()
            if exc.orig is not None and is_auth_failure(exc.orig):
                continue
            raise TeamUnreachableError() from None
        return engine, box, db_password, as_typed
    raise AuthenticationError()


def open_as(location: TeamLocation, username: str, password: str) -> tuple[TeamStore, int]:
    """Log in as a person: their own server role, then their key slot.

    A password slot from before key pairs becomes a key pair now (as on the
    embedded store), provided the team key was not replaced since: then it never
    got the current one, and the beheerder has to set a new password
    (:class:`AccessWithdrawnError`)."""
    engine, box, db_password, healed = _connect_as(location, username, password)
    try:
        with engine.connect() as conn:
            if current_revision(conn) != head_revision():
                raise StoreError(
                    "De teamserver heeft een andere schemaversie dan deze app; laat de "
                    "beheerder 'veilig-huisbezoek admin upgrade-server' uitvoeren."
                )
            with server_errors():
                ring, current = read_ring(conn, location, username)
                accept_v1 = _seal_format(conn) < reseal.SEAL_FORMAT
            conn.rollback()
        opened = ring.open(username, password)
        if current not in opened.keys:
            raise AccessWithdrawnError()
    except BaseException:
        engine.dispose()
        raise
    store = TeamStore(
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
        with server_errors(), engine.begin() as conn:
            schema.set_own_password(conn, location, username, password)
        store.db_password = location.login_password(username, password)
    try:
        with store.session() as session:
            account_id = active_account_id(session, opened.slot_id)
        if opened.private is None:
            make_key_pair(store, account_id)
    except BaseException:
        store.close()
        raise
    return store, account_id


def open_as_owner(location: TeamLocation, username: str, password: str) -> TeamStore:
    """Owner URL plus a person's app password (to unwrap the team key): for copying."""
    engine, box = _engine(location.url)
    try:
        with server_errors(), engine.connect() as conn:
            ring, current = read_ring(conn, location, username)
            accept_v1 = _seal_format(conn) < reseal.SEAL_FORMAT
        opened = ring.open(username, password)
        if current not in opened.keys:
            raise AccessWithdrawnError()
    except BaseException:
        engine.dispose()
        raise
    store = TeamStore(
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


def _seal_format(conn: Any) -> int:
    return int(
        conn.exec_driver_sql("SELECT coalesce(max(seal_format), 1) FROM team_keyring").scalar()
    )
