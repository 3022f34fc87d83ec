"""Numbers for the leidinggevende's analysis (seed 004: analyse every registration).

Only counts leave this module: no names, addresses or texts. They are computed over
what the viewer may see (the same scopes as the incident and visit lists), so a chart
can never show more than its viewer may know.

Response figures (``domain.response``), per local month of the moment:

* call-backs: every call-back whose due moment has passed. One with a call recorded
  for it (``calls.callback_id``; the earliest if there are several) is measured from
  its due moment to that call; a call made before the due moment (the app lets the
  buddy call early) counts as 0. One without a call is *niet gebeld*: still open past
  its moment, or lapsed ('vervallen') when the visit ended after its moment. A call-back
  that lapsed because the visitor was back before it was due never fell due and is
  not counted.
* alarms: every alarm raised about a visit (call-back, overdue, escalation, emergency,
  departure without a reachable buddy; not the administrative deadlines, nor the
  failover, which is the next measure), measured from raised to acknowledged, the moment
  someone took charge; an alarm not (yet) acknowledged is counted as such.
* unwatched: every period in which a running visit had no watcher long enough for the
  failover alarm ("Buddy niet bereikbaar", 60 s) to be raised somewhere, measured from
  the moment nobody watched (kept in the alarm's key) to the moment the period was
  recorded as over (its buddy back, a hand-over or a take-over: the alarm's
  acknowledgement); one not over yet is *nog onbewaakt*. A period nobody's app was
  there to notice (no desk running at all) leaves no alarm and is not counted here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ..domain.checklist import RiskLevel
from ..domain.clock import local_to_utc, to_local
from ..domain.errors import ValidationError, msg
from ..domain.incident import BehaviourCategory, Channel
from ..domain.register import add_months
from ..domain.reminders import ReminderKind, unwatched_period, unwatched_since
from ..domain.response import (
    Measure,
    MeasureFigures,
    Sample,
    figures,
    month_key,
    response_seconds,
)
from ..domain.roles import Permission
from ..domain.visit import VisitState
from ..storage.incident_models import Incident
from ..storage.models import Alarm, Callback, CallRecord, Visit, VisitEvent
from . import register
from .context import ServiceContext
from .incidents import _visible as _visible_incidents
from .visits import _visible_visits

MONTH_NAMES = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MAX_MONTHS = 60
# The visit events after which a visit's open call-backs lapse (services.visits._finish).
END_EVENTS = ("terug_veilig", "terug_incident", "afgesloten")
CALLBACK_DONE = "gedaan"
CALLBACK_LAPSED = "vervallen"
# CSV: (part, what got a response, what did not) per measure.
RESPONSE_CSV = {
    Measure.CALLBACK: ("terugbellen", "gebeld", "niet gebeld"),
    Measure.ALARM: ("alarmen", "bevestigd", "niet bevestigd"),
    Measure.UNWATCHED: ("onbewaakt", "weer bewaakt", "nog onbewaakt"),
}


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
    responses: tuple[MeasureFigures, ...] = ()  # per measure, every month of the period

    @property
    def incident_total(self) -> int:
        return sum(n for _k, n in self.incidents_per_month)

    def response(self, measure: Measure) -> MeasureFigures | None:
        return next((f for f in self.responses if f.measure is measure), None)


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
        now = ctx.now()
        responses = (
            figures(Measure.CALLBACK, keys, _callback_samples(session, visit_ids, since, now)),
            figures(Measure.ALARM, keys, _alarm_samples(session, visit_ids, since)),
            figures(Measure.UNWATCHED, keys, _unwatched_samples(session, visit_ids, since)),
        )
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
        responses=responses,
    )


def _callback_samples(
    session: Session, visit_ids: Select[Any], since: datetime, now: datetime
) -> list[Sample]:
    """One sample per call-back that fell due in the period (see the module's text).

    Three queries, each filtered on the server by a subquery (no long id lists)."""
    in_period = (
        Callback.visit_id.in_(visit_ids),
        Callback.due_at >= since,
        Callback.due_at <= now,
    )
    due = session.execute(
        select(Callback.id, Callback.visit_id, Callback.due_at, Callback.status).where(*in_period)
    ).all()
    if not due:
        return []
    first_call: dict[int, datetime] = {}
    for callback_id, called_at in session.execute(
        select(CallRecord.callback_id, CallRecord.called_at).where(
            CallRecord.callback_id.in_(select(Callback.id).where(*in_period))
        )
    ):
        if callback_id is not None and (
            callback_id not in first_call or called_at < first_call[callback_id]
        ):
            first_call[callback_id] = called_at
    ended: dict[int, datetime] = {}
    if any(row.status == CALLBACK_LAPSED for row in due):
        lapsed_visits = select(Callback.visit_id).where(
            *in_period, Callback.status == CALLBACK_LAPSED
        )
        for visit_id, at in session.execute(
            select(VisitEvent.visit_id, VisitEvent.at).where(
                VisitEvent.visit_id.in_(lapsed_visits), VisitEvent.kind.in_(END_EVENTS)
            )
        ):
            if visit_id not in ended or at < ended[visit_id]:
                ended[visit_id] = at
    samples = []
    for row in due:
        answered_at = first_call.get(row.id)
        if answered_at is not None:
            samples.append(Sample(month_key(row.due_at), response_seconds(row.due_at, answered_at)))
            continue
        if row.status == CALLBACK_LAPSED:
            end = ended.get(row.visit_id)
            if end is None or end <= row.due_at:
                continue  # back before it was due (or no end recorded: cannot tell)
        elif row.status == CALLBACK_DONE:
            continue  # done without a recorded call: the app never writes that
        samples.append(Sample(month_key(row.due_at), None))
    return samples


def _alarm_samples(session: Session, visit_ids: Select[Any], since: datetime) -> list[Sample]:
    """One sample per alarm about a visit raised in the period: raised → acknowledged."""
    rows = session.execute(
        select(Alarm.raised_at, Alarm.acknowledged_at).where(
            Alarm.visit_id.in_(visit_ids),
            # Deadlines are administrative; a failover has its own measure (unwatched).
            Alarm.kind.not_in([ReminderKind.DEADLINE.value, ReminderKind.BUDDY_UNREACHABLE.value]),
            Alarm.raised_at >= since,
        )
    ).all()
    return [
        Sample(
            month_key(raised_at),
            None if acknowledged_at is None else response_seconds(raised_at, acknowledged_at),
        )
        for raised_at, acknowledged_at in rows
    ]


def _unwatched_samples(session: Session, visit_ids: Select[Any], since: datetime) -> list[Sample]:
    """One sample per unwatched period that began in the period: from the moment nobody
    watched to the first acknowledgement of either of its failover alarms."""
    rows = session.execute(
        select(Alarm.reminder_key, Alarm.acknowledged_at).where(
            Alarm.visit_id.in_(visit_ids),
            Alarm.kind == ReminderKind.BUDDY_UNREACHABLE.value,
            Alarm.due_at >= since,
        )
    ).all()
    # Per period the acknowledgements of its alarms (None: that alarm still open).
    acknowledged: dict[str, list[datetime | None]] = {}
    for key, at in rows:
        acknowledged.setdefault(unwatched_period(key), []).append(at)
    ended = {
        period: min((at for at in times if at is not None), default=None)
        for period, times in acknowledged.items()
    }
    samples = []
    for period, end in ended.items():
        start = unwatched_since(period)
        if start is None or start < since:
            continue
        seconds = None if end is None else response_seconds(start, end)
        samples.append(Sample(month_key(start), seconds))
    return samples


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
    # Response times in whole seconds; empty where nothing was measured that month.
    for measure_figures in numbers.responses:
        part, answered, missed = RESPONSE_CSV[measure_figures.measure]
        for month in measure_figures.months:
            writer.writerow([f"{part}: {answered}", month.month, month.measured])
            writer.writerow([f"{part}: mediaan (seconden)", month.month, _blank(month.median)])
            writer.writerow([f"{part}: 90e percentiel (seconden)", month.month, _blank(month.p90)])
            writer.writerow([f"{part}: {missed}", month.month, month.missed])
    return out.getvalue()


def _blank(value: int | None) -> str:
    return "" if value is None else str(value)
