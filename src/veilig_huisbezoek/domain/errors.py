"""Domain exceptions. Every message is Dutch and names the field it concerns.

A message the person using the app reads is written either as a plain literal or as
:func:`msg` (a :class:`Message`: the Dutch template and its parameters), so the GUI can
show it in the chosen language (``gui.i18n.error_text``) while ``str()`` stays Dutch
for the command line and the logs. tools/refusal_texts.py collects every such text for
the translation; tests/unit/test_refusal_texts.py fails on one it cannot see.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any


class Message(str):
    """A Dutch text for the user that remembers the template it was formatted from.

    ``str(message)`` (and the string itself) is the Dutch text, so a message goes
    wherever a ``str`` goes. ``template`` is the Dutch source a translation looks up;
    ``params`` fill it in. A parameter that is a ``Message`` itself (a field name, an
    enum's label: see :func:`term`) is translated too; any other parameter is data
    (a number, a name, an address) and is shown as it is. A message without parameters
    is a literal text: its template is not formatted (braces stay as they are).
    """

    template: str
    params: Mapping[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Message:
        text = template.format(**params) if params else template
        self = super().__new__(cls, text)
        self.template = template
        self.params = MappingProxyType(dict(params))
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.template, dict(self.params)))


def _rebuild(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)


def msg(template: str, /, **params: Any) -> Message:
    """A translatable Dutch message: ``template`` must be a literal (the translation
    is collected from the source), ``params`` fill in its ``{placeholders}``."""
    return Message(template, **params)


def term(text: str) -> Message:
    """A Dutch text the translation has from elsewhere (an enum's label, a setting's
    name), or a literal a caller passed down, as a parameter that is translated too."""
    return text if isinstance(text, Message) else Message(text)


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
