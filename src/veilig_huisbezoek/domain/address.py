"""Dutch addresses: postcode, house number with addition, and the matching key."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from veilig_huisbezoek.domain.errors import ValidationError, ValidationErrors, msg, term

POSTCODE_FIELD = "Postcode"
HOUSE_NUMBER_FIELD = "Huisnummer"
ADDRESS_FIELD = "Adres"
STREET_FIELD = "Straat"
CITY_FIELD = "Plaats"

MAX_NAME_LENGTH = 100
MAX_HOUSE_NUMBER = 99999
MAX_ADDITION_LENGTH = 4

# Letter pairs PostNL does not issue.
_UNISSUED_LETTERS = frozenset({"SA", "SD", "SS"})

_POSTCODE = re.compile(r"([1-9][0-9]{3})\s*([A-Za-z]{2})", re.ASCII)
_HOUSE_NUMBER = re.compile(r"([0-9]+)(?:[\s\-/]*([A-Za-z0-9][A-Za-z0-9\s]*))?", re.ASCII)
_ADDRESS_KEY = re.compile(r"([0-9]{4}\s*[A-Za-z]{2})[\s,]*([0-9].*)", re.ASCII)


def has_control_chars(text: str, *, allow: str = "") -> bool:
    """True when ``text`` contains control/format characters other than ``allow``."""
    return any(unicodedata.category(ch)[0] == "C" and ch not in allow for ch in text)


def parse_postcode(text: str) -> str:
    """Normalise a Dutch postcode to ``1234 AB``."""
    stripped = text.strip()
    if not stripped:
        raise ValidationError(POSTCODE_FIELD, "vul de postcode in, bijvoorbeeld 1234 AB.")
    m = _POSTCODE.fullmatch(stripped)
    if m is None:
        if stripped[:1] == "0":
            raise ValidationError(POSTCODE_FIELD, "een postcode begint niet met een 0.")
        raise ValidationError(
            POSTCODE_FIELD,
            msg(
                "'{text}' is geen geldige postcode. "
                "Gebruik vier cijfers en twee letters, bijvoorbeeld 1234 AB.",
                text=stripped[:20],
            ),
        )
    digits, letters = m.group(1), m.group(2).upper()
    if letters in _UNISSUED_LETTERS:
        raise ValidationError(
            POSTCODE_FIELD,
            msg("de lettercombinatie {letters} wordt niet gebruikt in postcodes.", letters=letters),
        )
    return f"{digits} {letters}"


def parse_house_number(text: str) -> tuple[int, str]:
    """Split a house number into number and normalised addition.

    ``12`` → (12, ""), ``12a``/``12 A``/``12-a`` → (12, "A"), ``12-2`` → (12, "2"),
    ``12 bis`` → (12, "BIS"), ``12-3hg`` → (12, "3HG").
    """
    stripped = text.strip()
    if not stripped:
        raise ValidationError(HOUSE_NUMBER_FIELD, "vul het huisnummer in.")
    m = _HOUSE_NUMBER.fullmatch(stripped)
    if m is None:
        raise ValidationError(
            HOUSE_NUMBER_FIELD,
            msg(
                "'{text}' is geen geldig huisnummer. "
                "Gebruik een nummer met eventueel een toevoeging, bijvoorbeeld 12 of 12-A.",
                text=stripped[:20],
            ),
        )
    number_text, addition_text = m.group(1), m.group(2) or ""
    # Very long digit strings: int() refuses > 4300 digits; anything > 6 is out of range.
    number = int(number_text) if len(number_text) <= 6 else MAX_HOUSE_NUMBER + 1
    if number_text.startswith("0") or not 1 <= number <= MAX_HOUSE_NUMBER:
        raise ValidationError(
            HOUSE_NUMBER_FIELD,
            msg("het huisnummer moet tussen 1 en {high} liggen.", high=MAX_HOUSE_NUMBER),
        )
    addition = "".join(addition_text.split()).upper()
    if len(addition) > MAX_ADDITION_LENGTH:
        raise ValidationError(
            HOUSE_NUMBER_FIELD,
            msg(
                "de toevoeging '{addition}' is te lang (maximaal {count} tekens).",
                addition=addition,
                count=MAX_ADDITION_LENGTH,
            ),
        )
    return number, addition


def format_house_number(number: int, addition: str) -> str:
    """``12`` + ``A`` → ``12A``; a numeric addition gets a dash: ``12-2``."""
    if not addition:
        return str(number)
    if addition[0].isdigit():
        return f"{number}-{addition}"
    return f"{number}{addition}"


@dataclass(frozen=True)
class AddressKey:
    """What visits and register notes are matched on: postcode + number + addition."""

    postcode: str
    house_number: int
    addition: str = ""

    def __str__(self) -> str:
        return f"{self.postcode} {format_house_number(self.house_number, self.addition)}"


def parse_address_key(text: str) -> AddressKey:
    """Parse ``1234 AB 5``, ``1234ab 5-a`` or ``1234AB5`` into an ``AddressKey``."""
    stripped = text.strip()
    m = _ADDRESS_KEY.fullmatch(stripped)
    if m is None:
        raise ValidationError(
            ADDRESS_FIELD,
            msg(
                "'{text}' is geen adres. Gebruik postcode en huisnummer, "
                "bijvoorbeeld 1234 AB 5 of 1234 AB 5-A.",
                text=stripped[:40],
            ),
        )
    try:
        postcode = parse_postcode(m.group(1))
        number, addition = parse_house_number(m.group(2))
    except ValidationError as exc:
        part = msg("postcode") if exc.field == POSTCODE_FIELD else msg("huisnummer")
        raise ValidationError(
            ADDRESS_FIELD, msg("{part}: {message}", part=part, message=term(exc.message))
        ) from None
    return AddressKey(postcode, number, addition)


def validate_name(
    value: str, field: str, *, required: bool = True
) -> tuple[str, list[ValidationError]]:
    """Strip and check a short one-line text (street, city)."""
    stripped = value.strip()
    errors: list[ValidationError] = []
    if required and not stripped:
        errors.append(ValidationError(field, "dit veld is verplicht."))
    if len(stripped) > MAX_NAME_LENGTH:
        errors.append(
            ValidationError(field, msg("maximaal {count} tekens.", count=MAX_NAME_LENGTH))
        )
    if has_control_chars(stripped):
        errors.append(ValidationError(field, "bevat ongeldige (onzichtbare) tekens."))
    return stripped, errors


@dataclass(frozen=True)
class Address:
    street: str
    house_number: int
    addition: str
    postcode: str
    city: str

    @property
    def key(self) -> AddressKey:
        return AddressKey(self.postcode, self.house_number, self.addition)

    def short(self) -> str:
        """``Kerkstraat 12A``."""
        return f"{self.street} {format_house_number(self.house_number, self.addition)}"

    def one_line(self) -> str:
        """``Kerkstraat 12A, 1234 AB Heerlen``."""
        return f"{self.short()}, {self.postcode} {self.city}"

    def __str__(self) -> str:
        return self.one_line()

    @classmethod
    def create(cls, street: str, house_number_text: str, postcode_text: str, city: str) -> Address:
        """Validate raw form input; all problems are reported together."""
        errors: list[ValidationError] = []
        street_clean, street_errors = validate_name(street, STREET_FIELD)
        errors += street_errors
        number, addition = 0, ""
        try:
            number, addition = parse_house_number(house_number_text)
        except ValidationError as exc:
            errors.append(exc)
        postcode = ""
        try:
            postcode = parse_postcode(postcode_text)
        except ValidationError as exc:
            errors.append(exc)
        city_clean, city_errors = validate_name(city, CITY_FIELD)
        errors += city_errors
        if errors:
            raise ValidationErrors(errors)
        return cls(street_clean, number, addition, postcode, city_clean)
