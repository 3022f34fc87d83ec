"""The incident dialog's note tab: the proposed note for the unsafe-address register,
prefilled from the incident; a leidinggevende approves it before it warns colleagues."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QWidget,
)

from ..domain.address import Address
from ..domain.incident import NoteProposal
from ..domain.register import NoteCategory
from ..services import incidents
from ..services.incidents import IncidentDetail
from .forms_generated.ui_incident_dialog import Ui_IncidentDialogForm
from .i18n import domain_text
from .incident_host import IncidentHost, checked, select_data
from .look import from_qdate, to_qdate


class IncidentNoteTab(QObject):
    def __init__(self, host: IncidentHost, ui: Ui_IncidentDialogForm, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.note_street_edit = ui.noteStreetEdit
        self.note_number_edit = ui.noteNumberEdit
        self.note_postcode_edit = ui.notePostcodeEdit
        self.note_city_edit = ui.noteCityEdit
        self.note_category_combo = ui.noteCategoryCombo
        self.note_date_edit = ui.noteDateEdit
        self.note_description_edit = ui.noteDescriptionEdit
        self.note_precautions_edit = ui.notePrecautionsEdit
        self.note_status_label = ui.noteStatusLabel
        self.propose_note_button = ui.proposeNoteButton
        for note_category in NoteCategory:
            self.note_category_combo.addItem(domain_text(note_category.label), note_category.value)
        self.propose_note_button.clicked.connect(self.propose)

    def prefill(self, proposed: object) -> None:
        """The service's proposal for the filed incident, ``(proposal, address)`` read
        on the task runner with the filing (None: refused; the fields stay empty)."""
        if proposed is None:
            return
        proposal, address = cast(tuple[NoteProposal, Address | None], proposed)
        if address is not None:
            self.note_street_edit.setText(address.street)
            number = str(address.house_number)
            if address.addition:
                number += f"-{address.addition}"
            self.note_number_edit.setText(number)
            self.note_postcode_edit.setText(address.postcode)
            self.note_city_edit.setText(address.city)
        select_data(self.note_category_combo, proposal.category.value)
        self.note_date_edit.setDate(to_qdate(proposal.incident_date))
        self.note_description_edit.setPlainText(proposal.description)
        self.note_precautions_edit.setPlainText(proposal.precautions)

    def show(self, detail: IncidentDetail) -> None:
        proposed = detail.note_id is not None
        self.propose_note_button.setEnabled(not proposed)
        if not proposed:
            self.note_status_label.setText(self.tr("Nog geen notitie voorgesteld."))
        elif detail.note_status is None:
            self.note_status_label.setText(self.tr("De notitie is inmiddels verwijderd."))
        else:
            self.note_status_label.setText(
                self.tr("Notitie voorgesteld; status: {status}.").format(
                    status=domain_text(detail.note_status.label).lower()
                )
            )

    def propose(self) -> None:
        host = self.host
        if host.incident_id is None:
            return
        ctx, incident_id = host.ctx, host.incident_id
        address = checked(
            host,
            lambda: Address.create(
                self.note_street_edit.text(),
                self.note_number_edit.text(),
                self.note_postcode_edit.text(),
                self.note_city_edit.text(),
            ),
        )
        if address is None:
            return
        category = self.note_category_combo.currentData()
        incident_date = from_qdate(self.note_date_edit.date())
        description = self.note_description_edit.toPlainText()
        precautions = self.note_precautions_edit.toPlainText()

        def propose() -> None:
            incidents.propose_register_note(
                ctx,
                incident_id,
                address=address,
                category=category,
                incident_date=incident_date,
                description=description,
                precautions=precautions,
            )

        def proposed(_result: object) -> None:
            host.say(
                self.tr(
                    "Notitie voorgesteld: een leidinggevende keurt haar goed voordat zij "
                    "collega's waarschuwt."
                )
            )
            host.announce_change(incident_id)

        host.run(propose, proposed)
