"""Helpers for the reminder tests: running visits on the team store, a fake monotonic clock."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tests.conftest import Team
from tests.presence_helpers import present_as
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.checklist import Answer, RiskLevel, assess, default_checklist
from veilig_huisbezoek.domain.visit import VisitPlan, VisitReason, default_callbacks
from veilig_huisbezoek.services import visits
from veilig_huisbezoek.services.context import ServiceContext

ADDRESS = Address("Akerstraat", 12, "A", "6411 HB", "Heerlen")


class FakeMonotonic:
    """A stand-in for ``time.monotonic``: advances only when told (a suspended machine)."""

    def __init__(self) -> None:
        self.value = 1_000.0

    def __call__(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds


def groen_assessment():  # type: ignore[no-untyped-def]
    checklist = default_checklist()
    result = assess(checklist, {item.id: Answer.NEE for item in checklist.items})
    assert result.level is RiskLevel.GROEN
    return result


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
        plan = VisitPlan.create(
            reason=VisitReason.HANDHAVING,
            address=ADDRESS,
            residents="Dhr. Janssen",
            clients="Dhr. Janssen",
            client_phone_text="06-12345678",
            start=start,
            expected_return=end,
            visitor_id=ctx.actor.account_id,
            colleague_ids=(),
            roles_note="",
            interpreter=False,
            announced_in_writing=True,
            buddy_id=team.ids[buddy],
            callbacks=(
                default_callbacks(start, end, RiskLevel.GROEN) if callbacks is None else callbacks
            ),
            now=team.clock.now(),
        )
        visit_id = visits.save_visit(ctx, plan, groen_assessment())
        visits.schedule_visit(ctx, visit_id)
        present_as(team.login, buddy)  # also on a team server: their own heartbeat
        visits.depart(ctx, visit_id)
        return visit_id
    finally:
        ctx.store.close()


def all_present(team: Team, ctx: ServiceContext) -> None:
    """Everyone has a heartbeat now (docs/design.md §4a): no visit is unwatched."""
    now = team.clock.now()
    for name, account_id in team.ids.items():
        ctx.store.heartbeat(f"test-{name}", account_id, now, locked=False)
