"""Dutch dates and shared HTML pieces for the documents."""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from ..domain.clock import to_local

DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
ACCENT = "#1f4e79"


def long_date(day: date, *, weekday: bool = False) -> str:
    """``30 november 2026`` (``maandag 30 november 2026`` with ``weekday``)."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{DAYS[day.weekday()]} {text}" if weekday else text


def local_time(moment: datetime) -> str:
    return to_local(moment).strftime("%H:%M")


def local_moment(moment: datetime) -> str:
    """``30-11-2026 14:05`` in Amsterdam time."""
    return to_local(moment).strftime("%d-%m-%Y %H:%M")


def text(value: str) -> str:
    """User text as HTML: escaped, line breaks kept."""
    return escape(value).replace("\n", "<br>")


def letterhead(name: str, address: str) -> str:
    """The municipality's name and address at the top of every document."""
    shown_name = text(name) if name else "<i>Naam gemeente (instellingen)</i>"
    shown_address = text(address) if address else "<i>Adres gemeente (instellingen)</i>"
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td valign="top"><span style="font-size:20pt; font-weight:bold; color:{ACCENT};">'
        f"{shown_name}</span></td>"
        f'<td valign="top" align="right"><span style="font-size:8.5pt; color:#444444;">'
        f"{shown_address}</span></td></tr></table>"
        f'<table width="100%" cellspacing="0" cellpadding="0" style="margin-top:6px;">'
        f'<tr><td style="background-color:{ACCENT}; font-size:2pt;">&nbsp;</td></tr></table>'
    )


def field_table(rows: list[tuple[str, str]], *, label_width: str = "30%") -> str:
    """Two columns: bold label, value (already HTML)."""
    cells = "".join(
        f'<tr><td width="{label_width}" valign="top" style="font-weight:bold; '
        f'padding:3px 10px 3px 0;">{escape(label)}</td>'
        f'<td valign="top" style="padding:3px 0;">{value}</td></tr>'
        for label, value in rows
    )
    return f'<table width="100%" cellspacing="0" cellpadding="0">{cells}</table>'


def section(title: str) -> str:
    return (
        f'<h3 style="font-size:11.5pt; color:{ACCENT}; margin-top:25px; margin-bottom:6px;">'
        f"{escape(title)}</h3>"
    )
