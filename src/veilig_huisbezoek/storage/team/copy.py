"""Copy an embedded (SQLCipher) store onto a new team server, verified.

Every table is copied row by row through the ORM types, so personal columns are
sealed with the new team key on the way; ids are kept (so references and the audit
chain stay valid) and the server's id sequences are moved past them. Afterwards the
server is read back and compared with the source, table by table and value by value,
and the audit chain is checked there. Key slots are made anew: the people who should
log in on the server are given with their passwords (the embedded slots cannot be
re-wrapped without them).
"""

from __future__ import annotations

from sqlalchemy import Table, func, insert, select, text

from ..errors import StoreError
from ..models import Account, Base
from ..sealed import RowBound, is_sealed
from ..store import Store
from .store import TeamStore

# Presence is live state of the sessions of one database, not data to carry over.
_SKIP = frozenset({"alembic_version", "presence"})


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in _SKIP]


def copy_store(source: Store, target: TeamStore) -> dict[str, int]:
    """Copy every row; returns rows per table. ``target`` is an owner's store."""
    counts: dict[str, int] = {}
    with source.read_session() as src, target.session() as dst:
        if dst.execute(select(func.count()).select_from(Account)).scalar_one():
            raise StoreError(
                "De teamserver bevat al gegevens; kopieer alleen naar een lege server."
            )
        for table in _tables():
            sealed = [c.name for c in table.columns if is_sealed(c.type)]
            rows = [dict(row._mapping) for row in src.execute(select(table))]
            for row in rows:
                # Each sealed value is bound to its row (sealed.RowBound).
                for name in sealed:
                    row[name] = RowBound(row[name], int(row["id"]))
            counts[table.name] = len(rows)
            for start in range(0, len(rows), 500):
                dst.execute(insert(table), rows[start : start + 500])
            if "id" in table.c and rows:
                dst.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT max(id) FROM {table.name}))"
                    )
                    if _has_sequence(dst, table.name)
                    else text("SELECT 1")
                )
        _fill_blind_index(dst, target)
    return counts


def _has_sequence(session: object, table: str) -> bool:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    return bool(
        session.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id') IS NOT NULL"), {"t": table}
        ).scalar()
    )


def _fill_blind_index(session: object, target: TeamStore) -> None:
    from sqlalchemy.orm import Session

    from ..models import UnsafeAddressNote, Visit

    assert isinstance(session, Session)
    for model in (Visit, UnsafeAddressNote):
        table = model.__table__
        assert isinstance(table, Table)
        for row in session.execute(
            select(table.c.id, table.c.postcode, table.c.house_number, table.c.addition)
        ):
            session.execute(
                text(f"UPDATE {table.name} SET address_bidx = :b WHERE id = :i"),
                {
                    "b": target.sealer.address_index(
                        table.name, row.postcode, row.house_number, row.addition
                    ),
                    "i": row.id,
                },
            )


def verify_copy(source: Store, target: TeamStore) -> list[str]:
    """Differences between the embedded store and the server (empty: identical)."""
    problems: list[str] = []
    with source.read_session() as src, target.read_session() as dst:
        for table in _tables():
            key = [c for c in table.primary_key.columns]
            # The blind index exists only on the server (filled there by the copy).
            columns = [c for c in table.columns if c.name != "address_bidx"]
            left = [tuple(r) for r in src.execute(select(*columns).order_by(*key))]
            right = [tuple(r) for r in dst.execute(select(*columns).order_by(*key))]
            if left != right:
                problems.append(f"{table.name}: {len(left)} bron, {len(right)} server, verschil")
    report = target.verify()
    problems.extend(report.problems)
    return problems
