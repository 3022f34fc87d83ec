"""The call dialog's result page: the decided action big, in its colour; with an
alarm also the police numbers, the full address (to copy), who of ours is there, the
residents and the leidinggevenden to inform."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ..domain.call_outcome import CallAction, CallDecision
from ..domain.clock import to_local
from ..domain.errors import UserError
from ..domain.phone import format_phone
from ..domain.roles import Role
from ..services.accounts import list_accounts
from ..services.context import ServiceContext
from ..services.visit_details import Person, VisitDetail
from ..storage.errors import StoreError
from .forms_generated.ui_call_dialog import Ui_CallDialogForm
from .i18n import message_text
from .readout import announce, sentences

ALARM_ACTIONS = frozenset({CallAction.CALL_112, CallAction.CALL_POLICE, CallAction.ESCALATE})

# Each action's symbol before its title: the meaning is never in the colour alone.
ACTION_SYMBOLS = {
    CallAction.OK: "✓",
    CallAction.CALL_BACK_SOONER: "◷",
    CallAction.RETRY: "☎",
    CallAction.CALL_112: "⚠",
    CallAction.CALL_POLICE: "⚠",
    CallAction.ESCALATE: "⚠",
}

_PANEL_STYLE = {
    # action kind: (background, text colour)
    "ok": ("#1b5e20", "#ffffff"),
    "attention": ("#ffb300", "#000000"),
    "alarm": ("#b71c1c", "#ffffff"),
}


def decision_text(
    action_texts: dict[CallAction, tuple[str, str]], decision: CallDecision
) -> tuple[str, str]:
    """The decision's title and instruction in the chosen language: a retry names the
    retry time of the settings ("Bel over 1 minuut opnieuw", "… 5 minuten …")."""
    title, instruction = action_texts[decision.action]
    if decision.action is CallAction.RETRY:
        instruction = message_text(decision.instruction)
    return title, instruction


class CallResultPage(QObject):
    """What the buddy sees once the call is recorded."""

    def __init__(
        self,
        ctx: ServiceContext,
        detail: VisitDetail,
        managers: list[Person],
        action_texts: dict[CallAction, tuple[str, str]],
        dialog: QWidget,
        ui: Ui_CallDialogForm,
        form: QWidget,
    ) -> None:
        super().__init__(form)
        self._ctx = ctx
        self._detail = detail
        self._managers = managers
        self._action_texts = action_texts
        self._dialog = dialog
        self._pages = ui.pages
        self.result_page = ui.resultPage
        self.result_frame = ui.resultFrame
        self.action_title_label = ui.actionTitleLabel
        self.action_instruction_label = ui.actionInstructionLabel
        self.police_label = ui.policeLabel
        self.alarm_panel = ui.alarmPanel
        self.full_address_label = ui.fullAddressLabel
        self.copy_address_button = ui.copyAddressButton
        self.present_label = ui.presentLabel
        self.residents_label = ui.residentsLabel
        self.manager_label = ui.managerLabel
        self.recorded_label = ui.recordedLabel
        self.close_button = ui.closeButton

    def copy_address(self) -> None:
        QGuiApplication.clipboard().setText(self._detail.address.one_line())
        self.copy_address_button.setText(self.tr("Adres gekopieerd ✓"))

    def _panel_kind(self, action: CallAction) -> str:
        if action in ALARM_ACTIONS:
            return "alarm"
        if action is CallAction.OK:
            return "ok"
        return "attention"

    def show(self, decision: CallDecision, recorded_at: datetime) -> None:
        """The decided action, big; with an alarm the address and who to call."""
        background, text = _PANEL_STYLE[self._panel_kind(decision.action)]
        self.result_frame.setStyleSheet(
            f"#resultFrame {{ background: {background}; border-radius: 6px; }}"
            f" #resultFrame QLabel {{ color: {text}; }}"
        )
        title, instruction = decision_text(self._action_texts, decision)
        self.action_title_label.setText(f"{ACTION_SYMBOLS[decision.action]} {title}")
        extra: list[str] = []
        if decision.retry_after is not None:
            again = to_local(recorded_at + decision.retry_after).strftime("%H:%M")
            extra.append(self.tr("Volgend belmoment: {time}.").format(time=again))
        if decision.keep_line and decision.action is not CallAction.CALL_POLICE:
            # (The police instruction already says it.)
            extra.append(self.tr("Houd de lijn open."))
        self.action_instruction_label.setText(" ".join([instruction, *extra]))
        alarm = decision.action in ALARM_ACTIONS
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
        self._pages.setCurrentWidget(self.result_page)
        self.close_button.setDefault(True)
        focus = self.copy_address_button if alarm else self.close_button
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        # Focus lands on a button: a screen reader also says what to do now.
        labels = [self.action_title_label, self.police_label, self.action_instruction_label]
        if alarm:
            labels.append(self.full_address_label)
        shown = [label for label in labels if label.isVisibleTo(self._dialog)]
        announce(
            self._dialog, sentences(*(label.accessibleName() or label.text() for label in shown))
        )

    def _person_line(self, person: Person) -> str:
        phone = format_phone(person.phone)
        return f"{person.display_name} ({phone})" if phone else person.display_name

    def _fill_alarm_panel(self, decision: CallDecision) -> None:
        detail = self._detail
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
        managers = self._managers
        if decision.inform_leidinggevende and managers:
            self.manager_label.setText(
                self.tr("Leidinggevende: {people}").format(
                    people="; ".join(self._person_line(p) for p in managers)
                )
            )
            self.manager_label.show()
        else:
            self.manager_label.hide()


def leidinggevenden(ctx: ServiceContext) -> list[Person]:
    """The leidinggevenden to inform (not oneself); none when they cannot be read. Reads
    the store: for the task runner (the call dialog loads it with the visit)."""
    try:
        accounts = list_accounts(ctx)
    except (UserError, StoreError):
        return []
    me = ctx.actor.account_id
    return [
        Person(a.id, a.first_name, a.last_name, a.phone)
        for a in accounts
        if Role.LEIDINGGEVENDE in a.roles and a.id != me
    ]
