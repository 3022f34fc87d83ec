"""Who may change the buddy of a running visit (docs/design.md §4a): pure rules, no Qt, no SQL.

Two ways, one compare-and-set underneath (the buddy changes only if it is still the
one the person saw, so two desks pressing at once cannot both win):

* **Hand over** (*overdragen*): the buddy, leaving, gives the visit to a colleague who
  may act as buddy (not the visitor). A leidinggevende may hand over any visit.
* **Take over** (*overnemen*): a colleague who may act as buddy makes themselves the
  buddy, while the buddy is not present (failover). A leidinggevende may always.

The team server checks the same rules itself (``vh_change_buddy``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Message, msg
from .visit import VisitState

RUNNING = frozenset({VisitState.ONDERWEG, VisitState.GEESCALEERD})


@dataclass(frozen=True)
class WatchHead:
    """The few facts of a visit these rules need (no personal data)."""

    visit_id: int
    state: VisitState
    visitor_id: int
    buddy_id: int


def hand_over_refusal(
    head: WatchHead, *, actor_id: int, actor_is_lead: bool, to_buddy_id: int, to_eligible: bool
) -> Message | None:
    """Why this hand-over is refused (None: allowed)."""
    if head.state not in RUNNING:
        return msg("dit bezoek loopt niet meer")
    if head.buddy_id != actor_id and not actor_is_lead:
        return msg("alleen de buddy of een leidinggevende draagt een bezoek over")
    if to_buddy_id == head.visitor_id or not to_eligible:
        return msg("kies een collega die buddy kan zijn, niet de bezoeker zelf")
    return None


def take_over_refusal(
    head: WatchHead,
    *,
    actor_id: int,
    actor_is_lead: bool,
    actor_may_buddy: bool,
    buddy_present: bool,
) -> Message | None:
    """Why this take-over is refused (None: allowed). Someone else having been first is
    not a refusal here: the compare-and-set finds it."""
    if head.state not in RUNNING:
        return msg("dit bezoek loopt niet meer")
    if not actor_may_buddy or actor_id == head.visitor_id:
        return msg("alleen een collega die buddy kan zijn neemt een bezoek over")
    if buddy_present and head.buddy_id != actor_id and not actor_is_lead:
        return msg("de buddy is aanwezig; overnemen kan als de buddy niet bereikbaar is")
    return None
