"""Incident rules (docs/design.md §6): the GIR report, category A–E, steps, aangifte, aftercare."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veilig_huisbezoek.domain.errors import ValidationError, ValidationErrors
from veilig_huisbezoek.domain.incident import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS_TOTAL_BYTES,
    AftercareRecord,
    AftercareTalk,
    BehaviourCategory,
    Channel,
    IncidentReport,
    Injury,
    PoliceReport,
    ReportKind,
    Step,
    TalkOutcome,
    aangifte_deadline,
    aftercare_schedule,
    check_attachment,
    check_step_time,
    clean_filename,
    deadline_label,
    format_size,
    needed_steps,
    open_deadlines,
    propose_note,
)
from veilig_huisbezoek.domain.register import (
    MAX_DESCRIPTION_LENGTH,
    MIN_DESCRIPTION_LENGTH,
    NoteCategory,
)
from veilig_huisbezoek.domain.reminders import Audience

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
OCCURRED = NOW - timedelta(hours=2)


def report(**changes: Any) -> IncidentReport:
    values: dict[str, Any] = {
        "occurred_at": OCCURRED,
        "channel": Channel.HUISBEZOEK,
        "category": BehaviourCategory.D,
        "wie": "Bewoner, zoon van de cliënt",
        "wat": "Dreigde de medewerker buiten op te wachten.",
        "waar": "Akerstraat 12, 6411 HC Heerlen",
        "waarmee": "",
        "wijze": "Schreeuwend, dichtbij komen staan",
        "waarom": "Onvrede over de beslissing",
        "now": NOW,
    }
    values.update(changes)
    return IncidentReport.create(**values)


def fields_of(exc: pytest.ExceptionInfo[ValidationErrors]) -> list[str]:
    return exc.value.fields


# ---- the §2.1 table -------------------------------------------------------------------


def test_each_category_carries_the_rule_and_position_of_the_table() -> None:
    assert "Ombuigen" in BehaviourCategory.A.rule
    assert "meeveren" in BehaviourCategory.B.rule
    assert "tot de orde roepen" in BehaviourCategory.C.rule
    assert "niet persoonlijk" in BehaviourCategory.C.position
    assert BehaviourCategory.D.rule.startswith("Grenzen stellen")
    assert "niet bedreigen of intimideren" in BehaviourCategory.D.position
    assert "0900-8844" in BehaviourCategory.E.rule and "112" in BehaviourCategory.E.rule
    assert [c.label[0] for c in BehaviourCategory] == ["A", "B", "C", "D", "E"]


def test_only_threats_and_violence_advise_aangifte() -> None:
    assert [c for c in BehaviourCategory if c.aangifte_advised] == [BehaviourCategory.D]


def test_digital_channels_ask_for_evidence() -> None:
    assert {c for c in Channel if c.digital} == {Channel.EMAIL, Channel.SOCIAL_MEDIA}


# ---- the report -----------------------------------------------------------------------


def test_a_complete_report_is_accepted_and_stripped() -> None:
    r = report(wie="  Bewoner  ", category="C", channel="balie")
    assert r.wie == "Bewoner"
    assert r.category is BehaviourCategory.C and r.channel is Channel.BALIE
    assert r.aangifte_due == OCCURRED + timedelta(hours=24)


def test_missing_w_fields_are_all_reported_by_their_dutch_name() -> None:
    with pytest.raises(ValidationErrors) as exc:
        report(wie=" ", wat="", waar="", channel=None, category=None, occurred_at=None)
    assert set(fields_of(exc)) == {"Wie", "Wat", "Waar", "Kanaal", "Soort gedrag", "Wanneer"}


def test_wanneer_may_not_lie_in_the_future_or_years_back() -> None:
    with pytest.raises(ValidationErrors, match="Wanneer: het incident ligt in de toekomst"):
        report(occurred_at=NOW + timedelta(hours=1))
    report(occurred_at=NOW + timedelta(minutes=4))  # a laptop clock a bit off
    with pytest.raises(ValidationErrors, match="meer dan een jaar"):
        report(occurred_at=NOW - timedelta(days=400))


def test_injury_needs_an_explanation() -> None:
    with pytest.raises(ValidationErrors) as exc:
        report(injury=Injury.LICHT)
    assert fields_of(exc) == ["Letsel (toelichting)"]
    assert report(injury="licht", injury_details="Schaafwond aan de arm").injury is Injury.LICHT


def test_too_short_and_too_long_texts_are_refused() -> None:
    with pytest.raises(ValidationErrors, match="Wat: te kort"):
        report(wat="Boos")
    with pytest.raises(ValidationErrors, match="Waarom: maximaal 4000 tekens"):
        report(waarom="x" * 4001)
    with pytest.raises(ValidationErrors, match="Getuigen: bevat ongeldige"):
        report(witnesses="Lotte\x00")


@settings(max_examples=150, deadline=None)
@given(
    wie=st.text(max_size=60),
    wat=st.text(max_size=120),
    waar=st.text(max_size=60),
    channel=st.one_of(st.none(), st.text(max_size=12), st.sampled_from(list(Channel))),
    category=st.one_of(st.none(), st.text(max_size=3), st.sampled_from(list(BehaviourCategory))),
    injury=st.one_of(st.text(max_size=8), st.sampled_from(list(Injury))),
    minutes=st.integers(min_value=-600_000, max_value=600_000),
)
def test_any_typed_input_gives_a_report_or_dutch_field_errors(
    wie: str, wat: str, waar: str, channel: Any, category: Any, injury: Any, minutes: int
) -> None:
    try:
        r = IncidentReport.create(
            occurred_at=NOW + timedelta(minutes=minutes),
            channel=channel,
            category=category,
            wie=wie,
            wat=wat,
            waar=waar,
            injury=injury,
            injury_details="Blauwe plek",
            now=NOW,
        )
    except ValidationErrors as exc:
        assert exc.errors and all(e.field and e.message for e in exc.errors)
        return
    assert r.wie == wie.strip() and r.wie
    assert len(r.wat) >= 10
    assert r.occurred_at <= NOW + timedelta(minutes=5)


# ---- steps ----------------------------------------------------------------------------


def test_needed_steps_follow_the_protocol() -> None:
    calm = report()
    assert needed_steps(calm) == [Step.VEILIGHEID, Step.LEIDINGGEVENDE, Step.CAG]
    hurt = report(injury="ernstig", injury_details="Gebroken pols")
    assert needed_steps(hurt) == [
        Step.VEILIGHEID,
        Step.ALARM_112,
        Step.ARTS,
        Step.LEIDINGGEVENDE,
        Step.CAG,
    ]
    assert Step.ALARM_112 in needed_steps(report(police_involved=True))


def test_step_times_lie_between_incident_and_now() -> None:
    assert check_step_time(NOW, occurred_at=OCCURRED, now=NOW) == NOW
    with pytest.raises(ValidationError, match=r"Tijdstip stap: .*toekomst"):
        check_step_time(NOW + timedelta(hours=1), occurred_at=OCCURRED, now=NOW)
    with pytest.raises(ValidationError, match="vóór het incident"):
        check_step_time(OCCURRED - timedelta(hours=1), occurred_at=OCCURRED, now=NOW)


# ---- melding / aangifte ---------------------------------------------------------------


def police(**changes: Any) -> PoliceReport:
    values: dict[str, Any] = {
        "kind": ReportKind.AANGIFTE,
        "reported_by": "Petra de Groot",
        "reported_at": NOW,
        "police_reference": " 2026  112233 ",
        "municipality_address": "Geleenstraat 27, 6411 HR Heerlen",
        "vpt_mentioned": True,
        "occurred_at": OCCURRED,
        "now": NOW,
    }
    values.update(changes)
    return PoliceReport.create(**values)


def test_aangifte_deadline_is_24_hours_after_the_incident() -> None:
    assert aangifte_deadline(OCCURRED) == OCCURRED + timedelta(hours=24)


def test_an_aangifte_records_who_when_reference_address_and_vpt() -> None:
    p = police()
    assert p.police_reference == "2026 112233"
    assert p.vpt_mentioned and p.warnings(OCCURRED) == []


def test_an_aangifte_needs_reference_and_municipality_address() -> None:
    with pytest.raises(ValidationErrors) as exc:
        police(police_reference="", municipality_address="", reported_by="")
    assert set(fields_of(exc)) == {"Registratienummer politie", "Adres gemeente", "Gemeld door"}
    with pytest.raises(ValidationErrors, match="nooit op het privéadres"):
        police(kind="melding", municipality_address=" ")
    assert police(kind="melding", police_reference="").kind is ReportKind.MELDING


def test_no_report_needs_a_reason_and_clears_police_fields() -> None:
    with pytest.raises(ValidationErrors, match="Reden"):
        police(kind="geen")
    p = police(kind="geen", reason="Medewerker wil geen aangifte; besproken met CAG.")
    assert p.police_reference == "" and not p.vpt_mentioned


def test_late_or_without_vpt_gives_warnings_not_errors() -> None:
    p = police(vpt_mentioned=False, reported_at=NOW, occurred_at=NOW - timedelta(hours=30))
    warnings = p.warnings(NOW - timedelta(hours=30))
    assert any("VPT" in w for w in warnings) and any("24 uur" in w for w in warnings)


def test_reported_time_must_be_after_the_incident_and_not_future() -> None:
    with pytest.raises(ValidationErrors, match="Gemeld op: dit tijdstip ligt in de toekomst"):
        police(reported_at=NOW + timedelta(hours=2))
    with pytest.raises(ValidationErrors, match="Gemeld op: dit tijdstip ligt vóór"):
        police(reported_at=OCCURRED - timedelta(hours=2))


@settings(max_examples=100, deadline=None)
@given(reference=st.text(max_size=80), by=st.text(max_size=40), kind=st.text(max_size=10))
def test_any_police_input_gives_a_record_or_field_errors(
    reference: str, by: str, kind: str
) -> None:
    try:
        p = police(police_reference=reference, reported_by=by, kind=kind)
    except ValidationErrors as exc:
        assert all(e.field for e in exc.errors)
        return
    assert len(p.police_reference) <= 40 and p.reported_by == by.strip()


# ---- aftercare ------------------------------------------------------------------------


def test_three_conversations_at_24_72_hours_5_days_and_4_6_weeks() -> None:
    filed = OCCURRED + timedelta(hours=1)
    first, second, third = aftercare_schedule(OCCURRED, filed)
    assert first.talk is AftercareTalk.EERSTE and first.remind_at == filed
    assert first.aim_by == OCCURRED + timedelta(hours=24)
    assert first.latest == OCCURRED + timedelta(hours=72)
    assert second.remind_at == OCCURRED + timedelta(days=5)
    assert third.remind_at == OCCURRED + timedelta(weeks=4)
    assert third.latest == OCCURRED + timedelta(weeks=6)


def test_a_talk_is_recorded_held_or_declined_with_a_date() -> None:
    record = AftercareRecord.create(
        talk="eerste", outcome="afgeslagen", on=date(2026, 11, 23), occurred_at=OCCURRED, now=NOW
    )
    assert record.outcome is TalkOutcome.GEWEIGERD
    with pytest.raises(ValidationErrors) as exc:
        AftercareRecord.create(talk="eerste", outcome=None, on=None, occurred_at=OCCURRED, now=NOW)
    assert set(fields_of(exc)) == {"Uitkomst", "Datum gesprek"}
    with pytest.raises(ValidationErrors, match="toekomst"):
        AftercareRecord.create(
            talk="tweede", outcome="gehouden", on=date(2026, 12, 1), occurred_at=OCCURRED, now=NOW
        )


# ---- deadlines for the reminder scheduler ---------------------------------------------


def test_open_deadlines_cover_aangifte_and_each_talk_until_recorded() -> None:
    filed = OCCURRED + timedelta(hours=1)
    found = open_deadlines(
        incident_id=7,
        occurred_at=OCCURRED,
        filed_at=filed,
        police_report_recorded=False,
        talks_recorded=set(),
        visit_id=3,
        employee_first_name="Sanne",
    )
    by_name = {d.name: d for d in found}
    assert by_name["aangifte:7"].due_at == OCCURRED + timedelta(hours=24)
    assert by_name["aangifte:7:herinnering"].due_at == OCCURRED + timedelta(hours=20)
    assert by_name["nazorg-eerste:7"].due_at == filed
    assert by_name["nazorg-tweede:7"].due_at == OCCURRED + timedelta(days=5)
    assert by_name["nazorg-derde:7"].due_at == OCCURRED + timedelta(weeks=4)
    assert all(d.audience is Audience.LEIDINGGEVENDEN and d.visit_id == 3 for d in found)
    done = open_deadlines(
        incident_id=7,
        occurred_at=OCCURRED,
        filed_at=filed,
        police_report_recorded=True,
        talks_recorded={AftercareTalk.EERSTE, AftercareTalk.DERDE},
    )
    assert [d.name for d in done] == ["nazorg-tweede:7"]


def test_a_late_filing_gets_no_early_aangifte_reminder_before_filing() -> None:
    filed = OCCURRED + timedelta(hours=23)
    names = {
        d.name: d.due_at
        for d in open_deadlines(
            incident_id=1,
            occurred_at=OCCURRED,
            filed_at=filed,
            police_report_recorded=False,
            talks_recorded=set(),
        )
    }
    assert names["aangifte:1:herinnering"] == filed
    filed_after = OCCURRED + timedelta(hours=30)
    names = {
        d.name
        for d in open_deadlines(
            incident_id=1,
            occurred_at=OCCURRED,
            filed_at=filed_after,
            police_report_recorded=False,
            talks_recorded=set(),
        )
    }
    assert "aangifte:1:herinnering" not in names and "aangifte:1" in names


def test_deadline_labels_are_dutch() -> None:
    assert "24 uur" in deadline_label("aangifte:4")
    assert deadline_label("nazorg-derde:4").startswith("Nazorg: derde gesprek")


# ---- register note --------------------------------------------------------------------


def test_proposed_note_is_factual_and_leaves_names_out() -> None:
    r = report(wie="Dhr. Jansen", waarmee="Keukenmes")
    proposal = propose_note(r)
    assert proposal.category is NoteCategory.BEDREIGING
    assert "Dhr. Jansen" not in proposal.description
    assert "Keukenmes" in proposal.description and r.wat in proposal.description
    assert proposal.incident_date == date(2026, 11, 23)
    assert "0900-8844" in proposal.precautions
    hurt = propose_note(report(injury="licht", injury_details="Kneuzing"))
    assert hurt.category is NoteCategory.GEWELD
    assert "Kneuzing" not in hurt.description
    assert propose_note(report(category="C")).category is NoteCategory.AGRESSIEVE_PERSOON


def test_proposed_note_fits_the_register_limits() -> None:
    long = propose_note(report(wat="a" * 3000, wijze="b" * 3000))
    assert len(long.description) <= MAX_DESCRIPTION_LENGTH
    assert len(propose_note(report()).description) >= MIN_DESCRIPTION_LENGTH


# ---- evidence -------------------------------------------------------------------------


def test_attachment_too_big_gets_a_clear_dutch_message() -> None:
    with pytest.raises(ValidationErrors) as exc:
        check_attachment(
            filename="C:\\Users\\sanne\\Desktop\\scherm.png",
            size=MAX_ATTACHMENT_BYTES + 1,
            captured_at=NOW,
            already_stored=0,
            now=NOW,
        )
    message = str(exc.value)
    assert "Bijlage: 'scherm.png' is 10 MB" in message
    assert "hoogstens 10 MB" in message
    with pytest.raises(ValidationErrors, match="samen mogen de bijlagen"):
        check_attachment(
            filename="a.png",
            size=1000,
            captured_at=NOW,
            already_stored=MAX_ATTACHMENTS_TOTAL_BYTES,
            now=NOW,
        )


def test_attachment_needs_date_and_time_of_the_evidence() -> None:
    with pytest.raises(ValidationErrors, match="Datum en tijd bijlage"):
        check_attachment(filename="a.png", size=10, captured_at=None, already_stored=0, now=NOW)
    name = check_attachment(
        filename="/home/x/bericht.eml", size=10, captured_at=NOW, already_stored=0, now=NOW
    )
    assert name == "bericht.eml"


def test_format_size_uses_dutch_decimals() -> None:
    assert format_size(512) == "512 bytes"
    assert format_size(1536) == "1,5 kB"
    assert format_size(10 * 1024 * 1024) == "10 MB"


@given(st.text(max_size=300))
def test_clean_filename_never_keeps_paths_or_control_characters(name: str) -> None:
    try:
        cleaned = clean_filename(name)
    except ValidationError as exc:
        assert exc.field == "Bijlage"
        return
    assert cleaned and "/" not in cleaned and "\\" not in cleaned
    assert all(ch.isprintable() for ch in cleaned)
    assert len(cleaned) <= 120
