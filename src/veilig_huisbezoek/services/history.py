"""Looking back: the visit history with filters, and the rood visits awaiting consent.

Filtering happens in SQL; the role scope is that of :func:`visits._visible_visits`
(a leidinggevende sees the team's visits, a medewerker their own and those they are
colleague or buddy for, a beheerder none).

The history page reads a page at a time: :func:`search_history` with ``limit`` and
``after`` (keyset paging on start, id; newest first) and :func:`count_history` for the
total, so 100,000 visits cost one page of rows in memory, not all of them.

On a store with sealed columns (``store.sealed_columns``: a team server) names and
addresses cannot be searched in SQL. There the other filters still run in SQL and the
free text is matched on the workstation, on the decrypted rows: the search reads
batches of ``_SCAN_BATCH`` rows (keyset paged, in one snapshot) until a page of matches
is full or the rows run out, and the count reads them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from ..domain.address import Address
from ..domain.call_outcome import CallAction
from ..domain.checklist import RiskLevel
from ..domain.clock import local_to_utc
from ..domain.errors import ValidationError
from ..domain.roles import Permission
from ..domain.visit import VisitReason, VisitState
from ..storage.models import Account, CallRecord, Visit, VisitEvent
from .context import ServiceContext
from .register import AddressFields, address_text_filter, address_text_matcher
from .visits import _visible_visits


class VisitOutcome(StrEnum):
    """How a visit went, the most serious first: one value per visit."""

    POLITIE = "politie"  # a call ended in "bel 112" or "bel de politie"
    GEESCALEERD = "geescaleerd"  # not reached twice, overdue, or escalated state
    INCIDENT = "incident"  # "terug, er was een incident"
    EERDER_TERUGGEBELD = "eerder_teruggebeld"  # a call asked to call back sooner
    ALLES_IN_ORDE = "alles_in_orde"  # back (or closed) without any of the above
    NOG_BEZIG = "nog_bezig"  # not back yet (concept, gepland, onderweg), nothing wrong


_POLICE_ACTIONS = (CallAction.CALL_112.value, CallAction.CALL_POLICE.value)
_FINISHED_STATES = (
    VisitState.TERUG_VEILIG.value,
    VisitState.TERUG_INCIDENT.value,
    VisitState.AFGESLOTEN.value,
)


def _call_with(actions: tuple[str, ...]) -> ColumnElement[bool]:
    return (
        select(CallRecord.id)
        .where(CallRecord.visit_id == Visit.id, CallRecord.action.in_(actions))
        .exists()
    )


def _event_of(kind: str) -> ColumnElement[bool]:
    return (
        select(VisitEvent.id)
        .where(VisitEvent.visit_id == Visit.id, VisitEvent.kind == kind)
        .exists()
    )


def _outcome_conditions() -> dict[VisitOutcome, ColumnElement[bool]]:
    """For each outcome, the SQL condition that a visit has it (before precedence)."""
    return {
        VisitOutcome.POLITIE: _call_with(_POLICE_ACTIONS),
        VisitOutcome.GEESCALEERD: or_(
            Visit.state == VisitState.GEESCALEERD.value,
            _call_with((CallAction.ESCALATE.value,)),
            _event_of("geescaleerd"),
        ),
        VisitOutcome.INCIDENT: or_(
            Visit.state == VisitState.TERUG_INCIDENT.value, _event_of("terug_incident")
        ),
        VisitOutcome.EERDER_TERUGGEBELD: _call_with((CallAction.CALL_BACK_SOONER.value,)),
        VisitOutcome.ALLES_IN_ORDE: Visit.state.in_(_FINISHED_STATES),
    }


def _outcome_expression() -> ColumnElement[str]:
    """The outcome of each visit as one SQL CASE, most serious first."""
    return case(
        *((condition, outcome.value) for outcome, condition in _outcome_conditions().items()),
        else_=VisitOutcome.NOG_BEZIG.value,
    )


@dataclass(frozen=True)
class HistoryFilter:
    """What the history page asks for; every field is optional."""

    date_from: date | None = None  # Amsterdam date, inclusive
    date_to: date | None = None  # Amsterdam date, inclusive
    visitor_id: int | None = None
    level: RiskLevel | None = None
    outcome: VisitOutcome | None = None
    text: str = ""  # address, postcode, house number, residents or clients


@dataclass(frozen=True)
class HistoryRow:
    id: int
    start: datetime
    expected_return: datetime
    state: VisitState
    level: RiskLevel
    outcome: VisitOutcome
    address: Address
    residents: str
    visitor_id: int
    visitor: str
    buddy: str


def _day_start(day: date) -> datetime:
    # Midnight always exists in Amsterdam (the clock changes at 02:00/03:00).
    return local_to_utc(datetime.combine(day, time()), field="Periode")


# Outcomes are computed for at most this many visits per query (SQLite's limit on
# bound parameters is 32,766; this keeps each IN list small).
_OUTCOME_CHUNK = 500
# Rows read per query while matching free text on the workstation (sealed columns).
_SCAN_BATCH = 500

_Matcher = Callable[[AddressFields], bool]
_AnyRow = Row[*tuple[Any, ...]]
_AnySelect = Select[*tuple[Any, ...]]


def _text_matcher(ctx: ServiceContext, f: HistoryFilter) -> _Matcher | None:
    """The workstation-side text search, on a store with sealed columns; else None."""
    return address_text_matcher(f.text) if ctx.store.sealed_columns else None


def _matching(ctx: ServiceContext, f: HistoryFilter) -> Select[int]:
    """Ids of the visits the actor may see that match ``f`` (unordered).

    With sealed columns the free text is left out (see :func:`_text_matcher`)."""
    if f.date_from is not None and f.date_to is not None and f.date_from > f.date_to:
        raise ValidationError("Periode", "de datum 'van' ligt na de datum 'tot en met'.")
    query = _visible_visits(ctx).with_only_columns(Visit.id)
    if f.date_from is not None:
        query = query.where(Visit.start_at >= _day_start(f.date_from))
    if f.date_to is not None:
        query = query.where(Visit.start_at < _day_start(f.date_to + timedelta(days=1)))
    if f.visitor_id is not None:
        query = query.where(Visit.visitor_id == f.visitor_id)
    if f.level is not None:
        query = query.where(Visit.level == f.level.value)
    if f.outcome is not None:
        query = query.where(_outcome_expression() == f.outcome.value)
    if ctx.store.sealed_columns:
        return query
    condition = address_text_filter(
        f.text,
        street=Visit.street,
        house_number=Visit.house_number,
        addition=Visit.addition,
        postcode=Visit.postcode,
        city=Visit.city,
        extra=(Visit.residents, Visit.clients),
    )
    if condition is not None:
        query = query.where(condition)
    return query


def count_history(ctx: ServiceContext, filters: HistoryFilter | None = None) -> int:
    """How many visits :func:`search_history` finds for ``filters`` (all pages)."""
    f = filters or HistoryFilter()
    matching = _matching(ctx, f)
    matcher = _text_matcher(ctx, f)
    if matcher is not None:
        texts = matching.with_only_columns(Visit.id, Visit.start_at, *_TEXT_COLUMNS)
        count = 0
        with ctx.store.read_session() as session:
            for row in _scan(session, texts, None):
                count += matcher(_fields(row, 2))
            _release_page_cache(session)
        return count
    query = select(func.count()).select_from(matching.subquery())
    with ctx.store.read_session() as session:
        count = int(session.execute(query).scalar_one())
        _release_page_cache(session)
        return count


def _release_page_cache(session: Session) -> None:
    """After a scan of every visit: give back the page cache it filled (SQLite keeps up
    to ~8 MiB per connection; on 100,000 visits the count reads all of it). The pages
    are not needed again soon; a page of rows reads few."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA shrink_memory")


# What the free text is matched against: the address, then residents and clients.
_TEXT_COLUMNS = (
    Visit.street,
    Visit.house_number,
    Visit.addition,
    Visit.postcode,
    Visit.city,
    Visit.residents,
    Visit.clients,
)


def _fields(row: _AnyRow, at: int) -> AddressFields:
    """The ``_TEXT_COLUMNS`` of ``row``, starting at column ``at``."""
    street, number, addition, postcode, city, residents, clients = row[at : at + 7]
    return AddressFields(street, number, addition, postcode, city, (residents, clients))


def _after(start: datetime, visit_id: int) -> ColumnElement[bool]:
    """After (start, id) in the history's order: newest first."""
    return or_(
        Visit.start_at < start,
        and_(Visit.start_at == start, Visit.id < visit_id),
    )


def _scan(
    session: Session, query: _AnySelect, after: tuple[datetime, int] | None
) -> Iterator[_AnyRow]:
    """Every row of ``query`` after ``after`` (start, id), newest first, read
    ``_SCAN_BATCH`` rows at a time. ``query`` selects ``Visit.id``, ``Visit.start_at``
    first."""
    ordered = query.order_by(Visit.start_at.desc(), Visit.id.desc()).limit(_SCAN_BATCH)
    while True:
        batch = session.execute(ordered if after is None else ordered.where(_after(*after))).all()
        yield from batch
        if len(batch) < _SCAN_BATCH:
            return
        after = (batch[-1][1], batch[-1][0])


def search_history(
    ctx: ServiceContext,
    filters: HistoryFilter | None = None,
    *,
    limit: int | None = None,
    after: HistoryRow | None = None,
) -> list[HistoryRow]:
    """The visits the actor may see that match ``filters``, newest first.

    ``limit`` and ``after`` read one page: at most ``limit`` rows that come after the row
    ``after`` (the last row of the previous page) in this order. Rows are built from
    plain columns (no ORM objects); the outcome, which needs the calls and events, is
    worked out for the page's visits only.
    """
    f = filters or HistoryFilter()
    matching = _matching(ctx, f)
    visitor = aliased(Account)
    buddy = aliased(Account)
    query = (
        matching.with_only_columns(
            Visit.id,
            Visit.start_at,
            Visit.expected_return_at,
            Visit.state,
            Visit.level,
            Visit.street,
            Visit.house_number,
            Visit.addition,
            Visit.postcode,
            Visit.city,
            Visit.residents,
            Visit.visitor_id,
            visitor.first_name,
            visitor.last_name,
            buddy.first_name,
            buddy.last_name,
        )
        .join(visitor, visitor.id == Visit.visitor_id)
        .join(buddy, buddy.id == Visit.buddy_id)
    )
    matcher = _text_matcher(ctx, f)
    outcome = _outcome_expression()
    with ctx.store.read_session() as session:
        rows: Sequence[_AnyRow]
        if matcher is None:
            query = query.order_by(Visit.start_at.desc(), Visit.id.desc())
            if after is not None:
                query = query.where(_after(after.start, after.id))
            if limit is not None:
                query = query.limit(limit)
            rows = session.execute(query).all()
        else:
            rows = _scan_matches(session, query, matcher, limit=limit, after=after)
        outcomes: dict[int, str] = {}
        for start in range(0, len(rows), _OUTCOME_CHUNK):
            ids = [row[0] for row in rows[start : start + _OUTCOME_CHUNK]]
            outcomes.update(
                (visit_id, value)
                for visit_id, value in session.execute(
                    select(Visit.id, outcome).where(Visit.id.in_(ids))
                )
            )
    return [
        HistoryRow(
            id=visit_id,
            start=start_at,
            expected_return=expected_return_at,
            state=VisitState(state),
            level=RiskLevel(level),
            outcome=VisitOutcome(outcomes[visit_id]),
            address=Address(street, house_number, addition, postcode, city),
            residents=residents,
            visitor_id=visitor_id,
            visitor=f"{v_first} {v_last}".strip(),
            buddy=f"{b_first} {b_last}".strip(),
        )
        for (
            visit_id,
            start_at,
            expected_return_at,
            state,
            level,
            street,
            house_number,
            addition,
            postcode,
            city,
            residents,
            visitor_id,
            v_first,
            v_last,
            b_first,
            b_last,
            *_clients,
        ) in rows
    ]


def _scan_matches(
    session: Session,
    query: _AnySelect,
    matcher: _Matcher,
    *,
    limit: int | None,
    after: HistoryRow | None,
) -> list[_AnyRow]:
    """Up to ``limit`` rows of the history ``query`` after ``after`` whose decrypted
    address, residents or clients match the free text (sealed columns)."""
    found: list[_AnyRow] = []
    if limit is not None and limit <= 0:
        return found
    scan = query.add_columns(Visit.clients)
    for row in _scan(session, scan, (after.start, after.id) if after is not None else None):
        street, number, addition, postcode, city, residents = row[5:11]
        fields = AddressFields(street, number, addition, postcode, city, (residents, row[16]))
        if matcher(fields):
            found.append(row)
            if limit is not None and len(found) >= limit:
                break
    return found


# ---- consent for rood visits --------------------------------------------------------


@dataclass(frozen=True)
class ConsentRequest:
    """A rood visit in concept that waits for a leidinggevende's consent."""

    visit_id: int
    visitor: str
    colleagues: tuple[str, ...]
    buddy: str
    address: Address
    reason: VisitReason
    residents: str
    start: datetime
    expected_return: datetime
    deviation_reason: str
    checklist_version: str
    reasons: tuple[str, ...]
    created_at: datetime


def pending_consents(ctx: ServiceContext) -> list[ConsentRequest]:
    """Rood visits in concept without consent, soonest start first (leidinggevende only)."""
    ctx.require(Permission.GIVE_CONSENT, "alleen een leidinggevende geeft toestemming bij rood")
    query = (
        _visible_visits(ctx)
        .where(
            Visit.state == VisitState.CONCEPT.value,
            Visit.level == RiskLevel.ROOD.value,
            Visit.consent_by.is_(None),
        )
        .options(selectinload(Visit.colleagues), selectinload(Visit.assessment))
        .order_by(Visit.start_at, Visit.id)
    )
    with ctx.store.read_session() as session:
        names = {
            i: f"{first} {last}".strip()
            for i, first, last in session.execute(
                select(Account.id, Account.first_name, Account.last_name)
            )
        }
        result = []
        for visit in session.execute(query).scalars():
            assessment = visit.assessment
            result.append(
                ConsentRequest(
                    visit_id=visit.id,
                    visitor=names.get(visit.visitor_id, ""),
                    colleagues=tuple(names.get(c.account_id, "") for c in visit.colleagues),
                    buddy=names.get(visit.buddy_id, ""),
                    address=Address(
                        visit.street,
                        visit.house_number,
                        visit.addition,
                        visit.postcode,
                        visit.city,
                    ),
                    reason=VisitReason(visit.reason),
                    residents=visit.residents,
                    start=visit.start_at,
                    expected_return=visit.expected_return_at,
                    deviation_reason=visit.deviation_reason,
                    checklist_version=assessment.checklist_version if assessment else "",
                    reasons=tuple(assessment.reasons) if assessment else (),
                    created_at=visit.created_at,
                )
            )
        return result
