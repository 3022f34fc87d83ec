"""The call dialog, driven like a buddy would: click or type, record, read what to do."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QRadioButton
from pytestqt.qtbot import QtBot

from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.domain.call_outcome import CallAction, CallDecision
from veilig_huisbezoek.domain.phone import format_phone
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.gui.call_dialog import CallDialog, load_call
from veilig_huisbezoek.services import visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.settings import load_settings, save_settings
from veilig_huisbezoek.services.visit_details import VisitDetail, get_visit_detail

pytestmark = pytest.mark.gui

LEFT = Qt.MouseButton.LeftButton
ALT = Qt.KeyboardModifier.AltModifier


def buddy_visit(ctx: ServiceContext) -> VisitDetail:
    """A running visit for which the actor is the buddy (with an open call-back)."""
    for summary in visits.list_visits(ctx, active_only=True):
        if summary.buddy_id == ctx.actor.account_id and summary.next_callback is not None:
            return get_visit_detail(ctx, summary.id)
    raise AssertionError("the demo has no running visit with this buddy")


def make_dialog(
    qtbot: QtBot, demo: DemoEnv, ctx: ServiceContext, detail: VisitDetail, *, due: bool = True
) -> CallDialog:
    callback = detail.next_callback
    assert callback is not None
    if due:
        demo.clock.set(callback.due_at + timedelta(seconds=30))
    dialog = CallDialog(ctx, load_call(ctx, detail.id), callback.id, demo.hub, demo.tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def click_record(qtbot: QtBot, dialog: CallDialog) -> None:
    """Vastleggen, and wait until it is saved (on the task runner)."""
    qtbot.mouseClick(dialog.record_button, LEFT)
    qtbot.waitUntil(lambda: dialog.decision is not None or dialog.error_label.isVisible())


def choose(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click where a person clicks: on the label of a radio button, on a push button."""
    if isinstance(button, QRadioButton):
        qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, LEFT)
    assert button.isChecked()


def test_shows_who_to_call_large_and_selectable(qtbot: QtBot, demo: DemoEnv) -> None:
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    dialog = make_dialog(qtbot, demo, ctx, detail)
    assert dialog.visitor_name_label.text() == detail.visitor.display_name
    phone = format_phone(detail.visitor.phone)
    assert phone.startswith("06")
    assert phone in dialog.phone_label.text()
    assert dialog.phone_label.font().pointSize() >= 24
    flags = dialog.phone_label.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert detail.address.short() in dialog.address_label.text()
    assert "Belmoment" in dialog.due_label.text()
    # Nothing chosen yet: the preview asks for the answer, Vastleggen waits.
    assert not dialog.record_button.isEnabled()
    assert "Kies eerst" in dialog.preview_title_label.text()
    assert not dialog.vrijuit_group.isEnabled()
    assert not dialog.politie_group.isEnabled()


def test_voornaam_ja_nee_is_all_well_and_stored_with_buddy_and_time(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    callback = detail.next_callback
    assert callback is not None
    dialog = make_dialog(qtbot, demo, ctx, detail)
    choose(qtbot, dialog.first_name_button)
    assert dialog.vrijuit_group.isEnabled() and dialog.politie_group.isEnabled()
    # Questions not asked yet: the preview warns.
    assert "Eerder terugbellen" in dialog.preview_title_label.text()
    assert "Stel ook beide vragen" in dialog.preview_label.text()
    choose(qtbot, dialog.vrijuit_yes)
    choose(qtbot, dialog.politie_no)
    assert "Alles in orde" in dialog.preview_title_label.text()
    with (
        qtbot.waitSignal(demo.hub.visits_changed, timeout=2000),
        qtbot.waitSignal(dialog.recorded, timeout=2000) as recorded,
    ):
        qtbot.mouseClick(dialog.record_button, LEFT)
    decision = recorded.args[0]
    assert isinstance(decision, CallDecision) and decision.action is CallAction.OK
    assert dialog.pages.currentWidget() is dialog.result_page
    assert "Alles in orde" in dialog.action_title_label.text()
    assert dialog.action_title_label.isVisible()
    assert not dialog.alarm_panel.isVisible()
    assert "Ahmed El Amrani" in dialog.recorded_label.text()

    stored = get_visit_detail(ctx, detail.id)
    call = stored.calls[-1]
    assert call.buddy == "Ahmed El Amrani"
    assert call.called_at == demo.clock.now()
    assert (call.reached, call.name_used, call.vrijuit, call.politie) == (
        True,
        "voornaam",
        True,
        False,
    )
    assert call.action == "ok"
    assert next(c for c in stored.callbacks if c.id == callback.id).status == "gedaan"
    assert stored.state is VisitState.ONDERWEG
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.close_button, LEFT)
    assert dialog.result() == 1


def test_achternaam_shows_the_police_panel_with_the_full_address(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    dialog = make_dialog(qtbot, demo, ctx, detail)
    choose(qtbot, dialog.last_name_button)
    assert "Bel nu de politie" in dialog.preview_title_label.text()
    click_record(qtbot, dialog)
    assert dialog.decision is not None and dialog.decision.action is CallAction.CALL_POLICE
    assert "Bel nu de politie" in dialog.action_title_label.text()
    assert dialog.alarm_panel.isVisible()
    full = detail.address.one_line()
    assert dialog.full_address_label.text() == full
    assert detail.address.postcode in full and detail.address.city in full
    assert "112" in dialog.police_label.text() and "0900-8844" in dialog.police_label.text()
    for person in detail.people_present:
        assert person.display_name in dialog.present_label.text()
        assert format_phone(person.phone) in dialog.present_label.text()
    assert detail.residents in dialog.residents_label.text()
    assert "Petra de Groot" in dialog.manager_label.text()
    assert "Houd de lijn open" in dialog.action_instruction_label.text()
    # The copy button is focused and puts the full address on the clipboard.
    assert dialog.copy_address_button.hasFocus() or not dialog.isActiveWindow()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_address_button, LEFT)
    assert QGuiApplication.clipboard().text() == full
    # Stored, and the visit is now escalated.
    stored = get_visit_detail(ctx, detail.id)
    assert stored.calls[-1].name_used == "achternaam"
    assert stored.calls[-1].action == "call_police"
    assert stored.state is VisitState.GEESCALEERD


def test_politie_ja_means_112(qtbot: QtBot, demo: DemoEnv) -> None:
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    dialog = make_dialog(qtbot, demo, ctx, detail)
    choose(qtbot, dialog.first_name_button)
    choose(qtbot, dialog.vrijuit_yes)
    choose(qtbot, dialog.politie_yes)
    assert "Bel nu 112" in dialog.preview_title_label.text()
    click_record(qtbot, dialog)
    assert dialog.decision is not None and dialog.decision.action is CallAction.CALL_112
    assert dialog.alarm_panel.isVisible()
    assert "112" in dialog.police_label.text()


def test_niet_bereikt_twice_escalates(qtbot: QtBot, demo: DemoEnv) -> None:
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    first = make_dialog(qtbot, demo, ctx, detail)
    choose(qtbot, first.first_name_button)
    choose(qtbot, first.vrijuit_yes)
    choose(qtbot, first.not_reached_button)
    # Not reached: the questions are off and are not stored.
    assert not first.vrijuit_group.isEnabled()
    assert "probeer het opnieuw" in first.preview_title_label.text()
    click_record(qtbot, first)
    assert first.decision is not None and first.decision.action is CallAction.RETRY
    assert "Volgend belmoment" in first.action_instruction_label.text()
    first.accept()

    retry = get_visit_detail(ctx, detail.id)
    assert retry.calls[-1].reached is False and retry.calls[-1].vrijuit is None
    follow_up = next(c for c in retry.callbacks if c.kind == "herhaling" and c.status == "open")
    assert follow_up.due_at == demo.clock.now() + timedelta(minutes=5)

    demo.clock.set(follow_up.due_at)
    second = CallDialog(ctx, load_call(ctx, detail.id), follow_up.id, demo.hub, demo.tasks)
    qtbot.addWidget(second)
    second.show()
    assert second.previous_misses == 1
    assert second.history_label.isVisible()
    assert "niet beantwoord" in second.history_label.text()
    choose(qtbot, second.not_reached_button)
    assert "Escaleer" in second.preview_title_label.text()
    click_record(qtbot, second)
    assert second.decision is not None and second.decision.action is CallAction.ESCALATE
    assert second.alarm_panel.isVisible()
    assert second.full_address_label.text() == detail.address.one_line()
    assert "Petra de Groot" in second.manager_label.text()
    stored = get_visit_detail(ctx, detail.id)
    assert [c.reached for c in stored.calls[-2:]] == [False, False]
    assert stored.calls[-1].action == "escalate"
    assert stored.state is VisitState.GEESCALEERD


def test_keyboard_only_with_shortcuts(qtbot: QtBot, demo: DemoEnv) -> None:
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    dialog = make_dialog(qtbot, demo, ctx, detail)
    qtbot.waitUntil(dialog.isActiveWindow)
    # A mnemonic "animates" the click: the button is checked a moment later.
    qtbot.keyClick(dialog, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(dialog.first_name_button.isChecked)
    qtbot.keyClick(dialog, Qt.Key.Key_J, ALT)
    qtbot.waitUntil(dialog.vrijuit_yes.isChecked)
    qtbot.keyClick(dialog, Qt.Key.Key_G, ALT)
    qtbot.waitUntil(dialog.politie_no.isChecked)
    assert "Alles in orde" in dialog.preview_title_label.text()
    focused = QApplication.focusWidget()
    assert focused is not None
    with qtbot.waitSignal(dialog.recorded, timeout=2000):
        qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert "Alles in orde" in dialog.action_title_label.text()
    assert get_visit_detail(ctx, detail.id).calls[-1].action == "ok"
    # Alt+S closes.
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)


def test_keyboard_only_with_tab_and_space(qtbot: QtBot, demo: DemoEnv) -> None:
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    dialog = make_dialog(qtbot, demo, ctx, detail)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.phone_label.hasFocus()

    def press(key: Qt.Key) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key)

    press(Qt.Key.Key_Tab)
    assert dialog.not_reached_button.hasFocus()
    press(Qt.Key.Key_Tab)
    assert dialog.first_name_button.hasFocus()
    press(Qt.Key.Key_Space)
    assert dialog.first_name_button.isChecked()
    press(Qt.Key.Key_Tab)
    assert dialog.last_name_button.hasFocus()
    press(Qt.Key.Key_Tab)  # into the first question
    assert dialog.vrijuit_yes.hasFocus()
    press(Qt.Key.Key_Space)
    assert dialog.vrijuit_yes.isChecked()
    press(Qt.Key.Key_Tab)
    assert dialog.politie_yes.hasFocus() or dialog.politie_no.hasFocus()
    if dialog.politie_yes.hasFocus():
        press(Qt.Key.Key_Right)  # arrows move within the ja/nee pair
    assert dialog.politie_no.hasFocus()
    press(Qt.Key.Key_Space)
    assert dialog.politie_no.isChecked()
    press(Qt.Key.Key_Tab)
    assert dialog.cancel_button.hasFocus()
    press(Qt.Key.Key_Tab)
    assert dialog.record_button.hasFocus()
    with qtbot.waitSignal(dialog.recorded, timeout=2000):
        press(Qt.Key.Key_Space)
    call = get_visit_detail(ctx, detail.id).calls[-1]
    assert (call.name_used, call.vrijuit, call.politie, call.action) == (
        "voornaam",
        True,
        False,
        "ok",
    )
    assert dialog.close_button.hasFocus()
    with qtbot.waitSignal(dialog.finished):
        press(Qt.Key.Key_Return)


def test_enter_does_nothing_until_an_outcome_is_chosen(qtbot: QtBot, demo: DemoEnv) -> None:
    """The number to call has the focus, not an answer: Enter (twice, as someone who
    expects to confirm) chooses and records nothing. Once chosen, Enter records that."""
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    dialog = make_dialog(qtbot, demo, ctx, detail)
    qtbot.waitUntil(dialog.isActiveWindow)

    def press(key: Qt.Key) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key)

    assert dialog.phone_label.hasFocus()
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return)
    assert dialog.outcome is None and dialog.decision is None
    assert not any(b.isChecked() for b in dialog.outcome_buttons())
    assert dialog.isVisible() and dialog.pages.currentWidget() is dialog.ask_page
    # On an answer that is not chosen, Enter does not choose it either.
    press(Qt.Key.Key_Tab)
    assert dialog.not_reached_button.hasFocus()
    press(Qt.Key.Key_Return)
    assert dialog.outcome is None and dialog.decision is None
    assert len(get_visit_detail(ctx, detail.id).calls) == len(detail.calls)
    # Chosen with Space: now Enter records it.
    press(Qt.Key.Key_Space)
    assert dialog.not_reached_button.isChecked()
    with qtbot.waitSignal(dialog.recorded, timeout=2000):
        press(Qt.Key.Key_Return)
    call = get_visit_detail(ctx, detail.id).calls[-1]
    assert (call.reached, call.action) == (False, "retry")
    assert dialog.close_button.hasFocus()


def test_enter_on_annuleren_cancels(qtbot: QtBot, demo: DemoEnv) -> None:
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    dialog = make_dialog(qtbot, demo, ctx, detail)
    qtbot.waitUntil(dialog.isActiveWindow)
    choose(qtbot, dialog.first_name_button)
    dialog.cancel_button.setFocus()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Return)
    assert dialog.decision is None
    assert len(get_visit_detail(ctx, detail.id).calls) == len(detail.calls)


def test_escape_records_nothing(qtbot: QtBot, demo: DemoEnv) -> None:
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    dialog = make_dialog(qtbot, demo, ctx, detail)
    choose(qtbot, dialog.last_name_button)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.decision is None
    assert len(get_visit_detail(ctx, detail.id).calls) == len(detail.calls)


def test_only_the_buddy_or_a_leidinggevende_records(qtbot: QtBot, demo: DemoEnv) -> None:
    petra = demo.login("petra")
    ahmed = demo.login("ahmed")
    theirs = next(
        v
        for v in visits.list_visits(ahmed, active_only=True)
        if v.buddy_id != ahmed.actor.account_id
    )
    dialog = CallDialog(ahmed, load_call(ahmed, theirs.id), None, demo.hub, demo.tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(qtbot, dialog.first_name_button)
    assert not dialog.record_button.isEnabled()
    assert dialog.error_label.isVisible()
    assert "Alleen de buddy" in dialog.error_label.text()
    # A leidinggevende may record it.
    other = CallDialog(petra, load_call(petra, theirs.id), None, demo.hub, demo.tasks)
    qtbot.addWidget(other)
    other.show()
    choose(qtbot, other.first_name_button)
    assert other.record_button.isEnabled()
    assert other.due_label.text() == "Extra belmoment (niet gepland)"


@pytest.mark.parametrize(
    ("retry_minutes", "text"),
    [(1, "Bel over 1 minuut opnieuw."), (12, "Bel over 12 minuten opnieuw.")],
)
def test_not_reached_names_the_retry_time_of_the_settings(
    qtbot: QtBot, demo: DemoEnv, retry_minutes: int, text: str
) -> None:
    tom = demo.login("tom")
    save_settings(tom, replace(load_settings(tom), retry_minutes=retry_minutes))
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    dialog = make_dialog(qtbot, demo, ctx, detail)
    choose(qtbot, dialog.not_reached_button)
    # What the buddy reads before recording ...
    assert text in dialog.preview_label.text()
    assert "5 minuten" not in dialog.preview_label.text()
    click_record(qtbot, dialog)
    decision = dialog.decision
    assert decision is not None and decision.action is CallAction.RETRY
    assert decision.retry_after == timedelta(minutes=retry_minutes)
    # ... and after: the same time as the new call-back.
    shown = dialog.action_instruction_label.text()
    assert shown.startswith(text)
    assert "Wordt er dan weer niet opgenomen, dan escaleert u." in shown
    follow_up = next(
        c
        for c in get_visit_detail(ctx, detail.id).callbacks
        if c.kind == "herhaling" and c.status == "open"
    )
    assert follow_up.due_at == demo.clock.now() + timedelta(minutes=retry_minutes)


def test_action_texts_are_the_domain_texts(qtbot: QtBot, demo: DemoEnv) -> None:
    # The dialog carries translatable copies; in Dutch they must equal the domain's.
    ctx = demo.login("ahmed")
    dialog = CallDialog(ctx, load_call(ctx, buddy_visit(ctx).id), None, demo.hub, demo.tasks)
    qtbot.addWidget(dialog)
    for action in CallAction:
        assert dialog.action_text(action) == (action.title, action.instruction)


def test_screenshot_call_dialog_achternaam(qtbot: QtBot, demo: DemoEnv, tmp_path: Path) -> None:
    ctx = demo.login("ahmed")
    detail = buddy_visit(ctx)
    dialog = make_dialog(qtbot, demo, ctx, detail)
    choose(qtbot, dialog.last_name_button)
    click_record(qtbot, dialog)
    qtbot.wait(50)
    target = tmp_path / "call-dialog-112.png"  # docs/ pictures: tools/take_screenshots.py
    assert dialog.grab().save(str(target))
    assert target.stat().st_size > 10_000


def test_recording_shows_it_is_saving_and_a_failure_keeps_the_choices(
    qtbot: QtBot, demo: DemoEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The call is written on the task runner: meanwhile the buttons wait and Vastleggen
    says it is saving; when it fails the dialog says so in Dutch and keeps what was
    chosen, so that the buddy can try again."""
    import threading

    from veilig_huisbezoek.gui import call_dialog
    from veilig_huisbezoek.storage.errors import StoreUnreachableError

    ctx = demo.login("ahmed")
    dialog = make_dialog(qtbot, demo, ctx, buddy_visit(ctx))
    choose(qtbot, dialog.first_name_button)
    choose(qtbot, dialog.vrijuit_yes)
    choose(qtbot, dialog.politie_no)
    release = threading.Event()

    def unreachable(*_args: object, **_kwargs: object) -> CallDecision:
        release.wait(5)
        raise StoreUnreachableError("weg")

    monkeypatch.setattr(call_dialog, "record_call", unreachable)
    qtbot.mouseClick(dialog.record_button, LEFT)
    assert dialog.saving and dialog.record_button.text() == "Bezig met opslaan…"
    assert not dialog.record_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert not any(b.isEnabled() for b in dialog.outcome_buttons())
    dialog.reject()  # not while saving
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not dialog.saving)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith("Het gesprek is niet vastgelegd: ")
    assert dialog.error_label.text().endswith("Uw keuzes staan er nog.")
    assert dialog.decision is None and dialog.pages.currentWidget() is dialog.ask_page
    assert dialog.first_name_button.isChecked() and dialog.vrijuit_yes.isChecked()
    assert dialog.politie_no.isChecked()
    assert dialog.record_button.isEnabled() and dialog.cancel_button.isEnabled()
    assert dialog.record_button.text() != "Bezig met opslaan…"
