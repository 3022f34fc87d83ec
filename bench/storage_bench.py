"""Storage and start-up benchmark (run by hand, not by pytest).

    python bench/storage_bench.py [--repeat N] [--notes N] [--visits N] [--active N]

Every figure is printed next to a baseline measured in the same run on the same
machine, as a ratio (results: docs/performance.md):

1. Cold start to a visible login window, vs a bare PySide6 window: both in fresh
   subprocesses with QT_QPA_PLATFORM=offscreen, timed from spawn until the child reports
   its window shown (goal <= 1.5x).
2. Unlock: Argon2id (the real default parameters) + open + page check + migration
   check + the login audit entry, through ``accounts.log_in``; in ms.
3. Address lookup among 100,000 register notes (``register.warnings_for``) vs the raw
   indexed sqlcipher3 query on the same file (goal <= 2x and < 5 ms).
4. One board tick with 500 active visits (``BoardModel.tick``; goal < 5 ms), and the
   full refresh (``services.board.board_rows`` + ``set_rows``) for information.
5. A check-in write with full durability (``visits.depart``: state, event and audit
   entry in one transaction, WAL + synchronous=FULL) vs a raw sqlcipher3 insert +
   commit with the same pragmas (goal <= 2x).
6. Memory (RSS) after loading 100,000 historic visits into the history table model, vs
   a bare PySide6 window (goal <= 1.5x); both in fresh subprocesses.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT / "src"))

from sqlalchemy import insert, select  # noqa: E402

from veilig_huisbezoek.domain.address import AddressKey  # noqa: E402
from veilig_huisbezoek.domain.clock import FakeClock  # noqa: E402
from veilig_huisbezoek.domain.roles import Role  # noqa: E402
from veilig_huisbezoek.services import accounts, register, visits  # noqa: E402
from veilig_huisbezoek.services.accounts import NewAccount  # noqa: E402
from veilig_huisbezoek.storage.engine import raw_key_literal  # noqa: E402
from veilig_huisbezoek.storage.models import (  # noqa: E402
    Callback,
    UnsafeAddressNote,
    Visit,
)
from veilig_huisbezoek.storage.store import Store, db_path  # noqa: E402

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
USER, PASSWORD = "bench", "bench-wachtwoord-1"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src")}

BARE_WINDOW = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 760); w.show()
app.processEvents()
print("shown", flush=True)
"""
APP_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from veilig_huisbezoek.gui.main_window import MainWindow
app = QApplication(sys.argv[:1])
w = MainWindow(Path(sys.argv[1])); w.show()
app.processEvents()
assert w.stack.currentWidget() is w.login_view
print("shown", flush=True)
"""
RSS = """
def rss_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
"""
BARE_MEMORY = (
    BARE_WINDOW.replace('print("shown", flush=True)', "")
    + RSS
    + """
import gc; gc.collect(); app.processEvents()
print(rss_kib(), flush=True)
"""
)
APP_MEMORY = (
    """
import gc, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
from veilig_huisbezoek.gui.history_page import HistoryTableModel
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.history import search_history
app = QApplication(sys.argv[:1])
ctx = accounts.log_in(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
w = QMainWindow(); w.resize(1280, 760)
view = QTableView(); model = HistoryTableModel(view); view.setModel(model)
w.setCentralWidget(view); w.show()
model.set_rows(search_history(ctx))
app.processEvents()
assert model.rowCount() >= int(sys.argv[4]), model.rowCount()
"""
    + RSS
    + """
gc.collect(); app.processEvents()
print(rss_kib(), flush=True)
"""
)


def median_ms(fn: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def spawn_until_shown(script: str, *args: str) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, env=ENV, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    proc.wait(timeout=60)
    if line.strip() != "shown":
        raise SystemExit(f"child did not show its window: {line!r}")
    return elapsed


def child_number(script: str, *args: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        env=ENV,
        text=True,
        timeout=600,
        check=True,
    )
    return int(done.stdout.strip().splitlines()[-1])


# ---- data ------------------------------------------------------------------------------


def make_store(folder: Path) -> tuple[int, int]:
    """A store with the real (default) Argon2id parameters; returns two account ids."""
    store = Store.create(folder)
    try:
        ctx = accounts.create_first_account(
            store, NewAccount(USER, PASSWORD, "Bench", "Mark", frozenset()), FakeClock(NOW)
        )
        buddy = accounts.add_account(
            ctx,
            NewAccount("buddy", "buddy-wachtwoord-2", "Bud", "Dy", frozenset({Role.MEDEWERKER})),
        )
        return ctx.actor.account_id, buddy
    finally:
        store.close()


def _visit_row(i: int, visitor: int, buddy: int, state: str, start: datetime) -> dict[str, object]:
    return {
        "visitor_id": visitor,
        "buddy_id": buddy,
        "reason": "handhaving",
        "street": f"Straat {i % 997}",
        "house_number": i % 300 + 1,
        "addition": "",
        "postcode": f"{1000 + i % 8999} AB",
        "city": "Heerlen",
        "residents": f"Bewoner {i}",
        "clients": f"Cliënt {i}",
        "client_phone": "+31612345678",
        "start_at": start,
        "expected_return_at": start + timedelta(hours=1),
        "roles_note": "",
        "interpreter": False,
        "announced_in_writing": True,
        "state": state,
        "level": ("groen", "oranje", "rood")[i % 3],
        "deviation_reason": "",
        "consent_reason": "",
        "created_at": start,
        "updated_at": start,
    }


def fill(folder: Path, visitor: int, buddy: int, notes: int, history: int, active: int) -> None:
    store, _ = Store.unlock(folder, USER, PASSWORD)
    try:
        with store.session() as session:
            session.execute(
                insert(UnsafeAddressNote),
                [
                    {
                        "street": f"Straat {i % 997}",
                        "house_number": i % 500 + 1,
                        "addition": "",
                        "postcode": f"{1000 + i // 500 % 8999} {'ABCDEFGH'[i % 8]}X",
                        "city": "Heerlen",
                        "category": "bedreiging",
                        "incident_date": date(2026, 1, 1),
                        "description": f"Notitie {i}",
                        "precautions": "",
                        "author_id": visitor,
                        "status": "actief",
                        "created_at": NOW,
                        "approved_by": buddy,
                        "approved_at": NOW,
                        "review_due": date(2027, 11, 1),
                        "expires_on": date(2028, 2, 1),
                        "retire_reason": "",
                    }
                    for i in range(notes)
                ],
            )
            session.execute(
                insert(Visit),
                [
                    _visit_row(i, visitor, buddy, "afgesloten", NOW - timedelta(hours=i + 2))
                    for i in range(history)
                ],
            )
            session.execute(
                insert(Visit),
                [
                    _visit_row(i, visitor, buddy, "onderweg", NOW - timedelta(minutes=i % 90))
                    for i in range(active)
                ],
            )
            ids = session.execute(select(Visit.id).where(Visit.state == "onderweg")).scalars()
            session.execute(
                insert(Callback),
                [
                    {
                        "visit_id": vid,
                        "due_at": NOW + timedelta(minutes=vid % 60 - 20),
                        "kind": "gepland",
                        "status": "open",
                        "created_at": NOW,
                    }
                    for vid in ids
                ],
            )
    finally:
        store.close()


# ---- measurements ------------------------------------------------------------------------


def bench_start(folder: Path, repeat: int) -> tuple[float, float]:
    bare = statistics.median(spawn_until_shown(BARE_WINDOW) for _ in range(repeat))
    app = statistics.median(spawn_until_shown(APP_WINDOW, str(folder)) for _ in range(repeat))
    return app, bare


def bench_unlock(folder: Path, repeat: int) -> float:
    def unlock() -> None:
        accounts.log_in(folder, USER, PASSWORD, FakeClock(NOW)).store.close()

    return median_ms(unlock, repeat)


def bench_lookup(folder: Path, repeat: int) -> tuple[float, float, int]:
    import sqlcipher3

    ctx = accounts.log_in(folder, USER, PASSWORD, FakeClock(NOW))
    try:
        key = AddressKey("1000 AX", 1, "")
        found = len(register.warnings_for(ctx, key))
        ours = median_ms(lambda: register.warnings_for(ctx, key), repeat * 20, warmup=5)
        raw = sqlcipher3.connect(str(db_path(folder)))
        raw.execute(f'PRAGMA key = "{raw_key_literal(ctx.store._key)}"')
        query = (
            "SELECT * FROM unsafe_address_notes "
            "WHERE postcode = ? AND house_number = ? AND addition = ?"
        )

        def raw_lookup() -> None:
            raw.execute(query, ("1000 AX", 1, "")).fetchall()

        base = median_ms(raw_lookup, repeat * 20, warmup=5)
        raw.close()
        return ours, base, found
    finally:
        ctx.store.close()


def bench_board(folder: Path, repeat: int) -> tuple[float, float, int]:
    from PySide6.QtWidgets import QApplication

    from veilig_huisbezoek.gui.board_model import BoardModel
    from veilig_huisbezoek.services.board import board_rows

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    ctx = accounts.log_in(folder, USER, PASSWORD, FakeClock(NOW))
    try:
        model = BoardModel()
        rows = board_rows(ctx)
        model.set_rows(rows, NOW)
        moment = [NOW]

        def tick() -> None:
            moment[0] += timedelta(seconds=1)
            model.tick(moment[0])

        tick_ms = median_ms(tick, repeat * 50, warmup=5)

        def refresh() -> None:
            model.set_rows(board_rows(ctx), moment[0])

        refresh_ms = median_ms(refresh, repeat * 3)
        return tick_ms, refresh_ms, model.rowCount()
    finally:
        ctx.store.close()


def bench_checkin(folder: Path, repeat: int) -> tuple[float, float]:
    import sqlcipher3

    from veilig_huisbezoek.domain.visit import VisitState

    ctx = accounts.log_in(folder, USER, PASSWORD, FakeClock(NOW))
    try:
        with ctx.store.session() as session:
            planned = list(
                session.execute(
                    select(Visit.id).where(Visit.state == "afgesloten").limit(repeat * 10 + 5)
                ).scalars()
            )
            for vid in planned:
                session.get(Visit, vid).state = VisitState.GEPLAND.value  # type: ignore[union-attr]
        todo = iter(planned)
        ours = median_ms(lambda: visits.depart(ctx, next(todo)), repeat * 10, warmup=3)
        raw = sqlcipher3.connect(str(db_path(folder)), isolation_level=None)
        raw.execute(f'PRAGMA key = "{raw_key_literal(ctx.store._key)}"')
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("PRAGMA synchronous = FULL")
        raw.execute("CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, at TEXT)")

        def raw_insert() -> None:
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO bench_raw (at) VALUES (?)", (NOW.isoformat(),))
            raw.execute("COMMIT")

        base = median_ms(raw_insert, repeat * 10, warmup=3)
        raw.execute("DROP TABLE bench_raw")
        raw.close()
        return ours, base
    finally:
        ctx.store.close()


def bench_memory(folder: Path, visits_n: int) -> tuple[int, int]:
    bare = child_number(BARE_MEMORY)
    app = child_number(APP_MEMORY, str(folder), USER, PASSWORD, str(visits_n))
    return app, bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--active", type=int, default=500)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="vh-bench-"))
    try:
        folder = tmp / "data"
        t0 = time.perf_counter()
        visitor, buddy = make_store(folder)
        fill(folder, visitor, buddy, args.notes, args.visits, args.active)
        size_mb = db_path(folder).stat().st_size / 1e6
        print(
            f"data: {args.notes:,} notes, {args.visits:,} historic + {args.active} active "
            f"visits, {size_mb:.0f} MB, made in {time.perf_counter() - t0:.1f} s"
        )
        gc.collect()
        rows: list[tuple[str, str, str, str, str]] = []

        def add(name: str, ours: str, base: str, ratio: str, goal: str, met: bool | None) -> None:
            verdict = "—" if met is None else ("gehaald" if met else "NIET gehaald")
            rows.append((name, ours, base, ratio, f"{goal} ({verdict})"))

        app_ms, bare_ms = bench_start(folder, args.repeat)
        ratio = app_ms / bare_ms
        add(
            "koude start tot zichtbaar loginvenster",
            f"{app_ms:.0f} ms",
            f"{bare_ms:.0f} ms kaal venster",
            f"{ratio:.2f}x",
            "<= 1.5x",
            ratio <= 1.5,
        )
        unlock_ms = bench_unlock(folder, args.repeat)
        add(
            "ontgrendelen (Argon2id + open + controles)",
            f"{unlock_ms:.0f} ms",
            "—",
            "—",
            "in ms",
            None,
        )
        ours, base, found = bench_lookup(folder, args.repeat)
        ratio = ours / base
        add(
            f"adres opzoeken in {args.notes:,} notities ({found} treffer)",
            f"{ours:.3f} ms",
            f"{base:.3f} ms kale query",
            f"{ratio:.2f}x",
            "<= 2x en < 5 ms",
            ratio <= 2 and ours < 5,
        )
        tick_ms, refresh_ms, board_n = bench_board(folder, args.repeat)
        add(
            f"bordtik met {board_n} actieve bezoeken",
            f"{tick_ms:.2f} ms",
            f"(verversen: {refresh_ms:.0f} ms)",
            "—",
            "< 5 ms",
            tick_ms < 5,
        )
        ours, base = bench_checkin(folder, args.repeat)
        ratio = ours / base
        add(
            "vertrek vastleggen (volledig duurzaam)",
            f"{ours:.2f} ms",
            f"{base:.2f} ms kale insert",
            f"{ratio:.2f}x",
            "<= 2x",
            ratio <= 2,
        )
        app_kib, bare_kib = bench_memory(folder, args.visits)
        ratio = app_kib / bare_kib
        add(
            f"geheugen na laden {args.visits:,} bezoeken",
            f"{app_kib / 1024:.0f} MiB",
            f"{bare_kib / 1024:.0f} MiB kaal venster",
            f"{ratio:.2f}x",
            "<= 1.5x",
            ratio <= 1.5,
        )
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        header = ("meting", "Veilig Huisbezoek", "basislijn", "ratio", "doel")
        widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
        line = " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
        print(line)
        print("-+-".join("-" * w for w in widths))
        for row in rows:
            print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpu, repeat={args.repeat}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
