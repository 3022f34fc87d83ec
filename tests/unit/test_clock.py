from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.clock import (
    AMSTERDAM,
    FakeClock,
    SystemClock,
    local_to_utc,
    parse_local_datetime,
    to_local,
)
from veilig_huisbezoek.domain.errors import ValidationError


def test_system_clock_is_aware_utc() -> None:
    now = SystemClock().now()
    assert now.tzinfo is not None
    assert now.utcoffset() == timedelta(0)


def test_fake_clock_advance_and_set() -> None:
    start = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    clock = FakeClock(start)
    assert clock.now() == start
    clock.advance(timedelta(minutes=5))
    assert clock.now() == start + timedelta(minutes=5)
    clock.set(datetime(2026, 6, 1, 14, 0, tzinfo=AMSTERDAM))
    assert clock.now() == datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    assert clock.now().tzinfo is UTC


def test_fake_clock_rejects_naive() -> None:
    with pytest.raises(ValueError):
        FakeClock(datetime(2026, 1, 1))


@pytest.mark.parametrize(
    ("local", "expected_utc"),
    [
        (datetime(2026, 1, 15, 12, 0), datetime(2026, 1, 15, 11, 0, tzinfo=UTC)),
        (datetime(2026, 7, 15, 12, 0), datetime(2026, 7, 15, 10, 0, tzinfo=UTC)),
        (datetime(2026, 3, 29, 1, 59), datetime(2026, 3, 29, 0, 59, tzinfo=UTC)),
        (datetime(2026, 3, 29, 3, 0), datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),
        (datetime(2026, 10, 25, 3, 0), datetime(2026, 10, 25, 2, 0, tzinfo=UTC)),
    ],
)
def test_local_to_utc_plain(local: datetime, expected_utc: datetime) -> None:
    result = local_to_utc(local)
    assert result == expected_utc
    assert result.utcoffset() == timedelta(0)


def test_local_to_utc_spring_gap_rejected() -> None:
    with pytest.raises(ValidationError) as info:
        local_to_utc(datetime(2026, 3, 29, 2, 30), field="Begin")
    assert info.value.field == "Begin"
    assert "bestaat niet" in info.value.message
    for fold in (0, 1):
        with pytest.raises(ValidationError):
            local_to_utc(datetime(2026, 3, 29, 2, 30), fold=fold)


def test_local_to_utc_autumn_ambiguous() -> None:
    local = datetime(2026, 10, 25, 2, 30)
    with pytest.raises(ValidationError) as info:
        local_to_utc(local)
    assert "zomertijd" in info.value.message
    assert "wintertijd" in info.value.message
    assert local_to_utc(local, fold=0) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert local_to_utc(local, fold=1) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_fold_ignored_when_unambiguous() -> None:
    local = datetime(2026, 5, 1, 9, 0)
    assert local_to_utc(local, fold=1) == local_to_utc(local, fold=0) == local_to_utc(local)


def test_local_to_utc_rejects_aware() -> None:
    with pytest.raises(ValueError):
        local_to_utc(datetime(2026, 5, 1, 9, 0, tzinfo=UTC))


def test_to_local() -> None:
    local = to_local(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    assert local.replace(tzinfo=None) == datetime(2026, 10, 25, 2, 30)
    assert local.utcoffset() == timedelta(hours=1)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)))
def test_utc_round_trip(naive_utc: datetime) -> None:
    instant = naive_utc.replace(tzinfo=UTC)
    local = to_local(instant)
    back = local_to_utc(local.replace(tzinfo=None, fold=0), fold=local.fold)
    assert back == instant


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23-11-2026 14:30", datetime(2026, 11, 23, 14, 30)),
        ("23-11-2026 9:05", datetime(2026, 11, 23, 9, 5)),
        ("3-1-2026 09:05", datetime(2026, 1, 3, 9, 5)),
        ("2026-11-23 14:30", datetime(2026, 11, 23, 14, 30)),
        ("2026-11-23T14:30", datetime(2026, 11, 23, 14, 30)),
        ("  2026-11-23   14:30 ", datetime(2026, 11, 23, 14, 30)),
    ],
)
def test_parse_local_datetime_ok(text: str, expected: datetime) -> None:
    result = parse_local_datetime(text, "Begin")
    assert result == expected
    assert result.tzinfo is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "morgen",
        "31-02-2026 10:00",
        "23-11-2026 24:00",
        "23-11-2026 14:60",
        "23/11/2026 14:30",
        "2026-13-01 10:00",
        "23-11-26 14:30",
        "23-11-2026",
        "١٢-١١-٢٠٢٦ 14:30",
    ],
)
def test_parse_local_datetime_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_local_datetime(text, "Begin")
    assert info.value.field == "Begin"


@given(st.text(max_size=40))
def test_parse_local_datetime_only_validation_errors(text: str) -> None:
    try:
        result = parse_local_datetime(text, "Tijd")
    except ValidationError as exc:
        assert exc.field == "Tijd"
    else:
        assert result.tzinfo is None


@given(st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9999, 12, 31)))
def test_parse_local_datetime_round_trip(dt: datetime) -> None:
    dt = dt.replace(second=0, microsecond=0)
    assert parse_local_datetime(dt.strftime("%d-%m-%Y %H:%M"), "T") == dt
    assert parse_local_datetime(dt.strftime("%Y-%m-%dT%H:%M"), "T") == dt
