"""Save a visit's announcement letter (PDF) or agenda item (.ics) where the person chooses.

Hooks for the visit pages (my_visits): one call from a button each. What the document
holds is read on the task runner (a store session: never on the GUI thread); the bytes
are then made in memory (a PDF is drawn by Qt, on the GUI thread) and written only to
the path picked in the save dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..services import documents
from ..services.context import ServiceContext
from ..services.files import write_atomically
from .file_choosers import SavePathChooser


@dataclass(frozen=True)
class VisitDocument:
    """A document of a visit: ``read`` its content (on the task runner), ``make`` the
    file from it (here: suggested name and bytes), saved with ``caption``/``file_filter``."""

    read: Callable[[ServiceContext, int], Any]
    make: Callable[[Any, int], tuple[str, bytes]]
    caption: str
    file_filter: str


def announcement_letter() -> VisitDocument:
    from ..outputs.letter import letter_pdf

    def make(letter: documents.AnnouncementLetter, _visit_id: int) -> tuple[str, bytes]:
        return f"aankondiging-{letter.reference}.pdf", letter_pdf(letter)

    return VisitDocument(
        documents.announcement_letter,
        make,
        QCoreApplication.translate("VisitDocuments", "Aankondigingsbrief opslaan als"),
        QCoreApplication.translate("VisitDocuments", "PDF-bestanden (*.pdf)"),
    )


def agenda_item() -> VisitDocument:
    from ..outputs.ics import visit_ics

    def make(item: documents.AgendaItem, visit_id: int) -> tuple[str, bytes]:
        return f"huisbezoek-{visit_id}.ics", visit_ics(item)

    return VisitDocument(
        documents.agenda_item,
        make,
        QCoreApplication.translate("VisitDocuments", "Agenda-item opslaan als"),
        QCoreApplication.translate("VisitDocuments", "Agenda-items (*.ics)"),
    )


def write_document(
    document: VisitDocument,
    content: object,
    visit_id: int,
    parent: QWidget,
    choose: SavePathChooser,
) -> Path | None:
    """Make the document from what was read, ask where, write it; ``None`` when the
    person cancels. Errors (a refusal, disk full) propagate as UserError/OSError for the
    calling page to show in its message line."""
    suggested, data = document.make(content, visit_id)
    path = choose(parent, document.caption, suggested, document.file_filter)
    if not path:
        return None
    target = Path(path)
    write_atomically(target, data)  # owner-only: the letter and agenda item are personal
    return target
