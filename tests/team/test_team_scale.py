"""Smoke test of the scale bench's simulated workstations (bench/team_scale_bench.py):
three desks, a few seconds of changes, each change reaches the other two desks."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from tests.conftest import PASSWORDS
from tests.team.conftest import PgTeam
from tests.team.scale_client import (
    Person,
    WorkerSpec,
    drive,
    go_live,
    plan_running,
    set_up_desks,
)


def test_changes_reach_every_other_desk(pg_team: PgTeam) -> None:
    names = ("sanne", "bram", "petra")
    people = [Person(n, PASSWORDS[n], pg_team.ids[n], n == "petra") for n in names]
    ids = [p.account_id for p in people]
    spec = WorkerSpec(pg_team.person_url, people, ids, 2, 0.0, 2.0, 5.0, 1, setup_buddies=ids)
    desks = set_up_desks(spec)
    try:
        plan_running(desks, spec, datetime.now(UTC))
        go_live(desks)
        changes = drive(desks, spec, time.monotonic() + spec.seconds)
        time.sleep(2.0)  # the last change's reloads
    finally:
        for desk in desks:
            desk.stop()
    assert len(changes) >= 3
    for at, writer, _kind, visit_id, begun in changes:
        for desk in desks:
            if desk.person.username == writer:
                continue
            told = [t for t, ids in desk.log.notified if t >= begun and visit_id in (ids or ())]
            assert told, f"{desk.person.username} was never told of a change at {writer}"
            assert told[0] - at < 5.0
            seen = [
                end
                for start, end, ids in desk.log.reloads
                if start >= at and (ids is None or visit_id in ids)
            ]
            assert seen, f"a change at {writer} never reached {desk.person.username}"
            assert seen[0] - at < 5.0
    assert sum(sum(d.log.errors.values()) for d in desks) <= len(changes) // 3
