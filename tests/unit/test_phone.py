from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veilig_huisbezoek.domain.errors import ValidationError
from veilig_huisbezoek.domain.phone import format_phone, parse_dutch_phone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06-12345678", "+31612345678"),
        ("06 1234 5678", "+31612345678"),
        ("+31 6 12345678", "+31612345678"),
        ("0031612345678", "+31612345678"),
        ("045-5605040", "+31455605040"),
        ("(045) 560 50 40", "+31455605040"),
        ("+32 2 555 12 12", "+3225551212"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_parse_ok(text: str, expected: str) -> None:
    assert parse_dutch_phone(text) == expected


@pytest.mark.parametrize(
    "text", ["", "112", "06123", "0612345678901", "abc", "06-1234567x", "+999 123456", "06-CALLMEE"]
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_dutch_phone(text, "Telefoon cliënt")
    assert info.value.field == "Telefoon cliënt"


@pytest.mark.parametrize(
    ("e164", "shown"),
    [
        ("+31612345678", "06 12345678"),
        ("+31455605040", "045 560 5040"),
        ("+442079460958", "+44 20 7946 0958"),
        ("", ""),
    ],
)
def test_format(e164: str, shown: str) -> None:
    assert format_phone(e164) == shown


@settings(deadline=None)
@given(st.text(max_size=25))
def test_parse_only_validation_errors(text: str) -> None:
    try:
        e164 = parse_dutch_phone(text)
    except ValidationError as exc:
        assert exc.field == "Telefoonnummer"
    else:
        assert e164.startswith("+")
        assert parse_dutch_phone(format_phone(e164)) == e164


@settings(deadline=None)
@given(st.text(alphabet="0123456789 -+()", min_size=1, max_size=20))
def test_parse_digits_round_trip(text: str) -> None:
    try:
        e164 = parse_dutch_phone(text)
    except ValidationError:
        return
    assert parse_dutch_phone(e164) == e164
    assert parse_dutch_phone(format_phone(e164)) == e164


@settings(deadline=None)
@given(st.integers(10_000_000, 59_999_999))
def test_mobile_numbers_round_trip(n: int) -> None:
    # 06-1… to 06-5… are mobile ranges; 066 is the pager range, 067 is not issued.

    e164 = parse_dutch_phone(f"06-{n}")
    assert e164 == f"+316{n}"
    assert format_phone(e164) == f"06 {n}"
