"""Someone else set this person's password: say who and when, once, after login."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.clock import to_local
from ..services.accounts import PasswordNotice
from .keys import return_focus


def show_password_notice(parent: QWidget, notice: PasswordNotice) -> QMessageBox:
    """Open (not exec) the warning; returns the box."""
    translate = QCoreApplication.translate
    when = to_local(notice.at)
    text = translate(
        "PasswordNotice", "Uw wachtwoord is op {date} om {time} opnieuw ingesteld door {name}."
    ).format(date=when.strftime("%d-%m-%Y"), time=when.strftime("%H:%M"), name=notice.reset_by)
    if notice.cosigned_by:
        signed = translate("PasswordNotice", "Medeondertekend door {name}.")
        text += " " + signed.format(name=notice.cosigned_by)
    text += " " + translate(
        "PasswordNotice", "Vroeg u hier niet zelf om? Meld het dan meteen bij uw leidinggevende."
    )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("PasswordNotice", "Uw wachtwoord is hersteld"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    return_focus(box)
    box.open()
    return box
