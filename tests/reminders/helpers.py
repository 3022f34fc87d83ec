"""Helpers for the reminder tests: running visits on the team store, a fake monotonic
clock, a probe for store sessions on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pytest

from tests.conftest import Team

# ADDRESS and groen_assessment: other tests import them from here.
from tests.helpers import ADDRESS as ADDRESS
from tests.helpers import groen_assessment as groen_assessment
from tests.helpers import running_visit as shared_running_visit
from tests.helpers import visit_plan
from tests.presence_helpers import present_as
from veilig_huisbezoek.services.context import ServiceContext


class FakeMonotonic:
    """A stand-in for ``time.monotonic``: advances only when told (a suspended machine)."""

    def __init__(self) -> None:
        self.value = 1_000.0

    def __call__(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds


def running_visit(
    team: Team,
    *,
    start: datetime,
    end: datetime,
    callbacks: Sequence[datetime] | None = None,
    visitor: str = "sanne",
    buddy: str = "bram",
) -> int:
    """Plan, schedule and depart a groen visit through the services; returns its id."""
    ctx = team.login(visitor)
    try:
        plan = visit_plan(ctx, buddy_id=team.ids[buddy], start=start, end=end, callbacks=callbacks)
        # Also on a team server: the buddy's own heartbeat.
        return shared_running_visit(
            ctx, plan, buddy_present=lambda _visit_id: present_as(team.login, buddy)
        )
    finally:
        ctx.store.close()


def all_present(team: Team, ctx: ServiceContext) -> None:
    """Everyone has a heartbeat now (docs/design.md §4a): no visit is unwatched."""
    now = team.clock.now()
    for name, account_id in team.ids.items():
        ctx.store.heartbeat(f"test-{name}", account_id, now, locked=False)


def refresh_panel(qtbot: Any, panel: Any) -> None:
    """Refresh the alarm panel (on its task runner) and wait until it has settled."""
    panel.refresh()
    settle_panel(qtbot, panel)


def settle_panel(qtbot: Any, panel: Any) -> None:
    """Wait until the alarm panel's refreshes and acknowledgements are done."""
    qtbot.waitUntil(lambda: not panel.busy, timeout=5_000)


def probe_gui_thread(ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The store sessions ``ctx`` opens on the GUI thread from now on (by name)."""
    opened: list[str] = []
    store = ctx.store
    for name in ("session", "read_session"):
        real = getattr(store, name)

        def probed(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            if threading.current_thread() is threading.main_thread():
                opened.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(store, name, probed)
    return opened
