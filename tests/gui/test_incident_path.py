"""Issue 5, "done when": the whole ONVEILIG path as one GUI test, driven as people would.

Sanne is out on a visit → *Terug, er was een incident* → she files the report (the
dialog my_visits opens after the return), ticks the immediate steps and proposes the
register note → the aangifte deadline and the three aftercare reminders are there for
the leidinggevende → Petra approves the note on the register page → Lotte prepares a
new visit at that address and is warned before anything else.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui import prepare_steps
from tests.gui.conftest import DemoEnv
from tests.gui.test_my_visits import answer_box, click, plan_visit
from tests.gui.test_my_visits import open_page as open_my_visits
from tests.presence_helpers import visit_buddy_present
from veilig_huisbezoek.domain.incident import AftercareTalk, Step
from veilig_huisbezoek.domain.register import NoteStatus
from veilig_huisbezoek.domain.reminders import ReminderKind, deadline_key, reminders_for
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.gui.incident_dialog import TAB_NOTE, IncidentDialog
from veilig_huisbezoek.gui.prepare_visit import STEP_ADDRESS
from veilig_huisbezoek.gui.register_page import RegisterPage
from veilig_huisbezoek.services import alarms, incidents, visits

pytestmark = pytest.mark.gui

WAT = "Bewoner werd agressief, gooide een asbak naar de medewerker en dreigde met meer."


def test_onveilig_path_from_return_to_the_next_colleagues_warning(
    qtbot: QtBot, demo: DemoEnv
) -> None:
    # ---- Sanne is out on a visit and comes back with an incident ----------------------
    sanne = demo.login("sanne")
    visit_id = plan_visit(sanne, start_in=timedelta(minutes=5))
    page = open_my_visits(qtbot, demo)
    page.select_visit(visit_id)
    visit_buddy_present(sanne, visit_id)
    click(qtbot, page.depart_button)
    qtbot.waitUntil(
        lambda: visits.get_visit(page.ctx, visit_id).state is VisitState.ONDERWEG, timeout=5_000
    )
    demo.clock.advance(timedelta(minutes=40))
    click(qtbot, page.incident_button)
    answer_box(qtbot, page, QMessageBox.StandardButton.Yes)
    assert visits.get_visit(page.ctx, visit_id).state is VisitState.TERUG_INCIDENT
    assert page.incident_panel.isVisible()

    # ---- the incident form opens by itself, for this visit ---------------------------
    dialog = page.incident_dialog
    assert isinstance(dialog, IncidentDialog) and dialog.visit_id == visit_id
    qtbot.waitExposed(dialog)
    assert "Prinsengracht 263" in dialog.waar_edit.text()
    prepare_steps.pick(qtbot, dialog.category_combo, "D")
    dialog.wie_edit.setFocus()
    qtbot.keyClicks(dialog.wie_edit, "Bewoner, man van ongeveer 40")
    dialog.wat_edit.setFocus()
    qtbot.keyClicks(dialog.wat_edit, WAT)
    dialog.waarmee_edit.setFocus()
    qtbot.keyClicks(dialog.waarmee_edit, "Asbak")
    prepare_steps.pick(qtbot, dialog.injury_combo, "Licht")
    dialog.injury_details_edit.setFocus()
    qtbot.keyClicks(dialog.injury_details_edit, "Blauwe plek op de arm")
    with qtbot.waitSignal(dialog.filed, timeout=10_000) as filed:
        click(qtbot, dialog.file_button)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    incident_id = filed.args[0] if filed.args else None
    assert isinstance(incident_id, int), dialog.message_label.text()

    for step in (Step.VEILIGHEID, Step.ALARM_112, Step.ARTS, Step.LEIDINGGEVENDE, Step.CAG):
        check = dialog.findChild(QCheckBox, f"step_{step.value}")
        assert check is not None
        check.setFocus()
        qtbot.keyClick(check, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)  # saved in the order ticked
    assert dialog.steps_status_label.text() == "Alle nodige stappen zijn vastgelegd."

    dialog.tabs.setCurrentIndex(TAB_NOTE)
    assert dialog.note_category_combo.currentText() == "Geweld"
    click(qtbot, dialog.propose_note_button)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "status: voorgesteld" in dialog.note_status_label.text()
    detail = incidents.get_incident(sanne, incident_id)
    assert detail.visit_id == visit_id and detail.open_steps == []
    note_id = detail.note_id
    assert note_id is not None

    # ---- aangifte deadline and aftercare reminders for the leidinggevende -------------
    petra = demo.login("petra")
    deadlines = {d.name: d for d in incidents.incident_deadlines(petra)}
    aangifte = deadlines[f"aangifte:{incident_id}"]
    assert aangifte.due_at == detail.report.occurred_at + timedelta(hours=24)
    for talk in AftercareTalk:
        assert f"nazorg-{talk.value}:{incident_id}" in deadlines
    pending = reminders_for(
        alarms.snapshot(petra, deadlines=list(deadlines.values())).reminders(),
        viewer_id=petra.actor.account_id,
        leidinggevende=True,
    )
    keys = {r.key for r in pending if r.kind is ReminderKind.DEADLINE}
    assert deadline_key(f"aangifte:{incident_id}") in keys
    assert deadline_key(f"nazorg-derde:{incident_id}") in keys
    # Sanne's own app does not alarm her with the leidinggevende's deadlines.
    assert not [
        r
        for r in reminders_for(
            alarms.snapshot(sanne, deadlines=incidents.incident_deadlines(sanne)).reminders(),
            viewer_id=sanne.actor.account_id,
            leidinggevende=False,
        )
        if r.kind is ReminderKind.DEADLINE
    ]

    # ---- Petra approves the proposed note on the register page -------------------------
    register_page = RegisterPage(petra, demo.tasks, demo.hub)
    qtbot.addWidget(register_page)
    register_page.resize(1366, 768)
    register_page.show()
    with qtbot.waitSignal(register_page.loaded, timeout=10_000):
        pass
    row = register_page.model.row_of(note_id)
    assert row is not None
    index = register_page.model.index(row, 1)
    register_page.table.scrollTo(index)
    qtbot.mouseClick(
        register_page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=register_page.table.visualRect(index).center(),
    )
    entry = register_page.selected_entry()
    assert entry is not None and entry.id == note_id
    assert entry.note.status is NoteStatus.VOORGESTELD
    with qtbot.waitSignal(register_page.loaded, timeout=10_000):
        qtbot.mouseClick(register_page.approve_button, Qt.MouseButton.LeftButton)
    assert "Notitie goedgekeurd" in register_page.message_label.text()
    assert incidents.get_incident(petra, incident_id).note_status is NoteStatus.ACTIEF

    # ---- Lotte prepares a new visit there: the warning comes first ---------------------
    prepare = prepare_steps.open_page(qtbot, demo, "lotte")
    prepare_steps.type_address(qtbot, prepare, *prepare_steps.SAFE_ADDRESS)
    assert prepare.current_step() == STEP_ADDRESS
    assert prepare.address_step.warning_panel.isVisible()
    warning = prepare.address_step.warning_text.text()
    assert "Geweld" in warning
    assert "asbak" in warning.lower()
    assert "Voorzorgsmaatregelen" in warning
