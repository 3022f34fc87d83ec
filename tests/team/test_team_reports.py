"""The leidinggevende's response figures on a team server: row-level security lets them
read every visit's call-backs, calls, visit events and alarms, and the numbers are the
same as in the embedded store."""

from __future__ import annotations

import pytest

from tests.services.test_response_figures import check_figures, seed_history
from tests.team.conftest import PgTeam
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.services import reports


def test_response_figures_on_the_team_server(pg_team: PgTeam) -> None:
    seed_history(pg_team)
    petra = pg_team.login("petra")
    try:
        check_figures(reports.build_report(petra, months=3))
    finally:
        petra.store.close()
    bram = pg_team.login("bram")  # the buddy of every visit, but no leidinggevende
    try:
        with pytest.raises(PermissionDenied):
            reports.build_report(bram)
    finally:
        bram.store.close()
