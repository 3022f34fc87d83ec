"""Failover time (run by hand, not by pytest): ``python bench/failover_bench.py``.

Needs Debian's ``postgresql`` package (as the team tests do); starts a throw-away TLS
cluster on loopback and real app processes (``tests.team.live_driver``: a MainWindow in
team mode, offscreen) for the buddy (Bram) and the leidinggevende (Petra). Sanne's
visit is out with Bram as buddy; then Bram's desk goes away and the time until Petra's
window raises "Buddy niet bereikbaar" is measured:

1. **logged out** (Uitloggen past the handover: the session ends at once) — the
   baseline, measured in the same run: the rule's own 60 s;
2. **kill -9** (no last word: the server notices when three heartbeats are missed).

Each ``--repeat`` times (a fresh buddy process per run). Prints median and max and the
ratio to the baseline's median. The goal: kill -9 → alarm within 60 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.conftest import PASSWORDS  # noqa: E402
from tests.team.conftest import make_pg_team  # noqa: E402
from tests.team.pgcluster import create_cluster  # noqa: E402
from tests.team.workstation import Workstation  # noqa: E402
from veilig_huisbezoek.domain.clock import FakeClock  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    cluster = create_cluster()
    folder = Path(tempfile.mkdtemp(prefix="vh-failover-bench-"))
    results: dict[str, list[float]] = {"logged out": [], "kill -9": []}
    try:
        team = make_pg_team(cluster, FakeClock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC)))
        # Real clock on every desk: the schedulers' own timers fire, as in the app.
        start = None
        petra = Workstation.start("petra", team.person_url, start, folder)
        petra.send("login", user="petra", password=PASSWORDS["petra"], timeout=30)
        sanne = Workstation.start("sanne", team.person_url, start, folder)
        sanne.send("login", user="sanne", password=PASSWORDS["sanne"], timeout=30)
        try:
            for run in range(args.repeat):
                for mode in results:
                    bram = Workstation.start(f"bram{run}{mode[0]}", team.person_url, start, folder)
                    bram.send("login", user="bram", password=PASSWORDS["bram"], timeout=30)
                    planned = sanne.send("plan", buddy_id=team.ids["bram"], start_in_s=-60)
                    visit_id = planned["visit_id"]
                    time.sleep(1.0 + run * 1.7)  # another phase against the 10 s heartbeat
                    petra.clear_events()
                    if mode == "kill -9":
                        bram.kill()
                    else:
                        bram.send("logout_now")
                    gone = time.monotonic()
                    fired = petra.wait_event(
                        lambda m: (
                            m.get("event") == "alarm"
                            and m["kind"] == "buddy_onbereikbaar"
                            and m["visit_id"] == visit_id  # noqa: B023 (used at once)
                        ),
                        timeout=180,
                    )
                    results[mode].append(fired - gone)
                    print(f"run {run + 1} {mode}: {fired - gone:.1f} s", flush=True)
                    bram.close()
                    petra.send("take_over")  # Petra watches it now: nothing repeats
        finally:
            petra.close()
            sanne.close()
    finally:
        cluster.destroy()
    base = statistics.median(results["logged out"])
    print(f"{'buddy':<12} {'median s':>9} {'max s':>7} {'× logged out':>13}   runs (s)")
    for mode, times in results.items():
        median = statistics.median(times)
        runs = " ".join(f"{t:.1f}" for t in times)
        print(f"{mode:<12} {median:>9.1f} {max(times):>7.1f} {median / base:>13.2f}   {runs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
