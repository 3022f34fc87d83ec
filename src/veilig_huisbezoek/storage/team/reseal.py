"""Walk every sealed value on a team server: re-seal it in place, or check it opens.

One walk serves two jobs:

* :func:`run` (the owner: ``admin reseal``, and ``admin upgrade-server``): every value
  not sealed with the current team key generation — version 1 (not bound to its place),
  plaintext left by a column that has just become sealed, or an older generation
  after a key rotation — is sealed again with the current one, bound to its table,
  column and row; the blind address indexes are recomputed with the current key. In
  batches, **one transaction per batch** (under the write lock, so the app's writers
  wait a moment instead of racing it): a ``kill -9`` loses at most the batch in
  flight, and a new run simply continues, because it only picks values of an older
  generation. When nothing older is left, the last transaction checks that once more
  and *retires* the older generations: their wrapped keys are deleted (and password
  slots from before key pairs, which hold the first generation's key, are
  withdrawn), so an old team key no longer opens anything on the server.
* :func:`survey` (``verify``): the places whose value does not open, named by record,
  never by content, and how many values still use an older generation.

Why a ``kill -9`` never leaves a server nobody can open: a rotation (rules.py,
``vh_rotate_team_key``) adds the new generation next to the old one, and everyone who
remains holds both until :func:`retire` runs, which happens in the same transaction
as the check that no value of an older generation is left. The server refuses values
a person writes with anything but the current generation, so none appear after that
check.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text

from ..models import Base
from ..sealed import V1, V2, SealedType, SealedValueError, Sealer, SealError
from ..store import _step
from .locks import WRITE_ALONE

BATCH = 500
SEAL_FORMAT = 2  # team_keyring.seal_format once everything is bound (version 2)
BIDX_TABLES = ("visits", "unsafe_address_notes")
_ADDRESS = ("postcode", "house_number", "addition")
MAX_ROUNDS = 5


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


@dataclass(frozen=True)
class ResealReport:
    """What a run did: values re-sealed, blind indexes rewritten, the generation that is
    now the only one on the server."""

    resealed: int
    reindexed: int
    generation: int


class GenerationMoved(Exception):
    """The team key was replaced again while re-sealing: start over with the new one."""


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


def _plain_of(sealer: Sealer, col: SealedColumn, row: int, value: bytes) -> bytes:
    """The plaintext of a value to re-seal (version 1, version 2 or plaintext bytes)."""
    if value[:1] in (V1, V2):
        return sealer.open(value, col.where, row)
    # Plaintext bytes: the column was just converted to bytea (convert_to(…::text)).
    return value


def lock(conn: Connection, generation: int) -> None:
    """The team's write locks as the app's other writers take them (:mod:`.locks`), and
    the current generation must still be ``generation``."""
    conn.execute(WRITE_ALONE)
    current = conn.execute(text("SELECT generation FROM team_keyring WHERE id = 1")).scalar()
    if current != generation:
        raise GenerationMoved()


def reseal_batch(conn: Connection, sealer: Sealer, col: SealedColumn, batch: int) -> int:
    """Re-seal up to ``batch`` values of ``col`` sealed before the sealer's generation;
    returns how many. Raises :class:`SealedValueError` naming a value that does not open
    (a damaged server is not re-sealed past it; ``verify`` lists them all)."""
    rows = conn.execute(
        text(
            f'SELECT id, "{col.column}" FROM "{col.table}" WHERE "{col.column}" IS NOT NULL '
            f'AND vh_seal_generation("{col.column}") < :g ORDER BY id LIMIT :n'
        ),
        {"g": sealer.generation, "n": batch},
    ).all()
    for row_id, value in rows:
        row = int(row_id)
        try:
            plain = _plain_of(sealer, col, row, bytes(value))
        except SealError:
            raise SealedValueError(col.where, row) from None
        conn.execute(
            text(f'UPDATE "{col.table}" SET "{col.column}" = :v WHERE id = :i'),
            {"v": sealer.seal(plain, col.where, row), "i": row},
        )
    return len(rows)


def reindex_batch(
    conn: Connection, sealer: Sealer, table: str, after: int, batch: int
) -> tuple[int, int | None]:
    """Recompute the blind address index (current generation) of up to ``batch`` rows
    with an id above ``after``; returns (rows changed, last id seen or None at the end).
    A row without an address loses its index."""
    columns = Base.metadata.tables[table].c
    rows = conn.execute(
        text(
            f'SELECT id, postcode, house_number, addition, address_bidx FROM "{table}" '
            "WHERE id > :after ORDER BY id LIMIT :n"
        ),
        {"after": after, "n": batch},
    ).all()
    changed = 0
    for row_id, *parts, index in rows:
        row = int(row_id)
        address: dict[str, Any] = {}
        for name, value in zip(_ADDRESS, parts, strict=True):
            if value is None:
                continue
            col = SealedColumn(table, name, columns[name].type)  # type: ignore[arg-type]
            try:
                address[name] = col.type.decode(sealer.open(bytes(value), col.where, row))
            except (SealError, ValueError):
                raise SealedValueError(col.where, row) from None
        wanted = (
            sealer.address_index(
                table,
                str(address.get("postcode", "")),
                int(address.get("house_number", 0)),
                str(address.get("addition", "")),
            )
            if address.get("postcode") is not None
            else None
        )
        if wanted != index:
            conn.execute(
                text(f'UPDATE "{table}" SET address_bidx = :b WHERE id = :i'),
                {"b": wanted, "i": row},
            )
            changed += 1
    return changed, (int(rows[-1][0]) if len(rows) == batch else None)


def older_count(conn: Connection, generation: int) -> int:
    """How many values on the server are sealed before ``generation`` (the owner sees
    every row)."""
    total = 0
    for col in sealed_columns():
        total += int(
            conn.execute(
                text(
                    f'SELECT count(*) FROM "{col.table}" WHERE "{col.column}" IS NOT NULL '
                    f'AND vh_seal_generation("{col.column}") < :g'
                ),
                {"g": generation},
            ).scalar_one()
        )
    return total


def retire(conn: Connection, generation: int) -> None:
    """Nothing older than ``generation`` is left: forget the older team keys."""
    conn.execute(text("DELETE FROM team_key_wraps WHERE generation < :g"), {"g": generation})
    if generation > 1:
        # Password slots hold the first generation's key: nothing opens with it now.
        conn.execute(
            text(
                "UPDATE team_keyslots SET nonce = ''::bytea, wrapped_key = ''::bytea "
                "WHERE public_key IS NULL AND length(wrapped_key) > 0"
            )
        )
    conn.execute(text("UPDATE team_keyring SET seal_format = :f"), {"f": SEAL_FORMAT})


def run(engine: Engine, sealer: Sealer, *, batch: int = BATCH) -> ResealReport:
    """Re-seal everything older than the sealer's (current) generation and retire the
    older generations; one transaction per batch. Raises :class:`GenerationMoved` when
    the team key is replaced meanwhile (the caller starts over with the new key)."""
    target = sealer.generation
    resealed = reindexed = 0
    for _round in range(MAX_ROUNDS):
        for col in sealed_columns():
            while True:
                with engine.begin() as conn:
                    lock(conn, target)
                    done = reseal_batch(conn, sealer, col, batch)
                    _step("reseal-batch")
                _step("reseal-committed")
                resealed += done
                if done < batch:
                    break
        for table in BIDX_TABLES:
            after: int | None = 0
            while after is not None:
                with engine.begin() as conn:
                    lock(conn, target)
                    changed, after = reindex_batch(conn, sealer, table, after, batch)
                reindexed += changed
        with engine.begin() as conn:
            lock(conn, target)
            if older_count(conn, target):
                continue  # written meanwhile by the owner with an older key: once more
            _step("before-retire")
            retire(conn, target)
        _step("retired")
        return ResealReport(resealed, reindexed, target)
    raise GenerationMoved()


def pending(conn: Connection) -> bool:
    """Whether a run has work (the owner's view): unbound or older values, or older
    generations still wrapped."""
    head = conn.execute(
        text("SELECT generation, seal_format FROM team_keyring WHERE id = 1")
    ).first()
    if head is None:
        return False
    generation, seal_format = int(head[0]), int(head[1])
    if seal_format < SEAL_FORMAT:
        return True
    older_wraps = conn.execute(
        text("SELECT count(*) FROM team_key_wraps WHERE generation < :g"), {"g": generation}
    ).scalar_one()
    return bool(older_wraps) or older_count(conn, generation) > 0


def survey(conn: Connection, sealer: Sealer) -> tuple[list[SealedValueError], int]:
    """Every value this connection may read that does not open, in table order, and how
    many of those that open are sealed before the sealer's (current) generation."""
    found: list[SealedValueError] = []
    older = 0
    for col in sealed_columns():
        for row, value in _values(conn, col):
            try:
                col.type.decode(sealer.open(value, col.where, row))
            except (SealError, ValueError):
                found.append(SealedValueError(col.where, row))
                continue
            generation = sealer.generation_of(value)
            if generation is None or generation < sealer.generation:
                older += 1
    return found, older


def damaged(conn: Connection, sealer: Sealer) -> list[SealedValueError]:
    """Every value this connection may read that does not open, in table order."""
    return survey(conn, sealer)[0]
