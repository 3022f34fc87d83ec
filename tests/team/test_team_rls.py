"""The server enforces the roles itself: plain SQL as a person's login role."""

from __future__ import annotations

import psycopg
import pytest

from tests.conftest import PASSWORDS
from tests.team.conftest import PgTeam
from tests.team.test_team_store import _plan_visit


def _as(team: PgTeam, name: str) -> psycopg.Connection[tuple[object, ...]]:
    location = team.location
    return psycopg.connect(
        host="localhost",
        port=team.cluster.port,
        dbname=team.database,
        user=location.login_role(name),
        password=location.login_password(name, PASSWORDS[name]),
        sslmode="verify-full",
        sslrootcert=str(team.cluster.ca_path),
    )


def test_a_medewerker_cannot_read_someone_elses_visit_with_plain_sql(pg_team: PgTeam) -> None:
    visit_id = _plan_visit(pg_team)  # sanne visits, bram is buddy
    with _as(pg_team, "anna") as leidinggevende:  # beheerder + leidinggevende: sees it
        assert leidinggevende.execute("SELECT count(*) FROM visits").fetchone() == (1,)
    with _as(pg_team, "bram") as buddy:
        assert buddy.execute("SELECT id FROM visits").fetchall() == [(visit_id,)]
        assert buddy.execute("SELECT count(*) FROM callbacks").fetchone()[0] > 0  # type: ignore[index]
    # A fresh medewerker who is neither visitor, buddy nor colleague sees nothing.
    from veilig_huisbezoek.domain.roles import Role
    from veilig_huisbezoek.services import accounts
    from veilig_huisbezoek.services.accounts import NewAccount

    anna = pg_team.login("anna")
    karel_password = "karel-wachtwoord-5"
    accounts.add_account(
        anna, NewAccount("karel", karel_password, "Karel", "Bos", frozenset({Role.MEDEWERKER}))
    )
    anna.store.close()
    with psycopg.connect(
        host="localhost",
        port=pg_team.cluster.port,
        dbname=pg_team.database,
        user=pg_team.location.login_role("karel"),
        password=pg_team.location.login_password("karel", karel_password),
        sslmode="verify-full",
        sslrootcert=str(pg_team.cluster.ca_path),
    ) as karel:
        assert karel.execute("SELECT count(*) FROM visits").fetchone() == (0,)
        assert karel.execute("SELECT count(*) FROM callbacks").fetchone() == (0,)
        assert karel.execute(f"UPDATE visits SET state = 'x' WHERE id = {visit_id}").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            karel.execute("UPDATE accounts SET roles = 'leidinggevende' WHERE username = 'karel'")


def test_a_person_cannot_read_the_key_ring_owner_table_or_change_the_audit_log(
    pg_team: PgTeam,
) -> None:
    with _as(pg_team, "sanne") as sanne:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sanne.execute("DELETE FROM audit_log")
        sanne.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sanne.execute("INSERT INTO team_logins VALUES ('x', 'anna')")
        sanne.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sanne.execute("CREATE TABLE mine (x int)")
