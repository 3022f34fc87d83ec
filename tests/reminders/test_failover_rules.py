"""Failover (docs/design.md §4a) and escalation repeats: the pure rules, no Qt, no SQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.reminders import (
    AlarmSnapshot,
    Audience,
    CallbackMoment,
    ReminderKind,
    VisitSnapshot,
    due_reminders,
    escalation_root,
    reminders_for,
    unwatched_key,
    unwatched_period,
    unwatched_team_key,
    unwatched_visit_id,
)
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.domain.visit import VisitState

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
SEC = timedelta(seconds=1)
VISITOR, BUDDY, LEAD, COLLEAGUE = 2, 3, 4, 5


def visit(*, state: VisitState = VisitState.ONDERWEG, buddy: int = BUDDY) -> VisitSnapshot:
    return VisitSnapshot(
        7,
        state,
        T0 + 120 * MIN,
        buddy,
        "Sanne",
        (),
        visitor_id=VISITOR,
        start=T0,
    )


def failovers(
    seen: dict[int, datetime], alarms: tuple[AlarmSnapshot, ...] = (), **kw: object
) -> list[tuple[str, datetime, Audience]]:
    found = due_reminders([kw.get("v", visit())], alarms, Settings(), buddy_seen=seen)  # type: ignore[list-item]
    return [
        (r.key, r.due_at, r.audience) for r in found if r.kind is ReminderKind.BUDDY_UNREACHABLE
    ]


def test_buddy_last_seen_starts_the_period_leads_after_60s_everyone_2min_later() -> None:
    seen_at = T0 + 30 * MIN
    assert failovers({BUDDY: seen_at}) == [
        (unwatched_key(7, seen_at), seen_at + 60 * SEC, Audience.LEIDINGGEVENDEN),
        (unwatched_team_key(7, seen_at), seen_at + 3 * MIN, Audience.TEAM),
    ]


def test_buddy_never_seen_counts_from_the_start_and_seen_before_the_start_too() -> None:
    assert failovers({})[0][:2] == (unwatched_key(7, T0), T0 + 60 * SEC)
    assert failovers({BUDDY: T0 - 60 * MIN})[0][:2] == (unwatched_key(7, T0), T0 + 60 * SEC)


def test_no_presence_read_no_failover_and_none_for_visits_not_out() -> None:
    assert due_reminders([visit()], [], Settings()) != []
    assert not [
        r
        for r in due_reminders([visit()], [], Settings())
        if r.kind is ReminderKind.BUDDY_UNREACHABLE
    ]
    assert failovers({}, v=visit(state=VisitState.TERUG_VEILIG)) == []


def test_acknowledging_either_alarm_of_the_period_ends_both() -> None:
    seen_at = T0 + 30 * MIN
    leads = AlarmSnapshot(1, unwatched_key(7, seen_at), True)
    team = AlarmSnapshot(2, unwatched_team_key(7, seen_at), True)
    assert failovers({BUDDY: seen_at}, (leads,)) == []
    assert failovers({BUDDY: seen_at}, (team,)) == []
    # A new period (the buddy came back and left again) alarms again.
    later = seen_at + 20 * MIN
    assert [k for k, _, _ in failovers({BUDDY: later}, (leads, team))] == [
        unwatched_key(7, later),
        unwatched_team_key(7, later),
    ]


def test_who_gets_which_failover_alarm() -> None:
    found = due_reminders([visit()], [], Settings(), buddy_seen={})

    def kinds(viewer: int, lead: bool) -> list[Audience]:
        return [
            r.audience
            for r in reminders_for(found, viewer_id=viewer, leidinggevende=lead)
            if r.kind is ReminderKind.BUDDY_UNREACHABLE
        ]

    assert kinds(LEAD, True) == [Audience.LEIDINGGEVENDEN]
    assert kinds(COLLEAGUE, False) == [Audience.TEAM]
    assert kinds(VISITOR, False) == []  # never on the visitor's own screen
    assert kinds(VISITOR, True) == []
    assert kinds(BUDDY, False) == []
    # A buddy who is a leidinggevende: their app is running, so they are there (the pass
    # records the period as over); no failover about their own watch.
    assert kinds(BUDDY, True) == []


def test_key_helpers_round_trip() -> None:
    key = unwatched_team_key(42, T0)
    assert unwatched_visit_id(key) == 42
    assert unwatched_period(key) == unwatched_key(42, T0)
    assert unwatched_visit_id("overdue:42") is None
    assert unwatched_visit_id("unwatched:x") is None
    assert escalation_root("escalation:overdue:7:repeat:3") == "escalation:overdue:7"


@given(st.integers(min_value=1, max_value=60), st.integers(min_value=0, max_value=400))
def test_escalation_repeats_every_n_minutes_leads_then_everyone(every: int, after: int) -> None:
    config = Settings(grace_minutes=0, escalation_minutes=10, escalation_repeat_minutes=every)
    callback = CallbackMoment(17, T0 + 10 * MIN)
    snap = VisitSnapshot(7, VisitState.ONDERWEG, T0 + 600 * MIN, BUDDY, "Sanne", (callback,))
    first = T0 + 20 * MIN
    now = first + after * MIN
    found = [
        r
        for r in due_reminders([snap], [], config, now=now)
        if r.key.startswith("escalation:callback:17")
    ]
    repeats = found[1:]
    assert found[0].key == "escalation:callback:17"
    # The latest repeat due by now (if any) and the next one, every `every` minutes.
    last = after // every
    numbers = [n for n in (last, last + 1) if n >= 1]
    assert [r.key for r in repeats] == [f"escalation:callback:17:repeat:{n}" for n in numbers]
    assert [r.due_at for r in repeats] == [first + n * every * MIN for n in numbers]
    assert repeats[-1].due_at > now
    assert all(r.due_at <= now for r in repeats[:-1])
    audiences = [Audience.TEAM if n >= 3 else Audience.LEIDINGGEVENDEN for n in numbers]
    assert [r.audience for r in repeats] == audiences
    # Acknowledging any repeat stops the escalation and all its repeats.
    ack = AlarmSnapshot(9, repeats[-1].key, True)
    assert not [
        r
        for r in due_reminders([snap], [ack], config, now=now)
        if r.key.startswith("escalation:callback:17")
    ]


def test_late_repeat_reaches_colleagues_and_leads_but_not_the_visitor() -> None:
    config = Settings(grace_minutes=0, escalation_minutes=10, escalation_repeat_minutes=5)
    snap = VisitSnapshot(7, VisitState.ONDERWEG, T0, BUDDY, "Sanne", (), visitor_id=VISITOR)
    found = due_reminders([snap], [], config, now=T0 + 22 * MIN)  # repeat 2 due, 3 next
    third = "escalation:overdue:7:repeat:3"
    for viewer, lead in ((COLLEAGUE, False), (LEAD, True)):
        keys = [r.key for r in reminders_for(found, viewer_id=viewer, leidinggevende=lead)]
        assert third in keys
    for viewer in (VISITOR, BUDDY):  # the buddy's own alarm is still open
        keys = [r.key for r in reminders_for(found, viewer_id=viewer, leidinggevende=False)]
        assert third not in keys
    # Repeats 1 and 2 are the leidinggevenden's only.
    keys = [r.key for r in reminders_for(found, viewer_id=COLLEAGUE, leidinggevende=False)]
    assert "escalation:overdue:7:repeat:2" not in keys
