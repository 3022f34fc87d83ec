"""``veilig-huisbezoek watch --database-url URL --config FILE [--once]``.

The database URL names the watch role (``admin add-watch``); its password comes from
the URL, ``PGPASSWORD`` or a libpq password file (``PGPASSFILE``, ``~/.pgpass``).
Logging goes to stderr (the journal under systemd), with visit numbers only.

Exit codes: 0 done (``--once``: the check ran, or the service was stopped), 1 a wrong
configuration or address, or ``--once`` could not reach the database or the relay.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"Fout in de opdracht: {message}", file=sys.stderr)
        raise SystemExit(1)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="veilig-huisbezoek watch",
        description="Wachtpost: meldt per e-mail een alarm waar niemand op reageert of een "
        "bezoek waar niemand meekijkt, zonder dat er een werkplek aan staat.",
    )
    p.add_argument("--database-url", required=True, help="teamserver, met de rol van de wachtpost")
    p.add_argument("--config", type=Path, required=True, help="configuratiebestand (TOML)")
    p.add_argument("--once", action="store_true", help="één controle, dan stoppen")
    p.add_argument(
        "--interval", type=float, default=10.0, help="seconden tussen twee controles (10)"
    )
    return p


def run(argv: Sequence[str], *, stderr: TextIO | None = None) -> int:
    from ..storage.errors import StoreError
    from ..storage.team.listen import conninfo_from_url
    from ..storage.team.location import TeamLocation
    from ..storage.team.watch import WatchConnection
    from .config import ConfigError, load_config
    from .mail import SmtpMailer
    from .service import WatchService

    err = stderr or sys.stderr
    args = _parser().parse_args(list(argv))
    logging.basicConfig(
        stream=err, level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s"
    )
    if not 1 <= args.interval <= 60:
        print("--interval moet tussen 1 en 60 seconden liggen.", file=err)
        return 1
    try:
        config = load_config(args.config)
        location = TeamLocation.parse(args.database_url)
    except (ConfigError, StoreError) as exc:
        print(str(exc), file=err)
        return 1
    params = conninfo_from_url(location.url)
    service = WatchService(
        lambda: WatchConnection(params),
        SmtpMailer(config.smtp, config.alert.to),
        config,
    )
    if args.once:
        result = service.check()
        service.close()
        if result.failing:
            print(f"Wachtpost: {result.failing}.", file=err)
            return 1
        return 0
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    service.run(stop, args.interval)
    return 0
