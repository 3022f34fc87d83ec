from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.errors import TransitionError, ValidationErrors
from veilig_huisbezoek.domain.visit import (
    VisitPlan,
    VisitReason,
    VisitState,
    can_transition,
    default_callbacks,
    transition,
)

S = VisitState
ALLOWED = {
    (S.CONCEPT, S.GEPLAND),
    (S.GEPLAND, S.ONDERWEG),
    (S.GEPLAND, S.AFGESLOTEN),
    (S.ONDERWEG, S.TERUG_VEILIG),
    (S.ONDERWEG, S.TERUG_INCIDENT),
    (S.ONDERWEG, S.GEESCALEERD),
    (S.GEESCALEERD, S.TERUG_VEILIG),
    (S.GEESCALEERD, S.TERUG_INCIDENT),
    (S.TERUG_VEILIG, S.AFGESLOTEN),
    (S.TERUG_INCIDENT, S.AFGESLOTEN),
}


@pytest.mark.parametrize(("a", "b"), list(itertools.product(VisitState, VisitState)))
def test_transitions_table(a: VisitState, b: VisitState) -> None:
    allowed = (a, b) in ALLOWED
    assert can_transition(a, b) is allowed
    if allowed:
        assert transition(a, b) is b
    else:
        with pytest.raises(TransitionError):
            transition(a, b)


def test_transition_message_is_dutch() -> None:
    with pytest.raises(TransitionError) as info:
        transition(S.GEPLAND, S.TERUG_VEILIG)
    assert str(info.value) == "Een bezoek met status 'Gepland' kan niet naar 'Terug, veilig'."


def test_labels() -> None:
    assert VisitReason.HANDHAVING.label == "Handhaving bij gegrond vermoeden"
    assert VisitReason.PREVENTIEF.label == "Preventief huisbezoek"
    assert VisitState.GEESCALEERD.label == "Geëscaleerd"
    assert all(s.label for s in VisitState)
    assert VisitState.ONDERWEG.is_active and not VisitState.GEPLAND.is_active


NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
START = NOW + timedelta(hours=1)
RETURN = START + timedelta(hours=2)
ADDRESS = Address("Kerkstraat", 12, "A", "6411 CD", "Heerlen")


def plan_kwargs(**overrides: Any) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "reason": VisitReason.HANDHAVING,
        "address": ADDRESS,
        "residents": "Familie Jansen",
        "clients": "J. Jansen",
        "client_phone_text": "06-12345678",
        "start": START,
        "expected_return": RETURN,
        "visitor_id": 1,
        "colleague_ids": [2],
        "roles_note": "Ik voer het gesprek, collega let op.",
        "interpreter": False,
        "announced_in_writing": True,
        "buddy_id": 3,
        "callbacks": [RETURN, START + timedelta(minutes=10)],
        "now": NOW,
    }
    kwargs.update(overrides)
    return kwargs


def test_valid_plan() -> None:
    plan = VisitPlan.create(**plan_kwargs(reason="preventief", residents="  Familie Jansen \n"))
    assert plan.reason is VisitReason.PREVENTIEF
    assert plan.client_phone == "+31612345678"
    assert plan.callbacks == (START + timedelta(minutes=10), RETURN)
    assert plan.residents == "Familie Jansen"
    assert plan.colleague_ids == (2,)


def test_empty_phone_allowed() -> None:
    assert VisitPlan.create(**plan_kwargs(client_phone_text="  ")).client_phone == ""


def test_times_converted_to_utc() -> None:
    from veilig_huisbezoek.domain.clock import AMSTERDAM

    plan = VisitPlan.create(**plan_kwargs(start=START.astimezone(AMSTERDAM), callbacks=[]))
    assert plan.start == START
    assert plan.start.tzinfo is UTC


@pytest.mark.parametrize(
    ("overrides", "fields"),
    [
        ({"reason": None}, ["Reden"]),
        ({"reason": "bezoekje"}, ["Reden"]),
        ({"expected_return": START, "callbacks": []}, ["Verwachte terugkomst"]),
        (
            {"expected_return": START - timedelta(minutes=1), "callbacks": []},
            ["Verwachte terugkomst"],
        ),
        ({"expected_return": START + timedelta(hours=24, minutes=1)}, ["Verwachte terugkomst"]),
        ({"start": NOW - timedelta(minutes=61), "callbacks": []}, ["Begin"]),
        ({"callbacks": [START - timedelta(minutes=1)]}, ["Terugbelmoment"]),
        ({"callbacks": [RETURN + timedelta(seconds=1)]}, ["Terugbelmoment"]),
        ({"buddy_id": 1}, ["Buddy"]),
        ({"buddy_id": 2}, ["Buddy"]),
        ({"buddy_id": None}, ["Buddy"]),
        ({"colleague_ids": [1]}, ["Collega's"]),
        ({"client_phone_text": "12345"}, ["Telefoonnummer cliënt"]),
        ({"residents": "x" * 2001}, ["Bewoners"]),
        ({"clients": "a\x07b"}, ["Cliënt(en)"]),
        ({"roles_note": "x" * 2001}, ["Rollen"]),
        (
            {"reason": "", "buddy_id": 1, "client_phone_text": "0"},
            ["Reden", "Telefoonnummer cliënt", "Buddy"],
        ),
    ],
)
def test_invalid_plans(overrides: dict[str, Any], fields: list[str]) -> None:
    with pytest.raises(ValidationErrors) as info:
        VisitPlan.create(**plan_kwargs(**overrides))
    assert info.value.fields == fields


def test_boundaries_accepted() -> None:
    plan = VisitPlan.create(
        **plan_kwargs(
            start=NOW - timedelta(hours=1),
            expected_return=NOW + timedelta(hours=23),
            callbacks=[NOW - timedelta(hours=1), NOW + timedelta(hours=23)],
            residents="regel 1\nregel 2\tmet tab",
        )
    )
    assert len(plan.callbacks) == 2


def test_naive_times_rejected() -> None:
    with pytest.raises(ValueError):
        VisitPlan.create(**plan_kwargs(start=datetime(2026, 11, 23, 9, 0)))


@given(st.text(max_size=50), st.text(max_size=50), st.text(max_size=20))
def test_plan_text_only_validation_errors(residents: str, clients: str, phone: str) -> None:
    try:
        plan = VisitPlan.create(
            **plan_kwargs(residents=residents, clients=clients, client_phone_text=phone)
        )
    except ValidationErrors as exc:
        assert exc.errors
    else:
        assert plan.residents == residents.strip()


# ------------------------------------------------------------------- call-backs

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def mins(*values: int) -> tuple[datetime, ...]:
    return tuple(T0 + timedelta(minutes=v) for v in values)


@pytest.mark.parametrize(
    ("duration", "level", "expected"),
    [
        (120, RiskLevel.GROEN, mins(10, 120)),
        (120, RiskLevel.ORANJE, mins(10, 40, 70, 100, 120)),
        (120, RiskLevel.ROOD, mins(10, 40, 70, 100, 120)),
        (70, RiskLevel.ORANJE, mins(10, 40, 70)),
        (40, RiskLevel.ROOD, mins(10, 40)),
        (10, RiskLevel.ROOD, mins(10)),
        (5, RiskLevel.GROEN, mins(5)),
        (0, RiskLevel.GROEN, mins(0)),
    ],
)
def test_default_callbacks(duration: int, level: RiskLevel, expected: tuple[datetime, ...]) -> None:
    assert default_callbacks(T0, T0 + timedelta(minutes=duration), level) == expected


def test_default_callbacks_custom_interval() -> None:
    result = default_callbacks(
        T0,
        T0 + timedelta(minutes=60),
        RiskLevel.ORANJE,
        first_after=timedelta(minutes=5),
        interval=timedelta(minutes=20),
    )
    assert result == mins(5, 25, 45, 60)


@given(
    st.integers(0, 24 * 60),
    st.sampled_from(list(RiskLevel)),
    st.integers(0, 60),
    st.integers(1, 120),
)
def test_default_callbacks_properties(
    duration: int, level: RiskLevel, first: int, interval: int
) -> None:
    end = T0 + timedelta(minutes=duration)
    result = default_callbacks(
        T0, end, level, first_after=timedelta(minutes=first), interval=timedelta(minutes=interval)
    )
    assert list(result) == sorted(set(result))
    assert result[-1] == end
    assert all(T0 <= m <= end for m in result)
    if level is RiskLevel.GROEN:
        assert len(result) <= 2
    # every default moment passes plan validation
    if duration >= 1:
        plan = VisitPlan.create(
            **plan_kwargs(start=T0, expected_return=end, callbacks=result, now=T0)
        )
        assert plan.callbacks == result
