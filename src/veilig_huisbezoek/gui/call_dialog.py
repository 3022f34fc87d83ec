"""The buddy's call dialog: who to call, the code-word answer, and what to do next.

Built from ``ui/call_dialog.ui``. What it shows is read before it opens, on the task
runner (``load_call``: the visit, the settings, the leidinggevenden to inform); the
call is written with ``services.visits.record_call`` (time and buddy come from the
service context) on the task runner too, never on the GUI thread (on a team server a
round trip that would freeze the window). While it is being saved the dialog says so
and its buttons wait; a failure says so and keeps what was chosen. The board opens it
window-modal with ``open()`` (no nested event loop), one call at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.board import format_countdown
from ..domain.call_outcome import CallAction, CallDecision, NameUsed, decide_action
from ..domain.clock import to_local
from ..domain.overdue import retry_time
from ..domain.phone import format_phone
from ..domain.roles import Permission
from ..domain.settings import Settings
from ..services.context import ServiceContext
from ..services.settings import load_settings
from ..services.visit_details import Person, VisitDetail, get_visit_detail
from ..services.visits import record_call
from .call_result import ACTION_SYMBOLS, CallResultPage, decision_text, leidinggevenden
from .forms import setup_form
from .forms_generated.ui_call_dialog import Ui_CallDialogForm
from .hub import AppHub
from .i18n import domain_text, failure_text
from .keys import is_enter
from .readout import announce
from .screen_fit import fit_to_screen
from .tasks import TaskRunner

# Button ids in the outcome group.
NOT_REACHED, FIRST_NAME, LAST_NAME = 0, 1, 2
YES, NO = 1, 0


@dataclass(frozen=True)
class CallData:
    """What the call dialog shows, read before it opens (``load_call``)."""

    detail: VisitDetail
    settings: Settings
    managers: list[Person]


def load_call(ctx: ServiceContext, visit_id: int) -> CallData:
    """Read what the call dialog needs (on the task runner, not the GUI thread)."""
    return CallData(get_visit_detail(ctx, visit_id), load_settings(ctx), leidinggevenden(ctx))


def consecutive_misses(detail: VisitDetail) -> int:
    """Unanswered calls since the last answered one (``record_call``'s rule)."""
    misses = 0
    for call in reversed(sorted(detail.calls, key=lambda c: (c.called_at, c.id))):
        if call.reached:
            break
        misses += 1
    return misses


class CallDialog(QDialog):
    """Record one call-back for a visit; after recording the decided action is shown big."""

    # Emitted once the call is stored (the decision also goes to ``decision``).
    recorded = Signal(object)

    def __init__(
        self,
        ctx: ServiceContext,
        call: CallData,
        callback_id: int | None,
        hub: AppHub,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._hub = hub
        self._tasks = tasks
        self.visit_id = call.detail.id
        self.decision: CallDecision | None = None
        self._blocked = False
        # The call is being written (on the task runner).
        self.saving = False
        self.detail: VisitDetail = call.detail
        self.settings: Settings = call.settings
        self.previous_misses = consecutive_misses(self.detail)
        self.callback_id = callback_id
        callback = next((c for c in self.detail.callbacks if c.id == callback_id), None)
        if callback is None:
            self.callback_id = None
        self._callback_due: datetime | None = callback.due_at if callback else None

        self.ui = Ui_CallDialogForm()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.setWindowTitle(
            self.tr("Terugbellen — {name}").format(name=self.detail.visitor.display_name)
        )
        fit_to_screen(self, QSize(780, 720))

        form = self.form
        self.visitor_name_label = self.ui.visitorNameLabel
        self.phone_label = self.ui.phoneLabel
        self.address_label = self.ui.addressLabel
        self.due_label = self.ui.dueLabel
        self.history_label = self.ui.historyLabel
        self.pages = self.ui.pages
        self.ask_page = self.ui.askPage
        self.result_page = self.ui.resultPage
        self.not_reached_button = self.ui.notReachedButton
        self.first_name_button = self.ui.firstNameButton
        self.last_name_button = self.ui.lastNameButton
        self.vrijuit_group = self.ui.vrijuitGroup
        self.politie_group = self.ui.politieGroup
        self.vrijuit_yes = self.ui.vrijuitYes
        self.vrijuit_no = self.ui.vrijuitNo
        self.politie_yes = self.ui.politieYes
        self.politie_no = self.ui.politieNo
        self.preview_title_label = self.ui.previewTitleLabel
        self.preview_label = self.ui.previewLabel
        self.error_label = self.ui.errorLabel
        self.record_button = self.ui.recordButton
        self.cancel_button = self.ui.cancelButton
        # One of three, kept exclusive here rather than by a QButtonGroup: a group would
        # take the unchecked buttons out of the Tab chain (radio-style); every outcome
        # button must be reachable with Tab.
        self.outcome: int | None = None
        self._outcome_buttons = {
            NOT_REACHED: self.not_reached_button,
            FIRST_NAME: self.first_name_button,
            LAST_NAME: self.last_name_button,
        }
        self._outcome_texts = {o: b.text() for o, b in self._outcome_buttons.items()}
        for outcome, button in self._outcome_buttons.items():
            button.toggled.connect(partial(self._outcome_toggled, outcome))
        self.vrijuit_buttons = QButtonGroup(self)
        self.vrijuit_buttons.addButton(self.vrijuit_yes, YES)
        self.vrijuit_buttons.addButton(self.vrijuit_no, NO)
        self.politie_buttons = QButtonGroup(self)
        self.politie_buttons.addButton(self.politie_yes, YES)
        self.politie_buttons.addButton(self.politie_no, NO)
        for group in (self.vrijuit_buttons, self.politie_buttons):
            group.buttonToggled.connect(lambda *_: self._update_preview())

        self._record_text = self.record_button.text()
        self.record_button.clicked.connect(self.record)
        self.cancel_button.clicked.connect(self.reject)

        # The domain's title and instruction, translated in the "domain" context.
        self._action_texts = {
            action: (domain_text(action.title), domain_text(action.instruction))
            for action in CallAction
        }
        # The result page's widgets keep the names they had on the dialog.
        result = self.result_view = CallResultPage(
            ctx, self.detail, call.managers, self._action_texts, self, self.ui, form
        )
        self.result_frame = result.result_frame
        self.action_title_label = result.action_title_label
        self.action_instruction_label = result.action_instruction_label
        self.police_label = result.police_label
        self.alarm_panel = result.alarm_panel
        self.full_address_label = result.full_address_label
        self.copy_address_button = result.copy_address_button
        self.present_label = result.present_label
        self.residents_label = result.residents_label
        self.manager_label = result.manager_label
        self.recorded_label = result.recorded_label
        self.close_button = result.close_button
        self.close_button.clicked.connect(self.accept)
        self.copy_address_button.clicked.connect(self.copy_address)

        # Enter on a choice (an outcome, ja/nee) records once an outcome is chosen and
        # never makes a choice itself (some desktops let Enter press a focused button).
        choices: list[QAbstractButton] = [
            *self._outcome_buttons.values(),
            *self.vrijuit_buttons.buttons(),
            *self.politie_buttons.buttons(),
        ]
        for choice in choices:
            choice.installEventFilter(self)

        self._show_visit()
        self._update_preview()
        self.pages.setCurrentWidget(self.ask_page)
        # The number to call first; no answer has the focus, so no Enter chooses one.
        self.phone_label.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_enter(event) and isinstance(watched, QAbstractButton):
            if self.record_button.isEnabled():
                self.record()
            return True
        return super().eventFilter(watched, event)

    def outcome_buttons(self) -> list[QPushButton]:
        """Niet bereikt, Voornaam, Achternaam."""
        return list(self._outcome_buttons.values())

    def decision_text(self, decision: CallDecision) -> tuple[str, str]:
        """The decision's title and instruction in the chosen language (call_result)."""
        return decision_text(self._action_texts, decision)

    def action_text(self, action: CallAction) -> tuple[str, str]:
        """The domain's title and instruction in the chosen language."""
        return self._action_texts[action]

    # ---- state ---------------------------------------------------------------------
    @property
    def reached(self) -> bool | None:
        return None if self.outcome is None else self.outcome != NOT_REACHED

    @property
    def name_used(self) -> NameUsed | None:
        chosen = self.outcome
        if chosen == FIRST_NAME:
            return NameUsed.VOORNAAM
        if chosen == LAST_NAME:
            return NameUsed.ACHTERNAAM
        return None

    @staticmethod
    def _answer(group: QButtonGroup) -> bool | None:
        chosen = group.checkedId()
        return None if chosen < 0 else chosen == YES

    @property
    def vrijuit(self) -> bool | None:
        return self._answer(self.vrijuit_buttons)

    @property
    def politie(self) -> bool | None:
        return self._answer(self.politie_buttons)

    def may_record(self) -> bool:
        actor = self._ctx.actor
        if not actor.may(Permission.ACT_AS_BUDDY):
            return False
        return self.detail.buddy.id == actor.account_id or actor.may(Permission.SEE_TEAM_CASES)

    def preview(self) -> CallDecision | None:
        """What ``record`` would decide with the current answers (None: no outcome yet)."""
        reached = self.reached
        if reached is None:
            return None
        settings = self.settings
        return decide_action(
            reached=reached,
            name_used=self.name_used,
            vrijuit=self.vrijuit if reached else None,
            politie=self.politie if reached else None,
            previous_misses=self.previous_misses,
            retry_after=retry_time(settings),
            police_emergency=settings.police_emergency,
            police_general=settings.police_general,
        )

    # ---- slots ---------------------------------------------------------------------
    def record(self) -> None:
        """Store the call (with time and buddy) on the task runner, then show the
        decided action big. Meanwhile the dialog says it is saving."""
        reached = self.reached
        if (
            reached is None
            or not self.record_button.isEnabled()
            or self.decision is not None
            or self.saving
        ):
            return
        ctx, visit_id, callback_id = self._ctx, self.visit_id, self.callback_id
        name_used = self.name_used if reached else None
        vrijuit = self.vrijuit if reached else None
        politie = self.politie if reached else None

        def job() -> CallDecision:
            return record_call(
                ctx,
                visit_id,
                reached=reached,
                name_used=name_used,
                vrijuit=vrijuit,
                politie=politie,
                callback_id=callback_id,
            )

        self._set_saving(True)
        try:
            self._tasks.run(job, self._recorded, self._record_failed, owner=self)
        except RuntimeError:  # the window is closing
            self._set_saving(False)

    def _recorded(self, result: object) -> None:
        if not shiboken6.isValid(self):
            return
        decision = cast(CallDecision, result)
        self._set_saving(False)
        self.decision = decision
        recorded_at = self._ctx.now()
        self._hub.visits_changed.emit()
        self.result_view.show(decision, recorded_at)
        self.recorded.emit(decision)

    def _record_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        reason = failure_text(error)
        # What was chosen stays: the buddy can try again at once.
        self._show_error(
            self.tr("Het gesprek is niet vastgelegd: {reason} Uw keuzes staan er nog.").format(
                reason=reason
            )
        )
        announce(self, self.error_label.text())

    def _set_saving(self, saving: bool) -> None:
        """While saving: the buttons wait and Vastleggen says it is saving."""
        self.saving = saving
        for button in self._outcome_buttons.values():
            button.setEnabled(not saving)
        self.cancel_button.setEnabled(not saving)
        self.record_button.setText(self.tr("Bezig met opslaan…") if saving else self._record_text)
        if saving:
            self.error_label.hide()
            self.record_button.setEnabled(False)
            self.vrijuit_group.setEnabled(False)
            self.politie_group.setEnabled(False)
        else:
            self._update_preview()

    def reject(self) -> None:
        # Not while the call is being saved: its result must be seen.
        if not self.saving:
            super().reject()

    def copy_address(self) -> None:
        self.result_view.copy_address()

    # ---- rendering -----------------------------------------------------------------
    def _show_visit(self) -> None:
        detail = self.detail
        now = self._ctx.now()
        self.visitor_name_label.setText(detail.visitor.display_name)
        phone = format_phone(detail.visitor.phone)
        self.phone_label.setText(f"☎ {phone}" if phone else self.tr("Geen telefoonnummer bekend"))
        self.address_label.setText(
            self.tr("{address}, {city} · verwacht terug {time}").format(
                address=detail.address.short(),
                city=detail.address.city,
                time=to_local(detail.expected_return).strftime("%H:%M"),
            )
        )
        if self._callback_due is not None:
            countdown = format_countdown(
                self._callback_due - now,
                ahead=self.tr("over {}"),
                now=self.tr("nu"),
                past=self.tr("{} te laat"),
            )
            self.due_label.setText(
                self.tr("Belmoment {time} ({countdown})").format(
                    time=to_local(self._callback_due).strftime("%H:%M"), countdown=countdown
                )
            )
        else:
            self.due_label.setText(self.tr("Extra belmoment (niet gepland)"))
        if self.previous_misses:
            last = max(detail.calls, key=lambda c: (c.called_at, c.id))
            self.history_label.setText(
                self.tr(
                    "Let op: de vorige poging ({time}) werd niet beantwoord. "
                    "Wordt er nu weer niet opgenomen, dan escaleert u."
                ).format(time=to_local(last.called_at).strftime("%H:%M"))
            )
            self.history_label.show()
        problem = ""
        if not detail.state.is_active:
            problem = self.tr(
                "Dit bezoek is niet meer onderweg (status: {state}); er valt niets vast te leggen."
            ).format(state=domain_text(detail.state.label))
        elif not self.may_record():
            problem = self.tr(
                "Alleen de buddy ({buddy}) of een leidinggevende legt dit gesprek vast."
            ).format(buddy=detail.buddy.display_name)
        if problem:
            self._show_error(problem)
            self.record_button.setEnabled(False)
            self._blocked = True

    def _outcome_toggled(self, outcome: int, checked: bool) -> None:
        button = self._outcome_buttons[outcome]
        if checked:
            self.outcome = outcome
            for other, other_button in self._outcome_buttons.items():
                if other != outcome and other_button.isChecked():
                    other_button.blockSignals(True)
                    other_button.setChecked(False)
                    other_button.blockSignals(False)
            # The choice shows as a tick too, never by colour alone.
            for other, other_button in self._outcome_buttons.items():
                text = self._outcome_texts[other]
                other_button.setText(f"✓ {text}" if other == outcome else text)
        elif self.outcome == outcome:
            # Clicking the chosen answer again keeps it chosen (one of three).
            button.blockSignals(True)
            button.setChecked(True)
            button.blockSignals(False)
            return
        self._update_preview()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _update_preview(self) -> None:
        reached = self.reached
        questions_enabled = reached is True
        self.vrijuit_group.setEnabled(questions_enabled)
        self.politie_group.setEnabled(questions_enabled)
        decision = self.preview()
        if decision is None:
            self.preview_title_label.setText(self.tr("Kies eerst hoe de bezoeker opnam."))
            self.preview_label.setText(
                self.tr("Niet bereikt (Alt+N), Voornaam (Alt+V) of Achternaam (Alt+A).")
            )
        else:
            title, instruction = self.decision_text(decision)
            self.preview_title_label.setText(f"{ACTION_SYMBOLS[decision.action]} {title}")
            hint = ""
            unanswered = self.vrijuit is None or self.politie is None
            if self.name_used is NameUsed.VOORNAAM and unanswered:
                hint = " " + self.tr("Stel ook beide vragen.")
            self.preview_label.setText(instruction + hint)
        self.record_button.setEnabled(decision is not None and not self._blocked)
