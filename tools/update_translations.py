"""Refresh the Qt Linguist catalogue from ui/*.ui and gui/*.py, then build the .qm files.

    python tools/update_translations.py          # lupdate, fill from the table, lrelease
    python tools/update_translations.py --check  # fail if the .ts misses or lacks strings

Dutch is the source language; resources/translations/veilig_huisbezoek_en.ts holds the
English translation. New and changed texts are filled from tools/translations_en.py
(author the English there); a translation finished in the .ts (by pyside6-linguist or
by hand) is kept as it is. The output has no line numbers, so it only changes when a
text changes.

lupdate reads tr() calls, but not inside f-strings: write
``"<b>" + self.tr("Status:") + f"</b> {value}"``, never ``f"{self.tr('Status:')}"``.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from translations_en import BY_CONTEXT, EN  # noqa: E402

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
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-source-language",
            "nl",
            "-target-language",
            ts.stem.rsplit("_", 1)[1],
            "-locations",
            "none",
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )


_CONTEXT = re.compile(r"(<context>\s*<name>(.*?)</name>)(.*?)(</context>)", re.S)
_MESSAGE = re.compile(
    r"(<message>\s*<source>(.*?)</source>\s*)"
    r"<translation type=\"unfinished\">.*?</translation>",
    re.S,
)
TABLES = {"en": (EN, BY_CONTEXT)}


def xml_text(text: str) -> str:
    """Escape as lupdate does (it writes ' and " as entities too)."""
    return html.escape(text, quote=True).replace("&#x27;", "&apos;")


def fill(ts: Path, language: str) -> list[str]:
    """Fill unfinished messages from the table; returns the sources still missing."""
    table, by_context = TABLES[language]
    missing: list[str] = []

    def message(context: str, match: re.Match[str]) -> str:
        source = html.unescape(match.group(2))
        english = by_context.get((context, source), table.get(source))
        if english is None:
            missing.append(f"{context}: {source}")
            return match.group(0)
        return f"{match.group(1)}<translation>{xml_text(english)}</translation>"

    def context(match: re.Match[str]) -> str:
        name = html.unescape(match.group(2))
        body = _MESSAGE.sub(lambda m: message(name, m), match.group(3))
        return match.group(1) + body + match.group(4)

    text = ts.read_text(encoding="utf-8")
    ts.write_text(_CONTEXT.sub(context, text), encoding="utf-8")
    return missing


def unfinished(ts: Path) -> int:
    return ts.read_text(encoding="utf-8").count('type="unfinished"')


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


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
                fill(copy, language)
                if copy.read_text() != ts.read_text():
                    print(f"{ts.name} is out of date: run tools/update_translations.py")
                    return 1
            if unfinished(ts):
                print(f"{ts.name} has {unfinished(ts)} unfinished translations")
                return 1
            continue
        lupdate(ts)
        missing = fill(ts, language)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)} and its .qm")
        if missing:
            print(
                f"{len(missing)} texts have no {language} translation yet (add them to "
                f"tools/translations_{language}.py and run this again):"
            )
            for line in missing:
                print(f"  {line}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
