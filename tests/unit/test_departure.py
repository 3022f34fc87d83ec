"""Before departure (docs/design.md §4a): the buddy check and the go-anyway reason."""

from __future__ import annotations

import pickle
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.departure import (
    MAX_REASON_LENGTH,
    DepartureRefused,
    check_buddy,
    phone_dials,
    validate_reason,
)
from veilig_huisbezoek.domain.errors import UserError, ValidationError


@pytest.mark.parametrize(
    "phone", ["+31612345678", "06 12345678", "06-12345678", "045-5605040", "+32 2 555 12 12"]
)
def test_numbers_that_dial(phone: str) -> None:
    assert phone_dials(phone)


@pytest.mark.parametrize("phone", ["", "   ", "12", "06 1234", "bel me", "+31 6 1234567890123"])
def test_numbers_that_do_not_dial(phone: str) -> None:
    assert not phone_dials(phone)


def test_a_present_buddy_with_a_phone_is_ok() -> None:
    check = check_buddy("Ahmed", present=True, phone="+31612345602")
    assert check.ok
    assert check.problem() == ""


def test_what_is_wrong_is_said_plainly() -> None:
    assert check_buddy("Ahmed", present=False, phone="+31612345602").problem() == (
        "Ahmed is niet ingelogd."
    )
    assert check_buddy("Ahmed", present=True, phone="").problem() == (
        "het telefoonnummer van Ahmed kan niet gebeld worden."
    )
    both = check_buddy("Ahmed", present=False, phone="123")
    assert not both.ok
    assert both.problem() == (
        "Ahmed is niet ingelogd en het telefoonnummer van Ahmed kan niet gebeld worden."
    )


def test_the_refusal_carries_the_check_and_says_what_to_do() -> None:
    check = check_buddy("Ahmed", present=False, phone="+31612345602")
    refused = DepartureRefused(check)
    assert isinstance(refused, UserError)
    assert refused.check is check
    assert "Ahmed is niet ingelogd." in str(refused)
    assert refused.message.template.startswith("Vertrekken kan nog niet")
    again = pickle.loads(pickle.dumps(refused))
    assert again.check == check and str(again) == str(refused)


def test_the_reason_is_stripped() -> None:
    assert validate_reason("  Ahmed belt vanaf zijn mobiel mee.  ") == (
        "Ahmed belt vanaf zijn mobiel mee."
    )


@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_an_empty_reason_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_reason(text)
    assert refused.value.field == "Reden"
    assert "waarom" in refused.value.message


def test_a_reason_too_long_is_refused() -> None:
    assert validate_reason("x" * MAX_REASON_LENGTH)
    with pytest.raises(ValidationError, match="te lang"):
        validate_reason("x" * (MAX_REASON_LENGTH + 1))


@pytest.mark.parametrize("text", ["a\tb", "a\nb", "a\x00b", "a\x1bb", "a\u2028b", "a\x85b"])
def test_control_characters_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="teken"):
        validate_reason(text)


_PRINTABLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
    min_size=1,
    max_size=MAX_REASON_LENGTH,
)


@given(_PRINTABLE)
def test_printable_text_within_the_limit_is_kept(text: str) -> None:
    if not text.strip():
        with pytest.raises(ValidationError):
            validate_reason(text)
        return
    assert validate_reason(text) == text.strip()


@given(st.text(max_size=MAX_REASON_LENGTH + 50))
def test_any_text_is_either_refused_in_dutch_or_accepted_clean(text: str) -> None:
    try:
        reason = validate_reason(text)
    except ValidationError as refused:
        assert refused.field == "Reden"
        return
    assert reason == reason.strip() and reason
    assert len(reason) <= MAX_REASON_LENGTH
    assert all(
        unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp") for ch in reason
    )
