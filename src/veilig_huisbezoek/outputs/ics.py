"""The visit as an agenda item (``.ics``) for the shared calendar (seed 002 §5.4)."""

from __future__ import annotations

from icalendar import Calendar, Event

from ..domain.clock import to_local
from ..services.documents import AgendaItem


def visit_ics(item: AgendaItem) -> bytes:
    """One VEVENT in Europe/Amsterdam time with location, address and who goes."""
    calendar = Calendar()
    calendar.add("prodid", "-//Veilig Huisbezoek//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", item.created)
    event.add("dtstart", to_local(item.start))
    event.add("dtend", to_local(item.end))
    event.add("summary", item.summary)
    event.add("location", item.location)
    event.add("description", item.description)
    event.add("class", "CONFIDENTIAL")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
