"""Screenshots for the README, taken from the real app on a virtual 1366×768 screen.

    python tools/take_screenshots.py            # writes docs/*.png
    python tools/take_screenshots.py --out DIR  # somewhere else
    python tools/take_screenshots.py --lang en  # the English translation

Runs the real MainWindow on a demo database (fixed clock, so the pictures repeat) and
drives it as a person would: log in, type the address, answer the checklist, open the
call dialog. Without a DISPLAY it starts Xvfb itself (apt-get install xvfb); the
pictures are grabbed from the X screen, so they show what the X server shows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from veilig_huisbezoek.domain.clock import Clock
    from veilig_huisbezoek.domain.register import UnsafeAddressNote

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)
DEMO_START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # a Monday, 09:00 in Heerlen


def start_xvfb() -> subprocess.Popen[bytes]:
    """A private X display of 1366×768; Qt is told to use it."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("Xvfb not found: apt-get install xvfb (see /work/shared/tools/gui-shot)")
    number = 99
    while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
        number += 1
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(50):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            break
        time.sleep(0.1)
    os.environ["DISPLAY"] = f":{number}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return server


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    args = parser.parse_args()
    server = start_xvfb() if not os.environ.get("DISPLAY") else None
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    try:
        return shoot(args.out, args.lang)
    finally:
        if server is not None:
            server.terminate()
            server.wait(5)


def shoot(out: Path, language: str) -> int:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget

    from veilig_huisbezoek.domain.checklist import Answer
    from veilig_huisbezoek.domain.clock import FakeClock, to_local
    from veilig_huisbezoek.domain.reminders import ReminderKind
    from veilig_huisbezoek.gui.call_dialog import CallDialog, load_call
    from veilig_huisbezoek.gui.handover_dialog import HandoverDialog
    from veilig_huisbezoek.gui.i18n import install_qt_translators, install_translator
    from veilig_huisbezoek.gui.main_window import MainWindow
    from veilig_huisbezoek.gui.prepare_visit import PrepareVisitPage
    from veilig_huisbezoek.services import visits
    from veilig_huisbezoek.services.demo import create_demo_store, demo_logins
    from veilig_huisbezoek.services.visit_details import get_visit_detail

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Veilig Huisbezoek")
    install_qt_translators(app, language)  # Qt's own buttons in the same language
    translator = install_translator(app, language)
    if language != "nl" and translator is None:
        raise SystemExit(f"no translation for {language}")
    out.mkdir(parents=True, exist_ok=True)
    clock = FakeClock(DEMO_START)
    folder = Path(tempfile.mkdtemp(prefix="vh-screenshots-"))
    data_dir = folder / "data"
    create_demo_store(data_dir, visits=30, clock=clock)

    def settle(ms: int = 300) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def wait_until(check: Callable[[], bool], what: str, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while not check():
            if time.monotonic() > end:
                raise SystemExit(f"timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.01)

    def save(name: str) -> None:
        settle()
        screen = app.primaryScreen()
        image = screen.grabWindow(0).toImage()
        target = out / name
        if image.width() != SIZE[0] or image.height() != SIZE[1]:
            raise SystemExit(f"{name}: screen is {image.width()}×{image.height()}")
        if not image.save(str(target)):
            raise SystemExit(f"could not write {target}")
        print(f"saved {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")

    def stage_presence(*, away: str = "") -> None:
        """Staged: every demo colleague is logged in at their own desk (a heartbeat a day
        ahead stays fresh for the whole run), so each scene shows what it is about; with
        ``away``, that person's desk is gone (never seen: nobody watches their visits)."""
        from sqlalchemy import delete, select

        from veilig_huisbezoek.services import accounts
        from veilig_huisbezoek.storage.models import Account, PresenceSession

        user, password, _role = next(d for d in demo_logins() if d[0] == "tom")
        ctx = accounts.log_in(data_dir, user, password, clock)
        try:
            with ctx.store.session() as session:
                rows = session.execute(select(Account.username, Account.id))
                people = {name: account_id for name, account_id in rows}
            ahead = clock.now() + timedelta(days=1)
            for name, account_id in people.items():
                if name != away:
                    ctx.store.heartbeat(f"shot-{account_id}", account_id, ahead, locked=False)
            if away:
                with ctx.store.session() as session:
                    session.execute(
                        delete(PresenceSession).where(PresenceSession.account_id == people[away])
                    )
        finally:
            ctx.store.close()

    window = MainWindow(data_dir, demo_logins=demo_logins(), language=language, clock=clock)
    window.setGeometry(0, 0, *SIZE)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()

    def log_in(user: str) -> None:
        view = window.login_view
        view.user_edit.setText(user)
        view.password_edit.setText(f"demo-{user}-2026")
        QTest.mouseClick(view.login_button, Qt.MouseButton.LeftButton)
        wait_until(
            lambda: (
                window.workspace is not None and window.stack.currentWidget() is window.workspace
            ),
            f"login of {user}",
        )
        settle(500)

    def log_out(handover_shot: str = "") -> None:
        """Uitloggen; a buddy of running visits gets the handover first: photographed
        (``handover_shot``, a colleague's name typed in), then *Ik blijf* and out."""
        assert window.workspace is not None
        QTest.mouseClick(window.workspace.logout_button, Qt.MouseButton.LeftButton)
        guard = window.leave_guard
        wait_until(lambda: window.workspace is None or guard.dialog is not None, "logout")
        box = guard.dialog
        if box is None:
            return
        assert isinstance(box, HandoverDialog)
        QTest.qWaitForWindowExposed(box)
        if handover_shot:
            geometry = box.frameGeometry()
            geometry.moveCenter(window.frameGeometry().center())
            box.move(geometry.topLeft())
            QTest.mouseClick(
                box.here_radio,
                Qt.MouseButton.LeftButton,
                pos=QPoint(8, box.here_radio.height() // 2),
            )
            QTest.keyClicks(box.user_edit, "petra")
            box.password_edit.setFocus()
            save(handover_shot)
        QTest.mouseClick(box.stay_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: guard.dialog is None, "the handover dialog to close")
        window.end_session()

    # 1. Login: the name field has focus, demo logins listed.
    window.login_view.user_edit.setFocus()
    save("login.png")

    # The colleagues are at their desks; the failover gets a scene of its own (8).
    stage_presence()

    # 2. Prepare a visit to an address with a register note; the checklist says rood.
    log_in("sanne")
    assert window.workspace is not None and window.ctx is not None
    today = to_local(clock.now()).date()
    page = window.workspace.pages["prepare"]
    assert isinstance(page, PrepareVisitPage)
    note = _active_notes(data_dir, clock, today)[0]
    a = note.address
    for edit, text in (
        (page.address_step.street_edit, a.street),
        (page.address_step.number_edit, str(a.house_number)),
        (page.address_step.addition_edit, a.addition),
        (page.address_step.postcode_edit, a.postcode),
        (page.address_step.city_edit, a.city),
    ):
        edit.setFocus()
        QTest.keyClicks(edit, text)
        edit.editingFinished.emit()
    settle()
    QTest.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    widget = page.checklist_widget
    assert widget is not None
    for item in widget.checklist.items:
        if widget.is_auto(item.id):
            continue
        choice = Answer.JA if item.id == "handhaving" else Answer.NEE
        button = widget.findChild(QWidget, f"answer_{item.id}_{choice.value}")
        assert button is not None
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    page.next_button.setFocus()
    save("prepare-visit-rood.png")
    log_out()

    # 3. Register, as the leidinggevende at 09:00: overdue reviews first.
    log_in("petra")
    assert window.workspace is not None
    window.workspace.show_page("register")
    register_page = window.workspace.pages["register"]
    wait_until(
        lambda: register_page.table.model().rowCount() > 0,  # type: ignore[attr-defined]
        "the register",
    )
    register_page.table.selectRow(0)  # type: ignore[attr-defined]
    register_page.table.setFocus()  # type: ignore[attr-defined]
    save("register.png")

    # 3b. Reports: the response figures below the charts (call-backs, alarms per month).
    window.workspace.show_page("reports")
    reports_page = window.workspace.pages["reports"]
    wait_until(lambda: bool(reports_page.response_models), "the reports")  # type: ignore[attr-defined]
    settle(800)
    title = reports_page.findChild(QLabel, "responseTitle")
    pages = [s for s in reports_page.findChildren(QScrollArea) if s.widget().isAncestorOf(title)]
    if title is not None and pages:
        page = pages[-1]  # the innermost: the part of the page that holds the figures
        page.verticalScrollBar().setValue(title.mapTo(page.widget(), QPoint(0, 0)).y() - 8)
    settle()
    save("reports-response.png")

    # 4. The board at 09:13: one visit past its return time, call-backs due.
    clock.advance(timedelta(minutes=13, seconds=20))
    window.workspace.show_page("board")
    board = window.workspace.pages["board"]
    board.refresh()  # type: ignore[attr-defined]
    wait_until(lambda: board.summary_label.text() != "", "the board")  # type: ignore[attr-defined]
    settle(500)
    board.tick()  # type: ignore[attr-defined]
    board.table.selectRow(0)  # type: ignore[attr-defined]
    board.table.setFocus()  # type: ignore[attr-defined]
    save("board.png")
    log_out()

    # 5. Ahmed, the buddy, calls: first name, can talk freely, wants the police -> 112.
    clock.set(DEMO_START)
    log_in("ahmed")
    ctx = window.ctx
    assert ctx is not None and window.workspace is not None
    window.workspace.show_page("board")
    summary = next(
        s
        for s in visits.list_visits(ctx, active_only=True)
        if s.buddy_id == ctx.actor.account_id and s.next_callback is not None
    )
    detail = get_visit_detail(ctx, summary.id)
    assert detail.next_callback is not None
    clock.set(detail.next_callback.due_at + timedelta(seconds=30))
    settle()
    dialog = CallDialog(
        ctx,
        load_call(ctx, detail.id),
        detail.next_callback.id,
        window.hub,
        window.tasks,
        window,
    )
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    geometry = dialog.frameGeometry()
    geometry.moveCenter(window.frameGeometry().center())
    dialog.move(geometry.topLeft())
    for button in (dialog.first_name_button, dialog.vrijuit_yes, dialog.politie_yes):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    QTest.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.decision is not None, "the recorded call")
    save("call-dialog-112.png")
    dialog.close()
    log_out(handover_shot="handover.png")

    # 6. Sanne's own screen while her buddy is being alarmed about her visit.
    from veilig_huisbezoek.services import accounts, alarms

    raised = False
    for user, password, _role in demo_logins():
        person = accounts.log_in(data_dir, user, password, clock)
        try:
            for reminder in alarms.snapshot(person).reminders():
                if reminder.visitor_first_name == "Sanne" and reminder.due_at <= clock.now():
                    alarms.raise_alarm(person, reminder, raised_late=False)
                    raised = True
        finally:
            person.store.close()
    if not raised:
        raise SystemExit("no alarm about one of Sanne's visits to show")
    log_in("sanne")
    save("alarm-for-visitor.png")
    log_out()

    # 7. Petra, Sanne's buddy, gets those alarms above every tab, and above the lock.
    log_in("petra")
    save("alarm-on-time.png")
    window.lock()
    settle(500)
    save("alarm-locked.png")
    window.end_session()

    # 8. Lotte's computer is gone: Petra gets "Buddy niet bereikbaar" with Overnemen, and
    # the board says nobody watches Lotte's visits.
    stage_presence(away="lotte")
    log_in("petra")
    assert window.ctx is not None and window.alarm_panel is not None
    for alarm in window.alarm_panel.alarms:  # Petra took charge of the others already
        if alarm.kind is not ReminderKind.BUDDY_UNREACHABLE and not alarm.acknowledged:
            alarms.acknowledge(window.ctx, alarm.id)
    window.alarm_panel.refresh()
    window.workspace.show_page("board")  # type: ignore[union-attr]
    board = window.workspace.pages["board"]  # type: ignore[union-attr]
    board.refresh()  # type: ignore[attr-defined]
    wait_until(
        lambda: any(
            "Buddy niet bereikbaar" in text
            for text in window.alarm_panel.row_texts()  # type: ignore[union-attr]
        ),
        "the failover alarm",
    )
    settle(500)
    save("failover.png")

    window.close()
    settle()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


def _active_notes(data_dir: Path, clock: Clock, today: date) -> list[UnsafeAddressNote]:
    """Active register notes whose review is not overdue (as the leidinggevende sees them)."""
    from veilig_huisbezoek.domain import register as register_rules
    from veilig_huisbezoek.domain.register import NoteStatus
    from veilig_huisbezoek.services import register
    from veilig_huisbezoek.services.accounts import log_in

    ctx = log_in(data_dir, "petra", "demo-petra-2026", clock)
    try:
        return [
            n
            for n in register.list_notes(ctx, status=NoteStatus.ACTIEF)
            if register_rules.warns(n, today) and n.review_due is not None and n.review_due > today
        ]
    finally:
        ctx.store.close()


if __name__ == "__main__":
    sys.exit(main())
