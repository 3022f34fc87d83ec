"""A team server's address (``--database-url``) and the names derived from it.

Only TLS connections are accepted: ``sslmode`` must be ``require``, ``verify-ca`` or
``verify-full`` (the default when the URL names none, so the server's certificate and
host name are checked against ``sslrootcert`` or the system's trusted roots).

Each person logs in to the server as their own database role. The role's password is
not their app password but an Argon2id derivation of it, so neither the server nor its
administrator ever holds something that unwraps the team key.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import TeamUrlError as TeamUrlError
from ..keyslots import DEFAULT_KDF, normalise_username
from ..keywrap import normalise_password

TLS_MODES = frozenset({"require", "verify-ca", "verify-full"})
DEFAULT_SSLMODE = "verify-full"
CONNECT_TIMEOUT_S = 5
# libpq settings so that a connection to a server that stops answering fails within
# seconds instead of TCP's minutes: keepalive probes on an idle link, and a limit on
# how long sent data may stay unacknowledged (milliseconds).
LIVENESS = {
    "connect_timeout": str(CONNECT_TIMEOUT_S),
    "keepalives": "1",
    "keepalives_idle": "2",
    "keepalives_interval": "1",
    "keepalives_count": "3",
    "tcp_user_timeout": "5000",
}


@dataclass(frozen=True)
class TeamLocation:
    url: URL  # postgresql+psycopg, TLS enforced; may carry owner credentials

    @classmethod
    def parse(cls, text: str) -> TeamLocation:
        try:
            url = make_url(text.strip())
            port = url.port  # a port that is no number fails here (ValueError)
        except (ArgumentError, ValueError):
            raise TeamUrlError("Het adres van de teamserver is ongeldig.") from None
        if port is not None and not 0 < port < 65536:
            raise TeamUrlError("De poort van de teamserver moet tussen 1 en 65535 liggen.")
        if url.get_backend_name() not in ("postgresql", "postgres"):
            raise TeamUrlError("Teammodus werkt met een PostgreSQL-server (postgresql://…).")
        if not url.database:
            raise TeamUrlError("Noem de database in het adres van de teamserver (…/naam).")
        url = url.set(drivername="postgresql+psycopg")
        query = dict(url.query)
        mode = str(query.get("sslmode", DEFAULT_SSLMODE))
        if mode not in TLS_MODES:
            raise TeamUrlError(
                "De verbinding met de teamserver moet versleuteld zijn (TLS): gebruik "
                "sslmode=verify-full (aanbevolen), verify-ca of require."
            )
        query["sslmode"] = mode
        for key, value in LIVENESS.items():
            query.setdefault(key, value)
        return cls(url.set(query=query))

    @classmethod
    def for_workstation(cls, text: str) -> TeamLocation:
        """A workstation's server address: as :meth:`parse`, and without a password
        (each person logs in with their own name and password)."""
        location = cls.parse(text)
        if location.url.password:
            raise TeamUrlError(
                "Zet geen wachtwoord in het adres van de teamserver: u logt in met uw eigen "
                "naam en wachtwoord."
            )
        return location

    @property
    def database(self) -> str:
        assert self.url.database is not None
        return self.url.database

    @property
    def display(self) -> str:
        """Host and database, never credentials."""
        return f"{self.url.host or 'localhost'}:{self.url.port or 5432}/{self.database}"

    @property
    def role_prefix(self) -> str:
        digest = hashlib.sha256(b"vh-team\0" + self.database.encode()).hexdigest()[:8]
        return f"vh{digest}_"

    @property
    def group_role(self) -> str:
        # '#' cannot occur in a user name, so no person's role can take this name.
        return f"{self.role_prefix}#team"

    @property
    def provision_role(self) -> str:
        """NOLOGIN, CREATEROLE: owns the account functions (rules), nothing else."""
        return f"{self.role_prefix}#provision"

    @property
    def watch_group_role(self) -> str:
        """NOLOGIN: the watch services' roles are its members (storage/team/watch.py)."""
        return f"{self.role_prefix}#watch"

    def login_role(self, username: str) -> str:
        return self.role_prefix + normalise_username(username)

    def login_password(self, username: str, password: str, *, as_typed: bool = False) -> str:
        """The person's database password: Argon2id of their app password (NFC, own salt;
        ``as_typed``: the password exactly as typed, as logins made before NFC were)."""
        from argon2.low_level import Type, hash_secret_raw

        salt = hashlib.sha256(
            b"vh-db-login\0"
            + self.database.encode()
            + b"\0"
            + normalise_username(username).encode()
        ).digest()
        kek = hash_secret_raw(
            secret=(password if as_typed else normalise_password(password)).encode("utf-8"),
            salt=salt,
            time_cost=int(str(DEFAULT_KDF["time_cost"])),
            memory_cost=int(str(DEFAULT_KDF["memory_kib"])),
            parallelism=int(str(DEFAULT_KDF["parallelism"])),
            hash_len=32,
            type=Type.ID,
        )
        return hmac.new(kek, b"vh-db-password", hashlib.sha256).hexdigest()

    def as_person(self, username: str, db_password: str) -> URL:
        return self.url.set(username=self.login_role(username), password=db_password)

    def local_dir(self) -> Path:
        """A stand-in 'data folder' (never created): keys the login throttle per server."""
        return Path("/veilig-huisbezoek-team") / hashlib.sha256(self.display.encode()).hexdigest()
