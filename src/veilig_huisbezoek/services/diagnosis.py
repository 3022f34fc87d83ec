"""*Diagnose kopiëren*: what IT needs to help (versions, folders, kind of store, the last
problems logged), and nothing about the people in the app. Folders under the person's
home are written from ``~``, and the account name elsewhere in a folder as
``<gebruiker>``, so it does not travel with the text."""

from __future__ import annotations

import os
import platform
import re
import sys
from pathlib import Path

from ..paths import log_dir, state_dir
from .app_log import recent_problems
from .components import Component, app_component, shipped_components

ACCOUNT = "<gebruiker>"


def _account_names() -> list[str]:
    """This person's account name, as the home folder and the environment give it."""
    names = {Path.home().name, *(os.environ.get(v, "") for v in ("USERNAME", "USER", "LOGNAME"))}
    return sorted((n for n in names if len(n) >= 3), key=len, reverse=True)


def _from_home(path: Path) -> str:
    home = Path.home()
    try:
        return str(Path("~") / path.resolve().relative_to(home.resolve()))
    except ValueError:
        pass
    # Elsewhere (a redirected profile on a file server, a --data-dir) the account name
    # may still be in the path: left out too.
    text = str(path)
    for name in _account_names():
        text = re.sub(re.escape(name), ACCOUNT, text, flags=re.IGNORECASE)
    return text


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
