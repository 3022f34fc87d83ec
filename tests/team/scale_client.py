"""Simulated workstations on one team server, for ``bench/team_scale_bench.py`` and its
smoke test: each :class:`Desk` is a real app-level client without widgets.

A desk is what a logged-in app holds on a team server: a :class:`ServiceContext` from
``team_log_in`` (its own login role and engine pool), the live listener
(:class:`ChangeListener`, its own connection and thread), the presence heartbeat every
10 s, and the reminder rules as the scheduler runs them: on every change (after the
app's 80 ms coalescing) it re-reads the reminder snapshot, the buddy board and the alarm
panel, as the main window does on ``hub.visits_touched`` (the visits the notifications
name, merged into what it holds; a visit whose details only changed only where it is
held) or ``hub.visits_changed`` (everything); it fires what is due
(``alarms.raise_alarm``) at its moment and on a 5 s tick. A person at the desk takes
charge of the alarms meant for them a few seconds later.

``run_worker`` is one process holding several desks plus a driver that makes about
``rate`` changes per second (visits planned and departing, calls recorded, alarms raised
and taken charge of, returns) on random desks of its own. Every desk keeps the
``time.monotonic()`` intervals of its reloads and the visits each was about (None:
all); a change to a visit made at ``t`` is visible on a desk at the end of that desk's
first reload about that visit that started after ``t``: a read snapshot begun after the
commit holds it, or the desk found that it holds nothing the change touched.
CLOCK_MONOTONIC is shared by the processes of one machine, so the coordinator compares
them directly.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.call_outcome import NameUsed
from veilig_huisbezoek.domain.checklist import Answer, Assessment, assess, default_checklist
from veilig_huisbezoek.domain.folded_reads import VisitsTouched
from veilig_huisbezoek.domain.presence import HEARTBEAT_INTERVAL
from veilig_huisbezoek.domain.reminders import Reminder, ReminderKind, ReminderMemo, raised_late
from veilig_huisbezoek.domain.visit import VisitPlan, VisitReason, VisitState
from veilig_huisbezoek.reminders.scheduler import VISITS_AT_ONCE, due_visits
from veilig_huisbezoek.services import alarms, board, presence, visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.team import (
    TeamLocation,
    change_listener,
    parse_changes,
    team_log_in,
)
from veilig_huisbezoek.storage.team.listen import ChangeListener

log = logging.getLogger(__name__)

COALESCE_S = 0.08  # gui/team_live.py COALESCE_MS
TICK_S = 5.0  # reminders/scheduler.py DEFAULT_TICK_MS
REACT_S = (2.0, 6.0)  # a person takes charge of an alarm after this many seconds
BARRIER_S = 900  # a process waits this long for the others, then gives up
ADDRESS = Address("Akerstraat", 12, "", "6411 HB", "Heerlen")


def groen_assessment() -> Assessment:
    checklist = default_checklist()
    return assess(checklist, {item.id: Answer.NEE for item in checklist.items})


@dataclass(frozen=True)
class Person:
    username: str
    password: str
    account_id: int
    lead: bool


@dataclass
class DeskLog:
    """What one desk saw, sent back to the coordinator (monotonic seconds)."""

    username: str
    # (started, ended, the visits read or None: all)
    reloads: list[tuple[float, float, frozenset[int] | None]] = field(default_factory=list)
    failovers: list[tuple[float, int]] = field(default_factory=list)  # (raised, visit)
    # (received, the visits named or None: anything): when the live listener handed a
    # burst of notifications to the desk, before its reload.
    notified: list[tuple[float, frozenset[int] | None]] = field(default_factory=list)
    reads_skipped: int = 0  # reloads that read nothing: the change touched nothing held
    errors: dict[str, int] = field(default_factory=dict)


class Desk:
    def __init__(self, location: TeamLocation, person: Person, colleagues: list[int]) -> None:
        self.person = person
        self.colleagues = [c for c in colleagues if c != person.account_id]
        self.ctx: ServiceContext = team_log_in(location, person.username, person.password)
        self.log = DeskLog(person.username)
        self.session_id = presence.new_session_id()
        self._changed = threading.Event()
        self._payloads: set[str] = set()  # the notifications since the last reload
        self._whole = True  # the next reload reads everything (login, reconnect)
        self._snapshot: alarms.ReminderSnapshot | None = None
        self._board: dict[int, board.BoardRow] = {}
        self._memo = ReminderMemo()  # as the scheduler keeps each visit's moments
        # While the running visits are set up, before the run: changes are not reloaded
        # (a thousand visits planned would cost every desk three thousand reloads).
        self.quiet = True
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._reminders: list[Reminder] = []
        self._fired: set[str] = set()
        self.buddy_of: list[int] = []  # running visits this person is the buddy of
        self.open_alarms: list[alarms.AlarmInfo] = []
        self._to_take: dict[int, float] = {}  # alarm id: when this person takes charge
        self.planned: list[int] = []  # own visits, gepland
        self.running: list[int] = []  # own visits, onderweg / geëscaleerd
        self.listener: ChangeListener = change_listener(
            self.ctx.store,  # type: ignore[arg-type]
            on_change=self._notified,
            on_lost=lambda _since: None,
            on_restored=self._restored,
        )
        self._thread = threading.Thread(target=self._run, name="desk", daemon=True)

    def _notified(self, payloads: set[str]) -> None:
        if self.quiet:
            return
        self.log.notified.append((time.monotonic(), parse_changes(payloads).visit_ids))
        with self._lock:
            self._payloads |= payloads
        self._changed.set()

    def _restored(self) -> None:
        self._whole = True
        self._changed.set()

    # ---- life cycle -------------------------------------------------------------------
    def start(self) -> None:
        presence.heartbeat(self.ctx, self.session_id)
        self.listener.start()
        self._thread.start()

    def ask_to_stop(self) -> None:
        """Tell the desk's thread to finish its step and stop (``stop`` waits for it)."""
        self._stop.set()
        self._changed.set()

    def stop(self) -> None:
        self.ask_to_stop()
        self.listener.stop()
        self._thread.join(10)
        with contextlib.suppress(Exception):
            presence.end_session(self.ctx, self.session_id)
        self.ctx.store.close()

    def count_error(self, exc: BaseException) -> None:
        name = type(exc).__name__
        log.debug("desk step failed", exc_info=exc)
        self.log.errors[name] = self.log.errors.get(name, 0) + 1

    # ---- the desk's own thread: reload on change, heartbeat, reminders ---------------
    def _run(self) -> None:
        next_beat = time.monotonic() + HEARTBEAT_INTERVAL.total_seconds()
        next_tick = time.monotonic() + TICK_S
        self._changed.set()  # the login's first load
        while not self._stop.is_set():
            now = time.monotonic()
            wake = min(next_beat, next_tick, *self._to_take.values()) - now
            due = self._next_due()
            if due is not None:
                wake = min(wake, (due - datetime.now(UTC)).total_seconds())
            if self._changed.wait(max(0.0, wake)):
                time.sleep(COALESCE_S)
                self._changed.clear()
                if self._stop.is_set():
                    return
                self._guard(self.reload)
            now = time.monotonic()
            if now >= next_beat:
                next_beat = now + HEARTBEAT_INTERVAL.total_seconds()
                self._guard(self._beat)
            if now >= next_tick or ((d := self._next_due()) is not None and d <= datetime.now(UTC)):
                next_tick = now + TICK_S
                self._guard(self._fire_due)
            for alarm_id, at in list(self._to_take.items()):
                if at <= now:
                    del self._to_take[alarm_id]
                    self._guard(lambda a=alarm_id: self._take_charge(a))

    def _guard(self, step: Any) -> None:
        try:
            step()
        except Exception as exc:  # a refused or raced change: counted, the desk goes on
            self.count_error(exc)

    def _beat(self) -> None:
        presence.heartbeat(self.ctx, self.session_id)
        presence.read_presence(self.ctx)

    def reload(self) -> None:
        """What the main window does on ``hub.visits_touched`` (the visits the
        notifications named) or ``hub.visits_changed`` (everything): the schedule, the
        board and the alarm panel, each only if the change touched what it holds or
        may come to hold (``VisitsTouched.to_read``)."""
        started = time.monotonic()
        with self._lock:
            payloads, self._payloads = self._payloads, set()
        asked = None if self._whole else parse_changes(payloads).touched
        self._whole = False
        try:
            self._read(asked)
        except BaseException:
            self._whole = True  # what this reload was for is not read: everything, next
            raise
        # Everything the change named is now as the server has it, read or not ours.
        self.log.reloads.append((started, time.monotonic(), None if asked is None else asked.ids))

    def _read(self, asked: VisitsTouched | None) -> None:
        snap = self._snapshot
        ids = None if asked is None or snap is None else asked.to_read(snap.held_visit_ids())
        if ids is not None and len(ids) > VISITS_AT_ONCE:
            ids = None
        read: list[str] = []
        if ids is None or ids:  # as ReminderScheduler.request_rebuild
            read.append("schedule")
            snap = alarms.snapshot(self.ctx, contacts=True, base=snap, visit_ids=ids)
            self._snapshot = snap
            failovers = snap.failovers_to_resolve()
            if failovers:
                alarms.resolve_failovers(self.ctx, failovers, alarms.REASON_WATCHED_AGAIN)
        ids = None if asked is None else asked.to_read(self._board.keys())
        if ids is None or ids:  # as BoardPage._read, merging as BoardModel.set_rows(only=…)
            read.append("board")
            rows, _settings = board.board_and_settings(self.ctx, ids)
            if ids is None:
                self._board = {row.visit_id: row for row in rows}
            else:
                self._board = {k: r for k, r in self._board.items() if k not in ids}
                self._board.update((row.visit_id, row) for row in rows)
        found = self.open_alarms
        shown = {a.visit_id for a in found if a.visit_id is not None}
        if asked is None or asked.to_read(shown):  # as SessionAlarms.refresh_for
            found, _in_hand = alarms.panel_alarms(self.ctx)
            read.append("panel")
        if not read:
            self.log.reads_skipped += 1
        me = self.person.account_id
        with self._lock:
            if "schedule" in read and snap is not None:  # the scheduler's pass
                self._reminders = snap.reminders(self._memo)
            self.buddy_of = [
                row.visit_id
                for row in self._board.values()
                if row.buddy_id == me and row.state is VisitState.ONDERWEG
            ]
            self.open_alarms = found
        for alarm in found:
            mine = alarm.kind is not ReminderKind.BUDDY_UNREACHABLE or self.person.lead
            mine = mine and not alarm.for_visitor  # about own visits, for someone else
            if not alarm.acknowledged and mine and alarm.id not in self._to_take:
                self._to_take[alarm.id] = time.monotonic() + random.uniform(*REACT_S)

    def _next_due(self) -> datetime | None:
        with self._lock:
            pending = [r.due_at for r in self._reminders if r.key not in self._fired]
        return min(pending) if pending else None

    def _fire_due(self) -> None:
        now = datetime.now(UTC)
        with self._lock:
            due = [r for r in self._reminders if r.key not in self._fired and r.due_at <= now]
        if not due:
            return
        # Re-read the visits of what is due before firing, as the scheduler does.
        ids = due_visits(due, now, local=False)
        snap = alarms.snapshot(self.ctx, contacts=True, base=self._snapshot, visit_ids=ids)
        self._snapshot = snap
        with self._lock:
            self._reminders = snap.reminders(self._memo)
        now = datetime.now(UTC)
        with self._lock:
            due = [r for r in self._reminders if r.key not in self._fired and r.due_at <= now]
        for reminder in due:
            self._fired.add(reminder.key)
            info = alarms.raise_alarm(
                self.ctx,
                reminder,
                raised_late=raised_late(reminder.due_at, now, alarms.RAISED_LATE_TOLERANCE),
            )
            if reminder.kind is ReminderKind.BUDDY_UNREACHABLE and reminder.visit_id:
                self.log.failovers.append((time.monotonic(), reminder.visit_id))
            self._to_take.setdefault(info.id, time.monotonic() + random.uniform(*REACT_S))

    def _take_charge(self, alarm_id: int) -> None:
        with self._lock:
            alarm = next((a for a in self.open_alarms if a.id == alarm_id), None)
        if alarm is None or alarm.acknowledged:
            return
        if alarm.kind is ReminderKind.CALLBACK_DUE and alarm.visit_id is not None:
            # The buddy calls the visitor for this moment: all is well.
            visits.record_call(
                self.ctx,
                alarm.visit_id,
                reached=True,
                name_used=NameUsed.VOORNAAM,
                vrijuit=True,
                politie=False,
                callback_id=alarm.callback_id,
            )
        alarms.acknowledge(self.ctx, alarm_id)

    # ---- changes made at this desk (by the driver thread) ----------------------------
    def plan(self, start: datetime, end: datetime, callbacks: list[datetime], buddy: int) -> int:
        plan = VisitPlan.create(
            reason=VisitReason.DIENSTVERLENING,
            address=ADDRESS,
            residents="Dhr. Janssen",
            clients="Dhr. Janssen",
            client_phone_text="06-12345678",
            start=start,
            expected_return=end,
            visitor_id=self.person.account_id,
            colleague_ids=(),
            roles_note="",
            interpreter=False,
            announced_in_writing=True,
            buddy_id=buddy,
            callbacks=callbacks,
            now=datetime.now(UTC),
        )
        visit_id = visits.save_visit(self.ctx, plan, groen_assessment())
        visits.schedule_visit(self.ctx, visit_id)
        self.planned.append(visit_id)
        return visit_id

    def depart(self, visit_id: int) -> None:
        visits.depart(self.ctx, visit_id)
        self.planned.remove(visit_id)
        self.running.append(visit_id)

    def step(self, rng: random.Random, running_target: int) -> tuple[str, int]:
        """One change a person at this desk would make now; returns what it was, and
        to which visit."""
        roll = rng.random()
        with self._lock:
            buddy_of = list(self.buddy_of)
        if roll < 0.6 or not buddy_of:
            if self.planned:
                visit_id = self.planned[0]
                self.depart(visit_id)
                return "vertrek", visit_id
            if self.running and len(self.running) >= running_target:
                visit_id = self.running.pop(0)
                visits.return_safe(self.ctx, visit_id)
                return "terug", visit_id
            now = datetime.now(UTC)
            visit_id = self.plan(
                now - timedelta(minutes=1),
                now + timedelta(hours=2),
                [now + timedelta(minutes=30)],
                rng.choice(self.colleagues),
            )
            return "gepland", visit_id
        visit_id = rng.choice(buddy_of)
        trouble = roll > 0.95  # the visitor answers with the last name: alarm
        visits.record_call(
            self.ctx,
            visit_id,
            reached=True,
            name_used=NameUsed.ACHTERNAAM if trouble else NameUsed.VOORNAAM,
            vrijuit=not trouble,
            politie=False,
            callback_id=None,
        )
        return ("alarm" if trouble else "gebeld"), visit_id


@dataclass(frozen=True)
class WorkerSpec:
    url: str
    people: list[Person]
    colleagues: list[int]
    visits_each: int  # running visits each desk plans and departs before the run
    due_fraction: float  # of those, with a call-back falling due during the run
    rate: float  # changes per second this worker makes
    seconds: float
    seed: int
    # Buddies for the running visits set up before the run (the failover's victim among
    # them); new visits during the run go to ``colleagues``.
    setup_buddies: list[int] = field(default_factory=list)


# (committed, desk, kind, visit, begun): ``begun`` before the change was sent, so a
# notification of it arrives after ``begun``; ``committed`` once the desk had its answer.
Change = tuple[float, str, str, int, float]


@dataclass
class WorkerResult:
    desks: list[DeskLog]
    changes: list[Change]
    setup_s: float
    cpu_s: float  # this process's CPU time during the stream (every thread)


def set_up_desks(spec: WorkerSpec) -> list[Desk]:
    location = TeamLocation.parse(spec.url)
    desks = [Desk(location, person, spec.colleagues) for person in spec.people]
    for desk in desks:
        desk.start()
    return desks


def plan_running(desks: list[Desk], spec: WorkerSpec, run_starts: datetime) -> None:
    """Each desk's share of the running visits: out now, return after the run; some
    with a call-back that falls due during the run."""
    rng = random.Random(spec.seed)
    for desk in desks:
        for _ in range(spec.visits_each):
            now = datetime.now(UTC)
            end = now + timedelta(hours=3)
            callbacks = [end - timedelta(minutes=5)]
            if rng.random() < spec.due_fraction:
                callbacks.insert(0, run_starts + timedelta(seconds=rng.uniform(5, spec.seconds)))
            buddy = rng.choice([b for b in spec.setup_buddies if b != desk.person.account_id])
            desk.depart(desk.plan(now - timedelta(minutes=2), end, callbacks, buddy))


def go_live(desks: list[Desk]) -> None:
    """Set-up done: every change reloads from now on, starting with one now."""
    for desk in desks:
        desk.quiet = False
        desk._whole = True  # the notifications of the set-up were not kept
        desk._changed.set()


def drive(desks: list[Desk], spec: WorkerSpec, until: float) -> list[Change]:
    """About ``spec.rate`` changes per second (Poisson) on random desks of this worker."""
    rng = random.Random(spec.seed + 1)
    changes: list[Change] = []
    target = max(1, spec.visits_each)
    while True:
        wait = rng.expovariate(spec.rate) if spec.rate > 0 else 1.0
        if time.monotonic() + wait >= until:
            break
        time.sleep(wait)
        if spec.rate <= 0:
            continue
        desk = rng.choice(desks)
        begun = time.monotonic()
        try:
            kind, visit_id = desk.step(rng, target)
        except Exception as exc:
            desk.count_error(exc)
            continue
        changes.append((time.monotonic(), desk.person.username, kind, visit_id, begun))
    return changes


def run_worker(spec: WorkerSpec, setup: Any, end: Any | None, starts_at: Any, results: Any) -> None:
    """One process (multiprocessing target). ``setup``: a barrier of every process and
    the coordinator, passed four times (logged in; start time set; running visits
    planned; run start set); ``end`` (None for the failover's victim, which is killed
    mid-run): passed twice (the run is over; the coordinator has read the server)."""
    logging.basicConfig(level=logging.ERROR)
    if os.environ.get("VH_SCALE_DEBUG"):
        log.setLevel(logging.DEBUG)
    try:
        _run_worker(spec, setup, end, starts_at, results)
    except BaseException:
        log.exception("worker failed")
        setup.abort()  # the others stop waiting for this process
        if end is not None:
            end.abort()
        raise


def _run_worker(
    spec: WorkerSpec, setup: Any, end: Any | None, starts_at: Any, results: Any
) -> None:
    desks = set_up_desks(spec)
    setup.wait(BARRIER_S)  # every desk is present: departures find their buddies
    setup.wait(BARRIER_S)  # the coordinator has set the run's expected start
    began = time.monotonic()
    run_starts = datetime.now(UTC) + timedelta(seconds=float(starts_at.value) - time.monotonic())
    plan_running(desks, spec, run_starts)
    go_live(desks)
    setup_s = time.monotonic() - began
    setup.wait(BARRIER_S)
    setup.wait(BARRIER_S)  # the coordinator has set the run's actual start
    start = float(starts_at.value)
    until = start + spec.seconds
    time.sleep(max(0.0, start - time.monotonic()))
    cpu_began = time.process_time()
    changes = drive(desks, spec, until)
    time.sleep(max(0.0, until - time.monotonic()))
    cpu_s = time.process_time() - cpu_began
    if end is None:
        time.sleep(3600)  # the victim: killed before this
        return
    end.wait(BARRIER_S)  # the coordinator reads the server's figures now
    end.wait(BARRIER_S)  # … and lets the desks go (the failover may still have been running)
    for desk in desks:  # all at once: 25 desks each finishing a reload take a while
        desk.ask_to_stop()
    for desk in desks:
        desk.stop()
    results.put(WorkerResult([d.log for d in desks], changes, setup_s, cpu_s))
