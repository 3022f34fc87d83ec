"""Who may do what on a team server, enforced by the server itself (docs/design.md §4b).

A person's database role may do exactly what their app role may, and nothing a
hand-written SQL statement could add:

* **Identity** is ``session_user`` (the login role, which ``SET ROLE`` cannot change)
  → ``team_logins`` → an *active* account (:func:`vh_me`, :func:`vh_is`).
* **Row-level security** is enabled *and forced* on every table with team data, with
  policies per command; the owner (set-up, upgrades, copying) and the provisioning
  role (inside its own functions) have explicit policies of their own.
* **Guards**: triggers check every state change against the person behind the
  connection — statement-level ones refuse a command outright (so ``DELETE FROM …``
  fails with an error even where row security would hide every row), row-level ones
  check transitions and that every "by whom" column names the connection's account.
* **Audit entries** must name the connection's account (or a co-signer proven to the
  server in this transaction), carry the server's time of this transaction, and come
  next on the chain (:func:`vh_audit_head`).
* **Co-signatures** at someone else's desk: the signer's own credentials reach the
  server on the signer's own connection, which inserts a single-use, short-lived
  ``team_signatures`` row (the server fills in the signer); the action that needs it
  names its token in the transaction (``SET LOCAL vh.cosign``).
* **Accounts** are made, reset and removed only through three narrow functions owned
  by a NOLOGIN provisioning role (the only role with CREATEROLE besides the owner);
  no role the app logs in with holds CREATEROLE, superuser-like or server-program
  rights. Each account gets a key pair; the team key of every live generation is
  wrapped to its public half (``team_key_wraps``, one's own rows only).
* **Team keys** are replaced by a beheerder (:func:`vh_rotate_team_key`, audited):
  the next generation, wrapped to active people with a key pair only, made current
  in the same transaction as the removal or password reset that calls for it (a
  deferred check refuses the one without the other). New sealed values must carry
  the current generation (:func:`_seal_guards`); older generations stay wrapped
  until the owner's re-seal has left no value of them (:mod:`.reseal`).

Every statement is idempotent; :func:`statements` is run again after each upgrade.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...domain.presence import ABSENT_AFTER
from .locks import WRITE_LOCK

SIGNATURE_MINUTES = 15
# The hint on every refusal these rules raise: its message is Dutch and fit to show.
REFUSAL_HINT = "veilig-huisbezoek"
ABSENT_SECONDS = int(ABSENT_AFTER.total_seconds())
SIGNATURE_PURPOSES = ("toestemming", "leidinggevende_account", "leidinggevende_wachtwoord")
ROLE_NAMES = ("beheerder", "leidinggevende", "medewerker")

TEAM_TABLES = (
    "accounts",
    "settings",
    "visits",
    "visit_colleagues",
    "assessments",
    "callbacks",
    "calls",
    "visit_events",
    "unsafe_address_notes",
    "audit_log",
    "alarms",
    "incidents",
    "incident_steps",
    "incident_police_reports",
    "incident_aftercare",
    "incident_attachments",
    "team_keyring",
    "team_keyslots",
    "team_key_wraps",
    "team_logins",
    "team_signatures",
    "presence",
    # The watch service (storage/team/watch.py): leidinggevenden read the heartbeats.
    "watch_heartbeats",
    "watch_sends",
)
# What the team's group role may do at all (row security and guards narrow it down).
GRANTS = {
    "accounts": "SELECT, UPDATE",
    "settings": "SELECT, INSERT, UPDATE, DELETE",
    "visits": "SELECT, INSERT, UPDATE",
    "visit_colleagues": "SELECT, INSERT, DELETE",
    "assessments": "SELECT, INSERT",
    "callbacks": "SELECT, INSERT, UPDATE",
    "calls": "SELECT, INSERT",
    "visit_events": "SELECT, INSERT",
    "unsafe_address_notes": "SELECT, INSERT, UPDATE, DELETE",
    "audit_log": "SELECT, INSERT",
    "alarms": "SELECT, INSERT, UPDATE",
    "incidents": "SELECT, INSERT, UPDATE",
    "incident_steps": "SELECT, INSERT, UPDATE, DELETE",
    "incident_police_reports": "SELECT, INSERT, UPDATE",
    "incident_aftercare": "SELECT, INSERT, UPDATE",
    "incident_attachments": "SELECT, INSERT, DELETE",
    "team_keyring": "SELECT",
    "team_keyslots": "SELECT, INSERT, DELETE",
    "team_key_wraps": "SELECT, INSERT, DELETE",
    "team_logins": "SELECT",
    "team_signatures": "SELECT, INSERT",
    "presence": "SELECT, INSERT, UPDATE, DELETE",
    "alembic_version": "SELECT",
}
# Tables the provisioning functions write (the provisioning role's own policies).
PROVISION_TABLES = (
    "accounts",
    "team_logins",
    "team_keyslots",
    "team_key_wraps",
    "team_signatures",
    "audit_log",
)
PUBLIC_KEY_BYTES = 32
TAG_BYTES = 32
WRAP_MIN_BYTES = 32 + 12 + 16  # ephemeral public key, nonce, GCM tag (and the key)


def q(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def lit(text: str) -> str:
    """A quoted SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class Roles:
    owner: str  # owns the schema; used only by admin init / upgrade-server / migrate
    group: str  # every person's login role is a member; holds the table rights
    provision: str  # NOLOGIN, CREATEROLE: owns the account functions, nothing else
    prefix: str  # login roles are prefix + user name


_DEF = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"


def _identity(r: Roles) -> str:
    return f"""
CREATE OR REPLACE FUNCTION vh_refuse(message text) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION USING MESSAGE = message, ERRCODE = 'insufficient_privilege',
            HINT = {lit(REFUSAL_HINT)};
    END $$;
CREATE OR REPLACE FUNCTION vh_me() RETURNS integer LANGUAGE sql STABLE {_DEF} AS $$
    SELECT a.id FROM public.accounts a JOIN public.team_logins l ON l.username = a.username
    WHERE l.rolname = session_user AND a.active $$;
CREATE OR REPLACE FUNCTION vh_roles_of(account integer) RETURNS text[] LANGUAGE sql STABLE
    {_DEF} AS $$
    SELECT string_to_array(a.roles, ',') FROM public.accounts a
    WHERE a.id = account AND a.active $$;
CREATE OR REPLACE FUNCTION vh_is(wanted text) RETURNS boolean LANGUAGE sql STABLE {_DEF} AS $$
    SELECT coalesce(wanted = ANY (public.vh_roles_of(public.vh_me())), false) $$;
CREATE OR REPLACE FUNCTION vh_casework() RETURNS boolean LANGUAGE sql STABLE {_DEF} AS $$
    SELECT public.vh_is('medewerker') OR public.vh_is('leidinggevende') $$;
-- Not SECURITY DEFINER: it must see the caller's current_user (the provisioning role
-- inside its own functions, the owner while setting up).
CREATE OR REPLACE FUNCTION vh_privileged() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT current_user::text IN ({lit(r.owner)}, {lit(r.provision)}) $$;
CREATE OR REPLACE FUNCTION vh_is_colleague(visit integer) RETURNS boolean LANGUAGE sql STABLE
    {_DEF} AS $$
    SELECT EXISTS (SELECT 1 FROM public.visit_colleagues c
                   WHERE c.visit_id = visit AND c.account_id = public.vh_me()) $$;
CREATE OR REPLACE FUNCTION vh_sees_visit(visit integer) RETURNS boolean LANGUAGE sql STABLE
    {_DEF} AS $$
    SELECT public.vh_is('leidinggevende') OR EXISTS (
        SELECT 1 FROM public.visits v WHERE v.id = visit
        AND (v.visitor_id = public.vh_me() OR v.buddy_id = public.vh_me()
             OR public.vh_is_colleague(v.id))) $$;
-- The visits this person is visitor, buddy or colleague on, read once per statement:
-- the row policies below ask `id IN (SELECT vh_my_visits())` (one hashed set) instead of
-- a function call per row, which cost a query or three for every row of every read.
CREATE OR REPLACE FUNCTION vh_my_visits() RETURNS SETOF integer LANGUAGE sql STABLE
    {_DEF} AS $$
    WITH me AS (SELECT public.vh_me() AS id)
    SELECT v.id FROM public.visits v, me WHERE v.visitor_id = me.id OR v.buddy_id = me.id
    UNION
    SELECT c.visit_id FROM public.visit_colleagues c, me WHERE c.account_id = me.id $$;
-- visitor / buddy / leidinggevende: who may act on a visit (colleagues only read it).
CREATE OR REPLACE FUNCTION vh_visit_part(visit integer) RETURNS text LANGUAGE sql STABLE
    {_DEF} AS $$
    SELECT CASE WHEN v.visitor_id = public.vh_me() THEN 'visitor'
                WHEN public.vh_is('leidinggevende') THEN 'leidinggevende'
                WHEN v.buddy_id = public.vh_me() THEN 'buddy' END
    FROM public.visits v WHERE v.id = visit $$;
CREATE OR REPLACE FUNCTION vh_visit_state(visit integer) RETURNS text LANGUAGE sql STABLE
    {_DEF} AS $$ SELECT v.state FROM public.visits v WHERE v.id = visit $$;
CREATE OR REPLACE FUNCTION vh_sees_incident(incident integer) RETURNS boolean LANGUAGE sql
    STABLE {_DEF} AS $$
    SELECT public.vh_is('leidinggevende') OR EXISTS (
        SELECT 1 FROM public.incidents i WHERE i.id = incident
        AND (i.employee_id = public.vh_me() OR i.filed_by = public.vh_me())) $$;
CREATE OR REPLACE FUNCTION vh_server_now() RETURNS timestamp LANGUAGE sql VOLATILE AS $$
    SELECT (clock_timestamp() AT TIME ZONE 'UTC')::timestamp $$;
"""


def _signatures(r: Roles) -> str:
    purposes = ", ".join(lit(p) for p in SIGNATURE_PURPOSES)
    return f"""
CREATE TABLE IF NOT EXISTS team_signatures (
    id bigserial PRIMARY KEY,
    token uuid NOT NULL UNIQUE,
    purpose text NOT NULL CHECK (purpose IN ({purposes})),
    signer integer NOT NULL,
    for_account integer,
    made_at timestamp NOT NULL,
    used_at timestamp,
    used_by integer,
    used_xact xid8
);
CREATE OR REPLACE FUNCTION vh_signature_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.signer := public.vh_me();
        IF NEW.signer IS NULL OR NOT public.vh_is('leidinggevende') THEN
            PERFORM public.vh_refuse('alleen een leidinggevende kan medeondertekenen');
        END IF;
        NEW.token := gen_random_uuid();
        NEW.made_at := public.vh_server_now();
        NEW.used_at := NULL; NEW.used_by := NULL; NEW.used_xact := NULL;
        RETURN NEW;
    END $$;
-- Use the signature named in this transaction (SET LOCAL vh.cosign = token): made by
-- ``signer`` on their own connection, for ``purpose``, for the person acting now, at
-- most {SIGNATURE_MINUTES} minutes ago, never used before.
CREATE OR REPLACE FUNCTION vh_use_signature(wanted text, signer_id integer) RETURNS void
    LANGUAGE plpgsql {_DEF} AS $$
    DECLARE
        used integer;
        wanted_token uuid;
    BEGIN
        BEGIN
            wanted_token := nullif(current_setting('vh.cosign', true), '')::uuid;
        EXCEPTION WHEN invalid_text_representation THEN wanted_token := NULL;
        END;
        UPDATE public.team_signatures s
           SET used_at = public.vh_server_now(), used_by = public.vh_me(),
               used_xact = pg_current_xact_id()
         WHERE s.token = wanted_token AND s.purpose = wanted
           AND s.signer = signer_id AND s.used_at IS NULL
           AND (s.for_account IS NULL OR s.for_account = public.vh_me())
           AND s.made_at > public.vh_server_now() - interval '{SIGNATURE_MINUTES} minutes'
           AND 'leidinggevende' = ANY (public.vh_roles_of(signer_id))
        RETURNING s.id INTO used;
        IF used IS NULL THEN
            PERFORM public.vh_refuse(
                'de medeondertekening ontbreekt, is verlopen of is al gebruikt');
        END IF;
    END $$;
CREATE OR REPLACE FUNCTION vh_cosigned_now(signer_id integer) RETURNS boolean LANGUAGE sql
    STABLE {_DEF} AS $$
    SELECT EXISTS (SELECT 1 FROM public.team_signatures s WHERE s.signer = signer_id
                   AND s.used_by = public.vh_me() AND s.used_xact = pg_current_xact_id()) $$;
"""


def _audit(r: Roles) -> str:
    return f"""
-- The next entry on the chain and the server's time, for the app to write it.
CREATE OR REPLACE FUNCTION vh_audit_head(OUT next_id integer, OUT prev_hash text,
    OUT at timestamp) LANGUAGE plpgsql {_DEF} AS $$
    BEGIN
        PERFORM pg_advisory_xact_lock({WRITE_LOCK});
        SELECT coalesce(max(a.id), 0) + 1 INTO next_id FROM public.audit_log a;
        SELECT coalesce((SELECT a.hash FROM public.audit_log a WHERE a.id = next_id - 1),
                        repeat('0', 64)) INTO prev_hash;
        at := public.vh_server_now();
    END $$;
CREATE OR REPLACE FUNCTION vh_audit_guard() RETURNS trigger LANGUAGE plpgsql {_DEF} AS $$
    DECLARE
        head record;
    BEGIN
        IF session_user = {lit(r.owner)} THEN RETURN NEW; END IF;
        SELECT * INTO head FROM public.vh_audit_head();
        IF NEW.id IS DISTINCT FROM head.next_id OR NEW.prev_hash IS DISTINCT FROM head.prev_hash
        THEN
            PERFORM public.vh_refuse('een auditregel komt alleen achteraan de keten');
        END IF;
        IF NEW.at IS NULL OR NEW.at < (now() AT TIME ZONE 'UTC')::timestamp
           OR NEW.at > head.at THEN
            PERFORM public.vh_refuse('een auditregel krijgt de tijd van de server');
        END IF;
        IF NEW.actor_id IS NULL OR (NEW.actor_id IS DISTINCT FROM public.vh_me()
                                    AND NOT public.vh_cosigned_now(NEW.actor_id)) THEN
            PERFORM public.vh_refuse('een auditregel noemt wie er is ingelogd');
        END IF;
        RETURN NEW;
    END $$;
-- The provisioning functions check that the caller logged the action first.
CREATE OR REPLACE FUNCTION vh_audited(wanted text) RETURNS void LANGUAGE plpgsql {_DEF} AS $$
    DECLARE
        last record;
    BEGIN
        SELECT a.action, a.actor_id, a.at INTO last FROM public.audit_log a
        ORDER BY a.id DESC LIMIT 1;
        IF last IS NULL OR last.action <> wanted OR last.actor_id <> public.vh_me()
           OR last.at < (now() AT TIME ZONE 'UTC')::timestamp THEN
            PERFORM public.vh_refuse('leg de handeling eerst vast in het auditlog');
        END IF;
    END $$;
"""


def _keys(r: Roles) -> str:
    """Team key generations: reading the current one, who holds a key pair, replacing
    the team key (a beheerder, audited) and the check that a removal or a password
    reset never commits without a new team key."""
    return f"""
CREATE OR REPLACE FUNCTION vh_team_generation() RETURNS integer LANGUAGE sql STABLE
    {_DEF} AS $$ SELECT k.generation FROM public.team_keyring k WHERE k.id = 1 $$;
-- The key generation of a sealed value (0: not sealed in format 2).
CREATE OR REPLACE FUNCTION vh_seal_generation(v bytea) RETURNS integer LANGUAGE sql
    IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN NULL
                WHEN length(v) >= 5 AND get_byte(v, 0) = 2
                THEN ((get_byte(v, 1)::bigint << 24) | (get_byte(v, 2) << 16)
                      | (get_byte(v, 3) << 8) | get_byte(v, 4))::integer
                ELSE 0 END $$;
-- Active accounts whose current slot is a key pair: who must get a new team key.
CREATE OR REPLACE FUNCTION vh_key_holders() RETURNS TABLE (rolname text, public_key bytea)
    LANGUAGE sql STABLE {_DEF} AS $$
    SELECT l.rolname, k.public_key FROM public.accounts a
    JOIN public.team_logins l ON l.username = a.username
    JOIN public.team_keyslots k ON k.slot_id = a.slot_id AND k.rolname = l.rolname
    WHERE a.active AND k.public_key IS NOT NULL $$;
-- For a beheerder's workstation: every active account's public key (none: a password
-- slot from before key pairs) and its admission tag of the current generation. Public
-- keys and tags only; no wrapped key leaves a person's own rows.
CREATE OR REPLACE FUNCTION vh_team_public_keys() RETURNS TABLE (account_id integer,
    username text, rolname text, public_key bytea, tag bytea, password_slot boolean)
    LANGUAGE plpgsql STABLE {_DEF} AS $$
    BEGIN
        IF NOT public.vh_is('beheerder') THEN
            PERFORM public.vh_refuse('alleen een beheerder ziet de sleutels van het team');
        END IF;
        RETURN QUERY
        SELECT a.id, a.username::text, l.rolname, k.public_key, w.tag,
               k.slot_id IS NOT NULL AND k.public_key IS NULL AND length(k.wrapped_key) > 0
        FROM public.accounts a
        JOIN public.team_logins l ON l.username = a.username
        LEFT JOIN public.team_keyslots k ON k.slot_id = a.slot_id AND k.rolname = l.rolname
        LEFT JOIN public.team_key_wraps w ON w.rolname = l.rolname
             AND w.generation = public.vh_team_generation()
        WHERE a.active ORDER BY a.id;
    END $$;
-- A beheerder replaces the team key: the next generation, wrapped on the workstation
-- to the public key of every active person with a key pair (no one else; a key the
-- workstation finds was not admitted by a holder of the team key is left out, and its
-- owner needs a new password), becomes current. Older generations stay wrapped until
-- the re-seal is done.
CREATE OR REPLACE FUNCTION vh_rotate_team_key(p_generation integer, p_rolnames text[],
    p_wraps bytea[], p_tags bytea[]) RETURNS void LANGUAGE plpgsql {_DEF} AS $$
    DECLARE
        current integer;
    BEGIN
        IF NOT public.vh_is('beheerder') THEN
            PERFORM public.vh_refuse('alleen een beheerder vervangt de teamsleutel');
        END IF;
        PERFORM public.vh_audited('team_key_rotated');
        PERFORM pg_advisory_xact_lock({WRITE_LOCK});
        SELECT k.generation INTO current FROM public.team_keyring k WHERE k.id = 1 FOR UPDATE;
        IF p_generation IS DISTINCT FROM current + 1 THEN
            PERFORM public.vh_refuse(
                'de teamsleutel is intussen al vervangen; probeer het opnieuw');
        END IF;
        IF p_rolnames IS NULL OR p_wraps IS NULL OR p_tags IS NULL
           OR cardinality(p_rolnames) <> cardinality(p_wraps)
           OR cardinality(p_rolnames) <> cardinality(p_tags)
           OR cardinality(p_rolnames) <> (SELECT count(DISTINCT x) FROM unnest(p_rolnames) x)
           OR EXISTS (SELECT 1 FROM unnest(p_wraps, p_tags) AS u(w, t)
                      WHERE w IS NULL OR t IS NULL OR length(w) < {WRAP_MIN_BYTES}
                         OR length(t) <> {TAG_BYTES}) THEN
            RAISE EXCEPTION 'ongeldige sleutels' USING ERRCODE = 'invalid_parameter_value',
                HINT = {lit(REFUSAL_HINT)};
        END IF;
        IF EXISTS (SELECT 1 FROM unnest(p_rolnames) AS u(name) WHERE NOT EXISTS (
                SELECT 1 FROM public.vh_key_holders() h WHERE h.rolname = u.name)) THEN
            PERFORM public.vh_refuse(
                'de nieuwe teamsleutel gaat alleen naar actieve accounts met een sleutelpaar');
        END IF;
        -- (Leftovers of a generation that never became current.)
        DELETE FROM public.team_key_wraps w WHERE w.generation >= p_generation;
        INSERT INTO public.team_key_wraps (rolname, generation, wrapped, tag)
            SELECT u.name, p_generation, u.w, u.t FROM unnest(p_rolnames, p_wraps, p_tags)
                AS u(name, w, t);
        UPDATE public.team_keyring SET generation = p_generation,
            rotated_xact = pg_current_xact_id() WHERE id = 1;
    END $$;
-- At commit (deferred): an account removed, or a password set by someone else, in a
-- transaction that did not replace the team key is refused. (The owner, migrating a
-- local database, sets their own password without.)
CREATE OR REPLACE FUNCTION vh_rotation_due() RETURNS trigger LANGUAGE plpgsql {_DEF} AS $$
    BEGIN
        IF session_user = {lit(r.owner)} THEN RETURN NULL; END IF;
        IF (OLD.active AND NOT NEW.active
            OR NEW.password_reset_at IS NOT NULL
               AND NEW.password_reset_at IS DISTINCT FROM OLD.password_reset_at)
           AND (SELECT k.rotated_xact FROM public.team_keyring k WHERE k.id = 1)
               IS DISTINCT FROM pg_current_xact_id() THEN
            PERFORM public.vh_refuse('een verwijderd account of een hersteld wachtwoord '
                                     'gaat samen met een nieuwe teamsleutel');
        END IF;
        RETURN NULL;
    END $$;
"""


def _audit_reseal(r: Roles, sealed: Sequence[str]) -> str:
    """The audit log stays append-only (the migration's trigger), except that the owner's
    re-seal may replace its sealed values: same plaintext (the entry's hash, over the
    plaintext, still holds), a newer key. Nothing else in an entry may change."""
    unsealed = "".join(f" - {lit(c)}" for c in sealed)
    return f"""
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND session_user = {lit(r.owner)}
           AND (to_jsonb(NEW){unsealed}) = (to_jsonb(OLD){unsealed}) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit log is append-only';
    END $$;
"""


def _seal_guards(sealed: Mapping[str, Sequence[str]]) -> list[str]:
    """Per table with sealed columns: a value written by a person must be sealed with
    the current generation (so nothing new is sealed with a key that is on its way out,
    e.g. by a workstation that has not yet seen the new one)."""
    out: list[str] = []
    for table, columns in sorted(sealed.items()):
        inserted = " OR ".join(
            f"NEW.{q(c)} IS NOT NULL AND public.vh_seal_generation(NEW.{q(c)}) <> current"
            for c in columns
        )
        updated = " OR ".join(
            f"NEW.{q(c)} IS DISTINCT FROM OLD.{q(c)} AND NEW.{q(c)} IS NOT NULL "
            f"AND public.vh_seal_generation(NEW.{q(c)}) <> current"
            for c in columns
        )
        function = q(f"vh_seal_guard_{table}")
        out += [
            f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        current integer := public.vh_team_generation();
        stale boolean;
    BEGIN
        IF public.vh_privileged() THEN RETURN NEW; END IF;
        IF TG_OP = 'INSERT' THEN
            stale := {inserted};
        ELSE
            stale := {updated};
        END IF;
        IF stale THEN
            PERFORM public.vh_refuse(
                'een gegeven wordt versleuteld met de huidige teamsleutel; log opnieuw in');
        END IF;
        RETURN NEW;
    END $$""",
            f"DROP TRIGGER IF EXISTS vh_sealed ON {q(table)}",
            f"CREATE TRIGGER vh_sealed BEFORE INSERT OR UPDATE ON {q(table)} FOR EACH ROW "
            f"EXECUTE FUNCTION {function}()",
        ]
    return out


# ---- guards per table -----------------------------------------------------------------

_GUARDS = """
-- Statement guard: only the role named in the first argument ('-': nobody but the
-- owner and the provisioning role); the second is the refusal.
CREATE OR REPLACE FUNCTION vh_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NOT public.vh_privileged() AND NOT public.vh_is(TG_ARGV[0]) THEN
            PERFORM public.vh_refuse(TG_ARGV[1]);
        END IF;
        RETURN NULL;
    END $$;
-- Presence (heartbeats): one's own rows only, the times in the server's clock (the
-- same for every workstation, whatever their own clocks say); an ended session stays
-- ended, and a row keeps its session and account.
CREATE OR REPLACE FUNCTION vh_presence_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF public.vh_privileged() THEN RETURN NEW; END IF;
        IF NEW.account_id IS DISTINCT FROM public.vh_me() THEN
            PERFORM public.vh_refuse('u meldt alleen uw eigen aanwezigheid');
        END IF;
        NEW.seen_at := public.vh_server_now();
        IF TG_OP = 'INSERT' THEN
            NEW.started_at := NEW.seen_at;
            NEW.ended_at := NULL;
        ELSE
            IF NEW.session_id <> OLD.session_id OR NEW.account_id <> OLD.account_id THEN
                PERFORM public.vh_refuse('u meldt alleen uw eigen aanwezigheid');
            END IF;
            NEW.started_at := OLD.started_at;
            IF OLD.ended_at IS NOT NULL THEN
                NEW.seen_at := OLD.seen_at;
                NEW.ended_at := OLD.ended_at;
            ELSIF NEW.ended_at IS NOT NULL THEN
                NEW.ended_at := NEW.seen_at;
            END IF;
        END IF;
        RETURN NEW;
    END $$;
CREATE OR REPLACE FUNCTION vh_settings_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NOT public.vh_privileged() AND NOT public.vh_is('beheerder') THEN
            PERFORM public.vh_refuse('alleen een beheerder wijzigt de instellingen');
        END IF;
        RETURN NULL;
    END $$;
CREATE OR REPLACE FUNCTION vh_accounts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF public.vh_privileged() THEN RETURN NEW; END IF;
        IF OLD.id IS DISTINCT FROM public.vh_me()
           OR (to_jsonb(NEW) - 'slot_id' - 'password_reset_by' - 'password_reset_at'
               - 'password_reset_cosigner')
              IS DISTINCT FROM (to_jsonb(OLD) - 'slot_id' - 'password_reset_by'
               - 'password_reset_at' - 'password_reset_cosigner')
           OR NEW.password_reset_by IS NOT NULL AND NEW.password_reset_by
              IS DISTINCT FROM OLD.password_reset_by
           OR NEW.slot_id IS DISTINCT FROM OLD.slot_id AND NOT EXISTS (
               SELECT 1 FROM public.team_keyslots k
               WHERE k.slot_id = NEW.slot_id AND k.rolname = session_user) THEN
            PERFORM public.vh_refuse('alleen een beheerder wijzigt accounts');
        END IF;
        RETURN NEW;
    END $$;
CREATE OR REPLACE FUNCTION vh_visit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        me integer := public.vh_me();
        lead boolean := public.vh_is('leidinggevende');
        part text;
        moved boolean;
    BEGIN
        IF public.vh_privileged() THEN RETURN NEW; END IF;
        IF TG_OP = 'INSERT' THEN
            IF NEW.state <> 'concept' OR NEW.consent_by IS NOT NULL
               OR NEW.consent_at IS NOT NULL THEN
                PERFORM public.vh_refuse('een nieuw bezoek begint als concept');
            END IF;
            RETURN NEW;
        END IF;
        part := CASE WHEN OLD.visitor_id = me THEN 'visitor' WHEN lead THEN 'leidinggevende'
                     WHEN OLD.buddy_id = me THEN 'buddy' END;
        IF NEW.id <> OLD.id OR NEW.visitor_id <> OLD.visitor_id
           OR NEW.created_at <> OLD.created_at OR NEW.level <> OLD.level THEN
            PERFORM public.vh_refuse('dit gegeven van een bezoek verandert niet');
        END IF;
        IF (NEW.consent_by, NEW.consent_at, NEW.consent_reason)
           IS DISTINCT FROM (OLD.consent_by, OLD.consent_at, OLD.consent_reason) THEN
            IF OLD.state <> 'concept' OR OLD.consent_by IS NOT NULL
               OR NEW.consent_by IS NULL OR NEW.consent_by = OLD.visitor_id THEN
                PERFORM public.vh_refuse(
                    'toestemming geeft een andere leidinggevende, eenmaal, vóór het plannen');
            END IF;
            IF NEW.consent_by = me THEN
                IF NOT lead THEN
                    PERFORM public.vh_refuse('alleen een leidinggevende geeft toestemming');
                END IF;
            ELSE
                PERFORM public.vh_use_signature('toestemming', NEW.consent_by);
            END IF;
        END IF;
        IF NEW.state <> OLD.state THEN
            moved := (OLD.state, NEW.state) IN (
                ('concept', 'gepland'), ('gepland', 'onderweg'), ('gepland', 'afgesloten'),
                ('onderweg', 'terug_veilig'), ('onderweg', 'terug_incident'),
                ('onderweg', 'geescaleerd'), ('geescaleerd', 'terug_veilig'),
                ('geescaleerd', 'terug_incident'), ('terug_veilig', 'afgesloten'),
                ('terug_incident', 'afgesloten'));
            IF NOT moved THEN
                PERFORM public.vh_refuse('deze statuswijziging van een bezoek bestaat niet');
            END IF;
            IF NEW.state = 'geescaleerd' THEN
                IF part IS NULL THEN
                    PERFORM public.vh_refuse('alleen de buddy of een leidinggevende escaleert');
                END IF;
            ELSIF part IS DISTINCT FROM 'visitor' AND part IS DISTINCT FROM 'leidinggevende' THEN
                PERFORM public.vh_refuse(
                    'alleen de bezoeker of een leidinggevende wijzigt de status van een bezoek');
            END IF;
            IF NEW.state = 'gepland' AND NEW.level = 'rood' AND NEW.consent_by IS NULL THEN
                PERFORM public.vh_refuse('bij rood eerst toestemming van een leidinggevende');
            END IF;
        END IF;
        IF part IS DISTINCT FROM 'visitor' AND part IS DISTINCT FROM 'leidinggevende'
           AND (to_jsonb(NEW) - 'state' - 'updated_at')
               IS DISTINCT FROM (to_jsonb(OLD) - 'state' - 'updated_at') THEN
            PERFORM public.vh_refuse('alleen de bezoeker of een leidinggevende wijzigt een bezoek');
        END IF;
        RETURN NEW;
    END $$;
CREATE OR REPLACE FUNCTION vh_colleague_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        row_visit integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.visit_id ELSE NEW.visit_id END;
    BEGIN
        IF public.vh_privileged() THEN RETURN coalesce(NEW, OLD); END IF;
        IF public.vh_visit_part(row_visit) IS DISTINCT FROM 'visitor'
           AND public.vh_visit_part(row_visit) IS DISTINCT FROM 'leidinggevende'
           OR public.vh_visit_state(row_visit) NOT IN ('concept', 'gepland') THEN
            PERFORM public.vh_refuse(
                'alleen de bezoeker of een leidinggevende kiest de collega''s, vóór vertrek');
        END IF;
        RETURN coalesce(NEW, OLD);
    END $$;
CREATE OR REPLACE FUNCTION vh_assessment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF public.vh_privileged() THEN RETURN NEW; END IF;
        IF public.vh_visit_part(NEW.visit_id) IS DISTINCT FROM 'visitor'
           AND public.vh_visit_part(NEW.visit_id) IS DISTINCT FROM 'leidinggevende'
           OR NEW.assessed_by IS DISTINCT FROM public.vh_me()
           OR public.vh_visit_state(NEW.visit_id) <> 'concept' THEN
            PERFORM public.vh_refuse('de risico-inschatting legt de bezoeker vast bij het plannen');
        END IF;
        RETURN NEW;
    END $$;
CREATE OR REPLACE FUNCTION vh_callback_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        part text := public.vh_visit_part(NEW.visit_id);
        state text := public.vh_visit_state(NEW.visit_id);
    BEGIN
        IF public.vh_privileged() THEN RETURN NEW; END IF;
        IF part IS NULL THEN
            PERFORM public.vh_refuse(
                'alleen de bezoeker, de buddy of een leidinggevende plant terugbelmomenten');
        END IF;
        IF TG_OP = 'UPDATE' THEN
            IF NEW.visit_id <> OLD.visit_id OR NEW.created_at <> OLD.created_at
               OR NEW.kind <> OLD.kind THEN
                PERFORM public.vh_refuse('dit gegeven van een terugbelmoment verandert niet');
            END IF;
            IF NEW.status <> OLD.status AND NOT (
                   OLD.status = 'open' AND NEW.status = 'gedaan' AND part <> 'visitor'
                   OR OLD.status = 'open' AND NEW.status = 'vervallen'
                      AND state NOT IN ('onderweg', 'geescaleerd')) THEN
                PERFORM public.vh_refuse(
                    'een terugbelmoment vervalt pas als het bezoek voorbij is');
            END IF;
        ELSIF NEW.status <> 'open' THEN
            PERFORM public.vh_refuse('een nieuw terugbelmoment staat open');
        END IF;
        RETURN NEW;
    END $$;
CREATE OR REPLACE FUNCTION vh_call_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        part text := public.vh_visit_part(NEW.visit_id);
    BEGIN
        IF public.vh_privileged() THEN RETURN NEW; END IF;
        IF part IS NULL OR part = 'visitor' OR NEW.buddy_id IS DISTINCT FROM public.vh_me()
           OR public.vh_visit_state(NEW.visit_id) NOT IN ('onderweg', 'geescaleerd') THEN
            PERFORM public.vh_refuse(
                'alleen de buddy of een leidinggevende legt een gesprek vast, tijdens het bezoek');
        END IF;
        RETURN NEW;
    END $$;
CREATE OR REPLACE FUNCTION vh_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF public.vh_privileged() THEN RETURN NEW; END IF;
        IF NOT public.vh_sees_visit(NEW.visit_id)
           OR NEW.at > public.vh_server_now() + interval '2 minutes'
           OR NOT (NEW.actor_id = public.vh_me()
                   OR NEW.actor_id IS NULL AND NEW.kind = 'alarm'
                   OR public.vh_cosigned_now(NEW.actor_id)) THEN
            PERFORM public.vh_refuse('een gebeurtenis noemt wie er is ingelogd');
        END IF;
        RETURN NEW;
    END $$;
CREATE OR REPLACE FUNCTION vh_alarm_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        part text;
        team_ok boolean;
        lead boolean := public.vh_is('leidinggevende');
    BEGIN
        IF public.vh_privileged() THEN RETURN NEW; END IF;
        part := CASE WHEN NEW.visit_id IS NULL THEN NULL
                     ELSE public.vh_visit_part(NEW.visit_id) END;
        -- 'team' (docs/design.md §4a): a failover or a late escalation repeat for every
        -- colleague who may act as buddy, never the visitor, only while the visit runs.
        team_ok := NEW.audience = 'team' AND public.vh_casework()
                   AND part IS DISTINCT FROM 'visitor'
                   AND public.vh_visit_state(NEW.visit_id) IN ('onderweg', 'geescaleerd');
        IF TG_OP = 'INSERT' THEN
            IF NEW.acknowledged_at IS NOT NULL OR NEW.acknowledged_by IS NOT NULL
               OR NEW.raised_at > public.vh_server_now() + interval '2 minutes'
               OR NEW.audience = 'leidinggevenden' AND NOT lead
                  AND NOT coalesce(
                      NEW.kind = 'zonder_buddy' AND part IS NOT DISTINCT FROM 'visitor'
                      AND NEW.reminder_key = 'departure:' || NEW.visit_id
                      AND public.vh_visit_state(NEW.visit_id) IS NOT DISTINCT FROM 'onderweg',
                      false)
               OR NEW.audience = 'team' AND NOT team_ok
               OR NEW.audience NOT IN ('leidinggevenden', 'team')
                  AND part IS DISTINCT FROM 'buddy' AND NOT lead THEN
                PERFORM public.vh_refuse('dit alarm is niet voor u');
            END IF;
            RETURN NEW;
        END IF;
        IF (to_jsonb(NEW) - 'acknowledged_at' - 'acknowledged_by')
           IS DISTINCT FROM (to_jsonb(OLD) - 'acknowledged_at' - 'acknowledged_by')
           OR OLD.acknowledged_at IS NOT NULL
           OR NEW.acknowledged_by IS DISTINCT FROM public.vh_me()
           OR NEW.acknowledged_at IS NULL
           OR NEW.acknowledged_at > public.vh_server_now() + interval '2 minutes'
           -- The buddy of a visit (back, or who just took it over) ends its failover.
           OR NOT (OLD.kind = 'buddy_onbereikbaar' AND part = 'buddy')
              AND (OLD.audience = 'leidinggevenden' AND NOT lead
                   OR OLD.audience = 'team' AND NOT team_ok AND NOT lead
                   OR OLD.audience NOT IN ('leidinggevenden', 'team') AND NOT lead
                      AND part IS DISTINCT FROM 'buddy') THEN
            PERFORM public.vh_refuse('alleen de buddy of een leidinggevende bevestigt dit alarm');
        END IF;
        RETURN NEW;
    END $$;
CREATE OR REPLACE FUNCTION vh_note_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        me integer := public.vh_me();
        lead boolean := public.vh_is('leidinggevende');
        content_changed boolean;
    BEGIN
        IF public.vh_privileged() THEN RETURN coalesce(NEW, OLD); END IF;
        IF TG_OP = 'DELETE' THEN
            IF NOT lead OR OLD.status = 'voorgesteld'
               OR OLD.status = 'actief' AND (OLD.expires_on IS NULL
                                             OR OLD.expires_on > current_date) THEN
                PERFORM public.vh_refuse(
                    'alleen een leidinggevende verwijdert een notitie die niet meer waarschuwt');
            END IF;
            RETURN OLD;
        END IF;
        IF TG_OP = 'INSERT' THEN
            IF NEW.status <> 'voorgesteld' OR NEW.approved_by IS NOT NULL
               OR NEW.approved_at IS NOT NULL THEN
                PERFORM public.vh_refuse('een nieuwe notitie wacht op goedkeuring');
            END IF;
            IF NEW.replaces_id IS NULL THEN
                IF NOT public.vh_casework() OR NEW.author_id IS DISTINCT FROM me
                   OR NEW.edited_by IS NOT NULL THEN
                    PERFORM public.vh_refuse('een nieuwe notitie is een voorstel van uzelf');
                END IF;
            -- A leidinggevende's edit of an active note: a proposal that replaces it
            -- once someone else approves it (the note itself keeps warning meanwhile).
            ELSIF NOT lead OR NEW.edited_by IS DISTINCT FROM me OR NOT EXISTS (
                    SELECT 1 FROM public.unsafe_address_notes n
                    WHERE n.id = NEW.replaces_id AND n.status = 'actief'
                    AND n.author_id = NEW.author_id) THEN
                PERFORM public.vh_refuse('alleen een leidinggevende bewerkt een actieve notitie');
            END IF;
            RETURN NEW;
        END IF;
        IF NEW.id <> OLD.id OR NEW.author_id <> OLD.author_id
           OR NEW.created_at <> OLD.created_at
           OR NEW.replaces_id IS DISTINCT FROM OLD.replaces_id THEN
            PERFORM public.vh_refuse('dit gegeven van een notitie verandert niet');
        END IF;
        content_changed := (NEW.street, NEW.house_number, NEW.addition, NEW.postcode, NEW.city,
                            NEW.category, NEW.incident_date, NEW.description, NEW.precautions)
            IS DISTINCT FROM (OLD.street, OLD.house_number, OLD.addition, OLD.postcode,
                              OLD.city, OLD.category, OLD.incident_date, OLD.description,
                              OLD.precautions);
        IF content_changed THEN
            -- Four eyes: only a proposal is edited in place, and its editor may not
            -- approve it (an active note gets a replacing proposal, see INSERT).
            IF NOT lead OR OLD.status <> 'voorgesteld' OR NEW.status <> 'voorgesteld'
               OR NEW.edited_by IS DISTINCT FROM me THEN
                PERFORM public.vh_refuse(
                    'een bewerkte notitie gaat terug ter goedkeuring (alleen een leidinggevende)');
            END IF;
            RETURN NEW;
        END IF;
        IF (NEW.edited_by, NEW.edited_at) IS DISTINCT FROM (OLD.edited_by, OLD.edited_at) THEN
            PERFORM public.vh_refuse('dit gegeven van een notitie verandert niet');
        END IF;
        IF OLD.status = 'voorgesteld' AND NEW.status = 'actief' THEN
            IF NOT lead OR NEW.approved_by IS DISTINCT FROM me OR OLD.author_id = me
               OR OLD.edited_by = me THEN
                PERFORM public.vh_refuse(
                    'een andere leidinggevende dan de schrijver keurt goed (vier ogen)');
            END IF;
        ELSIF OLD.status = 'voorgesteld' AND NEW.status IN ('afgewezen', 'ingetrokken') THEN
            IF NOT lead AND NOT (OLD.author_id = me AND NEW.status = 'ingetrokken') THEN
                PERFORM public.vh_refuse('alleen een leidinggevende wijst af');
            END IF;
        ELSIF OLD.status = 'actief' AND NEW.status IN ('actief', 'ingetrokken') THEN
            IF NOT lead OR NEW.approved_by IS DISTINCT FROM OLD.approved_by THEN
                PERFORM public.vh_refuse(
                    'alleen een leidinggevende beoordeelt of trekt een notitie in');
            END IF;
        ELSIF (to_jsonb(NEW)) IS DISTINCT FROM (to_jsonb(OLD)) THEN
            PERFORM public.vh_refuse('deze wijziging van een notitie bestaat niet');
        END IF;
        RETURN NEW;
    END $$;
CREATE OR REPLACE FUNCTION vh_incident_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        me integer := public.vh_me();
        lead boolean := public.vh_is('leidinggevende');
    BEGIN
        IF public.vh_privileged() THEN RETURN NEW; END IF;
        IF TG_OP = 'INSERT' THEN
            IF NOT public.vh_casework() OR NEW.filed_by IS DISTINCT FROM me
               OR NEW.employee_id <> me AND NOT lead
               OR NEW.visit_id IS NOT NULL AND NOT public.vh_sees_visit(NEW.visit_id) THEN
                PERFORM public.vh_refuse('u meldt alleen incidenten die u zelf overkwamen');
            END IF;
            RETURN NEW;
        END IF;
        IF NEW.filed_by <> OLD.filed_by OR NEW.filed_at <> OLD.filed_at
           OR NEW.employee_id <> OLD.employee_id
           OR NEW.visit_id IS DISTINCT FROM OLD.visit_id THEN
            PERFORM public.vh_refuse('dit gegeven van een incident verandert niet');
        END IF;
        RETURN NEW;
    END $$;
CREATE OR REPLACE FUNCTION vh_incident_part_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        incident integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.incident_id
                                 ELSE NEW.incident_id END;
        who integer;
    BEGIN
        IF public.vh_privileged() THEN RETURN coalesce(NEW, OLD); END IF;
        IF NOT public.vh_sees_incident(incident)
           OR TG_OP = 'UPDATE' AND NEW.incident_id <> OLD.incident_id
           OR TG_TABLE_NAME = 'incident_aftercare' AND NOT public.vh_is('leidinggevende') THEN
            PERFORM public.vh_refuse('u mag dit incident niet bijwerken');
        END IF;
        IF TG_OP <> 'DELETE' THEN
            who := CASE WHEN TG_TABLE_NAME = 'incident_attachments'
                        THEN (to_jsonb(NEW) ->> 'added_by')::integer
                        ELSE (to_jsonb(NEW) ->> 'recorded_by')::integer END;
            IF who IS DISTINCT FROM public.vh_me() THEN
                PERFORM public.vh_refuse('een incidentregel noemt wie er is ingelogd');
            END IF;
        END IF;
        RETURN coalesce(NEW, OLD);
    END $$;
-- One's own wrapped keys: never for a generation that is not current yet (that would
-- stand in the way of the beheerder's next rotation).
CREATE OR REPLACE FUNCTION vh_wrap_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF public.vh_privileged() THEN RETURN coalesce(NEW, OLD); END IF;
        IF (CASE WHEN TG_OP = 'DELETE' THEN OLD.rolname ELSE NEW.rolname END)
           IS DISTINCT FROM session_user::text THEN
            PERFORM public.vh_refuse('u beheert alleen uw eigen sleutel');
        END IF;
        IF TG_OP = 'INSERT' AND NEW.generation > public.vh_team_generation() THEN
            PERFORM public.vh_refuse('een volgende teamsleutel komt alleen van een beheerder');
        END IF;
        RETURN coalesce(NEW, OLD);
    END $$;
CREATE OR REPLACE FUNCTION vh_slot_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF public.vh_privileged() THEN RETURN coalesce(NEW, OLD); END IF;
        IF (CASE WHEN TG_OP = 'DELETE' THEN OLD.rolname ELSE NEW.rolname END)
           IS DISTINCT FROM session_user::text THEN
            PERFORM public.vh_refuse('u beheert alleen uw eigen sleutel');
        END IF;
        RETURN coalesce(NEW, OLD);
    END $$;
"""


def _triggers() -> list[str]:
    # (table, trigger name, timing, events, level, function)
    spec = [
        (
            "settings",
            "vh_guard",
            "BEFORE",
            "INSERT OR UPDATE OR DELETE",
            "STATEMENT",
            "vh_settings_guard()",
        ),
        ("accounts", "vh_guard", "BEFORE", "UPDATE", "ROW", "vh_accounts_guard()"),
        ("visits", "vh_guard", "BEFORE", "INSERT OR UPDATE", "ROW", "vh_visit_guard()"),
        (
            "visit_colleagues",
            "vh_guard",
            "BEFORE",
            "INSERT OR DELETE",
            "ROW",
            "vh_colleague_guard()",
        ),
        ("assessments", "vh_guard", "BEFORE", "INSERT", "ROW", "vh_assessment_guard()"),
        ("callbacks", "vh_guard", "BEFORE", "INSERT OR UPDATE", "ROW", "vh_callback_guard()"),
        (
            "callbacks",
            "vh_no_delete",
            "BEFORE",
            "DELETE",
            "STATEMENT",
            "vh_only('-', 'terugbelmomenten worden niet verwijderd')",
        ),
        ("calls", "vh_guard", "BEFORE", "INSERT", "ROW", "vh_call_guard()"),
        ("visit_events", "vh_guard", "BEFORE", "INSERT", "ROW", "vh_event_guard()"),
        ("alarms", "vh_guard", "BEFORE", "INSERT OR UPDATE", "ROW", "vh_alarm_guard()"),
        (
            "unsafe_address_notes",
            "vh_guard",
            "BEFORE",
            "INSERT OR UPDATE OR DELETE",
            "ROW",
            "vh_note_guard()",
        ),
        (
            "unsafe_address_notes",
            "vh_lead_deletes",
            "BEFORE",
            "DELETE",
            "STATEMENT",
            "vh_only('leidinggevende', 'alleen een leidinggevende verwijdert adresnotities')",
        ),
        ("audit_log", "vh_guard", "BEFORE", "INSERT", "ROW", "vh_audit_guard()"),
        ("incidents", "vh_guard", "BEFORE", "INSERT OR UPDATE", "ROW", "vh_incident_guard()"),
        ("team_keyslots", "vh_guard", "BEFORE", "INSERT OR DELETE", "ROW", "vh_slot_guard()"),
        (
            "team_keyslots",
            "vh_no_update",
            "BEFORE",
            "UPDATE",
            "STATEMENT",
            "vh_only('-', 'sleutels worden niet gewijzigd')",
        ),
        ("team_key_wraps", "vh_guard", "BEFORE", "INSERT OR DELETE", "ROW", "vh_wrap_guard()"),
        (
            "team_key_wraps",
            "vh_no_update",
            "BEFORE",
            "UPDATE",
            "STATEMENT",
            "vh_only('-', 'sleutels worden niet gewijzigd')",
        ),
        (
            "team_logins",
            "vh_guard",
            "BEFORE",
            "INSERT OR UPDATE OR DELETE",
            "STATEMENT",
            "vh_only('-', 'alleen via het beheer van accounts')",
        ),
        ("team_signatures", "vh_stamp", "BEFORE", "INSERT", "ROW", "vh_signature_stamp()"),
        ("presence", "vh_guard", "BEFORE", "INSERT OR UPDATE", "ROW", "vh_presence_guard()"),
    ]
    for table in (
        "incident_steps",
        "incident_police_reports",
        "incident_aftercare",
        "incident_attachments",
    ):
        spec.append(
            (
                table,
                "vh_guard",
                "BEFORE",
                "INSERT OR UPDATE OR DELETE",
                "ROW",
                "vh_incident_part_guard()",
            )
        )
    # (The audit log's own append-only triggers come with the migrations.)
    out = ["DROP TRIGGER IF EXISTS vh_no_delete ON audit_log"]
    for table, name, timing, events, level, function in spec:
        out.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        out.append(
            f"CREATE TRIGGER {name} {timing} {events} ON {table} FOR EACH {level} "
            f"EXECUTE FUNCTION {function}"
        )
    # Checked at commit: a removal or a reset comes with a new team key.
    out += [
        "DROP TRIGGER IF EXISTS vh_rotation ON accounts",
        "CREATE CONSTRAINT TRIGGER vh_rotation AFTER UPDATE ON accounts DEFERRABLE "
        "INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION vh_rotation_due()",
    ]
    return out


# ---- row-level security -----------------------------------------------------------------

_ME = "(SELECT vh_me())"
_LEAD = "(SELECT vh_is('leidinggevende'))"
_CASEWORK = "(SELECT vh_casework())"


def _handover() -> str:
    """The buddy of a running visit changes only through ``vh_change_buddy``
    (domain/handover.py: hand over by the buddy, take over while the buddy is absent),
    a compare-and-set on the buddy the caller saw. ``vh_watch_head`` tells any colleague
    the state, visitor and buddy of a running visit (numbers only), so that one may
    take it over without reading the visit itself."""
    running = "('onderweg', 'geescaleerd')"
    return f"""
CREATE OR REPLACE FUNCTION vh_watch_head(visit integer)
    RETURNS TABLE (state text, visitor_id integer, buddy_id integer)
    LANGUAGE sql STABLE {_DEF} AS $$
    SELECT v.state, v.visitor_id, v.buddy_id FROM public.visits v
    WHERE v.id = visit AND public.vh_casework()
      AND (v.state IN {running} OR public.vh_sees_visit(v.id)) $$;
-- Every running visit as any colleague may know it (numbers and times only), so that a
-- colleague's desk can tell a visit nobody watches (docs/design.md §4a, failover).
CREATE OR REPLACE FUNCTION vh_running_heads()
    RETURNS TABLE (visit_id integer, state text, start_at timestamp, visitor_id integer,
                   buddy_id integer)
    LANGUAGE sql STABLE {_DEF} AS $$
    SELECT v.id, v.state, v.start_at, v.visitor_id, v.buddy_id FROM public.visits v
    WHERE v.state IN {running} AND public.vh_casework() $$;
CREATE OR REPLACE FUNCTION vh_change_buddy(visit integer, from_buddy integer, to_buddy integer)
    RETURNS boolean LANGUAGE plpgsql {_DEF} AS $$
    DECLARE
        me integer := public.vh_me();
        lead boolean := public.vh_is('leidinggevende');
        v record;
        changed integer;
    BEGIN
        IF me IS NULL OR NOT public.vh_casework() THEN
            PERFORM public.vh_refuse('alleen een collega die buddy kan zijn neemt een bezoek over');
        END IF;
        SELECT s.state, s.visitor_id, s.buddy_id INTO v FROM public.visits s WHERE s.id = visit;
        IF NOT FOUND OR v.state NOT IN {running} THEN
            PERFORM public.vh_refuse('dit bezoek loopt niet meer');
        END IF;
        IF to_buddy = me THEN
            IF me = v.visitor_id THEN
                PERFORM public.vh_refuse(
                    'alleen een collega die buddy kan zijn neemt een bezoek over');
            END IF;
            IF from_buddy <> me AND NOT lead AND EXISTS (
                SELECT 1 FROM public.presence p WHERE p.account_id = from_buddy
                AND p.ended_at IS NULL
                AND p.seen_at >= public.vh_server_now() - interval '{ABSENT_SECONDS} seconds') THEN
                PERFORM public.vh_refuse(
                    'de buddy is aanwezig; overnemen kan als de buddy niet bereikbaar is');
            END IF;
        ELSE
            IF from_buddy <> me AND NOT lead THEN
                PERFORM public.vh_refuse(
                    'alleen de buddy of een leidinggevende draagt een bezoek over');
            END IF;
            IF to_buddy = v.visitor_id OR NOT EXISTS (
                SELECT 1 FROM public.accounts a WHERE a.id = to_buddy AND a.active
                AND string_to_array(a.roles, ',') && ARRAY['medewerker', 'leidinggevende']) THEN
                PERFORM public.vh_refuse(
                    'kies een collega die buddy kan zijn, niet de bezoeker zelf');
            END IF;
        END IF;
        UPDATE public.visits s SET buddy_id = to_buddy, updated_at = public.vh_server_now()
         WHERE s.id = visit AND s.buddy_id = from_buddy AND s.state IN {running};
        GET DIAGNOSTICS changed = ROW_COUNT;
        RETURN changed = 1;
    END $$;
"""


def _policies() -> list[tuple[str, str, str, str | None, str | None]]:
    """(table, name, command, USING, WITH CHECK) for the team's group role."""
    # The same rule as vh_sees_visit (the guards' per-row form), once per statement.
    mine = "(SELECT vh_my_visits())"
    visit_child = f"({_LEAD} OR visit_id IN {mine})"
    incident_child = "vh_sees_incident(incident_id)"
    seen_visit = f"{_LEAD} OR visitor_id = {_ME} OR buddy_id = {_ME} OR id IN {mine}"
    acting_visit = f"{_LEAD} OR visitor_id = {_ME} OR buddy_id = {_ME}"
    # Alarms: one's own visits'; a colleague also those for every colleague ('team',
    # docs/design.md §4a) and reads every failover row (numbers and times: whether someone took
    # charge already); the guard holds the rest.
    own_alarm = f"(visit_id IS NULL AND {_LEAD} OR {visit_child})"
    team_alarm = f"(audience = 'team' AND {_CASEWORK})"
    failover_alarm = f"((audience = 'team' OR kind = 'buddy_onbereikbaar') AND {_CASEWORK})"
    rows: list[tuple[str, str, str, str | None, str | None]] = [
        ("accounts", "vh_read", "SELECT", "true", None),
        ("accounts", "vh_self", "UPDATE", f"id = {_ME}", f"id = {_ME}"),
        ("settings", "vh_read", "SELECT", "true", None),
        (
            "settings",
            "vh_write",
            "ALL",
            "(SELECT vh_is('beheerder'))",
            "(SELECT vh_is('beheerder'))",
        ),
        ("visits", "vh_read", "SELECT", seen_visit, None),
        ("visits", "vh_plan", "INSERT", None, f"{_CASEWORK} AND (visitor_id = {_ME} OR {_LEAD})"),
        ("visits", "vh_act", "UPDATE", acting_visit, acting_visit),
        ("visit_colleagues", "vh_read", "SELECT", visit_child, None),
        ("visit_colleagues", "vh_write", "INSERT", None, visit_child),
        ("visit_colleagues", "vh_remove", "DELETE", visit_child, None),
        (
            "unsafe_address_notes",
            "vh_read",
            "SELECT",
            f"{_LEAD} OR {_CASEWORK} AND (status = 'actief' OR author_id = {_ME})",
            None,
        ),
        ("unsafe_address_notes", "vh_propose", "INSERT", None, _CASEWORK),
        (
            "unsafe_address_notes",
            "vh_change",
            "UPDATE",
            f"{_LEAD} OR author_id = {_ME}",
            f"{_LEAD} OR author_id = {_ME}",
        ),
        ("unsafe_address_notes", "vh_delete", "DELETE", _LEAD, None),
        ("audit_log", "vh_read", "SELECT", f"{_LEAD} OR (SELECT vh_is('beheerder'))", None),
        ("audit_log", "vh_append", "INSERT", None, "true"),
        ("alarms", "vh_read", "SELECT", f"{own_alarm} OR {failover_alarm}", None),
        ("alarms", "vh_raise", "INSERT", None, f"{own_alarm} OR {team_alarm}"),
        (
            "alarms",
            "vh_ack",
            "UPDATE",
            f"{own_alarm} OR {team_alarm}",
            f"{own_alarm} OR {team_alarm}",
        ),
        (
            "incidents",
            "vh_read",
            "SELECT",
            f"{_LEAD} OR employee_id = {_ME} OR filed_by = {_ME}",
            None,
        ),
        ("incidents", "vh_file", "INSERT", None, _CASEWORK),
        (
            "incidents",
            "vh_change",
            "UPDATE",
            f"{_LEAD} OR employee_id = {_ME} OR filed_by = {_ME}",
            f"{_LEAD} OR employee_id = {_ME} OR filed_by = {_ME}",
        ),
        ("team_keyring", "vh_read", "SELECT", "true", None),
        ("team_keyslots", "vh_own", "ALL", "rolname = session_user", "rolname = session_user"),
        ("team_key_wraps", "vh_own", "ALL", "rolname = session_user", "rolname = session_user"),
        ("team_logins", "vh_own", "SELECT", "rolname = session_user", None),
        ("team_signatures", "vh_own", "ALL", f"signer = {_ME}", f"signer = {_ME}"),
        # Everyone in the team sees who is there (an account id and times, nothing
        # personal); each person writes, ends and tidies only their own sessions.
        ("presence", "vh_read", "SELECT", "true", None),
        ("presence", "vh_own", "INSERT", None, f"account_id = {_ME}"),
        ("presence", "vh_own_update", "UPDATE", f"account_id = {_ME}", f"account_id = {_ME}"),
        ("presence", "vh_own_delete", "DELETE", f"account_id = {_ME}", None),
        # The watch service's heartbeat (docs/design.md §4a, the last line): its status
        # line is the leidinggevenden's; the watch writes only through its functions.
        ("watch_heartbeats", "vh_read", "SELECT", _LEAD, None),
    ]
    for table in ("assessments", "callbacks", "calls", "visit_events"):
        rows.append((table, "vh_visit", "ALL", visit_child, visit_child))
    for table in (
        "incident_steps",
        "incident_police_reports",
        "incident_aftercare",
        "incident_attachments",
    ):
        rows.append((table, "vh_incident", "ALL", incident_child, incident_child))
    return rows


def _policy_sql(r: Roles) -> list[str]:
    out = [
        # Drop every policy first: the set below is complete, old names included.
        "DO $$ DECLARE p record; BEGIN FOR p IN SELECT policyname, tablename FROM pg_policies "
        "WHERE schemaname = 'public' LOOP EXECUTE format('DROP POLICY %I ON %I', p.policyname, "
        "p.tablename); END LOOP; END $$",
    ]
    for table in TEAM_TABLES:
        out += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
            f"CREATE POLICY vh_owner ON {table} TO {q(r.owner)} USING (true) WITH CHECK (true)",
        ]
    for table in PROVISION_TABLES:
        out.append(
            f"CREATE POLICY vh_provision ON {table} TO {q(r.provision)} "
            "USING (true) WITH CHECK (true)"
        )
    for table, name, command, using, check in _policies():
        sql = f"CREATE POLICY {name} ON {table} FOR {command} TO {q(r.group)}"
        if using is not None:
            sql += f" USING ({using})"
        if check is not None:
            sql += f" WITH CHECK ({check})"
        out.append(sql)
    return out


def _grants(r: Roles, database: str) -> list[str]:
    group = q(r.group)
    out = [
        f"REVOKE ALL ON DATABASE {q(database)} FROM PUBLIC",
        f"REVOKE TEMPORARY ON DATABASE {q(database)} FROM {group}",
        f"GRANT CONNECT ON DATABASE {q(database)} TO {group}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {group}, {q(r.provision)}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {group}",
        "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {group}, {q(r.provision)}",
    ]
    for table, rights in GRANTS.items():
        out.append(f"GRANT {rights} ON {table} TO {group}")
    for table in PROVISION_TABLES:
        out.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {q(r.provision)}")
    return out


def _function_grants(r: Roles) -> list[str]:
    """Functions are revoked from PUBLIC above; the group may call what the app needs
    (policies and guards call the rest as their definer)."""
    callable_by_group = (
        "vh_me()",
        "vh_is(text)",
        "vh_casework()",
        "vh_roles_of(integer)",
        "vh_privileged()",
        "vh_refuse(text)",
        "vh_is_colleague(integer)",
        "vh_sees_visit(integer)",
        "vh_my_visits()",
        "vh_visit_part(integer)",
        "vh_visit_state(integer)",
        "vh_sees_incident(integer)",
        "vh_server_now()",
        "vh_use_signature(text, integer)",
        "vh_cosigned_now(integer)",
        "vh_audit_head()",
        "vh_audited(text)",
        f"vh_create_account({_CREATE_ACCOUNT_ARGS})",
        f"vh_set_login({_SET_LOGIN_ARGS})",
        "vh_remove_account(integer)",
        "vh_team_generation()",
        "vh_seal_generation(bytea)",
        "vh_team_public_keys()",
        "vh_rotate_team_key(integer, text[], bytea[], bytea[])",
        "vh_watch_head(integer)",
        "vh_running_heads()",
        "vh_change_buddy(integer, integer, integer)",
    )
    to = f"{q(r.group)}, {q(r.provision)}"
    return [f"GRANT EXECUTE ON FUNCTION {f} TO {to}" for f in callable_by_group]


_KEY_PAIR_ARGS = "text, bytea, bytea, bytea, integer[], bytea[], bytea[]"
_STORE_KEY_PAIR_ARGS = "text, " + _KEY_PAIR_ARGS
_CREATE_ACCOUNT_ARGS = (
    "integer, text, text, bytea, bytea, bytea, timestamp, text, " + _KEY_PAIR_ARGS
)
_SET_LOGIN_ARGS = "integer, text, " + _KEY_PAIR_ARGS


def _provisioning(r: Roles) -> str:
    """The three account functions, owned by the provisioning role (CREATEROLE)."""
    roles_re = "^(" + "|".join(ROLE_NAMES) + ")(,(" + "|".join(ROLE_NAMES) + "))*$"
    verifier_re = r"^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$"
    return f"""
CREATE OR REPLACE FUNCTION vh_check_login(username text, verifier text) RETURNS text
    LANGUAGE plpgsql {_DEF} AS $$
    BEGIN
        IF username !~ '^[a-z0-9][a-z0-9._-]{{1,49}}$' THEN
            RAISE EXCEPTION 'ongeldige gebruikersnaam' USING ERRCODE = 'invalid_parameter_value',
                HINT = {lit(REFUSAL_HINT)};
        END IF;
        IF verifier !~ {lit(verifier_re)} THEN
            RAISE EXCEPTION 'een wachtwoord komt alleen als SCRAM-verifier'
                USING ERRCODE = 'invalid_parameter_value', HINT = {lit(REFUSAL_HINT)};
        END IF;
        RETURN {lit(r.prefix)} || username;
    END $$;
-- Another leidinggevende must co-sign when a leidinggevende is made or reset; a team
-- whose only leidinggevende is the person acting cannot (the first one is made so).
CREATE OR REPLACE FUNCTION vh_lead_cosign(wanted text, target integer) RETURNS integer
    LANGUAGE plpgsql {_DEF} AS $$
    DECLARE
        signer integer;
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM public.accounts a WHERE a.active
                       AND a.id <> public.vh_me() AND a.id IS DISTINCT FROM target
                       AND 'leidinggevende' = ANY (string_to_array(a.roles, ','))) THEN
            RETURN NULL;
        END IF;
        SELECT s.signer INTO signer FROM public.team_signatures s
        WHERE s.token = nullif(current_setting('vh.cosign', true), '')::uuid;
        IF signer IS NULL OR signer = public.vh_me() OR signer IS NOT DISTINCT FROM target THEN
            PERFORM public.vh_refuse(
                'een tweede leidinggevende moet medeondertekenen (vier ogen)');
        END IF;
        PERFORM public.vh_use_signature(wanted, signer);
        RETURN signer;
    EXCEPTION WHEN invalid_text_representation THEN
        PERFORM public.vh_refuse('een tweede leidinggevende moet medeondertekenen (vier ogen)');
        RETURN NULL;
    END $$;
-- A person's key pair slot (the private half sealed under their password key) and the
-- team key of each live generation wrapped to its public half; replaces their slots.
CREATE OR REPLACE FUNCTION vh_store_key_pair(role_name text, p_slot_id text, p_nonce bytea,
    p_private bytea, p_public bytea, p_generations integer[], p_wraps bytea[], p_tags bytea[])
    RETURNS void LANGUAGE plpgsql {_DEF} AS $$
    DECLARE
        current integer := public.vh_team_generation();
    BEGIN
        IF p_slot_id IS NULL OR p_nonce IS NULL OR p_private IS NULL
           OR p_public IS NULL OR length(p_public) <> {PUBLIC_KEY_BYTES}
           OR p_generations IS NULL OR p_wraps IS NULL OR p_tags IS NULL
           OR cardinality(p_generations) <> cardinality(p_wraps)
           OR cardinality(p_generations) <> cardinality(p_tags)
           OR NOT current = ANY (p_generations)
           OR EXISTS (SELECT 1 FROM unnest(p_generations, p_wraps, p_tags) AS u(g, w, t)
                      WHERE g IS NULL OR g < 1 OR g > current OR w IS NULL
                         OR length(w) < {WRAP_MIN_BYTES} OR t IS NULL
                         OR length(t) <> {TAG_BYTES}) THEN
            RAISE EXCEPTION 'een account krijgt een sleutelpaar met de huidige teamsleutel'
                USING ERRCODE = 'invalid_parameter_value', HINT = {lit(REFUSAL_HINT)};
        END IF;
        DELETE FROM public.team_keyslots k WHERE k.rolname = role_name;
        DELETE FROM public.team_key_wraps w WHERE w.rolname = role_name;
        INSERT INTO public.team_keyslots (slot_id, rolname, nonce, wrapped_key, public_key)
            VALUES (p_slot_id, role_name, p_nonce, p_private, p_public);
        INSERT INTO public.team_key_wraps (rolname, generation, wrapped, tag)
            SELECT role_name, u.g, u.w, u.t FROM unnest(p_generations, p_wraps, p_tags)
                AS u(g, w, t);
    END $$;
CREATE OR REPLACE FUNCTION vh_create_account(
    p_id integer, p_username text, p_roles text, p_first bytea, p_last bytea, p_phone bytea,
    p_created_at timestamp, p_verifier text, p_slot_id text, p_nonce bytea, p_private bytea,
    p_public bytea, p_generations integer[], p_wraps bytea[], p_tags bytea[])
    RETURNS void LANGUAGE plpgsql {_DEF} AS $$
    DECLARE
        -- The owner: setting up (the first account) or loading demo data (seed-demo).
        owner_acting boolean := session_user = {lit(r.owner)};
        role_name text := public.vh_check_login(p_username, p_verifier);
    BEGIN
        IF NOT owner_acting THEN
            IF NOT public.vh_is('beheerder') THEN
                PERFORM public.vh_refuse('alleen een beheerder maakt accounts');
            END IF;
            IF p_roles !~ {lit(roles_re)} THEN
                RAISE EXCEPTION 'onbekende rol' USING ERRCODE = 'invalid_parameter_value',
                    HINT = {lit(REFUSAL_HINT)};
            END IF;
            PERFORM public.vh_audited('account_created');
            IF 'leidinggevende' = ANY (string_to_array(p_roles, ',')) THEN
                PERFORM public.vh_lead_cosign('leidinggevende_account', NULL);
            END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            RAISE EXCEPTION 'deze gebruikersnaam is al in gebruik'
                USING ERRCODE = 'unique_violation', HINT = {lit(REFUSAL_HINT)};
        END IF;
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I',
                       role_name, p_verifier, {lit(r.group)});
        INSERT INTO public.team_logins (rolname, username) VALUES (role_name, p_username);
        PERFORM public.vh_store_key_pair(role_name, p_slot_id, p_nonce, p_private, p_public,
                                         p_generations, p_wraps, p_tags);
        INSERT INTO public.accounts (id, username, first_name, last_name, phone, roles, slot_id,
                                     active, created_at)
            VALUES (p_id, p_username, p_first, p_last, p_phone, p_roles, p_slot_id, true,
                    p_created_at);
    END $$;
-- A new password for someone else (forgotten or leaked), with a new key pair; the
-- person is told at their next login. The team key is replaced in the same transaction
-- (vh_rotation_due). The owner uses it after migrate-to-server (no notice and no new
-- team key: their own password).
CREATE OR REPLACE FUNCTION vh_set_login(p_account integer, p_verifier text, p_slot_id text,
    p_nonce bytea, p_private bytea, p_public bytea, p_generations integer[], p_wraps bytea[],
    p_tags bytea[]) RETURNS void LANGUAGE plpgsql {_DEF} AS $$
    DECLARE
        owner_acting boolean := session_user = {lit(r.owner)};
        target record;
        role_name text;
        signer integer;
    BEGIN
        SELECT * INTO target FROM public.accounts a WHERE a.id = p_account AND a.active;
        IF target IS NULL THEN
            RAISE EXCEPTION 'dit account bestaat niet (meer)' USING ERRCODE = 'no_data_found',
                HINT = {lit(REFUSAL_HINT)};
        END IF;
        role_name := public.vh_check_login(target.username, p_verifier);
        IF NOT owner_acting THEN
            IF NOT public.vh_is('beheerder') OR target.id = public.vh_me() THEN
                PERFORM public.vh_refuse('alleen een beheerder herstelt andermans wachtwoord');
            END IF;
            PERFORM public.vh_audited('password_reset');
            IF 'leidinggevende' = ANY (string_to_array(target.roles, ',')) THEN
                signer := public.vh_lead_cosign('leidinggevende_wachtwoord', target.id);
            END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', role_name, p_verifier);
        ELSE
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I',
                           role_name, p_verifier, {lit(r.group)});
        END IF;
        INSERT INTO public.team_logins (rolname, username) VALUES (role_name, target.username)
            ON CONFLICT (rolname) DO NOTHING;
        PERFORM public.vh_store_key_pair(role_name, p_slot_id, p_nonce, p_private, p_public,
                                         p_generations, p_wraps, p_tags);
        UPDATE public.accounts SET slot_id = p_slot_id,
            password_reset_by = CASE WHEN owner_acting THEN NULL ELSE public.vh_me() END,
            password_reset_at = CASE WHEN owner_acting THEN NULL ELSE public.vh_server_now() END,
            password_reset_cosigner = signer
        WHERE id = target.id;
    END $$;
CREATE OR REPLACE FUNCTION vh_remove_account(p_account integer) RETURNS void
    LANGUAGE plpgsql {_DEF} AS $$
    DECLARE
        target record;
    BEGIN
        IF NOT public.vh_is('beheerder') OR p_account = public.vh_me() THEN
            PERFORM public.vh_refuse('alleen een beheerder verwijdert een ander account');
        END IF;
        SELECT * INTO target FROM public.accounts a WHERE a.id = p_account AND a.active;
        IF target IS NULL THEN
            RAISE EXCEPTION 'dit account bestaat niet (meer)' USING ERRCODE = 'no_data_found',
                HINT = {lit(REFUSAL_HINT)};
        END IF;
        PERFORM public.vh_audited('account_removed');
        UPDATE public.accounts SET active = false, slot_id = NULL,
            removed_at = public.vh_server_now() WHERE id = target.id;
        DELETE FROM public.team_keyslots k WHERE k.rolname = {lit(r.prefix)} || target.username;
        DELETE FROM public.team_key_wraps w WHERE w.rolname = {lit(r.prefix)} || target.username;
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {lit(r.prefix)} || target.username) THEN
            EXECUTE format('ALTER ROLE %I NOLOGIN', {lit(r.prefix)} || target.username);
        END IF;
    END $$;
ALTER FUNCTION vh_check_login(text, text) OWNER TO {q(r.provision)};
ALTER FUNCTION vh_lead_cosign(text, integer) OWNER TO {q(r.provision)};
ALTER FUNCTION vh_store_key_pair({_STORE_KEY_PAIR_ARGS}) OWNER TO {q(r.provision)};
ALTER FUNCTION vh_create_account({_CREATE_ACCOUNT_ARGS}) OWNER TO {q(r.provision)};
ALTER FUNCTION vh_set_login({_SET_LOGIN_ARGS}) OWNER TO {q(r.provision)};
ALTER FUNCTION vh_remove_account(integer) OWNER TO {q(r.provision)};
"""


def _roles(r: Roles) -> list[str]:
    """The group and provisioning roles; login roles lose every right they should not
    hold (earlier versions gave a beheerder CREATEROLE)."""
    return [
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
        f"{lit(r.group)}) THEN CREATE ROLE {q(r.group)} NOLOGIN; END IF; END $$",
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
        f"{lit(r.provision)}) THEN CREATE ROLE {q(r.provision)} NOLOGIN CREATEROLE; END IF; "
        "END $$",
        f"ALTER ROLE {q(r.provision)} NOLOGIN CREATEROLE",
        # The provisioning role adds people to the group (PostgreSQL 16: needs ADMIN);
        # the owner is a member so that it may give the role its functions.
        f"GRANT {q(r.group)} TO {q(r.provision)} WITH ADMIN OPTION",
        f"GRANT {q(r.provision)} TO {q(r.owner)}",
        # PostgreSQL: a function's owner needs CREATE on its schema.
        f"GRANT USAGE, CREATE ON SCHEMA public TO {q(r.provision)}",
        f"""DO $$
        DECLARE
            login record;
            grant_row record;
        BEGIN
            FOR login IN SELECT rolname, rolcreaterole OR rolcreatedb AS too_much
                         FROM pg_roles WHERE rolname LIKE {lit(r.prefix + "%")}
                         AND rolname NOT IN ({lit(r.group)}, {lit(r.provision)}) LOOP
                -- Only where needed: PostgreSQL 16 lets the owner alter only the roles
                -- it administers (the provisioning role made today's).
                IF login.too_much THEN
                    EXECUTE format('ALTER ROLE %I NOCREATEROLE NOCREATEDB', login.rolname);
                END IF;
                FOR grant_row IN SELECT m.roleid::regrole::text AS granted, m.admin_option
                        FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member
                        WHERE r.rolname = login.rolname LOOP
                    IF grant_row.granted <> {lit(q(r.group))} THEN
                        EXECUTE format('REVOKE %s FROM %I', grant_row.granted, login.rolname);
                    ELSIF grant_row.admin_option THEN
                        EXECUTE format('REVOKE ADMIN OPTION FOR %s FROM %I',
                                       grant_row.granted, login.rolname);
                    END IF;
                END LOOP;
            END LOOP;
        END $$""",
    ]


_RETIRED = (
    # Earlier versions: identity by current_user (SET ROLE could change it), a trigger
    # that let anyone without an account change accounts.
    "DROP TRIGGER IF EXISTS vh_accounts_guard ON accounts",
    "DROP FUNCTION IF EXISTS vh_account(name)",
    "DROP FUNCTION IF EXISTS vh_has_role(name, text)",
    # Before key pairs: accounts with a password slot (the team key itself wrapped).
    "DROP FUNCTION IF EXISTS vh_create_account(integer, text, text, bytea, bytea, bytea, "
    "timestamp, text, text, bytea, bytea)",
    "DROP FUNCTION IF EXISTS vh_set_login(integer, text, text, bytea, bytea)",
)


def statements(
    r: Roles, database: str, sealed: Mapping[str, Sequence[str]] | None = None
) -> list[str]:
    """Everything, in order; run by the owner after the migrations (idempotent).
    ``sealed``: the sealed columns per table (their values must carry the current key
    generation)."""
    return [
        *_roles(r),
        _identity(r),
        _signatures(r),
        _audit(r),
        _keys(r),
        _GUARDS,
        *_seal_guards(sealed or {}),
        _audit_reseal(r, (sealed or {}).get("audit_log", ())),
        _provisioning(r),
        _handover(),
        *_grants(r, database),
        *_function_grants(r),
        *_triggers(),
        *_policy_sql(r),
        *_RETIRED,
    ]
