"""Domain exceptions. Every message is Dutch and names the field it concerns."""

from __future__ import annotations

from collections.abc import Iterable


class UserError(ValueError):
    """Base of every error whose message is meant for the person using the app."""


class ValidationError(UserError):
    """One invalid input value; ``field`` is the Dutch label shown to the user."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationErrors(UserError):
    """Several invalid values at once, e.g. a whole form."""

    def __init__(self, errors: Iterable[ValidationError]) -> None:
        self.errors: list[ValidationError] = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)

    @property
    def fields(self) -> list[str]:
        return [e.field for e in self.errors]


class TransitionError(UserError):
    """An illegal lifecycle transition (visit state, register note status)."""


def raise_if_any(errors: list[ValidationError]) -> None:
    """Raise ``ValidationErrors`` when ``errors`` is not empty."""
    if errors:
        raise ValidationErrors(errors)


class NotAllowedError(UserError):
    """The user's role does not permit this action (Dutch message)."""
