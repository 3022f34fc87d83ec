"""Storage and start-up benchmark (run by hand, not by pytest).

    python bench/storage_bench.py [--repeat N] [--notes N] [--visits N] [--active N]

Every figure is printed next to a baseline measured in the same run on the same
machine, as a ratio (results: docs/performance.md):

1. Cold start to a visible login window, vs a bare PySide6 window: both in fresh
   subprocesses with QT_QPA_PLATFORM=offscreen, timed from spawn until the child reports
   its window shown, the two interleaved (goal <= 1.5x).
2. Unlock: Argon2id (the real default parameters) + open + page check + migration
   check + the login audit entry, through ``accounts.log_in``; in ms.
3. Address lookup among 100,000 register notes with its view logged
   (``register.warnings_for``) vs raw sqlcipher3 doing the same work on the same file:
   the indexed select, then per note the audit head and a chained audit entry, one
   durable commit (goal <= 1.5x and < 5 ms). The bare raw select is printed as a part.
4. One board tick with 500 active visits (``BoardModel.tick``; goal < 5 ms), and the
   full refresh (``services.board.board_rows`` + ``set_rows``) for information.
5. A departure with full durability (``visits.depart``: visit + buddy, presence, state,
   event and audit entry in one transaction, WAL + synchronous=FULL) vs the same
   statements through raw sqlcipher3 with the same pragmas (goal <= 1.5x).
6. Memory (RSS) after opening the history page (``gui.history_page.HistoryPage``, as
   the app builds it) on the store with 100,000 historic visits, vs a bare PySide6
   window (goal: <= 150 MiB; the ratio is printed); both in fresh subprocesses. The page
   reads one page of rows and counts the rest; the time until the first page shows is
   printed too, and with ``--scroll-all`` also the memory after scrolling through
   every row.

Our call and its raw baseline run interleaved (ours, raw, ours, raw …): on a shared
machine the fsync time drifts within seconds and both sides see the same drift.
``--only start,lookup,...`` runs a subset.

Under the table, "parts" lines break the lookup and the check-in down (same run), so
that a missed ratio can be explained by measurement.
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
from veilig_huisbezoek.services.context import ServiceContext  # noqa: E402
from veilig_huisbezoek.storage.audit import entry_hash  # noqa: E402
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
    RSS
    + """
import gc, sys, time
from pathlib import Path
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QMainWindow
from veilig_huisbezoek.gui.history_page import HistoryPage
from veilig_huisbezoek.gui.hub import AppHub
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.services import accounts

def wait(done):
    while not done:
        app.processEvents()
        time.sleep(0.0005)

app = QApplication(sys.argv[:1])
ctx = accounts.log_in(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
w = QMainWindow(); w.resize(1280, 760)
tasks = TaskRunner(w); hub = AppHub(w)
start = time.perf_counter()
page = HistoryPage(ctx, tasks, hub)
loaded = []
page.loaded.connect(lambda: loaded.append(time.perf_counter()))
w.setCentralWidget(page); w.show()
wait(loaded)
first_ms = (loaded[0] - start) * 1000
total = int(page.result_label.text().split()[0])
assert total >= int(sys.argv[4]), page.result_label.text()
gc.collect(); app.processEvents()
first_kib = rss_kib()
shown = page.model.rowCount()
all_kib, all_s = 0, 0.0
if sys.argv[5] == "all":
    model = page.model
    start = time.perf_counter()
    while model.rowCount() < total:
        fetched = []
        model.rows_fetched.connect(lambda: fetched.append(1))
        model.fetchMore(QModelIndex())
        wait(fetched)
        model.rows_fetched.disconnect()
    all_s = time.perf_counter() - start
    gc.collect(); app.processEvents()
    all_kib = rss_kib()
tasks.shutdown()
print(first_kib, round(first_ms, 1), shown, all_kib, round(all_s, 1), flush=True)
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


def paired_medians(
    ours: Callable[[], object], base: Callable[[], object], repeat: int, warmup: int = 3
) -> tuple[float, float]:
    """Median ms of each, the two calls interleaved (ours, base, ours, base …): on a
    shared machine the fsync time drifts within seconds, and both sides see the same."""
    for _ in range(warmup):
        ours()
        base()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        for fn, times in ((ours, a), (base, b)):
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(a), statistics.median(b)


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


def child_numbers(script: str, *args: str) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        env=ENV,
        text=True,
        timeout=1800,
        check=True,
    )
    return [float(x) for x in done.stdout.strip().splitlines()[-1].split()]


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
            NewAccount(
                "buddy",
                "buddy-wachtwoord-2",
                "Bud",
                "Dy",
                frozenset({Role.MEDEWERKER}),
                "06 12345678",  # a phone that dials: the departure checks it
            ),
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
    bare: list[float] = []
    app: list[float] = []
    spawn_until_shown(BARE_WINDOW)  # warm the file cache for both
    spawn_until_shown(APP_WINDOW, str(folder))
    for _ in range(repeat):  # interleaved: both see the same machine load
        bare.append(spawn_until_shown(BARE_WINDOW))
        app.append(spawn_until_shown(APP_WINDOW, str(folder)))
    return statistics.median(app), statistics.median(bare)


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
        logged, close = raw_logged_lookup(folder, ctx)
        ours, same = paired_medians(lambda: register.warnings_for(ctx, key), logged, repeat * 20)
        close()
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
        PARTS.append(f"  lookup parts: raw indexed select alone: {base:.3f} ms")
        parts(ctx, key, repeat)
        return ours, same, found
    finally:
        ctx.store.close()


PARTS: list[str] = []


def raw_logged_lookup(
    folder: Path, ctx: ServiceContext
) -> tuple[Callable[[], None], Callable[[], None]]:
    """The same work as ``register.warnings_for`` through raw sqlcipher3: in one durable
    write transaction (WAL, synchronous=FULL) the indexed select of the active notes at
    the address, then per note the audit head and a chained audit entry (the same hash
    computed in Python)."""
    import sqlcipher3

    raw = sqlcipher3.connect(str(db_path(folder)), isolation_level=None)
    raw.execute(f'PRAGMA key = "{raw_key_literal(ctx.store._key)}"')
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    query = (
        "SELECT * FROM unsafe_address_notes "
        "WHERE postcode = ? AND house_number = ? AND addition = ? AND status = 'actief'"
    )

    def logged() -> None:
        at = NOW.strftime("%Y-%m-%d %H:%M:%S.%f")
        raw.execute("BEGIN IMMEDIATE")
        for note in raw.execute(query, ("1000 AX", 1, "")).fetchall():
            last_id, prev = raw.execute(
                "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"
            ).fetchone()
            digest = entry_hash(
                entry_id=last_id + 1,
                at=NOW,
                actor_id=ctx.actor.account_id,
                action="note_viewed",
                object_type="note",
                object_id=str(note[0]),
                detail="",
                prev_hash=prev,
            )
            raw.execute(
                "INSERT INTO audit_log (id, at, actor_id, action, object_type, object_id, "
                "detail, prev_hash, hash) VALUES (?, ?, ?, 'note_viewed', 'note', ?, '', ?, ?)",
                (last_id + 1, at, ctx.actor.account_id, str(note[0]), prev, digest),
            )
        raw.execute("COMMIT")

    return logged, raw.close


def parts(ctx: ServiceContext, key: AddressKey, repeat: int) -> None:
    """What ``warnings_for`` spends its time on: session, query, ORM rows, audit entry."""
    from veilig_huisbezoek.services.register import _at_address, _to_domain
    from veilig_huisbezoek.storage.models import UnsafeAddressNote as NoteRow

    query = _at_address(key).where(NoteRow.status == "actief")
    core = query.with_only_columns(*NoteRow.__table__.c)
    n = repeat * 20

    def read_session_only() -> None:
        with ctx.store.read_session() as session:
            session.connection()

    def core_rows() -> None:
        with ctx.store.read_session() as session:
            session.connection().execute(core).all()

    def orm_notes() -> None:
        with ctx.store.read_session() as session:
            [_to_domain(row) for row in session.execute(query).scalars()]

    def orm_audit() -> None:
        with ctx.store.session() as session:
            for note in [_to_domain(row) for row in session.execute(query).scalars()]:
                ctx.audit(session, "note_viewed", "note", note.id or "")

    for name, fn in (
        ("read transaction only", read_session_only),
        ("+ Core query, tuples", core_rows),
        ("+ ORM query, domain notes", orm_notes),
        ("write transaction, ORM query, audit entry per note (= warnings_for)", orm_audit),
    ):
        PARTS.append(f"  lookup parts: {name}: {median_ms(fn, n, warmup=5):.3f} ms")


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
    """``visits.depart`` vs the same statements through raw sqlcipher3 (same run)."""
    import sqlcipher3

    from veilig_huisbezoek.domain.visit import VisitState

    ctx = accounts.log_in(folder, USER, PASSWORD, FakeClock(NOW))
    try:
        with ctx.store.session() as session:
            planned = list(
                session.execute(
                    select(Visit.id).where(Visit.state == "afgesloten").limit(repeat * 40 + 20)
                ).scalars()
            )
            for vid in planned:
                session.get(Visit, vid).state = VisitState.GEPLAND.value  # type: ignore[union-attr]
            buddies = set(session.execute(select(Visit.buddy_id).distinct()).scalars())
        for buddy_id in buddies:  # the buddies are logged in (the departure checks it)
            ctx.store.heartbeat(f"bench-{buddy_id}", buddy_id, NOW, locked=False)
        todo = iter(planned)
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

        def raw_same_work() -> None:
            # The statements visits.depart sends (one transaction), through sqlcipher3
            # directly, with the same audit hash computed in Python.
            vid = next(todo)
            now = NOW
            at = now.strftime("%Y-%m-%d %H:%M:%S.%f")
            raw.execute("BEGIN IMMEDIATE")
            state, _visitor, buddy_id, first_name, phone = raw.execute(
                "SELECT v.state, v.visitor_id, v.buddy_id, a.first_name, a.phone FROM visits v "
                "JOIN accounts a ON a.id = v.buddy_id WHERE v.id = ?",
                (vid,),
            ).fetchone()
            seen = raw.execute(
                "SELECT account_id, seen_at, ended_at, locked FROM presence WHERE seen_at >= ?",
                ((now - timedelta(days=1)).strftime("%Y-%m-%d %H:%M:%S.%f"),),
            ).fetchall()
            assert state == "gepland" and seen and first_name and phone is not None
            raw.execute(
                "UPDATE visits SET state = 'onderweg', updated_at = ? WHERE id = ?", (at, vid)
            )
            raw.execute(
                "INSERT INTO visit_events (visit_id, at, actor_id, kind, detail) "
                "VALUES (?, ?, ?, 'vertrokken', '')",
                (vid, at, buddy_id),
            )
            last_id, prev = raw.execute(
                "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"
            ).fetchone()
            digest = entry_hash(
                entry_id=last_id + 1,
                at=now,
                actor_id=ctx.actor.account_id,
                action="visit_onderweg",
                object_type="visit",
                object_id=str(vid),
                detail="",
                prev_hash=prev,
            )
            raw.execute(
                "INSERT INTO audit_log (id, at, actor_id, action, object_type, object_id, "
                "detail, prev_hash, hash) VALUES (?, ?, ?, 'visit_onderweg', 'visit', ?, '', ?, ?)",
                (last_id + 1, at, ctx.actor.account_id, str(vid), prev, digest),
            )
            raw.execute("COMMIT")

        ours, same = paired_medians(
            lambda: visits.depart(ctx, next(todo)), raw_same_work, repeat * 10
        )
        (buddy_id,) = buddies  # the bench's visits share one buddy
        orm, same_again = paired_medians(
            lambda: visits.depart(ctx, next(todo), new_buddy_id=buddy_id),
            raw_same_work,
            repeat * 10,
        )
        PARTS.append(
            "  check-in parts: the ORM path (as before this round; still taken when a buddy "
            f"is chosen at the door): {orm:.3f} ms vs raw {same_again:.3f} ms = "
            f"{orm / same_again:.2f}x"
        )
        PARTS.append(
            "  check-in parts: the same statements as visits.depart (select visit + buddy, "
            "select presence, update, insert event, select audit head, insert audit entry) "
            f"in one raw transaction: {same:.3f} ms; one raw insert: {base:.3f} ms"
        )
        raw.execute("DROP TABLE bench_raw")
        raw.close()
        return ours, same
    finally:
        ctx.store.close()


def bench_memory(folder: Path, visits_n: int, scroll_all: bool) -> tuple[float, float, list[float]]:
    (bare,) = child_numbers(BARE_MEMORY)
    first, *rest = child_numbers(
        APP_MEMORY, str(folder), USER, PASSWORD, str(visits_n), "all" if scroll_all else "first"
    )
    return first, bare, rest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=100_000)
    parser.add_argument("--active", type=int, default=500)
    parser.add_argument(
        "--scroll-all",
        action="store_true",
        help="also measure memory after scrolling the history through every row (slow)",
    )
    parser.add_argument(
        "--only",
        default="start,unlock,lookup,board,checkin,memory",
        help="comma-separated measurements to run (default: all)",
    )
    args = parser.parse_args()
    only = set(args.only.split(","))

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

        if "start" in only:
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
        if "unlock" in only:
            unlock_ms = bench_unlock(folder, args.repeat)
            add(
                "ontgrendelen (Argon2id + open + controles)",
                f"{unlock_ms:.0f} ms",
                "—",
                "—",
                "in ms",
                None,
            )
        if "lookup" in only:
            ours, base, found = bench_lookup(folder, args.repeat)
            ratio = ours / base
            add(
                f"adres opzoeken in {args.notes:,} notities ({found} treffer), inzage gelogd",
                f"{ours:.3f} ms",
                f"{base:.3f} ms rauw: select + auditregel + commit",
                f"{ratio:.2f}x",
                "<= 1.5x en < 5 ms",
                ratio <= 1.5 and ours < 5,
            )
        if "board" in only:
            tick_ms, refresh_ms, board_n = bench_board(folder, args.repeat)
            add(
                f"bordtik met {board_n} actieve bezoeken",
                f"{tick_ms:.2f} ms",
                f"(verversen: {refresh_ms:.0f} ms)",
                "—",
                "< 5 ms",
                tick_ms < 5,
            )
        if "checkin" in only:
            ours, base = bench_checkin(folder, args.repeat)
            ratio = ours / base
            add(
                "vertrek vastleggen (volledig duurzaam)",
                f"{ours:.2f} ms",
                f"{base:.2f} ms dezelfde statements rauw",
                f"{ratio:.2f}x",
                "<= 1.5x",
                ratio <= 1.5,
            )
        if "memory" in only:
            app_kib, bare_kib, (first_ms, shown, all_kib, all_s) = bench_memory(
                folder, args.visits, args.scroll_all
            )
            ratio = app_kib / bare_kib
            add(
                f"geheugen met historiepagina op {args.visits:,} bezoeken "
                f"({shown:.0f} rijen getoond)",
                f"{app_kib / 1024:.0f} MiB",
                f"{bare_kib / 1024:.0f} MiB kaal venster",
                f"{ratio:.2f}x",
                "<= 150 MiB",
                app_kib <= 150 * 1024,
            )
            PARTS.append(f"  history page: first page shown after {first_ms:.0f} ms (incl. count)")
            if all_kib:
                PARTS.append(
                    f"  history page scrolled to the end: {all_kib / 1024:.0f} MiB "
                    f"({all_kib / bare_kib:.2f}x), all pages read in {all_s:.1f} s"
                )
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        header = ("meting", "Veilig Huisbezoek", "basislijn", "ratio", "doel")
        widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
        line = " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
        print(line)
        print("-+-".join("-" * w for w in widths))
        for row in rows:
            print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        print("\n".join(PARTS))
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpu, repeat={args.repeat}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
