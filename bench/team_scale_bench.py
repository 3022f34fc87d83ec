"""A team server for a whole municipality (run by hand, not by pytest):
``python bench/team_scale_bench.py --workstations 100 --visits 1000 --seconds 120``.

Needs Debian's ``postgresql`` package (as the team tests do); starts a throw-away TLS
cluster on loopback. N simulated workstations (``tests/team/scale_client.py``: each its
own login role, engine pool, live listener, presence heartbeat and reminder rules, no
widgets), spread over a few processes with many desk threads each; M running visits
with their call-backs; then for S seconds about 2 changes per second (visits planned
and departing, calls recorded, alarms raised and taken charge of, returns). One desk
(the failover's victim, buddy of some of the running visits) is killed with SIGKILL a
quarter into the run; the time until another desk raises "Buddy niet bereikbaar" is
the failover under load.

Measured: change → visible on every other desk (p50, p95, max), the server's CPU (its
processes' ``/proc/<pid>/stat``) and memory (PSS, ``smaps_rollup``), transactions per
second (``pg_stat_database``), connections (``pg_stat_activity``); where the time goes:
change → its notification handed to every other desk ("told", before any desk reads),
the desks' processes' CPU and the whole machine's busy CPU (``/proc/stat``). The same
stream with 10 workstations runs first as the baseline; the growth ratio is printed.

Accounts use a fast key-derivation setting for the key slots (tests/team/conftest.py
FAST_KDF), so that making 100 accounts takes seconds; logging in still derives the
database password with the app's own Argon2id setting.
"""

from __future__ import annotations

import argparse
import collections
import math
import multiprocessing
import os
import queue
import signal
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.team.conftest import FAST_KDF  # noqa: E402
from tests.team.pgcluster import Cluster, create_cluster  # noqa: E402
from tests.team.scale_client import (  # noqa: E402
    BARRIER_S,
    Person,
    WorkerResult,
    WorkerSpec,
    run_worker,
)
from veilig_huisbezoek.domain.roles import Role  # noqa: E402
from veilig_huisbezoek.services import accounts  # noqa: E402
from veilig_huisbezoek.services.accounts import COSIGN_LEAD_ACCOUNT, NewAccount  # noqa: E402
from veilig_huisbezoek.services.team import set_up_team_server, team_log_in  # noqa: E402
from veilig_huisbezoek.storage.team.location import TeamLocation  # noqa: E402
from veilig_huisbezoek.storage.team.locks import WRITE_LOCK  # noqa: E402

RATE = 2.0  # changes per second, all workstations together
BASELINE = 10
DESKS_PER_PROCESS = 25


def password(i: int) -> str:
    return f"werkplek-{i:03d}-wachtwoord"


def make_team(cluster: Cluster, n: int) -> tuple[str, list[Person]]:
    """anna (beheerder) makes ``n`` accounts: about one leidinggevende in twelve (each
    after the first co-signed by the first), the others medewerkers; all with a
    phone that dials."""
    database = cluster.create_database()
    owner = TeamLocation.parse(cluster.owner_url(database))
    admin_pw = "beheerder-wachtwoord-1"
    set_up_team_server(
        owner, NewAccount("anna", admin_pw, "Anna", "Beheer", frozenset()), kdf=FAST_KDF
    )
    location = TeamLocation.parse(cluster.url(database, user="", password=None))
    anna = team_log_in(location, "anna", admin_pw)
    leads = max(1, round(n / 12))
    people: list[Person] = []
    for i in range(n):
        lead = i < leads
        name = f"werkplek{i:03d}"
        cosign = None
        if lead and i > 0:
            cosign = accounts.co_sign(anna, people[0].username, password(0), COSIGN_LEAD_ACCOUNT)
        account_id = accounts.add_account(
            anna,
            NewAccount(
                name,
                password(i),
                f"Voornaam{i}",
                "Achternaam",
                frozenset({Role.LEIDINGGEVENDE if lead else Role.MEDEWERKER}),
                f"06 {10000000 + i}",
            ),
            cosign,
        )
        people.append(Person(name, password(i), account_id, lead))
    anna.store.close()
    return cluster.url(database, user="", password=None), people


# ---- the server's own figures ------------------------------------------------------
def _postgres_pids(cluster: Cluster) -> list[int]:
    postmaster = int((cluster.data_dir / "postmaster.pid").read_text().split()[0])
    pids = [postmaster]
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == postmaster:
            pids.append(int(entry))
    return pids


def _cpu_ticks(pid: int) -> int | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[11]) + int(fields[12])  # utime + stime


def _machine_busy_ticks() -> int:
    """The whole machine's busy CPU ticks since boot (``/proc/stat``: all but idle and
    iowait)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4]


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class ServerFigures:
    cpu_cores: float
    top: list[tuple[float, int, str]]  # the server's busiest statements: ms, calls, text
    # The write lock's holder per sample: age s, state, its last statement (SQL text
    # with placeholders, no values).
    lock_held: list[tuple[float, str, str]]
    pss_mib_max: float
    tps: float
    connections_max: int
    listeners_max: int
    machine_cores: float  # the whole machine's busy CPU (server, desks, coordinator)


class ServerWatch:
    """Samples the cluster every second during the run."""

    def __init__(self, cluster: Cluster, database: str) -> None:
        import psycopg

        self.cluster = cluster
        self.database = database
        self.conn = psycopg.connect(cluster.conninfo(database), autocommit=True)
        self.conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        self.conn.execute("SELECT pg_stat_statements_reset()")
        self.start_ticks: dict[int, int] = {}
        self.start_xacts = 0
        self.start_machine = 0
        self.started = 0.0
        self.pss_max = 0
        self.conn_max = 0
        self.listen_max = 0
        self.top: list[tuple[float, int, str]] = []
        self.lock_held: list[tuple[float, str, str]] = []  # per sample: held s, state, SQL

    def _xacts(self) -> int:
        row = self.conn.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s",
            (self.database,),
        ).fetchone()
        assert row is not None
        return int(row[0])

    def begin(self) -> None:
        self.start_ticks = {
            pid: t for pid in _postgres_pids(self.cluster) if (t := _cpu_ticks(pid)) is not None
        }
        self.start_xacts = self._xacts()
        self.start_machine = _machine_busy_ticks()
        self.started = time.monotonic()

    def sample(self) -> None:
        self.pss_max = max(self.pss_max, sum(map(_pss_kib, _postgres_pids(self.cluster))))
        rows = self.conn.execute(
            "SELECT application_name, count(*) FROM pg_stat_activity WHERE datname = %s "
            "AND pid <> pg_backend_pid() GROUP BY 1",
            (self.database,),
        ).fetchall()
        self.conn_max = max(self.conn_max, sum(int(r[1]) for r in rows))
        # Who holds the team's write lock, how long, and whether the server is working
        # for it ('active') or waiting for the desk ('idle in transaction').
        holder = self.conn.execute(
            "SELECT extract(epoch FROM now() - a.xact_start), a.state, "
            "left(regexp_replace(a.query, '\\s+', ' ', 'g'), 110) FROM pg_locks l "
            "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
            "AND l.granted AND a.datname = %s AND l.classid = 0 AND l.objsubid = 1 "
            "AND l.objid = %s::oid",
            (self.database, WRITE_LOCK),
        ).fetchone()
        if holder is not None:
            self.lock_held.append((float(holder[0]), str(holder[1]), str(holder[2])))
        live = sum(int(r[1]) for r in rows if r[0] == "veilig-huisbezoek-live")
        self.listen_max = max(self.listen_max, live)

    def end(self) -> ServerFigures:
        elapsed = time.monotonic() - self.started
        xacts = self._xacts() - self.start_xacts
        ticks = 0
        for pid in _postgres_pids(self.cluster):
            now = _cpu_ticks(pid)
            if now is not None:
                ticks += now - self.start_ticks.get(pid, 0)
        hz = os.sysconf("SC_CLK_TCK")
        machine = (_machine_busy_ticks() - self.start_machine) / hz / elapsed
        self.top = [
            (float(r[0]), int(r[1]), " ".join(str(r[2]).split())[:150])
            for r in self.conn.execute(
                "SELECT total_exec_time, calls, query FROM pg_stat_statements "
                "ORDER BY total_exec_time DESC LIMIT 8"
            ).fetchall()
        ]
        self.conn.close()
        return ServerFigures(
            ticks / hz / elapsed,
            self.top,
            self.lock_held,
            self.pss_max / 1024,
            xacts / elapsed,
            self.conn_max,
            self.listen_max,
            machine,
        )


def measure_dump(cluster: Cluster, database: str) -> tuple[float, float, float]:
    """``pg_dump -Fc`` of the team database as IT would make it: (database MiB, dump
    MiB, seconds)."""
    import subprocess
    import tempfile

    import psycopg

    with psycopg.connect(cluster.conninfo(database)) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        assert row is not None
        size = int(row[0])
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "team.dump"
        began = time.monotonic()
        subprocess.run(
            [
                str(cluster.bin_dir / "pg_dump"),
                "-Fc",
                "-f",
                str(target),
                cluster.conninfo(database),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        took = time.monotonic() - began
        dumped = target.stat().st_size
    return size / 2**20, dumped / 2**20, took


# ---- one run ----------------------------------------------------------------------
@dataclass
class RunFigures:
    workstations: int
    visits: int
    changes: int
    seconds: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    missed: int
    reload_ms: float  # a desk's reload (schedule, board, alarm panel), median
    # change → the live listener handing its notification to every other desk (before
    # the reload): the server's part of the propagation.
    told_p95_ms: float
    desk_cores: float  # the desks' processes' CPU during the stream, in cores
    reloads: int
    reads_skipped: int  # reloads that read nothing
    server: ServerFigures
    failover_s: float | None
    setup_s: float
    errors: dict[str, int]
    dump: tuple[float, float, float]  # database MiB, pg_dump -Fc MiB, seconds


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def one_run(n: int, m: int, seconds: float, say: Any) -> RunFigures:
    cluster = create_cluster(
        max_connections=4 * n + 40,
        extra_conf=("shared_preload_libraries = 'pg_stat_statements'",),
    )
    try:
        url, people = make_team(cluster, n)
        say(f"{n} accounts made; {n} workstations log in …")
        database = TeamLocation.parse(url).database
        victim, desks = people[-1], people[:-1]
        ids = [p.account_id for p in people]
        groups = max(1, math.ceil(len(desks) / DESKS_PER_PROCESS))
        per_group = [desks[i::groups] for i in range(groups)]
        visits_each = max(1, round(m / len(desks)))
        due_fraction = min(1.0, 0.25 * seconds / max(1, visits_each * len(desks)))
        ctx = multiprocessing.get_context("spawn")
        setup = ctx.Barrier(groups + 2)
        end = ctx.Barrier(groups + 1)
        starts_at = ctx.Value("d", 0.0)
        results = ctx.Queue()
        stream = [p.account_id for p in desks]
        processes = []
        for g, group in enumerate(per_group):
            spec = WorkerSpec(
                url,
                group,
                stream,
                visits_each,
                due_fraction,
                RATE / groups,
                seconds,
                g * 7,
                setup_buddies=ids,
            )
            processes.append(
                ctx.Process(target=run_worker, args=(spec, setup, end, starts_at, results))
            )
        victim_spec = WorkerSpec(url, [victim], stream, 0, 0.0, 0.0, seconds, 99, setup_buddies=ids)
        killed = ctx.Process(target=run_worker, args=(victim_spec, setup, None, starts_at, results))
        for process in [*processes, killed]:
            process.start()
        try:
            setup.wait(BARRIER_S)
            began = time.monotonic()
            say(f"logged in; {visits_each * len(desks)} running visits being planned …")
            starts_at.value = time.monotonic() + 20 + 0.05 * visits_each * len(desks) / 2
            setup.wait(BARRIER_S)
            setup.wait(BARRIER_S)
            start = time.monotonic() + 2
            starts_at.value = start
            setup_s = time.monotonic() - began
            watch = ServerWatch(cluster, database)
            setup.wait(BARRIER_S)
            say(f"set up in {setup_s:.0f} s; the stream runs {seconds:.0f} s …")
            time.sleep(max(0.0, start - time.monotonic()))
            watch.begin()
            kill_at = start + min(30.0, seconds / 4)
            until = start + seconds
            kill_time = 0.0
            figures: ServerFigures | None = None
            # Past the stream's end until the failover has surely fired (the desks
            # keep listening, beating and firing reminders meanwhile).
            while time.monotonic() < max(until, kill_at + 75) or figures is None:
                if not kill_time and time.monotonic() >= kill_at:
                    assert killed.pid is not None
                    os.kill(killed.pid, signal.SIGKILL)
                    kill_time = time.monotonic()
                if time.monotonic() < until:
                    watch.sample()
                elif figures is None:
                    figures = watch.end()
                time.sleep(1.0)
            end.wait(BARRIER_S)
            end.wait(BARRIER_S)
            try:
                found: list[WorkerResult] = [results.get(timeout=300) for _ in processes]
            except queue.Empty:
                alive = [p.name for p in processes if p.is_alive()]
                raise SystemExit(f"no results within 300 s from: {', '.join(alive)}") from None
            for process in processes:
                process.join(30)
            dump = measure_dump(cluster, database)
        finally:
            for process in [*processes, killed]:
                if process.is_alive():
                    process.kill()
    finally:
        cluster.destroy()
    changes = [c for r in found for c in r.changes]
    logs = {d.username: d for r in found for d in r.desks}
    delays: list[float] = []
    told: list[float] = []
    missed = 0
    for at, writer, _kind, visit_id, begun in changes:
        for name, log in logs.items():
            if name == writer:
                continue
            heard = next(
                (t for t, ids in log.notified if t >= begun and (ids is None or visit_id in ids)),
                None,
            )
            if heard is not None:
                told.append(max(0.0, heard - at))
            seen = next(
                (e for s, e, ids in log.reloads if s >= at and (ids is None or visit_id in ids)),
                None,
            )
            if seen is None:
                missed += 1
            else:
                delays.append(seen - at)
    reload_ms = 1000 * statistics.median(
        e - s for log in logs.values() for s, e, _ids in log.reloads
    )
    failover: float | None = None
    firsts = [t for log in logs.values() for t, _v in log.failovers if t > kill_time]
    if firsts:
        failover = min(firsts) - kill_time
    errors: dict[str, int] = {}
    for log in logs.values():
        for name, count in log.errors.items():
            errors[name] = errors.get(name, 0) + count
    return RunFigures(
        n,
        visits_each * len(desks),
        len(changes),
        seconds,
        1000 * percentile(delays, 0.5) if delays else math.nan,
        1000 * percentile(delays, 0.95) if delays else math.nan,
        1000 * max(delays) if delays else math.nan,
        missed,
        reload_ms,
        1000 * percentile(told, 0.95) if told else math.nan,
        sum(r.cpu_s for r in found) / seconds,
        sum(len(log.reloads) for log in logs.values()),
        sum(log.reads_skipped for log in logs.values()),
        figures,
        failover,
        setup_s,
        errors,
        dump,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workstations", type=int, default=100)
    parser.add_argument("--visits", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--no-baseline", action="store_true", help="skip the 10-desk run")
    args = parser.parse_args()
    began = time.monotonic()

    def say(text: str) -> None:
        print(f"[{time.monotonic() - began:5.0f} s] {text}", flush=True)

    say(
        "accounts use the fast key derivation of the tests (FAST_KDF: Argon2id 8 MiB, "
        "1 pass) for their key slots; logins use the app's own setting"
    )
    runs: list[RunFigures] = []
    sizes = [args.workstations] if args.no_baseline else [BASELINE, args.workstations]
    for n in sizes:
        runs.append(one_run(n, args.visits, args.seconds, say))
    print()
    print(
        f"{'desks':>5} {'visits':>6} {'changes':>7} {'/s':>5} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'max ms':>7} {'missed':>6} {'reload':>6} {'srv CPU':>8} {'srv MiB':>8} {'xact/s':>7} "
        f"{'conns':>5} {'failover s':>10} {'told p95':>8} {'desk CPU':>8} {'machine':>7}"
    )
    for r in runs:
        failover = f"{r.failover_s:.1f}" if r.failover_s is not None else "none"
        print(
            f"{r.workstations:>5} {r.visits:>6} {r.changes:>7} {r.changes / r.seconds:>5.2f} "
            f"{r.p50_ms:>7.0f} {r.p95_ms:>7.0f} {r.max_ms:>7.0f} {r.missed:>6} {r.reload_ms:>6.0f} "
            f"{r.server.cpu_cores:>7.2f}c {r.server.pss_mib_max:>8.0f} {r.server.tps:>7.0f} "
            f"{r.server.connections_max:>5} {failover:>10} {r.told_p95_ms:>8.0f} "
            f"{r.desk_cores:>7.2f}c {r.server.machine_cores:>6.2f}c"
        )
    for r in runs:
        print(f"busiest statements on the server at {r.workstations} desks (ms total, calls):")
        for ms, calls, query in r.server.top:
            print(f"  {ms:9.0f} {calls:7d}  {query}")
    for r in runs:
        held = r.server.lock_held
        idle = [sql for _h, state, sql in held if state.startswith("idle")]
        longest = max((h for h, _s, _q in held), default=0.0)
        print(
            f"write lock at {r.workstations} desks: held in {len(held)} of the 1 s samples, "
            f"{len(idle)} of them by a transaction waiting for its desk; longest seen "
            f"{longest:.1f} s"
        )
        for sql, times in collections.Counter(idle).most_common(5):
            print(f"  {times:4d}x waiting for its desk after: {sql}")
    for r in runs:
        db, dumped, took = r.dump
        print(
            f"after the run at {r.workstations} desks: database {db:.0f} MiB; "
            f"pg_dump -Fc {dumped:.1f} MiB in {took:.1f} s"
        )
    for r in runs:
        if r.errors:
            print(f"refused or raced changes at {r.workstations} desks: {r.errors}")
    for r in runs:
        print(
            f"reloads at {r.workstations} desks that read nothing (the change touched no "
            f"visit the desk holds): {r.reads_skipped} of {r.reloads}"
        )
    for r in runs:
        per_change = 1000 * r.desk_cores * r.seconds / max(1, r.changes * r.workstations)
        print(
            f"desks' CPU at {r.workstations} desks: {r.desk_cores:.2f} cores, "
            f"{per_change:.1f} ms per change and desk (reloads, heartbeats, reminders, the "
            f"drivers' own changes); the machine busy {r.server.machine_cores:.2f} of "
            f"{os.cpu_count()} cores"
        )
    print(
        "(conns: server connections at most, of which one live listener per desk; "
        "srv CPU in cores of this machine, shared with the desks' own processes; told: "
        "change → its notification handed to every other desk, before that desk's reload)"
    )
    if len(runs) == 2:
        print(
            f"growth {runs[1].workstations}/{runs[0].workstations} at p95: "
            f"{runs[1].p95_ms / runs[0].p95_ms:.2f}x"
        )
    last = runs[-1]
    print(f"p95 propagation: {last.p95_ms:.0f} ms at {last.workstations} workstations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
