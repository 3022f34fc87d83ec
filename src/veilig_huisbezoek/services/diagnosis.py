"""*Diagnose kopiëren*: what IT needs to help (versions, folders, kind of store, the last
problems logged), and nothing about the people in the app. Folders under the person's
home are written from ``~``, so the account name does not travel with the text."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from ..paths import log_dir, state_dir
from .app_log import recent_problems
from .components import Component, app_component, shipped_components


def _from_home(path: Path) -> str:
    home = Path.home()
    try:
        return str(Path("~") / path.resolve().relative_to(home.resolve()))
    except ValueError:
        return str(path)


def diagnosis(
    *,
    data_dir: Path,
    store_kind: str,
    autostart: bool | None,
    toolkit: list[Component],
) -> str:
    """``store_kind``: "ingebouwd" or the team server's address (never a name or a
    password: a team address carries neither); ``toolkit``: Qt's own version, from the
    GUI."""
    app = app_component()
    lines = [
        f"{app.name} {app.version}",
        f"Python {platform.python_version()} op {platform.system()} {platform.release()} "
        f"({platform.machine()})",
        f"Gebundeld: {'ja' if getattr(sys, 'frozen', False) else 'nee'}",
        f"Opslag: {store_kind}",
        f"Gegevensmap: {_from_home(data_dir)}",
        f"Logmap: {_from_home(log_dir())}",
        f"Statusmap: {_from_home(state_dir())}",
        "Starten bij aanmelden: "
        + ("onbekend" if autostart is None else ("aan" if autostart else "uit")),
        "",
        "Onderdelen:",
        *(f"  {c.name} {c.version}" for c in [*toolkit, *shipped_components()]),
        "",
        "Laatste waarschuwingen en fouten:",
        *([f"  {line}" for line in recent_problems()] or ["  (geen)"]),
    ]
    return "\n".join(lines) + "\n"
