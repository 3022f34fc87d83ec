"""What this desk remembers between runs, for the start at login: whether the last
session here was still watching visits when it ended (a restart, a crash, the desktop
session ending), rather than ending through the handover. Only that one flag: no name.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from ..paths import state_dir
from .files import write_atomically

FILE_NAME = "desk.json"


def _path(folder: Path | None) -> Path:
    return (folder or state_dir()) / FILE_NAME


log = logging.getLogger(__name__)


def remember_watching(watching: bool, folder: Path | None = None) -> None:
    """Never raises: logging in, logging out and quitting call it, and a full disk or a
    read-only state folder must not stop them (this is a hint for the next start)."""
    path = _path(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps({"watching": watching}).encode("utf-8"))
    except OSError as exc:
        # By its kind only: the error's text names the folder (and so the account).
        log.warning("Stand van de werkplek niet bewaard (%s)", type(exc).__name__)


def was_watching(folder: Path | None = None) -> bool:
    try:
        saved = json.loads(_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(saved, dict) and saved.get("watching") is True
