"""The documents: incident form and announcement letter as PDF (text extracted back),
the visit as ``.ics`` (parsed back). Bytes only: nothing is written to disk."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from tests.conftest import Team
from tests.services.test_incidents import SECRET_WAT, _report
from tests.services.test_services import ADDRESS, _running_visit
from veilig_huisbezoek.domain.clock import to_local
from veilig_huisbezoek.domain.incident import PoliceReport, Step
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.outputs.ics import visit_ics
from veilig_huisbezoek.outputs.incident_form import incident_form_pdf
from veilig_huisbezoek.outputs.letter import letter_pdf
from veilig_huisbezoek.services import documents, incidents, visits
from veilig_huisbezoek.services.settings import save_settings

pytestmark = pytest.mark.usefixtures("qapp")

MUNICIPALITY = "Gemeente Heerlen"
MUNICIPALITY_ADDRESS = "Postbus 1\n6400 AA Heerlen"


def _configure(team: Team) -> None:
    anna = team.login("anna")
    save_settings(
        anna,
        replace(
            Settings(),
            municipality_name=MUNICIPALITY,
            municipality_address=MUNICIPALITY_ADDRESS,
        ),
    )
    anna.store.close()


def _pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_announcement_letter_names_employee_date_time_reason_and_sender(team: Team) -> None:
    _configure(team)
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    letter = documents.announcement_letter(sanne, visit_id)
    sanne.store.close()
    assert letter.sender.complete
    text = _flat(_pdf_text(letter_pdf(letter)))
    start = to_local(letter.start)
    assert MUNICIPALITY in text and "6400 AA Heerlen" in text
    assert "Aankondiging huisbezoek" in text
    assert "Sanne Visser" in text
    assert f"{start:%H:%M}" in text and "maandag 23 november 2026" in text
    assert "Handhaving bij gegrond vermoeden" in text
    assert ADDRESS.short() in text and "6411 HB" in text
    assert letter.reference in text and "pagina 1 van 1" in text
    assert "toestemming" in text  # entering only with permission (Awbi)


def test_letter_without_settings_shows_where_to_fill_them_in(team: Team) -> None:
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    letter = documents.announcement_letter(sanne, visit_id)
    sanne.store.close()
    assert not letter.sender.complete
    assert "Naam gemeente (instellingen)" in _flat(_pdf_text(letter_pdf(letter)))


def test_visit_ics_parses_back_with_location_and_amsterdam_times(team: Team) -> None:
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    item = documents.agenda_item(sanne, visit_id)
    detail = visits.get_visit(sanne, visit_id)
    sanne.store.close()
    calendar = Calendar.from_ical(visit_ics(item))
    [event] = calendar.walk("VEVENT")
    assert str(event["LOCATION"]) == ADDRESS.one_line()
    assert event.decoded("DTSTART") == detail.start
    assert event.decoded("DTEND") == detail.expected_return
    assert str(event.decoded("DTSTART").tzinfo) == "Europe/Amsterdam"
    assert "Sanne Visser" in str(event["SUMMARY"])
    description = str(event["DESCRIPTION"])
    assert "Buddy: Bram Smit" in description and "Verwacht terug" in description
    assert str(event["UID"]) == f"huisbezoek-{visit_id}@veilig-huisbezoek"
    assert calendar.walk("VTIMEZONE"), "the time zone travels with the item"


def test_incident_form_pdf_holds_the_report_steps_aangifte_and_aftercare(team: Team) -> None:
    _configure(team)
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    visits.return_with_incident(sanne, visit_id)
    incident_id = incidents.file_incident(sanne, _report(sanne), visit_id=visit_id)
    incidents.record_step(sanne, incident_id, Step.VEILIGHEID)
    occurred = incidents.get_incident(sanne, incident_id).report.occurred_at
    incidents.record_police_report(
        sanne,
        incident_id,
        PoliceReport.create(
            kind="aangifte",
            reported_by="Sanne Visser",
            reported_at=team.clock.now(),
            police_reference="PL2300-2026-777",
            municipality_address="Geleenstraat 27, 6411 HR Heerlen",
            vpt_mentioned=True,
            occurred_at=occurred,
            now=team.clock.now(),
        ),
    )
    form = documents.incident_form(sanne, incident_id)
    sanne.store.close()
    text = _flat(_pdf_text(incident_form_pdf(form)))
    assert "Registratieformulier agressie-incident" in text
    assert f"INC-2026-{incident_id:04d}" in text
    assert _flat(SECRET_WAT) in text
    assert "D — Bedreiging, intimidatie of fysiek geweld" in text
    assert "Grenzen stellen" in text
    assert "PL2300-2026-777" in text and "Meldcode VPT genoemd ja" in text
    deadline = to_local(occurred + timedelta(hours=24))
    assert f"uiterlijk {deadline:%d-%m-%Y %H:%M}" in text
    assert "Eerste gesprek (binnen 24–72 uur)" in text
    assert "Derde gesprek (na 4–6 weken)" in text
    assert "nog niet vastgelegd" in text  # CAG not yet informed
    assert MUNICIPALITY in text and "Vertrouwelijk" in text
