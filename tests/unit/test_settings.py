from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.errors import ValidationError, ValidationErrors
from veilig_huisbezoek.domain.settings import Settings


def test_defaults_match_design() -> None:
    s = Settings()
    assert s.grace_minutes == 15
    assert s.retry_minutes == 5
    assert s.escalation_minutes == 10
    assert s.callback_interval_minutes == 30
    assert s.first_callback_minutes == 10
    assert s.review_months == 12
    assert s.register_expiry_grace_months == 3
    assert s.idle_lock_minutes == 5
    assert (s.police_emergency, s.police_general) == ("112", "0900-8844")
    assert (s.municipality_name, s.municipality_address) == ("", "")


def test_round_trip() -> None:
    s = Settings(grace_minutes=20, municipality_name="Gemeente Heerlen")
    assert Settings.from_dict(s.to_dict()) == s
    assert Settings.from_dict({}) == Settings()


def test_strings_are_stripped() -> None:
    assert Settings.from_dict({"municipality_name": " Heerlen "}).municipality_name == "Heerlen"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"grace_minutes": "15"}, "Uitlooptijd (minuten)"),
        ({"grace_minutes": True}, "Uitlooptijd (minuten)"),
        ({"grace_minutes": 15.0}, "Uitlooptijd (minuten)"),
        ({"grace_minutes": -1}, "Uitlooptijd (minuten)"),
        ({"retry_minutes": 0}, "Opnieuw bellen na (minuten)"),
        ({"review_months": 61}, "Herbeoordeling register (maanden)"),
        ({"idle_lock_minutes": 0}, "Automatisch vergrendelen na (minuten)"),
        ({"police_emergency": ""}, "Alarmnummer politie"),
        ({"police_general": 8844}, "Algemeen nummer politie"),
        ({"municipality_name": "x" * 101}, "Naam gemeente"),
        ({"municipality_name": "a\x00"}, "Naam gemeente"),
        ({"onbekend": 1}, "Instellingen"),
    ],
)
def test_invalid(data: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationErrors) as info:
        Settings.from_dict(data)
    assert info.value.fields == [field]


def test_all_errors_reported() -> None:
    with pytest.raises(ValidationErrors) as info:
        Settings.from_dict({"x": 1, "grace_minutes": "a", "police_general": ""})
    assert len(info.value.errors) == 3


def test_not_a_mapping() -> None:
    with pytest.raises(ValidationError):
        Settings.from_dict([("grace_minutes", 1)])  # type: ignore[arg-type]


values = st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(max_size=30) | st.floats()
keys = st.sampled_from([*Settings().to_dict(), "onbekend", ""])


@given(st.dictionaries(keys, values, max_size=6))
def test_from_dict_only_validation_errors(data: dict[str, Any]) -> None:
    try:
        s = Settings.from_dict(data)
    except ValidationErrors as exc:
        assert exc.errors
    else:
        assert Settings.from_dict(s.to_dict()) == s


@given(st.integers(1, 60), st.integers(0, 240))
def test_valid_ranges_accepted(retry: int, grace: int) -> None:
    s = Settings.from_dict({"retry_minutes": retry, "grace_minutes": grace})
    assert (s.retry_minutes, s.grace_minutes) == (retry, grace)
