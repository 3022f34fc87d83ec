"""Co-signatures at someone else's desk prove the signer to the server itself.

A leidinggevende giving consent at the visitor's desk, or a second leidinggevende
signing for a leidinggevende's account, types their own name and password there; the
app opens the signer's own server connection, which records a single-use signature
(the server fills in who signed). The action that needs it names that signature.
"""

from __future__ import annotations

import psycopg
import pytest

from tests.conftest import PASSWORDS
from tests.services.test_services import _assessment, _plan
from tests.team.conftest import PgTeam
from tests.team.test_team_attacks import TOM_PASSWORD, _snapshot
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.roles import PermissionDenied, Role
from veilig_huisbezoek.domain.visit import VisitState
from veilig_huisbezoek.services import accounts, planning, visits
from veilig_huisbezoek.services.accounts import CoSignature, NewAccount
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.team import team_log_in
from veilig_huisbezoek.storage.errors import AuthenticationError
from veilig_huisbezoek.storage.team.errors import TeamRefusedError


@pytest.fixture
def pg_team(pg_team_each_version: PgTeam) -> PgTeam:
    """These run on PostgreSQL 15 and 16."""
    return pg_team_each_version


REASON = "Onvermijdelijk; de politie is op de hoogte gebracht."


def _rood_concept(team: PgTeam, sanne: ServiceContext) -> int:
    plan = _plan(sanne, team)  # type: ignore[arg-type]
    return visits.save_visit(
        sanne, plan, _assessment(RiskLevel.ROOD), deviation_reason="Collega ziek, overlegd."
    )


def _audit_actor(team: PgTeam, action: str) -> int:
    with psycopg.connect(team.cluster.conninfo(team.database)) as conn:
        row = conn.execute(
            "SELECT actor_id FROM audit_log WHERE action = %s ORDER BY id DESC LIMIT 1", (action,)
        ).fetchone()
    assert row is not None
    return int(row[0])  # type: ignore[call-overload]


def test_consent_signed_at_the_visitors_desk_reaches_the_server_once(pg_team: PgTeam) -> None:
    sanne = pg_team.login("sanne")
    try:
        signed = accounts.co_sign(sanne, "petra", PASSWORDS["petra"], accounts.COSIGN_CONSENT)
        assert signed.actor.username == "petra" and signed.token
        grant = planning.ConsentGrant(signed.actor, REASON, signed.token)
        plan = _plan(sanne, pg_team)  # type: ignore[arg-type]
        visit_id = planning.plan_visit(
            sanne,
            plan,
            _assessment(RiskLevel.ROOD),
            deviation_reason="Collega ziek, overlegd.",
            consent=grant,
        )
        assert visits.get_visit(sanne, visit_id).state is VisitState.GEPLAND
        assert _audit_actor(pg_team, "visit_consent") == pg_team.ids["petra"]
        # The same signature a second time: refused by the server, nothing stored.
        second = _rood_concept(pg_team, sanne)
        lead_ctx = ServiceContext(sanne.store, signed.actor, sanne.clock)
        other = accounts.co_sign(sanne, "petra", PASSWORDS["petra"], accounts.COSIGN_LEAD_ACCOUNT)
        before = _snapshot(pg_team)
        with pytest.raises(TeamRefusedError, match=r"al gebruikt|verlopen|ontbreekt"):
            visits.give_consent(lead_ctx, second, REASON, signature=signed.token)
        assert _snapshot(pg_team) == before
        # A signature made for something else does not count for consent either.
        with pytest.raises(TeamRefusedError):
            visits.give_consent(lead_ctx, second, REASON, signature=other.token)
        assert _snapshot(pg_team) == before
    finally:
        sanne.store.close()


def test_only_a_leidinggevende_with_the_right_password_can_co_sign(pg_team: PgTeam) -> None:
    sanne = pg_team.login("sanne")
    try:
        with pytest.raises(AuthenticationError):
            accounts.co_sign(sanne, "petra", "niet-het-wachtwoord", accounts.COSIGN_CONSENT)
        with pytest.raises(TeamRefusedError, match="leidinggevende"):
            accounts.co_sign(sanne, "bram", PASSWORDS["bram"], accounts.COSIGN_CONSENT)
    finally:
        sanne.store.close()


@pytest.fixture
def tom(pg_team: PgTeam) -> ServiceContext:
    anna = pg_team.login("anna")
    pg_team.ids["tom"] = accounts.add_account(
        anna, NewAccount("tom", TOM_PASSWORD, "Tom", "Bakker", frozenset({Role.BEHEERDER}))
    )
    anna.store.close()
    return team_log_in(pg_team.location, "tom", TOM_PASSWORD, pg_team.clock)


KARIN = NewAccount(
    "karin", "karin-heeft-een-lang-wachtwoord", "Karin", "Smit", frozenset({Role.LEIDINGGEVENDE})
)


def test_a_leidinggevende_account_needs_a_second_leidinggevende_on_the_server(
    pg_team: PgTeam, tom: ServiceContext
) -> None:
    try:
        with pytest.raises(PermissionDenied, match="vier ogen"):
            accounts.add_account(tom, KARIN)
        # Claiming a co-signer without the server's proof: the server refuses.
        petra = pg_team.login("petra")
        forged = CoSignature(petra.actor, None)
        petra.store.close()
        before = _snapshot(pg_team)
        with pytest.raises(TeamRefusedError, match="medeondertekenen"):
            accounts.add_account(tom, KARIN, forged)
        assert _snapshot(pg_team) == before
        # Straight to the server's function, without logging it first: refused.
        with (
            psycopg.connect(
                **pg_team.cluster.connect_args(  # type: ignore[arg-type]
                    pg_team.database,
                    pg_team.location.login_role("tom"),
                    pg_team.location.login_password("tom", TOM_PASSWORD),
                )
            ) as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            conn.execute(
                "SELECT vh_create_account(99, 'eve', 'medewerker', ''::bytea, ''::bytea, "
                "''::bytea, now()::timestamp, 'SCRAM-SHA-256$4096:YQ==$YQ==:YQ==', 's', "
                "''::bytea, ''::bytea, ''::bytea, ARRAY[1], ARRAY[''::bytea], "
                "ARRAY[''::bytea])"
            )
        assert _snapshot(pg_team) == before
        signed = accounts.co_sign(tom, "petra", PASSWORDS["petra"], accounts.COSIGN_LEAD_ACCOUNT)
        karin_id = accounts.add_account(tom, KARIN, signed)
        assert _audit_actor(pg_team, "account_created") == pg_team.ids["tom"]
    finally:
        tom.store.close()
    karin = team_log_in(pg_team.location, "karin", KARIN.password, pg_team.clock)
    assert karin.actor.account_id == karin_id and Role.LEIDINGGEVENDE in karin.actor.roles
    karin.store.close()


def test_resetting_a_leidinggevendes_password_is_co_signed_and_she_is_told(
    pg_team: PgTeam, tom: ServiceContext
) -> None:
    new_password = "petra-kreeg-een-nieuw-wachtwoord"
    try:
        with pytest.raises(PermissionDenied, match="vier ogen"):
            accounts.reset_password(tom, pg_team.ids["petra"], new_password)
        signed = accounts.co_sign(tom, "anna", PASSWORDS["anna"], accounts.COSIGN_LEAD_PASSWORD)
        accounts.reset_password(tom, pg_team.ids["petra"], new_password, signed)
        # A medewerker's password needs no second signature.
        accounts.reset_password(tom, pg_team.ids["bram"], "bram-kreeg-ook-een-nieuw-wachtwoord")
    finally:
        tom.store.close()
    with pytest.raises(AuthenticationError):
        team_log_in(pg_team.location, "petra", PASSWORDS["petra"], pg_team.clock)
    petra = team_log_in(pg_team.location, "petra", new_password, pg_team.clock)
    try:
        notice = accounts.take_password_notice(petra)
        assert notice is not None
        assert notice.reset_by == "Tom Bakker" and notice.cosigned_by == "Anna de Vries"
        assert accounts.take_password_notice(petra) is None
    finally:
        petra.store.close()
