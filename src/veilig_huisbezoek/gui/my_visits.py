"""Mijn bezoeken: the medewerker's open visits, and leaving and returning safely."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import cast

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMessageBox,
    QWidget,
)

from ..domain.checklist import RiskLevel
from ..domain.clock import to_local
from ..domain.departure import BuddyCheck, DepartureRefused
from ..domain.errors import UserError
from ..domain.presence import PresenceSnapshot
from ..domain.visit import VisitState, can_transition
from ..services import planning, visits
from ..services.context import ServiceContext
from ..services.planning import MyVisit
from ..services.settings import load_settings
from ..storage.errors import StoreError
from .departure_dialog import DepartureDialog
from .departure_here import offer_log_in_here
from .file_choosers import SavePathChooser, ask_save_path
from .forms_generated.ui_my_visits import Ui_MyVisitsForm
from .hub import AppHub
from .i18n import domain_text, error_text, failure_text
from .incident_dialog import IncidentData, load_incident, open_for_visit
from .keys import return_focus
from .look import PRIMARY_BUTTON_STYLE, say, scaled_font
from .page_base import WorkspacePage
from .table_model import RowTableModel
from .tasks import TaskRunner
from .visit_documents import VisitDocument, agenda_item, announcement_letter, write_document

Index = QModelIndex | QPersistentModelIndex

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole
BUDDY_COLUMN = 4
UNWATCHED_SYMBOL = "⚠"
_UNWATCHED_COLOURS = ("#ffd8a8", "#000000")
_LEVEL_SHAPE = {RiskLevel.GROEN: "●", RiskLevel.ORANJE: "▲", RiskLevel.ROOD: "■"}


class MyVisitsModel(RowTableModel[MyVisit]):
    """One row per open visit of the person; ``VISIT_ID_ROLE`` gives the visit id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Start"),
            self.tr("Adres"),
            self.tr("Niveau"),
            self.tr("Status"),
            self.tr("Buddy"),
            self.tr("Verwacht terug"),
            self.tr("Volgend terugbelmoment"),
        )
        self._presence = PresenceSnapshot()
        self._now: datetime | None = None
        self._unwatched_brushes = (
            QBrush(QColor(_UNWATCHED_COLOURS[0])),
            QBrush(QColor(_UNWATCHED_COLOURS[1])),
        )
        self._bold = QFont()
        self._bold.setBold(True)

    def set_presence(self, snapshot: PresenceSnapshot, now: datetime) -> None:
        """Who watches the running visits, at ``now`` (the buddy column follows)."""
        self._presence, self._now = snapshot, now
        if self._rows:
            self.dataChanged.emit(
                self.index(0, BUDDY_COLUMN), self.index(len(self._rows) - 1, BUDDY_COLUMN), []
            )

    def watch_text(self, row: MyVisit) -> tuple[str, bool] | None:
        """ "Ahmed kijkt mee" / "niemand kijkt mee sinds 14:02" for a running visit and
        whether nobody watches; None when the visit is not running (or nothing is
        known yet)."""
        summary = row.summary
        if self._now is None:
            return None
        watch = self._presence.watch(summary.state, summary.start, summary.buddy_id, self._now)
        if watch is None:
            return None
        if watch.watched:
            name = row.buddy_first_name or row.buddy_name
            return self.tr("{name} kijkt mee").format(name=name), False
        assert watch.since is not None
        text = self.tr("niemand kijkt mee sinds {time}").format(
            time=to_local(watch.since).strftime("%H:%M")
        )
        return text, True

    def set_rows(self, rows: list[MyVisit]) -> None:
        self.replace_rows(rows)

    def row_of(self, visit_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == visit_id), None)

    def level_text(self, level: RiskLevel) -> str:
        return f"{_LEVEL_SHAPE[level]} {domain_text(level.label).lower()}"

    def state_text(self, row: MyVisit) -> str:
        state = row.summary.state
        if row.awaiting_consent:
            return self.tr("Concept — wacht op toestemming leidinggevende")
        if state is VisitState.CONCEPT and row.consent_by:
            return self.tr("Concept — toestemming van {name}").format(name=row.consent_by)
        return domain_text(state.label)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == VISIT_ID_ROLE:
            return row.id
        if index.column() == BUDDY_COLUMN and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            watch = self.watch_text(row)
            if watch is None or not watch[1]:
                return None
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            background, foreground = self._unwatched_brushes
            return background if role == Qt.ItemDataRole.BackgroundRole else foreground
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        summary = row.summary
        column = index.column()
        if column == 0:
            return to_local(summary.start).strftime("%d-%m-%Y %H:%M")
        if column == 1:
            return summary.address.one_line()
        if column == 2:
            return self.level_text(summary.level)
        if column == 3:
            return self.state_text(row)
        if column == BUDDY_COLUMN:
            watch = self.watch_text(row)
            if watch is None:
                return row.buddy_name
            text, unwatched = watch
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Buddy: {buddy}. {watch}.").format(buddy=row.buddy_name, watch=text)
            if unwatched and role == Qt.ItemDataRole.DisplayRole:
                return f"{UNWATCHED_SYMBOL} {text}"
            return text
        if column == 5:
            return to_local(summary.expected_return).strftime("%H:%M")
        if column == 6:
            if summary.next_callback is None:
                return "—" if role == Qt.ItemDataRole.DisplayRole else self.tr("geen")
            return to_local(summary.next_callback).strftime("%H:%M")
        return None


def end_with_incident(ctx: ServiceContext, visit_id: int) -> tuple[str, IncidentData]:
    """Terug, er was een incident (worker): also the emergency number for the help text
    and what the incident form shows, so nothing is read on the GUI thread after."""
    visits.return_with_incident(ctx, visit_id)
    try:
        emergency = load_settings(ctx).police_emergency
    except (UserError, StoreError):
        emergency = "112"
    return emergency, load_incident(ctx, visit_id=visit_id)


def ask_return(parent: QWidget, address: str, *, incident: bool) -> QMessageBox:
    """The question before ending a visit; "Nee, nog niet" is the default."""
    translate = QCoreApplication.translate
    if incident:
        question = translate(
            "MyVisitsPage", "Het bezoek aan {address} beëindigen met ‘er was een incident’?"
        ).format(address=address)
        yes = translate("MyVisitsPage", "&Ja, er was een incident")
    else:
        question = translate(
            "MyVisitsPage", "Bent u veilig terug van het bezoek aan {address}?"
        ).format(address=address)
        yes = translate("MyVisitsPage", "&Ja, ik ben veilig terug")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("MyVisitsPage", "Bezoek beëindigen"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.No).setText(translate("MyVisitsPage", "&Nee, nog niet"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box


def incident_help(emergency: str) -> str:
    """What to do first after a visit ended with an incident."""
    return QCoreApplication.translate(
        "MyVisitsPage",
        "Zorg eerst voor uw eigen veiligheid. Is er direct gevaar, bel dan {emergency}; "
        "ga na letsel naar een arts.\n"
        "Informeer nu uw leidinggevende over wat er is gebeurd.\n"
        "Vul daarna het incidentformulier in (wie, wat, waar, wanneer en hoe); "
        "het staat al voor u open.",
    ).format(emergency=emergency)


def save_document(
    document: VisitDocument,
    ctx: ServiceContext,
    tasks: TaskRunner,
    visit_id: int,
    parent: QWidget,
    choose: SavePathChooser,
    said: Callable[[str, bool], None],
) -> None:
    """Save the letter or the agenda item: read on the task runner, then made and
    written where the person chooses; ``said`` gets what to say (nothing when the
    person cancelled) and whether it is an error."""

    def read(content: object) -> None:
        try:
            path = write_document(document, content, visit_id, parent, choose)
        except UserError as exc:
            said(error_text(exc), True)
            return
        except OSError:
            said(
                QCoreApplication.translate(
                    "MyVisitsPage", "Het bestand kon niet worden opgeslagen."
                ),
                True,
            )
            return
        if path is not None:
            said(
                QCoreApplication.translate("MyVisitsPage", "Opgeslagen: {name}").format(
                    name=path.name
                ),
                False,
            )

    # A fixed refusal (the letter without a municipality) is a domain text.
    tasks.run(
        lambda: document.read(ctx, visit_id),
        read,
        lambda error: said(failure_text(error), True),
        owner=parent,
    )


class MyVisitsPage(WorkspacePage[Ui_MyVisitsForm]):
    def __init__(
        self, ctx: ServiceContext, tasks: TaskRunner, hub: AppHub, parent: QWidget | None = None
    ) -> None:
        super().__init__(Ui_MyVisitsForm(), ctx, tasks, hub, parent)
        self.title = self.tr("Mijn bezoeken")
        self.table = self.ui.visitTable
        self.empty_label = self.ui.emptyLabel
        self.selected_label = self.ui.selectedLabel
        self.plan_button = self.ui.planButton
        self.depart_button = self.ui.departButton
        self.safe_button = self.ui.safeButton
        self.incident_button = self.ui.incidentButton
        self.details_button = self.ui.detailsButton
        self.letter_button = self.ui.letterButton
        self.agenda_button = self.ui.agendaButton
        self.message_label = self.ui.messageLabel
        self.incident_panel = self.ui.incidentPanel
        self.incident_text = self.ui.incidentTextLabel
        title = self.ui.titleLabel
        title.setFont(scaled_font(title, 1.35))
        incident_title = self.ui.incidentTitleLabel
        incident_title.setFont(scaled_font(incident_title, 1.25))
        self.incident_panel.setStyleSheet(
            "QFrame#incidentPanel { border: 3px solid #a50e0e; border-radius: 0.4em; "
            "background-color: #fdecea; } "
            "QFrame#incidentPanel QLabel { color: #000000; background: transparent; }"
        )
        self.incident_panel.hide()
        self.selected_label.setFont(scaled_font(self.selected_label, 1.15))
        for button in (self.depart_button, self.safe_button, self.plan_button):
            button.setStyleSheet(PRIMARY_BUTTON_STYLE)
        for button in (
            self.plan_button,
            self.depart_button,
            self.safe_button,
            self.incident_button,
            self.details_button,
        ):
            button.setFont(scaled_font(button, 1.1))
        self.message_label.hide()

        self.model = MyVisitsModel(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.show_details())

        self.plan_button.clicked.connect(self.schedule)
        self.depart_button.clicked.connect(self.depart)
        self.safe_button.clicked.connect(lambda: self.confirm_return(incident=False))
        self.incident_button.clicked.connect(lambda: self.confirm_return(incident=True))
        self.details_button.clicked.connect(self.show_details)
        self.letter_button.clicked.connect(self.save_letter)
        self.agenda_button.clicked.connect(self.save_agenda_item)
        self.incident_dialog: QDialog | None = None
        self.departure_dialog: DepartureDialog | None = None
        self._departing = False
        # A visit action is being saved (on the task runner): the actions wait.
        self._saving = False
        # A visit to select once the reload under way arrives (and what to do then).
        self._select_later: tuple[int, Callable[[], None] | None] | None = None
        self.choose_save_path: SavePathChooser = ask_save_path
        self.confirm_box: QMessageBox | None = None
        self.when_shown.follow_visits(hub)
        # Whether the buddy is watching: with every heartbeat (gui/presence.py).
        self.model.set_presence(hub.presence, ctx.clock.now())
        hub.presence_changed.connect(self._presence_changed)
        self.refresh()

    def _presence_changed(self, snapshot: object) -> None:
        if isinstance(snapshot, PresenceSnapshot):
            self.model.set_presence(snapshot, self.ctx.clock.now())
            self._update_buttons()

    # ---- data ---------------------------------------------------------------------
    def reload(self) -> None:
        """Read the open visits on the task runner (see ``load_in_background``)."""
        ctx = self.ctx
        self.load_in_background(
            lambda: planning.my_open_visits(ctx), self._loaded, self._load_failed
        )

    def _loaded(self, result: object) -> None:
        rows = cast(list[MyVisit], result)
        keep = self.selected_id()
        later, self._select_later = self._select_later, None
        if later is not None and any(r.id == later[0] for r in rows):
            keep = later[0]
        elif later is not None and self.reading:
            # Not in this (older) answer: one more reload follows; wait for that one.
            self._select_later, later = later, None
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if rows:
            row = self.model.row_of(keep) if keep is not None else None
            self.select_row(row if row is not None else 0)
        self._update_buttons()
        if later is not None and later[1] is not None:
            later[1]()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))

    @property
    def reading(self) -> bool:
        """Reading the visits, or saving a visit action or the departure (task runner)."""
        return super().reading or self._saving or self._departing

    def select_visit(self, visit_id: int, then: Callable[[], None] | None = None) -> None:
        """Select the visit, then ``then``; a visit not shown yet (its reload is under way
        on the task runner) is selected when the reload arrives."""
        row = self.model.row_of(visit_id)
        if row is None and self.reading:
            self._select_later = (visit_id, then)
            return
        self._select_later = None
        if row is not None:
            self.select_row(row)
        if then is not None:
            then()

    def selected(self) -> MyVisit | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows:
            return None
        index = rows[0].row()
        return self.model.rows[index] if 0 <= index < len(self.model.rows) else None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        state = row.summary.state if row else None
        self.plan_button.setVisible(state is VisitState.CONCEPT)
        self.plan_button.setEnabled(
            row is not None
            and state is not None
            and can_transition(state, VisitState.GEPLAND)
            and not row.awaiting_consent
        )
        for button, target in (
            (self.depart_button, VisitState.ONDERWEG),
            (self.safe_button, VisitState.TERUG_VEILIG),
            (self.incident_button, VisitState.TERUG_INCIDENT),
        ):
            button.setEnabled(state is not None and can_transition(state, target))
        if self._departing:  # the departure runs on the task runner: one at a time
            self.depart_button.setEnabled(False)
        if self._saving:  # an action is being saved: one at a time
            for button in (
                self.plan_button,
                self.depart_button,
                self.safe_button,
                self.incident_button,
            ):
                button.setEnabled(False)
        for button in (self.details_button, self.letter_button, self.agenda_button):
            button.setEnabled(row is not None)
        if row is None:
            self.selected_label.clear()
            return
        summary = row.summary
        text = self.tr("{address} — {level} — {state}").format(
            address=summary.address.one_line(),
            level=self.model.level_text(summary.level).upper(),
            state=self.model.state_text(row),
        )
        watch = self.model.watch_text(row)
        if watch is not None:
            line, unwatched = watch
            text += " — " + (f"{UNWATCHED_SYMBOL} {line}" if unwatched else line)
        if self.selected_label.text() != text:
            self.selected_label.setText(text)

    # ---- messages -----------------------------------------------------------------
    def _say(self, text: str, *, error: bool = False) -> None:
        say(self.message_label, text, error=error)

    def _run(
        self,
        action: Callable[[ServiceContext, int], object],
        visit_id: int,
        done: Callable[[object], None],
    ) -> None:
        """Run a visit action on the task runner (never a round trip on the GUI thread);
        meanwhile the actions wait and the page says it is saving. Then ``done``, or the
        refusal in Dutch and a reload. ``done`` gets what ``action`` returned."""
        if self._saving:
            return
        ctx = self.ctx
        self._saving = True
        self._update_buttons()
        self._say(self.tr("Bezig met opslaan…"))

        def succeeded(result: object) -> None:
            self._saved()
            self.hub.visits_changed.emit()
            done(result)

        def failed(error: BaseException) -> None:
            self._saved()
            self._say(failure_text(error), error=True)
            self.refresh()

        try:
            self.tasks.run(lambda: action(ctx, visit_id), succeeded, failed, owner=self)
        except RuntimeError:  # the window is closing
            self._saving = False

    def _saved(self) -> None:
        self._saving = False
        self._update_buttons()

    # ---- actions ------------------------------------------------------------------
    def schedule(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.incident_panel.hide()
        address = row.summary.address.one_line()
        self._run(
            visits.schedule_visit,
            row.id,
            lambda _result: self._say(
                self.tr("Bezoek gepland: {address}. Vertrek met ‘Vertrekken’.").format(
                    address=address
                )
            ),
        )

    def depart(self) -> None:
        """Depart (on the task runner: the service reads presence afresh). When the buddy
        is not reachable, the departure dialog offers the choices (docs/design.md §4a)."""
        row = self.selected()
        if row is None or self._departing:
            return
        self.incident_panel.hide()
        ctx, visit_id = self.ctx, row.id

        def job() -> tuple[BuddyCheck, list[visits.BuddyChoice]] | None:
            try:
                visits.depart(ctx, visit_id)
            except DepartureRefused as refused:
                return refused.check, visits.buddy_choices(ctx, visit_id)
            return None

        self._departing = True
        self.depart_button.setEnabled(False)
        self.tasks.run(
            job,
            lambda result: self._depart_answered(row, result),
            self._depart_failed,
            owner=self,
        )

    def _depart_answered(self, row: MyVisit, result: object) -> None:
        self._departing = False
        if result is None:
            self._departed(row)
            return
        self._update_buttons()
        assert isinstance(result, tuple)
        check, choices = result
        dialog = DepartureDialog(self.ctx, self.tasks, row.id, check, choices, self)
        offer_log_in_here(dialog, self.hub)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.departed.connect(lambda _text: self._departed(row))
        dialog.finished.connect(lambda _result: self._departure_dialog_closed(dialog))
        return_focus(dialog, lambda: self.safe_button, opener=self.depart_button)
        self.departure_dialog = dialog
        dialog.open()

    def _departure_dialog_closed(self, dialog: DepartureDialog) -> None:
        if self.departure_dialog is dialog:
            self.departure_dialog = None

    def _depart_failed(self, error: BaseException) -> None:
        self._departing = False
        if isinstance(error, UserError | StoreError):
            self._say(error_text(error), error=True)
        else:
            self._say(self.tr("Vertrekken mislukt door een onverwachte fout."), error=True)
        self.refresh()

    def _departed(self, row: MyVisit) -> None:
        self.hub.visits_changed.emit()
        next_call = row.summary.next_callback
        when = (
            self.tr(" Uw buddy {buddy} belt u om {time}.").format(
                buddy=row.buddy_name, time=to_local(next_call).strftime("%H:%M")
            )
            if next_call is not None
            else ""
        )
        self._say(
            self.tr("U bent onderweg naar {address}.").format(
                address=row.summary.address.one_line()
            )
            + when
            + self.tr(" Terug? Kies dan ‘Terug, veilig’.")
        )

    def confirm_return(self, *, incident: bool) -> None:
        """Ask before ending the visit (non-blocking; ``confirm_box`` while open)."""
        row = self.selected()
        if row is None:
            return
        box = ask_return(self, row.summary.address.one_line(), incident=incident)
        visit_id = row.id
        box.finished.connect(lambda _r: self._return_answered(box, visit_id, incident))
        # Ended: the visit has left the list; the keyboard goes to the list. Not yet:
        # back on the button.
        yes_button = box.button(QMessageBox.StandardButton.Yes)
        return_focus(box, lambda: self.table if box.clickedButton() is yes_button else None)
        self.confirm_box = box
        box.open()

    def _return_answered(self, box: QMessageBox, visit_id: int, incident: bool) -> None:
        if self.confirm_box is box:
            self.confirm_box = None
        box.deleteLater()
        if box.standardButton(box.clickedButton()) != QMessageBox.StandardButton.Yes:
            return
        self.incident_panel.hide()
        if incident:

            def ended(result: object) -> None:
                emergency, loaded = cast(tuple[str, IncidentData], result)
                self._ended_with_incident(visit_id, emergency, loaded)

            self._run(end_with_incident, visit_id, ended)
        else:
            self._run(
                visits.return_safe,
                visit_id,
                lambda _result: self._say(
                    self.tr("Welkom terug. Het bezoek is beëindigd: terug, veilig.")
                ),
            )

    def _ended_with_incident(self, visit_id: int, emergency: str, loaded: IncidentData) -> None:
        self._say(self.tr("Het bezoek is beëindigd: terug, er was een incident."))
        self._show_incident_help(emergency)
        self.incident_dialog = open_for_visit(self.ctx, self.tasks, visit_id, self, loaded)
        return_focus(self.incident_dialog, self.table, opener=self.table)

    def _show_incident_help(self, emergency: str) -> None:
        self.incident_text.setText(incident_help(emergency))
        self.incident_panel.show()

    def save_letter(self) -> None:
        self._save_document(announcement_letter())

    def save_agenda_item(self) -> None:
        self._save_document(agenda_item())

    def _save_document(self, document: VisitDocument) -> None:
        row = self.selected()
        if row is not None:
            save_document(
                document,
                self.ctx,
                self.tasks,
                row.id,
                self,
                self.choose_save_path,
                lambda text, error: self._say(text, error=error),
            )

    def show_details(self) -> None:
        row = self.selected()
        if row is not None:
            self.hub.show_visit.emit(row.id)
