"""The workstation's connection profile: which team server this computer uses.

One small JSON file (``teamserver.json``), written by ``veilig-huisbezoek admin
use-server``: in the user's configuration folder, or with ``--all-users`` in the
computer's (``/etc/xdg/veilig-huisbezoek`` on Linux, ``C:\\ProgramData`` on Windows),
so that IT sets a workstation up once for everyone who logs in to it. The desktop app
reads it at start when neither ``--database-url``, ``--data-dir`` nor ``--demo`` is
given; the user's file comes first. It holds the server's address only (host, port,
database, TLS settings and the CA file): no user name, no password, nothing personal.
Without a file the app uses the embedded database on this computer.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from ...domain.errors import msg

if TYPE_CHECKING:  # SQLAlchemy is loaded only when there is a profile to read
    from .location import TeamLocation

PROFILE_FILE = "teamserver.json"
_APP = "veilig-huisbezoek"
_KEY = "database_url"


def user_profile_path() -> Path:
    return Path(platformdirs.user_config_dir(_APP, appauthor=False)) / PROFILE_FILE


def system_profile_path() -> Path:
    """For everyone on this computer (written with administrator rights)."""
    return Path(platformdirs.site_config_dir(_APP, appauthor=False)) / PROFILE_FILE


def active_profile_path() -> Path | None:
    """The profile the app will read: the user's, else the computer's, else None."""
    return next((p for p in (user_profile_path(), system_profile_path()) if p.exists()), None)


def load_profile(path: Path | None = None) -> TeamLocation | None:
    """The team server of this computer (``path``, default: the active profile), or
    None (the embedded database).

    A file that cannot be read or holds no valid address raises ``TeamUrlError`` with
    a Dutch message naming the file: the app must not silently fall back to a local
    database that nobody else sees."""
    path = path or active_profile_path()
    if path is None or not path.exists():
        return None
    from .location import TeamLocation, TeamUrlError

    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        raise TeamUrlError(
            msg("Het verbindingsprofiel {path} is niet leesbaar.", path=path)
        ) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        data = None
    text = data.get(_KEY) if isinstance(data, dict) else None
    if not isinstance(text, str):
        raise TeamUrlError(
            msg(
                "Het verbindingsprofiel {path} is beschadigd; stel de teamserver opnieuw in "
                "met 'veilig-huisbezoek admin use-server'.",
                path=path,
            )
        )
    try:
        return TeamLocation.for_workstation(text)
    except TeamUrlError as exc:
        raise TeamUrlError(
            msg("Het verbindingsprofiel {path}: {cause}", path=path, cause=exc)
        ) from None


def save_profile(text: str, path: Path | None = None) -> TeamLocation:
    """Check the address and make it this computer's team server (atomically)."""
    from .location import TeamLocation

    location = TeamLocation.for_workstation(text)
    path = path or user_profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps({_KEY: text.strip()}, indent=2) + "\n"
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".teamserver-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return location


def clear_profile(path: Path | None = None) -> bool:
    """Remove a profile (default: the user's); False if there was none."""
    path = path or user_profile_path()
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
