"""Mijn bezoeken: the medewerker's open visits; depart, return safe or with an incident."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.gui.conftest import DemoEnv
from tests.presence_helpers import visit_buddy_present
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.checklist import Answer, RiskLevel, assess, default_checklist
from veilig_huisbezoek.domain.visit import VisitPlan, VisitState
from veilig_huisbezoek.gui.incident_dialog import IncidentDialog
from veilig_huisbezoek.gui.my_visits import VISIT_ID_ROLE, MyVisitsPage
from veilig_huisbezoek.services import planning, visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.planning import ConsentGrant

pytestmark = pytest.mark.gui

OPEN = {VisitState.CONCEPT, VisitState.GEPLAND, VisitState.ONDERWEG, VisitState.GEESCALEERD}


def plan_visit(
    ctx: ServiceContext,
    *,
    answers: dict[str, Answer] | None = None,
    colleagues: Iterable[int] = (),
    schedule: bool = True,
    consent: ConsentGrant | None = None,
    start_in: timedelta = timedelta(hours=2),
) -> int:
    checklist = default_checklist()
    all_answers = {item.id: Answer.NEE for item in checklist.items} | (answers or {})
    assessment = assess(checklist, all_answers)
    buddy = next(a for a in planning.team_members(ctx) if a.username == "ahmed")
    start = ctx.now() + start_in
    end = start + timedelta(hours=1)
    plan = VisitPlan.create(
        reason="dienstverlening",
        address=Address.create("Prinsengracht", "263", "1016 GV", "Amsterdam"),
        residents="",
        clients="",
        client_phone_text="",
        start=start,
        expected_return=end,
        visitor_id=ctx.actor.account_id,
        colleague_ids=colleagues,
        roles_note="",
        interpreter=False,
        announced_in_writing=True,
        buddy_id=buddy.id,
        callbacks=planning.suggested_callbacks(ctx, start, end, assessment.level),
        now=ctx.now(),
    )
    return planning.plan_visit(ctx, plan, assessment, consent=consent, schedule=schedule)


def open_page(qtbot: QtBot, demo: DemoEnv, user: str = "sanne") -> MyVisitsPage:
    return helpers.open_page(qtbot, MyVisitsPage(demo.login(user), demo.tasks, demo.hub))


def click(qtbot: QtBot, button: QAbstractButton | None) -> None:
    assert button is not None
    helpers.settle_around(qtbot, button)  # what the page reads on the task runner first
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    helpers.settle_around(qtbot, button)


def shown_ids(page: MyVisitsPage) -> list[int]:
    model = page.model
    return [model.index(r, 0).data(VISIT_ID_ROLE) for r in range(model.rowCount())]


def answer_box(qtbot: QtBot, page: MyVisitsPage, button: QMessageBox.StandardButton) -> None:
    box = page.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    click(qtbot, box.button(button))
    assert page.confirm_box is None


def test_the_model_is_a_well_behaved_qt_model(
    qtbot: QtBot, demo: DemoEnv, qtmodeltester: ModelTester
) -> None:
    page = open_page(qtbot, demo)
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model)
    page.refresh()  # a reset keeps it consistent
    qtmodeltester.check(page.model)


def test_shows_the_own_open_visits_with_level_shape_and_state(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    ctx = page.ctx
    expected = [
        v.id
        for v in visits.list_visits(ctx)
        if v.visitor_id == ctx.actor.account_id and v.state in OPEN
    ]
    assert sorted(shown_ids(page)) == sorted(expected)
    assert len(expected) >= 2
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers[:4] == ["Start", "Adres", "Niveau", "Status"]
    levels = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert levels <= {"● groen", "▲ oranje", "■ rood"}
    states = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert states <= {"Gepland", "Onderweg", "Geëscaleerd", "Concept"}
    # Someone else's visit (sanne is only buddy there) is not listed.
    assert all(visits.get_visit(ctx, i).visitor_id == ctx.actor.account_id for i in shown_ids(page))


def test_a_leader_without_own_visits_sees_the_empty_message(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo, "petra")
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible()
    assert not page.table.isVisible()
    for button in (page.depart_button, page.safe_button, page.incident_button):
        assert not button.isEnabled()


def test_buttons_follow_the_legal_transitions(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    ctx = page.ctx
    planned = plan_visit(ctx)
    demo.hub.visits_changed.emit()
    helpers.settle_page(qtbot, page)
    page.select_visit(planned)
    assert page.depart_button.isEnabled()
    assert not page.safe_button.isEnabled() and not page.incident_button.isEnabled()
    assert not page.plan_button.isVisible()
    assert "Prinsengracht 263" in page.selected_label.text()
    assert "GROEN" in page.selected_label.text()

    onderweg = next(
        i for i in shown_ids(page) if visits.get_visit(ctx, i).state is VisitState.ONDERWEG
    )
    page.select_visit(onderweg)
    assert not page.depart_button.isEnabled()
    assert page.safe_button.isEnabled() and page.incident_button.isEnabled()
    assert page.details_button.isEnabled()


def test_a_rood_concept_waits_for_consent_then_can_be_planned(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    ctx = page.ctx
    lotte = next(a for a in planning.team_members(ctx) if a.username == "lotte")
    concept = plan_visit(ctx, answers={"wapens": Answer.JA}, colleagues=[lotte.id], schedule=False)
    demo.hub.visits_changed.emit()
    helpers.settle_page(qtbot, page)
    page.select_visit(concept)
    row = page.model.row_of(concept)
    assert row is not None
    assert page.model.index(row, 3).data() == "Concept — wacht op toestemming leidinggevende"
    assert page.model.index(row, 2).data() == "■ rood"
    assert page.plan_button.isVisible() and not page.plan_button.isEnabled()
    assert not page.depart_button.isEnabled()

    petra = demo.login("petra")
    assert concept in [v.id for v in planning.pending_consents(petra)]
    visits.give_consent(petra, concept, "Met politie afgestemd; wijkagent gaat mee.")
    demo.hub.visits_changed.emit()  # what the leader's consent screen does
    helpers.settle_page(qtbot, page)
    assert page.selected_id() == concept
    assert page.model.index(row, 3).data() == "Concept — toestemming van Petra de Groot"
    click(qtbot, page.plan_button)
    assert visits.get_visit(ctx, concept).state is VisitState.GEPLAND
    assert "Bezoek gepland" in page.message_label.text()
    assert page.depart_button.isEnabled()


def test_ending_with_an_incident_asks_first_and_says_what_comes_next(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page = open_page(qtbot, demo)
    ctx = page.ctx
    visit_id = plan_visit(ctx, start_in=timedelta(minutes=5))
    visit_buddy_present(ctx, visit_id)
    visits.depart(ctx, visit_id)
    demo.hub.visits_changed.emit()
    helpers.settle_page(qtbot, page)
    page.select_visit(visit_id)

    click(qtbot, page.incident_button)
    assert "incident" in (page.confirm_box.text() if page.confirm_box else "")
    answer_box(qtbot, page, QMessageBox.StandardButton.No)
    assert visits.get_visit(ctx, visit_id).state is VisitState.ONDERWEG
    assert not page.incident_panel.isVisible()

    click(qtbot, page.incident_button)
    answer_box(qtbot, page, QMessageBox.StandardButton.Yes)
    assert visits.get_visit(ctx, visit_id).state is VisitState.TERUG_INCIDENT
    assert page.model.row_of(visit_id) is None
    assert page.incident_panel.isVisible()
    text = page.incident_text.text()
    assert "leidinggevende" in text
    assert "incidentformulier" in text and "staat al voor u open" in text
    assert "112" in text
    dialog = page.incident_dialog
    assert isinstance(dialog, IncidentDialog) and dialog.isVisible()
    assert dialog.visit_id == visit_id


def test_details_asks_the_shell_to_show_the_visit(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    page.select_row(0)
    expected = page.selected_id()
    with qtbot.waitSignal(demo.hub.show_visit, timeout=2_000) as shown:
        click(qtbot, page.details_button)
    assert shown.args == [expected]


def test_a_service_refusal_is_shown_in_dutch(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    ctx = page.ctx
    visit_id = plan_visit(ctx)
    page.refresh()
    helpers.settle_page(qtbot, page)
    page.select_visit(visit_id)
    # Meanwhile the visit departs from another screen: this page still shows "Gepland".
    other = demo.login("sanne")
    visit_buddy_present(other, visit_id)
    visits.depart(other, visit_id)
    click(qtbot, page.depart_button)
    qtbot.waitUntil(lambda: "kan niet naar" in page.message_label.text(), timeout=5_000)
    helpers.settle_page(qtbot, page)
    message = page.message_label.text()
    assert "kan niet naar" in message and "Onderweg" in message
    assert "Traceback" not in message
    # The page reloaded: the buttons now match the stored state.
    assert not page.depart_button.isEnabled()
    assert page.safe_button.isEnabled()


def test_keyboard_choose_a_visit_and_depart(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    visit_id = plan_visit(page.ctx, start_in=timedelta(minutes=-5))
    visit_buddy_present(page.ctx, visit_id)
    demo.hub.visits_changed.emit()
    helpers.settle_page(qtbot, page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.table.setFocus()
    page.select_row(0)
    target = page.model.row_of(visit_id)
    assert target is not None
    for _ in range(target):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected_id() == visit_id
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Ve&rtrekken
    # a mnemonic "animates" the click: it lands a moment later
    qtbot.waitUntil(
        lambda: visits.get_visit(page.ctx, visit_id).state is VisitState.ONDERWEG, timeout=2_000
    )
    # the page reloads after the departure is stored
    qtbot.waitUntil(page.safe_button.isEnabled, timeout=2_000)
    assert page.selected_id() == visit_id
    assert RiskLevel.GROEN.value in page.model.index(target, 2).data()


def test_the_letter_and_agenda_item_are_saved_where_the_person_chooses(
    qtbot: QtBot, demo: DemoEnv, tmp_path: Path
) -> None:
    chosen: list[str] = []

    def choose(_parent: object, _caption: str, suggested: str, _filter: str) -> str:
        chosen.append(suggested)
        return str(tmp_path / suggested)

    page = open_page(qtbot, demo)
    page.choose_save_path = choose
    page.select_row(0)
    visit_id = page.selected_id()
    click(qtbot, page.letter_button)
    click(qtbot, page.agenda_button)
    qtbot.waitUntil(lambda: len(chosen) == 2 and not demo.tasks.busy, timeout=10_000)
    assert chosen[0].startswith("aankondiging-") and chosen[0].endswith(".pdf")
    assert chosen[1] == f"huisbezoek-{visit_id}.ics"
    assert (tmp_path / chosen[0]).read_bytes().startswith(b"%PDF")
    assert b"BEGIN:VCALENDAR" in (tmp_path / chosen[1]).read_bytes()
    assert page.message_label.text() == f"✔ Opgeslagen: {chosen[1]}"
