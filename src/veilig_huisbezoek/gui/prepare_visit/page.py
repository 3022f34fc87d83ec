"""The wizard: the form, the step bar, navigation and clearing; each step is its own
class (address_step, checklist_step, advice_step with consent_step, plan_step,
review_step) that owns its widgets and asks the page for what the others know."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QMessageBox,
    QPushButton,
    QWidget,
)

from ...domain.checklist import RiskLevel
from ...domain.errors import ValidationError
from ...domain.settings import Settings
from ...domain.visit import VisitPlan
from ...services import planning
from ...services.accounts import AccountSummary
from ...services.context import ServiceContext
from ...services.planning import ConsentGrant
from ...services.settings import load_settings
from ..checklist_widget import ChecklistWidget
from ..forms_generated.ui_prepare_visit import Ui_PrepareVisitForm
from ..hub import AppHub
from ..i18n import failure_text
from ..keys import return_focus
from ..level_badge import LevelBadge
from ..look import ERROR_STYLE, PRIMARY_BUTTON_STYLE, focus_frame, scaled_font
from ..page_base import WorkspacePage
from ..tasks import TaskRunner
from .address_step import AddressStep
from .advice_step import AdviceStep
from .checklist_step import ChecklistStep, make_badge
from .common import (
    CURRENT_STEP_STYLE,
    GROUP_TITLE_STYLE,
    OTHER_STEP_STYLE,
    STEP_ADDRESS,
    STEP_ADVICE,
    STEP_CHECK,
    STEP_COUNT,
    STEP_PLAN,
    STEP_REVIEW,
    FieldErrors,
)
from .consent_dialog import ConsentDialog
from .consent_step import ConsentStep
from .plan_step import PlanStep
from .review_step import ReviewStep


class PrepareVisitPage(WorkspacePage[Ui_PrepareVisitForm]):
    """The medewerker prepares a visit step by step; ``planned`` carries the new visit id
    (scheduled, or stored as concept waiting for consent)."""

    planned = Signal(int)

    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, hub: AppHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(Ui_PrepareVisitForm(), ctx, tasks, hub, parent)
        self.title = self.tr("Bezoek voorbereiden")
        ui = self.ui
        self.step_labels = [
            ui.stepLabel1,
            ui.stepLabel2,
            ui.stepLabel3,
            ui.stepLabel4,
            ui.stepLabel5,
        ]
        self.stack = self.ui.stepStack
        self.message_label = self.ui.messageLabel
        self.clear_button = self.ui.clearButton
        self.back_button = self.ui.backButton
        self.next_button = self.ui.nextButton
        self.step_names = (
            self.tr("Adres"),
            self.tr("Risicocheck"),
            self.tr("Advies"),
            self.tr("Plan"),
            self.tr("Controle"),
        )
        self._step_texts = [label.text() for label in self.step_labels]
        self.team: list[AccountSummary] = []
        # The organisation's settings, read with the team (the defaults until then).
        self.settings = Settings()
        self.confirm_box: QMessageBox | None = None

        self.checklist_step = ChecklistStep(self, ui)
        self.address_step = AddressStep(self, ui)
        self.advice_step = AdviceStep(self, ui)
        self.consent_step = ConsentStep(self, ui)
        self.plan_step = PlanStep(self, ui)
        self.review_step = ReviewStep(self, ui)
        self.step_badge = make_badge(ui.stepLevelHolder, 1.0)
        self.errors = FieldErrors(
            self.message_label,
            self.stack,
            {
                **self.address_step.error_labels(),
                **self.advice_step.error_labels(),
                **self.plan_step.error_labels(),
                planning.CONSENT_FIELD: self.review_step.save_error,
                planning.CONSENT_REASON_FIELD: self.review_step.save_error,
            },
        )
        self._style()
        if not self.checklist_step.load():
            self.next_button.setEnabled(False)
        self._connect()
        self.refresh()
        self.reset_form()

    # ---- construction ---------------------------------------------------------------
    def _style(self) -> None:
        ui = self.ui
        for intro in (
            ui.addressIntroLabel,
            ui.checklistIntroLabel,
            ui.adviceIntroLabel,
            ui.planIntroLabel,
            ui.reviewIntroLabel,
        ):
            intro.setFont(scaled_font(intro, 1.35))
        for label in dict.fromkeys(self.errors.labels.values()):
            label.setStyleSheet(ERROR_STYLE)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.hide()
        for box in (ui.companionBox, ui.deviationBox, ui.consentBox):
            box.setStyleSheet(GROUP_TITLE_STYLE)
        self.next_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        self.next_button.setFont(scaled_font(self.next_button, 1.15))
        # Text only, reached with Tab to scroll it: the focus must show.
        for scroll in (ui.levelScroll, ui.reviewScroll):
            scroll.setStyleSheet(focus_frame(scroll.objectName()))
        # Long lines are hard to read: forms stay about 80 characters wide (grows with
        # the font, so nothing is clipped at 150 %).
        x_width = QFontMetrics(self.font()).horizontalAdvance("x")
        for content, chars in (
            (ui.addressContent, 120),
            (ui.adviceContent, 190),
            (ui.planContent, 190),
            (ui.reviewContent, 130),
        ):
            content.setMaximumWidth(x_width * chars)

    def _connect(self) -> None:
        self.next_button.clicked.connect(self.go_next)
        self.back_button.clicked.connect(self.go_back)
        self.clear_button.clicked.connect(self._confirm_clear)
        self.address_step.connect()
        self.advice_step.connect()
        self.consent_step.connect()
        self.plan_step.connect()
        self.review_step.connect()

    # ---- public -------------------------------------------------------------------
    @property
    def reading(self) -> bool:
        """Loading the team and settings, or asking the register (task runner)."""
        return super().reading or self.address_step.looking_up is not None

    def refresh(self) -> None:
        """Unlike the other pages it does not wait while the team server is unreachable:
        the message line says why the team could not be loaded."""
        self.reload()

    def reload(self) -> None:
        """Reload colleagues and settings on the task runner; never touches what was
        typed. The suggested call-backs come from these settings (no read per change)."""
        ctx = self.ctx

        def job() -> tuple[list[AccountSummary], Settings]:
            return planning.team_members(ctx), load_settings(ctx)

        self.load_in_background(job, self._loaded, self._load_failed)

    def _load_failed(self, error: BaseException) -> None:
        self.errors.say(failure_text(error), error=True)

    def _loaded(self, result: object) -> None:
        self.team, self.settings = cast(tuple[list[AccountSummary], Settings], result)
        self.advice_step.fill_team(self.team)
        self.plan_step.fill_team(self.team)
        self.plan_step.callbacks.prefill()

    def current_step(self) -> int:
        return self.stack.currentIndex()

    def default_button(self, _focus: QWidget | None = None) -> QPushButton:
        """What Enter presses: Volgende, and in the last step the save button shown
        as primary (Opslaan en plannen, or Opslaan als concept)."""
        if self.current_step() < STEP_REVIEW:
            return self.next_button
        review = self.review_step
        return review.save_button if review.save_button.isVisible() else review.concept_button

    def first_field(self) -> QWidget | None:
        """Where typing starts after login: the street, on the address step."""
        return self.address_step.street_edit if self.current_step() == STEP_ADDRESS else None

    def colleague_ids(self) -> list[int]:
        return self.advice_step.colleague_ids()

    def level(self) -> RiskLevel | None:
        return self.checklist_step.level()

    @property
    def checklist_widget(self) -> ChecklistWidget | None:
        return self.checklist_step.widget

    @property
    def consent(self) -> ConsentGrant | None:
        """The leidinggevende's consent given in this form (level rood), if any."""
        return self.consent_step.grant

    @property
    def consent_dialog(self) -> ConsentDialog | None:
        """The co-sign dialog while it is open."""
        return self.consent_step.dialog

    def ask_consent_now(self) -> None:
        self.consent_step.ask_now()

    def build_plan(self) -> VisitPlan | None:
        return self.plan_step.build_plan()

    def save(self, *, schedule: bool = True) -> None:
        self.review_step.save(schedule=schedule)

    def level_badges(self) -> tuple[LevelBadge, ...]:
        return (
            self.step_badge,
            self.checklist_step.check_badge,
            self.advice_step.advice_badge,
            self.review_step.review_badge,
        )

    def level_changed(self) -> None:
        """Another level: other suggested call-backs, companions advice and consent."""
        self.plan_step.callbacks.prefill()
        self.advice_step.update_companions()
        self.consent_step.update_views()

    def show_errors_on_their_step(self, errors: Sequence[ValidationError]) -> None:
        """Show the messages, on the earliest step they concern."""
        first = self.errors.show(errors)
        if first is not None and first != self.current_step():
            self.go_to(first)
            self.errors.show(errors)

    # ---- navigation ---------------------------------------------------------------
    def go_to(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        for index, label in enumerate(self.step_labels):
            text = self._step_texts[index]
            if index < step:
                text = f"✓ {text}"
            label.setText(text)
            label.setStyleSheet(CURRENT_STEP_STYLE if index == step else OTHER_STEP_STYLE)
            label.setAccessibleName(
                self.tr("Stap {n}: {name}, huidige stap").format(
                    n=index + 1, name=self.step_names[index]
                )
                if index == step
                else self.tr("Stap {n}: {name}").format(n=index + 1, name=self.step_names[index])
            )
        self.address_step.show_warning()
        self.stack.setAccessibleDescription(
            self.tr("Stap {n} van {total}: {name}").format(
                n=step + 1, total=STEP_COUNT, name=self.step_names[step]
            )
        )
        self.back_button.setEnabled(step > 0)
        # The level is only meaningful once the checklist is being answered.
        self.step_badge.setVisible(step >= STEP_CHECK)
        self.next_button.setVisible(step < STEP_REVIEW)
        if step != STEP_REVIEW:
            self.review_step.hide_buttons()
        if step < STEP_REVIEW:
            self.next_button.setText(
                self.tr("Volge&nde: {name} ›").format(name=self.step_names[step + 1])
            )
            self.next_button.setAccessibleName(
                self.tr("Volgende stap: {name}").format(name=self.step_names[step + 1])
            )
        if step == STEP_CHECK:
            self.checklist_step.update_assessment()
        elif step == STEP_ADVICE:
            self.advice_step.show_advice()
        elif step == STEP_PLAN:
            self.plan_step.callbacks.prefill()
        elif step == STEP_REVIEW:
            self.review_step.show_review()
        self._focus_step(step)

    def _focus_step(self, step: int) -> None:
        target: QWidget | None = None
        if step == STEP_ADDRESS:
            target = self.address_step.street_edit
        elif step == STEP_CHECK and self.checklist_step.widget is not None:
            if self.checklist_step.focus_first_open():
                return
            target = self.next_button
        elif step == STEP_ADVICE:
            target = self.advice_step.colleague_list
        elif step == STEP_PLAN:
            target = self.plan_step.reason_combo
        elif step == STEP_REVIEW:
            target = self.default_button()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_back(self) -> None:
        step = self.current_step()
        if step > 0:
            self.errors.say("")
            self.go_to(step - 1)

    def go_next(self) -> None:
        step = self.current_step()
        self.errors.say("")
        if step == STEP_ADDRESS:
            address = self.address_step.validated_address()
            if address is None:
                return
            self.address_step.lookup(address.key)
            self.go_to(STEP_CHECK)
        elif step == STEP_CHECK:
            if self.checklist_step.check_answered():
                self.go_to(STEP_ADVICE)
        elif step == STEP_ADVICE:
            if self.advice_step.check():
                self.go_to(STEP_PLAN)
        elif step == STEP_PLAN and self.plan_step.build_plan() is not None:
            self.go_to(STEP_REVIEW)

    # ---- clearing -----------------------------------------------------------------
    def _confirm_clear(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Formulier wissen"),
            self.tr("Alles wat u voor dit bezoek heeft ingevuld wissen en opnieuw beginnen?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Ja, wissen"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Nee, terug"))
        self.confirm_box = box
        box.finished.connect(lambda result: self._clear_answered(box, result))
        # Cleared: typing starts again in the street; kept: back on Formulier wissen.
        yes = box.button(QMessageBox.StandardButton.Yes)
        street = self.address_step.street_edit
        return_focus(box, lambda: street if box.clickedButton() is yes else None)
        box.open()

    def _clear_answered(self, box: QMessageBox, result: int) -> None:
        if self.confirm_box is box:
            self.confirm_box = None
        box.deleteLater()
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            self.reset_form()
            self.errors.say(self.tr("Het formulier is gewist."))

    def reset_form(self) -> None:
        """Everything typed gone, back on the address step."""
        self.consent_step.reset()
        self.plan_step.plan = None
        self.address_step.reset()
        self.advice_step.reset()
        if self.checklist_step.widget is not None:
            self.checklist_step.widget.clear()
        self.consent_step.consent_later_button.setChecked(False)
        self.plan_step.reset()
        self.errors.clear()
        self.checklist_step.update_assessment()
        self.plan_step.callbacks.prefill()
        self.consent_step.update_views()
        self.go_to(STEP_ADDRESS)
