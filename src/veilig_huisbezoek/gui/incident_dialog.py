"""The incident report (docs/design.md §6), opened by *Terug, er was een incident* or standalone.

Built from ``ui/incident_dialog.ui``. Tab 1 is the GIR report (the 7 W's, category A–E
with its rule, channel, injury, witnesses, police); once it is filed, the other tabs
open: the immediate steps with their times, the melding/aangifte with its 24-hour
term, the aftercare conversations (leidinggevende), evidence files, and the proposed
unsafe-address note. Documents are written only where the person chooses.

All service calls are small and run on the GUI thread, like the call dialog, so the
dialog also works standalone (e.g. from ``my_visits`` right after the return).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QSize, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.address import Address
from ..domain.clock import local_to_utc, to_local
from ..domain.errors import UserError, ValidationError, ValidationErrors
from ..domain.incident import (
    MAX_ATTACHMENT_BYTES,
    AftercareRecord,
    AftercareTalk,
    BehaviourCategory,
    Channel,
    IncidentReport,
    Injury,
    PoliceReport,
    ReportKind,
    Step,
    TalkOutcome,
    format_size,
)
from ..domain.register import NoteCategory
from ..domain.roles import Permission
from ..services import documents, incidents
from ..services.context import ServiceContext
from ..services.files import write_atomically
from ..services.incidents import IncidentDetail
from ..services.settings import load_settings
from ..storage.errors import StoreError
from .file_choosers import OpenPathChooser, SavePathChooser, ask_open_path, ask_save_path
from .forms import child, load_form
from .i18n import domain_text, error_text
from .keys import tab_after
from .look import (
    PRIMARY_BUTTON_STYLE,
    from_qdate,
    say,
    scaled_font,
    to_qdate,
)
from .readout import ReadoutLabel
from .screen_fit import fit_to_screen

TAB_REPORT, TAB_STEPS, TAB_POLICE, TAB_AFTERCARE, TAB_EVIDENCE, TAB_NOTE = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole


def _local_naive(edit: QDateTimeEdit) -> datetime:
    d, t = edit.date(), edit.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def _set_local(edit: QDateTimeEdit, moment: datetime) -> None:
    """Show an aware instant as Amsterdam wall-clock time (the edit runs on UTC)."""
    local = to_local(moment)
    edit.setDateTime(
        QDateTime(
            QDate(local.year, local.month, local.day),
            QTime(local.hour, local.minute),
            QTimeZone.utc(),
        )
    )


def _instant(edit: QDateTimeEdit, field: str) -> datetime:
    # fold=0: in the repeated autumn hour, the first (summer-time) occurrence.
    return local_to_utc(_local_naive(edit), fold=0, field=field)


class IncidentDialog(QDialog):
    """File and follow one incident. ``visit_id`` links it to a visit (prefilled)."""

    filed = Signal(int)  # incident id
    changed = Signal(int)  # incident id, after any later change

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        visit_id: int | None = None,
        incident_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id = visit_id
        self.incident_id: int | None = incident_id
        self.detail: IncidentDetail | None = None
        self.choose_save_path: SavePathChooser = ask_save_path
        self.choose_open_path: OpenPathChooser = ask_open_path
        self.setWindowTitle(self.tr("Incident melden"))
        self.setAccessibleName(self.tr("Incidentformulier"))
        self.form = load_form("incident_dialog", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        fit_to_screen(self, QSize(920, 720))
        self._find_widgets()
        self._fill_choices()
        self._build_steps()
        self._build_aftercare()
        self._connect()
        self._prefill()
        if self.incident_id is not None:
            self.reload()
        self._update_tabs()

    # ---- set-up ---------------------------------------------------------------------
    def _find_widgets(self) -> None:
        f = self.form
        self.title_label = child(f, QLabel, "titleLabel")
        self.title_label.setFont(scaled_font(self.title_label, 1.35))
        self.context_label = child(f, QLabel, "contextLabel")
        self.message_label = child(f, QLabel, "messageLabel")
        self.message_label.hide()
        self.tabs = child(f, QTabWidget, "tabs")
        self.when_edit = child(f, QDateTimeEdit, "whenEdit")
        self.channel_combo = child(f, QComboBox, "channelCombo")
        self.category_combo = child(f, QComboBox, "categoryCombo")
        self.category_rule_label = child(f, QLabel, "categoryRuleLabel")
        self.wie_edit = child(f, QLineEdit, "wieEdit")
        self.wat_edit = child(f, QPlainTextEdit, "watEdit")
        self.waar_edit = child(f, QLineEdit, "waarEdit")
        self.waarmee_edit = child(f, QLineEdit, "waarmeeEdit")
        self.wijze_edit = child(f, QPlainTextEdit, "wijzeEdit")
        self.waarom_edit = child(f, QPlainTextEdit, "waaromEdit")
        self.injury_combo = child(f, QComboBox, "injuryCombo")
        self.injury_details_edit = child(f, QLineEdit, "injuryDetailsEdit")
        self.witnesses_edit = child(f, QLineEdit, "witnessesEdit")
        self.police_check = child(f, QCheckBox, "policeCheck")
        self.file_button = child(f, QPushButton, "fileButton")
        self.file_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        self.steps_box = child(f, QGroupBox, "stepsBox")
        self.steps_status_label = child(f, QLabel, "stepsStatusLabel")
        self.deadline_label = child(f, QLabel, "deadlineLabel")
        self.kind_combo = child(f, QComboBox, "kindCombo")
        self.reported_by_edit = child(f, QLineEdit, "reportedByEdit")
        self.reported_at_edit = child(f, QDateTimeEdit, "reportedAtEdit")
        self.reference_edit = child(f, QLineEdit, "referenceEdit")
        self.municipality_edit = child(f, QPlainTextEdit, "municipalityEdit")
        self.vpt_check = child(f, QCheckBox, "vptCheck")
        self.reason_edit = child(f, QPlainTextEdit, "reasonEdit")
        self.police_warnings_label = child(f, QLabel, "policeWarningsLabel")
        self.police_save_button = child(f, QPushButton, "policeSaveButton")
        self.aftercare_rows = child(f, QWidget, "aftercareRows")
        self.aftercare_intro = child(f, QLabel, "aftercareIntroLabel")
        self.attachment_list = child(f, QListWidget, "attachmentList")
        self.captured_edit = child(f, QDateTimeEdit, "capturedEdit")
        self.add_attachment_button = child(f, QPushButton, "addAttachmentButton")
        self.save_attachment_button = child(f, QPushButton, "saveAttachmentButton")
        self.remove_attachment_button = child(f, QPushButton, "removeAttachmentButton")
        self.note_street_edit = child(f, QLineEdit, "noteStreetEdit")
        self.note_number_edit = child(f, QLineEdit, "noteNumberEdit")
        self.note_postcode_edit = child(f, QLineEdit, "notePostcodeEdit")
        self.note_city_edit = child(f, QLineEdit, "noteCityEdit")
        self.note_category_combo = child(f, QComboBox, "noteCategoryCombo")
        self.note_date_edit = child(f, QDateEdit, "noteDateEdit")
        self.note_description_edit = child(f, QPlainTextEdit, "noteDescriptionEdit")
        self.note_precautions_edit = child(f, QPlainTextEdit, "notePrecautionsEdit")
        self.note_status_label = child(f, QLabel, "noteStatusLabel")
        self.propose_note_button = child(f, QPushButton, "proposeNoteButton")
        self.pdf_button = child(f, QPushButton, "pdfButton")
        self.close_button = child(f, QPushButton, "closeButton")
        for edit in (self.when_edit, self.reported_at_edit, self.captured_edit):
            edit.setTimeZone(QTimeZone.utc())

    def _fill_choices(self) -> None:
        self.channel_combo.addItem(self.tr("— kies het kanaal —"), None)
        for channel in Channel:
            self.channel_combo.addItem(domain_text(channel.label), channel.value)
        self.category_combo.addItem(self.tr("— kies A tot en met E —"), None)
        for category in BehaviourCategory:
            self.category_combo.addItem(domain_text(category.label), category.value)
        for injury in Injury:
            self.injury_combo.addItem(domain_text(injury.label), injury.value)
        for kind in ReportKind:
            self.kind_combo.addItem(domain_text(kind.label), kind.value)
        for note_category in NoteCategory:
            self.note_category_combo.addItem(domain_text(note_category.label), note_category.value)

    def _build_steps(self) -> None:
        box_layout = self.steps_box.layout()
        assert box_layout is not None
        self.step_checks: dict[Step, QCheckBox] = {}
        for step in Step:
            check = QCheckBox(domain_text(step.label))
            check.setObjectName(f"step_{step.value}")
            check.setAccessibleName(domain_text(step.label))
            box_layout.addWidget(check)
            self.step_checks[step] = check
            check.toggled.connect(partial(self._step_toggled, step))
        # In the Tab order where the tab is: after the report, before the police tab.
        tab_after(self.file_button, self.step_checks.values())

    def _build_aftercare(self) -> None:
        rows_layout = self.aftercare_rows.layout()
        assert rows_layout is not None
        self.talk_widgets: dict[AftercareTalk, tuple[QLabel, QComboBox, QDateEdit, QLineEdit]] = {}
        self.talk_buttons: dict[AftercareTalk, QPushButton] = {}
        for talk in AftercareTalk:
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
            rows_layout.addWidget(group)
            self.talk_widgets[talk] = (window, outcome, on, note)
            self.talk_buttons[talk] = save
        # In the Tab order where the tab is: after the police tab, before the evidence.
        tab_after(
            self.police_save_button,
            [
                widget
                for talk in AftercareTalk
                for widget in (*self.talk_widgets[talk][1:], self.talk_buttons[talk])
            ],
        )

    def _connect(self) -> None:
        self.category_combo.currentIndexChanged.connect(self._category_changed)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.file_button.clicked.connect(self.file_or_save)
        self.police_save_button.clicked.connect(self.save_police_report)
        self.add_attachment_button.clicked.connect(self.add_attachment)
        self.save_attachment_button.clicked.connect(self.save_attachment)
        self.remove_attachment_button.clicked.connect(self.remove_attachment)
        self.attachment_list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.propose_note_button.clicked.connect(self.propose_note)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.accept)

    def _prefill(self) -> None:
        now = self.ctx.now()
        _set_local(self.when_edit, now)
        _set_local(self.reported_at_edit, now)
        _set_local(self.captured_edit, now)
        self.reported_by_edit.setText(self.ctx.actor.display_name)
        try:
            settings = load_settings(self.ctx)
            self.municipality_edit.setPlainText(
                "\n".join(
                    part
                    for part in (settings.municipality_name, settings.municipality_address)
                    if part
                )
            )
        except (UserError, StoreError):
            pass
        self.context_label.setText(self.tr("Los van een bezoek (balie, telefoon, post, online)."))
        if self.visit_id is None or self.incident_id is not None:
            return
        try:
            prefill = incidents.prefill_for_visit(self.ctx, self.visit_id)
        except (UserError, StoreError) as exc:
            self._say(error_text(exc), error=True)
            return
        _set_local(self.when_edit, prefill.occurred_at)
        self._select(self.channel_combo, prefill.channel.value)
        self.waar_edit.setText(prefill.waar)
        self.wie_edit.setText(prefill.wie)
        if prefill.address is not None:
            self.context_label.setText(
                self.tr("Na het huisbezoek aan {address}.").format(
                    address=prefill.address.one_line()
                )
            )

    # ---- helpers --------------------------------------------------------------------
    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _say(self, text: str, *, error: bool = False) -> None:
        say(self.message_label, text, error=error)

    def _category_changed(self, _index: int) -> None:
        value = self.category_combo.currentData()
        if value is None:
            self.category_rule_label.setText(
                self.tr("Kies de soort gedrag; de regel van de organisatie verschijnt hier.")
            )
            return
        category = BehaviourCategory(value)
        text = self.tr("Regel: {rule}\nStandpunt organisatie: {position}").format(
            rule=domain_text(category.rule), position=domain_text(category.position)
        )
        if category.aangifte_advised:
            text += "\n" + self.tr(
                "Bij bedreiging en fysiek geweld wordt altijd aangifte gedaan, "
                "tenzij de omstandigheden anders vragen."
            )
        self.category_rule_label.setText(text)

    def _kind_changed(self, _index: int) -> None:
        none = self.kind_combo.currentData() == ReportKind.GEEN.value
        for widget in (self.reference_edit, self.municipality_edit, self.vpt_check):
            widget.setEnabled(not none)
        self.reason_edit.setEnabled(none)

    def _update_tabs(self) -> None:
        filed = self.incident_id is not None
        for tab in (TAB_STEPS, TAB_POLICE, TAB_AFTERCARE, TAB_EVIDENCE, TAB_NOTE):
            self.tabs.setTabEnabled(tab, filed)
            self.tabs.setTabToolTip(
                tab, "" if filed else self.tr("Eerst de melding indienen (tabblad 1).")
            )
        self.pdf_button.setEnabled(filed)
        self.file_button.setText(
            self.tr("Wijzigingen &opslaan") if filed else self.tr("Melding &indienen")
        )
        self._category_changed(self.category_combo.currentIndex())
        self._kind_changed(self.kind_combo.currentIndex())
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.attachment_list.currentItem() is not None
        self.save_attachment_button.setEnabled(selected)
        self.remove_attachment_button.setEnabled(selected)
        lead = self.ctx.actor.may(Permission.SEE_TEAM_CASES)
        for talk, (_w, outcome, on, note) in self.talk_widgets.items():
            for widget in (outcome, on, note, self.talk_buttons[talk]):
                widget.setEnabled(lead)
        if not lead:
            self.aftercare_intro.setToolTip(self.tr("Alleen een leidinggevende legt dit vast."))

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except (UserError, StoreError) as exc:
            self._say(error_text(exc), error=True)
            return False
        return True

    # ---- tab 1: the report ----------------------------------------------------------
    def _report(self) -> IncidentReport:
        errors: list[ValidationError] = []
        occurred_at: datetime | None = None
        try:
            occurred_at = _instant(self.when_edit, "Wanneer")
        except ValidationError as exc:
            errors.append(exc)
        try:
            report = IncidentReport.create(
                occurred_at=occurred_at or self.ctx.now(),
                channel=self.channel_combo.currentData(),
                category=self.category_combo.currentData(),
                wie=self.wie_edit.text(),
                wat=self.wat_edit.toPlainText(),
                waar=self.waar_edit.text(),
                waarmee=self.waarmee_edit.text(),
                wijze=self.wijze_edit.toPlainText(),
                waarom=self.waarom_edit.toPlainText(),
                injury=self.injury_combo.currentData(),
                injury_details=self.injury_details_edit.text(),
                witnesses=self.witnesses_edit.text(),
                police_involved=self.police_check.isChecked(),
                now=self.ctx.now(),
            )
        except ValidationErrors as exc:
            raise ValidationErrors(errors + exc.errors) from None
        if errors:
            raise ValidationErrors(errors)
        return report

    def file_or_save(self) -> None:
        try:
            report = self._report()
            if self.incident_id is None:
                self.incident_id = incidents.file_incident(self.ctx, report, visit_id=self.visit_id)
                filed = True
            else:
                incidents.update_report(self.ctx, self.incident_id, report)
                filed = False
        except (UserError, StoreError) as exc:
            self._say(error_text(exc), error=True)
            return
        self.reload()
        self._update_tabs()
        if filed:
            self._prefill_note()
            self._say(
                self.tr(
                    "Melding ingediend ({reference}). Leg nu de directe stappen en de "
                    "melding of aangifte vast."
                ).format(reference=self.detail.reference if self.detail else "")
            )
            self.filed.emit(self.incident_id)
            self.tabs.setCurrentIndex(TAB_STEPS)
        else:
            self._say(self.tr("Wijzigingen opgeslagen."))
            self.changed.emit(self.incident_id)

    # ---- load -----------------------------------------------------------------------
    def reload(self) -> None:
        if self.incident_id is None:
            return
        try:
            detail = incidents.get_incident(self.ctx, self.incident_id)
        except (UserError, StoreError) as exc:
            self._say(error_text(exc), error=True)
            return
        self.detail = detail
        self.visit_id = detail.visit_id
        self.title_label.setText(self.tr("Incident {reference}").format(reference=detail.reference))
        self.setWindowTitle(self.tr("Incident {reference}").format(reference=detail.reference))
        if detail.visit_address is not None:
            self.context_label.setText(
                self.tr("Na het huisbezoek aan {address}. Medewerker: {name}.").format(
                    address=detail.visit_address.one_line(), name=detail.employee_name
                )
            )
        report = detail.report
        _set_local(self.when_edit, report.occurred_at)
        self._select(self.channel_combo, report.channel.value)
        self._select(self.category_combo, report.category.value)
        self.wie_edit.setText(report.wie)
        self.wat_edit.setPlainText(report.wat)
        self.waar_edit.setText(report.waar)
        self.waarmee_edit.setText(report.waarmee)
        self.wijze_edit.setPlainText(report.wijze)
        self.waarom_edit.setPlainText(report.waarom)
        self._select(self.injury_combo, report.injury.value)
        self.injury_details_edit.setText(report.injury_details)
        self.witnesses_edit.setText(report.witnesses)
        self.police_check.setChecked(report.police_involved)
        self._show_steps(detail)
        self._show_police(detail)
        self._show_aftercare(detail)
        self._show_attachments(detail)
        self._show_note(detail)

    def _show_steps(self, detail: IncidentDetail) -> None:
        done = {s.step: s for s in detail.steps}
        needed = set(detail.needed_steps)
        for step, check in self.step_checks.items():
            record = done.get(step)
            check.blockSignals(True)
            check.setChecked(record is not None)
            check.blockSignals(False)
            label = domain_text(step.label)
            if record is not None:
                label += self.tr(" — gedaan {time}").format(
                    time=to_local(record.done_at).strftime("%d-%m-%Y %H:%M")
                )
            elif step not in needed:
                label += self.tr(" (niet nodig bij dit incident)")
            check.setText(label)
            check.setAccessibleName(label)
        open_steps = detail.open_steps
        self.steps_status_label.setText(
            self.tr("Nog te doen: {steps}.").format(
                steps=", ".join(domain_text(s.label).lower() for s in open_steps)
            )
            if open_steps
            else self.tr("Alle nodige stappen zijn vastgelegd.")
        )

    def _step_toggled(self, step: Step, checked: bool) -> None:
        if self.incident_id is None:
            return
        incident_id = self.incident_id
        if checked:
            ok = self._run(lambda: incidents.record_step(self.ctx, incident_id, step))
        else:
            ok = self._run(lambda: incidents.undo_step(self.ctx, incident_id, step))
        if ok:
            self.changed.emit(incident_id)
        self.reload()

    def _show_police(self, detail: IncidentDetail) -> None:
        now = self.ctx.now()
        due = detail.aangifte_due
        police = detail.police_report
        due_text = to_local(due).strftime("%d-%m-%Y %H:%M")
        if police is not None:
            self.deadline_label.setText(
                self.tr("{kind} vastgelegd (termijn was {due}).").format(
                    kind=domain_text(police.kind.label), due=due_text
                )
            )
        elif now <= due:
            hours = int((due - now).total_seconds() // 3600)
            self.deadline_label.setText(
                self.tr(
                    "Melding of aangifte vóór {due} (nog {hours} uur). Aangifte gebeurt op het "
                    "adres van de gemeente, met de meldcode VPT."
                ).format(due=due_text, hours=hours)
            )
        else:
            self.deadline_label.setText(
                self.tr(
                    "De termijn van 24 uur is verstreken ({due}). Leg de melding nu vast."
                ).format(due=due_text)
            )
        if police is None:
            self.police_warnings_label.clear()
            return
        self._select(self.kind_combo, police.kind.value)
        self.reported_by_edit.setText(police.reported_by)
        _set_local(self.reported_at_edit, police.reported_at)
        self.reference_edit.setText(police.police_reference)
        if police.municipality_address:
            self.municipality_edit.setPlainText(police.municipality_address)
        self.vpt_check.setChecked(police.vpt_mentioned)
        self.reason_edit.setPlainText(police.reason)
        self.police_warnings_label.setText(
            "\n".join(domain_text(w) for w in police.warnings(detail.report.occurred_at))
        )

    def save_police_report(self) -> None:
        if self.detail is None or self.incident_id is None:
            return
        incident_id, occurred = self.incident_id, self.detail.report.occurred_at

        def save() -> None:
            report = PoliceReport.create(
                kind=self.kind_combo.currentData(),
                reported_by=self.reported_by_edit.text(),
                reported_at=_instant(self.reported_at_edit, "Gemeld op"),
                police_reference=self.reference_edit.text(),
                municipality_address=self.municipality_edit.toPlainText(),
                vpt_mentioned=self.vpt_check.isChecked(),
                reason=self.reason_edit.toPlainText(),
                occurred_at=occurred,
                now=self.ctx.now(),
            )
            incidents.record_police_report(self.ctx, incident_id, report)

        if self._run(save):
            self.reload()
            self._say(self.tr("Melding of aangifte vastgelegd."))
            self.changed.emit(incident_id)

    def _show_aftercare(self, detail: IncidentDetail) -> None:
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
                on.setDate(to_qdate(to_local(self.ctx.now()).date()))
            else:
                window.setText(
                    self.tr("{outcome} op {day}.").format(
                        outcome=domain_text(record.outcome.label),
                        day=record.on.strftime("%d-%m-%Y"),
                    )
                )
                self._select(outcome, record.outcome.value)
                on.setDate(to_qdate(record.on))
                note.setText(record.note)

    def save_talk(self, talk: AftercareTalk) -> None:
        if self.detail is None or self.incident_id is None:
            return
        _window, outcome, on, note = self.talk_widgets[talk]
        incident_id, occurred = self.incident_id, self.detail.report.occurred_at

        def save() -> None:
            record = AftercareRecord.create(
                talk=talk,
                outcome=outcome.currentData(),
                on=from_qdate(on.date()),
                note=note.text(),
                occurred_at=occurred,
                now=self.ctx.now(),
            )
            incidents.record_aftercare(self.ctx, incident_id, record)

        if self._run(save):
            self.reload()
            self._say(self.tr("Nazorggesprek vastgelegd."))
            self.changed.emit(incident_id)

    # ---- evidence -------------------------------------------------------------------
    def _show_attachments(self, detail: IncidentDetail) -> None:
        self.attachment_list.clear()
        for info in detail.attachments:
            item = QListWidgetItem(
                self.tr("{name} — {moment} — {size}").format(
                    name=info.filename,
                    moment=to_local(info.captured_at).strftime("%d-%m-%Y %H:%M"),
                    size=format_size(info.size),
                )
            )
            item.setData(ID_ROLE, info.id)
            self.attachment_list.addItem(item)
        self._update_buttons()

    def add_attachment(self) -> None:
        if self.incident_id is None:
            return
        path_text = self.choose_open_path(self, self.tr("Bewijsstuk kiezen"))
        if not path_text:
            return
        path = Path(path_text)
        incident_id = self.incident_id

        def add() -> None:
            try:
                size = path.stat().st_size
            except OSError:
                raise ValidationError("Bijlage", "het bestand kan niet worden gelezen.") from None
            if size > MAX_ATTACHMENT_BYTES:  # refuse before reading a huge file
                self._too_big(path.name, size)
            try:
                content = path.read_bytes()
            except OSError:
                raise ValidationError("Bijlage", "het bestand kan niet worden gelezen.") from None
            incidents.add_attachment(
                self.ctx,
                incident_id,
                filename=path.name,
                content=content,
                captured_at=_instant(self.captured_edit, "Datum en tijd bijlage"),
            )

        if self._run(add):
            self.reload()
            self._say(self.tr("Bijlage versleuteld opgeslagen."))
            self.changed.emit(incident_id)

    def _too_big(self, name: str, size: int) -> None:
        raise ValidationError(
            "Bijlage",
            f"'{name}' is {format_size(size)}; een bijlage mag hoogstens "
            f"{format_size(MAX_ATTACHMENT_BYTES)} zijn. Maak de schermafbeelding kleiner "
            "of sla alleen het relevante deel op.",
        )

    def _selected_attachment(self) -> int | None:
        item = self.attachment_list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def save_attachment(self) -> None:
        attachment_id = self._selected_attachment()
        if attachment_id is None:
            return
        try:
            name, content = incidents.attachment_content(self.ctx, attachment_id)
        except (UserError, StoreError) as exc:
            self._say(error_text(exc), error=True)
            return
        path = self.choose_save_path(self, self.tr("Bijlage opslaan als"), name, "")
        if path:
            self._write(path, content)

    def remove_attachment(self) -> None:
        attachment_id = self._selected_attachment()
        if attachment_id is None or self.incident_id is None:
            return
        if self._run(lambda: incidents.remove_attachment(self.ctx, attachment_id)):
            self.reload()
            self._say(self.tr("Bijlage verwijderd."))

    # ---- register note --------------------------------------------------------------
    def _prefill_note(self) -> None:
        if self.incident_id is None:
            return
        try:
            proposal, address = incidents.note_proposal(self.ctx, self.incident_id)
        except (UserError, StoreError):
            return
        if address is not None:
            self.note_street_edit.setText(address.street)
            number = str(address.house_number)
            if address.addition:
                number += f"-{address.addition}"
            self.note_number_edit.setText(number)
            self.note_postcode_edit.setText(address.postcode)
            self.note_city_edit.setText(address.city)
        self._select(self.note_category_combo, proposal.category.value)
        self.note_date_edit.setDate(to_qdate(proposal.incident_date))
        self.note_description_edit.setPlainText(proposal.description)
        self.note_precautions_edit.setPlainText(proposal.precautions)

    def _show_note(self, detail: IncidentDetail) -> None:
        proposed = detail.note_id is not None
        self.propose_note_button.setEnabled(not proposed)
        if not proposed:
            self.note_status_label.setText(self.tr("Nog geen notitie voorgesteld."))
        elif detail.note_status is None:
            self.note_status_label.setText(self.tr("De notitie is inmiddels verwijderd."))
        else:
            self.note_status_label.setText(
                self.tr("Notitie voorgesteld; status: {status}.").format(
                    status=domain_text(detail.note_status.label).lower()
                )
            )

    def propose_note(self) -> None:
        if self.incident_id is None:
            return
        incident_id = self.incident_id

        def propose() -> None:
            address = Address.create(
                self.note_street_edit.text(),
                self.note_number_edit.text(),
                self.note_postcode_edit.text(),
                self.note_city_edit.text(),
            )
            incidents.propose_register_note(
                self.ctx,
                incident_id,
                address=address,
                category=self.note_category_combo.currentData(),
                incident_date=from_qdate(self.note_date_edit.date()),
                description=self.note_description_edit.toPlainText(),
                precautions=self.note_precautions_edit.toPlainText(),
            )

        if self._run(propose):
            self.reload()
            self._say(
                self.tr(
                    "Notitie voorgesteld: een leidinggevende keurt haar goed voordat zij "
                    "collega's waarschuwt."
                )
            )
            self.changed.emit(incident_id)

    # ---- documents ------------------------------------------------------------------
    def save_pdf(self) -> None:
        if self.incident_id is None:
            return
        from ..outputs.incident_form import incident_form_pdf

        try:
            form = documents.incident_form(self.ctx, self.incident_id)
            data = incident_form_pdf(form)
        except (UserError, StoreError) as exc:
            self._say(error_text(exc), error=True)
            return
        path = self.choose_save_path(
            self,
            self.tr("Incidentformulier opslaan als"),
            f"{form.incident.reference}.pdf",
            self.tr("PDF-bestanden (*.pdf)"),
        )
        if path:
            self._write(path, data)

    def _write(self, path: str, data: bytes) -> None:
        try:
            write_atomically(Path(path), data)  # owner-only: form and attachments are personal
        except OSError:
            self._say(self.tr("Het bestand kon niet worden opgeslagen."), error=True)
            return
        self._say(self.tr("Opgeslagen: {name}").format(name=Path(path).name))


def open_for_visit(ctx: ServiceContext, visit_id: int, parent: QWidget | None) -> IncidentDialog:
    """The hook for *Terug, er was een incident*: a non-modal dialog, already shown."""
    dialog = IncidentDialog(ctx, visit_id=visit_id, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
