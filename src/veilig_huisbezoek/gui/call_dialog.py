"""The buddy's call dialog: who to call, the code-word answer, and what to do next.

Built from ``ui/call_dialog.ui``. The visit is read once when the dialog opens and the
call is written with ``services.visits.record_call`` (time and buddy come from the
service context). Both are single small queries (about a millisecond), so they run on
the GUI thread: the call is on screen and stored the moment the buddy acts. The board
opens it window-modal with ``open()`` (no nested event loop), one call at a time.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QFrame,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.board import format_countdown
from ..domain.call_outcome import CallAction, CallDecision, NameUsed, decide_action
from ..domain.clock import to_local
from ..domain.errors import UserError
from ..domain.overdue import retry_time
from ..domain.phone import format_phone
from ..domain.roles import Permission, Role
from ..domain.settings import Settings
from ..services.accounts import list_accounts
from ..services.context import ServiceContext
from ..services.settings import load_settings
from ..services.visit_details import Person, VisitDetail, get_visit_detail
from ..services.visits import record_call
from ..storage.errors import StoreError
from .forms import child, load_form
from .hub import AppHub
from .i18n import domain_text, error_text, message_text
from .keys import is_enter
from .readout import announce, sentences
from .screen_fit import fit_to_screen

# Button ids in the outcome group.
NOT_REACHED, FIRST_NAME, LAST_NAME = 0, 1, 2
YES, NO = 1, 0

_ALARM_ACTIONS = frozenset({CallAction.CALL_112, CallAction.CALL_POLICE, CallAction.ESCALATE})

_PANEL_STYLE = {
    # action kind: (background, text colour)
    "ok": ("#1b5e20", "#ffffff"),
    "attention": ("#ffb300", "#000000"),
    "alarm": ("#b71c1c", "#ffffff"),
}


def consecutive_misses(detail: VisitDetail) -> int:
    """Unanswered calls since the last answered one (``record_call``'s rule)."""
    misses = 0
    for call in reversed(sorted(detail.calls, key=lambda c: (c.called_at, c.id))):
        if call.reached:
            break
        misses += 1
    return misses


class CallDialog(QDialog):
    """Record one call-back for a visit; after recording the decided action is shown big."""

    # Emitted once the call is stored (the decision also goes to ``decision``).
    recorded = Signal(object)

    def __init__(
        self,
        ctx: ServiceContext,
        visit_id: int,
        callback_id: int | None,
        hub: AppHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._hub = hub
        self.visit_id = visit_id
        self.decision: CallDecision | None = None
        self._blocked = False
        self.detail: VisitDetail = get_visit_detail(ctx, visit_id)
        self.settings: Settings = load_settings(ctx)
        self.previous_misses = consecutive_misses(self.detail)
        self.callback_id = callback_id
        callback = next((c for c in self.detail.callbacks if c.id == callback_id), None)
        if callback is None:
            self.callback_id = None
        self._callback_due: datetime | None = callback.due_at if callback else None

        self.form = load_form("call_dialog", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.setWindowTitle(
            self.tr("Terugbellen — {name}").format(name=self.detail.visitor.display_name)
        )
        fit_to_screen(self, QSize(780, 720))

        form = self.form
        self.visitor_name_label = child(form, QLabel, "visitorNameLabel")
        self.phone_label = child(form, QLabel, "phoneLabel")
        self.address_label = child(form, QLabel, "addressLabel")
        self.due_label = child(form, QLabel, "dueLabel")
        self.history_label = child(form, QLabel, "historyLabel")
        self.pages = child(form, QStackedWidget, "pages")
        self.ask_page = child(form, QWidget, "askPage")
        self.result_page = child(form, QWidget, "resultPage")
        self.not_reached_button = child(form, QPushButton, "notReachedButton")
        self.first_name_button = child(form, QPushButton, "firstNameButton")
        self.last_name_button = child(form, QPushButton, "lastNameButton")
        self.vrijuit_group = child(form, QGroupBox, "vrijuitGroup")
        self.politie_group = child(form, QGroupBox, "politieGroup")
        self.vrijuit_yes = child(form, QRadioButton, "vrijuitYes")
        self.vrijuit_no = child(form, QRadioButton, "vrijuitNo")
        self.politie_yes = child(form, QRadioButton, "politieYes")
        self.politie_no = child(form, QRadioButton, "politieNo")
        self.preview_title_label = child(form, QLabel, "previewTitleLabel")
        self.preview_label = child(form, QLabel, "previewLabel")
        self.error_label = child(form, QLabel, "errorLabel")
        self.record_button = child(form, QPushButton, "recordButton")
        self.cancel_button = child(form, QPushButton, "cancelButton")
        self.result_frame = child(form, QFrame, "resultFrame")
        self.action_title_label = child(form, QLabel, "actionTitleLabel")
        self.action_instruction_label = child(form, QLabel, "actionInstructionLabel")
        self.police_label = child(form, QLabel, "policeLabel")
        self.alarm_panel = child(form, QFrame, "alarmPanel")
        self.full_address_label = child(form, QLabel, "fullAddressLabel")
        self.copy_address_button = child(form, QPushButton, "copyAddressButton")
        self.present_label = child(form, QLabel, "presentLabel")
        self.residents_label = child(form, QLabel, "residentsLabel")
        self.manager_label = child(form, QLabel, "managerLabel")
        self.recorded_label = child(form, QLabel, "recordedLabel")
        self.close_button = child(form, QPushButton, "closeButton")

        # One of three, kept exclusive here rather than by a QButtonGroup: a group would
        # take the unchecked buttons out of the Tab chain (radio-style); every outcome
        # button must be reachable with Tab.
        self.outcome: int | None = None
        self._outcome_buttons = {
            NOT_REACHED: self.not_reached_button,
            FIRST_NAME: self.first_name_button,
            LAST_NAME: self.last_name_button,
        }
        self._outcome_texts = {o: b.text() for o, b in self._outcome_buttons.items()}
        for outcome, button in self._outcome_buttons.items():
            button.toggled.connect(partial(self._outcome_toggled, outcome))
        self.vrijuit_buttons = QButtonGroup(self)
        self.vrijuit_buttons.addButton(self.vrijuit_yes, YES)
        self.vrijuit_buttons.addButton(self.vrijuit_no, NO)
        self.politie_buttons = QButtonGroup(self)
        self.politie_buttons.addButton(self.politie_yes, YES)
        self.politie_buttons.addButton(self.politie_no, NO)
        for group in (self.vrijuit_buttons, self.politie_buttons):
            group.buttonToggled.connect(lambda *_: self._update_preview())

        self.record_button.clicked.connect(self.record)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        self.copy_address_button.clicked.connect(self.copy_address)

        # The domain's title and instruction, translated in the "domain" context.
        self._action_texts = {
            action: (domain_text(action.title), domain_text(action.instruction))
            for action in CallAction
        }
        self._action_symbols = {
            CallAction.OK: "✓",
            CallAction.CALL_BACK_SOONER: "◷",
            CallAction.RETRY: "☎",
            CallAction.CALL_112: "⚠",
            CallAction.CALL_POLICE: "⚠",
            CallAction.ESCALATE: "⚠",
        }

        # Enter on a choice (an outcome, ja/nee) records once an outcome is chosen and
        # never makes a choice itself (some desktops let Enter press a focused button).
        choices: list[QAbstractButton] = [
            *self._outcome_buttons.values(),
            *self.vrijuit_buttons.buttons(),
            *self.politie_buttons.buttons(),
        ]
        for choice in choices:
            choice.installEventFilter(self)

        self._show_visit()
        self._update_preview()
        self.pages.setCurrentWidget(self.ask_page)
        # The number to call first; no answer has the focus, so no Enter chooses one.
        self.phone_label.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_enter(event) and isinstance(watched, QAbstractButton):
            if self.record_button.isEnabled():
                self.record()
            return True
        return super().eventFilter(watched, event)

    def outcome_buttons(self) -> list[QPushButton]:
        """Niet bereikt, Voornaam, Achternaam."""
        return list(self._outcome_buttons.values())

    def action_text(self, action: CallAction) -> tuple[str, str]:
        """The domain's title and instruction in the chosen language."""
        return self._action_texts[action]

    def decision_text(self, decision: CallDecision) -> tuple[str, str]:
        """The decision's title and instruction in the chosen language: a retry names
        the retry time of the settings ("Bel over 1 minuut opnieuw", "… 5 minuten …")."""
        title, instruction = self._action_texts[decision.action]
        if decision.action is CallAction.RETRY:
            instruction = message_text(decision.instruction)
        return title, instruction

    # ---- state ---------------------------------------------------------------------
    @property
    def reached(self) -> bool | None:
        return None if self.outcome is None else self.outcome != NOT_REACHED

    @property
    def name_used(self) -> NameUsed | None:
        chosen = self.outcome
        if chosen == FIRST_NAME:
            return NameUsed.VOORNAAM
        if chosen == LAST_NAME:
            return NameUsed.ACHTERNAAM
        return None

    @staticmethod
    def _answer(group: QButtonGroup) -> bool | None:
        chosen = group.checkedId()
        return None if chosen < 0 else chosen == YES

    @property
    def vrijuit(self) -> bool | None:
        return self._answer(self.vrijuit_buttons)

    @property
    def politie(self) -> bool | None:
        return self._answer(self.politie_buttons)

    def may_record(self) -> bool:
        actor = self._ctx.actor
        if not actor.may(Permission.ACT_AS_BUDDY):
            return False
        return self.detail.buddy.id == actor.account_id or actor.may(Permission.SEE_TEAM_CASES)

    def preview(self) -> CallDecision | None:
        """What ``record`` would decide with the current answers (None: no outcome yet)."""
        reached = self.reached
        if reached is None:
            return None
        settings = self.settings
        return decide_action(
            reached=reached,
            name_used=self.name_used,
            vrijuit=self.vrijuit if reached else None,
            politie=self.politie if reached else None,
            previous_misses=self.previous_misses,
            retry_after=retry_time(settings),
            police_emergency=settings.police_emergency,
            police_general=settings.police_general,
        )

    # ---- slots ---------------------------------------------------------------------
    def record(self) -> None:
        """Store the call (with time and buddy), then show the decided action big."""
        reached = self.reached
        if reached is None or not self.record_button.isEnabled() or self.decision is not None:
            return
        try:
            decision = record_call(
                self._ctx,
                self.visit_id,
                reached=reached,
                name_used=self.name_used if reached else None,
                vrijuit=self.vrijuit if reached else None,
                politie=self.politie if reached else None,
                callback_id=self.callback_id,
            )
        except (UserError, StoreError) as exc:
            self._show_error(error_text(exc))
            return
        self.decision = decision
        recorded_at = self._ctx.now()
        self._hub.visits_changed.emit()
        self._show_result(decision, recorded_at)
        self.recorded.emit(decision)

    def copy_address(self) -> None:
        QGuiApplication.clipboard().setText(self.detail.address.one_line())
        self.copy_address_button.setText(self.tr("Adres gekopieerd ✓"))

    # ---- rendering -----------------------------------------------------------------
    def _show_visit(self) -> None:
        detail = self.detail
        now = self._ctx.now()
        self.visitor_name_label.setText(detail.visitor.display_name)
        phone = format_phone(detail.visitor.phone)
        self.phone_label.setText(f"☎ {phone}" if phone else self.tr("Geen telefoonnummer bekend"))
        self.address_label.setText(
            self.tr("{address}, {city} · verwacht terug {time}").format(
                address=detail.address.short(),
                city=detail.address.city,
                time=to_local(detail.expected_return).strftime("%H:%M"),
            )
        )
        if self._callback_due is not None:
            countdown = format_countdown(
                self._callback_due - now,
                ahead=self.tr("over {}"),
                now=self.tr("nu"),
                past=self.tr("{} te laat"),
            )
            self.due_label.setText(
                self.tr("Belmoment {time} ({countdown})").format(
                    time=to_local(self._callback_due).strftime("%H:%M"), countdown=countdown
                )
            )
        else:
            self.due_label.setText(self.tr("Extra belmoment (niet gepland)"))
        if self.previous_misses:
            last = max(detail.calls, key=lambda c: (c.called_at, c.id))
            self.history_label.setText(
                self.tr(
                    "Let op: de vorige poging ({time}) werd niet beantwoord. "
                    "Wordt er nu weer niet opgenomen, dan escaleert u."
                ).format(time=to_local(last.called_at).strftime("%H:%M"))
            )
            self.history_label.show()
        problem = ""
        if not detail.state.is_active:
            problem = self.tr(
                "Dit bezoek is niet meer onderweg (status: {state}); er valt niets vast te leggen."
            ).format(state=domain_text(detail.state.label))
        elif not self.may_record():
            problem = self.tr(
                "Alleen de buddy ({buddy}) of een leidinggevende legt dit gesprek vast."
            ).format(buddy=detail.buddy.display_name)
        if problem:
            self._show_error(problem)
            self.record_button.setEnabled(False)
            self._blocked = True

    def _outcome_toggled(self, outcome: int, checked: bool) -> None:
        button = self._outcome_buttons[outcome]
        if checked:
            self.outcome = outcome
            for other, other_button in self._outcome_buttons.items():
                if other != outcome and other_button.isChecked():
                    other_button.blockSignals(True)
                    other_button.setChecked(False)
                    other_button.blockSignals(False)
            # The choice shows as a tick too, never by colour alone.
            for other, other_button in self._outcome_buttons.items():
                text = self._outcome_texts[other]
                other_button.setText(f"✓ {text}" if other == outcome else text)
        elif self.outcome == outcome:
            # Clicking the chosen answer again keeps it chosen (one of three).
            button.blockSignals(True)
            button.setChecked(True)
            button.blockSignals(False)
            return
        self._update_preview()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _update_preview(self) -> None:
        reached = self.reached
        questions_enabled = reached is True
        self.vrijuit_group.setEnabled(questions_enabled)
        self.politie_group.setEnabled(questions_enabled)
        decision = self.preview()
        if decision is None:
            self.preview_title_label.setText(self.tr("Kies eerst hoe de bezoeker opnam."))
            self.preview_label.setText(
                self.tr("Niet bereikt (Alt+N), Voornaam (Alt+V) of Achternaam (Alt+A).")
            )
        else:
            title, instruction = self.decision_text(decision)
            self.preview_title_label.setText(f"{self._action_symbols[decision.action]} {title}")
            hint = ""
            unanswered = self.vrijuit is None or self.politie is None
            if self.name_used is NameUsed.VOORNAAM and unanswered:
                hint = " " + self.tr("Stel ook beide vragen.")
            self.preview_label.setText(instruction + hint)
        self.record_button.setEnabled(decision is not None and not self._blocked)

    def _panel_kind(self, action: CallAction) -> str:
        if action in _ALARM_ACTIONS:
            return "alarm"
        if action is CallAction.OK:
            return "ok"
        return "attention"

    def _show_result(self, decision: CallDecision, recorded_at: datetime) -> None:
        background, text = _PANEL_STYLE[self._panel_kind(decision.action)]
        self.result_frame.setStyleSheet(
            f"#resultFrame {{ background: {background}; border-radius: 6px; }}"
            f" #resultFrame QLabel {{ color: {text}; }}"
        )
        title, instruction = self.decision_text(decision)
        self.action_title_label.setText(f"{self._action_symbols[decision.action]} {title}")
        extra: list[str] = []
        if decision.retry_after is not None:
            again = to_local(recorded_at + decision.retry_after).strftime("%H:%M")
            extra.append(self.tr("Volgend belmoment: {time}.").format(time=again))
        if decision.keep_line and decision.action is not CallAction.CALL_POLICE:
            # (The police instruction already says it.)
            extra.append(self.tr("Houd de lijn open."))
        self.action_instruction_label.setText(" ".join([instruction, *extra]))
        alarm = decision.action in _ALARM_ACTIONS
        self.alarm_panel.setVisible(alarm)
        self.police_label.setVisible(alarm and bool(decision.police_numbers))
        if alarm:
            self._fill_alarm_panel(decision)
        self.recorded_label.setText(
            self.tr("Vastgelegd om {time} door {buddy}.").format(
                time=to_local(recorded_at).strftime("%H:%M:%S"),
                buddy=self._ctx.actor.display_name,
            )
        )
        self.pages.setCurrentWidget(self.result_page)
        self.close_button.setDefault(True)
        focus = self.copy_address_button if alarm else self.close_button
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        # Focus lands on a button: a screen reader also says what to do now.
        labels = [self.action_title_label, self.police_label, self.action_instruction_label]
        if alarm:
            labels.append(self.full_address_label)
        shown = [label for label in labels if label.isVisibleTo(self)]
        announce(self, sentences(*(label.accessibleName() or label.text() for label in shown)))

    def _person_line(self, person: Person) -> str:
        phone = format_phone(person.phone)
        return f"{person.display_name} ({phone})" if phone else person.display_name

    def _fill_alarm_panel(self, decision: CallDecision) -> None:
        detail = self.detail
        numbers = decision.police_numbers
        if decision.action is CallAction.CALL_POLICE and len(numbers) >= 2:
            police = self.tr("☎ {emergency} bij direct gevaar, anders {general}").format(
                emergency=numbers[0], general=numbers[1]
            )
        else:
            police = self.tr("☎ Politie: {numbers}").format(numbers=self.tr(" of ").join(numbers))
        self.police_label.setText(police)
        self.full_address_label.setText(detail.address.one_line())
        self.present_label.setText(
            self.tr("Van ons aanwezig: {people}").format(
                people="; ".join(self._person_line(p) for p in detail.people_present)
            )
        )
        residents = detail.residents or self.tr("onbekend")
        self.residents_label.setText(self.tr("Bewoners: {residents}").format(residents=residents))
        managers = self._managers()
        if decision.inform_leidinggevende and managers:
            self.manager_label.setText(
                self.tr("Leidinggevende: {people}").format(
                    people="; ".join(self._person_line(p) for p in managers)
                )
            )
            self.manager_label.show()
        else:
            self.manager_label.hide()

    def _managers(self) -> list[Person]:
        try:
            accounts = list_accounts(self._ctx)
        except (UserError, StoreError):
            return []
        me = self._ctx.actor.account_id
        return [
            Person(a.id, a.first_name, a.last_name, a.phone)
            for a in accounts
            if Role.LEIDINGGEVENDE in a.roles and a.id != me
        ]
