"""Tab 1 of the incident dialog: the GIR report (the 7 W's, category A–E with its rule,
channel, injury, witnesses, police)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QWidget,
)

from ..domain.errors import ValidationError, ValidationErrors
from ..domain.incident import BehaviourCategory, Channel, IncidentReport, Injury
from ..services.context import ServiceContext
from ..services.incidents import IncidentPrefill
from .forms_generated.ui_incident_dialog import Ui_IncidentDialogForm
from .i18n import domain_text
from .incident_host import select_data
from .incident_times import instant, set_local


class IncidentReportTab(QObject):
    """The report's fields: filled from a visit or a filed report, read into a report."""

    def __init__(self, ctx: ServiceContext, ui: Ui_IncidentDialogForm, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.when_edit = ui.whenEdit
        self.channel_combo = ui.channelCombo
        self.category_combo = ui.categoryCombo
        self.category_rule_label = ui.categoryRuleLabel
        self.wie_edit = ui.wieEdit
        self.wat_edit = ui.watEdit
        self.waar_edit = ui.waarEdit
        self.waarmee_edit = ui.waarmeeEdit
        self.wijze_edit = ui.wijzeEdit
        self.waarom_edit = ui.waaromEdit
        self.injury_combo = ui.injuryCombo
        self.injury_details_edit = ui.injuryDetailsEdit
        self.witnesses_edit = ui.witnessesEdit
        self.police_check = ui.policeCheck
        self._fill_choices()
        self.category_combo.currentIndexChanged.connect(self.category_changed)

    def _fill_choices(self) -> None:
        self.channel_combo.addItem(self.tr("— kies het kanaal —"), None)
        for channel in Channel:
            self.channel_combo.addItem(domain_text(channel.label), channel.value)
        self.category_combo.addItem(self.tr("— kies A tot en met E —"), None)
        for category in BehaviourCategory:
            self.category_combo.addItem(domain_text(category.label), category.value)
        for injury in Injury:
            self.injury_combo.addItem(domain_text(injury.label), injury.value)

    def category_changed(self, _index: int = 0) -> None:
        value = self.category_combo.currentData()
        if value is None:
            self.category_rule_label.setText(
                self.tr("Kies de soort gedrag; de regel van de organisatie verschijnt hier.")
            )
            return
        category = BehaviourCategory(value)
        text = self.tr("Regel: {rule}\nStandpunt organisatie: {position}").format(
            rule=domain_text(category.rule), position=domain_text(category.position)
        )
        if category.aangifte_advised:
            text += "\n" + self.tr(
                "Bij bedreiging en fysiek geweld wordt altijd aangifte gedaan, "
                "tenzij de omstandigheden anders vragen."
            )
        self.category_rule_label.setText(text)

    def prefill(self, prefill: IncidentPrefill) -> None:
        set_local(self.when_edit, prefill.occurred_at)
        select_data(self.channel_combo, prefill.channel.value)
        self.waar_edit.setText(prefill.waar)
        self.wie_edit.setText(prefill.wie)

    def show(self, report: IncidentReport) -> None:
        set_local(self.when_edit, report.occurred_at)
        select_data(self.channel_combo, report.channel.value)
        select_data(self.category_combo, report.category.value)
        self.wie_edit.setText(report.wie)
        self.wat_edit.setPlainText(report.wat)
        self.waar_edit.setText(report.waar)
        self.waarmee_edit.setText(report.waarmee)
        self.wijze_edit.setPlainText(report.wijze)
        self.waarom_edit.setPlainText(report.waarom)
        select_data(self.injury_combo, report.injury.value)
        self.injury_details_edit.setText(report.injury_details)
        self.witnesses_edit.setText(report.witnesses)
        self.police_check.setChecked(report.police_involved)

    def report(self) -> IncidentReport:
        """The report as filled in; every field's refusal at once (``ValidationErrors``)."""
        errors: list[ValidationError] = []
        occurred_at: datetime | None = None
        try:
            occurred_at = instant(self.when_edit, "Wanneer")
        except ValidationError as exc:
            errors.append(exc)
        try:
            report = IncidentReport.create(
                occurred_at=occurred_at or self.ctx.now(),
                channel=self.channel_combo.currentData(),
                category=self.category_combo.currentData(),
                wie=self.wie_edit.text(),
                wat=self.wat_edit.toPlainText(),
                waar=self.waar_edit.text(),
                waarmee=self.waarmee_edit.text(),
                wijze=self.wijze_edit.toPlainText(),
                waarom=self.waarom_edit.toPlainText(),
                injury=self.injury_combo.currentData(),
                injury_details=self.injury_details_edit.text(),
                witnesses=self.witnesses_edit.text(),
                police_involved=self.police_check.isChecked(),
                now=self.ctx.now(),
            )
        except ValidationErrors as exc:
            raise ValidationErrors(errors + exc.errors) from None
        if errors:
            raise ValidationErrors(errors)
        return report
