"""`admin init`: a new store with the first account, and refusing to touch an existing one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.storage.models import Account, AuditEntry
from veilig_huisbezoek.storage.store import DB_FILE, KEYRING_FILE

if TYPE_CHECKING:
    from .conftest import AdminCli


def test_init_creates_an_encrypted_store_with_the_first_account(
    cli: AdminCli, tmp_path: Path
) -> None:
    data_dir = tmp_path / "nieuw"
    result = cli.run(
        "init",
        "--data-dir",
        data_dir,
        "--user",
        "anna",
        "--first-name",
        "Anna",
        "--last-name",
        "de Vries",
        stdin=[cli.password],
    )
    assert (result.code, result.err) == (0, "")
    assert "Database aangemaakt" in result.out
    assert (data_dir / KEYRING_FILE).is_file()
    assert (data_dir / DB_FILE).is_file()
    assert not (data_dir / DB_FILE).read_bytes().startswith(b"SQLite format 3")
    for name in (KEYRING_FILE, DB_FILE):
        assert (data_dir / name).stat().st_mode & 0o077 == 0, name

    ctx = cli.log_in(data_dir)
    try:
        assert ctx.actor.roles == {Role.BEHEERDER, Role.LEIDINGGEVENDE}
        assert (ctx.actor.first_name, ctx.actor.last_name) == ("Anna", "de Vries")
        assert ctx.store.count(Account) == 1
        assert ctx.store.verify().ok
    finally:
        ctx.store.close()


@pytest.mark.parametrize(
    ("user", "password"),
    [("anna", "correct-paard-batterij"), ("bert", "ander-sterk-wachtwoord")],
    ids=["same-user", "other-user"],
)
def test_init_on_an_existing_store_changes_nothing(
    cli: AdminCli, initialised: Path, user: str, password: str
) -> None:
    before = cli.snapshot(initialised)
    result = cli.run("init", "--data-dir", initialised, "--user", user, stdin=[password])
    assert result.code == 1
    assert "staat al een database" in result.err
    assert "er is niets veranderd" in result.err
    assert "Traceback" not in result.err
    assert cli.snapshot(initialised) == before


def test_init_refuses_a_folder_with_only_the_key_file(cli: AdminCli, initialised: Path) -> None:
    (initialised / DB_FILE).unlink()
    before = cli.snapshot(initialised)
    result = cli.run("init", "--data-dir", initialised, "--user", "anna", stdin=[cli.password])
    assert result.code == 1
    assert "staat al een database" in result.err
    assert cli.snapshot(initialised) == before


@pytest.mark.parametrize(
    "password",
    ["kort-pw", "aaaaaaaaaaaaaaaa", " spatie-ervoor-wachtwoord", "welkom1234", "qwertyuiop"],
    ids=["too-short", "too-simple", "leading-space", "common", "keyboard-row"],
)
def test_init_with_a_weak_password_writes_nothing(
    cli: AdminCli, tmp_path: Path, password: str
) -> None:
    data_dir = tmp_path / "nieuw"
    result = cli.run("init", "--data-dir", data_dir, "--user", "anna", stdin=[password])
    assert result.code == 1
    assert result.err.startswith("Wachtwoord: ")
    assert not (data_dir / DB_FILE).exists()
    assert not (data_dir / KEYRING_FILE).exists()


def test_init_refuses_the_persons_own_name_as_password(cli: AdminCli, tmp_path: Path) -> None:
    data_dir = tmp_path / "nieuw"
    result = cli.run(
        "init",
        "--data-dir",
        data_dir,
        "--user",
        "wvdgraaf",
        "--first-name",
        "Wilhelmina",
        "--last-name",
        "van der Graaf",
        stdin=["Wilhelmina-1987"],
    )
    assert result.code == 1
    assert result.err.startswith("Wachtwoord: bevat uw eigen naam")
    assert not (data_dir / DB_FILE).exists()


def test_init_without_a_password_on_stdin_writes_nothing(cli: AdminCli, tmp_path: Path) -> None:
    data_dir = tmp_path / "nieuw"
    result = cli.run("init", "--data-dir", data_dir, "--user", "anna", stdin=[])
    assert result.code == 1
    assert "Geen wachtwoord ontvangen" in result.err
    assert not data_dir.exists()


def test_init_with_an_invalid_name_writes_nothing(cli: AdminCli, tmp_path: Path) -> None:
    data_dir = tmp_path / "nieuw"
    result = cli.run(
        "init",
        "--data-dir",
        data_dir,
        "--user",
        "anna",
        "--last-name",
        "x" * 101,
        stdin=[cli.password],
    )
    assert result.code == 1
    assert result.err.startswith("Achternaam: ")
    assert not (data_dir / DB_FILE).exists()
    assert not (data_dir / KEYRING_FILE).exists()


def test_init_and_verify_end_to_end_in_a_subprocess(cli: AdminCli, tmp_path: Path) -> None:
    data_dir = tmp_path / "e2e"
    created = cli.subprocess("init", "--data-dir", data_dir, "--user", "anna", stdin=[cli.password])
    assert created.code == 0, created.err
    assert "Database aangemaakt" in created.out

    again = cli.subprocess("init", "--data-dir", data_dir, "--user", "anna", stdin=[cli.password])
    assert again.code == 1
    assert "staat al een database" in again.err
    assert "Traceback" not in again.err

    verified = cli.subprocess(
        "verify", "--data-dir", data_dir, "--user", "anna", stdin=[cli.password]
    )
    assert verified.code == 0, verified.err
    assert verified.out.startswith("Database gezond")

    ctx = cli.log_in(data_dir)
    try:
        with ctx.store.session() as session:
            actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    finally:
        ctx.store.close()
    assert actions[0] == "account_created"
    assert actions.count("logged_in") == 2  # verify, and this log-in
