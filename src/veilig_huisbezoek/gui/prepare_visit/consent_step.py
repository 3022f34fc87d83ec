"""Consent at level rood (in step 3, repeated in step 5): the leidinggevende signs now,
or the visit is stored as a concept for consent later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ...domain.checklist import RiskLevel
from ...services.planning import ConsentGrant
from ..forms_generated.ui_prepare_visit import Ui_PrepareVisitForm
from ..keys import return_focus
from ..look import ERROR_STYLE, OK_STYLE
from .common import STEP_REVIEW, escape, translate
from .consent_dialog import ConsentDialog

if TYPE_CHECKING:
    from .page import PrepareVisitPage


class ConsentStep:
    """The consent box, its status line and the co-sign dialog while it is open."""

    def __init__(self, page: PrepareVisitPage, ui: Ui_PrepareVisitForm) -> None:
        self.page = page
        self.consent_box = ui.consentBox
        self.consent_status = ui.consentStatusLabel
        self.consent_now_button = ui.consentNowButton
        self.consent_later_button = ui.consentLaterButton
        self.consent_status.setTextFormat(Qt.TextFormat.RichText)
        self.grant: ConsentGrant | None = None
        self.basis: object = None
        self.dialog: ConsentDialog | None = None

    def connect(self) -> None:
        self.consent_now_button.clicked.connect(self.ask_now)
        self.consent_later_button.toggled.connect(lambda _on: self.update_views())

    def later(self) -> bool:
        return self.consent_later_button.isChecked()

    def _key(self) -> object:
        assessment = self.page.checklist_step.assessment
        answers = (
            tuple(sorted((k, v.value) for k, v in assessment.answers.items())) if assessment else ()
        )
        return (self.page.address_step.typed_key(), answers)

    def check_basis(self) -> None:
        """Consent applies to this address and these answers; a change voids it."""
        if self.grant is not None and self._key() != self.basis:
            self.grant = None
            self.basis = None
            self.page.errors.say(
                translate(
                    "PrepareVisitPage",
                    "De toestemming van de leidinggevende is vervallen, omdat het adres of de "
                    "risicocheck is gewijzigd. Laat uw leidinggevende opnieuw tekenen.",
                ),
                error=True,
            )
            self.update_views()

    def update_views(self) -> None:
        rood = self.page.level() is RiskLevel.ROOD
        self.consent_box.setVisible(rood)
        if self.grant is not None:
            text = translate(
                "PrepareVisitPage", "✔ Toestemming van <b>{name}</b>: {reason}"
            ).format(name=escape(self.grant.lead.display_name), reason=escape(self.grant.reason))
            style = OK_STYLE
        elif self.consent_later_button.isChecked():
            text = translate(
                "PrepareVisitPage",
                "U vraagt later toestemming: in stap 5 slaat u het bezoek op als concept.",
            )
            style = "font-weight: bold;"
        else:
            text = translate(
                "PrepareVisitPage",
                "⚠ Nog geen toestemming. Zonder vastgelegde toestemming van uw leidinggevende "
                "kan dit bezoek niet worden gepland.",
            )
            style = ERROR_STYLE
        self.consent_status.setText(text)
        self.consent_status.setStyleSheet(style)
        self.consent_later_button.setEnabled(self.grant is None)
        if self.page.current_step() == STEP_REVIEW:
            self.page.review_step.show_review()

    def _visit_text(self) -> str:
        address = self.page.address_step.address
        where = (
            address.one_line()
            if address
            else translate("PrepareVisitPage", "(adres nog niet ingevuld)")
        )
        return translate(
            "PrepareVisitPage", "Bezoek van {visitor} aan {address}; risiconiveau rood."
        ).format(visitor=self.page.ctx.actor.display_name, address=where)

    def ask_now(self) -> None:
        """Open the co-sign dialog (non-blocking; ``dialog`` while open)."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        page = self.page
        dialog = ConsentDialog(page.ctx, page.tasks, self._visit_text(), page)
        dialog.signed.connect(self._signed)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        # Signed: on with the next step (the button that opened the dialog may be gone);
        # cancelled: back on that button.
        return_focus(dialog, lambda: self._after(dialog))
        self.dialog = dialog
        dialog.open()

    def _after(self, dialog: ConsentDialog) -> QWidget | None:
        if dialog.grant is None:
            return None
        return self.page.default_button()

    def _dialog_closed(self, dialog: ConsentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _signed(self, grant: object) -> None:
        assert isinstance(grant, ConsentGrant)
        self.grant = grant
        self.basis = self._key()
        self.consent_later_button.setChecked(False)
        self.page.errors.say(
            translate(
                "PrepareVisitPage",
                "Toestemming van {name} genoteerd; deze wordt vastgelegd bij het opslaan.",
            ).format(name=grant.lead.display_name)
        )
        self.update_views()

    def reset(self) -> None:
        """Forget the consent (the 'later' choice is unticked by the page, after the
        checklist is cleared)."""
        self.grant = None
        self.basis = None
