"""The buddy board: how urgent each running visit is, and its countdown text.

Pure rules, no Qt, no SQL. All instants are aware datetimes; they are converted to
UTC before any arithmetic, because Python subtracts two datetimes that share one
``ZoneInfo`` object as wall-clock times, which is wrong across a DST change.

Boundaries (docs/design.md §3, §4, §7):

* **alarm**: the visit is *geëscaleerd*, or the return is an overdue alarm
  (:attr:`ReturnStatus.OVERDUE_ALARM`: ``now >= expected_return + grace``, the moment
  the reminder *Te laat terug* falls due).
* **te laat** (:attr:`BoardStatus.BEHIND`): the return is within grace
  (:attr:`ReturnStatus.WITHIN_GRACE`: ``now > expected_return``, the grace time not yet
  run out), or the open call-back is overdue by more than the retry time
  (``now - next_callback > retry``).
* **nu bellen**: an open call-back is due (``now >= next_callback``).
* **op schema**: otherwise, and always for a visit that is not active (nobody is out).

Each condition, once true, stays true as time passes, so a row only ever climbs the
ladder op schema → nu bellen → te laat → alarm until the store changes.

The grace and retry times come from the organisation :class:`Settings`; the return rule
is :func:`~.overdue.return_status`, the same one the reminder rules use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from veilig_huisbezoek.domain.clock import ensure_utc
from veilig_huisbezoek.domain.overdue import (
    ReturnStatus,
    callback_missed,
    grace_time,
    retry_time,
    return_status,
)
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.domain.visit import VisitState

_ONE_SECOND = timedelta(seconds=1)
_ONE_HOUR_SECONDS = 3600


class BoardStatus(Enum):
    """Plain Enum: the value is the Dutch wording, ``rank`` orders by urgency.

    ``BEHIND`` is the board's *te laat*: back within the grace time, or a call-back
    missed by more than the retry time; ``ALARM`` includes the overdue alarm.
    """

    OP_SCHEMA = "op schema"
    NU_BELLEN = "nu bellen"
    BEHIND = "te laat"
    ALARM = "alarm"

    @property
    def rank(self) -> int:
        """0 = most urgent (alarm) … 3 = least urgent (op schema)."""
        return _RANK[self]


_RANK = {
    BoardStatus.ALARM: 0,
    BoardStatus.BEHIND: 1,
    BoardStatus.NU_BELLEN: 2,
    BoardStatus.OP_SCHEMA: 3,
}


def board_status(
    now: datetime,
    next_callback: datetime | None,
    expected_return: datetime,
    state: VisitState,
    settings: Settings,
) -> BoardStatus:
    """The board status of one visit at ``now`` (see the module docstring)."""
    # A negative time is an error, also for a visit that is not active.
    grace_time(settings)
    retry_time(settings)
    if not state.is_active:
        return BoardStatus.OP_SCHEMA
    returning = return_status(now, expected_return, settings)
    missed = callback_missed(now, next_callback, settings)
    if state is VisitState.GEESCALEERD or returning is ReturnStatus.OVERDUE_ALARM:
        return BoardStatus.ALARM
    if returning is ReturnStatus.WITHIN_GRACE or missed:
        return BoardStatus.BEHIND
    if next_callback is not None and ensure_utc(now) >= ensure_utc(next_callback):
        return BoardStatus.NU_BELLEN
    return BoardStatus.OP_SCHEMA


def due_moment(next_callback: datetime | None, expected_return: datetime) -> datetime:
    """The first moment something must happen: the next call-back or the return."""
    return_utc = ensure_utc(expected_return)
    if next_callback is None:
        return return_utc
    return min(ensure_utc(next_callback), return_utc)


@dataclass(frozen=True, order=True)
class UrgencyKey:
    """Sorts alarm first, then te laat (behind), nu bellen, op schema; earliest due first."""

    rank: int
    due: datetime
    tie_breaker: int = 0


def urgency_key(
    status: BoardStatus,
    next_callback: datetime | None,
    expected_return: datetime,
    tie_breaker: int = 0,
) -> UrgencyKey:
    """Sort key for board rows; pass the visit id as ``tie_breaker`` for a stable order."""
    return UrgencyKey(status.rank, due_moment(next_callback, expected_return), tie_breaker)


def countdown_seconds(delta: timedelta) -> int:
    """Whole seconds, rounded up: 0.2 s to go is still "over 0:01"; -0.2 s is "nu"."""
    return -((-delta) // _ONE_SECOND)


def format_duration(seconds: int) -> str:
    """``245`` → ``4:05``; more than an hour → ``1:05:00``. Sign is ignored."""
    seconds = abs(seconds)
    if seconds > _ONE_HOUR_SECONDS:
        hours, rest = divmod(seconds, _ONE_HOUR_SECONDS)
        minutes, secs = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{secs:02d}"
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


def format_countdown(
    delta: timedelta,
    *,
    ahead: str = "over {}",
    now: str = "nu",
    past: str = "{} te laat",
) -> str:
    """``delta`` = due moment minus now: ``over 4:05``, ``nu``, ``2:10 te laat``.

    The past template is for a call-back moment that has passed (not the overdue alarm
    nor an alarm raised late, see domain/overdue.py).

    More than 60 minutes shows hours: ``over 1:05:00``. The templates let the GUI pass
    translated wording; ``{}`` is replaced by the duration.
    """
    seconds = countdown_seconds(delta)
    if seconds == 0:
        return now
    text = format_duration(seconds)
    return ahead.format(text) if seconds > 0 else past.format(text)
