"""Step 1, Adres: the address typed, its register lookup and the register warning shown
above the steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ...domain.address import Address, AddressKey, parse_house_number, parse_postcode
from ...domain.checklist import AUTO_REGISTER
from ...domain.errors import UserError, ValidationError, ValidationErrors
from ...domain.register import UnsafeAddressNote
from ...services import planning, register
from ...storage.errors import StoreError
from ..forms_generated.ui_prepare_visit import Ui_PrepareVisitForm
from ..i18n import domain_text, error_text
from ..look import ERROR_STYLE, OK_STYLE, scaled_font
from ..readout import plain_text
from .common import STEP_ADDRESS, STEP_ADVICE, WARNING_PANEL_STYLE, escape, translate

if TYPE_CHECKING:
    from .page import PrepareVisitPage


class AddressStep:
    """Street, number, postcode and city; the register is asked once per address."""

    def __init__(self, page: PrepareVisitPage, ui: Ui_PrepareVisitForm) -> None:
        self.page = page
        self.step_address_label = ui.stepAddressLabel
        self.warning_panel = ui.warningPanel
        self.warning_title = ui.warningTitleLabel
        self.warning_text = ui.warningTextLabel
        self.street_edit = ui.streetEdit
        self.number_edit = ui.numberEdit
        self.addition_edit = ui.additionEdit
        self.postcode_edit = ui.postcodeEdit
        self.city_edit = ui.cityEdit
        self.street_error = ui.streetError
        self.number_error = ui.numberError
        self.postcode_error = ui.postcodeError
        self.city_error = ui.cityError
        self.register_status = ui.registerStatusLabel
        self.notes: list[UnsafeAddressNote] = []
        self.looked_up: AddressKey | None = None
        # The register is being asked about this address (on the task runner).
        self.looking_up: AddressKey | None = None
        self.address: Address | None = None
        self.warning_panel.setStyleSheet(WARNING_PANEL_STYLE)
        self.warning_title.setFont(scaled_font(self.warning_title, 1.25))
        self.warning_title.setStyleSheet("color: #7f0000;")
        self.warning_panel.hide()
        self.warning_text.setTextFormat(Qt.TextFormat.RichText)
        self.step_address_label.setFont(scaled_font(self.step_address_label, 1.15))

    def error_labels(self) -> dict[str, QLabel]:
        return {
            "Straat": self.street_error,
            "Huisnummer": self.number_error,
            "Postcode": self.postcode_error,
            "Plaats": self.city_error,
        }

    def connect(self) -> None:
        for edit in (self.postcode_edit, self.number_edit, self.addition_edit):
            edit.textChanged.connect(self._address_key_edited)
            edit.editingFinished.connect(self._live_lookup)
        for edit in (self.street_edit, self.city_edit):
            edit.textChanged.connect(self._address_edited)

    def edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.street_edit,
            self.number_edit,
            self.addition_edit,
            self.postcode_edit,
            self.city_edit,
        )

    def _house_number_text(self) -> str:
        number = self.number_edit.text().strip()
        addition = self.addition_edit.text().strip()
        return f"{number} {addition}" if number and addition else number or addition

    def typed_key(self) -> AddressKey | None:
        try:
            postcode = parse_postcode(self.postcode_edit.text())
            number, addition = parse_house_number(self._house_number_text())
        except ValidationError:
            return None
        return AddressKey(postcode, number, addition)

    def validated_address(self) -> Address | None:
        errors = self.page.errors
        errors.clear(STEP_ADDRESS)
        try:
            address = Address.create(
                self.street_edit.text(),
                self._house_number_text(),
                self.postcode_edit.text(),
                self.city_edit.text(),
            )
        except ValidationErrors as exc:
            errors.show(exc.errors)
            first = exc.errors[0].field
            focus: QWidget = {
                "Straat": self.street_edit,
                "Huisnummer": self.number_edit,
                "Postcode": self.postcode_edit,
                "Plaats": self.city_edit,
            }.get(first, self.street_edit)
            focus.setFocus()
            return None
        self.address = address
        self.step_address_label.setText(address.one_line())
        self.page.consent_step.check_basis()
        return address

    def _address_edited(self) -> None:
        self.address = None
        self.step_address_label.clear()

    def _address_key_edited(self) -> None:
        self._address_edited()
        if self.looking_up is not None and self.typed_key() != self.looking_up:
            self.looking_up = None  # its answer is for another address
            self.set_register_result(None, [])
        if self.looked_up is not None and self.typed_key() != self.looked_up:
            self.set_register_result(None, [])

    def _live_lookup(self) -> None:
        key = self.typed_key()
        if key is not None:
            self.lookup(key)

    def lookup(self, key: AddressKey) -> None:
        """Ask the register about this address (once per address: each view is logged),
        on the task runner; the answer fills the warning and the checklist's register
        question when it comes (unless the address was changed meanwhile)."""
        if key in (self.looked_up, self.looking_up):
            return
        self.looking_up = key
        ctx = self.page.ctx
        self.register_status.setStyleSheet("")
        self.register_status.setText(
            translate("PrepareVisitPage", "Het register onveilige adressen wordt geraadpleegd…")
        )
        try:
            self.page.tasks.run(
                lambda: register.warnings_for(ctx, key),
                lambda notes: self._looked_up(key, notes),
                lambda error: self._lookup_failed(key, error),
                owner=self.page,
            )
        except RuntimeError:  # the window is closing
            self.looking_up = None

    def _looked_up(self, key: AddressKey, notes: list[UnsafeAddressNote]) -> None:
        if self.looking_up != key:
            return  # another address (or a cleared form) meanwhile
        self.looking_up = None
        self.set_register_result(key, notes)

    def _lookup_failed(self, key: AddressKey, error: BaseException) -> None:
        if self.looking_up != key:
            return
        self.looking_up = None
        if isinstance(error, UserError | StoreError):
            reason = error_text(error)
        else:
            reason = type(error).__name__
        self.set_register_result(None, [], failure=reason)

    def set_register_result(
        self, key: AddressKey | None, notes: list[UnsafeAddressNote], *, failure: str = ""
    ) -> None:
        self.looked_up = key
        self.notes = notes
        self.show_warning()
        checklist_step = self.page.checklist_step
        widget, checklist = checklist_step.widget, checklist_step.checklist
        item = checklist.auto_item(AUTO_REGISTER) if checklist else None
        if failure:
            self.register_status.setStyleSheet(ERROR_STYLE)
            self.register_status.setText(
                translate(
                    "PrepareVisitPage",
                    "⚠ Het register onveilige adressen kon niet worden geraadpleegd ({error}). "
                    "Beantwoord de registervraag in de risicocheck zelf.",
                ).format(error=failure)
            )
            if widget is not None and item is not None:
                widget.set_auto(
                    item.id,
                    None,
                    translate(
                        "PrepareVisitPage",
                        "Het register kon niet worden geraadpleegd: beantwoord deze vraag zelf.",
                    ),
                    editable=True,
                )
            return
        if key is None:
            self.register_status.clear()
            if widget is not None and item is not None:
                widget.set_auto(
                    item.id,
                    None,
                    translate(
                        "PrepareVisitPage", "Wordt automatisch ingevuld zodra het adres bekend is."
                    ),
                )
            return
        answer = planning.register_answer(notes)
        if notes:
            self.register_status.setStyleSheet(ERROR_STYLE)
            self.register_status.setText(
                translate(
                    "PrepareVisitPage",
                    "⚠ Dit adres staat in het register onveilige adressen: zie boven.",
                )
            )
            explanation = translate(
                "PrepareVisitPage",
                "⚠ Automatisch ja: er is een actieve notitie in het register "
                "(zie de waarschuwing).",
            )
        else:
            self.register_status.setStyleSheet(OK_STYLE)
            self.register_status.setText(
                translate(
                    "PrepareVisitPage",
                    "✔ Geen waarschuwing in het register onveilige adressen voor {key}.",
                ).format(key=str(key))
            )
            explanation = translate(
                "PrepareVisitPage", "Automatisch nee: geen actieve notitie in het register."
            )
        if widget is not None and item is not None:
            widget.set_auto(item.id, answer, explanation)

    def show_warning(self) -> None:
        """The register warning, in full up to the checklist, in short after it (so the
        later steps keep room on a small screen; the full text stays in the tooltip)."""
        if not self.notes:
            self.warning_panel.hide()
            self.warning_text.clear()
            return
        full, short = [], []
        for note in self.notes:
            head = translate(
                "PrepareVisitPage", "<b>{category}</b> — incident op {date} — {address}"
            ).format(
                category=escape(domain_text(note.category.label)),
                date=note.incident_date.strftime("%d-%m-%Y"),
                address=escape(note.address.one_line()),
            )
            lines = [head, escape(note.description)]
            precautions = ""
            if note.precautions:
                precautions = translate(
                    "PrepareVisitPage", "<b>Voorzorgsmaatregelen:</b> {text}"
                ).format(text=escape(note.precautions))
                lines.append(precautions)
            full.append("<br>".join(lines))
            short.append(
                translate("PrepareVisitPage", "<b>{category}</b> ({date})").format(
                    category=escape(domain_text(note.category.label)),
                    date=note.incident_date.strftime("%d-%m-%Y"),
                )
                + (f" — {precautions}" if precautions else "")
            )
        full_text = "<hr>".join(full)
        compact = self.page.current_step() >= STEP_ADVICE
        self.warning_text.setText("<br>".join(short) if compact else full_text)
        # (A rich tooltip is the label's description: ReadoutLabel makes it plain text.)
        self.warning_text.setToolTip(full_text if compact else "")
        self.warning_panel.setAccessibleDescription(plain_text(full_text))
        self.warning_panel.show()

    def reset(self) -> None:
        for edit in self.edits():
            edit.clear()
        self.address = None
        self.looking_up = None
        self.set_register_result(None, [])
