"""ORM tables. Plain strings for enums: the services translate to domain types."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    select,
)
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from .errors import AuthenticationError
from .sealed import SealedInt, SealedJSON, SealedText, bind_columns, bind_rows

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; stored as naive UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    first_name: Mapped[str] = mapped_column(SealedText(100))
    last_name: Mapped[str] = mapped_column(SealedText(100))
    phone: Mapped[str] = mapped_column(SealedText(20), default="")
    roles: Mapped[str] = mapped_column(String(100))  # comma separated Role values
    slot_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when someone else gave this account a new password; the person is told at
    # their next login (then cleared).
    password_reset_by: Mapped[int | None] = mapped_column(Integer)
    password_reset_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    password_reset_cosigner: Mapped[int | None] = mapped_column(Integer)


def active_account_id(executor: Session | Connection, slot_id: str | None) -> int:
    """The active account whose key slot this is (a login, an unlock, a co-signer);
    AuthenticationError when there is none: removed, or never made."""
    account_id = executor.execute(
        select(Account.id).where(Account.slot_id == slot_id, Account.active)
    ).scalar_one_or_none()
    if account_id is None:
        raise AuthenticationError()
    return int(account_id)


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Visit(Base):
    __tablename__ = "visits"
    __table_args__ = (
        Index("ix_visits_address", "postcode", "house_number", "addition"),
        Index("ix_visits_state_return", "state", "expected_return_at"),
        Index("ix_visits_start", "start_at", "id"),  # history, newest first
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visitor_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    buddy_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    reason: Mapped[str] = mapped_column(String(32))
    street: Mapped[str] = mapped_column(SealedText(100))
    house_number: Mapped[int] = mapped_column(SealedInt())
    addition: Mapped[str] = mapped_column(SealedText(8), default="")
    postcode: Mapped[str] = mapped_column(SealedText(7))
    city: Mapped[str] = mapped_column(SealedText(100))
    residents: Mapped[str] = mapped_column(SealedText(), default="")
    clients: Mapped[str] = mapped_column(SealedText(), default="")
    client_phone: Mapped[str] = mapped_column(SealedText(20), default="")
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expected_return_at: Mapped[datetime] = mapped_column(UTCDateTime)
    roles_note: Mapped[str] = mapped_column(SealedText(), default="")
    interpreter: Mapped[bool] = mapped_column(Boolean, default=False)
    announced_in_writing: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(10))
    deviation_reason: Mapped[str] = mapped_column(SealedText(), default="")
    consent_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    consent_reason: Mapped[str] = mapped_column(SealedText(), default="")
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # A team server's blind index of the sealed address (TeamStore fills it); unused here.
    address_bidx: Mapped[str | None] = mapped_column(String(64))

    colleagues: Mapped[list[VisitColleague]] = relationship(
        cascade="all, delete-orphan", order_by="VisitColleague.account_id"
    )
    assessment: Mapped[Assessment | None] = relationship(
        back_populates="visit", cascade="all, delete-orphan", uselist=False
    )
    callbacks: Mapped[list[Callback]] = relationship(
        cascade="all, delete-orphan", order_by="Callback.due_at"
    )
    calls: Mapped[list[CallRecord]] = relationship(
        cascade="all, delete-orphan", order_by="CallRecord.called_at"
    )
    events: Mapped[list[VisitEvent]] = relationship(
        cascade="all, delete-orphan", order_by="VisitEvent.id"
    )


class VisitColleague(Base):
    __tablename__ = "visit_colleagues"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)


class Assessment(Base):
    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), unique=True)
    checklist_id: Mapped[str] = mapped_column(String(40))
    checklist_version: Mapped[str] = mapped_column(String(40))
    # Sealed on a team server: the answers (and the reasons, which name them) reveal
    # addiction, psychiatry, a history of violence.
    answers: Mapped[dict[str, str]] = mapped_column(SealedJSON())
    level: Mapped[str] = mapped_column(String(10))
    reasons: Mapped[list[str]] = mapped_column(SealedJSON())
    assessed_by: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    assessed_at: Mapped[datetime] = mapped_column(UTCDateTime)

    visit: Mapped[Visit] = relationship(back_populates="assessment")


class Callback(Base):
    __tablename__ = "callbacks"
    __table_args__ = (Index("ix_callbacks_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(20))  # gepland / herhaling / eerder
    status: Mapped[str] = mapped_column(String(20))  # open / gedaan / vervallen
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CallRecord(Base):
    __tablename__ = "calls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    callback_id: Mapped[int | None] = mapped_column(ForeignKey("callbacks.id"))
    buddy_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    called_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reached: Mapped[bool] = mapped_column(Boolean)
    name_used: Mapped[str | None] = mapped_column(String(20))
    vrijuit: Mapped[bool | None] = mapped_column(Boolean)
    politie: Mapped[bool | None] = mapped_column(Boolean)
    action: Mapped[str] = mapped_column(String(30))


class VisitEvent(Base):
    __tablename__ = "visit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    kind: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(SealedText(), default="")


class UnsafeAddressNote(Base):
    __tablename__ = "unsafe_address_notes"
    __table_args__ = (
        Index("ix_notes_address", "postcode", "house_number", "addition"),
        Index("ix_notes_status_review", "status", "review_due"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    street: Mapped[str] = mapped_column(SealedText(100))
    house_number: Mapped[int] = mapped_column(SealedInt())
    addition: Mapped[str] = mapped_column(SealedText(8), default="")
    postcode: Mapped[str] = mapped_column(SealedText(7))
    city: Mapped[str] = mapped_column(SealedText(100))
    category: Mapped[str] = mapped_column(SealedText(30))  # weapons, drugs, violence …
    incident_date: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(SealedText())
    precautions: Mapped[str] = mapped_column(SealedText(), default="")
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    review_due: Mapped[date | None] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retire_reason: Mapped[str] = mapped_column(SealedText(), default="")
    source_visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    # Who last changed the content: they may not approve it themselves (four eyes).
    edited_by: Mapped[int | None] = mapped_column(Integer)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A pending edit of an active note: the note it replaces once approved.
    replaces_id: Mapped[int | None] = mapped_column(Integer)
    address_bidx: Mapped[str | None] = mapped_column(String(64))


class AuditEntry(Base):
    """Append-only (enforced by triggers in the migration) and hash-chained."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_id: Mapped[str] = mapped_column(SealedText(64), default="")
    detail: Mapped[str] = mapped_column(SealedText(), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class Alarm(Base):
    """A reminder that fired (docs/design.md §4): stays open until someone acknowledges it.

    ``reminder_key`` (e.g. ``callback:17``) makes raising idempotent; ``raised_late`` marks an
    alarm raised after its moment because the app was closed or asleep ('te laat').
    """

    __tablename__ = "alarms"
    __table_args__ = (Index("ix_alarms_open", "acknowledged_at", "audience"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reminder_key: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), index=True
    )
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    # Column "late" (kept for existing databases).
    raised_late: Mapped[bool] = mapped_column("late", Boolean, default=False)
    audience: Mapped[str] = mapped_column(String(20))  # buddy / leidinggevenden


class PresenceSession(Base):
    """A logged-in session saying it is there (docs/design.md §4a, domain/presence.py).

    One row per login session (a random id made at login, nothing about the machine);
    ``seen_at`` moves with every heartbeat, ``ended_at`` is set by an orderly logout.
    No personal data beyond the account id. A team server stamps the times itself
    (its own clock, the same for every workstation) and lets a person write only their
    own rows (storage/team/rules.py).
    """

    __tablename__ = "presence"
    __table_args__ = (Index("ix_presence_account", "account_id", "seen_at"),)

    session_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    account_id: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# Register the incident tables on Base.metadata whenever the models are loaded (they
# refer to Base and UTCDateTime above, so this import comes last).
from . import incident_models as incident_models  # noqa: E402

bind_columns(Base.metadata)
bind_rows(Base)
