"""The admin command line on a team server: what only the owner may do, and who may
check the server."""

from __future__ import annotations

import io

from tests.conftest import PASSWORDS
from tests.team.conftest import PgTeam
from veilig_huisbezoek import cli


def _admin(argv: list[str], *stdin: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        argv, stdin=io.StringIO("".join(f"{s}\n" for s in stdin)), stdout=out, stderr=err
    )
    return code, out.getvalue(), err.getvalue()


def test_demo_data_needs_the_owners_url_and_then_loads(pg_team: PgTeam) -> None:
    person = ["seed-demo", "--database-url", pg_team.person_url, "--user", "anna"]
    code, _out, err = _admin([*person, "--visits", "3"], PASSWORDS["anna"])
    assert code == 1 and "eigenaar" in err
    owner = pg_team.cluster.owner_url(pg_team.database)
    code, out, err = _admin(
        ["seed-demo", "--database-url", owner, "--user", "anna", "--visits", "6"],
        PASSWORDS["anna"],
    )
    assert code == 0, err
    assert "6 bezoeken" in out
    code, out, err = _admin(
        ["verify", "--database-url", pg_team.person_url, "--user", "petra"], PASSWORDS["petra"]
    )
    assert code == 0 and "gezond" in out, out + err


def test_a_medewerker_cannot_check_the_team_server(pg_team: PgTeam) -> None:
    code, out, err = _admin(
        ["verify", "--database-url", pg_team.person_url, "--user", "sanne"], PASSWORDS["sanne"]
    )
    assert code == 1 and "leidinggevende of beheerder" in err
    assert "gezond" not in out
