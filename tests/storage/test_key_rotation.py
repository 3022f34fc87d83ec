"""Replacing the database key: removing an account or resetting a password rotates it, so
that a removed person's slot from an older key file (or an old backup's) no longer opens
today's database; format-1 key files keep opening and are upgraded at login; passwords
are NFC-normalised. Crash safety is tested in tests/robustness/test_rotation_kill9.py.
"""

from __future__ import annotations

import base64
import json
import threading
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.accounts import KeyStatus, NewAccount
from veilig_huisbezoek.services.backups import make_backup
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage import keywrap
from veilig_huisbezoek.storage.errors import (
    AccessWithdrawnError,
    AuthenticationError,
    StoreDamagedError,
)
from veilig_huisbezoek.storage.keyslots import (
    FORMAT,
    KeyRing,
    KeySlot,
    PersonSlot,
    write_keyring,
)
from veilig_huisbezoek.storage.models import Account, AuditEntry
from veilig_huisbezoek.storage.store import KeyRotation, Store, keyring_path

CHEAP_KDF: dict[str, int | str] = {
    "name": "argon2id",
    "memory_kib": 8192,
    "time_cost": 1,
    "parallelism": 1,
}
PASSWORDS = {
    "anna": "anna-wachtwoord-1",
    "sanne": "sanne-wachtwoord-2",
    "bram": "bram-wachtwoord-3",
    "petra": "petra-wachtwoord-4",
}


@dataclass
class Office:
    data_dir: Path
    ids: dict[str, int]

    def login(self, name: str, password: str | None = None) -> ServiceContext:
        return accounts.log_in(self.data_dir, name, password or PASSWORDS[name])

    def ring(self) -> KeyRing:
        return KeyRing.from_json(keyring_path(self.data_dir).read_text())


@pytest.fixture
def office(tmp_path: Path) -> Office:
    """anna: beheerder; sanne, bram: medewerker; petra: leidinggevende (cheap Argon2id)."""
    data_dir = tmp_path / "data"
    store = Store.create(data_dir, kdf=CHEAP_KDF)
    ctx = accounts.create_first_account(
        store, NewAccount("anna", PASSWORDS["anna"], "Anna", "de Vries", frozenset())
    )
    ids = {"anna": ctx.actor.account_id}
    for name, role in (
        ("sanne", Role.MEDEWERKER),
        ("bram", Role.MEDEWERKER),
        ("petra", Role.LEIDINGGEVENDE),
    ):
        ids[name] = accounts.add_account(
            ctx, NewAccount(name, PASSWORDS[name], name.title(), "Test", frozenset({role}))
        )
    store.close()
    return Office(data_dir, ids)


@pytest.fixture
def anna(office: Office) -> Iterator[ServiceContext]:
    ctx = office.login("anna")
    yield ctx
    ctx.store.close()


def _audit_count(ctx: ServiceContext) -> int:
    with ctx.store.read_session() as session:
        return int(session.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


# ---- rotation -----------------------------------------------------------------------------
def test_removing_an_account_replaces_the_database_key(
    office: Office, anna: ServiceContext
) -> None:
    old_key, entries = anna.store._key, _audit_count(anna)
    assert anna.store.generation == 1
    assert accounts.remove_account(anna, office.ids["sanne"]) is KeyRotation.DONE
    # The process's own store goes on, on a new engine with the new key.
    assert anna.store.generation == 2 and anna.store._key != old_key
    assert anna.store.verify().ok
    assert _audit_count(anna) == entries + 1
    accounts.add_account(
        anna,
        NewAccount("noor", "noor-wachtwoord-5", "Noor", "Jansen", frozenset({Role.MEDEWERKER})),
    )
    ring = office.ring()
    assert ring.generations() == {2}
    assert all(isinstance(s, PersonSlot) and set(s.keys) == {2} for s in ring.slots)
    for name in ("bram", "petra"):
        office.login(name).store.close()
    accounts.log_in(office.data_dir, "noor", "noor-wachtwoord-5").store.close()
    with pytest.raises(AuthenticationError):
        office.login("sanne")
    with pytest.raises(StoreDamagedError):
        Store._open_with_key(office.data_dir, old_key, ring)


def test_a_removed_persons_slot_from_an_old_key_file_does_not_open_todays_database(
    office: Office, anna: ServiceContext
) -> None:
    old_text = keyring_path(office.data_dir).read_text()
    old_ring = office.ring()
    sanne_slot, old_key = old_ring.unlock("sanne", PASSWORDS["sanne"])
    accounts.remove_account(anna, office.ids["sanne"])
    anna.store.close()

    # Her slot, copied from the old file into today's: it holds only the old key.
    today = office.ring()
    old_slot = old_ring.find(sanne_slot)
    assert old_slot is not None
    write_keyring(keyring_path(office.data_dir), today.with_slot(old_slot))
    with pytest.raises(AccessWithdrawnError):
        office.login("sanne")
    # The whole old key file put back: opens nothing for anyone any more.
    keyring_path(office.data_dir).write_text(old_text)
    for name in ("sanne", "anna"):
        with pytest.raises(StoreDamagedError):
            office.login(name)
    with pytest.raises(StoreDamagedError):
        Store._open_with_key(office.data_dir, old_key, today)


def test_an_old_backups_key_file_does_not_open_todays_database_but_the_backup_still_does(
    office: Office, anna: ServiceContext, tmp_path: Path
) -> None:
    backup = make_backup(anna)
    accounts.remove_account(anna, office.ids["sanne"])
    with zipfile.ZipFile(backup.path) as archive:
        backup_ring = KeyRing.from_json(archive.read("keyslots.json").decode())
    _slot, backup_key = backup_ring.unlock("sanne", PASSWORDS["sanne"])
    with pytest.raises(StoreDamagedError):
        Store._open_with_key(office.data_dir, backup_key, office.ring())
    # As documented: an older backup opens with the passwords valid when it was made,
    # until it is deleted.
    restored = Store.restore(backup.path, tmp_path / "hersteld", "sanne", PASSWORDS["sanne"])
    restored.close()


def test_a_password_reset_replaces_the_key_and_ones_own_change_does_not(
    office: Office, anna: ServiceContext
) -> None:
    key = anna.store._key
    sanne = office.login("sanne")
    accounts.change_password(sanne, PASSWORDS["sanne"], "sanne-nieuw-wachtwoord")
    sanne.store.close()
    assert anna.store.keyring_now().generations() == {1}
    with pytest.raises(AuthenticationError):
        office.login("sanne")
    office.login("sanne", "sanne-nieuw-wachtwoord").store.close()

    old_ring = office.ring()
    assert accounts.reset_password(anna, office.ids["bram"], "bram-gelekt-en-nieuw") is (
        KeyRotation.DONE
    )
    assert anna.store._key != key and anna.store.generation == 2
    _slot, old_bram_key = old_ring.unlock("bram", PASSWORDS["bram"])
    with pytest.raises(StoreDamagedError):
        Store._open_with_key(office.data_dir, old_bram_key, office.ring())
    with pytest.raises(AuthenticationError):
        office.login("bram")
    office.login("bram", "bram-gelekt-en-nieuw").store.close()
    office.login("sanne", "sanne-nieuw-wachtwoord").store.close()


def test_a_rotation_waits_for_another_threads_session(office: Office, anna: ServiceContext) -> None:
    inside, reads = threading.Event(), []

    def reader() -> None:
        with anna.store.read_session() as session:
            inside.set()
            time.sleep(0.3)  # the rotation waits meanwhile
            reads.append(session.execute(select(func.count()).select_from(Account)).scalar())
        with anna.store.read_session() as session:  # after it: on the new engine
            reads.append(session.execute(select(func.count()).select_from(Account)).scalar())

    thread = threading.Thread(target=reader)
    thread.start()
    assert inside.wait(5)
    assert accounts.remove_account(anna, office.ids["sanne"]) is KeyRotation.DONE
    thread.join(10)
    assert reads == [4, 4]
    assert anna.store.verify().ok


def test_a_rotation_waits_while_the_database_is_open_elsewhere_and_the_next_login_does_it(
    office: Office, anna: ServiceContext
) -> None:
    petra = office.login("petra")  # another process, say: its own connections, old key
    try:
        old_key = anna.store._key
        assert accounts.remove_account(anna, office.ids["sanne"]) is KeyRotation.PENDING
        with pytest.raises(AuthenticationError):
            office.login("sanne")  # her slot is gone at once
        assert office.ring().generations() == {1, 2}
        assert petra.store.verify().ok  # the other one is not disturbed
        assert anna.store._key == old_key and anna.store.verify().ok
    finally:
        petra.store.close()
    anna.store.close()
    bram = office.login("bram")  # nothing else open: this login re-encrypts
    try:
        assert bram.store.generation == 2 and bram.store._key != old_key
        assert bram.store.verify().ok
    finally:
        bram.store.close()
    assert office.ring().generations() == {2}
    with pytest.raises(StoreDamagedError):
        Store._open_with_key(office.data_dir, old_key, office.ring())


def test_a_public_key_slipped_into_the_key_file_gets_no_new_key(
    office: Office, anna: ServiceContext
) -> None:
    """Someone who can write keyslots.json but holds no database key swaps petra's public
    key for their own: the rotation does not wrap the new key to it (its tag fails)."""
    ring = anna.store.keyring_now()
    petra_slot = ring.find(ring.unlock("petra", PASSWORDS["petra"])[0])
    assert isinstance(petra_slot, PersonSlot)
    intruder = keywrap.new_private_key()
    forged = PersonSlot(
        petra_slot.id, keywrap.public_bytes(intruder), petra_slot.private_key, petra_slot.keys
    )
    write_keyring(keyring_path(office.data_dir), ring.with_slot(forged))
    accounts.remove_account(anna, office.ids["sanne"])
    after = office.ring().find(petra_slot.id)
    assert isinstance(after, PersonSlot) and after.keys == {}
    assert accounts.key_statuses(anna)[office.ids["petra"]] is KeyStatus.NEEDS_PASSWORD


# ---- format 1: password slots ---------------------------------------------------------------
def _to_format_1(office: Office, key: bytes, raw_forms: dict[str, str] | None = None) -> None:
    """Rewrite keyslots.json as the app wrote it before key pairs: one password slot per
    person, the database key wrapped directly (``raw_forms``: passwords not NFC-normalised)."""
    ring = office.ring()
    base = KeyRing(ring.store_id, ring.store_salt, ring.kdf)
    slots = []
    for name, password in PASSWORDS.items():
        if raw_forms and name in raw_forms:
            kek = keywrap.password_key(raw_forms[name], base._salt(name), base.kdf)
            slot = base.password_slot(kek, key, 1)
        else:
            slot = base.make_slot(name, password, key)
        slots.append(slot)
    data = {
        "format": FORMAT,
        "format_version": 1,
        "store_id": ring.store_id,
        "store_salt": base64.b64encode(ring.store_salt).decode(),
        "kdf": ring.kdf,
        "slots": [
            {
                "id": s.id,
                "nonce": base64.b64encode(s.nonce).decode(),
                "wrapped_key": base64.b64encode(s.wrapped_key).decode(),
            }
            for s in slots
        ],
    }
    keyring_path(office.data_dir).write_text(json.dumps(data, indent=1))


def test_a_format_1_key_file_keeps_opening_and_each_login_upgrades_that_slot(
    office: Office,
) -> None:
    ctx = office.login("anna")
    key = ctx.store._key
    ctx.store.close()
    _to_format_1(office, key)
    assert json.loads(keyring_path(office.data_dir).read_text())["format_version"] == 1

    ctx = office.login("sanne")  # opens, and sanne's slot becomes a key pair
    assert ctx.store._key == key and ctx.store.verify().ok
    ctx.store.close()
    ring = office.ring()
    kinds = {s.id: type(s) for s in ring.slots}
    sanne_id = ring.unlock("sanne", PASSWORDS["sanne"])[0]
    assert kinds.pop(sanne_id) is PersonSlot  # same slot id: the account row is unchanged
    assert set(kinds.values()) == {KeySlot}
    assert json.loads(keyring_path(office.data_dir).read_text())["format_version"] == 2
    office.login("sanne").store.close()

    anna = office.login("anna")
    try:
        statuses = accounts.key_statuses(anna)
        assert statuses[office.ids["sanne"]] is KeyStatus.OK
        assert statuses[office.ids["anna"]] is KeyStatus.OK  # just upgraded
        assert statuses[office.ids["bram"]] is KeyStatus.OLD_SLOT
        assert statuses[office.ids["petra"]] is KeyStatus.OLD_SLOT
    finally:
        anna.store.close()


def test_a_rotation_cannot_include_format_1_slots_they_need_a_new_password(
    office: Office,
) -> None:
    ctx = office.login("anna")
    key = ctx.store._key
    ctx.store.close()
    _to_format_1(office, key)
    office.login("petra").store.close()  # petra logs in once: upgraded
    anna = office.login("anna")
    try:
        assert accounts.remove_account(anna, office.ids["sanne"]) is KeyRotation.DONE
        statuses = accounts.key_statuses(anna)
        assert statuses[office.ids["petra"]] is KeyStatus.OK
        assert statuses[office.ids["bram"]] is KeyStatus.NEEDS_PASSWORD
        assert not any(isinstance(s, KeySlot) for s in office.ring().slots)
        office.login("petra").store.close()
        with pytest.raises(AccessWithdrawnError, match="nieuw wachtwoord"):
            office.login("bram")
        # The beheerder sets a new password: bram is back, with a key pair.
        accounts.reset_password(anna, office.ids["bram"], "bram-weer-binnen-1")
        assert accounts.key_statuses(anna)[office.ids["bram"]] is KeyStatus.OK
    finally:
        anna.store.close()
    office.login("bram", "bram-weer-binnen-1").store.close()


# ---- NFC ------------------------------------------------------------------------------------
def test_a_slot_made_from_a_non_nfc_password_opens_and_is_remade_from_the_nfc_form(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    nfd = unicodedata.normalize("NFD", "crème-brûlée-één")
    nfc = unicodedata.normalize("NFC", nfd)
    assert nfd != nfc
    ctx = office.login("anna")
    key = ctx.store._key
    ctx.store.close()
    _to_format_1(office, key, raw_forms={"bram": nfd})  # before normalisation existed
    ring = office.ring()
    others = {ring.unlock(n, p)[0] for n, p in PASSWORDS.items() if n != "bram"}
    raw_slot = next(s.id for s in ring.slots if s.id not in others)
    anna = office.login("anna")
    with anna.store.session() as session:
        row = session.get(Account, office.ids["bram"])
        assert row is not None
        row.slot_id = raw_slot
    anna.store.close()

    bram = office.login("bram", nfd)  # NFC finds nothing; the form as typed opens it
    bram.store.close()
    ring = office.ring()
    assert ring.find(raw_slot) is None  # re-made from the NFC form: a new slot id
    # From now on one derivation opens it, whichever form is typed.
    calls: list[str] = []
    real = keywrap.password_key

    def counting(password: str, salt: bytes, kdf: object) -> bytes:
        calls.append(password)
        return real(password, salt, kdf)  # type: ignore[arg-type]

    monkeypatch.setattr("veilig_huisbezoek.storage.keyslots.password_key", counting)
    for typed in (nfc, nfd):
        calls.clear()
        office.login("bram", typed).store.close()
        assert calls == [nfc]


_RING = KeyRing.new(dict(CHEAP_KDF))
_KEY = b"k" * 32


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        # Letters with and without precomposed accents, lone combining marks, the
        # Ångström sign (NFC: Å), and anything else UTF-8 can carry.
        alphabet=st.one_of(
            st.sampled_from([*"aeAE é\u00e9\u00c5\u212b\u1e9b", "\u0301", "\u030a", "\u0308"]),
            st.characters(codec="utf-8"),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_nfc_and_nfd_forms_of_a_password_unlock_the_same_slot(password: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", password), unicodedata.normalize("NFD", password)
    person = _RING.make_person("anna", nfd, {1: _KEY})
    ring = _RING.with_slot(person)
    assert ring.unlock("anna", nfc) == (person.id, _KEY)
    assert ring.unlock("anna", nfd) == (person.id, _KEY)
    assert ring.unlock("anna", password) == (person.id, _KEY)
    slot = _RING.make_slot("anna", nfc, _KEY)  # a team server's password slot
    assert _RING.with_slot(slot).unlock("anna", nfd) == (slot.id, _KEY)
