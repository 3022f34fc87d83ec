"""The reports page: its charts draw the service's numbers, nothing personal; CSV export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.conftest import file_mode, make_team
from tests.gui.conftest import DemoEnv
from tests.gui.test_accessibility import unlabelled_buddies, unnamed
from tests.services.test_response_figures import SEED_START, seed_history
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.domain.incident import BehaviourCategory, Channel, IncidentReport
from veilig_huisbezoek.domain.response import Measure
from veilig_huisbezoek.gui.hub import AppHub
from veilig_huisbezoek.gui.reports_page import ReportsPage
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.services import incidents, reports
from veilig_huisbezoek.services.context import ServiceContext

pytestmark = pytest.mark.gui


def file_incident(ctx: ServiceContext, category: str, channel: str) -> None:
    incidents.file_incident(
        ctx,
        IncidentReport.create(
            occurred_at=ctx.now(),
            channel=channel,
            category=category,
            wie="Bezoeker aan de balie",
            wat="Schold de medewerker uit en sloeg op de balie.",
            waar="Stadskantoor",
            now=ctx.now(),
        ),
    )


def open_page(qtbot: QtBot, ctx: ServiceContext, demo: DemoEnv) -> ReportsPage:
    return helpers.open_page(qtbot, ReportsPage(ctx, demo.tasks, demo.hub))


def test_charts_draw_exactly_the_report_numbers(qtbot: QtBot, demo: DemoEnv) -> None:
    before = reports.build_report(demo.login("petra"), months=12)  # the demo's incidents
    base_category = dict(before.incidents_per_category)
    base_channel = dict(before.incidents_per_channel)
    sanne = demo.login("sanne")
    file_incident(sanne, "C", "balie")
    file_incident(sanne, "D", "telefoon")
    file_incident(sanne, "D", "balie")
    petra = demo.login("petra")
    page = open_page(qtbot, petra, demo)
    numbers = reports.build_report(petra, months=12)
    assert page.chart_values("month") == [
        (reports.month_label(k), n) for k, n in numbers.incidents_per_month
    ]
    assert page.chart_values("month")[-1] == ("nov 2026", before.incidents_per_month[-1][1] + 3)
    category = dict(page.chart_values("category"))
    assert category == {c.value: n for c, n in numbers.incidents_per_category}
    assert category["D"] == base_category.get(BehaviourCategory.D, 0) + 2
    assert category["C"] == base_category.get(BehaviourCategory.C, 0) + 1
    channel = dict(page.chart_values("channel"))
    assert channel[Channel.BALIE.label] == base_channel.get(Channel.BALIE, 0) + 2
    assert channel[Channel.TELEFOON.label] == base_channel.get(Channel.TELEFOON, 0) + 1
    level = dict(page.chart_values("level"))
    assert level == {lvl.label: n for lvl, n in numbers.visits_per_level}
    assert sum(level.values()) > 0  # the demo's visits
    assert f"{before.incident_total + 3} incidenten" in page.summary_label.text()
    assert "Te late herbeoordelingen in het adresregister" in page.summary_label.text()
    description = page.views["category"].accessibleDescription()
    assert f"D: {category['D']}" in description


def test_nothing_personal_is_drawn(qtbot: QtBot, demo: DemoEnv) -> None:
    sanne = demo.login("sanne")
    file_incident(sanne, "C", "balie")
    page = open_page(qtbot, demo.login("petra"), demo)
    texts: list[str] = []
    for view in page.views.values():
        chart = view.chart()
        texts.append(chart.title())
        for axis in chart.axes():
            texts += getattr(axis, "categories", lambda: [])()
        texts.append(view.accessibleDescription())
    joined = " ".join(texts)
    for personal in ("Sanne", "Visser", "Stadskantoor", "balie sloeg", "Akerstraat"):
        assert personal not in joined
    labels = {label for label, _n in page.chart_values("level")}
    assert labels == {lvl.label for lvl in RiskLevel}
    assert {label for label, _n in page.chart_values("category")} == {
        c.value for c in BehaviourCategory
    }


def test_period_choice_changes_the_months(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo.login("petra"), demo)
    page.period_combo.setFocus()
    qtbot.keyClick(page.period_combo, Qt.Key.Key_Home)
    helpers.settle_page(qtbot, page)
    assert page.months() == 3
    assert [label for label, _n in page.chart_values("month")] == [
        "sep 2026",
        "okt 2026",
        "nov 2026",
    ]


@pytest.mark.usefixtures("umask_022")
def test_csv_export_writes_only_where_chosen(qtbot: QtBot, demo: DemoEnv, tmp_path: Path) -> None:
    sanne = demo.login("sanne")
    file_incident(sanne, "E", "email")
    page = open_page(qtbot, demo.login("petra"), demo)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "rapportage.csv"
    suggested: list[str] = []

    def choose(_parent: object, _caption: str, name: str, _filter: str) -> str:
        suggested.append(name)
        return str(target)

    page.choose_save_path = choose  # type: ignore[assignment]
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    assert suggested == ["rapportage-2025-12-2026-11.csv"]
    assert [p.name for p in out.iterdir()] == ["rapportage.csv"]
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert ["incidenten per soort gedrag", "E", "1"] in rows
    assert ["incidenten per kanaal", "E-mail", "2"] in rows  # the demo has one already
    assert "Opgeslagen: rapportage.csv" in page.message_label.text()
    assert file_mode(target) == 0o600  # like every file the app writes


def test_a_medewerker_gets_a_clear_refusal(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo.login("sanne"), demo)
    assert page.numbers is None
    assert "Geen toestemming" in page.message_label.text()


def test_controls_are_named(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo.login("petra"), demo)
    assert unnamed(page) == [] and unlabelled_buddies(page) == []


def test_the_demo_has_incidents_for_the_leidinggevendes_reports(demo: DemoEnv) -> None:
    numbers = reports.build_report(demo.login("petra"), months=6)
    assert numbers.incident_total == 8  # the demo's eight incidents, all in the period
    per_channel = dict(numbers.incidents_per_channel)
    assert per_channel[Channel.BALIE] == 2 and per_channel[Channel.HUISBEZOEK] == 2
    assert sum(1 for _month, n in numbers.incidents_per_month if n) >= 5


# ---- response figures ---------------------------------------------------------------


@pytest.fixture
def seeded_page(qtbot: QtBot, qapp: object, tmp_path: Path) -> Iterator[ReportsPage]:
    """The reports page of petra (leidinggevende) over the seeded history of
    ``tests/services/test_response_figures.py``, on 10 November 2026."""
    team = make_team(tmp_path / "data", FakeClock(SEED_START - timedelta(hours=1)))
    seed_history(team)
    petra = team.login("petra")
    tasks = TaskRunner()
    yield helpers.open_page(qtbot, ReportsPage(petra, tasks, AppHub()))
    tasks.shutdown()
    petra.store.close()


def test_response_tables_show_the_hand_computed_figures(seeded_page: ReportsPage) -> None:
    # By hand (see test_response_figures): call-backs in October 125, 0, 300, 90 and
    # 420 s → median 125 s = 2:05, P90 420 s = 7:00, one not called; in November 60
    # and 600 s (the first at 00:30 on 1 November, Amsterdam time) → 1:00 and 10:00.
    callbacks = seeded_page.response_texts(Measure.CALLBACK)
    assert callbacks[0] == ["Maand", "Gebeld", "Mediaan", "P90", "Niet gebeld"]
    assert len(callbacks) == 1 + 12  # every month of the period, also without figures
    assert callbacks[-1] == ["dec 2025", "0", "—", "—", "0"]  # newest month first
    assert callbacks[1:4] == [
        ["nov 2026", "2", "1:00", "10:00", "1"],
        ["okt 2026", "5", "2:05", "7:00", "1"],
        ["sep 2026", "0", "—", "—", "0"],
    ]
    # Alarms: October 200, 60, 300 s → 3:20 and 5:00; November 45 s and one open.
    alarms_shown = seeded_page.response_texts(Measure.ALARM)
    assert alarms_shown[0] == ["Maand", "Bevestigd", "Mediaan", "P90", "Niet bevestigd"]
    assert alarms_shown[1:3] == [
        ["nov 2026", "1", "0:45", "0:45", "1"],
        ["okt 2026", "3", "3:20", "5:00", "0"],
    ]
    # Unwatched: October 150 and 270 s → 2:30 and 4:30; November 90 s and one still open.
    unwatched = seeded_page.response_texts(Measure.UNWATCHED)
    assert unwatched[0] == ["Maand", "Weer bewaakt", "Mediaan", "P90", "Nog onbewaakt"]
    assert unwatched[1:3] == [
        ["nov 2026", "1", "1:30", "1:30", "1"],
        ["okt 2026", "2", "2:30", "4:30", "0"],
    ]
    # Every header is shown whole (not cut off by its column).
    for table in seeded_page.response_tables.values():
        header = table.horizontalHeader()
        for column in range(header.count()):
            text = str(table.model().headerData(column, Qt.Orientation.Horizontal))
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text)
    # A screen reader reads the same cells and headers.
    model = seeded_page.response_tables[Measure.ALARM].model()
    newest = model.index(0, 2)
    assert model.data(newest, Qt.ItemDataRole.AccessibleTextRole) == "0:45"
    assert (
        model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)
        == "Niet bevestigd"
    )


def test_response_tables_follow_the_period(qtbot: QtBot, seeded_page: ReportsPage) -> None:
    seeded_page.period_combo.setFocus()
    qtbot.keyClick(seeded_page.period_combo, Qt.Key.Key_Home)  # the last 3 months
    helpers.settle_page(qtbot, seeded_page)
    assert [row[0] for row in seeded_page.response_texts(Measure.CALLBACK)[1:]] == [
        "nov 2026",
        "okt 2026",
        "sep 2026",
    ]


def test_response_tables_are_named_and_reached_by_keyboard(
    qtbot: QtBot, seeded_page: ReportsPage
) -> None:
    page = seeded_page
    assert unnamed(page) == [] and unlabelled_buddies(page) == []
    callback_table = page.response_tables[Measure.CALLBACK]
    alarm_table = page.response_tables[Measure.ALARM]
    assert callback_table.accessibleName() == "Reactietijden terugbellen per maand"
    assert alarm_table.accessibleName() == "Reactietijden alarmen per maand"
    qtbot.keyClick(page, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # &Terugbellen
    assert callback_table.hasFocus()
    qtbot.keyClick(page, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Alarmen
    assert alarm_table.hasFocus()
    # Tab: after the charts (top to bottom) come the three tables.
    page.views["level"].setFocus()
    qtbot.keyClick(page.views["level"], Qt.Key.Key_Tab)
    assert callback_table.hasFocus()
    qtbot.keyClick(callback_table, Qt.Key.Key_Tab)
    assert alarm_table.hasFocus()
    unwatched_table = page.response_tables[Measure.UNWATCHED]
    qtbot.keyClick(alarm_table, Qt.Key.Key_Tab)
    assert unwatched_table.hasFocus()
    qtbot.keyClick(page, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # &Onbewaakt
    assert unwatched_table.hasFocus()
    assert unwatched_table.accessibleName() == "Onbewaakte bezoeken per maand"
    page.csv_button.setFocus()
    qtbot.keyClick(page.csv_button, Qt.Key.Key_Tab)
    assert page.views["month"].hasFocus()
    # All twelve months show without scrolling inside the table.
    assert callback_table.verticalScrollBar().maximum() == 0


def test_csv_export_has_the_response_figures(seeded_page: ReportsPage, tmp_path: Path) -> None:
    target = tmp_path / "rapportage.csv"
    seeded_page.choose_save_path = lambda *_args: str(target)  # type: ignore[assignment]
    seeded_page.csv_button.click()
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert ["terugbellen: mediaan (seconden)", "2026-10", "125"] in rows
    assert ["alarmen: niet bevestigd", "2026-11", "1"] in rows
    assert ["terugbellen: 90e percentiel (seconden)", "2026-09", ""] in rows


def test_the_demo_has_response_figures(demo: DemoEnv) -> None:
    numbers = reports.build_report(demo.login("petra"), months=6)
    callbacks = numbers.response(Measure.CALLBACK)
    assert callbacks is not None
    assert sum(month.measured for month in callbacks.months) > 0  # the demo's calls
