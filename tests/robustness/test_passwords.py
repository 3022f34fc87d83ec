"""Passwords, the parts not already covered elsewhere.

Already covered: the throttle's delays and the CLI's slowdown (tests/cli/test_cli_throttle),
the minimum-strength rule and its Dutch messages (tests/unit/test_account_rules,
tests/storage/test_store: ``minimaal 10 tekens``), changing a password and removing an
account (tests/storage/test_store), the key rotation itself (tests/storage/
test_key_rotation). Added here: the login *screen* slows down too; a beheerder's reset
(after a leak) replaces that person's slot and the database key (everyone else keeps
their key pair and gets the new key; the old key no longer opens the file); a removed
account's slot is gone from the file and from every later backup.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.robustness.helpers import (
    MEDEWERKER,
    MEDEWERKER_PASSWORD,
    PASSWORD,
    USER,
    CheapStore,
)
from veilig_huisbezoek.domain.errors import ValidationError, ValidationErrors
from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.gui.login import LoginView
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.accounts import NewAccount
from veilig_huisbezoek.services.backups import make_backup
from veilig_huisbezoek.services.settings import load_settings, save_settings
from veilig_huisbezoek.services.throttle import LoginThrottle
from veilig_huisbezoek.storage.errors import AuthenticationError, StoreDamagedError
from veilig_huisbezoek.storage.keyslots import KeyRing
from veilig_huisbezoek.storage.store import KeyRotation, Store, keyring_path


def _slots(data_dir: Path) -> dict[str, dict[str, str]]:
    data = json.loads(keyring_path(data_dir).read_text())
    return {slot["id"]: slot for slot in data["slots"]}


@pytest.mark.gui
def test_the_login_screen_slows_down_after_three_failures(
    qtbot: QtBot, cheap_store: CheapStore, tmp_path: Path
) -> None:
    sleeps: list[float] = []
    tasks = TaskRunner()
    view = LoginView(cheap_store.data_dir, accounts.log_in, tasks)
    view._throttle = LoginThrottle(cheap_store.data_dir, folder=tmp_path, sleep=sleeps.append)
    qtbot.addWidget(view)
    view.show()
    opened = []
    view.logged_in.connect(opened.append)

    def attempt(password: str) -> None:
        view.user_edit.clear()
        qtbot.keyClicks(view.user_edit, USER)
        qtbot.keyClicks(view.password_edit, password)
        qtbot.mouseClick(view.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)

    try:
        for _ in range(3):
            attempt("fout-wachtwoord-1")
            assert view.error_label.text() == "Onjuiste gebruikersnaam of wachtwoord"
        assert sleeps == []
        attempt("fout-wachtwoord-1")
        attempt("fout-wachtwoord-1")
        assert sleeps == [1.0, 2.0]
        attempt(PASSWORD)  # waits once more, then succeeds and resets
        assert sleeps == [1.0, 2.0, 4.0] and len(opened) == 1
        attempt("fout-wachtwoord-1")
        assert sleeps == [1.0, 2.0, 4.0]
    finally:
        tasks.shutdown()
        for ctx in opened:
            ctx.store.close()


def test_a_weak_password_is_refused_with_help_in_dutch_for_a_reset_too(
    cheap_store: CheapStore,
) -> None:
    ctx = accounts.log_in(cheap_store.data_dir, USER, PASSWORD)
    try:
        sanne = accounts.find_account_id(ctx, MEDEWERKER)
        before = keyring_path(cheap_store.data_dir).read_bytes()
        for weak, hint in (
            ("kort", "minimaal 10 tekens"),
            ("aaaaaaaaaaaa", "meer verschillende tekens"),
            (" met-spatie-aan-begin", "geen spaties aan begin of eind"),
        ):
            with pytest.raises(ValidationError, match=hint) as caught:
                accounts.reset_password(ctx, sanne, weak)
            assert caught.value.field == "Nieuw wachtwoord"
        assert keyring_path(cheap_store.data_dir).read_bytes() == before
    finally:
        ctx.store.close()


def test_guessable_passwords_are_refused_wherever_a_password_is_set(
    cheap_store: CheapStore,
) -> None:
    """Common words, the person's own names and the municipality, for every way in."""
    ctx = accounts.log_in(cheap_store.data_dir, USER, PASSWORD)
    try:
        save_settings(ctx, replace(load_settings(ctx), municipality_name="Zevenhuizen"))
        sanne = accounts.find_account_id(ctx, MEDEWERKER)
        before = keyring_path(cheap_store.data_dir).read_bytes()
        for attempt, hint in (
            (lambda: accounts.reset_password(ctx, sanne, "welkom1234"), "veelgebruikt"),
            (lambda: accounts.reset_password(ctx, sanne, "Visser-2024!"), "eigen naam"),
            (lambda: accounts.reset_password(ctx, sanne, "Zevenhuizen-2025"), "gemeente"),
            (lambda: accounts.change_password(ctx, PASSWORD, "qwertyuiop"), "rij toetsen"),
            (lambda: accounts.change_password(ctx, PASSWORD, "Anna-de-Vries1"), "eigen naam"),
        ):
            with pytest.raises(ValidationError, match=hint) as caught:
                attempt()
            assert caught.value.field == "Nieuw wachtwoord"
        for new, hint in (
            ("wachtwoord1", "veelgebruikt"),
            ("Kees-Later-2024", "eigen naam"),
            ("zevenhuizen!2025", "gemeente"),
        ):
            new_account = NewAccount("kees", new, "Kees", "Later", frozenset({Role.MEDEWERKER}))
            with pytest.raises(ValidationErrors, match=hint):
                accounts.add_account(ctx, new_account)
        assert keyring_path(cheap_store.data_dir).read_bytes() == before
        assert "kees" not in {a.username for a in accounts.list_accounts(ctx)}
        # A person's name is only refused for that person.
        accounts.reset_password(ctx, sanne, "Anna-de-Vries1")
    finally:
        ctx.store.close()


def test_a_reset_replaces_that_persons_slot_and_the_database_key(cheap_store: CheapStore) -> None:
    data_dir = cheap_store.data_dir
    ring = KeyRing.from_json(keyring_path(data_dir).read_text())
    sanne_slot, key = ring.unlock(MEDEWERKER, MEDEWERKER_PASSWORD)
    anna_slot, _ = ring.unlock(USER, PASSWORD)
    slots_before = _slots(data_dir)

    ctx = accounts.log_in(data_dir, USER, PASSWORD)
    try:
        rotation = accounts.reset_password(
            ctx, accounts.find_account_id(ctx, MEDEWERKER), "nieuw-voor-sanne"
        )
    finally:
        ctx.store.close()
    assert rotation is KeyRotation.DONE

    slots_after = _slots(data_dir)
    assert len(slots_after) == len(slots_before)
    assert sanne_slot not in slots_after  # the old wrapping is gone
    # anna keeps her key pair (no password needed to give her the new key).
    for field in ("public_key", "nonce", "private_key"):
        assert slots_after[anna_slot][field] == slots_before[anna_slot][field]
    assert slots_after[anna_slot]["keys"] != slots_before[anna_slot]["keys"]
    new_ring = KeyRing.from_json(keyring_path(data_dir).read_text())
    new_slot, new_key = new_ring.unlock(MEDEWERKER, "nieuw-voor-sanne")
    assert new_key != key and new_slot != sanne_slot
    assert new_ring.unlock(USER, PASSWORD)[1] == new_key
    with pytest.raises(AuthenticationError):
        new_ring.unlock(MEDEWERKER, MEDEWERKER_PASSWORD)
    # The old slot, from the old key file, unwraps the old key: it no longer fits.
    with pytest.raises(StoreDamagedError):
        Store._open_with_key(data_dir, key, ring)
    accounts.log_in(data_dir, MEDEWERKER, "nieuw-voor-sanne").store.close()


def test_a_removed_account_is_gone_from_the_key_file_and_from_later_backups(
    cheap_store: CheapStore, tmp_path: Path
) -> None:
    data_dir = cheap_store.data_dir
    ring = KeyRing.from_json(keyring_path(data_dir).read_text())
    sanne_slot, _ = ring.unlock(MEDEWERKER, MEDEWERKER_PASSWORD)
    ctx = accounts.log_in(data_dir, USER, PASSWORD)
    try:
        accounts.remove_account(ctx, accounts.find_account_id(ctx, MEDEWERKER))
        backup = make_backup(ctx)
    finally:
        ctx.store.close()
    assert sanne_slot not in _slots(data_dir)
    with pytest.raises(AuthenticationError):
        accounts.log_in(data_dir, MEDEWERKER, MEDEWERKER_PASSWORD)
    # Nor through a backup made afterwards.
    with pytest.raises(AuthenticationError):
        Store.restore(backup.path, tmp_path / "hersteld", MEDEWERKER, MEDEWERKER_PASSWORD)
    assert not (tmp_path / "hersteld").exists()
    Store.restore(backup.path, tmp_path / "hersteld", USER, PASSWORD).close()
