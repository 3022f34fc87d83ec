"""Board status, urgency order and countdown text (domain/board.py)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.board import (
    BoardStatus,
    board_status,
    countdown_seconds,
    due_moment,
    format_countdown,
    urgency_key,
)
from veilig_huisbezoek.domain.clock import AMSTERDAM, local_to_utc
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.domain.visit import VisitState

S = BoardStatus
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
ON = VisitState.ONDERWEG
ESC = VisitState.GEESCALEERD


def m(minutes: float) -> timedelta:
    return timedelta(minutes=minutes)


def cfg(grace: int = 15, retry: int = 5) -> Settings:
    """Settings with these grace and retry times (minutes)."""
    return Settings(grace_minutes=grace, retry_minutes=retry)


DEFAULTS = Settings()


# (now - T0, next call-back - T0 or None, expected return - T0, state, expected)
STATUS_TABLE = [
    # nothing due yet
    (m(0), m(10), m(60), ON, S.OP_SCHEMA),
    (m(9) + timedelta(seconds=59), m(10), m(60), ON, S.OP_SCHEMA),
    (m(0), None, m(60), ON, S.OP_SCHEMA),
    # a call-back is due: now, and up to the retry time (5 min) overdue
    (m(10), m(10), m(60), ON, S.NU_BELLEN),
    (m(15), m(10), m(60), ON, S.NU_BELLEN),
    # overdue by more than the retry time
    (m(15) + timedelta(seconds=1), m(10), m(60), ON, S.BEHIND),
    # at the expected return the return call-back is due, not yet late
    (m(60), m(60), m(60), ON, S.NU_BELLEN),
    (m(60), None, m(60), ON, S.OP_SCHEMA),
    # past the expected return, within the grace time (15 min)
    (m(61), None, m(60), ON, S.BEHIND),
    (m(61), m(60), m(60), ON, S.BEHIND),
    (m(74) + timedelta(seconds=59), None, m(60), ON, S.BEHIND),
    # grace time over without return: alarm
    (m(75), None, m(60), ON, S.ALARM),
    (m(75), m(100), m(60), ON, S.ALARM),
    (m(300), m(60), m(60), ON, S.ALARM),
    # geëscaleerd is always alarm
    (m(0), m(10), m(60), ESC, S.ALARM),
    (m(0), None, m(60), ESC, S.ALARM),
    # visits that are not running never alarm
    (m(300), m(10), m(60), VisitState.TERUG_VEILIG, S.OP_SCHEMA),
    (m(300), m(10), m(60), VisitState.GEPLAND, S.OP_SCHEMA),
    (m(300), None, m(60), VisitState.AFGESLOTEN, S.OP_SCHEMA),
]


@pytest.mark.parametrize(("now", "callback", "ret", "state", "expected"), STATUS_TABLE)
def test_status_table(
    now: timedelta,
    callback: timedelta | None,
    ret: timedelta,
    state: VisitState,
    expected: BoardStatus,
) -> None:
    next_callback = T0 + callback if callback is not None else None
    assert board_status(T0 + now, next_callback, T0 + ret, state, cfg(15)) is expected


def test_grace_and_retry_come_from_settings() -> None:
    ret = T0 + m(60)
    assert board_status(T0 + m(61), None, ret, ON, cfg(0)) is S.ALARM
    assert board_status(T0 + m(60), None, ret, ON, cfg(0)) is S.ALARM
    assert board_status(T0 + m(80), None, ret, ON, cfg(30)) is S.BEHIND
    cb = T0 + m(10)
    assert board_status(T0 + m(12), cb, ret, ON, cfg(15, retry=1)) is S.BEHIND
    assert board_status(T0 + m(12), cb, ret, ON, cfg(15, retry=3)) is S.NU_BELLEN


def test_negative_grace_is_refused() -> None:
    with pytest.raises(ValueError):
        board_status(T0, None, T0, ON, cfg(-1))


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        board_status(datetime(2026, 11, 23, 8, 0), None, T0, ON, DEFAULTS)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (245, "over 4:05"),
        (1, "over 0:01"),
        (0, "nu"),
        (-130, "2:10 te laat"),
        (-1, "0:01 te laat"),
        (3600, "over 60:00"),
        (3601, "over 1:00:01"),
        (3900, "over 1:05:00"),
        (-3900, "1:05:00 te laat"),
        (36000, "over 10:00:00"),
        (-86400 - 61, "24:01:01 te laat"),
    ],
)
def test_format_countdown(seconds: int, text: str) -> None:
    assert format_countdown(timedelta(seconds=seconds)) == text


def test_format_countdown_rounds_up_to_whole_seconds() -> None:
    assert format_countdown(timedelta(milliseconds=200)) == "over 0:01"
    assert format_countdown(timedelta(milliseconds=-200)) == "nu"
    assert format_countdown(timedelta(milliseconds=-1200)) == "0:01 te laat"
    assert format_countdown(timedelta(seconds=244, milliseconds=1)) == "over 4:05"


def test_format_countdown_templates_for_translation() -> None:
    kw = {"ahead": "in {}", "now": "now", "past": "{} late"}
    assert format_countdown(m(2), **kw) == "in 2:00"
    assert format_countdown(m(0), **kw) == "now"
    assert format_countdown(m(-2), **kw) == "2:00 late"


def test_urgency_order() -> None:
    rows = [
        # (id, status, next call-back, expected return)
        (1, S.OP_SCHEMA, T0 + m(5), T0 + m(60)),
        (2, S.ALARM, None, T0 - m(30)),
        (3, S.NU_BELLEN, T0 - m(1), T0 + m(60)),
        (4, S.ALARM, None, T0 - m(40)),
        (5, S.BEHIND, None, T0 - m(2)),
        (6, S.OP_SCHEMA, T0 + m(2), T0 + m(60)),
        (7, S.NU_BELLEN, T0 - m(3), T0 + m(60)),
        (8, S.OP_SCHEMA, None, T0 + m(3)),
    ]
    ordered = sorted(rows, key=lambda r: urgency_key(r[1], r[2], r[3], r[0]))
    assert [r[0] for r in ordered] == [4, 2, 5, 7, 3, 6, 8, 1]


def test_due_moment_is_the_earlier_of_call_back_and_return() -> None:
    assert due_moment(None, T0) == T0
    assert due_moment(T0 + m(5), T0) == T0
    assert due_moment(T0 - m(5), T0) == T0 - m(5)


# --- DST days: statuses and countdowns follow real elapsed time -------------------


def test_countdown_across_autumn_repeated_hour() -> None:
    # 25-10-2026: 02:00-03:00 happens twice. 01:50 summer time → 02:10 winter time
    # is 20 minutes of wall clock but 80 real minutes.
    now = local_to_utc(datetime(2026, 10, 25, 1, 50))
    due = local_to_utc(datetime(2026, 10, 25, 2, 10), fold=1)
    assert format_countdown(due - now) == "over 1:20:00"
    ret = due + m(30)
    assert board_status(now + m(79), due, ret, ON, DEFAULTS) is S.OP_SCHEMA
    assert board_status(now + m(80), due, ret, ON, DEFAULTS) is S.NU_BELLEN


def test_countdown_across_spring_gap() -> None:
    # 29-03-2026: 02:00 → 03:00. 01:50 → 03:10 wall clock is only 20 real minutes.
    now = local_to_utc(datetime(2026, 3, 29, 1, 50))
    ret = local_to_utc(datetime(2026, 3, 29, 3, 10))
    assert format_countdown(ret - now) == "over 20:00"
    assert board_status(now + m(21), None, ret, ON, DEFAULTS) is S.BEHIND
    assert board_status(now + m(35), None, ret, ON, DEFAULTS) is S.ALARM


@pytest.mark.parametrize("day", [datetime(2026, 3, 29, 0, 30), datetime(2026, 10, 25, 0, 30)])
def test_amsterdam_aware_times_give_the_same_status_as_utc(day: datetime) -> None:
    # Same ZoneInfo on both sides makes Python subtract wall-clock times; the rules
    # must convert to UTC first.
    start = day.replace(tzinfo=UTC)
    for minutes in range(0, 240, 5):
        now = start + m(minutes)
        ret = start + m(90)
        cb = start + m(60)
        expected = board_status(now, cb, ret, ON, DEFAULTS)
        local = board_status(
            now.astimezone(AMSTERDAM),
            cb.astimezone(AMSTERDAM),
            ret.astimezone(AMSTERDAM),
            ON,
            DEFAULTS,
        )
        assert local is expected


# --- properties ------------------------------------------------------------------

instants = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)
offsets = st.timedeltas(min_value=-timedelta(hours=6), max_value=timedelta(hours=6))
optional_offsets = st.none() | offsets
grace_minutes = st.integers(min_value=0, max_value=240)
retry_minutes = st.integers(min_value=1, max_value=60)
states = st.sampled_from(list(VisitState))


@given(instants, optional_offsets, offsets, states, grace_minutes, retry_minutes, offsets, offsets)
def test_status_never_becomes_less_urgent_as_time_passes(
    now: datetime,
    callback: timedelta | None,
    ret: timedelta,
    state: VisitState,
    grace: int,
    retry: int,
    step1: timedelta,
    step2: timedelta,
) -> None:
    earlier, later = sorted((now + step1, now + step2))
    cb = now + callback if callback is not None else None
    first = board_status(earlier, cb, now + ret, state, cfg(grace, retry))
    second = board_status(later, cb, now + ret, state, cfg(grace, retry))
    assert second.rank <= first.rank


@given(instants, optional_offsets, offsets, grace_minutes, retry_minutes)
def test_status_is_the_same_in_any_time_zone(
    now: datetime, callback: timedelta | None, ret: timedelta, grace: int, retry: int
) -> None:
    cb = now + callback if callback is not None else None
    expected = board_status(now, cb, now + ret, ON, cfg(grace, retry))

    def local(dt: datetime) -> datetime:
        return dt.astimezone(AMSTERDAM)

    got = board_status(
        local(now), local(cb) if cb else None, local(now + ret), ON, cfg(grace, retry)
    )
    assert got is expected


@given(instants, optional_offsets, offsets, grace_minutes)
def test_past_grace_is_always_alarm_and_geescaleerd_too(
    now: datetime, callback: timedelta | None, ret: timedelta, grace: int
) -> None:
    cb = now + callback if callback is not None else None
    assert board_status(now, cb, now + ret, ESC, cfg(grace)) is S.ALARM
    if ret + m(grace) <= timedelta(0):
        assert board_status(now, cb, now + ret, ON, cfg(grace)) is S.ALARM
    else:
        assert board_status(now, cb, now + ret, ON, cfg(grace)) is not S.ALARM


@given(st.timedeltas(min_value=-timedelta(days=2), max_value=timedelta(days=2)))
def test_countdown_text_round_trips(delta: timedelta) -> None:
    text = format_countdown(delta)
    seconds = countdown_seconds(delta)
    if seconds == 0:
        assert text == "nu"
        return
    if seconds > 0:
        assert text.startswith("over ")
        body = text.removeprefix("over ")
    else:
        assert text.endswith(" te laat")
        body = text.removesuffix(" te laat")
    parts = [int(p) for p in body.split(":")]
    assert len(parts) == (3 if abs(seconds) > 3600 else 2)
    assert all(0 <= p < 60 for p in parts[1:])
    total = 0
    for part in parts:
        total = total * 60 + part
    assert total == abs(seconds)
    assert delta <= timedelta(seconds=seconds) < delta + timedelta(seconds=1)


@given(
    st.lists(
        st.tuples(st.sampled_from(list(BoardStatus)), optional_offsets, offsets),
        max_size=30,
    )
)
def test_sorted_board_groups_by_urgency(
    rows: list[tuple[BoardStatus, timedelta | None, timedelta]],
) -> None:
    keyed = [
        urgency_key(status, T0 + cb if cb is not None else None, T0 + ret, i)
        for i, (status, cb, ret) in enumerate(rows)
    ]
    ordered = sorted(keyed)
    ranks = [k.rank for k in ordered]
    assert ranks == sorted(ranks)
    for a, b in itertools.pairwise(ordered):
        if a.rank == b.rank:
            assert a.due <= b.due
