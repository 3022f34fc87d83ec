"""After an unsafe visit (docs/design.md §6; seed 002 §2.1, §5.4 ONVEILIG, §7.4, §9, §10).

The incident report follows the GIR (Gemeentelijke Incidentenregistratie) with the
7 W's: wie, wat, waar, waarmee, op welke wijze, wanneer, waarom. Its behaviour
category is one of the columns A–E of the organisation's table (§2.1), each with the
rule the employee follows and the organisation's position. Plain Python: the services
store it, the GUI shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from veilig_huisbezoek.domain.clock import ensure_utc, to_local
from veilig_huisbezoek.domain.errors import ValidationError, ValidationErrors, msg, term
from veilig_huisbezoek.domain.register import (
    MAX_DESCRIPTION_LENGTH,
    MIN_DESCRIPTION_LENGTH,
    NoteCategory,
)
from veilig_huisbezoek.domain.reminders import Deadline
from veilig_huisbezoek.domain.visit import validate_text

MAX_W_LENGTH = 4000
MIN_WAT_LENGTH = 10
MAX_NAME_LENGTH = 200
MAX_REFERENCE_LENGTH = 40
# An incident may be reported a while later, but not from the future (a clock on a
# laptop may be a few minutes off) nor years back.
FUTURE_TOLERANCE = timedelta(minutes=5)
MAX_INCIDENT_AGE = timedelta(days=366)
AANGIFTE_TERM = timedelta(hours=24)
AANGIFTE_EARLY_WARNING = timedelta(hours=4)

_E = TypeVar("_E", bound=StrEnum)


class BehaviourCategory(StrEnum):
    """The columns of the §2.1 table ("Soorten agressief gedrag")."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"

    @property
    def label(self) -> str:
        return _CATEGORY_INFO[self][0]

    @property
    def behaviour(self) -> str:
        """How to recognise it ("Soort gedrag" and "Uitingen gedrag")."""
        return _CATEGORY_INFO[self][1]

    @property
    def rule(self) -> str:
        """What the employee does ("Regel (Handeling)")."""
        return _CATEGORY_INFO[self][2]

    @property
    def position(self) -> str:
        """The organisation's position ("Standpunt organisatie")."""
        return _CATEGORY_INFO[self][3]

    @property
    def aangifte_advised(self) -> bool:
        """§9.3: threats and physical violence are always reported to the police."""
        return self is BehaviourCategory.D


_CATEGORY_INFO: dict[BehaviourCategory, tuple[str, str, str, str]] = {
    BehaviourCategory.A: (
        "A — Ik (zichzelf): emotie",
        "Gericht op zichzelf en de eigen situatie, vaak in de ik-vorm: zeuren, klagen, "
        "excuses verzinnen, begrip vragen, om een uitzondering vragen.",
        "Ombuigen: meeveren, toelichten, argumenteren, afronden.",
        "Burgers mogen kritiek hebben op beleid en regels, dat uiten en boos of geïrriteerd zijn.",
    ),
    BehaviourCategory.B: (
        "B — Jullie (organisatie): emotie",
        "Gericht op de organisatie, vaak met 'jullie': kritiek op regels en beleid, "
        "boosheid, ter verantwoording roepen, beschuldigen, machtsstrijd, obstructie.",
        "Ombuigen: meeveren, toelichten, argumenteren, afronden.",
        "Burgers mogen kritiek hebben op beleid en regels, dat uiten en boos of geïrriteerd zijn.",
    ),
    BehaviourCategory.C: (
        "C — Jij (medewerker): (non-)verbale agressie",
        "Gericht op de medewerker, vaak met 'jij': (non-)verbaal dreigen, (seksuele) "
        "intimidatie, sarren, uitlokken, treiteren, schelden, belachelijk maken.",
        "Ombuigen: kort negeren, gedrag benoemen, tot de orde roepen, voor de keuze "
        "stellen, zo nodig gepaste maatregelen.",
        "Burgers mogen niet persoonlijk worden tegen medewerkers.",
    ),
    BehaviourCategory.D: (
        "D — Bedreiging, intimidatie of fysiek geweld",
        "Dreigen met (de suggestie van) geweld, openlijke dreiging, aanhoudend "
        "A-B-C-gedrag; of fysiek: schoppen, slaan, spugen, beetpakken, trekken, "
        "vernielen, voorwerpen gooien.",
        "Grenzen stellen: gedrag benoemen, norm aangeven, gesprek beëindigen; gepaste "
        "maatregelen: alarmeren, ingrijpen.",
        "Burgers mogen medewerkers of panden niet bedreigen of intimideren. De "
        "veiligheid van medewerkers gaat boven alles: burgers mogen niet fysiek worden "
        "naar personen of zaken.",
    ),
    BehaviourCategory.E: (
        "E — Gericht op zichzelf: dreigen met zelfdoding",
        "Dreigen met zelfmoord of zichzelf iets aan te doen.",
        "Hulp inschakelen: alarmeren via de politie, 0900-8844, of bij acute nood 112.",
        "De veiligheid van de burger en de medewerker gaat voor: schakel altijd hulp in.",
    ),
}


class Channel(StrEnum):
    """How the aggression reached the employee (for the reports per channel)."""

    HUISBEZOEK = "huisbezoek"
    BALIE = "balie"
    TELEFOON = "telefoon"
    EMAIL = "email"
    BRIEF = "brief"
    SOCIAL_MEDIA = "social_media"
    OVERIG = "overig"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]

    @property
    def digital(self) -> bool:
        """Digital aggression: keep screenshots with date and time as evidence (seed 000)."""
        return self in (Channel.EMAIL, Channel.SOCIAL_MEDIA)


_CHANNEL_LABELS = {
    Channel.HUISBEZOEK: "Huisbezoek",
    Channel.BALIE: "Balie of spreekkamer",
    Channel.TELEFOON: "Telefoon",
    Channel.EMAIL: "E-mail",
    Channel.BRIEF: "Brief",
    Channel.SOCIAL_MEDIA: "Social media",
    Channel.OVERIG: "Anders",
}


class Injury(StrEnum):
    GEEN = "geen"
    LICHT = "licht"
    ERNSTIG = "ernstig"

    @property
    def label(self) -> str:
        return {
            Injury.GEEN: "Geen letsel",
            Injury.LICHT: "Licht letsel",
            Injury.ERNSTIG: "Ernstig letsel",
        }[self]


@dataclass(frozen=True)
class IncidentReport:
    """A validated incident report. Build it with :meth:`create`; times are aware UTC."""

    occurred_at: datetime  # wanneer
    channel: Channel
    category: BehaviourCategory
    wie: str
    wat: str
    waar: str
    waarmee: str
    wijze: str  # op welke wijze
    waarom: str
    injury: Injury
    injury_details: str
    witnesses: str
    police_involved: bool

    @classmethod
    def create(
        cls,
        *,
        occurred_at: datetime | None,
        channel: Channel | str | None,
        category: BehaviourCategory | str | None,
        wie: str,
        wat: str,
        waar: str,
        waarmee: str = "",
        wijze: str = "",
        waarom: str = "",
        injury: Injury | str = Injury.GEEN,
        injury_details: str = "",
        witnesses: str = "",
        police_involved: bool = False,
        now: datetime,
    ) -> IncidentReport:
        """Check a whole form; every problem is reported together, naming its field."""
        errors: list[ValidationError] = []
        now_utc = ensure_utc(now)
        when: datetime | None = None
        if occurred_at is None:
            errors.append(ValidationError("Wanneer", "vul datum en tijd van het incident in."))
        else:
            when = ensure_utc(occurred_at)
            if when > now_utc + FUTURE_TOLERANCE:
                errors.append(ValidationError("Wanneer", "het incident ligt in de toekomst."))
            elif when < now_utc - MAX_INCIDENT_AGE:
                errors.append(
                    ValidationError("Wanneer", "het incident is meer dan een jaar geleden.")
                )
        chosen_channel = _enum(Channel, channel, "Kanaal", "kies hoe het incident plaatsvond.")
        chosen_category = _enum(
            BehaviourCategory, category, "Soort gedrag", "kies de categorie A tot en met E."
        )
        chosen_injury = _enum(Injury, injury, "Letsel", "kies of er letsel was.")
        for item in (chosen_channel, chosen_category, chosen_injury):
            if isinstance(item, ValidationError):
                errors.append(item)
        # Field names as msg(): the keys are the Dutch labels of the fields.
        texts: dict[str, str] = {
            msg("Wie"): wie.strip(),
            msg("Wat"): wat.strip(),
            msg("Waar"): waar.strip(),
            msg("Waarmee"): waarmee.strip(),
            msg("Op welke wijze"): wijze.strip(),
            msg("Waarom"): waarom.strip(),
            msg("Letsel (toelichting)"): injury_details.strip(),
            msg("Getuigen"): witnesses.strip(),
        }
        required = {
            msg("Wie"): msg(
                "wie was erbij betrokken? Noem de rol (cliënt, bewoner) of 'onbekend'."
            ),
            msg("Wat"): msg("beschrijf feitelijk wat er gebeurde."),
            msg("Waar"): msg("waar gebeurde het (adres, balie, telefoon, online)?"),
        }
        for name, hint in required.items():
            if not texts[name]:
                errors.append(ValidationError(term(name), term(hint)))
        if texts["Wat"] and len(texts["Wat"]) < MIN_WAT_LENGTH:
            errors.append(
                ValidationError(
                    "Wat",
                    msg("te kort: beschrijf het in minstens {count} tekens.", count=MIN_WAT_LENGTH),
                )
            )
        if chosen_injury in (Injury.LICHT, Injury.ERNSTIG) and not texts["Letsel (toelichting)"]:
            errors.append(
                ValidationError("Letsel (toelichting)", "beschrijf het letsel en de behandeling.")
            )
        for field, value in texts.items():
            errors += validate_text(value, term(field), max_length=MAX_W_LENGTH)
        if errors:
            raise ValidationErrors(errors)
        assert when is not None
        assert isinstance(chosen_channel, Channel)
        assert isinstance(chosen_category, BehaviourCategory)
        assert isinstance(chosen_injury, Injury)
        return cls(
            occurred_at=when,
            channel=chosen_channel,
            category=chosen_category,
            wie=texts["Wie"],
            wat=texts["Wat"],
            waar=texts["Waar"],
            waarmee=texts["Waarmee"],
            wijze=texts["Op welke wijze"],
            waarom=texts["Waarom"],
            injury=chosen_injury,
            injury_details=texts["Letsel (toelichting)"],
            witnesses=texts["Getuigen"],
            police_involved=police_involved,
        )

    @property
    def aangifte_due(self) -> datetime:
        return aangifte_deadline(self.occurred_at)


def _enum(kind: type[_E], value: _E | str | None, field: str, hint: str) -> _E | ValidationError:
    if value is None or value == "":
        return ValidationError(field, hint)
    try:
        return kind(value)
    except ValueError:
        return ValidationError(field, hint)


# ---- immediate steps (§5.4 ONVEILIG, §7.4) --------------------------------------------


class Step(StrEnum):
    VEILIGHEID = "veiligheid"
    ALARM_112 = "alarm_112"
    ARTS = "arts"
    LEIDINGGEVENDE = "leidinggevende"
    CAG = "cag"

    @property
    def label(self) -> str:
        return _STEP_LABELS[self]


_STEP_LABELS = {
    Step.VEILIGHEID: "In veiligheid: gesprek beëindigd en vertrokken",
    Step.ALARM_112: "112 gebeld (direct gevaar of letsel)",
    Step.ARTS: "Arts bezocht (altijd na letsel)",
    Step.LEIDINGGEVENDE: "Leidinggevende geïnformeerd",
    Step.CAG: "Coördinator agressie en geweld geïnformeerd",
}


def needed_steps(report: IncidentReport) -> list[Step]:
    """The steps that apply to this incident, in the protocol's order.

    Safety and informing the leidinggevende and the CAG always apply; 112 when there
    was injury or the police came; a doctor after any injury.
    """
    steps = [Step.VEILIGHEID]
    if report.injury is not Injury.GEEN or report.police_involved:
        steps.append(Step.ALARM_112)
    if report.injury is not Injury.GEEN:
        steps.append(Step.ARTS)
    steps += [Step.LEIDINGGEVENDE, Step.CAG]
    return steps


def check_step_time(done_at: datetime, *, occurred_at: datetime, now: datetime) -> datetime:
    """A step is done after the incident and not in the future."""
    when = ensure_utc(done_at)
    if when > ensure_utc(now) + FUTURE_TOLERANCE:
        raise ValidationError("Tijdstip stap", "dit tijdstip ligt in de toekomst.")
    if when < ensure_utc(occurred_at) - FUTURE_TOLERANCE:
        raise ValidationError("Tijdstip stap", "dit tijdstip ligt vóór het incident.")
    return when


# ---- melding / aangifte (§7.4 stap 4, §9) ---------------------------------------------


class ReportKind(StrEnum):
    AANGIFTE = "aangifte"
    MELDING = "melding"
    GEEN = "geen"

    @property
    def label(self) -> str:
        return {
            ReportKind.AANGIFTE: "Aangifte bij de politie",
            ReportKind.MELDING: "Melding bij de politie",
            ReportKind.GEEN: "Geen melding of aangifte",
        }[self]


def aangifte_deadline(occurred_at: datetime) -> datetime:
    """Melding/aangifte within 24 hours of the incident (§5.4 ONVEILIG)."""
    return ensure_utc(occurred_at) + AANGIFTE_TERM


@dataclass(frozen=True)
class PoliceReport:
    """What was reported to the police, by whom and when."""

    kind: ReportKind
    reported_by: str
    reported_at: datetime
    police_reference: str
    municipality_address: str
    vpt_mentioned: bool
    reason: str = ""  # why not reported (kind GEEN)

    @classmethod
    def create(
        cls,
        *,
        kind: ReportKind | str | None,
        reported_by: str,
        reported_at: datetime | None,
        police_reference: str = "",
        municipality_address: str = "",
        vpt_mentioned: bool = False,
        reason: str = "",
        occurred_at: datetime,
        now: datetime,
    ) -> PoliceReport:
        errors: list[ValidationError] = []
        chosen = _enum(ReportKind, kind, "Soort melding", "kies aangifte, melding of geen.")
        if isinstance(chosen, ValidationError):
            errors.append(chosen)
        by = reported_by.strip()
        reference = " ".join(police_reference.split())
        address = municipality_address.strip()
        why = reason.strip()
        when: datetime | None = None
        if reported_at is None:
            errors.append(ValidationError("Gemeld op", "vul datum en tijd in."))
        else:
            when = ensure_utc(reported_at)
            if when > ensure_utc(now) + FUTURE_TOLERANCE:
                errors.append(ValidationError("Gemeld op", "dit tijdstip ligt in de toekomst."))
            elif when < ensure_utc(occurred_at) - FUTURE_TOLERANCE:
                errors.append(ValidationError("Gemeld op", "dit tijdstip ligt vóór het incident."))
        if not by:
            errors.append(ValidationError("Gemeld door", "wie deed de melding of aangifte?"))
        errors += validate_text(by, "Gemeld door", max_length=MAX_NAME_LENGTH)
        if chosen is ReportKind.GEEN:
            if not why:
                errors.append(
                    ValidationError("Reden", "leg vast waarom er geen melding of aangifte is.")
                )
        elif isinstance(chosen, ReportKind):
            if chosen is ReportKind.AANGIFTE and not reference:
                errors.append(
                    ValidationError(
                        "Registratienummer politie", "vul het nummer van de aangifte in."
                    )
                )
            if not address:
                errors.append(
                    ValidationError(
                        "Adres gemeente",
                        "aangifte gebeurt altijd op het adres van de gemeente, "
                        "nooit op het privéadres.",
                    )
                )
        if len(reference) > MAX_REFERENCE_LENGTH:
            errors.append(
                ValidationError(
                    "Registratienummer politie",
                    msg("maximaal {count} tekens.", count=MAX_REFERENCE_LENGTH),
                )
            )
        errors += validate_text(reference, "Registratienummer politie", max_length=400)
        errors += validate_text(address, "Adres gemeente", max_length=300)
        errors += validate_text(why, "Reden", max_length=MAX_W_LENGTH)
        if errors:
            raise ValidationErrors(errors)
        assert isinstance(chosen, ReportKind) and when is not None
        return cls(
            kind=chosen,
            reported_by=by,
            reported_at=when,
            police_reference=reference if chosen is not ReportKind.GEEN else "",
            municipality_address=address if chosen is not ReportKind.GEEN else "",
            vpt_mentioned=vpt_mentioned and chosen is not ReportKind.GEEN,
            reason=why,
        )

    def warnings(self, occurred_at: datetime) -> list[str]:
        """Points the leidinggevende should know about; they do not block saving."""
        found: list[str] = []
        if self.kind is not ReportKind.GEEN:
            if not self.vpt_mentioned:
                found.append(
                    "De meldcode VPT is niet genoemd: die geeft voorrang bij politie en OM."
                )
            if self.reported_at > aangifte_deadline(occurred_at):
                found.append("Gemeld na de termijn van 24 uur.")
        return found


# ---- aftercare: the three-conversation model (§10.2; seed 003) ------------------------


class AftercareTalk(StrEnum):
    EERSTE = "eerste"
    TWEEDE = "tweede"
    DERDE = "derde"

    @property
    def label(self) -> str:
        return {
            AftercareTalk.EERSTE: "Eerste gesprek (binnen 24–72 uur)",
            AftercareTalk.TWEEDE: "Tweede gesprek (na ongeveer 5 dagen)",
            AftercareTalk.DERDE: "Derde gesprek (na 4–6 weken)",
        }[self]

    @property
    def purpose(self) -> str:
        return {
            AftercareTalk.EERSTE: "Stoom afblazen: de feiten, uitleg over stressreacties.",
            AftercareTalk.TWEEDE: "De emotionele kant en hoe de verwerking gaat.",
            AftercareTalk.DERDE: "Terugkijken: is de gebeurtenis goed verwerkt?",
        }[self]


# (remind after, aim by, at the latest) from the moment of the incident.
_TALK_WINDOWS = {
    AftercareTalk.EERSTE: (timedelta(0), timedelta(hours=24), timedelta(hours=72)),
    AftercareTalk.TWEEDE: (timedelta(days=5), timedelta(days=5), timedelta(days=7)),
    AftercareTalk.DERDE: (timedelta(weeks=4), timedelta(weeks=4), timedelta(weeks=6)),
}


@dataclass(frozen=True)
class AftercareMoment:
    talk: AftercareTalk
    remind_at: datetime
    aim_by: datetime
    latest: datetime


def aftercare_schedule(occurred_at: datetime, filed_at: datetime) -> list[AftercareMoment]:
    """When to remind the leidinggevende of each conversation.

    The first reminder comes as soon as the report is filed (the aim is a talk within 24
    hours); the second after five days, the third after four weeks.
    """
    start = ensure_utc(occurred_at)
    filed = ensure_utc(filed_at)
    moments = []
    for talk, (remind, aim, latest) in _TALK_WINDOWS.items():
        remind_at = max(start + remind, filed) if talk is AftercareTalk.EERSTE else start + remind
        moments.append(AftercareMoment(talk, remind_at, start + aim, start + latest))
    return moments


class TalkOutcome(StrEnum):
    GEHOUDEN = "gehouden"
    GEWEIGERD = "afgeslagen"

    @property
    def label(self) -> str:
        return {
            TalkOutcome.GEHOUDEN: "Gesprek gehouden",
            TalkOutcome.GEWEIGERD: "Medewerker heeft het gesprek afgeslagen",
        }[self]


@dataclass(frozen=True)
class AftercareRecord:
    talk: AftercareTalk
    outcome: TalkOutcome
    on: date
    note: str = ""

    @classmethod
    def create(
        cls,
        *,
        talk: AftercareTalk | str,
        outcome: TalkOutcome | str | None,
        on: date | None,
        note: str = "",
        occurred_at: datetime,
        now: datetime,
    ) -> AftercareRecord:
        errors: list[ValidationError] = []
        chosen_talk = _enum(AftercareTalk, talk, "Gesprek", "kies welk gesprek.")
        chosen = _enum(TalkOutcome, outcome, "Uitkomst", "kies gehouden of afgeslagen.")
        for item in (chosen_talk, chosen):
            if isinstance(item, ValidationError):
                errors.append(item)
        if on is None:
            errors.append(ValidationError("Datum gesprek", "vul de datum in."))
        elif on > to_local(now).date():
            errors.append(ValidationError("Datum gesprek", "de datum ligt in de toekomst."))
        elif on < to_local(occurred_at).date():
            errors.append(ValidationError("Datum gesprek", "de datum ligt vóór het incident."))
        clean = note.strip()
        errors += validate_text(clean, "Toelichting", max_length=MAX_W_LENGTH)
        if errors:
            raise ValidationErrors(errors)
        assert isinstance(chosen_talk, AftercareTalk) and isinstance(chosen, TalkOutcome)
        assert on is not None
        return cls(chosen_talk, chosen, on, clean)


# ---- the register note proposed from the incident (docs/design.md §5) -------------------------


@dataclass(frozen=True)
class NoteProposal:
    category: NoteCategory
    incident_date: date
    description: str
    precautions: str


def propose_note(report: IncidentReport) -> NoteProposal:
    """A factual unsafe-address note prefilled from the report.

    Names ("wie") and the employee's injuries stay out: a note describes what
    happened at the address, not who it happened to.
    """
    if report.category is BehaviourCategory.D:
        category = (
            NoteCategory.GEWELD if report.injury is not Injury.GEEN else NoteCategory.BEDREIGING
        )
    elif report.category is BehaviourCategory.C:
        category = NoteCategory.AGRESSIEVE_PERSOON
    else:
        category = NoteCategory.OVERIG
    day = to_local(report.occurred_at).date()
    parts = [f"{report.category.label}. {report.wat}"]
    if report.wijze:
        parts.append(f"Op welke wijze: {report.wijze}")
    if report.waarmee:
        parts.append(f"Waarmee: {report.waarmee}")
    if report.police_involved:
        parts.append("De politie was erbij betrokken.")
    description = "\n".join(parts)
    if len(description) > MAX_DESCRIPTION_LENGTH:
        description = description[: MAX_DESCRIPTION_LENGTH - 1].rstrip() + "…"
    if len(description) < MIN_DESCRIPTION_LENGTH:
        description = description.ljust(MIN_DESCRIPTION_LENGTH, ".")
    precautions = {
        BehaviourCategory.D: "Niet alleen op huisbezoek; bij voorkeur gesprek op kantoor. "
        "Informeer vooraf de politie (0900-8844).",
        BehaviourCategory.C: "Met twee gaan; rollen vooraf afspreken.",
        BehaviourCategory.E: "Met twee gaan; hulpverlening vooraf afstemmen.",
    }.get(report.category, "Vooraf met de leidinggevende bespreken.")
    return NoteProposal(category, day, description, precautions)


# ---- evidence attachments (seed 000: screenshots with date and time) -----------------

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS_TOTAL_BYTES = 50 * 1024 * 1024
MAX_FILENAME_LENGTH = 120


def format_size(size: int) -> str:
    """``10485760`` → ``10 MB``; ``1536`` → ``1,5 kB`` (Dutch decimal comma)."""
    if size < 1024:
        return f"{size} bytes"
    for unit, factor in (("MB", 1024 * 1024), ("kB", 1024)):
        if size >= factor:
            value = size / factor
            text = f"{value:.1f}".rstrip("0").rstrip(".")
            return f"{text.replace('.', ',')} {unit}"
    raise AssertionError("unreachable")


def clean_filename(name: str) -> str:
    """The last path part of ``name`` without control characters, at most 120 characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip().strip(".")
    if not base:
        raise ValidationError("Bijlage", "het bestand heeft geen geldige naam.")
    if len(base) > MAX_FILENAME_LENGTH:
        stem, dot, ext = base.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            base = stem[: MAX_FILENAME_LENGTH - len(ext) - 1] + "." + ext
        else:
            base = base[:MAX_FILENAME_LENGTH]
    return base


def check_attachment(
    *,
    filename: str,
    size: int,
    captured_at: datetime | None,
    already_stored: int,
    now: datetime,
) -> str:
    """Check one evidence file before storing it; returns the cleaned file name."""
    name = clean_filename(filename)
    errors: list[ValidationError] = []
    if size <= 0:
        errors.append(ValidationError("Bijlage", msg("'{name}' is leeg.", name=name)))
    elif size > MAX_ATTACHMENT_BYTES:
        errors.append(
            ValidationError(
                "Bijlage",
                msg(
                    "'{name}' is {size}; een bijlage mag hoogstens {limit} zijn. Maak de "
                    "schermafbeelding kleiner of sla alleen het relevante deel op.",
                    name=name,
                    size=format_size(size),
                    limit=format_size(MAX_ATTACHMENT_BYTES),
                ),
            )
        )
    elif already_stored + size > MAX_ATTACHMENTS_TOTAL_BYTES:
        errors.append(
            ValidationError(
                "Bijlage",
                msg(
                    "samen mogen de bijlagen van één incident hoogstens {limit} zijn; "
                    "er is nog {left} over.",
                    limit=format_size(MAX_ATTACHMENTS_TOTAL_BYTES),
                    left=format_size(max(0, MAX_ATTACHMENTS_TOTAL_BYTES - already_stored)),
                ),
            )
        )
    if captured_at is None:
        errors.append(
            ValidationError(
                "Datum en tijd bijlage",
                "vul in wanneer het bericht is geplaatst of de schermafbeelding is gemaakt.",
            )
        )
    elif ensure_utc(captured_at) > ensure_utc(now) + FUTURE_TOLERANCE:
        errors.append(ValidationError("Datum en tijd bijlage", "dit tijdstip ligt in de toekomst."))
    if errors:
        raise ValidationErrors(errors)
    return name


# ---- reminders for the scheduler (docs/design.md §4, §6) -------------------------------------


def aangifte_deadline_name(incident_id: int) -> str:
    return f"aangifte:{incident_id}"


def aftercare_deadline_name(incident_id: int, talk: AftercareTalk) -> str:
    return f"nazorg-{talk.value}:{incident_id}"


def open_deadlines(
    *,
    incident_id: int,
    occurred_at: datetime,
    filed_at: datetime,
    police_report_recorded: bool,
    talks_recorded: frozenset[AftercareTalk] | set[AftercareTalk],
    visit_id: int | None = None,
    employee_first_name: str = "",
) -> list[Deadline]:
    """The deadlines still open for one incident, for the leidinggevende.

    * melding/aangifte: a reminder 4 hours before the 24-hour term (at once when the
      report is filed later than that) and one at the term itself; both go away when
      the melding, aangifte or the reason for neither is recorded;
    * each aftercare conversation not yet recorded as held or declined.
    """
    found: list[Deadline] = []
    if not police_report_recorded:
        due = aangifte_deadline(occurred_at)
        early = max(due - AANGIFTE_EARLY_WARNING, ensure_utc(filed_at))
        if early < due:
            found.append(
                Deadline(
                    name=f"{aangifte_deadline_name(incident_id)}:herinnering",
                    due_at=early,
                    visit_id=visit_id,
                    visitor_first_name=employee_first_name,
                )
            )
        found.append(
            Deadline(
                name=aangifte_deadline_name(incident_id),
                due_at=due,
                visit_id=visit_id,
                visitor_first_name=employee_first_name,
            )
        )
    for moment in aftercare_schedule(occurred_at, filed_at):
        if moment.talk in talks_recorded:
            continue
        found.append(
            Deadline(
                name=aftercare_deadline_name(incident_id, moment.talk),
                due_at=moment.remind_at,
                visit_id=visit_id,
                visitor_first_name=employee_first_name,
            )
        )
    return found


def deadline_incident_id(name: str) -> int | None:
    """The incident a deadline name made here belongs to (``nazorg-eerste:7`` → 7)."""
    parts = name.split(":")
    return int(parts[1]) if len(parts) >= 2 and parts[1].isdigit() else None


def deadline_label(name: str) -> str:
    """A Dutch description of a deadline name made here (no personal data)."""
    kind = name.split(":", 1)[0]
    if kind == "aangifte":
        return (
            "Herinnering: melding/aangifte binnen 24 uur"
            if name.endswith(":herinnering")
            else "Termijn melding/aangifte (24 uur) verstrijkt"
        )
    for talk in AftercareTalk:
        if kind == f"nazorg-{talk.value}":
            return f"Nazorg: {talk.label.lower()}"
    return "Termijn"
