"""Entry point: `veilig-huisbezoek` (GUI), `veilig-huisbezoek admin …` (command line)
and `veilig-huisbezoek watch …` (the headless watch service: no Qt on its path)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "admin":
        from .cli import run

        return run(args[1:])
    if args and args[0] == "watch":
        from .watch.cli import run as run_watch

        return run_watch(args[1:])
    from .gui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
