"""Walk every sealed value on a team server: re-seal it in place, or check it opens.

One walk serves two jobs:

* :func:`reseal` (the owner, during ``admin upgrade-server``): every value that is not
  sealed in the current format — version 1 (not bound to its place), plaintext left by
  a column that has just become sealed, or an older key generation — is sealed again,
  bound to its table, column and row; the blind address indexes are recomputed with
  their per-purpose keys; then the server is marked as re-sealed, after which unbound
  values no longer open. In batches, resumable: a value already in the current format
  is skipped, so a run that stopped half-way simply continues.
* :func:`damaged` (``verify``): the places whose value does not open, named by record,
  never by content.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from ..models import Base
from ..sealed import V1, V2, SealedType, SealedValueError, Sealer, SealError

BATCH = 500
SEAL_FORMAT = 2  # team_keyring.seal_format once everything is bound (version 2)
BIDX_TABLES = ("visits", "unsafe_address_notes")


@dataclass(frozen=True)
class SealedColumn:
    table: str
    column: str
    type: SealedType

    @property
    def where(self) -> str:
        return f"{self.table}.{self.column}"


def sealed_columns() -> list[SealedColumn]:
    return [
        SealedColumn(table.name, column.name, column.type)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, SealedType)
    ]


def _values(conn: Connection, col: SealedColumn) -> Iterator[tuple[int, bytes]]:
    last = None
    while True:
        rows = conn.execute(
            text(
                f'SELECT id, "{col.column}" FROM "{col.table}" WHERE "{col.column}" IS NOT NULL '
                + ("AND id > :last " if last is not None else "")
                + "ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": BATCH},
        ).all()
        for row_id, value in rows:
            yield int(row_id), bytes(value)
        if len(rows) < BATCH:
            return
        last = rows[-1][0]


def _plain_of(sealer: Sealer, col: SealedColumn, row: int, value: bytes) -> bytes | None:
    """The plaintext of a value that must be re-sealed; None when it is current."""
    if value[:1] == V2:
        if sealer.generation_of(value) == sealer.generation:
            return None
        return sealer.open(value, col.where, row)
    if value[:1] == V1:
        return sealer.open(value, col.where, row)
    # Plaintext bytes: the column was just converted to bytea (convert_to(…::text)).
    return value


def reseal(conn: Connection, sealer: Sealer) -> int:
    """Bring every sealed value to the current format; returns how many changed.

    Raises :class:`SealedValueError` naming the first value that does not open (a
    damaged server is not upgraded past it; ``verify`` lists them all).
    """
    changed = 0
    for col in sealed_columns():
        for row, value in list(_values(conn, col)):
            try:
                plain = _plain_of(sealer, col, row, value)
            except SealError:
                raise SealedValueError(col.where, row) from None
            if plain is None:
                continue
            conn.execute(
                text(f'UPDATE "{col.table}" SET "{col.column}" = :v WHERE id = :i'),
                {"v": sealer.seal(plain, col.where, row), "i": row},
            )
            changed += 1
    _reindex(conn, sealer)
    conn.execute(text("UPDATE team_keyring SET seal_format = :f"), {"f": SEAL_FORMAT})
    return changed


def _reindex(conn: Connection, sealer: Sealer) -> None:
    """The blind address indexes, each with its own per-purpose key."""
    for table in BIDX_TABLES:
        parts: dict[int, dict[str, Any]] = {}
        for name in ("postcode", "house_number", "addition"):
            col = SealedColumn(table, name, Base.metadata.tables[table].c[name].type)  # type: ignore[arg-type]
            for row, value in _values(conn, col):
                plain = sealer.open(value, col.where, row)
                parts.setdefault(row, {})[name] = col.type.decode(plain)
        for row, address in parts.items():
            conn.execute(
                text(f'UPDATE "{table}" SET address_bidx = :b WHERE id = :i'),
                {
                    "b": sealer.address_index(
                        table,
                        str(address.get("postcode", "")),
                        int(address.get("house_number", 0)),
                        str(address.get("addition", "")),
                    ),
                    "i": row,
                },
            )


def damaged(conn: Connection, sealer: Sealer) -> list[SealedValueError]:
    """Every value this connection may read that does not open, in table order."""
    found: list[SealedValueError] = []
    for col in sealed_columns():
        for row, value in _values(conn, col):
            try:
                col.type.decode(sealer.open(value, col.where, row))
            except (SealError, ValueError):
                found.append(SealedValueError(col.where, row))
    return found
