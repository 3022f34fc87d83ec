"""The visit history page: filters give the same rows as a direct count in the store."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests import helpers
from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.clock import local_to_utc, to_local
from veilig_huisbezoek.gui.history_page import HistoryPage, HistoryTableModel
from veilig_huisbezoek.services.accounts import find_account_id
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.history import HistoryRow, VisitOutcome, search_history
from veilig_huisbezoek.storage.models import Visit

pytestmark = pytest.mark.gui


def open_page(qtbot: QtBot, demo: DemoEnv, user: str) -> tuple[HistoryPage, ServiceContext]:
    ctx = demo.login(user)
    page = helpers.open_page(qtbot, HistoryPage(ctx, demo.tasks, demo.hub), exposed=False)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    return page, ctx


def choose(qtbot: QtBot, page: HistoryPage, combo: QComboBox, text: str) -> None:
    """Pick an entry with the arrow keys, as someone using the keyboard would."""
    target = combo.findText(text)
    assert target >= 0, text
    combo.setFocus()
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            qtbot.keyClick(combo, key)
    assert combo.currentText() == text


def shown_ids(page: HistoryPage) -> list[int]:
    return [page.model.visit(r).id for r in range(page.model.rowCount())]  # type: ignore[union-attr]


def count(ctx: ServiceContext, *conditions: object) -> int:
    with ctx.store.session() as session:
        return int(
            session.execute(select(func.count(Visit.id)).where(*conditions)).scalar_one()  # type: ignore[arg-type]
        )


def test_a_leidinggevende_sees_the_whole_team_newest_first(qtbot: QtBot, demo: DemoEnv) -> None:
    page, petra = open_page(qtbot, demo, "petra")
    assert page.model.rowCount() == count(petra) == 30
    assert page.result_label.text() == "30 bezoeken gevonden."
    starts = [page.model.visit(r).start for r in range(30)]  # type: ignore[union-attr]
    assert starts == sorted(starts, reverse=True)
    assert "alle bezoeken van het team" in page.scope_label.text()
    assert page.title == "Bezoekhistorie"


def test_level_rood_only(qtbot: QtBot, demo: DemoEnv) -> None:
    page, petra = open_page(qtbot, demo, "petra")
    choose(qtbot, page, page.level_combo, "■ Rood")
    expected = count(petra, Visit.level == RiskLevel.ROOD.value)
    assert expected > 0 and page.model.rowCount() == expected
    assert {page.model.index(r, 4).data() for r in range(expected)} == {"■ Rood"}
    assert page.model.index(0, 4).data(Qt.ItemDataRole.AccessibleTextRole) == "Risiconiveau Rood"


def test_one_employee_in_a_period(qtbot: QtBot, demo: DemoEnv) -> None:
    page, petra = open_page(qtbot, demo, "petra")
    sanne_id = find_account_id(petra, "sanne")
    choose(qtbot, page, page.employee_combo, "Sanne Visser")
    assert page.model.rowCount() == count(petra, Visit.visitor_id == sanne_id)
    assert {page.model.index(r, 1).data() for r in range(page.model.rowCount())} == {"Sanne Visser"}
    # The last three weeks up to and including yesterday (Amsterdam dates).
    today = to_local(demo.clock.now()).date()
    first, last = today - timedelta(days=21), today - timedelta(days=1)
    page.from_date.setDate(QDate(first.year, first.month, first.day))
    page.to_date.setDate(QDate(last.year, last.month, last.day))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.from_check, Qt.MouseButton.LeftButton)
    assert page.from_date.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.to_check, Qt.MouseButton.LeftButton)

    def midnight(day: date) -> datetime:
        return local_to_utc(datetime.combine(day, time()))

    expected = count(
        petra,
        Visit.visitor_id == sanne_id,
        Visit.start_at >= midnight(first),
        Visit.start_at < midnight(today),
    )
    assert 0 < page.model.rowCount() == expected
    for r in range(expected):
        local_day = to_local(page.model.visit(r).start).date()  # type: ignore[union-attr]
        assert first <= local_day <= last
    # "Filters wissen" brings everything back.
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 30 and not page.from_check.isChecked()


def test_outcome_and_text_search(qtbot: QtBot, demo: DemoEnv) -> None:
    page, petra = open_page(qtbot, demo, "petra")
    choose(qtbot, page, page.outcome_combo, "Nog niet afgerond")
    unfinished = count(petra, Visit.state.in_(("concept", "gepland", "onderweg")))
    assert page.model.rowCount() == unfinished
    assert {page.model.visit(r).outcome for r in range(unfinished)} == {VisitOutcome.NOG_BEZIG}  # type: ignore[union-attr]
    choose(qtbot, page, page.outcome_combo, "Alle uitkomsten")
    target = page.model.visit(0)
    assert target is not None
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClicks(page.search_edit, target.address.postcode.replace(" ", "").lower())
    assert target.id in shown_ids(page)
    assert {page.model.visit(r).address.postcode for r in range(page.model.rowCount())} == {  # type: ignore[union-attr]
        target.address.postcode
    }


def test_enter_double_click_and_details_open_the_visit(qtbot: QtBot, demo: DemoEnv) -> None:
    page, _petra = open_page(qtbot, demo, "petra")
    assert not page.details_button.isEnabled()  # nothing chosen yet
    index = page.model.index(2, 2)
    wanted = page.model.visit(2).id  # type: ignore[union-attr]
    where = page.table.visualRect(index).center()
    with qtbot.waitSignal(demo.hub.show_visit, timeout=2_000) as opened:
        # A real double click starts with a press (the view remembers the pressed row).
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(
            page.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=where,
        )
    assert opened.args == [wanted]
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(demo.hub.show_visit, timeout=2_000) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [page.model.visit(3).id]  # type: ignore[union-attr]
    assert page.details_button.isEnabled()
    with qtbot.waitSignal(demo.hub.show_visit, timeout=2_000) as opened:
        qtbot.mouseClick(page.details_button, Qt.MouseButton.LeftButton)
    assert opened.args == [page.model.visit(3).id]  # type: ignore[union-attr]


def test_a_medewerker_sees_own_and_buddy_visits_only(qtbot: QtBot, demo: DemoEnv) -> None:
    page, sanne = open_page(qtbot, demo, "sanne")
    me = sanne.actor.account_id
    expected = count(sanne, (Visit.visitor_id == me) | (Visit.buddy_id == me))
    with sanne.store.session() as session:
        colleague_only = session.execute(
            select(func.count(Visit.id)).where(
                Visit.visitor_id != me,
                Visit.buddy_id != me,
                Visit.colleagues.any(account_id=me),
            )
        ).scalar_one()
    assert page.model.rowCount() == expected + colleague_only < 30
    assert "uw eigen bezoeken" in page.scope_label.text()


def test_a_refusal_or_bad_period_is_shown_in_dutch(qtbot: QtBot, demo: DemoEnv) -> None:
    page, _petra = open_page(qtbot, demo, "petra")
    page.from_date.setDate(QDate(2026, 11, 20))
    page.to_date.setDate(QDate(2026, 11, 10))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.from_check, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.to_check, Qt.MouseButton.LeftButton)
    assert page.message_label.isVisible()
    assert page.message_label.text().startswith("Niet gelukt: Periode:")
    assert page.model.rowCount() == 0


def test_controls_are_labelled(qtbot: QtBot, demo: DemoEnv) -> None:
    page, _petra = open_page(qtbot, demo, "petra")
    kinds = (QLineEdit, QComboBox, QAbstractButton, QTableView)
    controls: list[QWidget] = [w for kind in kinds for w in page.findChildren(kind)]
    unnamed = [
        w.objectName()
        for w in controls
        if w.objectName() and not w.objectName().startswith("qt_") and not w.accessibleName()
    ]
    assert unnamed == []


def test_history_model(qtmodeltester: ModelTester, demo: DemoEnv, qtbot: QtBot) -> None:
    page, _petra = open_page(qtbot, demo, "petra")
    qtmodeltester.check(page.model)


def test_the_model_reads_a_page_at_a_time(qtbot: QtBot, demo: DemoEnv) -> None:
    petra = demo.login("petra")
    everything = search_history(petra)
    assert len(everything) == 30
    asked: list[int] = []

    def after(last: HistoryRow) -> list[HistoryRow]:
        asked.append(last.id)
        return search_history(petra, limit=7, after=last)

    model = HistoryTableModel(page_size=7)
    model.set_rows(search_history(petra, limit=7), after)
    assert model.rowCount() == 7 and model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert [model.visit(r).id for r in range(model.rowCount())] == [v.id for v in everything]  # type: ignore[union-attr]
    assert len(asked) == 4  # 7 first, then 7 + 7 + 7 + 2: a short page means no more
    model.set_rows(everything[:3])  # without a fetcher: just these rows
    assert model.rowCount() == 3 and not model.canFetchMore(QModelIndex())


def test_scrolling_to_the_end_reads_the_next_pages(qtbot: QtBot, demo: DemoEnv) -> None:
    ctx = demo.login("petra")
    page = HistoryPage(ctx, demo.tasks, demo.hub, page_size=7)
    helpers.open_page(qtbot, page, size=(1366, 400), exposed=False)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    # The total comes from a count in SQL, not from the rows read so far.
    assert page.result_label.text() == "30 bezoeken gevonden."
    for _ in range(10):
        if page.model.rowCount() == 30:
            break
        with qtbot.waitSignal(page.model.rows_fetched, timeout=10_000):
            page.table.scrollToBottom()
            page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().maximum())
            page.model.fetchMore(QModelIndex())  # what the view does at the end
    assert page.model.rowCount() == 30 and not page.model.canFetchMore(QModelIndex())
    assert shown_ids(page) == [v.id for v in search_history(ctx)]
    # A filter starts over with a fresh first page, filtered in SQL over all visits.
    choose(qtbot, page, page.level_combo, "■ Rood")
    expected = count(ctx, Visit.level == RiskLevel.ROOD.value)
    assert page.result_label.text() == f"{expected} bezoeken gevonden."
    assert page.model.rowCount() <= expected
    assert {page.model.index(r, 4).data() for r in range(page.model.rowCount())} == {"■ Rood"}


def test_paged_history_model(qtmodeltester: ModelTester, demo: DemoEnv, qtbot: QtBot) -> None:
    petra = demo.login("petra")
    model = HistoryTableModel(page_size=4)
    model.set_rows(
        search_history(petra, limit=4),
        lambda last: search_history(petra, limit=4, after=last),
    )
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 30
