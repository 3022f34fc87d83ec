"""Automatic encrypted backups: daily, keep 7, restore and log in (fake clock)."""

from __future__ import annotations

import errno
import hashlib
import stat
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORDS, Team, file_snapshot
from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.services import accounts, backups
from veilig_huisbezoek.services.accounts import NewAccount
from veilig_huisbezoek.services.backups import (
    backup_file_name,
    backup_if_due,
    latest_backup,
    list_backups,
    make_backup,
    prune_backups,
    restore_from_backup,
)
from veilig_huisbezoek.storage import backup_file
from veilig_huisbezoek.storage import store as store_module
from veilig_huisbezoek.storage.errors import (
    AuthenticationError,
    DiskFullError,
    StoreDamagedError,
)
from veilig_huisbezoek.storage.models import Account, AuditEntry
from veilig_huisbezoek.storage.store import BACKUPS_DIR, DB_FILE, KEYRING_FILE, db_path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Logged:
    object_id: str
    actor_id: int | None
    detail: str


def _audit_actions(team: Team, action: str) -> list[Logged]:
    ctx = team.login("anna")
    try:
        with ctx.store.read_session() as session:
            rows = session.execute(
                select(AuditEntry.object_id, AuditEntry.actor_id, AuditEntry.detail)
                .where(AuditEntry.action == action)
                .order_by(AuditEntry.id)
            )
            return [Logged(*row) for row in rows]
    finally:
        ctx.store.close()


@pytest.mark.usefixtures("umask_022")
def test_first_backup_at_once_then_one_a_day(team: Team) -> None:
    ctx = team.login("sanne")  # any role: a system task
    try:
        first = backup_if_due(ctx)
        assert first is not None
        assert first.name == backup_file_name(team.clock.now())
        assert first.name == "veilig-huisbezoek-20261123-080000.vhbackup"
        assert first.created_at == team.clock.now()
        folder = team.data_dir / BACKUPS_DIR
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(first.path.stat().st_mode) == 0o600
        assert first.size == first.path.stat().st_size > 0

        team.clock.advance(timedelta(hours=23, minutes=59))
        assert backup_if_due(ctx) is None
        team.clock.advance(timedelta(minutes=1))
        second = backup_if_due(ctx)
        assert second is not None and second.created_at == datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
        assert [b.name for b in list_backups(team.data_dir)] == [second.name, first.name]
        assert latest_backup(team.data_dir) == second
    finally:
        ctx.store.close()
    made = _audit_actions(team, "backup_made")
    assert [e.object_id for e in made] == [first.name, second.name]


def test_seven_days_are_kept_and_older_ones_deleted(team: Team) -> None:
    ctx = team.login("anna")
    stray = team.data_dir / BACKUPS_DIR / "met-de-hand-gemaakt.vhbackup"
    try:
        made = []
        for day in range(10):
            info = backup_if_due(ctx)
            assert info is not None, f"day {day}"
            made.append(info.name)
            if day == 0:
                stray.write_bytes(b"kopie van de beheerder")
            team.clock.advance(timedelta(days=1))
    finally:
        ctx.store.close()
    kept = [b.name for b in list_backups(team.data_dir)]
    assert kept == list(reversed(made[-7:]))
    assert sorted(p.name for p in (team.data_dir / BACKUPS_DIR).iterdir()) == sorted(
        [*kept, stray.name]
    ), "a file not named like an automatic backup is never deleted"
    deleted = _audit_actions(team, "backup_deleted")
    assert [e.object_id for e in deleted] == made[:3]
    assert all(e.detail == "bewaartermijn" for e in deleted)


def test_prune_keeps_the_newest_and_refuses_keeping_none(team: Team) -> None:
    folder = team.data_dir / BACKUPS_DIR
    folder.mkdir()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(5):
        (folder / backup_file_name(start + timedelta(days=i))).write_bytes(b"x")
    removed = prune_backups(team.data_dir, keep=2)
    assert [r.created_at.day for r in removed] == [3, 2, 1]
    assert [b.created_at.day for b in list_backups(team.data_dir)] == [5, 4]
    with pytest.raises(ValueError):
        prune_backups(team.data_dir, keep=0)


def test_a_backup_dated_in_the_future_does_not_stop_new_ones(team: Team) -> None:
    """After the clock was wrong (a year ahead), backups do not stop for a year."""
    ctx = team.login("anna")
    try:
        future = make_backup(ctx, team.clock.now() + timedelta(days=365))
        assert backup_if_due(ctx) is not None
        assert backup_if_due(ctx) is None  # not a new one on every call
        for _ in range(6):
            team.clock.advance(timedelta(days=1))
            assert backup_if_due(ctx) is not None
    finally:
        ctx.store.close()
    # The wrongly dated one went first; the seven real days are kept.
    kept = list_backups(team.data_dir)
    assert future.path not in [b.path for b in kept]
    assert len(kept) == 7
    assert kept[0].created_at == team.clock.now()


def test_interval_and_number_kept_come_from_the_settings(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    from veilig_huisbezoek.domain.settings import Settings

    monkeypatch.setattr(
        backups, "load_settings", lambda ctx: Settings(backup_interval_hours=6, backup_keep=2)
    )
    ctx = team.login("anna")
    try:
        for _ in range(4):
            assert backup_if_due(ctx) is not None
            team.clock.advance(timedelta(hours=5))
            assert backup_if_due(ctx) is None
            team.clock.advance(timedelta(hours=1))
    finally:
        ctx.store.close()
    assert len(list_backups(team.data_dir)) == 2


def test_restore_a_backup_into_an_empty_folder_and_log_in(team: Team, tmp_path: Path) -> None:
    ctx = team.login("anna")
    try:
        info = backup_if_due(ctx)
        assert info is not None
        # Changes after the backup are not in it.
        accounts.add_account(
            ctx,
            NewAccount("kees", "kees-wachtwoord-5", "Kees", "Later", frozenset({Role.MEDEWERKER})),
        )
    finally:
        ctx.store.close()
    target = tmp_path / "hersteld"
    store_module.Store.restore(info.path, target, "sanne", PASSWORDS["sanne"]).close()
    restored = accounts.log_in(target, "bram", PASSWORDS["bram"], team.clock)
    try:
        assert restored.store.verify().ok
        with restored.store.read_session() as session:
            names = set(session.execute(select(Account.username)).scalars())
        assert names == {"anna", "sanne", "bram", "petra"}
    finally:
        restored.store.close()


def _damage(data_dir: Path) -> None:
    path = db_path(data_dir)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x5A
    path.write_bytes(bytes(data))


def test_restore_over_a_damaged_store_moves_the_damaged_files_aside(team: Team) -> None:
    ctx = team.login("anna")
    try:
        info = backup_if_due(ctx)
        assert info is not None
    finally:
        ctx.store.close()
    _damage(team.data_dir)
    damaged_db = _sha(db_path(team.data_dir))
    damaged_ring = _sha(team.data_dir / KEYRING_FILE)
    with pytest.raises(StoreDamagedError):
        team.login("sanne")

    team.clock.advance(timedelta(hours=1))  # 09:00 UTC is 10:00 in Amsterdam
    result = restore_from_backup(team.data_dir, info, "sanne", PASSWORDS["sanne"], team.clock)
    assert result.set_aside == team.data_dir / "beschadigd-20261123-100000"
    assert _sha(result.set_aside / DB_FILE) == damaged_db
    assert _sha(result.set_aside / KEYRING_FILE) == damaged_ring
    assert stat.S_IMODE(result.set_aside.stat().st_mode) == 0o700

    ctx = team.login("sanne")
    try:
        assert ctx.store.verify().ok
    finally:
        ctx.store.close()
    restored = _audit_actions(team, "backup_restored")
    assert [(e.object_id, e.actor_id) for e in restored] == [(info.name, team.ids["sanne"])]
    assert restored[0].detail == "beschadigde bestanden in beschadigd-20261123-100000"

    # A second damage and restore in the same second gets its own folder.
    _damage(team.data_dir)
    again = restore_from_backup(team.data_dir, info, "anna", PASSWORDS["anna"], team.clock)
    assert again.set_aside == team.data_dir / "beschadigd-20261123-100000-2"
    assert (team.data_dir / "beschadigd-20261123-100000" / DB_FILE).exists()


def test_restore_with_a_wrong_password_moves_nothing(team: Team) -> None:
    ctx = team.login("anna")
    try:
        info = backup_if_due(ctx)
        assert info is not None
    finally:
        ctx.store.close()
    _damage(team.data_dir)
    before = file_snapshot(team.data_dir)
    with pytest.raises(AuthenticationError):
        restore_from_backup(team.data_dir, info, "sanne", "niet-het-wachtwoord", team.clock)
    assert file_snapshot(team.data_dir) == before


def test_a_damaged_backup_is_refused_and_the_store_left_alone(team: Team) -> None:
    ctx = team.login("anna")
    try:
        info = backup_if_due(ctx)
        assert info is not None
    finally:
        ctx.store.close()
    info.path.write_bytes(info.path.read_bytes()[:-5000])
    _damage(team.data_dir)
    before = file_snapshot(team.data_dir)
    with pytest.raises(StoreDamagedError, match="back-up"):
        restore_from_backup(team.data_dir, info, "anna", PASSWORDS["anna"], team.clock)
    assert file_snapshot(team.data_dir) == before


def test_a_full_disk_keeps_the_older_backups_and_leaves_nothing_half_written(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = team.login("anna")
    try:
        first = backup_if_due(ctx)
        assert first is not None
        team.clock.advance(timedelta(days=1))

        def no_space(path: Path, data: bytes) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(backup_file, "write_atomically", no_space)
        with pytest.raises(DiskFullError, match="schijf is vol"):
            backup_if_due(ctx)
    finally:
        ctx.store.close()
    assert [p.name for p in (team.data_dir / BACKUPS_DIR).iterdir()] == [first.name]


@pytest.mark.usefixtures("umask_022")
def test_a_backup_written_anywhere_is_owner_only(team: Team, tmp_path: Path) -> None:
    """Store.backup (the CLI's and the app's): 0600 even where the folder is not private."""
    ctx = team.login("anna")
    try:
        target = tmp_path / "usb" / "kopie.vhbackup"
        ctx.store.backup(target)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        target.chmod(0o644)  # overwritten: the new file is owner-only again
        ctx.store.backup(target)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert sorted(p.name for p in target.parent.iterdir()) == ["kopie.vhbackup"]
    finally:
        ctx.store.close()
