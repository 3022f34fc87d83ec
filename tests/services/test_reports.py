"""Report numbers for the leidinggevende: counts only, within what the viewer may see."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from tests.conftest import Team
from tests.services.test_incidents import _report
from tests.services.test_services import _running_visit
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.errors import ValidationError
from veilig_huisbezoek.domain.incident import BehaviourCategory, Channel
from veilig_huisbezoek.domain.roles import PermissionDenied
from veilig_huisbezoek.services import incidents, reports


def _file(team: Team, user: str, **changes: object) -> int:
    ctx = team.login(user)
    incident_id = incidents.file_incident(ctx, _report(ctx, **changes))
    ctx.store.close()
    return incident_id


def test_counts_per_month_category_channel_and_level(team: Team) -> None:
    _running_visit(team, RiskLevel.GROEN)
    _running_visit(team, RiskLevel.ORANJE)
    _file(team, "sanne", category="C", channel="telefoon")
    _file(team, "bram", category="D", channel="huisbezoek")
    team.clock.advance(timedelta(days=40))  # next month (2027-01-02)
    _file(team, "sanne", category="D", channel="email")
    petra = team.login("petra")
    numbers = reports.build_report(petra, months=3)
    petra.store.close()
    assert numbers.incidents_per_month == [("2026-11", 2), ("2026-12", 0), ("2027-01", 1)]
    assert dict(numbers.incidents_per_category)[BehaviourCategory.D] == 2
    assert dict(numbers.incidents_per_category)[BehaviourCategory.C] == 1
    per_channel = dict(numbers.incidents_per_channel)
    assert per_channel[Channel.EMAIL] == per_channel[Channel.TELEFOON] == 1
    assert per_channel[Channel.BALIE] == 0
    levels = dict(numbers.visits_per_level)
    assert levels[RiskLevel.GROEN] == 1 and levels[RiskLevel.ORANJE] == 1
    assert numbers.overdue_reviews == 0
    assert numbers.incident_total == 3


def test_the_period_leaves_older_incidents_out(team: Team) -> None:
    _file(team, "sanne")
    team.clock.advance(timedelta(days=70))
    petra = team.login("petra")
    assert reports.build_report(petra, months=1).incident_total == 0
    assert reports.build_report(petra, months=4).incident_total == 1  # Nov to Feb
    with pytest.raises(ValidationError, match="Periode"):
        reports.build_report(petra, months=0)
    petra.store.close()


def test_only_a_leidinggevende_gets_reports(team: Team) -> None:
    sanne = team.login("sanne")
    with pytest.raises(PermissionDenied):
        reports.build_report(sanne)
    sanne.store.close()


def test_csv_holds_the_numbers_and_nothing_personal(team: Team) -> None:
    _file(team, "sanne", category="C", channel="brief")
    petra = team.login("petra")
    text = reports.report_csv(reports.build_report(petra, months=2))
    petra.store.close()
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["onderdeel", "waarde", "aantal"]
    assert ["incidenten per maand", "2026-11", "1"] in rows
    assert ["incidenten per soort gedrag", "C", "1"] in rows
    assert ["incidenten per kanaal", "Brief", "1"] in rows
    assert ["adresregister", "herbeoordeling te laat", "0"] in rows
    assert "Sanne" not in text and "Akerstraat" not in text and "XYZZY" not in text


def test_month_labels_are_dutch() -> None:
    assert reports.month_label("2026-03") == "mrt 2026"
    assert reports.month_label("2026-10") == "okt 2026"
