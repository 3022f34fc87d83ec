"""The register page's list and detail pane: side by side when the columns and a
readable detail pane fit, else stacked (the list above the detail)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QWidget

from .register_model import RegisterTableModel


class ListBesideDetail(QObject):
    """Arranges the list and the detail pane as the width allows."""

    def __init__(
        self, page: QWidget, splitter: QSplitter, table: QTableView, model: RegisterTableModel
    ) -> None:
        super().__init__(page)
        self._page = page
        self._splitter = splitter
        self._table = table
        self._model = model
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 460])
        self._width = -1

    def adapt(self, *, force: bool = False) -> None:
        """Side by side when the columns and a readable detail pane fit, else stacked.

        With large fonts (150 %) on a laptop screen the table would otherwise hide the
        review date behind a scroll bar.
        """
        width = self._splitter.width()
        if width <= 0 or (width == self._width and not force):
            return
        self._width = width
        header = self._table.horizontalHeader()
        columns = sum(
            max(header.sectionSizeHint(c), self._table.sizeHintForColumn(c))
            for c in range(self._model.columnCount())
        )
        table = columns + self._table.verticalScrollBar().sizeHint().width() + 4
        side = self._page.fontMetrics().averageCharWidth() * 48
        horizontal = table + side + self._splitter.handleWidth() <= width
        wanted = Qt.Orientation.Horizontal if horizontal else Qt.Orientation.Vertical
        if self._splitter.orientation() == wanted:
            return
        self._splitter.setOrientation(wanted)
        if horizontal:
            self._splitter.setSizes([table, width - table])
        else:
            # Relative weights, not a height snapshot: the splitter may not have its
            # final height yet (first show), and QSplitter scales the weights to fit.
            self._splitter.setSizes([2_000, 3_000])
