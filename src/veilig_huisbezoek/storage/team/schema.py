"""What a team server needs beyond the Alembic schema (run by the database owner).

* sealed personal columns become ``bytea`` (they hold AES-GCM ciphertext);
* ``address_bidx``: the blind address index on visits and register notes;
* ``team_keyring`` / ``team_keyslots``: the team key wrapped per person (as keyslots.json);
* ``team_logins``: which database role is which login name;
* a group role per team with table rights, and row-level security: a medewerker's
  session sees only the visits (and their call-backs, calls, alarms, incidents) they
  are visitor, buddy or colleague on; a leidinggevende sees all; only a beheerder
  manages accounts and login roles;
* statement triggers that NOTIFY ``vh_changes`` (see :mod:`.listen`).

Every statement is idempotent, so it is simply run again after each upgrade.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from ..models import Base
from ..sealed import is_sealed
from .location import TeamLocation

CHANNEL = "vh_changes"
BIDX_TABLES = ("visits", "unsafe_address_notes")
# Tables whose rows belong to one visit / one incident: visible when that one is.
VISIT_CHILDREN = ("callbacks", "calls", "visit_events", "assessments")
INCIDENT_CHILDREN = (
    "incident_steps",
    "incident_police_reports",
    "incident_aftercare",
    "incident_attachments",
)
NOTIFY_TABLES = (
    "visits",
    "callbacks",
    "calls",
    "visit_events",
    "visit_colleagues",
    "alarms",
    "unsafe_address_notes",
    "incidents",
    "accounts",
    "settings",
)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sealed_columns() -> list[tuple[str, str]]:
    return [
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if is_sealed(column.type)
    ]


_TABLES = """
CREATE TABLE IF NOT EXISTS team_keyring (
    id integer PRIMARY KEY CHECK (id = 1),
    store_id text NOT NULL,
    store_salt bytea NOT NULL,
    kdf jsonb NOT NULL
);
CREATE TABLE IF NOT EXISTS team_keyslots (
    slot_id text PRIMARY KEY,
    rolname text NOT NULL,
    nonce bytea NOT NULL,
    wrapped_key bytea NOT NULL
);
CREATE TABLE IF NOT EXISTS team_logins (
    rolname text PRIMARY KEY,
    username text NOT NULL UNIQUE
);
CREATE OR REPLACE FUNCTION vh_account(who name) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT a.id FROM accounts a JOIN team_logins l ON l.username = a.username
    WHERE l.rolname = who AND a.active $$;
CREATE OR REPLACE FUNCTION vh_has_role(who name, wanted text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT coalesce((
        SELECT wanted = ANY (string_to_array(a.roles, ','))
        FROM accounts a JOIN team_logins l ON l.username = a.username
        WHERE l.rolname = who AND a.active), false) $$;
CREATE OR REPLACE FUNCTION vh_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify('vh_changes', TG_TABLE_NAME); RETURN NULL; END $$;
CREATE OR REPLACE FUNCTION vh_accounts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF vh_has_role(current_user, 'beheerder') OR vh_account(current_user) IS NULL
           AND NOT EXISTS (SELECT 1 FROM team_logins WHERE rolname = current_user) THEN
            RETURN NEW;  -- a beheerder, or the owner setting the server up
        END IF;
        IF NEW.id <> vh_account(current_user) OR NEW.roles <> OLD.roles
           OR NEW.username <> OLD.username OR NEW.active <> OLD.active THEN
            RAISE EXCEPTION 'alleen een beheerder kan accounts wijzigen'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END $$;
"""


def _statements(location: TeamLocation) -> list[str]:
    group = _q(location.group_role)
    db = _q(location.database)
    me = "vh_account(current_user)"
    lg = "vh_has_role(current_user, 'leidinggevende')"
    bh = "vh_has_role(current_user, 'beheerder')"
    visible_visit = (
        f"{lg} OR visitor_id = {me} OR buddy_id = {me} OR EXISTS (SELECT 1 FROM "
        f"visit_colleagues c WHERE c.visit_id = visits.id AND c.account_id = {me})"
    )
    out = [_TABLES]
    for table in BIDX_TABLES:
        out.append(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS address_bidx text")
        out.append(f"CREATE INDEX IF NOT EXISTS ix_{table}_bidx ON {table} (address_bidx)")
    for table, column in sealed_columns():
        out.append(
            "DO $$ BEGIN IF (SELECT data_type FROM information_schema.columns WHERE "
            f"table_schema = 'public' AND table_name = '{table}' AND column_name = '{column}')"
            f" <> 'bytea' THEN ALTER TABLE {table} ALTER COLUMN {column} TYPE bytea "
            f"USING convert_to({column}::text, 'UTF8'); END IF; END $$"
        )
    out += [
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
        f"'{location.group_role}') THEN CREATE ROLE {group} NOLOGIN; END IF; END $$",
        f"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {group}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {group}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {group}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {group}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version, team_keyring FROM {group}",
        f"REVOKE UPDATE, DELETE ON audit_log FROM {group}",
        # accounts: everyone sees colleagues (to choose a buddy); only a beheerder adds
        # people or changes roles (policy + trigger), anyone may re-key their own row.
        "ALTER TABLE accounts ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS vh_read ON accounts",
        f"CREATE POLICY vh_read ON accounts FOR SELECT TO {group} USING (true)",
        "DROP POLICY IF EXISTS vh_add ON accounts",
        f"CREATE POLICY vh_add ON accounts FOR INSERT TO {group} WITH CHECK ({bh})",
        "DROP POLICY IF EXISTS vh_change ON accounts",
        f"CREATE POLICY vh_change ON accounts FOR UPDATE TO {group} USING (id = {me} OR {bh})",
        "DROP TRIGGER IF EXISTS vh_accounts_guard ON accounts",
        "CREATE TRIGGER vh_accounts_guard BEFORE UPDATE ON accounts "
        "FOR EACH ROW EXECUTE FUNCTION vh_accounts_guard()",
        # login names and key slots: a beheerder for everyone, a person for their own.
        "ALTER TABLE team_logins ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS vh_read ON team_logins",
        f"CREATE POLICY vh_read ON team_logins FOR SELECT TO {group} USING (true)",
        "DROP POLICY IF EXISTS vh_manage ON team_logins",
        f"CREATE POLICY vh_manage ON team_logins FOR ALL TO {group} USING ({bh}) WITH CHECK ({bh})",
        "ALTER TABLE team_keyslots ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS vh_read ON team_keyslots",
        f"CREATE POLICY vh_read ON team_keyslots FOR SELECT TO {group} USING (true)",
        "DROP POLICY IF EXISTS vh_manage ON team_keyslots",
        f"CREATE POLICY vh_manage ON team_keyslots FOR ALL TO {group} "
        f"USING (rolname = current_user OR {bh}) WITH CHECK (rolname = current_user OR {bh})",
        # visits and what hangs off them
        "ALTER TABLE visits ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS vh_own ON visits",
        f"CREATE POLICY vh_own ON visits FOR ALL TO {group} USING ({visible_visit}) "
        f"WITH CHECK ({visible_visit})",
    ]
    for table in VISIT_CHILDREN:
        out += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS vh_own ON {table}",
            f"CREATE POLICY vh_own ON {table} FOR ALL TO {group} "
            "USING (visit_id IN (SELECT id FROM visits)) "
            "WITH CHECK (visit_id IN (SELECT id FROM visits))",
        ]
    out += [
        "ALTER TABLE alarms ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS vh_own ON alarms",
        f"CREATE POLICY vh_own ON alarms FOR ALL TO {group} "
        "USING (visit_id IS NULL OR visit_id IN (SELECT id FROM visits)) "
        "WITH CHECK (visit_id IS NULL OR visit_id IN (SELECT id FROM visits))",
        "ALTER TABLE incidents ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS vh_own ON incidents",
        f"CREATE POLICY vh_own ON incidents FOR ALL TO {group} "
        f"USING ({lg} OR employee_id = {me} OR filed_by = {me}) "
        f"WITH CHECK ({lg} OR employee_id = {me} OR filed_by = {me})",
    ]
    for table in INCIDENT_CHILDREN:
        out += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS vh_own ON {table}",
            f"CREATE POLICY vh_own ON {table} FOR ALL TO {group} "
            "USING (incident_id IN (SELECT id FROM incidents)) "
            "WITH CHECK (incident_id IN (SELECT id FROM incidents))",
        ]
    for table in NOTIFY_TABLES:
        out += [
            f"DROP TRIGGER IF EXISTS vh_notify ON {table}",
            f"CREATE TRIGGER vh_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION vh_notify()",
        ]
    return out


def ensure_team_schema(conn: Connection, location: TeamLocation) -> None:
    """Apply (again) everything above; run by the owner right after the migrations."""
    for statement in _statements(location):
        conn.exec_driver_sql(statement)


def scram_verifier(password: str, *, iterations: int = 4096) -> str:
    """A SCRAM-SHA-256 verifier made here, so the password itself never reaches the
    server (nor its statement log)."""
    import base64
    import hashlib
    import hmac
    import secrets

    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def create_login(conn: Connection, location: TeamLocation, username: str, password: str) -> None:
    """Create (or re-key) a person's login role, a member of the team's group role."""
    role = location.login_role(username)
    secret = scram_verifier(location.login_password(username, password))
    exists = conn.execute(
        text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": role}
    ).first()
    if exists:
        # Anyone may change their own password; only a beheerder re-enables a login.
        conn.exec_driver_sql(f"ALTER ROLE {_q(role)} PASSWORD '{secret}'")
        if not exists[0]:
            conn.exec_driver_sql(f"ALTER ROLE {_q(role)} LOGIN")
    else:
        conn.exec_driver_sql(
            f"CREATE ROLE {_q(role)} LOGIN PASSWORD '{secret}' IN ROLE {_q(location.group_role)}"
        )
    known = conn.execute(text("SELECT 1 FROM team_logins WHERE rolname = :r"), {"r": role}).first()
    if not known:
        conn.execute(
            text("INSERT INTO team_logins (rolname, username) VALUES (:r, :u)"),
            {"r": role, "u": role[len(location.role_prefix) :]},
        )


def set_manager_rights(conn: Connection, location: TeamLocation, username: str) -> None:
    """A beheerder's login role may create and re-key the team's login roles."""
    role = _q(location.login_role(username))
    conn.exec_driver_sql(f"ALTER ROLE {role} CREATEROLE")
    conn.exec_driver_sql(f"GRANT {_q(location.group_role)} TO {role} WITH ADMIN OPTION")


def disable_login(conn: Connection, location: TeamLocation, rolname: str) -> None:
    if rolname.startswith(location.role_prefix):
        conn.exec_driver_sql(f"ALTER ROLE {_q(rolname)} NOLOGIN")
