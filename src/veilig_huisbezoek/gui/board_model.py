"""The buddy board's table model: rows sorted by urgency, live countdowns.

``set_rows`` merges a fresh load from the store by visit id (removals, in-place
updates, insertions), ``tick`` recomputes status and countdown from a given instant.
Neither ever resets the model, so selection, current row and scroll position survive;
the order changes only through ``layoutAboutToBeChanged``/``layoutChanged`` with the
persistent indexes moved along.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.board import (
    BoardStatus,
    UrgencyKey,
    board_status,
    format_countdown,
    urgency_key,
)
from ..domain.checklist import RiskLevel
from ..domain.clock import to_local
from ..domain.phone import format_phone
from ..domain.presence import PresenceSnapshot
from ..domain.settings import Settings
from ..services.board import BoardRow
from .i18n import domain_text

Index = QModelIndex | QPersistentModelIndex
_Role = Qt.ItemDataRole


class BoardColumn(IntEnum):
    STATUS = 0
    VISITOR = 1
    ADDRESS = 2
    LEVEL = 3
    COUNTDOWN = 4
    EXPECTED_RETURN = 5
    VISIT_STATE = 6
    WATCHER = 7  # "Ahmed kijkt mee" / "⚠ niemand kijkt mee sinds 14:02"


VISIT_ID_ROLE = int(_Role.UserRole) + 1
CALLBACK_ID_ROLE = int(_Role.UserRole) + 2
BOARD_STATUS_ROLE = int(_Role.UserRole) + 3
MAY_CALL_ROLE = int(_Role.UserRole) + 4

# Status colours: (background, text). Never the only signal: every status also has
# a symbol and a word.
_STATUS_COLOURS = {
    BoardStatus.ALARM: ("#b71c1c", "#ffffff"),
    BoardStatus.BEHIND: ("#ff8f00", "#000000"),
    BoardStatus.NU_BELLEN: ("#ffe45c", "#000000"),
    BoardStatus.OP_SCHEMA: ("#d7ecd9", "#14401a"),
}
_ALARM_ROW_COLOURS = _STATUS_COLOURS[BoardStatus.ALARM]
# Nobody watches: amber, bold and a ⚠ in the text (never colour alone).
UNWATCHED_COLOURS = ("#ffd8a8", "#000000")
UNWATCHED_SYMBOL = "⚠"


@dataclass
class _Entry:
    row: BoardRow
    status: BoardStatus
    countdown: str
    key: UrgencyKey
    watch: str = ""  # the watcher line (display text)
    unwatched: bool = False


class BoardModel(QAbstractTableModel):
    """Rows of the buddy board. Times come in through ``set_rows``/``tick``, never read."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self._entries: list[_Entry] = []
        self._presence = PresenceSnapshot()
        self._me: int | None = None
        # Grace and retry times: the organisation settings (defaults until read).
        self._settings = settings if settings is not None else Settings()
        self._order_dirty = False
        self._headers = (
            self.tr("Status"),
            self.tr("Bezoeker"),
            self.tr("Adres"),
            self.tr("Niveau"),
            self.tr("Volgend belmoment"),
            self.tr("Verwacht terug"),
            self.tr("Status bezoek"),
            self.tr("Buddy"),
        )
        self._status_text = {
            BoardStatus.ALARM: self.tr("⚠ ALARM"),
            BoardStatus.BEHIND: self.tr("◷ te laat"),
            BoardStatus.NU_BELLEN: self.tr("☎ nu bellen"),
            BoardStatus.OP_SCHEMA: self.tr("✓ op schema"),
        }
        self._status_accessible = {
            BoardStatus.ALARM: self.tr("Alarm"),
            BoardStatus.BEHIND: self.tr("Te laat"),
            BoardStatus.NU_BELLEN: self.tr("Nu bellen"),
            BoardStatus.OP_SCHEMA: self.tr("Op schema"),
        }
        self._status_tip = {
            BoardStatus.ALARM: self.tr(
                "Alarm: de verwachte terugkomst plus uitlooptijd is verstreken of het bezoek "
                "is geëscaleerd. Bel nu; geen gehoor: bel de leidinggevende en de politie."
            ),
            BoardStatus.BEHIND: self.tr(
                "Te laat: de bezoeker is niet op tijd terug, of het belmoment is al langer "
                "dan de herhaaltijd voorbij. Bel nu."
            ),
            BoardStatus.NU_BELLEN: self.tr("Nu bellen: het belmoment is aangebroken."),
            BoardStatus.OP_SCHEMA: self.tr("Op schema: er hoeft nu niet gebeld te worden."),
        }
        self._level_text = {
            RiskLevel.GROEN: self.tr("● groen"),
            RiskLevel.ORANJE: self.tr("▲ oranje"),
            RiskLevel.ROOD: self.tr("■ rood"),
        }
        self._ahead = self.tr("over {}")
        self._due_now = self.tr("nu")
        self._past_due = self.tr("{} te laat")
        self._no_callback = self.tr("—")
        self._brushes = {
            status: (QBrush(QColor(bg)), QBrush(QColor(fg)))
            for status, (bg, fg) in _STATUS_COLOURS.items()
        }
        self._unwatched_brushes = (
            QBrush(QColor(UNWATCHED_COLOURS[0])),
            QBrush(QColor(UNWATCHED_COLOURS[1])),
        )
        self._bold = QFont()
        self._bold.setBold(True)

    # ---- feeding -------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self._settings

    def set_settings(self, settings: Settings) -> None:
        """The organisation settings (grace and retry times); applied at next tick."""
        self._settings = settings

    def set_viewer(self, account_id: int) -> None:
        """Whose board this is: their own buddy rows say "u kijkt mee"."""
        self._me = account_id

    def set_presence(self, snapshot: PresenceSnapshot, now: datetime) -> None:
        """A fresh presence read (gui/presence.py); the watcher lines follow at ``now``."""
        self._presence = snapshot
        self.tick(now)

    def watch_text(self, row: BoardRow, now: datetime) -> tuple[str, bool]:
        """The watcher line of a row and whether nobody watches (docs/design.md §4a)."""
        if self._me is not None and row.buddy_id == self._me:
            return self.tr("u kijkt mee"), False
        watch = self._presence.watch(row.state, row.start_at or now, row.buddy_id, now)
        if watch is None:
            return row.buddy_name, False  # not read yet: just the name
        if watch.watched:
            name = row.buddy_first_name or row.buddy_name
            return self.tr("{name} kijkt mee").format(name=name), False
        assert watch.since is not None
        text = self.tr("niemand kijkt mee sinds {time}").format(
            time=to_local(watch.since).strftime("%H:%M")
        )
        return text, True

    def widest_watch_text(self) -> str:
        """The longest watcher line (its column keeps room for it)."""
        unwatched = self.tr("niemand kijkt mee sinds {time}").format(time="88:88")
        return f"{UNWATCHED_SYMBOL} {unwatched}"

    def set_rows(
        self, rows: Sequence[BoardRow], now: datetime, *, only: Set[int] | None = None
    ) -> None:
        """Merge a fresh load by visit id; no model reset. ``only``: the load read these
        visits only (``rows`` those still on the board); the other rows stay."""
        if only is not None:
            rows = [e.row for e in self._entries if e.row.visit_id not in only] + list(rows)
        fresh = {row.visit_id: row for row in rows}
        for position in range(len(self._entries) - 1, -1, -1):
            if self._entries[position].row.visit_id not in fresh:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._entries[position]
                self.endRemoveRows()
        last_column = len(BoardColumn) - 1
        for position, entry in enumerate(self._entries):
            row = fresh[entry.row.visit_id]
            if row != entry.row:
                self._entries[position] = self._entry(row, now)
                self._order_dirty = True
                self.dataChanged.emit(
                    self.index(position, 0), self.index(position, last_column), []
                )
        known = {entry.row.visit_id for entry in self._entries}
        added = [self._entry(row, now) for row in rows if row.visit_id not in known]
        if added:
            first = len(self._entries)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._entries.extend(added)
            self.endInsertRows()
            self._order_dirty = True
        self.tick(now)

    def tick(self, now: datetime) -> bool:
        """Recompute status and countdown at ``now``; True when the order changed.

        Emits ``dataChanged`` for the countdown cells whose text changed and, for rows
        whose status changed, for the whole row (the row colour follows the status).
        """
        first_changed = last_changed = -1
        status_changed: list[int] = []
        watch_changed: list[int] = []
        for position, entry in enumerate(self._entries):
            status = self._status(entry.row, now)
            countdown = self._countdown(entry.row, now)
            watch, unwatched = self.watch_text(entry.row, now)
            if (watch, unwatched) != (entry.watch, entry.unwatched):
                entry.watch, entry.unwatched = watch, unwatched
                watch_changed.append(position)
            if status is not entry.status:
                entry.status = status
                entry.key = self._key(entry.row, status)
                status_changed.append(position)
            if countdown != entry.countdown:
                entry.countdown = countdown
                if first_changed < 0:
                    first_changed = position
                last_changed = position
        if first_changed >= 0:
            self.dataChanged.emit(
                self.index(first_changed, BoardColumn.COUNTDOWN),
                self.index(last_changed, BoardColumn.COUNTDOWN),
                [_Role.DisplayRole, _Role.AccessibleTextRole],
            )
        for position in watch_changed:
            cell = self.index(position, BoardColumn.WATCHER)
            self.dataChanged.emit(cell, cell, [])
        last_column = len(BoardColumn) - 1
        for position in status_changed:
            self.dataChanged.emit(self.index(position, 0), self.index(position, last_column), [])
        if status_changed or self._order_dirty:
            self._order_dirty = False
            return self._sort_if_needed()
        return False

    # ---- reading -------------------------------------------------------------------
    def row_at(self, position: int) -> BoardRow:
        return self._entries[position].row

    def status_at(self, position: int) -> BoardStatus:
        return self._entries[position].status

    def visit_ids(self) -> frozenset[int]:
        """The visits on the board."""
        return frozenset(entry.row.visit_id for entry in self._entries)

    def position_of(self, visit_id: int) -> int:
        """Row of ``visit_id`` or -1."""
        for position, entry in enumerate(self._entries):
            if entry.row.visit_id == visit_id:
                return position
        return -1

    def rows_with(self, status: BoardStatus) -> list[BoardRow]:
        return [entry.row for entry in self._entries if entry.status is status]

    def status_label(self, status: BoardStatus) -> str:
        return self._status_text[status]

    # ---- Qt model interface --------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BoardColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _Role.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role in (_Role.DisplayRole, _Role.AccessibleTextRole):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = _Role.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        position, column = index.row(), index.column()
        if not 0 <= position < len(self._entries) or not 0 <= column < len(BoardColumn):
            return None
        entry = self._entries[position]
        if role == _Role.DisplayRole:
            return self._display(entry, BoardColumn(column))
        if role == _Role.AccessibleTextRole:
            if column == BoardColumn.STATUS:
                return self._status_accessible[entry.status]
            if column == BoardColumn.WATCHER:
                return entry.watch  # the words, without the symbol
            return self._display(entry, BoardColumn(column))
        if role == _Role.ToolTipRole:
            return self._tooltip(entry, BoardColumn(column))
        unwatched_cell = column == BoardColumn.WATCHER and entry.unwatched
        if role == _Role.BackgroundRole:
            if entry.status is BoardStatus.ALARM or column == BoardColumn.STATUS:
                return self._brushes[entry.status][0]
            return self._unwatched_brushes[0] if unwatched_cell else None
        if role == _Role.ForegroundRole:
            if entry.status is BoardStatus.ALARM or column == BoardColumn.STATUS:
                return self._brushes[entry.status][1]
            return self._unwatched_brushes[1] if unwatched_cell else None
        if role == _Role.FontRole:
            if unwatched_cell:
                return self._bold
            urgent = entry.status is not BoardStatus.OP_SCHEMA
            if entry.status is BoardStatus.ALARM or (urgent and column == BoardColumn.STATUS):
                return self._bold
            return None
        if role == _Role.TextAlignmentRole:
            if column in (BoardColumn.COUNTDOWN, BoardColumn.EXPECTED_RETURN):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == VISIT_ID_ROLE:
            return entry.row.visit_id
        if role == CALLBACK_ID_ROLE:
            return entry.row.next_callback_id
        if role == BOARD_STATUS_ROLE:
            return entry.status.value
        if role == MAY_CALL_ROLE:
            return entry.row.may_call
        return None

    # ---- helpers -------------------------------------------------------------------
    def _display(self, entry: _Entry, column: BoardColumn) -> str:
        row = entry.row
        if column is BoardColumn.STATUS:
            return self._status_text[entry.status]
        if column is BoardColumn.VISITOR:
            return row.visitor_name
        if column is BoardColumn.ADDRESS:
            return row.address_short
        if column is BoardColumn.LEVEL:
            return self._level_text[row.level]
        if column is BoardColumn.COUNTDOWN:
            return entry.countdown
        if column is BoardColumn.EXPECTED_RETURN:
            return to_local(row.expected_return).strftime("%H:%M")
        if column is BoardColumn.WATCHER:
            return f"{UNWATCHED_SYMBOL} {entry.watch}" if entry.unwatched else entry.watch
        return domain_text(row.state.label)

    def _tooltip(self, entry: _Entry, column: BoardColumn) -> str | None:
        row = entry.row
        if column is BoardColumn.STATUS:
            return self._status_tip[entry.status]
        if column is BoardColumn.VISITOR:
            phone = format_phone(row.visitor_phone) or self.tr("onbekend")
            return self.tr("Telefoon: {phone}. Buddy: {buddy}.").format(
                phone=phone, buddy=row.buddy_name
            )
        if column is BoardColumn.COUNTDOWN:
            if row.next_callback_due is None:
                return self.tr("Geen open belmoment.")
            return self.tr("Belmoment om {time}.").format(
                time=to_local(row.next_callback_due).strftime("%H:%M")
            )
        if column is BoardColumn.EXPECTED_RETURN:
            return to_local(row.expected_return).strftime("%d-%m-%Y %H:%M")
        if column is BoardColumn.WATCHER:
            if entry.unwatched:
                return self.tr(
                    "Buddy: {buddy}. Niemand kijkt nu mee: de buddy is niet ingelogd of "
                    "de app is gestopt. Bel de buddy of neem contact op met de leidinggevende."
                ).format(buddy=row.buddy_name)
            return self.tr("Buddy: {buddy}.").format(buddy=row.buddy_name)
        return None

    def _status(self, row: BoardRow, now: datetime) -> BoardStatus:
        return board_status(
            now,
            row.next_callback_due,
            row.expected_return,
            row.state,
            self._settings,
        )

    def _countdown(self, row: BoardRow, now: datetime) -> str:
        if row.next_callback_due is None:
            return self._no_callback
        return format_countdown(
            row.next_callback_due - now, ahead=self._ahead, now=self._due_now, past=self._past_due
        )

    @staticmethod
    def _key(row: BoardRow, status: BoardStatus) -> UrgencyKey:
        return urgency_key(status, row.next_callback_due, row.expected_return, row.visit_id)

    def _entry(self, row: BoardRow, now: datetime) -> _Entry:
        status = self._status(row, now)
        watch, unwatched = self.watch_text(row, now)
        return _Entry(
            row, status, self._countdown(row, now), self._key(row, status), watch, unwatched
        )

    def _sort_if_needed(self) -> bool:
        order = sorted(range(len(self._entries)), key=lambda i: self._entries[i].key)
        if all(old == new for new, old in enumerate(order)):
            return False
        self.layoutAboutToBeChanged.emit()
        new_position = {old: new for new, old in enumerate(order)}
        self._entries = [self._entries[i] for i in order]
        old_indexes = self.persistentIndexList()
        new_indexes = [
            self.index(new_position[index.row()], index.column()) for index in old_indexes
        ]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()
        return True
