"""Accessibility: Dutch names on every control, mnemonics, tab order, 150 % scaling.

Each role logs in through the real main window; every tab, every step of the
prepare-visit flow and the dialogs that open without changing anything (visit detail,
the call dialog via the hub) are walked, and every visible control must tell a screen
reader what it is.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.gui.call_dialog import CallDialog
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.prepare_visit import PrepareVisitPage
from veilig_huisbezoek.gui.readout import plain_text
from veilig_huisbezoek.gui.visit_detail import VisitDetailDialog
from veilig_huisbezoek.services import visits
from veilig_huisbezoek.services.demo import demo_logins
from veilig_huisbezoek.services.visit_details import get_visit_detail

pytestmark = pytest.mark.gui

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QDateTimeEdit,
    QPlainTextEdit,
    QTableView,
    QListView,
    QCheckBox,
    QRadioButton,
)
# Parts Qt builds inside other controls; the outer control carries the name.
_INTERNAL_PARENTS = (QAbstractSpinBox, QComboBox)
_INTERNAL_NAMES = {"qt_tableview_cornerbutton", "qt_scrollarea_hcontainer"}


@pytest.fixture
def window(qtbot: QtBot, demo: DemoEnv) -> Iterator[MainWindow]:
    win = MainWindow(demo.data_dir, demo_logins=demo_logins(), clock=demo.clock)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def log_in(qtbot: QtBot, window: MainWindow, user: str) -> None:
    view = window.login_view
    view.user_edit.clear()
    qtbot.keyClicks(view.user_edit, user)
    qtbot.keyClicks(view.password_edit, f"demo-{user}-2026")
    qtbot.keyClick(view.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.workspace is not None and window.stack.currentWidget() is window.workspace,
        timeout=15_000,
    )


def is_internal(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return widget.objectName() in _INTERNAL_NAMES or (
        parent is not None and isinstance(parent, _INTERNAL_PARENTS)
    )


def unnamed(root: QWidget) -> list[str]:
    """Visible controls under `root` a screen reader could not name."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or is_internal(widget):
            continue
        if widget.accessibleName().strip():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        problems.append(f"{type(widget).__name__} {widget.objectName() or '(no name)'}")
    return problems


def unlabelled_buddies(root: QWidget) -> list[str]:
    """Form labels (named in the .ui) carry an Alt-letter; every buddy field a name.

    The checklist's question labels are buddies too (a screen reader reads the question
    with the answers) but fifteen questions cannot each have a letter.
    """
    problems = []
    for label in root.findChildren(QLabel):
        partner = label.buddy()
        if partner is None:
            continue
        if label.objectName() and "&" not in label.text():
            problems.append(f"label {label.objectName()} has no Alt-letter")
        if not partner.accessibleName().strip():
            problems.append(f"field {partner.objectName()} (of {label.objectName()}) unnamed")
    return problems


def walk_stacks(qtbot: QtBot, root: QWidget, problems: list[str], where: str) -> None:
    """Every page of every stacked widget inside `root` (the steps, the side panels)."""
    problems += [f"{where}: {p}" for p in unnamed(root)]
    for stack in root.findChildren(QStackedWidget):
        if not stack.isVisible() or isinstance(stack.parentWidget(), QTabWidget):
            continue
        before = stack.currentIndex()
        for index in range(stack.count()):
            stack.setCurrentIndex(index)
            qtbot.wait(1)
            page = stack.widget(index)
            problems += [f"{where}/{page.objectName()}: {p}" for p in unnamed(page)]
        stack.setCurrentIndex(before)


def walk_workspace(qtbot: QtBot, window: MainWindow) -> list[str]:
    workspace = window.workspace
    assert workspace is not None
    problems = [f"login: {p}" for p in unnamed(window.login_view)]
    problems += [f"top: {p}" for p in unnamed(workspace) if "tabs" not in p]
    for key, page in workspace.pages.items():
        workspace.show_page(key)
        assert page.isVisible()
        walk_stacks(qtbot, page, problems, key)
        problems += [f"{key}: {p}" for p in unlabelled_buddies(page)]
    return problems


@pytest.mark.parametrize("user", ["sanne", "ahmed", "petra", "tom"])
def test_every_visible_control_has_a_dutch_name(
    qtbot: QtBot, window: MainWindow, user: str
) -> None:
    assert unnamed(window.login_view) == []
    assert unlabelled_buddies(window.login_view) == []
    log_in(qtbot, window, user)
    assert window.workspace is not None and window.workspace.pages
    assert walk_workspace(qtbot, window) == []


def test_the_check_finds_a_control_without_a_name(qtbot: QtBot) -> None:
    """The walk above would notice a nameless field (so it can fail)."""
    root = QWidget()
    qtbot.addWidget(root)
    named = QLineEdit(root)
    named.setAccessibleName("Straat")
    bare = QLineEdit(root)
    bare.setObjectName("bareEdit")
    text_button = QCheckBox("&Tolk", root)
    text_button.move(0, 40)
    label = QLabel("Huisnummer", root)
    label.setObjectName("numberLabel")
    label.setBuddy(bare)
    root.show()
    assert unnamed(root) == ["QLineEdit bareEdit"]
    assert len(unlabelled_buddies(root)) == 2


def test_visit_detail_and_call_dialog_opened_via_the_hub_are_named(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    log_in(qtbot, window, "ahmed")
    ctx = window.ctx
    assert ctx is not None
    summary = next(
        s
        for s in visits.list_visits(ctx, active_only=True)
        if s.buddy_id == ctx.actor.account_id and s.next_callback is not None
    )
    # The visit detail window, both of its tabs.
    window.hub.show_visit.emit(summary.id)
    qtbot.waitUntil(lambda: any(isinstance(w, VisitDetailDialog) for w in _shown()))
    detail = next(w for w in _shown() if isinstance(w, VisitDetailDialog))
    problems: list[str] = []
    for tabs in detail.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            problems += unnamed(detail)
    problems += unlabelled_buddies(detail)
    detail.close()
    assert problems == []

    # The call dialog (window-modal, opened on the board).
    callback = get_visit_detail(ctx, summary.id).next_callback
    assert callback is not None
    demo.clock.set(callback.due_at + timedelta(seconds=30))
    window.hub.call_requested.emit(summary.id, callback.id)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CallDialog)
    seen = {
        "ask": unnamed(dialog) + unlabelled_buddies(dialog),
        "buttons": [
            b.accessibleName()
            for b in (dialog.not_reached_button, dialog.first_name_button, dialog.last_name_button)
        ],
    }
    dialog.reject()
    assert seen["ask"] == []
    assert seen["buttons"] == [
        "Niet bereikt",
        "Opgenomen met de voornaam",
        "Opgenomen met de achternaam",
    ]


def test_call_dialog_result_page_is_named(qtbot: QtBot, demo: DemoEnv) -> None:
    ctx = demo.login("ahmed")
    summary = next(
        s
        for s in visits.list_visits(ctx, active_only=True)
        if s.buddy_id == ctx.actor.account_id and s.next_callback is not None
    )
    callback = get_visit_detail(ctx, summary.id).next_callback
    assert callback is not None
    demo.clock.set(callback.due_at + timedelta(seconds=30))
    dialog = CallDialog(ctx, summary.id, callback.id, demo.hub)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.last_name_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.decision is not None
    assert dialog.result_page.isVisible()
    assert unnamed(dialog) == []


def _shown() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_tab_walks_the_address_step_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    log_in(qtbot, window, "sanne")
    assert window.workspace is not None
    page = window.workspace.pages["prepare"]
    assert isinstance(page, PrepareVisitPage)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.street_edit.setFocus()
    qtbot.waitUntil(page.street_edit.hasFocus)
    order: list[QWidget] = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused in order:
            break
        order.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    fields = [
        page.street_edit,
        page.number_edit,
        page.addition_edit,
        page.postcode_edit,
        page.city_edit,
    ]
    # The fields in the order of the form, straight after each other.
    assert order[: len(fields)] == fields
    # Every enabled, visible input of the step is reachable with Tab.
    step = page.stack.currentWidget()
    inputs = [
        w
        for w in step.findChildren(QWidget)
        if isinstance(w, CONTROLS)
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not is_internal(w)
    ]
    assert inputs and all(w in order for w in inputs), [w.objectName() for w in inputs]
    # After the address: on to the next step, before going back or clearing the form.
    after = order[len(fields) :]
    assert page.next_button in after
    assert after.index(page.next_button) < after.index(page.clear_button)
    # Alt+letter from the labels reaches the same fields.
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert page.postcode_edit.hasFocus()


UI_DIR = Path(__file__).resolve().parents[2] / "ui"
_UI_INPUTS = {
    "QLineEdit",
    "QComboBox",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QDateEdit",
    "QDateTimeEdit",
    "QPlainTextEdit",
    "QTableView",
    "QListWidget",
    "QListView",
    "QSpinBox",
    "QToolButton",
}


@pytest.mark.parametrize("form", sorted(p.name for p in UI_DIR.glob("*.ui")))
def test_each_form_declares_its_tab_order(form: str) -> None:
    """Designer's <tabstops>: every control of the form, each once, none unknown."""
    tree = ET.parse(UI_DIR / form)
    widgets = [w.get("name") for w in tree.iter("widget")]
    inputs = [w.get("name") for w in tree.iter("widget") if w.get("class") in _UI_INPUTS]
    stops = [s.text for s in tree.iter("tabstop")]
    assert inputs, form
    assert [n for n in inputs if n not in stops] == []
    assert [s for s in stops if s not in widgets] == []
    assert len(stops) == len(set(stops))


# --- 150 % ------------------------------------------------------------------------------

_SCALED_SCRIPT = r"""
import json, sys, time
from datetime import UTC, datetime
from pathlib import Path
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.services.demo import demo_logins
from veilig_huisbezoek.services.visit_details import get_visit_detail

app = QApplication([])
screen = (1366, 768)  # physical pixels of a common laptop
ratio = app.devicePixelRatio()
logical = (int(screen[0] / ratio), int(screen[1] / ratio))
win = MainWindow(Path(sys.argv[1]), demo_logins=demo_logins(),
                 clock=FakeClock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC)))
win.setGeometry(0, 0, *logical)
win.show()
QTest.qWaitForWindowExposed(win)
QTest.qWait(100)

def inside(widget: QWidget) -> bool:
    top_left = widget.mapTo(win, widget.rect().topLeft())
    return win.rect().contains(QRect(top_left, widget.size()))

def report(widgets: dict[str, QWidget]) -> dict[str, object]:
    out = {}
    for name, w in widgets.items():
        hint = w.minimumSizeHint()
        out[name] = {
            "visible": w.isVisible(),
            "inside": inside(w),
            "wide_enough": w.width() >= hint.width(),
            "high_enough": w.height() >= hint.height(),
        }
    return out

facts = {"ratio": ratio, "logical": logical, "window": [win.width(), win.height()],
         "grab": [win.grab().toImage().width(), win.grab().toImage().height()]}
login = win.login_view
facts["login_min"] = [win.minimumSizeHint().width(), win.minimumSizeHint().height()]
facts["login"] = report({"user": login.user_edit, "password": login.password_edit,
                         "button": login.login_button, "language": login.language_combo})
login.user_edit.setText("sanne")
login.password_edit.setText("demo-sanne-2026")
login.login_button.click()
end = time.monotonic() + 30
while win.workspace is None and time.monotonic() < end:
    QTest.qWait(20)
QTest.qWait(200)
ws = win.workspace
page = ws.pages["prepare"]
facts["workspace_min"] = [win.minimumSizeHint().width(), win.minimumSizeHint().height()]
facts["window_after"] = [win.width(), win.height()]
facts["prepare"] = report({
    "street": page.street_edit, "number": page.number_edit, "addition": page.addition_edit,
    "postcode": page.postcode_edit, "city": page.city_edit, "next": page.next_button,
    "clear": page.clear_button, "lock": ws.lock_button, "logout": ws.logout_button,
})
facts["labels"] = report({
    l.objectName(): l for l in page.stack.currentWidget().findChildren(QLabel)
    if l.isVisible() and l.buddy() is not None
})
print(json.dumps(facts))
win.close()
"""


def test_login_and_address_step_fit_a_laptop_at_150_percent(demo: DemoEnv) -> None:
    """QT_SCALE_FACTOR=1.5 on a 1366×768 screen leaves 910×512 logical pixels."""
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", _SCALED_SCRIPT, str(demo.data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["ratio"] == 1.5
    assert facts["logical"] == [910, 512]
    assert facts["grab"] == [1365, 768]  # the laptop's pixels (910 × 1.5: one lost to rounding)
    # Neither screen needs more room than the laptop has: no window off the screen edge.
    for key in ("login_min", "workspace_min"):
        width, height = facts[key]
        assert width <= 910 and height <= 512, (key, facts[key])
    assert facts["window_after"] == [910, 512]
    for group in ("login", "prepare", "labels"):
        assert facts[group], group
        for name, state in facts[group].items():
            assert state == {
                "visible": True,
                "inside": True,
                "wide_enough": True,
                "high_enough": True,
            }, (group, name, state)


# --- what a screen reader hears (the QAccessible tree) -----------------------------------

_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def words(text: str) -> str:
    """Text as a screen reader's words: lower case, no symbols or punctuation."""
    return " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


def accessible_tree(widget: QWidget) -> list[QAccessibleInterface]:
    """Every object under `widget` a screen reader can reach (not the invisible ones)."""
    found: list[QAccessibleInterface] = []
    pending = [QAccessible.queryAccessibleInterface(widget)]
    while pending:
        node = pending.pop()
        if node is None or not node.isValid() or node.state().invisible:
            continue
        found.append(node)
        pending += [node.child(i) for i in reversed(range(node.childCount()))]
    return found


def _is_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget


def _shown_text(label: QLabel) -> str:
    text = plain_text(label.text(), label.textFormat())
    return text.replace("&", "") if label.buddy() is not None else text


def unheard(root: QWidget, where: str = "") -> list[str]:
    """What a screen reader could not read under `root`: a focusable control without a
    name, a visible label whose text is neither in its name nor in its buddy's, markup."""
    problems: list[str] = []
    for node in accessible_tree(root):
        obj = node.object()
        name = node.text(QAccessible.Text.Name)
        description = node.text(QAccessible.Text.Description)
        what = f"{where}{type(obj).__name__} {obj.objectName() if obj else '(item)'}"
        if isinstance(obj, QWidget) and not obj.objectName() and obj.parentWidget():
            what += f" in {type(obj.parentWidget()).__name__} {obj.parentWidget().objectName()}"
        for kind, text in (("name", name), ("description", description)):
            if _MARKUP.search(text):
                problems.append(f"{what}: markup in the {kind}: {text[:60]!r}")
        if not isinstance(obj, QWidget):
            continue  # a table cell, a list item: read from the model
        state = node.state()
        if (
            state.focusable
            and not state.disabled
            and not name.strip()
            and not is_internal(obj)
            and not _is_viewport(obj)
            and type(obj) is not QScrollArea  # a page's scrolling: wt-f's Tab chain
        ):
            problems.append(f"{what}: focusable without a name")
        if isinstance(obj, QLabel) and obj.pixmap().isNull():
            shown = _shown_text(obj)
            if not shown:
                continue
            buddy = obj.buddy()
            names = [name] + ([buddy.accessibleName()] if buddy is not None else [])
            if not words(shown):  # a symbol only: its name says what it means
                if not name.strip():
                    problems.append(f"{what}: symbol {shown!r} without a name")
            elif not any(words(shown) in words(n) for n in names):
                problems.append(f"{what}: shows {shown[:60]!r}, heard {name[:60]!r}")
    return problems


def heard_everywhere(qtbot: QtBot, root: QWidget, where: str) -> list[str]:
    """`unheard` for `root` and for every page of every stacked widget in it."""
    problems = unheard(root, f"{where}: ")
    for stack in root.findChildren(QStackedWidget):
        if not stack.isVisible() or isinstance(stack.parentWidget(), QTabWidget):
            continue
        before = stack.currentIndex()
        for index in range(stack.count()):
            stack.setCurrentIndex(index)
            qtbot.wait(1)
            page = stack.widget(index)
            problems += unheard(page, f"{where}/{page.objectName()}: ")
        stack.setCurrentIndex(before)
    return problems


@pytest.mark.parametrize("user", ["sanne", "petra", "tom"])
def test_a_screen_reader_hears_every_page(qtbot: QtBot, window: MainWindow, user: str) -> None:
    """Per role (medewerker, leidinggevende, beheerder): on every tab, every focusable
    control has a name and every visible label's text is in what is heard."""
    problems = unheard(window.login_view, "login: ")
    log_in(qtbot, window, user)
    workspace = window.workspace
    assert workspace is not None
    for key in workspace.pages:
        workspace.show_page(key)
        problems += heard_everywhere(qtbot, window, key)
    assert problems == [], "\n".join(problems)
