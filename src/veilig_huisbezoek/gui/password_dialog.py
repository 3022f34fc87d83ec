"""Set a password: one's own (with the current one) or, for a beheerder, someone else's.

One's own: re-wraps only that person's key slot (Argon2id: slow, so off the GUI
thread). A beheerder's reset (forgotten or leaked) also gives the database a new key,
so that the old password, also from an older copy of the key file, opens nothing;
``rotation`` says what became of that key.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ..domain.errors import UserError
from ..services import accounts
from ..services.accounts import KeyRotation
from ..services.context import ServiceContext
from ..storage.errors import StoreError
from .cosign_box import CoSignBox, sign
from .forms import setup_form
from .forms_generated.ui_password_dialog import Ui_PasswordForm
from .i18n import error_text
from .look import ERROR_STYLE, PRIMARY_BUTTON_STYLE
from .screen_fit import keep_fitted
from .tasks import TaskRunner


class PasswordDialog(QDialog):
    """``done_text`` carries the Dutch confirmation once the password is stored."""

    saved = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        account_id: int | None = None,
        username: str = "",
        lead: bool = False,
    ) -> None:
        """Without ``account_id``: change one's own password; with it: a beheerder's reset
        (``lead``: of a leidinggevende, which a second leidinggevende co-signs)."""
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.account_id = account_id
        self.username = username
        self.ui = Ui_PasswordForm()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.intro_label = self.ui.introLabel
        self.current_edit = self.ui.currentEdit
        self.new_edit = self.ui.newEdit
        self.repeat_edit = self.ui.repeatEdit
        self.error_label = self.ui.errorLabel
        self.ok_button = self.ui.okButton
        self.cancel_button = self.ui.cancelButton
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.ok_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        own = account_id is None
        self.setWindowTitle(
            self.tr("Wachtwoord wijzigen")
            if own
            else self.tr("Nieuw wachtwoord voor {user}").format(user=username)
        )
        self.intro_label.setText(
            self.tr(
                "Kies een wachtwoord van minstens 10 tekens dat niet te raden is, "
                "bijvoorbeeld een zin van een paar woorden. De database wordt niet opnieuw "
                "versleuteld."
            )
            if own
            else self.tr(
                "Een nieuw wachtwoord voor {user}, die het vergeten is of bij wie het is "
                "uitgelekt. Geef het persoonlijk door; het oude wachtwoord werkt daarna "
                "niet meer, en de database krijgt een nieuwe sleutel. Bij de volgende "
                "aanmelding ziet {user} wie het wachtwoord herstelde en wanneer."
            ).format(user=username)
        )
        if not own:
            self.current_edit.hide()
            self.ui.currentEditLabel.hide()
        self.ok_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.reject)
        self.cosign_box = CoSignBox(self)
        outer = self.ui.outerLayout
        outer.insertWidget(outer.indexOf(self.error_label), self.cosign_box)
        # Asked for a leidinggevende until the task runner says whether the team has
        # another one to co-sign (unreachable: asked; the service decides when saving).
        self._cosign = not own and lead
        self.cosign_box.setVisible(self._cosign)
        if self._cosign:
            with contextlib.suppress(RuntimeError):  # the window is closing
                tasks.run(
                    lambda: accounts.needs_lead_cosign(ctx, account_id),
                    self._cosign_known,
                    lambda _error: None,
                    owner=self,
                )
        QWidget.setTabOrder(self.repeat_edit, self.cosign_box.user_edit)
        QWidget.setTabOrder(self.cosign_box.user_edit, self.cosign_box.password_edit)
        QWidget.setTabOrder(self.cosign_box.password_edit, self.ok_button)
        (self.current_edit if own else self.new_edit).setFocus()
        self._busy = False
        self.rotation: KeyRotation | None = None
        keep_fitted(self)

    def _cosign_known(self, needed: object) -> None:
        self._cosign = bool(needed)
        self.cosign_box.setVisible(self._cosign)

    def _submit(self) -> None:
        if self._busy:
            return
        new = self.new_edit.text()
        if new != self.repeat_edit.text():
            self.error_label.setText(self.tr("De nieuwe wachtwoorden zijn niet gelijk."))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        # A quick check here; the service checks again with the names and municipality.
        actor = self.ctx.actor
        names = (
            (actor.username, actor.first_name, actor.last_name)
            if self.account_id is None
            else (self.username,)
        )
        try:
            accounts.check_password(new, field=self.tr("Nieuw wachtwoord"), names=names)
        except UserError as exc:
            self.error_label.setText(error_text(exc))
            self.new_edit.setFocus()
            return
        try:
            signer = self.cosign_box.credentials() if self._cosign else None
        except UserError as exc:
            self.error_label.setText(error_text(exc))
            self.cosign_box.user_edit.setFocus()
            return
        ctx, account_id, current = self.ctx, self.account_id, self.current_edit.text()
        job: Callable[[], KeyRotation | None]
        if account_id is None:

            def job() -> KeyRotation | None:
                accounts.change_password(ctx, current, new)
                return None

        else:

            def job() -> KeyRotation | None:
                cosign = sign(ctx, *signer, accounts.COSIGN_LEAD_PASSWORD) if signer else None
                return accounts.reset_password(ctx, account_id, new, cosign)

        self._set_busy(True)
        self.cosign_box.clear_password()
        self.tasks.run(job, self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.current_edit, self.new_edit, self.repeat_edit, self.ok_button):
            widget.setEnabled(not busy)

    def _done(self, result: object) -> None:
        self.rotation = result if isinstance(result, KeyRotation) else None
        self._set_busy(False)
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        self.saved.emit(self.tr("Het nieuwe wachtwoord is ingesteld."))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.current_edit.clear()
        if isinstance(error, UserError | StoreError):
            self.error_label.setText(error_text(error))
        else:
            self.error_label.setText(self.tr("Opslaan mislukt door een onverwachte fout."))
        (self.current_edit if self.current_edit.isVisible() else self.new_edit).setFocus()
