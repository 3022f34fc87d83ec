"""Refresh the Qt Linguist catalogue from ui/*.ui and gui/*.py, then build the .qm files.

    python tools/update_translations.py          # lupdate + lrelease
    python tools/update_translations.py --check  # fail if the .ts misses strings

Dutch is the source language; resources/translations/veilig_huisbezoek_en.ts holds the
English translation (edit it with pyside6-linguist or by hand).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)


def sources() -> list[str]:
    files = sorted(ROOT.glob("ui/*.ui")) + sorted(ROOT.glob("src/veilig_huisbezoek/gui/*.py"))
    return [str(f) for f in files]


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def lupdate(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-source-language", "nl",
         "-target-language", ts.stem.rsplit("_", 1)[1], "-locations", "none", "-ts", str(ts)],
        check=True, capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"veilig_huisbezoek_{language}.ts"
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts.name
                shutil.copy(ts, copy)
                lupdate(copy)
                if copy.read_text() != ts.read_text():
                    print(f"{ts.name} is out of date: run tools/update_translations.py")
                    return 1
            continue
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)} and its .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
