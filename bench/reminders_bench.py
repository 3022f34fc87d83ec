"""Reminder benchmark (run by hand, not by pytest): ``python bench/reminders_bench.py``.

On the real clock, in an offscreen QApplication:

1. **Alarm latency**: 50 call-backs due 0.2-2 s ahead; time from each due moment until
   its row is visible in the alarm panel (APScheduler wake-up → queued signal → the
   scheduler's own task runner re-reads and ``raise_alarm`` → panel row), as in the
   app. Baseline in the same run: a bare
   ``QTimer.singleShot`` (PreciseTimer) at the same offsets.
2. **Rebuild cost**: ``ReminderScheduler.rebuild()`` over 1,000 active visits with three
   open call-backs each, for a buddy and for a leidinggevende (who also gets every
   escalation), and the longest event-loop stall (2 ms heartbeat) during ``rebuild()``
   and during ``request_rebuild()`` (read and computed on the TaskRunner worker) and a
   tick that finds a wall-clock jump (the app's timer path: the same worker read).
   ``rebuild()`` itself is synchronous (tests, no task runner); the app never calls it
   on the GUI thread when it has a task runner.
   Baseline: the raw sqlcipher3 query over the same rows.

Prints a small table with ratios against the baselines. Options: ``--reminders N``,
``--visits N``, ``--repeat N``, ``--switch-interval S``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import PySide6
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from sqlalchemy import select

from veilig_huisbezoek.domain.clock import SystemClock
from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.gui.alarm_panel import AlarmPanel
from veilig_huisbezoek.gui.hub import AppHub
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.reminders.scheduler import ReminderScheduler
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.accounts import NewAccount
from veilig_huisbezoek.services.alarms import AlarmInfo
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage.models import Callback, Visit
from veilig_huisbezoek.storage.store import Store

# Light key derivation: this measures reminders, not logging in.
BENCH_KDF: dict[str, int | str] = {
    "name": "argon2id",
    "memory_kib": 8192,
    "time_cost": 1,
    "parallelism": 1,
}
PASSWORD = "bench-wachtwoord-123"
RAW_QUERY = """
SELECT v.id, v.state, v.expected_return_at, v.buddy_id, a.first_name, c.id, c.due_at, c.kind
FROM visits v JOIN accounts a ON a.id = v.visitor_id
LEFT JOIN callbacks c ON c.visit_id = v.id AND c.status = 'open'
WHERE v.state IN ('onderweg', 'geescaleerd')
"""


def make_store(folder: Path) -> dict[str, int]:
    store = Store.create(folder, kdf=BENCH_KDF)
    ctx = accounts.create_first_account(
        store, NewAccount("anna", PASSWORD, "Anna", "de Vries", frozenset()), SystemClock()
    )
    ids = {"anna": ctx.actor.account_id}
    for name, first, last, role in (
        ("sanne", "Sanne", "Visser", Role.MEDEWERKER),
        ("bram", "Bram", "Smit", Role.MEDEWERKER),
        ("petra", "Petra", "de Groot", Role.LEIDINGGEVENDE),
    ):
        ids[name] = accounts.add_account(
            ctx, NewAccount(name, PASSWORD, first, last, frozenset({role}))
        )
    store.close()
    return ids


def insert_visits(
    ctx: ServiceContext, ids: dict[str, int], callbacks: list[list[datetime]], back: timedelta
) -> None:
    """Active visits (one per list of call-back moments), inserted in one session."""
    now = datetime.now(UTC)
    with ctx.store.session() as session:
        for i, moments in enumerate(callbacks):
            visit = Visit(
                visitor_id=ids["sanne"],
                buddy_id=ids["bram"],
                reason="dienstverlening",
                street="Benchstraat",
                house_number=i + 1,
                addition="",
                postcode="6411 HB",
                city="Heerlen",
                residents="",
                clients="",
                client_phone="",
                start_at=now - timedelta(minutes=5),
                expected_return_at=now + back,
                roles_note="",
                interpreter=False,
                announced_in_writing=True,
                state="onderweg",
                level="groen",
                deviation_reason="",
                consent_reason="",
                created_at=now,
                updated_at=now,
            )
            visit.callbacks = [
                Callback(due_at=m, kind="gepland", status="open", created_at=now) for m in moments
            ]
            session.add(visit)


def run_loop_until(app: QApplication, done: Callable[[], bool], timeout: float) -> None:
    # QEventLoop.processEvents, not QCoreApplication.processEvents: with PySide6 6.12 on
    # Python 3.11 the static one drops a reference to None on every call and a busy loop
    # ends in "Fatal Python error: none_dealloc".
    loop = QEventLoop()
    end = time.monotonic() + timeout
    while not done() and time.monotonic() < end:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def offsets(count: int) -> list[float]:
    return [0.2 + 1.8 * i / max(1, count - 1) for i in range(count)]


def bench_timer_baseline(app: QApplication, count: int) -> list[float]:
    late: list[float] = []
    start = time.perf_counter()
    timers: list[QTimer] = []
    for offset in offsets(count):
        timer = QTimer()
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        target = start + offset
        timer.timeout.connect(lambda target=target: late.append(time.perf_counter() - target))
        timer.start(round(offset * 1000))
        timers.append(timer)
    run_loop_until(app, lambda: len(late) == count, 10)
    return late


def bench_alarm_latency(
    app: QApplication, folder: Path, ids: dict[str, int], count: int
) -> list[float]:
    ctx = accounts.log_in(folder, "bram", PASSWORD, SystemClock())
    hub = AppHub()
    window = QWidget()
    tasks = TaskRunner()
    panel = AlarmPanel(ctx, hub, tasks)
    QVBoxLayout(window).addWidget(panel)
    window.show()
    # As in the app (gui/session_alarms.py): the scheduler has a task runner of its own,
    # so the re-read and the recording of a due reminder run on its worker.
    scheduler_tasks = TaskRunner()
    scheduler = ReminderScheduler(ctx, tick_ms=60_000, tasks=scheduler_tasks)
    latencies: list[float] = []

    def shown(alarm: AlarmInfo) -> None:
        row = next(r for r in panel.rows if r.alarm.id == alarm.id)
        assert row.isVisible()
        latencies.append((datetime.now(UTC) - alarm.due_at).total_seconds())

    scheduler.reminder_due.connect(panel.show_alarm)
    scheduler.reminder_due.connect(shown)
    scheduler.start()
    now = datetime.now(UTC)
    insert_visits(
        ctx, ids, [[now + timedelta(seconds=o)] for o in offsets(count)], timedelta(hours=1)
    )
    scheduler.rebuild()  # what hub.visits_changed triggers in the app
    run_loop_until(app, lambda: len(latencies) == count, 15)
    scheduler.shutdown()
    scheduler_tasks.shutdown()
    tasks.shutdown()
    window.close()
    ctx.store.close()
    if len(latencies) != count:
        raise SystemExit(f"only {len(latencies)} of {count} alarms arrived")
    return latencies


def max_stall(app: QApplication, work: Callable[[], None], done: Callable[[], bool]) -> float:
    """The longest gap between 2 ms heartbeats of the event loop while ``work`` runs."""
    beats: list[float] = [time.perf_counter()]
    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    heart.start(2)
    run_loop_until(app, lambda: len(beats) > 5, 1)
    beats[:] = [time.perf_counter()]
    work()
    beats.append(time.perf_counter())  # a synchronous call ends here
    run_loop_until(app, done, 10)
    run_loop_until(app, lambda: False, 0.02)
    heart.stop()
    return max(b - a for a, b in itertools.pairwise(beats))


def bench_rebuild(
    app: QApplication, folder: Path, ids: dict[str, int], visits: int, repeat: int
) -> tuple[dict[str, list[float]], list[float]]:
    ctx = accounts.log_in(folder, "anna", PASSWORD, SystemClock())
    now = datetime.now(UTC)
    moments = [now + timedelta(hours=2, minutes=m) for m in (20, 50, 90)]
    insert_visits(ctx, ids, [moments] * visits, timedelta(hours=4))
    ctx.store.close()
    results: dict[str, list[float]] = {}
    tasks = TaskRunner()
    for name in ("bram", "petra"):
        who = "buddy" if name == "bram" else "leidinggevende"
        user = accounts.log_in(folder, name, PASSWORD, SystemClock())
        shift = [0.0]  # monotonic time held back: the next tick sees a wall-clock jump
        scheduler = ReminderScheduler(
            user,
            tick_ms=60_000,
            tasks=tasks,
            monotonic=lambda shift=shift: time.monotonic() - shift[0],
        )
        scheduler.start()
        times, sync_stalls, async_stalls, jump_stalls, idle_stalls = [], [], [], [], []
        handler: list[float] = []  # GUI-thread time of the worker's result (fire, re-arm)
        loaded = scheduler._loaded

        def timed_loaded(
            pending: Any, loaded: Callable[[Any], None] = loaded, handler: list[float] = handler
        ) -> None:
            began = time.perf_counter()
            loaded(pending)
            handler.append(time.perf_counter() - began)

        scheduler._loaded = timed_loaded  # type: ignore[method-assign]
        rebuilt: list[int] = []
        scheduler.rebuilt.connect(rebuilt.append)
        for _ in range(repeat):
            # Baseline: the same heartbeat with nothing to do, as long as a worker load.
            until = time.perf_counter() + 0.25
            idle_stalls.append(
                max_stall(app, lambda: None, lambda u=until: time.perf_counter() > u)
            )
            began = time.perf_counter()
            scheduler.rebuild()
            times.append(time.perf_counter() - began)
            sync_stalls.append(max_stall(app, scheduler.rebuild, lambda: True))
            rebuilt.clear()
            async_stalls.append(
                max_stall(app, scheduler.request_rebuild, lambda r=rebuilt: bool(r))
            )
            rebuilt.clear()

            def jump(shift: list[float] = shift, scheduler: ReminderScheduler = scheduler) -> None:
                shift[0] += 60  # as after a suspend: the tick rebuilds (the app's timer path)
                scheduler.tick()

            jump_stalls.append(max_stall(app, jump, lambda r=rebuilt: bool(r)))
        results[f"rebuild(), {visits:,} visits ({who})"] = times
        results[f"  longest event-loop stall, rebuild() ({who})"] = sync_stalls
        results[f"  longest event-loop stall, request_rebuild() ({who})"] = async_stalls
        results[f"  longest event-loop stall, tick after a clock jump ({who})"] = jump_stalls
        results[f"  GUI-thread part of a worker rebuild: fire + re-arm ({who})"] = handler
        results[f"  longest event-loop stall, idle 0.25 s, same loop ({who}; noise)"] = idle_stalls
        scheduler.shutdown()
        user.store.close()
    tasks.shutdown()
    user = accounts.log_in(folder, "petra", PASSWORD, SystemClock())
    raw_times = []
    with user.store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        for _ in range(repeat):
            began = time.perf_counter()
            cursor = raw.cursor()
            rows = cursor.execute(RAW_QUERY).fetchall()
            cursor.close()
            raw_times.append(time.perf_counter() - began)
    with user.store.session() as session:
        assert len(session.execute(select(Callback.id)).all()) >= len(rows)
    user.store.close()
    return results, raw_times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reminders", type=int, default=50)
    parser.add_argument("--visits", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--switch-interval",
        type=float,
        default=None,
        help="sys.setswitchinterval (s) for the whole run: how the GIL's hand-over "
        "between the worker and the GUI thread weighs in the stalls",
    )
    args = parser.parse_args()
    if args.switch_interval is not None:
        sys.setswitchinterval(args.switch_interval)
    print(f"GIL switch interval: {sys.getswitchinterval() * 1000:.1f} ms")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    tmp = Path(tempfile.mkdtemp(prefix="vh-bench-"))
    try:
        ids = make_store(tmp / "latency")
        baseline = bench_timer_baseline(app, args.reminders)
        latency = bench_alarm_latency(app, tmp / "latency", ids, args.reminders)
        ids = make_store(tmp / "rebuild")
        rebuilds, raw = bench_rebuild(app, tmp / "rebuild", ids, args.visits, args.repeat)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    base_median, raw_median = statistics.median(baseline), statistics.median(raw)
    rows = [
        ("QTimer.singleShot, due → callback (baseline)", baseline, "1.0x"),
        (
            f"alarm, due → panel row visible ({args.reminders})",
            latency,
            f"{statistics.median(latency) / base_median:.1f}x" if base_median > 0 else "-",
        ),
        (f"raw sqlcipher3 query, {args.visits:,} visits (baseline)", raw, "1.0x"),
    ]
    for label, times in rebuilds.items():
        rows.append((label, times, f"{statistics.median(times) / raw_median:.1f}x"))
    print(f"\nReminder benchmark ({sys.platform}, Qt platform {app.platformName()})")
    print(f"{'measure':<64} {'median':>11} {'max':>11} {'ratio':>7}")
    print("-" * 96)
    for label, times, ratio in rows:
        print(f"{label:<64} {ms(statistics.median(times))} {ms(max(times))} {ratio:>7}")
    print("ratio: median against the nearest baseline row above it (same run)")
    sys.stdout.flush()
    if PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12):
        # PySide6 6.12.0 drops a reference to True on every Signal.emit() (CPython < 3.12,
        # where True is not immortal); after enough emits the interpreter aborts while
        # finalising ("bool_dealloc"). The figures are printed: skip finalisation.
        os._exit(0)


if __name__ == "__main__":
    main()
