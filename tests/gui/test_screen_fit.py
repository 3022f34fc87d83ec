"""Small screens: every page and dialog is usable, nothing is cut off.

Two screens, each in its own process (the offscreen platform's screen is fixed when
the QApplication starts; ``tests/gui/screen_fit_probe.py`` does the walking):

* a 1366×768 laptop: 1366×700 left for a window once the task bar and a title bar are
  off;
* 1280×720 at 125 %: 1024×576 device-independent pixels, 1024×544 without the task bar.

On both, the main window opens no larger than the screen's available geometry, and
every visible button, field, list and table of every page (each step and side panel),
of every dialog (each tab and page) and of the alarm panel above the tabs lies inside
its window, or inside a scroll area that can scroll to it. Only with several alarms
above the tabs on the smallest screen may a whole page have to scroll (its last-resort
scroll area); everywhere else the pages' own lists and steps scroll. The probe saves a
screenshot of each view (``tmp_path/<screen>/shots``).

This extends ``test_login_and_address_step_fit_a_laptop_at_150_percent`` in
``test_accessibility.py`` to everything that opens.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from tests.gui.screen_fit_probe import problems
from veilig_huisbezoek.gui.screen_fit import FRAME, available_geometry, fit_to_screen, page_scroll

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("screen_fit_probe.py")

# name: (physical screen size, QT_SCALE_FACTOR, available size in logical pixels)
SCREENS = {
    "laptop-1366x768": ((1366, 700), None, [1366, 700]),
    "1280x720-at-125": ((1280, 680), "1.25", [1024, 544]),
}

# Every page and dialog the probe must have opened (more views come on top: the steps
# and side panels, each tab of a dialog).
EXPECTED = {
    "login",
    "first-run",
    "sanne.prepare.1-address",
    "sanne.prepare.2-check",
    "sanne.prepare.3-advice",
    "sanne.prepare.4-plan",
    "sanne.prepare.5-review",
    "consent-dialog",
    "sanne.my_visits",
    "sanne.board",
    "sanne.history",
    "sanne.register",
    "sanne.register.editPage",
    "incident-dialog",
    "incident-dialog.notePage",
    "password-dialog",
    "visit-detail",
    "call-dialog.ask",
    "call-dialog.result",
    "ahmed+alarms.prepare",
    "ahmed+alarms.board",
    "locked+alarms",
    "petra.consent",
    "petra.reports",
    "tom.accounts",
    "tom.settings",
    "account-dialog",
    "password-reset-dialog",
}


def run_probe(demo: DemoEnv, tmp_path: Path, screen: str) -> dict[str, object]:
    demo.everyone_present()  # page fit, not failover alarms (their rows fit: alarm tests)
    (width, height), scale, _ = SCREENS[screen]
    config = tmp_path / f"{screen}.json"
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": False,
                "screens": [
                    {
                        "name": screen,
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.pop("QT_SCALE_FACTOR", None)
    if scale is not None:
        env["QT_SCALE_FACTOR"] = scale
    shots = tmp_path / screen / "shots"
    result = subprocess.run(
        [sys.executable, str(PROBE), str(demo.data_dir), str(shots)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    facts: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return facts


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_page_and_dialog_fits_a_small_screen(
    demo: DemoEnv, tmp_path: Path, screen: str
) -> None:
    facts = run_probe(demo, tmp_path, screen)
    available = SCREENS[screen][2]
    assert facts["available"] == [0, 0, *available]
    # Too small for 1280×760: the window opens maximised, on the screen.
    assert facts["frame"] == [0, 0, *available]
    windows = facts["windows"]
    assert isinstance(windows, dict)
    assert not EXPECTED - windows.keys(), sorted(EXPECTED - windows.keys())
    alarms = windows["alarms"]
    assert alarms["rows"] >= 2  # several alarms above the tabs
    problems = {name: w["problems"] for name, w in windows.items() if w.get("problems")}
    assert problems == {}
    small = available[1] < 600
    scrolled = {
        name: w["page_scrolls"]
        for name, w in windows.items()
        if w.get("page_scrolls") and not (small and "+alarms" in name)
    }
    assert scrolled == {}
    for name, window in windows.items():
        if "controls" in window:
            assert window["controls"] > 0, name
            assert (tmp_path / screen / "shots" / f"{name}.png").is_file(), name


def test_a_window_asks_for_no_more_than_the_screen_has(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    room = available_geometry(widget).size() - FRAME
    assert not fit_to_screen(widget, room + QSize(200, 300))
    assert widget.size() == room
    assert fit_to_screen(widget, QSize(300, 200))
    assert widget.size() == QSize(300, 200)


def test_a_page_scrolls_only_below_its_minimum_size(qtbot: QtBot) -> None:
    """The last-resort scroll area: the form fills the view, wrapped text included."""
    page = QWidget()
    qtbot.addWidget(page)
    form = QWidget()
    column = QVBoxLayout(form)
    text = QLabel("Een lange uitleg die over meer regels loopt als het smal wordt. " * 6)
    text.setWordWrap(True)
    column.addWidget(text)
    column.addStretch(1)
    layout = QVBoxLayout(page)
    area = page_scroll(form)
    layout.addWidget(area)
    page.resize(600, 400)
    page.show()
    qtbot.waitExposed(page)
    assert form.size() == area.viewport().size()  # fills it; nothing to scroll
    assert not area.verticalScrollBar().isVisible()
    page.resize(600, 40)
    qtbot.waitUntil(lambda: area.verticalScrollBar().isVisible())
    # As tall as the wrapped text needs at this width: it is never cut off.
    assert form.height() >= text.heightForWidth(text.width())


def test_the_check_finds_what_cannot_be_reached(qtbot: QtBot) -> None:
    """The probe's check would notice a cut-off button, a field squeezed flat and a
    scroll area that cannot scroll to its content (so the test above can fail)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    inside = QPushButton("Opslaan", window)
    inside.setObjectName("inside")
    inside.move(10, 10)
    cut_off = QPushButton("Volgende", window)
    cut_off.setObjectName("cutOff")
    cut_off.move(250, 190)
    flat = QLineEdit(window)
    flat.setObjectName("flat")
    flat.setGeometry(10, 60, 100, 5)
    area = QScrollArea(window)
    area.setGeometry(10, 100, 200, 90)
    content = QWidget()
    content.resize(180, 400)
    deep = QPushButton("Bevestigen", content)
    deep.setObjectName("deep")
    deep.move(0, 350)
    area.setWidget(content)
    window.show()
    qtbot.waitExposed(window)
    assert len(problems(window)[1]) == 2  # cutOff and flat; deep can be scrolled to
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    found = problems(window)[1]
    assert [p.split(":")[0] for p in found] == [
        "QPushButton cutOff",
        "QLineEdit flat",
        "QPushButton deep",
    ]
