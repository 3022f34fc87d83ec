"""The written announcement of a home visit (seed 002 §5.4: "kondig schriftelijk aan")."""

from __future__ import annotations

from html import escape

from ..domain.clock import to_local
from ..services.documents import AnnouncementLetter
from .dutch import ACCENT, field_table, letterhead, local_time, long_date, text
from .pdf import render_pdf


def letter_html(letter: AnnouncementLetter) -> str:
    address = letter.address
    start_day = to_local(letter.start).date()
    employees = ", ".join(letter.employees)
    contact = escape(letter.contact_name)
    if letter.contact_phone:
        contact += f", telefoon {escape(letter.contact_phone)}"
    sender_line = ", ".join(
        part for part in (letter.sender.name, letter.sender.address.replace("\n", ", ")) if part
    )
    interpreter = "<p>Bij het gesprek is een tolk aanwezig.</p>" if letter.interpreter else ""
    return f"""
<html><body>
{letterhead(letter.sender.name, letter.sender.address)}
<p style="font-size:7.5pt; color:#666666; margin-top:90px;">{escape(sender_line)}</p>
<p style="margin-top:8px;">{text(letter.addressee)}<br>
{escape(address.short())}<br>
{escape(address.postcode)}&nbsp;&nbsp;{escape(address.city.upper())}</p>
<table cellspacing="0" cellpadding="0" width="100%" style="margin-top:70px; font-size:9pt;">
<tr><td style="color:#555555; padding-right:14px;">Datum</td>
<td style="padding-right:40px;">{long_date(letter.letter_date)}</td>
<td style="color:#555555; padding-right:14px;">Ons kenmerk</td>
<td>{escape(letter.reference)}</td></tr>
<tr><td style="color:#555555; padding-right:14px;">Onderwerp</td>
<td style="padding-right:40px;">Aankondiging huisbezoek</td>
<td style="color:#555555; padding-right:14px;">Contactpersoon</td>
<td>{escape(letter.contact_name)}</td></tr>
</table>
<p style="margin-top:40px;">Geachte heer, mevrouw,</p>
<p>Met deze brief laten wij u weten dat wij bij u op huisbezoek komen.</p>
<table width="100%" cellspacing="0" cellpadding="10"
 style="background-color:#eef3f8; border-left:4px solid {ACCENT}; margin-top:8px;
 margin-bottom:8px;"><tr><td>
{
        field_table(
            [
                ("Datum", long_date(start_day, weekday=True)),
                (
                    "Tijd",
                    f"van {local_time(letter.start)} tot ongeveer "
                    f"{local_time(letter.expected_return)} uur",
                ),
                ("Adres", escape(address.one_line())),
                ("Medewerker" + ("s" if len(letter.employees) > 1 else ""), escape(employees)),
                ("Reden", escape(letter.reason.label)),
            ],
            label_width="28%",
        )
    }
</td></tr></table>
<p>{escape(letter.reason_sentence)}</p>
{interpreter}
<p>Onze medewerkers laten u uit zichzelf hun legitimatiebewijs zien. Zij komen alleen
binnen als u daarvoor toestemming geeft.</p>
<p>Komt de datum of het tijdstip u niet uit? Neem dan vóór het bezoek contact op met
{contact}. Vermeld daarbij het kenmerk {escape(letter.reference)}.</p>
<p style="margin-top:25px;">Met vriendelijke groet,</p>
<p style="margin-top:50px;">{escape(letter.contact_name)}<br>
<span style="color:#555555;">namens {escape(letter.sender.name or "de gemeente")}</span></p>
</body></html>
"""


def letter_pdf(letter: AnnouncementLetter) -> bytes:
    return render_pdf(
        letter_html(letter),
        title=f"Aankondiging huisbezoek {letter.reference}",
        footer=f"{letter.sender.name or 'Gemeente'} · kenmerk {letter.reference}",
    )
