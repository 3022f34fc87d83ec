"""A page behind another tab reads when it is shown, not on every change (gui/when_shown.py):
on a team server every colleague's change reaches every desk, and a desk re-reading
pages nobody looks at multiplies the server's work by the number of desks."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv, MakeWindow
from tests.gui.test_app_alarms import log_in
from tests.gui.test_my_visits import plan_visit
from veilig_huisbezoek.gui.main_window import MainWindow
from veilig_huisbezoek.gui.my_visits import MyVisitsPage
from veilig_huisbezoek.services import planning
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.planning import MyVisit


def _counting(reads: list[int]) -> Callable[[ServiceContext], list[MyVisit]]:
    real = planning.my_open_visits

    def read(ctx: ServiceContext) -> list[MyVisit]:
        reads.append(1)
        return real(ctx)

    return read


def _settled(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    qtbot.wait(50)  # a result queued back to the GUI thread is handled
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)


def test_a_tab_behind_another_reads_when_shown_not_on_every_change(
    qtbot: QtBot, make_window: MakeWindow, demo: DemoEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    monkeypatch.setattr(planning, "my_open_visits", _counting(reads))
    window = make_window()
    log_in(qtbot, window, "sanne")  # a medewerker: Voorbereiden in front, Mijn bezoeken behind
    workspace = window.workspace
    assert workspace is not None
    page = workspace.pages["my_visits"]
    assert isinstance(page, MyVisitsPage)
    assert workspace.tabs.currentWidget() is not page
    _settled(qtbot, window)
    before = len(reads)

    # Sanne plans a visit at another desk; colleagues change things three times.
    visit_id = plan_visit(demo.login("sanne"))
    for _ in range(3):
        window.hub.visits_changed.emit()
    _settled(qtbot, window)
    assert len(reads) == before
    assert page.model.row_of(visit_id) is None

    # She opens Mijn bezoeken (Ctrl+Tab, as on any tab widget): read once, the visit there.
    tabs = workspace.tabs
    while tabs.currentWidget() is not page:
        qtbot.keyClick(tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.row_of(visit_id) is not None, timeout=10_000)
    _settled(qtbot, window)
    assert len(reads) == before + 1

    # In front, it follows every change again.
    window.hub.visits_changed.emit()
    _settled(qtbot, window)
    assert len(reads) == before + 2
