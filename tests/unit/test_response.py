"""Response figures: nearest-rank percentiles per local month, without-response counted."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.response import (
    Measure,
    MonthFigures,
    Sample,
    figures,
    median,
    minutes_seconds,
    month_key,
    nearest_rank,
    p90,
    response_seconds,
)

times = st.lists(st.integers(min_value=0, max_value=10 * 3600), min_size=1, max_size=60)


def test_nearest_rank_by_hand() -> None:
    # Ten values: the median is rank ⌈0.5·10⌉ = 5, the 90th percentile rank ⌈0.9·10⌉ = 9.
    values = [70, 10, 100, 40, 30, 90, 20, 60, 50, 80]
    assert median(values) == 50  # the lower middle value, not (50 + 60) / 2
    assert p90(values) == 90
    assert nearest_rank(values, 100) == 100
    assert nearest_rank(values, 1) == 10
    # Five values: median rank 3, 90th percentile rank ⌈4.5⌉ = 5.
    assert median([300, 0, 120, 45, 600]) == 120
    assert p90([300, 0, 120, 45, 600]) == 600
    assert median([7]) == p90([7]) == 7
    assert median([20, 10]) == 10 and p90([20, 10]) == 20


def test_nearest_rank_refuses_nothing_and_odd_percentages() -> None:
    with pytest.raises(ValueError):
        median([])
    with pytest.raises(ValueError):
        nearest_rank([1], 0)
    with pytest.raises(ValueError):
        nearest_rank([1], 101)


@given(times)
def test_median_and_p90_lie_between_min_and_max_and_are_values(values: list[int]) -> None:
    for figure in (median(values), p90(values)):
        assert min(values) <= figure <= max(values)
        assert figure in values
    assert median(values) <= p90(values)


@given(times, st.floats(min_value=0.5, max_value=100), st.floats(min_value=0.5, max_value=100))
def test_percentile_is_monotone_in_the_percentage(values: list[int], a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert nearest_rank(values, low) <= nearest_rank(values, high)


@given(times, st.integers(min_value=0, max_value=3600))
def test_later_responses_never_lower_a_percentile(values: list[int], extra: int) -> None:
    slower = [v + extra for v in values]
    assert median(slower) == median(values) + extra
    assert p90(slower) >= p90(values)


@given(times, st.randoms())
def test_order_does_not_matter(values: list[int], rnd: random.Random) -> None:
    shuffled = list(values)
    rnd.shuffle(shuffled)
    assert (median(shuffled), p90(shuffled)) == (median(values), p90(values))


def test_months_are_local_amsterdam_months() -> None:
    # 31 March 23:30 UTC is 1 April 01:30 in Amsterdam (summer time).
    assert month_key(datetime(2026, 3, 31, 23, 30, tzinfo=UTC)) == "2026-04"
    # 31 October 23:30 UTC is 1 November 00:30 in Amsterdam (winter time).
    assert month_key(datetime(2026, 10, 31, 23, 30, tzinfo=UTC)) == "2026-11"
    assert month_key(datetime(2026, 10, 31, 22, 59, tzinfo=UTC)) == "2026-10"


def test_response_seconds_whole_and_early_is_zero() -> None:
    due = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    assert response_seconds(due, due + timedelta(minutes=2, seconds=5, milliseconds=900)) == 125
    assert response_seconds(due, due - timedelta(minutes=3)) == 0  # called early: on time


def test_figures_per_month_every_month_and_without_response_apart() -> None:
    months = ["2026-09", "2026-10", "2026-11"]
    samples = [
        Sample("2026-09", 60),
        Sample("2026-09", 240),
        Sample("2026-09", 30),
        Sample("2026-09", None),
        Sample("2026-11", None),
        Sample("2026-08", 999),  # before the period
    ]
    result = figures(Measure.CALLBACK, months, samples)
    assert result.measure is Measure.CALLBACK
    assert result.months == (
        MonthFigures("2026-09", measured=3, median=60, p90=240, missed=1),
        MonthFigures("2026-10", measured=0, median=None, p90=None, missed=0),
        MonthFigures("2026-11", measured=0, median=None, p90=None, missed=1),
    )
    assert result.months[0].total == 4


def test_minutes_seconds() -> None:
    assert minutes_seconds(0) == "0:00"
    assert minutes_seconds(125) == "2:05"
    assert minutes_seconds(3600) == "60:00"
    assert minutes_seconds(None) == "—"
