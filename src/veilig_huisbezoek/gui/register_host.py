"""What the register page's side forms (note form, reason form) ask of the page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from ..services.register import RegisterEntry


class RegisterHost(Protocol):
    def selected_entry(self) -> RegisterEntry | None: ...

    def today(self) -> date:
        """Today in Amsterdam, by the page's clock."""
        ...

    def act(
        self,
        job: Callable[[], Any],
        success_text: Callable[[Any], str],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        """Run ``job`` on the task runner; on success back to the note's details."""
        ...

    def switch_side(self, page: QWidget) -> None:
        """Show ``page`` on the right-hand side (the list waits while it is a form)."""
        ...
