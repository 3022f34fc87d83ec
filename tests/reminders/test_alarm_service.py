"""services.alarms over a real encrypted store: snapshot per person, raising is
idempotent, acknowledgement is recorded (who, when) on the visit timeline and in the
audit log, and only the right people may acknowledge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from alembic import command
from sqlalchemy import func, select, text

from tests.conftest import Team
from tests.reminders.helpers import all_present, running_visit
from veilig_huisbezoek.domain.reminders import Audience, Reminder, ReminderKind
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.services import alarms, visits
from veilig_huisbezoek.services.alarms import AlarmInfo
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.visit_details import get_visit_detail
from veilig_huisbezoek.storage.migrate import alembic_config
from veilig_huisbezoek.storage.models import Alarm, AuditEntry
from veilig_huisbezoek.storage.store import Store

MIN = timedelta(minutes=1)


@pytest.fixture
def visit_id(team: Team) -> int:
    start = team.clock.now() + 5 * MIN
    return running_visit(team, start=start, end=start + 60 * MIN)


def test_snapshot_gives_each_person_their_reminders(team: Team, visit_id: int) -> None:
    expected = {
        "bram": {"callback", "overdue"},  # the buddy
        "sanne": set(),  # the visitor is out, not at a desk
        # Leidinggevenden, not this visit's buddy: escalations, and the failover moment
        # should the buddy stop being present (docs/design.md §4a).
        "petra": {"escalation", "unwatched"},
        "anna": {"escalation", "unwatched"},
    }
    for name, kinds in expected.items():
        ctx = team.login(name)
        snap = alarms.snapshot(ctx)
        ctx.store.close()
        assert {r.key.split(":")[0] for r in snap.reminders()} == kinds, name
    ctx = team.login("bram")
    (visit,) = alarms.snapshot(ctx).visits
    ctx.store.close()
    assert visit.id == visit_id and visit.visitor_first_name == "Sanne"
    assert len(visit.open_callbacks) == 2


def test_raising_is_idempotent_and_shows_on_the_timeline(team: Team, visit_id: int) -> None:
    ctx = team.login("bram")
    team.clock.advance(15 * MIN)
    (reminder, *_rest) = alarms.snapshot(ctx).reminders()
    assert reminder.kind is ReminderKind.CALLBACK_DUE
    first = alarms.raise_alarm(ctx, reminder, raised_late=False)
    again = alarms.raise_alarm(ctx, reminder, raised_late=True)
    assert again == first and not first.raised_late
    assert first.raised_at == team.clock.now() and first.due_at == reminder.due_at
    assert first.visit_id == visit_id and first.callback_id == reminder.callback_id
    assert first.visitor_name == "Sanne Visser" and first.address is not None
    assert "Akerstraat" not in repr(first)  # personal data stays out of logs and reprs
    with ctx.store.session() as session:
        assert session.execute(select(func.count()).select_from(Alarm)).scalar_one() == 1
        actions = session.execute(select(AuditEntry.action)).scalars().all()
    assert actions.count("alarm_raised") == 1
    events = [e for e in get_visit_detail(ctx, visit_id).events if e.kind == "alarm"]
    assert [(e.detail, e.actor) for e in events] == [("terugbellen", "")]
    ctx.store.close()


def test_acknowledgement_records_who_and_when(team: Team, visit_id: int) -> None:
    ctx = team.login("bram")
    team.clock.advance(15 * MIN)
    reminder = alarms.snapshot(ctx).reminders()[0]
    raised = alarms.raise_alarm(ctx, reminder, raised_late=False)
    assert [a.id for a in alarms.open_alarms(ctx)] == [raised.id]
    team.clock.advance(2 * MIN)
    acknowledged_at = team.clock.now()
    info = alarms.acknowledge(ctx, raised.id)
    assert info.acknowledged_at == acknowledged_at and info.acknowledged_by == "Bram Smit"
    team.clock.advance(MIN)
    assert alarms.acknowledge(ctx, raised.id).acknowledged_at == acknowledged_at  # first one kept
    assert alarms.open_alarms(ctx) == []
    # Acknowledged: neither the reminder nor its escalation is pending any more.
    assert reminder.key not in {r.key for r in alarms.snapshot(ctx).reminders()}
    events = get_visit_detail(ctx, visit_id).events
    assert [(e.kind, e.actor, e.detail) for e in events if e.kind.startswith("alarm")] == [
        ("alarm", "", "terugbellen"),
        ("alarm_bevestigd", "Bram Smit", "terugbellen"),
    ]
    with ctx.store.session() as session:
        actions = session.execute(select(AuditEntry.action)).scalars().all()
    assert actions.count("alarm_acknowledged") == 1
    ctx.store.close()
    lead = team.login("petra")
    assert reminder.key not in {r.escalates for r in alarms.snapshot(lead).reminders()}
    lead.store.close()


def _escalated(
    team: Team,
) -> tuple[ServiceContext, Reminder, AlarmInfo, ServiceContext, AlarmInfo]:
    """30 minutes on: Petra's escalation and Bram's call-back alarm, both raised."""
    team.clock.advance(30 * MIN)
    lead = team.login("petra")
    escalation = next(
        r for r in alarms.snapshot(lead).reminders() if r.kind is ReminderKind.ESCALATION
    )
    esc_alarm = alarms.raise_alarm(lead, escalation, raised_late=False)
    buddy = team.login("bram")
    base_alarm = alarms.raise_alarm(buddy, alarms.snapshot(buddy).reminders()[0], raised_late=False)
    return lead, escalation, esc_alarm, buddy, base_alarm


def test_only_the_buddy_or_a_leidinggevende_acknowledges(team: Team, visit_id: int) -> None:
    lead, escalation, esc_alarm, buddy, base_alarm = _escalated(team)
    visitor = team.login("sanne")
    with pytest.raises(PermissionDenied):
        alarms.acknowledge(visitor, base_alarm.id)
    with pytest.raises(PermissionDenied):
        alarms.raise_alarm(visitor, escalation, raised_late=False)
    with pytest.raises(PermissionDenied):
        alarms.acknowledge(buddy, esc_alarm.id)
    with pytest.raises(PermissionDenied):
        alarms.get_alarm(visitor, base_alarm.id)
    assert [a.id for a in alarms.open_alarms(visitor)] == []
    assert [a.id for a in alarms.open_alarms(buddy)] == [base_alarm.id]
    # A leidinggevende sees escalations (not other buddies' alarms) and may acknowledge.
    assert [a.id for a in alarms.open_alarms(lead)] == [esc_alarm.id]
    assert esc_alarm.audience is Audience.LEIDINGGEVENDEN
    assert alarms.acknowledge(lead, esc_alarm.id).acknowledged_by == "Petra de Groot"
    assert alarms.acknowledge(lead, base_alarm.id).acknowledged
    for ctx in (lead, buddy, visitor):
        ctx.store.close()


def test_the_visitor_sees_the_alarms_about_their_own_visit_until_acknowledged(
    team: Team, visit_id: int
) -> None:
    lead, _escalation, esc_alarm, buddy, base_alarm = _escalated(team)
    visitor, other = team.login("sanne"), team.login("anna")

    seen = alarms.alarms_about_own_visits(visitor)
    assert [(a.id, a.for_visitor) for a in seen] == [(esc_alarm.id, True), (base_alarm.id, True)]
    assert {a.buddy_first_name for a in seen} == {"Bram"}
    assert alarms.alarms_about_own_visits(other) == []  # not their visit
    assert alarms.alarms_about_own_visits(buddy) == []  # the buddy gets them as recipient
    assert [a.for_visitor for a in alarms.open_alarms(buddy)] == [False]
    with pytest.raises(PermissionDenied):
        alarms.acknowledge(visitor, base_alarm.id)  # for information only

    alarms.acknowledge(buddy, base_alarm.id)
    assert [a.id for a in alarms.alarms_about_own_visits(visitor)] == [esc_alarm.id]
    assert not alarms.open_alarms(lead)[0].visit_ended
    # Reporting back ends them for the visitor; the leidinggevende's says the visit ended.
    visits.return_safe(visitor, visit_id)
    assert alarms.alarms_about_own_visits(visitor) == []
    assert [(a.id, a.visit_ended) for a in alarms.open_alarms(lead)] == [(esc_alarm.id, True)]
    for ctx in (lead, buddy, visitor, other):
        ctx.store.close()


def test_a_call_answered_with_the_last_name_alarms_the_leidinggevenden(
    team: Team, visit_id: int
) -> None:
    from veilig_huisbezoek.domain.call_outcome import NameUsed

    team.clock.advance(15 * MIN)
    buddy = team.login("bram")
    callback = alarms.snapshot(buddy).reminders()[0]
    lead = team.login("petra")
    assert ReminderKind.EMERGENCY not in {r.kind for r in alarms.snapshot(lead).reminders()}
    visits.record_call(
        buddy,
        visit_id,
        reached=True,
        name_used=NameUsed.VOORNAAM,
        vrijuit=True,
        politie=False,
        callback_id=callback.callback_id,
    )
    assert ReminderKind.EMERGENCY not in {r.kind for r in alarms.snapshot(lead).reminders()}
    team.clock.advance(MIN)
    called_at = team.clock.now()
    visits.record_call(buddy, visit_id, reached=True, name_used=NameUsed.ACHTERNAAM)

    (emergency,) = [
        r for r in alarms.snapshot(lead).reminders() if r.kind is ReminderKind.EMERGENCY
    ]
    assert emergency.due_at == called_at and emergency.visit_id == visit_id
    assert ReminderKind.EMERGENCY not in {r.kind for r in alarms.snapshot(buddy).reminders()}
    raised = alarms.raise_alarm(lead, emergency, raised_late=False)
    assert raised.kind is ReminderKind.EMERGENCY and raised.buddy_first_name == "Bram"
    assert [a.id for a in alarms.open_alarms(lead)] == [raised.id]
    assert raised.id not in [a.id for a in alarms.open_alarms(buddy)]
    with pytest.raises(PermissionDenied):
        alarms.raise_alarm(buddy, emergency, raised_late=False)
    # Never on the visitor's own screen: a laptop taken along must not say it.
    visitor = team.login("sanne")
    assert alarms.alarms_about_own_visits(visitor) == []
    alarms.acknowledge(lead, raised.id)
    assert emergency.key not in {r.key for r in alarms.snapshot(lead).reminders()}
    for ctx in (buddy, lead, visitor):
        ctx.store.close()


def test_a_leidinggevende_in_trouble_is_not_alarmed_on_her_own_screen(team: Team) -> None:
    """Petra visits (Bram is her buddy) and answers with her last name: Anna
    (beheerder, leidinggevende too) gets the emergency, Petra's own app never does."""
    from veilig_huisbezoek.domain.call_outcome import NameUsed

    start = team.clock.now() + 5 * MIN
    visit_id = running_visit(team, start=start, end=start + 60 * MIN, visitor="petra")
    team.clock.advance(16 * MIN)
    buddy = team.login("bram")
    visits.record_call(buddy, visit_id, reached=True, name_used=NameUsed.ACHTERNAAM)
    anna, petra = team.login("anna"), team.login("petra")
    kinds = {r.kind for r in alarms.snapshot(anna).reminders() if r.visit_id == visit_id}
    assert ReminderKind.EMERGENCY in kinds
    emergency = next(
        r for r in alarms.snapshot(anna).reminders() if r.kind is ReminderKind.EMERGENCY
    )
    assert ReminderKind.EMERGENCY not in {r.kind for r in alarms.snapshot(petra).reminders()}
    raised = alarms.raise_alarm(anna, emergency, raised_late=False)
    assert raised.id in [a.id for a in alarms.open_alarms(anna)]
    assert raised.id not in [a.id for a in alarms.open_alarms(petra)]
    assert raised.id not in [a.id for a in alarms.alarms_about_own_visits(petra)]
    for ctx in (buddy, anna, petra):
        ctx.store.close()


def test_open_alarms_most_urgent_kind_first(team: Team, visit_id: int) -> None:
    anna = team.login("anna")  # leidinggevende: also gets buddy alarms when she is buddy
    start = team.clock.now() + 5 * MIN
    own = running_visit(team, start=start, end=start + 20 * MIN, buddy="anna")
    team.clock.advance(2 * 60 * MIN)
    all_present(team, anna)  # no failover: Bram watches his visit
    for reminder in alarms.missed_since(anna, team.clock.now()):
        alarms.raise_alarm(anna, reminder, raised_late=True)
    kinds = [(a.kind, a.visit_id) for a in alarms.open_alarms(anna)]
    ranks = [k.urgency for k, _ in kinds]
    assert ranks == sorted(ranks)
    assert kinds[0][0] is ReminderKind.ESCALATION
    assert {v for k, v in kinds if k is not ReminderKind.ESCALATION} == {own}
    anna.store.close()


def test_missed_since_lists_unraised_due_reminders_oldest_first(team: Team, visit_id: int) -> None:
    ctx = team.login("bram")
    now = team.clock.now()
    assert alarms.missed_since(ctx, now) == []
    team.clock.advance(3 * 60 * MIN)
    missed = alarms.missed_since(ctx, team.clock.now())
    assert [r.kind for r in missed] == [
        ReminderKind.CALLBACK_DUE,
        ReminderKind.CALLBACK_DUE,
        ReminderKind.OVERDUE_ALARM,
    ]
    assert [r.due_at for r in missed] == sorted(r.due_at for r in missed)
    alarms.raise_alarm(ctx, missed[0], raised_late=True)
    assert alarms.missed_since(ctx, team.clock.now()) == missed[1:]
    ctx.store.close()


def test_migration_0002_upgrades_and_downgrades(team: Team, visit_id: int) -> None:
    ctx = team.login("bram")
    store: Store = ctx.store
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0001")
        tables = conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars()
        assert "alarms" not in set(tables)
        command.upgrade(alembic_config(conn), "head")
    team.clock.advance(15 * MIN)
    reminder = alarms.snapshot(ctx).reminders()[0]
    assert alarms.raise_alarm(ctx, reminder, raised_late=False).id == 1
    assert store.verify().ok
    ctx.store.close()
