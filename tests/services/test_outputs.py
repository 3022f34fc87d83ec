"""The documents: incident form and announcement letter as PDF (text extracted back),
the visit as ``.ics`` (parsed back). Bytes only: nothing is written to disk."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from tests.conftest import Team, make_team
from tests.services.test_incidents import SECRET_WAT, _report
from tests.services.test_services import ADDRESS, _running_visit
from veilig_huisbezoek.domain.clock import to_local
from veilig_huisbezoek.domain.errors import UserError
from veilig_huisbezoek.domain.incident import PoliceReport, Step
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.outputs.ics import visit_ics
from veilig_huisbezoek.outputs.incident_form import incident_form_pdf
from veilig_huisbezoek.outputs.letter import letter_pdf
from veilig_huisbezoek.services import accounts, documents, incidents, visits
from veilig_huisbezoek.services.demo import seed_demo
from veilig_huisbezoek.services.settings import load_settings, save_settings

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


@pytest.mark.parametrize(
    ("name", "address"), [("", ""), (MUNICIPALITY, ""), ("", MUNICIPALITY_ADDRESS)]
)
def test_no_letter_without_the_municipalitys_name_and_address(
    team: Team, name: str, address: str
) -> None:
    anna = team.login("anna")
    save_settings(anna, replace(Settings(), municipality_name=name, municipality_address=address))
    anna.store.close()
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    with pytest.raises(documents.SenderMissingError) as refused:
        documents.announcement_letter(sanne, visit_id)
    sanne.store.close()
    message = str(refused.value)
    assert message == documents.MISSING_SENDER
    assert "naam en het adres van de gemeente" in message and "Instellingen" in message
    assert isinstance(refused.value, UserError)  # shown as it is, in the page's message line


# Ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) would make a search for "financiële" fail in the PDF.
LIGATURES = re.compile("[\ufb00-\ufb06]")


def test_documents_have_no_ligatures_so_their_text_can_be_searched(team: Team) -> None:
    anna = team.login("anna")
    save_settings(
        anna,
        replace(
            Settings(),
            municipality_name=MUNICIPALITY,
            municipality_address="Afdeling Financiële Zaken\nPostbus 1\n6400 AA Heerlen",
        ),
    )
    anna.store.close()
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    letter = replace(documents.announcement_letter(sanne, visit_id), addressee="Dhr. Schiffelers")
    visits.return_with_incident(sanne, visit_id)
    wat = "Boos over de financiële afwijzing; officieel bezwaar, flink geschreeuw."
    incident_id = incidents.file_incident(sanne, _report(sanne, wat=wat), visit_id=visit_id)
    form = documents.incident_form(sanne, incident_id)
    sanne.store.close()
    letter_text = _pdf_text(letter_pdf(letter))
    form_text = _pdf_text(incident_form_pdf(form))
    for text in (letter_text, form_text):
        assert not LIGATURES.search(text), LIGATURES.findall(text)
        assert "Financiële" in text
    assert "Schiffelers" in letter_text
    for word in ("financiële", "officieel", "flink"):
        assert word in form_text


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
    assert str(event["UID"]) == item.uid
    assert calendar.walk("VTIMEZONE"), "the time zone travels with the item"


UID = re.compile(r"[0-9a-f]{32}@veilig-huisbezoek")


def test_the_ics_uid_is_the_same_for_a_visit_and_unique_across_databases(
    team: Team, tmp_path: Path
) -> None:
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    first = documents.agenda_item(sanne, visit_id).uid
    again = documents.agenda_item(sanne, visit_id).uid
    sanne.store.close()
    bram = team.login("bram")  # the buddy exports the same visit
    assert documents.agenda_item(bram, visit_id).uid == first == again
    bram.store.close()
    assert UID.fullmatch(first), first
    # No row id or anything personal in it: a hash of the database's id and the visit's.
    assert not first.startswith(f"huisbezoek-{visit_id}@")

    # Removing an account replaces the database key; the visit keeps its UID.
    anna = team.login("anna")
    accounts.remove_account(anna, team.ids["petra"])
    anna.store.close()
    sanne = team.login("sanne")
    assert documents.agenda_item(sanne, visit_id).uid == first
    sanne.store.close()

    # Another database: the same row id, a different visit, a different UID.
    other = make_team(tmp_path / "other", team.clock)
    other_visit = _running_visit(other)
    assert other_visit == visit_id
    sanne = other.login("sanne")
    assert documents.agenda_item(sanne, other_visit).uid != first
    sanne.store.close()
    # And two visits of one database differ.
    second = _running_visit(team)
    sanne = team.login("sanne")
    assert documents.agenda_item(sanne, second).uid != first
    sanne.store.close()


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


def test_demo_data_sets_a_municipality_only_where_none_is_set(team: Team) -> None:
    anna = team.login("anna")
    seed_demo(anna, visits=2)
    settings = load_settings(anna)
    assert settings.municipality_name == "Gemeente Heerlen"
    assert "Postbus 1, 6400 AA Heerlen" in settings.municipality_address
    own = replace(settings, municipality_name="Gemeente Voorbeeld", municipality_address="")
    save_settings(anna, own)
    seed_demo(anna, visits=2)  # loading the demo again keeps what the beheerder chose
    assert load_settings(anna) == own
    anna.store.close()


def test_the_pdfs_are_real_text_with_embedded_fonts_but_untagged(team: Team) -> None:
    """What the README says about the documents: text with a Unicode map and embedded
    fonts, a title; no structure tree (Qt's QPdfWriter cannot write one). Should a Qt
    version tag its PDFs, this fails: then say so in the README."""
    _configure(team)
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    letter = documents.announcement_letter(sanne, visit_id)
    sanne.store.close()
    reader = PdfReader(io.BytesIO(letter_pdf(letter)))
    assert reader.metadata is not None and reader.metadata.title == (
        f"Aankondiging huisbezoek {letter.reference}"
    )
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" not in catalog and "/MarkInfo" not in catalog
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        assert "/ToUnicode" in font
        [descendant] = font["/DescendantFonts"]
        assert "/FontFile2" in descendant.get_object()["/FontDescriptor"].get_object()
