"""First run: an empty data folder; create the database and the first account.

The services and the store are imported when they are first used, so that showing
this screen (or the login screen, which imports this module) does not load them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..domain.clock import Clock
from ..domain.errors import UserError
from ..storage.errors import StoreError
from .forms import setup_form
from .forms_generated.ui_first_run import Ui_FirstRunWidget
from .i18n import error_text
from .keys import on_return
from .look import ERROR_STYLE, scaled_font
from .screen_fit import page_scroll
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..services.accounts import NewAccount
    from ..services.context import ServiceContext


def create_store_with_first_account(
    data_dir: Path, new: NewAccount, clock: Clock | None = None
) -> ServiceContext:
    from ..services.accounts import create_store_with_first_account as create

    return create(data_dir, new, clock)


class FirstRunView(QWidget):
    created = Signal(object)  # ServiceContext

    def __init__(
        self,
        data_dir: Path,
        tasks: TaskRunner,
        *,
        create: Callable[[Path, NewAccount], ServiceContext] = create_store_with_first_account,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._tasks = tasks
        self._create = create
        self.ui = Ui_FirstRunWidget()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_scroll(self.form))
        self.user_edit = self.ui.userEdit
        self.first_name_edit = self.ui.firstNameEdit
        self.last_name_edit = self.ui.lastNameEdit
        self.password_edit = self.ui.passwordEdit
        self.repeat_edit = self.ui.repeatEdit
        self.create_button = self.ui.createButton
        self.error_label = self.ui.errorLabel
        self.error_label.setStyleSheet(ERROR_STYLE)
        title = self.ui.titleLabel
        title.setFont(scaled_font(title, 1.6))
        self.create_button.clicked.connect(self._submit)
        on_return(self.repeat_edit, self._submit)

    def _submit(self) -> None:
        if not self.create_button.isEnabled():  # already creating
            return
        from ..services.accounts import NewAccount, check_password, check_username

        password = self.password_edit.text()
        try:
            username = check_username(self.user_edit.text())
            names = (username, self.first_name_edit.text(), self.last_name_edit.text())
            check_password(password, names=names)
        except UserError as exc:
            self.error_label.setText(error_text(exc))
            return
        if not self.first_name_edit.text().strip():
            self.error_label.setText(self.tr("Voornaam: dit veld is verplicht."))
            self.first_name_edit.setFocus()
            return
        if password != self.repeat_edit.text():
            self.error_label.setText(self.tr("De wachtwoorden zijn niet gelijk."))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        new = NewAccount(
            self.user_edit.text(),
            password,
            self.first_name_edit.text(),
            self.last_name_edit.text(),
            frozenset(),
        )
        self.error_label.setText("")
        self.create_button.setEnabled(False)
        self.create_button.setText(self.tr("Bezig met aanmaken…"))
        data_dir, create = self._data_dir, self._create
        self._tasks.run(lambda: create(data_dir, new), self._done, self._failed)

    def _done(self, ctx: object) -> None:
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.created.emit(ctx)

    def _failed(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.create_button.setText(self.tr("&Database aanmaken"))
        if isinstance(error, UserError | StoreError):
            self.error_label.setText(error_text(error))
        else:
            self.error_label.setText(self.tr("Aanmaken mislukt door een onverwachte fout."))
