"""The buddy board: every running visit, most urgent first, with live countdowns.

``refresh`` reloads the rows from the store on the task runner (and runs whenever
``hub.visits_changed`` fires); ``tick`` runs every second from an internal timer and
only recomputes status and countdown from ``ctx.clock.now()``. Bellen, Enter and a
double-click open the :class:`CallDialog` directly, so the page works on its own; it
does not listen to ``hub.call_requested`` (the workspace answers that for other pages),
so one request never opens two dialogs.
"""

from __future__ import annotations

from collections.abc import Set
from datetime import datetime
from typing import cast

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ..domain.board import BoardStatus
from ..domain.clock import to_local
from ..domain.folded_reads import FoldedReads, VisitsTouched, touched
from ..domain.overdue import retry_time
from ..domain.presence import PresenceSnapshot
from ..domain.settings import Settings
from ..services.board import BoardRow, board_and_settings
from ..services.context import ServiceContext
from .board_model import BoardColumn, BoardModel
from .call_dialog import CallData, CallDialog, load_call
from .forms_generated.ui_board import Ui_BoardWidget
from .hub import AppHub
from .i18n import failure_text
from .keys import return_focus
from .look import ERROR_STYLE, on_enter
from .page_base import WorkspacePage
from .readout import announce
from .tasks import TaskRunner

TICK_INTERVAL_MS = 1000
# Room the address keeps on a narrow board, in characters of the table's bold font.
ADDRESS_CHARS = 18
_BANNER_STYLE = (
    "background: #b71c1c; color: #ffffff; font-size: 18pt; font-weight: bold;"
    " padding: 10px 14px; border: 3px solid #000000; border-radius: 4px;"
)
_SELECTION_FRAME = QColor("#0d2c6b")


def _set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


class StatusColourDelegate(QStyledItemDelegate):
    """Keeps status colours on the selected row; the selection shows as a thick frame.

    Without this the selection highlight would paint over a red alarm row.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if not selected or index.data(Qt.ItemDataRole.BackgroundRole) is None:
            super().paint(painter, option, index)
            return
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        rect = option.rect
        painter.save()
        pen = QPen(_SELECTION_FRAME)
        pen.setWidth(4)
        painter.setPen(pen)
        top, bottom = rect.top() + 1, rect.bottom() - 1
        painter.drawLine(rect.left(), top, rect.right(), top)
        painter.drawLine(rect.left(), bottom, rect.right(), bottom)
        model = index.model()
        if index.column() == 0:
            painter.drawLine(rect.left() + 1, top, rect.left() + 1, bottom)
        if model is not None and index.column() == model.columnCount() - 1:
            painter.drawLine(rect.right() - 1, top, rect.right() - 1, bottom)
        painter.restore()


class BoardPage(WorkspacePage[Ui_BoardWidget]):
    """The buddy board page (issue 3 item 3)."""

    # Rows were (re)loaded from the store and shown.
    refreshed = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        tasks: TaskRunner,
        hub: AppHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Ui_BoardWidget(), ctx, tasks, hub, parent)
        self.title = self.tr("Buddybord")
        self._loading = False
        self._folded = FoldedReads()  # reads asked for while one runs
        self._loaded_once = False
        self._read_all = True
        self._alarm_count = 0
        self.call_dialog: CallDialog | None = None
        # The call dialog of this visit is being loaded (on the task runner).
        self._call_loading: int | None = None

        self.title_label = self.ui.titleLabel
        self.now_label = self.ui.nowLabel
        self.alarm_banner = self.ui.alarmBanner
        self.error_label = self.ui.errorLabel
        self.hint_label = self.ui.hintLabel
        self.content_stack = self.ui.contentStack
        self.table_page = self.ui.tablePage
        self.empty_page = self.ui.emptyPage
        self.table = self.ui.boardTable
        self.empty_label = self.ui.emptyLabel
        self.summary_label = self.ui.summaryLabel
        self.refresh_button = self.ui.refreshButton
        self.call_button = self.ui.callButton

        title_font = QFont(self.title_label.font())
        title_font.setPointSize(20)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        now_font = QFont(self.now_label.font())
        now_font.setPointSize(14)
        self.now_label.setFont(now_font)
        self.alarm_banner.setStyleSheet(_BANNER_STYLE)
        self.error_label.setStyleSheet(ERROR_STYLE)
        empty_font = QFont(self.empty_label.font())
        empty_font.setPointSize(14)
        self.empty_label.setFont(empty_font)
        call_font = QFont(self.call_button.font())
        call_font.setPointSize(13)
        call_font.setBold(True)
        self.call_button.setFont(call_font)

        self.model = BoardModel(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(StatusColourDelegate(self.table))
        table_font = QFont(self.table.font())
        table_font.setPointSize(12)
        self.table.setFont(table_font)
        self.table.verticalHeader().setDefaultSectionSize(
            int(self.table.fontMetrics().height() * 2.0)
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header_font = QFont(header.font())
        header_font.setBold(True)
        header.setFont(header_font)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(BoardColumn.ADDRESS, QHeaderView.ResizeMode.Stretch)
        self._titles_wrap = False
        self._fit_columns()
        self.table.viewport().installEventFilter(self)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

        self.table.doubleClicked.connect(self._call_index)
        on_enter(self.table, self.call_selected)  # Enter/Return opens the call
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._update_buttons)
        self.call_button.clicked.connect(self.call_selected)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self.when_shown.follow_visits(hub)
        # Who watches each visit ("Ahmed kijkt mee"): fresh with every heartbeat, aged
        # every second by the tick.
        self.model.set_viewer(ctx.actor.account_id)
        self.model.set_presence(hub.presence, ctx.clock.now())
        hub.presence_changed.connect(self._presence_changed)

        self.empty_label.setText(self.tr("Laden…"))
        self.content_stack.setCurrentWidget(self.empty_page)
        self._update_buttons()
        self.tick()
        self.refresh()

    # ---- loading -------------------------------------------------------------------
    def reload(self) -> None:
        """Reload the rows from the store (off the GUI thread); emits ``refreshed``.

        ``refresh`` (the page base) does not come here while the team server is
        unreachable."""
        self._read(None)

    def reload_visits(self, visit_ids: Set[int] | VisitsTouched) -> None:
        """Re-read only these visits (``hub.visits_touched``: a team server's live
        change names them); the other rows stay as they are. A visit whose details
        only changed is read only if it is on the board."""
        self._read(touched(visit_ids))

    def _read(self, asked: VisitsTouched | None) -> None:
        if self._loading:
            self._folded.fold(asked)
            return
        # Decided now, against the rows the read merges into (the first read, or after
        # a failed one: everything).
        only = None if asked is None or self._read_all else asked.to_read(self.model.visit_ids())
        if only is not None and not only:
            return  # nothing on this board, nor anything that may come onto it, changed
        self._loading = True
        ctx = self.ctx

        def job() -> tuple[list[BoardRow], Settings, frozenset[int] | None]:
            return (*board_and_settings(ctx, only), only)

        try:
            self.tasks.run(job, self._loaded, self._load_failed)
        except RuntimeError:
            # The task runner is shut down: the window is closing; nothing to load.
            self._loading = False

    def _loaded(self, result: object) -> None:
        if not shiboken6.isValid(self):
            return
        self._loading = False
        rows, settings, only = cast(tuple[list[BoardRow], Settings, frozenset[int] | None], result)
        self.model.set_settings(settings)
        count_before = self.model.rowCount()
        self.model.set_rows(rows, self.ctx.clock.now(), only=only)
        self._read_all = False
        if self.model.rowCount() != count_before or not self._loaded_once:
            self._fit_columns()
        self._loaded_once = True
        self.error_label.hide()
        self.empty_label.setText(self.tr("Geen lopende bezoeken waarvoor u buddy bent."))
        self.content_stack.setCurrentWidget(
            self.table_page if self.model.rowCount() else self.empty_page
        )
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)
        self._update_banner(self.ctx.clock.now())
        self._update_buttons()
        self.refreshed.emit()
        self._read_pending()

    def _read_pending(self) -> None:
        """The read asked for while the last one ran (those visits, or everything)."""
        if not self._folded.asked:
            return
        pending = self._folded.take()
        if pending is None:
            self.refresh()
        elif not self.hub.offline:
            self._read(pending)

    def _presence_changed(self, snapshot: object) -> None:
        if isinstance(snapshot, PresenceSnapshot) and shiboken6.isValid(self):
            self.model.set_presence(snapshot, self.ctx.clock.now())

    def _load_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._loading = False
        message = failure_text(error)
        self.error_label.setText(
            self.tr("Het buddybord kon niet worden geladen: {message}").format(message=message)
        )
        self.error_label.show()
        self._read_all = True  # what this read was for is not shown: everything, next
        self._read_pending()

    def _fit_columns(self) -> None:
        """Column widths that do not move while countdowns tick (no jitter).

        Measured in bold (alarm rows are bold): status and countdown by their widest
        possible text, the other columns by the loaded rows; the address takes the rest.
        On a narrow board (a small screen) the titles wrap onto two lines, so that the
        address keeps room to be read.
        """
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        samples: dict[BoardColumn, list[str]] = {
            BoardColumn.STATUS: [self.model.status_label(status) for status in BoardStatus],
            BoardColumn.COUNTDOWN: [
                self.tr("over {}").format("88:88:88"),
                self.tr("{} te laat").format("88:88:88"),
            ],
            BoardColumn.VISITOR: [],
            BoardColumn.LEVEL: [],
            BoardColumn.EXPECTED_RETURN: ["88:88"],
            BoardColumn.VISIT_STATE: [],
            BoardColumn.WATCHER: [],
        }
        for column in (
            BoardColumn.VISITOR,
            BoardColumn.LEVEL,
            BoardColumn.VISIT_STATE,
            BoardColumn.WATCHER,
        ):
            samples[column] = list(
                {str(self.model.index(r, column).data()) for r in range(self.model.rowCount())}
            )
        # The watcher line changes with presence: room for the longest it can say.
        samples[BoardColumn.WATCHER].append(self.model.widest_watch_text())
        header = self.table.horizontalHeader()
        header_metrics = QFontMetrics(header.font())
        widths: dict[BoardColumn, tuple[int, int]] = {}  # (title on one line, wrapped)
        for column, texts in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            cells = max((metrics.horizontalAdvance(text) for text in texts), default=0)
            word = max(header_metrics.horizontalAdvance(w) for w in title.split() or [""])
            widths[column] = (max(cells, header_metrics.horizontalAdvance(title)), max(cells, word))
        # A narrow board (a small screen) keeps room for the address: the titles wrap.
        address = metrics.horizontalAdvance("x" * ADDRESS_CHARS)
        room = self.table.viewport().width()
        wrap = sum(one for one, _ in widths.values()) + 24 * len(widths) + address > room
        for column, (one_line, wrapped) in widths.items():
            header.resizeSection(column, (wrapped if wrap else one_line) + 24)
        if wrap != self._titles_wrap:
            self._titles_wrap = wrap
            alignment = Qt.AlignmentFlag.AlignCenter
            if wrap:
                alignment |= Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value)
            header.setDefaultAlignment(alignment)
            header.setMinimumHeight(2 * header_metrics.height() + 8 if wrap else 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The table's own size, not the page's: a hidden tab gets its sizes when shown.
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    # ---- every second --------------------------------------------------------------
    def tick(self) -> None:
        """Recompute countdowns and statuses at ``ctx.clock.now()``; no store access."""
        now = self.ctx.clock.now()
        _set_text(
            self.now_label,
            self.tr("Het is nu {time}").format(time=to_local(now).strftime("%H:%M:%S")),
        )
        self.model.tick(now)
        self._update_banner(now)

    def _update_banner(self, now: datetime) -> None:
        # Widgets are only touched when something changes (this runs every second).
        alarms = self.model.rows_with(BoardStatus.ALARM)
        count = len(alarms)
        if count:
            if count == 1:
                head = self.tr("⚠ 1 bezoek in alarm")
            else:
                head = self.tr("⚠ {count} bezoeken in alarm").format(count=count)
            names = ", ".join(f"{r.visitor_name} ({r.address_short})" for r in alarms[:3])
            if count > 3:
                names += self.tr(" en nog {more}").format(more=count - 3)
            _set_text(
                self.alarm_banner,
                self.tr(
                    "{head}: {names}. Bel nu; geen gehoor? Bel de leidinggevende en de politie."
                ).format(head=head, names=names),
            )
            appeared = self.alarm_banner.isHidden()
            if appeared:
                self.alarm_banner.show()
            if count > self._alarm_count:
                QApplication.alert(self.window())
            # Heard when the board is on screen (the alarm panel speaks on every tab).
            if (appeared or count > self._alarm_count) and self.alarm_banner.isVisible():
                announce(self.alarm_banner, self.alarm_banner.text())
        elif not self.alarm_banner.isHidden():
            self.alarm_banner.hide()
        self._alarm_count = count
        rows = self.model.rowCount()
        if self._loaded_once:
            if rows == 1:
                summary = self.tr("1 lopend bezoek")
            else:
                summary = self.tr("{count} lopende bezoeken").format(count=rows)
            _set_text(self.summary_label, summary)

    # ---- calling -------------------------------------------------------------------
    def selected_row(self) -> BoardRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row())

    def call_selected(self) -> None:
        """Open the call dialog for the selected visit (Bellen, Enter, double-click)."""
        row = self.selected_row()
        if row is None:
            return
        if not row.may_call:
            self.error_label.setText(
                self.tr(
                    "U bent niet de buddy van dit bezoek: {buddy} belt. "
                    "Alleen de buddy of een leidinggevende legt het gesprek vast."
                ).format(buddy=row.buddy_name)
            )
            self.error_label.show()
            return
        self.error_label.hide()
        self.open_call(row.visit_id, self._callback_for(row))

    def _callback_for(self, row: BoardRow) -> int | None:
        """The call-back this call answers: the next one when it is due (or nearly)."""
        if row.next_callback_due is None:
            return None
        if row.next_callback_due - self.ctx.clock.now() <= retry_time(self.model.settings):
            return row.next_callback_id
        return None

    def _call_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.call_selected()

    def open_call(self, visit_id: int, callback_id: int | None) -> None:
        """Open the call dialog for a visit (window-modal, without a nested event loop);
        what it shows is read first, on the task runner."""
        current = self.call_dialog
        if current is not None and shiboken6.isValid(current) and current.isVisible():
            if current.visit_id != visit_id:
                self.hub.status_message.emit(self.tr("Rond eerst het lopende belgesprek af."))
            current.raise_()
            current.activateWindow()
            return
        if self._call_loading is not None:
            return  # the dialog is about to open
        self._call_loading = visit_id
        ctx = self.ctx
        try:
            self.tasks.run(
                lambda: load_call(ctx, visit_id),
                lambda call: self._open_loaded_call(cast(CallData, call), callback_id),
                self._call_load_failed,
                owner=self,
            )
        except RuntimeError:  # the window is closing
            self._call_loading = None

    def _open_loaded_call(self, call: CallData, callback_id: int | None) -> None:
        self._call_loading = None
        dialog = CallDialog(self.ctx, call, callback_id, self.hub, self.tasks, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(self._call_finished)
        # After the call: back in the board, on the visits (the alarm button that may
        # have opened the call can be gone by then).
        return_focus(dialog, self.table)
        self.call_dialog = dialog
        dialog.open()

    def _call_load_failed(self, error: BaseException) -> None:
        self._call_loading = None
        self.error_label.setText(failure_text(error))
        self.error_label.show()

    def _call_finished(self, _result: int) -> None:
        dialog = self.call_dialog
        self.call_dialog = None
        if dialog is not None:
            dialog.deleteLater()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.call_button.setEnabled(row is not None and row.may_call)
        if row is not None and not row.may_call:
            self.call_button.setToolTip(
                self.tr("Alleen de buddy ({buddy}) of een leidinggevende belt dit bezoek.").format(
                    buddy=row.buddy_name
                )
            )
        else:
            self.call_button.setToolTip(
                self.tr("Open het belscherm voor het gekozen bezoek (Enter)")
            )

    def shutdown(self) -> None:
        """Stop the second timer (the workspace calls this before it goes away)."""
        self.timer.stop()
