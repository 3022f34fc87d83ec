"""The window around the pages: first run, login, tabs per role, locking, logging out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.gui.first_run import FirstRunView
from veilig_huisbezoek.gui.login import LoginView
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.services.demo import demo_logins
from veilig_huisbezoek.storage.store import holds_store

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, demo: DemoEnv) -> Iterator[MainWindow]:
    win = MainWindow(demo.data_dir, demo_logins=demo_logins(), clock=demo.clock)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def log_in(qtbot: QtBot, view: LoginView, user: str, password: str) -> None:
    view.user_edit.clear()
    qtbot.keyClicks(view.user_edit, user)
    qtbot.keyClick(view.user_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(view.password_edit, password)
    qtbot.keyClick(view.password_edit, Qt.Key.Key_Return)


def logged_in(qtbot: QtBot, window: MainWindow, user: str) -> None:
    log_in(qtbot, window.login_view, user, f"demo-{user}-2026")
    qtbot.waitUntil(
        lambda: window.workspace is not None and window.stack.currentWidget() is window.workspace,
        timeout=15_000,
    )


def tab_titles(window: MainWindow) -> list[str]:
    assert window.workspace is not None
    tabs = window.workspace.tabs
    return [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]


def test_demo_logins_are_shown_on_the_login_screen(window: MainWindow) -> None:
    text = window.login_view.demo_label.text()
    for user, password, _ in demo_logins():
        assert user in text and password in text


def test_medewerker_gets_prepare_my_visits_board_and_history(
    qtbot: QtBot, window: MainWindow
) -> None:
    logged_in(qtbot, window, "sanne")
    assert "Sanne Visser" in window.windowTitle()
    titles = tab_titles(window)
    assert titles[:2] == ["Bezoek voorbereiden", "Mijn bezoeken"]
    assert "Buddybord" in " ".join(titles)
    assert not any("Accounts" in t or "Toestemming" in t for t in titles)
    assert window.workspace is not None
    assert "Sanne Visser" in window.workspace.who_label.text()


def test_beheerder_sees_accounts_but_no_case_content(qtbot: QtBot, window: MainWindow) -> None:
    logged_in(qtbot, window, "tom")
    assert tab_titles(window) == ["Accounts", "Instellingen"]


def test_leidinggevende_sees_register_consent_and_history(qtbot: QtBot, window: MainWindow) -> None:
    logged_in(qtbot, window, "petra")
    joined = " ".join(tab_titles(window))
    for expected in ("Adresregister", "Toestemming", "Bezoekhistorie"):
        assert expected in joined


def test_wrong_password_shows_the_dutch_message(qtbot: QtBot, window: MainWindow) -> None:
    view = window.login_view
    log_in(qtbot, view, "sanne", "niet-het-wachtwoord")
    qtbot.waitUntil(lambda: view.error_label.text() != "", timeout=15_000)
    assert view.error_label.text() == "Onjuiste gebruikersnaam of wachtwoord"
    assert view.password_edit.text() == ""
    assert window.workspace is None


def test_empty_fields_are_named(qtbot: QtBot, window: MainWindow) -> None:
    view = window.login_view
    qtbot.mouseClick(view.login_button, Qt.MouseButton.LeftButton)
    assert "gebruikersnaam en wachtwoord" in view.error_label.text()


def test_caps_lock_hint_appears_for_uppercase_without_shift(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.login_view
    assert view.caps_label.isHidden()
    qtbot.keyClick(view.password_edit, "A")  # capital letter, no Shift held
    assert not view.caps_label.isHidden()
    qtbot.keyClick(view.password_edit, "a")
    assert view.caps_label.isHidden()
    qtbot.keyClick(view.password_edit, "A", Qt.KeyboardModifier.ShiftModifier)
    assert view.caps_label.isHidden()


def test_idle_lock_keeps_unsaved_input_for_the_same_person(
    qtbot: QtBot, window: MainWindow
) -> None:
    logged_in(qtbot, window, "sanne")
    workspace = window.workspace
    assert workspace is not None
    assert window.idle.interval_ms == 5 * 60_000  # the default of docs/design.md §7
    prepare = workspace.pages["prepare"]
    street = prepare.findChild(QLineEdit, "streetEdit")
    qtbot.keyClicks(street, "Lindelaan")
    window.idle.idle.emit()  # what the idle timer does after five quiet minutes
    assert window.stack.currentWidget() is window.login_view
    assert "Vergrendeld" in window.login_view.error_label.text()
    assert window.login_view.user_edit.text() == "sanne"
    assert "Sanne" not in window.windowTitle()
    qtbot.keyClicks(window.login_view.password_edit, "demo-sanne-2026")
    qtbot.keyClick(window.login_view.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is workspace, timeout=15_000)
    assert window.workspace is workspace
    assert street.text() == "Lindelaan"


def test_another_person_unlocking_gets_a_fresh_workspace(qtbot: QtBot, window: MainWindow) -> None:
    logged_in(qtbot, window, "sanne")
    first = window.workspace
    qtbot.mouseClick(first.lock_button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    assert window.locked
    logged_in(qtbot, window, "ahmed")
    assert window.workspace is not first
    assert "Ahmed" in window.windowTitle()


def test_log_out_returns_to_an_empty_login(qtbot: QtBot, window: MainWindow) -> None:
    logged_in(qtbot, window, "sanne")
    assert window.workspace is not None
    qtbot.mouseClick(window.workspace.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx is None)  # Sanne watches nothing: no handover
    assert window.stack.currentWidget() is window.login_view
    assert window.workspace is None and window.ctx is None
    assert window.login_view.password_edit.text() == ""


def test_first_run_creates_the_database_and_the_first_account(
    qtbot: QtBot, tmp_path: Path, demo: DemoEnv
) -> None:
    folder = tmp_path / "nieuw"
    win = MainWindow(folder, clock=demo.clock)
    qtbot.addWidget(win)
    win.show()
    view = win.first_run_view
    assert isinstance(view, FirstRunView)
    assert win.stack.currentWidget() is view
    qtbot.keyClicks(view.user_edit, "ilse")
    qtbot.keyClicks(view.first_name_edit, "Ilse")
    qtbot.keyClicks(view.last_name_edit, "de Boer")
    for guessable, reason in (("wachtwoord1", "veelgebruikt"), ("Ilse-de-Boer-1", "eigen naam")):
        qtbot.keyClicks(view.password_edit, guessable)
        qtbot.keyClicks(view.repeat_edit, guessable)
        qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
        assert view.error_label.text().startswith("Wachtwoord: ")
        assert reason in view.error_label.text()
        assert not holds_store(folder)
        view.password_edit.clear()
        view.repeat_edit.clear()
    qtbot.keyClicks(view.password_edit, "lang-genoeg-wachtwoord-2026")
    qtbot.keyClicks(view.repeat_edit, "ander-wachtwoord-2026")
    qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.error_label.text() != "", timeout=15_000)
    assert not holds_store(folder)
    view.repeat_edit.clear()
    qtbot.keyClicks(view.repeat_edit, "lang-genoeg-wachtwoord-2026")
    qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.workspace is not None, timeout=15_000)
    assert holds_store(folder)
    assert "Ilse de Boer" in win.windowTitle()
    win.close()


def test_typing_starts_in_the_street_field_and_resumes_there_after_a_lock(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    logged_in(qtbot, window, "sanne")
    assert window.workspace is not None
    prepare = window.workspace.pages["prepare"]
    street = prepare.findChild(QLineEdit, "streetEdit")
    assert street.hasFocus()
    qtbot.keyClicks(window.focusWidget(), "Akerstraat")  # typed where the cursor is
    assert street.text() == "Akerstraat"
    number = prepare.findChild(QLineEdit, "numberEdit")
    number.setFocus()
    window.lock()
    qtbot.keyClicks(window.login_view.password_edit, "demo-sanne-2026")
    qtbot.keyClick(window.login_view.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=15_000)
    assert number.hasFocus()


def test_without_a_form_to_fill_the_keyboard_starts_on_the_tabs(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    logged_in(qtbot, window, "tom")
    assert window.workspace is not None
    assert window.workspace.tabs.tabBar().hasFocus()


def test_after_a_reset_the_person_is_told_who_set_the_password_and_when(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    from veilig_huisbezoek.services.accounts import find_account_id, reset_password

    tom = demo.login("tom")
    reset_password(tom, find_account_id(tom, "sanne"), "sanne-kreeg-een-nieuw-wachtwoord")
    log_in(qtbot, window.login_view, "sanne", "sanne-kreeg-een-nieuw-wachtwoord")
    qtbot.waitUntil(lambda: window.password_notice_box is not None, timeout=15_000)
    box = window.password_notice_box
    assert box is not None and box.isVisible()
    assert "opnieuw ingesteld door Tom Jacobs" in box.text()
    assert "23-11-2026 om 09:00" in box.text()  # the demo clock, in Amsterdam time
    box.accept()
    window.log_out()
    qtbot.waitUntil(lambda: window.ctx is None)
    log_in(qtbot, window.login_view, "sanne", "sanne-kreeg-een-nieuw-wachtwoord")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace, timeout=15_000)
    # The notice is read on the task runner after login: once it is idle, it has answered.
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15_000)
    assert window.password_notice_box is box  # said once: no new notice
