"""The app's icon (window, task bar, tray) and its freedesktop entry."""

from __future__ import annotations

import configparser
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import Desktop
from veilig_huisbezoek.paths import icon_files, resources_dir
from veilig_huisbezoek.reminders.notifier import Notifier, TrayState, app_icon

REPO = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged"),
]


def test_the_icon_comes_in_every_size_and_matches_its_svg(qapp: QApplication) -> None:
    sizes = [int(p.stem.rsplit("-", 1)[1]) for p in icon_files()]
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(sizes)
    assert (resources_dir() / "icons" / "veilig-huisbezoek.ico").is_file()
    check = subprocess.run(
        [sys.executable, str(REPO / "tools" / "render_icons.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_tray_shows_the_app_icon_until_an_alarm(qapp: QApplication) -> None:
    notifier = Notifier(notify=Desktop(), force_tray=True)
    try:
        assert notifier.tray_state is TrayState.NORMAL
        shown: QIcon = notifier._icons[TrayState.NORMAL]
        assert shown.cacheKey() != notifier._icons[TrayState.ALARM].cacheKey()
        assert {s.width() for s in shown.availableSizes()} >= {16, 32, 256}
    finally:
        notifier.shutdown()


def test_the_desktop_entry_starts_the_installed_program() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(resources_dir() / "desktop" / "veilig-huisbezoek.desktop", encoding="utf-8")
    fields = entry["Desktop Entry"]
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["gui-scripts"]
    assert fields["Type"] == "Application"
    assert fields["Exec"] in scripts
    assert fields["Icon"] == "veilig-huisbezoek"
    assert all(p.name.startswith(fields["Icon"] + "-") for p in icon_files())
    assert fields["Terminal"] == "false"
    assert fields["Categories"].endswith(";")
