"""Preparing a visit from the medewerker's screen (docs/design.md §1–§3).

Thin use cases on top of :mod:`.visits` and :mod:`.register` for the guided
"Bezoek voorbereiden" flow and the "Mijn bezoeken" list: who can be chosen as buddy
or colleague, the call-back moments the organisation's settings suggest, saving a
plan together with the leidinggevende's consent and scheduling it, and the visits a
leidinggevende still has to consent to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain import settings as settings_rules
from ..domain.checklist import Answer, RiskLevel
from ..domain.checklist import Assessment as AssessmentResult
from ..domain.clock import local_to_utc
from ..domain.errors import UserError, ValidationError, msg, term
from ..domain.register import UnsafeAddressNote
from ..domain.roles import Permission, PermissionDenied, Role
from ..domain.visit import VisitPlan, VisitState
from ..storage.errors import StoreError
from ..storage.models import Account, Visit
from . import visits
from .accounts import AccountSummary, list_accounts
from .context import Actor, ServiceContext
from .settings import load_settings
from .visits import VisitSummary, _summary, _visible_visits

# visits.give_consent refuses a shorter reason; checked before anything is stored.
MIN_CONSENT_REASON_LENGTH = 10

OPEN_STATES = (
    VisitState.CONCEPT,
    VisitState.GEPLAND,
    VisitState.ONDERWEG,
    VisitState.GEESCALEERD,
)

CONSENT_FIELD = "Toestemming leidinggevende"
CONSENT_REASON_FIELD = "Reden toestemming"


@dataclass(frozen=True)
class ConsentGrant:
    """A leidinggevende's consent given at this workstation, not yet stored.

    ``signature``: a team server's proof that the leidinggevende's own credentials
    reached it (:func:`accounts.co_sign`); None on the embedded store."""

    lead: Actor
    reason: str
    signature: str | None = None


class PlanNotScheduledError(UserError):
    """The visit was stored as concept, but consent or scheduling failed afterwards."""

    def __init__(self, visit_id: int, cause: BaseException) -> None:
        self.visit_id = visit_id
        self.cause = cause
        # The cause, an error itself, is shown in the chosen language too (error_text).
        super().__init__(
            msg(
                "Het bezoek is als concept bewaard, maar nog niet gepland: {cause} "
                "U kunt het plannen vanuit Mijn bezoeken.",
                cause=cause,
            )
        )


def team_members(ctx: ServiceContext) -> list[AccountSummary]:
    """Colleagues who can go along or be the buddy: not yourself, not a pure beheerder."""
    casework = {Role.MEDEWERKER, Role.LEIDINGGEVENDE}
    return [a for a in list_accounts(ctx) if a.id != ctx.actor.account_id and a.roles & casework]


def suggested_callbacks(
    ctx: ServiceContext, start: datetime, expected_return: datetime, level: RiskLevel
) -> tuple[datetime, ...]:
    """The default call-back moments with the organisation's settings (docs/design.md §3, §7)."""
    return settings_rules.suggested_callbacks(load_settings(ctx), start, expected_return, level)


def register_answer(notes: Sequence[UnsafeAddressNote]) -> Answer:
    """The automatic checklist answer for the unsafe-address register item."""
    return Answer.JA if notes else Answer.NEE


def is_ambiguous_local(naive_local: datetime) -> bool:
    """True for a wall-clock time in the repeated autumn hour (it occurs twice)."""
    try:
        return local_to_utc(naive_local, fold=0) != local_to_utc(naive_local, fold=1)
    except ValidationError:  # in the spring-forward gap: not ambiguous, it does not exist
        return False


def callback_instant(naive_local: datetime, start: datetime, expected_return: datetime) -> datetime:
    """A typed call-back time as an instant; in the repeated autumn hour the occurrence
    that lies within the visit is taken (else the first)."""
    if is_ambiguous_local(naive_local):
        for fold in (0, 1):
            moment = local_to_utc(naive_local, fold=fold)
            if start <= moment <= expected_return:
                return moment
        return local_to_utc(naive_local, fold=0)
    return local_to_utc(naive_local, field="Terugbelmoment")


def check_consent_reason(reason: str) -> str:
    clean = reason.strip()
    if len(clean) < MIN_CONSENT_REASON_LENGTH:
        raise ValidationError(
            CONSENT_REASON_FIELD, "beschrijf in een zin waarom het bezoek doorgaat."
        )
    return clean


def check_consent_giver(ctx: ServiceContext, lead: Actor) -> None:
    """The person co-signing must be a leidinggevende other than the visitor."""
    if not lead.may(Permission.GIVE_CONSENT):
        raise PermissionDenied(
            msg(
                "{name} is geen leidinggevende en kan geen toestemming geven",
                name=lead.display_name,
            )
        )
    if lead.account_id == ctx.actor.account_id:
        raise PermissionDenied(
            "u kunt niet zelf toestemming geven voor uw eigen bezoek; "
            "vraag een andere leidinggevende"
        )


def plan_visit(
    ctx: ServiceContext,
    plan: VisitPlan,
    assessment: AssessmentResult,
    *,
    deviation_reason: str = "",
    consent: ConsentGrant | None = None,
    schedule: bool = True,
) -> int:
    """Store the plan, record the co-signed consent and schedule it (concept → gepland).

    Everything that can be checked beforehand is checked before anything is stored,
    so a refused plan leaves nothing behind. With ``schedule=False`` the visit stays
    a concept (e.g. a rood visit whose consent is asked for later). When a step after
    saving fails, :class:`PlanNotScheduledError` says the concept exists.
    """
    ctx.require(Permission.PLAN_OWN_VISITS, "u mag geen bezoeken plannen")
    consent_reason = ""
    if consent is not None:
        check_consent_giver(ctx, consent.lead)
        consent_reason = check_consent_reason(consent.reason)
    elif schedule and assessment.level is RiskLevel.ROOD:
        raise ValidationError(
            CONSENT_FIELD,
            "bij rood gaat het bezoek alleen door met vastgelegde toestemming van uw "
            "leidinggevende. Laat uw leidinggevende nu tekenen, of sla het bezoek op als "
            "concept en vraag de toestemming later aan.",
        )
    visit_id = visits.save_visit(ctx, plan, assessment, deviation_reason=deviation_reason)
    try:
        if consent is not None:
            lead_ctx = ServiceContext(ctx.store, consent.lead, ctx.clock)
            visits.give_consent(lead_ctx, visit_id, consent_reason, signature=consent.signature)
        if schedule:
            visits.schedule_visit(ctx, visit_id)
    except (UserError, StoreError) as exc:
        raise PlanNotScheduledError(visit_id, exc) from exc
    return visit_id


@dataclass(frozen=True)
class MyVisit:
    """One row of "Mijn bezoeken"."""

    summary: VisitSummary
    buddy_name: str
    consent_by: str
    buddy_first_name: str = ""  # "Ahmed kijkt mee"

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def awaiting_consent(self) -> bool:
        return (
            self.summary.state is VisitState.CONCEPT
            and self.summary.level is RiskLevel.ROOD
            and not self.consent_by
        )


def my_open_visits(ctx: ServiceContext) -> list[MyVisit]:
    """The actor's own visits that are not finished yet, earliest start first."""
    if not ctx.actor.may(Permission.PLAN_OWN_VISITS):
        return []
    query = (
        select(Visit)
        .where(
            Visit.visitor_id == ctx.actor.account_id,
            Visit.state.in_([s.value for s in OPEN_STATES]),
        )
        .options(selectinload(Visit.callbacks))
        .order_by(Visit.start_at, Visit.id)
    )
    with ctx.store.read_session() as session:
        accounts = list(session.execute(select(Account)).scalars())
        names = {a.id: f"{a.first_name} {a.last_name}".strip() for a in accounts}
        first_names = {a.id: a.first_name for a in accounts}
        return [
            MyVisit(
                summary=_summary(v),
                buddy_name=names.get(v.buddy_id, ""),
                consent_by=names.get(v.consent_by, "") if v.consent_by is not None else "",
                buddy_first_name=first_names.get(v.buddy_id, ""),
            )
            for v in session.execute(query).scalars()
        ]


def pending_consents(ctx: ServiceContext, *, include_own: bool = False) -> list[VisitSummary]:
    """Concept rood visits that still wait for a leidinggevende's consent.

    For the leidinggevende's own screen; their own visits are left out unless
    ``include_own`` (consent for your own visit comes from another leidinggevende).
    """
    ctx.require(Permission.GIVE_CONSENT, "alleen een leidinggevende geeft toestemming")
    query = (
        _visible_visits(ctx)
        .where(
            Visit.state == VisitState.CONCEPT.value,
            Visit.level == RiskLevel.ROOD.value,
            Visit.consent_by.is_(None),
        )
        .options(selectinload(Visit.callbacks))
        .order_by(Visit.start_at, Visit.id)
    )
    if not include_own:
        query = query.where(Visit.visitor_id != ctx.actor.account_id)
    with ctx.store.read_session() as session:
        return [_summary(v) for v in session.execute(query).scalars()]


def deviation_required(level: RiskLevel, colleague_ids: Sequence[int]) -> bool:
    """Going alone against the oranje/rood advice needs a recorded reason."""
    return visits._deviation_needed(level, not colleague_ids)


def check_deviation(level: RiskLevel, colleague_ids: Sequence[int], reason: str) -> None:
    """The same rule :func:`visits.save_visit` enforces, checked while still typing."""
    if deviation_required(level, colleague_ids) and not reason.strip():
        raise ValidationError(
            "Reden afwijking",
            msg(
                "het advies bij {level} is om met twee te gaan; leg vast waarom u alleen gaat.",
                level=term(level.label),
            ),
        )
