"""Response figures (the kind BS 8484 publishes): how quickly the team responded, per month.

Pure rules over plain data, no Qt, no SQL; ``services.reports`` gathers the moments.

Each *measure* is a list of :class:`Sample` s: one per thing that needed a response
(a call-back that fell due, an alarm that was raised), with the month it belongs to and
how long the response took, or ``None`` when nobody responded (not called, not
acknowledged): those are counted separately, never silently dropped. Per month this
gives the number measured, the median and the 90th percentile of the times, and the
number without a response (:class:`MonthFigures`).

Percentiles use the **nearest-rank** method: the p-th percentile of n sorted values is
the value at rank ⌈p/100 · n⌉ (1-based). The median is the nearest-rank 50th
percentile; for an even number of values that is the lower of the two middle values,
not their average, so both figures are always times that actually occurred (and a
spreadsheet's MEDIAN may differ by that). Times are whole seconds.

The measures are an enum and the report a tuple of them: call-backs (due → called),
alarms (raised → taken charge) and unwatched periods (nobody watched a running visit →
someone did again: its buddy back, a hand-over or a take-over), each with its own
"no response" (not called, not taken charge, still unwatched).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from .clock import to_local


class Measure(StrEnum):
    CALLBACK = "terugbellen"  # call-back due → call recorded
    ALARM = "alarm"  # alarm raised → acknowledged (taken charge)
    UNWATCHED = "onbewaakt"  # nobody watched a running visit → watched again


@dataclass(frozen=True, slots=True)
class Sample:
    month: str  # "2026-03", in local time
    seconds: int | None  # None: no response (not called, not acknowledged)


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: str
    measured: int  # how many got a response (and so a time)
    median: int | None  # seconds; None when nothing was measured
    p90: int | None
    missed: int  # how many got no response

    @property
    def total(self) -> int:
        return self.measured + self.missed


@dataclass(frozen=True, slots=True)
class MeasureFigures:
    measure: Measure
    months: tuple[MonthFigures, ...]  # every month of the period, oldest first


def nearest_rank(values: Sequence[int], percent: float) -> int:
    """The nearest-rank ``percent``-th percentile of ``values`` (0 < percent ≤ 100)."""
    if not values:
        raise ValueError("no values")
    if not 0 < percent <= 100:
        raise ValueError("percent must be in (0, 100]")
    ordered = sorted(values)
    rank = math.ceil(percent / 100 * len(ordered))
    return ordered[max(rank, 1) - 1]


def median(values: Sequence[int]) -> int:
    """The nearest-rank median: the lower middle value for an even number of values."""
    return nearest_rank(values, 50)


def p90(values: Sequence[int]) -> int:
    return nearest_rank(values, 90)


def month_key(moment: datetime) -> str:
    """The local (Europe/Amsterdam) month of an aware instant: ``2026-03``."""
    local = to_local(moment)
    return f"{local.year:04d}-{local.month:02d}"


def response_seconds(start: datetime, end: datetime) -> int:
    """Whole seconds from ``start`` to ``end``; a response before its moment counts as 0."""
    return max(0, math.floor((end - start).total_seconds()))


def figures(measure: Measure, months: Sequence[str], samples: Iterable[Sample]) -> MeasureFigures:
    """Per month of ``months`` (every one, also without samples); samples in other
    months are left out (outside the period)."""
    times: dict[str, list[int]] = {key: [] for key in months}
    missed = dict.fromkeys(months, 0)
    for sample in samples:
        if sample.month not in times:
            continue
        if sample.seconds is None:
            missed[sample.month] += 1
        else:
            times[sample.month].append(sample.seconds)
    return MeasureFigures(
        measure,
        tuple(
            MonthFigures(
                month=key,
                measured=len(times[key]),
                median=median(times[key]) if times[key] else None,
                p90=p90(times[key]) if times[key] else None,
                missed=missed[key],
            )
            for key in months
        ),
    )


def minutes_seconds(seconds: int | None, *, none: str = "—") -> str:
    """``125`` → ``2:05`` (minutes:seconds; an hour is ``60:00``); ``None`` → ``—``."""
    if seconds is None:
        return none
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}"
