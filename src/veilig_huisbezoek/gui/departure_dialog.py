"""The buddy is not reachable at departure (docs/design.md §4a): say what is wrong, and offer a
present colleague as buddy, going anyway with a reason (the leidinggevenden are told),
or cancelling (nothing changes).

The choices are *options*: a radio button with a page under it, and a function that
reads the page and gives the departure to run (or says on the page what is wrong and
gives None; nothing typed is lost). :meth:`DepartureDialog.add_option` adds another
one, e.g. "a colleague logs in right here" (name and password typed in the dialog).
The departure itself runs on the task runner; a refusal is shown in the dialog, which
stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.departure import BuddyCheck, validate_reason
from ..domain.errors import UserError, ValidationError
from ..services import visits
from ..services.context import ServiceContext
from ..services.visits import BuddyChoice
from ..storage.errors import StoreError
from .forms import setup_form
from .forms_generated.ui_departure_dialog import Ui_DepartureForm
from .i18n import error_text, message_text
from .look import ERROR_STYLE, PRIMARY_BUTTON_STYLE
from .screen_fit import keep_fitted
from .tasks import TaskRunner

# The departure an option asks for: run on the task runner with the dialog's context.
Departure = Callable[[ServiceContext], None]
ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class DepartureOption:
    """One choice of the dialog: its radio button, its page, and ``collect``: the
    departure to run, or None when the page says what is wrong (and keeps the focus)."""

    radio: QRadioButton
    page: QWidget
    collect: Callable[[], Departure | None]
    # Where the keyboard goes when the option is chosen.
    focus: QWidget | None = None


class DepartureDialog(QDialog):
    """``departed`` (with the Dutch confirmation) once the visit is onderweg."""

    departed = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        tasks: TaskRunner,
        visit_id: int,
        check: BuddyCheck,
        choices: Sequence[BuddyChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.visit_id = visit_id
        self.check = check
        self.setWindowTitle(self.tr("Vertrekken: uw buddy is niet bereikbaar"))
        self.ui = Ui_DepartureForm()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.problem_label = self.ui.problemLabel
        self.options_layout = self.ui.optionsLayout
        self.pages = self.ui.optionPages
        self.colleague_radio = self.ui.colleagueRadio
        self.anyway_radio = self.ui.anywayRadio
        self.colleague_list = self.ui.colleagueList
        self.no_colleague_label = self.ui.noColleagueLabel
        self.reason_edit = self.ui.reasonEdit
        self.reason_error = self.ui.reasonErrorLabel
        self.error_label = self.ui.errorLabel
        self.depart_button = self.ui.departButton
        self.cancel_button = self.ui.cancelButton
        self.reason_error.setStyleSheet(ERROR_STYLE)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.depart_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        self.problem_label.setText(self.problem_text(check))
        self.problem_label.setStyleSheet("font-weight: bold;")

        for choice in choices:
            item = QListWidgetItem(choice.display_name)
            item.setData(ACCOUNT_ID_ROLE, choice.account_id)
            self.colleague_list.addItem(item)
        has_choices = bool(choices)
        self.colleague_list.setVisible(has_choices)
        self.ui.colleagueListLabel.setVisible(has_choices)
        self.no_colleague_label.setVisible(not has_choices)
        if has_choices:
            self.colleague_list.setCurrentRow(0)

        self.group = QButtonGroup(self)
        self.options: list[DepartureOption] = []
        self.add_option(
            DepartureOption(
                self.colleague_radio,
                self.ui.colleaguePage,
                self._collect_colleague,
                self.colleague_list,
            )
        )
        self.add_option(
            DepartureOption(
                self.anyway_radio,
                self.ui.anywayPage,
                self._collect_anyway,
                self.reason_edit,
            )
        )
        self.reason_edit.textEdited.connect(lambda _text: self.reason_error.clear())
        self.colleague_list.itemDoubleClicked.connect(lambda _item: self._submit())
        self.depart_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.reject)
        # Nobody to choose: going anyway is what is left (or cancelling).
        self.choose(self.options[0] if has_choices else self.options[1])
        self._busy = False
        keep_fitted(self)

    # ---- the extension point -----------------------------------------------------------
    def add_option(self, option: DepartureOption) -> None:
        """Add a choice: its radio button under the others (if not in the form yet) and
        its page in the stack; Tab reaches the radio buttons, then the page, then the
        buttons."""
        if self.options_layout.indexOf(option.radio) < 0:
            self.options_layout.addWidget(option.radio)
        if self.pages.indexOf(option.page) < 0:
            self.pages.addWidget(option.page)
        if not option.radio.accessibleName():
            option.radio.setAccessibleName(option.radio.text().replace("&", ""))
        self.group.addButton(option.radio)
        option.radio.toggled.connect(lambda checked, o=option: self._chosen(o) if checked else None)
        self.options.append(option)
        previous = self.options[-2].radio if len(self.options) > 1 else None
        if previous is not None:
            QWidget.setTabOrder(previous, option.radio)
            QWidget.setTabOrder(option.radio, self.pages)

    def choose(self, option: DepartureOption) -> None:
        option.radio.setChecked(True)
        self._chosen(option)

    def current_option(self) -> DepartureOption:
        return next(o for o in self.options if o.radio.isChecked())

    # ---- texts ---------------------------------------------------------------------
    def problem_text(self, check: BuddyCheck) -> str:
        return _sentence(message_text(check.problem()))

    # ---- internals -----------------------------------------------------------------
    def _chosen(self, option: DepartureOption) -> None:
        self.pages.setCurrentWidget(option.page)
        self.error_label.clear()

    def _collect_colleague(self) -> Departure | None:
        item = self.colleague_list.currentItem()
        if item is None or not self.colleague_list.count():
            self.error_label.setText(
                self.tr("Kies een collega uit de lijst, of kies ‘Toch vertrekken’.")
            )
            (
                self.colleague_list if self.colleague_list.isVisible() else self.anyway_radio
            ).setFocus()
            return None
        buddy_id = int(item.data(ACCOUNT_ID_ROLE))
        visit_id = self.visit_id

        def depart(ctx: ServiceContext) -> None:
            visits.depart(ctx, visit_id, new_buddy_id=buddy_id)

        return depart

    def _collect_anyway(self) -> Departure | None:
        try:
            reason = validate_reason(self.reason_edit.text())
        except ValidationError as exc:
            self.reason_error.setText(_sentence(message_text(exc.message)))
            self.reason_edit.setFocus()
            return None
        visit_id = self.visit_id

        def depart(ctx: ServiceContext) -> None:
            visits.depart(ctx, visit_id, go_anyway_reason=reason)

        return depart

    def _submit(self) -> None:
        if self._busy:
            return
        self.error_label.clear()
        departure = self.current_option().collect()
        if departure is None:
            return
        ctx = self.ctx
        self._set_busy(True)
        self.tasks.run(lambda: departure(ctx), self._done, self._failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.depart_button.setEnabled(not busy)
        for option in self.options:
            option.radio.setEnabled(not busy)
            option.page.setEnabled(not busy)

    def _done(self, _result: object) -> None:
        self._set_busy(False)
        self.departed.emit(self.tr("U bent onderweg."))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, UserError | StoreError):
            self.error_label.setText(error_text(error))
        else:
            self.error_label.setText(self.tr("Vertrekken mislukt door een onverwachte fout."))
        focus = self.current_option().focus
        (focus if focus is not None and focus.isVisible() else self.depart_button).setFocus()
