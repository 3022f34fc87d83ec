"""Organisation settings (docs/design.md §7) with validation for import/export."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timedelta
from typing import Any

from veilig_huisbezoek.domain.address import has_control_chars
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.errors import ValidationError, ValidationErrors, msg, term

# Dutch labels and allowed ranges (inclusive) for the integer settings.
_INT_RANGES: dict[str, tuple[str, int, int]] = {
    "grace_minutes": ("Uitlooptijd (minuten)", 0, 240),
    "retry_minutes": ("Opnieuw bellen na (minuten)", 1, 60),
    "escalation_minutes": ("Escalatie na (minuten)", 1, 120),
    "escalation_repeat_minutes": ("Escalatie herhalen elke (minuten)", 1, 60),
    "callback_interval_minutes": ("Belinterval oranje/rood (minuten)", 5, 240),
    "first_callback_minutes": ("Eerste terugbelmoment na aankomst (minuten)", 0, 120),
    "review_months": ("Herbeoordeling register (maanden)", 1, 60),
    "register_expiry_grace_months": ("Vervaltermijn na herbeoordeling (maanden)", 0, 24),
    "idle_lock_minutes": ("Automatisch vergrendelen na (minuten)", 1, 120),
    "backup_interval_hours": ("Automatische back-up elke (uren)", 1, 168),
    "backup_keep": ("Aantal automatische back-ups bewaren", 1, 100),
    # At least 90 days: aftercare runs to 6 weeks and an aangifte may need the address.
    "visit_retention_days": ("Bezoekgegevens anonimiseren na (dagen)", 90, 3650),
    "register_retention_months": ("Verlopen adresnotities verwijderen na (maanden)", 1, 120),
}
_STR_LIMITS: dict[str, tuple[str, int, bool]] = {
    # name: (label, max length, required)
    "police_emergency": ("Alarmnummer politie", 20, True),
    "police_general": ("Algemeen nummer politie", 20, True),
    "municipality_name": ("Naam gemeente", 100, False),
    "municipality_address": ("Adres gemeente", 300, False),
}


# How a settings screen groups the settings, in this order (Dutch group titles).
SETTING_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Terugbellen en alarm",
        (
            "first_callback_minutes",
            "callback_interval_minutes",
            "retry_minutes",
            "grace_minutes",
            "escalation_minutes",
            "escalation_repeat_minutes",
        ),
    ),
    ("Politie", ("police_emergency", "police_general")),
    ("Gemeente (voor brieven)", ("municipality_name", "municipality_address")),
    ("Adresregister", ("review_months", "register_expiry_grace_months")),
    (
        "Beveiliging en bewaren",
        (
            "idle_lock_minutes",
            "backup_interval_hours",
            "backup_keep",
            "visit_retention_days",
            "register_retention_months",
        ),
    ),
)


@dataclass(frozen=True)
class SettingField:
    """What a settings screen needs to offer one setting and its limits."""

    name: str
    label: str
    is_text: bool
    low: int = 0
    high: int = 0
    max_length: int = 0
    required: bool = False
    multiline: bool = False


def setting_field(name: str) -> SettingField:
    if name in _INT_RANGES:
        label, low, high = _INT_RANGES[name]
        return SettingField(name, label, False, low=low, high=high)
    label, max_length, required = _STR_LIMITS[name]
    return SettingField(
        name,
        label,
        True,
        max_length=max_length,
        required=required,
        multiline=name == "municipality_address",
    )


@dataclass(frozen=True)
class Settings:
    grace_minutes: int = 15
    retry_minutes: int = 5
    escalation_minutes: int = 10
    # An escalation nobody takes charge of repeats this often (docs/design.md §4a).
    escalation_repeat_minutes: int = 5
    callback_interval_minutes: int = 30
    first_callback_minutes: int = 10
    review_months: int = 12
    register_expiry_grace_months: int = 3
    idle_lock_minutes: int = 5
    backup_interval_hours: int = 24
    backup_keep: int = 7
    visit_retention_days: int = 365
    register_retention_months: int = 12
    police_emergency: str = "112"
    police_general: str = "0900-8844"
    municipality_name: str = ""
    municipality_address: str = ""

    def to_dict(self) -> dict[str, int | str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Settings:
        """Build settings from stored values; missing keys keep their default.

        Unknown keys, wrong types and out-of-range values are errors, all reported
        together with the Dutch name of the setting.
        """
        if not isinstance(data, Mapping):
            raise ValidationError("Instellingen", "verwacht een lijst met naam en waarde.")
        errors: list[ValidationError] = []
        known = {f.name for f in fields(cls)}
        for key in data:
            if key not in known:
                errors.append(
                    ValidationError(
                        "Instellingen", msg("onbekende instelling '{key}'.", key=f"{key!s:.60}")
                    )
                )
        values: dict[str, Any] = {}
        for name, (label, low, high) in _INT_RANGES.items():
            if name not in data:
                continue
            value = data[name]
            if type(value) is not int:
                errors.append(ValidationError(term(label), "moet een geheel getal zijn."))
            elif not low <= value <= high:
                errors.append(
                    ValidationError(
                        term(label), msg("moet tussen {low} en {high} liggen.", low=low, high=high)
                    )
                )
            else:
                values[name] = value
        for name, (label, max_length, required) in _STR_LIMITS.items():
            if name not in data:
                continue
            value = data[name]
            if not isinstance(value, str):
                errors.append(ValidationError(term(label), "moet tekst zijn."))
                continue
            value = value.strip()
            if required and not value:
                errors.append(ValidationError(term(label), "mag niet leeg zijn."))
            elif len(value) > max_length:
                errors.append(
                    ValidationError(term(label), msg("maximaal {count} tekens.", count=max_length))
                )
            elif has_control_chars(value, allow="\n" if name == "municipality_address" else ""):
                errors.append(ValidationError(term(label), "bevat ongeldige (onzichtbare) tekens."))
            else:
                values[name] = value
        if errors:
            raise ValidationErrors(errors)
        return cls(**values)


def suggested_callbacks(
    settings: Settings, start: datetime, expected_return: datetime, level: RiskLevel
) -> tuple[datetime, ...]:
    """The default call-back moments with these settings (docs/design.md §3, §7); the
    form computes them from settings it read once, at every change of the times."""
    from veilig_huisbezoek.domain.visit import default_callbacks

    return default_callbacks(
        start,
        expected_return,
        level,
        first_after=timedelta(minutes=settings.first_callback_minutes),
        interval=timedelta(minutes=settings.callback_interval_minutes),
    )
