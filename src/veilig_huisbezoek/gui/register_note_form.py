"""The register page's note form: proposing a new note or editing one (address,
category, incident date, description, precautions), checked as a whole."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QWidget,
)

from ..domain import register as rules
from ..domain.address import Address, format_house_number
from ..domain.errors import ValidationError, ValidationErrors
from ..domain.register import NoteCategory
from ..services import register as register_service
from ..services.context import ServiceContext
from .forms_generated.ui_register_page import Ui_RegisterPage
from .i18n import domain_text
from .look import from_qdate, to_qdate
from .register_host import RegisterHost


class RegisterNoteForm(QObject):
    def __init__(
        self, ctx: ServiceContext, host: RegisterHost, ui: Ui_RegisterPage, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._host = host
        self._note_id: int | None = None  # None while proposing a new note
        self.edit_page = ui.editPage
        self.edit_title_label = ui.editTitleLabel
        self.street_edit = ui.streetEdit
        self.number_edit = ui.numberEdit
        self.postcode_edit = ui.postcodeEdit
        self.city_edit = ui.cityEdit
        self.edit_category_combo = ui.editCategoryCombo
        self.incident_date_edit = ui.incidentDateEdit
        self.description_edit = ui.descriptionEdit
        self.precautions_edit = ui.precautionsEdit
        self.edit_error_label = ui.editErrorLabel
        self.save_button = ui.saveButton
        self.cancel_edit_button = ui.cancelEditButton
        for category in NoteCategory:
            self.edit_category_combo.addItem(domain_text(category.label))
        self.save_button.clicked.connect(self.save)

    def forget(self) -> None:
        """Back on the details: no note is being edited."""
        self._note_id = None

    def start_new(self) -> None:
        self._note_id = None
        self.edit_title_label.setText(self.tr("Nieuwe notitie voorstellen"))
        for edit in (self.street_edit, self.number_edit, self.postcode_edit, self.city_edit):
            edit.clear()
        self.edit_category_combo.setCurrentIndex(-1)
        self._set_incident_range()
        self.incident_date_edit.setDate(to_qdate(self._host.today()))
        self.description_edit.clear()
        self.precautions_edit.clear()
        self.edit_error_label.clear()
        self._host.switch_side(self.edit_page)
        self.street_edit.setFocus()

    def start_edit(self) -> None:
        entry = self._host.selected_entry()
        if entry is None:
            return
        note = entry.note
        self._note_id = entry.id
        self.edit_title_label.setText(self.tr("Notitie bewerken"))
        self.street_edit.setText(note.address.street)
        self.number_edit.setText(
            format_house_number(note.address.house_number, note.address.addition)
        )
        self.postcode_edit.setText(note.address.postcode)
        self.city_edit.setText(note.address.city)
        self.edit_category_combo.setCurrentIndex(list(NoteCategory).index(note.category))
        self._set_incident_range()
        self.incident_date_edit.setDate(to_qdate(note.incident_date))
        self.description_edit.setPlainText(note.description)
        self.precautions_edit.setPlainText(note.precautions)
        self.edit_error_label.clear()
        self._host.switch_side(self.edit_page)
        self.street_edit.setFocus()

    def _set_incident_range(self) -> None:
        today = self._host.today()
        self.incident_date_edit.setMaximumDate(to_qdate(today))
        self.incident_date_edit.setMinimumDate(
            to_qdate(rules.add_months(today, -12 * rules.MAX_INCIDENT_AGE_YEARS))
        )

    def save(self) -> None:
        ctx, note_id = self._ctx, self._note_id
        street, number = self.street_edit.text(), self.number_edit.text()
        postcode, city = self.postcode_edit.text(), self.city_edit.text()
        chosen = self.edit_category_combo.currentIndex()
        category = list(NoteCategory)[chosen].value if chosen >= 0 else ""
        incident = from_qdate(self.incident_date_edit.date())
        description = self.description_edit.toPlainText()
        precautions = self.precautions_edit.toPlainText()
        self.edit_error_label.clear()

        def job() -> tuple[Address, bool]:
            """The address, and whether the edit waits as a proposal beside a note that
            keeps warning as it was."""
            address = _checked_address(
                ctx, street, number, postcode, city, category, incident, description, precautions
            )
            if note_id is None:
                register_service.propose_note(
                    ctx,
                    address=address,
                    category=category,
                    incident_date=incident,
                    description=description,
                    precautions=precautions,
                )
                return address, False
            holder = register_service.edit_note(
                ctx,
                note_id,
                address=address,
                category=category,
                incident_date=incident,
                description=description,
                precautions=precautions,
            )
            return address, holder != note_id

        def text(result: object) -> str:
            assert isinstance(result, tuple)
            address, beside = result
            where = address.one_line() if isinstance(address, Address) else ""
            if note_id is None:
                return self.tr(
                    "Notitie voorgesteld voor {address}. Een leidinggevende beoordeelt haar."
                ).format(address=where)
            if beside:
                return self.tr(
                    "Bewerking opgeslagen als voorstel ({address}). De notitie blijft "
                    "waarschuwen zoals ze was, tot een andere leidinggevende de bewerking "
                    "goedkeurt."
                ).format(address=where)
            return self.tr(
                "Voorstel bijgewerkt: {address}. Een andere leidinggevende keurt het goed."
            ).format(address=where)

        self._host.act(job, text, self._save_failed)

    def _save_failed(self, text: str) -> None:
        self.edit_error_label.setText(text)
        fields = {
            "Straat": self.street_edit,
            "Huisnummer": self.number_edit,
            "Postcode": self.postcode_edit,
            "Plaats": self.city_edit,
            "Categorie": self.edit_category_combo,
            "Datum incident": self.incident_date_edit,
            "Omschrijving": self.description_edit,
            "Voorzorgsmaatregelen": self.precautions_edit,
        }
        for line in text.splitlines():
            field = line.split(":", 1)[0]
            if field in fields:
                fields[field].setFocus()
                break


def _checked_address(
    ctx: ServiceContext,
    street: str,
    number: str,
    postcode: str,
    city: str,
    category: str,
    incident: date,
    description: str,
    precautions: str,
) -> Address:
    """Validate the whole form at once so every problem is reported together."""
    errors: list[ValidationError] = []
    address: Address | None = None
    try:
        address = Address.create(street, number, postcode, city)
    except ValidationErrors as exc:
        errors += exc.errors
    try:
        rules.new_note(
            address=address or Address("", 1, "", "", ""),
            category=category,
            incident_date=incident,
            description=description,
            precautions=precautions,
            author_id=ctx.actor.account_id,
            now=ctx.now(),
        )
    except ValidationErrors as exc:
        errors += exc.errors
    if errors or address is None:
        raise ValidationErrors(errors)
    return address
