"""The desktop app in team mode, in this process: login window, lock and unlock,
the connection banner, ``--database-url``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSWORDS
from tests.team.conftest import PgTeam
from veilig_huisbezoek.gui.app import parse_args, run_gui
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.team_live import ConnectionBanner
from veilig_huisbezoek.reminders.notifier import Notifier
from veilig_huisbezoek.storage.team.store import TeamStore

pytestmark = pytest.mark.gui


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

    window.log_out()
    assert window.live is None and window.ctx is None


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
