"""Where the packaged data folders (`ui/`, `resources/`) live, and this person's own
folders for state and logs.

An installed wheel carries the data folders inside the package; a source checkout keeps
them at the repository root, next to `src/`.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "veilig-huisbezoek"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"data folder {name!r} not found next to the package")


def ui_dir() -> Path:
    return _data_dir("ui")


def resources_dir() -> Path:
    return _data_dir("resources")


def icon_files() -> list[Path]:
    """The app's icon in every size rendered (tools/render_icons.py), smallest first."""
    return sorted(
        (resources_dir() / "icons").glob(f"{APP_NAME}-*.png"),
        key=lambda p: int(p.stem.rsplit("-", 1)[1]),
    )


def checklist_path(name: str = "arih.json") -> Path:
    return resources_dir() / "checklists" / name


def state_dir() -> Path:
    """This person's state folder (login failures, the running-instance lock); the
    tests give each run its own through ``VEILIG_HUISBEZOEK_STATE_DIR``."""
    override = os.environ.get("VEILIG_HUISBEZOEK_STATE_DIR")
    return Path(override) if override else Path(platformdirs.user_state_dir(APP_NAME))


def log_dir() -> Path:
    """The platform's log folder for this person (``VEILIG_HUISBEZOEK_LOG_DIR`` overrides)."""
    override = os.environ.get("VEILIG_HUISBEZOEK_LOG_DIR")
    return (
        Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    )
