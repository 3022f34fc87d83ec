"""The services on a team server: same results, sealed columns, address lookups."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select, text

from tests.services.test_services import ADDRESS, _assessment, _plan
from tests.team.conftest import PgTeam, make_pg_team
from tests.team.pgcluster import Cluster
from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.services import accounts, documents, register, visits
from veilig_huisbezoek.services.export import export_address
from veilig_huisbezoek.storage.errors import AuthenticationError, StoreError
from veilig_huisbezoek.storage.migrate import head_revision
from veilig_huisbezoek.storage.models import Account
from veilig_huisbezoek.storage.team.location import TeamLocation, TeamUrlError


def _psql(team: PgTeam, sql: str) -> list[tuple[object, ...]]:
    with psycopg.connect(team.cluster.conninfo(team.database)) as conn:
        return list(conn.execute(sql).fetchall())


def _plan_visit(team: PgTeam) -> int:
    sanne = team.login("sanne")
    visit_id = visits.save_visit(sanne, _plan(sanne, team), _assessment(RiskLevel.GROEN))  # type: ignore[arg-type]
    visits.schedule_visit(sanne, visit_id)
    sanne.store.close()
    return visit_id


def test_migrations_run_on_postgresql_and_the_audit_log_is_append_only(pg_team: PgTeam) -> None:
    assert _psql(pg_team, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
        _psql(pg_team, "UPDATE audit_log SET action = 'x'")


def test_a_visit_round_trips_and_personal_columns_are_sealed_on_the_server(
    pg_team: PgTeam,
) -> None:
    visit_id = _plan_visit(pg_team)
    bram = pg_team.login("bram")
    summary = visits.get_visit(bram, visit_id)
    assert summary.address == ADDRESS and summary.next_callback is not None
    bram.store.close()
    raw = _psql(pg_team, "SELECT * FROM visits")
    names = _psql(pg_team, "SELECT * FROM accounts")
    dump = repr(raw) + repr(names)
    for plain in ("Akerstraat", "Janssen", "6411", "Heerlen", "Visser", "Sanne", "Groot"):
        assert plain not in dump
    assert "Akerstraat" not in repr(_psql(pg_team, "SELECT encode(street, 'escape') FROM visits"))
    # The house number too: sealed bytes (version, nonce, ciphertext, tag), no number.
    (number,) = _psql(pg_team, "SELECT house_number FROM visits")[0]
    assert isinstance(number, bytes) and len(number) > 16
    assert _psql(
        pg_team,
        "SELECT data_type FROM information_schema.columns "
        "WHERE table_name = 'unsafe_address_notes' AND column_name = 'house_number'",
    ) == [("bytea",)]


def test_register_lookup_by_address_uses_the_blind_index(pg_team: PgTeam) -> None:
    sanne = pg_team.login("sanne")
    note_id = register.propose_note(
        sanne,
        address=ADDRESS,
        category="bedreiging",
        incident_date=pg_team.clock.now().date(),
        description="Bewoner dreigde de handhaver te slaan.",
        precautions="Altijd met twee.",
    )
    sanne.store.close()
    petra = pg_team.login("petra")
    register.approve_note(petra, note_id)
    other = Address("Akerstraat", 12, "", "6411 HB", "Heerlen")
    assert register.warnings_for(petra, other.key) == []
    found = register.warnings_for(petra, ADDRESS.key)
    assert [n.id for n in found] == [note_id]
    assert found[0].description.startswith("Bewoner dreigde")
    exported = export_address(petra, ADDRESS.key)
    assert len(exported["unsafe_address_notes"]) == 1
    petra.store.close()
    assert _psql(pg_team, "SELECT count(DISTINCT address_bidx) FROM unsafe_address_notes") == [(1,)]


def test_wrong_password_is_an_authentication_error(pg_team: PgTeam) -> None:
    with pytest.raises(AuthenticationError):
        accounts_login = pg_team.location
        from veilig_huisbezoek.services.team import team_log_in

        team_log_in(accounts_login, "sanne", "verkeerd-wachtwoord-9")


def test_password_change_rekeys_both_the_slot_and_the_server_role(pg_team: PgTeam) -> None:
    from veilig_huisbezoek.services.team import team_log_in

    sanne = pg_team.login("sanne")
    accounts.change_password(sanne, "sanne-wachtwoord-2", "nieuw-wachtwoord-sanne-7")
    sanne.store.engine.dispose()  # new pool connections use the new secret
    with sanne.store.session() as session:  # (a medewerker cannot read the audit log)
        assert session.execute(select(Account.id)).first() is not None
    sanne.store.close()
    with pytest.raises(AuthenticationError):
        team_log_in(pg_team.location, "sanne", "sanne-wachtwoord-2")
    again = team_log_in(pg_team.location, "sanne", "nieuw-wachtwoord-sanne-7")
    again.store.close()


def test_tls_is_required() -> None:
    with pytest.raises(TeamUrlError):
        TeamLocation.parse("postgresql://server/team?sslmode=disable")
    with pytest.raises(TeamUrlError):
        TeamLocation.parse("postgresql://server/team?sslmode=prefer")
    assert TeamLocation.parse("postgresql://server/team").url.query["sslmode"] == "verify-full"


def test_a_raw_sql_condition_on_a_sealed_column_is_still_refused(pg_team: PgTeam) -> None:
    """The services search free text on the workstation (tests/team/test_team_search.py);
    a SQL condition on a sealed column could never match, so the store refuses it."""
    sanne = pg_team.login("sanne")
    assert sanne.store.sealed_columns
    from veilig_huisbezoek.storage.models import Visit

    with pytest.raises(StoreError, match="versleuteld"), sanne.store.read_session() as session:
        session.execute(select(Visit.id).where(Visit.street.contains("Aker")))
    with sanne.store.read_session() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1
    sanne.store.close()


def test_an_edit_of_an_active_note_waits_for_another_leidinggevende_on_the_server(
    pg_team: PgTeam,
) -> None:
    from veilig_huisbezoek.domain.errors import NotAllowedError
    from veilig_huisbezoek.domain.register import NoteStatus

    sanne = pg_team.login("sanne")
    note_id = register.propose_note(
        sanne,
        address=ADDRESS,
        category="bedreiging",
        incident_date=pg_team.clock.now().date(),
        description="Bewoner dreigde de handhaver te slaan.",
    )
    sanne.store.close()
    petra = pg_team.login("petra")
    register.approve_note(petra, note_id)
    revision = register.edit_note(
        petra,
        note_id,
        address=ADDRESS,
        category="geweld",
        incident_date=pg_team.clock.now().date(),
        description="Bewoner sloeg de handhaver.",
    )
    with pytest.raises(NotAllowedError):
        register.approve_note(petra, revision)
    assert [n.id for n in register.warnings_for(petra, ADDRESS.key)] == [note_id]
    petra.store.close()
    anna = pg_team.login("anna")
    register.approve_note(anna, revision)
    assert [n.id for n in register.warnings_for(anna, ADDRESS.key)] == [revision]
    [old] = [n for n in register.list_notes(anna) if n.id == note_id]
    assert old.status is NoteStatus.INGETROKKEN
    anna.store.close()


def test_a_login_role_made_before_passwords_were_nfc_still_logs_in_and_is_healed(
    pg_team: PgTeam,
) -> None:
    import unicodedata

    from veilig_huisbezoek.services.team import team_log_in
    from veilig_huisbezoek.storage.team.schema import scram_verifier

    composed = "café-op-de-hoek-met-sanne"
    decomposed = unicodedata.normalize("NFD", composed)
    sanne = pg_team.login("sanne")
    accounts.change_password(sanne, "sanne-wachtwoord-2", composed)
    sanne.store.close()
    # As an older version did: the role's password derived from the password as typed.
    old = scram_verifier(pg_team.location.login_password("sanne", decomposed, as_typed=True))
    with psycopg.connect(pg_team.cluster.conninfo(pg_team.database)) as conn:
        conn.execute(f"ALTER ROLE \"{pg_team.location.login_role('sanne')}\" PASSWORD '{old}'")
    again = team_log_in(pg_team.location, "sanne", decomposed, pg_team.clock)
    again.store.close()
    # Healed: the NFC form (either spelling) now opens the role directly.
    for typed in (composed, decomposed):
        team_log_in(pg_team.location, "sanne", typed, pg_team.clock).store.close()
    with pytest.raises(AuthenticationError):
        team_log_in(pg_team.location, "sanne", "cafe-op-de-hoek-met-sanne", pg_team.clock)


def test_agenda_uids_come_from_the_servers_id_and_differ_from_another_servers(
    pg_cluster: Cluster, pg_team: PgTeam, clock: FakeClock
) -> None:
    visit_id = _plan_visit(pg_team)
    sanne = pg_team.login("sanne")
    uid = documents.agenda_item(sanne, visit_id).uid
    assert documents.agenda_item(sanne, visit_id).uid == uid  # exported again: the same
    sanne.store.close()
    bram = pg_team.login("bram")  # another workstation, another person: the same
    assert documents.agenda_item(bram, visit_id).uid == uid
    bram.store.close()
    [(store_id,)] = _psql(pg_team, "SELECT store_id FROM team_keyring")
    assert uid == documents.visit_uid(str(store_id), visit_id)

    other = make_pg_team(pg_cluster, clock)  # a second team server: the same row id
    assert _plan_visit(other) == visit_id
    sanne = other.login("sanne")
    assert documents.agenda_item(sanne, visit_id).uid != uid
    sanne.store.close()
