"""The watch service's latency (run by hand, not by pytest): ``python bench/watch_bench.py``.

Needs Debian's ``postgresql`` package (as the team tests do) and the test extra
(aiosmtpd). Starts a throw-away TLS cluster on loopback, an SMTP server on loopback and
the watch service in its own process (``veilig-huisbezoek watch``, real clock, the
default check interval unless ``--interval``). Each run plans a visit whose ladder
(overdue + escalation, nobody taking charge) ends a few seconds later and measures the
time from the ladder's end to the message accepted by the SMTP server. Prints every
run, the median and the max. The goal (issue 14): within 30 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.reminders.helpers import running_visit  # noqa: E402
from tests.team.conftest import make_pg_team  # noqa: E402
from tests.team.pgcluster import create_cluster  # noqa: E402
from tests.team.watch_helpers import add_watch, config_text, smtp_server  # noqa: E402
from veilig_huisbezoek.domain.clock import FakeClock  # noqa: E402

LADDER = timedelta(minutes=25)  # default grace 15 + escalation 10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--interval", type=float, default=10.0, help="the service's check")
    args = parser.parse_args()
    cluster = create_cluster()
    folder = Path(tempfile.mkdtemp(prefix="vh-watch-bench-"))
    delays: list[float] = []
    try:
        team = make_pg_team(cluster, FakeClock(datetime.now(UTC)))
        url = add_watch(team)
        with smtp_server() as smtp:
            config = folder / "watch.toml"
            config.write_text(config_text(smtp.port, unwatched=600), encoding="utf-8")
            log = (folder / "watch.log").open("w", encoding="utf-8")
            service = subprocess.Popen(
                [sys.executable, "-m", "veilig_huisbezoek", "watch", "--database-url", url,
                 "--config", str(config), "--interval", str(args.interval)],
                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log,
            )  # fmt: skip
            try:
                for run in range(args.repeat):
                    # Another phase against the check interval each run.
                    ladder_end = datetime.now(UTC) + timedelta(seconds=3 + run * 1.3)
                    end = ladder_end - LADDER
                    team.clock.set(end - timedelta(minutes=30))
                    running_visit(team, start=team.clock.now(), end=end, callbacks=())  # type: ignore[arg-type]
                    if not smtp.inbox.wait_for(run + 1, 60):
                        print(f"run {run + 1}: no message within 60 s", file=sys.stderr)
                        return 1
                    delay = smtp.inbox.all()[run].wall - ladder_end.timestamp()
                    delays.append(delay)
                    print(f"run {run + 1}: ladder end → message accepted {delay:.2f} s")
            finally:
                service.terminate()
                service.wait(15)
                log.close()
    finally:
        cluster.destroy()
    print(
        f"check every {args.interval:.0f} s, {len(delays)} runs: "
        f"median {statistics.median(delays):.2f} s, max {max(delays):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
