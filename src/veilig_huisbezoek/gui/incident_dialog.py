"""The incident report (docs/design.md §6), opened by *Terug, er was een incident* or standalone.

Built from ``ui/incident_dialog.ui``. Tab 1 is the GIR report (the 7 W's, category A–E
with its rule, channel, injury, witnesses, police); once it is filed, the other tabs
open: the immediate steps with their times, the melding/aangifte with its 24-hour
term, the aftercare conversations (leidinggevende), evidence files, and the proposed
unsafe-address note. Documents are written only where the person chooses.

Each tab is its own object (``incident_*_tab``); the dialog holds them together, files
the report and keeps the tabs' widgets under the names they always had.

Every service call runs on the task runner (never a store session on the GUI thread):
the tabs read their widgets and check the input first, then ``run`` saves on the worker
("Bezig met opslaan…" meanwhile, in the order asked) and reads the incident again there;
a refusal or failure is said on the message line and what was typed stays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QSize, Qt, QTimeZone, Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ..domain.errors import UserError
from ..domain.incident import AftercareTalk
from ..services import documents, incidents
from ..services.context import ServiceContext
from ..services.files import write_atomically
from ..services.incidents import IncidentDetail, IncidentPrefill
from ..services.settings import load_settings
from ..storage.errors import StoreError
from .file_choosers import OpenPathChooser, SavePathChooser, ask_open_path, ask_save_path
from .forms import setup_form
from .forms_generated.ui_incident_dialog import Ui_IncidentDialogForm
from .i18n import error_text, failure_text
from .incident_aftercare_tab import IncidentAftercareTab
from .incident_evidence_tab import IncidentEvidenceTab
from .incident_note_tab import IncidentNoteTab
from .incident_police_tab import IncidentPoliceTab
from .incident_report_tab import IncidentReportTab
from .incident_steps_tab import IncidentStepsTab
from .incident_times import set_local
from .look import PRIMARY_BUTTON_STYLE, say, scaled_font
from .screen_fit import fit_to_screen
from .tasks import TaskRunner

TAB_REPORT, TAB_STEPS, TAB_POLICE, TAB_AFTERCARE, TAB_EVIDENCE, TAB_NOTE = range(6)


@dataclass(frozen=True)
class IncidentData:
    """What the dialog shows when it opens, read by ``load_incident``."""

    municipality: str | None  # None: the settings could not be read
    prefill: IncidentPrefill | None  # a new incident after a visit
    detail: IncidentDetail | None  # a filed incident
    problem: BaseException | None  # the prefill or the incident could not be read


def load_incident(
    ctx: ServiceContext, *, visit_id: int | None = None, incident_id: int | None = None
) -> IncidentData:
    """Read what the incident dialog shows when it opens; for the task runner (the
    app's callers), so that opening it is no round trip on the GUI thread."""
    try:
        settings = load_settings(ctx)
        municipality: str | None = "\n".join(
            part for part in (settings.municipality_name, settings.municipality_address) if part
        )
    except (UserError, StoreError):
        municipality = None
    prefill: IncidentPrefill | None = None
    detail: IncidentDetail | None = None
    problem: BaseException | None = None
    try:
        if incident_id is not None:
            detail = incidents.get_incident(ctx, incident_id)
        elif visit_id is not None:
            prefill = incidents.prefill_for_visit(ctx, visit_id)
    except (UserError, StoreError) as exc:
        problem = exc
    return IncidentData(municipality, prefill, detail, problem)


class IncidentDialog(QDialog):
    """File and follow one incident. ``visit_id`` links it to a visit (prefilled)."""

    filed = Signal(int)  # incident id
    changed = Signal(int)  # incident id, after any later change

    def __init__(
        self,
        ctx: ServiceContext,
        tasks: TaskRunner,
        *,
        visit_id: int | None = None,
        incident_id: int | None = None,
        loaded: IncidentData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``loaded``: what ``load_incident`` read on the task runner; without it (tests,
        tools) it is read on the task runner here, and shown when it is back."""
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self._jobs = 0  # service calls under way on the task runner
        self._saying_busy = False  # the message line says "Bezig met opslaan…"
        self.visit_id = visit_id
        self.incident_id: int | None = incident_id
        self.detail: IncidentDetail | None = None
        self.choose_save_path: SavePathChooser = ask_save_path
        self.choose_open_path: OpenPathChooser = ask_open_path
        self.setWindowTitle(self.tr("Incident melden"))
        self.setAccessibleName(self.tr("Incidentformulier"))
        self.ui = Ui_IncidentDialogForm()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        fit_to_screen(self, QSize(920, 720))
        self._find_widgets()
        self.steps_tab = IncidentStepsTab(self, self.ui, self.form)
        self.steps_box = self.steps_tab.steps_box
        self.steps_status_label = self.steps_tab.steps_status_label
        self.step_checks = self.steps_tab.step_checks
        self.aftercare_tab = IncidentAftercareTab(self, self.ui, self.form)
        self.aftercare_rows = self.aftercare_tab.aftercare_rows
        self.aftercare_intro = self.aftercare_tab.aftercare_intro
        self.talk_widgets = self.aftercare_tab.talk_widgets
        self.talk_buttons = self.aftercare_tab.talk_buttons
        self._connect()
        self._prefill_times()
        self._update_tabs()
        if loaded is None:
            self._submit(
                lambda: load_incident(ctx, visit_id=visit_id, incident_id=incident_id),
                lambda result: self._opened(cast(IncidentData, result)),
            )
        else:
            self._opened(loaded)

    def _opened(self, loaded: IncidentData) -> None:
        self._prefill(loaded)
        if self.incident_id is not None:
            if loaded.detail is not None:
                self._show(loaded.detail)
            elif loaded.problem is not None:
                self.say(error_text(loaded.problem), error=True)
        self._update_tabs()

    # ---- set-up ---------------------------------------------------------------------
    def _find_widgets(self) -> None:
        f = self.form
        self.title_label = self.ui.titleLabel
        self.title_label.setFont(scaled_font(self.title_label, 1.35))
        self.context_label = self.ui.contextLabel
        self.message_label = self.ui.messageLabel
        self.message_label.hide()
        self.tabs = self.ui.tabs
        self.file_button = self.ui.fileButton
        self.file_button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        self.pdf_button = self.ui.pdfButton
        self.close_button = self.ui.closeButton
        # The tabs' widgets keep the names they had on the dialog.
        report = self.report_tab = IncidentReportTab(self.ctx, self.ui, f)
        self.when_edit = report.when_edit
        self.channel_combo = report.channel_combo
        self.category_combo = report.category_combo
        self.category_rule_label = report.category_rule_label
        self.wie_edit = report.wie_edit
        self.wat_edit = report.wat_edit
        self.waar_edit = report.waar_edit
        self.waarmee_edit = report.waarmee_edit
        self.wijze_edit = report.wijze_edit
        self.waarom_edit = report.waarom_edit
        self.injury_combo = report.injury_combo
        self.injury_details_edit = report.injury_details_edit
        self.witnesses_edit = report.witnesses_edit
        self.police_check = report.police_check
        police = self.police_tab = IncidentPoliceTab(self, self.ui, f)
        self.deadline_label = police.deadline_label
        self.kind_combo = police.kind_combo
        self.reported_by_edit = police.reported_by_edit
        self.reported_at_edit = police.reported_at_edit
        self.reference_edit = police.reference_edit
        self.municipality_edit = police.municipality_edit
        self.vpt_check = police.vpt_check
        self.reason_edit = police.reason_edit
        self.police_warnings_label = police.police_warnings_label
        self.police_save_button = police.police_save_button
        evidence = self.evidence_tab = IncidentEvidenceTab(self, self.ui, f)
        self.attachment_list = evidence.attachment_list
        self.captured_edit = evidence.captured_edit
        self.add_attachment_button = evidence.add_attachment_button
        self.save_attachment_button = evidence.save_attachment_button
        self.remove_attachment_button = evidence.remove_attachment_button
        note = self.note_tab = IncidentNoteTab(self, self.ui, f)
        self.note_street_edit = note.note_street_edit
        self.note_number_edit = note.note_number_edit
        self.note_postcode_edit = note.note_postcode_edit
        self.note_city_edit = note.note_city_edit
        self.note_category_combo = note.note_category_combo
        self.note_date_edit = note.note_date_edit
        self.note_description_edit = note.note_description_edit
        self.note_precautions_edit = note.note_precautions_edit
        self.note_status_label = note.note_status_label
        self.propose_note_button = note.propose_note_button
        for edit in (self.when_edit, self.reported_at_edit, self.captured_edit):
            edit.setTimeZone(QTimeZone.utc())

    def _connect(self) -> None:
        self.file_button.clicked.connect(self.file_or_save)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.accept)

    def _prefill_times(self) -> None:
        now = self.ctx.now()
        set_local(self.when_edit, now)
        set_local(self.reported_at_edit, now)
        set_local(self.captured_edit, now)
        self.reported_by_edit.setText(self.ctx.actor.display_name)

    def _prefill(self, loaded: IncidentData) -> None:
        if loaded.municipality is not None:
            self.municipality_edit.setPlainText(loaded.municipality)
        self.context_label.setText(self.tr("Los van een bezoek (balie, telefoon, post, online)."))
        if self.visit_id is None or self.incident_id is not None:
            return
        if loaded.problem is not None or loaded.prefill is None:
            if loaded.problem is not None:
                self.say(error_text(loaded.problem), error=True)
            return
        prefill = loaded.prefill
        self.report_tab.prefill(prefill)
        if prefill.address is not None:
            self.context_label.setText(
                self.tr("Na het huisbezoek aan {address}.").format(
                    address=prefill.address.one_line()
                )
            )

    # ---- what the tabs ask of the dialog (IncidentHost) -----------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        self._saying_busy = False
        say(self.message_label, text, error=error)

    @property
    def busy(self) -> bool:
        """A service call is under way on the task runner."""
        return self._jobs > 0

    def run(
        self,
        action: Callable[[], object],
        done: Callable[[object], None] | None = None,
        failed: Callable[[], None] | None = None,
    ) -> None:
        """Save with ``action`` on the task runner (it touches no widget: the tab read
        and checked them first), then read the incident again there and show it, and
        ``done`` gets the action's result. A refusal is said; ``failed`` runs then."""
        ctx, incident_id = self.ctx, self.incident_id

        def job() -> tuple[object, IncidentDetail | BaseException | None]:
            return action(), read_back(ctx, incident_id)

        def ran(outcome: object) -> None:
            result, detail = cast(tuple[object, IncidentDetail | BaseException | None], outcome)
            if isinstance(detail, IncidentDetail) and not self.busy:
                self._show(detail)  # else a later change shows a newer state
            if done is not None:
                done(result)
            if isinstance(detail, BaseException):
                self.say(failure_text(detail), error=True)

        self._submit(job, ran, failed, saving=True)

    def read(self, job: Callable[[], object], done: Callable[[object], None]) -> None:
        """Read with ``job`` on the task runner, then ``done``; a failure is said."""
        self._submit(job, done)

    def _submit(
        self,
        job: Callable[[], object],
        done: Callable[[object], None],
        failed: Callable[[], None] | None = None,
        *,
        saving: bool = False,
    ) -> None:
        """One service call on the task runner (in the order asked)."""
        if saving:
            self.say(self.tr("Bezig met opslaan…"))
            self._saying_busy = True

        def finish() -> None:
            self._jobs -= 1
            if self._jobs == 0 and self._saying_busy:
                self.say("")

        def ok(result: object) -> None:
            finish()
            done(result)

        def bad(error: BaseException) -> None:
            finish()
            self.say(failure_text(error), error=True)
            if failed is not None:
                failed()

        self._jobs += 1
        try:
            self.tasks.run(job, ok, bad, owner=self)
        except RuntimeError:  # the window is closing: nothing runs
            self._jobs -= 1

    def announce_change(self, incident_id: int) -> None:
        self.changed.emit(incident_id)

    def write(self, path: str, data: bytes) -> None:
        try:
            write_atomically(Path(path), data)  # owner-only: form and attachments are personal
        except OSError:
            self.say(self.tr("Het bestand kon niet worden opgeslagen."), error=True)
            return
        self.say(self.tr("Opgeslagen: {name}").format(name=Path(path).name))

    # ---- helpers --------------------------------------------------------------------
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
        self.report_tab.category_changed(self.category_combo.currentIndex())
        self.police_tab.kind_changed(self.kind_combo.currentIndex())
        self.evidence_tab.update_buttons()
        self.aftercare_tab.update_permission()

    # ---- tab 1: the report ----------------------------------------------------------
    def file_or_save(self) -> None:
        """File the report (or save its changes) on the task runner; meanwhile the
        button waits. A refusal keeps what was typed."""
        if not self.file_button.isEnabled():
            return
        try:
            report = self.report_tab.report()
        except UserError as exc:
            self.say(error_text(exc), error=True)
            return
        ctx, visit_id, incident_id = self.ctx, self.visit_id, self.incident_id

        def job() -> tuple[int, IncidentDetail | BaseException | None, object]:
            if incident_id is None:
                new_id = incidents.file_incident(ctx, report, visit_id=visit_id)
                return new_id, read_back(ctx, new_id), note_proposal(ctx, new_id)
            incidents.update_report(ctx, incident_id, report)
            return incident_id, read_back(ctx, incident_id), None

        self.file_button.setEnabled(False)
        self._submit(
            job,
            lambda outcome: self._filed(incident_id is None, outcome),
            lambda: self.file_button.setEnabled(True),
            saving=True,
        )

    def _filed(self, filed: bool, outcome: object) -> None:
        self.file_button.setEnabled(True)
        incident_id, detail, proposal = cast(
            tuple[int, IncidentDetail | BaseException | None, object], outcome
        )
        self.incident_id = incident_id
        if isinstance(detail, IncidentDetail):
            self._show(detail)
        self._update_tabs()
        if filed:
            self.note_tab.prefill(proposal)
            self.say(
                self.tr(
                    "Melding ingediend ({reference}). Leg nu de directe stappen en de "
                    "melding of aangifte vast."
                ).format(reference=self.detail.reference if self.detail else "")
            )
            self.filed.emit(incident_id)
            self.tabs.setCurrentIndex(TAB_STEPS)
        else:
            self.say(self.tr("Wijzigingen opgeslagen."))
            self.changed.emit(incident_id)
        if isinstance(detail, BaseException):
            self.say(failure_text(detail), error=True)

    # ---- load -----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the incident again (on the task runner) and show it."""
        if self.incident_id is None:
            return
        ctx, incident_id = self.ctx, self.incident_id
        self._submit(
            lambda: incidents.get_incident(ctx, incident_id),
            lambda detail: self._show(cast(IncidentDetail, detail)),
        )

    def _show(self, detail: IncidentDetail) -> None:
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
        self.report_tab.show(detail.report)
        self.steps_tab.show(detail)
        self.police_tab.show(detail)
        self.aftercare_tab.show(detail)
        self.evidence_tab.show(detail)
        self.note_tab.show(detail)

    # ---- the tabs' actions ----------------------------------------------------------
    def save_police_report(self) -> None:
        self.police_tab.save()

    def save_talk(self, talk: AftercareTalk) -> None:
        self.aftercare_tab.save_talk(talk)

    def add_attachment(self) -> None:
        self.evidence_tab.add_attachment()

    def save_attachment(self) -> None:
        self.evidence_tab.save_attachment()

    def remove_attachment(self) -> None:
        self.evidence_tab.remove_attachment()

    def propose_note(self) -> None:
        self.note_tab.propose()

    # ---- documents ------------------------------------------------------------------
    def save_pdf(self) -> None:
        """The incident form as PDF (read on the task runner, made here: Qt draws it),
        written where the person chooses."""
        if self.incident_id is None:
            return
        ctx, incident_id = self.ctx, self.incident_id
        self.read(lambda: documents.incident_form(ctx, incident_id), self._form_read)

    def _form_read(self, form: object) -> None:
        from ..outputs.incident_form import incident_form_pdf
        from ..services.documents import IncidentForm

        assert isinstance(form, IncidentForm)
        try:
            data = incident_form_pdf(form)
        except UserError as exc:
            self.say(error_text(exc), error=True)
            return
        path = self.choose_save_path(
            self,
            self.tr("Incidentformulier opslaan als"),
            f"{form.incident.reference}.pdf",
            self.tr("PDF-bestanden (*.pdf)"),
        )
        if path:
            self.write(path, data)


def read_back(
    ctx: ServiceContext, incident_id: int | None
) -> IncidentDetail | BaseException | None:
    """The incident as it is now, after a change (worker); a refusal is returned."""
    if incident_id is None:
        return None
    try:
        return incidents.get_incident(ctx, incident_id)
    except (UserError, StoreError) as exc:
        return exc


def note_proposal(ctx: ServiceContext, incident_id: int) -> object:
    """The service's proposal for the register note of a filed incident (worker):
    ``(proposal, address)``, or None if it is refused (the note tab stays empty)."""
    try:
        return incidents.note_proposal(ctx, incident_id)
    except (UserError, StoreError):
        return None


def open_for_visit(
    ctx: ServiceContext,
    tasks: TaskRunner,
    visit_id: int,
    parent: QWidget | None,
    loaded: IncidentData | None = None,
) -> IncidentDialog:
    """The hook for *Terug, er was een incident*: a non-modal dialog, already shown
    (``loaded``: read on the task runner with the end of the visit)."""
    dialog = IncidentDialog(ctx, tasks, visit_id=visit_id, loaded=loaded, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
