"""The English translation: complete, consistent with the Dutch, and used when chosen."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.gui.i18n import install_translator, translation_file
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.prepare_visit import PrepareVisitPage
from veilig_huisbezoek.paths import resources_dir
from veilig_huisbezoek.services.demo import demo_logins

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "veilig_huisbezoek_en.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages() -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(TS)
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message)
        for context in tree.iter("context")
        for message in context.iter("message")
    ]


def test_every_text_has_a_finished_english_translation() -> None:
    found = messages()
    assert len(found) > 500
    problems = []
    for context, source, message in found:
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{context}: {source} ({translation.get('type')})")
        elif not (translation.text or "").strip():
            problems.append(f"{context}: {source} (empty)")
    assert problems == []


def test_translations_keep_placeholders_and_alt_letters() -> None:
    for context, source, message in messages():
        english = message.findtext("translation") or ""
        where = f"{context}: {source!r} -> {english!r}"
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(source)), where
        # One Alt-letter in, one out ("&&" would be a literal ampersand).
        assert source.count("&") == english.count("&"), where
        if source.strip():
            assert english.strip(), where


def test_the_catalogue_is_up_to_date_with_the_sources() -> None:
    """Every tr() and .ui text of today is in the .ts, translated (lupdate, no locations)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "<location" not in TS.read_text(encoding="utf-8")


def test_the_compiled_catalogue_ships_in_the_package_resources() -> None:
    qm = Path(translation_file("en"))
    assert qm.parent == resources_dir() / "translations"
    assert qm.is_file() and qm.stat().st_mtime >= TS.stat().st_mtime - 1
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("LoginWidget", "Inloggen") == "Log in"
    assert translator.translate("PrepareVisitForm", "&Straat") == "&Street"
    assert translator.translate("WorkspaceView", "&Uitloggen") == "Lo&g out"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    translator = install_translator(qapp, "en")
    assert translator is not None
    yield translator
    QCoreApplication.removeTranslator(translator)


def plain(text: str) -> str:
    return text.replace("&", "")


def test_english_login_tabs_and_prepare_visit(
    qtbot: QtBot, demo: DemoEnv, english: QTranslator
) -> None:
    window = MainWindow(demo.data_dir, demo_logins=demo_logins(), language="en", clock=demo.clock)
    qtbot.addWidget(window)
    window.show()
    view = window.login_view
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert "Log in with your own name and password." in texts
    assert plain(view.login_button.text()) == "Log in"
    assert any(plain(t) == "User name" for t in texts)
    assert view.language_combo.currentData() == "en"
    assert "Demo database" in view.demo_label.text()

    qtbot.keyClicks(view.user_edit, "sanne")
    qtbot.keyClicks(view.password_edit, "demo-sanne-2026")
    qtbot.keyClick(view.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=15_000)
    workspace = window.workspace
    assert workspace is not None
    tabs = [plain(workspace.tabs.tabText(i)) for i in range(workspace.tabs.count())]
    assert tabs[:2] == ["Prepare visit", "My visits"]
    assert "Buddy board" in tabs and "Visit history" in tabs
    assert plain(workspace.logout_button.text()) == "Log out"
    assert "Logged in as" in workspace.who_label.text()

    page = workspace.pages["prepare"]
    assert isinstance(page, PrepareVisitPage)
    shown = {label.text() for label in page.findChildren(QLabel) if label.isVisible()}
    assert "Step 1 of 5 — Where are you going?" in shown
    assert {"&Street", "House n&umber", "&Postcode", "&City"} <= shown
    assert plain(page.next_button.text()).startswith("Next")
    assert page.street_edit.accessibleName() == "Street"
    # Nothing Dutch left among the step's own texts.
    for dutch in ("Straat", "Huisnummer", "Plaats", "Waar gaat u naartoe"):
        assert not any(dutch in plain(text) for text in shown), dutch
    window.close()


def test_dutch_stays_the_default(qtbot: QtBot, demo: DemoEnv) -> None:
    window = MainWindow(demo.data_dir, demo_logins=demo_logins(), clock=demo.clock)
    qtbot.addWidget(window)
    assert plain(window.login_view.login_button.text()) == "Inloggen"
    window.close()
