"""Accessibility: Dutch names on every control, mnemonics, tab order, 150 % scaling.

Each role logs in through the real main window; every tab, every step of the
prepare-visit flow and the dialogs that open without changing anything (visit detail,
the call dialog via the hub) are walked, and every visible control must tell a screen
reader what it is.
"""

from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleInterface,
)
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
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from tests.gui.prepare_steps import (
    active_note,
    answer,
    checklist,
    click,
    fill_plan,
    note_address,
    open_page,
    tick_colleague,
    type_address,
)
from tests.gui.stack_pages import each_stack_page
from tests.gui.test_app_alarms import check_at, log_in, running_visit
from tests.gui.test_board import open_board
from tests.reminders.helpers import refresh_panel
from veilig_huisbezoek.domain.call_outcome import CallAction
from veilig_huisbezoek.domain.phone import format_phone
from veilig_huisbezoek.gui.accounts_page import AccountDialog, AccountsPage
from veilig_huisbezoek.gui.call_dialog import CallDialog, load_call
from veilig_huisbezoek.gui.forms import setup_form
from veilig_huisbezoek.gui.forms_generated.ui_call_dialog import Ui_CallDialogForm
from veilig_huisbezoek.gui.incident_dialog import IncidentDialog
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.password_dialog import PasswordDialog
from veilig_huisbezoek.gui.prepare_visit import (
    STEP_ADDRESS,
    STEP_ADVICE,
    STEP_REVIEW,
    PrepareVisitPage,
)
from veilig_huisbezoek.gui.readout import ReadoutLabel, plain_text
from veilig_huisbezoek.gui.visit_detail import VisitDetailDialog
from veilig_huisbezoek.reminders.notifier import Notifier
from veilig_huisbezoek.services import visits
from veilig_huisbezoek.services.context import ServiceContext
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
    for page in each_stack_page(qtbot, root):
        problems += [f"{where}/{page.objectName()}: {p}" for p in unnamed(page)]


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
    problems += heard_in_tabs(qtbot, detail, "visit detail")
    address = QAccessible.queryAccessibleInterface(detail.findChild(QLabel, "addressLabel"))
    assert address.text(QAccessible.Text.Name).startswith("Adres van het bezoek: ")
    assert summary.address.short() in address.text(QAccessible.Text.Name)
    detail.close()
    assert problems == []

    # The call dialog (window-modal, opened on the board).
    callback = get_visit_detail(ctx, summary.id).next_callback
    assert callback is not None
    demo.clock.set(callback.due_at + timedelta(seconds=30))
    window.hub.call_requested.emit(summary.id, callback.id)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CallDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CallDialog)
    seen = {
        "ask": unnamed(dialog) + unlabelled_buddies(dialog) + unheard(dialog),
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
    dialog = CallDialog(ctx, load_call(ctx, summary.id), callback.id, demo.hub, demo.tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.last_name_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.decision is not None)
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
    page.address_step.street_edit.setFocus()
    qtbot.waitUntil(page.address_step.street_edit.hasFocus)
    order: list[QWidget] = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused in order:
            break
        order.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    fields = [
        page.address_step.street_edit,
        page.address_step.number_edit,
        page.address_step.addition_edit,
        page.address_step.postcode_edit,
        page.address_step.city_edit,
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
    assert page.address_step.postcode_edit.hasFocus()


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
from veilig_huisbezoek.gui.incident_dialog import IncidentDialog
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.password_dialog import PasswordDialog
from veilig_huisbezoek.services.context import ServiceContext
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
    "street": page.address_step.street_edit, "number": page.address_step.number_edit,
    "addition": page.address_step.addition_edit, "postcode": page.address_step.postcode_edit,
    "city": page.address_step.city_edit, "next": page.next_button,
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
    demo.everyone_present()  # page fit, not failover alarms
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
            and type(obj) is not QScrollArea  # scroll panes: left to the Tab-order work
        ):
            problems.append(f"{what}: focusable without a name")
        if isinstance(obj, QLabel) and obj.pixmap().isNull():
            shown = _shown_text(obj)
            if not words(shown):
                continue  # empty, or a symbol only (its name may say what it means)
            buddy = obj.buddy()
            names = [name] + ([buddy.accessibleName()] if buddy is not None else [])
            if not any(words(shown) in words(n) for n in names):
                problems.append(f"{what}: shows {shown[:60]!r}, heard {name[:60]!r}")
    return problems


def heard_everywhere(qtbot: QtBot, root: QWidget, where: str) -> list[str]:
    """`unheard` for `root` and for every page of every stacked widget in it."""
    problems = unheard(root, f"{where}: ")
    for page in each_stack_page(qtbot, root):
        problems += unheard(page, f"{where}/{page.objectName()}: ")
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


def hears(root: QWidget) -> str:
    """All a screen reader can read under `root`: the names of the visible objects."""
    return "\n".join(node.text(QAccessible.Text.Name) for node in accessible_tree(root))


def heard_in_tabs(qtbot: QtBot, root: QWidget, where: str) -> list[str]:
    """`heard_everywhere` on every tab of every tab widget in `root`."""
    problems = heard_everywhere(qtbot, root, where)
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(1)
            problems += heard_everywhere(qtbot, root, f"{where} tab {index}")
    return problems


@dataclass
class Sent:
    kind: QAccessible.Event
    widget: object
    message: str


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[Sent]:
    """What the app tells screen readers of its own accord (announcements, alerts)."""
    found: list[Sent] = []
    real = QAccessible.updateAccessibility

    def record(event: QAccessibleEvent) -> None:
        message = event.message() if isinstance(event, QAccessibleAnnouncementEvent) else ""
        found.append(Sent(event.type(), event.object(), message))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return found


def announced(sent: list[Sent]) -> list[str]:
    return [s.message for s in sent if s.kind is QAccessible.Event.Announcement]


def test_a_form_label_says_its_caption_and_what_it_shows(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    setup_form(Ui_CallDialogForm(), QWidget(host))
    gc.collect()  # the labels stay ReadoutLabels without a Python reference
    police = host.findChild(QLabel, "policeLabel")
    assert isinstance(police, ReadoutLabel)
    node = QAccessible.queryAccessibleInterface(police)
    assert node.text(QAccessible.Text.Name) == "Telefoonnummer politie"
    police.setText("☎ Politie: 112")
    assert node.text(QAccessible.Text.Name) == "Telefoonnummer politie: ☎ Politie: 112"
    police.clear()
    assert node.text(QAccessible.Text.Name) == "Telefoonnummer politie"
    # No caption: the text alone, as shown; rich text without markup.
    title = host.findChild(QLabel, "actionTitleLabel")
    assert isinstance(title, ReadoutLabel) and title.caption() == ""
    title.setText("⚠ Bel nu 112")
    assert QAccessible.queryAccessibleInterface(title).text(QAccessible.Text.Name) == (
        "⚠ Bel nu 112"
    )
    summary = ReadoutLabel(caption="Samenvatting")
    qtbot.addWidget(summary)
    summary.setText("<table><tr><td><b>Buddy</b></td><td>Ahmed &amp; co</td></tr></table>")
    summary.setToolTip("<b>Bedreiging</b> — 12-03-2026<br>Voorzorg")
    node = QAccessible.queryAccessibleInterface(summary)
    assert node.text(QAccessible.Text.Name) == "Samenvatting: Buddy: Ahmed & co"
    assert node.text(QAccessible.Text.Description) == "Bedreiging — 12-03-2026\nVoorzorg"


def test_the_check_finds_what_a_screen_reader_cannot_hear(qtbot: QtBot) -> None:
    """`unheard` would notice a stale name, markup and a nameless field (so it can fail)."""
    root = QWidget()
    qtbot.addWidget(root)
    stale = QLabel("✔ Alle vragen zijn beantwoord.", root)
    stale.setObjectName("staleLabel")
    stale.setAccessibleName("Nog niet beantwoord")
    raw = QLabel("Bedreiging", root)
    raw.setObjectName("rawLabel")
    raw.setAccessibleDescription("<b>Bedreiging</b>")
    bare = QLineEdit(root)
    bare.setObjectName("bareEdit")
    buddy_label = QLabel("&Straat", root)
    buddy_label.setObjectName("streetLabel")
    street = QLineEdit(root)
    street.setAccessibleName("Straat")
    buddy_label.setBuddy(street)
    for y, widget in enumerate((stale, raw, bare, buddy_label, street)):
        widget.move(0, 30 * y)
    root.show()
    assert [p.split(":")[0] for p in unheard(root)] == [
        "QLabel staleLabel",
        "QLabel rawLabel",
        "QLineEdit bareEdit",
    ]


# --- the call dialog read out after every outcome -----------------------------------

# outcome → (buttons a buddy clicks, the action decided)
CALLS = {
    "ok": (("first_name_button", "vrijuit_yes", "politie_no"), CallAction.OK),
    "call back sooner": (
        ("first_name_button", "vrijuit_no", "politie_no"),
        CallAction.CALL_BACK_SOONER,
    ),
    "112": (("first_name_button", "vrijuit_yes", "politie_yes"), CallAction.CALL_112),
    "police": (("last_name_button",), CallAction.CALL_POLICE),
    "not reached": (("not_reached_button",), CallAction.RETRY),
    "not reached twice": (("not_reached_button",), CallAction.ESCALATE),
}


def _call(qtbot: QtBot, demo: DemoEnv, ctx: ServiceContext, visit_id: int) -> CallDialog:
    callback = get_visit_detail(ctx, visit_id).next_callback
    assert callback is not None
    if demo.clock.now() < callback.due_at:
        demo.clock.set(callback.due_at + timedelta(seconds=30))
    dialog = CallDialog(ctx, load_call(ctx, visit_id), callback.id, demo.hub, demo.tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _record(qtbot: QtBot, dialog: CallDialog, buttons: tuple[str, ...]) -> None:
    for name in buttons:
        button = getattr(dialog, name)
        assert isinstance(button, QAbstractButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
        assert button.isChecked()
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.decision is not None)
    assert dialog.result_page.isVisible()


@pytest.mark.parametrize("outcome", list(CALLS))
def test_the_call_result_is_heard_with_the_number_to_call_and_the_address(
    qtbot: QtBot, demo: DemoEnv, sent: list[Sent], outcome: str
) -> None:
    ctx = demo.login("ahmed")
    summary = next(
        s
        for s in visits.list_visits(ctx, active_only=True)
        if s.buddy_id == ctx.actor.account_id and s.next_callback is not None
    )
    buttons, action = CALLS[outcome]
    if outcome == "not reached twice":
        first = _call(qtbot, demo, ctx, summary.id)
        _record(qtbot, first, buttons)
        first.accept()
        demo.clock.advance(timedelta(minutes=5))
    dialog = _call(qtbot, demo, ctx, summary.id)
    sent.clear()
    _record(qtbot, dialog, buttons)
    decision = dialog.decision
    assert decision is not None and decision.action is action
    detail = dialog.detail
    heard = words(hears(dialog))
    title, instruction = dialog.action_text(action)
    assert words(title) in heard and words(instruction) in heard
    # The visitor's number (to call back) and where the visit is, always.
    assert words(format_phone(detail.visitor.phone)) in heard
    assert words(detail.address.short()) in heard
    if action in (CallAction.CALL_112, CallAction.CALL_POLICE, CallAction.ESCALATE):
        assert dialog.alarm_panel.isVisible()
        for number in decision.police_numbers:
            assert words(number) in heard, number
        assert words(detail.address.one_line()) in heard
        # Each of them said with what it is, as the screen shows it.
        assert "Telefoonnummer politie: ☎" in hears(dialog.result_page)
        assert f"Volledig adres: {detail.address.one_line()}" in hears(dialog.result_page)
    # Focus goes to a button; what to do is said at once as well.
    said = announced(sent)
    assert len(said) == 1 and said[0].startswith(dialog.action_title_label.text() + ". ")
    assert words(instruction) in words(said[0])
    for number in decision.police_numbers:
        assert number in said[0]
    if decision.police_numbers:
        assert said[0].endswith(f"Volledig adres: {detail.address.one_line()}.")
    assert unheard(dialog) == []


# --- prepare a visit: every step read out with what it shows ------------------------


def test_every_prepare_step_is_heard_with_what_it_shows(qtbot: QtBot, demo: DemoEnv) -> None:
    """The register address (rood): warning, errors, checklist, advice, plan, summary and
    the consent dialog, as a screen reader reads them."""
    petra = demo.login("petra")
    note = active_note(petra, demo)
    page = open_page(qtbot, demo)
    problems: list[str] = []

    # Errors are heard with the field they belong to.
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_ADDRESS and page.address_step.street_error.isVisible()
    street_error = QAccessible.queryAccessibleInterface(page.address_step.street_error)
    assert street_error.text(QAccessible.Text.Name) == (
        f"Fout bij straat: {page.address_step.street_error.text()}"
    )
    problems += unheard(page, "address errors: ")

    type_address(qtbot, page, *note_address(note))
    assert page.address_step.warning_panel.isVisible()
    warning = QAccessible.queryAccessibleInterface(page.address_step.warning_panel)
    description = warning.text(QAccessible.Text.Description)
    assert description.startswith(f"{note.category.label} — incident op")
    assert "Voorzorgsmaatregelen:" in description and "<" not in description
    problems += unheard(page, "address: ")

    click(qtbot, page.next_button)
    widget = checklist(page)
    unanswered = QAccessible.queryAccessibleInterface(page.checklist_step.unanswered_label)
    assert "zonder antwoord" in unanswered.text(QAccessible.Text.Name)
    answer(qtbot, page, {})
    assert not widget.unanswered()
    # All answered: heard as shown (it said "Nog niet beantwoord" here before).
    assert unanswered.text(QAccessible.Text.Name) == "✔ Alle vragen zijn beantwoord."
    advice = QAccessible.queryAccessibleInterface(page.checklist_step.check_advice_label)
    assert (
        advice.text(QAccessible.Text.Name)
        == f"Advies: {page.checklist_step.check_advice_label.text()}"
    )
    assert "0900-8844" in hears(page)
    problems += unheard(page, "checklist: ")

    click(qtbot, page.next_button)
    assert page.current_step() == STEP_ADVICE
    assert "Nog geen toestemming" in hears(page.consent_step.consent_box)
    problems += unheard(page, "advice: ")
    click(qtbot, page.consent_step.consent_now_button)
    dialog = page.consent_dialog
    assert dialog is not None and dialog.isVisible()
    click(qtbot, dialog.sign_button)
    assert dialog.error_label.text()
    problems += unheard(dialog, "consent dialog: ")
    assert words(dialog.error_label.text()) in words(hears(dialog))
    click(qtbot, dialog.cancel_button)

    tick_colleague(page, "Lotte")
    click(qtbot, page.next_button)
    fill_plan(qtbot, page)
    problems += unheard(page, "plan: ")
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_REVIEW
    summary = QAccessible.queryAccessibleInterface(page.review_step.review_summary)
    said = summary.text(QAccessible.Text.Name)
    assert said.startswith("Samenvatting van het bezoek: Reden: Dienstverlening")
    for line in ("Bewoners: Dhr. en mevr. Janssen", "Tolk: nee", "Buddy: Ahmed El Amrani"):
        assert line in said, said
    address = QAccessible.queryAccessibleInterface(page.review_step.review_address)
    assert address.text(QAccessible.Text.Name) == (
        f"Adres: {note.address.short()}\n{note.address.postcode} {note.address.city}"
    )
    problems += unheard(page, "review: ")
    assert problems == [], "\n".join(problems)


# --- alarms: heard as shown, and announced when they appear -------------------------


def test_the_board_banner_and_clock_are_heard_and_a_new_alarm_announced(
    qtbot: QtBot, demo: DemoEnv, sent: list[Sent]
) -> None:
    page = open_board(qtbot, demo, "ahmed")
    clock = QAccessible.queryAccessibleInterface(page.now_label)
    assert clock.text(QAccessible.Text.Name) == "Het is nu 09:00:00"
    assert not page.alarm_banner.isVisible()
    sent.clear()
    demo.clock.advance(timedelta(minutes=12))  # a visit past its return and the grace
    page.tick()
    assert clock.text(QAccessible.Text.Name) == "Het is nu 09:12:00"
    assert page.alarm_banner.isVisible()
    shown = page.alarm_banner.text()
    assert "Ahmed El Amrani" in shown and "Bel nu" in shown
    banner = QAccessible.queryAccessibleInterface(page.alarm_banner)
    assert banner.text(QAccessible.Text.Name) == f"Alarmmelding: {shown}"
    assert announced(sent) == [shown]
    assert any(s.kind is QAccessible.Event.Alert and s.widget is page.alarm_banner for s in sent)
    assert unheard(page) == []
    sent.clear()
    demo.clock.advance(timedelta(seconds=1))
    page.tick()
    assert announced(sent) == []  # said once, not every second


def test_a_new_alarm_row_is_announced_with_the_first_name_and_what_to_do(
    qtbot: QtBot, demo: DemoEnv, sent: list[Sent]
) -> None:
    visit = running_visit(demo)
    demo.everyone_present()  # the demo's visits are watched: only this visit alarms
    window = MainWindow(
        demo.data_dir,
        demo_logins=demo_logins(),
        clock=demo.clock,
        notifier=Notifier(notify=lambda **_kwargs: None),
    )
    qtbot.addWidget(window)
    window.show()
    log_in(qtbot, window, "ahmed")
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=15_000)
    panel = window.alarm_panel
    assert panel is not None

    def about_this_visit() -> list[str]:
        return [m for m in announced(sent) if "Sanne" in m]

    sent.clear()
    check_at(demo, window, visit.first_callback)
    row = next(r for r in panel.rows if r.alarm.visit_id == visit.id)
    said = about_this_visit()
    assert said == [f"{row.label.text()} Bel met de knop Bellen en bevestig met Bevestigen."]
    assert "bel nu Sanne Visser" in said[0] and "Willemstraat 7B" in said[0]
    assert any(s.kind is QAccessible.Event.Alert and s.widget is panel for s in sent)
    # The row is read as it shows (it had a fixed name before).
    assert f"Waarschuwing\n{row.label.text()}\nBellen over dit alarm" in hears(row)
    assert unheard(panel) == []
    sent.clear()
    refresh_panel(qtbot, panel)
    assert about_this_visit() == []  # once per alarm

    # Locked: the first name and what to do, nothing more.
    window.lock()
    sent.clear()
    check_at(demo, window, visit.end)
    said = about_this_visit()
    # (The demo's other visits of Sanne may alarm too: escalation repeats reach every
    # colleague, docs/design.md §4a; each says the same, nothing more.)
    assert said and set(said) == {"Alarm: bezoek van Sanne — ontgrendel voor details"}
    assert unheard(panel) == []


# --- the dialogs ---------------------------------------------------------------------


def test_the_dialogs_are_heard_with_their_messages(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    """Password, incident (every tab, filed), account dialog and the login error."""
    # (That module uses this one's checks: imported here, not at the top.)
    from tests.gui.test_incident_dialog import file_report, fill_report, returned_visit

    problems: list[str] = []
    view = window.login_view
    qtbot.keyClicks(view.user_edit, "sanne")
    qtbot.keyClicks(view.password_edit, "niet-het-wachtwoord")
    qtbot.keyClick(view.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.error_label.isVisible() and bool(view.error_label.text()))
    error = QAccessible.queryAccessibleInterface(view.error_label)
    assert error.text(QAccessible.Text.Name) == f"Foutmelding: {view.error_label.text()}"
    problems += unheard(view, "login error: ")

    log_in(qtbot, window, "sanne")
    workspace = window.workspace
    assert workspace is not None
    click(qtbot, workspace.password_button)
    password = workspace.password_dialog
    assert isinstance(password, PasswordDialog) and password.isVisible()
    click(qtbot, password.ok_button)
    assert password.error_label.isVisible()
    assert words(password.error_label.text()) in words(hears(password))
    problems += heard_in_tabs(qtbot, password, "password")
    password.reject()

    ctx = window.ctx
    assert ctx is not None
    incident = IncidentDialog(ctx, window.tasks, visit_id=returned_visit(ctx), parent=window)
    qtbot.addWidget(incident)
    incident.show()
    qtbot.waitExposed(incident)
    qtbot.waitUntil(lambda: not incident.busy, timeout=10_000)
    fill_report(qtbot, incident)
    file_report(qtbot, incident)
    assert words(incident.message_label.text()) in words(hears(incident))
    problems += heard_in_tabs(qtbot, incident, "incident")
    incident.close()

    tom = demo.login("tom")
    page = AccountsPage(tom, demo.tasks, demo.hub)
    qtbot.addWidget(page)
    page.show()
    click(qtbot, page.add_button)
    account = page.dialog
    assert isinstance(account, AccountDialog) and account.isVisible()
    click(qtbot, account.ok_button)
    assert account.error_label.text()
    error = QAccessible.queryAccessibleInterface(account.error_label)
    assert error.text(QAccessible.Text.Name) == f"Foutmelding: {account.error_label.text()}"
    problems += heard_in_tabs(qtbot, account, "account")
    account.reject()
    assert problems == [], "\n".join(problems)
