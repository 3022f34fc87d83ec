"""Bezoek voorbereiden: the guided flow Adres › Risicocheck › Advies › Plan › Controle.

The page only collects input and shows results: every rule (address and plan
validation, the ARIH assessment, deviation and consent rules) lives in the domain and
in the services, which the page calls with what was typed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.address import Address, AddressKey, parse_house_number, parse_postcode
from ..domain.checklist import (
    AUTO_REGISTER,
    Assessment,
    Checklist,
    ChecklistFormatError,
    RiskLevel,
    assess,
    default_checklist,
)
from ..domain.clock import local_to_utc, to_local
from ..domain.errors import UserError, ValidationError, ValidationErrors
from ..domain.phone import format_phone
from ..domain.register import UnsafeAddressNote
from ..domain.visit import VisitPlan, VisitReason
from ..services import accounts, planning, register
from ..services.accounts import AccountSummary, CoSignature, co_sign
from ..services.context import ServiceContext
from ..services.planning import ConsentGrant, PlanNotScheduledError
from ..storage.errors import StoreError
from .checklist_widget import ChecklistWidget
from .forms import child, load_form
from .hub import AppHub
from .i18n import domain_text, error_text, reason_text
from .keys import return_focus, tab_after
from .level_badge import LevelBadge
from .look import ERROR_STYLE, OK_STYLE, PRIMARY_BUTTON_STYLE, focus_frame, say, scaled_font
from .readout import plain_text
from .screen_fit import keep_fitted, page_scroll
from .tasks import TaskRunner

STEP_ADDRESS, STEP_CHECK, STEP_ADVICE, STEP_PLAN, STEP_REVIEW = range(5)
STEP_COUNT = 5

CURRENT_STEP_STYLE = (
    "QLabel { background-color: #0b4f8a; color: #ffffff; font-weight: bold; "
    "padding: 0.2em 0.6em; border-radius: 0.3em; }"
)
OTHER_STEP_STYLE = "QLabel { padding: 0.2em 0.6em; }"
# Rich-text lists: a small indent so long reasons keep their width.
UL = " style='margin-top: 2px; margin-bottom: 2px; margin-left: 0px; -qt-list-indent: 1;'"
GROUP_TITLE_STYLE = "QGroupBox { font-weight: bold; } QGroupBox QWidget { font-weight: normal; }"
WARNING_PANEL_STYLE = (
    "QFrame#warningPanel { border: 3px solid #a50e0e; border-radius: 0.4em; "
    "background-color: #fdecea; } "
    "QFrame#warningPanel QLabel { color: #000000; background: transparent; border: none; }"
)

# Which step holds the field a validation message names (domain/service field names).
_FIELD_STEP = {
    "Straat": STEP_ADDRESS,
    "Huisnummer": STEP_ADDRESS,
    "Postcode": STEP_ADDRESS,
    "Plaats": STEP_ADDRESS,
    "Collega's": STEP_ADVICE,
    "Rollen": STEP_ADVICE,
    "Reden afwijking": STEP_ADVICE,
    "Reden": STEP_PLAN,
    "Bewoners": STEP_PLAN,
    "Cliënt(en)": STEP_PLAN,
    "Telefoonnummer cliënt": STEP_PLAN,
    "Begin": STEP_PLAN,
    "Verwachte terugkomst": STEP_PLAN,
    "Buddy": STEP_PLAN,
    "Terugbelmoment": STEP_PLAN,
    planning.CONSENT_FIELD: STEP_REVIEW,
    planning.CONSENT_REASON_FIELD: STEP_REVIEW,
}


def naive_from_edit(edit: QDateTimeEdit) -> datetime:
    """The wall-clock time shown in the edit (the edit runs on UTC: no DST logic)."""
    d, t = edit.date(), edit.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def set_edit_naive(edit: QDateTimeEdit, naive: datetime) -> None:
    edit.setDateTime(
        QDateTime(
            QDate(naive.year, naive.month, naive.day),
            QTime(naive.hour, naive.minute),
            QTimeZone.utc(),
        )
    )


def local_text(moment: datetime) -> str:
    """``23-11-2026 10:15`` in Amsterdam time."""
    return to_local(moment).strftime("%d-%m-%Y %H:%M")


def escape(text: str) -> str:
    return html.escape(text, quote=False)


class ConsentDialog(QDialog):
    """A leidinggevende co-signs here with their own name and password (checked off the
    GUI thread) and a reason; ``signed`` carries the :class:`ConsentGrant`."""

    signed = Signal(object)

    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, visit_text: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.setWindowTitle(self.tr("Toestemming leidinggevende"))
        self.setModal(True)
        self.form = load_form("prepare_consent", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.user_edit = child(self.form, QLineEdit, "leadUserEdit")
        self.password_edit = child(self.form, QLineEdit, "leadPasswordEdit")
        self.reason_edit = child(self.form, QPlainTextEdit, "consentReasonEdit")
        self.error_label = child(self.form, QLabel, "consentErrorLabel")
        self.sign_button = child(self.form, QPushButton, "signButton")
        self.cancel_button = child(self.form, QPushButton, "cancelButton")
        child(self.form, QLabel, "visitLabel").setText(visit_text)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.sign_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        self.sign_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.reject)
        self._busy = False
        self._reason = ""
        self.grant: ConsentGrant | None = None
        self.user_edit.setFocus()
        keep_fitted(self)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(f"⚠ {message}" if message else "")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.user_edit, self.password_edit, self.reason_edit, self.sign_button):
            widget.setEnabled(not busy)
        self.sign_button.setText(
            self.tr("Bezig met controleren…") if busy else self.tr("&Toestemming geven")
        )

    def _submit(self) -> None:
        if self._busy:
            return
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not user or not password:
            self._show_error(
                self.tr("Vul de gebruikersnaam en het wachtwoord van de leidinggevende in.")
            )
            (self.user_edit if not user else self.password_edit).setFocus()
            return
        try:
            self._reason = planning.check_consent_reason(self.reason_edit.toPlainText())
        except UserError as exc:
            self._show_error(error_text(exc))
            self.reason_edit.setFocus()
            return
        self._show_error("")
        self._set_busy(True)
        ctx = self.ctx

        def job() -> CoSignature:
            return co_sign(ctx, user, password, accounts.COSIGN_CONSENT)

        self.tasks.run(job, self._verified, self._failed)

    def _verified(self, signed: object) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        if not self.isVisible():  # cancelled while checking
            return
        assert isinstance(signed, CoSignature)
        try:
            planning.check_consent_giver(self.ctx, signed.actor)
        except UserError as exc:
            self._show_error(error_text(exc))
            self.user_edit.setFocus()
            return
        self.grant = ConsentGrant(signed.actor, self._reason, signed.token)
        self.signed.emit(self.grant)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        self.password_edit.setFocus()
        if isinstance(error, StoreError):
            self._show_error(error_text(error))
        else:
            self._show_error(self.tr("Controleren mislukt door een onverwachte fout."))


class PrepareVisitPage(QWidget):
    """The medewerker prepares a visit step by step; ``planned`` carries the new visit id
    (scheduled, or stored as concept waiting for consent)."""

    planned = Signal(int)

    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, hub: AppHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = self.tr("Bezoek voorbereiden")
        self.ctx = ctx
        self.tasks = tasks
        self.hub = hub
        self.form = load_form("prepare_visit", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_scroll(self.form))
        self._find_widgets()
        self._style()
        self.step_names = (
            self.tr("Adres"),
            self.tr("Risicocheck"),
            self.tr("Advies"),
            self.tr("Plan"),
            self.tr("Controle"),
        )
        self._step_texts = [label.text() for label in self.step_labels]

        # state
        self.checklist: Checklist | None = None
        self.checklist_widget: ChecklistWidget | None = None
        self.assessment: Assessment | None = None
        self.notes: list[UnsafeAddressNote] = []
        self._looked_up: AddressKey | None = None
        self._address: Address | None = None
        self.consent: ConsentGrant | None = None
        self._consent_basis: object = None
        self.callbacks: list[datetime] = []
        self.callbacks_edited = False
        self._team: list[AccountSummary] = []
        self._shown_level: RiskLevel | None = None
        self._last_start: datetime | None = None
        self._plan: VisitPlan | None = None
        self.consent_dialog: ConsentDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._error_labels = {
            "Straat": self.street_error,
            "Huisnummer": self.number_error,
            "Postcode": self.postcode_error,
            "Plaats": self.city_error,
            "Collega's": self.colleagues_error,
            "Rollen": self.roles_error,
            "Reden afwijking": self.deviation_error,
            "Reden": self.reason_error,
            "Bewoners": self.residents_error,
            "Cliënt(en)": self.clients_error,
            "Telefoonnummer cliënt": self.phone_error,
            "Begin": self.start_error,
            "Verwachte terugkomst": self.return_error,
            "Buddy": self.buddy_error,
            "Terugbelmoment": self.callbacks_error,
            planning.CONSENT_FIELD: self.save_error,
            planning.CONSENT_REASON_FIELD: self.save_error,
        }

        self.step_badge = self._badge(self.form, "stepLevelHolder", 1.0)
        self.check_badge = self._badge(self.form, "checkBadgeHolder", 1.6)
        self.advice_badge = self._badge(self.form, "adviceBadgeHolder", 2.0)
        self.review_badge = self._badge(self.form, "reviewBadgeHolder", 1.6)
        for edit in (self.start_edit, self.return_edit, self.callback_edit):
            edit.setTimeZone(QTimeZone.utc())
        self.reason_combo.addItem(self.tr("— kies de reden —"), None)
        for reason in VisitReason:
            self.reason_combo.addItem(domain_text(reason.label), reason.value)

        try:
            self.checklist = default_checklist()
        except ChecklistFormatError as exc:
            self._say(
                self.tr("De risicocheck kan niet worden geladen: {error}").format(
                    error=error_text(exc)
                ),
                error=True,
            )
            self.next_button.setEnabled(False)
        else:
            self.checklist_widget = ChecklistWidget(self.checklist)
            container = child(self.form, QWidget, "checklistContainer").layout()
            assert container is not None
            container.addWidget(self.checklist_widget)
            self.checklist_widget.answers_changed.connect(self._answers_changed)
            self._chain_tab_order()
        self._connect()
        self.refresh()
        self._reset_form()

    # ---- construction ---------------------------------------------------------------
    def _find_widgets(self) -> None:
        f = self.form
        self.step_labels = [child(f, QLabel, f"stepLabel{n}") for n in range(1, 6)]
        self.step_address_label = child(f, QLabel, "stepAddressLabel")
        self.warning_panel = child(f, QFrame, "warningPanel")
        self.warning_title = child(f, QLabel, "warningTitleLabel")
        self.warning_text = child(f, QLabel, "warningTextLabel")
        self.stack = child(f, QStackedWidget, "stepStack")
        # step 1
        self.street_edit = child(f, QLineEdit, "streetEdit")
        self.number_edit = child(f, QLineEdit, "numberEdit")
        self.addition_edit = child(f, QLineEdit, "additionEdit")
        self.postcode_edit = child(f, QLineEdit, "postcodeEdit")
        self.city_edit = child(f, QLineEdit, "cityEdit")
        self.street_error = child(f, QLabel, "streetError")
        self.number_error = child(f, QLabel, "numberError")
        self.postcode_error = child(f, QLabel, "postcodeError")
        self.city_error = child(f, QLabel, "cityError")
        self.register_status = child(f, QLabel, "registerStatusLabel")
        # step 2
        self.check_advice_label = child(f, QLabel, "checkAdviceLabel")
        self.check_advice_text = child(f, QLabel, "checkAdviceTextLabel")
        self.check_reasons_label = child(f, QLabel, "checkReasonsLabel")
        self.unanswered_label = child(f, QLabel, "unansweredLabel")
        # step 3
        self.advice_title = child(f, QLabel, "adviceTitleLabel")
        self.advice_text = child(f, QLabel, "adviceTextLabel")
        self.precautions_label = child(f, QLabel, "precautionsLabel")
        self.advice_reasons = child(f, QLabel, "adviceReasonsLabel")
        self.colleague_list = child(f, QListWidget, "colleagueList")
        self.colleagues_error = child(f, QLabel, "colleaguesError")
        self.roles_edit = child(f, QLineEdit, "rolesEdit")
        self.roles_error = child(f, QLabel, "rolesError")
        self.deviation_box = child(f, QWidget, "deviationBox")
        self.deviation_help = child(f, QLabel, "deviationHelpLabel")
        self.deviation_edit = child(f, QPlainTextEdit, "deviationEdit")
        self.deviation_error = child(f, QLabel, "deviationError")
        self.consent_box = child(f, QWidget, "consentBox")
        self.consent_status = child(f, QLabel, "consentStatusLabel")
        self.consent_now_button = child(f, QPushButton, "consentNowButton")
        self.consent_later_button = child(f, QPushButton, "consentLaterButton")
        # step 4
        self.reason_combo = child(f, QComboBox, "reasonCombo")
        self.reason_error = child(f, QLabel, "reasonError")
        self.residents_edit = child(f, QLineEdit, "residentsEdit")
        self.residents_error = child(f, QLabel, "residentsError")
        self.clients_edit = child(f, QLineEdit, "clientsEdit")
        self.clients_error = child(f, QLabel, "clientsError")
        self.phone_edit = child(f, QLineEdit, "phoneEdit")
        self.phone_error = child(f, QLabel, "phoneError")
        self.start_edit = child(f, QDateTimeEdit, "startEdit")
        self.start_fold_box = child(f, QWidget, "startFoldBox")
        self.start_fold = (
            child(f, QRadioButton, "startFold0"),
            child(f, QRadioButton, "startFold1"),
        )
        self.start_error = child(f, QLabel, "startError")
        self.return_edit = child(f, QDateTimeEdit, "returnEdit")
        self.return_fold_box = child(f, QWidget, "returnFoldBox")
        self.return_fold = (
            child(f, QRadioButton, "returnFold0"),
            child(f, QRadioButton, "returnFold1"),
        )
        self.return_error = child(f, QLabel, "returnError")
        self.interpreter_check = child(f, QCheckBox, "interpreterCheck")
        self.announced_check = child(f, QCheckBox, "announcedCheck")
        self.buddy_combo = child(f, QComboBox, "buddyCombo")
        self.buddy_error = child(f, QLabel, "buddyError")
        self.callback_list = child(f, QListWidget, "callbackList")
        self.callback_edit = child(f, QDateTimeEdit, "callbackEdit")
        self.add_callback_button = child(f, QPushButton, "addCallbackButton")
        self.change_callback_button = child(f, QPushButton, "changeCallbackButton")
        self.remove_callback_button = child(f, QPushButton, "removeCallbackButton")
        self.reset_callbacks_button = child(f, QPushButton, "resetCallbacksButton")
        self.callbacks_note = child(f, QLabel, "callbacksNoteLabel")
        self.callbacks_error = child(f, QLabel, "callbacksError")
        # step 5
        self.review_address = child(f, QLabel, "reviewAddressLabel")
        self.review_advice = child(f, QLabel, "reviewAdviceLabel")
        self.review_summary = child(f, QLabel, "reviewSummaryLabel")
        self.review_consent = child(f, QLabel, "reviewConsentLabel")
        self.save_button = child(f, QPushButton, "saveButton")
        self.concept_button = child(f, QPushButton, "conceptButton")
        self.review_consent_button = child(f, QPushButton, "reviewConsentButton")
        self.save_error = child(f, QLabel, "saveErrorLabel")
        # always visible
        self.message_label = child(f, QLabel, "messageLabel")
        self.clear_button = child(f, QPushButton, "clearButton")
        self.back_button = child(f, QPushButton, "backButton")
        self.next_button = child(f, QPushButton, "nextButton")

    def _badge(self, form: QWidget, holder_name: str, scale: float) -> LevelBadge:
        holder = child(form, QWidget, holder_name)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        badge = LevelBadge(None, holder, scale=scale)
        layout.addWidget(badge)
        return badge

    def _style(self) -> None:
        f = self.form
        for name in (
            "addressIntroLabel",
            "checklistIntroLabel",
            "adviceIntroLabel",
            "planIntroLabel",
            "reviewIntroLabel",
        ):
            label = child(f, QLabel, name)
            label.setFont(scaled_font(label, 1.35))
        for label in (
            self.street_error,
            self.number_error,
            self.postcode_error,
            self.city_error,
            self.colleagues_error,
            self.roles_error,
            self.deviation_error,
            self.reason_error,
            self.residents_error,
            self.clients_error,
            self.phone_error,
            self.start_error,
            self.return_error,
            self.buddy_error,
            self.callbacks_error,
            self.save_error,
        ):
            label.setStyleSheet(ERROR_STYLE)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.hide()
        self.warning_panel.setStyleSheet(WARNING_PANEL_STYLE)
        self.warning_title.setFont(scaled_font(self.warning_title, 1.25))
        self.warning_title.setStyleSheet("color: #7f0000;")
        self.warning_panel.hide()
        self.step_address_label.setFont(scaled_font(self.step_address_label, 1.15))
        child(f, QLabel, "levelPanelTitle").setFont(
            scaled_font(child(f, QLabel, "levelPanelTitle"), 1.2)
        )
        self.check_advice_label.setFont(scaled_font(self.check_advice_label, 1.15))
        self.advice_title.setFont(scaled_font(self.advice_title, 1.6))
        self.advice_text.setFont(scaled_font(self.advice_text, 1.15, bold=False))
        self.precautions_label.setFont(scaled_font(self.precautions_label, 1.1, bold=False))
        self.review_address.setFont(scaled_font(self.review_address, 1.7))
        self.review_advice.setFont(scaled_font(self.review_advice, 1.2))
        for name in ("companionBox", "deviationBox", "consentBox"):
            child(f, QWidget, name).setStyleSheet(GROUP_TITLE_STYLE)
        for label in (
            self.warning_text,
            self.review_address,
            self.consent_status,
            self.check_advice_text,
            self.check_reasons_label,
            self.precautions_label,
            self.advice_reasons,
        ):
            label.setTextFormat(Qt.TextFormat.RichText)
        self.review_summary.setTextFormat(Qt.TextFormat.RichText)
        for button in (self.next_button, self.save_button):
            button.setStyleSheet(PRIMARY_BUTTON_STYLE)
            button.setFont(scaled_font(button, 1.15))
        self.concept_button.setFont(scaled_font(self.concept_button, 1.0))
        for box in (self.start_fold_box, self.return_fold_box):
            box.hide()
        # Text only, reached with Tab to scroll it: the focus must show.
        for name in ("levelScroll", "reviewScroll"):
            child(f, QScrollArea, name).setStyleSheet(focus_frame(name))
        # Long lines are hard to read: forms stay about 80 characters wide (grows with
        # the font, so nothing is clipped at 150 %).
        x_width = QFontMetrics(self.font()).horizontalAdvance("x")
        for name, chars in (
            ("addressContent", 120),
            ("adviceContent", 190),
            ("planContent", 190),
            ("reviewContent", 130),
        ):
            child(f, QWidget, name).setMaximumWidth(x_width * chars)

    def _connect(self) -> None:
        self.next_button.clicked.connect(self.go_next)
        self.back_button.clicked.connect(self.go_back)
        self.clear_button.clicked.connect(self._confirm_clear)
        for edit in (self.postcode_edit, self.number_edit, self.addition_edit):
            edit.textChanged.connect(self._address_key_edited)
            edit.editingFinished.connect(self._live_lookup)
        for edit in (self.street_edit, self.city_edit):
            edit.textChanged.connect(self._address_edited)
        self.colleague_list.itemChanged.connect(lambda _item: self._update_companions())
        self.consent_now_button.clicked.connect(self.ask_consent_now)
        self.review_consent_button.clicked.connect(self.ask_consent_now)
        self.consent_later_button.toggled.connect(lambda _on: self._update_consent_views())
        self.start_edit.dateTimeChanged.connect(self._start_changed)
        self.return_edit.dateTimeChanged.connect(lambda _dt: self._times_changed())
        for button in (*self.start_fold, *self.return_fold):
            button.toggled.connect(lambda _on: self._times_changed())
        self.callback_list.currentRowChanged.connect(self._callback_selected)
        self.add_callback_button.clicked.connect(self.add_callback)
        self.change_callback_button.clicked.connect(self.change_callback)
        self.remove_callback_button.clicked.connect(self.remove_callback)
        self.reset_callbacks_button.clicked.connect(self.reset_callbacks)
        self.save_button.clicked.connect(lambda: self.save(schedule=True))
        self.concept_button.clicked.connect(lambda: self.save(schedule=False))

    def _chain_tab_order(self) -> None:
        """The checklist answers (added in code) where the checklist is: after the
        address, before the level panel beside the list; the rest is the form's order."""
        assert self.checklist_widget is not None and self.checklist is not None
        chain: list[QWidget] = []
        for item_id in self.checklist_widget.order:
            chain += self.checklist_widget.buttons(item_id)
        chain.append(child(self.form, QWidget, "levelScroll"))
        tab_after(self.city_edit, chain)

    # ---- public -------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload colleagues and settings; never touches what was typed."""
        try:
            self._team = planning.team_members(self.ctx)
        except (UserError, StoreError) as exc:
            self._say(error_text(exc), error=True)
            return
        checked = set(self.colleague_ids())
        self.colleague_list.blockSignals(True)
        self.colleague_list.clear()
        for person in self._team:
            item = QListWidgetItem(person.display_name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked if person.id in checked else Qt.CheckState.Unchecked
            )
            self.colleague_list.addItem(item)
        self.colleague_list.blockSignals(False)
        rows = max(1, min(self.colleague_list.count(), 6))
        row_height = max(self.colleague_list.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.colleague_list.setMaximumHeight(
            rows * row_height + 2 * self.colleague_list.frameWidth() + 4
        )
        buddy = self.buddy_combo.currentData()
        self.buddy_combo.clear()
        self.buddy_combo.addItem(self.tr("— kies uw buddy —"), None)
        for person in self._team:
            self.buddy_combo.addItem(person.display_name, person.id)
        self.buddy_combo.setCurrentIndex(max(0, self.buddy_combo.findData(buddy)))
        self._prefill_callbacks()

    def current_step(self) -> int:
        return self.stack.currentIndex()

    def default_button(self, _focus: QWidget | None = None) -> QPushButton:
        """What Enter presses: Volgende, and in the last step the save button shown
        as primary (Opslaan en plannen, or Opslaan als concept)."""
        if self.current_step() < STEP_REVIEW:
            return self.next_button
        return self.save_button if self.save_button.isVisible() else self.concept_button

    def first_field(self) -> QWidget | None:
        """Where typing starts after login: the street, on the address step."""
        return self.street_edit if self.current_step() == STEP_ADDRESS else None

    def colleague_ids(self) -> list[int]:
        ids: list[int] = []
        for row in range(self.colleague_list.count()):
            item = self.colleague_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def level(self) -> RiskLevel | None:
        return self.assessment.level if self.assessment else None

    # ---- messages -----------------------------------------------------------------
    def _say(self, text: str, *, error: bool = False) -> None:
        say(self.message_label, text, error=error)

    def _clear_errors(self, step: int | None = None) -> None:
        for field, label in self._error_labels.items():
            if step is None or _FIELD_STEP.get(field) == step:
                label.clear()
                label.hide()

    def _show_errors(self, errors: Sequence[ValidationError]) -> int | None:
        """Show each message next to its field; returns the earliest step concerned."""
        first: int | None = None
        general: list[str] = []
        shown: dict[QLabel, list[str]] = {}
        for error in errors:
            label = self._error_labels.get(error.field)
            if label is None:
                general.append(error_text(error))
                continue
            shown.setdefault(label, []).append(error_text(error))
            step = _FIELD_STEP[error.field]
            first = step if first is None else min(first, step)
        for label, texts in shown.items():
            label.setText("\n".join(f"⚠ {t}" for t in texts))
            label.show()
        if general:
            self._say("\n".join(general), error=True)
        elif shown:
            self._say(self.tr("Nog niet compleet: zie de melding bij het veld."), error=True)
        visible = [label for label in shown if _on_step(label, self.current_step(), self.stack)]
        if visible:
            _reveal(visible[0])
        return first

    # ---- navigation ---------------------------------------------------------------
    def go_to(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        for index, label in enumerate(self.step_labels):
            text = self._step_texts[index]
            if index < step:
                text = f"✓ {text}"
            label.setText(text)
            label.setStyleSheet(CURRENT_STEP_STYLE if index == step else OTHER_STEP_STYLE)
            label.setAccessibleName(
                self.tr("Stap {n}: {name}, huidige stap").format(
                    n=index + 1, name=self.step_names[index]
                )
                if index == step
                else self.tr("Stap {n}: {name}").format(n=index + 1, name=self.step_names[index])
            )
        self._show_warning()
        self.stack.setAccessibleDescription(
            self.tr("Stap {n} van {total}: {name}").format(
                n=step + 1, total=STEP_COUNT, name=self.step_names[step]
            )
        )
        self.back_button.setEnabled(step > 0)
        # The level is only meaningful once the checklist is being answered.
        self.step_badge.setVisible(step >= STEP_CHECK)
        self.next_button.setVisible(step < STEP_REVIEW)
        if step != STEP_REVIEW:  # the save buttons live in the navigation row
            for button in (self.save_button, self.concept_button, self.review_consent_button):
                button.hide()
            self.save_error.hide()
        if step < STEP_REVIEW:
            self.next_button.setText(
                self.tr("Volge&nde: {name} ›").format(name=self.step_names[step + 1])
            )
            self.next_button.setAccessibleName(
                self.tr("Volgende stap: {name}").format(name=self.step_names[step + 1])
            )
        if step == STEP_CHECK:
            self._update_assessment()
        elif step == STEP_ADVICE:
            self._show_advice()
        elif step == STEP_PLAN:
            self._prefill_callbacks()
        elif step == STEP_REVIEW:
            self._show_review()
        self._focus_step(step)

    def _focus_step(self, step: int) -> None:
        target: QWidget | None = None
        if step == STEP_ADDRESS:
            target = self.street_edit
        elif step == STEP_CHECK and self.checklist_widget is not None:
            open_items = [
                it
                for it in self.checklist_widget.unanswered()
                if not self.checklist_widget.is_auto(it.id)
            ]
            if open_items:
                self.checklist_widget.focus_item(open_items[0].id)
                return
            target = self.next_button
        elif step == STEP_ADVICE:
            target = self.colleague_list
        elif step == STEP_PLAN:
            target = self.reason_combo
        elif step == STEP_REVIEW:
            target = self.default_button()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_back(self) -> None:
        step = self.current_step()
        if step > 0:
            self._say("")
            self.go_to(step - 1)

    def go_next(self) -> None:
        step = self.current_step()
        self._say("")
        if step == STEP_ADDRESS:
            address = self._validated_address()
            if address is None:
                return
            self._lookup(address.key)
            self.go_to(STEP_CHECK)
        elif step == STEP_CHECK:
            if self._check_answered():
                self.go_to(STEP_ADVICE)
        elif step == STEP_ADVICE:
            if self._check_advice_step():
                self.go_to(STEP_PLAN)
        elif step == STEP_PLAN and self.build_plan() is not None:
            self.go_to(STEP_REVIEW)

    # ---- step 1: address ----------------------------------------------------------
    def _house_number_text(self) -> str:
        number = self.number_edit.text().strip()
        addition = self.addition_edit.text().strip()
        return f"{number} {addition}" if number and addition else number or addition

    def _typed_key(self) -> AddressKey | None:
        try:
            postcode = parse_postcode(self.postcode_edit.text())
            number, addition = parse_house_number(self._house_number_text())
        except ValidationError:
            return None
        return AddressKey(postcode, number, addition)

    def _validated_address(self) -> Address | None:
        self._clear_errors(STEP_ADDRESS)
        try:
            address = Address.create(
                self.street_edit.text(),
                self._house_number_text(),
                self.postcode_edit.text(),
                self.city_edit.text(),
            )
        except ValidationErrors as exc:
            self._show_errors(exc.errors)
            first = exc.errors[0].field
            focus = {
                "Straat": self.street_edit,
                "Huisnummer": self.number_edit,
                "Postcode": self.postcode_edit,
                "Plaats": self.city_edit,
            }.get(first, self.street_edit)
            focus.setFocus()
            return None
        self._address = address
        self.step_address_label.setText(address.one_line())
        self._check_consent_basis()
        return address

    def _address_edited(self) -> None:
        self._address = None
        self.step_address_label.clear()

    def _address_key_edited(self) -> None:
        self._address_edited()
        if self._looked_up is not None and self._typed_key() != self._looked_up:
            self._set_register_result(None, [])

    def _live_lookup(self) -> None:
        key = self._typed_key()
        if key is not None:
            self._lookup(key)

    def _lookup(self, key: AddressKey) -> None:
        """Ask the register about this address (once per address: each view is logged)."""
        if key == self._looked_up:
            return
        try:
            notes = register.warnings_for(self.ctx, key)
        except (UserError, StoreError) as exc:
            self._set_register_result(None, [], failure=error_text(exc))
            return
        self._set_register_result(key, notes)

    def _set_register_result(
        self, key: AddressKey | None, notes: list[UnsafeAddressNote], *, failure: str = ""
    ) -> None:
        self._looked_up = key
        self.notes = notes
        self._show_warning()
        widget, checklist = self.checklist_widget, self.checklist
        item = checklist.auto_item(AUTO_REGISTER) if checklist else None
        if failure:
            self.register_status.setStyleSheet(ERROR_STYLE)
            self.register_status.setText(
                self.tr(
                    "⚠ Het register onveilige adressen kon niet worden geraadpleegd ({error}). "
                    "Beantwoord de registervraag in de risicocheck zelf."
                ).format(error=failure)
            )
            if widget is not None and item is not None:
                widget.set_auto(
                    item.id,
                    None,
                    self.tr(
                        "Het register kon niet worden geraadpleegd: beantwoord deze vraag zelf."
                    ),
                    editable=True,
                )
            return
        if key is None:
            self.register_status.clear()
            if widget is not None and item is not None:
                widget.set_auto(
                    item.id,
                    None,
                    self.tr("Wordt automatisch ingevuld zodra het adres bekend is."),
                )
            return
        answer = planning.register_answer(notes)
        if notes:
            self.register_status.setStyleSheet(ERROR_STYLE)
            self.register_status.setText(
                self.tr("⚠ Dit adres staat in het register onveilige adressen: zie boven.")
            )
            explanation = self.tr(
                "⚠ Automatisch ja: er is een actieve notitie in het register (zie de waarschuwing)."
            )
        else:
            self.register_status.setStyleSheet(OK_STYLE)
            self.register_status.setText(
                self.tr(
                    "✔ Geen waarschuwing in het register onveilige adressen voor {key}."
                ).format(key=str(key))
            )
            explanation = self.tr("Automatisch nee: geen actieve notitie in het register.")
        if widget is not None and item is not None:
            widget.set_auto(item.id, answer, explanation)

    def _show_warning(self) -> None:
        """The register warning, in full up to the checklist, in short after it (so the
        later steps keep room on a small screen; the full text stays in the tooltip)."""
        if not self.notes:
            self.warning_panel.hide()
            self.warning_text.clear()
            return
        full, short = [], []
        for note in self.notes:
            head = self.tr("<b>{category}</b> — incident op {date} — {address}").format(
                category=escape(domain_text(note.category.label)),
                date=note.incident_date.strftime("%d-%m-%Y"),
                address=escape(note.address.one_line()),
            )
            lines = [head, escape(note.description)]
            precautions = ""
            if note.precautions:
                precautions = self.tr("<b>Voorzorgsmaatregelen:</b> {text}").format(
                    text=escape(note.precautions)
                )
                lines.append(precautions)
            full.append("<br>".join(lines))
            short.append(
                self.tr("<b>{category}</b> ({date})").format(
                    category=escape(domain_text(note.category.label)),
                    date=note.incident_date.strftime("%d-%m-%Y"),
                )
                + (f" — {precautions}" if precautions else "")
            )
        full_text = "<hr>".join(full)
        compact = self.current_step() >= STEP_ADVICE
        self.warning_text.setText("<br>".join(short) if compact else full_text)
        # (A rich tooltip is the label's description: ReadoutLabel makes it plain text.)
        self.warning_text.setToolTip(full_text if compact else "")
        self.warning_panel.setAccessibleDescription(plain_text(full_text))
        self.warning_panel.show()

    # ---- step 2: checklist --------------------------------------------------------
    def _answers_changed(self) -> None:
        self._update_assessment()
        self._check_consent_basis()

    def _update_assessment(self) -> None:
        if self.checklist is None or self.checklist_widget is None:
            return
        try:
            self.assessment = assess(self.checklist, self.checklist_widget.answers())
        except ValidationError as exc:
            self._say(error_text(exc), error=True)
            return
        level = self.assessment.level
        for badge in (self.step_badge, self.check_badge, self.advice_badge, self.review_badge):
            badge.set_level(level)
        advice = self.assessment.advice
        self.check_advice_label.setText(domain_text(advice.title))
        self.check_advice_text.setText(
            f"{escape(domain_text(advice.text))}<ul{UL}>"
            + "".join(f"<li>{escape(domain_text(p))}</li>" for p in advice.precautions)
            + "</ul>"
        )
        reasons = self._reasons_html()
        self.check_reasons_label.setText(
            self.tr("<b>Waarom dit niveau:</b>") + f"<ul{UL}>{reasons}</ul>"
        )
        open_count = len(self.checklist_widget.unanswered())
        if open_count:
            self.unanswered_label.setText(
                self.tr(
                    "Nog {n} van {total} vragen zonder antwoord; die tellen nu als ‘weet ik niet’."
                ).format(n=open_count, total=len(self.checklist.items))
            )
        else:
            self.unanswered_label.setText(self.tr("✔ Alle vragen zijn beantwoord."))
        if level != self._shown_level:
            self._shown_level = level
            self._prefill_callbacks()
            self._update_companions()
            self._update_consent_views()

    def _check_answered(self) -> bool:
        if self.checklist_widget is None:
            return False
        open_items = self.checklist_widget.unanswered()
        if not open_items:
            return True
        self._say(
            self.tr(
                "Beantwoord eerst alle vragen ({n} open). Weet u het niet, kies dan ‘weet ik niet’."
            ).format(n=len(open_items)),
            error=True,
        )
        self.checklist_widget.focus_item(open_items[0].id)
        return False

    # ---- step 3: advice -----------------------------------------------------------
    def _show_advice(self) -> None:
        if self.assessment is None:
            return
        advice = self.assessment.advice
        self.advice_title.setText(domain_text(advice.title))
        self.advice_text.setText(domain_text(advice.text))
        items = "".join(f"<li>{escape(domain_text(p))}</li>" for p in advice.precautions)
        self.precautions_label.setText(
            self.tr("<b>Voorzorgsmaatregelen</b>") + f"<ul{UL}>{items}</ul>"
        )
        reasons = self._reasons_html()
        self.advice_reasons.setText(self.tr("<b>Waarom dit niveau</b>") + f"<ul{UL}>{reasons}</ul>")
        self._update_companions()
        self._update_consent_views()

    def _reasons_html(self) -> str:
        # The domain formats most reasons itself (with the question in them); only the
        # fixed ones are in the catalogue, the others stay Dutch.
        if self.assessment is None:
            return ""
        return "".join(f"<li>{escape(reason_text(r))}</li>" for r in self.assessment.reasons)

    def going_alone(self) -> bool:
        return not self.colleague_ids()

    def _deviation_reason(self) -> str:
        """The typed reason, only when going alone against the advice needs one."""
        level = self.level()
        if level is None or not planning.deviation_required(level, self.colleague_ids()):
            return ""
        return self.deviation_edit.toPlainText().strip()

    def _update_companions(self) -> None:
        level = self.level()
        needed = level is not None and planning.deviation_required(level, self.colleague_ids())
        self.deviation_box.setVisible(needed)
        if needed and level is not None:
            self.deviation_help.setText(
                self.tr(
                    "Het advies bij {level} is om niet alleen te gaan. Gaat u toch alleen, "
                    "leg dan vast waarom. Uw leidinggevende kan dit teruglezen."
                ).format(level=domain_text(level.label).lower())
            )
        else:
            self.deviation_error.hide()

    def _check_advice_step(self) -> bool:
        self._clear_errors(STEP_ADVICE)
        level = self.level()
        if level is None:
            return False
        try:
            planning.check_deviation(level, self.colleague_ids(), self.deviation_edit.toPlainText())
        except ValidationError as exc:
            self._show_errors([exc])
            self.deviation_edit.setFocus()
            return False
        return True

    # ---- consent ------------------------------------------------------------------
    def _consent_key(self) -> object:
        answers = (
            tuple(sorted((k, v.value) for k, v in self.assessment.answers.items()))
            if self.assessment
            else ()
        )
        return (self._typed_key(), answers)

    def _check_consent_basis(self) -> None:
        """Consent applies to this address and these answers; a change voids it."""
        if self.consent is not None and self._consent_key() != self._consent_basis:
            self.consent = None
            self._consent_basis = None
            self._say(
                self.tr(
                    "De toestemming van de leidinggevende is vervallen, omdat het adres of de "
                    "risicocheck is gewijzigd. Laat uw leidinggevende opnieuw tekenen."
                ),
                error=True,
            )
            self._update_consent_views()

    def _update_consent_views(self) -> None:
        rood = self.level() is RiskLevel.ROOD
        self.consent_box.setVisible(rood)
        if self.consent is not None:
            text = self.tr("✔ Toestemming van <b>{name}</b>: {reason}").format(
                name=escape(self.consent.lead.display_name), reason=escape(self.consent.reason)
            )
            style = OK_STYLE
        elif self.consent_later_button.isChecked():
            text = self.tr(
                "U vraagt later toestemming: in stap 5 slaat u het bezoek op als concept."
            )
            style = "font-weight: bold;"
        else:
            text = self.tr(
                "⚠ Nog geen toestemming. Zonder vastgelegde toestemming van uw leidinggevende "
                "kan dit bezoek niet worden gepland."
            )
            style = ERROR_STYLE
        self.consent_status.setText(text)
        self.consent_status.setStyleSheet(style)
        self.consent_later_button.setEnabled(self.consent is None)
        if self.current_step() == STEP_REVIEW:
            self._show_review()

    def _visit_text(self) -> str:
        address = (
            self._address.one_line() if self._address else self.tr("(adres nog niet ingevuld)")
        )
        return self.tr("Bezoek van {visitor} aan {address}; risiconiveau rood.").format(
            visitor=self.ctx.actor.display_name, address=address
        )

    def ask_consent_now(self) -> None:
        """Open the co-sign dialog (non-blocking; ``consent_dialog`` while open)."""
        if self.consent_dialog is not None and self.consent_dialog.isVisible():
            self.consent_dialog.raise_()
            return
        dialog = ConsentDialog(self.ctx, self.tasks, self._visit_text(), self)
        dialog.signed.connect(self._consent_signed)
        dialog.finished.connect(lambda _result: self._consent_dialog_closed(dialog))
        # Signed: on with the next step (the button that opened the dialog may be gone);
        # cancelled: back on that button.
        return_focus(dialog, lambda: self._after_consent(dialog))
        self.consent_dialog = dialog
        dialog.open()

    def _after_consent(self, dialog: ConsentDialog) -> QWidget | None:
        if dialog.grant is None:
            return None
        return self.default_button()

    def _consent_dialog_closed(self, dialog: ConsentDialog) -> None:
        if self.consent_dialog is dialog:
            self.consent_dialog = None
        dialog.deleteLater()

    def _consent_signed(self, grant: object) -> None:
        assert isinstance(grant, ConsentGrant)
        self.consent = grant
        self._consent_basis = self._consent_key()
        self.consent_later_button.setChecked(False)
        self._say(
            self.tr(
                "Toestemming van {name} genoteerd; deze wordt vastgelegd bij het opslaan."
            ).format(name=grant.lead.display_name)
        )
        self._update_consent_views()

    # ---- step 4: plan -------------------------------------------------------------
    def _default_times(self) -> tuple[datetime, datetime]:
        local = to_local(self.ctx.clock.now()).replace(tzinfo=None, second=0, microsecond=0)
        local += timedelta(minutes=15)
        local += timedelta(minutes=(-local.minute) % 15)
        return local, local + timedelta(hours=1)

    def _instant(
        self, edit: QDateTimeEdit, folds: tuple[QRadioButton, QRadioButton], field: str
    ) -> datetime:
        fold: int | None = None
        if folds[0].isChecked():
            fold = 0
        elif folds[1].isChecked():
            fold = 1
        return local_to_utc(naive_from_edit(edit), fold=fold, field=field)

    def _start_changed(self, _value: QDateTime) -> None:
        """Moving the start keeps the planned duration."""
        new_start = naive_from_edit(self.start_edit)
        previous = self._last_start
        if previous is not None:
            shifted = naive_from_edit(self.return_edit) + (new_start - previous)
            self.return_edit.blockSignals(True)
            set_edit_naive(self.return_edit, shifted)
            self.return_edit.blockSignals(False)
        self._last_start = new_start
        self._times_changed()

    def _times_changed(self) -> None:
        for edit, box, folds in (
            (self.start_edit, self.start_fold_box, self.start_fold),
            (self.return_edit, self.return_fold_box, self.return_fold),
        ):
            ambiguous = planning.is_ambiguous_local(naive_from_edit(edit))
            if not ambiguous:
                _uncheck(folds)
            box.setVisible(ambiguous)
        self._prefill_callbacks()

    def _times(self) -> tuple[datetime, datetime] | None:
        try:
            start = self._instant(self.start_edit, self.start_fold, "Begin")
            end = self._instant(self.return_edit, self.return_fold, "Verwachte terugkomst")
        except ValidationError:
            return None
        return start, end

    def _prefill_callbacks(self) -> None:
        if self.callbacks_edited:
            self._show_callbacks()
            return
        times = self._times()
        if times is None:
            self.callbacks = []
        else:
            try:
                self.callbacks = list(
                    planning.suggested_callbacks(
                        self.ctx, times[0], times[1], self.level() or RiskLevel.GROEN
                    )
                )
            except (UserError, StoreError) as exc:
                self._say(error_text(exc), error=True)
                self.callbacks = []
        self._show_callbacks()

    def _show_callbacks(self) -> None:
        current = self.callback_list.currentRow()
        self.callback_list.blockSignals(True)
        self.callback_list.clear()
        for moment in self.callbacks:
            self.callback_list.addItem(local_text(moment))
        self.callback_list.blockSignals(False)
        if self.callbacks:
            self.callback_list.setCurrentRow(min(max(current, 0), len(self.callbacks) - 1))
        rows = max(3, min(len(self.callbacks), 6))
        row_height = max(self.callback_list.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.callback_list.setMaximumHeight(
            rows * row_height + 2 * self.callback_list.frameWidth() + 4
        )
        has = bool(self.callbacks)
        self.change_callback_button.setEnabled(has)
        self.remove_callback_button.setEnabled(has)
        level = self.level() or RiskLevel.GROEN
        if self.callbacks_edited:
            self.callbacks_note.setText(
                self.tr(
                    "U heeft de momenten zelf aangepast; een andere start- of terugkomsttijd "
                    "verandert ze niet meer. Kies ‘Standaard herstellen’ om ze opnieuw in te "
                    "vullen."
                )
            )
        elif level >= RiskLevel.ORANJE:
            self.callbacks_note.setText(
                self.tr(
                    "Standaard bij {level}: kort na aankomst, elk half uur daarna en bij de "
                    "verwachte terugkomst."
                ).format(level=domain_text(level.label).lower())
            )
        else:
            self.callbacks_note.setText(
                self.tr("Standaard: kort na aankomst en bij de verwachte terugkomst.")
            )

    def _callback_selected(self, row: int) -> None:
        if 0 <= row < len(self.callbacks):
            set_edit_naive(self.callback_edit, to_local(self.callbacks[row]).replace(tzinfo=None))

    def _callback_from_edit(self) -> datetime | None:
        self.callbacks_error.hide()
        times = self._times()
        start, end = times if times is not None else (self.ctx.now(), self.ctx.now())
        try:
            return planning.callback_instant(naive_from_edit(self.callback_edit), start, end)
        except ValidationError as exc:
            self._show_errors([exc])
            return None

    def _set_callbacks(self, moments: list[datetime]) -> None:
        self.callbacks = sorted(set(moments))
        self.callbacks_edited = True
        self._show_callbacks()

    def add_callback(self) -> None:
        moment = self._callback_from_edit()
        if moment is not None:
            self._set_callbacks([*self.callbacks, moment])
            self.callback_list.setCurrentRow(self.callbacks.index(moment))

    def change_callback(self) -> None:
        row = self.callback_list.currentRow()
        moment = self._callback_from_edit()
        if moment is None or not 0 <= row < len(self.callbacks):
            return
        moments = list(self.callbacks)
        moments[row] = moment
        self._set_callbacks(moments)
        self.callback_list.setCurrentRow(self.callbacks.index(moment))

    def remove_callback(self) -> None:
        row = self.callback_list.currentRow()
        if 0 <= row < len(self.callbacks):
            self._set_callbacks([m for i, m in enumerate(self.callbacks) if i != row])

    def reset_callbacks(self) -> None:
        self.callbacks_edited = False
        self._prefill_callbacks()

    def build_plan(self) -> VisitPlan | None:
        """Validate everything typed into one plan; show each problem at its field."""
        self._clear_errors(STEP_PLAN)
        self._clear_errors(STEP_ADVICE)
        address = self._address or self._validated_address()
        if address is None:
            self.go_to(STEP_ADDRESS)
            self._validated_address()
            return None
        errors: list[ValidationError] = []
        start = end = None
        try:
            start = self._instant(self.start_edit, self.start_fold, "Begin")
        except ValidationError as exc:
            errors.append(exc)
        try:
            end = self._instant(self.return_edit, self.return_fold, "Verwachte terugkomst")
        except ValidationError as exc:
            errors.append(exc)
        plan: VisitPlan | None = None
        if start is not None and end is not None:
            buddy = self.buddy_combo.currentData()
            try:
                plan = VisitPlan.create(
                    reason=self.reason_combo.currentData(),
                    address=address,
                    residents=self.residents_edit.text(),
                    clients=self.clients_edit.text(),
                    client_phone_text=self.phone_edit.text(),
                    start=start,
                    expected_return=end,
                    visitor_id=self.ctx.actor.account_id,
                    colleague_ids=self.colleague_ids(),
                    roles_note=self.roles_edit.text(),
                    interpreter=self.interpreter_check.isChecked(),
                    announced_in_writing=self.announced_check.isChecked(),
                    buddy_id=buddy if isinstance(buddy, int) else None,
                    callbacks=self.callbacks,
                    now=self.ctx.now(),
                )
            except ValidationErrors as exc:
                errors += exc.errors
        if errors:
            self._plan = None
            first = self._show_errors(errors)
            if first is not None and first != self.current_step():
                self.go_to(first)
                self._show_errors(errors)
            return None
        self._plan = plan
        return plan

    # ---- step 5: review and save --------------------------------------------------
    def _show_review(self) -> None:
        """A read-only summary of the validated plan (built when leaving step 4)."""
        plan = self._plan
        if plan is None:
            return
        address = plan.address
        self.review_address.setText(
            f"{escape(address.short())}<br>{escape(address.postcode)} {escape(address.city)}"
        )
        if self.assessment is not None:
            self.review_advice.setText(domain_text(self.assessment.advice.title))
        team = {p.id: p for p in self._team}
        yes, no = self.tr("ja"), self.tr("nee")
        going = [self.tr("uzelf ({name})").format(name=self.ctx.actor.display_name)]
        going += [team[i].display_name for i in plan.colleague_ids if i in team]
        buddy_text = ""
        if plan.buddy_id in team:
            buddy = team[plan.buddy_id]
            phone = format_phone(buddy.phone) if buddy.phone else self.tr("geen nummer bekend")
            buddy_text = f"{buddy.display_name} ({phone})"
        rows: list[tuple[str, str]] = [
            (self.tr("Reden"), escape(self._reason_label(plan.reason))),
            (self.tr("Geplande start"), escape(self._day_text(plan.start))),
            (self.tr("Verwachte terugkomst"), escape(self._day_text(plan.expected_return))),
            (self.tr("Wie gaan er"), escape(", ".join(going))),
        ]
        if plan.roles_note:
            rows.append((self.tr("Rollen"), escape(plan.roles_note)))
        rows += [
            (self.tr("Buddy"), escape(buddy_text)),
            (
                self.tr("Terugbelmomenten"),
                escape(", ".join(to_local(m).strftime("%H:%M") for m in plan.callbacks))
                or self.tr("geen"),
            ),
            (self.tr("Bewoners"), escape(plan.residents)),
            (self.tr("Cliënt(en)"), escape(plan.clients)),
            (self.tr("Telefoon cliënt"), escape(format_phone(plan.client_phone))),
            (self.tr("Tolk"), yes if plan.interpreter else no),
            (self.tr("Schriftelijk aangekondigd"), yes if plan.announced_in_writing else no),
        ]
        if self.notes:
            rows.append(
                (
                    self.tr("Register"),
                    "<b>"
                    + escape(", ".join(domain_text(n.category.label) for n in self.notes))
                    + "</b> "
                    + self.tr("(actieve notitie, zie waarschuwing)"),
                )
            )
        deviation = self._deviation_reason()
        if deviation:
            rows.append((self.tr("Reden afwijking advies"), escape(deviation)))
        self.review_summary.setText(
            "<table cellspacing='4' cellpadding='2'>"
            + "".join(f"<tr><td><b>{escape(k)}</b></td><td>{v or '—'}</td></tr>" for k, v in rows)
            + "</table>"
        )
        rood = self.level() is RiskLevel.ROOD
        consent = self.consent
        later = self.consent_later_button.isChecked()
        self.review_consent.setVisible(rood)
        if rood:
            self.review_consent.setText(self.consent_status.text())
            self.review_consent.setStyleSheet(self.consent_status.styleSheet())
        self.save_button.setVisible(not (rood and consent is None and later))
        self.concept_button.setVisible(rood and consent is None)
        self.review_consent_button.setVisible(rood and consent is None)
        self.concept_button.setStyleSheet(PRIMARY_BUTTON_STYLE if later else "")

    def _reason_label(self, reason: VisitReason) -> str:
        index = self.reason_combo.findData(reason.value)
        return self.reason_combo.itemText(index) if index >= 0 else domain_text(reason.label)

    def _day_text(self, moment: datetime) -> str:
        days = (
            self.tr("maandag"),
            self.tr("dinsdag"),
            self.tr("woensdag"),
            self.tr("donderdag"),
            self.tr("vrijdag"),
            self.tr("zaterdag"),
            self.tr("zondag"),
        )
        local = to_local(moment)
        return f"{days[local.weekday()]} {local.strftime('%d-%m-%Y %H:%M')}"

    def save(self, *, schedule: bool = True) -> None:
        """Opslaan en plannen (``schedule``) or store as concept for later consent."""
        self.save_error.hide()
        self._say("")
        if self.assessment is None or not self._check_answered():
            if self.current_step() != STEP_CHECK:
                self.go_to(STEP_CHECK)
            return
        if not self._check_advice_step():
            self.go_to(STEP_ADVICE)
            self._check_advice_step()
            return
        plan = self.build_plan()
        if plan is None:
            return
        self._check_consent_basis()
        try:
            visit_id = planning.plan_visit(
                self.ctx,
                plan,
                self.assessment,
                deviation_reason=self._deviation_reason(),
                consent=self.consent,
                schedule=schedule,
            )
        except PlanNotScheduledError as exc:
            self.hub.visits_changed.emit()
            self._reset_form()
            self._say(error_text(exc), error=True)
            return
        except ValidationErrors as exc:
            self._show_save_errors(exc.errors)
            return
        except ValidationError as exc:
            self._show_save_errors([exc])
            return
        except (UserError, StoreError) as exc:
            self.save_error.setText("⚠ " + error_text(exc))
            self.save_error.show()
            return
        self.hub.visits_changed.emit()
        when = self._day_text(plan.start)
        address = plan.address.one_line()
        self._reset_form()
        if schedule:
            self._say(
                self.tr(
                    "Bezoek gepland: {address}, {when}. Vertrek via Mijn bezoeken met ‘Vertrekken’."
                ).format(address=address, when=when)
            )
            self.hub.status_message.emit(self.tr("Bezoek gepland."))
        else:
            self._say(
                self.tr(
                    "Bezoek als concept opgeslagen: {address}, {when}. Uw leidinggevende geeft "
                    "toestemming vanuit het eigen scherm; daarna plant u het in Mijn bezoeken."
                ).format(address=address, when=when)
            )
            self.hub.status_message.emit(self.tr("Bezoek als concept opgeslagen."))
        self.planned.emit(visit_id)

    def _show_save_errors(self, errors: Sequence[ValidationError]) -> None:
        first = self._show_errors(errors)
        if first is not None and first != self.current_step():
            self.go_to(first)
            self._show_errors(errors)

    # ---- clearing -----------------------------------------------------------------
    def _confirm_clear(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Formulier wissen"),
            self.tr("Alles wat u voor dit bezoek heeft ingevuld wissen en opnieuw beginnen?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Ja, wissen"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Nee, terug"))
        self.confirm_box = box
        box.finished.connect(lambda result: self._clear_answered(box, result))
        # Cleared: typing starts again in the street; kept: back on Formulier wissen.
        yes = box.button(QMessageBox.StandardButton.Yes)
        return_focus(box, lambda: self.street_edit if box.clickedButton() is yes else None)
        box.open()

    def _clear_answered(self, box: QMessageBox, result: int) -> None:
        if self.confirm_box is box:
            self.confirm_box = None
        box.deleteLater()
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            self._reset_form()
            self._say(self.tr("Het formulier is gewist."))

    def _reset_form(self) -> None:
        self.consent = None
        self._consent_basis = None
        self._plan = None
        for edit in (
            self.street_edit,
            self.number_edit,
            self.addition_edit,
            self.postcode_edit,
            self.city_edit,
            self.roles_edit,
            self.residents_edit,
            self.clients_edit,
            self.phone_edit,
        ):
            edit.clear()
        self.deviation_edit.clear()
        self._address = None
        self._set_register_result(None, [])
        if self.checklist_widget is not None:
            self.checklist_widget.clear()
        self.consent_later_button.setChecked(False)
        for row in range(self.colleague_list.count()):
            self.colleague_list.item(row).setCheckState(Qt.CheckState.Unchecked)
        self.reason_combo.setCurrentIndex(0)
        self.buddy_combo.setCurrentIndex(0)
        self.interpreter_check.setChecked(False)
        self.announced_check.setChecked(False)
        _uncheck(self.start_fold)
        _uncheck(self.return_fold)
        start, end = self._default_times()
        self._last_start = None
        set_edit_naive(self.start_edit, start)
        self._last_start = start
        set_edit_naive(self.return_edit, end)
        set_edit_naive(self.callback_edit, start + timedelta(minutes=10))
        self.callbacks_edited = False
        self._clear_errors()
        self._update_assessment()
        self._prefill_callbacks()
        self._update_consent_views()
        self.go_to(STEP_ADDRESS)


def _on_step(widget: QWidget, step: int, stack: QStackedWidget) -> bool:
    page = stack.widget(step)
    return page is not None and page.isAncestorOf(widget)


def _reveal(widget: QWidget) -> None:
    """Scroll the enclosing scroll area so that ``widget`` can be seen."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)


def _uncheck(buttons: tuple[QRadioButton, QRadioButton]) -> None:
    for button in buttons:
        button.setAutoExclusive(False)
        button.setChecked(False)
        button.setAutoExclusive(True)
