"""User-name, password and role validation; the key-slot file parser."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.domain.errors import ValidationError
from veilig_huisbezoek.domain.roles import Permission, Role, parse_role, permissions_for
from veilig_huisbezoek.services.accounts import check_password, check_username
from veilig_huisbezoek.storage.errors import StoreDamagedError
from veilig_huisbezoek.storage.keyslots import KeyRing


@pytest.mark.parametrize(
    ("raw", "normal"),
    [("anna", "anna"), (" Anna.de-Vries ", "anna.de-vries"), ("ＡＮＮＡ", "anna"), ("b_2", "b_2")],
)
def test_usernames_are_normalised(raw: str, normal: str) -> None:
    assert check_username(raw) == normal


@pytest.mark.parametrize("raw", ["", "a", "anna de vries", "anna@gemeente", "-anna", "x" * 51])
def test_bad_usernames_name_the_field(raw: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_username(raw)
    assert err.value.field == "Gebruikersnaam"


@given(st.text(max_size=80))
def test_username_check_accepts_or_explains(raw: str) -> None:
    try:
        normal = check_username(raw)
    except ValidationError as exc:
        assert exc.field == "Gebruikersnaam"
    else:
        assert check_username(normal) == normal


@pytest.mark.parametrize(
    ("password", "fragment"),
    [
        ("kort", "minimaal 10"),
        ("aaaaaaaaaaaa", "eenvoudig"),
        (" begint-met-spatie", "spaties"),
        ("tab\tin-het-midden", "onzichtbare"),
    ],
)
def test_weak_passwords_get_a_helpful_dutch_message(password: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment):
        check_password(password)


@given(st.text(max_size=60))
def test_password_check_never_crashes(password: str) -> None:
    try:
        check_password(password)
    except ValidationError as exc:
        assert exc.field == "Wachtwoord"
    else:
        assert len(password) >= 10


def test_roles_parse_case_insensitively_and_unknown_is_named() -> None:
    assert parse_role(" Leidinggevende ") is Role.LEIDINGGEVENDE
    with pytest.raises(ValidationError) as err:
        parse_role("baas")
    assert err.value.field == "Rol"


def test_beheerder_alone_has_no_case_permissions() -> None:
    granted = permissions_for({Role.BEHEERDER})
    assert Permission.MANAGE_ACCOUNTS in granted
    assert Permission.PLAN_OWN_VISITS not in granted
    assert Permission.SEE_TEAM_CASES not in granted
    assert permissions_for({Role.MEDEWERKER}) < permissions_for({Role.LEIDINGGEVENDE})


@given(st.text(max_size=300))
def test_keyring_parser_refuses_garbage_cleanly(text: str) -> None:
    with pytest.raises(StoreDamagedError):
        KeyRing.from_json(text)


@given(
    st.dictionaries(
        st.sampled_from(["format", "format_version", "store_id", "store_salt", "kdf", "slots"]),
        st.one_of(st.none(), st.integers(), st.text(max_size=20), st.lists(st.integers())),
    )
)
def test_keyring_parser_refuses_wrong_shapes(data: dict[str, object]) -> None:
    with pytest.raises(StoreDamagedError):
        KeyRing.from_json(json.dumps(data))


def test_keyring_round_trips() -> None:
    ring = KeyRing.new({"name": "argon2id", "memory_kib": 8192, "time_cost": 1, "parallelism": 1})
    slot = ring.make_slot("anna", "een-wachtwoord", b"k" * 32)
    again = KeyRing.from_json(ring.with_slot(slot).to_json())
    assert again.unlock("ANNA", "een-wachtwoord") == (slot.id, b"k" * 32)
