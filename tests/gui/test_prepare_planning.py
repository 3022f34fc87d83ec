"""services.planning: the use cases behind the prepare-visit flow (no widgets)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.gui.conftest import DemoEnv
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.checklist import (
    Answer,
    Assessment,
    RiskLevel,
    assess,
    default_checklist,
)
from veilig_huisbezoek.domain.errors import ValidationError
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.domain.visit import VisitPlan, VisitState
from veilig_huisbezoek.services import planning, visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.planning import ConsentGrant
from veilig_huisbezoek.services.visit_details import get_visit_detail


def assessment(**answers: Answer) -> Assessment:
    checklist = default_checklist()
    return assess(checklist, {it.id: Answer.NEE for it in checklist.items} | answers)


def make_plan(ctx: ServiceContext, *, colleagues: tuple[int, ...] = ()) -> VisitPlan:
    buddy = next(a for a in planning.team_members(ctx) if a.username == "ahmed")
    start = ctx.now() + timedelta(hours=1)
    return VisitPlan.create(
        reason="handhaving",
        address=Address.create("Prinsengracht", "263", "1016 GV", "Amsterdam"),
        residents="",
        clients="",
        client_phone_text="",
        start=start,
        expected_return=start + timedelta(hours=1),
        visitor_id=ctx.actor.account_id,
        colleague_ids=colleagues,
        roles_note="",
        interpreter=False,
        announced_in_writing=False,
        buddy_id=buddy.id,
        callbacks=(),
        now=ctx.now(),
    )


def test_team_members_leave_out_yourself_and_a_pure_beheerder(demo: DemoEnv) -> None:
    sanne = demo.login("sanne")
    names = [a.username for a in planning.team_members(sanne)]
    assert names == ["ahmed", "lotte", "petra"]


def test_suggested_callbacks_use_the_settings(demo: DemoEnv) -> None:
    sanne = demo.login("sanne")
    start = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    end = start + timedelta(minutes=90)
    assert planning.suggested_callbacks(sanne, start, end, RiskLevel.GROEN) == (
        start + timedelta(minutes=10),
        end,
    )
    assert planning.suggested_callbacks(sanne, start, end, RiskLevel.ORANJE) == (
        start + timedelta(minutes=10),
        start + timedelta(minutes=40),
        start + timedelta(minutes=70),
        end,
    )


def test_rood_without_consent_is_refused_before_anything_is_stored(demo: DemoEnv) -> None:
    sanne = demo.login("sanne")
    before = len(visits.list_visits(sanne))
    lotte = next(a for a in planning.team_members(sanne) if a.username == "lotte")
    rood = assessment(wapens=Answer.JA)
    with pytest.raises(ValidationError) as refused:
        planning.plan_visit(sanne, make_plan(sanne, colleagues=(lotte.id,)), rood)
    assert refused.value.field == "Toestemming leidinggevende"
    assert len(visits.list_visits(sanne)) == before


def test_consent_must_come_from_another_leidinggevende(demo: DemoEnv) -> None:
    sanne, ahmed, petra = demo.login("sanne"), demo.login("ahmed"), demo.login("petra")
    lotte = next(a for a in planning.team_members(sanne) if a.username == "lotte")
    rood = assessment(wapens=Answer.JA)
    plan = make_plan(sanne, colleagues=(lotte.id,))
    with pytest.raises(PermissionDenied, match="geen leidinggevende"):
        planning.plan_visit(sanne, plan, rood, consent=ConsentGrant(ahmed.actor, "x" * 20))
    with pytest.raises(ValidationError, match="Reden toestemming"):
        planning.plan_visit(sanne, plan, rood, consent=ConsentGrant(petra.actor, "kort"))
    own_plan = make_plan(petra, colleagues=(lotte.id,))
    with pytest.raises(PermissionDenied, match="niet zelf"):
        planning.plan_visit(petra, own_plan, rood, consent=ConsentGrant(petra.actor, "x" * 20))

    visit_id = planning.plan_visit(
        sanne, plan, rood, consent=ConsentGrant(petra.actor, "Politie is vooraf ingelicht.")
    )
    detail = get_visit_detail(sanne, visit_id)
    assert detail.state is VisitState.GEPLAND
    assert detail.consent_by == "Petra de Groot"


def test_pending_consents_lists_rood_concepts_of_others(demo: DemoEnv) -> None:
    sanne, petra = demo.login("sanne"), demo.login("petra")
    lotte = next(a for a in planning.team_members(sanne) if a.username == "lotte")
    rood = assessment(wapens=Answer.JA)
    concept = planning.plan_visit(
        sanne, make_plan(sanne, colleagues=(lotte.id,)), rood, schedule=False
    )
    groen = planning.plan_visit(sanne, make_plan(sanne), assessment(), schedule=False)
    pending = [v.id for v in planning.pending_consents(petra)]
    assert concept in pending and groen not in pending
    with pytest.raises(PermissionDenied):
        planning.pending_consents(sanne)
    visits.give_consent(petra, concept, "Politie is vooraf ingelicht.")
    assert concept not in [v.id for v in planning.pending_consents(petra)]
    mine = {v.id: v for v in planning.my_open_visits(sanne)}
    assert mine[concept].consent_by == "Petra de Groot"
    assert not mine[concept].awaiting_consent


def test_deviation_rule_matches_the_service(demo: DemoEnv) -> None:
    assert not planning.deviation_required(RiskLevel.GROEN, [])
    assert planning.deviation_required(RiskLevel.ORANJE, [])
    assert not planning.deviation_required(RiskLevel.ROOD, [3])
    with pytest.raises(ValidationError) as refused:
        planning.check_deviation(RiskLevel.ORANJE, [], "  ")
    sanne = demo.login("sanne")
    with pytest.raises(ValidationError) as service_refused:
        visits.save_visit(
            sanne, make_plan(sanne), assessment(handhaving=Answer.JA, dieren=Answer.JA)
        )
    assert str(refused.value) == str(service_refused.value)
    planning.check_deviation(RiskLevel.ORANJE, [], "Collega ziek; korte controle.")


def test_local_time_helpers_handle_the_repeated_autumn_hour() -> None:
    assert planning.is_ambiguous_local(datetime(2026, 10, 25, 2, 30))
    assert not planning.is_ambiguous_local(datetime(2026, 10, 25, 3, 30))
    assert not planning.is_ambiguous_local(datetime(2026, 3, 29, 2, 30))  # does not exist
    start = datetime(2026, 10, 25, 1, 0, tzinfo=UTC)  # 02:00 wintertijd
    end = start + timedelta(hours=1)
    # 02:30 happens twice; the second one lies within this visit.
    assert planning.callback_instant(datetime(2026, 10, 25, 2, 30), start, end) == datetime(
        2026, 10, 25, 1, 30, tzinfo=UTC
    )
    with pytest.raises(ValidationError, match="bestaat niet"):
        planning.callback_instant(datetime(2026, 3, 29, 2, 30), start, end)
