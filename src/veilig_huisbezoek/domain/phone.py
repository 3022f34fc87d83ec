"""Phone numbers, stored as E.164 and shown in Dutch national format."""

from __future__ import annotations

import re

import phonenumbers

from veilig_huisbezoek.domain.errors import ValidationError, msg

MAX_PHONE_LENGTH = 40
_ALLOWED = re.compile(r"\+?[0-9 ()./\-]+", re.ASCII)


def parse_dutch_phone(text: str, field: str = "Telefoonnummer") -> str:
    """Parse a phone number as typed in the Netherlands and return E.164.

    Dutch numbers may be written nationally (``06-12345678``, ``045-5605040``) or
    internationally (``+31 6 12345678``, ``0031612345678``). Foreign numbers are
    accepted only with an explicit ``+``/``00`` country code and must be valid.
    """
    stripped = text.strip()
    if not stripped:
        raise ValidationError(field, "vul een telefoonnummer in.")
    if len(stripped) > MAX_PHONE_LENGTH:
        raise ValidationError(field, "het telefoonnummer is te lang.")
    number: phonenumbers.PhoneNumber | None = None
    if _ALLOWED.fullmatch(stripped):
        try:
            number = phonenumbers.parse(stripped, "NL")
        except phonenumbers.NumberParseException:
            number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            field,
            msg(
                "'{text}' is geen geldig telefoonnummer. "
                "Gebruik bijvoorbeeld 06 12345678 of +31 6 12345678.",
                text=stripped,
            ),
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Dutch numbers in national format (``06 12345678``), others internationally."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 31:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
