"""Instants in the incident dialog's date-time edits.

The edits run on UTC and show Amsterdam wall-clock time; these turn an aware instant
into what an edit shows and back.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit

from ..domain.clock import local_to_utc, to_local


def local_naive(edit: QDateTimeEdit) -> datetime:
    d, t = edit.date(), edit.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def set_local(edit: QDateTimeEdit, moment: datetime) -> None:
    """Show an aware instant as Amsterdam wall-clock time (the edit runs on UTC)."""
    local = to_local(moment)
    edit.setDateTime(
        QDateTime(
            QDate(local.year, local.month, local.day),
            QTime(local.hour, local.minute),
            QTimeZone.utc(),
        )
    )


def instant(edit: QDateTimeEdit, field: str) -> datetime:
    # fold=0: in the repeated autumn hour, the first (summer-time) occurrence.
    return local_to_utc(local_naive(edit), fold=0, field=field)
