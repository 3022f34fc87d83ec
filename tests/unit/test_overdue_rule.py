"""One rule, one place (domain/overdue.py): the buddy board's *te laat* / *alarm* and the
reminder rules' overdue alarm and its escalation follow the same settings and can never
disagree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.board import BoardStatus, board_status
from veilig_huisbezoek.domain.overdue import (
    ReturnStatus,
    overdue_alarm_at,
    overdue_escalation_at,
    return_status,
)
from veilig_huisbezoek.domain.reminders import (
    CallbackMoment,
    Reminder,
    ReminderKind,
    VisitSnapshot,
    due_reminders,
    escalation_key,
    overdue_key,
)
from veilig_huisbezoek.domain.settings import Settings, setting_field
from veilig_huisbezoek.domain.visit import VisitState

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
VISIT_ID = 7


def _minutes(name: str) -> st.SearchStrategy[int]:
    """Any value the settings allow (domain/settings.py's ranges)."""
    field = setting_field(name)
    return st.integers(min_value=field.low, max_value=field.high)


valid_settings = st.builds(
    lambda grace, retry, escalation, repeat: Settings.from_dict(
        {
            "grace_minutes": grace,
            "retry_minutes": retry,
            "escalation_minutes": escalation,
            "escalation_repeat_minutes": repeat,
        }
    ),
    _minutes("grace_minutes"),
    _minutes("retry_minutes"),
    _minutes("escalation_minutes"),
    _minutes("escalation_repeat_minutes"),
)
instants = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)
# Now relative to the expected return: well before it to well past any grace time.
offsets = st.timedeltas(min_value=-timedelta(hours=3), max_value=timedelta(hours=8))
optional_callbacks = st.none() | st.timedeltas(
    min_value=-timedelta(hours=3), max_value=timedelta(hours=3)
)


def _reminders(
    expected_return: datetime, callback: datetime | None, settings: Settings, now: datetime
) -> dict[str, Reminder]:
    callbacks = (CallbackMoment(1, callback),) if callback is not None else ()
    snapshot = VisitSnapshot(VISIT_ID, VisitState.ONDERWEG, expected_return, 3, "Sanne", callbacks)
    return {r.key: r for r in due_reminders([snapshot], [], settings, now=now)}


@given(valid_settings, instants, offsets, optional_callbacks)
def test_board_and_reminder_rules_agree(
    settings: Settings,
    expected_return: datetime,
    since_return: timedelta,
    callback: timedelta | None,
) -> None:
    now = expected_return + since_return
    next_callback = now + callback if callback is not None else None
    reminders = _reminders(expected_return, next_callback, settings, now)
    overdue = reminders[overdue_key(VISIT_ID)]
    assert overdue.kind is ReminderKind.OVERDUE_ALARM
    # The scheduler raises a reminder once its moment has come (due_at <= now).
    alarm_raised = overdue.due_at <= now
    status = board_status(now, next_callback, expected_return, VisitState.ONDERWEG, settings)
    returning = return_status(now, expected_return, settings)

    assert (status is BoardStatus.ALARM) == alarm_raised
    assert (returning is ReturnStatus.OVERDUE_ALARM) == alarm_raised
    within_grace = expected_return < now and not alarm_raised
    assert (returning is ReturnStatus.WITHIN_GRACE) == within_grace
    if within_grace:
        assert status is BoardStatus.BEHIND
    if next_callback is None:
        # Without a call-back, the board's te laat is exactly "within grace".
        assert (status is BoardStatus.BEHIND) == within_grace
        assert (status is BoardStatus.OP_SCHEMA) == (now <= expected_return and not alarm_raised)
    # The escalation of an unacknowledged overdue alarm follows the same rule.
    escalation = reminders[escalation_key(overdue_key(VISIT_ID))]
    assert escalation.due_at == overdue_escalation_at(expected_return, settings)
    assert escalation.due_at == overdue.due_at + timedelta(minutes=settings.escalation_minutes)


@pytest.mark.parametrize("grace", [0, 1, 15, 240])
def test_the_alarm_moment_is_expected_return_plus_grace(grace: int) -> None:
    settings = Settings(grace_minutes=grace)
    ret = T0 + 60 * MIN
    alarm_at = overdue_alarm_at(ret, settings)
    assert alarm_at == ret + grace * MIN
    # At the expected return itself: on time, unless there is no grace time at all.
    at_return = ReturnStatus.ON_TIME if grace else ReturnStatus.OVERDUE_ALARM
    assert return_status(ret, ret, settings) is at_return
    assert return_status(alarm_at, ret, settings) is ReturnStatus.OVERDUE_ALARM
    if grace:
        assert return_status(ret + timedelta(seconds=1), ret, settings) is ReturnStatus.WITHIN_GRACE
        before = alarm_at - timedelta(microseconds=1)
        assert return_status(before, ret, settings) is ReturnStatus.WITHIN_GRACE
    on = VisitState.ONDERWEG
    assert board_status(alarm_at, None, ret, on, settings) is BoardStatus.ALARM
    reminder = _reminders(ret, None, settings, T0)[overdue_key(VISIT_ID)]
    assert reminder.due_at == alarm_at
