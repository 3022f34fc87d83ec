"""Everything about one visit, for the call dialog and the visit timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain.address import Address
from ..domain.checklist import RiskLevel
from ..domain.visit import VisitReason, VisitState
from ..storage.models import Account, Visit
from .context import ServiceContext
from .visits import _visible_visits


@dataclass(frozen=True)
class Person:
    id: int
    first_name: str
    last_name: str
    phone: str

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class CallbackInfo:
    id: int
    due_at: datetime
    kind: str  # gepland / herhaling / eerder
    status: str  # open / gedaan / vervallen


@dataclass(frozen=True)
class CallInfo:
    id: int
    called_at: datetime
    buddy: str
    reached: bool
    name_used: str | None
    vrijuit: bool | None
    politie: bool | None
    action: str


@dataclass(frozen=True)
class EventInfo:
    at: datetime
    actor: str
    kind: str
    detail: str


@dataclass(frozen=True)
class VisitDetail:
    id: int
    state: VisitState
    level: RiskLevel
    reason: VisitReason
    address: Address
    residents: str
    clients: str
    client_phone: str
    start: datetime
    expected_return: datetime
    visitor: Person
    colleagues: tuple[Person, ...]
    buddy: Person
    roles_note: str
    interpreter: bool
    announced_in_writing: bool
    deviation_reason: str
    consent_by: str
    consent_reason: str
    consent_at: datetime | None
    checklist_version: str
    answers: dict[str, str]
    reasons: tuple[str, ...]
    callbacks: tuple[CallbackInfo, ...]
    calls: tuple[CallInfo, ...]
    events: tuple[EventInfo, ...]

    @property
    def people_present(self) -> tuple[Person, ...]:
        """Who of us is at the address: the visitor and the colleagues."""
        return (self.visitor, *self.colleagues)

    @property
    def next_callback(self) -> CallbackInfo | None:
        open_ = [c for c in self.callbacks if c.status == "open"]
        return min(open_, key=lambda c: c.due_at) if open_ else None


def _person(account: Account) -> Person:
    return Person(account.id, account.first_name, account.last_name, account.phone)


def get_visit_detail(ctx: ServiceContext, visit_id: int) -> VisitDetail:
    """Raises PermissionDenied when the actor may not see this visit."""
    from ..domain.roles import PermissionDenied

    with ctx.store.read_session() as session:
        visit = session.execute(
            _visible_visits(ctx)
            .where(Visit.id == visit_id)
            .options(
                selectinload(Visit.colleagues),
                selectinload(Visit.assessment),
                selectinload(Visit.callbacks),
                selectinload(Visit.calls),
                selectinload(Visit.events),
            )
        ).scalar_one_or_none()
        if visit is None:
            raise PermissionDenied("dit bezoek bestaat niet of u mag het niet zien")
        people = {a.id: a for a in session.execute(select(Account)).scalars()}

        def name(account_id: int | None) -> str:
            if account_id is None or account_id not in people:
                return ""
            a = people[account_id]
            return f"{a.first_name} {a.last_name}".strip()

        assessment = visit.assessment
        return VisitDetail(
            id=visit.id,
            state=VisitState(visit.state),
            level=RiskLevel(visit.level),
            reason=VisitReason(visit.reason),
            address=Address(
                visit.street, visit.house_number, visit.addition, visit.postcode, visit.city
            ),
            residents=visit.residents,
            clients=visit.clients,
            client_phone=visit.client_phone,
            start=visit.start_at,
            expected_return=visit.expected_return_at,
            visitor=_person(people[visit.visitor_id]),
            colleagues=tuple(_person(people[c.account_id]) for c in visit.colleagues),
            buddy=_person(people[visit.buddy_id]),
            roles_note=visit.roles_note,
            interpreter=visit.interpreter,
            announced_in_writing=visit.announced_in_writing,
            deviation_reason=visit.deviation_reason,
            consent_by=name(visit.consent_by),
            consent_reason=visit.consent_reason,
            consent_at=visit.consent_at,
            checklist_version=assessment.checklist_version if assessment else "",
            answers=dict(assessment.answers) if assessment else {},
            reasons=tuple(assessment.reasons) if assessment else (),
            callbacks=tuple(
                CallbackInfo(c.id, c.due_at, c.kind, c.status) for c in visit.callbacks
            ),
            calls=tuple(
                CallInfo(
                    c.id,
                    c.called_at,
                    name(c.buddy_id),
                    c.reached,
                    c.name_used,
                    c.vrijuit,
                    c.politie,
                    c.action,
                )
                for c in visit.calls
            ),
            events=tuple(EventInfo(e.at, name(e.actor_id), e.kind, e.detail) for e in visit.events),
        )
