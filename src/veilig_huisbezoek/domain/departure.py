"""Before departure (docs/design.md §4a): is the visit's buddy reachable?

Pure rules, no Qt, no SQL. When the visitor presses *Vertrekken*, the buddy must be
**present** (logged in somewhere, per a fresh presence read) and their phone number must
**dial** (a valid number, convertible to E.164, region NL). Otherwise the visitor picks
a present colleague as buddy, or records why they go anyway (the leidinggevenden are
told), or stays.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import phonenumbers

from .errors import Message, UserError, ValidationError, msg

# The go-anyway reason: one or a few sentences.
MAX_REASON_LENGTH = 500
REASON_FIELD = "Reden"


@functools.lru_cache(maxsize=256)
def phone_dials(phone: str) -> bool:
    """Can this number be called: valid, and convertible to E.164 (region NL)?

    Remembered per number (a pure rule; parsing takes ~0.3 ms and every departure asks)."""
    text = phone.strip()
    if not text:
        return False
    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_valid_number(number):
        return False
    return bool(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


@dataclass(frozen=True)
class BuddyCheck:
    """What is wrong with the buddy at departure (nothing: ``ok``)."""

    buddy_first_name: str
    present: bool
    dials: bool

    @property
    def ok(self) -> bool:
        return self.present and self.dials

    def problem(self) -> Message:
        """The Dutch sentence saying what is wrong (empty when nothing is)."""
        name = self.buddy_first_name
        if not self.present and not self.dials:
            return msg(
                "{name} is niet ingelogd en het telefoonnummer van {name} kan niet gebeld worden.",
                name=name,
            )
        if not self.present:
            return msg("{name} is niet ingelogd.", name=name)
        if not self.dials:
            return msg("het telefoonnummer van {name} kan niet gebeld worden.", name=name)
        return msg("")


def check_buddy(buddy_first_name: str, *, present: bool, phone: str) -> BuddyCheck:
    """The buddy check at departure: present, and a phone number that dials."""
    return BuddyCheck(buddy_first_name, present, phone_dials(phone))


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _has_control(text: str) -> bool:
    return bool(_CONTROL.search(text)) or any(
        unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in text
    )


def validate_reason(text: str) -> str:
    """The reason for going without a reachable buddy, stripped; refused when empty,
    longer than :data:`MAX_REASON_LENGTH`, or with control characters (one line)."""
    reason = text.strip()
    if not reason:
        raise ValidationError(REASON_FIELD, "schrijf op waarom u vertrekt zonder bereikbare buddy.")
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(
            REASON_FIELD,
            msg("de reden is te lang (hoogstens {limit} tekens).", limit=MAX_REASON_LENGTH),
        )
    if _has_control(reason):
        raise ValidationError(
            REASON_FIELD, "de reden bevat een teken dat niet getypt kan worden (zoals een tab)."
        )
    return reason


class DepartureRefused(UserError):
    """Departure refused: the buddy is not reachable and the visitor chose neither
    another buddy nor to go anyway. ``check`` says what is wrong."""

    def __init__(self, check: BuddyCheck) -> None:
        self.check = check
        message: Message = msg(
            "Vertrekken kan nog niet: {problem} Kies een collega die is ingelogd als buddy, "
            "of leg vast waarom u toch gaat.",
            problem=check.problem(),
        )
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.message)

    def __reduce__(self) -> tuple[type[DepartureRefused], tuple[BuddyCheck]]:
        return (DepartureRefused, (self.check,))
