"""Build the one-folder bundle that needs no Python: ``python tools/build_bundle.py --dist DIR``.

PyInstaller, one folder (Qt stays as its own shared libraries, so the LGPL's relinking
terms are met by replacing them). ``DIR/veilig-huisbezoek/veilig-huisbezoek`` (``.exe`` on
Windows) starts the app; ``ui/``, ``resources/`` (checklists, translations, sounds,
icons, the desktop entry) and the database migrations go inside, and
``DIR/veilig-huisbezoek/LICENSES.txt`` lists every bundled component with its licence
(the About dialog shows the same list).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "veilig-huisbezoek"
PACKAGE = ROOT / "src" / "veilig_huisbezoek"
# Imported by name at run time (plugins, dialects, platform back ends): PyInstaller's
# analysis cannot see them.
HIDDEN = [
    "PySide6.QtMultimedia",  # the alarm's sound (reminders/notifier.py loads it by name)
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "plyer.platforms.linux.notification",
    "plyer.platforms.win.notification",
    "plyer.platforms.macosx.notification",
    "apscheduler.triggers.date",
    "apscheduler.executors.pool",
    "apscheduler.jobstores.memory",
    "apscheduler.schedulers.qt",
]
# Not part of the app: test and build tools that may sit in the same environment.
EXCLUDED = [
    "pytest",
    "hypothesis",
    "mypy",
    "ruff",
    "pytestqt",
    "aiosmtpd",
    "pgserver",
    "PyInstaller",
    "tkinter",
    "IPython",
]


def pyinstaller_args(dist: Path, work: Path) -> list[str]:
    sep = os.pathsep
    data = [
        (ROOT / "ui", "veilig_huisbezoek/ui"),
        (ROOT / "resources", "veilig_huisbezoek/resources"),
        (PACKAGE / "storage" / "migrations", "veilig_huisbezoek/storage/migrations"),
    ]
    args = [
        str(ROOT / "packaging" / "bundle_entry.py"),
        "--name",
        NAME,
        "--onedir",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--paths",
        str(ROOT / "src"),
        "--icon",
        str(ROOT / "resources" / "icons" / f"{NAME}.ico"),
        "--collect-submodules",
        "veilig_huisbezoek",
        "--collect-data",
        "zxcvbn",
        "--collect-data",
        "tzdata",
        # Versions and licences for LICENSES.txt and the About dialog; APScheduler finds
        # its triggers and executors through its entry points.
        "--recursive-copy-metadata",
        NAME,
    ]
    if sys.platform in ("win32", "darwin"):
        args.append("--windowed")  # no console window beside the app
    for source, target in data:
        args += ["--add-data", f"{source}{sep}{target}"]
    for module in HIDDEN:
        args += ["--hidden-import", module]
    for module in EXCLUDED:
        args += ["--exclude-module", module]
    return args


def write_licences(folder: Path) -> Path:
    """LICENSES.txt: the list the About dialog shows (read here, from the environment the
    bundle was built from: a windowed program on Windows has no console to print it)."""
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from veilig_huisbezoek.gui.about_dialog import toolkit
    from veilig_huisbezoek.services.components import licence_lines

    path = folder / "LICENSES.txt"
    path.write_text(
        "Veilig Huisbezoek en de onderdelen die het meebrengt (naam, versie, licentie).\n"
        "Qt en PySide6 staan als aparte gedeelde bibliotheken in deze map (LGPL-3.0):\n"
        "u mag ze vervangen door een eigen gebouwde versie.\n\n"
        + "\n".join(licence_lines(toolkit()))
        + "\n",
        encoding="utf-8",
    )
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, required=True, help="map voor de bundel")
    args = parser.parse_args()
    dist = args.dist.resolve()
    with tempfile.TemporaryDirectory(prefix="vh-bundle-") as work:
        subprocess.run(
            [sys.executable, "-m", "PyInstaller", *pyinstaller_args(dist, Path(work))],
            check=True,
            cwd=ROOT,
        )
    folder = dist / NAME
    write_licences(folder)
    shutil.copy2(ROOT / "README.md", folder / "README.md")
    print(f"Bundel: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
