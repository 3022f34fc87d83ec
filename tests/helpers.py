"""Helpers the test files share: a visit that is running (planned, scheduled and departed
through the services) and a page shown on screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.presence_helpers import visit_buddy_present
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.checklist import (
    Answer,
    Assessment,
    RiskLevel,
    assess,
    default_checklist,
)
from veilig_huisbezoek.domain.visit import VisitPlan, VisitReason, default_callbacks
from veilig_huisbezoek.gui.page_base import WorkspacePage
from veilig_huisbezoek.services import visits
from veilig_huisbezoek.services.context import ServiceContext

ADDRESS = Address("Akerstraat", 12, "A", "6411 HB", "Heerlen")
CONSENT_REASON = "Onvermijdelijk; politie is op de hoogte."

W = TypeVar("W", bound=QWidget)


def groen_assessment() -> Assessment:
    """Every question answered "nee": level groen."""
    checklist = default_checklist()
    result = assess(checklist, {item.id: Answer.NEE for item in checklist.items})
    assert result.level is RiskLevel.GROEN
    return result


def visit_plan(
    ctx: ServiceContext,
    *,
    buddy_id: int,
    start: datetime,
    end: datetime,
    callbacks: Sequence[datetime] | None = None,
    address: Address = ADDRESS,
    person: str = "Dhr. Janssen",
    client_phone: str = "06-12345678",
    colleague_ids: Sequence[int] = (),
    level: RiskLevel = RiskLevel.GROEN,
) -> VisitPlan:
    """A valid plan of the person logged in with ``ctx`` (call-backs: the default ones
    for ``level``)."""
    return VisitPlan.create(
        reason=VisitReason.HANDHAVING,
        address=address,
        residents=person,
        clients=person,
        client_phone_text=client_phone,
        start=start,
        expected_return=end,
        visitor_id=ctx.actor.account_id,
        colleague_ids=tuple(colleague_ids),
        roles_note="",
        interpreter=False,
        announced_in_writing=True,
        buddy_id=buddy_id,
        callbacks=default_callbacks(start, end, level) if callbacks is None else callbacks,
        now=ctx.now(),
    )


def running_visit(
    ctx: ServiceContext,
    plan: VisitPlan,
    assessment: Assessment | None = None,
    *,
    deviation_reason: str = "",
    consent_by: ServiceContext | None = None,
    buddy_present: Callable[[int], None] | None = None,
    go_anyway_reason: str = "",
) -> int:
    """Save, schedule and depart ``plan`` as ``ctx``; returns the visit id.

    ``assessment``: groen unless given (``deviation_reason``: going alone against its
    advice); ``consent_by``: the leidinggevende who consents
    first (level rood); ``buddy_present``: says the buddy is logged in (given the visit
    id; by default :func:`visit_buddy_present`, embedded store only); with
    ``go_anyway_reason`` the visitor departs without a reachable buddy instead.
    """
    visit_id = visits.save_visit(
        ctx, plan, assessment or groen_assessment(), deviation_reason=deviation_reason
    )
    if consent_by is not None:
        visits.give_consent(consent_by, visit_id, CONSENT_REASON)
    visits.schedule_visit(ctx, visit_id)
    if go_anyway_reason:
        visits.depart(ctx, visit_id, go_anyway_reason=go_anyway_reason)
        return visit_id
    if buddy_present is None:
        visit_buddy_present(ctx, visit_id)
    else:
        buddy_present(visit_id)
    visits.depart(ctx, visit_id)
    return visit_id


def open_page(
    qtbot: QtBot,
    page: W,
    *,
    size: tuple[int, int] = (1366, 768),
    exposed: bool = True,
    active: bool = False,
) -> W:
    """Show ``page`` at ``size`` (deleted after the test); wait until it is on screen
    (``exposed``) and, with ``active``, has the keyboard (arrow keys in radio groups
    need it)."""
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    if exposed or active:
        qtbot.waitExposed(page)
    if active:
        page.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    settle_page(qtbot, page)
    return page


def settle_page(qtbot: QtBot, page: QWidget) -> None:
    """Wait until a workspace page's reads on the task runner are done (and shown)."""
    if isinstance(page, WorkspacePage) or hasattr(page, "reading"):
        qtbot.waitUntil(lambda: not getattr(page, "reading", False), timeout=10_000)


def settle_around(qtbot: QtBot, widget: QWidget) -> None:
    """Wait for the page ``widget`` is on (its reads and writes on the task runner)."""
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, WorkspacePage) or hasattr(parent, "reading"):
            settle_page(qtbot, parent)
            return
        parent = parent.parentWidget()


def call_all_well(ctx: ServiceContext, visit_id: int, callback_id: int | None = None) -> None:
    """The buddy reached the visitor, who answered with the first name: all is well."""
    from veilig_huisbezoek.domain.call_outcome import NameUsed

    visits.record_call(
        ctx,
        visit_id,
        reached=True,
        name_used=NameUsed.VOORNAAM,
        vrijuit=True,
        politie=False,
        callback_id=callback_id,
    )
