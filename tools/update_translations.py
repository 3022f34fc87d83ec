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

The domain layer has no Qt, so lupdate cannot see the texts it shows (enum labels,
call-outcome actions, board statuses, the checklist's questions and advice from
resources/checklists/arih.json; the demo accounts' role descriptions from
services/demo.py; a service's fixed refusal, such as documents.MISSING_SENDER; every
refusal of the domain, services and storage, found by tools/refusal_texts.py: literal
messages, field names and the templates of ``msg(...)``).
:func:`domain_texts` collects them and lupdate reads them from a generated file in a
temporary directory, under the context "domain"; the GUI shows them through
``gui.i18n.domain_text``. Texts the domain formats itself (such as
the reasons of an assessment) are not in it: translate a template, not its result.

Qt's own dialogs (standard buttons, the file dialog) speak through Qt's catalogues
(qtbase_nl.qm, shipped with PySide6). The few texts such a catalogue lacks are in
:data:`QT_GAPS`; this tool writes them as resources/translations/qt_extra_<lang>.ts and
its .qm, which the app loads after Qt's own.
"""

from __future__ import annotations

import argparse
import enum
import html
import importlib
import json
import pkgutil
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

from translations_en import BY_CONTEXT, EN  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)
DOMAIN_CONTEXT = "domain"  # the same as gui.i18n.DOMAIN_CONTEXT


# Texts of Qt's own dialogs that Qt's catalogue for the language does not hold: in Qt
# 6.11 qtbase_nl has "Look in:" and "Files of type:", but not the file dialog's
# "&Look in:" and "Files of &type:", so a Dutch save dialog would show them in English.
QT_GAPS: dict[str, dict[tuple[str, str], str]] = {
    "nl": {
        ("QFileDialog", "&Look in:"): "&Zoeken in:",
        ("QFileDialog", "Files of &type:"): "Bestands&type:",
    },
}


def qt_gaps_ts(language: str) -> str:
    """The .ts of :data:`QT_GAPS` for one language (English source, like Qt's)."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}" sourcelanguage="en">',
    ]
    by_context: dict[str, list[tuple[str, str]]] = {}
    for (context, source), target in sorted(QT_GAPS[language].items()):
        by_context.setdefault(context, []).append((source, target))
    for context, messages in by_context.items():
        lines += ["<context>", f"    <name>{xml_text(context)}</name>"]
        for source, target in messages:
            lines += [
                "    <message>",
                f"        <source>{xml_text(source)}</source>",
                f"        <translation>{xml_text(target)}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def _enum_texts() -> list[str]:
    """Every text-valued property (label, title, instruction …) of the domain's enums.

    Walks the modules of the domain package by name and their enums in definition
    order, so the order (and with it the .ts) does not depend on the machine.
    """
    import veilig_huisbezoek.domain as domain
    from veilig_huisbezoek.domain.board import BoardStatus

    texts: list[str] = []
    for info in sorted(pkgutil.iter_modules(domain.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{domain.__name__}.{info.name}")
        for cls in vars(module).values():
            if not (
                isinstance(cls, type)
                and issubclass(cls, enum.Enum)
                and cls.__module__ == module.__name__
            ):
                continue
            names = [name for name, value in vars(cls).items() if type(value) is property]
            for member in cls:
                for name in names:
                    value = getattr(member, name)
                    if isinstance(value, str):
                        texts.append(value)
    # The board status's value is its Dutch wording.
    texts += [status.value for status in BoardStatus]
    return texts


def _checklist_texts() -> list[str]:
    """What the shipped checklist shows: title, questions, help texts and advice, and the
    reason templates ("why this level"), translated before they are filled in."""
    from veilig_huisbezoek.domain.checklist import REASON_TEMPLATES, default_checklist

    checklist = default_checklist()
    texts = [checklist.title]
    for item in checklist.items:
        texts += [item.text, item.help]
    for advice in checklist.advice.values():
        texts += [advice.title, advice.text, *advice.precautions]
    texts += list(REASON_TEMPLATES)  # "why this level", translated before formatting
    return texts


def _settings_texts() -> list[str]:
    """The settings screen's group titles and setting names."""
    from veilig_huisbezoek.domain.settings import SETTING_GROUPS, setting_field

    texts: list[str] = []
    for title, names in SETTING_GROUPS:
        texts += [title, *(setting_field(name).label for name in names)]
    return texts


def _deadline_texts() -> list[str]:
    """The alarm panel's names for incident deadlines (aangifte, aftercare)."""
    from veilig_huisbezoek.domain.incident import AftercareTalk, deadline_label

    names = ["aangifte:0", "aangifte:0:herinnering", "onbekend:0"]
    names += [f"nazorg-{talk.value}:0" for talk in AftercareTalk]
    return [deadline_label(name) for name in names]


def _refusal_texts() -> list[str]:
    """The refusals of the domain, services and storage (ValidationError and its field,
    PermissionDenied, StoreError …): their literals and msg() templates, found in the
    source by tools/refusal_texts.py; the GUI shows them through gui.i18n.error_text.
    Also the fixed refusals the GUI shows through domain_text."""
    from refusal_texts import scan

    from veilig_huisbezoek.services.documents import MISSING_SENDER

    found = scan()
    if found.problems:
        raise SystemExit(
            "refusals whose text cannot be collected (see tools/refusal_texts.py):\n"
            + "\n".join(found.problems)
        )
    return [MISSING_SENDER, *found.texts]


def _demo_texts() -> list[str]:
    """The demo accounts' role descriptions, shown on the login screen of ``--demo``."""
    from veilig_huisbezoek.services.demo import DEMO_ACCOUNTS

    return [account.description for account in DEMO_ACCOUNTS]


def domain_texts() -> list[str]:
    """Every Dutch text the domain layer shows, once each, in a fixed order."""
    texts = _enum_texts() + _checklist_texts() + _settings_texts() + _deadline_texts()
    texts += _refusal_texts() + _demo_texts()
    return [t for t in dict.fromkeys(texts) if t.strip()]


def write_domain_source(folder: Path) -> Path:
    """A Python file that only lupdate reads: one translate() call per domain text."""
    lines = [
        "# Generated by tools/update_translations.py for pyside6-lupdate; never imported.",
        "from PySide6.QtCore import QCoreApplication",
        "",
        *(
            f"QCoreApplication.translate({json.dumps(DOMAIN_CONTEXT)}, "
            f"{json.dumps(text, ensure_ascii=False)})"
            for text in domain_texts()
        ),
    ]
    path = folder / "domain_texts.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sources() -> list[str]:
    files = sorted(ROOT.glob("ui/*.ui")) + sorted(ROOT.glob("src/veilig_huisbezoek/gui/**/*.py"))
    # The notifier's desktop messages and tray texts are Qt-translated too.
    files += sorted(ROOT.glob("src/veilig_huisbezoek/reminders/*.py"))
    return [str(f) for f in files]


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def lupdate(ts: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        generated = write_domain_source(Path(tmp))
        _lupdate([*sources(), str(generated)], ts)


def _lupdate(files: list[str], ts: Path) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *files,
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
# The source is XML-escaped, so it holds no "<": [^<]* keeps a match inside one message
# (a lazy .*? could run on to the next unfinished message and swallow finished ones).
_MESSAGE = re.compile(
    r"(<message>\s*<source>([^<]*)</source>\s*"
    r"(?:<(comment|extracomment|translatorcomment)>[^<]*</\3>\s*)*)"
    r"<translation type=\"unfinished\">[^<]*</translation>",
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


def qt_gaps(check: bool) -> int:
    """Write (or, with ``check``, compare) qt_extra_<lang>.ts and build its .qm."""
    for language in QT_GAPS:
        ts = TRANSLATIONS / f"qt_extra_{language}.ts"
        qm = ts.with_suffix(".qm")
        text = qt_gaps_ts(language)
        if check:
            current = ts.read_text(encoding="utf-8") if ts.exists() else ""
            if current != text or not qm.exists():
                print(f"{ts.name} is out of date: run tools/update_translations.py")
                return 1
            continue
        ts.write_text(text, encoding="utf-8")
        lrelease(ts, qm)
        print(f"updated {ts.relative_to(ROOT)} and its .qm")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if qt_gaps(args.check):
        return 1
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
