"""AVG inzage: everything held about one address, as plain data for JSON."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from ..domain.address import AddressKey
from ..domain.roles import Permission
from ..storage.incident_models import Incident, IncidentAttachment
from ..storage.models import Account, UnsafeAddressNote, Visit
from .context import ServiceContext


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _row(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        col.key: _plain(getattr(obj, col.key))
        for col in obj.__table__.columns
        if col.key not in skip
    }


def export_address(ctx: ServiceContext, key: AddressKey) -> dict[str, Any]:
    ctx.require(Permission.EXPORT_ADDRESS, "alleen een leidinggevende kan een adres exporteren")
    with ctx.store.session() as session:
        names = {
            a.id: f"{a.first_name} {a.last_name}".strip()
            for a in session.execute(select(Account)).scalars()
        }
        visits = session.execute(
            select(Visit)
            .where(
                Visit.postcode == key.postcode,
                Visit.house_number == key.house_number,
                Visit.addition == key.addition,
            )
            .options(
                selectinload(Visit.colleagues),
                selectinload(Visit.assessment),
                selectinload(Visit.callbacks),
                selectinload(Visit.calls),
                selectinload(Visit.events),
            )
            .order_by(Visit.start_at)
        ).scalars()
        visit_data = []
        for v in visits:
            item = _row(v)
            item["visitor"] = names.get(v.visitor_id, "")
            item["buddy"] = names.get(v.buddy_id, "")
            item["colleagues"] = [names.get(c.account_id, "") for c in v.colleagues]
            item["assessment"] = _row(v.assessment) if v.assessment else None
            item["callbacks"] = [_row(c) for c in v.callbacks]
            item["calls"] = [_row(c) for c in v.calls]
            item["events"] = [_row(e) for e in v.events]
            visit_data.append(item)
        notes = [
            _row(n)
            for n in session.execute(
                select(UnsafeAddressNote)
                .where(
                    UnsafeAddressNote.postcode == key.postcode,
                    UnsafeAddressNote.house_number == key.house_number,
                    UnsafeAddressNote.addition == key.addition,
                )
                .order_by(UnsafeAddressNote.id)
            ).scalars()
        ]
        incident_data = _incidents(
            session,
            names,
            visit_ids=[v["id"] for v in visit_data],
            note_ids=[n["id"] for n in notes],
        )
        ctx.audit(
            session,
            "address_exported",
            "address",
            str(key),
            f"{len(visit_data)} visits, {len(notes)} notes, {len(incident_data)} incidents",
        )
        return {
            "format": "veilig-huisbezoek/avg-inzage",
            "format_version": 1,
            "address": str(key),
            "exported_at": ctx.now().isoformat(),
            "exported_by": ctx.actor.display_name,
            "visits": visit_data,
            "unsafe_address_notes": notes,
            "incidents": incident_data,
        }


def _incidents(
    session: Session, names: dict[int, str], *, visit_ids: list[int], note_ids: list[int]
) -> list[dict[str, Any]]:
    """Incidents on a visit to the address or behind one of its register notes.

    Evidence files are listed (name, type, size, date); their content is handed over
    separately on request, from the app.
    """
    if not visit_ids and not note_ids:
        return []
    rows = session.execute(
        select(Incident)
        .where(or_(Incident.visit_id.in_(visit_ids), Incident.note_id.in_(note_ids)))
        .options(
            selectinload(Incident.steps),
            selectinload(Incident.police_report),
            selectinload(Incident.aftercare),
        )
        .order_by(Incident.occurred_at)
    ).scalars()
    result = []
    for incident in rows:
        item = _row(incident)
        item["employee"] = names.get(incident.employee_id, "")
        item["steps"] = [_row(step) for step in incident.steps]
        item["police_report"] = _row(incident.police_report) if incident.police_report else None
        item["aftercare"] = [_row(talk) for talk in incident.aftercare]
        item["attachments"] = [
            {
                "filename": a.filename,
                "media_type": a.media_type,
                "size": a.size,
                "captured_at": _plain(a.captured_at),
            }
            for a in session.execute(
                select(IncidentAttachment)
                .where(IncidentAttachment.incident_id == incident.id)
                .order_by(IncidentAttachment.id)
            ).scalars()
        ]
        result.append(item)
    return result
