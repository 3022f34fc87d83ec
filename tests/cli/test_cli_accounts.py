"""`admin add-user`, and wrong names or passwords for every command that logs in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.storage.errors import AuthenticationError
from veilig_huisbezoek.storage.models import AuditEntry
from veilig_huisbezoek.storage.store import KEYRING_FILE

if TYPE_CHECKING:
    from .conftest import AdminCli, Result

AUTH_MESSAGE = "Onjuiste gebruikersnaam of wachtwoord"


def _slot_count(data_dir: Path) -> int:
    return len(json.loads((data_dir / KEYRING_FILE).read_text())["slots"])


def _add_user(
    cli: AdminCli,
    data_dir: Path,
    actor: str,
    actor_password: str,
    new_user: str,
    role: str,
    new_password: str = "bert-zijn-wachtwoord",
) -> Result:
    return cli.run(
        "add-user",
        "--data-dir",
        data_dir,
        "--user",
        actor,
        "--new-user",
        new_user,
        "--role",
        role,
        "--first-name",
        "Bert",
        "--last-name",
        "Smit",
        stdin=[actor_password, new_password],
    )


# ---- add-user ----------------------------------------------------------------------


def test_beheerder_adds_a_medewerker_who_can_then_log_in(cli: AdminCli, initialised: Path) -> None:
    result = _add_user(cli, initialised, "anna", cli.password, "bert", "Medewerker")
    assert (result.code, result.err) == (0, "")
    assert result.out.strip() == "Account bert toegevoegd als medewerker."
    assert _slot_count(initialised) == 2

    ctx = cli.log_in(initialised, "bert", "bert-zijn-wachtwoord")
    try:
        assert ctx.actor.roles == {Role.MEDEWERKER}
        assert ctx.actor.display_name == "Bert Smit"
        with ctx.store.session() as session:
            created = (
                session.execute(select(AuditEntry).where(AuditEntry.action == "account_created"))
                .scalars()
                .all()
            )
        assert [e.object_id for e in created] == ["1", str(ctx.actor.account_id)]
    finally:
        ctx.store.close()
    # anna's own login still works: her slot was kept.
    cli.log_in(initialised).store.close()


def test_a_medewerker_may_not_add_accounts(cli: AdminCli, initialised: Path) -> None:
    assert _add_user(cli, initialised, "anna", cli.password, "bert", "medewerker").code == 0
    slots = _slot_count(initialised)

    result = _add_user(
        cli,
        initialised,
        "bert",
        "bert-zijn-wachtwoord",
        "carla",
        "beheerder",
        new_password="carla-haar-wachtwoord",
    )
    assert result.code == 1
    assert result.err.startswith("Geen toestemming")
    assert result.out == ""
    assert _slot_count(initialised) == slots
    with pytest.raises(AuthenticationError):
        cli.log_in(initialised, "carla", "carla-haar-wachtwoord")


@pytest.mark.parametrize("role", ["admin", "", "medewerker,beheerder"])
def test_an_unknown_role_is_refused_before_anything_happens(
    cli: AdminCli, initialised: Path, role: str
) -> None:
    before = cli.snapshot(initialised)
    result = _add_user(cli, initialised, "anna", cli.password, "bert", role)
    assert result.code == 1
    assert result.err.startswith("Rol: onbekende rol")
    assert cli.snapshot(initialised) == before


@pytest.mark.parametrize("name", ["anna", "ANNA", " Anna "])
def test_a_duplicate_username_is_refused(cli: AdminCli, initialised: Path, name: str) -> None:
    result = _add_user(
        cli,
        initialised,
        "anna",
        cli.password,
        name,
        "medewerker",
        new_password="een-ander-wachtwoord",
    )
    assert result.code == 1
    assert "Gebruikersnaam: deze naam is al in gebruik" in result.err
    assert _slot_count(initialised) == 1
    # The original password still opens the (single) account.
    cli.log_in(initialised).store.close()


def test_a_weak_new_password_adds_no_key_slot(cli: AdminCli, initialised: Path) -> None:
    result = _add_user(
        cli, initialised, "anna", cli.password, "bert", "medewerker", new_password="kort"
    )
    assert result.code == 1
    assert "Wachtwoord: minimaal 10 tekens" in result.err
    assert _slot_count(initialised) == 1


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("wachtwoord1", "lijkt op een veelgebruikt wachtwoord"),
        ("1234567890", "een reeks als 1234"),
        ("Bert-Smit-2024", "bevat uw eigen naam"),
    ],
)
def test_a_guessable_new_password_is_refused_with_the_reason(
    cli: AdminCli, initialised: Path, password: str, reason: str
) -> None:
    before = cli.snapshot(initialised)
    result = _add_user(
        cli, initialised, "anna", cli.password, "bert", "medewerker", new_password=password
    )
    assert result.code == 1
    assert result.err.startswith("Wachtwoord: ")
    assert reason in result.err and "Een zin van een paar woorden" in result.err
    assert password not in result.err
    assert _slot_count(initialised) == 1
    assert cli.snapshot(initialised).keys() == before.keys()


# ---- wrong name or password ---------------------------------------------------------

COMMANDS: dict[str, tuple[str, ...]] = {
    "verify": (),
    "seed-demo": (),
    "backup": ("--output", "{out}"),
    "export": ("--address", "6411 AB 12"),
    "add-user": ("--new-user", "bert", "--role", "medewerker"),
}
WRONG = {
    "wrong-password": ("anna", "verkeerd-wachtwoord"),
    "wrong-name": ("bert", "correct-paard-batterij"),
    "name-case-and-password": ("ANNA", "Correct-paard-batterij"),
}


@pytest.mark.parametrize("wrong", ["wrong-password", "wrong-name"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_wrong_credentials_exit_2_and_change_no_file(
    cli: AdminCli, initialised: Path, tmp_path: Path, command: str, wrong: str
) -> None:
    user, password = WRONG[wrong]
    out_file = tmp_path / "uit" / "backup.zip"
    extra = [a.format(out=out_file) for a in COMMANDS[command]]
    before = cli.snapshot(initialised)

    result = cli.run(
        command,
        "--data-dir",
        initialised,
        "--user",
        user,
        *extra,
        stdin=[password, "nieuw-wachtwoord-123"],
    )
    assert result.code == 2
    assert result.err.strip() == AUTH_MESSAGE
    assert "Traceback" not in result.err
    assert result.out == ""
    assert cli.snapshot(initialised) == before
    assert not out_file.parent.exists()
    # Counted against the name that was typed, inside the key file (no name in it).
    stored = (initialised / "keyslots.json").read_text()
    assert user not in stored and len(json.loads(stored)["login_failures"]["entries"]) == 1


def test_wrong_password_in_a_subprocess(cli: AdminCli, initialised: Path) -> None:
    before = cli.snapshot(initialised)
    user, password = WRONG["name-case-and-password"]
    result = cli.subprocess("verify", "--data-dir", initialised, "--user", user, stdin=[password])
    assert result.code == 2
    assert AUTH_MESSAGE in result.err
    assert "Traceback" not in result.err
    assert result.out == ""
    assert cli.snapshot(initialised) == before


def test_no_database_in_the_folder(cli: AdminCli, tmp_path: Path) -> None:
    result = cli.as_anna("verify", tmp_path / "leeg")
    assert result.code == 1
    assert result.err.startswith("Geen database gevonden")
    assert not (tmp_path / "leeg").exists()


def test_a_usage_error_is_not_reported_as_a_wrong_password(
    cli: AdminCli, initialised: Path
) -> None:
    result = cli.subprocess("verify", "--data-dir", initialised)  # --user is missing
    assert "Traceback" not in result.err
    assert result.code == 1


def test_a_second_leidinggevende_co_signs_a_new_leidinggevende(
    cli: AdminCli, initialised: Path
) -> None:
    # anna (beheerder + leidinggevende) is the only leidinggevende: she needs no one.
    first = _add_user(cli, initialised, "anna", cli.password, "bert", "leidinggevende")
    assert first.code == 0, first.err
    # Now bert is a second leidinggevende: a third one needs his signature.
    refused = _add_user(
        cli,
        initialised,
        "anna",
        cli.password,
        "carla",
        "leidinggevende",
        "carla-heeft-een-lang-wachtwoord",
    )
    assert refused.code == 1 and "vier ogen" in refused.err
    args = ("add-user", "--data-dir", initialised, "--user", "anna", "--new-user", "carla")
    wrong = cli.run(
        *args,
        "--role",
        "leidinggevende",
        "--cosign-user",
        "bert",
        stdin=[cli.password, "carla-heeft-een-lang-wachtwoord", "niet-het-wachtwoord-van-bert"],
    )
    assert wrong.code == 2
    signed = cli.run(
        *args,
        "--role",
        "leidinggevende",
        "--cosign-user",
        "bert",
        stdin=[cli.password, "carla-heeft-een-lang-wachtwoord", "bert-zijn-wachtwoord"],
    )
    assert signed.code == 0, signed.err
    carla = cli.log_in(initialised, "carla", "carla-heeft-een-lang-wachtwoord")
    try:
        assert Role.LEIDINGGEVENDE in carla.actor.roles
    finally:
        carla.store.close()
