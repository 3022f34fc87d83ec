"""Bezoek voorbereiden, driven as a person would: type, click, Tab, arrows and Space."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDateTimeEdit,
    QLabel,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests import helpers
from tests.gui.conftest import DemoEnv
from tests.gui.prepare_steps import (
    SAFE_ADDRESS,
    active_note,
    answer,
    checklist,
    click,
    fill_plan,
    listed,
    note_address,
    open_page,
    pick,
    shown,
    tick_colleague,
    type_address,
    walk_to_plan,
)
from tests.presence_helpers import visit_buddy_present
from veilig_huisbezoek.domain.checklist import Answer, RiskLevel
from veilig_huisbezoek.domain.clock import to_local
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.gui.level_badge import LevelBadge
from veilig_huisbezoek.gui.my_visits import MyVisitsPage
from veilig_huisbezoek.gui.prepare_visit import (
    STEP_ADDRESS,
    STEP_ADVICE,
    STEP_CHECK,
    STEP_PLAN,
    STEP_REVIEW,
    PrepareVisitPage,
    set_edit_naive,
)
from veilig_huisbezoek.services import planning, visits
from veilig_huisbezoek.services.visit_details import get_visit_detail

pytestmark = pytest.mark.gui

DOCS = Path(__file__).resolve().parents[2] / "docs"


# ------------------------------------------------------------------------ tests


def test_groen_happy_path_to_gepland_onderweg_and_back_safe(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    ctx = page.ctx
    my_visits = MyVisitsPage(ctx, demo.tasks, demo.hub)
    qtbot.addWidget(my_visits)
    my_visits.show()
    assert page.title == "Bezoek voorbereiden" and my_visits.title == "Mijn bezoeken"
    assert page.current_step() == STEP_ADDRESS
    assert "1 Adres" in page.step_labels[0].text()

    type_address(qtbot, page, *SAFE_ADDRESS)
    assert "Geen waarschuwing" in page.address_step.register_status.text()
    assert not page.address_step.warning_panel.isVisible()
    click(qtbot, page.next_button)

    assert page.current_step() == STEP_CHECK
    widget = checklist(page)
    register_item = widget.checklist.auto_item()
    assert register_item is not None and widget.is_auto(register_item.id)
    assert widget.answers()[register_item.id] is Answer.NEE
    answer(qtbot, page, {})
    assert page.checklist_step.check_badge.level() is RiskLevel.GROEN
    assert page.checklist_step.check_badge.text() == "● GROEN"
    assert "Groen" in page.checklist_step.check_advice_label.text()
    click(qtbot, page.next_button)

    assert page.current_step() == STEP_ADVICE
    assert page.advice_step.advice_badge.text() == "● GROEN"
    assert "alleen" in page.advice_step.advice_title.text()
    assert not page.advice_step.deviation_box.isVisible()
    assert not page.consent_step.consent_box.isVisible()
    click(qtbot, page.next_button)

    fill_plan(qtbot, page)
    start_local = to_local(demo.clock.now()) + timedelta(minutes=15)
    assert page.plan_step.start_edit.text() == start_local.strftime("%d-%m-%Y %H:%M")
    click(qtbot, page.next_button)

    assert page.current_step() == STEP_REVIEW
    assert "Prinsengracht 263" in page.review_step.review_address.text()
    assert "1016 GV Amsterdam" in page.review_step.review_address.text()
    summary = page.review_step.review_summary.text()
    assert "Ahmed El Amrani" in summary and "Dienstverlening" in summary
    assert page.review_step.review_badge.text() == "● GROEN"
    assert not page.review_step.concept_button.isVisible()

    with qtbot.waitSignal(page.planned, timeout=5_000) as planned:
        click(qtbot, page.review_step.save_button)
    visit_id = planned.args[0]
    assert isinstance(visit_id, int)
    # The form is cleared for the next visit; the message says where to go.
    assert page.current_step() == STEP_ADDRESS
    assert (
        page.address_step.street_edit.text() == "" and page.address_step.postcode_edit.text() == ""
    )
    assert "Bezoek gepland" in page.message_label.text()
    assert "Mijn bezoeken" in page.message_label.text()

    detail = get_visit_detail(ctx, visit_id)
    assert detail.state is VisitState.GEPLAND
    assert detail.level is RiskLevel.GROEN
    assert detail.buddy.display_name == "Ahmed El Amrani"
    assert detail.address.one_line() == "Prinsengracht 263, 1016 GV Amsterdam"
    assert detail.client_phone == "+31455605040"
    assert detail.announced_in_writing and not detail.interpreter
    assert detail.answers["register_notitie"] == "nee"
    assert set(detail.answers.values()) == {"nee"}
    assert detail.start == demo.clock.now() + timedelta(minutes=15)
    assert [c.due_at for c in detail.callbacks] == [
        detail.start + timedelta(minutes=10),
        detail.expected_return,
    ]

    # Mijn bezoeken heard visits_changed: the new visit is there and can depart.
    helpers.settle_page(qtbot, my_visits)
    row = my_visits.model.row_of(visit_id)
    assert row is not None
    my_visits.select_visit(visit_id)
    assert my_visits.selected_id() == visit_id
    assert not my_visits.safe_button.isEnabled()
    visit_buddy_present(ctx, visit_id)
    click(qtbot, my_visits.depart_button)
    qtbot.waitUntil(lambda: "onderweg" in my_visits.message_label.text(), timeout=5_000)
    assert visits.get_visit(ctx, visit_id).state is VisitState.ONDERWEG
    assert not my_visits.depart_button.isEnabled()

    click(qtbot, my_visits.safe_button)
    box = my_visits.confirm_box
    assert isinstance(box, QMessageBox)
    assert "veilig terug" in box.text()
    click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    assert visits.get_visit(ctx, visit_id).state is VisitState.TERUG_VEILIG
    assert my_visits.model.row_of(visit_id) is None
    assert "veilig" in my_visits.message_label.text()


def test_register_address_warns_first_and_rood_needs_the_leaders_signature(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    petra = demo.login("petra")
    note = active_note(petra, demo)
    page = open_page(qtbot, demo)
    ctx = page.ctx
    before = len(visits.list_visits(ctx))

    # The warning shows on the address step, as soon as postcode + number are known.
    type_address(qtbot, page, *note_address(note))
    assert page.current_step() == STEP_ADDRESS
    assert page.address_step.warning_panel.isVisible()
    assert page.address_step.warning_panel.accessibleName() == "Waarschuwing onveilig adres"
    warning = page.address_step.warning_text.text()
    assert note.category.label in warning
    assert note.incident_date.strftime("%d-%m-%Y") in warning
    assert note.description[:30] in warning
    assert "Voorzorgsmaatregelen" in warning
    click(qtbot, page.next_button)

    # The register question is answered "ja", read-only; the level is rood.
    assert page.current_step() == STEP_CHECK
    assert page.address_step.warning_panel.isVisible()
    widget = checklist(page)
    item = widget.checklist.auto_item()
    assert item is not None
    assert widget.answers()[item.id] is Answer.JA
    assert all(not b.isEnabled() for b in widget.buttons(item.id))
    answer(qtbot, page, {})
    assert page.checklist_step.check_badge.level() is RiskLevel.ROOD
    assert page.checklist_step.check_badge.text() == "■ ROOD"
    assert page.step_badge.level() is RiskLevel.ROOD
    assert "Rood" in page.checklist_step.check_advice_label.text()
    assert "0900-8844" in page.checklist_step.check_advice_text.text()
    assert "register" in page.checklist_step.check_reasons_label.text()
    click(qtbot, page.next_button)

    assert page.current_step() == STEP_ADVICE
    assert "Rood" in page.advice_step.advice_title.text()
    assert "0900-8844" in page.advice_step.precautions_label.text()
    assert page.consent_step.consent_box.isVisible()
    assert "Nog geen toestemming" in page.consent_step.consent_status.text()
    tick_colleague(page, "Lotte")
    assert page.colleague_ids()
    assert not page.advice_step.deviation_box.isVisible()
    click(qtbot, page.next_button)
    fill_plan(qtbot, page)
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_REVIEW
    assert (
        page.review_step.review_consent_button.isVisible()
        and page.review_step.concept_button.isVisible()
    )

    # Without consent: refused, in Dutch, and nothing is stored.
    click(qtbot, page.review_step.save_button)
    refusal = shown(page.review_step.save_error)
    assert "Toestemming leidinggevende" in refusal
    assert "toestemming van uw leidinggevende" in refusal
    assert page.current_step() == STEP_REVIEW
    assert len(visits.list_visits(ctx)) == before

    # Petra co-signs at this workstation.
    click(qtbot, page.review_step.review_consent_button)
    dialog = page.consent_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.user_edit, "petra")
    qtbot.keyClicks(dialog.password_edit, "demo-petra-2026")
    qtbot.keyClicks(dialog.reason_edit, "Met politie afgestemd; gesprek bij de voordeur.")
    click(qtbot, dialog.sign_button)
    qtbot.waitUntil(lambda: page.consent is not None, timeout=15_000)
    assert page.consent is not None and page.consent.lead.username == "petra"
    assert "Petra de Groot" in page.review_step.review_consent.text()
    assert not page.review_step.concept_button.isVisible()

    with qtbot.waitSignal(page.planned, timeout=5_000) as planned:
        click(qtbot, page.review_step.save_button)
    detail = get_visit_detail(ctx, planned.args[0])
    assert detail.state is VisitState.GEPLAND
    assert detail.level is RiskLevel.ROOD
    assert detail.consent_by == "Petra de Groot"
    assert detail.consent_reason.startswith("Met politie afgestemd")
    assert [c.display_name for c in detail.colleagues] == ["Lotte Bakker"]
    assert detail.answers[item.id] == "ja"
    # rood: a call-back every 30 minutes between arrival and return
    assert len(detail.callbacks) == 3


def test_the_signature_dialog_refuses_a_wrong_password_and_a_medewerker(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    petra = demo.login("petra")
    page = open_page(qtbot, demo)
    type_address(qtbot, page, *note_address(active_note(petra, demo)))
    click(qtbot, page.next_button)
    answer(qtbot, page, {})
    click(qtbot, page.next_button)
    click(qtbot, page.consent_step.consent_now_button)
    dialog = page.consent_dialog
    assert dialog is not None

    qtbot.keyClicks(dialog.user_edit, "petra")
    qtbot.keyClicks(dialog.password_edit, "niet-het-wachtwoord")
    qtbot.keyClicks(dialog.reason_edit, "te kort")
    click(qtbot, dialog.sign_button)
    assert "Reden toestemming" in dialog.error_label.text()
    dialog.reason_edit.setPlainText("Bezoek noodzakelijk, politie is ingelicht.")
    click(qtbot, dialog.sign_button)
    qtbot.waitUntil(lambda: "Onjuiste" in dialog.error_label.text(), timeout=15_000)
    assert dialog.error_label.text() == "⚠ Onjuiste gebruikersnaam of wachtwoord"
    assert dialog.password_edit.text() == ""

    dialog.user_edit.clear()
    qtbot.keyClicks(dialog.user_edit, "ahmed")
    qtbot.keyClicks(dialog.password_edit, "demo-ahmed-2026")
    click(qtbot, dialog.sign_button)
    qtbot.waitUntil(lambda: "leidinggevende" in dialog.error_label.text(), timeout=15_000)
    assert "geen leidinggevende" in dialog.error_label.text()
    assert page.consent is None
    click(qtbot, dialog.cancel_button)
    assert page.consent_dialog is None
    assert "Nog geen toestemming" in page.consent_step.consent_status.text()


def test_rood_consent_later_saves_a_concept_the_leader_can_consent_to(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    petra = demo.login("petra")
    page = open_page(qtbot, demo)
    walk_to_plan(
        qtbot,
        page,
        {"wapens": Answer.JA},
        colleagues=("Lotte",),
    )
    assert page.level() is RiskLevel.ROOD
    click(qtbot, page.back_button)
    click(qtbot, page.consent_step.consent_later_button)
    assert "later toestemming" in page.consent_step.consent_status.text()
    click(qtbot, page.next_button)
    fill_plan(qtbot, page)
    click(qtbot, page.next_button)
    assert not page.review_step.save_button.isVisible()
    with qtbot.waitSignal(page.planned, timeout=5_000) as planned:
        click(qtbot, page.review_step.concept_button)
    visit_id = planned.args[0]
    assert "concept" in page.message_label.text()
    assert visits.get_visit(page.ctx, visit_id).state is VisitState.CONCEPT
    assert visit_id in [v.id for v in planning.pending_consents(petra)]


def test_going_alone_on_oranje_needs_a_recorded_reason(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    type_address(qtbot, page, *SAFE_ADDRESS)
    click(qtbot, page.next_button)
    answer(qtbot, page, {"handhaving": Answer.JA, "onaangekondigd": Answer.JA})
    assert page.checklist_step.check_badge.text() == "▲ ORANJE"
    click(qtbot, page.next_button)

    assert page.current_step() == STEP_ADVICE
    assert page.advice_step.deviation_box.isVisible()
    assert "oranje" in page.advice_step.deviation_help.text()
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_ADVICE
    refusal = shown(page.advice_step.deviation_error)
    assert "Reden afwijking" in refusal and "alleen gaat" in refusal
    assert "Nog niet compleet" in page.message_label.text()

    # With a colleague the reason is not needed; alone again it is.
    tick_colleague(page, "Lotte")
    assert not page.advice_step.deviation_box.isVisible()
    tick_colleague(page, "Lotte")
    assert page.advice_step.deviation_box.isVisible()

    reason = "Collega's ziek; korte controle aan de deur, buddy belt na 10 minuten."
    page.advice_step.deviation_edit.setFocus()
    qtbot.keyClicks(page.advice_step.deviation_edit, reason)
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_PLAN
    fill_plan(qtbot, page)
    click(qtbot, page.next_button)
    assert reason in page.review_step.review_summary.text()
    with qtbot.waitSignal(page.planned, timeout=5_000) as planned:
        click(qtbot, page.review_step.save_button)
    detail = get_visit_detail(page.ctx, planned.args[0])
    assert detail.level is RiskLevel.ORANJE
    assert detail.deviation_reason == reason
    assert detail.colleagues == ()


def test_bad_input_shows_dutch_messages_at_the_field_and_keeps_what_was_typed(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    page = open_page(qtbot, demo)
    type_address(qtbot, page, "Prinsengracht", "263", "", "0123 AB", "")
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_ADDRESS
    assert "Postcode" in shown(page.address_step.postcode_error)
    assert "begint niet met een 0" in shown(page.address_step.postcode_error)
    assert "Plaats" in shown(page.address_step.city_error) and "verplicht" in shown(
        page.address_step.city_error
    )
    assert shown(page.address_step.street_error) == ""
    assert page.address_step.postcode_edit.text() == "0123 AB"
    assert page.address_step.street_edit.text() == "Prinsengracht"

    page.address_step.postcode_edit.clear()
    qtbot.keyClicks(page.address_step.postcode_edit, "1016gv")
    qtbot.keyClicks(page.address_step.city_edit, "Amsterdam")
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_CHECK
    assert shown(page.address_step.postcode_error) == ""
    assert page.address_step.step_address_label.text() == "Prinsengracht 263, 1016 GV Amsterdam"

    # The checklist must be complete before the advice.
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_CHECK
    assert "Beantwoord eerst alle vragen" in page.message_label.text()
    answer(qtbot, page, {})
    click(qtbot, page.next_button)
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_PLAN

    qtbot.keyClicks(page.plan_step.residents_edit, "Fam. Bosch")
    qtbot.keyClicks(page.plan_step.phone_edit, "12345")
    # Move the return before the start with the keyboard: hour section, arrow down.
    page.plan_step.return_edit.setFocus()
    page.plan_step.return_edit.setCurrentSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClick(page.plan_step.return_edit, Qt.Key.Key_Down)
    qtbot.keyClick(page.plan_step.return_edit, Qt.Key.Key_Down)
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_PLAN
    assert "geen geldig telefoonnummer" in shown(page.plan_step.phone_error)
    assert "moet na het begin" in shown(page.plan_step.return_error)
    assert "kies de reden" in shown(page.plan_step.reason_error)
    assert "kies een buddy" in shown(page.plan_step.buddy_error)
    # nothing typed is lost
    assert page.plan_step.phone_edit.text() == "12345"
    assert page.plan_step.residents_edit.text() == "Fam. Bosch"

    page.plan_step.phone_edit.clear()
    qtbot.keyClicks(page.plan_step.phone_edit, "06-12345678")
    page.plan_step.return_edit.setFocus()
    page.plan_step.return_edit.setCurrentSection(QDateTimeEdit.Section.HourSection)
    for _ in range(3):
        qtbot.keyClick(page.plan_step.return_edit, Qt.Key.Key_Up)
    pick(qtbot, page.plan_step.reason_combo, "Prev")
    pick(qtbot, page.plan_step.buddy_combo, "Petra")
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_REVIEW
    assert shown(page.plan_step.phone_error) == "" and shown(page.plan_step.return_error) == ""
    assert "06 12345678" in page.review_step.review_summary.text()


def test_the_repeated_autumn_hour_asks_which_one(qtbot: QtBot, demo: DemoEnv) -> None:
    demo.clock.set(datetime(2026, 10, 24, 20, 0, tzinfo=UTC))
    page = open_page(qtbot, demo)
    walk_to_plan(qtbot, page)
    fill_plan(qtbot, page)
    set_edit_naive(page.plan_step.start_edit, datetime(2026, 10, 25, 2, 30))
    assert page.plan_step.start_edit.text() == "25-10-2026 02:30"
    assert page.plan_step.start_fold_box.isVisible()
    click(qtbot, page.next_button)
    assert "komt twee keer voor" in shown(page.plan_step.start_error)
    page.plan_step.start_fold[1].setFocus()
    qtbot.keyClick(page.plan_step.start_fold[1], Qt.Key.Key_Space)
    assert page.plan_step.start_fold[1].isChecked()
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_REVIEW
    assert "02:30" in page.review_step.review_summary.text()
    with qtbot.waitSignal(page.planned, timeout=5_000) as planned:
        click(qtbot, page.review_step.save_button)
    detail = get_visit_detail(page.ctx, planned.args[0])
    # the second 02:30 (wintertijd) is 01:30 UTC
    assert detail.start == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_callbacks_follow_the_level_and_can_be_edited(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)  # the demo clock: Monday 23-11-2026 09:00
    walk_to_plan(qtbot, page)
    assert listed(page) == ["23-11-2026 09:25", "23-11-2026 10:15"]
    assert "Standaard" in page.plan_step.callbacks.callbacks_note.text()

    # Back to the checklist: oranje adds a call every 30 minutes.
    click(qtbot, page.back_button)
    click(qtbot, page.back_button)
    answer(qtbot, page, {"handhaving": Answer.JA, "dieren": Answer.JA})
    assert page.level() is RiskLevel.ORANJE
    click(qtbot, page.next_button)
    tick_colleague(page, "Lotte")
    click(qtbot, page.next_button)
    assert listed(page) == ["23-11-2026 09:25", "23-11-2026 09:55", "23-11-2026 10:15"]
    assert "elk half uur" in page.plan_step.callbacks.callbacks_note.text()

    # A later return re-fills the defaults while nothing was edited by hand.
    page.plan_step.return_edit.setFocus()
    page.plan_step.return_edit.setCurrentSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClick(page.plan_step.return_edit, Qt.Key.Key_Up)
    assert listed(page) == [
        "23-11-2026 09:25",
        "23-11-2026 09:55",
        "23-11-2026 10:25",
        "23-11-2026 10:55",
        "23-11-2026 11:15",
    ]

    # Change the selected moment, add one, remove one.
    page.plan_step.callbacks.callback_list.setCurrentRow(1)
    assert page.plan_step.callbacks.callback_edit.text() == "23-11-2026 09:55"
    page.plan_step.callbacks.callback_edit.setFocus()
    page.plan_step.callbacks.callback_edit.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
    for _ in range(5):
        qtbot.keyClick(page.plan_step.callbacks.callback_edit, Qt.Key.Key_Down)
    assert page.plan_step.callbacks.callback_edit.text() == "23-11-2026 09:50"
    click(qtbot, page.plan_step.callbacks.change_callback_button)
    assert listed(page)[1] == "23-11-2026 09:50"
    qtbot.keyClick(page.plan_step.callbacks.callback_edit, Qt.Key.Key_Down)
    click(qtbot, page.plan_step.callbacks.add_callback_button)
    assert "23-11-2026 09:49" in listed(page)
    page.plan_step.callbacks.callback_list.setCurrentRow(len(listed(page)) - 2)
    removed = listed(page)[-2]
    click(qtbot, page.plan_step.callbacks.remove_callback_button)
    assert removed not in listed(page)
    edited = listed(page)
    assert "zelf aangepast" in page.plan_step.callbacks.callbacks_note.text()

    # Edited moments stay when the times change; "Standaard herstellen" re-fills.
    qtbot.keyClick(page.plan_step.return_edit, Qt.Key.Key_Down)
    assert listed(page) == edited
    click(qtbot, page.plan_step.callbacks.reset_callbacks_button)
    assert listed(page) == ["23-11-2026 09:25", "23-11-2026 09:55", "23-11-2026 10:15"]

    # An edited list is what gets stored.
    click(qtbot, page.plan_step.callbacks.remove_callback_button)
    kept = listed(page)
    fill_plan(qtbot, page)
    click(qtbot, page.next_button)
    with qtbot.waitSignal(page.planned, timeout=5_000) as planned:
        click(qtbot, page.review_step.save_button)
    detail = get_visit_detail(page.ctx, planned.args[0])
    assert [to_local(c.due_at).strftime("%d-%m-%Y %H:%M") for c in detail.callbacks] == kept


def test_the_checklist_can_be_answered_with_the_keyboard_only(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    type_address(qtbot, page, *SAFE_ADDRESS)
    click(qtbot, page.next_button)
    assert page.current_step() == STEP_CHECK
    widget = checklist(page)
    items = [it for it in widget.checklist.items if not widget.is_auto(it.id)]

    def focused() -> QWidget:
        current = QApplication.focusWidget()
        assert current is not None
        return current

    # Focus starts on the first question; every row: Space = ja, Right = nee, Tab = next.
    assert focused().accessibleName() == f"{items[0].text}: ja"
    for index, item in enumerate(items):
        assert focused().accessibleName() == f"{item.text}: ja", index
        qtbot.keyClick(focused(), Qt.Key.Key_Space)
        assert widget.answers()[item.id] is Answer.JA
        qtbot.keyClick(focused(), Qt.Key.Key_Right)
        assert widget.answers()[item.id] is Answer.NEE
        assert focused().accessibleName() == f"{item.text}: nee"
        if item.id == "dieren":  # and "weet ik niet" is one more arrow away
            qtbot.keyClick(focused(), Qt.Key.Key_Right)
            assert widget.answers()[item.id] is Answer.WEET_NIET
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    # After the last question (the register row is read-only) the level panel beside
    # the questions (to scroll it with the arrows), then the buttons.
    assert focused().objectName() == "levelScroll"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.back_button
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is page.next_button
    assert page.level() is RiskLevel.GROEN
    qtbot.keyClick(page.next_button, Qt.Key.Key_Space)
    assert page.current_step() == STEP_ADVICE
    assert focused() is page.advice_step.colleague_list


def test_inputs_have_labels_and_dutch_accessible_names(qtbot: QtBot, demo: DemoEnv) -> None:
    page = open_page(qtbot, demo)
    for label in page.findChildren(QLabel):
        partner = label.buddy()
        if partner is not None and label.objectName():
            assert "&" in label.text(), label.objectName()
            assert partner.accessibleName(), partner.objectName()
    for edit in (
        page.address_step.street_edit,
        page.address_step.number_edit,
        page.address_step.addition_edit,
        page.address_step.postcode_edit,
        page.address_step.city_edit,
        page.plan_step.reason_combo,
        page.plan_step.residents_edit,
        page.plan_step.clients_edit,
        page.plan_step.phone_edit,
        page.plan_step.start_edit,
        page.plan_step.return_edit,
        page.plan_step.buddy_combo,
        page.plan_step.callbacks.callback_list,
        page.plan_step.callbacks.callback_edit,
        page.advice_step.colleague_list,
        page.advice_step.roles_edit,
        page.advice_step.deviation_edit,
    ):
        assert edit.accessibleName(), edit.objectName()
        assert any(label.buddy() is edit for label in page.findChildren(QLabel)), edit
    badge = LevelBadge(RiskLevel.ORANJE)
    qtbot.addWidget(badge)
    assert badge.text() == "▲ ORANJE"
    assert badge.accessibleName() == "Risiconiveau: oranje"
    badge.set_level(None)
    assert "nog niet bepaald" in badge.accessibleName()


def test_screenshot_of_the_rood_checklist(qtbot: QtBot, demo: DemoEnv, tmp_path: Path) -> None:
    """The checklist step with the rood advice, at a common laptop size.

    Set VH_SCREENSHOTS=1 to refresh docs/prepare-visit-rood.png.
    """
    petra = demo.login("petra")
    ctx = demo.login("sanne")
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    page = PrepareVisitPage(ctx, demo.tasks, demo.hub)
    tabs.addTab(page, page.title)
    tabs.addTab(MyVisitsPage(ctx, demo.tasks, demo.hub), "Mijn bezoeken")
    tabs.resize(1366, 768)
    tabs.show()
    qtbot.waitExposed(tabs)
    type_address(qtbot, page, *note_address(active_note(petra, demo)))
    click(qtbot, page.next_button)
    answer(qtbot, page, {"handhaving": Answer.JA})
    assert page.checklist_step.check_badge.level() is RiskLevel.ROOD
    target = DOCS / "prepare-visit-rood.png" if os.environ.get("VH_SCREENSHOTS") else None
    qtbot.wait(100)  # let pending layout requests settle before taking the picture
    image = tabs.grab()
    assert image.width() == 1366
    assert image.save(str(target or tmp_path / "prepare-visit-rood.png"))
