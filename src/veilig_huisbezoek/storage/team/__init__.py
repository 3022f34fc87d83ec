"""Team mode: the same services on a PostgreSQL server shared by a team.

* :mod:`.location` — the ``--database-url``: TLS required, role names per person;
* :mod:`.profile` — this computer's team server (``admin use-server``), read at start;
* :mod:`.schema` — what a team server needs beyond the Alembic schema: key pairs and
  wrapped team keys, per-person login roles, row-level security, blind address index,
  change notifications (the rules themselves: :mod:`.rules`);
* :mod:`.reseal` — re-seal values after the team key was replaced (``admin reseal``);
* :mod:`.store` — :class:`TeamStore`, a :class:`~..store.Store` over the server: its
  sessions, reachability and blind-index lookups;
* :mod:`.opening` — set a server up, upgrade and re-seal it, log in as a person;
* :mod:`.key_wraps` — a person's key pair and wrapped team keys, replacing the team key;
* :mod:`.team_accounts` — account rows with their login roles and key pairs, co-signing;
* :mod:`.verify` — ``verify`` on a team server;
* :mod:`.errors` — the server's refusals and failures as the app's errors;
* :mod:`.listen` — LISTEN/NOTIFY so every workstation sees changes within a second;
* :mod:`.copy` — copy an embedded store onto a team server.
"""
