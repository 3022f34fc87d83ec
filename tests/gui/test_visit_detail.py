"""The visit detail window: header, assessment, plan and one timeline in order of time."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.domain.checklist import default_checklist
from veilig_huisbezoek.domain.clock import to_local
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.gui.visit_detail import VisitDetailDialog
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.visit_details import (
    CallInfo,
    EventInfo,
    VisitDetail,
    get_visit_detail,
)
from veilig_huisbezoek.services.visits import list_visits

pytestmark = pytest.mark.gui

DOCS = Path(__file__).resolve().parents[2] / "docs"


def closed_visit(ctx: ServiceContext) -> VisitDetail:
    """The demo's closed visit with the most calls (rood first, for the screenshot)."""
    closed = [v for v in list_visits(ctx) if v.state is VisitState.AFGESLOTEN]
    details = [get_visit_detail(ctx, v.id) for v in closed]
    return max(details, key=lambda d: (d.level.rank, len(d.calls), -d.id))


def open_dialog(qtbot: QtBot, detail: VisitDetail) -> VisitDetailDialog:
    dialog = VisitDetailDialog(detail)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    return dialog


def column(dialog: VisitDetailDialog, col: int) -> list[str]:
    model = dialog.timeline
    return [str(model.index(r, col).data()) for r in range(model.rowCount())]


def test_closed_visit_shows_calls_and_events_in_order_with_dutch_labels(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    petra = demo.login("petra")
    detail = closed_visit(petra)
    assert detail.calls, "the demo should have a closed visit with calls"
    dialog = open_dialog(qtbot, detail)

    what = column(dialog, 1)
    times = [e.at for e in dialog.timeline.entries()]
    assert times == sorted(times)
    for label in ("Bezoek aangemaakt", "Vertrokken", "Terug, veilig", "Afgesloten"):
        assert label in what
    assert what.index("Bezoek aangemaakt") < what.index("Vertrokken") < what.index("Terug, veilig")
    # Every call is there with who called and what was decided.
    calls = [r for r, text in enumerate(what) if text.startswith(("Gebeld", "⚠ Gebeld"))]
    assert len(calls) == len(detail.calls)
    first_call = calls[0]
    assert column(dialog, 2)[first_call] == detail.calls[0].buddy
    explanation = column(dialog, 3)[first_call]
    if detail.calls[0].reached:
        assert "vrijuit praten:" in explanation and "politie gewenst:" in explanation
    assert "Actie: " in explanation
    # Planned call-back moments with their state.
    moments = [r for r, text in enumerate(what) if text == "Terugbelmoment"]
    assert len(moments) == len(detail.callbacks)
    assert {column(dialog, 3)[r] for r in moments} <= {"gedaan", "open", "vervallen"}
    # Times are Amsterdam wall-clock times.
    first = dialog.timeline.entries()[0]
    assert column(dialog, 0)[0] == to_local(first.at).strftime("%d-%m-%Y %H:%M")


def test_header_assessment_and_plan(qtbot: QtBot, demo: DemoEnv) -> None:
    petra = demo.login("petra")
    detail = closed_visit(petra)
    dialog = open_dialog(qtbot, detail)
    assert dialog.address_label.text() == detail.address.one_line()
    assert dialog.address_label.font().pointSizeF() > dialog.people_label.font().pointSizeF()
    status = dialog.status_label.text()
    assert detail.level.label in status and "Afgesloten" in status  # text, not colour only
    assert detail.visitor.display_name in dialog.people_label.text()
    assert detail.buddy.display_name in dialog.people_label.text()
    start = to_local(detail.start).strftime("%d-%m-%Y %H:%M")
    assert start in dialog.times_label.text()
    assert to_local(detail.expected_return).strftime("%H:%M") in dialog.times_label.text()
    info = dialog.info_view.toPlainText()
    assert f"Checklist versie {detail.checklist_version}" in info
    for item in default_checklist().items:
        assert item.text in info  # every answer with its question
    for reason in detail.reasons:
        assert reason in info
    assert detail.reason.label in info and detail.residents in info
    if detail.consent_by:
        assert f"Toestemming van {detail.consent_by}" in info
    assert "Bezoek" in dialog.windowTitle()


def test_unknown_events_and_alarm_calls_are_shown_not_dropped(qtbot: QtBot, demo: DemoEnv) -> None:
    petra = demo.login("petra")
    detail = closed_visit(petra)
    later = detail.start + timedelta(minutes=20)
    detail = replace(
        detail,
        events=(
            *detail.events,
            EventInfo(later, "Petra de Groot", "alarm_bevestigd", "herinnering 2"),
        ),
        calls=(
            *detail.calls,
            CallInfo(999, later, "Ahmed El Amrani", True, "achternaam", None, True, "call_112"),
        ),
    )
    dialog = open_dialog(qtbot, detail)
    rows = {text: r for r, text in enumerate(column(dialog, 1))}
    assert "Alarm bevestigd" in rows
    assert column(dialog, 3)[rows["Alarm bevestigd"]] == "herinnering 2"
    alarm = rows["⚠ Gebeld: opgenomen"]
    assert "ACHTERNAAM" in column(dialog, 3)[alarm] and "Bel nu 112" in column(dialog, 3)[alarm]
    assert dialog.timeline.index(alarm, 1).data(Qt.ItemDataRole.FontRole).bold()


def test_show_for_opens_without_blocking_and_refuses_in_dutch(qtbot: QtBot, demo: DemoEnv) -> None:
    petra = demo.login("petra")
    detail = closed_visit(petra)
    parent = QWidget()
    qtbot.addWidget(parent)
    opened: list[VisitDetailDialog] = []
    VisitDetailDialog.show_for(petra, demo.tasks, detail.id, parent, opened.append)
    assert opened == []  # read on the task runner: the window comes when it is back
    qtbot.waitUntil(lambda: opened != [], timeout=10_000)
    (dialog,) = opened
    assert dialog.isVisible() and not dialog.isModal() and dialog.detail.id == detail.id
    dialog.close()
    # A visit Tom (beheerder) may not see: a message, no window.
    VisitDetailDialog.show_for(demo.login("tom"), demo.tasks, detail.id, parent, opened.append)
    qtbot.waitUntil(lambda: bool(parent.findChildren(QMessageBox)), timeout=10_000)
    (box,) = parent.findChildren(QMessageBox)
    assert box.isVisible() and box.windowTitle() == "Bezoek openen"
    assert box.text() == "Geen toestemming: dit bezoek bestaat niet of u mag het niet zien."
    assert len(opened) == 1
    box.close()


def test_timeline_model(qtmodeltester: ModelTester, demo: DemoEnv, qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, closed_visit(demo.login("petra")))
    qtmodeltester.check(dialog.timeline)


def test_screenshot_of_a_visit(qtbot: QtBot, demo: DemoEnv, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, closed_visit(demo.login("petra")))
    qtbot.wait(50)
    image = dialog.grab()
    assert image.width() == 1366 and image.height() == 768
    assert image.save(str(tmp_path / "visit-detail.png"))
    if os.environ.get("VH_UPDATE_SCREENSHOTS"):
        DOCS.mkdir(exist_ok=True)
        image.save(str(DOCS / "visit-detail.png"))
