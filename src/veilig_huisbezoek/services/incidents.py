"""Incidents after an unsafe visit or at the counter, phone, mail or online (docs/design.md §6).

A medewerker files and follows their own incidents; a leidinggevende sees every
incident of the team and records the aftercare. Every change is audit-logged (ids
only, never content). Evidence files live encrypted inside the database.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from ..domain import incident as rules
from ..domain.address import Address
from ..domain.errors import ValidationError
from ..domain.incident import (
    AftercareMoment,
    AftercareRecord,
    AftercareTalk,
    BehaviourCategory,
    Channel,
    IncidentReport,
    Injury,
    NoteProposal,
    PoliceReport,
    ReportKind,
    Step,
    TalkOutcome,
)
from ..domain.register import NoteCategory, NoteStatus
from ..domain.reminders import Deadline
from ..domain.roles import Permission, PermissionDenied
from ..domain.visit import VisitState
from ..storage.incident_models import (
    AftercareTalkRow,
    Incident,
    IncidentAttachment,
    IncidentStep,
    PoliceReportRow,
)
from ..storage.models import Account, UnsafeAddressNote, Visit, VisitColleague
from . import register
from .context import ServiceContext
from .visits import _event as visit_event
from .visits import _visible_visits

# Deadlines of older incidents are long past and acknowledged or irrelevant.
DEADLINE_HORIZON = timedelta(days=90)


# ---- what the services hand out --------------------------------------------------------


@dataclass(frozen=True)
class StepRecord:
    step: Step
    done_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    media_type: str
    size: int
    captured_at: datetime
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class IncidentDetail:
    id: int
    report: IncidentReport
    visit_id: int | None
    visit_address: Address | None
    employee_id: int
    employee_name: str
    filed_by_name: str
    filed_at: datetime
    steps: list[StepRecord]
    police_report: PoliceReport | None
    police_report_recorded_by: str
    aftercare: dict[AftercareTalk, AftercareRecord]
    attachments: list[AttachmentInfo]
    note_id: int | None
    note_status: NoteStatus | None

    @property
    def aangifte_due(self) -> datetime:
        return self.report.aangifte_due

    @property
    def needed_steps(self) -> list[Step]:
        return rules.needed_steps(self.report)

    @property
    def open_steps(self) -> list[Step]:
        done = {s.step for s in self.steps}
        return [s for s in self.needed_steps if s not in done]

    @property
    def aftercare_schedule(self) -> list[AftercareMoment]:
        return rules.aftercare_schedule(self.report.occurred_at, self.filed_at)

    @property
    def reference(self) -> str:
        return incident_reference(self.id, self.report.occurred_at)


def incident_reference(incident_id: int, occurred_at: datetime) -> str:
    """``INC-2026-0007``: the year of the incident and its number."""
    return f"INC-{occurred_at.year}-{incident_id:04d}"


@dataclass(frozen=True)
class IncidentSummary:
    id: int
    occurred_at: datetime
    channel: Channel
    category: BehaviourCategory
    employee_name: str
    visit_id: int | None
    police_reported: bool
    talks_recorded: int


@dataclass(frozen=True)
class IncidentPrefill:
    """What the form starts with when opened after *Terug, er was een incident*."""

    visit_id: int | None
    occurred_at: datetime
    channel: Channel
    waar: str
    wie: str
    address: Address | None = None
    employee_name: str = ""


# ---- scope -----------------------------------------------------------------------------


def _visible(ctx: ServiceContext) -> Select[Incident]:
    """All incidents for a leidinggevende; own (as employee or filer) for a medewerker."""
    query = select(Incident)
    if ctx.actor.may(Permission.SEE_TEAM_CASES):
        return query
    if not ctx.actor.may(Permission.FILE_INCIDENT):
        return query.where(Incident.id.is_(None))  # beheerder: no case content
    me = ctx.actor.account_id
    return query.where((Incident.employee_id == me) | (Incident.filed_by == me))


def _load(ctx: ServiceContext, session: Session, incident_id: int) -> Incident:
    row = session.execute(_visible(ctx).where(Incident.id == incident_id)).scalar_one_or_none()
    if row is None:
        raise PermissionDenied("dit incident bestaat niet of u mag het niet zien")
    return row


def _names(session: Session) -> dict[int, str]:
    rows = session.execute(select(Account.id, Account.first_name, Account.last_name))
    return {i: f"{first} {last}".strip() for i, first, last in rows}


def _address(visit: Visit) -> Address:
    return Address(visit.street, visit.house_number, visit.addition, visit.postcode, visit.city)


def _load_visit(ctx: ServiceContext, session: Session, visit_id: int) -> Visit:
    visit = session.execute(_visible_visits(ctx).where(Visit.id == visit_id)).scalar_one_or_none()
    if visit is None:
        raise PermissionDenied("dit bezoek bestaat niet of u mag het niet zien")
    return visit


def _went_on_visit(session: Session, visit: Visit, account_id: int) -> bool:
    if visit.visitor_id == account_id:
        return True
    return (
        session.execute(
            select(VisitColleague).where(
                VisitColleague.visit_id == visit.id, VisitColleague.account_id == account_id
            )
        ).first()
        is not None
    )


# ---- filing ----------------------------------------------------------------------------


def prefill_for_visit(ctx: ServiceContext, visit_id: int) -> IncidentPrefill:
    ctx.require(Permission.FILE_INCIDENT, "u mag geen incidenten melden")
    with ctx.store.read_session() as session:
        visit = _load_visit(ctx, session, visit_id)
        address = _address(visit)
        who = visit.clients.strip() or visit.residents.strip()
        started = visit.start_at
        now = ctx.now()
        return IncidentPrefill(
            visit_id=visit.id,
            occurred_at=min(now, max(started, now - timedelta(hours=2))),
            channel=Channel.HUISBEZOEK,
            waar=f"Huisbezoek, {address.one_line()}",
            wie=who,
            address=address,
            employee_name=ctx.actor.display_name,
        )


def file_incident(
    ctx: ServiceContext,
    report: IncidentReport,
    *,
    visit_id: int | None = None,
    employee_id: int | None = None,
) -> int:
    """Store a validated report; ``employee_id`` (whom it happened to) defaults to the actor.

    For a visit, the actor must have gone on it (or be a leidinggevende) and the visit
    must have started. A leidinggevende may file for a team member.
    """
    ctx.require(Permission.FILE_INCIDENT, "u mag geen incidenten melden")
    me = ctx.actor.account_id
    lg = ctx.actor.may(Permission.SEE_TEAM_CASES)
    employee = me if employee_id is None else employee_id
    if employee != me and not lg:
        raise PermissionDenied("u meldt alleen incidenten die u zelf overkwamen")
    now = ctx.now()
    with ctx.store.session() as session:
        account = session.get(Account, employee)
        if account is None or not account.active:
            raise ValidationError("Medewerker", "kies een actieve medewerker.")
        visit: Visit | None = None
        if visit_id is not None:
            visit = _load_visit(ctx, session, visit_id)
            if VisitState(visit.state) in (VisitState.CONCEPT, VisitState.GEPLAND):
                raise ValidationError(
                    "Bezoek", "een incident hoort bij een bezoek dat al is begonnen."
                )
            if not lg and not _went_on_visit(session, visit, me):
                raise PermissionDenied("u ging niet mee op dit bezoek")
        row = Incident(
            visit_id=visit_id,
            employee_id=employee,
            filed_by=me,
            filed_at=now,
            updated_at=now,
        )
        apply_report(row, report)
        session.add(row)
        session.flush()
        if visit is not None:
            visit_event(ctx, session, visit, "incident_gemeld", str(row.id))
        ctx.audit(session, "incident_filed", "incident", row.id, report.category.value)
        return row.id


def apply_report(row: Incident, report: IncidentReport) -> None:
    """Copy a validated report onto its row (filing, editing, the demo seed)."""
    row.occurred_at = report.occurred_at
    row.channel = report.channel.value
    row.category = report.category.value
    row.wie = report.wie
    row.wat = report.wat
    row.waar = report.waar
    row.waarmee = report.waarmee
    row.wijze = report.wijze
    row.waarom = report.waarom
    row.injury = report.injury.value
    row.injury_details = report.injury_details
    row.witnesses = report.witnesses
    row.police_involved = report.police_involved


def update_report(ctx: ServiceContext, incident_id: int, report: IncidentReport) -> None:
    """Correct the report (filer, employee or leidinggevende); audit names no content."""
    with ctx.store.session() as session:
        row = _load(ctx, session, incident_id)
        apply_report(row, report)
        row.updated_at = ctx.now()
        ctx.audit(session, "incident_edited", "incident", incident_id)


def _report(row: Incident) -> IncidentReport:
    return IncidentReport(
        occurred_at=row.occurred_at,
        channel=Channel(row.channel),
        category=BehaviourCategory(row.category),
        wie=row.wie,
        wat=row.wat,
        waar=row.waar,
        waarmee=row.waarmee,
        wijze=row.wijze,
        waarom=row.waarom,
        injury=Injury(row.injury),
        injury_details=row.injury_details,
        witnesses=row.witnesses,
        police_involved=row.police_involved,
    )


# ---- immediate steps -------------------------------------------------------------------


def record_step(
    ctx: ServiceContext, incident_id: int, step: Step, done_at: datetime | None = None
) -> datetime:
    """Tick a step of the checklist (now, or the time given); ticking again corrects it."""
    now = ctx.now()
    with ctx.store.session() as session:
        row = _load(ctx, session, incident_id)
        when = rules.check_step_time(done_at or now, occurred_at=row.occurred_at, now=now)
        existing = next((s for s in row.steps if s.step == step.value), None)
        if existing is None:
            row.steps.append(
                IncidentStep(
                    step=step.value,
                    done_at=when,
                    recorded_by=ctx.actor.account_id,
                    recorded_at=now,
                )
            )
        else:
            existing.done_at = when
            existing.recorded_by = ctx.actor.account_id
            existing.recorded_at = now
        ctx.audit(session, "incident_step", "incident", incident_id, step.value)
        return when


def undo_step(ctx: ServiceContext, incident_id: int, step: Step) -> None:
    with ctx.store.session() as session:
        row = _load(ctx, session, incident_id)
        row.steps = [s for s in row.steps if s.step != step.value]
        ctx.audit(session, "incident_step_undone", "incident", incident_id, step.value)


# ---- melding / aangifte ----------------------------------------------------------------


def record_police_report(ctx: ServiceContext, incident_id: int, report: PoliceReport) -> None:
    """The melding, aangifte or the reason for neither; recording it again corrects it."""
    now = ctx.now()
    with ctx.store.session() as session:
        row = _load(ctx, session, incident_id)
        target = row.police_report or PoliceReportRow()
        target.kind = report.kind.value
        target.reported_by = report.reported_by
        target.reported_at = report.reported_at
        target.police_reference = report.police_reference
        target.municipality_address = report.municipality_address
        target.vpt_mentioned = report.vpt_mentioned
        target.reason = report.reason
        target.recorded_by = ctx.actor.account_id
        target.recorded_at = now
        row.police_report = target
        row.updated_at = now
        ctx.audit(session, "incident_police_report", "incident", incident_id, report.kind.value)


def _police_report(row: PoliceReportRow) -> PoliceReport:
    return PoliceReport(
        kind=ReportKind(row.kind),
        reported_by=row.reported_by,
        reported_at=row.reported_at,
        police_reference=row.police_reference,
        municipality_address=row.municipality_address,
        vpt_mentioned=row.vpt_mentioned,
        reason=row.reason,
    )


# ---- aftercare -------------------------------------------------------------------------


def record_aftercare(ctx: ServiceContext, incident_id: int, record: AftercareRecord) -> None:
    """A leidinggevende records a conversation as held or declined (§10.2)."""
    ctx.require(Permission.SEE_TEAM_CASES, "alleen een leidinggevende legt de nazorg vast")
    now = ctx.now()
    with ctx.store.session() as session:
        row = _load(ctx, session, incident_id)
        existing = next((t for t in row.aftercare if t.talk == record.talk.value), None)
        target = existing or AftercareTalkRow(talk=record.talk.value)
        target.outcome = record.outcome.value
        target.held_on = record.on
        target.note = record.note
        target.recorded_by = ctx.actor.account_id
        target.recorded_at = now
        if existing is None:
            row.aftercare.append(target)
        row.updated_at = now
        ctx.audit(
            session,
            "incident_aftercare",
            "incident",
            incident_id,
            f"{record.talk.value}:{record.outcome.value}",
        )


# ---- evidence --------------------------------------------------------------------------


def add_attachment(
    ctx: ServiceContext,
    incident_id: int,
    *,
    filename: str,
    content: bytes,
    captured_at: datetime | None,
) -> int:
    """Store a screenshot or file (encrypted with the database), size-limited."""
    now = ctx.now()
    with ctx.store.session() as session:
        _load(ctx, session, incident_id)
        stored = session.execute(
            select(func.coalesce(func.sum(IncidentAttachment.size), 0)).where(
                IncidentAttachment.incident_id == incident_id
            )
        ).scalar_one()
        name = rules.check_attachment(
            filename=filename,
            size=len(content),
            captured_at=captured_at,
            already_stored=int(stored),
            now=now,
        )
        assert captured_at is not None
        media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        row = IncidentAttachment(
            incident_id=incident_id,
            filename=name,
            media_type=media_type,
            size=len(content),
            captured_at=captured_at,
            content=content,
            added_by=ctx.actor.account_id,
            added_at=now,
        )
        session.add(row)
        session.flush()
        ctx.audit(session, "attachment_added", "incident", incident_id, str(row.id))
        return row.id


def attachment_content(ctx: ServiceContext, attachment_id: int) -> tuple[str, bytes]:
    """File name and content, for saving where the person chooses; the view is logged."""
    with ctx.store.session() as session:
        row = session.get(IncidentAttachment, attachment_id)
        if row is None:
            raise PermissionDenied("deze bijlage bestaat niet")
        _load(ctx, session, row.incident_id)
        ctx.audit(session, "attachment_opened", "incident", row.incident_id, str(row.id))
        return row.filename, bytes(row.content)


def remove_attachment(ctx: ServiceContext, attachment_id: int) -> None:
    with ctx.store.session() as session:
        row = session.get(IncidentAttachment, attachment_id)
        if row is None:
            raise PermissionDenied("deze bijlage bestaat niet")
        _load(ctx, session, row.incident_id)
        if row.added_by != ctx.actor.account_id and not ctx.actor.may(Permission.SEE_TEAM_CASES):
            raise PermissionDenied("alleen wie de bijlage toevoegde verwijdert haar")
        incident_id = row.incident_id
        session.delete(row)
        ctx.audit(session, "attachment_removed", "incident", incident_id, str(attachment_id))


# ---- register note ---------------------------------------------------------------------


def note_proposal(ctx: ServiceContext, incident_id: int) -> tuple[NoteProposal, Address | None]:
    """The prefilled note and the visit's address (``None`` for an incident without visit)."""
    with ctx.store.read_session() as session:
        row = _load(ctx, session, incident_id)
        address = _address(row_visit) if (row_visit := _visit_of(session, row)) else None
        return rules.propose_note(_report(row)), address


def _visit_of(session: Session, row: Incident) -> Visit | None:
    return session.get(Visit, row.visit_id) if row.visit_id is not None else None


def propose_register_note(
    ctx: ServiceContext,
    incident_id: int,
    *,
    address: Address,
    category: NoteCategory | str,
    incident_date: date,
    description: str,
    precautions: str = "",
) -> int:
    """Propose the unsafe-address note for the leidinggevende's approval (docs/design.md §5)."""
    with ctx.store.read_session() as session:
        row = _load(ctx, session, incident_id)
        if row.note_id is not None:
            raise ValidationError(
                "Adresregister", "voor dit incident is al een adresnotitie voorgesteld."
            )
        visit_id = row.visit_id
    note_id = register.propose_note(
        ctx,
        address=address,
        category=category,
        incident_date=incident_date,
        description=description,
        precautions=precautions,
        source_visit_id=visit_id,
    )
    with ctx.store.session() as session:
        row = _load(ctx, session, incident_id)
        row.note_id = note_id
        row.updated_at = ctx.now()
        ctx.audit(session, "incident_note_proposed", "incident", incident_id, str(note_id))
    return note_id


# ---- reading ---------------------------------------------------------------------------


def get_incident(ctx: ServiceContext, incident_id: int) -> IncidentDetail:
    """One incident in full; who viewed it is logged."""
    with ctx.store.session() as session:
        row = _load(ctx, session, incident_id)
        names = _names(session)
        visit = _visit_of(session, row)
        note_status: NoteStatus | None = None
        if row.note_id is not None:
            note = session.get(UnsafeAddressNote, row.note_id)
            note_status = NoteStatus(note.status) if note is not None else None
        attachments = [
            AttachmentInfo(
                id=a_id,
                filename=filename,
                media_type=media_type,
                size=size,
                captured_at=captured_at,
                added_by=names.get(added_by, ""),
                added_at=added_at,
            )
            for a_id, filename, media_type, size, captured_at, added_by, added_at in (
                session.execute(
                    select(
                        IncidentAttachment.id,
                        IncidentAttachment.filename,
                        IncidentAttachment.media_type,
                        IncidentAttachment.size,
                        IncidentAttachment.captured_at,
                        IncidentAttachment.added_by,
                        IncidentAttachment.added_at,
                    )
                    .where(IncidentAttachment.incident_id == incident_id)
                    .order_by(IncidentAttachment.captured_at, IncidentAttachment.id)
                )
            )
        ]
        detail = IncidentDetail(
            id=row.id,
            report=_report(row),
            visit_id=row.visit_id,
            visit_address=_address(visit) if visit is not None else None,
            employee_id=row.employee_id,
            employee_name=names.get(row.employee_id, ""),
            filed_by_name=names.get(row.filed_by, ""),
            filed_at=row.filed_at,
            steps=[
                StepRecord(Step(s.step), s.done_at, names.get(s.recorded_by, "")) for s in row.steps
            ],
            police_report=_police_report(row.police_report) if row.police_report else None,
            police_report_recorded_by=(
                names.get(row.police_report.recorded_by, "") if row.police_report else ""
            ),
            aftercare={
                AftercareTalk(t.talk): AftercareRecord(
                    AftercareTalk(t.talk), TalkOutcome(t.outcome), t.held_on, t.note
                )
                for t in row.aftercare
            },
            attachments=attachments,
            note_id=row.note_id,
            note_status=note_status,
        )
        ctx.audit(session, "incident_viewed", "incident", incident_id)
        return detail


def list_incidents(ctx: ServiceContext) -> list[IncidentSummary]:
    """The incidents the actor may see, most recent first."""
    query = (
        _visible(ctx)
        .options(selectinload(Incident.police_report), selectinload(Incident.aftercare))
        .order_by(Incident.occurred_at.desc(), Incident.id.desc())
    )
    with ctx.store.read_session() as session:
        names = _names(session)
        return [
            IncidentSummary(
                id=row.id,
                occurred_at=row.occurred_at,
                channel=Channel(row.channel),
                category=BehaviourCategory(row.category),
                employee_name=names.get(row.employee_id, ""),
                visit_id=row.visit_id,
                police_reported=row.police_report is not None,
                talks_recorded=len(row.aftercare),
            )
            for row in session.execute(query).scalars()
        ]


def incident_deadlines(ctx: ServiceContext) -> list[Deadline]:
    """Open deadlines for the reminder scheduler (aangifte 24 h, the aftercare talks).

    Safe to call for every account: a beheerder without case access gets none. The
    deadlines are meant for the leidinggevenden (``Audience.LEIDINGGEVENDEN``).
    """
    if not (ctx.actor.may(Permission.SEE_TEAM_CASES) or ctx.actor.may(Permission.FILE_INCIDENT)):
        return []
    since = ctx.now() - DEADLINE_HORIZON
    query = (
        _visible(ctx)
        .where(Incident.occurred_at >= since)
        .options(selectinload(Incident.police_report), selectinload(Incident.aftercare))
        .order_by(Incident.id)
    )
    with ctx.store.read_session() as session:
        first_names: dict[int, str] = {
            i: first for i, first in session.execute(select(Account.id, Account.first_name))
        }
        found: list[Deadline] = []
        for row in session.execute(query).scalars():
            found += rules.open_deadlines(
                incident_id=row.id,
                occurred_at=row.occurred_at,
                filed_at=row.filed_at,
                police_report_recorded=row.police_report is not None,
                talks_recorded={AftercareTalk(t.talk) for t in row.aftercare},
                visit_id=row.visit_id,
                employee_first_name=first_names.get(row.employee_id, ""),
            )
        return found
