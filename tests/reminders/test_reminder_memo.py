"""``due_reminders`` with a :class:`ReminderMemo` (each visit's moments kept between the
scheduler's passes) gives exactly what it gives without one, pass after pass, whatever
changes in between: visits, call-backs, alarms acknowledged, heartbeats, settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from veilig_huisbezoek.domain.reminders import (
    AlarmCall,
    AlarmSnapshot,
    CallbackMoment,
    ReminderMemo,
    VisitSnapshot,
    callback_key,
    due_reminders,
    escalation_key,
    escalation_repeat_key,
    overdue_key,
    unwatched_key,
    unwatched_team_key,
)
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.domain.visit import VisitState

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
VISITS = (1, 2, 3)
BUDDIES = (10, 11)

moments = st.integers(-30, 120).map(lambda m: T0 + timedelta(minutes=m))
states = st.sampled_from([VisitState.ONDERWEG, VisitState.GEESCALEERD, VisitState.TERUG_VEILIG])


@st.composite
def visit_snapshots(draw: st.DrawFn, visit_id: int) -> VisitSnapshot:
    callbacks = draw(st.lists(st.integers(1, 4), unique=True, max_size=2))
    return VisitSnapshot(
        id=visit_id,
        state=draw(states),
        expected_return=draw(moments),
        buddy_id=draw(st.sampled_from(BUDDIES)),
        visitor_first_name="Sanne",
        open_callbacks=tuple(CallbackMoment(visit_id * 10 + c, draw(moments)) for c in callbacks),
        alarm_calls=tuple(
            AlarmCall(visit_id * 10 + c, draw(moments))
            for c in draw(st.lists(st.integers(1, 2), unique=True, max_size=1))
        ),
        visitor_id=20 + visit_id,
        start=draw(st.none() | moments),
        failover_only=draw(st.booleans()),
    )


def _keys(visit: VisitSnapshot, seen: datetime | None) -> list[str]:
    """Keys an alarm row of this visit may have (acknowledged or not)."""
    keys = [overdue_key(visit.id), escalation_key(overdue_key(visit.id))]
    for callback in visit.open_callbacks:
        keys += [callback_key(callback.id), escalation_key(callback_key(callback.id))]
        keys.append(escalation_repeat_key(callback_key(callback.id), 2))
    if visit.start is not None:
        since = max(visit.start, seen) if seen is not None else visit.start
        keys += [unwatched_key(visit.id, since), unwatched_team_key(visit.id, since)]
    return keys


@st.composite
def pass_sequences(draw: st.DrawFn) -> list[tuple]:  # type: ignore[type-arg]
    """Passes over a few versions of each visit and a few heartbeat moments, so that a
    visit often comes back unchanged, or unchanged but for its buddy's heartbeat."""
    versions = {v: [draw(visit_snapshots(v)) for _ in range(2)] for v in VISITS}
    seen_at = [draw(moments) for _ in range(2)]
    sequence = []
    for _ in range(draw(st.integers(1, 6))):
        visits = [draw(st.sampled_from(versions[v])) for v in VISITS if draw(st.booleans())]
        buddy_seen = draw(
            st.none()
            | st.fixed_dictionaries({}, optional={b: st.sampled_from(seen_at) for b in BUDDIES})
        )
        keys = [k for v in visits for k in _keys(v, (buddy_seen or {}).get(v.buddy_id))]
        alarms = [
            AlarmSnapshot(i, key, draw(st.booleans()))
            for i, key in enumerate(keys)
            if draw(st.integers(0, 3)) == 0
        ]
        grace = draw(st.sampled_from([10, 15]))
        now = draw(st.none() | moments)
        sequence.append((visits, alarms, Settings(grace_minutes=grace), buddy_seen, now))
    return sequence


@settings(max_examples=200, deadline=None)
@given(pass_sequences())
def test_a_memo_changes_nothing(sequence: list[tuple]) -> None:  # type: ignore[type-arg]
    memo = ReminderMemo()
    for visits, alarms, config, buddy_seen, now in sequence:
        plain = due_reminders(visits, alarms, config, buddy_seen=buddy_seen, now=now)
        kept = due_reminders(visits, alarms, config, buddy_seen=buddy_seen, now=now, memo=memo)
        assert kept == plain


def test_a_visit_whose_heartbeat_moved_gets_new_failover_moments() -> None:
    """The control: the memo does follow a heartbeat (a stale memo would keep the
    first moment)."""
    visit = VisitSnapshot(1, VisitState.ONDERWEG, T0 + timedelta(hours=1), 10, "Sanne", start=T0)
    memo = ReminderMemo()
    first = due_reminders([visit], [], Settings(), buddy_seen={10: T0}, memo=memo)
    later = T0 + timedelta(seconds=10)
    moved = due_reminders([visit], [], Settings(), buddy_seen={10: later}, memo=memo)
    assert unwatched_key(1, T0) in {r.key for r in first}
    assert unwatched_key(1, later) in {r.key for r in moved}
    assert unwatched_key(1, T0) not in {r.key for r in moved}


def test_a_visit_that_changed_gets_new_moments() -> None:
    """The control: a call-back added to a visit whose buddy did not beat again."""
    visit = VisitSnapshot(1, VisitState.ONDERWEG, T0 + timedelta(hours=1), 10, "Sanne", start=T0)
    memo = ReminderMemo()
    due_reminders([visit], [], Settings(), buddy_seen={10: T0}, memo=memo)
    called = replace(visit, open_callbacks=(CallbackMoment(7, T0 + timedelta(minutes=15)),))
    again = due_reminders([called], [], Settings(), buddy_seen={10: T0}, memo=memo)
    assert callback_key(7) in {r.key for r in again}
