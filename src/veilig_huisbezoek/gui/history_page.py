"""The visit history page: every visit the person may see, with filters (issue 3 item 6).

The table reads a page at a time (Qt's ``canFetchMore``/``fetchMore``): the first page
and the total count when the filters change, the next page off the GUI thread when the
person scrolls to the end. Filters and search run in SQL over all visits
(``services.history``), so a store with 100,000 visits keeps one page in memory until
someone scrolls through it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QWidget,
)

from ..domain.checklist import RiskLevel
from ..domain.clock import to_local
from ..domain.errors import UserError
from ..domain.roles import Permission, Role
from ..services.accounts import AccountSummary, list_accounts
from ..services.context import ServiceContext
from ..services.history import (
    HistoryFilter,
    HistoryRow,
    VisitOutcome,
    count_history,
    search_history,
)
from .forms_generated.ui_history_page import Ui_HistoryPage
from .hub import AppHub
from .i18n import domain_text, error_text
from .keys import on_return
from .look import ERROR_STYLE, from_qdate, on_enter, scaled_font, to_qdate
from .page_base import WorkspacePage
from .table_model import RowTableModel
from .tasks import TaskRunner

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
# Runs a job off the GUI thread: (job, on_success, on_failure), as TaskRunner.run.
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]
# Reads the page after the given row (the last one shown).
PageFetcher = Callable[[HistoryRow], list[HistoryRow]]

PAGE_SIZE = 200

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole

_LEVEL_MARK = {RiskLevel.GROEN: "●", RiskLevel.ORANJE: "▲", RiskLevel.ROOD: "■"}
_LEVEL_BACKGROUND = {
    RiskLevel.GROEN: QColor("#dcefdc"),
    RiskLevel.ORANJE: QColor("#ffe2b8"),
    RiskLevel.ROOD: QColor("#f6d0d3"),
}
_DARK_TEXT = QColor("#1a1a1a")
_SERIOUS = (VisitOutcome.POLITIE, VisitOutcome.GEESCALEERD, VisitOutcome.INCIDENT)


def level_text(level: RiskLevel) -> str:
    """The level as text with a shape, so it never depends on colour alone."""
    return f"{_LEVEL_MARK[level]} {domain_text(level.label)}"


def _run_here(
    job: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    try:
        result = job()
    except Exception as exc:
        on_failure(exc)
    else:
        on_success(result)


class HistoryTableModel(RowTableModel[HistoryRow]):
    """Columns: Begin, Medewerker, Adres, Bewoners, Niveau, Status, Uitkomst.

    Holds the rows read so far. After :meth:`set_rows` with a ``fetch_after`` function,
    a full first page means there may be more: ``canFetchMore`` says so and
    ``fetchMore`` reads the next page through ``runner`` (by default right here; the
    page passes its task runner), appending it when it arrives unless the rows were
    replaced meanwhile.
    """

    # A page was appended (rows_fetched) or could not be read (fetch_failed).
    rows_fetched = Signal()
    fetch_failed = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        runner: Runner | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._runner: Runner = runner or _run_here
        self.page_size = page_size
        self._fetch_after: PageFetcher | None = None
        self._more = False
        self._fetching = False
        self._generation = 0
        self._headers = (
            self.tr("Begin"),
            self.tr("Medewerker"),
            self.tr("Adres"),
            self.tr("Bewoners"),
            self.tr("Niveau"),
            self.tr("Status"),
            self.tr("Uitkomst"),
        )

    def outcome_text(self, outcome: VisitOutcome) -> str:
        return {
            VisitOutcome.POLITIE: self.tr("Politie / 112"),
            VisitOutcome.GEESCALEERD: self.tr("Geëscaleerd"),
            VisitOutcome.INCIDENT: self.tr("Incident"),
            VisitOutcome.EERDER_TERUGGEBELD: self.tr("Eerder teruggebeld"),
            VisitOutcome.ALLES_IN_ORDE: self.tr("Alles in orde"),
            VisitOutcome.NOG_BEZIG: self.tr("Nog niet afgerond"),
        }[outcome]

    def set_rows(self, rows: list[HistoryRow], fetch_after: PageFetcher | None = None) -> None:
        """Show ``rows``; with ``fetch_after``, a full page may be followed by more."""
        self.beginResetModel()
        self._generation += 1
        self._rows = list(rows)
        self._fetch_after = fetch_after
        self._more = fetch_after is not None and len(rows) >= self.page_size
        self._fetching = False
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or not self._rows or self._fetch_after is None:
            return
        self._fetching = True
        generation, fetch, last = self._generation, self._fetch_after, self._rows[-1]
        self._runner(
            lambda: fetch(last),
            lambda rows: self._fetched(generation, rows),
            lambda error: self._fetch_error(generation, error),
        )

    def _fetched(self, generation: int, rows: list[HistoryRow]) -> None:
        if generation != self._generation:
            return  # the filters changed while this page was read
        if rows:
            # Still "fetching" while the views hear of the insert: one that asks for
            # more in its handler must wait for this page to be in.
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._fetching = False
        self._more = len(rows) >= self.page_size
        self.rows_fetched.emit()

    def _fetch_error(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._more = False  # no retry loop from the view; a refresh starts over
        self.fetch_failed.emit(error)

    def visit(self, row: int) -> HistoryRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _text(self, visit: HistoryRow, column: int) -> str:
        if column == 0:
            return to_local(visit.start).strftime("%d-%m-%Y %H:%M")
        if column == 1:
            return visit.visitor
        if column == 2:
            return visit.address.one_line()
        if column == 3:
            return visit.residents
        if column == 4:
            return level_text(visit.level)
        if column == 5:
            return domain_text(visit.state.label)
        if column == 6:
            text = self.outcome_text(visit.outcome)
            return f"⚠ {text}" if visit.outcome in _SERIOUS else text
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        visit = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(visit, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == 4:
                return self.tr("Risiconiveau {level}").format(level=domain_text(visit.level.label))
            if column == 6:
                return self.outcome_text(visit.outcome)
            return self._text(visit, column)
        if role == VISIT_ID_ROLE:
            return visit.id
        if column == 4 and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_LEVEL_BACKGROUND[visit.level])
        if column == 4 and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_DARK_TEXT)
        if column == 6 and role == Qt.ItemDataRole.FontRole and visit.outcome in _SERIOUS:
            font = QFont()
            font.setBold(True)
            return font
        return None


class HistoryPage(WorkspacePage[Ui_HistoryPage]):
    """The 'Bezoekhistorie' tab."""

    loaded = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        tasks: TaskRunner,
        hub: AppHub,
        parent: QWidget | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(Ui_HistoryPage(), ctx, tasks, hub, parent)
        self.title = self.tr("Bezoekhistorie")
        self._generation = 0
        self._accounts_loaded = False

        self.title_label = self.ui.titleLabel
        self.scope_label = self.ui.scopeLabel
        self.from_check = self.ui.fromCheck
        self.from_date = self.ui.fromDate
        self.to_check = self.ui.toCheck
        self.to_date = self.ui.toDate
        self.employee_combo = self.ui.employeeCombo
        self.level_combo = self.ui.levelCombo
        self.outcome_combo = self.ui.outcomeCombo
        self.search_edit = self.ui.searchEdit
        self.clear_button = self.ui.clearButton
        self.result_label = self.ui.resultLabel
        self.message_label = self.ui.messageLabel
        self.details_button = self.ui.detailsButton
        self.table = self.ui.visitTable

        self.title_label.setFont(scaled_font(self.title_label, 1.6))
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.hide()

        actor = ctx.actor
        if actor.may(Permission.SEE_TEAM_CASES):
            scope = self.tr("U ziet alle bezoeken van het team, de nieuwste bovenaan.")
        elif actor.may(Permission.PLAN_OWN_VISITS):
            scope = self.tr(
                "U ziet uw eigen bezoeken en de bezoeken waarbij u collega of buddy was, "
                "de nieuwste bovenaan."
            )
        else:
            scope = self.tr("Een beheerder ziet geen bezoeken.")
        self.scope_label.setText(scope)

        today = to_local(ctx.now()).date()
        self.from_date.setDate(to_qdate(today - timedelta(days=30)))
        self.to_date.setDate(to_qdate(today))
        # Choices are kept on the Python side: reading item data back from Qt
        # (currentData) turns enums into plain strings and, for empty items, miscounts
        # references to None in PySide6 6.12.
        self._employees: list[int | None] = [None]
        self._levels: list[RiskLevel | None] = [None, *RiskLevel]
        self._outcomes: list[VisitOutcome | None] = [None, *VisitOutcome]
        self.employee_combo.addItem(self.tr("Alle medewerkers"))
        self.level_combo.addItem(self.tr("Alle niveaus"))
        for level in RiskLevel:
            self.level_combo.addItem(level_text(level))
        self.model = HistoryTableModel(
            self,
            runner=lambda job, ok, fail: tasks.run(job, ok, fail, owner=self),
            page_size=page_size,
        )
        self.model.fetch_failed.connect(self._fetch_failed)
        self.outcome_combo.addItem(self.tr("Alle uitkomsten"))
        for outcome in VisitOutcome:
            self.outcome_combo.addItem(self.model.outcome_text(outcome))

        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        on_enter(self.table, self.open_details)
        self.table.doubleClicked.connect(lambda _index: self.open_details())
        self.details_button.clicked.connect(self.open_details)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(self._search_timer.start)
        on_return(self.search_edit, self.reload)
        self.from_check.toggled.connect(self.from_date.setEnabled)
        self.to_check.toggled.connect(self.to_date.setEnabled)
        for check in (self.from_check, self.to_check):
            check.toggled.connect(self.reload)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._date_changed)
        for combo in (self.employee_combo, self.level_combo, self.outcome_combo):
            combo.currentIndexChanged.connect(self.reload)
        self.clear_button.clicked.connect(self.clear_filters)
        self.when_shown.follow_visits(hub)
        self._update_buttons()
        # Load once the caller has had a chance to connect to `loaded`.
        QTimer.singleShot(0, self.reload)

    # ---- helpers ------------------------------------------------------------------

    def filters(self) -> HistoryFilter:
        """The filter the page's controls describe."""

        def pick(choices: list[Any], combo: QComboBox) -> Any:
            index = combo.currentIndex()
            return choices[index] if 0 <= index < len(choices) else None

        return HistoryFilter(
            date_from=from_qdate(self.from_date.date()) if self.from_check.isChecked() else None,
            date_to=from_qdate(self.to_date.date()) if self.to_check.isChecked() else None,
            visitor_id=pick(self._employees, self.employee_combo),
            level=pick(self._levels, self.level_combo),
            outcome=pick(self._outcomes, self.outcome_combo),
            text=self.search_edit.text(),
        )

    def clear_filters(self) -> None:
        controls: list[QWidget] = [
            self.from_check,
            self.to_check,
            self.employee_combo,
            self.level_combo,
            self.outcome_combo,
            self.search_edit,
        ]
        for control in controls:
            control.blockSignals(True)
        self.from_check.setChecked(False)
        self.to_check.setChecked(False)
        self.from_date.setEnabled(False)
        self.to_date.setEnabled(False)
        for combo in (self.employee_combo, self.level_combo, self.outcome_combo):
            combo.setCurrentIndex(0)
        self.search_edit.clear()
        for control in controls:
            control.blockSignals(False)
        self.reload()

    def _date_changed(self) -> None:
        if self.from_check.isChecked() or self.to_check.isChecked():
            self.reload()

    # ---- loading ------------------------------------------------------------------
    def reload(self) -> None:
        """Search again with the filters (on the task runner): what the filters and the
        search field do at once; a change of visits comes through ``refresh``, which
        waits while the team server is unreachable."""
        self._search_timer.stop()
        self._generation += 1
        generation = self._generation
        ctx, filters, need_accounts = self.ctx, self.filters(), not self._accounts_loaded
        page_size = self.model.page_size

        def job() -> tuple[list[HistoryRow], int, list[AccountSummary] | None]:
            accounts = list_accounts(ctx) if need_accounts else None
            rows = search_history(ctx, filters, limit=page_size)
            total = len(rows) if len(rows) < page_size else count_history(ctx, filters)
            return rows, total, accounts

        self.tasks.run(
            job,
            lambda result: self._loaded(generation, *result),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def _fill_employees(self, accounts: list[AccountSummary]) -> None:
        self._accounts_loaded = True
        self.employee_combo.blockSignals(True)
        for account in accounts:
            if account.roles & {Role.MEDEWERKER, Role.LEIDINGGEVENDE}:
                self.employee_combo.addItem(account.display_name)
                self._employees.append(account.id)
        self.employee_combo.blockSignals(False)

    def _loaded(
        self,
        generation: int,
        rows: list[HistoryRow],
        total: int,
        accounts: list[AccountSummary] | None,
    ) -> None:
        if accounts is not None and not self._accounts_loaded:
            self._fill_employees(accounts)
        if generation != self._generation:
            return
        current = self.table.currentIndex()
        keep = self.model.visit(current.row()) if current.isValid() else None
        ctx, filters, page_size = self.ctx, self.filters(), self.model.page_size
        self.model.set_rows(
            rows, lambda last: search_history(ctx, filters, limit=page_size, after=last)
        )
        if keep is not None:  # still selected if it is on the first page
            for row in range(len(rows)):
                if rows[row].id == keep.id:
                    self.table.selectRow(row)
                    break
        if total == 1:
            self.result_label.setText(self.tr("1 bezoek gevonden."))
        else:
            self.result_label.setText(self.tr("{count} bezoeken gevonden.").format(count=total))
        self.message_label.hide()
        self._update_buttons()
        self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(error, UserError):
            text = error_text(error)
        else:
            log.error("history page: unexpected %s", type(error).__name__, exc_info=error)
            text = self.tr("De bezoeken konden niet worden geladen. Probeer het opnieuw.")
        self.model.set_rows([])
        self.result_label.setText("")
        self.message_label.setText(self.tr("Niet gelukt: {message}").format(message=text))
        self.message_label.show()
        self._update_buttons()
        self.loaded.emit()

    def _fetch_failed(self, error: BaseException) -> None:
        """The next page could not be read: say so; the rows shown stay."""
        if isinstance(error, UserError):
            text = error_text(error)
        else:
            log.error("history page: unexpected %s", type(error).__name__, exc_info=error)
            text = self.tr("De bezoeken konden niet worden geladen. Probeer het opnieuw.")
        self.message_label.setText(self.tr("Niet gelukt: {message}").format(message=text))
        self.message_label.show()

    # ---- details --------------------------------------------------------------------
    def selected_visit(self) -> HistoryRow | None:
        index = self.table.currentIndex()
        return self.model.visit(index.row()) if index.isValid() else None

    def _update_buttons(self, *_args: object) -> None:
        self.details_button.setEnabled(self.selected_visit() is not None)

    def open_details(self) -> None:
        visit = self.selected_visit()
        if visit is not None:
            self.hub.show_visit.emit(visit.id)
