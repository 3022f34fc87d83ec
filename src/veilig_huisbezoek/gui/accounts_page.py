"""Beheer: the accounts of this database (beheerder only; the service checks it too).

Adding an account and setting a password derive keys (Argon2id), so they run on the
task runner; the dialogs stay open with a Dutch message when something is refused.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import UserError
from ..domain.phone import format_phone
from ..domain.roles import Role
from ..services import accounts
from ..services.accounts import AccountSummary, NewAccount
from ..services.context import ServiceContext
from ..storage.errors import StoreError
from .cosign_box import CoSignBox, sign
from .forms import child, load_form
from .hub import AppHub
from .i18n import domain_text
from .look import ERROR_STYLE, OK_STYLE, PRIMARY_BUTTON_STYLE, scaled_font
from .password_dialog import PasswordDialog
from .table_model import RowTableModel
from .tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex


class AccountTableModel(RowTableModel[AccountSummary]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Gebruikersnaam"),
            self.tr("Naam"),
            self.tr("Rollen"),
            self.tr("Telefoon"),
        )

    def set_rows(self, rows: list[AccountSummary]) -> None:
        self.replace_rows(rows)

    def row_of(self, username: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.username == username), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row = self._rows[index.row()]
        return (
            row.username,
            row.display_name,
            ", ".join(domain_text(r.label) for r in Role if r in row.roles),
            format_phone(row.phone) if row.phone else "",
        )[index.column()]


class AccountDialog(QDialog):
    """A new account: name, roles, phone and a first password (typed twice)."""

    def __init__(self, ctx: ServiceContext, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.setWindowTitle(self.tr("Account toevoegen"))
        self.form = load_form("account_dialog", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        f = self.form
        self.user_edit = child(f, QLineEdit, "userEdit")
        self.first_edit = child(f, QLineEdit, "firstNameEdit")
        self.last_edit = child(f, QLineEdit, "lastNameEdit")
        self.phone_edit = child(f, QLineEdit, "phoneEdit")
        self.password_edit = child(f, QLineEdit, "passwordEdit")
        self.repeat_edit = child(f, QLineEdit, "repeatEdit")
        self.role_checks = {
            Role.MEDEWERKER: child(f, QCheckBox, "medewerkerCheck"),
            Role.LEIDINGGEVENDE: child(f, QCheckBox, "leidinggevendeCheck"),
            Role.BEHEERDER: child(f, QCheckBox, "beheerderCheck"),
        }
        self.error_label = child(f, QLabel, "errorLabel")
        self.ok_button = child(f, QPushButton, "okButton")
        self.cancel_button = child(f, QPushButton, "cancelButton")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.ok_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        self.ok_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.reject)
        # Four eyes: a new leidinggevende needs a second one to sign here.
        self.cosign_box = CoSignBox(self)
        outer = f.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.error_label), self.cosign_box)
        self._cosign_needed = accounts.needs_lead_cosign(ctx)
        lead_check = self.role_checks[Role.LEIDINGGEVENDE]
        lead_check.toggled.connect(lambda _on: self._show_cosign())
        self._show_cosign()
        # After the password fields, before the buttons (the box is added after the form).
        QWidget.setTabOrder(self.repeat_edit, self.cosign_box.user_edit)
        QWidget.setTabOrder(self.cosign_box.user_edit, self.cosign_box.password_edit)
        QWidget.setTabOrder(self.cosign_box.password_edit, self.ok_button)
        self.user_edit.setFocus()
        self.added_username = ""
        self._busy = False

    def _needs_cosign(self) -> bool:
        return self._cosign_needed and self.role_checks[Role.LEIDINGGEVENDE].isChecked()

    def _show_cosign(self) -> None:
        self.cosign_box.setVisible(self._needs_cosign())

    def value(self) -> NewAccount:
        return NewAccount(
            self.user_edit.text(),
            self.password_edit.text(),
            self.first_edit.text(),
            self.last_edit.text(),
            frozenset(role for role, box in self.role_checks.items() if box.isChecked()),
            self.phone_edit.text(),
        )

    def _submit(self) -> None:
        if self._busy:
            return
        if self.password_edit.text() != self.repeat_edit.text():
            self.error_label.setText(self.tr("De wachtwoorden zijn niet gelijk."))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        if not any(box.isChecked() for box in self.role_checks.values()):
            self.error_label.setText(self.tr("Rollen: kies minstens één rol."))
            return
        new = self.value()
        try:
            accounts.validate_new_account(new)
            signer = self.cosign_box.credentials() if self._needs_cosign() else None
        except UserError as exc:
            self.error_label.setText(str(exc))
            return
        ctx = self.ctx

        def job() -> int:
            cosign = (
                sign(ctx, *signer, accounts.COSIGN_LEAD_ACCOUNT) if signer is not None else None
            )
            return accounts.add_account(ctx, new, cosign)

        self._busy = True
        self.ok_button.setEnabled(False)
        self.cosign_box.clear_password()
        self.tasks.run(job, self._added, self._failed)

    def _added(self, _account_id: object) -> None:
        self._busy = False
        self.added_username = self.user_edit.text().strip()
        self.password_edit.clear()
        self.repeat_edit.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)
        if isinstance(error, UserError | StoreError):
            self.error_label.setText(str(error))
        else:
            self.error_label.setText(self.tr("Opslaan mislukt door een onverwachte fout."))


class AccountsPage(QWidget):
    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, hub: AppHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = self.tr("Accounts")
        self.ctx = ctx
        self.tasks = tasks
        self.form = load_form("accounts_page", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        f = self.form
        title = child(f, QLabel, "titleLabel")
        title.setFont(scaled_font(title, 1.35))
        self.table = child(f, QTableView, "accountTable")
        self.add_button = child(f, QPushButton, "addButton")
        self.reset_button = child(f, QPushButton, "resetButton")
        self.remove_button = child(f, QPushButton, "removeButton")
        self.message_label = child(f, QLabel, "messageLabel")
        self.model = AccountTableModel(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button.clicked.connect(self.add)
        self.reset_button.clicked.connect(self.reset_password)
        self.remove_button.clicked.connect(self.remove)
        self.dialog: QDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.refresh()

    # ---- data ----------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            rows = accounts.list_accounts(self.ctx)
        except (UserError, StoreError) as exc:
            self._say(str(exc), error=True)
            return
        self.model.set_rows(rows)
        self._update_buttons()

    def select(self, username: str) -> None:
        row = self.model.row_of(username)
        if row is not None:
            self.table.selectRow(row)

    def selected(self) -> AccountSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.reset_button.setEnabled(chosen is not None)
        self.remove_button.setEnabled(chosen is not None and chosen.id != self.ctx.actor.account_id)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message_label.setText(text)

    # ---- actions -------------------------------------------------------------------
    def add(self) -> None:
        dialog = AccountDialog(self.ctx, self.tasks, self)
        dialog.accepted.connect(lambda: self._added(dialog.added_username))
        self.dialog = dialog
        dialog.open()

    def _added(self, username: str) -> None:
        self.refresh()
        self.select(username)
        self._say(self.tr("Account {user} toegevoegd.").format(user=username))

    def reset_password(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = PasswordDialog(
            self.ctx,
            self.tasks,
            self,
            account_id=chosen.id,
            username=chosen.username,
            lead=Role.LEIDINGGEVENDE in chosen.roles,
        )
        dialog.saved.connect(
            lambda _text: self._say(
                self.tr("Nieuw wachtwoord ingesteld voor {user}.").format(user=chosen.username)
            )
        )
        self.dialog = dialog
        dialog.open()

    def remove(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.id == self.ctx.actor.account_id:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Account verwijderen"),
            self.tr(
                "Account {user} ({name}) verwijderen? Deze persoon kan daarna niet meer "
                "inloggen; wat hij of zij vastlegde blijft bewaard."
            ).format(user=chosen.username, name=chosen.display_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._remove_answered(result, chosen))
        self.confirm_box = box
        box.open()

    def _remove_answered(self, result: int, chosen: AccountSummary) -> None:
        self.confirm_box = None
        if result != QMessageBox.StandardButton.Yes:
            return
        try:
            accounts.remove_account(self.ctx, chosen.id)
        except (UserError, StoreError) as exc:
            self._say(str(exc), error=True)
            return
        self.refresh()
        self._say(self.tr("Account {user} verwijderd.").format(user=chosen.username))
