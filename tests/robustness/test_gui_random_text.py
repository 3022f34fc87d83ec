"""The GUI forms take any text without crashing: right-to-left, emoji, 10,000 characters,
control characters, and random Unicode from hypothesis.

Covered: every text field of Bezoek voorbereiden (address step and plan step), the
register page's search box and both login fields. Typing goes through key events (what
a keyboard or input method delivers; QTest.keyClicks only knows ASCII); very long text
is pasted (setText) and then edited by a key event. pytest-qt fails a test on any
exception raised inside a Qt slot, so "no crash" is checked for every signal handler.
After each input the page must still work: it either moves on or shows a Dutch message.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.gui.test_prepare_visit import SAFE_ADDRESS, answer, pick, type_address
from tests.robustness.helpers import (
    MEDEWERKER,
    MEDEWERKER_PASSWORD,
    make_cheap_store,
    type_text,
)
from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.gui.hub import AppHub
from veilig_huisbezoek.gui.login import LoginView
from veilig_huisbezoek.gui.prepare_visit import (
    STEP_ADDRESS,
    STEP_CHECK,
    STEP_PLAN,
    STEP_REVIEW,
    PrepareVisitPage,
)
from veilig_huisbezoek.gui.register_page import RegisterPage
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.throttle import LoginThrottle

pytestmark = [pytest.mark.gui, pytest.mark.slow]

NASTY = {
    "rechts-naar-links": "\u202eشارع الملك ١٢ עברית\u202c",
    "rtl-markeringen": "\u200fKerkstraat\u200e 12\u2067א\u2069",
    "emoji": "👩🏽‍⚕️🇳🇱🙂‍↔️ straat 🏠",
    "controletekens": "Kerk\x00straat\x07\x1b[2J\r\n\t\x7f\x85",
    "10000-tekens": "Lange straatnaam " * 588 + "eind",  # just over 10,000
    "10000-emoji": "🙂" * 10_000,
    "10000-cijfers": "1" * 10_000,
    "combinerend": "e\u0301\u0301\u0301\u0301 Z͑ͫ̓ͪ̂ͫ̽͏̴̙̤̞͉͚̯̞̠͍",
    "nulbreedte": "\u200b\u200c\u200d\ufeff",
    "sql": "'; DROP TABLE visits; --",
}
random_text = st.text(max_size=60)
GUI_EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


def enter(widget: QWidget, text: str) -> None:
    """Type short text key by key; paste long text and then type one more key."""
    if len(text) <= 300:
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.clear()
        type_text(widget, text)
        return
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    widget.setFocus()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, "x"))


@dataclass
class Env:
    data_dir: Path
    ctx: ServiceContext
    tasks: TaskRunner
    hub: AppHub
    clock: FakeClock


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_cheap_store(tmp_path_factory.mktemp("gui-fuzz") / "data").data_dir


@pytest.fixture
def env(qtbot: QtBot, store_dir: Path) -> Iterator[Env]:
    from datetime import UTC, datetime

    clock = FakeClock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    ctx = accounts.log_in(store_dir, MEDEWERKER, MEDEWERKER_PASSWORD, clock)
    tasks = TaskRunner()
    yield Env(store_dir, ctx, tasks, AppHub(), clock)
    tasks.shutdown()
    ctx.store.close()


def settle(qtbot: QtBot, tasks: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not tasks.busy, timeout=15_000)


def prepare_page(qtbot: QtBot, env: Env) -> PrepareVisitPage:
    page = helpers.open_page(qtbot, PrepareVisitPage(env.ctx, env.tasks, env.hub))
    settle(qtbot, env.tasks)
    return page


def shows_a_message(page: PrepareVisitPage) -> bool:
    labels = [page.message_label, *page.errors.labels.values()]
    return any(label.isVisible() and label.text().strip() for label in labels)


def try_address(qtbot: QtBot, env: Env, page: PrepareVisitPage, text: str) -> None:
    for edit in (
        page.address_step.street_edit,
        page.address_step.number_edit,
        page.address_step.addition_edit,
        page.address_step.postcode_edit,
        page.address_step.city_edit,
    ):
        enter(edit, text)
        edit.editingFinished.emit()
        settle(qtbot, env.tasks)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    settle(qtbot, env.tasks)
    assert page.current_step() == STEP_CHECK or (
        page.current_step() == STEP_ADDRESS and shows_a_message(page)
    )


def to_plan_step(qtbot: QtBot, env: Env, page: PrepareVisitPage, roles: str = "") -> None:
    type_address(qtbot, page, *SAFE_ADDRESS)
    settle(qtbot, env.tasks)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    answer(qtbot, page, {})
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    enter(page.advice_step.roles_edit, roles)  # the roles note on the advice step
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    if page.current_step() != STEP_PLAN:  # refused roles note: a message, then plain
        assert shows_a_message(page)
        page.advice_step.roles_edit.clear()
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.current_step() == STEP_PLAN
    pick(qtbot, page.plan_step.buddy_combo, "Anna")


def try_plan(qtbot: QtBot, env: Env, page: PrepareVisitPage, text: str) -> None:
    for edit in (
        page.plan_step.residents_edit,
        page.plan_step.clients_edit,
        page.plan_step.phone_edit,
    ):
        enter(edit, text)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    settle(qtbot, env.tasks)
    # On to the review, or back to the (earliest) step with a refused field, with a message.
    assert page.current_step() == STEP_REVIEW or (
        page.current_step() <= STEP_PLAN and shows_a_message(page)
    )


@pytest.mark.parametrize("case", sorted(NASTY))
def test_prepare_visit_address_fields_take_nasty_text(qtbot: QtBot, env: Env, case: str) -> None:
    page = prepare_page(qtbot, env)
    try_address(qtbot, env, page, NASTY[case])
    assert page.current_step() == STEP_ADDRESS  # none of these is an address


@pytest.mark.parametrize("case", sorted(NASTY))
def test_prepare_visit_plan_fields_take_nasty_text(qtbot: QtBot, env: Env, case: str) -> None:
    page = prepare_page(qtbot, env)
    to_plan_step(qtbot, env, page, NASTY[case])
    try_plan(qtbot, env, page, NASTY[case])


@GUI_EXAMPLES
@given(text=random_text)
def test_prepare_visit_fields_take_random_text(qtbot: QtBot, env: Env, text: str) -> None:
    page = prepare_page(qtbot, env)
    try_address(qtbot, env, page, text)
    page.close()
    page = prepare_page(qtbot, env)
    to_plan_step(qtbot, env, page, text)
    try_plan(qtbot, env, page, text)
    page.close()


@pytest.fixture
def register_page(qtbot: QtBot, env: Env) -> RegisterPage:
    page = RegisterPage(env.ctx, env.tasks, env.hub)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    return page


@pytest.mark.parametrize("case", sorted(NASTY))
def test_register_search_takes_nasty_text(
    qtbot: QtBot, env: Env, register_page: RegisterPage, case: str
) -> None:
    with qtbot.waitSignal(register_page.loaded, timeout=10_000):
        enter(register_page.search_edit, NASTY[case])
        qtbot.keyClick(register_page.search_edit, Qt.Key.Key_Return)
    assert register_page.model.rowCount() == 0
    assert register_page.isVisible()


@GUI_EXAMPLES
@given(text=random_text)
def test_register_search_takes_random_text(
    qtbot: QtBot, env: Env, register_page: RegisterPage, text: str
) -> None:
    enter(register_page.search_edit, text)
    with qtbot.waitSignal(register_page.loaded, timeout=10_000):
        qtbot.keyClick(register_page.search_edit, Qt.Key.Key_Return)
    assert register_page.model.rowCount() == 0


@pytest.fixture
def login_view(qtbot: QtBot, env: Env, tmp_path: Path) -> LoginView:
    view = LoginView(
        env.data_dir,
        lambda d, u, p: accounts.log_in(d, u, p, env.clock),
        env.tasks,
        clock=env.clock,
    )
    # Many failed attempts: record the pauses instead of sleeping them.
    view._throttle = LoginThrottle(env.data_dir, folder=tmp_path, sleep=lambda _s: None)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def try_login(qtbot: QtBot, env: Env, view: LoginView, user: str, password: str) -> None:
    enter(view.user_edit, user)
    enter(view.password_edit, password)
    with qtbot.assertNotEmitted(view.logged_in):
        qtbot.mouseClick(view.login_button, Qt.MouseButton.LeftButton)
        settle(qtbot, env.tasks)
    assert view.login_button.isEnabled()
    assert view.error_label.text() in {
        "Onjuiste gebruikersnaam of wachtwoord",
        "Vul uw gebruikersnaam en wachtwoord in.",
    }


@pytest.mark.parametrize("case", sorted(NASTY))
def test_login_fields_take_nasty_text(
    qtbot: QtBot, env: Env, login_view: LoginView, case: str
) -> None:
    try_login(qtbot, env, login_view, NASTY[case], NASTY[case])


@GUI_EXAMPLES
@given(user=random_text, password=random_text)
def test_login_fields_take_random_text(
    qtbot: QtBot, env: Env, login_view: LoginView, user: str, password: str
) -> None:
    try_login(qtbot, env, login_view, user, password)
