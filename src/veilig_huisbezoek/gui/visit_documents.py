"""Save a visit's announcement letter (PDF) or agenda item (.ics) where the person chooses.

Hooks for the visit pages (my_visits, visit_detail): one call from a button each. The
bytes are made in memory and written only to the path picked in the save dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..services import documents
from ..services.context import ServiceContext
from ..services.files import write_atomically
from .file_choosers import SavePathChooser, ask_save_path

# (ctx, visit id, parent, chooser) → the written file, or None when the person cancelled.
DocumentSaver = Callable[[ServiceContext, int, QWidget, SavePathChooser], Path | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitDocuments", text)


def _save(
    parent: QWidget,
    make: Callable[[], tuple[str, bytes]],
    caption: str,
    file_filter: str,
    choose: SavePathChooser,
) -> Path | None:
    """Make the document, ask where, write it; ``None`` when the person cancels.

    Errors (no permission, store trouble, disk full) propagate as UserError/StoreError/
    OSError for the calling page to show in its message line.
    """
    suggested, data = make()
    path = choose(parent, caption, suggested, file_filter)
    if not path:
        return None
    target = Path(path)
    write_atomically(target, data)  # owner-only: the letter and agenda item are personal
    return target


def save_announcement_letter(
    ctx: ServiceContext,
    visit_id: int,
    parent: QWidget,
    choose: SavePathChooser = ask_save_path,
) -> Path | None:
    from ..outputs.letter import letter_pdf

    def make() -> tuple[str, bytes]:
        letter = documents.announcement_letter(ctx, visit_id)
        return f"aankondiging-{letter.reference}.pdf", letter_pdf(letter)

    return _save(
        parent, make, _tr("Aankondigingsbrief opslaan als"), _tr("PDF-bestanden (*.pdf)"), choose
    )


def save_visit_ics(
    ctx: ServiceContext,
    visit_id: int,
    parent: QWidget,
    choose: SavePathChooser = ask_save_path,
) -> Path | None:
    from ..outputs.ics import visit_ics

    def make() -> tuple[str, bytes]:
        item = documents.agenda_item(ctx, visit_id)
        return f"huisbezoek-{visit_id}.ics", visit_ics(item)

    return _save(parent, make, _tr("Agenda-item opslaan als"), _tr("Agenda-items (*.ics)"), choose)
