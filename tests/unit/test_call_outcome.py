from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from veilig_huisbezoek.domain.call_outcome import (
    CallAction,
    CallDecision,
    NameUsed,
    decide_action,
    overdue_decision,
    retry_instruction,
)
from veilig_huisbezoek.domain.errors import ValidationError

V, A = NameUsed.VOORNAAM, NameUsed.ACHTERNAAM
TRI = [True, False, None]


@pytest.mark.parametrize(
    ("name", "vrijuit", "politie", "action"),
    [
        (V, True, False, CallAction.OK),
        (V, False, False, CallAction.CALL_BACK_SOONER),
        (V, None, False, CallAction.CALL_BACK_SOONER),
        (V, True, None, CallAction.CALL_BACK_SOONER),
        (V, False, None, CallAction.CALL_BACK_SOONER),
        (V, None, None, CallAction.CALL_BACK_SOONER),
        (V, True, True, CallAction.CALL_112),
        (V, False, True, CallAction.CALL_112),
        (A, True, True, CallAction.CALL_112),
        (A, None, True, CallAction.CALL_112),
        (A, True, False, CallAction.CALL_POLICE),
        (A, False, False, CallAction.CALL_POLICE),
        (A, None, None, CallAction.CALL_POLICE),
        (A, True, None, CallAction.CALL_POLICE),
    ],
)
def test_reached_table(
    name: NameUsed, vrijuit: bool | None, politie: bool | None, action: CallAction
) -> None:
    d = decide_action(reached=True, name_used=name, vrijuit=vrijuit, politie=politie)
    assert d.action is action


def test_ok_decision() -> None:
    d = decide_action(reached=True, name_used=V, vrijuit=True, politie=False)
    assert d == CallDecision(CallAction.OK, None, False, (), False)


def test_sooner_decision() -> None:
    d = decide_action(reached=True, name_used=V, vrijuit=False, politie=False)
    assert d.retry_after == timedelta(minutes=10)
    assert d.inform_leidinggevende
    assert not d.keep_line


def test_112_decision() -> None:
    d = decide_action(
        reached=True, name_used=V, vrijuit=True, politie=True, police_emergency="0112"
    )
    assert d.police_numbers == ("0112",)
    assert d.inform_leidinggevende
    assert d.is_alarm


def test_police_decision_keeps_line() -> None:
    d = decide_action(reached=True, name_used=A, vrijuit=True, politie=False)
    assert d.police_numbers == ("112", "0900-8844")
    assert d.keep_line
    assert d.inform_leidinggevende
    assert "0900-8844" in d.instruction


def test_not_reached_first_retry_then_escalate() -> None:
    first = decide_action(reached=False, name_used=None, vrijuit=None, politie=None)
    assert first.action is CallAction.RETRY
    assert first.retry_after == timedelta(minutes=5)
    second = decide_action(
        reached=False, name_used=None, vrijuit=None, politie=None, previous_misses=1
    )
    assert second.action is CallAction.ESCALATE
    assert second.inform_leidinggevende
    assert second == overdue_decision()


def test_custom_intervals() -> None:
    d = decide_action(
        reached=False, name_used=None, vrijuit=None, politie=None, retry_after=timedelta(minutes=3)
    )
    assert d.retry_after == timedelta(minutes=3)
    d = decide_action(
        reached=True, name_used=V, vrijuit=None, politie=False, sooner_after=timedelta(minutes=7)
    )
    assert d.retry_after == timedelta(minutes=7)


def test_reached_without_name_is_error() -> None:
    with pytest.raises(ValidationError) as info:
        decide_action(reached=True, name_used=None, vrijuit=True, politie=False)
    assert info.value.field == "Antwoord"


def test_negative_misses_rejected() -> None:
    with pytest.raises(ValueError):
        decide_action(reached=False, name_used=None, vrijuit=None, politie=None, previous_misses=-1)


@pytest.mark.parametrize(
    ("reached", "name", "vrijuit", "politie", "misses"),
    list(itertools.product([True, False], [V, A, None], TRI, TRI, [0, 1, 2, 5])),
)
def test_every_combination_yields_decision(
    reached: bool, name: NameUsed | None, vrijuit: bool | None, politie: bool | None, misses: int
) -> None:
    if reached and name is None:
        with pytest.raises(ValidationError):
            decide_action(
                reached=reached,
                name_used=name,
                vrijuit=vrijuit,
                politie=politie,
                previous_misses=misses,
            )
        return
    d = decide_action(
        reached=reached, name_used=name, vrijuit=vrijuit, politie=politie, previous_misses=misses
    )
    assert isinstance(d.action, CallAction)
    assert d.title and d.instruction
    if not reached:
        # name/answers are ignored when not reached
        assert d.action is (CallAction.RETRY if misses == 0 else CallAction.ESCALATE)
    else:
        # only the single all-clear combination is OK; anything else involves the leidinggevende
        is_ok = name is V and vrijuit is True and politie is False
        assert (d.action is CallAction.OK) is is_ok
        assert d.inform_leidinggevende is not is_ok
        if politie is True:
            assert d.action is CallAction.CALL_112
    if d.action in (CallAction.RETRY, CallAction.CALL_BACK_SOONER):
        assert d.retry_after is not None
    else:
        assert d.retry_after is None


def test_all_actions_have_dutch_texts() -> None:
    for action in CallAction:
        assert action.title
        assert action.instruction.endswith(".")


@pytest.mark.parametrize(
    ("minutes", "start"),
    [
        (1, "Bel over 1 minuut opnieuw."),
        (2, "Bel over 2 minuten opnieuw."),
        (5, "Bel over 5 minuten opnieuw."),
        (60, "Bel over 60 minuten opnieuw."),
    ],
)
def test_the_retry_instruction_follows_the_retry_time(minutes: int, start: str) -> None:
    d = decide_action(
        reached=False,
        name_used=None,
        vrijuit=None,
        politie=None,
        retry_after=timedelta(minutes=minutes),
    )
    assert d.action is CallAction.RETRY and d.retry_after == timedelta(minutes=minutes)
    assert d.instruction.startswith(start)
    assert d.instruction.endswith("Wordt er dan weer niet opgenomen, dan escaleert u.")
    assert d.instruction == retry_instruction(timedelta(minutes=minutes))


def test_the_retry_instruction_is_translated_by_its_template() -> None:
    one = retry_instruction(timedelta(minutes=1))
    many = retry_instruction(timedelta(minutes=7))
    assert one.template == one and not one.params
    assert many.template.startswith("Bel over {minutes} minuten opnieuw.")
    assert many.params == {"minutes": 7}
