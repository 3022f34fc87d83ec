"""Step 2, Risicocheck: the ARIH checklist and the level it gives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...domain.checklist import (
    Assessment,
    Checklist,
    ChecklistFormatError,
    RiskLevel,
    assess,
    default_checklist,
)
from ...domain.errors import ValidationError
from ..checklist_widget import ChecklistWidget
from ..forms_generated.ui_prepare_visit import Ui_PrepareVisitForm
from ..i18n import domain_text, error_text, reason_text
from ..keys import tab_after
from ..level_badge import LevelBadge
from ..look import scaled_font
from .common import UL, escape, translate

if TYPE_CHECKING:
    from .page import PrepareVisitPage


def make_badge(holder: QWidget, scale: float) -> LevelBadge:
    """A level badge in the form's placeholder ``holder``."""
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    badge = LevelBadge(None, holder, scale=scale)
    layout.addWidget(badge)
    return badge


class ChecklistStep:
    """The questions (added in code into ``checklistContainer``) and the assessment."""

    def __init__(self, page: PrepareVisitPage, ui: Ui_PrepareVisitForm) -> None:
        self.page = page
        self.ui = ui
        self.check_advice_label = ui.checkAdviceLabel
        self.check_advice_text = ui.checkAdviceTextLabel
        self.check_reasons_label = ui.checkReasonsLabel
        self.unanswered_label = ui.unansweredLabel
        self.check_badge = make_badge(ui.checkBadgeHolder, 1.6)
        self.checklist: Checklist | None = None
        self.widget: ChecklistWidget | None = None
        self.assessment: Assessment | None = None
        self.shown_level: RiskLevel | None = None
        level_title = ui.levelPanelTitle
        level_title.setFont(scaled_font(level_title, 1.2))
        self.check_advice_label.setFont(scaled_font(self.check_advice_label, 1.15))
        for label in (self.check_advice_text, self.check_reasons_label):
            label.setTextFormat(Qt.TextFormat.RichText)

    def load(self) -> bool:
        """Put the default checklist in the form; ``False`` (and said) when it is broken."""
        try:
            self.checklist = default_checklist()
        except ChecklistFormatError as exc:
            self.page.errors.say(
                translate(
                    "PrepareVisitPage", "De risicocheck kan niet worden geladen: {error}"
                ).format(error=error_text(exc)),
                error=True,
            )
            return False
        self.widget = ChecklistWidget(self.checklist)
        container = self.ui.checklistContainer.layout()
        assert container is not None
        container.addWidget(self.widget)
        self.widget.answers_changed.connect(self._answers_changed)
        self._chain_tab_order()
        return True

    def _chain_tab_order(self) -> None:
        """The checklist answers (added in code) where the checklist is: after the
        address, before the level panel beside the list; the rest is the form's order."""
        assert self.widget is not None and self.checklist is not None
        chain: list[QWidget] = []
        for item_id in self.widget.order:
            chain += self.widget.buttons(item_id)
        chain.append(self.ui.levelScroll)
        tab_after(self.ui.cityEdit, chain)

    def level(self) -> RiskLevel | None:
        return self.assessment.level if self.assessment else None

    def _answers_changed(self) -> None:
        self.update_assessment()
        self.page.consent_step.check_basis()

    def update_assessment(self) -> None:
        if self.checklist is None or self.widget is None:
            return
        try:
            self.assessment = assess(self.checklist, self.widget.answers())
        except ValidationError as exc:
            self.page.errors.say(error_text(exc), error=True)
            return
        level = self.assessment.level
        for badge in self.page.level_badges():
            badge.set_level(level)
        advice = self.assessment.advice
        self.check_advice_label.setText(domain_text(advice.title))
        self.check_advice_text.setText(
            f"{escape(domain_text(advice.text))}<ul{UL}>"
            + "".join(f"<li>{escape(domain_text(p))}</li>" for p in advice.precautions)
            + "</ul>"
        )
        reasons = self.reasons_html()
        self.check_reasons_label.setText(
            translate("PrepareVisitPage", "<b>Waarom dit niveau:</b>") + f"<ul{UL}>{reasons}</ul>"
        )
        open_count = len(self.widget.unanswered())
        if open_count:
            self.unanswered_label.setText(
                translate(
                    "PrepareVisitPage",
                    "Nog {n} van {total} vragen zonder antwoord; die tellen nu als ‘weet ik niet’.",
                ).format(n=open_count, total=len(self.checklist.items))
            )
        else:
            self.unanswered_label.setText(
                translate("PrepareVisitPage", "✔ Alle vragen zijn beantwoord.")
            )
        if level != self.shown_level:
            self.shown_level = level
            self.page.level_changed()

    def reasons_html(self) -> str:
        # The domain formats most reasons itself (with the question in them); only the
        # fixed ones are in the catalogue, the others stay Dutch.
        if self.assessment is None:
            return ""
        return "".join(f"<li>{escape(reason_text(r))}</li>" for r in self.assessment.reasons)

    def check_answered(self) -> bool:
        if self.widget is None:
            return False
        open_items = self.widget.unanswered()
        if not open_items:
            return True
        self.page.errors.say(
            translate(
                "PrepareVisitPage",
                "Beantwoord eerst alle vragen ({n} open). "
                "Weet u het niet, kies dan ‘weet ik niet’.",
            ).format(n=len(open_items)),
            error=True,
        )
        self.widget.focus_item(open_items[0].id)
        return False

    def focus_first_open(self) -> bool:
        """Focus the first open question a person answers; ``False`` when none is open."""
        if self.widget is None:
            return False
        open_items = [it for it in self.widget.unanswered() if not self.widget.is_auto(it.id)]
        if not open_items:
            return False
        self.widget.focus_item(open_items[0].id)
        return True
