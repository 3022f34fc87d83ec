"""The key-wrapping building blocks (storage/keywrap.py) on their own."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.storage import keywrap
from veilig_huisbezoek.storage.keywrap import UnwrapError
from veilig_huisbezoek.storage.team.location import TeamLocation

SECRET = bytes(range(32))
CONTEXT = b"store-1:generation-2"


def test_a_key_wrapped_to_a_public_key_unwraps_only_with_its_private_key() -> None:
    private, other = keywrap.new_private_key(), keywrap.new_private_key()
    wrapped = keywrap.wrap_to(keywrap.public_bytes(private), SECRET, CONTEXT)
    assert keywrap.unwrap_with(private, wrapped, CONTEXT) == SECRET
    assert SECRET not in wrapped.ciphertext
    with pytest.raises(UnwrapError):
        keywrap.unwrap_with(other, wrapped, CONTEXT)
    # Each wrap uses a new ephemeral key: the same key wraps differently every time.
    again = keywrap.wrap_to(keywrap.public_bytes(private), SECRET, CONTEXT)
    assert again.ephemeral != wrapped.ephemeral and again.ciphertext != wrapped.ciphertext


def test_the_context_store_and_generation_is_bound() -> None:
    private = keywrap.new_private_key()
    wrapped = keywrap.wrap_to(keywrap.public_bytes(private), SECRET, CONTEXT)
    with pytest.raises(UnwrapError):
        keywrap.unwrap_with(private, wrapped, b"store-1:generation-3")


@pytest.mark.parametrize("part", ["ephemeral", "nonce", "ciphertext"])
def test_a_changed_byte_anywhere_is_refused(part: str) -> None:
    private = keywrap.new_private_key()
    wrapped = keywrap.wrap_to(keywrap.public_bytes(private), SECRET, CONTEXT)
    value = bytearray(getattr(wrapped, part))
    value[0] ^= 1
    with pytest.raises(UnwrapError):
        keywrap.unwrap_with(private, replace(wrapped, **{part: bytes(value)}), CONTEXT)


def test_a_low_order_ephemeral_key_is_refused_not_crashed_on() -> None:
    private = keywrap.new_private_key()
    wrapped = keywrap.wrap_to(keywrap.public_bytes(private), SECRET, CONTEXT)
    with pytest.raises(UnwrapError):
        keywrap.unwrap_with(private, replace(wrapped, ephemeral=bytes(32)), CONTEXT)


def test_a_private_key_survives_being_sealed_under_a_password_key() -> None:
    kek = keywrap.password_key(
        "een-wachtwoord",
        b"s" * 32,
        {"name": "argon2id", "memory_kib": 8192, "time_cost": 1, "parallelism": 1},
    )
    private = keywrap.new_private_key()
    sealed = keywrap.seal(kek, keywrap.private_bytes(private), b"aad")
    back = keywrap.private_from_bytes(keywrap.open_sealed(kek, sealed, b"aad"))
    assert keywrap.public_bytes(back) == keywrap.public_bytes(private)
    with pytest.raises(UnwrapError):
        keywrap.open_sealed(kek, sealed, b"other aad")


@given(st.text(max_size=30))
def test_password_forms_try_nfc_first_then_the_typed_form(password: str) -> None:
    forms = keywrap.password_forms(password)
    assert forms[0] == unicodedata.normalize("NFC", password)
    assert forms == ((forms[0],) if forms[0] == password else (forms[0], password))


def test_the_team_servers_login_password_is_derived_from_the_nfc_form() -> None:
    location = TeamLocation.parse("postgresql://server/team?sslmode=require")
    nfd = unicodedata.normalize("NFD", "crème-brûlée-één")
    nfc = unicodedata.normalize("NFC", nfd)
    assert location.login_password("anna", nfd) == location.login_password("anna", nfc)
    assert location.login_password("anna", nfc) != location.login_password("anna", "creme")
