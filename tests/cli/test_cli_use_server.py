"""`admin use-server`: this computer's team server (the connection profile) and how the
desktop app chooses its database from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veilig_huisbezoek.gui.app import parse_args, team_location
from veilig_huisbezoek.storage.team.location import TeamUrlError
from veilig_huisbezoek.storage.team.profile import (
    PROFILE_FILE,
    load_profile,
    save_profile,
    system_profile_path,
    user_profile_path,
)

if TYPE_CHECKING:
    from .conftest import AdminCli

FUZZ = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
URL = "postgresql://team.gemeente.example:5433/team?sslrootcert=/etc/vh/ca.crt"


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's configuration folder; the computer's is ``config_home.parent / "etc"``."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "etc"))
    return home


def test_use_server_sets_and_clears_this_computers_team_server(
    cli: AdminCli, config_home: Path
) -> None:
    path = user_profile_path()
    assert path == config_home / "veilig-huisbezoek" / PROFILE_FILE
    result = cli.run("use-server", "--database-url", URL)
    assert result.code == 0, result.err
    assert result.out == (
        "Deze computer gebruikt nu de teamserver team.gemeente.example:5433/team "
        f"(vastgelegd in {path}). Start de app zonder opties om in te loggen.\n"
    )
    assert json.loads(path.read_text()) == {"database_url": URL}
    location = load_profile()
    assert location is not None and location.display == "team.gemeente.example:5433/team"
    assert location.url.query["sslmode"] == "verify-full"

    # The app without options logs in there; --data-dir and --demo stay local.
    chosen = team_location(parse_args([]))
    assert chosen is not None and chosen.display == location.display
    assert team_location(parse_args(["--data-dir", "/tmp/x"])) is None
    assert team_location(parse_args(["--demo"])) is None
    other = team_location(parse_args(["--database-url", "postgresql://elders/team2"]))
    assert other is not None and other.display == "elders:5432/team2"

    result = cli.run("use-server", "--local")
    assert (result.code, result.out) == (0, "Deze computer gebruikt weer de lokale database.\n")
    assert not path.exists() and team_location(parse_args([])) is None
    result = cli.run("use-server", "--local")
    assert result.out == "Deze computer had geen teamserver ingesteld; niets gewijzigd.\n"


def test_it_can_set_the_server_for_everyone_on_the_computer(
    cli: AdminCli, config_home: Path
) -> None:
    """IT sets a workstation up once; a person's own profile still comes first."""
    system = system_profile_path()
    assert system == config_home.parent / "etc" / "veilig-huisbezoek" / PROFILE_FILE
    result = cli.run("use-server", "--database-url", URL, "--all-users")
    assert result.code == 0, result.err
    assert system.exists() and not user_profile_path().exists()
    chosen = team_location(parse_args([]))
    assert chosen is not None and chosen.display == "team.gemeente.example:5433/team"

    result = cli.run("use-server", "--database-url", "postgresql://test-server/oefen")
    assert result.code == 0 and "gaat voor u boven de teamserver die voor alle" in result.out
    chosen = team_location(parse_args([]))
    assert chosen is not None and chosen.display == "test-server:5432/oefen"

    result = cli.run("use-server", "--local")  # the person's own one goes …
    assert result.out == (
        "Verwijderd; de app gebruikt nog de teamserver team.gemeente.example:5433/team "
        f"uit {system}.\n"
    )
    result = cli.run("use-server", "--local", "--all-users")  # … then the computer's
    assert result.out == "Deze computer gebruikt weer de lokale database.\n"
    assert team_location(parse_args([])) is None


def test_without_rights_for_everyone_it_says_so(
    cli: AdminCli, config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a normal user the computer's folder is not writable (the tests run as root,
    so the refusal is simulated where the file is created)."""
    from veilig_huisbezoek.storage.team import profile

    def refused(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(profile.tempfile, "mkstemp", refused)
    result = cli.run("use-server", "--database-url", URL, "--all-users")
    folder = system_profile_path().parent
    assert result.code == 1
    assert result.err == (
        f"Geen schrijfrechten voor {folder}: voer dit uit als beheerder van deze computer.\n"
    )
    assert not system_profile_path().exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://server/team?sslmode=disable", "versleuteld zijn (TLS)"),
        ("postgresql://anna:geheim@server/team", "Zet geen wachtwoord in het adres"),
        ("mysql://server/team", "PostgreSQL-server"),
        ("postgresql://server", "Noem de database"),
        ("postgresql://server:poort/team", "Het adres van de teamserver is ongeldig."),
        ("postgresql://server:70000/team", "tussen 1 en 65535"),
    ],
)
def test_a_bad_address_is_refused_and_nothing_is_written(
    cli: AdminCli, config_home: Path, url: str, message: str
) -> None:
    save_profile(URL)
    before = user_profile_path().read_text()
    result = cli.run("use-server", "--database-url", url)
    assert result.code != 0 and message in result.err
    assert "geheim" not in result.err + result.out
    assert user_profile_path().read_text() == before  # the old profile stays


def test_the_app_refuses_a_damaged_profile_instead_of_going_local(config_home: Path) -> None:
    path = user_profile_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    with pytest.raises(TeamUrlError, match="is beschadigd; stel de teamserver opnieuw in"):
        team_location(parse_args([]))
    with pytest.raises(TeamUrlError, match="gaat niet samen met --demo"):
        team_location(parse_args(["--demo", "--database-url", URL]))


@FUZZ
@given(content=st.one_of(st.text(), st.binary().map(lambda b: b.decode("latin-1"))))
def test_any_profile_file_loads_or_gives_a_dutch_message(content: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / PROFILE_FILE
        path.write_text(content, encoding="utf-8", errors="surrogateescape")
        try:
            location = load_profile(path)
        except TeamUrlError as exc:
            assert str(exc).startswith(f"Het verbindingsprofiel {path}")
        else:
            assert location is not None and not location.url.password


_PIECE = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
URLS = st.one_of(
    st.text(),
    st.builds(
        "postgresql://{}:{}/{}?{}".format,
        _PIECE,
        st.one_of(_PIECE, st.integers(-10, 100_000).map(str)),
        _PIECE,
        st.one_of(_PIECE, st.sampled_from(["sslmode=disable", "sslmode=require", ""])),
    ),
    st.builds("postgresql://{}@{}/{}".format, _PIECE, _PIECE, _PIECE),
)


@FUZZ
@given(url=URLS)
def test_any_address_in_a_profile_loads_or_gives_a_dutch_message(url: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / PROFILE_FILE
        path.write_text(json.dumps({"database_url": url}), encoding="utf-8")
        try:
            location = load_profile(path)
        except TeamUrlError as exc:
            assert str(exc).startswith(f"Het verbindingsprofiel {path}")
        else:
            assert location is not None and location.url.database


def test_without_a_profile_the_choice_loads_no_database_stack(config_home: Path) -> None:
    """The login window's cold start stays light (docs/performance.md)."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from veilig_huisbezoek.gui.app import parse_args, team_location\n"
        "assert team_location(parse_args([])) is None\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    env = dict(os.environ, XDG_CONFIG_HOME=str(config_home))
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"
    save_profile(URL)
    code = code.replace("is None", "is not None")
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout == "True\n"
