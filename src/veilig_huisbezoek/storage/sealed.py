"""Client-side encryption of personal columns, active only on a team server.

The embedded store encrypts the whole file (SQLCipher), so there these column types
pass values through unchanged and create exactly the columns they always had. On a
team server (PostgreSQL) a database administrator must see no plaintext: each personal
value is sealed with AES-256-GCM under a key derived from the team key before it
leaves the workstation, and stored as ``bytea``.

A sealed value is **bound to its place**: the associated data names the table, the
column and the row (its ``id``) and the team key's generation, so a value copied into
another row or column does not open there (it reads as damage, never silently as the
other row's data). Writing needs the row's id first (:func:`bind_rows` fetches it from
the server's sequence before an INSERT); reading gets it from the server in the same
SELECT (:meth:`SealedType.column_expression` selects ``id`` beside the value).

Format (version 2)::

    0x02 | generation (4 bytes) | nonce (12) | ciphertext + tag

Version 1 (unbound, before this format) still opens while a server is being upgraded
(``accept_v1``); the upgrade re-seals everything (:mod:`.team.reseal`).

The key travels with the engine: :class:`~.team.store.TeamStore` puts a :class:`Sealer`
on its engine's dialect (one dialect object per engine), so the types find it while
binding and reading. A non-SQLite engine without a sealer refuses to bind personal
values at all: plaintext never reaches a server by accident.

Sealed values are randomised (a fresh nonce each time), so they cannot be compared in
SQL; an address is found through its blind index (:meth:`Sealer.address_index`), keyed
per purpose (visits and register notes get different indexes of the same address).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from typing import cast as cast_type

from sqlalchemy import (
    JSON,
    BigInteger,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    cast,
    event,
    insert,
    inspect,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Mapper
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator, TypeEngine

from ..domain.errors import msg, term
from .errors import StoreDamagedError

SEALER_ATTRIBUTE = "vh_sealer"
V1 = b"\x01"
V2 = b"\x02"
_NONCE = 12
_TAG = 16
_ROW = 8  # the row id the server puts in front of each value it returns (int8send)

# Dutch names for the records a damaged value is reported on (never its content).
RECORD_NAMES = {
    "accounts": msg("account"),
    "visits": msg("bezoek"),
    "visit_events": msg("bezoeksgebeurtenis"),
    "assessments": msg("risico-inschatting"),
    "unsafe_address_notes": msg("adresnotitie"),
    "audit_log": msg("auditregel"),
    "incidents": msg("incident"),
    "incident_steps": msg("incidentstap"),
    "incident_police_reports": msg("melding/aangifte"),
    "incident_aftercare": msg("nazorggesprek"),
    "incident_attachments": msg("bijlage"),
}


class SealError(Exception):
    """A sealed value could not be opened (wrong team key, moved, or changed)."""


class SealedValueError(StoreDamagedError):
    """A sealed value on the server does not open: named by record, never by content."""

    def __init__(self, where: str, row: int | None) -> None:
        table, _, column = where.partition(".")
        self.table, self.column, self.row = table, column, row
        super().__init__(
            msg(
                "Een versleuteld gegeven van {record} {row} ({column}) is beschadigd of hoort "
                "daar niet; het wordt niet getoond.",
                record=term(RECORD_NAMES.get(table, table)),
                row=row if row is not None else "?",
                column=column,
            )
        )


@functools.cache
def _aad_prefix(generation: int, where: str) -> bytes:
    return b"vh2|%d|%s|" % (generation, where.encode("ascii"))


def _aad(generation: int, where: str, row: int) -> bytes:
    return b"%b%d" % (_aad_prefix(generation, where), row)


class Sealer:
    """Seals and opens column values with keys derived from the team key(s).

    ``keys`` maps a key generation to its team key; new values use ``generation``.
    """

    def __init__(
        self,
        keys: Mapping[int, bytes],
        *,
        generation: int,
        accept_v1: bool = False,
    ) -> None:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if generation not in keys:
            raise ValueError("the current generation's key is missing")
        self.generation = generation
        self.accept_v1 = accept_v1
        self._aead = {
            gen: AESGCM(hmac.new(key, b"vh-column-key", hashlib.sha256).digest())
            for gen, key in keys.items()
        }
        self._keys = dict(keys)
        # Version 1 used the generation-1 (first) team key without associated data.
        self._v1 = self._aead.get(min(keys))
        self._invalid_tag = InvalidTag

    @classmethod
    def single(cls, team_key: bytes, *, accept_v1: bool = False) -> Sealer:
        return cls({1: team_key}, generation=1, accept_v1=accept_v1)

    def seal(self, plain: bytes, where: str, row: int) -> bytes:
        gen = self.generation
        nonce = secrets.token_bytes(_NONCE)
        body = self._aead[gen].encrypt(nonce, plain, _aad(gen, where, row))
        return V2 + gen.to_bytes(4, "big") + nonce + body

    def generation_of(self, sealed: bytes) -> int | None:
        """The key generation a value is sealed with (None: version 1 or not sealed)."""
        if sealed[:1] == V2 and len(sealed) >= 5:
            return int.from_bytes(sealed[1:5], "big")
        return None

    def open(self, sealed: bytes, where: str, row: int) -> bytes:
        try:
            if sealed[:1] == V2 and len(sealed) >= 5 + _NONCE + _TAG:
                gen = int.from_bytes(sealed[1:5], "big")
                aead = self._aead.get(gen)
                if aead is None:
                    raise SealError("sleutelgeneratie onbekend")
                nonce = sealed[5 : 5 + _NONCE]
                return aead.decrypt(nonce, sealed[5 + _NONCE :], _aad(gen, where, row))
            if (
                self.accept_v1
                and self._v1 is not None
                and sealed[:1] == V1
                and len(sealed) >= 1 + _NONCE + _TAG
            ):
                nonce = sealed[1 : 1 + _NONCE]
                return self._v1.decrypt(nonce, sealed[1 + _NONCE :], V1)
        except self._invalid_tag:
            raise SealError("sleutel past niet of waarde gewijzigd of verplaatst") from None
        raise SealError("onbekend formaat")

    def open_tagged(self, raw: bytes, where: str) -> tuple[bytes, int]:
        """A value as the server returns it (:class:`row_tagged`: its row's id in front),
        opened bound to that row; returns the plaintext and the row. Raises
        :class:`SealedValueError` (named by record, never by content)."""
        if len(raw) < _ROW:
            raise SealedValueError(where, None)
        row = int.from_bytes(raw[:_ROW], "big", signed=True)
        try:
            return self.open(raw[_ROW:], where, row), row
        except SealError:
            raise SealedValueError(where, row) from None

    def address_index(self, purpose: str, postcode: str, house_number: int, addition: str) -> str:
        """Deterministic blind index of a normalised address key (hex HMAC-SHA256), with
        a key of its own per purpose (a table): indexes of two tables cannot be joined.
        Keyed by the current generation's team key."""
        return self._address_index(self.generation, purpose, postcode, house_number, addition)

    def address_indexes(
        self, purpose: str, postcode: str, house_number: int, addition: str
    ) -> list[str]:
        """The address's blind index under every generation this sealer knows, current
        first: a lookup finds rows indexed before a key rotation was re-sealed."""
        generations = sorted(self._keys, key=lambda g: (g != self.generation, -g))
        return [
            self._address_index(g, purpose, postcode, house_number, addition) for g in generations
        ]

    def _address_index(
        self, generation: int, purpose: str, postcode: str, house_number: int, addition: str
    ) -> str:
        key = hmac.new(
            self._keys[generation], b"vh-address-index|" + purpose.encode(), hashlib.sha256
        ).digest()
        normal = f"{postcode.replace(' ', '').upper()}|{house_number}|{addition.upper()}"
        return hmac.new(key, normal.encode("utf-8"), hashlib.sha256).hexdigest()

    @property
    def generations(self) -> frozenset[int]:
        """The key generations this sealer opens."""
        return frozenset(self._keys)


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


@dataclass(frozen=True)
class RowBound:
    """A value to seal, with the id of the row it goes into."""

    value: Any
    row: int


class row_tagged(FunctionElement[Any]):
    """The sealed column, with its row's id in front on a server (8 bytes, int8send):
    the type opens it bound to that row. Plain column on SQLite."""

    name = "row_tagged"
    inherit_cache = True

    def __init__(self, column: Any, row: Any, type_: TypeEngine[Any]) -> None:
        super().__init__(column, row)
        self.type = type_


@compiles(row_tagged)
def _plain_column(element: row_tagged, compiler: SQLCompiler, **kw: Any) -> str:
    column, _row = list(element.clauses)
    return compiler.process(column, **kw)


@compiles(row_tagged, "postgresql")
def _tagged_column(element: row_tagged, compiler: SQLCompiler, **kw: Any) -> str:
    column, row = list(element.clauses)
    return f"(int8send({compiler.process(row, **kw)}) || {compiler.process(column, **kw)})"


class SealedType(TypeDecorator[Any]):
    """Base of the sealed column types: plain on SQLite, sealed ``bytea`` on a server.

    ``where`` (``table.column``) is filled in by :func:`bind_columns` once the tables
    are defined; it is part of each value's associated data.
    """

    impl = LargeBinary
    cache_ok = True
    where = ""

    def plain_type(self) -> TypeEngine[Any]:
        raise NotImplementedError

    def encode(self, value: Any) -> bytes:
        raise NotImplementedError

    def decode(self, plain: bytes) -> Any:
        raise NotImplementedError

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(self.plain_type())
        return dialect.type_descriptor(LargeBinary())

    def column_expression(self, colexpr: ColumnElement[Any]) -> ColumnElement[Any]:
        table = getattr(colexpr, "table", None)
        row = getattr(getattr(table, "c", None), "id", None)
        if row is None:
            raise RuntimeError(f"sealed column {self.where} selected without its row id")
        return row_tagged(colexpr, cast(row, BigInteger), type_=self)

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        sealer = _needs_sealer(dialect)
        if sealer is None:
            return value.value if isinstance(value, RowBound) else value
        if value is None or (isinstance(value, RowBound) and value.value is None):
            return None
        if not isinstance(value, RowBound):
            raise RuntimeError(f"sealed value for {self.where} without its row (bind_rows)")
        return sealer.seal(self.encode(value.value), self.where, value.row)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        sealer = _needs_sealer(dialect)
        if sealer is None or value is None:
            return value
        plain, row = sealer.open_tagged(bytes(value), self.where)
        try:
            return self.decode(plain)
        except ValueError:
            raise SealedValueError(self.where, row) from None


class SealedText(SealedType):
    """A personal text: ``String(length)``/``Text`` on SQLite."""

    cache_ok = True

    def __init__(self, length: int | None = None) -> None:
        super().__init__()
        self.sealed_length = length

    def plain_type(self) -> TypeEngine[Any]:
        return String(self.sealed_length) if self.sealed_length is not None else Text()

    def encode(self, value: Any) -> bytes:
        return str(value).encode("utf-8")

    def decode(self, plain: bytes) -> str:
        return plain.decode("utf-8")


class SealedBytes(SealedType):
    """A personal file: ``LargeBinary`` everywhere."""

    cache_ok = True

    def plain_type(self) -> TypeEngine[Any]:
        return LargeBinary()

    def encode(self, value: Any) -> bytes:
        return bytes(value)

    def decode(self, plain: bytes) -> bytes:
        return plain


class SealedInt(SealedType):
    """A personal number (a house number): ``Integer`` on SQLite."""

    cache_ok = True

    def plain_type(self) -> TypeEngine[Any]:
        return Integer()

    def encode(self, value: Any) -> bytes:
        return str(int(value)).encode("ascii")

    def decode(self, plain: bytes) -> int:
        return int(plain.decode("ascii"))


class SealedJSON(SealedType):
    """Personal structured data (checklist answers): ``JSON`` on SQLite."""

    cache_ok = True

    def plain_type(self) -> TypeEngine[Any]:
        return JSON()

    def encode(self, value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def decode(self, plain: bytes) -> Any:
        return json.loads(plain.decode("utf-8"))


def is_sealed(type_: object) -> bool:
    return isinstance(type_, SealedType)


def bind_columns(metadata: MetaData) -> None:
    """Give every sealed column type its ``table.column`` (associated data)."""
    for table in metadata.tables.values():
        for column in table.columns:
            if isinstance(column.type, SealedType):
                column.type.where = f"{table.name}.{column.name}"


def sealed_keys(mapper: Mapper[Any]) -> list[str]:
    """The attribute keys of a mapped class's sealed columns."""
    return [
        prop.key
        for prop in mapper.column_attrs
        if any(isinstance(col.type, SealedType) for col in prop.columns)
    ]


def bind_rows(base: type) -> None:
    """ORM hooks (all mapped classes under ``base``): on a server, before a row is
    written, its id is taken from the server's sequence when still unknown and each
    sealed value it writes is bound to that id; afterwards the plain values are back."""

    def before(_mapper: Mapper[Any], connection: Any, target: Any) -> None:
        if sealer_of(connection.dialect) is None:
            return
        keys = sealed_keys(_mapper)
        if not keys:
            return
        if getattr(target, "id", None) is None:
            table = str(getattr(_mapper.local_table, "name", ""))
            target.id = connection.exec_driver_sql(
                f"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))"
            ).scalar_one()
        state = target.__dict__
        changed = inspect(target).attrs
        inserting = inspect(target).key is None
        for key in keys:
            value = state.get(key)
            if value is None and inserting and key not in state:
                # A column default ("") would be bound later, unsealable: bind it now.
                default = _mapper.columns[key].default
                value = (
                    getattr(default, "arg", None)
                    if default is not None and default.is_scalar
                    else None
                )
            if value is None or isinstance(value, RowBound):
                continue
            # Only what is written: an UPDATE re-seals the changed values alone.
            if inserting or changed[key].history.has_changes():
                state[key] = RowBound(value, int(target.id))

    def after(_mapper: Mapper[Any], _connection: Any, target: Any) -> None:
        state = target.__dict__
        for key in sealed_keys(_mapper):
            value = state.get(key)
            if isinstance(value, RowBound):
                state[key] = value.value

    for name, hook in (
        ("before_insert", before),
        ("before_update", before),
        ("after_insert", after),
        ("after_update", after),
    ):
        event.listen(base, name, hook, propagate=True)


@functools.cache
def _insert_into(table: Table) -> Any:
    return insert(table)


def insert_row(session: Any, model: type, values: Mapping[str, Any]) -> int:
    """One Core INSERT of a row of ``model`` (no ORM object, no flush); returns its id.

    What :func:`bind_rows` does for ORM objects, done here by hand: on a server the id
    comes from the server's sequence first and each sealed value is bound to it; on
    SQLite the values go in as they are and the id is SQLite's.
    """
    mapper: Mapper[Any] = inspect(model)
    table = cast_type(Table, mapper.local_table)
    connection = session.connection()
    keys = sealed_keys(mapper)
    row = dict(values)
    if sealer_of(connection.dialect) is not None and keys:
        if row.get("id") is None:
            row["id"] = connection.exec_driver_sql(
                f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id'))"
            ).scalar_one()
        for key in keys:
            if key not in row:  # a column default ("") would be bound unsealable
                default = mapper.columns[key].default
                scalar = default is not None and default.is_scalar
                row[key] = getattr(default, "arg", None) if scalar else None
            if row[key] is not None:
                row[key] = RowBound(row[key], int(row["id"]))
    result = connection.execute(_insert_into(table), row)
    if row.get("id") is not None:
        return int(row["id"])
    return int(result.inserted_primary_key[0])
