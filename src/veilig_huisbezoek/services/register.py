"""The unsafe-address register: propose, approve, review, retire, warn (docs/design.md §5)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, bindparam, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ..domain import register as rules
from ..domain.address import Address, AddressKey, parse_house_number
from ..domain.clock import to_local
from ..domain.errors import TransitionError, ValidationError, msg
from ..domain.register import NoteCategory, NoteStatus, UnsafeAddressNote
from ..domain.roles import Permission, PermissionDenied
from ..storage import audit
from ..storage.models import Account
from ..storage.models import UnsafeAddressNote as NoteRow
from ..storage.sealed import SealedValueError
from .context import ServiceContext
from .settings import load_settings

# Every column of a note, for Core queries that build domain notes from plain rows.
_NOTE_COLUMNS = tuple(NoteRow.__table__.c)
# The active notes at an address, as plain rows (the indexed lookup; built once).
_NOTES_AT = select(*_NOTE_COLUMNS).where(
    NoteRow.__table__.c.postcode == bindparam("pc"),
    NoteRow.__table__.c.house_number == bindparam("hn"),
    NoteRow.__table__.c.addition == bindparam("ad"),
    NoteRow.__table__.c.status == NoteStatus.ACTIEF.value,
)


def _to_domain(row: NoteRow | Row[Any]) -> UnsafeAddressNote:
    """A domain note from an ORM row or a plain row of :data:`_NOTE_COLUMNS`."""
    return UnsafeAddressNote(
        id=row.id,
        address=Address(row.street, row.house_number, row.addition, row.postcode, row.city),
        category=NoteCategory(row.category),
        incident_date=row.incident_date,
        description=row.description,
        precautions=row.precautions,
        author_id=row.author_id,
        status=NoteStatus(row.status),
        created_at=row.created_at,
        approved_by=row.approved_by,
        approved_at=row.approved_at,
        review_due=row.review_due,
        expires_on=row.expires_on,
        retired_at=row.retired_at,
        retire_reason=row.retire_reason,
        edited_by=row.edited_by,
        replaces_id=row.replaces_id,
    )


def _apply(row: NoteRow, note: UnsafeAddressNote) -> None:
    row.street = note.address.street
    row.house_number = note.address.house_number
    row.addition = note.address.addition
    row.postcode = note.address.postcode
    row.city = note.address.city
    row.category = note.category.value
    row.incident_date = note.incident_date
    row.description = note.description
    row.precautions = note.precautions
    row.author_id = note.author_id
    row.status = note.status.value
    row.created_at = note.created_at
    row.approved_by = note.approved_by
    row.approved_at = note.approved_at
    row.review_due = note.review_due
    row.expires_on = note.expires_on
    row.retired_at = note.retired_at
    row.retire_reason = note.retire_reason
    row.edited_by = note.edited_by
    row.replaces_id = note.replaces_id


def _today(ctx: ServiceContext) -> date:
    return to_local(ctx.now()).date()


def _lg(ctx: ServiceContext) -> bool:
    return ctx.actor.may(Permission.MANAGE_NOTES)


def propose_note(
    ctx: ServiceContext,
    *,
    address: Address,
    category: NoteCategory | str,
    incident_date: date,
    description: str,
    precautions: str = "",
    source_visit_id: int | None = None,
) -> int:
    ctx.require(Permission.PROPOSE_NOTE, "u mag geen adresnotities voorstellen")
    note = rules.new_note(
        address=address,
        category=category,
        incident_date=incident_date,
        description=description,
        precautions=precautions,
        author_id=ctx.actor.account_id,
        now=ctx.now(),
    )
    with ctx.store.session() as session:
        row = NoteRow(source_visit_id=source_visit_id)
        _apply(row, note)
        session.add(row)
        session.flush()
        ctx.audit(session, "note_proposed", "note", row.id)
        return row.id


def _load(session: Session, note_id: int) -> NoteRow:
    row = session.get(NoteRow, note_id)
    if row is None:
        raise PermissionDenied("deze notitie bestaat niet")
    return row


def _change(
    ctx: ServiceContext,
    note_id: int,
    action: str,
    change: Callable[[UnsafeAddressNote], UnsafeAddressNote],
) -> UnsafeAddressNote:
    with ctx.store.session() as session:
        row = _load(session, note_id)
        if not _lg(ctx) and row.author_id != ctx.actor.account_id:
            raise PermissionDenied("alleen een leidinggevende beheert adresnotities")
        changed = change(_to_domain(row))
        _apply(row, changed)
        ctx.audit(session, action, "note", note_id)
        return changed


REPLACED_REASON = "Vervangen door de goedgekeurde bewerking (notitie {id})."


def approve_note(ctx: ServiceContext, note_id: int) -> UnsafeAddressNote:
    """Activate a proposal; an approved edit replaces the note it edits (which warned,
    unchanged, until now)."""
    settings = load_settings(ctx)
    with ctx.store.session() as session:
        row = _load(session, note_id)
        if not _lg(ctx) and row.author_id != ctx.actor.account_id:
            raise PermissionDenied("alleen een leidinggevende beheert adresnotities")
        approved = rules.approve(
            _to_domain(row),
            approver_id=ctx.actor.account_id,
            approver_is_leidinggevende=_lg(ctx),
            now=ctx.now(),
            review_months=settings.review_months,
            expiry_grace_months=settings.register_expiry_grace_months,
        )
        _apply(row, approved)
        ctx.audit(session, "note_approved", "note", note_id)
        replaced = session.get(NoteRow, row.replaces_id) if row.replaces_id else None
        if replaced is not None and replaced.status == NoteStatus.ACTIEF.value:
            _apply(
                replaced,
                rules.retire(
                    _to_domain(replaced),
                    by_id=ctx.actor.account_id,
                    is_leidinggevende=True,
                    now=ctx.now(),
                    reason=REPLACED_REASON.format(id=note_id),
                ),
            )
            ctx.audit(session, "note_replaced", "note", replaced.id, str(note_id))
        return approved


def reject_note(ctx: ServiceContext, note_id: int, reason: str) -> UnsafeAddressNote:
    return _change(
        ctx,
        note_id,
        "note_rejected",
        lambda note: rules.reject(
            note,
            by_id=ctx.actor.account_id,
            is_leidinggevende=_lg(ctx),
            now=ctx.now(),
            reason=reason,
        ),
    )


def review_note(ctx: ServiceContext, note_id: int) -> UnsafeAddressNote:
    settings = load_settings(ctx)
    return _change(
        ctx,
        note_id,
        "note_reviewed",
        lambda note: rules.review(
            note,
            reviewer_id=ctx.actor.account_id,
            is_leidinggevende=_lg(ctx),
            today=_today(ctx),
            review_months=settings.review_months,
            expiry_grace_months=settings.register_expiry_grace_months,
        ),
    )


def retire_note(ctx: ServiceContext, note_id: int, reason: str) -> UnsafeAddressNote:
    return _change(
        ctx,
        note_id,
        "note_retired",
        lambda note: rules.retire(
            note,
            by_id=ctx.actor.account_id,
            is_leidinggevende=_lg(ctx),
            now=ctx.now(),
            reason=reason,
        ),
    )


def _at_address(key: AddressKey):  # type: ignore[no-untyped-def]
    return select(NoteRow).where(
        NoteRow.postcode == key.postcode,
        NoteRow.house_number == key.house_number,
        NoteRow.addition == key.addition,
    )


def warnings_for(ctx: ServiceContext, key: AddressKey) -> list[UnsafeAddressNote]:
    """Active notes that warn at this address, shown while planning. The view is logged.

    A hot path (every address typed while planning), written through Core statements:
    one indexed query for the notes as plain rows, and per warning the chained audit
    entry as one INSERT (no ORM objects, no flush)."""
    ctx.require(Permission.PLAN_OWN_VISITS, "u mag het register niet raadplegen")
    today = _today(ctx)
    active = NoteRow.status == NoteStatus.ACTIEF.value
    with ctx.store.session() as session:
        try:
            if ctx.store.sealed_columns:
                # Through the session: the team store rewrites the address to its
                # blind index there.
                rows = session.execute(
                    _at_address(key).with_only_columns(*_NOTE_COLUMNS).where(active)
                ).all()
            else:
                rows = (
                    session.connection()
                    .execute(
                        _NOTES_AT, {"pc": key.postcode, "hn": key.house_number, "ad": key.addition}
                    )
                    .all()
                )
            found = [(_to_domain(row), False) for row in rows]
        except SealedValueError:
            found = _one_at_a_time(ctx, session, key)
        warning = [note for note, unreadable in found if unreadable or rules.warns(note, today)]
        for note in warning:
            audit.append(
                session,
                at=ctx.now(),
                actor_id=ctx.actor.account_id,
                action="note_viewed",
                object_type="note",
                object_id=note.id or "",
            )
        return warning


def _one_at_a_time(
    ctx: ServiceContext, session: Session, key: AddressKey
) -> list[tuple[UnsafeAddressNote, bool]]:
    """The active notes at ``key`` read one by one, each with whether it could not be
    read: a note whose sealed content does not open (team server) still warns, saying
    so (a stand-in), and the others show as usual."""
    ids = session.execute(
        _at_address(key)
        .with_only_columns(NoteRow.id)
        .where(NoteRow.status == NoteStatus.ACTIEF.value)
    ).scalars()
    notes: list[tuple[UnsafeAddressNote, bool]] = []
    for note_id in list(ids):
        try:
            row = session.execute(select(*_NOTE_COLUMNS).where(NoteRow.id == note_id)).one()
        except SealedValueError as exc:
            notes.append((_unreadable(note_id, key, str(exc), ctx), True))
            continue
        notes.append((_to_domain(row), False))
    return notes


def _unreadable(
    note_id: int, key: AddressKey, reason: str, ctx: ServiceContext
) -> UnsafeAddressNote:
    """Stand-in for an active note that cannot be read: it warns all the same."""
    return UnsafeAddressNote(
        id=note_id,
        address=Address("", key.house_number, key.addition, key.postcode, ""),
        category=NoteCategory.OVERIG,
        incident_date=_today(ctx),
        description=reason + " Ga niet alleen en vraag de coördinator agressie en geweld.",
        precautions="",
        author_id=0,
        status=NoteStatus.ACTIEF,
        created_at=ctx.now(),
    )


def list_notes(ctx: ServiceContext, *, status: NoteStatus | None = None) -> list[UnsafeAddressNote]:
    """All notes for the leidinggevende; a medewerker sees only their own proposals."""
    query = select(NoteRow).order_by(NoteRow.review_due, NoteRow.id)
    if status is not None:
        query = query.where(NoteRow.status == status.value)
    if not _lg(ctx):
        ctx.require(Permission.PROPOSE_NOTE, "u mag het register niet raadplegen")
        query = query.where(NoteRow.author_id == ctx.actor.account_id)
    with ctx.store.read_session() as session:
        return [_to_domain(r) for r in session.execute(query).scalars()]


def overdue_reviews(ctx: ServiceContext) -> list[UnsafeAddressNote]:
    ctx.require(Permission.MANAGE_NOTES, "alleen een leidinggevende ziet herbeoordelingen")
    today = _today(ctx)
    return [n for n in list_notes(ctx, status=NoteStatus.ACTIEF) if rules.review_overdue(n, today)]


# ---- editing ------------------------------------------------------------------------


def edit_note(
    ctx: ServiceContext,
    note_id: int,
    *,
    address: Address,
    category: NoteCategory | str,
    incident_date: date,
    description: str,
    precautions: str = "",
) -> int:
    """Correct a proposed or active note (leidinggevende only); returns the id of the
    note that holds the edit.

    Four eyes: an edit always waits for another leidinggevende's approval. A proposal is
    changed in place (and its editor may no longer approve it). An active note stays
    as it was, still warning, and the edit becomes a new proposal that replaces it once
    approved (a second edit before then changes that proposal). The same rules as for
    a new note apply to the content. The audit entry names the changed fields, never
    their content.
    """
    ctx.require(Permission.MANAGE_NOTES, "alleen een leidinggevende bewerkt adresnotities")
    with ctx.store.session() as session:
        row = _load(session, note_id)
        if row.status == NoteStatus.ACTIEF.value:
            pending = session.execute(
                select(NoteRow).where(
                    NoteRow.replaces_id == note_id,
                    NoteRow.status == NoteStatus.VOORGESTELD.value,
                )
            ).scalar_one_or_none()
            if pending is not None:
                row = pending
        note = _to_domain(row)
        if note.status not in (NoteStatus.VOORGESTELD, NoteStatus.ACTIEF):
            raise TransitionError(rules.status_refusal(note.status, msg("bewerkt")))
        checked = rules.new_note(
            address=address,
            category=category,
            incident_date=incident_date,
            description=description,
            precautions=precautions,
            author_id=note.author_id,
            now=ctx.now(),
        )
        changed = [
            name
            for name, before, after in (
                ("address", note.address, checked.address),
                ("category", note.category, checked.category),
                ("incident_date", note.incident_date, checked.incident_date),
                ("description", note.description, checked.description),
                ("precautions", note.precautions, checked.precautions),
            )
            if before != after
        ]
        if not changed:
            return row.id
        edited = replace(
            note,
            address=checked.address,
            category=checked.category,
            incident_date=checked.incident_date,
            description=checked.description,
            precautions=checked.precautions,
            edited_by=ctx.actor.account_id,
        )
        if note.status is NoteStatus.ACTIEF:
            revision = NoteRow(created_at=ctx.now())
            _apply(
                revision,
                replace(
                    edited,
                    id=None,
                    status=NoteStatus.VOORGESTELD,
                    created_at=ctx.now(),
                    approved_by=None,
                    approved_at=None,
                    review_due=None,
                    expires_on=None,
                    replaces_id=note.id,
                ),
            )
            revision.source_visit_id = row.source_visit_id
            revision.edited_at = ctx.now()
            session.add(revision)
            session.flush()
            detail = ",".join([*changed, f"bewerking {revision.id}"])
            ctx.audit(session, "note_edited", "note", note.id or "", detail)
            return revision.id
        _apply(row, edited)
        row.edited_at = ctx.now()
        ctx.audit(session, "note_edited", "note", row.id, ",".join(changed))
        return row.id


# ---- searching ----------------------------------------------------------------------

_POSTCODE_IN_TEXT = re.compile(
    r"(?<![0-9A-Za-z])([1-9][0-9]{3})\s?([A-Za-z]{2})(?![A-Za-z])", re.ASCII
)
_HOUSE_NUMBER_TERM = re.compile(r"[0-9]+(?:-?[A-Za-z0-9]{1,4})?", re.ASCII)
_TERM_SEPARATORS = re.compile(r"[\s,;]+")
MAX_SEARCH_TERMS = 8
MAX_SEARCH_LENGTH = 200


@dataclass(frozen=True)
class _SearchTerm:
    """One term of a free-text address search; exactly one kind is set."""

    postcode: str = ""  # a whole postcode, compact and upper case ("6411AB")
    house_number: int = 0  # with ``addition`` when the term named one ("12a")
    addition: str = ""
    postcode_start: str = ""  # four digits: also the start of a postcode
    word: str = ""  # anything else: part of the street, city or extra columns


def _search_terms(text: str) -> list[_SearchTerm]:
    """The terms of a free-text address search (at most ``MAX_SEARCH_TERMS``)."""
    rest = text.strip()[:MAX_SEARCH_LENGTH]
    terms: list[_SearchTerm] = []
    for match in _POSTCODE_IN_TEXT.finditer(rest):
        terms.append(_SearchTerm(postcode=f"{match.group(1)}{match.group(2).upper()}"))
    rest = _POSTCODE_IN_TEXT.sub(" ", rest)
    for raw in _TERM_SEPARATORS.split(rest):
        term = raw.strip(".:'\"()")
        if not term:
            continue
        number, number_addition, postcode_start = 0, "", ""
        if _HOUSE_NUMBER_TERM.fullmatch(term):
            try:
                number, number_addition = parse_house_number(term)
            except ValidationError:
                number = 0
            if term.isdigit() and len(term) == 4:
                postcode_start = term
        if number or postcode_start:
            terms.append(
                _SearchTerm(
                    house_number=number,
                    addition=number_addition if number else "",
                    postcode_start=postcode_start,
                )
            )
        else:
            terms.append(_SearchTerm(word=term))
        if len(terms) >= MAX_SEARCH_TERMS:
            break
    return terms


def address_text_filter(
    text: str,
    *,
    street: InstrumentedAttribute[str],
    house_number: InstrumentedAttribute[int],
    addition: InstrumentedAttribute[str],
    postcode: InstrumentedAttribute[str],
    city: InstrumentedAttribute[str],
    extra: Sequence[InstrumentedAttribute[str]] = (),
) -> ColumnElement[bool] | None:
    """A SQL condition for a free-text address search; ``None`` for an empty search.

    Every term must match (AND). A postcode is matched without regard to its space or
    case ("6411ab" finds "6411 AB"); a number is a house number ("12a" also checks the
    addition, four digits also match the start of a postcode); any other word is looked
    for in the street, the city and the ``extra`` columns (e.g. residents).

    Not for a store with sealed columns (a team server): there the same search runs on
    the workstation, see :func:`address_text_matcher`.
    """
    conditions: list[ColumnElement[bool]] = []
    compact_postcode = func.replace(postcode, " ", "")
    for term in _search_terms(text):
        condition: ColumnElement[bool] | None = None
        if term.postcode:
            condition = compact_postcode == term.postcode
        elif term.word:
            condition = or_(
                *(column.contains(term.word, autoescape=True) for column in (street, city, *extra))
            )
        else:
            if term.house_number:
                condition = house_number == term.house_number
                if term.addition:
                    condition = and_(condition, addition == term.addition)
            if term.postcode_start:
                by_postcode = compact_postcode.startswith(term.postcode_start, autoescape=True)
                condition = by_postcode if condition is None else or_(condition, by_postcode)
        assert condition is not None
        conditions.append(condition)
    if not conditions:
        return None
    return and_(*conditions)


@dataclass(frozen=True)
class AddressFields:
    """The decrypted values a workstation-side address search looks at."""

    street: str
    house_number: int
    addition: str
    postcode: str
    city: str
    extra: tuple[str, ...] = ()


def address_text_matcher(text: str) -> Callable[[AddressFields], bool] | None:
    """The free-text address search of :func:`address_text_filter`, in Python.

    For a store with sealed columns (``store.sealed_columns``: a team server), where SQL
    cannot look inside names and addresses: the rows come decrypted from the database
    and are matched here. Words are compared without regard to case. ``None`` for an
    empty search.
    """
    terms = _search_terms(text)
    if not terms:
        return None

    def term_matches(term: _SearchTerm, fields: AddressFields, compact_postcode: str) -> bool:
        if term.postcode:
            return compact_postcode == term.postcode
        if term.word:
            word = term.word.casefold()
            return any(
                word in value.casefold() for value in (fields.street, fields.city, *fields.extra)
            )
        if (
            term.house_number
            and fields.house_number == term.house_number
            and (not term.addition or fields.addition == term.addition)
        ):
            return True
        return bool(term.postcode_start) and compact_postcode.startswith(term.postcode_start)

    def matches(fields: AddressFields) -> bool:
        compact_postcode = fields.postcode.replace(" ", "")
        return all(term_matches(term, fields, compact_postcode) for term in terms)

    return matches


@dataclass(frozen=True)
class RegisterEntry:
    """One note as the register page shows it, with names and today's flags."""

    note: UnsafeAddressNote
    author: str
    approver: str
    review_overdue: bool
    warns: bool

    @property
    def id(self) -> int:
        assert self.note.id is not None
        return self.note.id

    @property
    def expired(self) -> bool:
        """Still active, but past its expiry date: it no longer warns anyone."""
        return self.note.status is NoteStatus.ACTIEF and not self.warns


def _group(entry: RegisterEntry) -> int:
    """Overdue reviews first, then proposals awaiting approval, active, the rest."""
    if entry.review_overdue:
        return 0
    return {
        NoteStatus.VOORGESTELD: 1,
        NoteStatus.ACTIEF: 2,
        NoteStatus.AFGEWEZEN: 3,
        NoteStatus.INGETROKKEN: 3,
    }[entry.note.status]


def _sort_key(entry: RegisterEntry) -> tuple[int, float, int]:
    note = entry.note
    group = _group(entry)
    if group in (0, 2) and note.review_due is not None:
        moment = float(note.review_due.toordinal())
    elif group == 1:
        moment = note.created_at.timestamp()
    else:  # retired or rejected: most recent first
        moment = -(note.retired_at or note.created_at).timestamp()
    return group, moment, entry.id


def _names(session: Session) -> dict[int, str]:
    rows = session.execute(select(Account.id, Account.first_name, Account.last_name))
    return {i: f"{first} {last}".strip() for i, first, last in rows}


def _scoped_notes(ctx: ServiceContext) -> Select[NoteRow]:
    query = select(NoteRow)
    if not _lg(ctx):
        ctx.require(Permission.PROPOSE_NOTE, "u mag het register niet raadplegen")
        query = query.where(NoteRow.author_id == ctx.actor.account_id)
    return query


def _entry(row: NoteRow, names: dict[int, str], today: date) -> RegisterEntry:
    note = _to_domain(row)
    return RegisterEntry(
        note=note,
        author=names.get(note.author_id, ""),
        approver=names.get(note.approved_by, "") if note.approved_by is not None else "",
        review_overdue=rules.review_overdue(note, today),
        warns=rules.warns(note, today),
    )


def search_notes(
    ctx: ServiceContext,
    *,
    text: str = "",
    status: NoteStatus | None = None,
    category: NoteCategory | None = None,
    overdue_only: bool = False,
) -> list[RegisterEntry]:
    """The register as the register page lists it, filtered in SQL.

    Same scope as :func:`list_notes`: a leidinggevende sees every note, a medewerker
    only their own proposals, anyone else is refused. Sorted with overdue reviews
    first, then proposals awaiting approval (oldest first), then active notes (by
    review date), then rejected and retired notes (most recent first).

    On a store with sealed columns (a team server) the words of ``text`` are matched on
    the workstation after decrypting; the other filters stay in SQL.
    """
    today = _today(ctx)
    query = _scoped_notes(ctx)
    if status is not None:
        query = query.where(NoteRow.status == status.value)
    if category is not None:
        query = query.where(NoteRow.category == category.value)
    if overdue_only:
        query = query.where(
            NoteRow.status == NoteStatus.ACTIEF.value,
            NoteRow.review_due.is_not(None),
            NoteRow.review_due <= today,
        )
    matcher: Callable[[AddressFields], bool] | None = None
    if ctx.store.sealed_columns:
        matcher = address_text_matcher(text)
    else:
        condition = address_text_filter(
            text,
            street=NoteRow.street,
            house_number=NoteRow.house_number,
            addition=NoteRow.addition,
            postcode=NoteRow.postcode,
            city=NoteRow.city,
        )
        if condition is not None:
            query = query.where(condition)
    with ctx.store.read_session() as session:
        names = _names(session)
        entries = [
            _entry(row, names, today)
            for row in session.execute(query).scalars()
            if matcher is None or matcher(_note_fields(row))
        ]
    return sorted(entries, key=_sort_key)


def _note_fields(row: NoteRow) -> AddressFields:
    return AddressFields(row.street, row.house_number, row.addition, row.postcode, row.city)


def open_note(ctx: ServiceContext, note_id: int) -> RegisterEntry:
    """One note in full, for the detail pane; who viewed it is logged (docs/design.md §5)."""
    with ctx.store.session() as session:
        row = session.execute(_scoped_notes(ctx).where(NoteRow.id == note_id)).scalar_one_or_none()
        if row is None:
            raise PermissionDenied("deze notitie bestaat niet of u mag haar niet zien")
        entry = _entry(row, _names(session), _today(ctx))
        ctx.audit(session, "note_viewed", "note", note_id)
        return entry


def register_counts(ctx: ServiceContext) -> dict[str, int]:
    """How many notes need the leidinggevende: ``overdue`` reviews and ``proposed`` notes."""
    ctx.require(Permission.MANAGE_NOTES, "alleen een leidinggevende ziet het hele register")
    today = _today(ctx)
    with ctx.store.read_session() as session:
        overdue = session.execute(
            select(func.count(NoteRow.id)).where(
                NoteRow.status == NoteStatus.ACTIEF.value, NoteRow.review_due <= today
            )
        ).scalar_one()
        proposed = session.execute(
            select(func.count(NoteRow.id)).where(NoteRow.status == NoteStatus.VOORGESTELD.value)
        ).scalar_one()
    return {"overdue": int(overdue), "proposed": int(proposed)}
