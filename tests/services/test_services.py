"""Use cases over a real encrypted store: roles enforced in the service layer, visit
lifecycle, calls, the register and the AVG export."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from tests.conftest import Team
from tests.helpers import ADDRESS, running_visit, visit_plan
from tests.presence_helpers import visit_buddy_present
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.call_outcome import CallAction, NameUsed
from veilig_huisbezoek.domain.checklist import Answer, RiskLevel, assess, default_checklist
from veilig_huisbezoek.domain.errors import NotAllowedError, TransitionError, ValidationError
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.domain.visit import VisitPlan, VisitState
from veilig_huisbezoek.services import register, visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.export import export_address
from veilig_huisbezoek.storage.models import AuditEntry, Callback


def _assessment(level: RiskLevel):  # type: ignore[no-untyped-def]
    checklist = default_checklist()
    answers = {item.id: Answer.NEE for item in checklist.items}
    if level is RiskLevel.ORANJE:
        answers["handhaving"] = answers["slecht_nieuws"] = Answer.JA
    elif level is RiskLevel.ROOD:
        answers["wapens"] = Answer.JA
    result = assess(checklist, answers)
    assert result.level is level
    return result


def _plan(ctx: ServiceContext, team: Team, *, colleagues: tuple[int, ...] = ()) -> VisitPlan:
    start = team.clock.now() + timedelta(minutes=30)
    end = start + timedelta(hours=1)
    return visit_plan(
        ctx, buddy_id=team.ids["bram"], start=start, end=end, colleague_ids=colleagues
    )


def _running_visit(team: Team, level: RiskLevel = RiskLevel.GROEN) -> int:
    ctx = team.login("sanne")
    colleagues = (team.ids["petra"],) if level >= RiskLevel.ORANJE else ()
    lead = team.login("petra") if level is RiskLevel.ROOD else None
    visit_id = running_visit(
        ctx, _plan(ctx, team, colleagues=colleagues), _assessment(level), consent_by=lead
    )
    if lead is not None:
        lead.store.close()
    ctx.store.close()
    return visit_id


# ---- visits and roles ---------------------------------------------------------------


def test_planned_visit_round_trips_with_times_in_utc(team: Team) -> None:
    ctx = team.login("sanne")
    plan = _plan(ctx, team)
    visit_id = visits.save_visit(ctx, plan, _assessment(RiskLevel.GROEN))
    ctx.store.close()
    ctx = team.login("sanne")
    summary = visits.get_visit(ctx, visit_id)
    ctx.store.close()
    assert summary.state is VisitState.CONCEPT
    assert summary.address == ADDRESS
    assert summary.start == plan.start and summary.start.utcoffset() == timedelta(0)
    assert summary.next_callback == plan.callbacks[0]


def test_going_alone_on_oranje_needs_a_recorded_reason(team: Team) -> None:
    ctx = team.login("sanne")
    with pytest.raises(ValidationError, match="Reden afwijking"):
        visits.save_visit(ctx, _plan(ctx, team), _assessment(RiskLevel.ORANJE))
    visit_id = visits.save_visit(
        ctx,
        _plan(ctx, team),
        _assessment(RiskLevel.ORANJE),
        deviation_reason="Collega ziek; cliënt bekend en rustig.",
    )
    visits.schedule_visit(ctx, visit_id)
    ctx.store.close()


def test_rood_needs_consent_from_a_leidinggevende(team: Team) -> None:
    ctx = team.login("sanne")
    plan = _plan(ctx, team, colleagues=(team.ids["petra"],))
    visit_id = visits.save_visit(ctx, plan, _assessment(RiskLevel.ROOD))
    with pytest.raises(ValidationError, match="Toestemming leidinggevende"):
        visits.schedule_visit(ctx, visit_id)
    with pytest.raises(PermissionDenied):
        visits.give_consent(ctx, visit_id, "Ik vind het wel goed zo.")
    lead = team.login("petra")
    visits.give_consent(lead, visit_id, "Onvermijdelijk; politie is vooraf geïnformeerd.")
    lead.store.close()
    visits.schedule_visit(ctx, visit_id)
    assert visits.get_visit(ctx, visit_id).state is VisitState.GEPLAND
    ctx.store.close()


def test_illegal_transition_is_refused(team: Team) -> None:
    ctx = team.login("sanne")
    visit_id = visits.save_visit(ctx, _plan(ctx, team), _assessment(RiskLevel.GROEN))
    with pytest.raises(TransitionError):
        visits.return_safe(ctx, visit_id)
    ctx.store.close()


def test_visibility_follows_the_roles(team: Team) -> None:
    visit_id = _running_visit(team)
    for name, sees in (("sanne", True), ("bram", True), ("petra", True), ("anna", True)):
        ctx = team.login(name)
        assert [v.id for v in visits.list_visits(ctx)] == ([visit_id] if sees else [])
        ctx.store.close()
    # A medewerker not involved sees nothing and cannot open it.
    ctx = team.login("anna")
    from veilig_huisbezoek.domain.roles import Role
    from veilig_huisbezoek.services.accounts import NewAccount, add_account

    add_account(
        ctx,
        NewAccount(
            "lotte", "lotte-haar-wachtwoord", "Lotte", "Bakker", frozenset({Role.MEDEWERKER})
        ),
    )
    add_account(
        ctx, NewAccount("tom", "tom-wachtwoord-1", "Tom", "Jacobs", frozenset({Role.BEHEERDER}))
    )
    ctx.store.close()
    from veilig_huisbezoek.services.accounts import log_in

    for name, password in (("lotte", "lotte-haar-wachtwoord"), ("tom", "tom-wachtwoord-1")):
        other = log_in(team.data_dir, name, password, team.clock)
        assert visits.list_visits(other) == []
        with pytest.raises(PermissionDenied):
            visits.get_visit(other, visit_id)
        other.store.close()


def test_someone_else_cannot_depart_or_plan_for_me(team: Team) -> None:
    sanne = team.login("sanne")
    visit_id = visits.save_visit(sanne, _plan(sanne, team), _assessment(RiskLevel.GROEN))
    visits.schedule_visit(sanne, visit_id)
    sanne_plan = _plan(sanne, team)
    sanne.store.close()
    bram = team.login("bram")  # the buddy may see it, not depart for her
    with pytest.raises(PermissionDenied):
        visit_buddy_present(bram, visit_id)
        visits.depart(bram, visit_id)
    with pytest.raises(PermissionDenied):
        visits.save_visit(bram, sanne_plan, _assessment(RiskLevel.GROEN))
    bram.store.close()


# ---- calls --------------------------------------------------------------------------


def test_only_the_buddy_or_a_leidinggevende_records_calls(team: Team) -> None:
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    with pytest.raises(PermissionDenied):
        visits.record_call(
            sanne, visit_id, reached=True, name_used=NameUsed.VOORNAAM, vrijuit=True, politie=False
        )
    sanne.store.close()
    bram = team.login("bram")
    decision = visits.record_call(
        bram, visit_id, reached=True, name_used=NameUsed.VOORNAAM, vrijuit=True, politie=False
    )
    bram.store.close()
    assert decision.action is CallAction.OK


def test_two_misses_escalate_and_each_miss_plans_a_retry(team: Team) -> None:
    visit_id = _running_visit(team)
    bram = team.login("bram")
    first = visits.record_call(bram, visit_id, reached=False)
    assert first.action is CallAction.RETRY
    with bram.store.session() as session:
        retry = session.execute(
            select(Callback).where(Callback.visit_id == visit_id, Callback.kind == "herhaling")
        ).scalar_one()
    assert retry.due_at == team.clock.now() + timedelta(minutes=5)
    team.clock.advance(timedelta(minutes=5))
    second = visits.record_call(bram, visit_id, reached=False, callback_id=retry.id)
    assert second.action is CallAction.ESCALATE
    assert visits.get_visit(bram, visit_id).state is VisitState.GEESCALEERD
    bram.store.close()


def test_achternaam_means_police_and_escalation(team: Team) -> None:
    visit_id = _running_visit(team)
    bram = team.login("bram")
    decision = visits.record_call(
        bram, visit_id, reached=True, name_used=NameUsed.ACHTERNAAM, vrijuit=None, politie=None
    )
    assert decision.action is CallAction.CALL_POLICE
    assert decision.inform_leidinggevende and decision.keep_line
    assert visits.get_visit(bram, visit_id).state is VisitState.GEESCALEERD
    bram.store.close()


def test_return_safe_cancels_open_callbacks(team: Team) -> None:
    visit_id = _running_visit(team)
    sanne = team.login("sanne")
    visits.return_safe(sanne, visit_id)
    summary = visits.get_visit(sanne, visit_id)
    sanne.store.close()
    assert summary.state is VisitState.TERUG_VEILIG
    assert summary.next_callback is None


# ---- register -----------------------------------------------------------------------


def _propose(team: Team) -> int:
    sanne = team.login("sanne")
    note_id = register.propose_note(
        sanne,
        address=ADDRESS,
        category="bedreiging",
        incident_date=date(2026, 11, 20),
        description="Bewoner dreigde de handhaver te slaan en blokkeerde de deur.",
        precautions="Altijd met twee.",
    )
    assert register.warnings_for(sanne, ADDRESS.key) == []  # not active until approved
    sanne.store.close()
    return note_id


def test_note_warns_only_after_approval_by_another_leidinggevende(team: Team) -> None:
    note_id = _propose(team)
    sanne = team.login("sanne")
    with pytest.raises((PermissionDenied, NotAllowedError)):
        register.approve_note(sanne, note_id)
    sanne.store.close()
    petra = team.login("petra")
    register.approve_note(petra, note_id)
    petra.store.close()
    bram = team.login("bram")
    warnings = register.warnings_for(bram, ADDRESS.key)
    with bram.store.session() as session:
        viewed = (
            session.execute(select(AuditEntry).where(AuditEntry.action == "note_viewed"))
            .scalars()
            .all()
        )
    bram.store.close()
    assert [w.id for w in warnings] == [note_id]
    assert warnings[0].review_due == date(2027, 11, 23)
    assert [(v.actor_id, v.object_id) for v in viewed] == [(team.ids["bram"], str(note_id))]


def test_author_cannot_approve_own_note(team: Team) -> None:
    petra = team.login("petra")
    note_id = register.propose_note(
        petra,
        address=ADDRESS,
        category="wapens",
        incident_date=date(2026, 11, 1),
        description="Groot mes zichtbaar op tafel; bewoner wees er herhaaldelijk naar.",
    )
    with pytest.raises(NotAllowedError, match="vier-ogen"):
        register.approve_note(petra, note_id)
    petra.store.close()


def test_matching_uses_postcode_number_and_addition(team: Team) -> None:
    note_id = _propose(team)
    petra = team.login("petra")
    register.approve_note(petra, note_id)
    other = Address("Akerstraat", 12, "", "6411 HB", "Heerlen")
    assert register.warnings_for(petra, other.key) == []
    assert len(register.warnings_for(petra, ADDRESS.key)) == 1
    petra.store.close()


def test_overdue_review_listed_and_expired_note_stops_warning(team: Team) -> None:
    note_id = _propose(team)
    petra = team.login("petra")
    register.approve_note(petra, note_id)
    team.clock.advance(timedelta(days=366))
    assert [n.id for n in register.overdue_reviews(petra)] == [note_id]
    assert register.warnings_for(petra, ADDRESS.key)  # overdue, still warning
    team.clock.advance(timedelta(days=100))  # past review + 3 months grace
    assert register.warnings_for(petra, ADDRESS.key) == []
    petra.store.close()


def test_medewerker_cannot_list_the_whole_register(team: Team) -> None:
    _propose(team)
    bram = team.login("bram")
    assert register.list_notes(bram) == []  # only own proposals
    with pytest.raises(PermissionDenied):
        register.overdue_reviews(bram)
    bram.store.close()


# ---- export -------------------------------------------------------------------------


def test_avg_export_holds_visits_and_notes_and_is_audited(team: Team) -> None:
    visit_id = _running_visit(team)
    _propose(team)
    petra = team.login("petra")
    data = export_address(petra, ADDRESS.key)
    with petra.store.session() as session:
        logged = session.execute(
            select(AuditEntry).where(AuditEntry.action == "address_exported")
        ).scalar_one()
    petra.store.close()
    assert [v["id"] for v in data["visits"]] == [visit_id]
    assert data["visits"][0]["visitor"] == "Sanne Visser"
    assert data["visits"][0]["assessment"]["level"] == "groen"
    assert len(data["unsafe_address_notes"]) == 1
    assert logged.actor_id == team.ids["petra"]
    bram = team.login("bram")
    with pytest.raises(PermissionDenied):
        export_address(bram, ADDRESS.key)
    bram.store.close()
