"""Beheer: the accounts of this database (beheerder only; the service checks it too).

Adding an account and setting a password derive keys (Argon2id), and removing one
re-encrypts the database with a new key, so they run on the task runner; the dialogs
stay open with a Dutch message when something is refused. The "Toegang" column says
per account whether its key slot still opens the database (see
:func:`..services.accounts.key_statuses`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import UserError
from ..domain.phone import format_phone
from ..domain.roles import Role
from ..services import accounts
from ..services.accounts import AccountSummary, KeyRotation, KeyStatus, NewAccount
from ..services.context import ServiceContext
from ..storage.errors import StoreError
from .cosign_box import CoSignBox, sign
from .forms import setup_form
from .forms_generated.ui_account_dialog import Ui_AccountForm
from .forms_generated.ui_accounts_page import Ui_AccountsPage
from .hub import AppHub
from .i18n import domain_text, error_text, failure_text
from .keys import return_focus
from .look import ERROR_STYLE, OK_STYLE, PRIMARY_BUTTON_STYLE, scaled_font
from .page_base import WorkspacePage
from .password_dialog import PasswordDialog
from .screen_fit import keep_fitted
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
            self.tr("Toegang"),
        )
        self._statuses: Mapping[int, KeyStatus] = {}

    def set_rows(
        self, rows: list[AccountSummary], statuses: Mapping[int, KeyStatus] | None = None
    ) -> None:
        self._statuses = dict(statuses or {})
        self.replace_rows(rows)

    def status_text(self, account_id: int) -> str:
        status = self._statuses.get(account_id)
        if status is KeyStatus.OK:
            return self.tr("In orde")
        if status is KeyStatus.OLD_SLOT:
            return self.tr("Oude sleutel: nog niet ingelogd sinds de update")
        if status is KeyStatus.NEEDS_PASSWORD:
            return self.tr("Nieuw wachtwoord nodig")
        return ""

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
            self.status_text(row.id),
        )[index.column()]


class AccountDialog(QDialog):
    """A new account: name, roles, phone and a first password (typed twice)."""

    def __init__(self, ctx: ServiceContext, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.setWindowTitle(self.tr("Account toevoegen"))
        self.ui = Ui_AccountForm()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.user_edit = self.ui.userEdit
        self.first_edit = self.ui.firstNameEdit
        self.last_edit = self.ui.lastNameEdit
        self.phone_edit = self.ui.phoneEdit
        self.password_edit = self.ui.passwordEdit
        self.repeat_edit = self.ui.repeatEdit
        self.role_checks = {
            Role.MEDEWERKER: self.ui.medewerkerCheck,
            Role.LEIDINGGEVENDE: self.ui.leidinggevendeCheck,
            Role.BEHEERDER: self.ui.beheerderCheck,
        }
        self.error_label = self.ui.errorLabel
        self.ok_button = self.ui.okButton
        self.cancel_button = self.ui.cancelButton
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.ok_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        self.ok_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.reject)
        # Four eyes: a new leidinggevende needs a second one to sign here.
        self.cosign_box = CoSignBox(self)
        outer = self.ui.outerLayout
        outer.insertWidget(outer.indexOf(self.error_label), self.cosign_box)
        # Asked until the task runner says whether the team has a leidinggevende to
        # co-sign (unreachable: asked; the service decides when saving).
        self._cosign_needed = True
        with contextlib.suppress(RuntimeError):  # the window is closing
            tasks.run(
                lambda: accounts.needs_lead_cosign(ctx),
                self._cosign_known,
                lambda _error: None,
                owner=self,
            )
        lead_check = self.role_checks[Role.LEIDINGGEVENDE]
        lead_check.toggled.connect(lambda _on: self._show_cosign())
        self._show_cosign()
        # After the roles, before the buttons (where the box is added, below the roles).
        QWidget.setTabOrder(self.role_checks[Role.BEHEERDER], self.cosign_box.user_edit)
        QWidget.setTabOrder(self.cosign_box.user_edit, self.cosign_box.password_edit)
        QWidget.setTabOrder(self.cosign_box.password_edit, self.ok_button)
        self.user_edit.setFocus()
        self.added_username = ""
        self._busy = False
        keep_fitted(self)  # grows when the co-sign box shows: no squeezed fields

    def _cosign_known(self, needed: object) -> None:
        self._cosign_needed = bool(needed)
        self._show_cosign()

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
            self.error_label.setText(error_text(exc))
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
            self.error_label.setText(error_text(error))
        else:
            self.error_label.setText(self.tr("Opslaan mislukt door een onverwachte fout."))


@dataclass(frozen=True)
class _Accounts:
    """What the page shows, read on the task runner: the accounts, whether each key slot
    opens the database, and the number of kept backups (None: not read)."""

    rows: list[AccountSummary]
    statuses: dict[int, KeyStatus]
    backup_keep: int | None


def _read_accounts(ctx: ServiceContext) -> _Accounts:
    """On the task runner: the accounts, their key statuses and (for a database that
    gets a new key on removal) the number of kept backups for the intro."""
    rows = accounts.list_accounts(ctx)
    statuses = accounts.key_statuses(ctx)
    keep: int | None = None
    if ctx.store.rotates_key:
        from ..services.settings import load_settings

        try:
            keep = load_settings(ctx).backup_keep
        except (UserError, StoreError):
            keep = None  # the form's text names the default, 7
    return _Accounts(rows, statuses, keep)


class AccountsPage(WorkspacePage[Ui_AccountsPage]):
    """The accounts, read on the task runner (``reload``); adding, a new password and
    removing run there too, and the list is read again after each."""

    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, hub: AppHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(Ui_AccountsPage(), ctx, tasks, hub, parent)
        self.title = self.tr("Accounts")
        title = self.ui.titleLabel
        title.setFont(scaled_font(title, 1.35))
        self.intro_label = self.ui.introLabel
        self.table = self.ui.accountTable
        self.add_button = self.ui.addButton
        self.reset_button = self.ui.resetButton
        self.remove_button = self.ui.removeButton
        self.message_label = self.ui.messageLabel
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
        self.statuses: dict[int, KeyStatus] = {}
        self._busy = False
        # What to do once the list has been read again (select, say what was done).
        self._after_read: list[Callable[[], None]] = []
        self._set_intro(None)
        self.refresh()

    def _set_intro(self, keep: int | None) -> None:
        """What removing an account does, with this store's number of kept backups
        (``keep`` None: not read yet, the form's text names the default, 7)."""
        if not self.ctx.store.rotates_key:
            self.intro_label.setText(
                self.tr(
                    "Iedereen logt in met een eigen naam en wachtwoord. Verwijdert u een "
                    "account of stelt u een nieuw wachtwoord in voor iemand anders, dan "
                    "krijgt het team een nieuwe teamsleutel: wat daarna wordt vastgelegd, "
                    "opent niet met de oude. Wat eerder is vastgelegd, versleutelt de "
                    "beheerder van de server opnieuw ('admin reseal')."
                )
            )
            return
        if keep is None:
            return
        self.intro_label.setText(
            self.tr(
                "Iedereen logt in met een eigen naam en wachtwoord. Verwijdert u een account "
                "of stelt u een nieuw wachtwoord in voor iemand anders, dan krijgt de "
                "database een nieuwe sleutel: een oude kopie van het sleutelbestand opent de "
                "huidige database daarna niet meer. Oudere back-ups blijven wel te openen met "
                "de wachtwoorden van toen, tot ze verwijderd zijn (de app bewaart de laatste "
                "{keep} automatische back-ups)."
            ).format(keep=keep)
        )

    # ---- data ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the accounts on the task runner (never the store on the GUI thread)."""
        ctx = self.ctx
        self.load_in_background(lambda: _read_accounts(ctx), self._loaded, self._load_failed)

    def _read_then(self, then: Callable[[], None]) -> None:
        """Read the list again, then ``then`` (say what was done, with the new list)."""
        self._after_read.append(then)
        self.refresh()
        if not self.reading:  # offline, or the window is closing: no read comes
            self._run_after_read()

    def _run_after_read(self) -> None:
        waiting, self._after_read = self._after_read, []
        for then in waiting:
            then()

    def _loaded(self, result: object) -> None:
        assert isinstance(result, _Accounts)
        self._set_intro(result.backup_keep)
        self.statuses = result.statuses
        self.model.set_rows(result.rows, self.statuses)
        self._update_buttons()
        warning = self._locked_out_warning()
        if warning:
            self._say(warning, error=True)
        if not self._read_again:  # else after the read that follows
            self._run_after_read()

    def _load_failed(self, error: BaseException) -> None:
        self._run_after_read()
        text = failure_text(error)
        said = self.message_label.text()
        self._say(f"{said} {text}" if said else text, error=True)

    def _locked_out_warning(self) -> str:
        locked_out = [
            row.username
            for row in self.model.rows
            if self.statuses.get(row.id) is KeyStatus.NEEDS_PASSWORD
        ]
        if not locked_out:
            return ""
        return self.tr(
            "Deze accounts kunnen de database niet meer openen: die kreeg een nieuwe sleutel "
            "toen zij nog een sleutel van vóór de update hadden. Stel voor hen een nieuw "
            "wachtwoord in: {users}."
        ).format(users=", ".join(locked_out))

    def select(self, username: str) -> None:
        row = self.model.row_of(username)
        if row is not None:
            self.table.selectRow(row)

    def selected(self) -> AccountSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        idle = not self._busy
        self.add_button.setEnabled(idle)
        self.reset_button.setEnabled(idle and chosen is not None)
        self.remove_button.setEnabled(
            idle and chosen is not None and chosen.id != self.ctx.actor.account_id
        )

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message_label.setText(text)

    # ---- actions -------------------------------------------------------------------
    def add(self) -> None:
        dialog = AccountDialog(self.ctx, self.tasks, self)
        dialog.accepted.connect(lambda: self._added(dialog.added_username))
        # Added: on the new account in the list; cancelled: back on Toevoegen.
        return_focus(dialog, lambda: self.table if dialog.added_username else None)
        self.dialog = dialog
        dialog.open()

    def _added(self, username: str) -> None:
        text = self.tr("Account {user} toegevoegd.").format(user=username)
        self._say(text)

        def then() -> None:
            self.select(username)
            self._say(text)

        self._read_then(then)

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
        dialog.saved.connect(lambda _text: self._password_reset(chosen.username, dialog.rotation))
        return_focus(dialog)
        self.dialog = dialog
        dialog.open()

    def _password_reset(self, username: str, rotation: KeyRotation | None) -> None:
        text = self.tr("Nieuw wachtwoord ingesteld voor {user}.").format(user=username)
        text += self._rotation_note(rotation)
        self._say(text)
        self._read_then(lambda: self._say_with_warning(text))

    def _say_with_warning(self, text: str) -> None:
        warning = self._locked_out_warning()
        self._say(f"{text} {warning}" if warning else text, error=bool(warning))

    def _rotation_note(self, rotation: KeyRotation | None) -> str:
        if rotation is KeyRotation.PENDING:
            return " " + self.tr(
                "De database krijgt een nieuwe sleutel zodra hij nergens anders meer open "
                "is (bij de volgende aanmelding)."
            )
        if rotation is KeyRotation.DONE and not self.ctx.store.rotates_key:
            return " " + self.tr(
                "Het team heeft een nieuwe teamsleutel; laat de beheerder van de server "
                "wat eerder is vastgelegd opnieuw versleutelen ('admin reseal')."
            )
        return ""

    def remove(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.id == self.ctx.actor.account_id or self._busy:
            return
        if self.ctx.store.rotates_key:
            text = self.tr(
                "Account {user} ({name}) verwijderen? Deze persoon kan daarna niet meer "
                "inloggen; wat hij of zij vastlegde blijft bewaard. De database krijgt een "
                "nieuwe sleutel, zodat ook een oude kopie van het sleutelbestand hem niet "
                "meer opent."
            ).format(user=chosen.username, name=chosen.display_name)
        else:
            text = self.tr(
                "Account {user} ({name}) verwijderen? Deze persoon kan daarna niet meer "
                "inloggen; wat hij of zij vastlegde blijft bewaard. Het team krijgt een "
                "nieuwe teamsleutel, zodat de sleutel die deze persoon had wat daarna "
                "wordt vastgelegd niet opent."
            ).format(user=chosen.username, name=chosen.display_name)
        old = [
            row.username
            for row in self.model.rows
            if row.id != chosen.id and self.statuses.get(row.id) is KeyStatus.OLD_SLOT
        ]
        if old:
            text += "\n\n" + self.tr(
                "Let op: {users} heeft nog een sleutel van vóór de update en kan de "
                "database daarna pas weer openen met een nieuw wachtwoord van u. Laat "
                "zo iemand eerst één keer inloggen, dan is dat niet nodig."
            ).format(users=", ".join(old))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Account verwijderen"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._remove_answered(result, chosen))
        # Removing (the buttons wait meanwhile): on the list; not: back on Verwijderen.
        return_focus(box, lambda: self.table if self._busy else None)
        self.confirm_box = box
        box.open()

    def _remove_answered(self, result: int, chosen: AccountSummary) -> None:
        self.confirm_box = None
        if result != QMessageBox.StandardButton.Yes:
            return
        ctx = self.ctx
        self._busy = True
        self._update_buttons()
        self._say(self.tr("Account {user} wordt verwijderd…").format(user=chosen.username))
        self.tasks.run(
            lambda: accounts.remove_account(ctx, chosen.id),
            lambda rotation: self._removed(chosen, rotation),
            self._remove_failed,
            owner=self,
        )

    def _removed(self, chosen: AccountSummary, rotation: object) -> None:
        self._busy = False
        self._update_buttons()
        text = self.tr("Account {user} verwijderd.").format(user=chosen.username)
        if rotation is KeyRotation.DONE and self.ctx.store.rotates_key:
            text += " " + self.tr("De database heeft een nieuwe sleutel.")
        text += self._rotation_note(rotation if isinstance(rotation, KeyRotation) else None)
        self._say(text)
        self._read_then(lambda: self._say_with_warning(text))

    def _remove_failed(self, error: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        if isinstance(error, UserError | StoreError):
            text = error_text(error)
        else:
            text = self.tr("Verwijderen mislukt door een onverwachte fout.")
        self._say(text, error=True)
        self._read_then(lambda: self._say(text, error=True))
