"""The visit plan and its lifecycle."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from veilig_huisbezoek.domain.address import Address, has_control_chars
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.clock import ensure_utc
from veilig_huisbezoek.domain.errors import (
    TransitionError,
    ValidationError,
    ValidationErrors,
    msg,
    term,
)
from veilig_huisbezoek.domain.phone import parse_dutch_phone

MAX_TEXT_LENGTH = 2000
MAX_VISIT_DURATION = timedelta(hours=24)
MAX_START_IN_PAST = timedelta(hours=1)


class VisitReason(StrEnum):
    DIENSTVERLENING = "dienstverlening"
    PREVENTIEF = "preventief"
    HANDHAVING = "handhaving"

    @property
    def label(self) -> str:
        return _REASON_LABELS[self]


_REASON_LABELS = {
    VisitReason.DIENSTVERLENING: "Dienstverlening",
    VisitReason.PREVENTIEF: "Preventief huisbezoek",
    VisitReason.HANDHAVING: "Handhaving bij gegrond vermoeden",
}


class VisitState(StrEnum):
    CONCEPT = "concept"
    GEPLAND = "gepland"
    ONDERWEG = "onderweg"
    TERUG_VEILIG = "terug_veilig"
    TERUG_INCIDENT = "terug_incident"
    GEESCALEERD = "geescaleerd"
    AFGESLOTEN = "afgesloten"

    @property
    def label(self) -> str:
        return _STATE_LABELS[self]

    @property
    def is_active(self) -> bool:
        """The visitor is out: call-backs and overdue alarms apply."""
        return self in (VisitState.ONDERWEG, VisitState.GEESCALEERD)

    @property
    def is_final(self) -> bool:
        return self is VisitState.AFGESLOTEN


_STATE_LABELS = {
    VisitState.CONCEPT: "Concept",
    VisitState.GEPLAND: "Gepland",
    VisitState.ONDERWEG: "Onderweg",
    VisitState.TERUG_VEILIG: "Terug, veilig",
    VisitState.TERUG_INCIDENT: "Terug, er was een incident",
    VisitState.GEESCALEERD: "Geëscaleerd",
    VisitState.AFGESLOTEN: "Afgesloten",
}

ALLOWED_TRANSITIONS: dict[VisitState, frozenset[VisitState]] = {
    VisitState.CONCEPT: frozenset({VisitState.GEPLAND}),
    VisitState.GEPLAND: frozenset({VisitState.ONDERWEG, VisitState.AFGESLOTEN}),
    VisitState.ONDERWEG: frozenset(
        {VisitState.TERUG_VEILIG, VisitState.TERUG_INCIDENT, VisitState.GEESCALEERD}
    ),
    VisitState.GEESCALEERD: frozenset({VisitState.TERUG_VEILIG, VisitState.TERUG_INCIDENT}),
    VisitState.TERUG_VEILIG: frozenset({VisitState.AFGESLOTEN}),
    VisitState.TERUG_INCIDENT: frozenset({VisitState.AFGESLOTEN}),
    VisitState.AFGESLOTEN: frozenset(),
}


def can_transition(current: VisitState, target: VisitState) -> bool:
    return target in ALLOWED_TRANSITIONS[current]


def transition(current: VisitState, target: VisitState) -> VisitState:
    """Return ``target`` when the step is allowed, else raise ``TransitionError``."""
    if not can_transition(current, target):
        raise TransitionError(
            msg(
                "Een bezoek met status '{current}' kan niet naar '{target}'.",
                current=term(current.label),
                target=term(target.label),
            )
        )
    return target


def validate_text(
    value: str, field: str, *, max_length: int = MAX_TEXT_LENGTH
) -> list[ValidationError]:
    """Free text: at most ``max_length`` characters, only newline/tab as control chars."""
    errors: list[ValidationError] = []
    if len(value) > max_length:
        errors.append(
            ValidationError(
                field,
                msg("maximaal {count} tekens (nu {length}).", count=max_length, length=len(value)),
            )
        )
    if has_control_chars(value, allow="\n\t"):
        errors.append(ValidationError(field, "bevat ongeldige (onzichtbare) tekens."))
    return errors


@dataclass(frozen=True)
class VisitPlan:
    """A validated visit plan. Build it with :meth:`create`.

    Times are aware UTC; ``client_phone`` is E.164 or ``""``; ``callbacks`` is sorted.
    """

    reason: VisitReason
    address: Address
    residents: str
    clients: str
    client_phone: str
    start: datetime
    expected_return: datetime
    visitor_id: int
    colleague_ids: tuple[int, ...]
    roles_note: str
    interpreter: bool
    announced_in_writing: bool
    buddy_id: int
    callbacks: tuple[datetime, ...]

    @classmethod
    def create(
        cls,
        *,
        reason: VisitReason | str | None,
        address: Address,
        residents: str,
        clients: str,
        client_phone_text: str,
        start: datetime,
        expected_return: datetime,
        visitor_id: int,
        colleague_ids: Iterable[int],
        roles_note: str,
        interpreter: bool,
        announced_in_writing: bool,
        buddy_id: int | None,
        callbacks: Iterable[datetime],
        now: datetime,
    ) -> VisitPlan:
        """Validate a plan and collect every problem into one ``ValidationErrors``.

        Inputs: the address is already an :class:`Address` (see ``Address.create``);
        ``start``, ``expected_return`` and ``callbacks`` are aware datetimes (convert
        typed local times with ``clock.local_to_utc`` first); ``client_phone_text`` is
        raw text (empty allowed) and is normalised to E.164; ``now`` is the current
        instant (aware). Text fields are stripped.
        """
        errors: list[ValidationError] = []

        visit_reason: VisitReason | None = None
        if reason is None or reason == "":
            errors.append(ValidationError("Reden", "kies de reden van het bezoek."))
        else:
            try:
                visit_reason = VisitReason(reason)
            except ValueError:
                errors.append(
                    ValidationError("Reden", msg("onbekende reden '{reason}'.", reason=reason))
                )

        residents_clean = residents.strip()
        clients_clean = clients.strip()
        roles_clean = roles_note.strip()
        errors += validate_text(residents_clean, "Bewoners")
        errors += validate_text(clients_clean, "Cliënt(en)")
        errors += validate_text(roles_clean, "Rollen")

        phone = ""
        if client_phone_text.strip():
            try:
                phone = parse_dutch_phone(client_phone_text, "Telefoonnummer cliënt")
            except ValidationError as exc:
                errors.append(exc)

        start_utc = ensure_utc(start)
        return_utc = ensure_utc(expected_return)
        now_utc = ensure_utc(now)
        if return_utc <= start_utc:
            errors.append(
                ValidationError("Verwachte terugkomst", "moet na het begin van het bezoek liggen.")
            )
        elif return_utc - start_utc > MAX_VISIT_DURATION:
            errors.append(
                ValidationError(
                    "Verwachte terugkomst",
                    "mag hoogstens 24 uur na het begin van het bezoek liggen.",
                )
            )
        if start_utc < now_utc - MAX_START_IN_PAST:
            errors.append(
                ValidationError("Begin", "mag niet meer dan een uur in het verleden liggen.")
            )

        callback_list = sorted({ensure_utc(c) for c in callbacks})
        for moment in callback_list:
            if not start_utc <= moment <= return_utc:
                errors.append(
                    ValidationError(
                        "Terugbelmoment",
                        "elk terugbelmoment moet tussen het begin en de verwachte terugkomst "
                        "liggen.",
                    )
                )
                break

        colleagues = tuple(dict.fromkeys(colleague_ids))
        if visitor_id in colleagues:
            errors.append(
                ValidationError("Collega's", "de bezoeker staat ook als collega vermeld.")
            )
        if buddy_id is None:
            errors.append(ValidationError("Buddy", "kies een buddy die u terugbelt."))
        elif buddy_id == visitor_id:
            errors.append(ValidationError("Buddy", "de buddy kan niet de bezoeker zelf zijn."))
        elif buddy_id in colleagues:
            errors.append(
                ValidationError(
                    "Buddy", "de buddy gaat niet mee: kies iemand die op kantoor blijft."
                )
            )

        if errors:
            raise ValidationErrors(errors)
        assert visit_reason is not None and buddy_id is not None
        return cls(
            reason=visit_reason,
            address=address,
            residents=residents_clean,
            clients=clients_clean,
            client_phone=phone,
            start=start_utc,
            expected_return=return_utc,
            visitor_id=visitor_id,
            colleague_ids=colleagues,
            roles_note=roles_clean,
            interpreter=interpreter,
            announced_in_writing=announced_in_writing,
            buddy_id=buddy_id,
            callbacks=tuple(callback_list),
        )


def default_callbacks(
    start: datetime,
    expected_return: datetime,
    level: RiskLevel,
    *,
    first_after: timedelta = timedelta(minutes=10),
    interval: timedelta = timedelta(minutes=30),
) -> tuple[datetime, ...]:
    """Default call-back moments (docs/design.md §3).

    Shortly after arrival (``start + first_after``) and at ``expected_return``; for
    oranje/rood also every ``interval`` after the first moment until the return.
    When the window is shorter than ``first_after`` only ``expected_return`` remains.
    """
    if interval <= timedelta(0):
        raise ValueError("interval must be positive")
    start_utc = ensure_utc(start)
    end_utc = ensure_utc(expected_return)
    if end_utc < start_utc:
        return ()
    moments = {end_utc}
    first = start_utc + first_after
    if first <= end_utc:
        moments.add(first)
        if level >= RiskLevel.ORANJE:
            moment = first + interval
            while moment < end_utc:
                moments.add(moment)
                moment += interval
    return tuple(sorted(moments))
