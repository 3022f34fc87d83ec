"""Retention periods (AVG storage limitation) for visits and unsafe-address notes.

Visits
    A finished visit (afgesloten, terug veilig, terug met incident) whose expected
    return lies more than ``visit_retention_days`` (default 365) in the past loses its
    personal details: street, house number and addition, the letters of the postcode,
    residents, clients, the client's phone, the roles note and the free-text reasons
    (deviation, consent). What reports count stays: level, reason for the visit, dates,
    state, assessment answers and reasons (checklist texts), call outcomes, events,
    which colleagues went, and the city with the 4-digit postcode area (``6411``). A
    4-digit area holds on average some two thousand addresses, so it does not point to a
    household, yet still shows where incidents cluster; set ``KEEP_POSTCODE_AREA`` to
    False to blank it as well. A ``geanonimiseerd`` visit event marks the visit (and
    makes the run idempotent); each anonymised visit is audit-logged by id.

Unsafe-address notes
    A note that no longer warns (docs/design.md §5: expired, retired or rejected) is deleted
    ``register_retention_months`` (default 12) after it stopped warning: an active note
    counts from its ``expires_on`` date, a retired or rejected note from the day it was
    retired or rejected. Proposals awaiting approval are never deleted here. Each
    deletion is audit-logged by note id only.

Who may run it: a beheerder (data management, like backups) or a leidinggevende (owner
of the register and the team's case data); a medewerker may not. The result holds
counts only, so a beheerder sees no case content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from ..domain.clock import to_local
from ..domain.register import NoteStatus, add_months
from ..domain.roles import Permission, PermissionDenied
from ..domain.visit import VisitState
from ..storage.models import UnsafeAddressNote, Visit, VisitEvent
from .context import ServiceContext
from .settings import load_settings

ANONYMISED_EVENT = "geanonimiseerd"
FINISHED_STATES = (
    VisitState.AFGESLOTEN.value,
    VisitState.TERUG_VEILIG.value,
    VisitState.TERUG_INCIDENT.value,
)
KEEP_POSTCODE_AREA = True
# Visits per transaction: a first run over years of history neither holds the write
# lock for long nor needs one huge transaction; a crash in between loses nothing
# (the next run continues where this one stopped).
BATCH_SIZE = 500


@dataclass(frozen=True)
class RetentionResult:
    visits_anonymised: int
    notes_deleted: int

    @property
    def changed(self) -> bool:
        return bool(self.visits_anonymised or self.notes_deleted)


def _require_role(ctx: ServiceContext) -> None:
    if not (ctx.actor.may(Permission.MANAGE_SETTINGS) or ctx.actor.may(Permission.MANAGE_NOTES)):
        raise PermissionDenied("alleen een beheerder of leidinggevende past bewaartermijnen toe")


def postcode_area(postcode: str) -> str:
    """``6411 HB`` → ``6411`` (the 4-digit area); anything else → ``""``."""
    digits = postcode.strip()[:4]
    return digits if len(digits) == 4 and digits.isascii() and digits.isdigit() else ""


def anonymise_visit(visit: Visit) -> None:
    """Blank the personal details of one visit row (the caller marks and logs it)."""
    visit.street = ""
    visit.house_number = 0
    visit.addition = ""
    visit.postcode = postcode_area(visit.postcode) if KEEP_POSTCODE_AREA else ""
    visit.residents = ""
    visit.clients = ""
    visit.client_phone = ""
    visit.roles_note = ""
    visit.deviation_reason = ""
    visit.consent_reason = ""


def _already_anonymised() -> ColumnElement[bool]:
    return (
        select(VisitEvent.id)
        .where(VisitEvent.visit_id == Visit.id, VisitEvent.kind == ANONYMISED_EVENT)
        .exists()
    )


def _anonymise_batch(
    ctx: ServiceContext, session: Session, cutoff: datetime, now: datetime, days: int
) -> int:
    visits = (
        session.execute(
            select(Visit)
            .where(
                Visit.state.in_(FINISHED_STATES),
                Visit.expected_return_at < cutoff,
                ~_already_anonymised(),
            )
            .order_by(Visit.id)
            .limit(BATCH_SIZE)
        )
        .scalars()
        .all()
    )
    for visit in visits:
        anonymise_visit(visit)
        visit.updated_at = now
        session.add(
            VisitEvent(
                visit_id=visit.id,
                at=now,
                actor_id=ctx.actor.account_id,
                kind=ANONYMISED_EVENT,
                detail=f"bewaartermijn {days} dagen",
            )
        )
        ctx.audit(session, "visit_anonymised", "visit", visit.id)
    return len(visits)


def _stopped_warning_on(note: UnsafeAddressNote) -> date | None:
    """The day a note stopped (or will stop) warning; None for a pending proposal."""
    if note.status == NoteStatus.ACTIEF.value:
        return note.expires_on
    if note.status in (NoteStatus.INGETROKKEN.value, NoteStatus.AFGEWEZEN.value):
        return to_local(note.retired_at or note.created_at).date()
    return None


def notes_past_retention(session: Session, today: date, months: int) -> list[UnsafeAddressNote]:
    candidates = session.execute(
        select(UnsafeAddressNote).where(
            UnsafeAddressNote.status.in_(
                [NoteStatus.ACTIEF.value, NoteStatus.INGETROKKEN.value, NoteStatus.AFGEWEZEN.value]
            )
        )
    ).scalars()
    due = []
    for note in candidates:
        ended = _stopped_warning_on(note)
        if ended is not None and today >= add_months(ended, months):
            due.append(note)
    return due


def apply_retention(ctx: ServiceContext, now: datetime | None = None) -> RetentionResult:
    """Anonymise old finished visits and delete notes past their retention; idempotent."""
    _require_role(ctx)
    now = now or ctx.now()
    settings = load_settings(ctx)
    days = settings.visit_retention_days
    cutoff = now - timedelta(days=days)
    anonymised = 0
    while True:
        with ctx.store.session() as session:
            done = _anonymise_batch(ctx, session, cutoff, now, days)
        anonymised += done
        if done < BATCH_SIZE:
            break
    with ctx.store.session() as session:
        notes = notes_past_retention(
            session, to_local(now).date(), settings.register_retention_months
        )
        for note in notes:
            note_id = note.id
            session.delete(note)
            ctx.audit(session, "note_deleted", "note", note_id, "bewaartermijn")
        result = RetentionResult(anonymised, len(notes))
        if result.changed:
            ctx.audit(
                session,
                "retention_applied",
                detail=f"{result.visits_anonymised} bezoeken, {result.notes_deleted} notities",
            )
    return result
