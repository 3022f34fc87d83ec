"""Presence moved onto this workstation's clock (services/presence.py): the difference
with the store's clock is kept while it moves less than ``SHIFT_TOLERANCE``, so two reads
a few milliseconds apart give the same times (the schedule's ``ReminderMemo`` keeps each
visit's moments then), and a clock that is set moves it at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from veilig_huisbezoek.domain.presence import SessionSeen
from veilig_huisbezoek.services.presence import read_presence

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
SEEN = SessionSeen(3, T0 - timedelta(seconds=5))


class _Store:
    """A team server whose clock runs ``behind`` this workstation's."""

    def __init__(self) -> None:
        self.behind = timedelta(minutes=2)

    def read_presence(
        self, now: datetime, session: object = None
    ) -> tuple[list[SessionSeen], datetime]:
        return [SEEN], now - self.behind


def _ctx(store: _Store, now: datetime) -> SimpleNamespace:
    return SimpleNamespace(store=store, now=lambda: now)


def test_a_few_milliseconds_of_jitter_leave_the_times_as_they_were() -> None:
    store = _Store()
    first = read_presence(_ctx(store, T0)).sessions[0].seen_at  # type: ignore[arg-type]
    assert first == SEEN.seen_at + timedelta(minutes=2)
    store.behind += timedelta(milliseconds=7)  # the next read's transaction began later
    again = read_presence(_ctx(store, T0)).sessions[0].seen_at  # type: ignore[arg-type]
    assert again == first


def test_a_clock_that_is_set_moves_them_at_once() -> None:
    store = _Store()
    read_presence(_ctx(store, T0))  # type: ignore[arg-type]
    store.behind = timedelta(seconds=30)
    moved = read_presence(_ctx(store, T0)).sessions[0].seen_at  # type: ignore[arg-type]
    assert moved == SEEN.seen_at + timedelta(seconds=30)
