"""Entry point: `veilig-huisbezoek` (GUI), `veilig-huisbezoek admin …` (command line)
and `veilig-huisbezoek watch …` (the headless watch service: no Qt on its path)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # A windowed program on Windows (the bundle) has no console: print goes nowhere.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
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
