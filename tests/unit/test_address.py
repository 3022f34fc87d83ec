from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.address import (
    Address,
    AddressKey,
    format_house_number,
    parse_address_key,
    parse_house_number,
    parse_postcode,
)
from veilig_huisbezoek.domain.errors import ValidationError, ValidationErrors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234ab", "1234 AB"),
        ("1234 AB", "1234 AB"),
        (" 1234  ab ", "1234 AB"),
        ("6411CD", "6411 CD"),
        ("9999 zz", "9999 ZZ"),
    ],
)
def test_parse_postcode_ok(text: str, expected: str) -> None:
    assert parse_postcode(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "0123 AB",
        "1234 SA",
        "1234 sd",
        "1234SS",
        "123 AB",
        "12345 AB",
        "1234 A",
        "1234 ABC",
        "ABCD 12",
        "1234-AB",
        "１２３４ AB",
    ],
)
def test_parse_postcode_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_postcode(text)
    assert info.value.field == "Postcode"


postcodes = st.builds(
    lambda d, l1, l2: f"{d}{l1}{l2}",
    st.integers(1000, 9999),
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
).filter(lambda p: p[4:] not in {"SA", "SD", "SS"})


@given(st.text(max_size=20))
def test_parse_postcode_only_validation_errors(text: str) -> None:
    try:
        result = parse_postcode(text)
    except ValidationError as exc:
        assert exc.field == "Postcode"
    else:
        assert parse_postcode(result) == result
        assert len(result) == 7


@given(postcodes, st.sampled_from(["", " ", "  "]), st.booleans())
def test_parse_postcode_normalises(raw: str, sep: str, lower: bool) -> None:
    text = raw[:4] + sep + (raw[4:].lower() if lower else raw[4:])
    assert parse_postcode(text) == f"{raw[:4]} {raw[4:]}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", (12, "")),
        ("12a", (12, "A")),
        ("12 A", (12, "A")),
        ("12-a", (12, "A")),
        ("12-2", (12, "2")),
        ("12 2", (12, "2")),
        ("12 bis", (12, "BIS")),
        ("12-3hg", (12, "3HG")),
        ("1", (1, "")),
        ("99999", (99999, "")),
        (" 7 ", (7, "")),
    ],
)
def test_parse_house_number_ok(text: str, expected: tuple[int, str]) -> None:
    assert parse_house_number(text) == expected


@pytest.mark.parametrize(
    "text", ["", "0", "100000", "a12", "12-", "12 abcde", "12-3-4", "012", "-5", "12.5"]
)
def test_parse_house_number_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_house_number(text)
    assert info.value.field == "Huisnummer"


@given(st.text(max_size=20))
def test_parse_house_number_only_validation_errors(text: str) -> None:
    try:
        number, addition = parse_house_number(text)
    except ValidationError as exc:
        assert exc.field == "Huisnummer"
    else:
        assert 1 <= number <= 99999
        assert len(addition) <= 4
        assert addition == addition.upper()


additions = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", max_size=4)


@given(postcodes, st.integers(1, 99999), additions)
def test_address_key_round_trip(postcode: str, number: int, addition: str) -> None:
    key = AddressKey(parse_postcode(postcode), number, addition)
    assert parse_address_key(str(key)) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234 AB 5", AddressKey("1234 AB", 5, "")),
        ("1234ab 5-a", AddressKey("1234 AB", 5, "A")),
        ("1234AB5", AddressKey("1234 AB", 5, "")),
        ("1234 AB, 12-2", AddressKey("1234 AB", 12, "2")),
    ],
)
def test_parse_address_key_ok(text: str, expected: AddressKey) -> None:
    assert parse_address_key(text) == expected


@pytest.mark.parametrize("text", ["", "1234 AB", "Kerkstraat 5", "0234 AB 5", "1234 AB 0"])
def test_parse_address_key_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_address_key(text)
    assert info.value.field == "Adres"


@given(st.text(max_size=30))
def test_parse_address_key_only_validation_errors(text: str) -> None:
    try:
        key = parse_address_key(text)
    except ValidationError as exc:
        assert exc.field == "Adres"
    else:
        assert parse_address_key(str(key)) == key


def test_address_key_str() -> None:
    assert str(AddressKey("1234 AB", 12, "A")) == "1234 AB 12A"
    assert str(AddressKey("1234 AB", 12, "")) == "1234 AB 12"
    assert str(AddressKey("1234 AB", 12, "2")) == "1234 AB 12-2"


def test_address_create_and_format() -> None:
    a = Address.create(" Kerkstraat ", "12a", "6411cd", " Heerlen ")
    assert a == Address("Kerkstraat", 12, "A", "6411 CD", "Heerlen")
    assert a.one_line() == "Kerkstraat 12A, 6411 CD Heerlen"
    assert a.short() == "Kerkstraat 12A"
    assert a.key == AddressKey("6411 CD", 12, "A")


def test_address_create_collects_all_errors() -> None:
    with pytest.raises(ValidationErrors) as info:
        Address.create("", "nul", "0000", "x" * 101)
    assert info.value.fields == ["Straat", "Huisnummer", "Postcode", "Plaats"]


def test_address_create_rejects_control_chars() -> None:
    with pytest.raises(ValidationErrors) as info:
        Address.create("Kerk\x00straat", "1", "1234 AB", "Heerlen")
    assert info.value.fields == ["Straat"]


@given(st.text(max_size=110), st.text(max_size=10), st.text(max_size=10), st.text(max_size=110))
def test_address_create_only_validation_errors(
    street: str, number: str, postcode: str, city: str
) -> None:
    try:
        a = Address.create(street, number, postcode, city)
    except ValidationErrors as exc:
        assert exc.errors
    else:
        assert a.street and a.city
        assert (
            Address.create(
                a.street, format_house_number(a.house_number, a.addition), a.postcode, a.city
            )
            == a
        )


@given(postcodes, st.integers(1, 99999), additions)
def test_address_create_round_trip(postcode: str, number: int, addition: str) -> None:
    a = Address.create("Kerkstraat", format_house_number(number, addition), postcode, "Heerlen")
    assert (a.house_number, a.addition) == (number, addition)
    assert Address.create(a.street, a.short().split(" ", 1)[1], a.postcode, a.city) == a
