"""Where the packaged data folders (`ui/`, `resources/`) live.

An installed wheel carries them inside the package; a source checkout keeps them at
the repository root, next to `src/`.
"""

from __future__ import annotations

from pathlib import Path

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


def checklist_path(name: str = "arih.json") -> Path:
    return resources_dir() / "checklists" / name
