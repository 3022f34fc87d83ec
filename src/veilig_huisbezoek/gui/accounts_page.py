"""Beheer: the accounts of this database (beheerder only; the service checks it too)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
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
from .hub import AppHub
from .tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex


class AccountTableModel(QAbstractTableModel):
    HEADERS = ("Gebruikersnaam", "Naam", "Rollen", "Telefoon")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AccountSummary] = []

    def set_rows(self, rows: list[AccountSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        return (
            row.username,
            row.display_name,
            ", ".join(sorted(r.value for r in row.roles)),
            format_phone(row.phone) if row.phone else "",
        )[index.column()]


class NewAccountDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Account toevoegen"))
        form = QFormLayout(self)
        self.user_edit = QLineEdit()
        self.first_edit = QLineEdit()
        self.last_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(role.label, role.value)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for label, widget in (
            (self.tr("&Gebruikersnaam"), self.user_edit),
            (self.tr("&Voornaam"), self.first_edit),
            (self.tr("&Achternaam"), self.last_edit),
            (self.tr("&Telefoon"), self.phone_edit),
            (self.tr("&Rol"), self.role_combo),
            (self.tr("&Wachtwoord (eerste keer)"), self.password_edit),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> NewAccount:
        return NewAccount(
            self.user_edit.text(),
            self.password_edit.text(),
            self.first_edit.text(),
            self.last_edit.text(),
            frozenset({Role(self.role_combo.currentData())}),
            self.phone_edit.text(),
        )


class AccountsPage(QWidget):
    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, hub: AppHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = self.tr("Accounts")
        self.ctx = ctx
        self.tasks = tasks
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Accounts van deze database. Iedereen logt in met een eigen wachtwoord; "
                    "een verwijderd account kan de database niet meer openen."
                )
            )
        )
        self.model = AccountTableModel()
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Account &toevoegen…"))
        self.reset_button = QPushButton(self.tr("&Nieuw wachtwoord instellen…"))
        self.remove_button = QPushButton(self.tr("Account &verwijderen"))
        for button in (self.add_button, self.reset_button, self.remove_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Melding"))
        layout.addWidget(self.message_label)
        self.add_button.clicked.connect(self._add)
        self.reset_button.clicked.connect(self._reset)
        self.remove_button.clicked.connect(self._remove)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(accounts.list_accounts(self.ctx))

    def _selected(self) -> AccountSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")
        self.message_label.setText(text)

    def _add(self) -> None:
        dialog = NewAccountDialog(self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            new = dialog.value()
            try:
                accounts.add_account(self.ctx, new)
            except (UserError, StoreError) as exc:
                dialog.error_label.setText(str(exc))
                continue
            self._say(self.tr("Account {user} toegevoegd.").format(user=new.username))
            self.refresh()
            return

    def _reset(self) -> None:
        account = self._selected()
        if account is None:
            self._say(self.tr("Kies eerst een account."), error=True)
            return
        password, ok = QInputDialog.getText(
            self,
            self.tr("Nieuw wachtwoord"),
            self.tr("Nieuw wachtwoord voor {user}:").format(user=account.username),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        try:
            accounts.reset_password(self.ctx, account.id, password)
        except (UserError, StoreError) as exc:
            self._say(str(exc), error=True)
            return
        self._say(self.tr("Nieuw wachtwoord ingesteld voor {user}.").format(user=account.username))

    def _remove(self) -> None:
        account = self._selected()
        if account is None:
            self._say(self.tr("Kies eerst een account."), error=True)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Account verwijderen"),
            self.tr(
                "Account {user} verwijderen? Deze persoon kan daarna niet meer inloggen."
            ).format(user=account.username),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            accounts.remove_account(self.ctx, account.id)
        except (UserError, StoreError) as exc:
            self._say(str(exc), error=True)
            return
        self._say(self.tr("Account {user} verwijderd.").format(user=account.username))
        self.refresh()
