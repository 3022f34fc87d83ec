"""The incident dialog driven as a person would: keyboard, clicks, save dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import file_mode
from tests.gui.conftest import DemoEnv
from tests.gui.test_accessibility import unlabelled_buddies, unnamed
from tests.gui.test_my_visits import plan_visit
from tests.presence_helpers import visit_buddy_present
from veilig_huisbezoek.domain.clock import to_local
from veilig_huisbezoek.domain.incident import MAX_ATTACHMENT_BYTES, AftercareTalk, Step
from veilig_huisbezoek.domain.register import NoteStatus
from veilig_huisbezoek.gui.incident_dialog import (
    TAB_AFTERCARE,
    TAB_EVIDENCE,
    TAB_NOTE,
    TAB_POLICE,
    TAB_REPORT,
    TAB_STEPS,
    IncidentDialog,
)
from veilig_huisbezoek.services import incidents, visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage.errors import StoreUnreachableError

pytestmark = pytest.mark.gui

WAT = "De zoon van de client schreeuwde en dreigde mij buiten op te wachten."


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def returned_visit(ctx: ServiceContext) -> int:
    visit_id = plan_visit(ctx)
    visit_buddy_present(ctx, visit_id)
    visits.depart(ctx, visit_id)
    visits.return_with_incident(ctx, visit_id)
    return visit_id


def open_dialog(
    qtbot: QtBot,
    demo: DemoEnv,
    ctx: ServiceContext,
    *,
    visit_id: int | None = None,
    incident_id: int | None = None,
) -> IncidentDialog:
    dialog = IncidentDialog(ctx, demo.tasks, visit_id=visit_id, incident_id=incident_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, dialog)  # read on the task runner
    return dialog


def settle(qtbot: QtBot, dialog: IncidentDialog) -> None:
    """Wait until what the dialog saves or reads on the task runner is done (and shown)."""
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


def click_and_settle(qtbot: QtBot, dialog: IncidentDialog, button: QAbstractButton) -> None:
    click(qtbot, button)
    settle(qtbot, dialog)


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def fill_report(qtbot: QtBot, dialog: IncidentDialog) -> None:
    pick(qtbot, dialog.category_combo, "D")
    assert dialog.category_combo.currentText().startswith("D —")
    dialog.wat_edit.setFocus()
    qtbot.keyClicks(dialog.wat_edit, WAT)
    dialog.waarmee_edit.setFocus()
    qtbot.keyClicks(dialog.waarmee_edit, "Geen voorwerpen")
    if not dialog.wie_edit.text():  # the demo visit names no client
        dialog.wie_edit.setFocus()
        qtbot.keyClicks(dialog.wie_edit, "Zoon van de client")


def file_report(qtbot: QtBot, dialog: IncidentDialog) -> int:
    with qtbot.waitSignal(dialog.filed, timeout=10_000, raising=False) as blocker:
        click(qtbot, dialog.file_button)
    settle(qtbot, dialog)
    assert blocker.signal_triggered, dialog.message_label.text()
    incident_id = blocker.args[0] if blocker.args else None
    assert isinstance(incident_id, int)
    return incident_id


def test_after_the_visit_the_form_is_prefilled_and_files_by_keyboard(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    sanne = demo.login("sanne")
    visit_id = returned_visit(sanne)
    dialog = open_dialog(qtbot, demo, sanne, visit_id=visit_id)
    assert "Prinsengracht 263" in dialog.context_label.text()
    assert "Prinsengracht 263" in dialog.waar_edit.text()
    assert dialog.channel_combo.currentText() == "Huisbezoek"
    assert not dialog.tabs.isTabEnabled(TAB_STEPS) and not dialog.pdf_button.isEnabled()
    fill_report(qtbot, dialog)
    assert "Grenzen stellen" in dialog.category_rule_label.text()
    assert "altijd aangifte" in dialog.category_rule_label.text()
    incident_id = file_report(qtbot, dialog)
    assert dialog.tabs.currentIndex() == TAB_STEPS and dialog.tabs.isTabEnabled(TAB_NOTE)
    assert "Melding ingediend (INC-2026-" in dialog.message_label.text()
    detail = incidents.get_incident(sanne, incident_id)
    assert detail.visit_id == visit_id and detail.report.wat == WAT
    assert detail.report.waarmee == "Geen voorwerpen"


def test_an_incomplete_form_names_the_missing_fields(qtbot: QtBot, demo: DemoEnv) -> None:
    sanne = demo.login("sanne")
    before = incidents.list_incidents(sanne)  # the demo's
    dialog = open_dialog(qtbot, demo, sanne)
    assert "Los van een bezoek" in dialog.context_label.text()
    click(qtbot, dialog.file_button)
    message = dialog.message_label.text()
    for field in ("Kanaal", "Soort gedrag", "Wie", "Wat", "Waar"):
        assert f"{field}:" in message
    assert incidents.list_incidents(sanne) == before  # nothing filed
    assert not dialog.tabs.isTabEnabled(TAB_STEPS)


def test_a_failed_save_keeps_what_was_typed_and_says_so(
    qtbot: QtBot, demo: DemoEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Filing and a tab's save run on the task runner: meanwhile the form says so; a
    lost server is said in Dutch and what was typed stays, ready to try again."""
    sanne = demo.login("sanne")
    dialog = open_dialog(qtbot, demo, sanne, visit_id=returned_visit(sanne))
    fill_report(qtbot, dialog)

    def unreachable(*_args: object, **_kwargs: object) -> None:
        raise StoreUnreachableError("De teamserver is niet bereikbaar.")

    with monkeypatch.context() as patch:
        patch.setattr(incidents, "file_incident", unreachable)
        click(qtbot, dialog.file_button)
        assert dialog.message_label.text() == "✔ Bezig met opslaan…"
        assert not dialog.file_button.isEnabled()  # not filed twice
        settle(qtbot, dialog)
    assert dialog.message_label.text() == "⚠ De teamserver is niet bereikbaar."
    assert dialog.wat_edit.toPlainText() == WAT and dialog.incident_id is None
    assert dialog.file_button.isEnabled()
    incident_id = file_report(qtbot, dialog)  # again, now it works

    dialog.tabs.setCurrentIndex(TAB_POLICE)
    dialog.reference_edit.setFocus()
    qtbot.keyClicks(dialog.reference_edit, "PL2300-2026-4711")
    with monkeypatch.context() as patch:
        patch.setattr(incidents, "record_police_report", unreachable)
        click_and_settle(qtbot, dialog, dialog.police_save_button)
    assert dialog.message_label.text() == "⚠ De teamserver is niet bereikbaar."
    assert dialog.reference_edit.text() == "PL2300-2026-4711"
    assert incidents.get_incident(sanne, incident_id).police_report is None


def test_steps_are_ticked_with_their_time(qtbot: QtBot, demo: DemoEnv) -> None:
    sanne = demo.login("sanne")
    dialog = open_dialog(qtbot, demo, sanne, visit_id=returned_visit(sanne))
    fill_report(qtbot, dialog)
    incident_id = file_report(qtbot, dialog)
    check = dialog.findChild(QCheckBox, f"step_{Step.VEILIGHEID.value}")
    assert check is not None
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert dialog.message_label.text() == "✔ Bezig met opslaan…"
    settle(qtbot, dialog)
    assert not dialog.message_label.isVisible()
    now = to_local(demo.clock.now()).strftime("%d-%m-%Y %H:%M")
    assert f"gedaan {now}" in check.text()
    assert "Nog te doen: leidinggevende geïnformeerd" in dialog.steps_status_label.text()
    detail = incidents.get_incident(sanne, incident_id)
    assert [s.step for s in detail.steps] == [Step.VEILIGHEID]


def test_aangifte_shows_the_24_hour_term_and_is_recorded(qtbot: QtBot, demo: DemoEnv) -> None:
    sanne = demo.login("sanne")
    dialog = open_dialog(qtbot, demo, sanne, visit_id=returned_visit(sanne))
    fill_report(qtbot, dialog)
    incident_id = file_report(qtbot, dialog)
    dialog.tabs.setCurrentIndex(TAB_POLICE)
    detail = incidents.get_incident(sanne, incident_id)
    due = to_local(detail.aangifte_due).strftime("%d-%m-%Y %H:%M")
    assert f"vóór {due}" in dialog.deadline_label.text()
    pick(qtbot, dialog.kind_combo, "Geen")
    click(qtbot, dialog.police_save_button)
    assert "Reden:" in dialog.message_label.text()
    dialog.kind_combo.setFocus()
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_Home)  # back to the first: aangifte
    assert dialog.kind_combo.currentText() == "Aangifte bij de politie"
    dialog.reference_edit.setFocus()
    qtbot.keyClicks(dialog.reference_edit, "PL2300-2026-4711")
    dialog.municipality_edit.setFocus()
    dialog.municipality_edit.selectAll()
    qtbot.keyClicks(dialog.municipality_edit, "Geleenstraat 27, 6411 HR Heerlen")
    click_and_settle(qtbot, dialog, dialog.police_save_button)
    assert "vastgelegd" in dialog.message_label.text()
    assert "VPT is niet genoemd" in dialog.police_warnings_label.text()
    police = incidents.get_incident(sanne, incident_id).police_report
    assert police is not None and police.police_reference == "PL2300-2026-4711"
    names = {d.name for d in incidents.incident_deadlines(sanne)}
    assert f"aangifte:{incident_id}" not in names


def test_only_the_leidinggevende_records_aftercare(qtbot: QtBot, demo: DemoEnv) -> None:
    sanne = demo.login("sanne")
    dialog = open_dialog(qtbot, demo, sanne, visit_id=returned_visit(sanne))
    fill_report(qtbot, dialog)
    incident_id = file_report(qtbot, dialog)
    assert not dialog.talk_buttons[AftercareTalk.EERSTE].isEnabled()
    petra = demo.login("petra")
    lead = open_dialog(qtbot, demo, petra, incident_id=incident_id)
    assert "Sanne Visser" in lead.context_label.text()
    lead.tabs.setCurrentIndex(TAB_AFTERCARE)
    outcome = lead.findChild(QComboBox, "talkOutcome_eerste")
    assert isinstance(outcome, QComboBox)
    pick(qtbot, outcome, "Gesprek")
    note = lead.findChild(QLineEdit, "talkNote_eerste")
    assert isinstance(note, QLineEdit)
    qtbot.keyClicks(note, "Stoom afgeblazen")
    click_and_settle(qtbot, lead, lead.talk_buttons[AftercareTalk.EERSTE])
    assert "Nazorggesprek vastgelegd" in lead.message_label.text()
    record = incidents.get_incident(petra, incident_id).aftercare[AftercareTalk.EERSTE]
    assert record.note == "Stoom afgeblazen"
    assert f"nazorg-eerste:{incident_id}" not in {
        d.name for d in incidents.incident_deadlines(petra)
    }


@pytest.mark.usefixtures("umask_022")
def test_evidence_files_are_added_limited_and_saved_where_chosen(
    qtbot: QtBot, demo: DemoEnv, tmp_path: Path
) -> None:
    sanne = demo.login("sanne")
    dialog = open_dialog(qtbot, demo, sanne)
    pick(qtbot, dialog.channel_combo, "Social")
    pick(qtbot, dialog.category_combo, "C")
    qtbot.keyClicks(dialog.wie_edit, "Onbekend account")
    qtbot.keyClicks(dialog.wat_edit, "Scheldpartij onder een bericht van de gemeente.")
    qtbot.keyClicks(dialog.waar_edit, "Facebookpagina gemeente")
    file_report(qtbot, dialog)
    shot = tmp_path / "bericht.png"
    shot.write_bytes(b"\x89PNG fake screenshot")
    huge = tmp_path / "film.mp4"
    with huge.open("wb") as f:
        f.truncate(MAX_ATTACHMENT_BYTES + 1)
    dialog.tabs.setCurrentIndex(TAB_EVIDENCE)
    chosen = iter([str(shot), str(huge)])
    dialog.choose_open_path = lambda _parent, _caption: next(chosen)
    click_and_settle(qtbot, dialog, dialog.add_attachment_button)
    assert dialog.attachment_list.count() == 1
    assert dialog.attachment_list.item(0).text().startswith("bericht.png — ")
    click(qtbot, dialog.add_attachment_button)
    assert "'film.mp4' is 10 MB; een bijlage mag hoogstens 10 MB zijn" in (
        dialog.message_label.text()
    )
    assert dialog.attachment_list.count() == 1
    dialog.attachment_list.setCurrentRow(0)
    target = tmp_path / "out" / "kopie.png"
    target.parent.mkdir()
    dialog.choose_save_path = lambda _p, _c, _s, _f: str(target)
    click_and_settle(qtbot, dialog, dialog.save_attachment_button)
    assert target.read_bytes() == shot.read_bytes()
    assert sorted(p.name for p in target.parent.iterdir()) == ["kopie.png"]
    assert file_mode(target) == 0o600  # evidence is personal: owner-only


@pytest.mark.usefixtures("umask_022")
def test_incident_form_pdf_goes_only_where_the_person_chooses(
    qtbot: QtBot, demo: DemoEnv, tmp_path: Path
) -> None:
    sanne = demo.login("sanne")
    dialog = open_dialog(qtbot, demo, sanne, visit_id=returned_visit(sanne))
    fill_report(qtbot, dialog)
    file_report(qtbot, dialog)
    asked: list[str] = []

    def choose(_parent: QWidget, _caption: str, suggested: str, _filter: str) -> str | None:
        asked.append(suggested)
        return None  # cancelled: nothing is written

    dialog.choose_save_path = choose
    click_and_settle(qtbot, dialog, dialog.pdf_button)
    assert asked and asked[0].startswith("INC-2026-") and asked[0].endswith(".pdf")
    out = tmp_path / "out"
    out.mkdir()
    assert list(out.iterdir()) == []
    target = out / "formulier.pdf"
    dialog.choose_save_path = lambda _p, _c, _s, _f: str(target)
    click_and_settle(qtbot, dialog, dialog.pdf_button)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.iterdir()] == ["formulier.pdf"]
    assert file_mode(target) == 0o600


def test_register_note_is_prefilled_and_proposed(qtbot: QtBot, demo: DemoEnv) -> None:
    sanne = demo.login("sanne")
    dialog = open_dialog(qtbot, demo, sanne, visit_id=returned_visit(sanne))
    fill_report(qtbot, dialog)
    incident_id = file_report(qtbot, dialog)
    dialog.tabs.setCurrentIndex(TAB_NOTE)
    assert dialog.note_street_edit.text() == "Prinsengracht"
    assert dialog.note_postcode_edit.text() == "1016 GV"
    assert dialog.note_category_combo.currentText() == "Bedreiging"
    assert WAT in dialog.note_description_edit.toPlainText()
    click_and_settle(qtbot, dialog, dialog.propose_note_button)
    assert "Notitie voorgesteld" in dialog.message_label.text()
    assert "status: voorgesteld" in dialog.note_status_label.text()
    assert not dialog.propose_note_button.isEnabled()
    assert incidents.get_incident(sanne, incident_id).note_status is NoteStatus.VOORGESTELD


def test_every_control_on_every_tab_is_named_and_labelled(qtbot: QtBot, demo: DemoEnv) -> None:
    sanne = demo.login("sanne")
    dialog = open_dialog(qtbot, demo, sanne, visit_id=returned_visit(sanne))
    fill_report(qtbot, dialog)
    file_report(qtbot, dialog)
    problems: list[str] = []
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        qtbot.wait(1)
        problems += [f"tab {tab}: {p}" for p in unnamed(dialog)]
    problems += unlabelled_buddies(dialog)
    assert problems == []
    # Alt+letter from a label reaches its field (Alt+W: Wanneer on tab 1).
    dialog.tabs.setCurrentIndex(TAB_REPORT)
    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert dialog.when_edit.hasFocus()
