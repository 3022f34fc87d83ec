"""Response figures from a seeded history, checked against values computed by hand.

The history is made through the services (plan, depart, record calls, raise and
acknowledge alarms) on a fake clock, so that the same seeding also runs on a team server
(``tests/team/test_team_reports.py``). Times are UTC; Amsterdam is UTC+2 until
25 October 2026, UTC+1 after.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

import pytest
from sqlalchemy import select

from tests.conftest import Team, make_team
from tests.helpers import call_all_well
from tests.presence_helpers import present_as
from tests.services.test_services import ADDRESS, _assessment
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.domain.reminders import (
    Audience,
    Reminder,
    ReminderKind,
    callback_key,
    deadline_key,
    escalation_key,
    unwatched_key,
    unwatched_team_key,
)
from veilig_huisbezoek.domain.response import Measure, MonthFigures
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.domain.visit import VisitPlan, VisitReason
from veilig_huisbezoek.services import alarms, reports, visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage.models import Callback

SEED_START = datetime(2026, 10, 5, 7, 0, tzinfo=UTC)
REPORT_AT = datetime(2026, 11, 10, 10, 30, tzinfo=UTC)


class AnyTeam(Protocol):
    clock: FakeClock
    ids: dict[str, int]

    def login(self, name: str) -> ServiceContext: ...


def _at(month: int, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=UTC)


def _visit(team: AnyTeam, sanne: ServiceContext, start: datetime, end: datetime, *due: datetime):
    """sanne visits, bram is buddy; departed at ``start``. → (visit id, call-back ids)."""
    team.clock.set(start - timedelta(minutes=30))
    plan = VisitPlan.create(
        reason=VisitReason.HANDHAVING,
        address=ADDRESS,
        residents="Dhr. Janssen",
        clients="Dhr. Janssen",
        client_phone_text="06-12345678",
        start=start,
        expected_return=end,
        visitor_id=sanne.actor.account_id,
        colleague_ids=(),
        roles_note="",
        interpreter=False,
        announced_in_writing=True,
        buddy_id=team.ids["bram"],
        callbacks=due,
        now=team.clock.now(),
    )
    visit_id = visits.save_visit(sanne, plan, _assessment(RiskLevel.GROEN))
    visits.schedule_visit(sanne, visit_id)
    team.clock.set(start)
    present_as(team.login, "bram")  # also on a team server: his own heartbeat
    visits.depart(sanne, visit_id)
    return visit_id, _callback_ids(sanne, visit_id)


def _callback_ids(ctx: ServiceContext, visit_id: int) -> list[int]:
    with ctx.store.read_session() as session:
        return list(
            session.execute(
                select(Callback.id).where(Callback.visit_id == visit_id).order_by(Callback.due_at)
            ).scalars()
        )


def _call(
    team: AnyTeam,
    bram: ServiceContext,
    at: datetime,
    visit_id: int,
    callback_id: int,
    *,
    reached: bool = True,
) -> None:
    team.clock.set(at)
    if reached:
        call_all_well(bram, visit_id, callback_id)
    else:
        visits.record_call(bram, visit_id, reached=False, callback_id=callback_id)


def _back(team: AnyTeam, sanne: ServiceContext, at: datetime, visit_id: int) -> None:
    team.clock.set(at)
    visits.return_safe(sanne, visit_id)


def _alarm(
    ctx: ServiceContext,
    key: str,
    kind: ReminderKind,
    visit_id: int | None,
    raised: datetime,
    acknowledged: datetime | None = None,
    *,
    audience: Audience = Audience.BUDDY,
) -> None:
    reminder = Reminder(
        key=key,
        kind=kind,
        visit_id=visit_id,
        due_at=raised,
        audience=audience,
        visitor_first_name="Sanne",
    )
    info = alarms.raise_alarm(ctx, reminder, raised_late=False, raised_at=raised)
    if acknowledged is not None:
        alarms.acknowledge(ctx, info.id, at=acknowledged)


def _acknowledge_period(team: AnyTeam, ctx: ServiceContext, visit_id: int, at: datetime) -> None:
    """``ctx`` takes charge of the visit's open failover alarm (the leidinggevenden's)."""
    team.clock.set(at)
    [info] = [
        a
        for a in alarms.open_alarms(ctx)
        if a.visit_id == visit_id and a.kind is ReminderKind.BUDDY_UNREACHABLE
    ]
    alarms.acknowledge(ctx, info.id, at=at)


def seed_history(team: AnyTeam) -> None:
    """Call-backs and alarms in October and November 2026; the clock ends at REPORT_AT."""
    sanne, bram, petra = team.login("sanne"), team.login("bram"), team.login("petra")
    try:
        # V1, 5 October: 125 s late; called a minute early (0); not called, lapsed when
        # sanne was back at 09:00 (niet gebeld); 09:30 lapsed before it was due (left out).
        v1, (c1, c2, c3, _c4) = _visit(
            team,
            sanne,
            _at(10, 5, 7, 30),
            _at(10, 5, 9, 30),
            _at(10, 5, 7, 40),
            _at(10, 5, 8, 10),
            _at(10, 5, 8, 40),
            _at(10, 5, 9, 30),
        )
        _call(team, bram, _at(10, 5, 7, 42, 5), v1, c1)
        _call(team, bram, _at(10, 5, 8, 9), v1, c2)
        # Its alarm: bram acknowledged after 200 s; the escalation petra after 60 s.
        _alarm(
            bram,
            callback_key(c3),
            ReminderKind.CALLBACK_DUE,
            v1,
            _at(10, 5, 8, 40),
            _at(10, 5, 8, 43, 20),
        )
        _alarm(
            petra,
            escalation_key(callback_key(c3)),
            ReminderKind.ESCALATION,
            v1,
            _at(10, 5, 8, 50),
            _at(10, 5, 8, 51),
            audience=Audience.LEIDINGGEVENDEN,
        )
        # Nobody watched from 08:00:00 (bram's desk gone); petra's failover alarm at
        # 08:01, taken over by her at 08:02:30: unwatched 150 s.
        _alarm(
            petra,
            unwatched_key(v1, _at(10, 5, 8, 0)),
            ReminderKind.BUDDY_UNREACHABLE,
            v1,
            _at(10, 5, 8, 1),
            _at(10, 5, 8, 2, 30),
            audience=Audience.LEIDINGGEVENDEN,
        )
        _back(team, sanne, _at(10, 5, 9, 0), v1)

        # V2, 20 October: not reached at 12:15 (300 s), so a retry call-back at 12:20,
        # reached at 12:21:30 (90 s); 12:40 called at 12:47 (420 s); 13:00 lapsed early.
        v2, (d1, d2, _d3) = _visit(
            team,
            sanne,
            _at(10, 20, 12, 0),
            _at(10, 20, 13, 0),
            _at(10, 20, 12, 10),
            _at(10, 20, 12, 40),
            _at(10, 20, 13, 0),
        )
        _call(team, bram, _at(10, 20, 12, 15), v2, d1, reached=False)
        [retry] = set(_callback_ids(sanne, v2)) - {d1, d2, _d3}
        _call(team, bram, _at(10, 20, 12, 21, 30), v2, retry)
        _alarm(
            bram,
            callback_key(d2),
            ReminderKind.CALLBACK_DUE,
            v2,
            _at(10, 20, 12, 40, 30),
            _at(10, 20, 12, 45, 30),
        )  # 300 s
        _call(team, bram, _at(10, 20, 12, 47), v2, d2)
        # Unwatched from 12:48:00: the leidinggevenden's alarm at 12:49, the colleagues'
        # at 12:51; petra takes charge at 12:52:30 (both alarms end): 270 s, one period.
        since = _at(10, 20, 12, 48)
        _alarm(
            petra,
            unwatched_key(v2, since),
            ReminderKind.BUDDY_UNREACHABLE,
            v2,
            _at(10, 20, 12, 49),
            audience=Audience.LEIDINGGEVENDEN,
        )
        _alarm(
            bram,
            unwatched_team_key(v2, since),
            ReminderKind.BUDDY_UNREACHABLE,
            v2,
            _at(10, 20, 12, 51),
            audience=Audience.TEAM,
        )
        _acknowledge_period(team, petra, v2, _at(10, 20, 12, 52, 30))
        _back(team, sanne, _at(10, 20, 12, 55), v2)
        # An administrative deadline is not a response alarm: left out.
        _alarm(
            petra,
            deadline_key("aangifte:1"),
            ReminderKind.DEADLINE,
            None,
            _at(10, 21, 9, 0),
            audience=Audience.LEIDINGGEVENDEN,
        )

        # V3, the night of 31 October: 23:30 UTC is 00:30 on 1 November in Amsterdam.
        v3, (e1, _e2) = _visit(
            team,
            sanne,
            _at(10, 31, 23, 0),
            _at(10, 31, 23, 45),
            _at(10, 31, 23, 30),
            _at(10, 31, 23, 45),
        )
        _call(team, bram, _at(10, 31, 23, 31), v3, e1)  # 60 s, in November
        # Unwatched from 23:32:00 UTC (00:32 in November), watched again 23:33:30: 90 s.
        _alarm(
            petra,
            unwatched_key(v3, _at(10, 31, 23, 32)),
            ReminderKind.BUDDY_UNREACHABLE,
            v3,
            _at(10, 31, 23, 33),
            _at(10, 31, 23, 33, 30),
            audience=Audience.LEIDINGGEVENDEN,
        )
        _back(team, sanne, _at(10, 31, 23, 40), v3)

        # V4, 10 November, still out at the report (10:30): 09:10 called at 09:20
        # (600 s); 10:00 not called yet (niet gebeld); 11:00 not due yet (left out).
        v4, (f1, f2, _f3) = _visit(
            team,
            sanne,
            _at(11, 10, 9, 0),
            _at(11, 10, 11, 0),
            _at(11, 10, 9, 10),
            _at(11, 10, 10, 0),
            _at(11, 10, 11, 0),
        )
        _alarm(
            bram,
            callback_key(f1),
            ReminderKind.CALLBACK_DUE,
            v4,
            _at(11, 10, 9, 10),
            _at(11, 10, 9, 10, 45),
        )  # 45 s
        _call(team, bram, _at(11, 10, 9, 20), v4, f1)
        _alarm(
            bram, callback_key(f2), ReminderKind.CALLBACK_DUE, v4, _at(11, 10, 10, 0)
        )  # not acknowledged
        # Unwatched since 10:20, nobody has taken over yet: nog onbewaakt.
        _alarm(
            petra,
            unwatched_key(v4, _at(11, 10, 10, 20)),
            ReminderKind.BUDDY_UNREACHABLE,
            v4,
            _at(11, 10, 10, 21),
            audience=Audience.LEIDINGGEVENDEN,
        )
        team.clock.set(REPORT_AT)
    finally:
        for ctx in (sanne, bram, petra):
            ctx.store.close()


# By hand, per month (seconds). Call-backs: October 125, 0, 300, 90, 420 → sorted
# 0, 90, 125, 300, 420: median rank ⌈0.5·5⌉ = 3 → 125, P90 rank ⌈0.9·5⌉ = 5 → 420;
# one niet gebeld (V1 08:40). November 60, 600: median rank 1 → 60, P90 rank 2 → 600;
# one niet gebeld (V4 10:00). Alarms: October 200, 60, 300 → median rank 2 → 200,
# P90 rank 3 → 300. November 45 → 45, 45; one not acknowledged. September: nothing.
# (The failover alarms are not in the alarm figures: they are the unwatched periods.)
# Unwatched: October 150, 270 (the two alarms of one period count once) → median rank
# ⌈0.5·2⌉ = 1 → 150, P90 rank ⌈0.9·2⌉ = 2 → 270. November 90 → 90, 90 (local time:
# 00:32 on 1 November); one still unwatched (V4 since 10:20).
EXPECTED = {
    Measure.CALLBACK: (
        MonthFigures("2026-09", 0, None, None, 0),
        MonthFigures("2026-10", 5, 125, 420, 1),
        MonthFigures("2026-11", 2, 60, 600, 1),
    ),
    Measure.ALARM: (
        MonthFigures("2026-09", 0, None, None, 0),
        MonthFigures("2026-10", 3, 200, 300, 0),
        MonthFigures("2026-11", 1, 45, 45, 1),
    ),
    Measure.UNWATCHED: (
        MonthFigures("2026-09", 0, None, None, 0),
        MonthFigures("2026-10", 2, 150, 270, 0),
        MonthFigures("2026-11", 1, 90, 90, 1),
    ),
}


def check_figures(numbers: reports.ReportNumbers) -> None:
    assert [f.measure for f in numbers.responses] == [
        Measure.CALLBACK,
        Measure.ALARM,
        Measure.UNWATCHED,
    ]
    for measure, months in EXPECTED.items():
        figures = numbers.response(measure)
        assert figures is not None
        assert figures.months == months, measure


@pytest.fixture
def seeded(tmp_path: Path) -> Team:
    team = make_team(tmp_path / "data", FakeClock(SEED_START - timedelta(hours=1)))
    seed_history(team)
    return team


def test_response_figures_match_the_hand_computed_values(seeded: Team) -> None:
    petra = seeded.login("petra")
    numbers = reports.build_report(petra, months=3)
    petra.store.close()
    check_figures(numbers)


def test_a_shorter_period_keeps_only_its_months(seeded: Team) -> None:
    petra = seeded.login("petra")
    numbers = reports.build_report(petra, months=1)
    petra.store.close()
    callbacks = numbers.response(Measure.CALLBACK)
    assert callbacks is not None and callbacks.months == EXPECTED[Measure.CALLBACK][-1:]


def test_only_a_leidinggevende_sees_response_figures(seeded: Team) -> None:
    bram = seeded.login("bram")
    with pytest.raises(PermissionDenied):
        reports.build_report(bram)
    bram.store.close()


def test_csv_holds_the_response_figures_in_seconds(seeded: Team) -> None:
    petra = seeded.login("petra")
    text = reports.report_csv(reports.build_report(petra, months=3))
    petra.store.close()
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    for row in (
        ["terugbellen: gebeld", "2026-10", "5"],
        ["terugbellen: mediaan (seconden)", "2026-10", "125"],
        ["terugbellen: 90e percentiel (seconden)", "2026-10", "420"],
        ["terugbellen: niet gebeld", "2026-10", "1"],
        ["terugbellen: mediaan (seconden)", "2026-09", ""],
        ["terugbellen: niet gebeld", "2026-11", "1"],
        ["alarmen: bevestigd", "2026-10", "3"],
        ["alarmen: mediaan (seconden)", "2026-10", "200"],
        ["alarmen: 90e percentiel (seconden)", "2026-11", "45"],
        ["alarmen: niet bevestigd", "2026-11", "1"],
        ["onbewaakt: weer bewaakt", "2026-10", "2"],
        ["onbewaakt: 90e percentiel (seconden)", "2026-10", "270"],
        ["onbewaakt: mediaan (seconden)", "2026-11", "90"],
        ["onbewaakt: nog onbewaakt", "2026-11", "1"],
    ):
        assert row in rows
    assert all(len(row) == 3 for row in rows)
    assert "Sanne" not in text and "Akerstraat" not in text and "Smit" not in text
