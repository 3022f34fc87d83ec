"""What the parts of the prepare-visit wizard share: step numbers, styles, time helpers
and the message line with its per-field error labels.

The texts of the step classes keep the translation context ``PrepareVisitPage`` (the
catalogue has them there): they call ``translate("PrepareVisitPage", ...)``, which
lupdate reads like ``self.tr``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QRadioButton, QScrollArea, QStackedWidget

from ...domain.clock import to_local
from ...domain.errors import ValidationError
from ...services import planning
from ..i18n import error_text
from ..look import say

STEP_ADDRESS, STEP_CHECK, STEP_ADVICE, STEP_PLAN, STEP_REVIEW = range(5)
STEP_COUNT = 5

CURRENT_STEP_STYLE = (
    "QLabel { background-color: #0b4f8a; color: #ffffff; font-weight: bold; "
    "padding: 0.2em 0.6em; border-radius: 0.3em; }"
)
OTHER_STEP_STYLE = "QLabel { padding: 0.2em 0.6em; }"
# Rich-text lists: a small indent so long reasons keep their width.
UL = " style='margin-top: 2px; margin-bottom: 2px; margin-left: 0px; -qt-list-indent: 1;'"
GROUP_TITLE_STYLE = "QGroupBox { font-weight: bold; } QGroupBox QWidget { font-weight: normal; }"
WARNING_PANEL_STYLE = (
    "QFrame#warningPanel { border: 3px solid #a50e0e; border-radius: 0.4em; "
    "background-color: #fdecea; } "
    "QFrame#warningPanel QLabel { color: #000000; background: transparent; border: none; }"
)

# Which step holds the field a validation message names (domain/service field names).
FIELD_STEP = {
    "Straat": STEP_ADDRESS,
    "Huisnummer": STEP_ADDRESS,
    "Postcode": STEP_ADDRESS,
    "Plaats": STEP_ADDRESS,
    "Collega's": STEP_ADVICE,
    "Rollen": STEP_ADVICE,
    "Reden afwijking": STEP_ADVICE,
    "Reden": STEP_PLAN,
    "Bewoners": STEP_PLAN,
    "Cliënt(en)": STEP_PLAN,
    "Telefoonnummer cliënt": STEP_PLAN,
    "Begin": STEP_PLAN,
    "Verwachte terugkomst": STEP_PLAN,
    "Buddy": STEP_PLAN,
    "Terugbelmoment": STEP_PLAN,
    planning.CONSENT_FIELD: STEP_REVIEW,
    planning.CONSENT_REASON_FIELD: STEP_REVIEW,
}


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate``; write the context literally so lupdate reads it."""
    return QCoreApplication.translate(context, text)


def naive_from_edit(edit: QDateTimeEdit) -> datetime:
    """The wall-clock time shown in the edit (the edit runs on UTC: no DST logic)."""
    d, t = edit.date(), edit.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def set_edit_naive(edit: QDateTimeEdit, naive: datetime) -> None:
    edit.setDateTime(
        QDateTime(
            QDate(naive.year, naive.month, naive.day),
            QTime(naive.hour, naive.minute),
            QTimeZone.utc(),
        )
    )


def local_text(moment: datetime) -> str:
    """``23-11-2026 10:15`` in Amsterdam time."""
    return to_local(moment).strftime("%d-%m-%Y %H:%M")


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def uncheck(buttons: tuple[QRadioButton, QRadioButton]) -> None:
    for button in buttons:
        button.setAutoExclusive(False)
        button.setChecked(False)
        button.setAutoExclusive(True)


def _on_step(widget: QLabel, step: int, stack: QStackedWidget) -> bool:
    page = stack.widget(step)
    return page is not None and page.isAncestorOf(widget)


def _reveal(widget: QLabel) -> None:
    """Scroll the enclosing scroll area so that ``widget`` can be seen."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)


class FieldErrors:
    """The message line under the steps and the error label beside each field."""

    def __init__(
        self, message_label: QLabel, stack: QStackedWidget, labels: Mapping[str, QLabel]
    ) -> None:
        self.message_label = message_label
        self.stack = stack
        self.labels = dict(labels)

    def say(self, text: str, *, error: bool = False) -> None:
        say(self.message_label, text, error=error)

    def clear(self, step: int | None = None) -> None:
        for field, label in self.labels.items():
            if step is None or FIELD_STEP.get(field) == step:
                label.clear()
                label.hide()

    def show(self, errors: Sequence[ValidationError]) -> int | None:
        """Show each message next to its field; returns the earliest step concerned."""
        first: int | None = None
        general: list[str] = []
        shown: dict[QLabel, list[str]] = {}
        for error in errors:
            label = self.labels.get(error.field)
            if label is None:
                general.append(error_text(error))
                continue
            shown.setdefault(label, []).append(error_text(error))
            step = FIELD_STEP[error.field]
            first = step if first is None else min(first, step)
        for label, texts in shown.items():
            label.setText("\n".join(f"⚠ {t}" for t in texts))
            label.show()
        if general:
            self.say("\n".join(general), error=True)
        elif shown:
            self.say(
                translate("PrepareVisitPage", "Nog niet compleet: zie de melding bij het veld."),
                error=True,
            )
        current = self.stack.currentIndex()
        visible = [label for label in shown if _on_step(label, current, self.stack)]
        if visible:
            _reveal(visible[0])
        return first
