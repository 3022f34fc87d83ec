"""The pure reminder rules: which moments alarm whom, table-driven and with hypothesis,
including the DST nights of 2026 in Europe/Amsterdam."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veilig_huisbezoek.domain.clock import local_to_utc, to_local
from veilig_huisbezoek.domain.reminders import (
    AlarmCall,
    AlarmSnapshot,
    Audience,
    CallbackMoment,
    Deadline,
    Reminder,
    ReminderKind,
    VisitSnapshot,
    due_reminders,
    raised_late,
    reminders_for,
)
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.domain.visit import VisitState

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def visit(
    visit_id: int = 5,
    *,
    state: VisitState = VisitState.ONDERWEG,
    back: datetime = T0 + 60 * MIN,
    callbacks: tuple[CallbackMoment, ...] = (CallbackMoment(17, T0 + 10 * MIN),),
    buddy: int = 3,
) -> VisitSnapshot:
    return VisitSnapshot(visit_id, state, back, buddy, "Sanne", callbacks)


def table(reminders: list[Reminder]) -> list[tuple[str, ReminderKind, datetime, Audience]]:
    return [(r.key, r.kind, r.due_at, r.audience) for r in reminders]


CB, OD, ESC, DL = (
    ReminderKind.CALLBACK_DUE,
    ReminderKind.OVERDUE_ALARM,
    ReminderKind.ESCALATION,
    ReminderKind.DEADLINE,
)
BUDDY, LEADS = Audience.BUDDY, Audience.LEIDINGGEVENDEN


@pytest.mark.parametrize(
    ("visits", "alarms", "config", "expected"),
    [
        pytest.param(
            [visit()],
            [],
            Settings(),
            [
                ("callback:17", CB, T0 + 10 * MIN, BUDDY),
                ("escalation:callback:17", ESC, T0 + 20 * MIN, LEADS),
                ("overdue:5", OD, T0 + 75 * MIN, BUDDY),
                ("escalation:overdue:5", ESC, T0 + 85 * MIN, LEADS),
            ],
            id="onderweg: call-back, overdue after grace, each escalates after 10 min",
        ),
        pytest.param(
            [visit(state=VisitState.GEESCALEERD, callbacks=())],
            [],
            Settings(grace_minutes=0, escalation_minutes=1),
            [
                ("overdue:5", OD, T0 + 60 * MIN, BUDDY),
                ("escalation:overdue:5", ESC, T0 + 61 * MIN, LEADS),
            ],
            id="geescaleerd is still out; settings change grace and escalation",
        ),
        *[
            pytest.param([visit(state=state)], [], Settings(), [], id=f"{state.value}: nothing")
            for state in VisitState
            if not state.is_active
        ],
        pytest.param(
            [visit(callbacks=(CallbackMoment(18, T0 + 5 * MIN, "herhaling"),))],
            [AlarmSnapshot(1, "callback:17", acknowledged=True)],
            Settings(),
            [
                ("callback:18", CB, T0 + 5 * MIN, BUDDY),
                ("escalation:callback:18", ESC, T0 + 15 * MIN, LEADS),
                ("overdue:5", OD, T0 + 75 * MIN, BUDDY),
                ("escalation:overdue:5", ESC, T0 + 85 * MIN, LEADS),
            ],
            id="retry call-back after 'niet bereikt' is an ordinary open call-back",
        ),
        pytest.param(
            [visit()],
            [
                AlarmSnapshot(1, "callback:17", acknowledged=True),
                AlarmSnapshot(2, "overdue:5", acknowledged=False),
            ],
            Settings(),
            [
                ("overdue:5", OD, T0 + 75 * MIN, BUDDY),
                ("escalation:overdue:5", ESC, T0 + 85 * MIN, LEADS),
            ],
            id="acknowledged: no reminder, no escalation; raised but open: both stay",
        ),
        pytest.param(
            [visit(callbacks=())],
            [AlarmSnapshot(3, "escalation:overdue:5", acknowledged=True)],
            Settings(),
            [("overdue:5", OD, T0 + 75 * MIN, BUDDY)],
            id="acknowledged escalation: the base reminder stays",
        ),
    ],
)
def test_reminder_table(
    visits: list[VisitSnapshot],
    alarms: list[AlarmSnapshot],
    config: Settings,
    expected: list[tuple[str, ReminderKind, datetime, Audience]],
) -> None:
    assert table(due_reminders(visits, alarms, config)) == expected


def test_deadlines_go_to_their_audience_and_do_not_escalate() -> None:
    deadline = Deadline("aangifte:4", T0 + 24 * 60 * MIN, visit_id=5, visitor_first_name="Sanne")
    (reminder,) = due_reminders([], [], Settings(), [deadline])
    assert (reminder.key, reminder.kind, reminder.audience) == ("deadline:aangifte:4", DL, LEADS)
    assert reminder.visit_id == 5 and reminder.due_at == T0 + 24 * 60 * MIN
    acknowledged = [AlarmSnapshot(1, "deadline:aangifte:4", acknowledged=True)]
    assert due_reminders([], acknowledged, Settings(), [deadline]) == []


def test_reminders_carry_what_the_call_dialog_needs() -> None:
    reminders = due_reminders([visit()], [], Settings())
    callback, escalation = reminders[0], reminders[1]
    assert (callback.visit_id, callback.callback_id, callback.buddy_id) == (5, 17, 3)
    assert callback.visitor_first_name == "Sanne"
    assert escalation.escalates == "callback:17" and escalation.callback_id == 17


def test_each_person_gets_their_own_reminders() -> None:
    reminders = due_reminders([visit(5, buddy=3), visit(6, buddy=4, callbacks=())], [], Settings())
    buddy = reminders_for(reminders, viewer_id=3, leidinggevende=False)
    assert {r.key for r in buddy} == {"callback:17", "overdue:5"}
    lead = reminders_for(reminders, viewer_id=9, leidinggevende=True)
    assert {r.kind for r in lead} == {ESC} and len(lead) == 3
    lead_and_buddy = reminders_for(reminders, viewer_id=4, leidinggevende=True)
    assert "overdue:6" in {r.key for r in lead_and_buddy} and len(lead_and_buddy) == 4


def test_an_alarming_call_alarms_every_leidinggevende_at_once() -> None:
    """A recorded call ending in police or escalation: an emergency for the
    leidinggevenden at the moment of the call; it does not escalate itself, it is the
    most urgent kind, and it ends with the visit or its acknowledgement."""
    called = T0 + 12 * MIN
    out = VisitSnapshot(
        5,
        VisitState.GEESCALEERD,
        T0 + 60 * MIN,
        3,
        "Sanne",
        (),
        (AlarmCall(41, called),),
        visitor_id=2,
    )
    emergency = next(r for r in due_reminders([out], [], Settings()) if r.key == "call:41")
    assert (emergency.kind, emergency.audience, emergency.due_at) == (
        ReminderKind.EMERGENCY,
        LEADS,
        called,
    )
    assert (emergency.visit_id, emergency.buddy_id, emergency.visitor_first_name) == (
        5,
        3,
        "Sanne",
    )
    keys = {r.key for r in due_reminders([out], [], Settings())}
    assert "escalation:call:41" not in keys
    assert ReminderKind.EMERGENCY.urgency < ReminderKind.ESCALATION.urgency
    lead = reminders_for(due_reminders([out], [], Settings()), viewer_id=9, leidinggevende=True)
    assert "call:41" in {r.key for r in lead}
    buddy = reminders_for(due_reminders([out], [], Settings()), viewer_id=3, leidinggevende=False)
    assert "call:41" not in {r.key for r in buddy}
    # A leidinggevende who is the visitor: not on their own screen.
    own = reminders_for(due_reminders([out], [], Settings()), viewer_id=2, leidinggevende=True)
    assert "call:41" not in {r.key for r in own}
    done = [AlarmSnapshot(1, "call:41", acknowledged=True)]
    assert "call:41" not in {r.key for r in due_reminders([out], done, Settings())}
    back = VisitSnapshot(
        5, VisitState.TERUG_VEILIG, T0 + 60 * MIN, 3, "Sanne", (), (AlarmCall(41, called),)
    )
    assert due_reminders([back], [], Settings()) == []


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        due_reminders([visit(back=datetime(2026, 11, 23, 10, 0))], [], Settings())


def test_late_means_raised_well_after_the_moment() -> None:
    tolerance = timedelta(seconds=30)
    assert not raised_late(T0, T0 + timedelta(seconds=30), tolerance)
    assert raised_late(T0, T0 + timedelta(seconds=31), tolerance)


# ---- DST: last Sunday of March and October 2026 ----------------------------------------


def test_march_gap_counts_real_minutes() -> None:
    # 29 March 2026: 02:00 CET becomes 03:00 CEST. A visit back at 01:50 with 15 minutes
    # grace is overdue at 03:05 local: fifteen real minutes, not an hour and a quarter.
    back = local_to_utc(datetime(2026, 3, 29, 1, 50))
    before = local_to_utc(datetime(2026, 3, 29, 1, 55))
    after = local_to_utc(datetime(2026, 3, 29, 3, 5))
    assert after - before == 10 * MIN
    reminders = due_reminders(
        [visit(back=back, callbacks=(CallbackMoment(1, before), CallbackMoment(2, after)))],
        [],
        Settings(),
    )
    due = {r.key: r.due_at for r in reminders}
    assert due["callback:1"] == datetime(2026, 3, 29, 0, 55, tzinfo=UTC)
    assert due["callback:2"] == datetime(2026, 3, 29, 1, 5, tzinfo=UTC)
    assert due["overdue:5"] == back + 15 * MIN
    assert to_local(due["overdue:5"]).strftime("%H:%M %Z") == "03:05 CEST"


def test_october_repeated_hour_is_two_distinct_instants() -> None:
    # 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
    first = local_to_utc(datetime(2026, 10, 25, 2, 30), fold=0)
    second = local_to_utc(datetime(2026, 10, 25, 2, 30), fold=1)
    assert (first, second) == (
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    )
    back = local_to_utc(datetime(2026, 10, 25, 2, 50), fold=0)
    reminders = due_reminders(
        [visit(back=back, callbacks=(CallbackMoment(1, first), CallbackMoment(2, second)))],
        [],
        Settings(),
    )
    due = {r.key: r.due_at for r in reminders}
    assert due["callback:1"] == first and due["callback:2"] == second
    # Back at 02:50 CEST + 15 min = 02:05 CET, the second time round.
    assert due["overdue:5"] == datetime(2026, 10, 25, 1, 5, tzinfo=UTC)
    assert to_local(due["overdue:5"]).strftime("%H:%M %Z") == "02:05 CET"


# ---- properties ----------------------------------------------------------------------------

# Instants around both DST nights of 2026 and an ordinary day, whole minutes.
_NIGHTS = [
    datetime(2026, 3, 28, 22, 0, tzinfo=UTC),
    datetime(2026, 10, 24, 22, 0, tzinfo=UTC),
    datetime(2026, 11, 23, 6, 0, tzinfo=UTC),
]
instants = st.builds(
    lambda base, minutes: base + timedelta(minutes=minutes),
    st.sampled_from(_NIGHTS),
    st.integers(min_value=0, max_value=6 * 60),
)


@st.composite
def visit_snapshots(draw: st.DrawFn) -> list[VisitSnapshot]:
    count = draw(st.integers(min_value=0, max_value=6))
    result = []
    next_callback = 1
    for visit_id in range(1, count + 1):
        callbacks = []
        for _ in range(draw(st.integers(min_value=0, max_value=4))):
            kind = draw(st.sampled_from(["gepland", "herhaling", "eerder"]))
            callbacks.append(CallbackMoment(next_callback, draw(instants), kind))
            next_callback += 1
        result.append(
            VisitSnapshot(
                visit_id,
                draw(st.sampled_from(list(VisitState))),
                draw(instants),
                draw(st.integers(min_value=1, max_value=3)),
                "Sanne",
                tuple(callbacks),
            )
        )
    return result


@given(
    visits=visit_snapshots(),
    acknowledged=st.sets(st.integers(min_value=1, max_value=30), max_size=10),
    grace=st.integers(min_value=0, max_value=240),
    escalation=st.integers(min_value=1, max_value=120),
)
@settings(max_examples=200, deadline=None)
def test_reminder_properties(
    visits: list[VisitSnapshot], acknowledged: set[int], grace: int, escalation: int
) -> None:
    config = Settings(grace_minutes=grace, escalation_minutes=escalation)
    # Acknowledge some call-backs, overdue reminders and escalations by number.
    keys = [f"callback:{n}" for n in acknowledged] + [f"overdue:{n}" for n in acknowledged]
    keys += [f"escalation:callback:{n}" for n in acknowledged if n % 2]
    alarms = [AlarmSnapshot(i, key, acknowledged=True) for i, key in enumerate(keys)]
    done = set(keys)
    reminders = due_reminders(visits, alarms, config)

    assert len({r.key for r in reminders}) == len(reminders), "keys are unique"
    assert [r.due_at for r in reminders] == sorted(r.due_at for r in reminders)
    assert all(r.due_at.utcoffset() == timedelta(0) for r in reminders)
    assert not any(r.key in done for r in reminders)
    by_key = {r.key: r for r in reminders}
    for v in visits:
        mine = [r for r in reminders if r.visit_id == v.id]
        if not v.state.is_active:
            assert mine == []
            continue
        for callback in v.open_callbacks:
            key = f"callback:{callback.id}"
            if key in done:
                assert key not in by_key
                continue
            # The very same instant, whatever the local wall clock did that night.
            assert by_key[key].due_at == callback.due_at
            assert by_key[key].audience is Audience.BUDDY and by_key[key].buddy_id == v.buddy_id
        overdue = by_key.get(f"overdue:{v.id}")
        if f"overdue:{v.id}" not in done:
            assert overdue is not None
            assert (overdue.due_at - v.expected_return).total_seconds() == grace * 60
    for r in reminders:
        if r.kind is ReminderKind.ESCALATION:
            assert r.escalates is not None and r.audience is Audience.LEIDINGGEVENDEN
            base = by_key[r.escalates]
            assert r.due_at - base.due_at == timedelta(minutes=escalation)
        elif f"escalation:{r.key}" not in done:
            assert by_key[f"escalation:{r.key}"].escalates == r.key
