"""Handing a running visit over and taking it over (services/handover.py) on the
embedded store: who may, the compare-and-set, the timeline and the audit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.conftest import Team
from tests.reminders.helpers import running_visit
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.services import handover, presence, visits
from veilig_huisbezoek.services.handover import AlreadyTakenOver
from veilig_huisbezoek.storage.models import AuditEntry, Visit, VisitEvent


def _visit(team: Team) -> int:
    now = team.clock.now()
    return running_visit(team, start=now, end=now + timedelta(hours=1))


def _buddy(team: Team, visit_id: int) -> int:
    ctx = team.login("anna")
    try:
        with ctx.store.session() as session:
            return session.execute(select(Visit.buddy_id).where(Visit.id == visit_id)).scalar_one()
    finally:
        ctx.store.close()


def test_the_buddy_sees_what_they_watch_and_hands_it_over(team: Team) -> None:
    visit_id = _visit(team)
    bram = team.login("bram")
    try:
        watched = handover.watched_by_me(bram)
        assert [w.id for w in watched] == [visit_id]
        assert watched[0].visitor_name == "Sanne Visser"
        assert watched[0].address.street == "Akerstraat"
        handover.hand_over(bram, visit_id, team.ids["petra"])
        assert handover.watched_by_me(bram) == []
    finally:
        bram.store.close()
    assert _buddy(team, visit_id) == team.ids["petra"]
    petra = team.login("petra")
    try:
        assert [w.id for w in handover.watched_by_me(petra)] == [visit_id]
        with petra.store.session() as session:
            events = session.execute(
                select(VisitEvent.kind, VisitEvent.actor_id).where(VisitEvent.visit_id == visit_id)
            ).all()
            assert ("buddy_overgedragen", team.ids["bram"]) in events
            audit = session.execute(
                select(AuditEntry.action, AuditEntry.detail).where(
                    AuditEntry.action == "visit_buddy_overgedragen"
                )
            ).all()
            assert audit == [
                ("visit_buddy_overgedragen", f"{team.ids['bram']}>{team.ids['petra']}")
            ]
    finally:
        petra.store.close()


@pytest.mark.parametrize(
    ("who", "to", "why"),
    [
        ("sanne", "petra", "draagt een bezoek over"),  # the visitor is not the buddy
        ("bram", "sanne", "niet de bezoeker zelf"),  # the visitor cannot watch herself
    ],
)
def test_hand_over_refusals(team: Team, who: str, to: str, why: str) -> None:
    visit_id = _visit(team)
    ctx = team.login(who)
    try:
        with pytest.raises(PermissionDenied, match=why):
            handover.hand_over(ctx, visit_id, team.ids[to])
    finally:
        ctx.store.close()
    assert _buddy(team, visit_id) == team.ids["bram"]


def test_a_visit_that_is_back_is_not_handed_over(team: Team) -> None:
    visit_id = _visit(team)
    sanne = team.login("sanne")
    visits.return_safe(sanne, visit_id)
    sanne.store.close()
    bram = team.login("bram")
    try:
        with pytest.raises(PermissionDenied, match="loopt niet meer"):
            handover.hand_over(bram, visit_id, team.ids["petra"])
    finally:
        bram.store.close()


def test_take_over_only_while_the_buddy_is_absent(team: Team) -> None:
    now = team.clock.now()
    visit_id = running_visit(team, start=now, end=now + timedelta(hours=1), visitor="petra")
    bram, sanne, anna = team.login("bram"), team.login("sanne"), team.login("anna")
    try:
        presence.heartbeat(bram, presence.new_session_id())
        # A medewerker cannot take a watched visit from its present buddy …
        with pytest.raises(PermissionDenied, match="overnemen kan"):
            handover.take_over(sanne, visit_id, from_buddy_id=team.ids["bram"])
        # … once Bram is absent (three heartbeats missed), she may.
        team.clock.advance(timedelta(minutes=1))
        handover.take_over(sanne, visit_id, from_buddy_id=team.ids["bram"])
        assert _buddy(team, visit_id) == team.ids["sanne"]
        # Anna pressed Overnemen on the same alarm a moment later: Sanne was first.
        with pytest.raises(AlreadyTakenOver) as refused:
            handover.take_over(anna, visit_id, from_buddy_id=team.ids["bram"])
        assert str(refused.value) == "Sanne heeft dit al overgenomen."
        # Pressing again on your own: nothing changes, nothing refused.
        handover.take_over(sanne, visit_id, from_buddy_id=team.ids["bram"])
        with sanne.store.session() as session:
            kinds = session.execute(
                select(VisitEvent.kind).where(VisitEvent.visit_id == visit_id)
            ).scalars()
            assert list(kinds).count("buddy_overgenomen") == 1
    finally:
        for ctx in (bram, sanne, anna):
            ctx.store.close()


def test_a_leidinggevende_may_take_over_from_a_present_buddy(team: Team) -> None:
    visit_id = _visit(team)
    bram, petra = team.login("bram"), team.login("petra")
    try:
        presence.heartbeat(bram, presence.new_session_id())
        handover.take_over(petra, visit_id, from_buddy_id=team.ids["bram"])
        assert [w.id for w in handover.watched_by_me(petra)] == [visit_id]
    finally:
        bram.store.close()
        petra.store.close()


def test_the_visitor_does_not_take_over_her_own_visit(team: Team) -> None:
    visit_id = _visit(team)
    sanne = team.login("sanne")
    try:
        with pytest.raises(PermissionDenied, match="neemt een bezoek over"):
            handover.take_over(sanne, visit_id, from_buddy_id=team.ids["bram"])
    finally:
        sanne.store.close()
