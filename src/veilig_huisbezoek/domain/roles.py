"""Roles and what each may do (docs/design.md, "People and roles")."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from .errors import NotAllowedError, ValidationError, msg, term


class Role(StrEnum):
    MEDEWERKER = "medewerker"
    LEIDINGGEVENDE = "leidinggevende"
    BEHEERDER = "beheerder"

    @property
    def label(self) -> str:
        return {
            Role.MEDEWERKER: "Medewerker",
            Role.LEIDINGGEVENDE: "Leidinggevende",
            Role.BEHEERDER: "Beheerder",
        }[self]


class Permission(StrEnum):
    PLAN_OWN_VISITS = "plan_own_visits"
    ACT_AS_BUDDY = "act_as_buddy"
    PROPOSE_NOTE = "propose_note"
    FILE_INCIDENT = "file_incident"
    MANAGE_NOTES = "manage_notes"  # approve, edit, review, retire, delete
    SEE_TEAM_CASES = "see_team_cases"  # all visits and incidents of the team
    GIVE_CONSENT = "give_consent"  # consent for a rood visit
    EXPORT_ADDRESS = "export_address"  # AVG inzage
    REPORTS = "reports"
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"


_CASEWORK = frozenset(
    {
        Permission.PLAN_OWN_VISITS,
        Permission.ACT_AS_BUDDY,
        Permission.PROPOSE_NOTE,
        Permission.FILE_INCIDENT,
    }
)
_MANAGEMENT = _CASEWORK | {
    Permission.MANAGE_NOTES,
    Permission.SEE_TEAM_CASES,
    Permission.GIVE_CONSENT,
    Permission.EXPORT_ADDRESS,
    Permission.REPORTS,
}
# A beheerder sees no case content unless also leidinggevende.
_ADMINISTRATION = frozenset(
    {Permission.MANAGE_ACCOUNTS, Permission.MANAGE_SETTINGS, Permission.BACKUP}
)

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.MEDEWERKER: _CASEWORK,
    Role.LEIDINGGEVENDE: _MANAGEMENT,
    Role.BEHEERDER: _ADMINISTRATION,
}


def permissions_for(roles: Iterable[Role]) -> frozenset[Permission]:
    granted: frozenset[Permission] = frozenset()
    for role in roles:
        granted |= PERMISSIONS[role]
    return granted


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().casefold())
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise ValidationError(
            "Rol", msg("onbekende rol; kies uit {allowed}", allowed=allowed)
        ) from None


def roles_to_text(roles: Iterable[Role]) -> str:
    return ",".join(sorted(r.value for r in set(roles)))


def roles_from_text(text: str) -> frozenset[Role]:
    return frozenset(Role(part) for part in text.split(",") if part)


class PermissionDenied(NotAllowedError):
    """Refused by the service layer; the message is Dutch and shows no case data."""

    def __init__(self, what: str) -> None:
        super().__init__(msg("Geen toestemming: {what}.", what=term(what)))
        self.what = what
