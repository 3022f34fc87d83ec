"""The incident dialog's evidence tab: attachments kept encrypted with the incident."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from ..domain.clock import to_local
from ..domain.errors import ValidationError
from ..domain.incident import MAX_ATTACHMENT_BYTES, format_size
from ..services import incidents
from ..services.incidents import IncidentDetail
from .forms_generated.ui_incident_dialog import Ui_IncidentDialogForm
from .incident_host import IncidentHost, checked
from .incident_times import instant

ID_ROLE = Qt.ItemDataRole.UserRole


class IncidentEvidenceTab(QObject):
    def __init__(self, host: IncidentHost, ui: Ui_IncidentDialogForm, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.form = parent
        self.attachment_list = ui.attachmentList
        self.captured_edit = ui.capturedEdit
        self.add_attachment_button = ui.addAttachmentButton
        self.save_attachment_button = ui.saveAttachmentButton
        self.remove_attachment_button = ui.removeAttachmentButton
        self.add_attachment_button.clicked.connect(self.add_attachment)
        self.save_attachment_button.clicked.connect(self.save_attachment)
        self.remove_attachment_button.clicked.connect(self.remove_attachment)
        self.attachment_list.currentRowChanged.connect(lambda _r: self.update_buttons())

    def update_buttons(self) -> None:
        selected = self.attachment_list.currentItem() is not None
        self.save_attachment_button.setEnabled(selected)
        self.remove_attachment_button.setEnabled(selected)

    def show(self, detail: IncidentDetail) -> None:
        self.attachment_list.clear()
        for info in detail.attachments:
            item = QListWidgetItem(
                self.tr("{name} — {moment} — {size}").format(
                    name=info.filename,
                    moment=to_local(info.captured_at).strftime("%d-%m-%Y %H:%M"),
                    size=format_size(info.size),
                )
            )
            item.setData(ID_ROLE, info.id)
            self.attachment_list.addItem(item)
        self.update_buttons()

    def add_attachment(self) -> None:
        host = self.host
        if host.incident_id is None:
            return
        path_text = host.choose_open_path(self._dialog(), self.tr("Bewijsstuk kiezen"))
        if not path_text:
            return
        path = Path(path_text)
        ctx, incident_id = host.ctx, host.incident_id
        captured_at = checked(host, lambda: instant(self.captured_edit, "Datum en tijd bijlage"))
        if captured_at is None:
            return
        content = checked(host, lambda: _read_file(path))
        if content is None:
            return

        def added(_result: object) -> None:
            host.say(self.tr("Bijlage versleuteld opgeslagen."))
            host.announce_change(incident_id)

        host.run(
            lambda: incidents.add_attachment(
                ctx, incident_id, filename=path.name, content=content, captured_at=captured_at
            ),
            added,
        )

    def _selected_attachment(self) -> int | None:
        item = self.attachment_list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def save_attachment(self) -> None:
        attachment_id = self._selected_attachment()
        if attachment_id is None:
            return
        host, ctx = self.host, self.host.ctx
        host.read(lambda: incidents.attachment_content(ctx, attachment_id), self._got)

    def _got(self, result: object) -> None:
        """The attachment, read on the task runner: written where the person chooses."""
        name, content = cast(tuple[str, bytes], result)
        path = self.host.choose_save_path(self._dialog(), self.tr("Bijlage opslaan als"), name, "")
        if path:
            self.host.write(path, content)

    def remove_attachment(self) -> None:
        attachment_id = self._selected_attachment()
        host = self.host
        if attachment_id is None or host.incident_id is None:
            return
        ctx = host.ctx
        host.run(
            lambda: incidents.remove_attachment(ctx, attachment_id),
            lambda _result: host.say(self.tr("Bijlage verwijderd.")),
        )

    def _dialog(self) -> QWidget:
        """The parent of the file choosers: the dialog (as before the tabs were split)."""
        return self.form.window()


def _read_file(path: Path) -> bytes:
    """The chosen file (refused before reading when it is too big)."""
    try:
        size = path.stat().st_size
    except OSError:
        raise ValidationError("Bijlage", "het bestand kan niet worden gelezen.") from None
    if size > MAX_ATTACHMENT_BYTES:  # refuse before reading a huge file
        _too_big(path.name, size)
    try:
        return path.read_bytes()
    except OSError:
        raise ValidationError("Bijlage", "het bestand kan niet worden gelezen.") from None


def _too_big(name: str, size: int) -> None:
    raise ValidationError(
        "Bijlage",
        f"'{name}' is {format_size(size)}; een bijlage mag hoogstens "
        f"{format_size(MAX_ATTACHMENT_BYTES)} zijn. Maak de schermafbeelding kleiner "
        "of sla alleen het relevante deel op.",
    )
