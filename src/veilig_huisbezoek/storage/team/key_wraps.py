"""The person's key ring on a team server: their key pair, the team key of every live
generation wrapped to it, a new generation when the team key is replaced, and their
own key slots (a password change).

Each person holds a key pair on the server (``team_keyslots``: the private half sealed
under their password key) and the team key of every live generation wrapped to its
public half (``team_key_wraps``). These functions are the :class:`~.store.TeamStore`'s
own: they change the key material it holds (``_keys``, ``_ring``, ``_opened``) and
report the steps of a replacement to :func:`..store._step`, where the crash tests cut in.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..errors import AccessWithdrawnError, AuthenticationError, StoreError
from ..keyslots import (
    FIRST_GENERATION,
    KeyEntry,
    KeyRing,
    KeySlot,
    PersonSlot,
    Slot,
    WithdrawnSlot,
    new_database_key,
    normalise_username,
)
from ..keywrap import NONCE_BYTES, PUBLIC_BYTES, Sealed, WrappedKey, new_private_key
from ..models import Account
from ..store import _step
from . import schema
from .errors import server_errors
from .location import TeamLocation

if TYPE_CHECKING:
    from .store import TeamStore


def wrapped_bytes(wrapped: WrappedKey) -> bytes:
    return wrapped.ephemeral + wrapped.nonce + wrapped.ciphertext


def wrapped_from(blob: bytes) -> WrappedKey:
    middle = PUBLIC_BYTES + NONCE_BYTES
    return WrappedKey(blob[:PUBLIC_BYTES], blob[PUBLIC_BYTES:middle], blob[middle:])


def key_pair_parts(slot: PersonSlot) -> dict[str, Any]:
    """The bind parameters of a key-pair slot for the server's account functions."""
    generations = sorted(slot.keys)
    return {
        "s": slot.id,
        "n": slot.private_key.nonce,
        "k": slot.private_key.ciphertext,
        "pub": slot.public_key,
        "g": generations,
        "w": [wrapped_bytes(slot.keys[g].wrapped) for g in generations],
        "t": [slot.keys[g].tag for g in generations],
    }


KEY_PAIR_SQL = ":s, :n, :k, :pub, CAST(:g AS integer[]), CAST(:w AS bytea[]), CAST(:t AS bytea[])"


def read_ring(conn: Any, location: TeamLocation, username: str) -> tuple[KeyRing, int]:
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
        int(generation): KeyEntry(wrapped_from(bytes(wrapped)), bytes(found_tag))
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


def person_ring(store: TeamStore, username: str) -> KeyRing:
    """The key ring for wrapping to ``username``'s key pair (no slots)."""
    return replace(store._ring, holder=normalise_username(username), slots=())


def live_keys(store: TeamStore, session: Session) -> dict[int, bytes]:
    """The generations to wrap to a new key pair: the current one and every older
    one still wrapped on the server (values may still be sealed with it)."""
    current = int(
        session.execute(text("SELECT generation FROM team_keyring WHERE id = 1")).scalar_one()
    )
    live = {current}
    if store.holder is not None:
        live |= {
            int(g)
            for g in session.execute(
                text("SELECT generation FROM team_key_wraps WHERE rolname = :r"),
                {"r": store.location.login_role(store.holder)},
            ).scalars()
        }
    if current not in store._keys:
        raise AccessWithdrawnError()
    return {g: store._keys[g] for g in sorted(live) if g in store._keys}


def make_key_pair(store: TeamStore, account_id: int) -> None:
    """The person's password slot becomes a key pair (same slot id: the NFC password
    key), with the keys it opened wrapped to it. One transaction."""
    opened = store._opened
    assert opened is not None
    private = new_private_key()
    slot = store._ring.person_slot(opened.kek, private, opened.keys)
    parts = key_pair_parts(slot)
    with store.session() as session:
        if store.sealer.generation not in slot.keys:
            raise AccessWithdrawnError()  # replaced meanwhile, without this slot
        done = session.execute(
            text("SELECT public_key IS NOT NULL FROM team_keyslots WHERE slot_id = :s"),
            {"s": opened.slot_id},
        ).scalar()
        if done:
            # This person's other login made the key pair a moment ago: use that one.
            assert store.holder is not None
            ring, _current = read_ring(session.connection(), store.location, store.holder)
            again = ring.open_with(opened.kek)
            if again is None or again.private is None:
                raise AuthenticationError()
            store._opened, store._ring = again, ring
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
    store._opened = replace(opened, slot_id=slot.id, private=private, from_raw_form=False)
    store._ring = store._ring.without_slot(opened.slot_id).with_slot(slot)


def rotate_in(store: TeamStore, session: Session, audit_rotation: Callable[[int], None]) -> None:
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
    known = store._keys.get(current)
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
        ring = person_ring(store, str(username))
        public = bytes(public_key)
        if found_tag is None or not ring.vouched(public, current, known, bytes(found_tag)):
            # Not admitted by a holder of the current key (put there past the app):
            # left out, so this person needs a new password too; the new key never
            # goes to a public key someone could have slipped in.
            continue
        entry = ring.entry_for(public, generation, new_key)
        rolnames.append(str(rolname))
        wraps.append(wrapped_bytes(entry.wrapped))
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
    store._keys[generation] = new_key
    store._use_generation(generation)


def account_key_states(store: TeamStore) -> dict[int, str] | None:
    """Per active account (beheerder): 'ok' (a key pair with the current team key),
    'old_slot' (a password slot from before key pairs that still opens the current
    key; it becomes a key pair at the next login) or 'needs_password'."""
    with store.read_session() as session:
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


def keyring_now(store: TeamStore) -> KeyRing:
    """This person's slots and wrapped keys as stored now."""
    store._check_reachable()
    if store.holder is None:
        return store._ring
    with server_errors(), store.engine.connect() as conn:
        return read_ring(conn, store.location, store.holder)[0]


def add_key_slot(store: TeamStore, username: str, password: str) -> str:
    """A person's own new password: their login role, and a new slot of their own
    holding the same key pair (so the keys wrapped to it stay valid, and a crash
    before the old slot is removed leaves two slots that both open). Someone else's
    password goes through :func:`.team_accounts.set_password`."""
    if store.username is None or normalise_username(username) != store.username:
        raise StoreError("Op een teamserver herstelt de beheerder andermans wachtwoord.")
    opened = store._opened
    if opened is None or opened.private is None:
        raise StoreError("Log opnieuw in en wijzig dan uw wachtwoord.")
    kek = store._ring.password_key(username, password)
    slot = store._ring.person_slot(kek, opened.private, {})
    # Its own short transaction, without the write lock (as the key-slot file on
    # the embedded store is written before the account row).
    with server_errors(), store.engine.begin() as conn:
        schema.set_own_password(conn, store.location, username, password)
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
    store._ring = store._ring.with_slot(slot)
    store._opened = replace(opened, slot_id=slot.id, kek=kek, from_raw_form=False)
    store.db_password = store.location.login_password(username, password)
    return slot.id


def remove_key_slot(store: TeamStore, slot_id: str) -> None:
    """Remove one of the person's own old slots (after a password change)."""
    with server_errors(), store.engine.begin() as conn:
        conn.execute(text("DELETE FROM team_keyslots WHERE slot_id = :i"), {"i": slot_id})
    store._ring = store._ring.without_slot(slot_id)
