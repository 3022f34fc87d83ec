"""`admin backup` and `admin restore`: consistent, encrypted, and careful with folders."""

from __future__ import annotations

import json
import random
import stat
import threading
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from veilig_huisbezoek.storage.models import (
    Account,
    AuditEntry,
    Callback,
    Setting,
    UnsafeAddressNote,
    Visit,
    VisitEvent,
)
from veilig_huisbezoek.storage.store import DB_FILE, KEYRING_FILE

if TYPE_CHECKING:
    from .conftest import AdminCli, Result

COUNTED = (Account, Visit, UnsafeAddressNote, Callback, VisitEvent)


def _counts(cli: AdminCli, data_dir: Path) -> dict[str, int]:
    ctx = cli.log_in(data_dir)
    try:
        return {model.__name__: ctx.store.count(model) for model in COUNTED}
    finally:
        ctx.store.close()


def _backup(cli: AdminCli, data_dir: Path, output: Path, *extra: str) -> Result:
    return cli.as_anna("backup", data_dir, "--output", output, *extra)


def _restore(cli: AdminCli, backup: Path, target: Path, user: str, password: str) -> Result:
    return cli.run(
        "restore", "--data-dir", target, "--user", user, "--input", backup, stdin=[password]
    )


def test_backup_while_the_app_is_open_restores_as_another_user(
    cli: AdminCli, seeded: Path, tmp_path: Path
) -> None:
    expected = _counts(cli, seeded)
    backup = tmp_path / "backups" / "vh.zip"

    # A second unlocked Store instance (the running app) inside an open read transaction.
    app = cli.log_in(seeded, "tom", cli.demo_password("tom"))
    try:
        with app.store.read_session() as session:
            assert session.scalar(select(Visit.id).limit(1)) is not None
            result = _backup(cli, seeded, backup)
    finally:
        app.store.close()
    assert (result.code, result.err) == (0, "")
    assert result.out.strip() == f"Versleutelde back-up geschreven naar {backup}."
    assert not [p for p in backup.parent.iterdir() if p != backup]  # no temp files left

    ctx = cli.log_in(seeded)
    try:
        with ctx.store.session() as session:
            last = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    finally:
        ctx.store.close()
    assert "backup_made" in last

    target = tmp_path / "hersteld" / "data"
    restored = _restore(cli, backup, target, "sanne", cli.demo_password("sanne"))
    assert (restored.code, restored.err) == (0, "")
    assert restored.out.startswith(f"Back-up hersteld in {target}. Database gezond")
    assert sorted(p.name for p in target.iterdir()) == sorted([DB_FILE, KEYRING_FILE])
    assert (target / DB_FILE).stat().st_mode & 0o077 == 0
    assert target.stat().st_mode & 0o077 == 0

    assert cli.as_anna("verify", target).code == 0
    assert _counts(cli, target) == expected


def test_backup_waits_for_a_write_in_progress_and_includes_it(
    cli: AdminCli, seeded: Path, tmp_path: Path
) -> None:
    writer = cli.log_in(seeded, "tom", cli.demo_password("tom"))
    holding = threading.Event()
    failures: list[BaseException] = []

    def write_slowly() -> None:
        try:
            with writer.store.session() as session:
                session.add(Setting(key="cli-test", value={"geschreven": True}))
                session.flush()  # takes the write lock
                holding.set()
                threading.Event().wait(1.0)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)
            holding.set()

    thread = threading.Thread(target=write_slowly)
    thread.start()
    try:
        assert holding.wait(10)
        result = _backup(cli, seeded, tmp_path / "vh.zip")
    finally:
        thread.join(30)
        writer.store.close()
    assert failures == []
    assert (result.code, result.err) == (0, "")

    target = tmp_path / "hersteld"
    assert _restore(cli, tmp_path / "vh.zip", target, cli.user, cli.password).code == 0
    ctx = cli.log_in(target)
    try:
        with ctx.store.session() as session:
            assert session.get(Setting, "cli-test").value == {"geschreven": True}
    finally:
        ctx.store.close()


def test_the_backup_file_holds_no_personal_data_in_plaintext(
    cli: AdminCli, seeded: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "vh.zip"
    assert _backup(cli, seeded, backup).code == 0
    with zipfile.ZipFile(backup) as zf:
        assert sorted(zf.namelist()) == [
            "audit-head.json",
            "database.sqlcipher",
            "format.txt",
            "keyslots.json",
        ]
        assert not zf.read("database.sqlcipher").startswith(b"SQLite format 3")
        # The audit anchor: the format, an id and a hash, nothing else.
        anchor = json.loads(zf.read("audit-head.json"))
        assert sorted(anchor) == ["format", "hash", "id"]
        assert isinstance(anchor["id"], int) and len(anchor["hash"]) == 64
    assert cli.find_personal_strings(backup.read_bytes()) == []
    assert b"sanne" not in backup.read_bytes().lower()


@pytest.mark.usefixtures("umask_022")
def test_backup_does_not_overwrite_without_force(
    cli: AdminCli, initialised: Path, tmp_path: Path
) -> None:
    existing = tmp_path / "vh.zip"
    existing.write_bytes(b"een eerdere back-up")
    result = _backup(cli, initialised, existing)
    assert result.code == 1
    assert "bestaat al" in result.err and "--force" in result.err
    assert existing.read_bytes() == b"een eerdere back-up"

    forced = _backup(cli, initialised, existing, "--force")
    assert forced.code == 0
    assert zipfile.is_zipfile(existing)
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600  # was 0644: now owner-only


def test_only_a_beheerder_may_make_a_backup(cli: AdminCli, seeded: Path, tmp_path: Path) -> None:
    output = tmp_path / "vh.zip"
    result = cli.run(
        "backup",
        "--data-dir",
        seeded,
        "--user",
        "petra",
        "--output",
        output,
        stdin=[cli.demo_password("petra")],
    )
    assert result.code == 1
    assert result.err.startswith("Geen toestemming")
    assert not output.exists()


@pytest.fixture
def backup_of_initialised(cli: AdminCli, initialised: Path, tmp_path: Path) -> Path:
    backup = tmp_path / "vh.zip"
    assert _backup(cli, initialised, backup).code == 0
    return backup


@pytest.mark.parametrize("target_kind", ["stray-file", "existing-store"])
def test_restore_into_a_non_empty_folder_changes_nothing(
    cli: AdminCli, backup_of_initialised: Path, seeded: Path, tmp_path: Path, target_kind: str
) -> None:
    if target_kind == "stray-file":
        target = tmp_path / "doel"
        target.mkdir()
        (target / "notitie.txt").write_text("niet weggooien")
    else:
        target = seeded
    before = cli.snapshot(target)
    result = _restore(cli, backup_of_initialised, target, cli.user, cli.password)
    assert result.code == 1
    assert "is niet leeg" in result.err
    assert cli.snapshot(target) == before


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


NOT_BACKUPS = [
    "random-bytes",
    "text-file",
    "empty-file",
    "zip-without-marker",
    "wrong-marker",
    "garbage-database",
]


@pytest.mark.parametrize("kind", NOT_BACKUPS)
def test_restore_of_something_that_is_not_a_backup(
    cli: AdminCli, backup_of_initialised: Path, tmp_path: Path, kind: str
) -> None:
    with zipfile.ZipFile(backup_of_initialised) as zf:
        real = {name: zf.read(name) for name in zf.namelist()}
    fake = tmp_path / "geen-backup.zip"
    if kind == "random-bytes":
        fake.write_bytes(random.Random(3).randbytes(50_000))
    elif kind == "text-file":
        fake.write_text("Dit is een boodschappenlijst, geen back-up.\n")
    elif kind == "empty-file":
        fake.write_bytes(b"")
    elif kind == "zip-without-marker":
        _zip(fake, {k: v for k, v in real.items() if k != "format.txt"})
    elif kind == "wrong-marker":
        _zip(fake, {**real, "format.txt": b"iets anders 1\n"})
    else:
        _zip(fake, {**real, "database.sqlcipher": random.Random(4).randbytes(64 * 1024)})

    target = tmp_path / "doel"
    result = _restore(cli, fake, target, cli.user, cli.password)
    assert result.code == 1, result
    assert "Traceback" not in result.err
    # Either "geen back-up van Veilig Huisbezoek" or, for a damaged database inside a
    # well-formed backup, the general "De database is beschadigd …" message.
    assert "geen back-up van Veilig Huisbezoek" in result.err or (
        kind == "garbage-database" and "beschadigd" in result.err
    ), result.err
    assert not target.exists()


def test_restore_of_a_missing_file(cli: AdminCli, tmp_path: Path) -> None:
    result = _restore(cli, tmp_path / "bestaat-niet.zip", tmp_path / "doel", "anna", "x" * 12)
    assert result.code == 1
    assert "Back-upbestand niet gevonden" in result.err
    assert not (tmp_path / "doel").exists()


@pytest.mark.parametrize("target_exists", [False, True], ids=["new-folder", "empty-folder"])
@pytest.mark.parametrize(
    ("user", "password"), [("anna", "verkeerd-wachtwoord"), ("bert", "correct-paard-batterij")]
)
def test_restore_with_wrong_credentials_writes_nothing(
    cli: AdminCli,
    backup_of_initialised: Path,
    tmp_path: Path,
    target_exists: bool,
    user: str,
    password: str,
) -> None:
    target = tmp_path / "doel"
    if target_exists:
        target.mkdir()
    result = _restore(cli, backup_of_initialised, target, user, password)
    assert result.code == 2
    assert result.err.strip() == "Onjuiste gebruikersnaam of wachtwoord"
    if target_exists:
        assert list(target.iterdir()) == []
    else:
        assert not target.exists()


def test_backup_from_a_long_open_store_includes_accounts_added_meanwhile(
    cli: AdminCli, initialised: Path, tmp_path: Path
) -> None:
    app = cli.log_in(initialised)  # e.g. the GUI, open all day
    try:
        added = cli.run(
            "add-user",
            "--data-dir",
            initialised,
            "--user",
            "anna",
            "--new-user",
            "bert",
            "--role",
            "beheerder",
            stdin=[cli.password, "bert-zijn-wachtwoord"],
        )
        assert added.code == 0
        app.store.backup(tmp_path / "vh.zip")
    finally:
        app.store.close()
    result = _restore(cli, tmp_path / "vh.zip", tmp_path / "doel", "bert", "bert-zijn-wachtwoord")
    assert result.code == 0, result.err
