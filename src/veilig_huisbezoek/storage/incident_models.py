"""ORM tables for incidents (docs/design.md §6): report, steps, melding/aangifte, aftercare,
evidence. Plain strings for enums: the services translate to domain types.

Evidence files are BLOBs inside the (SQLCipher-encrypted) database: they never touch
the disk in plaintext.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import Base, UTCDateTime
from .sealed import SealedBytes, SealedText


class Incident(Base):
    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_occurred", "occurred_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"), index=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    filed_by: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    filed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(SealedText(2))  # the behaviour, A–E
    wie: Mapped[str] = mapped_column(SealedText())
    wat: Mapped[str] = mapped_column(SealedText())
    waar: Mapped[str] = mapped_column(SealedText())
    waarmee: Mapped[str] = mapped_column(SealedText(), default="")
    wijze: Mapped[str] = mapped_column(SealedText(), default="")
    waarom: Mapped[str] = mapped_column(SealedText(), default="")
    injury: Mapped[str] = mapped_column(SealedText(10))
    injury_details: Mapped[str] = mapped_column(SealedText(), default="")
    witnesses: Mapped[str] = mapped_column(SealedText(), default="")
    police_involved: Mapped[bool] = mapped_column(Boolean, default=False)
    # The note may be deleted after its retention period; the incident stays.
    note_id: Mapped[int | None] = mapped_column(
        ForeignKey("unsafe_address_notes.id", ondelete="SET NULL")
    )
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    steps: Mapped[list[IncidentStep]] = relationship(
        cascade="all, delete-orphan", order_by="IncidentStep.done_at"
    )
    police_report: Mapped[PoliceReportRow | None] = relationship(
        cascade="all, delete-orphan", uselist=False
    )
    aftercare: Mapped[list[AftercareTalkRow]] = relationship(
        cascade="all, delete-orphan", order_by="AftercareTalkRow.id"
    )


class IncidentStep(Base):
    __tablename__ = "incident_steps"
    __table_args__ = (UniqueConstraint("incident_id", "step"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"))
    step: Mapped[str] = mapped_column(SealedText(20))  # 112, doctor, …
    done_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PoliceReportRow(Base):
    __tablename__ = "incident_police_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), unique=True)
    kind: Mapped[str] = mapped_column(SealedText(10))  # melding or aangifte
    reported_by: Mapped[str] = mapped_column(SealedText(200))
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    police_reference: Mapped[str] = mapped_column(SealedText(40), default="")
    municipality_address: Mapped[str] = mapped_column(SealedText(), default="")
    vpt_mentioned: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(SealedText(), default="")
    recorded_by: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AftercareTalkRow(Base):
    __tablename__ = "incident_aftercare"
    __table_args__ = (UniqueConstraint("incident_id", "talk"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"))
    talk: Mapped[str] = mapped_column(String(10))
    outcome: Mapped[str] = mapped_column(SealedText(12))
    held_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(SealedText(), default="")
    recorded_by: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class IncidentAttachment(Base):
    __tablename__ = "incident_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    filename: Mapped[str] = mapped_column(SealedText(120))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    captured_at: Mapped[datetime] = mapped_column(UTCDateTime)
    content: Mapped[bytes] = mapped_column(SealedBytes())
    added_by: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
