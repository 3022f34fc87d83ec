"""The unsafe-address register: propose, approve, review, retire, warn (DESIGN.md §5)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import register as rules
from ..domain.address import Address, AddressKey
from ..domain.clock import to_local
from ..domain.register import NoteCategory, NoteStatus, UnsafeAddressNote
from ..domain.roles import Permission, PermissionDenied
from ..storage.models import UnsafeAddressNote as NoteRow
from .context import ServiceContext
from .settings import load_settings


def _to_domain(row: NoteRow) -> UnsafeAddressNote:
    return UnsafeAddressNote(
        id=row.id,
        address=Address(row.street, row.house_number, row.addition, row.postcode, row.city),
        category=NoteCategory(row.category),
        incident_date=row.incident_date,
        description=row.description,
        precautions=row.precautions,
        author_id=row.author_id,
        status=NoteStatus(row.status),
        created_at=row.created_at,
        approved_by=row.approved_by,
        approved_at=row.approved_at,
        review_due=row.review_due,
        expires_on=row.expires_on,
        retired_at=row.retired_at,
        retire_reason=row.retire_reason,
    )


def _apply(row: NoteRow, note: UnsafeAddressNote) -> None:
    row.street = note.address.street
    row.house_number = note.address.house_number
    row.addition = note.address.addition
    row.postcode = note.address.postcode
    row.city = note.address.city
    row.category = note.category.value
    row.incident_date = note.incident_date
    row.description = note.description
    row.precautions = note.precautions
    row.author_id = note.author_id
    row.status = note.status.value
    row.created_at = note.created_at
    row.approved_by = note.approved_by
    row.approved_at = note.approved_at
    row.review_due = note.review_due
    row.expires_on = note.expires_on
    row.retired_at = note.retired_at
    row.retire_reason = note.retire_reason


def _today(ctx: ServiceContext) -> date:
    return to_local(ctx.now()).date()


def _lg(ctx: ServiceContext) -> bool:
    return ctx.actor.may(Permission.MANAGE_NOTES)


def propose_note(
    ctx: ServiceContext,
    *,
    address: Address,
    category: NoteCategory | str,
    incident_date: date,
    description: str,
    precautions: str = "",
    source_visit_id: int | None = None,
) -> int:
    ctx.require(Permission.PROPOSE_NOTE, "u mag geen adresnotities voorstellen")
    note = rules.new_note(
        address=address,
        category=category,
        incident_date=incident_date,
        description=description,
        precautions=precautions,
        author_id=ctx.actor.account_id,
        now=ctx.now(),
    )
    with ctx.store.session() as session:
        row = NoteRow(source_visit_id=source_visit_id)
        _apply(row, note)
        session.add(row)
        session.flush()
        ctx.audit(session, "note_proposed", "note", row.id)
        return row.id


def _load(session: Session, note_id: int) -> NoteRow:
    row = session.get(NoteRow, note_id)
    if row is None:
        raise PermissionDenied("deze notitie bestaat niet")
    return row


def _change(ctx: ServiceContext, note_id: int, action: str, change: object) -> None:
    assert callable(change)
    with ctx.store.session() as session:
        row = _load(session, note_id)
        if not _lg(ctx) and row.author_id != ctx.actor.account_id:
            raise PermissionDenied("alleen een leidinggevende beheert adresnotities")
        _apply(row, change(_to_domain(row)))
        ctx.audit(session, action, "note", note_id)


def approve_note(ctx: ServiceContext, note_id: int) -> None:
    settings = load_settings(ctx)
    _change(
        ctx,
        note_id,
        "note_approved",
        lambda note: rules.approve(
            note,
            approver_id=ctx.actor.account_id,
            approver_is_leidinggevende=_lg(ctx),
            now=ctx.now(),
            review_months=settings.review_months,
            expiry_grace_months=settings.register_expiry_grace_months,
        ),
    )


def reject_note(ctx: ServiceContext, note_id: int, reason: str) -> None:
    _change(
        ctx,
        note_id,
        "note_rejected",
        lambda note: rules.reject(
            note,
            by_id=ctx.actor.account_id,
            is_leidinggevende=_lg(ctx),
            now=ctx.now(),
            reason=reason,
        ),
    )


def review_note(ctx: ServiceContext, note_id: int) -> None:
    settings = load_settings(ctx)
    _change(
        ctx,
        note_id,
        "note_reviewed",
        lambda note: rules.review(
            note,
            reviewer_id=ctx.actor.account_id,
            is_leidinggevende=_lg(ctx),
            today=_today(ctx),
            review_months=settings.review_months,
            expiry_grace_months=settings.register_expiry_grace_months,
        ),
    )


def retire_note(ctx: ServiceContext, note_id: int, reason: str) -> None:
    _change(
        ctx,
        note_id,
        "note_retired",
        lambda note: rules.retire(
            note,
            by_id=ctx.actor.account_id,
            is_leidinggevende=_lg(ctx),
            now=ctx.now(),
            reason=reason,
        ),
    )


def _at_address(key: AddressKey):  # type: ignore[no-untyped-def]
    return select(NoteRow).where(
        NoteRow.postcode == key.postcode,
        NoteRow.house_number == key.house_number,
        NoteRow.addition == key.addition,
    )


def warnings_for(ctx: ServiceContext, key: AddressKey) -> list[UnsafeAddressNote]:
    """Active notes that warn at this address, shown while planning. The view is logged."""
    ctx.require(Permission.PLAN_OWN_VISITS, "u mag het register niet raadplegen")
    today = _today(ctx)
    with ctx.store.session() as session:
        notes = [
            _to_domain(row)
            for row in session.execute(
                _at_address(key).where(NoteRow.status == NoteStatus.ACTIEF.value)
            ).scalars()
        ]
        warning = [n for n in notes if rules.warns(n, today)]
        for note in warning:
            ctx.audit(session, "note_viewed", "note", note.id or "")
        return warning


def list_notes(ctx: ServiceContext, *, status: NoteStatus | None = None) -> list[UnsafeAddressNote]:
    """All notes for the leidinggevende; a medewerker sees only their own proposals."""
    query = select(NoteRow).order_by(NoteRow.review_due, NoteRow.id)
    if status is not None:
        query = query.where(NoteRow.status == status.value)
    if not _lg(ctx):
        ctx.require(Permission.PROPOSE_NOTE, "u mag het register niet raadplegen")
        query = query.where(NoteRow.author_id == ctx.actor.account_id)
    with ctx.store.session() as session:
        return [_to_domain(r) for r in session.execute(query).scalars()]


def overdue_reviews(ctx: ServiceContext) -> list[UnsafeAddressNote]:
    ctx.require(Permission.MANAGE_NOTES, "alleen een leidinggevende ziet herbeoordelingen")
    today = _today(ctx)
    return [n for n in list_notes(ctx, status=NoteStatus.ACTIEF) if rules.review_overdue(n, today)]
