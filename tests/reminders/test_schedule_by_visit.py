"""The schedule re-read by visit (``ReminderScheduler.request_rebuild(visit_ids)``, what a
team server's live change asks for): only those visits change in it, and a pass that
failed leaves nothing behind, because the next pass reads everything."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import Team
from tests.reminders.conftest import Harness
from tests.reminders.helpers import running_visit
from veilig_huisbezoek.services import alarms, visits
from veilig_huisbezoek.storage.errors import StoreError

MIN = timedelta(minutes=1)


def test_a_pass_by_visit_reads_those_and_after_a_failure_everything(
    harness: Harness, team: Team, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = team.clock.now() + 5 * MIN
    first, second = (running_visit(team, start=start, end=start + 90 * MIN) for _ in range(2))
    tasks = harness.task_runner()
    buddy = harness.start("bram", tasks=tasks, tick_ms=3_600_000)
    scheduler = buddy.scheduler

    def settled() -> set[int | None]:
        qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
        qtbot.wait(20)  # the result, queued back to this thread
        return {r.visit_id for r in scheduler.pending}

    scheduler.request_rebuild()
    assert settled() == {first, second}

    # Sanne comes back from both; the change named the first only: the second stays.
    sanne = team.login("sanne")
    try:
        visits.return_safe(sanne, first)
        visits.return_safe(sanne, second)
    finally:
        sanne.store.close()
    scheduler.request_rebuild({first})
    assert settled() == {second}

    # A pass by visit that fails (a server error): the next pass reads everything.
    running = [running_visit(team, start=start, end=start + 90 * MIN) for _ in range(2)]
    whole = alarms.snapshot
    failing = [True]

    def snapshot_once_failing(*args: object, **options: object) -> object:
        if failing:
            failing.clear()
            raise StoreError("the server refused the read")
        return whole(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(alarms, "snapshot", snapshot_once_failing)
    scheduler.request_rebuild({running[0]})
    assert settled() == {second}  # the last known schedule stays
    scheduler.request_rebuild({running[0]})
    assert settled() == set(running)  # everything: the second is gone, both new are in
