"""Open every page and dialog on a small screen and report what cannot be reached.

Run in its own process (the screen is fixed when the QApplication starts), e.g.::

    QT_QPA_PLATFORM=offscreen:configfile=screen.json QT_SCALE_FACTOR=1.25 \\
        python tests/gui/screen_fit_probe.py DATA_DIR SHOTS_DIR

``DATA_DIR`` holds a demo store (it is changed: a call is recorded, alarms are raised).
Prints one JSON line: the screen, the main window's frame, every window checked with
the controls it holds, the problems found and the screenshots saved in ``SHOTS_DIR``.

A control (button, field, list, table) counts as reachable when it lies inside its
window, or inside the content of a scroll area that can scroll to it and that is itself
reachable; and when it is not squeezed below its minimum size.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from veilig_huisbezoek.domain.checklist import Answer
from veilig_huisbezoek.domain.clock import FakeClock, to_local
from veilig_huisbezoek.domain.register import NoteStatus
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.prepare_visit import (
    STEP_ADVICE,
    STEP_CHECK,
    STEP_PLAN,
    STEP_REVIEW,
    PrepareVisitPage,
)
from veilig_huisbezoek.services.demo import demo_logins

DEMO_START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)
# Parts Qt builds inside other controls (the outer control is checked).
_INTERNAL_PARENTS = (QAbstractSpinBox, QComboBox, QTabBar, QScrollBar, QAbstractItemView)
# A scroll area must show at least this much of what it scrolls (else it is a slit).
MIN_VIEWPORT = 40


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _is_internal(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _INTERNAL_PARENTS):
            return True
        if parent.isWindow():
            return False
        parent = parent.parentWidget()
    return widget.objectName().startswith("qt_")


def _scroll_owner(widget: QWidget, top: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area that scrolls ``widget`` (below ``top``)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return area
        parent = parent.parentWidget()
    return None


def _region_problem(widget: QWidget, top: QWidget) -> str | None:
    """Why ``widget``'s area cannot be brought into view in ``top``; None if it can."""
    area = _scroll_owner(widget, top)
    if area is None:
        if not top.rect().contains(rect_in(widget, top)):
            return f"outside the window {rect_in(widget, top).getRect()} {top.size().toTuple()}"
        return None
    if isinstance(area, QScrollArea) and area.widget() is not None:
        content = area.widget()
        assert content is not None
        where = rect_in(widget, content)
        if not content.rect().contains(where):
            return f"outside the scrolled content of {area.objectName() or 'a scroll area'}"
        viewport = area.viewport().size()
        for bar, beyond, size in (
            (area.horizontalScrollBarPolicy(), content.width() > viewport.width(), "wide"),
            (area.verticalScrollBarPolicy(), content.height() > viewport.height(), "high"),
        ):
            if beyond and bar == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                return f"{area.objectName()}: content too {size}, no scroll bar"
    viewport = area.viewport()
    if viewport.height() < min(MIN_VIEWPORT, viewport.sizeHint().height()):
        return f"{area.objectName()}: only {viewport.height()} px high"
    outer = _region_problem(viewport, top)
    return None if outer is None else f"in {area.objectName() or type(area).__name__}: {outer}"


def page_scrolls(top: QWidget) -> list[str]:
    """Pages whose last-resort scroll area (``pageScroll``) has to scroll in ``top``."""
    found = []
    for area in top.findChildren(QScrollArea, "pageScroll"):
        content = area.widget()
        if not area.isVisible() or area.window() is not top or content is None:
            continue
        viewport = area.viewport().size()
        if content.width() > viewport.width() or content.height() > viewport.height():
            owner = area.parentWidget()
            found.append(type(owner).__name__ if owner is not None else "?")
    return found


def problems(top: QWidget) -> tuple[int, list[str]]:
    """(controls checked, problems) for the visible controls of window ``top``."""
    found = []
    count = 0
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or _is_internal(widget):
            continue
        if widget.window() is not top:
            continue
        count += 1
        name = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()}"
        why = _region_problem(widget, top)
        if why is not None:
            found.append(f"{name}: {why}")
            continue
        hint = widget.minimumSizeHint()
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox) and (
            widget.width() < hint.width() or widget.height() < hint.height()
        ):
            found.append(f"{name}: squeezed to {widget.size().toTuple()} < {hint.toTuple()}")
    for bar in top.findChildren(QTabBar):
        if bar.isVisible() and bar.window() is top:
            hidden = [
                bar.tabText(i)
                for i in range(bar.count())
                if not bar.rect().contains(bar.tabRect(i))
            ]
            if hidden:
                found.append(f"tabs not all in view: {hidden}")
    screen = top.screen().availableGeometry()
    if not screen.contains(top.frameGeometry()):
        found.append(f"window {top.frameGeometry().getRect()} beyond screen {screen.getRect()}")
    return count, found


class Probe:
    def __init__(self, data_dir: Path, shots: Path) -> None:
        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        self.data_dir = data_dir
        self.shots = shots
        self.clock = FakeClock(DEMO_START)
        self.report: dict[str, dict[str, object]] = {}
        self.window = MainWindow(data_dir, demo_logins=demo_logins(), clock=self.clock)

    # ---- helpers ------------------------------------------------------------------
    def settle(self, ms: int = 30) -> None:
        QTest.qWait(ms)

    def wait_until(self, check: Callable[[], bool], what: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while not check():
            if time.monotonic() > end:
                raise SystemExit(f"timed out waiting for {what}")
            QTest.qWait(20)

    def check(self, name: str, top: QWidget, *, shot: bool = True) -> None:
        self.settle()
        count, found = problems(top)
        self.report[name] = {
            "size": list(top.size().toTuple()),
            "min": list(top.minimumSizeHint().toTuple()),
            "controls": count,
            "problems": found,
            "page_scrolls": page_scrolls(top),
        }
        if shot:
            top.grab().save(str(self.shots / f"{name}.png"))

    def walk(self, name: str, top: QWidget, root: QWidget | None = None) -> None:
        """Check ``top`` with every page of every stack and tab widget under ``root``."""
        self.check(name, top)
        for label, show in self._views(root or top):
            show()
            if label:  # else back to the page shown first
                self.check(f"{name}.{label}", top)

    def _views(self, root: QWidget) -> Iterator[tuple[str, Callable[[], None]]]:
        """Each other page of every visible stacked widget and tab widget (a tab
        widget's own stack is walked as the tab widget), then back to the first."""
        stacks = [
            s
            for s in root.findChildren(QStackedWidget)
            if not isinstance(s.parentWidget(), QTabWidget)
        ]
        containers: list[QStackedWidget | QTabWidget] = [*stacks, *root.findChildren(QTabWidget)]
        for box in containers:
            if not box.isVisible():
                continue
            before = box.currentIndex()
            for index in range(box.count()):
                if index != before:
                    page = box.widget(index)
                    yield page.objectName(), lambda b=box, i=index: b.setCurrentIndex(i)
            yield "", lambda b=box, i=before: b.setCurrentIndex(i)

    def dialog(self, name: str, dialog: QDialog) -> None:
        self.wait_until(dialog.isVisible, name)
        QTest.qWaitForWindowExposed(dialog)
        self.walk(name, dialog)
        dialog.close()
        self.settle()

    def log_in(self, user: str) -> None:
        view = self.window.login_view
        view.user_edit.setText(user)
        view.password_edit.setText(f"demo-{user}-2026")
        view.login_button.click()
        self.wait_until(
            lambda: (
                self.window.workspace is not None
                and self.window.stack.currentWidget() is self.window.workspace
            ),
            f"login of {user}",
        )
        self.settle(200)

    def log_out(self) -> None:
        self.window.end_session()  # the handover dialog is measured on its own
        self.settle()

    def pages(self, user: str, suffix: str = "", *, skip: tuple[str, ...] = ()) -> None:
        """Every tab of the workspace, with every page of its stacks (steps, panels)."""
        ws = self.window.workspace
        assert ws is not None
        for key in ws.pages:
            if key in skip:
                continue
            ws.show_page(key)
            self.settle(100)
            self.walk(f"{user}{suffix}.{key}", self.window, ws.pages[key])

    # ---- the walk -----------------------------------------------------------------
    def run(self) -> dict[str, object]:
        win = self.window
        win.show_fitted()
        QTest.qWaitForWindowExposed(win)
        self.settle(100)
        screen = win.screen()
        facts: dict[str, object] = {
            "ratio": screen.devicePixelRatio(),
            "available": list(screen.availableGeometry().getRect()),
            "frame": list(win.frameGeometry().getRect()),
        }
        self.check("login", win)
        self.first_run()
        self.sanne()
        self.ahmed()
        self.petra()
        self.tom()
        facts["windows"] = self.report
        win.close()
        return facts

    def first_run(self) -> None:
        empty = self.data_dir.parent / "empty"
        window = MainWindow(empty, clock=self.clock)
        window.show_fitted()
        QTest.qWaitForWindowExposed(window)
        self.check("first-run", window)
        window.close()

    def sanne(self) -> None:
        self.log_in("sanne")
        ws = self.window.workspace
        assert ws is not None
        page = ws.pages["prepare"]
        assert isinstance(page, PrepareVisitPage)
        ws.show_page("prepare")
        # A rood visit to an address in the register, going alone: every panel shows.
        address = self._note_address()
        for edit, text in zip(
            (
                page.address_step.street_edit,
                page.address_step.number_edit,
                page.address_step.addition_edit,
            ),
            address[:3],
            strict=True,
        ):
            edit.setText(text)
        page.address_step.postcode_edit.setText(address[3])
        page.address_step.city_edit.setText(address[4])
        page.address_step.postcode_edit.editingFinished.emit()
        self.settle(300)
        self.check("sanne.prepare.1-address", self.window)
        self.next_step(page, STEP_CHECK)
        widget = page.checklist_widget
        assert widget is not None
        for item in widget.checklist.items:
            if widget.is_auto(item.id):
                continue
            choice = Answer.JA if item.id == "wapens" else Answer.NEE
            button = widget.findChild(QAbstractButton, f"answer_{item.id}_{choice.value}")
            assert button is not None
            button.click()
        self.check("sanne.prepare.2-check", self.window)
        self.next_step(page, STEP_ADVICE)
        self.check("sanne.prepare.3-advice", self.window)
        page.ask_consent_now()
        assert page.consent_dialog is not None
        self.dialog("consent-dialog", page.consent_dialog)
        # Alone, on rood, consent later: the deviation and consent boxes show.
        page.advice_step.deviation_edit.setPlainText("Collega's ziek; ik blijf bij de voordeur.")
        page.consent_step.consent_later_button.click()
        self.next_step(page, STEP_PLAN)
        self.check("sanne.prepare.4-plan", self.window)
        page.plan_step.reason_combo.setCurrentIndex(1)
        page.plan_step.residents_edit.setText("Dhr. en mevr. Janssen")
        page.plan_step.clients_edit.setText("Mevr. Janssen")
        page.plan_step.phone_edit.setText("045 560 5040")
        page.plan_step.buddy_combo.setCurrentIndex(1)
        self.next_step(page, STEP_REVIEW)
        self.check("sanne.prepare.5-review", self.window)
        self.pages("sanne", skip=("prepare",))  # walked step by step above
        # Dialogs opened from the top row and from Mijn bezoeken.
        ws.report_incident()
        self.wait_until(lambda: ws.incident_dialog is not None, "incident dialog loaded")
        assert ws.incident_dialog is not None
        self.dialog("incident-dialog", ws.incident_dialog)  # type: ignore[arg-type]
        ws.change_password()
        assert ws.password_dialog is not None
        self.dialog("password-dialog", ws.password_dialog)  # type: ignore[arg-type]
        self.visit_detail()
        self.log_out()

    def next_step(self, page: PrepareVisitPage, step: int) -> None:
        page.next_button.click()
        self.settle()
        if page.current_step() != step:
            raise SystemExit(f"prepare visit: not on step {step + 1}: {page.message_label.text()}")

    def visit_detail(self) -> None:
        from veilig_huisbezoek.gui.visit_detail import VisitDetailDialog
        from veilig_huisbezoek.services import visits

        ctx = self.window.ctx
        assert ctx is not None
        summary = next(iter(visits.list_visits(ctx, active_only=True)))
        self.window.hub.show_visit.emit(summary.id)
        self.wait_until(lambda: self._shown(VisitDetailDialog) is not None, "visit detail")
        dialog = self._shown(VisitDetailDialog)
        assert isinstance(dialog, QDialog)
        self.dialog("visit-detail", dialog)

    def ahmed(self) -> None:
        from veilig_huisbezoek.gui.board import BoardPage
        from veilig_huisbezoek.gui.call_dialog import CallDialog
        from veilig_huisbezoek.services import visits
        from veilig_huisbezoek.services.visit_details import get_visit_detail

        self.clock.set(DEMO_START)
        self.log_in("ahmed")
        ctx = self.window.ctx
        ws = self.window.workspace
        assert ctx is not None and ws is not None
        summary = next(
            s
            for s in visits.list_visits(ctx, active_only=True)
            if s.buddy_id == ctx.actor.account_id and s.next_callback is not None
        )
        callback = get_visit_detail(ctx, summary.id).next_callback
        assert callback is not None
        self.clock.set(callback.due_at + timedelta(seconds=30))
        board = ws.pages["board"]
        assert isinstance(board, BoardPage)
        self.window.hub.call_requested.emit(summary.id, callback.id)
        self.wait_until(lambda: board.call_dialog is not None, "call dialog loaded")
        dialog = board.call_dialog
        assert isinstance(dialog, CallDialog)
        self.wait_until(dialog.isVisible, "call dialog")
        self.check("call-dialog.ask", dialog)
        for button in (dialog.first_name_button, dialog.vrijuit_yes, dialog.politie_yes):
            button.click()
        self.check("call-dialog.ask-answered", dialog)
        dialog.record_button.click()
        self.wait_until(lambda: dialog.decision is not None, "the recorded call")
        self.check("call-dialog.result", dialog)
        dialog.close()
        self.settle()
        # An hour later every call-back of the morning is due: several alarms.
        scheduler = self.window.scheduler
        assert scheduler is not None
        self.clock.set(DEMO_START + timedelta(hours=2))
        scheduler.check_due()
        self.settle(200)
        panel = self.window.alarm_panel
        assert panel is not None
        self.report["alarms"] = {"rows": len(panel.rows)}
        self.pages("ahmed", "+alarms")
        # Locked: the alarms stay above the login screen.
        self.window.lock()
        self.check("locked+alarms", self.window)
        self.log_out()

    def petra(self) -> None:
        self.clock.set(DEMO_START)
        self._forget_future_alarms()
        self.log_in("petra")
        self.pages("petra", skip=("prepare",))
        self.log_out()

    def tom(self) -> None:
        from veilig_huisbezoek.domain.roles import Role
        from veilig_huisbezoek.gui.accounts_page import AccountDialog, AccountsPage
        from veilig_huisbezoek.gui.password_dialog import PasswordDialog

        self.log_in("tom")
        ws = self.window.workspace
        assert ws is not None
        self.pages("tom")
        page = ws.pages["accounts"]
        assert isinstance(page, AccountsPage)
        ws.show_page("accounts")
        page.add()
        dialog = page.dialog
        assert isinstance(dialog, AccountDialog)
        dialog.role_checks[Role.LEIDINGGEVENDE].setChecked(True)  # shows the co-sign box
        self.dialog("account-dialog", dialog)
        ctx = self.window.ctx
        assert ctx is not None
        reset = PasswordDialog(ctx, ws.tasks, ws, account_id=1, username="petra", lead=True)
        reset.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reset.open()
        self.dialog("password-reset-dialog", reset)
        self.log_out()

    # ---- data ---------------------------------------------------------------------
    def _forget_future_alarms(self) -> None:
        """The clock went back: alarms the earlier steps raised later in the day (such as
        the escalation repeats Ahmed's desk raised for every colleague, docs/design.md §4a) have
        not happened yet."""
        from sqlalchemy import delete

        from veilig_huisbezoek.services.accounts import log_in
        from veilig_huisbezoek.storage.models import Alarm

        ctx = log_in(self.data_dir, "petra", "demo-petra-2026", self.clock)
        try:
            with ctx.store.session() as session:
                session.execute(delete(Alarm).where(Alarm.raised_at > self.clock.now()))
        finally:
            ctx.store.close()

    def _note_address(self) -> tuple[str, str, str, str, str]:
        from veilig_huisbezoek.domain import register as register_rules
        from veilig_huisbezoek.services import register
        from veilig_huisbezoek.services.accounts import log_in

        ctx = log_in(self.data_dir, "petra", "demo-petra-2026", self.clock)
        try:
            today = to_local(self.clock.now()).date()
            note = next(
                n
                for n in register.list_notes(ctx, status=NoteStatus.ACTIEF)
                if register_rules.warns(n, today)
                and n.review_due is not None
                and n.review_due > today
            )
        finally:
            ctx.store.close()
        a = note.address
        return (a.street, str(a.house_number), a.addition, a.postcode, a.city)

    def _shown(self, kind: type) -> QWidget | None:
        return next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
            None,
        )


def main() -> int:
    data_dir, shots = Path(sys.argv[1]), Path(sys.argv[2])
    shots.mkdir(parents=True, exist_ok=True)
    facts = Probe(data_dir, shots).run()
    print(json.dumps(facts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
