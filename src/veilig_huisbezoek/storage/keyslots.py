"""Key slots: the database key wrapped once per account.

The database is encrypted with one random 256-bit key. Each account holds a *slot*:
that key encrypted (AES-256-GCM) with a key derived from the person's password by
Argon2id. The slot file holds no names: a slot's id is itself derived from the
password-derived key, so finding your slot proves you know the password, and the
file reveals neither who has an account nor how many login names exist beyond the
slot count. A password change replaces one slot; removing an account deletes its slot.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import AuthenticationError, StoreDamagedError
from .files import write_atomically

FORMAT = "veilig-huisbezoek/keyslots"
FORMAT_VERSION = 1
KEY_BYTES = 32

# OWASP Password Storage Cheat Sheet (2024/2025): Argon2id, m=46 MiB, t=1, p=1.
DEFAULT_KDF = {"name": "argon2id", "memory_kib": 47104, "time_cost": 1, "parallelism": 1}


def normalise_username(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KeySlot:
    id: str
    nonce: bytes
    wrapped_key: bytes


@dataclass(frozen=True)
class KeyRing:
    store_id: str
    store_salt: bytes
    kdf: dict[str, Any]
    slots: tuple[KeySlot, ...] = field(default_factory=tuple)

    # ---- derivation -------------------------------------------------------------
    def _kek(self, username: str, password: str) -> bytes:
        salt = hashlib.sha256(
            b"vh-slot-salt\0" + self.store_salt + normalise_username(username).encode()
        ).digest()
        # argon2 and cryptography load on first use, not on the way to the login window.
        from argon2.low_level import Type, hash_secret_raw

        return hash_secret_raw(
            secret=password.encode("utf-8"),
            salt=salt,
            time_cost=int(self.kdf["time_cost"]),
            memory_cost=int(self.kdf["memory_kib"]),
            parallelism=int(self.kdf["parallelism"]),
            hash_len=32,
            type=Type.ID,
        )

    @staticmethod
    def _slot_id(kek: bytes) -> str:
        return hmac.new(kek, b"vh-slot-id", hashlib.sha256).hexdigest()[:32]

    @staticmethod
    def _wrap_key(kek: bytes) -> bytes:
        return hmac.new(kek, b"vh-wrap-key", hashlib.sha256).digest()

    def _aad(self, slot_id: str) -> bytes:
        return f"{FORMAT}:{self.store_id}:{slot_id}".encode()

    # ---- operations -------------------------------------------------------------
    def make_slot(self, username: str, password: str, db_key: bytes) -> KeySlot:
        kek = self._kek(username, password)
        slot_id = self._slot_id(kek)
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(self._wrap_key(kek)).encrypt(nonce, db_key, self._aad(slot_id))
        return KeySlot(slot_id, nonce, wrapped)

    def unlock(self, username: str, password: str) -> tuple[str, bytes]:
        """Return (slot id, database key) or raise AuthenticationError."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        kek = self._kek(username, password)
        slot_id = self._slot_id(kek)
        for slot in self.slots:
            if hmac.compare_digest(slot.id, slot_id):
                try:
                    key = AESGCM(self._wrap_key(kek)).decrypt(
                        slot.nonce, slot.wrapped_key, self._aad(slot_id)
                    )
                except InvalidTag:
                    break
                if len(key) != KEY_BYTES:
                    break
                return slot_id, key
        raise AuthenticationError()

    def with_slot(self, slot: KeySlot) -> KeyRing:
        others = tuple(s for s in self.slots if s.id != slot.id)
        return replace(self, slots=(*others, slot))

    def without_slot(self, slot_id: str) -> KeyRing:
        return replace(self, slots=tuple(s for s in self.slots if s.id != slot_id))

    def keeping_only(self, slot_ids: set[str]) -> KeyRing:
        return replace(self, slots=tuple(s for s in self.slots if s.id in slot_ids))

    # ---- (de)serialisation -------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "store_id": self.store_id,
                "store_salt": _b64(self.store_salt),
                "kdf": self.kdf,
                "slots": [
                    {"id": s.id, "nonce": _b64(s.nonce), "wrapped_key": _b64(s.wrapped_key)}
                    for s in self.slots
                ],
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> KeyRing:
        damaged = StoreDamagedError(
            "Het sleutelbestand is beschadigd of hoort niet bij Veilig Huisbezoek."
        )
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise damaged
            if data.get("format_version") != FORMAT_VERSION:
                raise StoreDamagedError(
                    "Het sleutelbestand heeft een onbekende versie; werk de app bij."
                )
            kdf = dict(data["kdf"])
            if kdf.get("name") != "argon2id" or not _sane_kdf(kdf):
                raise damaged
            return cls(
                store_id=str(data["store_id"]),
                store_salt=_unb64(data["store_salt"]),
                kdf=kdf,
                slots=tuple(
                    KeySlot(str(s["id"]), _unb64(s["nonce"]), _unb64(s["wrapped_key"]))
                    for s in data["slots"]
                ),
            )
        except StoreDamagedError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise damaged from exc

    @classmethod
    def new(cls, kdf: dict[str, Any] | None = None) -> KeyRing:
        return cls(
            store_id=secrets.token_hex(16),
            store_salt=secrets.token_bytes(16),
            kdf=dict(kdf or DEFAULT_KDF),
        )


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
        raise StoreDamagedError(
            "Het sleutelbestand is beschadigd of hoort niet bij Veilig Huisbezoek."
        ) from exc
    return KeyRing.from_json(text)


def write_keyring(path: Path, ring: KeyRing) -> None:
    write_atomically(path, ring.to_json().encode("utf-8"))
