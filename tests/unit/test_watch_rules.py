"""What the watch service sends (domain/watch.py), from the desktop's own rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from veilig_huisbezoek.domain.presence import SessionSeen
from veilig_huisbezoek.domain.reminders import (
    AlarmSnapshot,
    CallbackMoment,
    VisitSnapshot,
    callback_key,
    escalation_key,
    escalation_repeat_key,
    overdue_key,
)
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.domain.watch import WatchRules, watch_steps

T0 = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)  # 14:00 in Amsterdam
MIN = timedelta(minutes=1)
BUDDY = 7


def _visit(**changes: object) -> VisitSnapshot:
    fields: dict[str, object] = {
        "id": 12,
        "state": VisitState.ONDERWEG,
        "expected_return": T0 + 60 * MIN,
        "buddy_id": BUDDY,
        "visitor_first_name": "",
        "visitor_id": 3,
        "start": T0,
    }
    fields.update(changes)
    return VisitSnapshot(**fields)  # type: ignore[arg-type]


def _present(at: datetime) -> tuple[SessionSeen, ...]:
    return (SessionSeen(BUDDY, at),)


def test_the_ladders_end_then_one_step_per_repeat() -> None:
    visit = _visit()
    end = T0 + 60 * MIN + 25 * MIN  # overdue after 15, escalation 10 later
    assert watch_steps([visit], [], Settings(), _present(end - MIN), end - MIN) == []
    (step,) = watch_steps([visit], [], Settings(), _present(end), end)
    assert step.key == f"watch:{escalation_key(overdue_key(12))}:0"
    assert step.line == "25 minuten over tijd, niemand heeft het alarm opgepakt"
    assert "Bezoek 12: 25 minuten" in step.body and "Open Veilig Huisbezoek" in step.body
    # An hour later (a service that was down): only the latest step.
    later = end + 62 * MIN
    (step,) = watch_steps([visit], [], Settings(), _present(later), later)
    assert step.key.endswith(":12") and step.due_at == end + 60 * MIN


def test_taking_charge_of_any_rung_stops_it() -> None:
    visit = _visit()
    at = T0 + 120 * MIN
    for key in (
        overdue_key(12),
        escalation_key(overdue_key(12)),
        escalation_repeat_key(overdue_key(12), 2),
    ):
        taken = [AlarmSnapshot(1, key, acknowledged=True)]
        assert watch_steps([visit], taken, Settings(), _present(at), at) == []
    raised = [AlarmSnapshot(1, escalation_key(overdue_key(12)), acknowledged=False)]
    assert len(watch_steps([visit], raised, Settings(), _present(at), at)) == 1


def test_a_missed_call_back_and_one_minute() -> None:
    visit = _visit(open_callbacks=(CallbackMoment(5, T0 + 20 * MIN),))
    at = T0 + 31 * MIN  # the call-back's escalation fell due at 30
    (step,) = watch_steps([visit], [], Settings(), _present(at), at, WatchRules())
    assert step.key == f"watch:{escalation_key(callback_key(5))}:0"
    assert step.line == "terugbellen 11 minuten over tijd, niemand heeft het alarm opgepakt"
    settings = Settings(grace_minutes=0, escalation_minutes=1)
    at = visit.expected_return + 2 * MIN
    steps = watch_steps([_visit()], [], settings, _present(at), at)
    assert [s.line for s in steps] == ["2 minuten over tijd, niemand heeft het alarm opgepakt"]


def test_nobody_watching_for_the_configured_minutes() -> None:
    visit = _visit(expected_return=T0 + 180 * MIN)
    seen = _present(T0 + 10 * MIN)  # the buddy's last heartbeat: 14:10 local
    rules = WatchRules(unwatched=timedelta(minutes=2))
    assert watch_steps([visit], [], Settings(), seen, T0 + 11 * MIN, rules) == []
    (step,) = watch_steps([visit], [], Settings(), seen, T0 + 12 * MIN, rules)
    assert step.line == "niemand kijkt mee sinds 14:10"
    # The failover alarm acknowledged (someone took charge): done.
    taken = [AlarmSnapshot(1, step.key.split("watch:")[1].rsplit(":", 1)[0], True)]
    assert watch_steps([visit], taken, Settings(), seen, T0 + 30 * MIN, rules) == []
    # Not running: nothing at all.
    back = _visit(state=VisitState.TERUG_VEILIG)
    assert watch_steps([back], [], Settings(), (), T0 + 300 * MIN) == []
