"""The login screen: name + password, a clear message on failure, a Caps Lock hint.

When the database turns out to be damaged and an automatic backup exists, the screen
offers to restore it ("Herstellen uit reservekopie van <datum>"). After a confirmation
the damaged files are moved aside into a dated folder (never overwritten or deleted),
the backup is put back and the person is logged in (services.backups.restore_from_backup).

This is the first screen: it imports Qt and light modules only. The backup service
(and with it the database stack) is imported when a damaged store makes it needed.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.clock import Clock, SystemClock, to_local
from ..services.locations import holds_store
from ..storage.errors import StoreDamagedError, StoreError
from .forms import setup_form
from .forms_generated.ui_login import Ui_LoginWidget
from .i18n import domain_text, error_text
from .keys import on_return, return_focus
from .look import ERROR_STYLE, scaled_font
from .screen_fit import page_scroll
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..services.backups import BackupInfo
    from ..services.context import ServiceContext
    from ..services.throttle import LoginThrottle

LoginFunction = Callable[[Path, str, str], "ServiceContext"]


def caps_lock_suspected(event: QKeyEvent) -> bool | None:
    """Qt cannot read the Caps Lock state; infer it from a typed letter and Shift."""
    text = event.text()
    if len(text) != 1 or not text.isalpha() or text.upper() == text.lower():
        return None
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shift


LANGUAGES = (("nl", "Nederlands"), ("en", "English"))


class LoginView(QWidget):
    logged_in = Signal(object)  # ServiceContext
    language_selected = Signal(str)

    def __init__(
        self,
        data_dir: Path,
        login: LoginFunction,
        tasks: TaskRunner,
        *,
        demo_logins: list[tuple[str, str, str]] | None = None,
        language: str = "nl",
        clock: Clock | None = None,
        server: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``server``: a team server's host and database (``--database-url``); then
        ``data_dir`` only keys the login throttle."""
        super().__init__(parent)
        self.server = server
        self._data_dir = data_dir
        self._clock: Clock = clock or SystemClock()
        self._backup: BackupInfo | None = None  # offered for restoring after damage
        self.confirm_box: QMessageBox | None = None
        self._login = login
        self._tasks = tasks
        # Made on first use (services.throttle imports the key-file code: not needed to
        # show the window). A restore checks the password against the backup; the
        # damaged store's files are set aside as they are, so its key file does not
        # count these failures.
        self._throttles: dict[bool, LoginThrottle] = {}
        self._busy = False  # our own login in flight; the shared runner may be loading pages
        self.ui = Ui_LoginWidget()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_scroll(self.form))
        self.user_edit = self.ui.userEdit
        self.password_edit = self.ui.passwordEdit
        self.login_button = self.ui.loginButton
        self.error_label = self.ui.errorLabel
        self.caps_label = self.ui.capsLockLabel
        self.demo_label = self.ui.demoLabel
        self.language_combo = self.ui.languageCombo
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.language_selected.emit(self.language_combo.currentData())
        )
        title = self.ui.titleLabel
        title.setFont(scaled_font(title, 1.8))
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.caps_label.setStyleSheet("color: #8a5a00;")
        self.caps_label.hide()
        self.login_button.clicked.connect(self._submit)
        self.restore_button = QPushButton(self.form)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setAccessibleName(self.tr("Herstellen uit reservekopie"))
        self.restore_button.hide()
        self.restore_button.clicked.connect(self.confirm_restore)
        panel = self.error_label.parentWidget()
        assert panel is not None
        layout_of_error = panel.layout()
        assert isinstance(layout_of_error, QBoxLayout)
        layout_of_error.insertWidget(
            layout_of_error.indexOf(self.error_label) + 1, self.restore_button
        )
        on_return(self.password_edit, self._submit)
        on_return(self.user_edit, self.password_edit.setFocus)
        self.password_edit.installEventFilter(self)
        if server is not None:
            self.demo_label.setText(
                self.tr("Teamserver: {server}").format(server=html.escape(server))
            )
        elif demo_logins:
            # The role descriptions come from the demo data (services.demo), in Dutch:
            # the translation tool collects them into the domain context.
            rows = "".join(
                f"<tr><td><b>{html.escape(u)}</b></td><td><code>{html.escape(p)}</code></td>"
                f"<td>{html.escape(domain_text(d))}</td></tr>"
                for u, p, d in demo_logins
            )
            intro = self.tr("<b>Demo-database</b> (wordt bij afsluiten gewist). Accounts:")
            self.demo_label.setText(f"<p>{intro}</p><table cellspacing='6'>{rows}</table>")
        else:
            self.demo_label.hide()
        if server is None and not holds_store(data_dir):
            self._show_error(
                self.tr(
                    "Nog geen database in {folder}. Laat de beheerder er een aanmaken met "
                    "'veilig-huisbezoek admin init', of start met --demo."
                ).format(folder=data_dir)
            )
            self.login_button.setEnabled(False)

    def _throttle_for(self, use_key_file: bool) -> LoginThrottle:
        found = self._throttles.get(use_key_file)
        if found is None:
            from ..services.throttle import LoginThrottle

            found = LoginThrottle(self._data_dir, use_key_file=use_key_file)
            self._throttles[use_key_file] = found
        return found

    @property
    def _throttle(self) -> LoginThrottle:
        """The login brake."""
        return self._throttle_for(True)

    @_throttle.setter
    def _throttle(self, throttle: LoginThrottle) -> None:
        self._throttles[True] = throttle

    @property
    def _restore_throttle(self) -> LoginThrottle:
        """The brake for a restore from a backup (not counted in the key file)."""
        return self._throttle_for(False)

    @_restore_throttle.setter
    def _restore_throttle(self, throttle: LoginThrottle) -> None:
        self._throttles[False] = throttle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.password_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            suspected = caps_lock_suspected(event)
            if suspected is not None:
                self.caps_label.setVisible(suspected)
        return super().eventFilter(watched, event)

    def _show_error(self, message: str) -> None:
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setText(message)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.user_edit, self.password_edit, self.login_button, self.restore_button):
            widget.setEnabled(not busy)
        self.login_button.setText(self.tr("Bezig met inloggen…") if busy else self.tr("&Inloggen"))

    def _submit(self) -> None:
        if self._busy or not self.login_button.isEnabled():
            return
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not user or not password:
            self._show_error(self.tr("Vul uw gebruikersnaam en wachtwoord in."))
            (self.user_edit if not user else self.password_edit).setFocus()
            return
        self.error_label.setText("")
        self._offer_restore(None)
        self._set_busy(True)
        throttle, data_dir, login = self._throttle, self._data_dir, self._login

        def job() -> ServiceContext:
            return throttle.attempt(user, lambda: login(data_dir, user, password))

        self._tasks.run(job, self._succeeded, self._failed)

    def _succeeded(self, ctx: object) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        self.caps_label.hide()
        self.logged_in.emit(ctx)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        self.password_edit.setFocus()
        if isinstance(error, StoreError):
            self._show_error(error_text(error))
        else:
            self._show_error(self.tr("Inloggen mislukt door een onverwachte fout."))
        if isinstance(error, StoreDamagedError):
            from ..services.backups import latest_backup

            try:
                self._offer_restore(latest_backup(self._data_dir))
            except OSError:
                self._offer_restore(None)

    # ---- restoring from the latest automatic backup ------------------------------------
    def _backup_moment(self, backup: BackupInfo) -> str:
        return to_local(backup.created_at).strftime("%d-%m-%Y %H:%M")

    def _offer_restore(self, backup: BackupInfo | None) -> None:
        self._backup = backup
        if backup is None:
            self.restore_button.hide()
            return
        self.restore_button.setText(
            self.tr("Herstellen uit reservekopie van {moment}").format(
                moment=self._backup_moment(backup)
            )
        )
        self.restore_button.show()

    def confirm_restore(self) -> None:
        """Ask before restoring (non-blocking; ``confirm_box`` while it is open)."""
        backup = self._backup
        if backup is None or self._busy:
            return
        if not self.user_edit.text().strip() or not self.password_edit.text():
            self._show_error(
                self.tr(
                    "Vul uw gebruikersnaam en wachtwoord in; daarmee wordt de reservekopie geopend."
                )
            )
            (self.password_edit if self.user_edit.text().strip() else self.user_edit).setFocus()
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Herstellen uit reservekopie"),
            self.tr(
                "De beschadigde database wordt niet gewist of overschreven: hij wordt "
                "verplaatst naar een map ‘beschadigd-…’ in {folder}. Daarna wordt de "
                "reservekopie van {moment} teruggezet. Wat na dat moment is vastgelegd, "
                "staat niet in de reservekopie.\n\nDoorgaan?"
            ).format(folder=self._data_dir, moment=self._backup_moment(backup)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Ja, herstellen"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Nee"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda _r: self._restore_answered(box, backup))
        return_focus(box)
        self.confirm_box = box
        box.open()

    def _restore_answered(self, box: QMessageBox, backup: BackupInfo) -> None:
        if self.confirm_box is box:
            self.confirm_box = None
        box.deleteLater()
        if box.standardButton(box.clickedButton()) != QMessageBox.StandardButton.Yes:
            return
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        self.error_label.setText("")
        self._set_busy(True)
        throttle, data_dir, login = self._restore_throttle, self._data_dir, self._login
        clock = self._clock
        from ..services.backups import restore_from_backup

        def job() -> ServiceContext:
            throttle.attempt(
                user, lambda: restore_from_backup(data_dir, backup, user, password, clock)
            )
            return login(data_dir, user, password)

        self._tasks.run(job, self._restored, self._restore_failed)

    def _restored(self, ctx: object) -> None:
        self._offer_restore(None)
        self._succeeded(ctx)

    def _restore_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        self.password_edit.setFocus()
        if isinstance(error, StoreError):
            self._show_error(
                self.tr("Herstellen is niet gelukt: {reason}").format(reason=error_text(error))
            )
        else:
            self._show_error(self.tr("Herstellen is niet gelukt door een onverwachte fout."))

    def reset(self) -> None:
        self.password_edit.clear()
        self.error_label.setText("")
        self._offer_restore(None)
        self.language_combo.setEnabled(True)
        self._focus_first_empty()

    def show_locked(self, username: str) -> None:
        """The app locked itself: same screen, the name prefilled, a reassuring line."""
        self.password_edit.clear()
        self.user_edit.setText(username)
        self.language_combo.setEnabled(False)
        self.error_label.setStyleSheet("color: palette(text); font-weight: bold;")
        self.error_label.setText(
            self.tr("Vergrendeld. Log opnieuw in om verder te gaan; niets is verloren.")
        )
        self._focus_first_empty()

    def _focus_first_empty(self) -> None:
        if self.user_edit.text():
            self.password_edit.setFocus()
        else:
            self.user_edit.setFocus()
