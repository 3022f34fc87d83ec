"""What goes into the documents made from a visit or an incident (docs/design.md §2, §6).

The data only: :mod:`veilig_huisbezoek.outputs` turns it into PDF and ``.ics`` bytes,
and the GUI writes them only where the person chooses. Making a document is
audit-logged (ids only).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from ..domain.address import Address
from ..domain.clock import to_local
from ..domain.errors import UserError
from ..domain.phone import format_phone
from ..domain.settings import Settings
from ..domain.visit import VisitReason
from .context import ServiceContext
from .incidents import IncidentDetail, get_incident
from .settings import load_settings
from .visit_details import get_visit_detail

REASON_SENTENCES = {
    VisitReason.DIENSTVERLENING: (
        "Wij komen bij u langs om samen te bespreken welke ondersteuning u nodig heeft."
    ),
    VisitReason.PREVENTIEF: (
        "Wij komen bij u langs voor een preventief huisbezoek: een gesprek om samen na te "
        "gaan of u de ondersteuning krijgt die bij uw situatie past."
    ),
    VisitReason.HANDHAVING: (
        "Wij komen bij u langs in het kader van een onderzoek naar de rechtmatigheid van "
        "uw uitkering of voorziening. Tijdens het bezoek bespreken wij uw situatie met u."
    ),
}


def visit_reference(visit_id: int, start: datetime) -> str:
    """``HB-2026-0012``: huisbezoek, the year of the visit and its number."""
    return f"HB-{to_local(start).year}-{visit_id:04d}"


# Shown as it is (the GUI translates it as a domain text, see tools/update_translations.py).
MISSING_SENDER = (
    "De aankondigingsbrief kan niet worden gemaakt: de naam en het adres van de gemeente "
    "ontbreken. De beheerder vult ze in bij Instellingen, onder Gemeente (voor brieven)."
)


class SenderMissingError(UserError):
    """A letter to a resident needs the municipality's name and address (settings)."""

    def __init__(self) -> None:
        super().__init__(MISSING_SENDER)


@dataclass(frozen=True)
class Sender:
    """The municipality from the settings (Instellingen: Gemeente (voor brieven))."""

    name: str
    address: str

    @property
    def complete(self) -> bool:
        return bool(self.name and self.address)

    @classmethod
    def from_settings(cls, settings: Settings) -> Sender:
        return cls(settings.municipality_name.strip(), settings.municipality_address.strip())


@dataclass(frozen=True)
class AnnouncementLetter:
    reference: str
    letter_date: date
    sender: Sender
    addressee: str
    address: Address
    employees: tuple[str, ...]
    start: datetime
    expected_return: datetime
    reason: VisitReason
    reason_sentence: str
    interpreter: bool
    contact_name: str
    contact_phone: str


def _phone(value: str) -> str:
    try:
        return format_phone(value) if value else ""
    except ValueError:
        return value


def announcement_letter(ctx: ServiceContext, visit_id: int) -> AnnouncementLetter:
    """The written announcement (seed 002 §5.4): employee name, date, time and reason.

    Refused (:class:`SenderMissingError`) until the beheerder has filled in the
    municipality's name and address: a letter to a resident without a sender is no
    letter to send.
    """
    detail = get_visit_detail(ctx, visit_id)
    sender = Sender.from_settings(load_settings(ctx))
    if not sender.complete:
        raise SenderMissingError()
    addressee = detail.clients.strip() or detail.residents.strip() or "De bewoner(s)"
    letter = AnnouncementLetter(
        reference=visit_reference(detail.id, detail.start),
        letter_date=to_local(ctx.now()).date(),
        sender=sender,
        addressee=addressee.splitlines()[0],
        address=detail.address,
        employees=tuple(p.display_name for p in detail.people_present),
        start=detail.start,
        expected_return=detail.expected_return,
        reason=detail.reason,
        reason_sentence=REASON_SENTENCES[detail.reason],
        interpreter=detail.interpreter,
        contact_name=detail.visitor.display_name,
        contact_phone=_phone(detail.visitor.phone),
    )
    with ctx.store.session() as session:
        ctx.audit(session, "letter_made", "visit", visit_id)
    return letter


def visit_uid(store_id: str, visit_id: int) -> str:
    """The agenda item's UID: the same for a visit every time it is exported, different
    for every other visit, also of another database (a shared calendar holds items of
    several). A hash of the database's random id and the visit's number: nothing
    personal, and neither can be read back from it."""
    digest = hashlib.sha256(f"vh-ics-uid\0{store_id}\0{visit_id}".encode()).hexdigest()
    return f"{digest[:32]}@veilig-huisbezoek"


@dataclass(frozen=True)
class AgendaItem:
    uid: str
    summary: str
    start: datetime
    end: datetime
    location: str
    description: str
    created: datetime


def agenda_item(ctx: ServiceContext, visit_id: int) -> AgendaItem:
    """The shared-calendar entry (seed 002 §5.4): location and address, who goes, buddy."""
    detail = get_visit_detail(ctx, visit_id)
    people = ", ".join(p.display_name for p in detail.people_present)
    back = to_local(detail.expected_return).strftime("%H:%M")
    lines = [
        f"Huisbezoek ({detail.reason.label.lower()}).",
        f"Adres: {detail.address.one_line()}",
        f"Medewerker(s): {people}",
        f"Buddy: {detail.buddy.display_name}",
        f"Verwacht terug: {back}",
        f"Kenmerk: {visit_reference(detail.id, detail.start)}",
    ]
    item = AgendaItem(
        uid=visit_uid(ctx.store.store_id, detail.id),
        summary=f"Huisbezoek {detail.address.short()} ({people})",
        start=detail.start,
        end=detail.expected_return,
        location=detail.address.one_line(),
        description="\n".join(lines),
        created=ctx.now(),
    )
    with ctx.store.session() as session:
        ctx.audit(session, "agenda_made", "visit", visit_id)
    return item


@dataclass(frozen=True)
class IncidentForm:
    incident: IncidentDetail
    sender: Sender
    made_at: datetime
    made_by: str


def incident_form(ctx: ServiceContext, incident_id: int) -> IncidentForm:
    """The incident registration form (§7.4 stap 6) for the coördinator's file."""
    detail = get_incident(ctx, incident_id)
    form = IncidentForm(
        incident=detail,
        sender=Sender.from_settings(load_settings(ctx)),
        made_at=ctx.now(),
        made_by=ctx.actor.display_name,
    )
    with ctx.store.session() as session:
        ctx.audit(session, "incident_form_made", "incident", incident_id)
    return form
