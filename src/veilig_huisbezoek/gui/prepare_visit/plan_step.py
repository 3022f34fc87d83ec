"""Step 4, Plan: reason, people, times, buddy and call-back moments, validated into one
:class:`VisitPlan`."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QLabel,
    QRadioButton,
)

from ...domain.clock import local_to_utc, to_local
from ...domain.errors import ValidationError, ValidationErrors
from ...domain.visit import VisitPlan, VisitReason
from ...services import planning
from ...services.accounts import AccountSummary
from ..forms_generated.ui_prepare_visit import Ui_PrepareVisitForm
from ..i18n import domain_text
from .callbacks import CallbackEditor
from .common import (
    STEP_ADDRESS,
    STEP_ADVICE,
    STEP_PLAN,
    naive_from_edit,
    set_edit_naive,
    translate,
    uncheck,
)

if TYPE_CHECKING:
    from .page import PrepareVisitPage


class PlanStep:
    """The plan fields; ``plan`` holds the last plan that passed validation."""

    def __init__(self, page: PrepareVisitPage, ui: Ui_PrepareVisitForm) -> None:
        self.page = page
        self.reason_combo = ui.reasonCombo
        self.reason_error = ui.reasonError
        self.residents_edit = ui.residentsEdit
        self.residents_error = ui.residentsError
        self.clients_edit = ui.clientsEdit
        self.clients_error = ui.clientsError
        self.phone_edit = ui.phoneEdit
        self.phone_error = ui.phoneError
        self.start_edit = ui.startEdit
        self.start_fold_box = ui.startFoldBox
        self.start_fold = (
            ui.startFold0,
            ui.startFold1,
        )
        self.start_error = ui.startError
        self.return_edit = ui.returnEdit
        self.return_fold_box = ui.returnFoldBox
        self.return_fold = (
            ui.returnFold0,
            ui.returnFold1,
        )
        self.return_error = ui.returnError
        self.interpreter_check = ui.interpreterCheck
        self.announced_check = ui.announcedCheck
        self.buddy_combo = ui.buddyCombo
        self.buddy_error = ui.buddyError
        self.callbacks = CallbackEditor(page, ui)
        self.plan: VisitPlan | None = None
        self._last_start: datetime | None = None
        for box in (self.start_fold_box, self.return_fold_box):
            box.hide()
        for edit in (self.start_edit, self.return_edit):
            edit.setTimeZone(QTimeZone.utc())
        self.reason_combo.addItem(translate("PrepareVisitPage", "— kies de reden —"), None)
        for reason in VisitReason:
            self.reason_combo.addItem(domain_text(reason.label), reason.value)

    def error_labels(self) -> dict[str, QLabel]:
        return {
            "Reden": self.reason_error,
            "Bewoners": self.residents_error,
            "Cliënt(en)": self.clients_error,
            "Telefoonnummer cliënt": self.phone_error,
            "Begin": self.start_error,
            "Verwachte terugkomst": self.return_error,
            "Buddy": self.buddy_error,
            "Terugbelmoment": self.callbacks.callbacks_error,
        }

    def connect(self) -> None:
        self.start_edit.dateTimeChanged.connect(self._start_changed)
        self.return_edit.dateTimeChanged.connect(lambda _dt: self._times_changed())
        for button in (*self.start_fold, *self.return_fold):
            button.toggled.connect(lambda _on: self._times_changed())
        self.callbacks.connect()

    def fill_team(self, team: list[AccountSummary]) -> None:
        """The team as buddy choices; the chosen buddy stays chosen."""
        buddy = self.buddy_combo.currentData()
        self.buddy_combo.clear()
        self.buddy_combo.addItem(translate("PrepareVisitPage", "— kies uw buddy —"), None)
        for person in team:
            self.buddy_combo.addItem(person.display_name, person.id)
        self.buddy_combo.setCurrentIndex(max(0, self.buddy_combo.findData(buddy)))

    def reason_label(self, reason: VisitReason) -> str:
        index = self.reason_combo.findData(reason.value)
        return self.reason_combo.itemText(index) if index >= 0 else domain_text(reason.label)

    def _default_times(self) -> tuple[datetime, datetime]:
        local = to_local(self.page.ctx.clock.now()).replace(tzinfo=None, second=0, microsecond=0)
        local += timedelta(minutes=15)
        local += timedelta(minutes=(-local.minute) % 15)
        return local, local + timedelta(hours=1)

    @staticmethod
    def _instant(
        edit: QDateTimeEdit, folds: tuple[QRadioButton, QRadioButton], field: str
    ) -> datetime:
        fold: int | None = None
        if folds[0].isChecked():
            fold = 0
        elif folds[1].isChecked():
            fold = 1
        return local_to_utc(naive_from_edit(edit), fold=fold, field=field)

    def _start_changed(self, _value: QDateTime) -> None:
        """Moving the start keeps the planned duration."""
        new_start = naive_from_edit(self.start_edit)
        previous = self._last_start
        if previous is not None:
            shifted = naive_from_edit(self.return_edit) + (new_start - previous)
            self.return_edit.blockSignals(True)
            set_edit_naive(self.return_edit, shifted)
            self.return_edit.blockSignals(False)
        self._last_start = new_start
        self._times_changed()

    def _times_changed(self) -> None:
        for edit, box, folds in (
            (self.start_edit, self.start_fold_box, self.start_fold),
            (self.return_edit, self.return_fold_box, self.return_fold),
        ):
            ambiguous = planning.is_ambiguous_local(naive_from_edit(edit))
            if not ambiguous:
                uncheck(folds)
            box.setVisible(ambiguous)
        self.callbacks.prefill()

    def times(self) -> tuple[datetime, datetime] | None:
        try:
            start = self._instant(self.start_edit, self.start_fold, "Begin")
            end = self._instant(self.return_edit, self.return_fold, "Verwachte terugkomst")
        except ValidationError:
            return None
        return start, end

    def build_plan(self) -> VisitPlan | None:
        """Validate everything typed into one plan; show each problem at its field."""
        page = self.page
        page.errors.clear(STEP_PLAN)
        page.errors.clear(STEP_ADVICE)
        address = page.address_step.address or page.address_step.validated_address()
        if address is None:
            page.go_to(STEP_ADDRESS)
            page.address_step.validated_address()
            return None
        errors: list[ValidationError] = []
        start = end = None
        try:
            start = self._instant(self.start_edit, self.start_fold, "Begin")
        except ValidationError as exc:
            errors.append(exc)
        try:
            end = self._instant(self.return_edit, self.return_fold, "Verwachte terugkomst")
        except ValidationError as exc:
            errors.append(exc)
        plan: VisitPlan | None = None
        if start is not None and end is not None:
            buddy = self.buddy_combo.currentData()
            advice = page.advice_step
            try:
                plan = VisitPlan.create(
                    reason=self.reason_combo.currentData(),
                    address=address,
                    residents=self.residents_edit.text(),
                    clients=self.clients_edit.text(),
                    client_phone_text=self.phone_edit.text(),
                    start=start,
                    expected_return=end,
                    visitor_id=page.ctx.actor.account_id,
                    colleague_ids=advice.colleague_ids(),
                    roles_note=advice.roles_edit.text(),
                    interpreter=self.interpreter_check.isChecked(),
                    announced_in_writing=self.announced_check.isChecked(),
                    buddy_id=buddy if isinstance(buddy, int) else None,
                    callbacks=self.callbacks.callbacks,
                    now=page.ctx.now(),
                )
            except ValidationErrors as exc:
                errors += exc.errors
        if errors:
            self.plan = None
            page.show_errors_on_their_step(errors)
            return None
        self.plan = plan
        return plan

    def reset(self) -> None:
        """Empty fields, default times (now rounded up to the next quarter, for an hour)."""
        self.plan = None
        for edit in (self.residents_edit, self.clients_edit, self.phone_edit):
            edit.clear()
        self.reason_combo.setCurrentIndex(0)
        self.buddy_combo.setCurrentIndex(0)
        self.interpreter_check.setChecked(False)
        self.announced_check.setChecked(False)
        uncheck(self.start_fold)
        uncheck(self.return_fold)
        start, end = self._default_times()
        self._last_start = None
        set_edit_naive(self.start_edit, start)
        self._last_start = start
        set_edit_naive(self.return_edit, end)
        set_edit_naive(self.callbacks.callback_edit, start + timedelta(minutes=10))
        self.callbacks.edited = False
