"""The login screen: name + password, a clear message on failure, a Caps Lock hint."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..services.context import ServiceContext
from ..services.throttle import LoginThrottle
from ..storage.errors import AuthenticationError, StoreError
from ..storage.store import holds_store
from .forms import child, load_form
from .tasks import TaskRunner

LoginFunction = Callable[[Path, str, str], ServiceContext]


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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._login = login
        self._tasks = tasks
        self._throttle = LoginThrottle(data_dir)
        self._busy = False  # our own login in flight; the shared runner may be loading pages
        self.form = load_form("login", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.user_edit = child(self.form, QLineEdit, "userEdit")
        self.password_edit = child(self.form, QLineEdit, "passwordEdit")
        self.login_button = child(self.form, QPushButton, "loginButton")
        self.error_label = child(self.form, QLabel, "errorLabel")
        self.caps_label = child(self.form, QLabel, "capsLockLabel")
        self.demo_label = child(self.form, QLabel, "demoLabel")
        self.language_combo = child(self.form, QComboBox, "languageCombo")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.language_selected.emit(self.language_combo.currentData())
        )
        title = child(self.form, QLabel, "titleLabel")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.caps_label.setStyleSheet("color: #8a5a00;")
        self.caps_label.hide()
        self.login_button.clicked.connect(self._submit)
        self.password_edit.returnPressed.connect(self._submit)
        self.user_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.installEventFilter(self)
        if demo_logins:
            rows = "".join(
                f"<tr><td><b>{u}</b></td><td><code>{p}</code></td><td>{d}</td></tr>"
                for u, p, d in demo_logins
            )
            intro = self.tr("<b>Demo-database</b> (wordt bij afsluiten gewist). Accounts:")
            self.demo_label.setText(f"<p>{intro}</p><table cellspacing='6'>{rows}</table>")
        else:
            self.demo_label.hide()
        if not holds_store(data_dir):
            self._show_error(
                self.tr(
                    "Nog geen database in {folder}. Laat de beheerder er een aanmaken met "
                    "'veilig-huisbezoek admin init', of start met --demo."
                ).format(folder=data_dir)
            )
            self.login_button.setEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.password_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            suspected = caps_lock_suspected(event)
            if suspected is not None:
                self.caps_label.setVisible(suspected)
        return super().eventFilter(watched, event)

    def _show_error(self, message: str) -> None:
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.setText(message)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.user_edit, self.password_edit, self.login_button):
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
        self._set_busy(True)
        throttle, data_dir, login = self._throttle, self._data_dir, self._login

        def job() -> ServiceContext:
            throttle.wait()
            try:
                ctx = login(data_dir, user, password)
            except AuthenticationError:
                throttle.record_failure()
                raise
            throttle.record_success()
            return ctx

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
            self._show_error(str(error))
        else:
            self._show_error(self.tr("Inloggen mislukt door een onverwachte fout."))

    def reset(self) -> None:
        self.password_edit.clear()
        self.error_label.setText("")
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
