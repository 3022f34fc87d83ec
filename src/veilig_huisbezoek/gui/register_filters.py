"""The register page's filters (search text, status, category) and the summary line
above the list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ..domain.register import NoteCategory, NoteStatus
from .forms_generated.ui_register_page import Ui_RegisterPage
from .i18n import domain_text

# Status filter choices: (status, overdue only).
_STATUS_FILTERS: tuple[tuple[NoteStatus | None, bool], ...] = (
    (None, False),
    (NoteStatus.ACTIEF, True),
    (NoteStatus.VOORGESTELD, False),
    (NoteStatus.ACTIEF, False),
    (NoteStatus.AFGEWEZEN, False),
    (NoteStatus.INGETROKKEN, False),
)


class RegisterFilters(QObject):
    """What the list shows: the filters' choices, read as search arguments."""

    def __init__(self, ui: Ui_RegisterPage, parent: QWidget) -> None:
        super().__init__(parent)
        self.summary_label = ui.summaryLabel
        self.search_edit = ui.searchEdit
        self.status_combo = ui.statusCombo
        self.category_combo = ui.categoryCombo
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

    def values(self) -> dict[str, Any]:
        """The search's arguments (``register.search_notes``)."""
        status, overdue_only = _STATUS_FILTERS[max(self.status_combo.currentIndex(), 0)]
        return {
            "text": self.search_edit.text(),
            "status": status,
            "category": self._categories[max(self.category_combo.currentIndex(), 0)],
            "overdue_only": overdue_only,
        }

    def show_summary(self, shown: int, counts: dict[str, int] | None) -> None:
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
