"""Alarms fired while the team server was unreachable, kept until they are recorded.

Part of the reminder scheduler (``reminders/scheduler.py``, whose module docstring
describes the whole): an alarm is never held back because it cannot be recorded. What
falls due while the server is unreachable is shown from the last known schedule as a
*local* alarm (``AlarmInfo.recorded`` False, a negative id, the visitor's name, phone
and address from the last snapshot); an acknowledgement given meanwhile is kept too. Once
the server answers, :meth:`OfflineAlarms.record` records each of them, oldest first.
Kept in memory only: an alarm not recorded when the app closes fires again (late) on the
next login, so an acknowledgement is never taken as given without being recorded.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

from ..domain.errors import NotAllowedError
from ..domain.reminders import Reminder
from ..services import alarms
from ..services.alarms import AlarmInfo, VisitContact
from ..services.context import ServiceContext
from ..storage.errors import StoreError, StoreUnreachableError

log = logging.getLogger(__name__)


@dataclass
class LocalAlarm:
    """An alarm fired while the team server was unreachable, not yet recorded; or a
    recorded one acknowledged while it was unreachable (``reminder`` None)."""

    reminder: Reminder | None
    info: AlarmInfo  # what was shown
    acknowledged_at: datetime | None = None  # acknowledged here meanwhile
    recorded: AlarmInfo | None = None  # raised on the server, acknowledgement pending


@dataclass(frozen=True)
class Recorded:
    """A local alarm that is now on the server (``recorded`` None: the server refused it
    for good; the local row then stays)."""

    key: str
    shown: AlarmInfo
    recorded: AlarmInfo | None


class OfflineAlarms:
    """The local alarms and the acknowledgements given while offline, by reminder key."""

    def __init__(self) -> None:
        self._entries: dict[str, LocalAlarm] = {}
        self._acknowledged_here: set[str] = set()  # keys acknowledged locally, offline
        self._ids = 0

    def __bool__(self) -> bool:
        return bool(self._entries)

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    @property
    def shown(self) -> list[AlarmInfo]:
        """Alarms fired here while the server was unreachable and not yet recorded."""
        return [entry.info for entry in self._entries.values() if entry.reminder is not None]

    def acknowledged_here(self, key: str) -> bool:
        return key in self._acknowledged_here

    def acknowledge(self, alarm: AlarmInfo, at: datetime) -> bool:
        """Acknowledged on this workstation while the server was unreachable: a local
        alarm, or one recorded before the connection dropped. False for a local alarm
        not known here."""
        key = alarm.reminder_key
        entry = self._entries.get(key)
        if entry is None:
            if not alarm.recorded:
                return False
            entry = self._entries[key] = LocalAlarm(None, alarm, recorded=alarm)
        if entry.acknowledged_at is None:
            entry.acknowledged_at = at
            self._acknowledged_here.add(key)
        return True

    def fire(
        self,
        reminder: Reminder,
        now: datetime,
        raised_late: bool,
        contacts: Mapping[int, VisitContact],
    ) -> AlarmInfo:
        """Keep ``reminder`` as a local alarm fired at ``now``; returns what to show."""
        contact = contacts.get(reminder.visit_id) if reminder.visit_id is not None else None
        self._ids += 1
        info = AlarmInfo(
            id=-self._ids,
            reminder_key=reminder.key,
            kind=reminder.kind,
            audience=reminder.audience,
            visit_id=reminder.visit_id,
            callback_id=reminder.callback_id,
            due_at=reminder.due_at,
            raised_at=now,
            raised_late=raised_late,
            acknowledged_at=None,
            acknowledged_by="",
            visitor_first_name=reminder.visitor_first_name,
            visitor_name=contact.visitor_name if contact else reminder.visitor_first_name,
            visitor_phone=contact.visitor_phone if contact else "",
            address=contact.address if contact else None,
            recorded=False,
        )
        self._entries[reminder.key] = LocalAlarm(reminder, info)
        return info

    def keys(self) -> frozenset[str]:
        """The reminder keys of the alarms kept here."""
        return frozenset(self._entries)

    def acknowledged_keys(self) -> frozenset[str]:
        return frozenset(self._acknowledged_here)

    def copies(self) -> list[tuple[str, LocalAlarm]]:
        """The alarms to record, oldest first, as copies: :func:`record_copies` records
        them off the GUI thread, :meth:`settle` takes the outcome back here."""
        return [(key, replace(entry)) for key, entry in self._entries.items()]

    def record(self, ctx: ServiceContext) -> tuple[list[Recorded], bool]:
        """Record the local alarms (and their acknowledgements), oldest first.

        Returns those done (recorded, or refused for good) and whether the server was
        lost again on the way (the rest waits for the next pass)."""
        return self.settle(record_copies(ctx, self.copies()))

    def settle(self, outcome: RecordOutcome) -> tuple[list[Recorded], bool]:
        """Take the outcome of :func:`record_copies` (on the GUI thread): those done
        (recorded, or refused for good) leave, and whether the server was lost again.
        One acknowledged here after its copy was taken stays, recorded: the next pass
        records the acknowledgement."""
        done: list[Recorded] = []
        for key, copy, state in outcome.entries:
            entry = self._entries.get(key)
            if entry is None:  # done by another pass meanwhile
                continue
            if state is _State.PENDING:
                if entry.recorded is None:
                    entry.recorded = copy.recorded
                continue
            if state is _State.REFUSED:
                del self._entries[key]
                done.append(Recorded(key, entry.info, None))
                continue
            recorded = copy.recorded
            assert recorded is not None
            if entry.acknowledged_at is not None and not recorded.acknowledged:
                entry.recorded = recorded  # acknowledged here meanwhile: the next pass
                continue
            del self._entries[key]
            done.append(Recorded(key, entry.info, recorded))
        return done, outcome.lost


class _State(Enum):
    RECORDED = "recorded"
    REFUSED = "refused"  # for good (e.g. the visit is gone): the local row stays
    PENDING = "pending"  # a store error: the next pass tries again


@dataclass(frozen=True)
class RecordOutcome:
    """What :func:`record_copies` did with each copy it got to, and whether the server
    was lost again on the way (the rest was not tried)."""

    entries: list[tuple[str, LocalAlarm, _State]]
    lost: bool


def record_copies(ctx: ServiceContext, copies: list[tuple[str, LocalAlarm]]) -> RecordOutcome:
    """Record copies of local alarms (and their acknowledgements) on the store, oldest
    first; runs off the GUI thread (a round trip each), touching only the copies."""
    entries: list[tuple[str, LocalAlarm, _State]] = []
    for key, entry in copies:
        try:
            if entry.recorded is None:
                assert entry.reminder is not None  # only recorded ones come without
                entry.recorded = alarms.raise_alarm(
                    ctx,
                    entry.reminder,
                    raised_late=entry.info.raised_late,
                    raised_at=entry.info.raised_at,
                )
            if entry.acknowledged_at is not None and not entry.recorded.acknowledged:
                entry.recorded = alarms.acknowledge(
                    ctx, entry.recorded.id, at=entry.acknowledged_at
                )
        except StoreUnreachableError:
            return RecordOutcome(entries, True)  # lost again: the next pass tries again
        except StoreError as exc:
            log.warning("alarm %s not recorded yet (%s)", key, type(exc).__name__)
            entries.append((key, entry, _State.PENDING))
            continue
        except NotAllowedError as exc:
            log.warning("alarm %s not recorded (%s)", key, type(exc).__name__)
            entries.append((key, entry, _State.REFUSED))
            continue
        entries.append((key, entry, _State.RECORDED))
    return RecordOutcome(entries, False)
