"""The incident registration form as PDF (seed 002 §7.4 stap 6, bijlage II)."""

from __future__ import annotations

from html import escape

from ..domain.incident import ReportKind, format_size
from ..services.documents import IncidentForm
from .dutch import field_table, letterhead, local_moment, long_date, section, text
from .pdf import render_pdf

_DASH = '<span style="color:#777777;">—</span>'


def _or_dash(value: str) -> str:
    return text(value) if value.strip() else _DASH


def incident_form_html(form: IncidentForm) -> str:
    detail = form.incident
    report = detail.report
    parts: list[str] = [letterhead(form.sender.name, form.sender.address)]
    parts.append(
        '<p style="font-size:16pt; font-weight:bold; margin-top:30px; margin-bottom:3px;">'
        "Registratieformulier agressie-incident</p>"
        '<p style="color:#a50e0e; font-weight:bold; margin-top:0;">'
        "Vertrouwelijk — alleen voor de leidinggevende en de coördinator agressie en geweld</p>"
    )
    parts.append(
        field_table(
            [
                ("Kenmerk", escape(detail.reference)),
                ("Medewerker", escape(detail.employee_name)),
                ("Gemeld door", escape(detail.filed_by_name)),
                ("Gemeld op", local_moment(detail.filed_at)),
                ("Formulier gemaakt", f"{local_moment(form.made_at)} door {escape(form.made_by)}"),
            ]
        )
    )
    parts.append(section("1. Het incident (de 7 W's)"))
    parts.append(
        field_table(
            [
                ("Wanneer", local_moment(report.occurred_at)),
                ("Waar", _or_dash(report.waar)),
                ("Kanaal", escape(report.channel.label)),
                ("Wie", _or_dash(report.wie)),
                ("Wat", _or_dash(report.wat)),
                ("Waarmee", _or_dash(report.waarmee)),
                ("Op welke wijze", _or_dash(report.wijze)),
                ("Waarom", _or_dash(report.waarom)),
            ]
        )
    )
    category = report.category
    parts.append(section("2. Soort gedrag"))
    parts.append(
        field_table(
            [
                ("Categorie", f"<b>{escape(category.label)}</b>"),
                ("Kenmerken", escape(category.behaviour)),
                ("Regel", escape(category.rule)),
                ("Standpunt organisatie", escape(category.position)),
            ]
        )
    )
    parts.append(section("3. Gevolgen"))
    injury = escape(report.injury.label)
    if report.injury_details:
        injury += f": {text(report.injury_details)}"
    parts.append(
        field_table(
            [
                ("Letsel", injury),
                ("Getuigen", _or_dash(report.witnesses)),
                ("Politie betrokken", "ja" if report.police_involved else "nee"),
            ]
        )
    )
    parts.append(section("4. Directe stappen"))
    done = {s.step: s for s in detail.steps}
    rows = []
    for step in detail.needed_steps:
        record = done.get(step)
        status = (
            f"gedaan {local_moment(record.done_at)} ({escape(record.recorded_by)})"
            if record
            else '<span style="color:#a50e0e;">nog niet vastgelegd</span>'
        )
        rows.append((step.label, status))
    parts.append(field_table(rows, label_width="45%"))
    parts.append(section("5. Melding of aangifte bij de politie"))
    police = detail.police_report
    term = f"uiterlijk {local_moment(detail.aangifte_due)} (24 uur na het incident)"
    if police is None:
        parts.append(
            field_table(
                [
                    ("Termijn", term),
                    ("Status", '<span style="color:#a50e0e;">nog niet vastgelegd</span>'),
                ]
            )
        )
    else:
        rows = [("Termijn", term), ("Soort", escape(police.kind.label))]
        if police.kind is ReportKind.GEEN:
            rows.append(("Reden", text(police.reason)))
        else:
            rows += [
                ("Gemeld door", escape(police.reported_by)),
                ("Gemeld op", local_moment(police.reported_at)),
                ("Registratienummer", _or_dash(police.police_reference)),
                ("Adres gemeente gebruikt", _or_dash(police.municipality_address)),
                ("Meldcode VPT genoemd", "ja" if police.vpt_mentioned else "nee"),
            ]
        for warning in police.warnings(report.occurred_at):
            rows.append(("Let op", f'<span style="color:#a50e0e;">{escape(warning)}</span>'))
        parts.append(field_table(rows))
    parts.append(section("6. Nazorg (drie gesprekken)"))
    rows = []
    for moment in detail.aftercare_schedule:
        talk = detail.aftercare.get(moment.talk)
        if talk is None:
            value = (
                f"gepland: streven {local_moment(moment.aim_by)}, "
                f"uiterlijk {local_moment(moment.latest)}"
            )
        else:
            value = f"{escape(talk.outcome.label)} op {long_date(talk.on)}"
            if talk.note:
                value += f"<br>{text(talk.note)}"
        rows.append((moment.talk.label, value))
    parts.append(field_table(rows, label_width="45%"))
    parts.append(section("7. Bewijs (bijlagen)"))
    if detail.attachments:
        parts.append(
            field_table(
                [
                    (
                        a.filename,
                        f"{local_moment(a.captured_at)} · {format_size(a.size)} · "
                        f"toegevoegd door {escape(a.added_by)}",
                    )
                    for a in detail.attachments
                ],
                label_width="45%",
            )
        )
        parts.append(
            '<p style="font-size:8.5pt; color:#555555;">De bestanden zelf staan versleuteld in '
            "Veilig Huisbezoek.</p>"
        )
    else:
        parts.append("<p>Geen bijlagen.</p>")
    parts.append(section("8. Adresregister"))
    if detail.note_id is None:
        parts.append("<p>Geen adresnotitie voorgesteld.</p>")
    else:
        status = detail.note_status.label.lower() if detail.note_status else "verwijderd"
        parts.append(f"<p>Adresnotitie voorgesteld; status: {escape(status)}.</p>")
    parts.append(section("Voor gezien"))
    line = "<br>______________________________"
    parts.append(
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="50%">Leidinggevende, datum:{line}</td>'
        f'<td width="50%">Coördinator agressie en geweld, datum:{line}</td>'
        "</tr></table>"
    )
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def incident_form_pdf(form: IncidentForm) -> bytes:
    return render_pdf(
        incident_form_html(form),
        title=f"Registratieformulier agressie-incident {form.incident.reference}",
        footer=f"Vertrouwelijk · {form.incident.reference}",
    )
