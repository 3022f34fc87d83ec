"""The English translation: complete, consistent with the Dutch, and used when chosen."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from tests.gui.prepare_steps import SAFE_ADDRESS, answer, checklist, click, open_page, type_address
from tests.gui.test_board import open_board, shown_column
from tests.gui.test_call_dialog import buddy_visit, choose, make_dialog
from veilig_huisbezoek.domain.call_outcome import CallAction
from veilig_huisbezoek.domain.checklist import Answer, RiskLevel, default_checklist
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.gui.board_model import BoardColumn
from veilig_huisbezoek.gui.i18n import (
    DOMAIN_CONTEXT,
    domain_text,
    install_translator,
    translation_file,
)
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.prepare_visit import STEP_ADVICE, STEP_CHECK, PrepareVisitPage
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
    assert page.address_step.street_edit.accessibleName() == "Street"
    # Nothing Dutch left among the step's own texts.
    for dutch in ("Straat", "Huisnummer", "Plaats", "Waar gaat u naartoe"):
        assert not any(dutch in plain(text) for text in shown), dutch
    window.close()


def test_dutch_stays_the_default(qtbot: QtBot, demo: DemoEnv) -> None:
    window = MainWindow(demo.data_dir, demo_logins=demo_logins(), clock=demo.clock)
    qtbot.addWidget(window)
    assert plain(window.login_view.login_button.text()) == "Inloggen"
    window.close()
    # Without a translator the domain's Dutch comes through unchanged.
    assert domain_text(RiskLevel.ROOD.label) == "Rood"
    assert domain_text(CallAction.CALL_POLICE.title) == "Bel nu de politie"


# ---- texts of the domain layer (no Qt there: the tool collects them) ------------------


def update_tool() -> ModuleType:
    path = ROOT / "tools" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_domain_text_is_in_the_catalogue_and_translated() -> None:
    texts = update_tool().domain_texts()
    checklist = default_checklist()
    # Labels, call actions, board statuses and the whole checklist are collected.
    for expected in (
        RiskLevel.ORANJE.label,
        VisitState.GEESCALEERD.label,
        CallAction.ESCALATE.title,
        CallAction.CALL_POLICE.instruction,
        "op schema",
        checklist.title,
        *(item.text for item in checklist.items),
        *(item.help for item in checklist.items if item.help),
        *(t for a in checklist.advice.values() for t in (a.title, a.text, *a.precautions)),
    ):
        assert expected in texts, expected
    assert len(texts) == len(set(texts))
    assert texts == update_tool().domain_texts()  # deterministic

    domain = {source: message for context, source, message in messages() if context == "domain"}
    assert sorted(domain) == sorted(texts)
    translator = QTranslator()
    assert translator.load(translation_file("en"))
    for source, message in domain.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        english = translation.text or ""
        assert english.strip(), source
        assert translator.translate(DOMAIN_CONTEXT, source) == english, source
    assert translator.translate(DOMAIN_CONTEXT, "Rood") == "Red"
    assert translator.translate(DOMAIN_CONTEXT, "Overig") == "Other"


def test_english_checklist_level_and_advice(
    qtbot: QtBot, demo: DemoEnv, english: QTranslator
) -> None:
    page = open_page(qtbot, demo)
    assert page.plan_step.reason_combo.itemText(1) == "Service provision"
    type_address(qtbot, page, *SAFE_ADDRESS)
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_CHECK
    widget = checklist(page)
    questions = {label.text(): label for label in widget.findChildren(QLabel)}
    assert "Unannounced visit" in questions
    assert "Weapons (possibly) present" in questions
    assert questions["Unannounced visit"].toolTip() == "The client does not know you are coming."
    for item in widget.checklist.items:
        assert item.text not in questions, item.text
    assert widget.buttons("onaangekondigd")[0].accessibleName() == "Unannounced visit: yes"

    answer(qtbot, page, {})
    assert page.checklist_step.check_badge.text() == "● GREEN"
    assert page.checklist_step.check_advice_label.text() == "Green: you may go alone"
    assert "Announce the visit in writing." in page.checklist_step.check_advice_text.text()
    assert (
        "No risk factors that lead to orange or red"
        in page.checklist_step.check_reasons_label.text()
    )

    answer(qtbot, page, {"handhaving": Answer.JA, "onaangekondigd": Answer.JA})
    assert page.checklist_step.check_badge.text() == "▲ ORANGE"
    assert page.checklist_step.check_badge.accessibleName() == "Risk level: orange"
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_ADVICE
    assert page.advice_step.advice_badge.text() == "▲ ORANGE"
    assert page.advice_step.advice_title.text() == "Orange: go as a pair"
    assert page.advice_step.advice_text.text().startswith("Do not go alone")
    assert (
        "Go as a pair and divide the roles beforehand." in page.advice_step.precautions_label.text()
    )
    assert "orange" in page.advice_step.deviation_help.text()
    for dutch in ("Oranje", "tweeën", "leidinggevende"):
        assert (
            dutch
            not in page.advice_step.advice_title.text() + page.advice_step.precautions_label.text()
        ), dutch


def test_english_board_statuses(qtbot: QtBot, demo: DemoEnv, english: QTranslator) -> None:
    page = open_board(qtbot, demo, "ahmed")
    statuses = shown_column(page, BoardColumn.STATUS)
    assert statuses
    assert set(statuses) <= {"⚠ ALARM", "◷ overdue", "☎ call now", "✓ on schedule"}
    assert set(shown_column(page, BoardColumn.VISIT_STATE)) <= {"Under way", "Escalated"}


def test_english_call_dialog_action(qtbot: QtBot, demo: DemoEnv, english: QTranslator) -> None:
    ctx = demo.login("ahmed")
    dialog = make_dialog(qtbot, demo, ctx, buddy_visit(ctx))
    assert dialog.action_text(CallAction.OK) == (
        "All is well",
        "The next call-back stays as planned.",
    )
    choose(qtbot, dialog.last_name_button)
    assert "Call the police now" in dialog.preview_title_label.text()
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.decision is not None)
    assert dialog.decision is not None and dialog.decision.action is CallAction.CALL_POLICE
    assert "Call the police now" in dialog.action_title_label.text()
    assert "Keep the line open" in dialog.action_instruction_label.text()
    assert "0900-8844" in dialog.action_instruction_label.text()


@pytest.mark.parametrize(
    ("retry_minutes", "text"),
    [(1, "Call again in 1 minute."), (20, "Call again in 20 minutes.")],
)
def test_english_retry_names_the_retry_time(
    qtbot: QtBot, demo: DemoEnv, english: QTranslator, retry_minutes: int, text: str
) -> None:
    from dataclasses import replace

    from veilig_huisbezoek.services.settings import load_settings, save_settings

    tom = demo.login("tom")
    save_settings(tom, replace(load_settings(tom), retry_minutes=retry_minutes))
    ctx = demo.login("ahmed")
    dialog = make_dialog(qtbot, demo, ctx, buddy_visit(ctx))
    choose(qtbot, dialog.not_reached_button)
    assert dialog.preview_label.text().startswith(text)
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.decision is not None)
    assert dialog.action_instruction_label.text().startswith(text)
    assert "If there is still no answer, escalate." in dialog.action_instruction_label.text()


def test_desktop_notifications_speak_english_too(english: QTranslator) -> None:
    from datetime import UTC, datetime

    from veilig_huisbezoek.domain.reminders import Audience, ReminderKind
    from veilig_huisbezoek.reminders.notifier import Notifier
    from veilig_huisbezoek.services.alarms import AlarmInfo

    moment = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    alarm = AlarmInfo(
        id=1,
        reminder_key="callback:1",
        kind=ReminderKind.CALLBACK_DUE,
        audience=Audience.BUDDY,
        visit_id=1,
        callback_id=1,
        due_at=moment,
        raised_at=moment,
        raised_late=False,
        acknowledged_at=None,
        acknowledged_by="",
        visitor_first_name="Sanne",
        visitor_name="Sanne Visser",
        visitor_phone="",
    )
    notifier = Notifier(notify=lambda **_kwargs: None, use_tray=False)
    try:
        _title, message = notifier.notification_text(alarm)
        assert message.startswith("Call Sanne now.")
        _title, locked = notifier.notification_text(alarm, locked=True)
        assert locked == "Alarm: visit by Sanne — unlock for details"
    finally:
        notifier.shutdown()


def test_why_this_level_is_translated_with_the_question_in_it(english: QTranslator) -> None:
    from veilig_huisbezoek.domain.checklist import (
        REASON_TEMPLATES,
        Answer,
        FactorKind,
        assess,
        default_checklist,
    )
    from veilig_huisbezoek.gui.i18n import domain_text, reason_text

    checklist = default_checklist()
    severe = next(i for i in checklist.items if i.kind is FactorKind.ERNSTIG and not i.auto)
    situation = [i for i in checklist.items if i.kind is not FactorKind.ERNSTIG][:2]
    answers = {i.id: Answer.NEE for i in checklist.items}
    answers[severe.id] = Answer.JA
    for item in situation:
        answers[item.id] = Answer.JA
    shown = [reason_text(r) for r in assess(checklist, answers).reasons]
    question = domain_text(severe.text)
    assert question != severe.text  # the question itself is English
    assert f'Serious factor "{question}": yes → red' in shown
    assert "2 situational factors with yes → orange" in shown
    assert all(domain_text(t) != t for t in REASON_TEMPLATES)  # every template translated
