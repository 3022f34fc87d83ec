"""The register page's detail pane: one note as HTML (status, what happened, the
precautions and who proposed, approved or retired it)."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject

from ..domain.clock import to_local
from ..domain.register import NoteStatus
from ..services.register import RegisterEntry
from .i18n import domain_text
from .register_model import RegisterTableModel, date_text


class NoteDetailHtml(QObject):
    """Writes the detail pane of the 'Adresregister' for the person looking."""

    def __init__(self, model: RegisterTableModel, account_id: int, is_manager: bool) -> None:
        super().__init__(model)
        self._model = model
        self._account_id = account_id
        self._is_manager = is_manager

    def nothing_chosen(self) -> str:
        return (
            "<p>" + html.escape(self.tr("Kies een notitie in de lijst om haar te lezen.")) + "</p>"
        )

    def _person_line(self, label: str, name: str, when: str) -> str:
        if not name and not when:
            return ""
        text = html.escape(name) if name else self.tr("onbekend")
        if when:
            text += " " + self.tr("op {when}").format(when=html.escape(when))
        return f"<b>{html.escape(label)}</b> {text}<br>"

    def note_html(self, entry: RegisterEntry) -> str:
        """The note's details, its history and what it waits for, as HTML."""
        note = entry.note
        e = html.escape
        created = to_local(note.created_at).strftime("%d-%m-%Y %H:%M")
        status = self._model.status_text(entry)
        if note.status is NoteStatus.ACTIEF:
            status += " — " + (
                self.tr("waarschuwt bij het plannen van een bezoek")
                if entry.warns
                else self.tr("waarschuwt niet meer (vervaldatum voorbij)")
            )
        elif note.status is NoteStatus.VOORGESTELD:
            status += " — " + self.tr("wacht op goedkeuring door een leidinggevende")
        parts = [
            f"<h2>{e(note.address.one_line())}</h2>",
            "<p><b>" + e(self.tr("Status:")) + f"</b> {e(status)}<br>",
            "<b>" + e(self.tr("Categorie:")) + f"</b> {e(domain_text(note.category.label))}<br>",
            "<b>" + e(self.tr("Datum incident:")) + f"</b> {e(date_text(note.incident_date))}</p>",
        ]
        if entry.review_overdue:
            parts.append(
                "<p><b>"
                + e(
                    self.tr(
                        "Herbeoordeling te laat: de datum {date} is voorbij. Is de notitie nog "
                        "nodig? Kies Herbeoordeeld of Intrekken."
                    ).format(date=date_text(note.review_due))
                )
                + "</b></p>"
            )
        if (
            note.status is NoteStatus.VOORGESTELD
            and note.author_id == self._account_id
            and self._is_manager
        ):
            parts.append(
                "<p><i>"
                + e(
                    self.tr(
                        "U heeft deze notitie zelf voorgesteld: een andere leidinggevende moet "
                        "haar goedkeuren (vier-ogenprincipe)."
                    )
                )
                + "</i></p>"
            )
        parts.append("<h3>" + e(self.tr("Wat is er gebeurd")) + "</h3>")
        parts.append(f"<p>{e(note.description).replace(chr(10), '<br>')}</p>")
        parts.append("<h3>" + e(self.tr("Voorzorgsmaatregelen")) + "</h3>")
        precautions = note.precautions or self.tr("Geen voorzorgsmaatregelen vastgelegd.")
        parts.append(f"<p>{e(precautions).replace(chr(10), '<br>')}</p>")
        parts.append("<h3>" + e(self.tr("Beheer")) + "</h3><p>")
        parts.append(self._person_line(self.tr("Voorgesteld door"), entry.author, created))
        if note.status is NoteStatus.AFGEWEZEN:
            when = to_local(note.retired_at).strftime("%d-%m-%Y") if note.retired_at else ""
            parts.append(self._person_line(self.tr("Afgewezen door"), entry.approver, when))
        elif note.approved_at is not None:
            when = to_local(note.approved_at).strftime("%d-%m-%Y %H:%M")
            parts.append(self._person_line(self.tr("Goedgekeurd door"), entry.approver, when))
        if note.status is NoteStatus.ACTIEF:
            if note.review_due is not None:
                review = date_text(note.review_due)
                if entry.review_overdue:
                    review += " " + self.tr("(te laat)")
                parts.append("<b>" + e(self.tr("Herbeoordelen vóór")) + f"</b> {e(review)}<br>")
            if note.expires_on is not None:
                parts.append(
                    "<b>"
                    + e(self.tr("Waarschuwt tot"))
                    + f"</b> {e(date_text(note.expires_on))}<br>"
                )
        if note.status is NoteStatus.INGETROKKEN and note.retired_at is not None:
            parts.append(
                "<b>" + e(self.tr("Ingetrokken op")) + "</b> "
                f"{e(to_local(note.retired_at).strftime('%d-%m-%Y'))}<br>"
            )
        if note.retire_reason:
            parts.append("<b>" + e(self.tr("Reden")) + f"</b> {e(note.retire_reason)}<br>")
        parts.append("</p>")
        return "".join(parts)
