"""Tab: it follows the reading order on every page and in every dialog, and it leaves
tables, lists and multi-line texts (the rule: :mod:`tests.gui.focus_order`)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStackedWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from tests.gui.focus_order import order_problems, tab_chain
from tests.gui.keyboard_steps import (
    open_workspace,
    prepare_page,
)
from tests.gui.prepare_steps import (
    active_note,
    answer,
    click,
    fill_plan,
    note_address,
    type_address,
)
from tests.gui.stack_pages import each_stack_page
from veilig_huisbezoek.gui.accounts_page import AccountDialog
from veilig_huisbezoek.gui.call_dialog import CallDialog, load_call
from veilig_huisbezoek.gui.first_run import FirstRunView
from veilig_huisbezoek.gui.incident_dialog import IncidentDialog
from veilig_huisbezoek.gui.login import LoginView
from veilig_huisbezoek.gui.password_dialog import PasswordDialog
from veilig_huisbezoek.gui.prepare_visit import (
    STEP_PLAN,
    STEP_REVIEW,
    ConsentDialog,
)
from veilig_huisbezoek.gui.visit_detail import VisitDetailDialog
from veilig_huisbezoek.gui.workspace import WorkspaceView
from veilig_huisbezoek.services.accounts import list_accounts
from veilig_huisbezoek.services.demo import demo_logins

pytestmark = pytest.mark.gui


# ---- Tab leaves tables --------------------------------------------------------


def views_shown(root: QWidget) -> list[QAbstractItemView]:
    return [v for v in root.findChildren(QAbstractItemView) if v.isVisible()]


@pytest.mark.parametrize("user", ["sanne", "ahmed", "petra", "tom"])
def test_tab_leaves_every_table_and_list(qtbot: QtBot, demo: DemoEnv, user: str) -> None:
    workspace = open_workspace(qtbot, demo, user)
    seen: list[str] = []
    for key, page in workspace.pages.items():
        workspace.show_page(key)
        for stack in [page, *page.findChildren(QStackedWidget)]:
            pages = [stack] if not isinstance(stack, QStackedWidget) else []
            if isinstance(stack, QStackedWidget) and stack.isVisible():
                for index in range(stack.count()):
                    stack.setCurrentIndex(index)
                    pages.append(stack.widget(index))
            for shown in pages:
                seen += [
                    f"{key}/{v.objectName()}" for v in views_shown(shown) if v.tabKeyNavigation()
                ]
    assert seen == []


# ---- reading order ----------------------------------------------------------------


def check_stacks(qtbot: QtBot, page: QWidget, where: str) -> list[str]:
    """The page as it is, then every page of each stacked widget in it."""
    problems = [f"{where}: {p}" for p in order_problems(page)]
    for shown in each_stack_page(qtbot, page):
        problems += [f"{where}/{shown.objectName()}: {p}" for p in order_problems(page)]
    return problems


def select_first_rows(workspace: WorkspaceView) -> None:
    for view in workspace.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() and not view.currentIndex().isValid():
            view.setCurrentIndex(model.index(0, 0))


@pytest.mark.parametrize("user", ["sanne", "ahmed", "petra", "tom"])
def test_tab_follows_the_reading_order_on_every_page(
    qtbot: QtBot, demo: DemoEnv, user: str
) -> None:
    workspace = open_workspace(qtbot, demo, user)
    qtbot.wait(200)  # the pages' first loads
    select_first_rows(workspace)
    problems = [f"workspace: {p}" for p in order_problems(workspace)]
    for key, page in workspace.pages.items():
        if key == "prepare":
            continue  # step by step below
        workspace.show_page(key)
        qtbot.wait(1)
        problems += check_stacks(qtbot, page, key)
    assert problems == []


def test_tab_follows_the_reading_order_in_every_step(qtbot: QtBot, demo: DemoEnv) -> None:
    """Rood and going alone: every box of every step is shown."""
    petra = demo.login("petra")
    workspace = open_workspace(qtbot, demo, "sanne")
    page = prepare_page(workspace)
    problems: list[str] = []

    def check() -> None:
        problems.extend(f"step {page.current_step() + 1}: {p}" for p in order_problems(page))

    type_address(qtbot, page, *note_address(active_note(petra, demo)))
    check()
    click(qtbot, page.next_button)
    answer(qtbot, page, {})
    check()
    click(qtbot, page.next_button)
    assert page.advice_step.deviation_box.isVisible() and page.consent_step.consent_box.isVisible()
    check()
    page.advice_step.deviation_edit.setPlainText("Bewoner kent mij; politie is ingelicht.")
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_PLAN
    check()
    # The plan in reading order: the left column, then the right one.
    chain = tab_chain(page, page.plan_step.reason_combo)
    assert chain[: len(PLAN_ORDER)] == [page.findChild(QWidget, name) for name in PLAN_ORDER]
    fill_plan(qtbot, page)
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_REVIEW
    check()
    assert problems == []


PLAN_ORDER = (  # object names
    "reasonCombo",
    "residentsEdit",
    "clientsEdit",
    "phoneEdit",
    "interpreterCheck",
    "announcedCheck",
    "startEdit",
    "returnEdit",
    "buddyCombo",
    "callbackList",
)


@pytest.fixture
def kept(qapp: object) -> Iterator[list[QWidget]]:
    """The dialogs a test makes without a parent. pytest-qt keeps only weak references:
    a dialog caught in a reference cycle would otherwise be deleted by Python's garbage
    collector at any later moment, possibly inside a Qt call (a segfault). Here they live
    to the end of the test and are deleted through Qt."""
    dialogs: list[QWidget] = []
    yield dialogs
    for dialog in dialogs:
        if shiboken6.isValid(dialog):
            dialog.close()
            dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    dialogs.clear()
    gc.collect()


def dialog_problems(qtbot: QtBot, kept: list[QWidget], dialog: QWidget, name: str) -> list[str]:
    kept.append(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return [f"{name}: {p}" for p in order_problems(dialog)]


def test_tab_follows_the_reading_order_in_every_dialog(
    qtbot: QtBot, demo: DemoEnv, kept: list[QWidget]
) -> None:
    from tests.gui.test_call_dialog import buddy_visit, choose
    from tests.gui.test_incident_dialog import file_report, fill_report, returned_visit

    sanne = demo.login("sanne")
    tom = demo.login("tom")
    ahmed = demo.login("ahmed")
    problems = dialog_problems(qtbot, kept, ConsentDialog(sanne, demo.tasks, "—", None), "consent")
    problems += dialog_problems(qtbot, kept, PasswordDialog(sanne, demo.tasks, None), "password")
    petra_id = next(a.id for a in list_accounts(tom) if a.username == "petra")
    reset = PasswordDialog(tom, demo.tasks, None, account_id=petra_id, username="petra", lead=True)
    problems += dialog_problems(qtbot, kept, reset, "password reset")
    account = AccountDialog(tom, demo.tasks, None)
    account.role_checks[next(iter(account.role_checks))].setChecked(True)
    problems += dialog_problems(qtbot, kept, account, "account")
    list(account.role_checks.values())[1].setChecked(True)  # a leidinggevende: co-sign
    qtbot.wait(1)
    problems += [f"account+cosign: {p}" for p in order_problems(account)]

    detail = buddy_visit(ahmed)
    problems += dialog_problems(qtbot, kept, VisitDetailDialog(detail, None), "visit detail")
    callback = detail.next_callback
    assert callback is not None
    demo.clock.set(callback.due_at + timedelta(seconds=30))
    call = CallDialog(ahmed, load_call(ahmed, detail.id), callback.id, demo.hub, demo.tasks)
    problems += dialog_problems(qtbot, kept, call, "call")
    choose(qtbot, call.first_name_button)
    problems += [f"call, voornaam: {p}" for p in order_problems(call)]
    choose(qtbot, call.last_name_button)
    call.record()
    qtbot.waitUntil(lambda: call.decision is not None)
    problems += [f"call, result: {p}" for p in order_problems(call)]

    incident = IncidentDialog(sanne, demo.tasks, visit_id=returned_visit(sanne))
    qtbot.waitUntil(lambda: not incident.busy, timeout=10_000)
    problems += dialog_problems(qtbot, kept, incident, "incident")
    fill_report(qtbot, incident)
    file_report(qtbot, incident)
    for tab in range(incident.tabs.count()):
        incident.tabs.setCurrentIndex(tab)
        qtbot.wait(1)
        problems += [f"incident tab {tab + 1}: {p}" for p in order_problems(incident)]
    # A leidinggevende also sees the aftercare tab.
    assert incident.incident_id is not None
    followed = IncidentDialog(demo.login("petra"), demo.tasks, incident_id=incident.incident_id)
    qtbot.waitUntil(lambda: not followed.busy, timeout=10_000)
    problems += dialog_problems(qtbot, kept, followed, "incident (leidinggevende)")
    for tab in range(followed.tabs.count()):
        followed.tabs.setCurrentIndex(tab)
        qtbot.wait(1)
        problems += [f"followed tab {tab + 1}: {p}" for p in order_problems(followed)]

    login = LoginView(demo.data_dir, lambda *_: None, demo.tasks, demo_logins=demo_logins())
    problems += dialog_problems(qtbot, kept, login, "login")
    first_run = FirstRunView(demo.data_dir.parent / "new", demo.tasks, create=lambda *_: None)
    problems += dialog_problems(qtbot, kept, first_run, "first run")
    assert problems == []
