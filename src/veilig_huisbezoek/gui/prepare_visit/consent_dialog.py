"""The leidinggevende's co-signature for a visit at level rood, given on the spot."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import UserError
from ...services import accounts, planning
from ...services.accounts import CoSignature, co_sign
from ...services.context import ServiceContext
from ...services.planning import ConsentGrant
from ...storage.errors import StoreError
from ..forms import setup_form
from ..forms_generated.ui_prepare_consent import Ui_ConsentForm
from ..i18n import error_text
from ..look import ERROR_STYLE, PRIMARY_BUTTON_STYLE
from ..screen_fit import keep_fitted
from ..tasks import TaskRunner


class ConsentDialog(QDialog):
    """A leidinggevende co-signs here with their own name and password (checked off the
    GUI thread) and a reason; ``signed`` carries the :class:`ConsentGrant`."""

    signed = Signal(object)

    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, visit_text: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.setWindowTitle(self.tr("Toestemming leidinggevende"))
        self.setModal(True)
        self.ui = Ui_ConsentForm()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.user_edit = self.ui.leadUserEdit
        self.password_edit = self.ui.leadPasswordEdit
        self.reason_edit = self.ui.consentReasonEdit
        self.error_label = self.ui.consentErrorLabel
        self.sign_button = self.ui.signButton
        self.cancel_button = self.ui.cancelButton
        self.ui.visitLabel.setText(visit_text)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.sign_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        self.sign_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.reject)
        self._busy = False
        self._reason = ""
        self.grant: ConsentGrant | None = None
        self.user_edit.setFocus()
        keep_fitted(self)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(f"⚠ {message}" if message else "")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.user_edit, self.password_edit, self.reason_edit, self.sign_button):
            widget.setEnabled(not busy)
        self.sign_button.setText(
            self.tr("Bezig met controleren…") if busy else self.tr("&Toestemming geven")
        )

    def _submit(self) -> None:
        if self._busy:
            return
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not user or not password:
            self._show_error(
                self.tr("Vul de gebruikersnaam en het wachtwoord van de leidinggevende in.")
            )
            (self.user_edit if not user else self.password_edit).setFocus()
            return
        try:
            self._reason = planning.check_consent_reason(self.reason_edit.toPlainText())
        except UserError as exc:
            self._show_error(error_text(exc))
            self.reason_edit.setFocus()
            return
        self._show_error("")
        self._set_busy(True)
        ctx = self.ctx

        def job() -> CoSignature:
            return co_sign(ctx, user, password, accounts.COSIGN_CONSENT)

        self.tasks.run(job, self._verified, self._failed)

    def _verified(self, signed: object) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        if not self.isVisible():  # cancelled while checking
            return
        assert isinstance(signed, CoSignature)
        try:
            planning.check_consent_giver(self.ctx, signed.actor)
        except UserError as exc:
            self._show_error(error_text(exc))
            self.user_edit.setFocus()
            return
        self.grant = ConsentGrant(signed.actor, self._reason, signed.token)
        self.signed.emit(self.grant)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        self.password_edit.setFocus()
        if isinstance(error, StoreError):
            self._show_error(error_text(error))
        else:
            self._show_error(self.tr("Controleren mislukt door een onverwachte fout."))
