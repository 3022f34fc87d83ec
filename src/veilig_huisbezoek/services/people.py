"""The names (and phones) of the people a list of visits names, each person read once.

On a team server every name and phone is a sealed value that the workstation opens
itself. A thousand running visits name a few dozen people; joining the accounts to the
visits would open each person's name once per visit, on every desk, on every change.
The callers read the visits first, then these people by id, in the same read session.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, NamedTuple

from sqlalchemy import ARRAY, ColumnElement, Connection, Integer, any_, literal, select
from sqlalchemy.orm import QueryableAttribute

from ..storage.models import Account


class Person(NamedTuple):
    first_name: str
    last_name: str  # "" unless read with ``full``
    phone: str  # E.164 or ""; "" unless read with ``full``


def id_in(
    column: QueryableAttribute[Any], ids: Collection[int], conn: Connection
) -> ColumnElement[bool]:
    """``column IN ids``; on a server one array parameter instead of one per id (for
    hundreds of ids, rendering and parsing each placeholder costs more than the query)."""
    if conn.dialect.name == "postgresql":
        return column == any_(literal(sorted(ids), ARRAY(Integer)))
    return column.in_(sorted(ids))


def read_people(conn: Connection, ids: Collection[int], *, full: bool) -> dict[int, Person]:
    """The accounts ``ids`` that exist: first name, and with ``full`` last name and phone
    (otherwise those are not opened at all). An id without an account is left out (as
    an inner join with the accounts would leave out its visit)."""
    if not ids:
        return {}
    columns = (
        (Account.first_name, Account.last_name, Account.phone) if full else (Account.first_name,)
    )
    query = select(Account.id, *columns).where(id_in(Account.id, ids, conn))
    people: dict[int, Person] = {}
    for row in conn.execute(query):
        if full:
            people[row[0]] = Person(row[1], row[2], row[3] or "")
        else:
            people[row[0]] = Person(row[1], "", "")
    return people
