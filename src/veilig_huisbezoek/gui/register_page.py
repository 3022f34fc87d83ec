"""The unsafe-address register page (docs/design.md §5): review, approve, edit and retire notes.

The list, the detail pane and the forms are one page: the right-hand side switches
between the note's details, the note form (new or edit) and the reason form (reject
or retire), so nothing hides behind a modal dialog. Every store access runs on the
task runner; role checks are the services' (buttons are hidden only for clarity).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain import register as rules
from ..domain.address import Address, format_house_number
from ..domain.clock import to_local
from ..domain.errors import UserError, ValidationError, ValidationErrors
from ..domain.register import NoteCategory, NoteStatus, UnsafeAddressNote
from ..domain.roles import Permission
from ..services import register as register_service
from ..services.context import ServiceContext
from ..services.register import RegisterEntry
from .forms import child, load_form
from .hub import AppHub
from .i18n import domain_text, error_text
from .keys import on_return
from .look import ERROR_STYLE, OK_STYLE, from_qdate, on_enter, to_qdate
from .register_model import RegisterTableModel, date_text
from .screen_fit import page_scroll
from .tasks import TaskRunner

log = logging.getLogger(__name__)

# Status filter choices: (status, overdue only).
_STATUS_FILTERS: tuple[tuple[NoteStatus | None, bool], ...] = (
    (None, False),
    (NoteStatus.ACTIEF, True),
    (NoteStatus.VOORGESTELD, False),
    (NoteStatus.ACTIEF, False),
    (NoteStatus.AFGEWEZEN, False),
    (NoteStatus.INGETROKKEN, False),
)


class RegisterPage(QWidget):
    """The 'Adresregister' tab."""

    # Emitted after the list has been (re)loaded and shown.
    loaded = Signal()
    # After an action (approve, save …): the Dutch message shown to the person.
    # (No Signal(bool): PySide6 6.12 miscounts references to True/False it emits.)
    action_succeeded = Signal(str)
    action_failed = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        tasks: TaskRunner,
        hub: AppHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = self.tr("Adresregister")
        self._ctx = ctx
        self._tasks = tasks
        self._hub = hub
        self._generation = 0
        self._busy = False
        self._viewed: set[int] = set()
        self._selected_id: int | None = None
        self._editing_id: int | None = None  # None while proposing a new note
        self._reason_action: Callable[[ServiceContext, int, str], Any] | None = None
        self._is_manager = ctx.actor.may(Permission.MANAGE_NOTES)

        self.form = load_form("register_page", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_scroll(self.form))
        f = self.form
        self.title_label = child(f, QLabel, "titleLabel")
        self.summary_label = child(f, QLabel, "summaryLabel")
        self.search_edit = child(f, QLineEdit, "searchEdit")
        self.status_combo = child(f, QComboBox, "statusCombo")
        self.category_combo = child(f, QComboBox, "categoryCombo")
        self.new_button = child(f, QPushButton, "newButton")
        self.message_label = child(f, QLabel, "messageLabel")
        self.splitter = child(f, QSplitter, "splitter")
        self.table = child(f, QTableView, "noteTable")
        self.side = child(f, QStackedWidget, "sideStack")
        self.detail_page = child(f, QWidget, "detailPage")
        self.edit_page = child(f, QWidget, "editPage")
        self.reason_page = child(f, QWidget, "reasonPage")
        self.detail_view = child(f, QTextBrowser, "detailView")
        self.approve_button = child(f, QPushButton, "approveButton")
        self.reject_button = child(f, QPushButton, "rejectButton")
        self.edit_button = child(f, QPushButton, "editButton")
        self.review_button = child(f, QPushButton, "reviewButton")
        self.retire_button = child(f, QPushButton, "retireButton")
        self.edit_title_label = child(f, QLabel, "editTitleLabel")
        self.street_edit = child(f, QLineEdit, "streetEdit")
        self.number_edit = child(f, QLineEdit, "numberEdit")
        self.postcode_edit = child(f, QLineEdit, "postcodeEdit")
        self.city_edit = child(f, QLineEdit, "cityEdit")
        self.edit_category_combo = child(f, QComboBox, "editCategoryCombo")
        self.incident_date_edit = child(f, QDateEdit, "incidentDateEdit")
        self.description_edit = child(f, QPlainTextEdit, "descriptionEdit")
        self.precautions_edit = child(f, QPlainTextEdit, "precautionsEdit")
        self.edit_error_label = child(f, QLabel, "editErrorLabel")
        self.save_button = child(f, QPushButton, "saveButton")
        self.cancel_edit_button = child(f, QPushButton, "cancelEditButton")
        self.reason_title_label = child(f, QLabel, "reasonTitleLabel")
        self.reason_note_label = child(f, QLabel, "reasonNoteLabel")
        self.reason_edit = child(f, QPlainTextEdit, "reasonEdit")
        self.reason_error_label = child(f, QLabel, "reasonErrorLabel")
        self.confirm_reason_button = child(f, QPushButton, "confirmReasonButton")
        self.cancel_reason_button = child(f, QPushButton, "cancelReasonButton")

        self._style_headings()
        for label in (self.edit_error_label, self.reason_error_label):
            label.setStyleSheet(ERROR_STYLE)
        self.message_label.hide()

        self.status_combo.addItem(self.tr("Alle statussen"))
        self.status_combo.addItem(self.tr("Herbeoordeling te laat"))
        self.status_combo.addItem(self.tr("Voorgesteld (wacht op goedkeuring)"))
        self.status_combo.addItem(self.tr("Actief"))
        self.status_combo.addItem(self.tr("Afgewezen"))
        self.status_combo.addItem(self.tr("Ingetrokken"))
        # Choices are kept on the Python side: reading item data back from Qt
        # (currentData) turns enums into plain strings and, for empty items, miscounts
        # references to None in PySide6 6.12.
        self._categories: list[NoteCategory | None] = [None, *NoteCategory]
        self.category_combo.addItem(self.tr("Alle categorieën"))
        for category in NoteCategory:
            self.category_combo.addItem(domain_text(category.label))
            self.edit_category_combo.addItem(domain_text(category.label))

        self.model = RegisterTableModel(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 460])
        self._layout_width = -1
        on_enter(self.table, self._enter_on_table)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._search_timer.start)
        on_return(self.search_edit, self._search_now)
        self.status_combo.currentIndexChanged.connect(self.refresh)
        self.category_combo.currentIndexChanged.connect(self.refresh)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _index: self.detail_view.setFocus())

        self.new_button.clicked.connect(self._start_new)
        self.approve_button.clicked.connect(self._approve)
        self.reject_button.clicked.connect(self._start_reject)
        self.edit_button.clicked.connect(self._start_edit)
        self.review_button.clicked.connect(self._review)
        self.retire_button.clicked.connect(self._start_retire)
        self.save_button.clicked.connect(self._save)
        self.cancel_edit_button.clicked.connect(self._back_to_detail)
        self.confirm_reason_button.clicked.connect(self._confirm_reason)
        self.cancel_reason_button.clicked.connect(self._back_to_detail)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.side)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)

        self.new_button.setVisible(ctx.actor.may(Permission.PROPOSE_NOTE))
        for button in (
            self.approve_button,
            self.reject_button,
            self.edit_button,
            self.review_button,
        ):
            button.setVisible(self._is_manager)
        hub.notes_changed.connect(self._notes_changed)
        self._show_detail(None)
        # Load once the caller has had a chance to connect to `loaded`.
        QTimer.singleShot(0, self.refresh)

    # ---- layout -------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._adapt_layout()

    def _adapt_layout(self, *, force: bool = False) -> None:
        """Side by side when the columns and a readable detail pane fit, else stacked.

        With large fonts (150 %) on a laptop screen the table would otherwise hide the
        review date behind a scroll bar.
        """
        width = self.splitter.width()
        if width <= 0 or (width == self._layout_width and not force):
            return
        self._layout_width = width
        header = self.table.horizontalHeader()
        columns = sum(
            max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c))
            for c in range(self.model.columnCount())
        )
        table = columns + self.table.verticalScrollBar().sizeHint().width() + 4
        side = self.fontMetrics().averageCharWidth() * 48
        horizontal = table + side + self.splitter.handleWidth() <= width
        wanted = Qt.Orientation.Horizontal if horizontal else Qt.Orientation.Vertical
        if self.splitter.orientation() == wanted:
            return
        self.splitter.setOrientation(wanted)
        if horizontal:
            self.splitter.setSizes([table, width - table])
        else:
            # Relative weights, not a height snapshot: the splitter may not have its
            # final height yet (first show), and QSplitter scales the weights to fit.
            self.splitter.setSizes([2_000, 3_000])

    # ---- helpers ------------------------------------------------------------------
    def _style_headings(self) -> None:
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        for label in (self.edit_title_label, self.reason_title_label):
            heading = QFont(label.font())
            heading.setPointSizeF(heading.pointSizeF() * 1.25)
            heading.setBold(True)
            label.setFont(heading)

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, UserError):
            return error_text(error)
        log.error("register page: unexpected %s", type(error).__name__, exc_info=error)
        return self.tr(
            "Er ging iets onverwachts mis. Probeer het opnieuw of meld het de beheerder."
        )

    def show_message(self, text: str, *, error: bool = False) -> None:
        if error:
            text = self.tr("Niet gelukt: {message}").format(message=text)
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message_label.setVisible(bool(text))

    def default_button(self, focus: QWidget) -> QPushButton | None:
        """What Enter presses: Opslaan in the note form, the confirmation in the reason
        form (a multi-line text keeps Enter for a new line); nothing elsewhere."""
        for page, button in (
            (self.edit_page, self.save_button),
            (self.reason_page, self.confirm_reason_button),
        ):
            if page.isAncestorOf(focus):
                return button
        return None

    def selected_entry(self) -> RegisterEntry | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def _today(self) -> date:
        return to_local(self._ctx.now()).date()

    # ---- loading ------------------------------------------------------------------
    def _filters(self) -> dict[str, Any]:
        status, overdue_only = _STATUS_FILTERS[max(self.status_combo.currentIndex(), 0)]
        return {
            "text": self.search_edit.text(),
            "status": status,
            "category": self._categories[max(self.category_combo.currentIndex(), 0)],
            "overdue_only": overdue_only,
        }

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.refresh()

    def _notes_changed(self) -> None:
        # Not while the team server is unreachable: reloaded when it is back.
        if not self._hub.offline:
            self.refresh()

    def refresh(self) -> None:
        """Reload the list with the current filters (on the task runner)."""
        self._search_timer.stop()
        self._generation += 1
        generation = self._generation
        ctx, filters, manager = self._ctx, self._filters(), self._is_manager

        def job() -> tuple[list[RegisterEntry], dict[str, int] | None]:
            entries = register_service.search_notes(ctx, **filters)
            counts = register_service.register_counts(ctx) if manager else None
            return entries, counts

        self._tasks.run(
            job,
            lambda result: self._loaded(generation, *result),
            lambda error: self._load_failed(generation, error),
            owner=self,
        )

    def _loaded(
        self, generation: int, entries: list[RegisterEntry], counts: dict[str, int] | None
    ) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        keep = self._selected_id
        self.model.set_entries(entries)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and entries:
            row = 0
        if row is not None:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        else:
            self._show_detail(None)
        self._update_summary(len(entries), counts)
        self._adapt_layout(force=True)
        self.loaded.emit()

    def _load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.model.set_entries([])
        self._show_detail(None)
        self.summary_label.setText("")
        self.show_message(self._error_text(error), error=True)
        self.loaded.emit()

    def _update_summary(self, shown: int, counts: dict[str, int] | None) -> None:
        if shown == 1:
            parts = [self.tr("1 notitie getoond.")]
        else:
            parts = [self.tr("{count} notities getoond.").format(count=shown)]
        attention = False
        if counts is not None:
            overdue, proposed = counts["overdue"], counts["proposed"]
            if overdue:
                parts.append(self.tr("Herbeoordeling te laat: {count}.").format(count=overdue))
            if proposed:
                parts.append(self.tr("Wacht op goedkeuring: {count}.").format(count=proposed))
            attention = bool(overdue or proposed)
            if not attention:
                parts.append(self.tr("Er wacht niets op u."))
        else:
            parts.append(self.tr("U ziet alleen de notities die u zelf heeft voorgesteld."))
        self.summary_label.setText(" ".join(parts))
        self.summary_label.setStyleSheet("font-weight: bold;" if attention else "")

    # ---- selection and the detail pane -----------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.model.entry(current.row()) if current.isValid() else None
        self._selected_id = entry.id if entry is not None else None
        self._show_detail(entry)
        if entry is not None and entry.id not in self._viewed:
            self._viewed.add(entry.id)
            ctx, note_id = self._ctx, entry.id
            # Who viewed a note is logged (docs/design.md §5); the answer is not needed here.
            self._tasks.run(
                lambda: register_service.open_note(ctx, note_id),
                lambda _entry: None,
                lambda error: log.warning("note view not logged: %s", type(error).__name__),
                owner=self,
            )

    def _enter_on_table(self) -> None:
        if self.table.currentIndex().isValid():
            self.detail_view.setFocus()

    def _person_line(self, label: str, name: str, when: str) -> str:
        if not name and not when:
            return ""
        text = html.escape(name) if name else self.tr("onbekend")
        if when:
            text += " " + self.tr("op {when}").format(when=html.escape(when))
        return f"<b>{html.escape(label)}</b> {text}<br>"

    def _detail_html(self, entry: RegisterEntry) -> str:
        note = entry.note
        e = html.escape
        created = to_local(note.created_at).strftime("%d-%m-%Y %H:%M")
        status = self.model.status_text(entry)
        if note.status is NoteStatus.ACTIEF:
            status += " — " + (
                self.tr("waarschuwt bij het plannen van een bezoek")
                if entry.warns
                else self.tr("waarschuwt niet meer (vervaldatum voorbij)")
            )
        elif note.status is NoteStatus.VOORGESTELD:
            status += " — " + self.tr("wacht op goedkeuring door een leidinggevende")
        parts = [
            f"<h2>{e(note.address.one_line())}</h2>",
            "<p><b>" + e(self.tr("Status:")) + f"</b> {e(status)}<br>",
            "<b>" + e(self.tr("Categorie:")) + f"</b> {e(domain_text(note.category.label))}<br>",
            "<b>" + e(self.tr("Datum incident:")) + f"</b> {e(date_text(note.incident_date))}</p>",
        ]
        if entry.review_overdue:
            parts.append(
                "<p><b>"
                + e(
                    self.tr(
                        "Herbeoordeling te laat: de datum {date} is voorbij. Is de notitie nog "
                        "nodig? Kies Herbeoordeeld of Intrekken."
                    ).format(date=date_text(note.review_due))
                )
                + "</b></p>"
            )
        if (
            note.status is NoteStatus.VOORGESTELD
            and note.author_id == self._ctx.actor.account_id
            and self._is_manager
        ):
            parts.append(
                "<p><i>"
                + e(
                    self.tr(
                        "U heeft deze notitie zelf voorgesteld: een andere leidinggevende moet "
                        "haar goedkeuren (vier-ogenprincipe)."
                    )
                )
                + "</i></p>"
            )
        parts.append("<h3>" + e(self.tr("Wat is er gebeurd")) + "</h3>")
        parts.append(f"<p>{e(note.description).replace(chr(10), '<br>')}</p>")
        parts.append("<h3>" + e(self.tr("Voorzorgsmaatregelen")) + "</h3>")
        precautions = note.precautions or self.tr("Geen voorzorgsmaatregelen vastgelegd.")
        parts.append(f"<p>{e(precautions).replace(chr(10), '<br>')}</p>")
        parts.append("<h3>" + e(self.tr("Beheer")) + "</h3><p>")
        parts.append(self._person_line(self.tr("Voorgesteld door"), entry.author, created))
        if note.status is NoteStatus.AFGEWEZEN:
            when = to_local(note.retired_at).strftime("%d-%m-%Y") if note.retired_at else ""
            parts.append(self._person_line(self.tr("Afgewezen door"), entry.approver, when))
        elif note.approved_at is not None:
            when = to_local(note.approved_at).strftime("%d-%m-%Y %H:%M")
            parts.append(self._person_line(self.tr("Goedgekeurd door"), entry.approver, when))
        if note.status is NoteStatus.ACTIEF:
            if note.review_due is not None:
                review = date_text(note.review_due)
                if entry.review_overdue:
                    review += " " + self.tr("(te laat)")
                parts.append("<b>" + e(self.tr("Herbeoordelen vóór")) + f"</b> {e(review)}<br>")
            if note.expires_on is not None:
                parts.append(
                    "<b>"
                    + e(self.tr("Waarschuwt tot"))
                    + f"</b> {e(date_text(note.expires_on))}<br>"
                )
        if note.status is NoteStatus.INGETROKKEN and note.retired_at is not None:
            parts.append(
                "<b>" + e(self.tr("Ingetrokken op")) + "</b> "
                f"{e(to_local(note.retired_at).strftime('%d-%m-%Y'))}<br>"
            )
        if note.retire_reason:
            parts.append("<b>" + e(self.tr("Reden")) + f"</b> {e(note.retire_reason)}<br>")
        parts.append("</p>")
        return "".join(parts)

    def _show_detail(self, entry: RegisterEntry | None) -> None:
        if entry is None:
            self.detail_view.setHtml(
                "<p>"
                + html.escape(self.tr("Kies een notitie in de lijst om haar te lezen."))
                + "</p>"
            )
        else:
            self.detail_view.setHtml(self._detail_html(entry))
        self._update_actions(entry)

    def _update_actions(self, entry: RegisterEntry | None) -> None:
        status = entry.note.status if entry is not None else None
        mine = entry is not None and entry.note.author_id == self._ctx.actor.account_id
        idle = not self._busy
        self.approve_button.setEnabled(idle and status is NoteStatus.VOORGESTELD)
        self.reject_button.setEnabled(idle and status is NoteStatus.VOORGESTELD)
        self.edit_button.setEnabled(idle and status in (NoteStatus.VOORGESTELD, NoteStatus.ACTIEF))
        self.review_button.setEnabled(idle and status is NoteStatus.ACTIEF)
        may_retire = self._is_manager or (mine and status is NoteStatus.VOORGESTELD)
        self.retire_button.setEnabled(
            idle and may_retire and status in (NoteStatus.VOORGESTELD, NoteStatus.ACTIEF)
        )
        self.retire_button.setVisible(self._is_manager or mine)

    # ---- simple actions -----------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)
        self.confirm_reason_button.setEnabled(not busy)
        self._update_actions(self.selected_entry())

    def _act(
        self,
        job: Callable[[], Any],
        success_text: Callable[[Any], str],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        if self._busy:
            return
        self._set_busy(True)

        def done(result: Any) -> None:
            self._set_busy(False)
            self._back_to_detail()
            message = success_text(result)
            self.show_message(message)
            self.action_succeeded.emit(message)
            self._hub.notes_changed.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            text = self._error_text(error)
            if on_error is not None:
                on_error(text)
            else:
                self.show_message(text, error=True)
            self.action_failed.emit(text)

        self._tasks.run(job, done, failed, owner=self)

    def _approve(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        ctx, note_id, where = self._ctx, entry.id, entry.note.address.one_line()
        self._act(
            lambda: register_service.approve_note(ctx, note_id),
            lambda _note: self.tr(
                "Notitie goedgekeurd: {address}. Bij dit adres wordt nu gewaarschuwd."
            ).format(address=where),
        )

    def _review(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        ctx, note_id, where = self._ctx, entry.id, entry.note.address.one_line()

        def text(note: object) -> str:
            due = note.review_due if isinstance(note, UnsafeAddressNote) else None
            return self.tr(
                "Herbeoordeling vastgelegd voor {address}. Volgende herbeoordeling vóór {date}."
            ).format(address=where, date=date_text(due))

        self._act(lambda: register_service.review_note(ctx, note_id), text)

    # ---- reason form (reject, retire) ----------------------------------------------
    def _start_reason(
        self,
        title: str,
        button: str,
        action: Callable[[ServiceContext, int, str], Any],
    ) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self._editing_id = entry.id
        self._reason_action = action
        self.reason_title_label.setText(title)
        self.reason_note_label.setText(
            f"{entry.note.address.one_line()} — {domain_text(entry.note.category.label)}, "
            f"{date_text(entry.note.incident_date)}"
        )
        self.confirm_reason_button.setText(button)
        self.confirm_reason_button.setAccessibleName(button.replace("&", ""))
        self.reason_edit.clear()
        self.reason_error_label.clear()
        self._switch_side(self.reason_page)
        self.reason_edit.setFocus()

    def _start_reject(self) -> None:
        self._start_reason(
            self.tr("Notitie afwijzen"), self.tr("&Afwijzen"), register_service.reject_note
        )

    def _start_retire(self) -> None:
        self._start_reason(
            self.tr("Notitie intrekken"), self.tr("&Intrekken"), register_service.retire_note
        )

    def _confirm_reason(self) -> None:
        action, note_id = self._reason_action, self._editing_id
        if action is None or note_id is None:
            return
        ctx, reason = self._ctx, self.reason_edit.toPlainText()
        title = self.reason_title_label.text()
        self.reason_error_label.clear()

        def text(note: object) -> str:
            if isinstance(note, UnsafeAddressNote) and note.status is NoteStatus.AFGEWEZEN:
                return self.tr("Notitie afgewezen: {address}.").format(
                    address=note.address.one_line()
                )
            if isinstance(note, UnsafeAddressNote):
                return self.tr(
                    "Notitie ingetrokken: {address}. Er wordt niet meer gewaarschuwd."
                ).format(address=note.address.one_line())
            return title

        self._act(lambda: action(ctx, note_id, reason), text, self._reason_failed)

    def _reason_failed(self, text: str) -> None:
        self.reason_error_label.setText(text)
        self.reason_edit.setFocus()

    # ---- note form (new, edit) -------------------------------------------------------
    def _start_new(self) -> None:
        self._editing_id = None
        self.edit_title_label.setText(self.tr("Nieuwe notitie voorstellen"))
        for edit in (self.street_edit, self.number_edit, self.postcode_edit, self.city_edit):
            edit.clear()
        self.edit_category_combo.setCurrentIndex(-1)
        self._set_incident_range()
        self.incident_date_edit.setDate(to_qdate(self._today()))
        self.description_edit.clear()
        self.precautions_edit.clear()
        self.edit_error_label.clear()
        self._switch_side(self.edit_page)
        self.street_edit.setFocus()

    def _start_edit(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        note = entry.note
        self._editing_id = entry.id
        self.edit_title_label.setText(self.tr("Notitie bewerken"))
        self.street_edit.setText(note.address.street)
        self.number_edit.setText(
            format_house_number(note.address.house_number, note.address.addition)
        )
        self.postcode_edit.setText(note.address.postcode)
        self.city_edit.setText(note.address.city)
        self.edit_category_combo.setCurrentIndex(list(NoteCategory).index(note.category))
        self._set_incident_range()
        self.incident_date_edit.setDate(to_qdate(note.incident_date))
        self.description_edit.setPlainText(note.description)
        self.precautions_edit.setPlainText(note.precautions)
        self.edit_error_label.clear()
        self._switch_side(self.edit_page)
        self.street_edit.setFocus()

    def _set_incident_range(self) -> None:
        today = self._today()
        self.incident_date_edit.setMaximumDate(to_qdate(today))
        self.incident_date_edit.setMinimumDate(
            to_qdate(rules.add_months(today, -12 * rules.MAX_INCIDENT_AGE_YEARS))
        )

    def _save(self) -> None:
        ctx, note_id = self._ctx, self._editing_id
        street, number = self.street_edit.text(), self.number_edit.text()
        postcode, city = self.postcode_edit.text(), self.city_edit.text()
        chosen = self.edit_category_combo.currentIndex()
        category = list(NoteCategory)[chosen].value if chosen >= 0 else ""
        incident = from_qdate(self.incident_date_edit.date())
        description = self.description_edit.toPlainText()
        precautions = self.precautions_edit.toPlainText()
        self.edit_error_label.clear()

        def job() -> tuple[Address, bool]:
            """The address, and whether the edit waits as a proposal beside a note that
            keeps warning as it was."""
            address = _checked_address(
                ctx, street, number, postcode, city, category, incident, description, precautions
            )
            if note_id is None:
                register_service.propose_note(
                    ctx,
                    address=address,
                    category=category,
                    incident_date=incident,
                    description=description,
                    precautions=precautions,
                )
                return address, False
            holder = register_service.edit_note(
                ctx,
                note_id,
                address=address,
                category=category,
                incident_date=incident,
                description=description,
                precautions=precautions,
            )
            return address, holder != note_id

        def text(result: object) -> str:
            assert isinstance(result, tuple)
            address, beside = result
            where = address.one_line() if isinstance(address, Address) else ""
            if note_id is None:
                return self.tr(
                    "Notitie voorgesteld voor {address}. Een leidinggevende beoordeelt haar."
                ).format(address=where)
            if beside:
                return self.tr(
                    "Bewerking opgeslagen als voorstel ({address}). De notitie blijft "
                    "waarschuwen zoals ze was, tot een andere leidinggevende de bewerking "
                    "goedkeurt."
                ).format(address=where)
            return self.tr(
                "Voorstel bijgewerkt: {address}. Een andere leidinggevende keurt het goed."
            ).format(address=where)

        self._act(job, text, self._save_failed)

    def _save_failed(self, text: str) -> None:
        self.edit_error_label.setText(text)
        fields = {
            "Straat": self.street_edit,
            "Huisnummer": self.number_edit,
            "Postcode": self.postcode_edit,
            "Plaats": self.city_edit,
            "Categorie": self.edit_category_combo,
            "Datum incident": self.incident_date_edit,
            "Omschrijving": self.description_edit,
            "Voorzorgsmaatregelen": self.precautions_edit,
        }
        for line in text.splitlines():
            field = line.split(":", 1)[0]
            if field in fields:
                fields[field].setFocus()
                break

    # ---- switching the side panel ---------------------------------------------------
    def _switch_side(self, page: QWidget) -> None:
        self.side.setCurrentWidget(page)
        in_detail = page is self.detail_page
        for widget in (
            self.table,
            self.search_edit,
            self.status_combo,
            self.category_combo,
            self.new_button,
        ):
            widget.setEnabled(in_detail)

    def _back_to_detail(self) -> None:
        if self.side.currentWidget() is self.detail_page:
            return
        self._switch_side(self.detail_page)
        self._editing_id = None
        self._reason_action = None
        self.table.setFocus()

    def _escape(self) -> None:
        if not self._busy:
            self._back_to_detail()


def _checked_address(
    ctx: ServiceContext,
    street: str,
    number: str,
    postcode: str,
    city: str,
    category: str,
    incident: date,
    description: str,
    precautions: str,
) -> Address:
    """Validate the whole form at once so every problem is reported together."""
    errors: list[ValidationError] = []
    address: Address | None = None
    try:
        address = Address.create(street, number, postcode, city)
    except ValidationErrors as exc:
        errors += exc.errors
    try:
        rules.new_note(
            address=address or Address("", 1, "", "", ""),
            category=category,
            incident_date=incident,
            description=description,
            precautions=precautions,
            author_id=ctx.actor.account_id,
            now=ctx.now(),
        )
    except ValidationErrors as exc:
        errors += exc.errors
    if errors or address is None:
        raise ValidationErrors(errors)
    return address
