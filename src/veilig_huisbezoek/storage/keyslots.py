"""Key slots: the database key, made available to each account (``keyslots.json``).

The database is encrypted with one random 256-bit key. Each person has a *slot*:

* an X25519 key pair whose private half is sealed (AES-256-GCM) under a key derived
  from their password by Argon2id (:mod:`.keywrap`);
* the database key wrapped to their public half (ECIES), once per *generation*.

Because the database key is wrapped to public keys, it can be replaced (*rotated*)
without anyone's password: removing an account, or a beheerder setting a new password
after a leak, re-encrypts the database with a fresh key and wraps that key to every
remaining person's public key (:meth:`..store.Store.rotate_key`). An old copy of this
file, or a removed person's slot from one, then no longer opens the database.

While a rotation is in flight the file holds two generations (the old key, which opens
the database until the re-encryption commits, and the new one); the store opens with
the newest generation that fits and then finishes or cleans up the rotation.

Each generation's entry carries a tag (a MAC under that generation's database key over
the store, the generation and the public key): only someone who held the database key
can admit a public key, so a rotation never wraps the new key to a public key that was
slipped into the file by someone who could write it but held no key.

The file holds no names: a slot's id is derived from the password-derived key, so
finding your slot proves you know the password. *Password slots* (the only kind in
format 1, and what a team server held before key pairs) wrap the database key directly
with the password key; a person's password slot becomes a key pair at their next login.

A team server (:mod:`.team.key_wraps`) keeps the same slots in tables, one person's at a
time in a ring whose :attr:`KeyRing.holder` names them: every wrapped key, admission
tag and sealed private key is then bound to that person too.

Passwords are NFC-normalised before derivation; a slot made from the password exactly
as typed (before normalisation) still opens, and is re-made.

The file also holds the login-failure counters (:class:`FailureLog`, used by
:mod:`..services.throttle`), so that they cannot be reset by deleting a file without
destroying the store.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import secrets
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock

from .errors import AuthenticationError, StoreDamagedError
from .files import write_atomically
from .keywrap import (
    KEY_BYTES,
    PUBLIC_BYTES,
    Sealed,
    UnwrapError,
    WrappedKey,
    new_private_key,
    normalise_password,
    open_sealed,
    password_forms,
    password_key,
    private_bytes,
    private_from_bytes,
    public_bytes,
    seal,
    slot_id,
    subkey,
    tag,
    tag_ok,
    unwrap_with,
    wrap_to,
)
from .layout import KEYRING_LOCK_FILE, keyring_path

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

FORMAT = "veilig-huisbezoek/keyslots"
FORMAT_VERSION = 2
_READABLE_VERSIONS = (1, 2)
FIRST_GENERATION = 1

# OWASP Password Storage Cheat Sheet (2024/2025): Argon2id, m=46 MiB, t=1, p=1.
DEFAULT_KDF = {"name": "argon2id", "memory_kib": 47104, "time_cost": 1, "parallelism": 1}

_DAMAGED = "Het sleutelbestand is beschadigd of hoort niet bij Veilig Huisbezoek."


def normalise_username(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


# ---- slots ------------------------------------------------------------------------------
@dataclass(frozen=True)
class KeySlot:
    """A password slot: the database key of ``generation`` wrapped by the password key.

    Format 1's only kind, and what a team server held before key pairs."""

    id: str
    nonce: bytes
    wrapped_key: bytes
    generation: int = FIRST_GENERATION


@dataclass(frozen=True)
class KeyEntry:
    """One generation's database key, wrapped to a person's public key."""

    wrapped: WrappedKey
    tag: bytes  # MAC under that generation's key: admitted by someone who held it


@dataclass(frozen=True)
class PersonSlot:
    """A person's key pair: the private half sealed under their password key."""

    id: str
    public_key: bytes
    private_key: Sealed
    keys: Mapping[int, KeyEntry] = field(default_factory=dict)


@dataclass(frozen=True)
class WithdrawnSlot:
    """What is left of a password slot after a key rotation it could not be part of: no
    key material, only the id, so that its owner (the id proves the password) hears
    that the beheerder has to set a new password, not that the password is wrong."""

    id: str


Slot = KeySlot | PersonSlot | WithdrawnSlot


def slot_generations(slot: Slot) -> frozenset[int]:
    if isinstance(slot, KeySlot):
        return frozenset({slot.generation})
    if isinstance(slot, WithdrawnSlot):
        return frozenset()
    return frozenset(slot.keys)


@dataclass(frozen=True)
class OpenedSlot:
    """A slot opened with a password: what that person can unwrap."""

    slot_id: str
    keys: Mapping[int, bytes]  # database keys by generation
    kek: bytes  # the password key of the NFC form: to re-make the slot
    private: X25519PrivateKey | None  # None: a password slot
    from_raw_form: bool = False  # opened only by the password exactly as typed (not NFC)

    @property
    def needs_upgrade(self) -> bool:
        """A password slot (to become a key pair), or made from a non-NFC password."""
        return self.private is None or self.from_raw_form

    def newest(self) -> tuple[int, bytes]:
        generation = max(self.keys)
        return generation, self.keys[generation]


@dataclass(frozen=True)
class FailureLog:
    """Failed logins per account key (a hash, no names): count and time of the last one.

    ``floor`` applies to every account without an entry of its own (see
    :mod:`..services.throttle`); ``tampered`` means the stored counters did not pass
    their MAC check (or were missing from a format-2 file)."""

    counts: Mapping[str, tuple[int, float]] = field(default_factory=dict)
    floor: tuple[int, float] | None = None
    tampered: bool = False


# ---- the key ring -------------------------------------------------------------------------
@dataclass(frozen=True)
class KeyRing:
    store_id: str
    store_salt: bytes
    kdf: dict[str, Any]
    slots: tuple[Slot, ...] = field(default_factory=tuple)
    failures: FailureLog = field(default_factory=FailureLog)
    # A team server: whose key pair this ring holds (their normalised user name). It is
    # bound into every wrapped key, admission tag and sealed private key, so a public
    # key (with its tag) moved to another person's row is not admitted there. Empty in
    # a key file (keyslots.json), where slots hold no names.
    holder: str = ""

    # ---- derivation -------------------------------------------------------------------
    def _salt(self, username: str) -> bytes:
        return hashlib.sha256(
            b"vh-slot-salt\0" + self.store_salt + normalise_username(username).encode()
        ).digest()

    def password_key(self, username: str, password: str) -> bytes:
        """The password key (Argon2id) of the NFC form of ``password``."""
        return password_key(normalise_password(password), self._salt(username), self.kdf)

    def _password_slot_aad(self, sid: str) -> bytes:
        return f"{FORMAT}:{self.store_id}:{sid}".encode()

    @property
    def _scope(self) -> str:
        return f"{self.store_id}/{self.holder}" if self.holder else self.store_id

    def _private_aad(self, sid: str, public: bytes) -> bytes:
        return f"{FORMAT}/private:{self._scope}:{sid}:".encode() + public

    def key_context(self, generation: int) -> bytes:
        """Associated data of a wrapped database key: this store (and holder) and this
        generation."""
        return f"{FORMAT}/key:{self._scope}:{generation}".encode()

    def _tag_message(self, public: bytes, generation: int) -> bytes:
        return self.key_context(generation) + b"\0" + public

    # ---- opening ------------------------------------------------------------------------
    def find(self, sid: str) -> Slot | None:
        return next((s for s in self.slots if hmac.compare_digest(s.id, sid)), None)

    def open(self, username: str, password: str) -> OpenedSlot:
        """Open this person's slot, or raise AuthenticationError.

        One Argon2id derivation (NFC); a second only when the password as typed is not
        NFC and the first found no slot (a slot made before normalisation)."""
        salt = self._salt(username)
        nfc_kek: bytes | None = None
        for index, form in enumerate(password_forms(password)):
            kek = password_key(form, salt, self.kdf)
            nfc_kek = nfc_kek or kek
            opened = self.open_with(kek, nfc_kek=nfc_kek, from_raw_form=index > 0)
            if opened is not None:
                return opened
        raise AuthenticationError()

    def open_with(
        self, kek: bytes, *, nfc_kek: bytes | None = None, from_raw_form: bool = False
    ) -> OpenedSlot | None:
        """Open the slot of this password key (None: no such slot, or it does not open)."""
        sid = slot_id(kek)
        slot = self.find(sid)
        if slot is None:
            return None
        if isinstance(slot, WithdrawnSlot):
            return OpenedSlot(sid, {}, nfc_kek or kek, None, from_raw_form)
        if isinstance(slot, KeySlot):
            try:
                key = open_sealed(
                    subkey(kek, b"vh-wrap-key"),
                    Sealed(slot.nonce, slot.wrapped_key),
                    self._password_slot_aad(sid),
                )
            except UnwrapError:
                return None
            if len(key) != KEY_BYTES:
                return None
            return OpenedSlot(sid, {slot.generation: key}, nfc_kek or kek, None, from_raw_form)
        try:
            private = private_from_bytes(
                open_sealed(
                    subkey(kek, b"vh-wrap-private"),
                    slot.private_key,
                    self._private_aad(sid, slot.public_key),
                )
            )
        except UnwrapError:
            return None
        if not hmac.compare_digest(public_bytes(private), slot.public_key):
            return None
        keys = self.unwrap_all(slot, private)
        return OpenedSlot(sid, keys, nfc_kek or kek, private, from_raw_form)

    def unwrap_all(self, slot: PersonSlot, private: X25519PrivateKey) -> dict[int, bytes]:
        """Every generation's key this person's private key unwraps (and whose tag holds)."""
        keys: dict[int, bytes] = {}
        for generation, entry in slot.keys.items():
            try:
                key = unwrap_with(private, entry.wrapped, self.key_context(generation))
            except UnwrapError:
                continue
            if len(key) == KEY_BYTES and tag_ok(
                key, self._tag_message(slot.public_key, generation), entry.tag
            ):
                keys[generation] = key
        return keys

    def reopen(self, opened: OpenedSlot) -> OpenedSlot | None:
        """``opened`` again on this (newer) ring, without deriving the password key."""
        slot = self.find(opened.slot_id)
        if isinstance(slot, PersonSlot) and opened.private is not None:
            if not hmac.compare_digest(public_bytes(opened.private), slot.public_key):
                return None
            return replace(opened, keys=self.unwrap_all(slot, opened.private))
        if opened.from_raw_form:
            return None  # the raw form's key is not kept; the caller logs in again
        return self.open_with(opened.kek)

    def unlock(self, username: str, password: str) -> tuple[str, bytes]:
        """Return (slot id, newest database key) or raise AuthenticationError."""
        opened = self.open(username, password)
        if not opened.keys:
            raise AuthenticationError()
        return opened.slot_id, opened.newest()[1]

    # ---- making slots ------------------------------------------------------------------
    def make_slot(
        self, username: str, password: str, db_key: bytes, generation: int = FIRST_GENERATION
    ) -> KeySlot:
        """A password slot (format 1; tests make old ones with it)."""
        return self.password_slot(self.password_key(username, password), db_key, generation)

    def password_slot(self, kek: bytes, db_key: bytes, generation: int) -> KeySlot:
        sid = slot_id(kek)
        sealed = seal(subkey(kek, b"vh-wrap-key"), db_key, self._password_slot_aad(sid))
        return KeySlot(sid, sealed.nonce, sealed.ciphertext, generation)

    def make_person(self, username: str, password: str, keys: Mapping[int, bytes]) -> PersonSlot:
        """A new key pair for this name + password, with these database keys wrapped to it."""
        return self.person_slot(self.password_key(username, password), new_private_key(), keys)

    def person_slot(
        self, kek: bytes, private: X25519PrivateKey, keys: Mapping[int, bytes]
    ) -> PersonSlot:
        sid = slot_id(kek)
        public = public_bytes(private)
        sealed = seal(
            subkey(kek, b"vh-wrap-private"), private_bytes(private), self._private_aad(sid, public)
        )
        entries = {g: self._entry(public, g, key) for g, key in keys.items()}
        return PersonSlot(sid, public, sealed, entries)

    def _entry(self, public: bytes, generation: int, key: bytes) -> KeyEntry:
        return KeyEntry(
            wrap_to(public, key, self.key_context(generation)),
            tag(key, self._tag_message(public, generation)),
        )

    def entry_for(self, public: bytes, generation: int, key: bytes) -> KeyEntry:
        """``key`` (of ``generation``) wrapped to ``public``, with its admission tag."""
        return self._entry(public, generation, key)

    def vouched(self, public: bytes, generation: int, key: bytes, found: bytes) -> bool:
        """Whether ``found`` is the admission tag of ``public`` under ``key``: someone who
        held that generation's key added this public key (for this ring's holder)."""
        return tag_ok(key, self._tag_message(public, generation), found)

    def upgraded(self, opened: OpenedSlot) -> PersonSlot:
        """The person slot that replaces ``opened``'s password slot (or non-NFC slot):
        their key pair (a new one for a password slot), under the NFC password key."""
        private = opened.private or new_private_key()
        return self.person_slot(opened.kek, private, opened.keys)

    # ---- generations --------------------------------------------------------------------
    def generations(self) -> frozenset[int]:
        found: set[int] = set()
        for slot in self.slots:
            found |= slot_generations(slot)
        return frozenset(found)

    def admitted(self, slot: PersonSlot, known: Mapping[int, bytes]) -> bool:
        """Whether someone holding one of the ``known`` database keys added this key pair."""
        return any(
            generation in known
            and tag_ok(known[generation], self._tag_message(slot.public_key, generation), e.tag)
            for generation, e in slot.keys.items()
        )

    def with_generation(
        self,
        generation: int,
        key: bytes,
        recipients: Collection[str],
        known: Mapping[int, bytes],
    ) -> KeyRing:
        """Wrap ``key`` (generation ``generation``) to each person slot in ``recipients``
        that lacks it and was admitted by a holder of a ``known`` key."""
        slots: list[Slot] = []
        for slot in self.slots:
            if (
                isinstance(slot, PersonSlot)
                and slot.id in recipients
                and generation not in slot.keys
                and self.admitted(slot, known)
            ):
                entries = dict(slot.keys)
                entries[generation] = self._entry(slot.public_key, generation, key)
                slot = replace(slot, keys=entries)
            slots.append(slot)
        return replace(self, slots=tuple(slots))

    def only_generation(self, generation: int) -> KeyRing:
        """Forget every other generation: person slots keep only this one's key (none,
        if they never got it); password slots of other generations are withdrawn."""
        slots: list[Slot] = []
        for slot in self.slots:
            if isinstance(slot, WithdrawnSlot):
                slots.append(slot)
            elif isinstance(slot, KeySlot):
                slots.append(slot if slot.generation == generation else WithdrawnSlot(slot.id))
            else:
                kept = {g: e for g, e in slot.keys.items() if g == generation}
                slots.append(replace(slot, keys=kept))
        return replace(self, slots=tuple(slots))

    # ---- slot list ----------------------------------------------------------------------
    def with_slot(self, slot: Slot) -> KeyRing:
        others = tuple(s for s in self.slots if s.id != slot.id)
        return replace(self, slots=(*others, slot))

    def without_slot(self, slot_id: str) -> KeyRing:
        return replace(self, slots=tuple(s for s in self.slots if s.id != slot_id))

    def without_slots(self, slot_ids: Collection[str]) -> KeyRing:
        return replace(self, slots=tuple(s for s in self.slots if s.id not in slot_ids))

    def keeping_only(self, slot_ids: set[str]) -> KeyRing:
        return replace(self, slots=tuple(s for s in self.slots if s.id in slot_ids))

    # ---- (de)serialisation ----------------------------------------------------------------
    def _failures_mac(self, body: Mapping[str, Any]) -> str:
        # What this MAC does and does not do: see services/throttle.py. Its key comes
        # from the file itself (the app must update the counters before anyone has
        # logged in), so it detects hand-edited or removed counters, and counters copied
        # from another store; it cannot stop someone who reads this code and recomputes
        # it, nor the replay of an older copy of the file.
        key = subkey(self.store_salt, b"vh-login-failures\0" + self.store_id.encode())
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
        return hmac.new(key, canonical, hashlib.sha256).hexdigest()

    def _failures_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "entries": {k: [int(n), float(t)] for k, (n, t) in self.failures.counts.items()},
            "floor": (
                None
                if self.failures.floor is None
                else [int(self.failures.floor[0]), float(self.failures.floor[1])]
            ),
        }
        return {**body, "mac": self._failures_mac(body)}

    def _failures_from(self, data: Any) -> FailureLog:
        tampered = FailureLog(tampered=True)
        if not isinstance(data, dict) or not isinstance(data.get("mac"), str):
            return tampered
        body: dict[str, Any] = {"entries": data.get("entries"), "floor": data.get("floor")}
        if not hmac.compare_digest(self._failures_mac(body), data["mac"]):
            return tampered
        try:
            counts = {str(k): (int(v[0]), float(v[1])) for k, v in dict(body["entries"]).items()}
            raw_floor = body["floor"]
            floor = None if raw_floor is None else (int(raw_floor[0]), float(raw_floor[1]))
        except (TypeError, ValueError, KeyError, IndexError):
            return tampered
        return FailureLog(counts, floor)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "store_id": self.store_id,
                "store_salt": _b64(self.store_salt),
                "kdf": self.kdf,
                "slots": [_slot_json(s) for s in self.slots],
                "login_failures": self._failures_json(),
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> KeyRing:
        damaged = StoreDamagedError(_DAMAGED)
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise damaged
            version = data.get("format_version")
            if version not in _READABLE_VERSIONS or type(version) is not int:
                raise StoreDamagedError(
                    "Het sleutelbestand heeft een onbekende versie; werk de app bij."
                )
            kdf = dict(data["kdf"])
            if kdf.get("name") != "argon2id" or not _sane_kdf(kdf):
                raise damaged
            slots = tuple(_slot_from(s, version) for s in data["slots"])
            if len({s.id for s in slots}) != len(slots):
                raise damaged  # two slots with one id: never written by the app
            ring = cls(
                store_id=str(data["store_id"]),
                store_salt=_unb64(data["store_salt"]),
                kdf=kdf,
                slots=slots,
            )
        except StoreDamagedError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise damaged from exc
        if version == 1:
            return ring  # no counters yet: nothing to check
        return replace(ring, failures=ring._failures_from(data.get("login_failures")))

    @classmethod
    def new(cls, kdf: dict[str, Any] | None = None) -> KeyRing:
        return cls(
            store_id=secrets.token_hex(16),
            store_salt=secrets.token_bytes(16),
            kdf=dict(kdf or DEFAULT_KDF),
        )


def _slot_json(slot: Slot) -> dict[str, Any]:
    if isinstance(slot, WithdrawnSlot):
        return {"id": slot.id, "kind": "withdrawn"}
    if isinstance(slot, KeySlot):
        return {
            "id": slot.id,
            "kind": "password",
            "generation": slot.generation,
            "nonce": _b64(slot.nonce),
            "wrapped_key": _b64(slot.wrapped_key),
        }
    return {
        "id": slot.id,
        "kind": "keypair",
        "public_key": _b64(slot.public_key),
        "nonce": _b64(slot.private_key.nonce),
        "private_key": _b64(slot.private_key.ciphertext),
        "keys": {
            str(generation): {
                "ephemeral": _b64(entry.wrapped.ephemeral),
                "nonce": _b64(entry.wrapped.nonce),
                "wrapped_key": _b64(entry.wrapped.ciphertext),
                "tag": _b64(entry.tag),
            }
            for generation, entry in sorted(slot.keys.items())
        },
    }


def _generation(value: Any) -> int:
    number = int(value)
    if not 1 <= number < 2**62 or str(number) != str(value):
        raise ValueError("bad generation")
    return number


def _slot_from(data: Any, version: int) -> Slot:
    if not isinstance(data, dict):
        raise TypeError("slot")
    sid = data["id"]
    if not isinstance(sid, str):
        raise TypeError("slot id")
    kind = data.get("kind", "password") if version >= 2 else "password"
    if kind == "password":
        generation = _generation(data.get("generation", FIRST_GENERATION))
        return KeySlot(sid, _unb64(data["nonce"]), _unb64(data["wrapped_key"]), generation)
    if kind == "withdrawn":
        return WithdrawnSlot(sid)
    if kind != "keypair":
        raise ValueError("slot kind")
    public = _unb64(data["public_key"])
    if len(public) != PUBLIC_BYTES:
        raise ValueError("public key")
    keys: dict[int, KeyEntry] = {}
    for generation, entry in dict(data["keys"]).items():
        keys[_generation(generation)] = KeyEntry(
            WrappedKey(
                _unb64(entry["ephemeral"]), _unb64(entry["nonce"]), _unb64(entry["wrapped_key"])
            ),
            _unb64(entry["tag"]),
        )
    return PersonSlot(sid, public, Sealed(_unb64(data["nonce"]), _unb64(data["private_key"])), keys)


_KDF_LIMITS = {"memory_kib": (8192, 4_194_304), "time_cost": (1, 100), "parallelism": (1, 64)}


def _sane_kdf(kdf: dict[str, Any]) -> bool:
    return all(
        type(kdf.get(name)) is int and low <= kdf[name] <= high
        for name, (low, high) in _KDF_LIMITS.items()
    )


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def read_keyring(path: Path) -> KeyRing:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise StoreDamagedError(_DAMAGED) from exc
    return KeyRing.from_json(text)


def write_keyring(path: Path, ring: KeyRing) -> None:
    write_atomically(path, ring.to_json().encode("utf-8"))


@contextlib.contextmanager
def keyring_lock(data_dir: Path) -> Iterator[None]:
    """The data folder's lock for a read-modify-write of the key slots (all processes)."""
    # flock on POSIX (as before), LockFileEx on Windows: no POSIX-only call on its path.
    with FileLock(data_dir / KEYRING_LOCK_FILE, thread_local=False):
        yield


def update_keyring(data_dir: Path, change: Callable[[KeyRing], KeyRing]) -> KeyRing:
    """Read, change and write the key slots under the lock; returns the result.

    When ``change`` returns the ring it was given, nothing is written."""
    with keyring_lock(data_dir):
        ring = read_keyring(keyring_path(data_dir))
        changed = change(ring)
        if changed is not ring:
            write_keyring(keyring_path(data_dir), changed)
        return changed
