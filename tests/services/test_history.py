"""Visit history with filters and the consent queue: SQL filters, outcomes, role scope."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.conftest import Team
from tests.presence_helpers import visit_buddy_present
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.call_outcome import NameUsed
from veilig_huisbezoek.domain.checklist import Answer, RiskLevel, assess, default_checklist
from veilig_huisbezoek.domain.checklist import Assessment as AssessmentResult
from veilig_huisbezoek.domain.errors import ValidationError
from veilig_huisbezoek.domain.roles import PermissionDenied, Role
from veilig_huisbezoek.domain.visit import VisitPlan, VisitReason, default_callbacks
from veilig_huisbezoek.services import visits
from veilig_huisbezoek.services.accounts import NewAccount, add_account, log_in
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.history import (
    HistoryFilter,
    VisitOutcome,
    pending_consents,
    search_history,
)
from veilig_huisbezoek.storage.models import Visit


def assessment(level: RiskLevel) -> AssessmentResult:
    checklist = default_checklist()
    answers = {item.id: Answer.NEE for item in checklist.items}
    if level is RiskLevel.ORANJE:
        answers["handhaving"] = answers["slecht_nieuws"] = Answer.JA
    elif level is RiskLevel.ROOD:
        answers["wapens"] = Answer.JA
    result = assess(checklist, answers)
    assert result.level is level
    return result


def plan_visit(
    ctx: ServiceContext,
    *,
    buddy_id: int,
    address: Address,
    level: RiskLevel = RiskLevel.GROEN,
    colleagues: tuple[int, ...] = (),
    residents: str = "Dhr. Janssen",
) -> int:
    now = ctx.now()
    start = now + timedelta(minutes=30)
    end = start + timedelta(hours=1)
    plan = VisitPlan.create(
        reason=VisitReason.HANDHAVING,
        address=address,
        residents=residents,
        clients=residents,
        client_phone_text="",
        start=start,
        expected_return=end,
        visitor_id=ctx.actor.account_id,
        colleague_ids=colleagues,
        roles_note="",
        interpreter=False,
        announced_in_writing=True,
        buddy_id=buddy_id,
        callbacks=default_callbacks(start, end, level),
        now=now,
    )
    return visits.save_visit(ctx, plan, assessment(level))


@pytest.fixture
def people(team: Team) -> Iterator[dict[str, ServiceContext]]:
    opened = {name: team.login(name) for name in ("sanne", "bram", "petra", "anna")}
    yield opened
    for ctx in opened.values():
        ctx.store.close()


def _out(ctx: ServiceContext, visit_id: int) -> None:
    visits.schedule_visit(ctx, visit_id)
    visit_buddy_present(ctx, visit_id)
    visits.depart(ctx, visit_id)


@pytest.fixture
def history(team: Team, people: dict[str, ServiceContext]) -> dict[str, int]:
    """Six visits over a week, one per outcome."""
    sanne, bram, petra = people["sanne"], people["bram"], people["petra"]
    ids = team.ids
    made: dict[str, int] = {}

    made["ok"] = plan_visit(
        sanne, buddy_id=ids["bram"], address=Address("Akerstraat", 12, "A", "6411 HB", "Heerlen")
    )
    _out(sanne, made["ok"])
    visits.record_call(
        bram, made["ok"], reached=True, name_used=NameUsed.VOORNAAM, vrijuit=True, politie=False
    )
    visits.return_safe(sanne, made["ok"])

    team.clock.advance(timedelta(days=1))
    made["sooner"] = plan_visit(
        sanne,
        buddy_id=ids["petra"],
        address=Address("Geleenstraat", 7, "", "6411 AB", "Heerlen"),
        level=RiskLevel.ORANJE,
        colleagues=(ids["bram"],),
        residents="Mevr. Hermans en zoon",
    )
    _out(sanne, made["sooner"])
    visits.record_call(
        petra,
        made["sooner"],
        reached=True,
        name_used=NameUsed.VOORNAAM,
        vrijuit=False,
        politie=False,
    )
    visits.return_safe(sanne, made["sooner"])

    team.clock.advance(timedelta(days=1))
    made["police"] = plan_visit(
        bram, buddy_id=ids["sanne"], address=Address("Palemig", 120, "2", "6415 TV", "Heerlen")
    )
    _out(bram, made["police"])
    visits.record_call(
        sanne, made["police"], reached=True, name_used=NameUsed.VOORNAAM, vrijuit=True, politie=True
    )
    visits.return_with_incident(bram, made["police"])

    team.clock.advance(timedelta(days=1))
    made["escalated"] = plan_visit(
        bram, buddy_id=ids["sanne"], address=Address("Palemig", 4, "", "6415 TV", "Heerlen")
    )
    _out(bram, made["escalated"])
    visits.record_call(sanne, made["escalated"], reached=False)
    visits.record_call(sanne, made["escalated"], reached=False)
    visits.return_safe(bram, made["escalated"])

    team.clock.advance(timedelta(days=1))
    made["incident"] = plan_visit(
        sanne, buddy_id=ids["bram"], address=Address("Nobelstraat", 3, "", "6411 EG", "Heerlen")
    )
    _out(sanne, made["incident"])
    visits.return_with_incident(sanne, made["incident"])
    visits.close_visit(sanne, made["incident"])  # closed afterwards: still an incident

    team.clock.advance(timedelta(days=1))
    made["planned"] = plan_visit(
        bram, buddy_id=ids["petra"], address=Address("Beersdalweg", 88, "", "6412 RT", "Heerlen")
    )
    return made


def _ids(ctx: ServiceContext, **filters: object) -> list[int]:
    return [row.id for row in search_history(ctx, HistoryFilter(**filters))]  # type: ignore[arg-type]


def test_each_visit_gets_the_most_serious_outcome(
    people: dict[str, ServiceContext], history: dict[str, int]
) -> None:
    rows = {row.id: row for row in search_history(people["petra"])}
    assert {name: rows[i].outcome for name, i in history.items()} == {
        "ok": VisitOutcome.ALLES_IN_ORDE,
        "sooner": VisitOutcome.EERDER_TERUGGEBELD,
        "police": VisitOutcome.POLITIE,  # also an incident: police weighs more
        "escalated": VisitOutcome.GEESCALEERD,
        "incident": VisitOutcome.INCIDENT,
        "planned": VisitOutcome.NOG_BEZIG,
    }
    for outcome in VisitOutcome:
        expected = [i for i, row in rows.items() if row.outcome is outcome]
        assert sorted(_ids(people["petra"], outcome=outcome)) == sorted(expected)


def test_newest_first_with_names_and_filters_by_level_and_employee(
    people: dict[str, ServiceContext], history: dict[str, int], team: Team
) -> None:
    petra = people["petra"]
    rows = search_history(petra)
    assert [r.id for r in rows] == sorted(history.values(), reverse=True)
    assert rows[-1].visitor == "Sanne Visser" and rows[-1].buddy == "Bram Smit"
    assert _ids(petra, level=RiskLevel.ORANJE) == [history["sooner"]]
    assert set(_ids(petra, visitor_id=team.ids["bram"])) == {
        history["police"],
        history["escalated"],
        history["planned"],
    }
    assert _ids(petra, visitor_id=team.ids["bram"], text="palemig 4") == [history["escalated"]]
    assert _ids(petra, text="hermans") == [history["sooner"]]  # residents
    assert _ids(petra, text="6411hb") == [history["ok"]]
    with petra.store.session() as session:
        groen = session.execute(
            select(func.count(Visit.id)).where(Visit.level == RiskLevel.GROEN.value)
        ).scalar_one()
    assert len(_ids(petra, level=RiskLevel.GROEN)) == groen == 5


def test_period_is_in_amsterdam_dates(
    people: dict[str, ServiceContext], history: dict[str, int], team: Team
) -> None:
    petra = people["petra"]
    first_day = date(2026, 11, 23)  # the clock started at 09:00 Amsterdam time that Monday
    assert _ids(petra, date_from=first_day, date_to=first_day) == [history["ok"]]
    assert set(
        _ids(petra, date_from=first_day + timedelta(days=1), date_to=date(2026, 11, 25))
    ) == {
        history["sooner"],
        history["police"],
    }
    assert _ids(petra, date_from=date(2026, 11, 28)) == [history["planned"]]
    # 23:30 in Amsterdam is 22:30 UTC: it belongs to that Amsterdam date.
    team.clock.set(datetime(2026, 11, 30, 22, 0, tzinfo=UTC))
    late = plan_visit(
        people["sanne"],
        buddy_id=team.ids["bram"],
        address=Address("Akerstraat", 1, "", "6411 HB", "Heerlen"),
    )
    assert late in _ids(petra, date_to=date(2026, 11, 30))
    assert late not in _ids(petra, date_from=date(2026, 12, 1))
    with pytest.raises(ValidationError, match="Periode"):
        _ids(petra, date_from=date(2026, 12, 2), date_to=date(2026, 12, 1))


def test_scope_follows_the_roles(
    people: dict[str, ServiceContext], history: dict[str, int], team: Team
) -> None:
    sanne = people["sanne"]
    # Her own visits and those she was buddy for; not Bram's planned visit.
    assert set(_ids(sanne)) == set(history.values()) - {history["planned"]}
    bram = people["bram"]
    assert history["sooner"] in _ids(bram)  # he went along as colleague
    assert set(_ids(people["anna"])) == set(history.values())
    add_account(
        people["anna"],
        NewAccount("tom", "tom-wachtwoord-1", "Tom", "Jacobs", frozenset({Role.BEHEERDER})),
    )
    tom = log_in(team.data_dir, "tom", "tom-wachtwoord-1", team.clock)
    try:
        assert search_history(tom) == []
        with pytest.raises(PermissionDenied):
            pending_consents(tom)
    finally:
        tom.store.close()


# ---- pending consents ---------------------------------------------------------------


def test_rood_concepts_without_consent_wait_for_a_leidinggevende(
    people: dict[str, ServiceContext], team: Team
) -> None:
    sanne, petra = people["sanne"], people["petra"]
    rood = plan_visit(
        sanne,
        buddy_id=team.ids["petra"],
        address=Address("Akerstraat", 12, "A", "6411 HB", "Heerlen"),
        level=RiskLevel.ROOD,
        colleagues=(team.ids["bram"],),
    )
    plan_visit(  # oranje needs no consent
        sanne,
        buddy_id=team.ids["petra"],
        address=Address("Akerstraat", 14, "", "6411 HB", "Heerlen"),
        level=RiskLevel.ORANJE,
        colleagues=(team.ids["bram"],),
    )
    [request] = pending_consents(petra)
    assert request.visit_id == rood and request.visitor == "Sanne Visser"
    assert request.colleagues == ("Bram Smit",) and request.buddy == "Petra de Groot"
    assert any("Wapens" in reason and "rood" in reason for reason in request.reasons)
    with pytest.raises(PermissionDenied, match="Geen toestemming"):
        pending_consents(sanne)
    visits.give_consent(petra, rood, "Onvermijdelijk; politie is vooraf geïnformeerd.")
    assert pending_consents(petra) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "aker",
        "AKERSTRAAT 12a",
        "12",
        "12b",
        "6411hb",
        "6411 AB 7",
        "6415",
        "palemig 4",
        "hermans",
        "heerlen zoon",
        "120-2",
        "0123",
        "nergens",
        "%",
        "_",
    ],
)
def test_the_workstation_text_search_finds_what_sql_finds(
    people: dict[str, ServiceContext], history: dict[str, int], text: str
) -> None:
    """With sealed columns (a team server) the free text is matched in Python, in
    batches; the rows, their order and the count are those of the SQL search."""
    from veilig_huisbezoek.services import history as history_service
    from veilig_huisbezoek.services.history import count_history

    petra = people["petra"]
    filters = HistoryFilter(text=text)
    in_sql = search_history(petra, filters)
    sql_count = count_history(petra, filters)
    petra.store.sealed_columns = True  # type: ignore[misc]
    try:
        original, history_service._SCAN_BATCH = history_service._SCAN_BATCH, 2
        assert search_history(petra, filters) == in_sql
        assert count_history(petra, filters) == sql_count == len(in_sql)
        assert (
            search_history(petra, filters, limit=1, after=in_sql[0] if in_sql else None)
            == (in_sql[1:2])
        )
    finally:
        history_service._SCAN_BATCH = original
        del petra.store.sealed_columns
