"""Fuzzing every parser of user input, 10,000 examples each (slow; CI runs it).

The quick property tests beside this file (test_address, test_phone, test_clock,
test_account_rules, test_checklist, test_settings) run each parser on ~100 examples on
every run; this file pushes the same parsers through 10,000 hostile inputs: random
Unicode (lone surrogates included), right-to-left and bidi controls, emoji sequences,
control characters, 10,000-character strings, and near-misses of the valid formats.
A parser may accept (and then its result must be well-formed) or refuse with a Dutch
ValidationError; nothing else - no other exception, no hang.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.helpers import make_cheap_store
from veilig_huisbezoek.domain.address import (
    Address,
    parse_address_key,
    parse_house_number,
    parse_postcode,
)
from veilig_huisbezoek.domain.checklist import Checklist, ChecklistFormatError, parse_checklist
from veilig_huisbezoek.domain.clock import parse_local_datetime
from veilig_huisbezoek.domain.errors import UserError, ValidationError
from veilig_huisbezoek.domain.phone import parse_dutch_phone
from veilig_huisbezoek.domain.settings import Settings
from veilig_huisbezoek.paths import checklist_path
from veilig_huisbezoek.services import accounts, register
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage.errors import StoreDamagedError
from veilig_huisbezoek.storage.keyslots import KeyRing

pytestmark = pytest.mark.slow

EXAMPLES = 10_000
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)

# Pieces people (and pasted text) really produce.
NASTY = [
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\u2066",  # left-to-right isolate
    "עברית",
    "عربي ٣٤",
    "١٢٣٤ AB",  # Arabic-Indic digits
    "１２３４ＡＢ",  # full-width
    "🙂",
    "👩🏽‍⚕️",  # ZWJ sequence with a skin tone
    "🇳🇱",
    "\u0301",  # a lone combining accent
    "\u200b",  # zero width space
    "\ufeff",  # byte order mark
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\ud800",  # a lone surrogate
    "'; DROP TABLE visits; --",
    "%_\\",
    "Ĳsselmonde",
    "ß",
]
near_postcode = st.builds(
    lambda d, s, letters: f"{d}{s}{letters}",
    st.from_regex(r"[0-9]{3,5}", fullmatch=True),
    st.sampled_from(["", " ", "  ", "-", "\t", "\u00a0"]),
    st.text(alphabet="abcxyzSASDSSABZZ", min_size=0, max_size=3),
)
near_phone = st.from_regex(r"(\+|00)?[0-9 ()./\-]{0,20}", fullmatch=True)
near_datetime = st.from_regex(
    r"[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,4}( +|T)[0-9]{1,2}:[0-9]{1,3}", fullmatch=True
)
near_house_number = st.from_regex(r"[0-9]{0,6}[ \-]?[A-Za-z0-9]{0,6}", fullmatch=True)
raw_text = st.text(
    alphabet=st.characters(blacklist_categories=()),  # everything, surrogates too
    max_size=80,
)
nasty_mix = st.lists(
    st.one_of(st.sampled_from(NASTY), st.text(max_size=5), near_postcode, near_phone),
    max_size=8,
).map("".join)
huge = st.builds(
    lambda piece, n: (piece * (10_000 // max(1, len(piece)) + 1))[:n],
    st.sampled_from([*NASTY, "a", "1", " "]),
    st.sampled_from([1_000, 9_999, 10_000]),
)
user_text = st.one_of(
    raw_text, nasty_mix, near_postcode, near_phone, near_datetime, near_house_number, huge
)

# What a Qt widget can hand over: PySide drops lone surrogates converting to QString.
widget_text = user_text.map(lambda s: "".join(c for c in s if not 0xD800 <= ord(c) <= 0xDFFF))

POSTCODE = re.compile(r"[1-9][0-9]{3} [A-Z]{2}")
E164 = re.compile(r"\+[1-9][0-9]{6,14}")


def accepts_or_explains(parse: object, text: str) -> object | None:
    try:
        return parse(text)  # type: ignore[operator]
    except UserError as exc:
        message = str(exc)
        assert message and "Traceback" not in message
        if isinstance(exc, ValidationError):
            assert exc.field
        return None


@FUZZ
@given(user_text)
def test_every_text_parser_accepts_or_explains(text: str) -> None:
    postcode = accepts_or_explains(parse_postcode, text)
    if postcode is not None:
        assert isinstance(postcode, str) and POSTCODE.fullmatch(postcode)
        assert parse_postcode(postcode) == postcode  # idempotent

    number = accepts_or_explains(parse_house_number, text)
    if number is not None:
        value, addition = number  # type: ignore[misc]
        assert value > 0 and addition == addition.strip().upper()

    key = accepts_or_explains(parse_address_key, text)
    if key is not None:
        assert parse_address_key(str(key)) == key

    phone = accepts_or_explains(parse_dutch_phone, text)
    if phone is not None:
        assert isinstance(phone, str) and E164.fullmatch(phone)
        assert parse_dutch_phone(phone) == phone

    moment = accepts_or_explains(parse_local_datetime, text)
    if moment is not None:
        assert isinstance(moment, datetime) and moment.tzinfo is None

    username = accepts_or_explains(accounts.check_username, text)
    if username is not None:
        assert accounts.check_username(str(username)) == username

    accepts_or_explains(accounts.check_password, text)


@FUZZ
@given(user_text, user_text, user_text, user_text, user_text)
def test_address_and_account_forms_accept_or_explain(
    street: str, number: str, postcode: str, city: str, name: str
) -> None:
    address = accepts_or_explains(lambda _t: Address.create(street, number, postcode, city), "")
    if address is not None:
        assert isinstance(address, Address)
        assert POSTCODE.fullmatch(address.postcode)
        assert address.one_line()
    new = accounts.NewAccount(name, street, city, postcode, frozenset(), number)
    accepts_or_explains(lambda _t: accounts.validate_new_account(new), "")


RAW_CHECKLIST = checklist_path().read_text(encoding="utf-8")


@FUZZ
@given(
    st.integers(0, len(RAW_CHECKLIST)),
    st.integers(0, 40),
    st.one_of(st.text(max_size=12), st.sampled_from(['"', "{", "}", "[", "]", ",", ":", "null"])),
)
def test_checklist_loader_refuses_any_damage_with_a_located_message(
    pos: int, length: int, insert: str
) -> None:
    text = RAW_CHECKLIST[:pos] + insert + RAW_CHECKLIST[pos + length :]
    try:
        checklist = parse_checklist(text, "eigen.json")
    except ChecklistFormatError as exc:
        assert str(exc).startswith("Checklist eigen.json")
    else:
        assert isinstance(checklist, Checklist) and checklist.items


@FUZZ
@given(user_text)
def test_checklist_loader_and_settings_and_key_file_take_any_text(text: str) -> None:
    with pytest.raises(ChecklistFormatError):
        parse_checklist(text, "eigen.json")
    try:
        data = json.loads(text)
    except ValueError:
        data = text
    with contextlib.suppress(UserError):
        Settings.from_dict(data)
    with pytest.raises(StoreDamagedError):
        KeyRing.from_json(text)


@pytest.fixture(scope="module")
def leader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceContext]:
    store = make_cheap_store(Path(tmp_path_factory.mktemp("fuzz")) / "data")
    ctx = accounts.log_in(store.data_dir, store.user, store.password)
    yield ctx
    ctx.store.close()


@FUZZ
@given(text=widget_text)
def test_register_search_takes_any_text(leader: ServiceContext, text: str) -> None:
    found = register.search_notes(leader, text=text)
    assert found == []  # an empty register: whatever is typed, nothing (and no error)
