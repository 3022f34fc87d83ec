"""Leaving is never silent (docs/design.md §4a): Uitloggen, closing and quitting while you watch
running visits. In the demo, Ahmed is the buddy of three running visits; Sanne of none.

Driven as a person would: the Uitloggen button, the dialog's fields and buttons by
keyboard and mouse. Closing the window from the title bar is ``request_close`` (what a
spontaneous close event from the window manager calls; the offscreen platform has no
window manager to send one).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.conftest import DEMO_PASSWORDS, DemoEnv, Desktop, MakeWindow
from tests.gui.test_app_alarms import check_at, log_in, running_visit
from veilig_huisbezoek.gui.handover_dialog import HandoverDialog
from veilig_huisbezoek.gui.leaving import TRAY_EXPLAINED_KEY
from veilig_huisbezoek.gui.main_window import MainWindow, start_at_login
from veilig_huisbezoek.reminders.notifier import Notifier
from veilig_huisbezoek.services import desk_state, handover, presence
from veilig_huisbezoek.services.demo import demo_logins
from veilig_huisbezoek.storage.models import PresenceSession

pytestmark = [
    pytest.mark.gui,
    # A tray icon forced where the offscreen platform has none: Qt says it cannot
    # follow the (absent) tray window. Expected here, and only here.
    pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged"),
]


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    QSettings().remove(TRAY_EXPLAINED_KEY)
    return make_window(force_tray=True)


def watched(demo: DemoEnv, user: str) -> list[int]:
    ctx = demo.login(user)
    try:
        return [v.id for v in handover.watched_by_me(ctx)]
    finally:
        ctx.store.close()


def dialog(qtbot: QtBot, window: MainWindow) -> HandoverDialog:
    qtbot.waitUntil(lambda: window.leave_guard.dialog is not None, timeout=10_000)
    found = window.leave_guard.dialog
    assert isinstance(found, HandoverDialog)
    qtbot.waitUntil(found.isVisible)
    return found


def test_uitloggen_while_watching_asks_and_ik_blijf_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    log_in(qtbot, window, "ahmed")
    before = watched(demo, "ahmed")
    assert before
    assert window.workspace is not None
    assert window.workspace.logout_button.text() == "&Uitloggen"
    qtbot.mouseClick(window.workspace.logout_button, Qt.MouseButton.LeftButton)
    box = dialog(qtbot, window)
    assert box.windowTitle() == "Bezoeken overdragen"
    assert f"U bent buddy van {len(before)} lopend(e) bezoek(en)" in box.intro_label.text()
    rows = [box.visit_list.item(i).text() for i in range(box.visit_list.count())]
    assert len(rows) == len(before) and all(" — terug om " in row for row in rows)
    # Nobody else is logged in on this computer: a colleague logs in here.
    assert not box.present_radio.isEnabled()
    assert box.here_radio.isChecked()
    assert box.user_edit.hasFocus()
    qtbot.mouseClick(box.stay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.leave_guard.dialog is None)
    assert window.ctx is not None and window.ctx.actor.username == "ahmed"
    assert window.stack.currentWidget() is window.workspace
    assert watched(demo, "ahmed") == before


def test_a_colleague_logs_in_here_and_takes_the_visits(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    log_in(qtbot, window, "ahmed")
    before = watched(demo, "ahmed")
    assert window.workspace is not None
    qtbot.mouseClick(window.workspace.logout_button, Qt.MouseButton.LeftButton)
    box = dialog(qtbot, window)
    # A wrong password: a Dutch message, the name and the password still there.
    qtbot.keyClicks(box.user_edit, "petra")
    qtbot.keyClick(box.user_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(box.password_edit, "niet-het-goede")
    qtbot.keyClick(box.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "klopt niet" in box.error_label.text(), timeout=10_000)
    assert "naam of wachtwoord van de collega klopt niet" in box.error_label.text()
    assert box.user_edit.text() == "petra"
    assert box.password_edit.text() == "niet-het-goede"
    assert watched(demo, "ahmed") == before
    # The right one: Petra's session takes over this window, and the visits.
    box.password_edit.clear()
    qtbot.keyClicks(box.password_edit, DEMO_PASSWORDS["petra"])
    qtbot.keyClick(box.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.ctx is not None and window.ctx.actor.username == "petra", timeout=15_000
    )
    assert window.stack.currentWidget() is window.workspace
    assert "Petra" in window.windowTitle()
    assert "kijkt nu mee" in window.statusBar().currentMessage()
    assert watched(demo, "ahmed") == []
    assert set(before) <= set(watched(demo, "petra"))


def test_the_visitor_herself_cannot_take_her_own_visit(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    visit = running_visit(demo)  # Sanne visits, Ahmed watches
    log_in(qtbot, window, "ahmed")
    assert window.workspace is not None
    qtbot.mouseClick(window.workspace.logout_button, Qt.MouseButton.LeftButton)
    box = dialog(qtbot, window)
    qtbot.keyClicks(box.user_edit, "sanne")
    qtbot.keyClicks(box.password_edit, DEMO_PASSWORDS["sanne"])
    qtbot.mouseClick(box.hand_over_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "zelf de bezoeker" in box.error_label.text(), timeout=15_000)
    assert visit.id in watched(demo, "ahmed")
    assert window.ctx is not None and window.ctx.actor.username == "ahmed"


def test_hand_over_to_a_colleague_who_is_logged_in_elsewhere(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    running_visit(demo)  # so that Ahmed watches at least two
    petra = demo.login("petra")  # Petra's own desk: present
    presence.heartbeat(petra, presence.new_session_id())
    log_in(qtbot, window, "ahmed")
    before = watched(demo, "ahmed")
    assert len(before) >= 2
    assert window.workspace is not None
    qtbot.mouseClick(window.workspace.logout_button, Qt.MouseButton.LeftButton)
    box = dialog(qtbot, window)
    assert box.present_radio.isChecked()
    assert box.present_combo.count() == 1
    assert box.present_combo.currentText().startswith("Petra ")
    # One visit stays unticked: it is still listed afterwards.
    first = box.visit_list.item(0)
    box.visit_list.setCurrentItem(first)
    box.visit_list.setFocus()
    qtbot.keyClick(box.visit_list, Qt.Key.Key_Space)
    assert first.checkState() == Qt.CheckState.Unchecked
    qtbot.mouseClick(box.hand_over_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.visit_list.count() == 1, timeout=15_000)
    assert "Nog over" in box.error_label.text()
    assert watched(demo, "ahmed") == [first.data(Qt.ItemDataRole.UserRole)]
    # The last one too: then Ahmed is logged out.
    qtbot.mouseClick(box.hand_over_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx is None, timeout=15_000)
    assert window.stack.currentWidget() is window.login_view
    assert watched(demo, "ahmed") == []
    mine = watched(demo, "petra")
    assert set(before) <= set(mine)


def test_uitloggen_with_nothing_to_watch_goes_straight_to_the_login(
    qtbot: QtBot, window: MainWindow
) -> None:
    log_in(qtbot, window, "sanne")
    assert window.workspace is not None
    qtbot.mouseClick(window.workspace.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx is None)
    assert window.leave_guard.dialog is None
    assert window.stack.currentWidget() is window.login_view


def test_closing_keeps_the_app_in_the_tray_and_an_alarm_still_fires(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    visit = running_visit(demo)
    log_in(qtbot, window, "ahmed")
    window.request_close()
    assert not window.isVisible()
    assert window.ctx is not None and window.scheduler is not None and window.scheduler.running
    assert len(window.notifier.tray_messages) == 1
    assert "blijft in het systeemvak draaien" in window.notifier.tray_messages[0]
    # The call-back falls due while the window is in the tray: it comes back.
    fired = check_at(demo, window, visit.first_callback)
    assert any(a.visit_id == visit.id for a in fired)
    qtbot.waitUntil(window.isVisible)
    assert window.windowTitle().startswith("⚠ ALARM")
    # Closed again: no second explanation.
    window.request_close()
    assert len(window.notifier.tray_messages) == 1


def test_afsluiten_from_the_tray_goes_through_the_handover(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    log_in(qtbot, window, "ahmed")
    window.request_close()  # in the tray
    assert window.notifier.quit_action is not None
    with qtbot.assertNotEmitted(window.quit_confirmed, wait=200):
        window.notifier.quit_action.trigger()
        box = dialog(qtbot, window)
        assert window.isVisible()  # brought back to ask
        qtbot.mouseClick(box.stay_button, Qt.MouseButton.LeftButton)
    assert window.ctx is not None
    # Petra is logged in at her own desk now: Ahmed hands everything to her and quits.
    with qtbot.waitSignal(window.quit_confirmed, timeout=10_000):
        petra = demo.login("petra")
        presence.heartbeat(petra, presence.new_session_id())
        window.notifier.quit_action.trigger()
        box = dialog(qtbot, window)
        assert box.present_radio.isChecked()
        qtbot.mouseClick(box.hand_over_button, Qt.MouseButton.LeftButton)
    assert window.ctx is None
    assert watched(demo, "ahmed") == []


def test_the_desktop_session_ending_says_at_once_that_this_session_left(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    log_in(qtbot, window, "ahmed")
    assert window.presence is not None
    qtbot.waitUntil(lambda: window.presence is not None and window.presence.rounds >= 1)
    window.session_ending()
    ctx = demo.login("petra")
    with ctx.store.session() as session:
        ended = session.execute(
            select(PresenceSession.ended_at).where(
                PresenceSession.account_id == window.ctx.actor.account_id  # type: ignore[union-attr]
            )
        ).scalars()
        assert all(at is not None for at in ended)
    assert (
        not presence.read_presence(ctx)
        .people(ctx.now())[
            window.ctx.actor.account_id  # type: ignore[union-attr]
        ]
        .present
    )
    ctx.store.close()


def test_a_colleague_at_the_lock_screen_is_offered_the_visits_left_behind(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    log_in(qtbot, window, "ahmed")
    before = watched(demo, "ahmed")
    assert before
    window.lock()
    # Petra logs in at Ahmed's locked screen: his session ends, nobody watches his visits.
    log_in(qtbot, window, "petra")
    qtbot.waitUntil(lambda: window.leave_guard.offer is not None, timeout=10_000)
    offer = window.leave_guard.offer
    assert offer is not None
    assert offer.text().startswith(f"Ahmed El Amrani was buddy van {len(before)} lopend(e)")
    take = next(b for b in offer.buttons() if b.text() == "&Overnemen")
    assert offer.defaultButton() is take
    qtbot.mouseClick(take, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "U kijkt nu mee" in window.statusBar().currentMessage(), timeout=10_000)
    assert watched(demo, "ahmed") == []
    assert set(before) <= set(watched(demo, "petra"))


def test_niet_nu_leaves_them_for_the_failover(
    qtbot: QtBot, window: MainWindow, demo: DemoEnv
) -> None:
    running_visit(demo)  # Sanne's: Lotte may take it (she is not its visitor)
    log_in(qtbot, window, "ahmed")
    before = watched(demo, "ahmed")
    window.lock()
    log_in(qtbot, window, "lotte")
    qtbot.waitUntil(lambda: window.leave_guard.offer is not None, timeout=10_000)
    offer = window.leave_guard.offer
    assert offer is not None
    qtbot.mouseClick(
        next(b for b in offer.buttons() if b.text() == "&Niet nu"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: window.leave_guard.offer is None)
    assert watched(demo, "ahmed") == before


def test_the_desk_remembers_a_session_until_it_ends_through_the_handover(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert not desk_state.was_watching()
    log_in(qtbot, window, "sanne")
    assert desk_state.was_watching()  # a restart now would bring the app back waiting
    assert window.workspace is not None
    qtbot.mouseClick(window.workspace.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx is None, timeout=10_000)
    assert not desk_state.was_watching()


def test_started_at_login_after_a_watching_session_it_waits_in_the_tray(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    notifier = Notifier(notify=Desktop(), force_tray=True)
    win = MainWindow(demo.data_dir, demo_logins=demo_logins(), clock=demo.clock, notifier=notifier)
    qtbot.addWidget(win)
    start_at_login(win, waiting_in_tray=True)
    assert not win.isVisible()
    assert notifier.tray_messages == [
        "Veilig Huisbezoek is gestart. Klik op dit pictogram om in te loggen en weer mee te kijken."
    ]
    notifier.tray_activated.emit()  # a click on the icon
    qtbot.waitUntil(win.isVisible)
    assert win.stack.currentWidget() is win.login_view
    win.close()


def test_started_at_login_otherwise_it_shows_the_login(qtbot: QtBot, demo: DemoEnv) -> None:
    notifier = Notifier(notify=Desktop(), force_tray=True)
    win = MainWindow(demo.data_dir, demo_logins=demo_logins(), clock=demo.clock, notifier=notifier)
    qtbot.addWidget(win)
    start_at_login(win, waiting_in_tray=False)
    qtbot.waitUntil(win.isVisible)
    assert notifier.tray_messages == []
    win.close()
