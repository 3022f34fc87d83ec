"""A second leidinggevende signs at this desk (four eyes on leidinggevende accounts).

The box only asks; :func:`sign` (run on the task runner: Argon2id is slow) checks the
name and password and, on a team server, has the signer's own connection record the
signature, so the server itself knows who signed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from ..domain.errors import ValidationError
from ..services import accounts
from ..services.accounts import CoSignature
from ..services.context import ServiceContext
from ..storage.errors import AuthenticationError
from .forms import setup_form
from .forms_generated.ui_cosign_box import Ui_CoSignBox

SIGNER_FIELD = "Tweede leidinggevende"


class CoSignBox(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CoSignBox()
        self.form = setup_form(self.ui, QGroupBox(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.user_edit = self.ui.cosignUserEdit
        self.password_edit = self.ui.cosignPasswordEdit

    def credentials(self) -> tuple[str, str]:
        """Name and password as typed; a Dutch ValidationError when one is missing."""
        user, password = self.user_edit.text().strip(), self.password_edit.text()
        if not user or not password:
            raise ValidationError(
                SIGNER_FIELD, "vul de naam en het wachtwoord van de tweede leidinggevende in."
            )
        return user, password

    def clear_password(self) -> None:
        self.password_edit.clear()


def sign(ctx: ServiceContext, user: str, password: str, purpose: str) -> CoSignature:
    """On the worker thread: check the co-signer; a wrong name or password in Dutch."""
    try:
        return accounts.co_sign(ctx, user, password, purpose)
    except AuthenticationError:
        raise ValidationError(SIGNER_FIELD, "naam of wachtwoord klopt niet.") from None
