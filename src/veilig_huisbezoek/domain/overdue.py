"""When a visitor who is not back counts as late: the one rule (docs/design.md §4).

Pure rules, no Qt, no SQL. The buddy board (:mod:`.board`) and the reminder rules
(:mod:`.reminders`) both ask :func:`return_status` / :func:`overdue_alarm_at`, with the
organisation :class:`~.settings.Settings`, so the board's *alarm* and the reminder
*Te laat terug* cannot disagree.

"Te laat" means three different things in this application; in code they have three
names:

* **within grace** (:attr:`ReturnStatus.WITHIN_GRACE`): past the expected return, but the
  grace time (``grace_minutes``) has not run out. The board shows *te laat*; no alarm yet.
* **overdue alarm** (:attr:`ReturnStatus.OVERDUE_ALARM`, the reminder kind
  ``ReminderKind.OVERDUE_ALARM``): the grace time has run out and the visitor is not
  back; the buddy is alarmed (*Te laat terug*) and the board shows *alarm*.
* **raised late** (``domain.reminders.raised_late``, ``AlarmInfo.raised_late``): any
  alarm that went off after its due moment, e.g. because the app was closed; the alarm
  panel says *TE LAAT (oorspronkelijk …)*.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import Enum

from veilig_huisbezoek.domain.clock import ensure_utc
from veilig_huisbezoek.domain.settings import Settings


class ReturnStatus(Enum):
    """How far a visit that is still out is past its expected return."""

    ON_TIME = "op tijd"
    WITHIN_GRACE = "binnen uitlooptijd"
    OVERDUE_ALARM = "alarm"


def grace_time(settings: Settings) -> timedelta:
    """The grace time after the expected return (``grace_minutes``)."""
    if settings.grace_minutes < 0:
        raise ValueError("grace_minutes must not be negative")
    return timedelta(minutes=settings.grace_minutes)


def retry_time(settings: Settings) -> timedelta:
    """The time after which a missed call is tried again (``retry_minutes``)."""
    if settings.retry_minutes < 0:
        raise ValueError("retry_minutes must not be negative")
    return timedelta(minutes=settings.retry_minutes)


def escalation_time(settings: Settings) -> timedelta:
    """How long an unacknowledged call-back or overdue alarm waits before it escalates."""
    if settings.escalation_minutes < 0:
        raise ValueError("escalation_minutes must not be negative")
    return timedelta(minutes=settings.escalation_minutes)


def overdue_alarm_at(expected_return: datetime, settings: Settings) -> datetime:
    """The instant (aware UTC) the overdue alarm is due: expected return + grace time."""
    return ensure_utc(expected_return) + grace_time(settings)


def overdue_escalation_at(expected_return: datetime, settings: Settings) -> datetime:
    """The instant an unacknowledged overdue alarm escalates to the leidinggevenden."""
    return overdue_alarm_at(expected_return, settings) + escalation_time(settings)


def return_status(now: datetime, expected_return: datetime, settings: Settings) -> ReturnStatus:
    """The one rule: on time until the expected return (inclusive), within grace after it,
    an overdue alarm from ``expected_return + grace`` on (the moment the grace time has
    run out, the alarm is on). With a grace time of 0 there is no *within grace*."""
    now_utc = ensure_utc(now)
    if now_utc >= overdue_alarm_at(expected_return, settings):
        return ReturnStatus.OVERDUE_ALARM
    if now_utc > ensure_utc(expected_return):
        return ReturnStatus.WITHIN_GRACE
    return ReturnStatus.ON_TIME


def callback_missed(now: datetime, next_callback: datetime | None, settings: Settings) -> bool:
    """The open call-back is overdue by more than the retry time (board *te laat*)."""
    if next_callback is None:
        return False
    return ensure_utc(now) - ensure_utc(next_callback) > retry_time(settings)
