"""A thin Qt table model over the service layer's visit summaries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..domain.clock import to_local
from ..services.visits import VisitSummary

_HEADERS = ("Bezoeker", "Adres", "Niveau", "Status", "Start", "Verwacht terug")
_LEVEL_MARK = {"groen": "● groen", "oranje": "▲ oranje", "rood": "■ rood"}

Index = QModelIndex | QPersistentModelIndex


class VisitTableModel(QAbstractTableModel):
    def __init__(self, names: dict[int, str]) -> None:
        super().__init__()
        self._names = names
        self._rows: list[VisitSummary] = []

    def set_visits(self, visits: list[VisitSummary]) -> None:
        self.beginResetModel()
        self._rows = list(visits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_HEADERS)
        ):
            return _HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        visit = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return self._names.get(visit.visitor_id, "?")
        if column == 1:
            return visit.address.one_line()
        if column == 2:
            return _LEVEL_MARK[visit.level.value]
        if column == 3:
            return visit.state.label
        if column == 4:
            return to_local(visit.start).strftime("%d-%m-%Y %H:%M")
        if column == 5:
            return to_local(visit.expected_return).strftime("%H:%M")
        return None
