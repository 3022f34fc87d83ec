"""The unsafe-address register (docs/design.md §5): notes, their approval and review cycle.

A note rests on a specific incident stated factually. A medewerker proposes, a
different person who is leidinggevende approves (four-eyes). Active notes warn
until ``expires_on``; ``review_due`` comes first so a leidinggevende can renew
the note before it stops warning.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from veilig_huisbezoek.domain.address import Address, AddressKey
from veilig_huisbezoek.domain.clock import ensure_utc, to_local
from veilig_huisbezoek.domain.errors import (
    Message,
    NotAllowedError,
    TransitionError,
    ValidationError,
    ValidationErrors,
    msg,
    term,
)
from veilig_huisbezoek.domain.visit import validate_text

MIN_DESCRIPTION_LENGTH = 20
MAX_DESCRIPTION_LENGTH = 2000
MAX_PRECAUTIONS_LENGTH = 1000
MAX_REASON_LENGTH = 1000
MAX_INCIDENT_AGE_YEARS = 5


class NoteCategory(StrEnum):
    AGRESSIEVE_PERSOON = "agressieve_persoon"
    BEDREIGING = "bedreiging"
    GEWELD = "geweld"
    WAPENS = "wapens"
    DRUGS_PLANTAGE = "drugs_plantage"
    ILLEGALE_STROOM = "illegale_stroom"
    GEVAARLIJK_DIER = "gevaarlijk_dier"
    OVERIG = "overig"

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS = {
    NoteCategory.AGRESSIEVE_PERSOON: "Agressieve persoon",
    NoteCategory.BEDREIGING: "Bedreiging",
    NoteCategory.GEWELD: "Geweld",
    NoteCategory.WAPENS: "Wapens",
    NoteCategory.DRUGS_PLANTAGE: "Drugs of hennepkwekerij",
    NoteCategory.ILLEGALE_STROOM: "Illegale stroom",
    NoteCategory.GEVAARLIJK_DIER: "Gevaarlijk dier",
    NoteCategory.OVERIG: "Overig",
}


class NoteStatus(StrEnum):
    VOORGESTELD = "voorgesteld"
    ACTIEF = "actief"
    AFGEWEZEN = "afgewezen"
    INGETROKKEN = "ingetrokken"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    NoteStatus.VOORGESTELD: "Voorgesteld",
    NoteStatus.ACTIEF: "Actief",
    NoteStatus.AFGEWEZEN: "Afgewezen",
    NoteStatus.INGETROKKEN: "Ingetrokken",
}


@dataclass(frozen=True)
class UnsafeAddressNote:
    id: int | None
    address: Address
    category: NoteCategory
    incident_date: date
    description: str
    precautions: str
    author_id: int
    status: NoteStatus
    created_at: datetime
    approved_by: int | None = None
    approved_at: datetime | None = None
    review_due: date | None = None
    expires_on: date | None = None
    retired_at: datetime | None = None
    retire_reason: str = ""
    # Four eyes on edits: who last changed the content (may not approve it), and for a
    # pending edit of an active note, which note it will replace once approved.
    edited_by: int | None = None
    replaces_id: int | None = None


def add_months(d: date, months: int) -> date:
    """Add (or subtract) calendar months, clamping the day: 31 Jan + 1 → 28/29 Feb."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _local_date(now: datetime) -> date:
    return to_local(now).date()


def new_note(
    *,
    address: Address,
    category: NoteCategory | str,
    incident_date: date,
    description: str,
    precautions: str,
    author_id: int,
    now: datetime,
    today: date | None = None,
) -> UnsafeAddressNote:
    """Validate a proposed note (status *voorgesteld*); all errors are collected.

    ``today`` defaults to the Amsterdam date of ``now``.
    """
    now_utc = ensure_utc(now)
    today = today if today is not None else _local_date(now_utc)
    errors: list[ValidationError] = []

    note_category: NoteCategory | None = None
    try:
        note_category = NoteCategory(category)
    except ValueError:
        errors.append(ValidationError("Categorie", "kies een geldige categorie."))

    if incident_date > today:
        errors.append(ValidationError("Datum incident", "mag niet in de toekomst liggen."))
    elif incident_date < add_months(today, -12 * MAX_INCIDENT_AGE_YEARS):
        errors.append(
            ValidationError(
                "Datum incident",
                msg("mag niet meer dan {count} jaar geleden zijn.", count=MAX_INCIDENT_AGE_YEARS),
            )
        )

    description_clean = description.strip()
    if not description_clean:
        errors.append(
            ValidationError(
                "Omschrijving",
                "beschrijf feitelijk wat er is gebeurd (verplicht).",
            )
        )
    elif len(description_clean) < MIN_DESCRIPTION_LENGTH:
        errors.append(
            ValidationError(
                "Omschrijving",
                msg(
                    "te kort: beschrijf feitelijk een concreet incident (minstens {count} tekens).",
                    count=MIN_DESCRIPTION_LENGTH,
                ),
            )
        )
    errors += validate_text(description_clean, "Omschrijving", max_length=MAX_DESCRIPTION_LENGTH)
    precautions_clean = precautions.strip()
    errors += validate_text(
        precautions_clean, "Voorzorgsmaatregelen", max_length=MAX_PRECAUTIONS_LENGTH
    )
    if errors:
        raise ValidationErrors(errors)
    assert note_category is not None
    return UnsafeAddressNote(
        id=None,
        address=address,
        category=note_category,
        incident_date=incident_date,
        description=description_clean,
        precautions=precautions_clean,
        author_id=author_id,
        status=NoteStatus.VOORGESTELD,
        created_at=now_utc,
    )


def _require_leidinggevende(is_leidinggevende: bool, action: Message) -> None:
    """``action``: the verb, as msg("goedkeuren")."""
    if not is_leidinggevende:
        raise NotAllowedError(
            msg("Alleen een leidinggevende mag een notitie {action}.", action=action)
        )


def _require_status(note: UnsafeAddressNote, allowed: set[NoteStatus], action: Message) -> None:
    """``action``: the past participle, as msg("goedgekeurd")."""
    if note.status not in allowed:
        raise TransitionError(status_refusal(note.status, action))


def status_refusal(status: NoteStatus, action: Message) -> Message:
    """A note with this status cannot be ``action`` (msg("bewerkt"))."""
    return msg(
        "Een notitie met status '{status}' kan niet worden {action}.",
        status=term(status.label),
        action=action,
    )


def _dates(start: date, review_months: int, expiry_grace_months: int) -> tuple[date, date]:
    if review_months < 1 or expiry_grace_months < 0:
        raise ValueError("review_months must be >= 1 and expiry_grace_months >= 0")
    review_due = add_months(start, review_months)
    return review_due, add_months(review_due, expiry_grace_months)


def approve(
    note: UnsafeAddressNote,
    *,
    approver_id: int,
    approver_is_leidinggevende: bool,
    now: datetime,
    review_months: int = 12,
    expiry_grace_months: int = 3,
) -> UnsafeAddressNote:
    """Activate a proposed note (four-eyes: not by its author)."""
    _require_leidinggevende(approver_is_leidinggevende, msg("goedkeuren"))
    _require_status(note, {NoteStatus.VOORGESTELD}, msg("goedgekeurd"))
    if approver_id == note.author_id:
        raise NotAllowedError(
            "U kunt uw eigen notitie niet goedkeuren: een andere leidinggevende moet dat doen "
            "(vier-ogenprincipe)."
        )
    if approver_id == note.edited_by:
        raise NotAllowedError(
            "U hebt deze notitie zelf bewerkt: een andere leidinggevende keurt de bewerking "
            "goed (vier-ogenprincipe)."
        )
    now_utc = ensure_utc(now)
    review_due, expires_on = _dates(_local_date(now_utc), review_months, expiry_grace_months)
    return replace(
        note,
        status=NoteStatus.ACTIEF,
        approved_by=approver_id,
        approved_at=now_utc,
        review_due=review_due,
        expires_on=expires_on,
    )


def _reason(reason: str, field: str) -> str:
    clean = reason.strip()
    errors: list[ValidationError] = []
    if not clean:
        errors.append(ValidationError(field, "geef een reden op."))
    errors += validate_text(clean, field, max_length=MAX_REASON_LENGTH)
    if errors:
        raise ValidationErrors(errors)
    return clean


def reject(
    note: UnsafeAddressNote,
    *,
    by_id: int,
    is_leidinggevende: bool,
    now: datetime,
    reason: str,
) -> UnsafeAddressNote:
    """Reject a proposed note; the reason is required."""
    _require_leidinggevende(is_leidinggevende, msg("afwijzen"))
    _require_status(note, {NoteStatus.VOORGESTELD}, msg("afgewezen"))
    clean = _reason(reason, "Reden afwijzing")
    return replace(
        note,
        status=NoteStatus.AFGEWEZEN,
        approved_by=by_id,
        retired_at=ensure_utc(now),
        retire_reason=clean,
    )


def review(
    note: UnsafeAddressNote,
    *,
    reviewer_id: int,
    is_leidinggevende: bool,
    today: date,
    review_months: int = 12,
    expiry_grace_months: int = 3,
) -> UnsafeAddressNote:
    """Confirm an active note is still needed: the review and expiry dates restart."""
    _require_leidinggevende(is_leidinggevende, msg("beoordelen"))
    _require_status(note, {NoteStatus.ACTIEF}, msg("beoordeeld"))
    del reviewer_id  # recorded in the audit log by the service layer
    review_due, expires_on = _dates(today, review_months, expiry_grace_months)
    return replace(note, review_due=review_due, expires_on=expires_on)


def retire(
    note: UnsafeAddressNote,
    *,
    by_id: int,
    is_leidinggevende: bool,
    now: datetime,
    reason: str,
) -> UnsafeAddressNote:
    """Withdraw a note. A leidinggevende may retire any proposed or active note;
    the author may withdraw their own proposal."""
    own_proposal = note.status is NoteStatus.VOORGESTELD and by_id == note.author_id
    if not own_proposal:
        _require_leidinggevende(is_leidinggevende, msg("intrekken"))
    _require_status(note, {NoteStatus.VOORGESTELD, NoteStatus.ACTIEF}, msg("ingetrokken"))
    clean = _reason(reason, "Reden intrekken")
    return replace(
        note, status=NoteStatus.INGETROKKEN, retired_at=ensure_utc(now), retire_reason=clean
    )


def warns(note: UnsafeAddressNote, today: date) -> bool:
    """An active note that has not expired shows a warning."""
    return (
        note.status is NoteStatus.ACTIEF and note.expires_on is not None and today < note.expires_on
    )


def review_overdue(note: UnsafeAddressNote, today: date) -> bool:
    return (
        note.status is NoteStatus.ACTIEF
        and note.review_due is not None
        and today >= note.review_due
    )


def matches(note: UnsafeAddressNote, key: AddressKey) -> bool:
    """Exact match on normalised postcode, house number and addition."""
    return note.address.key == key
