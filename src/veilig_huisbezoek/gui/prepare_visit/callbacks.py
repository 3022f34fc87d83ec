"""The call-back moments of step 4: suggested from the times and the level, or edited
by hand (then a new time no longer changes them)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimeZone

from ...domain.checklist import RiskLevel
from ...domain.clock import to_local
from ...domain.errors import ValidationError
from ...domain.settings import suggested_callbacks
from ...services import planning
from ..forms_generated.ui_prepare_visit import Ui_PrepareVisitForm
from ..i18n import domain_text
from .common import local_text, naive_from_edit, set_edit_naive, translate

if TYPE_CHECKING:
    from .page import PrepareVisitPage


class CallbackEditor:
    """The list of moments, the time edit and the add/change/remove/reset buttons."""

    def __init__(self, page: PrepareVisitPage, ui: Ui_PrepareVisitForm) -> None:
        self.page = page
        self.callback_list = ui.callbackList
        self.callback_edit = ui.callbackEdit
        self.add_callback_button = ui.addCallbackButton
        self.change_callback_button = ui.changeCallbackButton
        self.remove_callback_button = ui.removeCallbackButton
        self.reset_callbacks_button = ui.resetCallbacksButton
        self.callbacks_note = ui.callbacksNoteLabel
        self.callbacks_error = ui.callbacksError
        self.callback_edit.setTimeZone(QTimeZone.utc())
        self.callbacks: list[datetime] = []
        self.edited = False

    def connect(self) -> None:
        self.callback_list.currentRowChanged.connect(self._selected)
        self.add_callback_button.clicked.connect(self.add)
        self.change_callback_button.clicked.connect(self.change)
        self.remove_callback_button.clicked.connect(self.remove)
        self.reset_callbacks_button.clicked.connect(self.reset)

    def prefill(self) -> None:
        if self.edited:
            self._show()
            return
        times = self.page.plan_step.times()
        if times is None:
            self.callbacks = []
        else:
            # From the settings the page read with the team: no store access here.
            self.callbacks = list(
                suggested_callbacks(
                    self.page.settings, times[0], times[1], self.page.level() or RiskLevel.GROEN
                )
            )
        self._show()

    def _show(self) -> None:
        current = self.callback_list.currentRow()
        self.callback_list.blockSignals(True)
        self.callback_list.clear()
        for moment in self.callbacks:
            self.callback_list.addItem(local_text(moment))
        self.callback_list.blockSignals(False)
        if self.callbacks:
            self.callback_list.setCurrentRow(min(max(current, 0), len(self.callbacks) - 1))
        rows = max(3, min(len(self.callbacks), 6))
        row_height = max(self.callback_list.sizeHintForRow(0), self.page.fontMetrics().height() + 4)
        self.callback_list.setMaximumHeight(
            rows * row_height + 2 * self.callback_list.frameWidth() + 4
        )
        has = bool(self.callbacks)
        self.change_callback_button.setEnabled(has)
        self.remove_callback_button.setEnabled(has)
        level = self.page.level() or RiskLevel.GROEN
        if self.edited:
            self.callbacks_note.setText(
                translate(
                    "PrepareVisitPage",
                    "U heeft de momenten zelf aangepast; een andere start- of terugkomsttijd "
                    "verandert ze niet meer. Kies ‘Standaard herstellen’ om ze opnieuw in te "
                    "vullen.",
                )
            )
        elif level >= RiskLevel.ORANJE:
            self.callbacks_note.setText(
                translate(
                    "PrepareVisitPage",
                    "Standaard bij {level}: kort na aankomst, elk half uur daarna en bij de "
                    "verwachte terugkomst.",
                ).format(level=domain_text(level.label).lower())
            )
        else:
            self.callbacks_note.setText(
                translate(
                    "PrepareVisitPage",
                    "Standaard: kort na aankomst en bij de verwachte terugkomst.",
                )
            )

    def _selected(self, row: int) -> None:
        if 0 <= row < len(self.callbacks):
            set_edit_naive(self.callback_edit, to_local(self.callbacks[row]).replace(tzinfo=None))

    def _from_edit(self) -> datetime | None:
        self.callbacks_error.hide()
        times = self.page.plan_step.times()
        now = self.page.ctx.now()
        start, end = times if times is not None else (now, now)
        try:
            return planning.callback_instant(naive_from_edit(self.callback_edit), start, end)
        except ValidationError as exc:
            self.page.errors.show([exc])
            return None

    def _set(self, moments: list[datetime]) -> None:
        self.callbacks = sorted(set(moments))
        self.edited = True
        self._show()

    def add(self) -> None:
        moment = self._from_edit()
        if moment is not None:
            self._set([*self.callbacks, moment])
            self.callback_list.setCurrentRow(self.callbacks.index(moment))

    def change(self) -> None:
        row = self.callback_list.currentRow()
        moment = self._from_edit()
        if moment is None or not 0 <= row < len(self.callbacks):
            return
        moments = list(self.callbacks)
        moments[row] = moment
        self._set(moments)
        self.callback_list.setCurrentRow(self.callbacks.index(moment))

    def remove(self) -> None:
        row = self.callback_list.currentRow()
        if 0 <= row < len(self.callbacks):
            self._set([m for i, m in enumerate(self.callbacks) if i != row])

    def reset(self) -> None:
        self.edited = False
        self.prefill()
