"""What the buddy must do after a call-back (docs/design.md §3 action table)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import Enum, StrEnum

from veilig_huisbezoek.domain.errors import Message, ValidationError, msg
from veilig_huisbezoek.domain.settings import Settings


class NameUsed(StrEnum):
    """How the visitor answered the phone: first name = fine, last name = trouble."""

    VOORNAAM = "voornaam"
    ACHTERNAAM = "achternaam"

    @property
    def label(self) -> str:
        return "Voornaam" if self is NameUsed.VOORNAAM else "Achternaam"


class CallAction(Enum):
    """Plain Enum (not StrEnum) because ``title`` would shadow ``str.title``."""

    OK = "ok"
    CALL_BACK_SOONER = "call_back_sooner"
    CALL_112 = "call_112"
    CALL_POLICE = "call_police"
    RETRY = "retry"
    ESCALATE = "escalate"

    @property
    def title(self) -> str:
        return _TITLES[self]

    @property
    def instruction(self) -> str:
        """What to do. For RETRY this is the text with the default retry time; the retry
        time is a setting, so show :attr:`CallDecision.instruction` (or
        :func:`retry_instruction`) instead."""
        if self is CallAction.RETRY:
            return retry_instruction(_DEFAULT_RETRY)
        return _INSTRUCTIONS[self]


_TITLES = {
    CallAction.OK: "Alles in orde",
    CallAction.CALL_BACK_SOONER: "Eerder terugbellen",
    CallAction.CALL_112: "Bel nu 112",
    CallAction.CALL_POLICE: "Bel nu de politie",
    CallAction.RETRY: "Niet bereikt: probeer het opnieuw",
    CallAction.ESCALATE: "Escaleer: bel de leidinggevende en de politie",
}

_INSTRUCTIONS = {
    CallAction.OK: "Het volgende terugbelmoment blijft staan.",
    CallAction.CALL_BACK_SOONER: (
        "Bel over 10 minuten opnieuw, blijf alert en informeer de leidinggevende."
    ),
    CallAction.CALL_112: (
        "Bel nu 112 en geef het volledige adres en wie er aanwezig zijn. "
        "Informeer daarna de leidinggevende."
    ),
    CallAction.CALL_POLICE: (
        "Er is iets mis. Bel nu de politie met het volledige adres: 112 bij direct gevaar, "
        "anders 0900-8844. Houd de lijn open en informeer de leidinggevende."
    ),
    CallAction.ESCALATE: (
        "Bel nu de leidinggevende en daarna de politie met het volledige adres "
        "en wie er aanwezig zijn."
    ),
}


_DEFAULT_RETRY = timedelta(minutes=Settings().retry_minutes)
_MINUTE = timedelta(minutes=1)


def retry_instruction(retry_after: timedelta) -> Message:
    """The RETRY instruction for the retry time of the settings (``retry_minutes``):
    "Bel over 1 minuut opnieuw. …" or "Bel over 7 minuten opnieuw. …" (whole minutes,
    rounded up)."""
    minutes = max(1, -(-retry_after // _MINUTE))
    if minutes == 1:
        return msg("Bel over 1 minuut opnieuw. Wordt er dan weer niet opgenomen, dan escaleert u.")
    return msg(
        "Bel over {minutes} minuten opnieuw. Wordt er dan weer niet opgenomen, dan escaleert u.",
        minutes=minutes,
    )


# The buddy must act now; the visit is escalated and the leidinggevenden are alarmed.
ALARM_ACTIONS = frozenset({CallAction.CALL_112, CallAction.CALL_POLICE, CallAction.ESCALATE})


@dataclass(frozen=True)
class CallDecision:
    action: CallAction
    retry_after: timedelta | None
    inform_leidinggevende: bool
    police_numbers: tuple[str, ...]
    keep_line: bool

    @property
    def title(self) -> str:
        return self.action.title

    @property
    def instruction(self) -> str:
        """What to do; a RETRY names the retry time of this decision (a setting)."""
        if self.action is CallAction.RETRY and self.retry_after is not None:
            return retry_instruction(self.retry_after)
        return self.action.instruction

    @property
    def is_alarm(self) -> bool:
        """The buddy must act now (police or escalation)."""
        return self.action in ALARM_ACTIONS


def decide_action(
    *,
    reached: bool,
    name_used: NameUsed | None,
    vrijuit: bool | None,
    politie: bool | None,
    previous_misses: int = 0,
    retry_after: timedelta = _DEFAULT_RETRY,
    sooner_after: timedelta = timedelta(minutes=10),
    police_emergency: str = "112",
    police_general: str = "0900-8844",
) -> CallDecision:
    """Decide the buddy's action for every combination of call outcomes.

    Conservative choices where docs/design.md §3's table is silent:

    * Not reached: the name and both answers are ignored. The first miss
      (``previous_misses == 0``) → RETRY after ``retry_after``; any further miss →
      ESCALATE (leidinggevende, then police).
    * Reached, ``politie`` is True → CALL_112, whatever the name or *vrijuit*.
    * Reached with the last name and police not (explicitly) requested →
      CALL_POLICE (112 at direct danger, else the general number), keep the line.
    * Reached with the first name: OK only when *vrijuit* is True **and** *politie*
      is False. Any ``None`` (question not asked or not answered) counts as a
      warning sign → CALL_BACK_SOONER after ``sooner_after`` and inform the
      leidinggevende.
    * Reached without a recorded name is an incomplete record → ``ValidationError``.
    """
    if previous_misses < 0:
        raise ValueError("previous_misses must not be negative")
    if not reached:
        if previous_misses == 0:
            return CallDecision(CallAction.RETRY, retry_after, False, (), False)
        return overdue_decision(police_emergency=police_emergency, police_general=police_general)
    if name_used is None:
        raise ValidationError(
            "Antwoord", "geef aan of de bezoeker opnam met de voornaam of de achternaam."
        )
    if politie is True:
        return CallDecision(CallAction.CALL_112, None, True, (police_emergency,), True)
    if name_used is NameUsed.ACHTERNAAM:
        return CallDecision(
            CallAction.CALL_POLICE, None, True, (police_emergency, police_general), True
        )
    if vrijuit is True and politie is False:
        return CallDecision(CallAction.OK, None, False, (), False)
    return CallDecision(CallAction.CALL_BACK_SOONER, sooner_after, True, (), False)


def overdue_decision(
    *, police_emergency: str = "112", police_general: str = "0900-8844"
) -> CallDecision:
    """Escalation: not reached twice, or overdue past the grace time."""
    return CallDecision(CallAction.ESCALATE, None, True, (police_emergency, police_general), False)
