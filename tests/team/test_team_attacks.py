"""The team server is the authority: each person logs in through the app, then sends
hand-written SQL over **their own connection** (same password, same database role).

Every attack must fail with the server's own error, and nothing on the server may
change (a snapshot of every table, taken as the cluster's superuser, is compared).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import psycopg
import pytest

from tests.conftest import PASSWORDS
from tests.presence_helpers import present_as
from tests.services.test_services import ADDRESS, _assessment, _plan
from tests.team.conftest import PgTeam
from veilig_huisbezoek.domain.checklist import RiskLevel
from veilig_huisbezoek.domain.errors import NotAllowedError
from veilig_huisbezoek.domain.register import NoteCategory
from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.domain.visit import VisitPlan, VisitReason, default_callbacks
from veilig_huisbezoek.services import accounts, register, visits
from veilig_huisbezoek.services.accounts import NewAccount
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage.errors import StoreError


@pytest.fixture
def pg_team(pg_team_each_version: PgTeam) -> PgTeam:
    """These run on PostgreSQL 15 and 16."""
    return pg_team_each_version


TOM_PASSWORD = "tom-beheert-de-accounts-7"


@dataclass
class Scene:
    team: PgTeam
    running: int  # bram visits, sanne is buddy: onderweg
    unrelated: int  # bram visits, petra is buddy: sanne has nothing to do with it
    proposed: int  # a note proposed by sanne herself (so she sees it)
    active: int  # a note proposed by sanne, approved by petra
    hidden: int  # a note proposed by bram: sanne does not even see it
    petras: int  # a note proposed by petra


def _password(name: str) -> str:
    return TOM_PASSWORD if name == "tom" else PASSWORDS[name]


def _connect(team: PgTeam, name: str) -> psycopg.Connection[tuple[object, ...]]:
    """A person's own server connection: their login role and database password."""
    return psycopg.connect(
        **team.cluster.connect_args(  # type: ignore[arg-type]
            team.database,
            team.location.login_role(name),
            team.location.login_password(name, _password(name)),
        )
    )


def _snapshot(team: PgTeam) -> dict[str, str]:
    """Everything on the server, as the cluster's superuser sees it (past row security);
    logging in through the app adds a 'logged_in' audit entry, which is left out."""
    with psycopg.connect(team.cluster.conninfo(team.database)) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        data = {
            t: repr(
                conn.execute(
                    f'SELECT * FROM "{t}"'
                    + (" WHERE action <> 'logged_in'" if t == "audit_log" else "")
                    + " ORDER BY 1"
                ).fetchall()
            )
            for t in tables
        }
        data["pg_authid"] = repr(
            conn.execute(
                "SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, "
                "rolcanlogin, rolpassword FROM pg_authid ORDER BY 1"
            ).fetchall()
        )
        data["pg_auth_members"] = repr(
            conn.execute(
                "SELECT roleid::regrole::text, member::regrole::text, admin_option "
                "FROM pg_auth_members ORDER BY 1, 2"
            ).fetchall()
        )
    return data


def _assert_same(before: dict[str, str], after: dict[str, str]) -> None:
    changed = [name for name in before.keys() | after.keys() if before.get(name) != after.get(name)]
    assert not changed, f"the server changed: {sorted(changed)}"


def _visit_as(team: PgTeam, visitor: str, buddy: str) -> int:
    ctx = team.login(visitor)
    start = team.clock.now() + timedelta(minutes=30)
    plan = VisitPlan.create(
        reason=VisitReason.HANDHAVING,
        address=ADDRESS,
        residents="Dhr. Janssen",
        clients="Dhr. Janssen",
        client_phone_text="06-12345678",
        start=start,
        expected_return=start + timedelta(hours=1),
        visitor_id=ctx.actor.account_id,
        colleague_ids=(),
        roles_note="",
        interpreter=False,
        announced_in_writing=True,
        buddy_id=team.ids[buddy],
        callbacks=default_callbacks(start, start + timedelta(hours=1), RiskLevel.GROEN),
        now=team.clock.now(),
    )
    visit_id = visits.save_visit(ctx, plan, _assessment(RiskLevel.GROEN))
    visits.schedule_visit(ctx, visit_id)
    present_as(team.login, buddy)
    visits.depart(ctx, visit_id)
    ctx.store.close()
    # The scene starts with nobody present (the presence tests count on it).
    with psycopg.connect(team.cluster.conninfo(team.database)) as conn:
        conn.execute("SET session_replication_role = replica")  # past the guard
        conn.execute("DELETE FROM presence")
    return visit_id


def _note(ctx: ServiceContext, street: str) -> int:
    from veilig_huisbezoek.domain.address import Address

    return register.propose_note(
        ctx,
        address=Address(street, 3, "", "6411 HB", "Heerlen"),
        category=NoteCategory.BEDREIGING,
        incident_date=ctx.now().date() - timedelta(days=2),
        description="Bewoner dreigde de handhaver met een mes.",
        precautions="Altijd met twee.",
    )


@pytest.fixture
def scene(pg_team: PgTeam) -> Scene:
    anna = pg_team.login("anna")
    pg_team.ids["tom"] = accounts.add_account(
        anna, NewAccount("tom", TOM_PASSWORD, "Tom", "Bakker", frozenset({Role.BEHEERDER}))
    )
    anna.store.close()
    running = _visit_as(pg_team, "bram", "sanne")
    unrelated = _visit_as(pg_team, "bram", "petra")
    bram = pg_team.login("bram")
    hidden = _note(bram, "Kerkstraat")
    bram.store.close()
    sanne = pg_team.login("sanne")
    active = _note(sanne, "Molenweg")
    proposed = _note(sanne, "Dorpsstraat")
    sanne.store.close()
    petra = pg_team.login("petra")
    register.approve_note(petra, active)
    petras = _note(petra, "Stationsweg")
    petra.store.close()
    return Scene(pg_team, running, unrelated, proposed, active, hidden, petras)


@pytest.fixture
def unchanged(scene: Scene) -> Iterator[None]:
    before = _snapshot(scene.team)
    yield
    _assert_same(before, _snapshot(scene.team))


def _refused(scene: Scene, name: str, *statements: str) -> None:
    """Each statement, on the person's own connection, is refused by the server."""
    with _connect(scene.team, name) as conn:
        for statement in statements:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()


def _hidden(scene: Scene, name: str, *statements: str) -> None:
    """Each statement finds nothing: row security hides the rows from this person."""
    with _connect(scene.team, name) as conn:
        for statement in statements:
            assert conn.execute(statement).rowcount == 0, statement
        conn.rollback()


def _role(scene: Scene, name: str) -> str:
    return '"' + scene.team.location.login_role(name) + '"'


# ---- the beheerder's role ------------------------------------------------------------------


@pytest.mark.usefixtures("unchanged")
def test_the_beheerder_cannot_reach_server_programs_the_owner_or_new_roles(scene: Scene) -> None:
    tom = _role(scene, "tom")
    owner = scene.team.cluster.owners[scene.team.database][0]
    _refused(
        scene,
        "tom",
        f"GRANT pg_execute_server_program TO {tom}",
        "COPY (SELECT 1) TO PROGRAM 'id'",
        f'GRANT "{owner}" TO {tom}',
        "CREATE ROLE evil LOGIN PASSWORD 'evil-evil-evil' IN ROLE pg_read_all_data",
        "CREATE ROLE evil2 LOGIN",
        f"ALTER ROLE {_role(scene, 'petra')} PASSWORD 'overgenomen-wachtwoord'",
        f"ALTER ROLE {tom} CREATEROLE",
        f"GRANT {_role(scene, 'petra')} TO {tom}",
    )


def test_no_role_the_app_uses_holds_createrole_superuser_or_server_rights(scene: Scene) -> None:
    prefix = scene.team.location.role_prefix
    with psycopg.connect(scene.team.cluster.conninfo(scene.team.database)) as conn:
        roles = conn.execute(
            "SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication "
            "FROM pg_roles WHERE rolname LIKE %s AND rolcanlogin",
            (prefix + "%",),
        ).fetchall()
        memberships = conn.execute(
            "SELECT m.roleid::regrole::text, m.member::regrole::text, m.admin_option "
            "FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
            "WHERE r.rolname LIKE %s AND r.rolcanlogin",
            (prefix + "%",),
        ).fetchall()
    assert len(roles) == 5  # anna, sanne, bram, petra, tom
    assert all(not any(flags) for _name, *flags in roles), roles
    group = scene.team.location.group_role
    assert {(granted.strip('"'), admin) for granted, _member, admin in memberships} == {
        (group, False)
    }


# ---- a medewerker ------------------------------------------------------------------------


@pytest.mark.usefixtures("unchanged")
def test_a_medewerker_cannot_approve_or_delete_register_notes(scene: Scene) -> None:
    petra = scene.team.ids["petra"]
    _refused(
        scene,
        "sanne",
        f"UPDATE unsafe_address_notes SET status = 'actief', approved_by = {petra}, "
        f"approved_at = now() WHERE id = {scene.proposed}",
        "DELETE FROM unsafe_address_notes",
        f"UPDATE unsafe_address_notes SET status = 'ingetrokken' WHERE id = {scene.active}",
        f"UPDATE unsafe_address_notes SET review_due = review_due + 3650 WHERE id = {scene.active}",
        "INSERT INTO unsafe_address_notes (street, house_number, addition, postcode, city, "
        "category, incident_date, description, precautions, author_id, status, created_at, "
        f"retire_reason) SELECT street, house_number, addition, postcode, city, category, "
        f"incident_date, description, precautions, {scene.team.ids['sanne']}, 'actief', "
        f"created_at, retire_reason FROM unsafe_address_notes WHERE id = {scene.active}",
    )
    _hidden(
        scene,
        "sanne",
        f"SELECT 1 FROM unsafe_address_notes WHERE id = {scene.hidden}",
        f"UPDATE unsafe_address_notes SET status = 'actief', approved_by = {petra} "
        f"WHERE id = {scene.hidden}",
    )


@pytest.mark.usefixtures("unchanged")
def test_a_medewerker_cannot_change_the_settings(scene: Scene) -> None:
    police = json.dumps({"police_emergency": "0612345678", "escalation_minutes": 120})
    _refused(
        scene,
        "sanne",
        f"UPDATE settings SET value = '{police}'",
        f"INSERT INTO settings (key, value) VALUES ('organisation', '{police}')",
        "DELETE FROM settings",
    )


@pytest.mark.usefixtures("unchanged")
def test_a_buddy_cannot_end_the_visit_or_cancel_its_call_backs(scene: Scene) -> None:
    _refused(
        scene,
        "sanne",
        f"UPDATE visits SET state = 'terug_veilig' WHERE id = {scene.running}",
        f"UPDATE callbacks SET status = 'vervallen' WHERE visit_id = {scene.running}",
        f"DELETE FROM callbacks WHERE visit_id = {scene.running}",
        f"UPDATE visits SET buddy_id = {scene.team.ids['sanne']}, "
        f"expected_return_at = expected_return_at + interval '5 hours' WHERE id = {scene.running}",
    )


@pytest.mark.usefixtures("unchanged")
def test_a_medewerker_cannot_write_audit_entries_in_someone_elses_name(scene: Scene) -> None:
    petra = scene.team.ids["petra"]
    _refused(
        scene,
        "sanne",
        "INSERT INTO audit_log (id, at, actor_id, action, object_type, object_id, detail, "
        f"prev_hash, hash) SELECT max(id) + 1, now(), {petra}, 'note_approved', 'note', "
        "''::bytea, ''::bytea, 'x', 'y' FROM audit_log",
        "INSERT INTO audit_log (id, at, actor_id, action, object_type, object_id, detail, "
        f"prev_hash, hash) VALUES (100000, now(), {petra}, 'note_approved', 'note', "
        "''::bytea, ''::bytea, 'x', 'y')",
        "DELETE FROM audit_log",
    )


@pytest.mark.usefixtures("unchanged")
def test_a_medewerker_cannot_make_herself_a_colleague_to_read_other_visits(scene: Scene) -> None:
    sanne = scene.team.ids["sanne"]
    _refused(
        scene,
        "sanne",
        f"INSERT INTO visit_colleagues (visit_id, account_id) VALUES ({scene.unrelated}, {sanne})",
    )
    with _connect(scene.team, "sanne") as conn:
        seen = [r[0] for r in conn.execute("SELECT id FROM visits")]
        assert scene.unrelated not in seen and scene.running in seen


@pytest.mark.usefixtures("unchanged")
def test_a_medewerker_cannot_raise_her_own_rights_or_take_other_logins(scene: Scene) -> None:
    sanne = scene.team.ids["sanne"]
    _refused(
        scene,
        "sanne",
        f"UPDATE accounts SET roles = 'leidinggevende,medewerker' WHERE id = {sanne}",
        "UPDATE team_logins SET username = 'petra' WHERE username = 'sanne'",
        f"INSERT INTO team_keyslots (slot_id, rolname, nonce, wrapped_key) VALUES "
        f"('x', '{scene.team.location.login_role('petra')}', ''::bytea, ''::bytea)",
    )
    _hidden(
        scene,
        "sanne",
        f"UPDATE accounts SET active = false WHERE id = {scene.team.ids['petra']}",
        "DELETE FROM team_keyslots WHERE rolname <> session_user",
        "SELECT 1 FROM team_keyslots WHERE rolname <> session_user",
    )


@pytest.mark.usefixtures("unchanged")
def test_a_medewerker_cannot_acknowledge_or_call_for_a_visit_that_is_not_hers(
    scene: Scene,
) -> None:
    bram = scene.team.ids["bram"]
    _refused(
        scene,
        "sanne",
        "INSERT INTO calls (visit_id, buddy_id, called_at, reached, action) VALUES "
        f"({scene.running}, {bram}, now(), true, 'ok')",
        f"INSERT INTO alarms (reminder_key, kind, visit_id, due_at, raised_at, acknowledged_at, "
        f"acknowledged_by, late, audience) VALUES ('x:1', 'overdue', {scene.running}, now(), "
        f"now(), now(), {bram}, false, 'leidinggevenden')",
    )


# ---- the app's own calls with someone else's actor -----------------------------------------


def _lead_actor(scene: Scene) -> ServiceContext:
    petra = scene.team.login("petra")
    actor = petra.actor
    petra.store.close()
    sanne = scene.team.login("sanne")
    return ServiceContext(sanne.store, actor, sanne.clock)


@pytest.mark.usefixtures("unchanged")
def test_a_service_call_with_the_leidinggevendes_actor_on_a_medewerkers_connection(
    scene: Scene,
) -> None:
    forged = _lead_actor(scene)
    try:
        with pytest.raises(StoreError, match="weigert"):
            register.approve_note(forged, scene.proposed)
        with pytest.raises(StoreError, match="weigert"):
            register.retire_note(forged, scene.active, "Geen reden, gewoon weg ermee.")
    finally:
        forged.store.close()


def test_consent_given_with_a_leidinggevendes_actor_but_no_signature_is_refused(
    scene: Scene,
) -> None:
    sanne = scene.team.login("sanne")
    plan = _plan(sanne, scene.team)  # type: ignore[arg-type]
    visit_id = visits.save_visit(
        sanne, plan, _assessment(RiskLevel.ROOD), deviation_reason="Collega ziek, overlegd."
    )
    sanne.store.close()
    before = _snapshot(scene.team)
    forged = _lead_actor(scene)
    try:
        with pytest.raises(StoreError, match="weigert"):
            visits.give_consent(forged, visit_id, "Ik teken zelf wel even voor Petra.")
    finally:
        forged.store.close()
    _assert_same(before, _snapshot(scene.team))


# ---- leidinggevenden and four eyes -------------------------------------------------------------


@pytest.mark.usefixtures("unchanged")
def test_a_leidinggevende_cannot_approve_her_own_proposal_or_edit_a_note_and_keep_it_active(
    scene: Scene,
) -> None:
    petra_id = scene.team.ids["petra"]
    with _connect(scene.team, "petra") as conn:
        conn.execute(
            "UPDATE unsafe_address_notes SET author_id = author_id WHERE id = %s", (scene.active,)
        )
        conn.rollback()
    _refused(
        scene,
        "petra",
        f"UPDATE unsafe_address_notes SET description = description || 'x'::bytea "
        f"WHERE id = {scene.active}",
        f"UPDATE unsafe_address_notes SET author_id = {petra_id}, status = 'actief', "
        f"approved_by = {petra_id} WHERE id = {scene.proposed}",
        f"UPDATE unsafe_address_notes SET status = 'actief', approved_by = {petra_id}, "
        f"approved_at = now() WHERE id = {scene.petras}",
    )
    forged = scene.team.login("petra")
    try:
        with pytest.raises(NotAllowedError):  # the app says so first; the server too
            register.approve_note(forged, scene.petras)
    finally:
        forged.store.close()


def test_row_security_is_forced_on_every_table_with_team_data(scene: Scene) -> None:
    from veilig_huisbezoek.storage.team.rules import TEAM_TABLES

    with psycopg.connect(scene.team.cluster.conninfo(scene.team.database)) as conn:
        rows = conn.execute(
            "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
            "WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"
        ).fetchall()
    tables = {name: (enabled, forced) for name, enabled, forced in rows}
    missing = set(tables) - set(TEAM_TABLES) - {"alembic_version"}
    assert not missing, f"tables without rules: {missing}"
    assert all(tables[t] == (True, True) for t in TEAM_TABLES), tables


# ---- key pairs and team keys ---------------------------------------------------------------

_KEY = "'\\x" + "01" * 32 + "'::bytea"  # 32 bytes: looks like a public key
_WRAP = "'\\x" + "02" * 80 + "'::bytea"


@pytest.mark.usefixtures("unchanged")
def test_a_medewerker_cannot_plant_a_key_or_a_wrapped_key_for_someone_else(scene: Scene) -> None:
    petra = scene.team.location.login_role("petra")
    _refused(
        scene,
        "sanne",
        "INSERT INTO team_keyslots (slot_id, rolname, nonce, wrapped_key, public_key) VALUES "
        f"('x', '{petra}', ''::bytea, ''::bytea, {_KEY})",
        "INSERT INTO team_key_wraps (rolname, generation, wrapped, tag) VALUES "
        f"('{petra}', 1, {_WRAP}, {_KEY})",
        # Not even her own public key changes in place, nor any wrapped key.
        f"UPDATE team_keyslots SET public_key = {_KEY}",
        f"UPDATE team_key_wraps SET wrapped = {_WRAP}",
        # Her own wrapped key of a generation that is not current would block the next
        # rotation: refused.
        "INSERT INTO team_key_wraps (rolname, generation, wrapped, tag) VALUES "
        f"(session_user, 2, {_WRAP}, {_KEY})",
        "UPDATE team_keyring SET generation = generation + 1",
        "DELETE FROM team_keyring",
    )
    _hidden(
        scene,
        "sanne",
        "SELECT 1 FROM team_key_wraps WHERE rolname <> session_user",
        "DELETE FROM team_key_wraps WHERE rolname <> session_user",
        "SELECT 1 FROM team_keyslots WHERE rolname <> session_user",
    )


@pytest.mark.usefixtures("unchanged")
def test_a_medewerker_cannot_replace_the_team_key_or_list_the_public_keys(scene: Scene) -> None:
    sanne = scene.team.location.login_role("sanne")
    _refused(
        scene,
        "sanne",
        f"SELECT vh_rotate_team_key(2, ARRAY['{sanne}'], ARRAY[{_WRAP}], ARRAY[{_KEY}])",
        "SELECT * FROM vh_team_public_keys()",
    )


def _beheerder_attempt(
    scene: Scene, statement: str, audit_action: str, refusal: str, **params: object
) -> None:
    """Tom (beheerder) logs the action through the app, then sends ``statement`` on his
    own connection in the same transaction: the server refuses (at the latest at commit)."""
    from sqlalchemy import text

    from veilig_huisbezoek.services.team import team_log_in
    from veilig_huisbezoek.storage.team.errors import TeamRefusedError

    tom = team_log_in(scene.team.location, "tom", TOM_PASSWORD, scene.team.clock)
    try:
        with pytest.raises(TeamRefusedError, match=refusal), tom.store.session() as session:
            tom.audit(session, audit_action, "account", scene.team.ids["sanne"])
            session.execute(text(statement), params)
    finally:
        tom.store.close()


@pytest.mark.usefixtures("unchanged")
def test_a_beheerder_cannot_remove_or_reset_without_a_new_team_key(scene: Scene) -> None:
    sanne = scene.team.ids["sanne"]
    _beheerder_attempt(
        scene, f"SELECT vh_remove_account({sanne})", "account_removed", "nieuwe teamsleutel"
    )
    _beheerder_attempt(
        scene,
        "SELECT vh_set_login(:a, :v, 's', :n, :k, :p, ARRAY[1], ARRAY[:w], ARRAY[:t])",
        "password_reset",
        "nieuwe teamsleutel",
        a=sanne,
        v="SCRAM-SHA-256$4096:YQ==$YQ==:YQ==",
        n=b"\0" * 12,
        k=b"\0" * 48,
        p=b"\1" * 32,
        w=b"\2" * 80,
        t=b"\3" * 32,
    )


@pytest.mark.usefixtures("unchanged")
def test_a_beheerder_cannot_give_a_new_team_key_to_whom_it_does_not_belong(scene: Scene) -> None:
    team = scene.team
    tom, petra = team.location.login_role("tom"), team.location.login_role("petra")
    wrap, key = b"\2" * 80, b"\3" * 32
    # Without logging it first.
    _refused(
        scene,
        "tom",
        f"SELECT vh_rotate_team_key(2, ARRAY['{tom}'], ARRAY[{_WRAP}], ARRAY[{_KEY}])",
    )
    # To a role that is no active account with a key pair (the team's group role).
    _beheerder_attempt(
        scene,
        "SELECT vh_rotate_team_key(2, CAST(:r AS text[]), CAST(:w AS bytea[]), "
        "CAST(:t AS bytea[]))",
        "team_key_rotated",
        "alleen naar actieve accounts",
        r=[tom, petra, team.location.group_role],
        w=[wrap] * 3,
        t=[key] * 3,
    )
    # Skipping a generation, or the current one again.
    for generation in (1, 3):
        _beheerder_attempt(
            scene,
            "SELECT vh_rotate_team_key(:g, CAST(:r AS text[]), CAST(:w AS bytea[]), "
            "CAST(:t AS bytea[]))",
            "team_key_rotated",
            "al vervangen",
            g=generation,
            r=[tom],
            w=[wrap],
            t=[key],
        )


# ---- presence ------------------------------------------------------------------------------


def test_a_medewerker_cannot_write_presence_for_someone_else(scene: Scene) -> None:
    """Everyone sees who is there; nobody can make someone else look present (or gone)."""
    from veilig_huisbezoek.services import presence

    team = scene.team
    bram = team.login("bram")
    presence.heartbeat(bram, "b" * 32)
    bram.store.close()
    before = _snapshot(team)
    bram_id, sanne_id = team.ids["bram"], team.ids["sanne"]
    # Her own connection: she may read everyone's presence ...
    with _connect(team, "sanne") as conn:
        rows = conn.execute("SELECT account_id FROM presence").fetchall()
        assert rows == [(bram_id,)]
    # ... but not heartbeat, take over or end Bram's session.
    _refused(
        scene,
        "sanne",
        "INSERT INTO presence (session_id, account_id, started_at, seen_at, locked) "
        f"VALUES ('{'s' * 32}', {bram_id}, now(), now(), false)",
        "INSERT INTO presence (session_id, account_id, started_at, seen_at, locked) "
        f"VALUES ('{'b' * 32}', {sanne_id}, now(), now(), false) "
        "ON CONFLICT (session_id) DO UPDATE SET seen_at = excluded.seen_at",
    )
    _hidden(
        scene,
        "sanne",
        "UPDATE presence SET seen_at = now() + interval '1 year', ended_at = NULL",
        "UPDATE presence SET ended_at = now()",
        "UPDATE presence SET account_id = " + str(sanne_id),
        "DELETE FROM presence",
    )
    _assert_same(before, _snapshot(team))
