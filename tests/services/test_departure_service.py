"""Before departure (docs/design.md §4a) on the embedded store: the buddy must be present and
dial; otherwise another present colleague, or go anyway with a reason (the
leidinggevenden are told), or nothing changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.conftest import Team
from tests.presence_helpers import buddy_present
from tests.services.test_services import _assessment, _plan
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.departure import DepartureRefused
from veilig_huisbezoek.domain.errors import TransitionError, ValidationError
from veilig_huisbezoek.domain.presence import ABSENT_AFTER
from veilig_huisbezoek.domain.reminders import Audience, ReminderKind
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.services import alarms, visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage.models import Account, AuditEntry, Visit, VisitEvent


@pytest.fixture
def sanne(team: Team) -> Iterator[ServiceContext]:
    ctx = team.login("sanne")
    yield ctx
    ctx.store.close()


def _scheduled(ctx: ServiceContext, team: Team) -> int:
    visit_id = visits.save_visit(ctx, _plan(ctx, team), _assessment(RiskLevel.GROEN))
    visits.schedule_visit(ctx, visit_id)
    return visit_id


def _visit(ctx: ServiceContext, visit_id: int) -> Visit:
    with ctx.store.session() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None
        session.expunge(visit)
        return visit


def _events(ctx: ServiceContext, visit_id: int) -> list[tuple[str, str]]:
    with ctx.store.session() as session:
        rows = session.execute(
            select(VisitEvent.kind, VisitEvent.detail)
            .where(VisitEvent.visit_id == visit_id)
            .order_by(VisitEvent.id)
        ).all()
    return [(row.kind, row.detail) for row in rows]


def test_a_present_buddy_with_a_phone_departs_as_before(team: Team, sanne: ServiceContext) -> None:
    visit_id = _scheduled(sanne, team)
    buddy_present(sanne.store, team.ids["bram"], team.clock.now())
    assert visits.buddy_check(sanne, visit_id).ok
    visits.depart(sanne, visit_id)
    visit = _visit(sanne, visit_id)
    assert visit.state == VisitState.ONDERWEG.value and visit.buddy_id == team.ids["bram"]
    assert not [k for k, _ in _events(sanne, visit_id) if k in ("zonder_buddy", "alarm")]


def test_an_absent_buddy_refuses_the_departure_and_nothing_changes(
    team: Team, sanne: ServiceContext
) -> None:
    visit_id = _scheduled(sanne, team)
    # Bram was here, but longer ago than three heartbeats.
    buddy_present(sanne.store, team.ids["bram"], team.clock.now())
    team.clock.advance(ABSENT_AFTER + timedelta(seconds=1))
    with pytest.raises(DepartureRefused) as refused:
        visits.depart(sanne, visit_id)
    assert not refused.value.check.present and refused.value.check.dials
    assert "Bram is niet ingelogd." in str(refused.value)
    assert _visit(sanne, visit_id).state == VisitState.GEPLAND.value


def test_a_buddy_whose_phone_does_not_dial_refuses(team: Team, sanne: ServiceContext) -> None:
    visit_id = _scheduled(sanne, team)
    with sanne.store.session() as session:
        bram = session.get(Account, team.ids["bram"])
        assert bram is not None
        bram.phone = ""
    buddy_present(sanne.store, team.ids["bram"], team.clock.now())
    with pytest.raises(DepartureRefused, match="telefoonnummer van Bram kan niet gebeld"):
        visits.depart(sanne, visit_id)


def test_a_present_colleague_is_offered_and_becomes_the_buddy(
    team: Team, sanne: ServiceContext
) -> None:
    visit_id = _scheduled(sanne, team)
    now = team.clock.now()
    for name in ("petra", "anna", "sanne"):  # sanne: the visitor herself, never offered
        buddy_present(sanne.store, team.ids[name], now)
    choices = visits.buddy_choices(sanne, visit_id)
    assert [c.first_name for c in choices] == ["Anna", "Petra"]
    assert choices[1].display_name == "Petra de Groot"
    visits.depart(sanne, visit_id, new_buddy_id=team.ids["petra"])
    visit = _visit(sanne, visit_id)
    assert visit.state == VisitState.ONDERWEG.value and visit.buddy_id == team.ids["petra"]
    events = _events(sanne, visit_id)
    assert ("buddy_gewijzigd", f"{team.ids['bram']}→{team.ids['petra']}") in events
    assert events[-1][0] == "vertrokken"
    with sanne.store.session() as session:
        actions = session.execute(select(AuditEntry.action)).scalars().all()
    assert "visit_buddy_changed" in actions


def test_the_new_buddy_must_be_present_dial_and_not_be_the_visitor(
    team: Team, sanne: ServiceContext
) -> None:
    visit_id = _scheduled(sanne, team)
    with pytest.raises(ValidationError, match="Petra is niet ingelogd"):
        visits.depart(sanne, visit_id, new_buddy_id=team.ids["petra"])
    buddy_present(sanne.store, team.ids["sanne"], team.clock.now())
    with pytest.raises(ValidationError, match="actieve collega"):
        visits.depart(sanne, visit_id, new_buddy_id=team.ids["sanne"])
    visit = _visit(sanne, visit_id)
    assert visit.state == VisitState.GEPLAND.value and visit.buddy_id == team.ids["bram"]


def test_go_anyway_needs_a_reason_and_tells_the_leidinggevenden(
    team: Team, sanne: ServiceContext
) -> None:
    visit_id = _scheduled(sanne, team)
    with pytest.raises(ValidationError, match="waarom"):
        visits.depart(sanne, visit_id, go_anyway_reason="   ")
    assert _visit(sanne, visit_id).state == VisitState.GEPLAND.value
    visits.depart(sanne, visit_id, go_anyway_reason="Bram belt mij vanaf zijn mobiel.")
    visit = _visit(sanne, visit_id)
    assert visit.state == VisitState.ONDERWEG.value and visit.buddy_id == team.ids["bram"]
    assert ("zonder_buddy", "Bram belt mij vanaf zijn mobiel.") in _events(sanne, visit_id)
    # Not on the visitor's own screen: she chose it.
    assert not alarms.alarms_about_own_visits(sanne)
    bram = team.login("bram")
    petra = team.login("petra")
    try:
        assert not alarms.open_alarms(bram)
        (alarm,) = alarms.open_alarms(petra)
        assert alarm.kind is ReminderKind.UNWATCHED_DEPARTURE
        assert alarm.audience is Audience.LEIDINGGEVENDEN and alarm.visit_id == visit_id
        assert alarm.kind.label == "Vertrokken zonder bereikbare buddy"
        acknowledged = alarms.acknowledge(petra, alarm.id)
        assert acknowledged.acknowledged_by == "Petra de Groot"
        assert not alarms.open_alarms(petra)
    finally:
        bram.store.close()
        petra.store.close()


def test_going_anyway_while_the_buddy_is_reachable_tells_nobody(
    team: Team, sanne: ServiceContext
) -> None:
    visit_id = _scheduled(sanne, team)
    buddy_present(sanne.store, team.ids["bram"], team.clock.now())
    visits.depart(sanne, visit_id, go_anyway_reason="Voor de zekerheid.")
    assert not [k for k, _ in _events(sanne, visit_id) if k in ("zonder_buddy", "alarm")]


def test_both_choices_at_once_or_a_visit_not_planned_are_refused(
    team: Team, sanne: ServiceContext
) -> None:
    visit_id = _scheduled(sanne, team)
    with pytest.raises(ValidationError, match="niet allebei"):
        visits.depart(
            sanne, visit_id, new_buddy_id=team.ids["petra"], go_anyway_reason="Toch gaan."
        )
    visits.depart(sanne, visit_id, go_anyway_reason="Toch gaan.")
    with pytest.raises(TransitionError):
        visits.depart(sanne, visit_id, go_anyway_reason="Nog eens.")
