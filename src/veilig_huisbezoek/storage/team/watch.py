"""The watch service's side of a team server (docs/design.md §4a, "The last line").

The watch service logs in with its own server role (``admin add-watch``), a member of
the NOLOGIN *watch group*. That group holds no right on any table: it may connect and
call the functions below, each owned by the database owner (``SECURITY DEFINER``):

* reading the schedule: running visits (numbers, times, state, visitor and buddy ids),
  their open call-backs, their alarms' keys and whether someone took charge, presence
  (account ids and times), the three timing settings and the server's clock. No name,
  address, phone number, key or sealed column ever leaves these functions.
* writing: its own heartbeat row (time and what is failing) and its sent-message
  records (``watch_sends``: a step is claimed before it is sent, marked sent after, and
  released when sending failed; a claim that is neither sent nor released expires
  after a lease, so a service killed half-way does not block the step for ever).

Every statement is idempotent and runs with the rest of :mod:`.schema` after each
upgrade. :class:`WatchConnection` is the service's client (plain psycopg, no ORM).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ...domain.presence import SessionSeen
from ...domain.reminders import AlarmSnapshot, CallbackMoment, VisitSnapshot
from ...domain.settings import Settings
from ...domain.visit import VisitState
from .rules import Roles, q

# Tables of the watch service (team server only; in rules.TEAM_TABLES: row security).
TABLES = """
CREATE TABLE IF NOT EXISTS watch_heartbeats (
    rolname text PRIMARY KEY,
    beat_at timestamp NOT NULL,
    failing text NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS watch_sends (
    step_key text PRIMARY KEY,
    visit_id integer NOT NULL,
    claimed_by text NOT NULL,
    claimed_at timestamp NOT NULL,
    sent_at timestamp
);
"""

_DEF = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"
_RUNNING = "('onderweg', 'geescaleerd')"

FUNCTIONS = (
    "vh_watch_visits()",
    "vh_watch_callbacks()",
    "vh_watch_alarms()",
    "vh_watch_presence()",
    "vh_watch_timing()",
    "vh_watch_beat(text)",
    "vh_watch_claim(text, integer, integer)",
    "vh_watch_sent(text)",
    "vh_watch_release(text)",
)

_TIMING = ("grace_minutes", "escalation_minutes", "escalation_repeat_minutes")


def _functions() -> str:
    timing = ", ".join(f"(s.value ->> '{k}')::integer" for k in _TIMING)
    return f"""
CREATE OR REPLACE FUNCTION vh_watch_visits()
    RETURNS TABLE (visit_id integer, state text, start_at timestamp,
                   expected_return_at timestamp, visitor_id integer, buddy_id integer)
    LANGUAGE sql STABLE {_DEF} AS $$
    SELECT v.id, v.state, v.start_at, v.expected_return_at, v.visitor_id, v.buddy_id
    FROM public.visits v WHERE v.state IN {_RUNNING} $$;
CREATE OR REPLACE FUNCTION vh_watch_callbacks()
    RETURNS TABLE (callback_id integer, visit_id integer, due_at timestamp, kind text)
    LANGUAGE sql STABLE {_DEF} AS $$
    SELECT c.id, c.visit_id, c.due_at, c.kind FROM public.callbacks c
    JOIN public.visits v ON v.id = c.visit_id
    WHERE c.status = 'open' AND v.state IN {_RUNNING} $$;
CREATE OR REPLACE FUNCTION vh_watch_alarms()
    RETURNS TABLE (alarm_id integer, reminder_key text, acknowledged boolean)
    LANGUAGE sql STABLE {_DEF} AS $$
    SELECT a.id, a.reminder_key::text, a.acknowledged_at IS NOT NULL FROM public.alarms a
    JOIN public.visits v ON v.id = a.visit_id WHERE v.state IN {_RUNNING} $$;
CREATE OR REPLACE FUNCTION vh_watch_presence()
    RETURNS TABLE (account_id integer, seen_at timestamp, ended_at timestamp, locked boolean)
    LANGUAGE sql STABLE {_DEF} AS $$
    SELECT p.account_id, p.seen_at, p.ended_at, p.locked FROM public.presence p $$;
CREATE OR REPLACE FUNCTION vh_watch_timing()
    RETURNS TABLE (grace_minutes integer, escalation_minutes integer,
                   escalation_repeat_minutes integer, server_now timestamp)
    LANGUAGE sql STABLE {_DEF} AS $$
    SELECT {timing}, public.vh_server_now()
    FROM (SELECT 1) one LEFT JOIN public.settings s ON s.key = 'organisation' $$;
CREATE OR REPLACE FUNCTION vh_watch_beat(failing text) RETURNS void
    LANGUAGE sql VOLATILE {_DEF} AS $$
    INSERT INTO public.watch_heartbeats (rolname, beat_at, failing)
    VALUES (session_user, public.vh_server_now(), left(coalesce(failing, ''), 200))
    ON CONFLICT (rolname) DO UPDATE SET beat_at = EXCLUDED.beat_at, failing = EXCLUDED.failing $$;
CREATE OR REPLACE FUNCTION vh_watch_claim(step text, visit integer, lease_seconds integer)
    RETURNS boolean LANGUAGE sql VOLATILE {_DEF} AS $$
    INSERT INTO public.watch_sends AS w (step_key, visit_id, claimed_by, claimed_at)
    VALUES (step, visit, session_user, public.vh_server_now())
    ON CONFLICT (step_key) DO UPDATE
        SET claimed_by = EXCLUDED.claimed_by, claimed_at = EXCLUDED.claimed_at
        WHERE w.sent_at IS NULL
          AND w.claimed_at < EXCLUDED.claimed_at - make_interval(secs => lease_seconds)
    RETURNING true $$;
CREATE OR REPLACE FUNCTION vh_watch_sent(step text) RETURNS void
    LANGUAGE sql VOLATILE {_DEF} AS $$
    UPDATE public.watch_sends SET sent_at = public.vh_server_now()
    WHERE step_key = step AND claimed_by = session_user AND sent_at IS NULL $$;
CREATE OR REPLACE FUNCTION vh_watch_release(step text) RETURNS void
    LANGUAGE sql VOLATILE {_DEF} AS $$
    DELETE FROM public.watch_sends
    WHERE step_key = step AND claimed_by = session_user AND sent_at IS NULL $$;
"""


def statements(r: Roles, watch_group: str, database: str) -> list[str]:
    """The watch group, its functions and what it may do (after rules.statements, whose
    revokes they follow). Leidinggevenden read the heartbeats (the app's status line)."""
    group = q(watch_group)
    return [
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
        f"'{watch_group}') THEN CREATE ROLE {group} NOLOGIN; END IF; END $$",
        _functions(),
        f"GRANT CONNECT ON DATABASE {q(database)} TO {group}",
        f"GRANT USAGE ON SCHEMA public TO {group}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {group}",
        *[f"REVOKE ALL ON FUNCTION {f} FROM PUBLIC" for f in FUNCTIONS],
        *[f"GRANT EXECUTE ON FUNCTION {f} TO {group}" for f in FUNCTIONS],
        f"GRANT SELECT ON watch_heartbeats TO {q(r.group)}",
    ]


# ---- the watch role (admin add-watch) -------------------------------------------------

_ROLE_NAME = re.compile(r"[a-z][a-z0-9_-]{1,62}")


def role_name_problem(name: str, login_prefix: str) -> str | None:
    """Why this cannot be a watch role's name (Dutch), or None."""
    if not _ROLE_NAME.fullmatch(name):
        return (
            "Kies een rolnaam van 2 tot 63 tekens: kleine letters, cijfers, '-' of '_', "
            "beginnend met een letter."
        )
    if name.startswith(login_prefix) or name.startswith("pg_"):
        return "Deze rolnaam is gereserveerd voor de accounts van de app of voor PostgreSQL."
    return None


def add_watch_role(conn: Any, watch_group: str, name: str, verifier: str) -> bool:
    """Create the watch role (LOGIN, member of the watch group only) or give an existing
    watch role a new password; returns True when it was new. ``conn``: the owner's
    psycopg connection (autocommit). Refuses (ValueError) a role that exists and is not
    a watch role."""
    row = conn.execute(
        "SELECT r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication "
        "OR r.rolbypassrls, pg_has_role(r.oid, %s, 'MEMBER'), "
        "(SELECT count(*) FROM pg_auth_members m WHERE m.member = r.oid), "
        "(SELECT count(*) FROM pg_database d WHERE d.datdba = r.oid) "
        "FROM pg_roles r WHERE r.rolname = %s",
        (watch_group, name),
    ).fetchone()
    if row is None:
        conn.execute(
            f"CREATE ROLE {q(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
            f"PASSWORD '{verifier}' IN ROLE {q(watch_group)}"
        )
        return True
    too_much, member, memberships, owns = row
    if too_much or not member or memberships != 1 or owns:
        raise ValueError(name)
    conn.execute(f"ALTER ROLE {q(name)} LOGIN PASSWORD '{verifier}'")
    return False


# ---- the service's client ---------------------------------------------------------------


@dataclass(frozen=True)
class WatchSchedule:
    """What the watch role reads in one go; times as on the server (aware UTC)."""

    visits: tuple[VisitSnapshot, ...]
    alarms: tuple[AlarmSnapshot, ...]
    sessions: tuple[SessionSeen, ...]
    settings: Settings
    server_now: datetime


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class WatchConnection:
    """The watch service's connection (psycopg, autocommit): its reads and writes are
    the functions above, nothing else."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        """``params``: psycopg keywords (``listen.conninfo_from_url``)."""
        import psycopg

        self._conn: psycopg.Connection[tuple[Any, ...]] = psycopg.connect(
            **{**params, "application_name": "veilig-huisbezoek-watch"}, autocommit=True
        )

    def close(self) -> None:
        self._conn.close()

    @property
    def closed(self) -> bool:
        return bool(self._conn.closed or self._conn.broken)

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return list(self._conn.execute(sql, params).fetchall())

    def read(self) -> WatchSchedule:
        """The schedule, in one transaction (one consistent picture)."""
        with self._conn.transaction():
            visits = self._rows(
                "SELECT visit_id, state, start_at, expected_return_at, visitor_id, buddy_id "
                "FROM vh_watch_visits() ORDER BY visit_id"
            )
            callbacks = self._rows(
                "SELECT callback_id, visit_id, due_at, kind FROM vh_watch_callbacks() "
                "ORDER BY callback_id"
            )
            alarms = self._rows(
                "SELECT alarm_id, reminder_key, acknowledged FROM vh_watch_alarms()"
            )
            presence = self._rows(
                "SELECT account_id, seen_at, ended_at, locked FROM vh_watch_presence()"
            )
            (timing,) = self._rows(
                "SELECT grace_minutes, escalation_minutes, escalation_repeat_minutes, "
                "server_now FROM vh_watch_timing()"
            )
        open_callbacks: dict[int, list[CallbackMoment]] = {}
        for callback_id, visit_id, due_at, kind in callbacks:
            open_callbacks.setdefault(visit_id, []).append(
                CallbackMoment(callback_id, _utc(due_at), kind)
            )
        overrides = {k: v for k, v in zip(_TIMING, timing[:3], strict=True) if v is not None}
        return WatchSchedule(
            visits=tuple(
                VisitSnapshot(
                    id=visit_id,
                    state=VisitState(state),
                    expected_return=_utc(expected),
                    buddy_id=buddy_id,
                    visitor_first_name="",  # the watch role reads no names
                    open_callbacks=tuple(open_callbacks.get(visit_id, ())),
                    visitor_id=visitor_id,
                    start=_utc(start),
                )
                for visit_id, state, start, expected, visitor_id, buddy_id in visits
            ),
            alarms=tuple(AlarmSnapshot(a, key, bool(ack)) for a, key, ack in alarms),
            sessions=tuple(
                SessionSeen(
                    account_id,
                    _utc(seen_at),
                    _utc(ended_at) if ended_at is not None else None,
                    bool(locked),
                )
                for account_id, seen_at, ended_at, locked in presence
            ),
            settings=Settings.from_dict(overrides),
            server_now=_utc(timing[3]),
        )

    def claim(self, step_key: str, visit_id: int, lease_seconds: int) -> bool:
        """Take a step to send (False: sent already, or another service is sending it)."""
        rows = self._rows("SELECT vh_watch_claim(%s, %s, %s)", (step_key, visit_id, lease_seconds))
        return bool(rows and rows[0][0])

    def sent(self, step_key: str) -> None:
        self._conn.execute("SELECT vh_watch_sent(%s)", (step_key,))

    def release(self, step_key: str) -> None:
        self._conn.execute("SELECT vh_watch_release(%s)", (step_key,))

    def beat(self, failing: str = "") -> None:
        self._conn.execute("SELECT vh_watch_beat(%s)", (failing,))
