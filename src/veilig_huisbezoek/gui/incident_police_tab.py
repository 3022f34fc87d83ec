"""The incident dialog's police tab: the melding or aangifte, with its 24-hour term."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QWidget,
)

from ..domain.clock import to_local
from ..domain.incident import PoliceReport, ReportKind
from ..services import incidents
from ..services.incidents import IncidentDetail
from .forms_generated.ui_incident_dialog import Ui_IncidentDialogForm
from .i18n import domain_text
from .incident_host import IncidentHost, checked, select_data
from .incident_times import instant, set_local


class IncidentPoliceTab(QObject):
    def __init__(self, host: IncidentHost, ui: Ui_IncidentDialogForm, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.deadline_label = ui.deadlineLabel
        self.kind_combo = ui.kindCombo
        self.reported_by_edit = ui.reportedByEdit
        self.reported_at_edit = ui.reportedAtEdit
        self.reference_edit = ui.referenceEdit
        self.municipality_edit = ui.municipalityEdit
        self.vpt_check = ui.vptCheck
        self.reason_edit = ui.reasonEdit
        self.police_warnings_label = ui.policeWarningsLabel
        self.police_save_button = ui.policeSaveButton
        for kind in ReportKind:
            self.kind_combo.addItem(domain_text(kind.label), kind.value)
        self.kind_combo.currentIndexChanged.connect(self.kind_changed)
        self.police_save_button.clicked.connect(self.save)

    def kind_changed(self, _index: int = 0) -> None:
        none = self.kind_combo.currentData() == ReportKind.GEEN.value
        for widget in (self.reference_edit, self.municipality_edit, self.vpt_check):
            widget.setEnabled(not none)
        self.reason_edit.setEnabled(none)

    def show(self, detail: IncidentDetail) -> None:
        now = self.host.ctx.now()
        due = detail.aangifte_due
        police = detail.police_report
        due_text = to_local(due).strftime("%d-%m-%Y %H:%M")
        if police is not None:
            self.deadline_label.setText(
                self.tr("{kind} vastgelegd (termijn was {due}).").format(
                    kind=domain_text(police.kind.label), due=due_text
                )
            )
        elif now <= due:
            hours = int((due - now).total_seconds() // 3600)
            self.deadline_label.setText(
                self.tr(
                    "Melding of aangifte vóór {due} (nog {hours} uur). Aangifte gebeurt op het "
                    "adres van de gemeente, met de meldcode VPT."
                ).format(due=due_text, hours=hours)
            )
        else:
            self.deadline_label.setText(
                self.tr(
                    "De termijn van 24 uur is verstreken ({due}). Leg de melding nu vast."
                ).format(due=due_text)
            )
        if police is None:
            self.police_warnings_label.clear()
            return
        select_data(self.kind_combo, police.kind.value)
        self.reported_by_edit.setText(police.reported_by)
        set_local(self.reported_at_edit, police.reported_at)
        self.reference_edit.setText(police.police_reference)
        if police.municipality_address:
            self.municipality_edit.setPlainText(police.municipality_address)
        self.vpt_check.setChecked(police.vpt_mentioned)
        self.reason_edit.setPlainText(police.reason)
        self.police_warnings_label.setText(
            "\n".join(domain_text(w) for w in police.warnings(detail.report.occurred_at))
        )

    def save(self) -> None:
        host = self.host
        if host.detail is None or host.incident_id is None:
            return
        ctx, incident_id = host.ctx, host.incident_id
        occurred = host.detail.report.occurred_at
        report = checked(
            host,
            lambda: PoliceReport.create(
                kind=self.kind_combo.currentData(),
                reported_by=self.reported_by_edit.text(),
                reported_at=instant(self.reported_at_edit, "Gemeld op"),
                police_reference=self.reference_edit.text(),
                municipality_address=self.municipality_edit.toPlainText(),
                vpt_mentioned=self.vpt_check.isChecked(),
                reason=self.reason_edit.toPlainText(),
                occurred_at=occurred,
                now=ctx.now(),
            ),
        )
        if report is None:
            return

        def saved(_result: object) -> None:
            host.say(self.tr("Melding of aangifte vastgelegd."))
            host.announce_change(incident_id)

        host.run(lambda: incidents.record_police_report(ctx, incident_id, report), saved)
