"""What a team server needs beyond the Alembic schema (run by the database owner).

* sealed personal columns become ``bytea`` (they hold AES-GCM ciphertext);
* ``address_bidx``: the blind address index on visits and register notes;
* ``team_keyring`` / ``team_keyslots`` / ``team_key_wraps``: the team key's current
  generation, each person's key pair (the private half sealed under their password)
  and every live generation's team key wrapped to each public key (as keyslots.json);
* ``team_logins``: which database role is which login name;
* who may do what, enforced by the server (:mod:`.rules`): roles, row-level security,
  guards, audit stamps, co-signatures, the account functions;
* statement triggers that NOTIFY ``vh_changes`` (see :mod:`.listen`).

Every statement is idempotent, so it is simply run again after each upgrade.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ..models import Base
from ..sealed import is_sealed
from . import rules, watch
from .location import TeamLocation

CHANNEL = "vh_changes"
BIDX_TABLES = ("visits", "unsafe_address_notes")
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
# Tables whose every row belongs to one visit (``visits`` by its id, the others by
# ``visit_id``): their notifications name the visits changed, up to VISITS_NAMED.
VISIT_TABLES = ("visits", "callbacks", "calls", "visit_events", "visit_colleagues", "alarms")
VISITS_NAMED = 200
# What an update of ``visits`` is named by when it left each visit's head as it was:
# its state, visitor, buddy, start and expected return (who watches it, whether it
# runs, who may read it; the colleagues and alarms are tables of their own).
VISIT_DETAILS = "visits.details"
HEAD_COLUMNS = ("state", "visitor_id", "buddy_id", "start_at", "expected_return_at")
# A change named by these touches a visit's details only: a workstation that does not
# hold that visit (cannot read it, or it is not running) has nothing to read again.
DETAIL_TABLES = ("callbacks", "calls", "visit_events", VISIT_DETAILS)
NAMING_TABLES = (*VISIT_TABLES, VISIT_DETAILS)


def sealed_columns() -> list[tuple[str, str]]:
    return [
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if is_sealed(column.type)
    ]


_TABLES = (
    """
CREATE TABLE IF NOT EXISTS team_keyring (
    id integer PRIMARY KEY CHECK (id = 1),
    store_id text NOT NULL,
    store_salt bytea NOT NULL,
    kdf jsonb NOT NULL
);
-- 2: every sealed value is bound to its place (reseal.py); unbound ones are refused.
ALTER TABLE team_keyring ADD COLUMN IF NOT EXISTS seal_format integer NOT NULL DEFAULT 1;
CREATE TABLE IF NOT EXISTS team_keyslots (
    slot_id text PRIMARY KEY,
    rolname text NOT NULL,
    nonce bytea NOT NULL,
    wrapped_key bytea NOT NULL
);
-- Key pairs (format 2 of the key slots): public_key is set, and nonce + wrapped_key hold
-- the private key sealed under the password key. A password slot (before key pairs)
-- has no public key: nonce + wrapped_key hold the generation-1 team key itself, or
-- nothing once that generation is retired (the slot is withdrawn).
ALTER TABLE team_keyslots ADD COLUMN IF NOT EXISTS public_key bytea;
-- The team key of each generation, wrapped to a person's public key (ECIES:
-- ephemeral public key | nonce | ciphertext), with its admission tag.
CREATE TABLE IF NOT EXISTS team_key_wraps (
    rolname text NOT NULL,
    generation integer NOT NULL CHECK (generation > 0),
    wrapped bytea NOT NULL,
    tag bytea NOT NULL,
    PRIMARY KEY (rolname, generation)
);
-- The current generation (new values are sealed with it) and the transaction that
-- made it current (rules: a removal or reset commits only together with one).
ALTER TABLE team_keyring ADD COLUMN IF NOT EXISTS generation integer NOT NULL DEFAULT 1;
ALTER TABLE team_keyring ADD COLUMN IF NOT EXISTS rotated_xact xid8;
CREATE TABLE IF NOT EXISTS team_logins (
    rolname text PRIMARY KEY,
    username text NOT NULL UNIQUE
);
CREATE OR REPLACE FUNCTION vh_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify('vh_changes', TG_TABLE_NAME); RETURN NULL; END $$;
-- A visit's own rows: the payload names the visits the statement changed ('visits 3,7';
-- listen.py), so that a workstation re-reads those visits only. The table alone when
-- it changed more than VISITS_NAMED visits or a row of no visit; nothing for no rows.
-- An update of visits names the visits whose head moved ('visits 3') apart from those
-- whose other columns only changed ('visits.details 7': HEAD_COLUMNS in schema.py).
CREATE OR REPLACE FUNCTION vh_notify_visits() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        ids text;
        details text;
        unnamed boolean;
    BEGIN
        IF TG_TABLE_NAME = 'visits' AND TG_OP = 'UPDATE' THEN
            SELECT string_agg(id::text, ',' ORDER BY id) FILTER (WHERE moved),
                   string_agg(id::text, ',' ORDER BY id) FILTER (WHERE NOT moved),
                   count(*) > VISITS_NAMED INTO ids, details, unnamed
            FROM (SELECT coalesce(n.id, o.id) AS id,
                         bool_or(ROW(HEADS_N) IS DISTINCT FROM ROW(HEADS_O)) AS moved
                  FROM changed_rows n FULL JOIN old_rows o ON o.id = n.id
                  GROUP BY 1 LIMIT VISITS_NAMED + 1) named;
            IF unnamed THEN
                PERFORM pg_notify('vh_changes', TG_TABLE_NAME);
            END IF;
            IF ids IS NOT NULL AND NOT unnamed THEN
                PERFORM pg_notify('vh_changes', TG_TABLE_NAME || ' ' || ids);
            END IF;
            IF details IS NOT NULL AND NOT unnamed THEN
                PERFORM pg_notify('vh_changes', 'VISIT_DETAILS ' || details);
            END IF;
            RETURN NULL;
        ELSIF TG_TABLE_NAME = 'visits' THEN
            SELECT string_agg(id::text, ',' ORDER BY id), false INTO ids, unnamed
            FROM (SELECT DISTINCT id FROM changed_rows LIMIT VISITS_NAMED + 1) named
            HAVING count(*) <= VISITS_NAMED;
        ELSE
            SELECT string_agg(visit_id::text, ',' ORDER BY visit_id),
                   bool_or(visit_id IS NULL) INTO ids, unnamed
            FROM (SELECT DISTINCT visit_id FROM changed_rows LIMIT VISITS_NAMED + 1) named
            HAVING count(*) <= VISITS_NAMED;
        END IF;
        IF ids IS NOT NULL AND NOT unnamed THEN
            PERFORM pg_notify('vh_changes', TG_TABLE_NAME || ' ' || ids);
        ELSIF unnamed OR EXISTS (SELECT 1 FROM changed_rows) THEN
            PERFORM pg_notify('vh_changes', TG_TABLE_NAME);
        END IF;
        RETURN NULL;
    END $$;
""".replace("VISITS_NAMED", str(VISITS_NAMED))
    .replace("VISIT_DETAILS", VISIT_DETAILS)
    .replace("HEADS_N", ", ".join(f"n.{c}" for c in HEAD_COLUMNS))
    .replace("HEADS_O", ", ".join(f"o.{c}" for c in HEAD_COLUMNS))
)


def roles_for(location: TeamLocation, owner: str) -> rules.Roles:
    return rules.Roles(
        owner=owner,
        group=location.group_role,
        provision=location.provision_role,
        prefix=location.role_prefix,
    )


def _statements(location: TeamLocation, owner: str) -> list[str]:
    out = [_TABLES, watch.TABLES]
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
    columns: dict[str, list[str]] = {}
    for table, column in sealed_columns():
        columns.setdefault(table, []).append(column)
    roles = roles_for(location, owner)
    out += rules.statements(roles, location.database, columns)
    out += watch.statements(roles, location.watch_group_role, location.database)
    for table in NOTIFY_TABLES:
        out.append(f"DROP TRIGGER IF EXISTS vh_notify ON {table}")
        if table not in VISIT_TABLES:
            out.append(
                f"CREATE TRIGGER vh_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION vh_notify()"
            )
            continue
        # A trigger with a transition table has one event (PostgreSQL's rule).
        # The old rows of an update only where vh_notify_visits compares them.
        old = "OLD TABLE AS old_rows " if table == "visits" else ""
        for event, rows in (
            ("INSERT", "NEW TABLE AS changed_rows"),
            ("UPDATE", f"{old}NEW TABLE AS changed_rows"),
            ("DELETE", "OLD TABLE AS changed_rows"),
        ):
            name = f"vh_notify_{event.lower()}"
            out += [
                f"DROP TRIGGER IF EXISTS {name} ON {table}",
                f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {rows} "
                "FOR EACH STATEMENT EXECUTE FUNCTION vh_notify_visits()",
            ]
    return out


def ensure_team_schema(conn: Connection, location: TeamLocation) -> None:
    """Apply (again) everything above; run by the owner right after the migrations."""
    owner = str(conn.exec_driver_sql("SELECT current_user").scalar())
    for statement in _statements(location, owner):
        # The driver reads '%' as a placeholder (LIKE patterns, format()): doubled.
        conn.exec_driver_sql(statement.replace("%", "%%"))


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


def set_own_password(
    conn: Connection, location: TeamLocation, username: str, password: str
) -> None:
    """A person changes their own login role's password (no special right needed)."""
    secret = scram_verifier(location.login_password(username, password))
    conn.exec_driver_sql(f"ALTER ROLE {rules.q(location.login_role(username))} PASSWORD '{secret}'")
