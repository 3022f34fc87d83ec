"""The departure dialog's third choice (docs/design.md §4a): the buddy, or another colleague,
logs in right here — name and password typed in the dialog — and watches the visit
from this desk. On a single computer (the embedded store) this is the usual case: the
visitor leaves, the buddy sits down. After the departure the window continues as the
colleague's session (``AppHub.switch_session``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from ..services import handover, presence, visits
from ..services.context import ServiceContext
from ..storage.errors import AuthenticationError
from .departure_dialog import Departure, DepartureDialog, DepartureOption
from .hub import AppHub, LogInHere


class LogInHereOption(QWidget):
    """The option's page; ``colleague`` is their session once the departure is done."""

    def __init__(self, dialog: DepartureDialog, log_in: LogInHere) -> None:
        super().__init__()
        self.dialog = dialog
        self._log_in = log_in
        self.colleague: ServiceContext | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "Uw buddy (of een andere collega) logt hier in en kijkt vanaf deze "
                "computer mee. U wordt daarbij uitgelogd."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        fields = QFormLayout()
        self.user_edit = QLineEdit()
        self.user_edit.setMaxLength(64)
        self.user_edit.setAccessibleName(self.tr("Gebruikersnaam van de collega"))
        self.password_edit = QLineEdit()
        self.password_edit.setMaxLength(1024)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Wachtwoord van de collega"))
        user_label = QLabel(self.tr("&Gebruikersnaam van de collega"))
        user_label.setBuddy(self.user_edit)
        password_label = QLabel(self.tr("&Wachtwoord van de collega"))
        password_label.setBuddy(self.password_edit)
        fields.addRow(user_label, self.user_edit)
        fields.addRow(password_label, self.password_edit)
        layout.addLayout(fields)
        layout.addStretch(1)
        self.radio = QRadioButton(self.tr("Mijn buddy of een collega logt &hier in"))
        self.option = DepartureOption(self.radio, self, self.collect, self.user_edit)

    def collect(self) -> Departure | None:
        user, password = self.user_edit.text().strip(), self.password_edit.text()
        if not user or not password:
            self.dialog.error_label.setText(
                self.tr("Vul de gebruikersnaam en het wachtwoord van de collega in.")
            )
            (self.user_edit if not user else self.password_edit).setFocus()
            return None
        log_in, visit_id = self._log_in, self.dialog.visit_id

        def depart(ctx: ServiceContext) -> None:
            try:
                other = log_in(user, password)
            except AuthenticationError:
                raise handover.wrong_colleague_password() from None
            try:
                # Present from now on: this desk is theirs once the visitor has gone.
                presence.heartbeat(other, presence.new_session_id())
                visits.depart_with_colleague_here(ctx, visit_id, other)
            except BaseException:
                if other is not ctx:
                    other.store.close()
                raise
            self.colleague = other

        return depart


def offer_log_in_here(dialog: DepartureDialog, hub: AppHub) -> LogInHereOption | None:
    """Add the choice when the window can log a colleague in here; after the departure
    the window switches to them."""
    if hub.log_in_here is None:
        return None
    here = LogInHereOption(dialog, hub.log_in_here)
    dialog.add_option(here.option)
    # Inside the dialog now (Tab order works within one window only).
    QWidget.setTabOrder(here.user_edit, here.password_edit)
    QWidget.setTabOrder(here.password_edit, dialog.depart_button)

    def departed(_text: str) -> None:
        if here.colleague is not None:
            hub.switch_session.emit(here.colleague)

    dialog.departed.connect(departed)
    return here
