"""Client-side encryption of personal columns, active only on a team server.

The embedded store encrypts the whole file (SQLCipher), so there these column types
pass values through unchanged and create exactly the columns they always had. On a
team server (PostgreSQL) a database administrator must see no plaintext: each personal
value is sealed with AES-256-GCM under a key derived from the team key before it
leaves the workstation, and stored as ``bytea``.

The key travels with the engine: :class:`~.team.store.TeamStore` puts a :class:`Sealer`
on its engine's dialect (one dialect object per engine), so the types find it while
binding and reading. A non-SQLite engine without a sealer refuses to bind personal
values at all: plaintext never reaches a server by accident.

Sealed values are randomised (a fresh nonce each time), so they cannot be compared in
SQL; an address is found through its blind index (:func:`address_index`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from sqlalchemy import Integer, LargeBinary, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

SEALER_ATTRIBUTE = "vh_sealer"
_VERSION = b"\x01"
_NONCE_BYTES = 12


class SealError(Exception):
    """A sealed value could not be opened (wrong team key or changed on the server)."""


class Sealer:
    """Seals and opens column values with keys derived from the team key."""

    def __init__(self, team_key: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(hmac.new(team_key, b"vh-column-key", hashlib.sha256).digest())
        self._index_key = hmac.new(team_key, b"vh-address-index", hashlib.sha256).digest()

    def seal(self, plain: bytes) -> bytes:
        nonce = secrets.token_bytes(_NONCE_BYTES)
        return _VERSION + nonce + self._aead.encrypt(nonce, plain, _VERSION)

    def open(self, sealed: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        if sealed[:1] != _VERSION or len(sealed) < 1 + _NONCE_BYTES + 16:
            raise SealError("onbekend formaat")
        nonce = sealed[1 : 1 + _NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, sealed[1 + _NONCE_BYTES :], _VERSION)
        except InvalidTag:
            raise SealError("sleutel past niet of waarde gewijzigd") from None

    def address_index(self, postcode: str, house_number: int, addition: str) -> str:
        """Deterministic blind index of a normalised address key (hex HMAC-SHA256)."""
        normal = f"{postcode.replace(' ', '').upper()}|{house_number}|{addition.upper()}"
        return hmac.new(self._index_key, normal.encode("utf-8"), hashlib.sha256).hexdigest()


def sealer_of(dialect: Dialect) -> Sealer | None:
    sealer = getattr(dialect, SEALER_ATTRIBUTE, None)
    assert sealer is None or isinstance(sealer, Sealer)
    return sealer


def _needs_sealer(dialect: Dialect) -> Sealer | None:
    """None on SQLite (the file is encrypted as a whole); elsewhere the engine's sealer."""
    if dialect.name == "sqlite":
        return None
    sealer = sealer_of(dialect)
    if sealer is None:
        raise RuntimeError("personal columns on a server need the team key (no sealer)")
    return sealer


class SealedText(TypeDecorator[str]):
    """A personal text: ``String(length)``/``Text`` on SQLite, sealed ``bytea`` elsewhere."""

    impl = String
    cache_ok = True

    def __init__(self, length: int | None = None) -> None:
        super().__init__(length)
        self.sealed_length = length
        if length is None:
            self.impl = Text()  # type: ignore[assignment]

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            plain: TypeEngine[Any] = (
                String(self.sealed_length) if self.sealed_length is not None else Text()
            )
            return dialect.type_descriptor(plain)
        return dialect.type_descriptor(LargeBinary())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        sealer = _needs_sealer(dialect)
        if sealer is None or value is None:
            return value
        return sealer.seal(str(value).encode("utf-8"))

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        sealer = _needs_sealer(dialect)
        if sealer is None or value is None:
            return value  # type: ignore[no-any-return]
        return sealer.open(bytes(value)).decode("utf-8")


class SealedBytes(TypeDecorator[bytes]):
    """A personal file: ``LargeBinary`` everywhere, sealed on a server."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        sealer = _needs_sealer(dialect)
        if sealer is None or value is None:
            return value
        return sealer.seal(bytes(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> bytes | None:
        sealer = _needs_sealer(dialect)
        if sealer is None or value is None:
            return value  # type: ignore[no-any-return]
        return sealer.open(bytes(value))


class SealedInt(TypeDecorator[int]):
    """A personal number (a house number): ``Integer`` on SQLite, sealed elsewhere."""

    impl = Integer
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Integer())
        return dialect.type_descriptor(LargeBinary())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        sealer = _needs_sealer(dialect)
        if sealer is None or value is None:
            return value
        return sealer.seal(str(int(value)).encode("ascii"))

    def process_result_value(self, value: Any, dialect: Dialect) -> int | None:
        sealer = _needs_sealer(dialect)
        if sealer is None or value is None:
            return value  # type: ignore[no-any-return]
        return int(sealer.open(bytes(value)).decode("ascii"))


def is_sealed(type_: object) -> bool:
    return isinstance(type_, SealedText | SealedBytes | SealedInt)
