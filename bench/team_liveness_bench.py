"""Team-server liveness (run by hand, not by pytest): ``python bench/team_liveness_bench.py``.

Needs Debian's ``postgresql`` package (as the team tests do); starts a throw-away TLS
cluster on loopback. How long until the app's live connection reports the server lost:

1. **Stopped** (``pg_ctl stop``: the connection is closed with an error) — the baseline,
   measured in the same run;
2. **Black-holed** (a TCP forwarder that accepts bytes and passes nothing on: a hung
   host, packets dropped on the way) — found by the heartbeat only.

Each is measured ``--repeat`` times at different phases against the 1 s heartbeat and
printed with the ratio to the baseline's median.
"""

from __future__ import annotations

import argparse
import queue
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.team.blackhole import BlackholeProxy  # noqa: E402
from tests.team.conftest import make_pg_team  # noqa: E402
from tests.team.pgcluster import create_cluster  # noqa: E402
from veilig_huisbezoek.domain.clock import FakeClock  # noqa: E402
from veilig_huisbezoek.storage.team.listen import ChangeListener, conninfo_from_url  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    cluster = create_cluster()
    try:
        team = make_pg_team(cluster, FakeClock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC)))
        sanne = team.login("sanne")
        store = sanne.store
        assert store.username is not None and store.db_password is not None
        url = store.location.as_person(store.username, store.db_password)  # type: ignore[attr-defined]
        results: dict[str, list[float]] = {}
        for mode in ("stopped", "black-holed"):
            for run in range(args.repeat):
                with BlackholeProxy(cluster.port) as proxy:
                    events: queue.Queue[str] = queue.Queue()
                    listener = ChangeListener(
                        conninfo_from_url(url.set(port=proxy.port)),
                        on_change=lambda _tables: None,
                        on_lost=lambda _since, q=events: q.put("lost"),
                        on_restored=lambda q=events: q.put("restored"),
                    )
                    listener.start()
                    while not listener.connected:
                        time.sleep(0.01)
                    time.sleep(0.3 + run * 0.17)  # another phase against the heartbeat
                    started = time.monotonic()
                    if mode == "stopped":
                        cluster.stop()
                    else:
                        proxy.blackhole()
                    events.get(timeout=60)
                    results.setdefault(mode, []).append(time.monotonic() - started)
                    listener.stop()
                    if mode == "stopped":
                        cluster.start()
        sanne.store.close()
    finally:
        cluster.destroy()
    base = statistics.median(results["stopped"])
    print(f"{'server':<12} {'median s':>9} {'max s':>7} {'× stopped':>10}   runs (s)")
    for mode, times in results.items():
        median = statistics.median(times)
        runs = " ".join(f"{t:.2f}" for t in times)
        print(f"{mode:<12} {median:>9.2f} {max(times):>7.2f} {median / base:>10.1f}   {runs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
