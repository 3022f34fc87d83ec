"""The bundle that needs no Python: built with tools/build_bundle.py, then started on a
virtual screen (Xvfb) with ``--demo``, in an environment without this venv or any
Python on its PATH, as on a municipal desktop."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (the test extra)")
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, str(REPO / "tools" / "build_bundle.py"), "--dist", str(dist)],
        check=True,
        capture_output=True,
        timeout=1200,
    )
    return dist / "veilig-huisbezoek"


@pytest.fixture
def screen() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (.ci/run installs it)")
    number = 120
    while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
        number += 1
    xvfb = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1366x768x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def test_the_bundle_carries_its_data_and_licences(bundle: Path) -> None:
    program = bundle / "veilig-huisbezoek"
    assert program.is_file() and os.access(program, os.X_OK)
    inside = bundle / "_internal" / "veilig_huisbezoek"
    assert (inside / "ui" / "login.ui").is_file()
    assert (inside / "resources" / "checklists" / "arih.json").is_file()
    assert (inside / "resources" / "translations" / "veilig_huisbezoek_en.qm").is_file()
    assert (inside / "resources" / "sounds" / "alarm.wav").is_file()
    assert (inside / "resources" / "icons" / "veilig-huisbezoek-256.png").is_file()
    assert list((inside / "storage" / "migrations").rglob("*.py"))
    licences = (bundle / "LICENSES.txt").read_text(encoding="utf-8")
    for line in ("Veilig Huisbezoek 0.1.0 — EUPL-1.2", "Qt 6.", "PySide6 6.", "SQLAlchemy "):
        assert line in licences
    assert "LGPL-3.0" in licences
    # Qt stays a set of separate shared libraries (replaceable, as the LGPL asks).
    assert list(bundle.rglob("libQt6Core.so*"))
    # The alarm's sound: QtMultimedia is loaded by name, so the bundle must bring it.
    assert list(bundle.rglob("QtMultimedia.abi3.so")) and list(bundle.rglob("libQt6Multimedia.so*"))
    assert list(bundle.rglob("plugins/multimedia/*"))  # its back end (FFmpeg)
    # The bundle carries the packages' metadata: its About dialog lists the same.
    listed = subprocess.run(
        [str(program), "--licences"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"},
        check=True,
    ).stdout
    assert listed.splitlines() == licences.split("\n\n", 1)[1].splitlines()


def test_the_bundle_starts_without_python(bundle: Path, screen: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {
        "PATH": "/usr/bin:/bin",  # no venv, no pyenv: nothing Python of ours
        "HOME": str(home),
        "DISPLAY": screen,
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_RUNTIME_DIR": str(tmp_path / "run"),
    }
    (tmp_path / "run").mkdir(mode=0o700)
    app = subprocess.Popen(
        [str(bundle / "veilig-huisbezoek"), "--demo", "--visits", "5"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log = home / ".local" / "state" / "veilig-huisbezoek" / "log" / "veilig-huisbezoek-demo.log"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and app.poll() is None:
            if log.exists() and "gestart (demo)" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        assert app.poll() is None, app.communicate()[0]
        if shutil.which("xdotool"):
            window = subprocess.run(
                ["xdotool", "search", "--sync", "--onlyvisible", "--name", "Veilig Huisbezoek"],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert window.returncode == 0 and window.stdout.strip()
    finally:
        app.terminate()
        output = app.communicate(timeout=30)[0]
    assert "Demo-accounts" in output
    assert "Traceback" not in output
