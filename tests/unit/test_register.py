from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.address import Address, AddressKey
from veilig_huisbezoek.domain.errors import NotAllowedError, TransitionError, ValidationErrors
from veilig_huisbezoek.domain.register import (
    NoteCategory,
    NoteStatus,
    UnsafeAddressNote,
    add_months,
    approve,
    matches,
    new_note,
    reject,
    retire,
    review,
    review_overdue,
    warns,
)

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)
ADDRESS = Address("Kerkstraat", 12, "A", "6411 CD", "Heerlen")
DESCRIPTION = "Bewoner dreigde op 1 maart met een mes tegen de handhaver."


def proposal(**overrides: object) -> UnsafeAddressNote:
    kwargs: dict[str, object] = {
        "address": ADDRESS,
        "category": NoteCategory.WAPENS,
        "incident_date": date(2026, 3, 1),
        "description": DESCRIPTION,
        "precautions": "Alleen met politie.",
        "author_id": 1,
        "now": NOW,
    }
    kwargs.update(overrides)
    return new_note(**kwargs)  # type: ignore[arg-type]


def active() -> UnsafeAddressNote:
    return approve(proposal(), approver_id=2, approver_is_leidinggevende=True, now=NOW)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 3, 10), 12, date(2027, 3, 10)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 15), -13, date(2024, 12, 15)),
        (date(2026, 5, 5), 0, date(2026, 5, 5)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 1, 1)), st.integers(-120, 120))
def test_add_months_properties(d: date, months: int) -> None:
    result = add_months(d, months)
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == months
    assert result.day <= d.day
    if result.day < d.day:
        assert (result + timedelta(days=1)).month != result.month  # clamped to month end


def test_new_note_is_proposal() -> None:
    note = proposal(description=f"  {DESCRIPTION}  ", category="geweld")
    assert note.status is NoteStatus.VOORGESTELD
    assert note.description == DESCRIPTION
    assert note.category is NoteCategory.GEWELD
    assert note.id is None
    assert note.created_at == NOW
    assert not warns(note, TODAY)


@pytest.mark.parametrize(
    ("overrides", "fields"),
    [
        ({"description": ""}, ["Omschrijving"]),
        ({"description": "Boze man."}, ["Omschrijving"]),
        ({"description": "x" * 2001}, ["Omschrijving"]),
        ({"description": DESCRIPTION + "\x1b"}, ["Omschrijving"]),
        ({"precautions": "x" * 1001}, ["Voorzorgsmaatregelen"]),
        ({"category": "roddel"}, ["Categorie"]),
        ({"incident_date": TODAY + timedelta(days=1)}, ["Datum incident"]),
        ({"incident_date": date(2021, 3, 9)}, ["Datum incident"]),
        (
            {"category": "", "description": "", "incident_date": date(2030, 1, 1)},
            ["Categorie", "Datum incident", "Omschrijving"],
        ),
    ],
)
def test_new_note_invalid(overrides: dict[str, object], fields: list[str]) -> None:
    with pytest.raises(ValidationErrors) as info:
        proposal(**overrides)
    assert info.value.fields == fields


def test_incident_date_boundaries() -> None:
    assert proposal(incident_date=TODAY).incident_date == TODAY
    assert proposal(incident_date=date(2021, 3, 10)).incident_date == date(2021, 3, 10)


def test_today_defaults_to_amsterdam_date() -> None:
    late = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)  # already 11 March in Amsterdam
    assert proposal(now=late, incident_date=date(2026, 3, 11)).created_at == late
    with pytest.raises(ValidationErrors):
        proposal(now=late, today=date(2026, 3, 10), incident_date=date(2026, 3, 11))


@given(st.text(max_size=60), st.text(max_size=30))
def test_new_note_only_validation_errors(description: str, precautions: str) -> None:
    try:
        note = proposal(description=description, precautions=precautions)
    except ValidationErrors as exc:
        assert exc.errors
    else:
        assert len(note.description) >= 20


def test_approve() -> None:
    note = active()
    assert note.status is NoteStatus.ACTIEF
    assert note.approved_by == 2
    assert note.approved_at == NOW
    assert note.review_due == date(2027, 3, 10)
    assert note.expires_on == date(2027, 6, 10)
    assert warns(note, TODAY)


def test_approve_custom_periods() -> None:
    note = approve(
        proposal(),
        approver_id=2,
        approver_is_leidinggevende=True,
        now=NOW,
        review_months=6,
        expiry_grace_months=0,
    )
    assert note.review_due == note.expires_on == date(2026, 9, 10)


def test_approve_refusals() -> None:
    with pytest.raises(NotAllowedError, match="leidinggevende"):
        approve(proposal(), approver_id=2, approver_is_leidinggevende=False, now=NOW)
    with pytest.raises(NotAllowedError, match="vier-ogen"):
        approve(proposal(), approver_id=1, approver_is_leidinggevende=True, now=NOW)
    with pytest.raises(TransitionError, match="Actief"):
        approve(active(), approver_id=3, approver_is_leidinggevende=True, now=NOW)


def test_reject() -> None:
    note = reject(proposal(), by_id=2, is_leidinggevende=True, now=NOW, reason=" roddel ")
    assert note.status is NoteStatus.AFGEWEZEN
    assert note.retire_reason == "roddel"
    assert not warns(note, TODAY)
    with pytest.raises(ValidationErrors):
        reject(proposal(), by_id=2, is_leidinggevende=True, now=NOW, reason=" ")
    with pytest.raises(NotAllowedError):
        reject(proposal(), by_id=2, is_leidinggevende=False, now=NOW, reason="x")
    with pytest.raises(TransitionError):
        reject(active(), by_id=2, is_leidinggevende=True, now=NOW, reason="x")


def test_review_resets_dates() -> None:
    later = date(2027, 3, 1)
    note = review(active(), reviewer_id=3, is_leidinggevende=True, today=later)
    assert note.review_due == date(2028, 3, 1)
    assert note.expires_on == date(2028, 6, 1)
    with pytest.raises(NotAllowedError):
        review(active(), reviewer_id=3, is_leidinggevende=False, today=later)
    with pytest.raises(TransitionError):
        review(proposal(), reviewer_id=3, is_leidinggevende=True, today=later)


def test_retire() -> None:
    note = retire(active(), by_id=2, is_leidinggevende=True, now=NOW, reason="Verhuisd")
    assert note.status is NoteStatus.INGETROKKEN
    assert note.retired_at == NOW
    assert not warns(note, TODAY)
    with pytest.raises(NotAllowedError):
        retire(active(), by_id=1, is_leidinggevende=False, now=NOW, reason="x")
    # the author may withdraw their own proposal
    own = retire(proposal(), by_id=1, is_leidinggevende=False, now=NOW, reason="vergissing")
    assert own.status is NoteStatus.INGETROKKEN
    with pytest.raises(NotAllowedError):
        retire(proposal(), by_id=5, is_leidinggevende=False, now=NOW, reason="x")
    with pytest.raises(TransitionError):
        retire(note, by_id=2, is_leidinggevende=True, now=NOW, reason="x")


@pytest.mark.parametrize(
    ("today", "warning", "overdue"),
    [
        (date(2026, 3, 10), True, False),
        (date(2027, 3, 9), True, False),
        (date(2027, 3, 10), True, True),
        (date(2027, 6, 9), True, True),
        (date(2027, 6, 10), False, True),
    ],
)
def test_warns_and_review_overdue(today: date, warning: bool, overdue: bool) -> None:
    note = active()
    assert warns(note, today) is warning
    assert review_overdue(note, today) is overdue


def test_inactive_notes_never_warn_or_overdue() -> None:
    for status in (NoteStatus.VOORGESTELD, NoteStatus.AFGEWEZEN, NoteStatus.INGETROKKEN):
        note = replace(active(), status=status)
        assert not warns(note, TODAY)
        assert not review_overdue(note, date(2030, 1, 1))


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (AddressKey("6411 CD", 12, "A"), True),
        (AddressKey("6411 CD", 12, ""), False),
        (AddressKey("6411 CD", 13, "A"), False),
        (AddressKey("6411 CE", 12, "A"), False),
    ],
)
def test_matches(key: AddressKey, expected: bool) -> None:
    assert matches(active(), key) is expected


def test_labels() -> None:
    assert NoteCategory.DRUGS_PLANTAGE.label == "Drugs of hennepkwekerij"
    assert NoteStatus.VOORGESTELD.label == "Voorgesteld"
    assert all(c.label for c in NoteCategory)
