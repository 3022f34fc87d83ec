"""The register page's reason form: rejecting a proposed note or retiring one, with the
reason the person gives."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ..domain.register import NoteStatus, UnsafeAddressNote
from ..services import register as register_service
from ..services.context import ServiceContext
from .forms_generated.ui_register_page import Ui_RegisterPage
from .i18n import domain_text
from .register_host import RegisterHost
from .register_model import date_text


class RegisterReasonForm(QObject):
    def __init__(
        self, ctx: ServiceContext, host: RegisterHost, ui: Ui_RegisterPage, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._host = host
        self._note_id: int | None = None
        self._action: Callable[[ServiceContext, int, str], Any] | None = None
        self.reason_page = ui.reasonPage
        self.reason_title_label = ui.reasonTitleLabel
        self.reason_note_label = ui.reasonNoteLabel
        self.reason_edit = ui.reasonEdit
        self.reason_error_label = ui.reasonErrorLabel
        self.confirm_reason_button = ui.confirmReasonButton
        self.cancel_reason_button = ui.cancelReasonButton
        self.confirm_reason_button.clicked.connect(self.confirm)

    def forget(self) -> None:
        """Back on the details: no note is being rejected or retired."""
        self._note_id = None
        self._action = None

    def _start(
        self,
        title: str,
        button: str,
        action: Callable[[ServiceContext, int, str], Any],
    ) -> None:
        entry = self._host.selected_entry()
        if entry is None:
            return
        self._note_id = entry.id
        self._action = action
        self.reason_title_label.setText(title)
        self.reason_note_label.setText(
            f"{entry.note.address.one_line()} — {domain_text(entry.note.category.label)}, "
            f"{date_text(entry.note.incident_date)}"
        )
        self.confirm_reason_button.setText(button)
        self.confirm_reason_button.setAccessibleName(button.replace("&", ""))
        self.reason_edit.clear()
        self.reason_error_label.clear()
        self._host.switch_side(self.reason_page)
        self.reason_edit.setFocus()

    def start_reject(self) -> None:
        self._start(self.tr("Notitie afwijzen"), self.tr("&Afwijzen"), register_service.reject_note)

    def start_retire(self) -> None:
        self._start(
            self.tr("Notitie intrekken"), self.tr("&Intrekken"), register_service.retire_note
        )

    def confirm(self) -> None:
        action, note_id = self._action, self._note_id
        if action is None or note_id is None:
            return
        ctx, reason = self._ctx, self.reason_edit.toPlainText()
        title = self.reason_title_label.text()
        self.reason_error_label.clear()

        def text(note: object) -> str:
            if isinstance(note, UnsafeAddressNote) and note.status is NoteStatus.AFGEWEZEN:
                return self.tr("Notitie afgewezen: {address}.").format(
                    address=note.address.one_line()
                )
            if isinstance(note, UnsafeAddressNote):
                return self.tr(
                    "Notitie ingetrokken: {address}. Er wordt niet meer gewaarschuwd."
                ).format(address=note.address.one_line())
            return title

        self._host.act(lambda: action(ctx, note_id, reason), text, self._failed)

    def _failed(self, text: str) -> None:
        self.reason_error_label.setText(text)
        self.reason_edit.setFocus()
