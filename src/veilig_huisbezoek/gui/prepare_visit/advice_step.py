"""Step 3, Advies: the advice for the level, who goes along, and why going alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidgetItem,
)

from ...domain.errors import ValidationError
from ...services import planning
from ...services.accounts import AccountSummary
from ..forms_generated.ui_prepare_visit import Ui_PrepareVisitForm
from ..i18n import domain_text
from ..look import scaled_font
from .checklist_step import make_badge
from .common import STEP_ADVICE, UL, escape, translate

if TYPE_CHECKING:
    from .page import PrepareVisitPage


class AdviceStep:
    """The advice in full, the colleagues ticked in the list and the deviation reason."""

    def __init__(self, page: PrepareVisitPage, ui: Ui_PrepareVisitForm) -> None:
        self.page = page
        self.advice_title = ui.adviceTitleLabel
        self.advice_text = ui.adviceTextLabel
        self.precautions_label = ui.precautionsLabel
        self.advice_reasons = ui.adviceReasonsLabel
        self.colleague_list = ui.colleagueList
        self.colleagues_error = ui.colleaguesError
        self.roles_edit = ui.rolesEdit
        self.roles_error = ui.rolesError
        self.deviation_box = ui.deviationBox
        self.deviation_help = ui.deviationHelpLabel
        self.deviation_edit = ui.deviationEdit
        self.deviation_error = ui.deviationError
        self.advice_badge = make_badge(ui.adviceBadgeHolder, 2.0)
        self.advice_title.setFont(scaled_font(self.advice_title, 1.6))
        self.advice_text.setFont(scaled_font(self.advice_text, 1.15, bold=False))
        self.precautions_label.setFont(scaled_font(self.precautions_label, 1.1, bold=False))
        for label in (self.precautions_label, self.advice_reasons):
            label.setTextFormat(Qt.TextFormat.RichText)

    def error_labels(self) -> dict[str, QLabel]:
        return {
            "Collega's": self.colleagues_error,
            "Rollen": self.roles_error,
            "Reden afwijking": self.deviation_error,
        }

    def connect(self) -> None:
        self.colleague_list.itemChanged.connect(lambda _item: self.update_companions())

    def fill_team(self, team: list[AccountSummary]) -> None:
        """The team in the colleague list; who was ticked stays ticked."""
        checked = set(self.colleague_ids())
        self.colleague_list.blockSignals(True)
        self.colleague_list.clear()
        for person in team:
            item = QListWidgetItem(person.display_name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked if person.id in checked else Qt.CheckState.Unchecked
            )
            self.colleague_list.addItem(item)
        self.colleague_list.blockSignals(False)
        rows = max(1, min(self.colleague_list.count(), 6))
        row_height = max(
            self.colleague_list.sizeHintForRow(0), self.page.fontMetrics().height() + 4
        )
        self.colleague_list.setMaximumHeight(
            rows * row_height + 2 * self.colleague_list.frameWidth() + 4
        )

    def colleague_ids(self) -> list[int]:
        ids: list[int] = []
        for row in range(self.colleague_list.count()):
            item = self.colleague_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def show_advice(self) -> None:
        assessment = self.page.checklist_step.assessment
        if assessment is None:
            return
        advice = assessment.advice
        self.advice_title.setText(domain_text(advice.title))
        self.advice_text.setText(domain_text(advice.text))
        items = "".join(f"<li>{escape(domain_text(p))}</li>" for p in advice.precautions)
        self.precautions_label.setText(
            translate("PrepareVisitPage", "<b>Voorzorgsmaatregelen</b>") + f"<ul{UL}>{items}</ul>"
        )
        reasons = self.page.checklist_step.reasons_html()
        self.advice_reasons.setText(
            translate("PrepareVisitPage", "<b>Waarom dit niveau</b>") + f"<ul{UL}>{reasons}</ul>"
        )
        self.update_companions()
        self.page.consent_step.update_views()

    def deviation_reason(self) -> str:
        """The typed reason, only when going alone against the advice needs one."""
        level = self.page.level()
        if level is None or not planning.deviation_required(level, self.colleague_ids()):
            return ""
        return self.deviation_edit.toPlainText().strip()

    def update_companions(self) -> None:
        level = self.page.level()
        needed = level is not None and planning.deviation_required(level, self.colleague_ids())
        self.deviation_box.setVisible(needed)
        if needed and level is not None:
            self.deviation_help.setText(
                translate(
                    "PrepareVisitPage",
                    "Het advies bij {level} is om niet alleen te gaan. Gaat u toch alleen, "
                    "leg dan vast waarom. Uw leidinggevende kan dit teruglezen.",
                ).format(level=domain_text(level.label).lower())
            )
        else:
            self.deviation_error.hide()

    def check(self) -> bool:
        """Whether the step may be left: a reason is typed where going alone needs one."""
        self.page.errors.clear(STEP_ADVICE)
        level = self.page.level()
        if level is None:
            return False
        try:
            planning.check_deviation(level, self.colleague_ids(), self.deviation_edit.toPlainText())
        except ValidationError as exc:
            self.page.errors.show([exc])
            self.deviation_edit.setFocus()
            return False
        return True

    def reset(self) -> None:
        self.roles_edit.clear()
        self.deviation_edit.clear()
        for row in range(self.colleague_list.count()):
            self.colleague_list.item(row).setCheckState(Qt.CheckState.Unchecked)
