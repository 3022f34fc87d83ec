"""The unsafe-address register page (docs/design.md §5): review, approve, edit and retire notes.

The list, the detail pane and the forms are one page: the right-hand side switches
between the note's details, the note form (new or edit) and the reason form (reject
or retire), so nothing hides behind a modal dialog. Every store access runs on the
task runner; role checks are the services' (buttons are hidden only for clarity).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.clock import to_local
from ..domain.errors import UserError
from ..domain.register import NoteStatus, UnsafeAddressNote
from ..domain.roles import Permission
from ..services import register as register_service
from ..services.context import ServiceContext
from ..services.register import RegisterEntry
from .forms import setup_form
from .forms_generated.ui_register_page import Ui_RegisterPage
from .hub import AppHub
from .i18n import error_text
from .keys import on_return
from .look import ERROR_STYLE, OK_STYLE, on_enter
from .register_detail import NoteDetailHtml
from .register_filters import RegisterFilters
from .register_layout import ListBesideDetail
from .register_model import RegisterTableModel, date_text
from .register_note_form import RegisterNoteForm
from .register_reason_form import RegisterReasonForm
from .screen_fit import page_scroll
from .tasks import TaskRunner
from .when_shown import ReloadWhenShown

log = logging.getLogger(__name__)


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
        self._is_manager = ctx.actor.may(Permission.MANAGE_NOTES)

        self.ui = Ui_RegisterPage()
        self.form = setup_form(self.ui, QWidget(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_scroll(self.form))
        f = self.form
        self.title_label = self.ui.titleLabel
        self.new_button = self.ui.newButton
        self.message_label = self.ui.messageLabel
        self.splitter = self.ui.splitter
        self.table = self.ui.noteTable
        self.side = self.ui.sideStack
        self.detail_page = self.ui.detailPage
        self.detail_view = self.ui.detailView
        self.approve_button = self.ui.approveButton
        self.reject_button = self.ui.rejectButton
        self.edit_button = self.ui.editButton
        self.review_button = self.ui.reviewButton
        self.retire_button = self.ui.retireButton
        # The side forms' widgets keep the names they had on the page.
        note_form = self.note_form = RegisterNoteForm(ctx, self, self.ui, f)
        self.edit_page = note_form.edit_page
        self.edit_title_label = note_form.edit_title_label
        self.street_edit = note_form.street_edit
        self.number_edit = note_form.number_edit
        self.postcode_edit = note_form.postcode_edit
        self.city_edit = note_form.city_edit
        self.edit_category_combo = note_form.edit_category_combo
        self.incident_date_edit = note_form.incident_date_edit
        self.description_edit = note_form.description_edit
        self.precautions_edit = note_form.precautions_edit
        self.edit_error_label = note_form.edit_error_label
        self.save_button = note_form.save_button
        self.cancel_edit_button = note_form.cancel_edit_button
        reason_form = self.reason_form = RegisterReasonForm(ctx, self, self.ui, f)
        self.reason_page = reason_form.reason_page
        self.reason_title_label = reason_form.reason_title_label
        self.reason_note_label = reason_form.reason_note_label
        self.reason_edit = reason_form.reason_edit
        self.reason_error_label = reason_form.reason_error_label
        self.confirm_reason_button = reason_form.confirm_reason_button
        self.cancel_reason_button = reason_form.cancel_reason_button

        self._style_headings()
        for label in (self.edit_error_label, self.reason_error_label):
            label.setStyleSheet(ERROR_STYLE)
        self.message_label.hide()

        self.filters = RegisterFilters(self.ui, f)
        self.summary_label = self.filters.summary_label
        self.search_edit = self.filters.search_edit
        self.status_combo = self.filters.status_combo
        self.category_combo = self.filters.category_combo

        self.model = RegisterTableModel(self)
        self.detail_html = NoteDetailHtml(self.model, ctx.actor.account_id, self._is_manager)
        self.table.setModel(self.model)
        self.arrangement = ListBesideDetail(self, self.splitter, self.table, self.model)
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

        self.new_button.clicked.connect(note_form.start_new)
        self.approve_button.clicked.connect(self._approve)
        self.reject_button.clicked.connect(reason_form.start_reject)
        self.edit_button.clicked.connect(note_form.start_edit)
        self.review_button.clicked.connect(self._review)
        self.retire_button.clicked.connect(reason_form.start_retire)
        self.cancel_edit_button.clicked.connect(self._back_to_detail)
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
        self.when_shown = ReloadWhenShown(self, self._notes_changed)
        hub.notes_changed.connect(self.when_shown.changed)
        self._show_detail(None)
        # Load once the caller has had a chance to connect to `loaded`.
        QTimer.singleShot(0, self.refresh)

    # ---- layout -------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrangement.adapt()

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

    def today(self) -> date:
        return to_local(self._ctx.now()).date()

    # ---- loading ------------------------------------------------------------------
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
        ctx, filters, manager = self._ctx, self.filters.values(), self._is_manager

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
        self.filters.show_summary(len(entries), counts)
        self.arrangement.adapt(force=True)
        self.loaded.emit()

    def _load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.model.set_entries([])
        self._show_detail(None)
        self.summary_label.setText("")
        self.show_message(self._error_text(error), error=True)
        self.loaded.emit()

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

    def _show_detail(self, entry: RegisterEntry | None) -> None:
        if entry is None:
            self.detail_view.setHtml(self.detail_html.nothing_chosen())
        else:
            self.detail_view.setHtml(self.detail_html.note_html(entry))
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

    def act(
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
        self.act(
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

        self.act(lambda: register_service.review_note(ctx, note_id), text)

    # ---- switching the side panel ---------------------------------------------------
    def switch_side(self, page: QWidget) -> None:
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
        self.switch_side(self.detail_page)
        self.note_form.forget()
        self.reason_form.forget()
        self.table.setFocus()

    def _escape(self) -> None:
        if not self._busy:
            self._back_to_detail()
