"""Numbers for the leidinggevende's analysis (seed 004: analyse every registration).

Only counts leave this module: no names, addresses or texts. They are computed over
what the viewer may see (the same scopes as the incident and visit lists), so a chart
can never show more than its viewer may know.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from ..domain.checklist import RiskLevel
from ..domain.clock import local_to_utc, to_local
from ..domain.errors import ValidationError, msg
from ..domain.incident import BehaviourCategory, Channel
from ..domain.register import add_months
from ..domain.roles import Permission
from ..domain.visit import VisitState
from ..storage.incident_models import Incident
from ..storage.models import Visit
from . import register
from .context import ServiceContext
from .incidents import _visible as _visible_incidents
from .visits import _visible_visits

MONTH_NAMES = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MAX_MONTHS = 60


def month_label(key: str) -> str:
    """``2026-03`` → ``mrt 2026``."""
    year, month = key.split("-")
    return f"{MONTH_NAMES[int(month) - 1]} {year}"


@dataclass(frozen=True)
class ReportNumbers:
    first_month: date
    last_month: date
    incidents_per_month: list[tuple[str, int]]  # ("2026-03", n), every month in the period
    incidents_per_category: list[tuple[BehaviourCategory, int]]
    incidents_per_channel: list[tuple[Channel, int]]
    visits_per_level: list[tuple[RiskLevel, int]]
    overdue_reviews: int | None  # None when the viewer may not see the register

    @property
    def incident_total(self) -> int:
        return sum(n for _k, n in self.incidents_per_month)


def _months(first: date, count: int) -> list[str]:
    return [f"{d.year:04d}-{d.month:02d}" for d in (add_months(first, i) for i in range(count))]


def build_report(ctx: ServiceContext, *, months: int = 12) -> ReportNumbers:
    """Counts over the last ``months`` calendar months including the current one."""
    ctx.require(Permission.REPORTS, "alleen een leidinggevende ziet rapportages")
    if not 1 <= months <= MAX_MONTHS:
        raise ValidationError(
            "Periode", msg("kies 1 tot en met {count} maanden.", count=MAX_MONTHS)
        )
    today = to_local(ctx.now()).date()
    last = today.replace(day=1)
    first = add_months(last, -(months - 1))
    since: datetime = local_to_utc(datetime(first.year, first.month, 1), fold=0)
    keys = _months(first, months)
    per_month = dict.fromkeys(keys, 0)
    per_category = dict.fromkeys(BehaviourCategory, 0)
    per_channel = dict.fromkeys(Channel, 0)
    per_level = dict.fromkeys(RiskLevel, 0)
    incident_ids = _visible_incidents(ctx).with_only_columns(Incident.id)
    visit_ids = _visible_visits(ctx).with_only_columns(Visit.id)
    with ctx.store.read_session() as session:
        incidents = session.execute(
            select(Incident.occurred_at, Incident.category, Incident.channel).where(
                Incident.id.in_(incident_ids), Incident.occurred_at >= since
            )
        ).all()
        for occurred_at, category, channel in incidents:
            local = to_local(occurred_at)
            key = f"{local.year:04d}-{local.month:02d}"
            if key not in per_month:  # after today: a clock put back
                continue
            per_month[key] += 1
            per_category[BehaviourCategory(category)] += 1
            per_channel[Channel(channel)] += 1
        levels = session.execute(
            select(Visit.level).where(
                Visit.id.in_(visit_ids),
                Visit.start_at >= since,
                Visit.state != VisitState.CONCEPT.value,
            )
        ).scalars()
        for level in levels:
            per_level[RiskLevel(level)] += 1
    overdue = (
        register.register_counts(ctx)["overdue"] if ctx.actor.may(Permission.MANAGE_NOTES) else None
    )
    return ReportNumbers(
        first_month=first,
        last_month=last,
        incidents_per_month=list(per_month.items()),
        incidents_per_category=list(per_category.items()),
        incidents_per_channel=list(per_channel.items()),
        visits_per_level=list(per_level.items()),
        overdue_reviews=overdue,
    )


def report_csv(numbers: ReportNumbers) -> str:
    """The numbers as CSV (semicolon separated, as Dutch spreadsheet programs expect)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["onderdeel", "waarde", "aantal"])
    for key, count in numbers.incidents_per_month:
        writer.writerow(["incidenten per maand", key, count])
    for category, count in numbers.incidents_per_category:
        writer.writerow(["incidenten per soort gedrag", category.value, count])
    for channel, count in numbers.incidents_per_channel:
        writer.writerow(["incidenten per kanaal", channel.label, count])
    for level, count in numbers.visits_per_level:
        writer.writerow(["bezoeken per niveau", level.value, count])
    if numbers.overdue_reviews is not None:
        writer.writerow(["adresregister", "herbeoordeling te laat", numbers.overdue_reviews])
    return out.getvalue()
