"""The desktop app in team mode, in this process: login window, lock and unlock,
the connection banner, ``--database-url``."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORDS
from tests.services.test_history import plan_visit
from tests.team.conftest import PgTeam
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.gui import board as board_module
from veilig_huisbezoek.gui.app import parse_args, run_gui
from veilig_huisbezoek.gui.board import BoardPage
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.my_visits import MyVisitsPage
from veilig_huisbezoek.gui.team_live import ConnectionBanner
from veilig_huisbezoek.reminders.notifier import Notifier
from veilig_huisbezoek.services import planning
from veilig_huisbezoek.storage.team.errors import TeamUnreachableError
from veilig_huisbezoek.storage.team.store import TeamStore

pytestmark = pytest.mark.gui

_ADDRESS = Address("Akerstraat", 12, "A", "6411 HB", "Heerlen")


@pytest.fixture
def window(qtbot: QtBot, pg_team: PgTeam) -> Iterator[MainWindow]:
    win = MainWindow(
        Path("unused"),
        clock=pg_team.clock,
        notifier=Notifier(notify=lambda **_kw: None),
        team=pg_team.location,
    )
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def _submit(qtbot: QtBot, window: MainWindow, user: str) -> None:
    view = window.login_view
    view.user_edit.setText(user)
    view.password_edit.setText(PASSWORDS[user])
    view._submit()
    qtbot.waitUntil(
        lambda: (
            window.workspace is not None
            and window.stack.currentWidget() is window.workspace
            and not window.tasks.busy
        ),
        timeout=20_000,
    )


def test_login_window_for_a_team_server_then_lock_and_unlock(
    qtbot: QtBot, window: MainWindow, pg_team: PgTeam
) -> None:
    assert window.first_run_view is None  # never offered for a server
    assert window.login_view.login_button.isEnabled()
    assert pg_team.location.display in window.login_view.demo_label.text()
    _submit(qtbot, window, "sanne")
    assert window.ctx is not None and isinstance(window.ctx.store, TeamStore)
    assert window.live is not None
    qtbot.waitUntil(lambda: window.live is not None and window.live.connected, timeout=5_000)
    workspace, live = window.workspace, window.live

    window.lock()
    assert window.stack.currentWidget() is window.login_view
    _submit(qtbot, window, "sanne")
    assert window.workspace is workspace and window.live is live  # same session, still live

    window.log_out()  # Sanne watches nothing: no handover
    qtbot.waitUntil(lambda: window.ctx is None)
    assert window.live is None


def test_the_banner_says_since_when_and_how_old(qtbot: QtBot) -> None:
    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    since = datetime.now(UTC) - timedelta(minutes=7, seconds=5)
    banner.show_lost(since)
    assert not banner.isHidden()
    assert "Geen verbinding met de teamserver sinds" in banner.text()
    assert "(7 min oud); opnieuw proberen…" in banner.text()
    banner.clear()
    assert banner.isHidden()


def test_database_url_is_checked_before_the_window_opens(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = parse_args(["--database-url", "postgresql://server/team"])
    assert args.database_url == "postgresql://server/team"
    assert run_gui(["--database-url", "postgresql://server/team?sslmode=disable"]) == 2
    assert "TLS" in capsys.readouterr().err
    assert run_gui(["--database-url", "postgresql://u:geheim@server/team"]) == 2
    assert "wachtwoord" in capsys.readouterr().err
    assert run_gui(["--database-url", "postgresql://server/team", "--demo"]) == 2


def test_while_the_server_is_lost_pages_keep_their_state_without_waiting(
    qtbot: QtBot, window: MainWindow, pg_team: PgTeam, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Offline: refreshes return at once and go nowhere near the server (each attempt
    could wait a connect timeout on a real network); back online: one reload of the
    page in front, and one of a page behind another tab when it is shown."""
    sanne = pg_team.login("sanne")
    visit_id = plan_visit(sanne, buddy_id=pg_team.ids["bram"], address=_ADDRESS)
    sanne.store.close()
    loads = {"board": 0, "my_visits": 0}

    def counted(name: str, real: object) -> object:
        def wrapper(*args: object) -> object:
            loads[name] += 1
            return real(*args)  # type: ignore[operator]

        return wrapper

    monkeypatch.setattr(
        board_module, "board_and_settings", counted("board", board_module.board_and_settings)
    )
    my_open_visits = planning.my_open_visits
    monkeypatch.setattr(planning, "my_open_visits", counted("my_visits", my_open_visits))
    _submit(qtbot, window, "sanne")
    assert window.workspace is not None and window.live is not None
    qtbot.waitUntil(lambda: window.live is not None and window.live.connected, timeout=5_000)
    board = window.workspace.pages["board"]
    my_visits = window.workspace.pages["my_visits"]
    assert isinstance(board, BoardPage) and isinstance(my_visits, MyVisitsPage)
    window.workspace.show_page("board")  # she watches the board; Mijn bezoeken is behind it
    qtbot.waitUntil(lambda: loads["board"] >= 1 and not window.tasks.busy, timeout=5_000)
    assert [row.id for row in my_visits.model.rows] == [visit_id]
    banner = window.connection_banner
    assert banner is not None and banner.isHidden()
    ctx = window.ctx
    assert ctx is not None and isinstance(ctx.store, TeamStore)

    pg_team.cluster.stop()
    try:
        qtbot.waitUntil(lambda: not banner.isHidden(), timeout=5_000)
        assert window.hub.offline and not ctx.store.reachable
        before = dict(loads)
        started = time.monotonic()
        board.refresh()
        my_visits.refresh()
        board.refresh_button.click()
        assert window.alarm_panel is not None
        window.alarm_panel.refresh()
        window.hub.visits_changed.emit()  # e.g. an action on this workstation
        assert time.monotonic() - started < 0.5
        assert loads == before and not window.tasks.busy  # nothing went to the server
        # A direct call (the GUI thread, the worker) fails at once, with the message.
        started = time.monotonic()
        with pytest.raises(TeamUnreachableError):
            my_open_visits(ctx)
        assert time.monotonic() - started < 0.5
        qtbot.wait(200)
        assert not banner.isHidden()
        assert [row.id for row in my_visits.model.rows] == [visit_id]  # the last state
    finally:
        pg_team.cluster.start()
    qtbot.waitUntil(lambda: banner.isHidden(), timeout=20_000)
    assert not window.hub.offline and ctx.store.reachable
    qtbot.waitUntil(
        lambda: loads["board"] > before["board"] and not window.tasks.busy, timeout=5_000
    )
    qtbot.wait(500)
    assert loads == {"board": before["board"] + 1, "my_visits": before["my_visits"]}
    window.workspace.show_page("my_visits")
    qtbot.waitUntil(lambda: loads["my_visits"] > before["my_visits"], timeout=5_000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=5_000)
    qtbot.wait(500)
    assert loads == {name: count + 1 for name, count in before.items()}  # one reload each


def test_an_alarm_due_while_the_server_is_lost_fires_here_and_is_recorded_once_when_back(
    qtbot: QtBot, window: MainWindow, pg_team: PgTeam
) -> None:
    """Never silent: the call-back falls due while the server is down; the panel, the
    sound and the desktop notification go off from the last known schedule, marked as
    not recorded; after the restart the alarm is on the server exactly once."""
    from sqlalchemy import func, select

    from tests.reminders.helpers import running_visit
    from veilig_huisbezoek.services import alarms
    from veilig_huisbezoek.storage.models import Alarm

    note = "(nog niet vastgelegd — geen verbinding)"
    minute = timedelta(minutes=1)
    start = pg_team.clock.now() + 5 * minute
    running_visit(pg_team, start=start, end=start + 60 * minute)  # type: ignore[arg-type]
    sent: list[dict[str, object]] = []
    window.notifier._notify = lambda **kw: sent.append(kw)
    _submit(qtbot, window, "bram")
    scheduler, panel = window.scheduler, window.alarm_panel
    assert scheduler is not None and panel is not None and window.live is not None
    qtbot.waitUntil(lambda: window.live is not None and window.live.connected, timeout=5_000)
    qtbot.waitUntil(lambda: scheduler.next_due() is not None, timeout=5_000)
    due = scheduler.next_due()
    assert due == start + 10 * minute and panel.rows == []
    banner = window.connection_banner
    assert banner is not None
    sounds = window.notifier.sounds_played

    pg_team.cluster.stop()
    try:
        qtbot.waitUntil(lambda: not banner.isHidden(), timeout=5_000)
        assert window.hub.offline
        pg_team.clock.advance(due - pg_team.clock.now() + timedelta(seconds=1))
        began = time.monotonic()
        scheduler.check_due()
        assert time.monotonic() - began < 0.5  # nothing waited for the server
        (text,) = panel.row_texts()
        assert text.startswith("Terugbelmoment: bel nu Sanne Visser") and text.endswith(note)
        assert "Akerstraat 12" in text
        assert window.notifier.sounds_played == sounds + 1
        qtbot.waitUntil(lambda: len(sent) == 1, timeout=5_000)
        assert window.open_alarm_count == 1 and "ALARM" in window.windowTitle()
        (local,) = panel.alarms
        assert not local.recorded
        pg_team.clock.advance(timedelta(seconds=30))
        scheduler.check_due()  # still offline: no second alarm
        assert panel.row_texts() == [text] and window.notifier.sounds_played == sounds + 1
    finally:
        pg_team.cluster.start()
    qtbot.waitUntil(lambda: banner.isHidden(), timeout=20_000)
    # The reconnect reload records it: the row is swapped, without a second sound.
    qtbot.waitUntil(
        lambda: panel.alarms != [] and panel.alarms[0].recorded and not window.tasks.busy,
        timeout=10_000,
    )
    (row_text,) = panel.row_texts()
    assert note not in row_text and row_text.startswith("Terugbelmoment: bel nu Sanne Visser")
    scheduler.check_due()  # synchronous; anything it queued has run once the runner is idle
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=5_000)
    assert window.notifier.sounds_played == sounds + 1 and len(sent) == 1
    (alarm,) = panel.alarms
    assert alarm.reminder_key == local.reminder_key and alarm.due_at == due
    assert alarm.raised_at == local.raised_at and not alarm.raised_late
    bram = pg_team.login("bram")
    try:
        assert [a.id for a in alarms.open_alarms(bram)] == [alarm.id]
        with bram.store.session() as session:
            count = session.execute(
                select(func.count())
                .select_from(Alarm)
                .where(Alarm.reminder_key == alarm.reminder_key)
            ).scalar_one()
        assert count == 1
    finally:
        bram.store.close()


def test_the_accounts_page_on_a_team_server_replaces_the_team_key_on_removal(
    qtbot: QtBot, pg_team: PgTeam
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from veilig_huisbezoek.gui.accounts_page import AccountsPage
    from veilig_huisbezoek.gui.hub import AppHub
    from veilig_huisbezoek.gui.tasks import TaskRunner

    tasks = TaskRunner()
    anna = pg_team.login("anna")
    try:
        page = AccountsPage(anna, tasks, AppHub())
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.model.row_of("bram") is not None, timeout=15_000)
        assert "teamsleutel" in page.intro_label.text()
        row = page.model.row_of("bram")
        assert row is not None and page.model.index(row, 4).data() == "In orde"
        page.select("sanne")
        qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
        box = page.confirm_box
        assert isinstance(box, QMessageBox) and "nieuwe teamsleutel" in box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "admin reseal" in page.message_label.text(), timeout=15_000)
        assert page.message_label.text().startswith("Account sanne verwijderd.")
        assert anna.store.sealer.generation == 2
    finally:
        tasks.shutdown()
        anna.store.close()
