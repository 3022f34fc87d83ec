"""The encrypted store: keys, migrations, wrong passwords, password changes, audit chain."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from tests.conftest import PASSWORDS, Team, file_snapshot
from veilig_huisbezoek.domain.errors import ValidationError
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.storage import audit
from veilig_huisbezoek.storage.engine import raw_key_literal
from veilig_huisbezoek.storage.errors import (
    AuthenticationError,
    NewerSchemaError,
    StoreDamagedError,
    StoreExistsError,
)
from veilig_huisbezoek.storage.keyslots import KeyRing
from veilig_huisbezoek.storage.migrate import head_revision
from veilig_huisbezoek.storage.models import Account, AuditEntry, Base
from veilig_huisbezoek.storage.store import Store, db_path, keyring_path


def test_fresh_store_is_migrated_to_head_and_matches_the_models(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "d")
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision()
        )
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    store.close()
    assert diffs == []


def test_database_file_is_not_plain_sqlite(team: Team) -> None:
    header = db_path(team.data_dir).read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_path(team.data_dir)).execute("SELECT * FROM sqlite_master").fetchall()


def test_database_and_keyslots_are_owner_only(team: Team) -> None:
    assert db_path(team.data_dir).stat().st_mode & 0o077 == 0
    assert keyring_path(team.data_dir).stat().st_mode & 0o077 == 0


def test_keyslot_file_holds_no_names(team: Team) -> None:
    raw = keyring_path(team.data_dir).read_text()
    for name in ("anna", "sanne", "bram", "petra", "Visser"):
        assert name not in raw
    assert len(json.loads(raw)["slots"]) == 4


def test_every_person_unlocks_with_their_own_password(team: Team) -> None:
    for name in PASSWORDS:
        ctx = team.login(name)
        assert ctx.actor.account_id == team.ids[name]
        ctx.store.close()


@pytest.mark.parametrize(
    ("user", "password"),
    [
        ("sanne", "bram-wachtwoord-3"),
        ("sanne", ""),
        ("niemand", "sanne-wachtwoord-2"),
        ("SANNE ", "sanne-wachtwoord-2x"),
    ],
)
def test_wrong_credentials_change_no_file(team: Team, user: str, password: str) -> None:
    before = file_snapshot(team.data_dir)
    with pytest.raises(AuthenticationError) as err:
        accounts.log_in(team.data_dir, user, password, team.clock)
    assert str(err.value) == "Onjuiste gebruikersnaam of wachtwoord"
    assert file_snapshot(team.data_dir) == before


def test_username_is_case_and_space_insensitive(team: Team) -> None:
    ctx = accounts.log_in(team.data_dir, "  Sanne ", PASSWORDS["sanne"], team.clock)
    assert ctx.actor.username == "sanne"
    ctx.store.close()


def test_create_refuses_a_folder_that_holds_a_store(team: Team) -> None:
    before = file_snapshot(team.data_dir)
    with pytest.raises(StoreExistsError):
        Store.create(team.data_dir)
    assert file_snapshot(team.data_dir) == before


def test_password_change_rewraps_the_same_key_without_reencrypting(team: Team) -> None:
    ctx = team.login("sanne")
    key_before = ctx.store._key
    salt_before = db_path(team.data_dir).read_bytes()[:16]
    accounts.change_password(ctx, PASSWORDS["sanne"], "een-nieuw-wachtwoord")
    ctx.store.close()
    with pytest.raises(AuthenticationError):
        accounts.log_in(team.data_dir, "sanne", PASSWORDS["sanne"], team.clock)
    ctx = accounts.log_in(team.data_dir, "sanne", "een-nieuw-wachtwoord", team.clock)
    assert ctx.store._key == key_before
    ctx.store.close()
    assert db_path(team.data_dir).read_bytes()[:16] == salt_before
    assert len(json.loads(keyring_path(team.data_dir).read_text())["slots"]) == 4


def test_password_change_needs_the_current_password(team: Team) -> None:
    ctx = team.login("sanne")
    with pytest.raises(ValidationError, match="Huidig wachtwoord"):
        accounts.change_password(ctx, "verkeerd-wachtwoord", "een-nieuw-wachtwoord")
    ctx.store.close()


def test_weak_new_password_is_refused_with_a_dutch_message(team: Team) -> None:
    ctx = team.login("sanne")
    with pytest.raises(ValidationError, match="minimaal 10 tekens"):
        accounts.change_password(ctx, PASSWORDS["sanne"], "kort")
    ctx.store.close()


def test_removed_account_can_no_longer_unlock(team: Team) -> None:
    ctx = team.login("anna")
    ring_before = KeyRing.from_json(keyring_path(team.data_dir).read_text())
    accounts.remove_account(ctx, team.ids["bram"])
    ctx.store.close()
    with pytest.raises(AuthenticationError):
        accounts.log_in(team.data_dir, "bram", PASSWORDS["bram"], team.clock)
    # Not even with the old slot: it is gone from the file.
    ring_after = KeyRing.from_json(keyring_path(team.data_dir).read_text())
    assert len(ring_after.slots) == len(ring_before.slots) - 1
    with pytest.raises(AuthenticationError):
        ring_after.unlock("bram", PASSWORDS["bram"])
    team.login("sanne").store.close()


def test_only_a_beheerder_manages_accounts(team: Team) -> None:
    ctx = team.login("petra")  # leidinggevende, not beheerder
    with pytest.raises(PermissionDenied):
        accounts.remove_account(ctx, team.ids["bram"])
    with pytest.raises(PermissionDenied):
        accounts.reset_password(ctx, team.ids["bram"], "een-nieuw-wachtwoord")
    ctx.store.close()


def test_beheerder_reset_gives_a_working_new_password(team: Team) -> None:
    ctx = team.login("anna")
    accounts.reset_password(ctx, team.ids["bram"], "vergeten-en-hersteld")
    ctx.store.close()
    with pytest.raises(AuthenticationError):
        accounts.log_in(team.data_dir, "bram", PASSWORDS["bram"], team.clock)
    accounts.log_in(team.data_dir, "bram", "vergeten-en-hersteld", team.clock).store.close()


def test_newer_schema_is_refused_and_left_alone(team: Team) -> None:
    ctx = team.login("anna")
    with ctx.store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    ctx.store.close()
    with pytest.raises(NewerSchemaError, match="nieuwere versie"):
        accounts.log_in(team.data_dir, "anna", PASSWORDS["anna"], team.clock)


def test_unencrypted_database_file_is_reported_as_damaged(team: Team) -> None:
    path = db_path(team.data_dir)
    path.unlink()
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    before = path.read_bytes()
    with pytest.raises(StoreDamagedError, match="beschadigd"):
        accounts.log_in(team.data_dir, "anna", PASSWORDS["anna"], team.clock)
    assert path.read_bytes() == before


def test_raw_key_really_is_the_database_key(team: Team) -> None:
    ctx = team.login("anna")
    key = ctx.store._key
    ctx.store.close()
    conn = sqlcipher3.connect(str(db_path(team.data_dir)))
    conn.execute(f'PRAGMA key = "{raw_key_literal(key)}"')
    assert conn.execute("SELECT count(*) FROM accounts").fetchone()[0] == 4
    conn.close()


# ---- audit log ------------------------------------------------------------------------


def test_audit_log_records_who_did_what(team: Team) -> None:
    ctx = team.login("anna")
    with ctx.store.session() as session:
        entries = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()
    ctx.store.close()
    actions = [e.action for e in entries]
    assert actions[0] == "account_created"
    assert actions.count("account_created") == 4
    assert actions[-1] == "logged_in"
    assert entries[-1].actor_id == team.ids["anna"]


def test_audit_log_is_append_only_in_the_database(team: Team) -> None:
    ctx = team.login("anna")
    with pytest.raises(StoreDamagedError), ctx.store.session() as session:
        session.execute(text("UPDATE audit_log SET action = 'x' WHERE id = 1"))
    with pytest.raises(StoreDamagedError), ctx.store.session() as session:
        session.execute(text("DELETE FROM audit_log WHERE id = 1"))
    assert ctx.store.verify().ok
    ctx.store.close()


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_log SET action = 'nothing_happened' WHERE id = 2",
        "UPDATE audit_log SET actor_id = 99 WHERE id = 3",
        "DELETE FROM audit_log WHERE id = 2",
        "UPDATE audit_log SET at = '2020-01-01 00:00:00' WHERE id = 1",
    ],
)
def test_audit_chain_detects_tampering(team: Team, tamper: str) -> None:
    ctx = team.login("anna")
    assert ctx.store.verify().ok
    with ctx.store.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_update"))
        conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        conn.execute(text(tamper))
    report = ctx.store.verify()
    ctx.store.close()
    assert not report.ok
    assert "auditlog" in report.verdict()


def test_audit_chain_report_counts_entries(team: Team) -> None:
    ctx = team.login("anna")
    with ctx.store.session() as session:
        count = session.execute(select(func.count(AuditEntry.id))).scalar_one()
        report = audit.verify_chain(session)
    ctx.store.close()
    assert report.ok and report.entries == count


def test_accounts_table_holds_no_password(team: Team) -> None:
    ctx = team.login("anna")
    with ctx.store.engine.connect() as conn:
        rows = conn.execute(select(Account.__table__)).fetchall()
    ctx.store.close()
    dump = repr(rows)
    for password in PASSWORDS.values():
        assert password not in dump
