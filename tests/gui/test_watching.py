"""Presence in the window: 'Ahmed kijkt mee' / 'niemand kijkt mee sinds 14:02' on the
visitor's Mijn bezoeken and buddy board, on a fake clock (docs/design.md §4a)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.conftest import DemoEnv
from tests.gui.test_shell import logged_in
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.clock import to_local
from veilig_huisbezoek.domain.presence import ABSENT_AFTER
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.gui.board import BoardPage
from veilig_huisbezoek.gui.board_model import BoardColumn
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.my_visits import BUDDY_COLUMN, MyVisitsPage
from veilig_huisbezoek.services import presence
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.demo import demo_logins
from veilig_huisbezoek.storage.models import Account, PresenceSession, Visit

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, demo: DemoEnv) -> Iterator[MainWindow]:
    win = MainWindow(demo.data_dir, demo_logins=demo_logins(), clock=demo.clock)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    win.close()


def _running_visit(ctx: ServiceContext, visitor: str, buddy: str) -> int:
    now = ctx.now()
    with ctx.store.session() as session:
        ids = {a.username: a.id for a in session.execute(select(Account)).scalars()}
        visit = Visit(
            visitor_id=ids[visitor],
            buddy_id=ids[buddy],
            reason="dienstverlening",
            street="Kijkstraat",
            house_number=1,
            addition="",
            postcode="6411 AB",
            city="Heerlen",
            start_at=now - timedelta(minutes=10),
            expected_return_at=now + timedelta(hours=1),
            state=VisitState.ONDERWEG.value,
            level=RiskLevel.GROEN.value,
            created_at=now,
            updated_at=now,
        )
        session.add(visit)
        session.flush()
        return visit.id


def _beat(qtbot: QtBot, window: MainWindow) -> None:
    runner = window.presence
    assert runner is not None
    rounds = runner.rounds
    runner.beat()
    qtbot.waitUntil(lambda: runner.rounds > rounds, timeout=10_000)


def _texts(window: MainWindow, visit_id: int) -> tuple[str, str]:
    """The visitor's Mijn bezoeken buddy cell and board watcher cell for the visit."""
    assert window.workspace is not None
    mine = window.workspace.pages["my_visits"]
    board = window.workspace.pages["board"]
    assert isinstance(mine, MyVisitsPage) and isinstance(board, BoardPage)
    row = mine.model.row_of(visit_id)
    assert row is not None
    position = board.model.position_of(visit_id)
    assert position >= 0
    return (
        str(mine.model.index(row, BUDDY_COLUMN).data()),
        str(board.model.index(position, BoardColumn.WATCHER).data()),
    )


def test_the_visitor_sees_whether_her_buddy_watches(
    qtbot: QtBot, demo: DemoEnv, window: MainWindow
) -> None:
    logged_in(qtbot, window, "sanne")
    sanne = demo.login("sanne")
    visit_id = _running_visit(sanne, "sanne", "ahmed")
    window.hub.visits_changed.emit()
    assert window.workspace is not None
    # She looks at both pages (a page behind another tab reads when it is shown).
    board = window.workspace.pages["board"]
    assert isinstance(board, BoardPage)
    window.workspace.show_page("board")
    qtbot.waitUntil(lambda: board.model.position_of(visit_id) >= 0, timeout=10_000)
    mine = window.workspace.pages["my_visits"]
    assert isinstance(mine, MyVisitsPage)
    window.workspace.show_page("my_visits")
    qtbot.waitUntil(lambda: mine.model.row_of(visit_id) is not None, timeout=10_000)

    # Ahmed (the buddy) is logged in on his own workstation: his heartbeat.
    ahmed = demo.login("ahmed")
    ahmed_session = presence.new_session_id()
    presence.heartbeat(ahmed, ahmed_session)
    last_seen = demo.clock.now()
    _beat(qtbot, window)
    assert _texts(window, visit_id) == ("Ahmed kijkt mee", "Ahmed kijkt mee")
    mine.select_visit(visit_id)
    assert "Ahmed kijkt mee" in mine.selected_label.text()

    # Ahmed's app crashes: no more heartbeats. Past the threshold nobody watches, and
    # both pages say since when (not colour alone: a symbol and the words).
    demo.clock.advance(ABSENT_AFTER + timedelta(seconds=20))
    _beat(qtbot, window)
    since = to_local(last_seen).strftime("%H:%M")
    unwatched = f"⚠ niemand kijkt mee sinds {since}"
    assert _texts(window, visit_id) == (unwatched, unwatched)
    position = board.model.position_of(visit_id)
    # A screen reader hears the words.
    from PySide6.QtCore import Qt

    spoken = board.model.index(position, BoardColumn.WATCHER).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    assert spoken == f"niemand kijkt mee sinds {since}"
    assert "niemand kijkt mee" in mine.selected_label.text()

    # He logs in again: watched again.
    presence.heartbeat(ahmed, presence.new_session_id())
    _beat(qtbot, window)
    assert _texts(window, visit_id) == ("Ahmed kijkt mee", "Ahmed kijkt mee")


def test_the_session_is_present_while_locked_and_gone_at_logout(
    qtbot: QtBot, demo: DemoEnv, window: MainWindow
) -> None:
    logged_in(qtbot, window, "sanne")
    runner = window.presence
    assert runner is not None
    qtbot.waitUntil(lambda: runner.rounds >= 1, timeout=10_000)
    ahmed = demo.login("ahmed")
    sanne_id = window.ctx.actor.account_id if window.ctx else 0
    people = presence.read_presence(ahmed).people(demo.clock.now())
    assert people[sanne_id].present

    window.lock()
    demo.clock.advance(ABSENT_AFTER)
    _beat(qtbot, window)  # heartbeats go on behind the lock screen
    with ahmed.store.session() as session:
        row = session.execute(select(PresenceSession)).scalars().one()
    assert row.locked and row.session_id == runner.session_id
    demo.clock.advance(timedelta(seconds=5))
    assert presence.read_presence(ahmed).people(demo.clock.now())[sanne_id].present

    window.log_out()  # Sanne watches no visit: no handover
    qtbot.waitUntil(lambda: window.presence is None)
    person = presence.read_presence(ahmed).people(demo.clock.now())[sanne_id]
    assert not person.present
    assert person.last_seen == demo.clock.now()


def test_quitting_ends_presence_at_once(qtbot: QtBot, demo: DemoEnv, window: MainWindow) -> None:
    logged_in(qtbot, window, "sanne")
    runner = window.presence
    assert runner is not None
    qtbot.waitUntil(lambda: runner.rounds >= 1, timeout=10_000)
    sanne_id = window.ctx.actor.account_id if window.ctx else 0
    window.close()
    ahmed = demo.login("ahmed")
    assert not presence.read_presence(ahmed).people(demo.clock.now())[sanne_id].present
