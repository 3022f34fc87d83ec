"""Incident services over a real encrypted store: roles, audit, evidence, deadlines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.conftest import Team
from tests.services.test_services import ADDRESS, _running_visit
from veilig_huisbezoek.domain.address import parse_address_key
from veilig_huisbezoek.domain.errors import ValidationError, ValidationErrors
from veilig_huisbezoek.domain.incident import (
    MAX_ATTACHMENT_BYTES,
    AftercareRecord,
    AftercareTalk,
    BehaviourCategory,
    Channel,
    IncidentReport,
    PoliceReport,
    Step,
)
from veilig_huisbezoek.domain.register import NoteStatus
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.services import incidents, register, visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage.models import AuditEntry
from veilig_huisbezoek.storage.store import db_path

SECRET_WAT = "Bewoner dreigde met een honkbalknuppel-XYZZY in de gang."


def _report(ctx: ServiceContext, **changes: object) -> IncidentReport:
    values: dict[str, object] = {
        "occurred_at": ctx.now() - timedelta(minutes=30),
        "channel": Channel.HUISBEZOEK,
        "category": BehaviourCategory.D,
        "wie": "Bewoner (zoon van de cliënt)",
        "wat": SECRET_WAT,
        "waar": "Akerstraat 12A",
        "waarmee": "Honkbalknuppel",
        "now": ctx.now(),
    }
    values.update(changes)
    return IncidentReport.create(**values)  # type: ignore[arg-type]


def _filed_for_visit(team: Team) -> tuple[int, int]:
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    visits.return_with_incident(sanne, visit_id)
    incident_id = incidents.file_incident(sanne, _report(sanne), visit_id=visit_id)
    sanne.store.close()
    return visit_id, incident_id


def test_terug_met_incident_prefills_and_files_a_report_for_the_visit(team: Team) -> None:
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    visits.return_with_incident(sanne, visit_id)
    prefill = incidents.prefill_for_visit(sanne, visit_id)
    assert prefill.channel is Channel.HUISBEZOEK
    assert prefill.address == ADDRESS and "Akerstraat 12A" in prefill.waar
    assert prefill.wie == "Dhr. Janssen"
    incident_id = incidents.file_incident(sanne, _report(sanne), visit_id=visit_id)
    detail = incidents.get_incident(sanne, incident_id)
    assert detail.visit_id == visit_id and detail.visit_address == ADDRESS
    assert detail.employee_name == "Sanne Visser" and detail.report.wat == SECRET_WAT
    assert detail.aangifte_due == detail.report.occurred_at + timedelta(hours=24)
    assert detail.reference == f"INC-2026-{incident_id:04d}"
    sanne.store.close()


def test_a_standalone_incident_at_the_counter(team: Team) -> None:
    sanne = team.login("sanne")
    incident_id = incidents.file_incident(
        sanne, _report(sanne, channel="balie", waar="Balie stadskantoor")
    )
    summary = incidents.list_incidents(sanne)
    assert [s.id for s in summary] == [incident_id]
    assert summary[0].channel is Channel.BALIE and summary[0].visit_id is None
    sanne.store.close()


def test_medewerker_sees_own_incidents_leidinggevende_all_beheerder_none(team: Team) -> None:
    _visit, incident_id = _filed_for_visit(team)
    bram = team.login("bram")
    assert incidents.list_incidents(bram) == []
    with pytest.raises(PermissionDenied):
        incidents.get_incident(bram, incident_id)
    with pytest.raises(PermissionDenied):
        incidents.record_step(bram, incident_id, Step.VEILIGHEID)
    with pytest.raises(PermissionDenied):
        incidents.file_incident(bram, _report(bram), employee_id=team.ids["sanne"])
    assert incidents.incident_deadlines(bram) == []
    bram.store.close()
    petra = team.login("petra")
    assert [s.id for s in incidents.list_incidents(petra)] == [incident_id]
    assert incidents.incident_deadlines(petra)
    petra.store.close()


def test_only_who_went_on_the_visit_reports_on_it(team: Team) -> None:
    visit_id = _running_visit(team)
    bram = team.login("bram")  # the buddy: sees the visit, did not go
    with pytest.raises(PermissionDenied, match="ging niet mee"):
        incidents.file_incident(bram, _report(bram), visit_id=visit_id)
    bram.store.close()


def test_a_visit_that_has_not_started_has_no_incident(team: Team) -> None:
    from tests.services.test_services import _assessment, _plan
    from veilig_huisbezoek.domain.checklist import RiskLevel

    sanne = team.login("sanne")
    visit_id = visits.save_visit(sanne, _plan(sanne, team), _assessment(RiskLevel.GROEN))
    with pytest.raises(ValidationError, match="Bezoek: een incident hoort bij"):
        incidents.file_incident(sanne, _report(sanne), visit_id=visit_id)
    sanne.store.close()


def test_steps_aangifte_and_aftercare_are_recorded_with_times(team: Team) -> None:
    _visit, incident_id = _filed_for_visit(team)
    sanne = team.login("sanne")
    when = incidents.record_step(sanne, incident_id, Step.VEILIGHEID)
    assert when == team.clock.now()
    team.clock.advance(timedelta(minutes=10))
    incidents.record_step(sanne, incident_id, Step.LEIDINGGEVENDE)
    detail = incidents.get_incident(sanne, incident_id)
    assert [(s.step, s.recorded_by) for s in detail.steps] == [
        (Step.VEILIGHEID, "Sanne Visser"),
        (Step.LEIDINGGEVENDE, "Sanne Visser"),
    ]
    assert detail.open_steps == [Step.CAG]
    record = AftercareRecord.create(
        talk=AftercareTalk.EERSTE,
        outcome="gehouden",
        on=date(2026, 11, 23),
        occurred_at=detail.report.occurred_at,
        now=team.clock.now(),
    )
    with pytest.raises(PermissionDenied, match="leidinggevende legt de nazorg vast"):
        incidents.record_aftercare(sanne, incident_id, record)
    police = PoliceReport.create(
        kind="aangifte",
        reported_by="Sanne Visser",
        reported_at=team.clock.now(),
        police_reference="PL2300-2026123456",
        municipality_address="Geleenstraat 27, 6411 HR Heerlen",
        vpt_mentioned=True,
        occurred_at=detail.report.occurred_at,
        now=team.clock.now(),
    )
    incidents.record_police_report(sanne, incident_id, police)
    sanne.store.close()
    petra = team.login("petra")
    incidents.record_aftercare(petra, incident_id, record)
    detail = incidents.get_incident(petra, incident_id)
    assert detail.police_report == police
    assert detail.aftercare[AftercareTalk.EERSTE].on == date(2026, 11, 23)
    names = {d.name for d in incidents.incident_deadlines(petra)}
    assert names == {f"nazorg-tweede:{incident_id}", f"nazorg-derde:{incident_id}"}
    petra.store.close()


def test_deadlines_for_the_scheduler_include_aangifte_and_three_talks(team: Team) -> None:
    _visit, incident_id = _filed_for_visit(team)
    petra = team.login("petra")
    deadlines = {d.name: d for d in incidents.incident_deadlines(petra)}
    detail = incidents.get_incident(petra, incident_id)
    assert deadlines[f"aangifte:{incident_id}"].due_at == detail.aangifte_due
    assert {f"nazorg-{t.value}:{incident_id}" for t in AftercareTalk} <= set(deadlines)
    assert deadlines[f"aangifte:{incident_id}"].visitor_first_name == "Sanne"
    team.clock.advance(timedelta(days=120))  # long past: no more reminders
    assert incidents.incident_deadlines(petra) == []
    petra.store.close()


def test_evidence_is_stored_inside_the_encrypted_database_with_a_size_limit(team: Team) -> None:
    sanne = team.login("sanne")
    incident_id = incidents.file_incident(sanne, _report(sanne, channel="social_media"))
    marker = b"SCREENSHOT-PLAINTEXT-MARKER-0123456789" * 50
    attachment_id = incidents.add_attachment(
        sanne,
        incident_id,
        filename="/home/sanne/Afbeeldingen/facebook bericht.png",
        content=marker,
        captured_at=team.clock.now() - timedelta(days=1),
    )
    with pytest.raises(ValidationErrors, match="een bijlage mag hoogstens 10 MB"):
        incidents.add_attachment(
            sanne,
            incident_id,
            filename="film.mp4",
            content=b"\0" * (MAX_ATTACHMENT_BYTES + 1),
            captured_at=team.clock.now(),
        )
    detail = incidents.get_incident(sanne, incident_id)
    [info] = detail.attachments
    assert info.filename == "facebook bericht.png" and info.media_type == "image/png"
    assert info.size == len(marker)
    assert incidents.attachment_content(sanne, attachment_id) == ("facebook bericht.png", marker)
    sanne.store.close()
    for path in db_path(team.data_dir).parent.iterdir():
        if path.is_file():
            assert b"SCREENSHOT-PLAINTEXT-MARKER" not in path.read_bytes(), path.name
    bram = team.login("bram")
    with pytest.raises(PermissionDenied):
        incidents.attachment_content(bram, attachment_id)
    bram.store.close()


def test_register_note_is_proposed_from_the_incident_and_approved_by_petra(team: Team) -> None:
    visit_id, incident_id = _filed_for_visit(team)
    sanne = team.login("sanne")
    proposal, address = incidents.note_proposal(sanne, incident_id)
    assert address == ADDRESS
    assert SECRET_WAT in proposal.description
    note_id = incidents.propose_register_note(
        sanne,
        incident_id,
        address=ADDRESS,
        category=proposal.category,
        incident_date=proposal.incident_date,
        description=proposal.description,
        precautions=proposal.precautions,
    )
    with pytest.raises(ValidationError, match="al een adresnotitie"):
        incidents.propose_register_note(
            sanne,
            incident_id,
            address=ADDRESS,
            category=proposal.category,
            incident_date=proposal.incident_date,
            description=proposal.description,
        )
    assert incidents.get_incident(sanne, incident_id).note_status is NoteStatus.VOORGESTELD
    sanne.store.close()
    petra = team.login("petra")
    register.approve_note(petra, note_id)
    assert [n.id for n in register.warnings_for(petra, ADDRESS.key)] == [note_id]
    assert incidents.get_incident(petra, incident_id).note_status is NoteStatus.ACTIEF
    assert visits.get_visit(petra, visit_id).state is VisitState.TERUG_INCIDENT
    petra.store.close()


def test_every_change_is_audited_without_content(team: Team) -> None:
    _visit, incident_id = _filed_for_visit(team)
    sanne = team.login("sanne")
    incidents.record_step(sanne, incident_id, Step.CAG)
    incidents.get_incident(sanne, incident_id)
    with sanne.store.read_session() as session:
        entries = session.execute(
            select(AuditEntry).where(AuditEntry.object_type == "incident")
        ).scalars()
        rows = [(e.action, e.object_id, e.detail) for e in entries]
    sanne.store.close()
    actions = [a for a, _o, _d in rows]
    assert actions == ["incident_filed", "incident_step", "incident_viewed"]
    assert all(o == str(incident_id) for _a, o, _d in rows)
    assert not any("XYZZY" in d or "Akerstraat" in d for _a, _o, d in rows)


def test_the_avg_export_of_the_address_includes_its_incidents(team: Team) -> None:
    from veilig_huisbezoek.services.export import export_address

    visit_id, incident_id = _filed_for_visit(team)
    anna = team.login("anna")  # leidinggevende
    key = visits.get_visit(anna, visit_id).address.key
    exported = export_address(anna, key)
    (incident,) = exported["incidents"]
    assert incident["id"] == incident_id and incident["wat"] == SECRET_WAT
    assert incident["employee"].startswith("Sanne")
    assert incident["attachments"] == [] and incident["police_report"] is None
    other = export_address(anna, parse_address_key("1016 GV 263"))
    assert other["incidents"] == []
