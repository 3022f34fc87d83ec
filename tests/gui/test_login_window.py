"""The minimal window: log in as a person would, see the overview, lock again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from veilig_huisbezoek.gui.login import LoginView
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.services.demo import create_demo_store, demo_logins

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "data"
    create_demo_store(folder, visits=12)
    return folder


@pytest.fixture
def window(qtbot: QtBot, demo_dir: Path) -> MainWindow:
    win = MainWindow(demo_dir, demo_logins=demo_logins())
    qtbot.addWidget(win)
    win.show()
    return win


def _log_in(qtbot: QtBot, view: LoginView, user: str, password: str) -> None:
    qtbot.keyClicks(view.user_edit, user)
    qtbot.keyClick(view.user_edit, Qt.Key.Key_Return)
    assert view.password_edit.hasFocus() or not view.isActiveWindow()
    qtbot.keyClicks(view.password_edit, password)
    qtbot.keyClick(view.password_edit, Qt.Key.Key_Return)


def test_demo_logins_are_shown_on_the_login_screen(window: MainWindow) -> None:
    text = window.login_view.demo_label.text()
    for user, password, _ in demo_logins():
        assert user in text and password in text


def test_medewerker_logs_in_and_sees_own_visits(qtbot: QtBot, window: MainWindow) -> None:
    _log_in(qtbot, window.login_view, "sanne", "demo-sanne-2026")
    qtbot.waitUntil(lambda: window.overview is not None, timeout=10_000)
    overview = window.overview
    assert overview is not None
    assert "Sanne Visser" in overview.welcome_label.text()
    assert "Sanne Visser" in window.windowTitle()
    rows = overview.model.rowCount()
    assert rows > 0
    visitors_and_buddies = {overview.model.index(r, 0).data() for r in range(rows)}
    assert "Sanne Visser" in visitors_and_buddies
    assert "uw eigen bezoeken" in overview.summary_label.text()
    # Locking returns to the login screen and forgets the password.
    lock_button = overview.findChild(QPushButton, "lockButton")
    qtbot.mouseClick(lock_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.login_view
    assert window.ctx is None
    assert window.login_view.password_edit.text() == ""


def test_beheerder_sees_no_case_content(qtbot: QtBot, window: MainWindow) -> None:
    _log_in(qtbot, window.login_view, "tom", "demo-tom-2026")
    qtbot.waitUntil(lambda: window.overview is not None, timeout=10_000)
    assert window.overview is not None
    assert window.overview.model.rowCount() == 0
    assert "geen casusinhoud" in window.overview.summary_label.text()


def test_wrong_password_shows_the_dutch_message(qtbot: QtBot, window: MainWindow) -> None:
    view = window.login_view
    _log_in(qtbot, view, "sanne", "niet-het-wachtwoord")
    qtbot.waitUntil(lambda: view.error_label.text() != "", timeout=10_000)
    assert view.error_label.text() == "Onjuiste gebruikersnaam of wachtwoord"
    assert view.password_edit.text() == ""
    assert window.overview is None


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


def test_missing_database_explains_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    win = MainWindow(tmp_path / "leeg")
    qtbot.addWidget(win)
    assert "admin init" in win.login_view.error_label.text()
    assert not win.login_view.login_button.isEnabled()


def test_visit_table_model_passes_qt_model_tester(
    qtmodeltester,
    demo_dir: Path,  # type: ignore[no-untyped-def]
) -> None:
    from veilig_huisbezoek.gui.visit_table_model import VisitTableModel
    from veilig_huisbezoek.services.accounts import list_accounts, log_in
    from veilig_huisbezoek.services.visits import list_visits

    ctx = log_in(demo_dir, "petra", "demo-petra-2026")
    model = VisitTableModel({a.id: a.display_name for a in list_accounts(ctx)})
    model.set_visits(list_visits(ctx))
    ctx.store.close()
    assert model.rowCount() == 12
    qtmodeltester.check(model, force_py=True)
