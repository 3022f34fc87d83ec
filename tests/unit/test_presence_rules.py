"""Presence rules (domain/presence.py): present / absent, watched / nobody since."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.presence import (
    ABSENT_AFTER,
    HEARTBEAT_INTERVAL,
    PersonPresence,
    PresenceSnapshot,
    SessionSeen,
    people_presence,
    session_present,
    watch_state,
)
from veilig_huisbezoek.domain.visit import VisitState

NOW = datetime(2026, 11, 23, 13, 30, tzinfo=UTC)  # 14:30 in Amsterdam
AHMED, BRAM = 7, 8

seconds = st.integers(min_value=-3600, max_value=3 * 3600)


def test_absence_is_three_missed_heartbeats() -> None:
    assert ABSENT_AFTER == 3 * HEARTBEAT_INTERVAL
    assert session_present(NOW - ABSENT_AFTER, NOW)
    assert not session_present(NOW - ABSENT_AFTER - timedelta(microseconds=1), NOW)


def test_an_ended_session_is_absent_at_once() -> None:
    assert not session_present(NOW, NOW, ended_at=NOW)


@given(age=seconds)
def test_present_exactly_while_the_last_heartbeat_is_fresh(age: int) -> None:
    seen = NOW - timedelta(seconds=age)
    assert session_present(seen, NOW) is (age <= ABSENT_AFTER.total_seconds())


@given(age=seconds, later=st.integers(min_value=0, max_value=3600))
def test_absence_lasts_until_the_next_heartbeat(age: int, later: int) -> None:
    """Once absent, time passing never makes a session present again."""
    seen = NOW - timedelta(seconds=age)
    if not session_present(seen, NOW):
        assert not session_present(seen, NOW + timedelta(seconds=later))


def test_any_live_session_makes_the_person_present_and_last_seen_is_the_newest() -> None:
    people = people_presence(
        [
            SessionSeen(AHMED, NOW - timedelta(hours=1), ended_at=NOW - timedelta(hours=1)),
            SessionSeen(AHMED, NOW - timedelta(seconds=5)),
            SessionSeen(BRAM, NOW - timedelta(minutes=5)),
        ],
        NOW,
    )
    assert people[AHMED] == PersonPresence(AHMED, True, NOW - timedelta(seconds=5))
    assert people[BRAM] == PersonPresence(BRAM, False, NOW - timedelta(minutes=5))


def test_a_present_buddy_watches_a_running_visit() -> None:
    buddy = PersonPresence(AHMED, True, NOW)
    watch = watch_state(VisitState.ONDERWEG, NOW - timedelta(hours=1), buddy, NOW)
    assert watch is not None and watch.watched
    assert watch.text("Ahmed") == "Ahmed kijkt mee"


def test_nobody_watches_since_the_buddy_was_last_seen() -> None:
    buddy = PersonPresence(AHMED, False, datetime(2026, 11, 23, 13, 2, 40, tzinfo=UTC))
    watch = watch_state(VisitState.GEESCALEERD, NOW - timedelta(hours=1), buddy, NOW)
    assert watch is not None and not watch.watched
    assert watch.text("Ahmed") == "niemand kijkt mee sinds 14:02"


def test_a_buddy_never_seen_or_gone_before_the_start_counts_from_the_start() -> None:
    start = NOW - timedelta(minutes=20)
    for buddy in (None, PersonPresence(AHMED, False, NOW - timedelta(days=1))):
        watch = watch_state(VisitState.ONDERWEG, start, buddy, NOW)
        assert watch is not None and watch.since == start


def test_since_is_never_later_than_now() -> None:
    watch = watch_state(VisitState.ONDERWEG, NOW + timedelta(minutes=30), None, NOW)
    assert watch is not None and watch.since == NOW


def test_a_visit_that_is_not_running_has_no_watcher_line() -> None:
    buddy = PersonPresence(AHMED, True, NOW)
    for state in VisitState:
        if not state.is_active:
            assert watch_state(state, NOW, buddy, NOW) is None


@given(age=seconds, start_ago=st.integers(min_value=0, max_value=8 * 3600))
def test_watched_exactly_while_the_buddy_is_present(age: int, start_ago: int) -> None:
    seen = NOW - timedelta(seconds=age)
    start = NOW - timedelta(seconds=start_ago)
    people = people_presence([SessionSeen(AHMED, seen)], NOW)
    watch = watch_state(VisitState.ONDERWEG, start, people[AHMED], NOW)
    assert watch is not None
    assert watch.watched is session_present(seen, NOW)
    if not watch.watched:
        assert watch.since is not None
        assert start <= watch.since <= NOW or watch.since == NOW
        assert watch.since == min(max(seen, start), NOW)


def test_the_snapshot_claims_nothing_before_the_first_read() -> None:
    assert PresenceSnapshot().watch(VisitState.ONDERWEG, NOW, AHMED, NOW) is None
    snapshot = PresenceSnapshot((SessionSeen(AHMED, NOW),), NOW)
    watch = snapshot.watch(VisitState.ONDERWEG, NOW, AHMED, NOW + timedelta(seconds=10))
    assert watch is not None and watch.watched
    later = snapshot.watch(VisitState.ONDERWEG, NOW, AHMED, NOW + timedelta(minutes=1))
    assert later is not None and not later.watched and later.since == NOW


def test_since_is_shown_in_amsterdam_time_across_dst() -> None:
    summer = datetime(2026, 7, 1, 12, 2, tzinfo=UTC)
    watch = watch_state(VisitState.ONDERWEG, summer, None, summer + timedelta(hours=1))
    assert watch is not None
    assert watch.text("x") == "niemand kijkt mee sinds 14:02"
    assert summer.astimezone(ZoneInfo("Europe/Amsterdam")).hour == 14
