"""`admin migrate-to-server`: an embedded store copied onto a team server, verified."""

from __future__ import annotations

import io

import psycopg

from tests.conftest import PASSWORDS, Team
from tests.services.test_services import ADDRESS, _running_visit
from tests.team.pgcluster import Cluster
from veilig_huisbezoek import cli
from veilig_huisbezoek.services import register, visits
from veilig_huisbezoek.services.team import team_log_in
from veilig_huisbezoek.storage.team.location import TeamLocation


def _admin(argv: list[str], *stdin: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        argv[1:],
        stdin=io.StringIO("".join(f"{s}\n" for s in stdin)),
        stdout=out,
        stderr=err,
    )
    return code, out.getvalue(), err.getvalue()


def test_migrate_to_server_copies_verifies_and_the_data_works_there(
    team: Team, pg_cluster: Cluster
) -> None:
    visit_id = _running_visit(team)
    database = pg_cluster.create_database()
    owner_url = pg_cluster.owner_url(database)
    code, out, err = _admin(
        [
            "admin",
            "migrate-to-server",
            "--data-dir",
            str(team.data_dir),
            "--user",
            "anna",
            "--database-url",
            owner_url,
        ],
        PASSWORDS["anna"],
    )
    assert code == 0, err
    assert "gecontroleerd" in out
    location = TeamLocation.parse(pg_cluster.url(database, user="", password=None))
    anna = team_log_in(location, "anna", PASSWORDS["anna"], team.clock)
    summary = visits.get_visit(anna, visit_id)
    assert summary.address == ADDRESS
    assert register.warnings_for(anna, ADDRESS.key) == []
    # Others log in after the beheerder resets their password on the server.
    from veilig_huisbezoek.services import accounts

    accounts.reset_password(anna, team.ids["bram"], "bram-nieuw-wachtwoord-8")
    anna.store.close()
    bram = team_log_in(location, "bram", "bram-nieuw-wachtwoord-8", team.clock)
    assert visits.get_visit(bram, visit_id).state == summary.state
    bram.store.close()
    with psycopg.connect(pg_cluster.conninfo(database)) as conn:
        dump = repr(conn.execute("SELECT * FROM visits").fetchall())
    assert "Akerstraat" not in dump and "Janssen" not in dump
    # A second copy onto the same server is refused.
    code, _out, err = _admin(
        [
            "admin",
            "migrate-to-server",
            "--data-dir",
            str(team.data_dir),
            "--user",
            "anna",
            "--database-url",
            owner_url,
        ],
        PASSWORDS["anna"],
    )
    assert code == 1 and "al" in err
