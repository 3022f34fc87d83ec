"""Leaving while you watch running visits is never silent (docs/design.md §4a).

Uitloggen, *Afsluiten* from the tray, or closing the window where no tray keeps the app
running, opens this dialog first when the person is the buddy of running visits. Each
ticked visit goes to:

* a colleague who is logged in now (elsewhere, on a team server), or
* a colleague who logs in **right here**: their name and password typed in the same
  dialog (on the embedded store, one session per computer, this is the normal case);
  the app then continues as that colleague's session;

or the person stays (*Ik blijf*: nothing changes). The hand-over runs on the task
runner (Argon2id for the login, then a write per visit). A wrong password says so in
Dutch and keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.clock import to_local
from ..domain.errors import UserError
from ..services import handover
from ..services.context import ServiceContext
from ..services.handover import Leaving
from ..storage.errors import AuthenticationError, StoreError
from .forms import setup_form
from .forms_generated.ui_handover_dialog import Ui_HandoverForm
from .i18n import error_text
from .keys import on_return
from .look import PRIMARY_BUTTON_STYLE, say, scaled_font
from .screen_fit import keep_fitted
from .tasks import TaskRunner

LogIn = Callable[[str, str], ServiceContext]


class HandoverDialog(QDialog):
    """``handed_to``: the colleague's new session when they logged in here (the window
    switches to it), else None once every ticked visit went to a present colleague."""

    def __init__(
        self,
        ctx: ServiceContext,
        tasks: TaskRunner,
        leaving: Leaving,
        log_in_here: LogIn,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.leaving = leaving
        self._log_in_here = log_in_here
        self.handed_to: ServiceContext | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Bezoeken overdragen"))
        self.ui = Ui_HandoverForm()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.intro_label = self.ui.introLabel
        self.visit_list = self.ui.visitList
        self.present_radio = self.ui.presentRadio
        self.present_combo = self.ui.presentCombo
        self.here_radio = self.ui.hereRadio
        self.user_edit = self.ui.hereUserEdit
        self.password_edit = self.ui.herePasswordEdit
        self.error_label = self.ui.errorLabel
        self.hand_over_button = self.ui.handOverButton
        self.stay_button = self.ui.stayButton
        self.hand_over_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        self.intro_label.setFont(scaled_font(self.intro_label, 1.1))
        count = len(leaving.visits)
        self.intro_label.setText(
            self.tr(
                "U bent buddy van {count} lopend(e) bezoek(en). Als u weggaat, kijkt er "
                "niemand meer mee. Draag ze over aan een collega, of blijf."
            ).format(count=count)
        )
        for visit in leaving.visits:
            text = self.tr("{name} — {address} — terug om {time}").format(
                name=visit.visitor_name,
                address=visit.address.one_line(),
                time=to_local(visit.expected_return).strftime("%H:%M"),
            )
            item = QListWidgetItem(text, self.visit_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, visit.id)
        self.visit_list.setCurrentRow(0)
        # As tall as the visits need (up to five rows), no taller.
        row = max(self.visit_list.sizeHintForRow(0), 18)
        self.visit_list.setFixedHeight(row * min(max(count, 2), 5) + 8)
        present = leaving.present_colleagues
        for colleague in present:
            self.present_combo.addItem(colleague.display_name, colleague.id)
        if not present:
            self.present_combo.addItem(self.tr("Er is nu geen andere collega ingelogd"))
            self.present_radio.setEnabled(False)
            self.present_combo.setEnabled(False)
        self.present_radio.toggled.connect(self._choice_changed)
        self.here_radio.toggled.connect(self._choice_changed)
        (self.present_radio if present else self.here_radio).setChecked(True)
        self._choice_changed()
        self.hand_over_button.clicked.connect(self._submit)
        self.stay_button.clicked.connect(self.reject)
        on_return(self.password_edit, self._submit)
        say(self.error_label, "")
        keep_fitted(self)
        (self.present_combo if present else self.user_edit).setFocus()

    # ---- what the person chose -----------------------------------------------------------
    def _choice_changed(self) -> None:
        here = self.here_radio.isChecked()
        self.present_combo.setEnabled(not here and self.present_radio.isEnabled())
        self.user_edit.setEnabled(here)
        self.password_edit.setEnabled(here)
        self.hand_over_button.setText(
            self.tr("Inloggen en over&dragen") if here else self.tr("Over&dragen")
        )
        self.hand_over_button.setAccessibleName(
            self.tr("Inloggen en overdragen") if here else self.tr("Overdragen")
        )

    def ticked_visits(self) -> list[int]:
        return [
            int(self.visit_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.visit_list.count())
            if self.visit_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _visitor_ids(self, visit_ids: list[int]) -> set[int]:
        return {v.visitor_id for v in self.leaving.visits if v.id in visit_ids}

    # ---- handing over ----------------------------------------------------------------
    def _submit(self) -> None:
        if self._busy:
            return
        visit_ids = self.ticked_visits()
        if not visit_ids:
            say(
                self.error_label,
                self.tr("Vink minstens één bezoek aan, of kies Ik blijf."),
                error=True,
            )
            self.visit_list.setFocus()
            return
        ctx = self.ctx
        if self.here_radio.isChecked():
            user, password = self.user_edit.text().strip(), self.password_edit.text()
            if not user or not password:
                say(
                    self.error_label,
                    self.tr("Vul de gebruikersnaam en het wachtwoord van de collega in."),
                    error=True,
                )
                (self.user_edit if not user else self.password_edit).setFocus()
                return
            log_in = self._log_in_here

            def job() -> ServiceContext | None:
                try:
                    other = log_in(user, password)
                except AuthenticationError:
                    raise handover.wrong_colleague_password() from None
                try:
                    handover.hand_over_here(ctx, other, visit_ids)
                except BaseException:
                    if other is not ctx:
                        other.store.close()
                    raise
                return other

        else:
            to_id = self.present_combo.currentData()
            if to_id in self._visitor_ids(visit_ids):
                say(
                    self.error_label,
                    self.tr("Deze collega is zelf de bezoeker; kies een ander."),
                    error=True,
                )
                self.present_combo.setFocus()
                return

            def job() -> ServiceContext | None:
                for visit_id in visit_ids:
                    handover.hand_over(ctx, visit_id, int(to_id))
                return None

        self._set_busy(True)
        self.tasks.run(job, self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.hand_over_button, self.stay_button, self.visit_list):
            widget.setEnabled(not busy)
        if busy:
            say(self.error_label, "")

    def _done(self, result: object) -> None:
        self._set_busy(False)
        self.handed_to = result if isinstance(result, ServiceContext) else None
        self.password_edit.clear()
        remaining = set(self.ticked_visits()) ^ {v.id for v in self.leaving.visits}
        if remaining and self.handed_to is None:
            # Some were left unticked: they stay listed; the person chooses again.
            for row in reversed(range(self.visit_list.count())):
                item = self.visit_list.item(row)
                if item.checkState() == Qt.CheckState.Checked:
                    self.visit_list.takeItem(row)
            for row in range(self.visit_list.count()):
                self.visit_list.item(row).setCheckState(Qt.CheckState.Checked)
            self.leaving = Leaving(
                tuple(v for v in self.leaving.visits if v.id in remaining),
                self.leaving.colleagues,
            )
            say(self.error_label, self.tr("Overgedragen. Nog over: de bezoeken hierboven."))
            return
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, UserError | StoreError):
            say(self.error_label, error_text(error), error=True)
        else:
            say(
                self.error_label,
                self.tr("Overdragen mislukt door een onverwachte fout."),
                error=True,
            )
        if self.here_radio.isChecked():
            self.password_edit.selectAll()  # kept: retyping replaces it
            self.password_edit.setFocus()
