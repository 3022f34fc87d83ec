"""Retention (AVG): old finished visits are anonymised, counts for reports stay; expired
register notes stop warning and are deleted after their retention. Fake clock only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from tests.conftest import Team
from tests.helpers import running_visit
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.checklist import Answer, RiskLevel, assess, default_checklist
from veilig_huisbezoek.domain.clock import to_local
from veilig_huisbezoek.domain.register import NoteCategory
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.domain.visit import VisitPlan, VisitReason, default_callbacks
from veilig_huisbezoek.services import register, retention, visits
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.history import HistoryFilter, search_history
from veilig_huisbezoek.services.retention import ANONYMISED_EVENT, apply_retention
from veilig_huisbezoek.storage.models import (
    Assessment,
    AuditEntry,
    CallRecord,
    UnsafeAddressNote,
    Visit,
    VisitEvent,
)

ADDRESS = Address("Bewaarstraat", 17, "B", "6411 HB", "Heerlen")
PERSONAL = ("Bewaarstraat", "Mevrouw Bewaarmans", "Zoon Bewaarmans", "Bedreigde buurman")


def _plan(ctx: ServiceContext, team: Team, buddy: str = "bram") -> VisitPlan:
    start = team.clock.now() + timedelta(minutes=30)
    end = start + timedelta(hours=1)
    return VisitPlan.create(
        reason=VisitReason.DIENSTVERLENING,
        address=ADDRESS,
        residents=PERSONAL[1],
        clients=PERSONAL[2],
        client_phone_text="06-12345678",
        start=start,
        expected_return=end,
        visitor_id=ctx.actor.account_id,
        colleague_ids=(),
        roles_note=PERSONAL[3],
        interpreter=False,
        announced_in_writing=True,
        buddy_id=team.ids[buddy],
        callbacks=default_callbacks(start, end, RiskLevel.ORANJE),
        now=team.clock.now(),
    )


def _oranje() -> object:
    checklist = default_checklist()
    answers = {item.id: Answer.NEE for item in checklist.items}
    answers["handhaving"] = answers["slecht_nieuws"] = Answer.JA
    return assess(checklist, answers)


def _visit(team: Team, *, finish: bool = True, incident: bool = False) -> int:
    """A visit by sanne (alone on oranje, with a reason); departed, called, returned."""
    ctx = team.login("sanne")
    try:
        visit_id = running_visit(
            ctx,
            _plan(ctx, team),
            _oranje(),  # type: ignore[arg-type]
            deviation_reason="Alleen omdat Mevrouw Bewaarmans niemand anders toelaat.",
        )
    finally:
        ctx.store.close()
    bram = team.login("bram")
    try:
        visits.record_call(bram, visit_id, reached=False)
    finally:
        bram.store.close()
    if finish:
        ctx = team.login("sanne")
        try:
            if incident:
                visits.return_with_incident(ctx, visit_id)
            else:
                visits.return_safe(ctx, visit_id)
        finally:
            ctx.store.close()
    return visit_id


def _row(team: Team, visit_id: int) -> dict[str, object]:
    ctx = team.login("anna")
    try:
        with ctx.store.read_session() as session:
            visit = session.get(Visit, visit_id)
            assert visit is not None
            return {
                "street": visit.street,
                "house_number": visit.house_number,
                "addition": visit.addition,
                "postcode": visit.postcode,
                "city": visit.city,
                "residents": visit.residents,
                "clients": visit.clients,
                "client_phone": visit.client_phone,
                "roles_note": visit.roles_note,
                "deviation_reason": visit.deviation_reason,
                "level": visit.level,
                "reason": visit.reason,
                "state": visit.state,
                "start_at": visit.start_at,
                "visitor_id": visit.visitor_id,
                "buddy_id": visit.buddy_id,
                "calls": session.execute(
                    select(func.count()).where(CallRecord.visit_id == visit_id)
                ).scalar_one(),
                "assessment": session.execute(
                    select(Assessment.answers).where(Assessment.visit_id == visit_id)
                ).scalar_one(),
                "events": [
                    kind
                    for kind in session.execute(
                        select(VisitEvent.kind)
                        .where(VisitEvent.visit_id == visit_id)
                        .order_by(VisitEvent.id)
                    ).scalars()
                ],
            }
    finally:
        ctx.store.close()


def _retain(team: Team, who: str = "anna") -> retention.RetentionResult:
    ctx = team.login(who)
    try:
        return apply_retention(ctx)
    finally:
        ctx.store.close()


def _report(team: Team) -> list[tuple[int, str, str, str, str]]:
    """What a report counts per visit: level, state, outcome, who went (no address)."""
    ctx = team.login("petra")
    try:
        return sorted(
            (r.id, r.level.value, r.state.value, r.outcome.value, r.visitor)
            for r in search_history(ctx, HistoryFilter())
        )
    finally:
        ctx.store.close()


def test_finished_visits_lose_personal_details_after_a_year_counts_stay(team: Team) -> None:
    safe = _visit(team)
    incident = _visit(team, incident=True)
    running = _visit(team, finish=False)
    before = {v: _row(team, v) for v in (safe, incident, running)}
    report_before = _report(team)
    assert len(report_before) == 3

    team.clock.advance(timedelta(days=365))  # returned 1.5 h after "now": not yet a year
    assert _retain(team) == retention.RetentionResult(0, 0)
    assert _row(team, safe) == before[safe]

    team.clock.advance(timedelta(hours=2))
    result = _retain(team)
    assert result == retention.RetentionResult(visits_anonymised=2, notes_deleted=0)
    for visit_id in (safe, incident):
        after = _row(team, visit_id)
        assert after["street"] == "" and after["house_number"] == 0 and after["addition"] == ""
        assert after["residents"] == after["clients"] == after["client_phone"] == ""
        assert after["roles_note"] == after["deviation_reason"] == ""
        assert after["postcode"] == "6411" and after["city"] == "Heerlen"
        for key in ("level", "reason", "state", "start_at", "visitor_id", "buddy_id"):
            assert after[key] == before[visit_id][key], key
        assert after["calls"] == before[visit_id]["calls"] == 1
        assert after["assessment"] == before[visit_id]["assessment"]
        assert after["events"] == [*before[visit_id]["events"], ANONYMISED_EVENT]  # type: ignore[misc]
    # A visit still under way keeps everything (someone may be in danger).
    assert _row(team, running) == before[running]
    # The reports count exactly as before.
    assert _report(team) == report_before

    # Idempotent: a second run changes nothing.
    assert _retain(team) == retention.RetentionResult(0, 0)
    ctx = team.login("anna")
    try:
        with ctx.store.read_session() as session:
            logged = session.execute(
                select(AuditEntry.object_id).where(AuditEntry.action == "visit_anonymised")
            ).scalars()
            assert sorted(int(i) for i in logged) == sorted([safe, incident])
            details = " ".join(session.execute(select(AuditEntry.detail)).scalars())
        assert not any(text in details for text in PERSONAL)
        assert ctx.store.verify().ok
    finally:
        ctx.store.close()


def test_the_retention_period_comes_from_the_settings(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    from veilig_huisbezoek.domain.settings import Settings

    monkeypatch.setattr(retention, "load_settings", lambda ctx: Settings(visit_retention_days=90))
    visit_id = _visit(team)
    team.clock.advance(timedelta(days=89))
    assert _retain(team).visits_anonymised == 0
    team.clock.advance(timedelta(days=1, hours=2))
    assert _retain(team).visits_anonymised == 1
    assert _row(team, visit_id)["residents"] == ""


def test_many_visits_are_done_in_batches(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retention, "BATCH_SIZE", 2)
    made = [_visit(team) for _ in range(5)]
    team.clock.advance(timedelta(days=366))
    assert _retain(team).visits_anonymised == 5
    assert all(_row(team, v)["street"] == "" for v in made)


def test_only_a_beheerder_or_leidinggevende_applies_retention(team: Team) -> None:
    _visit(team)
    team.clock.advance(timedelta(days=366))
    ctx = team.login("sanne")
    try:
        with pytest.raises(PermissionDenied):
            apply_retention(ctx)
    finally:
        ctx.store.close()
    assert _retain(team, "petra").visits_anonymised == 1


# ---- register notes ------------------------------------------------------------------


def _note(team: Team, *, approve: bool = True) -> int:
    sanne = team.login("sanne")
    try:
        note_id = register.propose_note(
            sanne,
            address=ADDRESS,
            category=NoteCategory.BEDREIGING,
            incident_date=to_local(team.clock.now()).date(),
            description="Bewoner schreeuwde en dreigde met de hond.",
        )
    finally:
        sanne.store.close()
    if approve:
        petra = team.login("petra")
        try:
            register.approve_note(petra, note_id)
        finally:
            petra.store.close()
    return note_id


def _warns(team: Team) -> bool:
    ctx = team.login("petra")
    try:
        return bool(register.warnings_for(ctx, ADDRESS.key))
    finally:
        ctx.store.close()


def _note_ids(team: Team) -> set[int]:
    ctx = team.login("anna")
    try:
        with ctx.store.read_session() as session:
            return set(session.execute(select(UnsafeAddressNote.id)).scalars())
    finally:
        ctx.store.close()


def _expires_on(team: Team, note_id: int) -> date:
    ctx = team.login("anna")
    try:
        with ctx.store.read_session() as session:
            note = session.get(UnsafeAddressNote, note_id)
            assert note is not None and note.expires_on is not None
            return note.expires_on
    finally:
        ctx.store.close()


def _go_to(team: Team, day: date) -> None:
    """08:00 UTC on that (Amsterdam) day."""
    now = team.clock.now()
    team.clock.set(now + timedelta(days=(day - to_local(now).date()).days))


def test_an_expired_note_stops_warning_and_is_deleted_after_its_retention(team: Team) -> None:
    note_id = _note(team)
    proposal = _note(team, approve=False)
    expires = _expires_on(team, note_id)
    # Approved on 2026-11-23: review after 12 months, expires 3 months after that.
    assert expires == date(2028, 2, 23)

    _go_to(team, expires - timedelta(days=1))
    assert _warns(team)
    _go_to(team, expires)
    assert not _warns(team)
    assert _retain(team).notes_deleted == 0  # stopped warning, kept for its retention

    _go_to(team, date(2029, 2, 22))
    assert _retain(team).notes_deleted == 0
    assert note_id in _note_ids(team)
    _go_to(team, date(2029, 2, 23))  # 12 months after it stopped warning
    assert _retain(team) == retention.RetentionResult(0, 1)
    # A proposal still waiting for a leidinggevende is never deleted here.
    assert _note_ids(team) == {proposal}

    ctx = team.login("anna")
    try:
        with ctx.store.read_session() as session:
            deleted = session.execute(
                select(AuditEntry.object_id, AuditEntry.detail).where(
                    AuditEntry.action == "note_deleted"
                )
            ).all()
        assert [tuple(r) for r in deleted] == [(str(note_id), "bewaartermijn")]
        assert ctx.store.verify().ok
    finally:
        ctx.store.close()


def test_a_retired_note_is_deleted_twelve_months_after_retirement(team: Team) -> None:
    note_id = _note(team)
    team.clock.advance(timedelta(days=30))
    petra = team.login("petra")
    try:
        register.retire_note(petra, note_id, "Bewoner is verhuisd naar elders.")
    finally:
        petra.store.close()
    assert not _warns(team)
    retired_on = to_local(team.clock.now()).date()
    _go_to(team, date(retired_on.year + 1, retired_on.month, retired_on.day) - timedelta(days=1))
    assert _retain(team).notes_deleted == 0
    team.clock.advance(timedelta(days=1))
    assert _retain(team).notes_deleted == 1
    assert _note_ids(team) == set()
