"""Which visits a change touched, and reads asked for while one is under way, folded
into one more (the buddy board, the reminder schedule): of the visits they name, or
of everything once any asks for that."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass


@dataclass(frozen=True)
class VisitsTouched:
    """The visits a change named (a team server's live change, docs/design.md §4b).

    ``heads``: their state, visitor, buddy, colleagues, start or alarms may have
    changed, so any workstation may need them (who watches a running visit, whether it
    shows at all). ``details``: only their other rows changed (calls, call-backs,
    events, the visit's other columns), which matters only to a workstation that holds
    them already: :meth:`to_read` leaves the others out."""

    heads: frozenset[int]
    details: frozenset[int] = frozenset()

    @property
    def ids(self) -> frozenset[int]:
        return self.heads | self.details

    def __or__(self, other: VisitsTouched) -> VisitsTouched:
        heads = self.heads | other.heads
        return VisitsTouched(heads, (self.details | other.details) - heads)

    def to_read(self, held: Set[int]) -> frozenset[int]:
        """The visits to read again for a view that holds ``held``."""
        return self.heads | (self.details & held)


def touched(visit_ids: Set[int] | VisitsTouched) -> VisitsTouched:
    """A plain set of visits as :class:`VisitsTouched` (every one a head)."""
    if isinstance(visit_ids, VisitsTouched):
        return visit_ids
    return VisitsTouched(frozenset(visit_ids))


class FoldedReads:
    def __init__(self) -> None:
        self.asked = False  # a read was asked for meanwhile
        self._touched: VisitsTouched | None = VisitsTouched(frozenset())  # None: everything

    def fold(self, only: VisitsTouched | None) -> None:
        """Asked for a read of these visits (None: of everything)."""
        self.asked = True
        now = self._touched
        self._touched = None if only is None or now is None else now | only

    def take(self) -> VisitsTouched | None:
        """What the folded requests asked to read (None: everything); forgotten here."""
        self.asked = False
        found, self._touched = self._touched, VisitsTouched(frozenset())
        return found
