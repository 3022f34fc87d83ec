"""Consent for rood visits: the request shows up, consent is recorded, the request goes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.checklist import Answer, RiskLevel, assess, default_checklist
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.domain.visit import VisitPlan, VisitReason, default_callbacks
from veilig_huisbezoek.gui.consent_page import ConsentPage
from veilig_huisbezoek.services import visits
from veilig_huisbezoek.services.accounts import find_account_id
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.history import pending_consents
from veilig_huisbezoek.services.visit_details import get_visit_detail

pytestmark = pytest.mark.gui

ADDRESS = Address("Voskuilenweg", 33, "", "6416 AJ", "Heerlen")


def rood_concept(demo: DemoEnv) -> int:
    """Sanne plans a rood visit with Ahmed going along and Lotte as buddy."""
    sanne = demo.login("sanne")
    checklist = default_checklist()
    answers = {item.id: Answer.NEE for item in checklist.items}
    answers["wapens"] = Answer.JA
    result = assess(checklist, answers)
    assert result.level is RiskLevel.ROOD
    start = demo.clock.now() + timedelta(hours=3)
    end = start + timedelta(hours=1)
    plan = VisitPlan.create(
        reason=VisitReason.HANDHAVING,
        address=ADDRESS,
        residents="Dhr. Kurt",
        clients="Dhr. Kurt",
        client_phone_text="045-5712345",
        start=start,
        expected_return=end,
        visitor_id=sanne.actor.account_id,
        colleague_ids=(find_account_id(sanne, "ahmed"),),
        roles_note="Sanne voert het gesprek, Ahmed observeert.",
        interpreter=False,
        announced_in_writing=True,
        buddy_id=find_account_id(sanne, "lotte"),
        callbacks=default_callbacks(start, end, RiskLevel.ROOD),
        now=demo.clock.now(),
    )
    return visits.save_visit(sanne, plan, result)


def open_page(qtbot: QtBot, demo: DemoEnv, user: str) -> tuple[ConsentPage, ServiceContext]:
    ctx = demo.login(user)
    page = helpers.open_page(qtbot, ConsentPage(ctx, demo.tasks, demo.hub), exposed=False)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    return page, ctx


def test_nothing_waiting_says_so(qtbot: QtBot, demo: DemoEnv) -> None:
    page, _petra = open_page(qtbot, demo, "petra")
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible() and not page.table.isVisible()
    assert not page.consent_button.isEnabled()
    assert page.title == "Toestemming rood"


def test_giving_consent_records_it_and_removes_the_request(qtbot: QtBot, demo: DemoEnv) -> None:
    visit_id = rood_concept(demo)
    page, petra = open_page(qtbot, demo, "petra")
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "Sanne Visser"
    assert page.model.index(0, 1).data() == ADDRESS.one_line()
    assert page.model.index(0, 3).data() == "Ahmed El Amrani"
    text = page.request_view.toPlainText()
    assert 'Ernstige factor "Wapens (mogelijk) aanwezig": ja → rood' in text
    assert "Lotte Bakker" in text and "0900-8844" in text
    # Too short a reason: refused in Dutch, nothing stored.
    qtbot.keyClicks(page.reason_edit, "Prima")
    with qtbot.waitSignal(page.action_failed, timeout=10_000):
        qtbot.mouseClick(page.consent_button, Qt.MouseButton.LeftButton)
    assert page.message_label.text().startswith("Niet gelukt: Reden toestemming:")
    assert get_visit_detail(petra, visit_id).consent_by == ""
    page.reason_edit.clear()
    qtbot.keyClicks(page.reason_edit, "Onvermijdelijk; politie is vooraf ingelicht.")
    with (
        qtbot.waitSignal(demo.hub.visits_changed, timeout=10_000),
        qtbot.waitSignal(page.loaded, timeout=10_000),
    ):
        qtbot.mouseClick(page.consent_button, Qt.MouseButton.LeftButton)
    assert "Toestemming vastgelegd voor Voskuilenweg 33" in page.message_label.text()
    assert page.model.rowCount() == 0 and page.empty_label.isVisible()
    detail = get_visit_detail(petra, visit_id)
    assert detail.consent_by == "Petra de Groot"
    assert detail.consent_reason == "Onvermijdelijk; politie is vooraf ingelicht."
    assert [e.kind for e in detail.events][-1] == "toestemming"
    # Sanne may now schedule it.
    visits.schedule_visit(demo.login("sanne"), visit_id)


def test_enter_opens_the_visit_details(qtbot: QtBot, demo: DemoEnv) -> None:
    visit_id = rood_concept(demo)
    page, _petra = open_page(qtbot, demo, "petra")
    page.table.setFocus()
    with qtbot.waitSignal(demo.hub.show_visit, timeout=2_000) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [visit_id]


def test_only_a_leidinggevende_sees_requests(qtbot: QtBot, demo: DemoEnv) -> None:
    rood_concept(demo)
    page, sanne = open_page(qtbot, demo, "sanne")
    assert page.model.rowCount() == 0
    assert page.message_label.text() == (
        "Niet gelukt: Geen toestemming: alleen een leidinggevende geeft toestemming bij rood."
    )
    with pytest.raises(PermissionDenied):
        pending_consents(sanne)
    with pytest.raises(PermissionDenied):
        pending_consents(demo.login("tom"))


def test_consent_model(qtmodeltester: ModelTester, demo: DemoEnv, qtbot: QtBot) -> None:
    rood_concept(demo)
    page, _petra = open_page(qtbot, demo, "petra")
    qtmodeltester.check(page.model)
