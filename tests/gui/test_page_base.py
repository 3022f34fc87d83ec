"""The page base: every page waits with reloading while the team server is unreachable
and reloads when it is reachable again."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.gui.board import BoardPage
from veilig_huisbezoek.gui.forms_generated.ui_reports_page import Ui_ReportsPage
from veilig_huisbezoek.gui.history_page import HistoryPage
from veilig_huisbezoek.gui.my_visits import MyVisitsPage
from veilig_huisbezoek.gui.page_base import WorkspacePage
from veilig_huisbezoek.gui.prepare_visit import PrepareVisitPage
from veilig_huisbezoek.gui.reports_page import ReportsPage

pytestmark = pytest.mark.gui


class CountingPage(WorkspacePage[Ui_ReportsPage]):
    def __init__(self, demo: DemoEnv) -> None:
        super().__init__(Ui_ReportsPage(), demo.login("petra"), demo.tasks, demo.hub)
        self.reloads = 0

    def reload(self) -> None:
        self.reloads += 1


def test_refresh_waits_while_offline(qtbot: QtBot, demo: DemoEnv) -> None:
    page = helpers.open_page(qtbot, CountingPage(demo), exposed=False)
    demo.hub.offline = True
    try:
        page.refresh()
        assert page.reloads == 0
    finally:
        demo.hub.offline = False
    page.refresh()
    assert page.reloads == 1


def test_the_page_builds_the_compiled_form_it_is_given(qtbot: QtBot, demo: DemoEnv) -> None:
    page = helpers.open_page(qtbot, CountingPage(demo), exposed=False)
    assert page.form.objectName() == "ReportsPage"
    assert page.form.isAncestorOf(page.ui.summaryLabel)
    assert page.isAncestorOf(page.form)


def test_the_pages_share_the_base() -> None:
    for page in (BoardPage, HistoryPage, MyVisitsPage, ReportsPage, PrepareVisitPage):
        assert issubclass(page, WorkspacePage), page


class BackgroundPage(WorkspacePage[Ui_ReportsPage]):
    """Reads on the task runner; each read waits until the test lets it go."""

    def __init__(self, demo: DemoEnv) -> None:
        super().__init__(Ui_ReportsPage(), demo.login("petra"), demo.tasks, demo.hub)
        self.release = threading.Event()
        self.jobs = 0
        self.shown: list[int] = []
        self.failures: list[BaseException] = []

    def reload(self) -> None:
        def job() -> int:
            self.release.wait(5)
            self.jobs += 1
            return self.jobs

        self.load_in_background(job, lambda n: self.shown.append(n), self.failures.append)


def test_background_reads_are_coalesced(qtbot: QtBot, demo: DemoEnv) -> None:
    """One read under way and at most one more, however often a refresh is asked for;
    the page says it is reading until both have been shown."""
    page = helpers.open_page(qtbot, BackgroundPage(demo), exposed=False)
    for _ in range(5):
        page.refresh()
    assert page.reading
    page.release.set()
    qtbot.waitUntil(lambda: not page.reading)
    assert page.shown == [1, 2] and page.failures == []
