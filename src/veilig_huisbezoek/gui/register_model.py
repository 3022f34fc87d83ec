"""A thin Qt table model over the register entries the service layer returns."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..domain.register import NoteStatus
from ..services.register import RegisterEntry
from .i18n import domain_text
from .table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole

COLUMN_STATUS = 0
COLUMN_ADDRESS = 1
COLUMN_CATEGORY = 2
COLUMN_INCIDENT = 3
COLUMN_REVIEW = 4
COLUMN_AUTHOR = 5

# Soft backgrounds with dark text; the meaning is always also in the text.
_OVERDUE_BACKGROUND = QColor("#fff0c2")
_PROPOSED_BACKGROUND = QColor("#e3eefc")
_DARK_TEXT = QColor("#1a1a1a")


def date_text(value: object) -> str:
    """A date as the app shows it everywhere: dd-mm-jjjj."""
    return value.strftime("%d-%m-%Y") if isinstance(value, date) else ""


class RegisterTableModel(RowTableModel[RegisterEntry]):
    """Columns: Status, Adres, Categorie, Datum incident, Herbeoordelen vóór, Auteur."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Status"),
            self.tr("Adres"),
            self.tr("Categorie"),
            self.tr("Datum incident"),
            self.tr("Herbeoordelen vóór"),
            self.tr("Auteur"),
        )

    # ---- content ----------------------------------------------------------------
    def set_entries(self, entries: list[RegisterEntry]) -> None:
        self.replace_rows(entries)

    def entry(self, row: int) -> RegisterEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, note_id: int) -> int | None:
        for row, entry in enumerate(self._rows):
            if entry.id == note_id:
                return row
        return None

    def status_text(self, entry: RegisterEntry) -> str:
        status = entry.note.status
        if status is NoteStatus.ACTIEF:
            return self.tr("Actief") if entry.warns else self.tr("Verlopen")
        return {
            NoteStatus.VOORGESTELD: self.tr("Voorgesteld"),
            NoteStatus.AFGEWEZEN: self.tr("Afgewezen"),
            NoteStatus.INGETROKKEN: self.tr("Ingetrokken"),
        }[status]

    def review_text(self, entry: RegisterEntry) -> str:
        due = entry.note.review_due
        if entry.note.status is not NoteStatus.ACTIEF or due is None:
            return ""
        if entry.review_overdue:
            return self.tr("{date} – te laat").format(date=date_text(due))
        return date_text(due)

    def _text(self, entry: RegisterEntry, column: int) -> str:
        note = entry.note
        if column == COLUMN_STATUS:
            return self.status_text(entry)
        if column == COLUMN_ADDRESS:
            return note.address.one_line()
        if column == COLUMN_CATEGORY:
            return domain_text(note.category.label)
        if column == COLUMN_INCIDENT:
            return date_text(note.incident_date)
        if column == COLUMN_REVIEW:
            return self.review_text(entry)
        if column == COLUMN_AUTHOR:
            return entry.author
        return ""

    def _accessible(self, entry: RegisterEntry, column: int) -> str:
        text = self._text(entry, column)
        if column == COLUMN_REVIEW and entry.review_overdue:
            return self.tr("Herbeoordeling te laat, was vóór {date}").format(
                date=date_text(entry.note.review_due)
            )
        if column == COLUMN_STATUS and entry.note.status is NoteStatus.VOORGESTELD:
            return self.tr("Voorgesteld, wacht op goedkeuring")
        if column == COLUMN_STATUS and entry.expired:
            return self.tr("Verlopen, waarschuwt niet meer")
        return text

    # ---- Qt model API -------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            accessible = self._accessible(entry, column)
            return accessible if accessible != self._text(entry, column) else None
        if role == NOTE_ID_ROLE:
            return entry.id
        if role == Qt.ItemDataRole.BackgroundRole:
            if entry.review_overdue:
                return QBrush(_OVERDUE_BACKGROUND)
            if entry.note.status is NoteStatus.VOORGESTELD:
                return QBrush(_PROPOSED_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.review_overdue or entry.note.status is NoteStatus.VOORGESTELD:
                return QBrush(_DARK_TEXT)
            return None
        if role == Qt.ItemDataRole.FontRole and (
            (entry.review_overdue and column in (COLUMN_STATUS, COLUMN_REVIEW))
            or (entry.note.status is NoteStatus.VOORGESTELD and column == COLUMN_STATUS)
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None
