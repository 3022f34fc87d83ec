"""Team mode: a real PostgreSQL server (TLS on loopback), started once per test run."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from tests.conftest import BUDDY_PHONES, PASSWORDS, Team
from tests.team.pgcluster import Cluster, create_cluster, find_bin_dir, pgserver_bin_dir
from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.accounts import NewAccount
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.team import set_up_team_server, team_log_in
from veilig_huisbezoek.storage.team.location import TeamLocation


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    if find_bin_dir() is None:
        pytest.skip("PostgreSQL is not installed (.ci/run installs Debian's postgresql)")
    cluster = create_cluster()
    try:
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture(scope="session")
def pg16_cluster() -> Iterator[Cluster]:
    """PostgreSQL 16 (the PyPI package pgserver, a test dependency; built without TLS, so
    reached over its Unix socket), for the tests of who may do what: PostgreSQL 16
    changed what CREATEROLE may do."""
    bin_dir = pgserver_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL 16 (pgserver from PyPI) is not installed")
    cluster = create_cluster(bin_dir, tls=False)
    try:
        yield cluster
    finally:
        cluster.destroy()


FAST_KDF: dict[str, int | str] = {
    "name": "argon2id",
    "memory_kib": 8192,
    "time_cost": 1,
    "parallelism": 1,
}


# Everyone has a phone that dials here (Sanne is the buddy in some team tests; the
# departure checks it): the team server refuses a phone change by anyone but itself.
TEAM_PHONES = {**BUDDY_PHONES, "sanne": "06 44444444"}


@dataclass
class PgTeam:
    """The conftest ``team`` (anna, sanne, bram, petra) on a fresh team database."""

    cluster: Cluster
    database: str
    location: TeamLocation
    clock: FakeClock
    ids: dict[str, int]

    def login(self, name: str) -> ServiceContext:
        return team_log_in(self.location, name, PASSWORDS[name], self.clock)

    def connect_as(self, name: str) -> psycopg.Connection[tuple[object, ...]]:
        """A person's own server connection (autocommit): their login role and database
        password, as a colleague with a SQL prompt would have it."""
        return psycopg.connect(
            **self.cluster.connect_args(  # type: ignore[arg-type]
                self.database,
                self.location.login_role(name),
                self.location.login_password(name, PASSWORDS[name]),
            ),
            autocommit=True,
        )

    @property
    def person_url(self) -> str:
        """The URL a workstation uses: no credentials, TLS verified."""
        return self.cluster.url(self.database, user="", password=None)


def make_pg_team(cluster: Cluster, clock: FakeClock) -> PgTeam:
    database = cluster.create_database()
    owner = TeamLocation.parse(cluster.owner_url(database))
    set_up_team_server(
        owner,
        NewAccount("anna", PASSWORDS["anna"], "Anna", "de Vries", frozenset(), TEAM_PHONES["anna"]),
        clock,
        kdf=FAST_KDF,
    )
    location = TeamLocation.parse(cluster.url(database, user="", password=None))
    team = PgTeam(cluster, database, location, clock, {})
    anna = team.login("anna")
    team.ids["anna"] = anna.actor.account_id
    for name, first, last, role in (
        ("sanne", "Sanne", "Visser", Role.MEDEWERKER),
        ("bram", "Bram", "Smit", Role.MEDEWERKER),
        ("petra", "Petra", "de Groot", Role.LEIDINGGEVENDE),
    ):
        # The buddies have a phone that dials (departure checks it: domain/departure.py).
        team.ids[name] = accounts.add_account(
            anna,
            NewAccount(
                name, PASSWORDS[name], first, last, frozenset({role}), TEAM_PHONES.get(name, "")
            ),
        )
    anna.store.close()
    return team


@pytest.fixture
def pg_team(pg_cluster: Cluster, clock: FakeClock) -> PgTeam:
    return make_pg_team(pg_cluster, clock)


@pytest.fixture(params=["15", "16"], ids=["pg15", "pg16"])
def pg_team_each_version(request: pytest.FixtureRequest, clock: FakeClock) -> PgTeam:
    """The team on Debian's PostgreSQL (15 here) and on PostgreSQL 16."""
    cluster = request.getfixturevalue("pg_cluster" if request.param == "15" else "pg16_cluster")
    return make_pg_team(cluster, clock)


@pytest.fixture(params=["embedded", "team_server"])
def any_team(request: pytest.FixtureRequest) -> Team:
    """The conftest ``team`` on the embedded store, then on a team server."""
    name = "team" if request.param == "embedded" else "pg_team"
    found: Team = request.getfixturevalue(name)
    return found
