"""Reads asked for while one is under way, folded into one more (the buddy board, the
reminder schedule): of the visits they name, or of everything once any asks for that."""

from __future__ import annotations


class FoldedReads:
    def __init__(self) -> None:
        self.asked = False  # a read was asked for meanwhile
        self._ids: frozenset[int] | None = frozenset()  # None: everything

    def fold(self, only: frozenset[int] | None) -> None:
        """Asked for a read of these visits (None: of everything)."""
        self.asked = True
        ids = self._ids
        self._ids = None if only is None or ids is None else ids | only

    def take(self) -> frozenset[int] | None:
        """What the folded requests asked to read (None: everything); forgotten here."""
        self.asked = False
        ids, self._ids = self._ids, frozenset()
        return ids
