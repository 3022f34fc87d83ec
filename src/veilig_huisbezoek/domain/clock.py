"""Time handling: an injectable clock and DST-safe conversion for Europe/Amsterdam.

All instants are stored as aware UTC datetimes. Users type and read local
(Amsterdam) wall-clock times; the conversion refuses wall-clock times that do
not exist (spring-forward gap) and asks to choose when they occur twice
(autumn, the repeated hour).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from veilig_huisbezoek.domain.errors import ValidationError, msg

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock for tests: stands still until advanced or set."""

    def __init__(self, start: datetime) -> None:
        self._now = ensure_utc(start)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now = self._now + delta

    def set(self, dt: datetime) -> None:
        self._now = ensure_utc(dt)


def ensure_utc(dt: datetime) -> datetime:
    """Return ``dt`` converted to UTC; naive datetimes are rejected."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("naive datetime where an aware instant is required")
    return dt.astimezone(UTC)


def to_local(dt_utc: datetime) -> datetime:
    """An aware instant shown as Amsterdam wall-clock time (aware, Amsterdam tz)."""
    return ensure_utc(dt_utc).astimezone(AMSTERDAM)


def _round_trips(naive: datetime, fold: int) -> datetime | None:
    """The UTC instant for ``naive`` with ``fold`` if that wall time really exists."""
    aware = naive.replace(tzinfo=AMSTERDAM, fold=fold)
    utc = aware.astimezone(UTC)
    back = utc.astimezone(AMSTERDAM).replace(tzinfo=None)
    if back != naive.replace(fold=0):
        return None
    return utc


def local_to_utc(
    naive_local: datetime, *, fold: int | None = None, field: str = "Tijd"
) -> datetime:
    """Convert an Amsterdam wall-clock time to an aware UTC instant.

    * A time in the spring-forward gap (e.g. 2026-03-29 02:30) does not exist:
      ``ValidationError``.
    * A time in the repeated autumn hour (e.g. 2026-10-25 02:30) is ambiguous:
      with ``fold=None`` a ``ValidationError`` asks the user to choose; ``fold=0``
      means the first occurrence (zomertijd), ``fold=1`` the second (wintertijd).
    """
    if naive_local.tzinfo is not None:
        raise ValueError("local_to_utc expects a naive local datetime")
    if fold not in (None, 0, 1):
        raise ValueError("fold must be None, 0 or 1")
    naive = naive_local.replace(fold=0)
    first = _round_trips(naive, 0)
    second = _round_trips(naive, 1)
    shown = naive.strftime("%d-%m-%Y %H:%M")
    if first is None and second is None:
        raise ValidationError(
            field,
            msg(
                "{shown} bestaat niet: de klok gaat die nacht een uur vooruit "
                "(zomertijd). Kies een tijd buiten dit uur.",
                shown=shown,
            ),
        )
    if first is not None and second is not None and first != second:
        if fold is None:
            raise ValidationError(
                field,
                msg(
                    "{shown} komt twee keer voor: de klok gaat die nacht een uur terug. "
                    "Kies of u de zomertijd (eerste keer) of de wintertijd (tweede keer) "
                    "bedoelt.",
                    shown=shown,
                ),
            )
        return first if fold == 0 else second
    result = first if first is not None else second
    assert result is not None
    return result


_DUTCH = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})\s+(\d{1,2}):(\d{2})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+|T)(\d{1,2}):(\d{2})", re.ASCII)


def parse_local_datetime(text: str, field: str = "Tijd") -> datetime:
    """Parse a typed local date and time into a naive datetime.

    Accepts ``23-11-2026 14:30``, ``23-11-2026 9:05``, ``2026-11-23 14:30`` and
    ``2026-11-23T14:30``.
    """
    stripped = text.strip()
    day = month = year = hour = minute = 0
    if m := _DUTCH.fullmatch(stripped):
        day, month, year, hour, minute = (int(g) for g in m.groups())
    elif m := _ISO.fullmatch(stripped):
        year, month, day, hour, minute = (int(g) for g in m.groups())
    else:
        raise ValidationError(
            field,
            msg(
                "'{text}' is geen geldige datum en tijd. "
                "Gebruik dd-mm-jjjj uu:mm, bijvoorbeeld 23-11-2026 14:30.",
                text=stripped[:40],
            ),
        )
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        raise ValidationError(
            field,
            msg(
                "'{text}' bestaat niet als datum of tijd (controleer dag, maand, uur en minuten).",
                text=stripped,
            ),
        ) from None
