"""The incident dialog's aftercare tab: the leidinggevende records each aftercare
conversation (outcome, date, note) against its planned window."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.clock import to_local
from ..domain.incident import AftercareRecord, AftercareTalk, TalkOutcome
from ..domain.roles import Permission
from ..services import incidents
from ..services.incidents import IncidentDetail
from .forms_generated.ui_incident_dialog import Ui_IncidentDialogForm
from .i18n import domain_text
from .incident_host import IncidentHost, checked, select_data
from .keys import tab_after
from .look import from_qdate, to_qdate
from .readout import ReadoutLabel


class IncidentAftercareTab(QObject):
    def __init__(self, host: IncidentHost, ui: Ui_IncidentDialogForm, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.aftercare_rows = ui.aftercareRows
        self.aftercare_intro = ui.aftercareIntroLabel
        rows_layout = self.aftercare_rows.layout()
        assert rows_layout is not None
        self.talk_widgets: dict[AftercareTalk, tuple[QLabel, QComboBox, QDateEdit, QLineEdit]] = {}
        self.talk_buttons: dict[AftercareTalk, QPushButton] = {}
        for talk in AftercareTalk:
            rows_layout.addWidget(self._talk_group(talk))
        # In the Tab order where the tab is: after the police tab, before the evidence.
        tab_after(
            ui.policeSaveButton,
            [
                widget
                for talk in AftercareTalk
                for widget in (*self.talk_widgets[talk][1:], self.talk_buttons[talk])
            ],
        )

    def _talk_group(self, talk: AftercareTalk) -> QGroupBox:
        group = QGroupBox(domain_text(talk.label))
        group.setObjectName(f"talk_{talk.value}")
        group_layout = QVBoxLayout(group)
        window = ReadoutLabel(caption=self.tr("Planning gesprek"))
        window.setWordWrap(True)
        group_layout.addWidget(window)
        row = QHBoxLayout()
        outcome = QComboBox()
        outcome.setObjectName(f"talkOutcome_{talk.value}")
        outcome.setAccessibleName(self.tr("Uitkomst {talk}").format(talk=talk.value))
        outcome.addItem(self.tr("— nog niet —"), None)
        for choice in TalkOutcome:
            outcome.addItem(domain_text(choice.label), choice.value)
        on = QDateEdit()
        on.setObjectName(f"talkDate_{talk.value}")
        on.setDisplayFormat("dd-MM-yyyy")
        on.setCalendarPopup(True)
        on.setAccessibleName(self.tr("Datum gesprek"))
        note = QLineEdit()
        note.setObjectName(f"talkNote_{talk.value}")
        note.setAccessibleName(self.tr("Toelichting gesprek"))
        note.setPlaceholderText(self.tr("korte toelichting (optioneel)"))
        save = QPushButton(self.tr("Vastleggen"))
        save.setObjectName(f"talkSave_{talk.value}")
        save.setAccessibleName(self.tr("Gesprek vastleggen"))
        save.clicked.connect(partial(self.save_talk, talk))
        for widget in (outcome, on, note, save):
            row.addWidget(widget)
        group_layout.addLayout(row)
        self.talk_widgets[talk] = (window, outcome, on, note)
        self.talk_buttons[talk] = save
        return group

    def update_permission(self) -> None:
        """Only a leidinggevende records the conversations."""
        lead = self.host.ctx.actor.may(Permission.SEE_TEAM_CASES)
        for talk, (_w, outcome, on, note) in self.talk_widgets.items():
            for widget in (outcome, on, note, self.talk_buttons[talk]):
                widget.setEnabled(lead)
        if not lead:
            self.aftercare_intro.setToolTip(self.tr("Alleen een leidinggevende legt dit vast."))

    def show(self, detail: IncidentDetail) -> None:
        for moment in detail.aftercare_schedule:
            window, outcome, on, note = self.talk_widgets[moment.talk]
            record = detail.aftercare.get(moment.talk)
            if record is None:
                window.setText(
                    self.tr("{purpose}\nStreven: {aim}; uiterlijk {latest}.").format(
                        purpose=domain_text(moment.talk.purpose),
                        aim=to_local(moment.aim_by).strftime("%d-%m-%Y"),
                        latest=to_local(moment.latest).strftime("%d-%m-%Y"),
                    )
                )
                on.setDate(to_qdate(to_local(self.host.ctx.now()).date()))
            else:
                window.setText(
                    self.tr("{outcome} op {day}.").format(
                        outcome=domain_text(record.outcome.label),
                        day=record.on.strftime("%d-%m-%Y"),
                    )
                )
                select_data(outcome, record.outcome.value)
                on.setDate(to_qdate(record.on))
                note.setText(record.note)

    def save_talk(self, talk: AftercareTalk) -> None:
        host = self.host
        if host.detail is None or host.incident_id is None:
            return
        _window, outcome, on, note = self.talk_widgets[talk]
        ctx, incident_id = host.ctx, host.incident_id
        occurred = host.detail.report.occurred_at
        record = checked(
            host,
            lambda: AftercareRecord.create(
                talk=talk,
                outcome=outcome.currentData(),
                on=from_qdate(on.date()),
                note=note.text(),
                occurred_at=occurred,
                now=ctx.now(),
            ),
        )
        if record is None:
            return

        def saved(_result: object) -> None:
            host.say(self.tr("Nazorggesprek vastgelegd."))
            host.announce_change(incident_id)

        host.run(lambda: incidents.record_aftercare(ctx, incident_id, record), saved)
