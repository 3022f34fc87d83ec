"""The reminder scheduler: timers derived from the database, never the other way round.

``ReminderScheduler`` keeps the person's pending reminders (from
``services.alarms.snapshot`` + ``domain.reminders.due_reminders``) and fires each one
once: it records the alarm (``services.alarms.raise_alarm``) and emits
``reminder_due(AlarmInfo)`` on the GUI thread.

How it wakes up:

* **APScheduler** (3.x ``QtScheduler``, in-memory job store) holds one date job at the
  next due moment, on the real clock only. The job runs synchronously in the Qt event
  loop (``DebugExecutor``: no worker thread) and only emits a queued signal; all database
  work happens afterwards in the slot, on the GUI thread.
* A short **tick** (``QTimer``, default 5 s) is the safety net: it fires whatever is due
  (``check_due``) even if APScheduler missed it, and it detects wall-clock jumps
  (suspend/resume, the clock set by hand) by comparing ``time.monotonic()`` with the
  clock's wall time; after a jump it rebuilds, which raises the missed reminders at once,
  oldest first, marked late. DST needs nothing: every moment is UTC.

**Team server unreachable** (the store raises ``StoreUnreachableError``): an alarm is
never held back because it cannot be recorded. What falls due is fired from the last
known schedule as a *local* alarm (``AlarmInfo.recorded`` False, a negative id, the
visitor's name, phone and address from the last snapshot) through the same
``reminder_due``: panel row, sound, desktop notification. Each pass (tick) tries again;
once the server answers, each local alarm is recorded (``raise_alarm`` with its
original due time, the moment it went off and its *te laat* mark) and
``local_alarm_recorded(local, recorded)`` is emitted, so that the GUI swaps the row
without sounding again. An acknowledgement given meanwhile (``acknowledge_local``) is
recorded right after it, with who and the original moment; its escalation does not
fire here. The same holds for an alarm that *was* recorded before the connection
dropped and is acknowledged while it is gone. These are kept in memory: if the app is
closed while still offline, the alarm fires again (late) on the next login and is
acknowledged again, so an acknowledgement is never taken as given without being
recorded. The embedded store
never raises ``StoreUnreachableError``: there every alarm is recorded at once as before.

With an injected ``FakeClock`` APScheduler is off and tests drive time with
``check_due(now)`` / ``tick()``.

With a task runner (the app gives the scheduler one of its own, so that no page's long
job can hold up an alarm) the scheduler never opens a store session on the GUI thread:
``request_rebuild``, the tick and the precise wake-up (when something is due, and after
a clock jump) read the snapshot, record the local alarms and raise what is due on the
runner's worker; the GUI thread only shows what came back and re-arms. When the server
is known to be unreachable, or a pass has not come back within ``PASS_PATIENCE_S``, what
is due fires at once from the last known schedule as a local alarm (no store work).
``rebuild()`` and ``check_due()`` called directly stay synchronous, for tests and
callers without a runner. The local alarms of an unreachable server are kept by
``reminders/offline.py``.

Call ``start()`` (in the app ``start(background=True)``) after login (it catches up
on what fell due while the app was closed),
``request_rebuild()`` (off the GUI thread when given the app's ``TaskRunner``) or
``rebuild()`` whenever the visits or alarms change, ``rebuild()`` after unlocking, and
``shutdown()`` before the store closes (``aboutToQuit``, logout, test teardown).

**Failover** (docs/design.md §4a): every snapshot reads presence, so the moment a visit would
have been unwatched for 60 s is always in the schedule; a newer heartbeat moves it (the
re-read before firing finds the new one). While the team server is unreachable no
failover fires from the last known schedule (presence cannot be read then). When this
person is the buddy of a visit with an open failover alarm (back, or taken over), each
pass records that alarm as done (``alarms.resolve_failovers``).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from apscheduler.executors.debug import DebugExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..domain.clock import Clock, SystemClock
from ..domain.errors import NotAllowedError
from ..domain.folded_reads import FoldedReads, VisitsTouched, touched
from ..domain.reminders import Deadline, Reminder, ReminderKind, ReminderMemo, raised_late
from ..services import alarms
from ..services.alarms import RAISED_LATE_TOLERANCE, AlarmInfo, VisitContact
from ..services.context import ServiceContext
from ..storage.errors import StoreError, StoreUnreachableError
from .offline import LocalAlarm, OfflineAlarms, Recorded, RecordOutcome, record_copies

log = logging.getLogger(__name__)

WAKE_JOB_ID = "vh-next-reminder"
DEFAULT_TICK_MS = 5_000
DEFAULT_JUMP_THRESHOLD = timedelta(seconds=3)
# A pass on the worker not back after this long (a server lost but not known lost yet,
# a stuck lock): what is due fires from the last known schedule instead of waiting.
PASS_PATIENCE_S = 8.0
# A pass re-reads at most this many visits by id (more: everything, which is then cheaper).
VISITS_AT_ONCE = 200
_MAX_TIMER_MS = 2_147_483_647


class Runner(Protocol):
    """Runs a job off the GUI thread, then a callback on it: the app's
    ``gui.tasks.TaskRunner``, named by its shape so that reminders need not import gui."""

    def run(
        self,
        job: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None: ...


# A snapshot as the scheduler keeps it: the reminders and the visitors' contact details.
_Loaded = tuple[list[Reminder], Mapping[int, VisitContact]]


@dataclass(frozen=True)
class _Pass:
    """A pass done on the task runner's worker (``request_rebuild``): the snapshot
    (None: not read; ``unreachable`` says why), the moment it fired for, the local alarms
    it recorded and the due reminders it raised (an alarm, or None: the server was
    unreachable, so the GUI thread fires it as a local alarm)."""

    loaded: _Loaded | None
    moment: datetime
    unreachable: bool = False
    recorded: RecordOutcome = field(default_factory=lambda: RecordOutcome([], False))
    raised: list[tuple[Reminder, bool, AlarmInfo | None]] = field(default_factory=list)
    snapshot: alarms.ReminderSnapshot | None = None


def _worker_pass(
    ctx: ServiceContext,
    clock: Clock,
    deadlines: Callable[[ServiceContext], Sequence[Deadline]] | None,
    contacts: bool,
    local: list[tuple[str, LocalAlarm]],
    skip: frozenset[str],
    acknowledged_here: frozenset[str],
    base: alarms.ReminderSnapshot | None = None,
    only: frozenset[int] | None = None,
    memo: ReminderMemo | None = None,
) -> _Pass:
    """One pass on the worker, store work only: read the schedule, record the local
    alarms (``local``, copies), then raise what is due now, oldest first, except the
    reminders in ``skip`` (fired or kept locally) and escalations of alarms in
    ``acknowledged_here``. The GUI thread takes the outcome (``_loaded``)."""
    # The moment is taken before presence is read, as in ``_run``: a clock set forward
    # during the read must not age a heartbeat the read found fresh (a false failover).
    moment = clock.now()
    try:
        found = deadlines(ctx) if deadlines is not None else ()
        snap = alarms.snapshot(ctx, deadlines=found, contacts=contacts, base=base, visit_ids=only)
    except StoreUnreachableError:
        return _Pass(None, clock.now(), unreachable=True)
    except StoreError as exc:
        log.warning("reminder schedule not refreshed (%s)", type(exc).__name__)
        return _Pass(None, clock.now())
    _resolve_failovers(ctx, snap)
    reminders = snap.reminders(memo)
    recorded = record_copies(ctx, local)
    unreachable = recorded.lost
    raised: list[tuple[Reminder, bool, AlarmInfo | None]] = []
    for reminder in reminders:  # oldest first
        if reminder.due_at > moment:
            break
        if reminder.key in skip:
            continue
        if reminder.escalates is not None and reminder.escalates in acknowledged_here:
            continue  # acknowledged here while offline: recorded when back
        if unreachable and reminder.kind is ReminderKind.BUDDY_UNREACHABLE:
            continue  # presence cannot be read: no failover (see _fire_due)
        was_late = raised_late(reminder.due_at, moment, RAISED_LATE_TOLERANCE)
        info: AlarmInfo | None = None
        if not unreachable:
            try:
                info = alarms.raise_alarm(ctx, reminder, raised_late=was_late)
            except StoreUnreachableError:
                unreachable = True
            except (StoreError, NotAllowedError) as exc:
                # Not fired: the next pass (seconds away) tries again.
                log.warning("alarm %s not recorded (%s)", reminder.key, type(exc).__name__)
                continue
        raised.append((reminder, was_late, info))
    return _Pass(
        (reminders, snap.contacts), moment, recorded=recorded, raised=raised, snapshot=snap
    )


class _WallClockWatch:
    """Finds wall-clock jumps (suspend/resume, the clock set by hand): how far the clock
    moved between two looks, against ``monotonic``, which a jump does not move."""

    def __init__(self, clock: Clock, monotonic: Callable[[], float], threshold: timedelta) -> None:
        self.monotonic = monotonic
        self._clock = clock
        self._threshold = threshold
        self.reset()

    def reset(self) -> None:
        self._last_wall = self._clock.now()
        self._last_mono = self.monotonic()

    def jump(self, now: datetime) -> float | None:
        """The jump since the last look in seconds (None: within the threshold)."""
        mono = self.monotonic()
        drift = now - (self._last_wall + timedelta(seconds=mono - self._last_mono))
        self._last_wall, self._last_mono = now, mono
        return drift.total_seconds() if abs(drift) > self._threshold else None


class _PreciseQtScheduler(QtScheduler):  # type: ignore[misc]
    """APScheduler's QtScheduler with one precise timer that it owns.

    The stock QtScheduler keeps the return value of ``QTimer.singleShot``, which is None
    in PySide6, so it can never stop a pending wake-up (one fires even after shutdown);
    and Qt's default coarse timers may be 5 % late. Here one ``PreciseTimer``, a child of
    the owner on the GUI thread, is restarted and stopped.
    """

    def __init__(self, owner: QObject) -> None:
        self._qtimer = QTimer(owner)
        self._qtimer.setSingleShot(True)
        self._qtimer.setTimerType(Qt.TimerType.PreciseTimer)
        self._qtimer.timeout.connect(self._process_jobs)
        super().__init__(
            timezone=UTC,
            jobstores={"default": MemoryJobStore()},
            executors={"default": DebugExecutor()},
            job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1},
        )

    def stop(self) -> None:
        """Shut down without waiting, and no wake-up after that."""
        if self.running:
            self.shutdown(wait=False)
        self._stop_timer()

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._qtimer.stop()
        if wait_seconds is not None:
            # Round up: waking a millisecond early only finds nothing due and re-arms.
            self._qtimer.start(min(max(0, math.ceil(wait_seconds * 1000)), _MAX_TIMER_MS))

    def _stop_timer(self) -> None:
        self._qtimer.stop()

    @property
    def timer_active(self) -> bool:
        return self._qtimer.isActive()

    def wake_at(self, when: datetime | None, job: Callable[[], None]) -> None:
        """One date job, ``job`` at ``when`` (None: no job); nothing once shut down."""
        if not self.running:
            return
        if when is not None:
            self.add_job(job, trigger="date", run_date=when, id=WAKE_JOB_ID, replace_existing=True)
        elif self.get_job(WAKE_JOB_ID) is not None:
            self.remove_job(WAKE_JOB_ID)

    @property
    def wakes_at(self) -> datetime | None:
        job = self.get_job(WAKE_JOB_ID) if self.running else None
        return None if job is None else job.next_run_time


def due_visits(pending: Sequence[Reminder], moment: datetime, local: bool) -> frozenset[int] | None:
    """The visits to re-read before firing what is due at ``moment`` (an alarm
    acknowledged or a call recorded meanwhile is theirs); None: everything (local alarms
    to record, or a reminder of no visit); empty: nothing is due."""
    due = {r.visit_id for r in pending if r.due_at <= moment}
    if local or None in due:
        return None
    return frozenset(v for v in due if v is not None)


def _resolve_failovers(ctx: ServiceContext, snap: alarms.ReminderSnapshot) -> None:
    """This session is present: a failover alarm ("Buddy niet bereikbaar") of a visit
    this person is the buddy of is over (back, or taken over elsewhere); record it so it
    disappears everywhere. A store error leaves it for the next pass."""
    ids = snap.failovers_to_resolve()
    if not ids:
        return
    try:
        alarms.resolve_failovers(ctx, ids, alarms.REASON_WATCHED_AGAIN)
    except StoreError as exc:
        log.warning("failover alarms not resolved yet (%s)", type(exc).__name__)


class _Passes:
    """The passes on the worker: one at a time (``loading`` since ``since``); requests
    meanwhile are folded into one more (``again``), of the visits they name or of
    everything. The last snapshot and each visit's moments are kept for a pass that
    reads some visits only."""

    def __init__(self) -> None:
        self.loading = False
        self.since = 0.0
        self.again = FoldedReads()
        self.snapshot: alarms.ReminderSnapshot | None = None
        self.memo = ReminderMemo()  # used by one pass at a time, on the worker

    def folded(self, asked: VisitsTouched | None) -> bool:
        """While a pass runs, a request is folded into the next (True)."""
        if self.loading:
            self.again.fold(asked)
        return self.loading

    def to_read(self, asked: VisitsTouched | None) -> frozenset[int] | None:
        """The visits a pass asked for now reads (None: everything): those the change
        may have made anyone's business, and the others only if this schedule holds
        them. Decided when the pass starts, against the snapshot it merges into."""
        if asked is None or self.snapshot is None:
            return None
        return asked.to_read(self.snapshot.held_visit_ids())

    def begin(self, only: frozenset[int] | None, now: float) -> alarms.ReminderSnapshot | None:
        """A pass starts (``now``: monotonic); the snapshot it starts from (None: it
        reads everything)."""
        self.loading, self.since, self.again.asked = True, now, False
        return self.snapshot if only is not None and len(only) <= VISITS_AT_ONCE else None


class ReminderScheduler(QObject):
    """Fires the logged-in person's reminders; see the module docstring."""

    # An alarm fired (AlarmInfo): new, or still open from before this session started.
    reminder_due = Signal(object)
    # A local alarm (AlarmInfo, recorded False) is now on the server: (local, recorded).
    # ``recorded`` is None if the server refused it (the local row then stays).
    local_alarm_recorded = Signal(object, object)
    # The schedule was rebuilt from the database (number of reminders still ahead).
    rebuilt = Signal(int)
    # The wall clock jumped by this many seconds (suspend/resume, set by hand).
    clock_jumped = Signal(float)
    # Emitted by the APScheduler job; delivered queued, so the work runs afterwards.
    _wake = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        parent: QObject | None = None,
        *,
        clock: Clock | None = None,
        tick_ms: int = DEFAULT_TICK_MS,
        jump_threshold: timedelta = DEFAULT_JUMP_THRESHOLD,
        monotonic: Callable[[], float] = time.monotonic,
        precise_wakeup: bool | None = None,
        deadlines: Callable[[ServiceContext], Sequence[Deadline]] | None = None,
        tasks: Runner | None = None,
        keep_contacts: bool | None = None,
    ) -> None:
        """``deadlines``: optional source of dated deadlines (aangifte, aftercare …),
        called on every reload; ``tasks``: the app's task runner, for
        ``request_rebuild()`` off the GUI thread; ``precise_wakeup`` defaults to on for
        the system clock; ``keep_contacts`` (default: when the store can lose its
        connection) reads the visitors' contact details with every snapshot, for
        local alarms."""
        super().__init__(parent)
        self._ctx = ctx
        self._deadlines = deadlines
        self._tasks = tasks
        self._passes = _Passes()
        self._clock = clock if clock is not None else ctx.clock
        self._pending: list[Reminder] = []
        self._fired: set[str] = set()
        if keep_contacts is None:
            keep_contacts = bool(getattr(ctx.store, "can_lose_connection", False))
        self._keep_contacts = keep_contacts
        self._contacts: Mapping[int, VisitContact] = {}
        self._local = OfflineAlarms()
        self._unreachable = False
        self._started = False
        self._closed = False
        self._busy = False
        self._again = False
        self._watch = _WallClockWatch(self._clock, monotonic, jump_threshold)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self.tick)
        self._wake.connect(self._on_wake, Qt.ConnectionType.QueuedConnection)
        if precise_wakeup is None:
            precise_wakeup = isinstance(self._clock, SystemClock)
        self._aps = _PreciseQtScheduler(self) if precise_wakeup else None

    # ---- state ----------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._started and not self._closed

    @property
    def pending(self) -> list[Reminder]:
        """Reminders not yet fired in this session, oldest first (local alarms fired
        while the server was unreachable are not pending: see ``local_alarms``)."""
        return [r for r in self._pending if r.key not in self._fired and r.key not in self._local]

    @property
    def local_alarms(self) -> list[AlarmInfo]:
        """Alarms fired here while the server was unreachable and not yet recorded."""
        return self._local.shown

    def acknowledge_local(self, alarm: AlarmInfo, at: datetime | None = None) -> bool:
        """The alarm was acknowledged on this workstation (default: now) while the
        server was unreachable: a local one, or one recorded before the connection
        dropped. Recorded (who, when) once the server is back; its escalation does not
        fire here meanwhile. False for a local alarm this scheduler does not know."""
        return self._local.acknowledge(alarm, self._clock.now() if at is None else at)

    def next_due(self) -> datetime | None:
        pending = self.pending
        return pending[0].due_at if pending else None

    @property
    def next_wakeup(self) -> datetime | None:
        """When APScheduler will wake us (None without precise wake-ups or nothing ahead)."""
        return None if self._aps is None else self._aps.wakes_at

    # ---- life cycle ---------------------------------------------------------------------
    def start(self, *, background: bool = False) -> None:
        """Build the schedule and fire at once what fell due while the app was closed.

        ``background`` (with a task runner): read the database on the worker, so a
        login with thousands of active visits never stalls the GUI thread; the missed
        alarms fire as soon as the snapshot is back (``rebuilt`` is emitted then).
        """
        if self._started or self._closed:
            return
        self._started = True
        if self._aps is not None:
            self._aps.start()
        self._watch.reset()
        if background and self._tasks is not None:
            self.request_rebuild()
        else:
            self.rebuild()
        self._tick.start()

    def shutdown(self) -> None:
        """Stop every timer; safe to call twice. Call before the store closes."""
        if self._closed:
            return
        self._closed = True
        self._tick.stop()
        if self._aps is not None:
            self._aps.stop()

    # ---- the work -----------------------------------------------------------------------
    def rebuild(self) -> list[AlarmInfo]:
        """Re-read the database, fire what is due (oldest first) and re-arm the wake-up.

        Connect this to ``hub.visits_changed`` and call it after unlocking. Returns the
        alarms it fired.
        """
        if not self.running:
            return []
        fired = self._run(None, always=True)
        self.rebuilt.emit(len(self.pending))
        return fired

    def request_rebuild(self, visit_ids: Set[int] | VisitsTouched | None = None) -> None:
        """Rebuild without blocking the GUI thread (connect ``hub.visits_changed`` here).

        ``visit_ids``: only these visits changed (``hub.visits_touched``): the pass
        re-reads them (of the details, those held: ``_Passes.to_read``) and keeps the
        rest of the last snapshot (``alarms.snapshot``); nothing held, no pass.

        With a ``TaskRunner`` the snapshot is read, the reminders computed and the due
        ones recorded on its worker; only showing them and re-arming run on the GUI
        thread when the result is back (``rebuilt`` is emitted then). Requests arriving
        meanwhile are folded into one more pass. Without a task runner this is
        ``rebuild()``.
        """
        if not self.running:
            return
        if self._tasks is None:
            self.rebuild()
            return
        asked = None if visit_ids is None else touched(visit_ids)
        if self._passes.folded(asked) or (only := self._passes.to_read(asked)) == frozenset():
            return
        base = self._passes.begin(only, self._watch.monotonic())
        ctx, clock, source, contacts = self._ctx, self._clock, self._deadlines, self._keep_contacts
        memo = self._passes.memo
        local = self._local.copies()
        skip = frozenset(self._fired) | self._local.keys()
        acknowledged = self._local.acknowledged_keys()

        def load() -> _Pass:  # on the worker: the database and pure rules only
            return _worker_pass(
                ctx, clock, source, contacts, local, skip, acknowledged, base, only, memo
            )

        self._tasks.run(load, self._loaded, self._load_failed)

    def check_due(self, now: datetime | None = None) -> list[AlarmInfo]:
        """Fire every reminder due at or before ``now`` (default: the clock's now).

        Re-reads the database first when something is due, so an alarm acknowledged or a
        call recorded meanwhile never fires (or escalates) by mistake.
        """
        if not self.running:
            return []
        return self._run(now, always=False)

    def tick(self) -> None:
        """The periodic safety net: detect clock jumps, then fire what is due (with a
        task runner: on its worker, see ``_fire_when_due``)."""
        if not self.running:
            return
        now = self._clock.now()
        seconds = self._watch.jump(now)
        if seconds is not None:
            log.info("wall clock jumped by %.0f s; rebuilding the reminder schedule", seconds)
            self.clock_jumped.emit(seconds)
            self.request_rebuild()  # on the worker, if any; fires when it is back
        else:
            self._fire_when_due(now)

    # ---- internals ----------------------------------------------------------------------
    def _fire_when_due(self, now: datetime | None) -> None:
        """The tick and the wake-up fire what is due: with a task runner on its worker
        (``request_rebuild``); from the last known schedule at once, with no store work,
        when the server is known lost or the pass is ``PASS_PATIENCE_S`` late."""
        if self._tasks is None:
            self.check_due(now)
            return
        moment = self._clock.now() if now is None else now
        due = due_visits(self.pending, moment, bool(self._local))
        if due == frozenset():
            return
        passes = self._passes
        if passes.loading and self._watch.monotonic() - passes.since > PASS_PATIENCE_S:
            if not self._unreachable:
                log.warning("reminder pass not back yet: alarms from the last schedule")
            self._unreachable = True
        if self._unreachable and not self._busy:
            self._busy = True
            try:
                self._fire_due(moment)  # known unreachable: local alarms, no store work
                self._arm(moment)
            finally:
                self._busy = False
        self.request_rebuild(due)

    def _loaded(self, result: _Pass) -> None:
        """The worker's pass is back: keep its schedule, show what it recorded and
        raised, re-arm (no store work here, on the GUI thread)."""
        self._passes.loading = False
        if not self.running:
            return
        if self._busy:  # inside a pass here (a nested event loop): it does one more
            self._again = True
            return
        self._busy, self._again = True, False
        try:
            self._take_pass(result)
        finally:
            self._busy = False
        if self._passes.again.asked or self._again:
            # Newer changes (those visits), or asked while firing (everything).
            again = self._passes.again.take()
            self.request_rebuild(None if self._again else again)
        self.rebuilt.emit(len(self.pending))

    def _take_pass(self, result: _Pass) -> None:
        moment = result.moment
        if result.loaded is None:
            self._passes.snapshot = None  # the visits this pass was to read: all, next
            if result.unreachable:
                # The last known schedule: alarm here, record when the server is back.
                if not self._unreachable:
                    log.warning("reminder schedule not refreshed: server unreachable")
                self._unreachable = True
                self._fire_due(moment)  # unreachable: no store work
                self._arm(moment)
            return  # another store error: the previous schedule; the tick tries again
        self._pending, self._contacts = result.loaded
        self._passes.snapshot = result.snapshot
        self._unreachable = False
        self._settle_local(*self._local.settle(result.recorded))
        for reminder, was_late, info in result.raised:
            key, escalates = reminder.key, reminder.escalates or ""
            # Fired here meanwhile (the tick), or its alarm acknowledged here offline.
            if key in self._fired or key in self._local or self._local.acknowledged_here(escalates):
                continue
            if info is None:  # the server was lost on the way: alarm here
                self._unreachable = True
                info = self._local.fire(reminder, moment, was_late, self._contacts)
                log.warning("alarm %s raised locally, not recorded yet", key)
                self.reminder_due.emit(info)
                continue
            self._fired.add(key)
            if not info.acknowledged:  # else acknowledged elsewhere in the meantime
                self.reminder_due.emit(info)
        self._arm(moment)

    def _load_failed(self, error: BaseException) -> None:
        self._passes.loading = False  # the tick tries again (check_due, seconds away)
        log.warning("reminder schedule not refreshed (%s)", type(error).__name__)
        self._passes.snapshot = None  # the visits this pass was to read: all, next
        if self.running and self._passes.again.asked:
            self._passes.again.take()
            self.request_rebuild()

    def _run(self, now: datetime | None, *, always: bool) -> list[AlarmInfo]:
        """Reload (always, or when something is due), fire, re-arm: on the calling
        (GUI) thread; ``request_rebuild`` does it on the worker.

        Not re-entrant: a slot of ``reminder_due`` that asks for a rebuild gets one pass
        more instead."""
        if self._busy:
            self._again = True
            return []
        self._busy = True
        fired: list[AlarmInfo] = []
        try:
            while True:
                self._again = False
                moment = self._clock.now() if now is None else now
                due = bool(self._local) or any(r.due_at <= moment for r in self.pending)
                if (always or due) and self._reload():
                    self._record_local()
                    fired += self._fire_due(moment)
                    self._arm(moment)
                elif self._unreachable:
                    # The last known schedule: alarm here, record when the server is back.
                    fired += self._fire_due(moment)
                    self._arm(moment)
                if not self._again:
                    return fired
                always, now = True, None
        finally:
            self._busy = False

    def _reload(self) -> bool:
        try:
            deadlines = self._deadlines(self._ctx) if self._deadlines is not None else ()
            snap = alarms.snapshot(self._ctx, deadlines=deadlines, contacts=self._keep_contacts)
        except StoreUnreachableError:
            # Keep the previous schedule and fire from it; the next tick tries again.
            if not self._unreachable:
                log.warning("reminder schedule not refreshed: server unreachable")
            self._unreachable = True
            return False
        except StoreError as exc:
            # Keep the previous schedule; the next tick tries again.
            log.warning("reminder schedule not refreshed (%s)", type(exc).__name__)
            return False
        self._unreachable = False
        _resolve_failovers(self._ctx, snap)
        self._pending, self._contacts = snap.reminders(), snap.contacts
        self._passes.snapshot = snap
        return True

    def _record_local(self) -> None:
        """Record the alarms fired here while the server was unreachable (and their
        acknowledgements), oldest first; each becomes ``local_alarm_recorded``."""
        self._settle_local(*self._local.record(self._ctx))

    def _settle_local(self, done: list[Recorded], lost: bool) -> None:
        for entry in done:
            self._fired.add(entry.key)
            self.local_alarm_recorded.emit(entry.shown, entry.recorded)
        if lost:
            self._unreachable = True

    def _fire_due(self, now: datetime) -> list[AlarmInfo]:
        fired: list[AlarmInfo] = []
        for reminder in self._pending:  # oldest first
            if reminder.due_at > now:
                break
            if reminder.key in self._fired or reminder.key in self._local:
                continue
            if reminder.escalates is not None and self._local.acknowledged_here(reminder.escalates):
                continue  # acknowledged here while offline: recorded when back
            if self._unreachable and reminder.kind is ReminderKind.BUDDY_UNREACHABLE:
                # Presence cannot be read: the last known schedule says nothing about
                # who is there now, so no failover from it (never a false one).
                continue
            was_late = raised_late(reminder.due_at, now, RAISED_LATE_TOLERANCE)
            try:
                if self._unreachable:
                    raise StoreUnreachableError("offline")  # known: don't wait for it
                info = alarms.raise_alarm(self._ctx, reminder, raised_late=was_late)
            except StoreUnreachableError:
                # Never silent: alarm here from the last known schedule.
                self._unreachable = True
                info = self._local.fire(reminder, now, was_late, self._contacts)
                log.warning("alarm %s raised locally, not recorded yet", reminder.key)
                fired.append(info)
                self.reminder_due.emit(info)
                continue
            except (StoreError, NotAllowedError) as exc:
                # Not marked fired: the next tick (seconds away) tries again.
                log.warning("alarm %s not recorded (%s)", reminder.key, type(exc).__name__)
                continue
            self._fired.add(reminder.key)
            if info.acknowledged:  # acknowledged elsewhere in the meantime
                continue
            fired.append(info)
            self.reminder_due.emit(info)
        return fired

    def _arm(self, now: datetime) -> None:
        if self._aps is not None:  # pending is oldest first
            self._aps.wake_at(
                next((r.due_at for r in self.pending if r.due_at > now), None), self._job_fired
            )

    def _job_fired(self) -> None:
        """The APScheduler job: only emits a signal (delivered queued)."""
        self._wake.emit()

    def _on_wake(self) -> None:
        if not self.running:
            return
        self._fire_when_due(None)
        # The date job is gone once it ran: make sure the next moment is armed even when
        # nothing turned out to be due (e.g. acknowledged meanwhile).
        if self._aps is not None and self._aps.wakes_at is None:
            self._arm(self._clock.now())
