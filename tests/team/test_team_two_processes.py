"""Team mode, live, done for real: two app processes on one machine as two people on one
team server (each a MainWindow in team mode, offscreen, driven by
:mod:`tests.team.live_driver`), sharing one controllable time (the test sets both
clocks). Changes travel only through the server (NOTIFY), never through the test."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import PASSWORDS
from tests.presence_helpers import present_as
from tests.team.conftest import PgTeam
from tests.team.workstation import Message, Workstation
from veilig_huisbezoek.domain.settings import Settings

pytestmark = pytest.mark.gui

LIVE_S = 1.0  # a change on one workstation reaches the other within a second


@pytest.fixture
def stations(pg_team: PgTeam, tmp_path: Path) -> Iterator[dict[str, Workstation]]:
    started: dict[str, Workstation] = {}
    start = pg_team.clock.now()
    try:
        for name in ("a", "b"):
            started[name] = Workstation.start(name, pg_team.person_url, start, tmp_path)
        yield started
    finally:
        for station in started.values():
            station.close()


def _log_in(station: Workstation, user: str) -> None:
    station.send("login", user=user, password=PASSWORDS[user], timeout=30)


def _set_clock(stations: dict[str, Workstation], at: datetime) -> None:
    for station in stations.values():
        station.send("clock", at=at.isoformat())


def _is_changed(message: Message) -> bool:
    return message.get("event") == "visits_changed"


def _board_status(state: Message, visit_id: int) -> str | None:
    for row in state["board"]:
        if row["visit_id"] == visit_id:
            return str(row["status"])
    return None


def test_buddy_scenario_on_two_workstations(
    pg_team: PgTeam, stations: dict[str, Workstation], tmp_path: Path
) -> None:
    a, b = stations["a"], stations["b"]
    _log_in(a, "sanne")
    _log_in(b, "bram")
    # A third workstation, Petra's (leidinggevende), for the emergency alarm below.
    c = stations["c"] = Workstation.start("c", pg_team.person_url, pg_team.clock.now(), tmp_path)
    _log_in(c, "petra")

    # Sanne plans, schedules and departs on A; B's board (the buddy's) has it at once.
    b.clear_events()
    planned = a.send("plan", buddy_id=pg_team.ids["bram"])
    done = time.monotonic()
    visit_id = int(planned["visit_id"])
    assert b.wait_event(_is_changed, timeout=5) - done < LIVE_S
    b.wait_state(lambda s: _board_status(s, visit_id) is not None, timeout=LIVE_S)

    # The first call-back falls due: the alarm fires on B (the buddy), and A (Sanne's
    # own screen) shows it too, for information: Bram is being alarmed to call her.
    first_callback = datetime.fromisoformat(planned["callbacks"][0])
    _set_clock(stations, first_callback + timedelta(seconds=5))
    assert b.send("tick")["fired"]
    fired = time.monotonic()
    state_b = b.send("state")
    assert [(x["kind"], x["for_visitor"]) for x in state_b["alarms"]] == [("terugbellen", False)]
    assert state_b["open_alarm_count"] == 1 and state_b["panel_visible"]
    state_a = a.wait_state(lambda s: bool(s["alarms"]), timeout=5)
    assert time.monotonic() - fired < LIVE_S
    assert [(x["id"], x["for_visitor"]) for x in state_a["alarms"]] == [
        (state_b["alarms"][0]["id"], True)
    ]
    assert state_a["panel_visible"] and state_a["open_alarm_count"] == 0  # not hers to answer
    assert a.send("tick")["fired"] == []
    callback_id = state_b["alarms"][0]["callback_id"]

    # B calls; Sanne answers with her achternaam: police, and the visit is in alarm on A.
    a.clear_events()
    call = b.send("call", visit_id=visit_id, callback_id=callback_id, name_used="achternaam")
    done = time.monotonic()
    assert call["action"] == "call_police"
    assert a.wait_event(_is_changed, timeout=5) - done < LIVE_S
    a.wait_state(lambda s: _board_status(s, visit_id) == "alarm", timeout=LIVE_S)
    # … and Petra's workstation alarms at once: an emergency, for the leidinggevenden.
    emergency = c.wait_event(
        lambda m: m.get("event") == "alarm" and m["kind"] == "noodsituatie", timeout=5
    )
    assert emergency - done < LIVE_S
    assert "noodsituatie" not in [x["kind"] for x in a.send("state")["alarms"]]

    # B acknowledges on its panel: the alarm stops there and on A.
    a.clear_events()
    b.send("ack")
    done = time.monotonic()
    state_b = b.send("state")
    assert state_b["alarms"] == [] and state_b["open_alarm_count"] == 0
    assert not state_b["panel_visible"]
    assert a.wait_event(_is_changed, timeout=5) - done < LIVE_S
    # The visitor's desk keeps a quiet line: who took charge, and when.
    state_a = a.wait_state(
        lambda s: any(t.startswith("Bram handelt dit af") for t in s["panel_texts"]), timeout=5
    )
    assert time.monotonic() - done < LIVE_S
    assert state_a["open_alarm_count"] == 0

    # Petra acknowledges the emergency; it is recorded once for all leidinggevenden.
    assert [x["kind"] for x in c.send("state")["alarms"]] == ["noodsituatie"]
    c.send("ack")
    assert c.send("state")["alarms"] == []


def test_an_alarm_acknowledged_on_one_workstation_stops_on_the_other(
    pg_team: PgTeam, stations: dict[str, Workstation]
) -> None:
    """Two leidinggevenden (anna on A, petra on B) both get the escalation of a
    call-back nobody acknowledged; petra acknowledges it and it disappears on A too,
    through NOTIFY alone (A's scheduler is not asked to look)."""
    a, b = stations["a"], stations["b"]
    _log_in(a, "anna")
    _log_in(b, "petra")
    sanne = pg_team.login("sanne")
    try:
        from tests.services.test_services import _assessment, _plan
        from veilig_huisbezoek.domain.checklist import RiskLevel
        from veilig_huisbezoek.services import visits

        plan = _plan(sanne, pg_team)  # type: ignore[arg-type]
        visit_id = visits.save_visit(sanne, plan, _assessment(RiskLevel.GROEN))
        visits.schedule_visit(sanne, visit_id)
        present_as(pg_team.login, "bram")
        visits.depart(sanne, visit_id)
    finally:
        sanne.store.close()
    escalation = plan.callbacks[0] + timedelta(minutes=Settings().escalation_minutes)
    _set_clock(stations, escalation + timedelta(seconds=5))
    for station in (a, b):
        station.send("tick")

    def escalations(state: Message) -> list[int]:
        # Only the escalation: with the clock moved on, bram's one heartbeat may be old
        # enough for a failover alarm too (docs/design.md §4a), depending on the timing.
        return [int(x["id"]) for x in state["alarms"] if x["kind"] == "escalatie"]

    (on_a,) = escalations(a.wait_state(lambda s: bool(escalations(s)), timeout=5))
    (on_b,) = escalations(b.wait_state(lambda s: bool(escalations(s)), timeout=5))
    assert on_a == on_b  # one alarm, two screens

    open_before = a.send("state")["open_alarm_count"]
    a.clear_events()
    b.send("ack", alarm_id=on_b)
    done = time.monotonic()
    assert escalations(b.send("state")) == []
    arrived = a.wait_event(
        lambda m: m.get("event") == "panel" and m["count"] < open_before, timeout=5
    )
    assert arrived - done < LIVE_S
    assert a.send("state")["open_alarm_count"] == open_before - 1


def test_server_lost_shows_a_banner_keeps_the_last_state_and_recovers(
    pg_team: PgTeam, stations: dict[str, Workstation]
) -> None:
    a, b = stations["a"], stations["b"]
    _log_in(a, "sanne")
    _log_in(b, "bram")
    planned = a.send("plan", buddy_id=pg_team.ids["bram"])
    visit_id = int(planned["visit_id"])
    b.wait_state(lambda s: _board_status(s, visit_id) is not None, timeout=5)
    assert b.send("state")["banner"] is None

    pg_team.cluster.stop()
    try:
        stopped = time.monotonic()
        b.wait_event(lambda m: m.get("event") == "banner" and m["visible"], timeout=5)
        assert time.monotonic() - stopped < 3
        state = b.send("state")
        assert state["banner"].startswith("Geen verbinding met de teamserver sinds ")
        assert "u ziet de laatst bekende stand (0 min oud); opnieuw proberen" in state["banner"]
        assert _board_status(state, visit_id) is not None  # the last known state stays
        assert not state["live_connected"]
    finally:
        pg_team.cluster.start()
    b.wait_event(lambda m: m.get("event") == "banner" and not m["visible"], timeout=20)
    state = b.wait_state(lambda s: s["live_connected"], timeout=5)
    assert state["banner"] is None
    # A finds the server again on its own schedule (until then it refuses at once).
    a.wait_state(lambda s: s["live_connected"] and s["banner"] is None, timeout=20)

    # Live again: a change on A reaches B within a second.
    b.clear_events()
    again = int(a.send("plan", buddy_id=pg_team.ids["bram"])["visit_id"])
    done = time.monotonic()
    assert b.wait_event(_is_changed, timeout=5) - done < LIVE_S
    b.wait_state(lambda s: _board_status(s, again) is not None, timeout=LIVE_S)


def test_a_server_that_stops_answering_shows_the_banner_within_seconds(
    pg_team: PgTeam, tmp_path: Path
) -> None:
    """No refused connection, no error: the packets just go nowhere (a hung host, a
    broken network path). The workstation says so within seconds, keeps its last state
    and works again when the path is back."""
    from urllib.parse import urlsplit, urlunsplit

    from tests.team.blackhole import BlackholeProxy

    with BlackholeProxy(pg_team.cluster.port) as proxy:
        parts = urlsplit(pg_team.person_url)
        proxied = urlunsplit(parts._replace(netloc=f"localhost:{proxy.port}"))
        station = Workstation.start("c", proxied, pg_team.clock.now(), tmp_path)
        try:
            _log_in(station, "bram")
            assert station.wait_state(lambda s: s["live_connected"], timeout=5)["banner"] is None
            proxy.blackhole()
            started = time.monotonic()
            station.wait_event(lambda m: m.get("event") == "banner" and m["visible"], timeout=10)
            assert time.monotonic() - started < 4
            state = station.send("state")
            assert state["banner"].startswith("Geen verbinding met de teamserver sinds ")
            assert not state["live_connected"]
            proxy.restore()
            station.wait_event(
                lambda m: m.get("event") == "banner" and not m["visible"], timeout=20
            )
            assert station.wait_state(lambda s: s["live_connected"], timeout=5)["banner"] is None
        finally:
            station.close()
