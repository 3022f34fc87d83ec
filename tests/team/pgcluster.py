"""A throwaway PostgreSQL cluster on loopback with TLS, for the team-mode tests.

Uses Debian's ``postgresql`` binaries (``/usr/lib/postgresql/*/bin``). PostgreSQL refuses
to run as root: then the cluster lives in a folder owned by the ``postgres`` system user
and every server command runs through ``runuser -u postgres``.
"""

from __future__ import annotations

import datetime as dt
import glob
import ipaddress
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ADMIN = "vh_admin"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def find_bin_dir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    for candidate in reversed(candidates):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_certificates(folder: Path) -> Path:
    """A self-signed CA and a server certificate for localhost / 127.0.0.1; returns the CA."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "vh test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    (folder / "server.crt").write_bytes(
        cert.public_bytes(serialization.Encoding.PEM) + ca.public_bytes(serialization.Encoding.PEM)
    )
    key_path = folder / "server.key"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    ca_path = folder / "ca.crt"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return ca_path


@dataclass
class Cluster:
    root: Path
    bin_dir: Path
    port: int
    admin_password: str
    ca_path: Path
    as_user: str | None  # run server commands as this system user (we are root)
    # False: a build without TLS (PostgreSQL 16 from PyPI's pgserver), reached over its
    # Unix socket only, where libpq ignores sslmode: the same URLs work.
    tls: bool = True
    owners: dict[str, tuple[str, str]] = field(default_factory=dict)  # database: (role, pw)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def url(
        self,
        database: str = "postgres",
        *,
        user: str = ADMIN,
        password: str | None = None,
        host: str = "localhost",
        sslmode: str = "verify-full",
    ) -> str:
        from urllib.parse import quote

        pw = self.admin_password if password is None and user == ADMIN else password
        auth = quote(user, safe="") + (f":{quote(pw, safe='')}" if pw else "")
        if not self.tls:
            return (
                f"postgresql+psycopg://{auth}@/{database}?host={quote(str(self.socket_dir))}"
                f"&port={self.port}&sslmode={sslmode}"
            )
        return (
            f"postgresql+psycopg://{auth}@{host}:{self.port}/{database}"
            f"?sslmode={sslmode}&sslrootcert={quote(str(self.ca_path), safe='/')}"
        )

    @property
    def socket_dir(self) -> Path:
        return self.data_dir

    def connect_args(self, database: str, user: str, password: str) -> dict[str, object]:
        """psycopg.connect() keywords for one person's own connection."""
        if not self.tls:
            return {
                "host": str(self.socket_dir),
                "port": self.port,
                "dbname": database,
                "user": user,
                "password": password,
            }
        return {
            "host": "localhost",
            "port": self.port,
            "dbname": database,
            "user": user,
            "password": password,
            "sslmode": "verify-full",
            "sslrootcert": str(self.ca_path),
        }

    def conninfo(self, database: str = "postgres") -> str:
        if not self.tls:
            return (
                f"host={self.socket_dir} port={self.port} dbname={database} user={ADMIN} "
                f"password={self.admin_password}"
            )
        return (
            f"host=localhost port={self.port} dbname={database} user={ADMIN} "
            f"password={self.admin_password} sslmode=verify-full sslrootcert={self.ca_path}"
        )

    def version(self) -> int:
        import psycopg

        with psycopg.connect(self.conninfo()) as conn:
            return int(conn.info.server_version) // 10000

    def create_database(self, name: str | None = None) -> str:
        """An empty database owned by its own owner role, as the README sets one up:
        a login role with CREATEROLE only (no superuser); see :meth:`owner_url`."""
        import psycopg

        name = name or f"vh_{secrets.token_hex(4)}"
        owner = f"{name}_owner"
        password = secrets.token_urlsafe(18)
        self.owners[name] = (owner, password)
        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE PASSWORD {_literal(password)}')
            conn.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
        return name

    def owner_url(self, database: str) -> str:
        """The URL of the database's owner (``createuser --createrole``), for ``admin init``,
        ``upgrade-server`` and ``migrate-to-server``."""
        user, password = self.owners[database]
        return self.url(database, user=user, password=password)

    # ---- life cycle -------------------------------------------------------------
    def start(self) -> None:
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data_dir),
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data_dir),
            "-m",
            mode,
            "-w",
            "stop",
            check=False,
        )

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


def pgserver_bin_dir() -> Path | None:
    """PostgreSQL 16 as the PyPI package pgserver ships it (a test dependency)."""
    import importlib.util

    spec = importlib.util.find_spec("pgserver")
    if spec is None or spec.origin is None:
        return None
    found = Path(spec.origin).parent / "pginstall" / "bin"
    return found if (found / "initdb").exists() else None


def create_cluster(
    bin_dir: Path | None = None,
    *,
    tls: bool = True,
    max_connections: int = 60,
    extra_conf: tuple[str, ...] = (),
) -> Cluster:
    bin_dir = bin_dir or find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    as_user = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="vh-pg-"))
    password = secrets.token_urlsafe(18)
    cluster = Cluster(root, bin_dir, _free_port(), password, root / "ca.crt", as_user, tls=tls)
    certs = root / "certs"
    certs.mkdir()
    make_certificates(certs)
    shutil.copy(certs / "ca.crt", cluster.ca_path)
    pwfile = root / "pwfile"
    pwfile.write_text(password + "\n")
    if as_user:
        entry = pwd.getpwnam(as_user)
        root.chmod(0o755)  # others only traverse to ca.crt; data/ stays 0700
        for path in (root, certs, *certs.iterdir(), pwfile):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    cluster._run(
        str(bin_dir / "initdb"),
        "-D",
        str(cluster.data_dir),
        "-U",
        ADMIN,
        "--pwfile",
        str(pwfile),
        "--auth=scram-sha-256",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",
    )
    pwfile.unlink()
    for name in ("server.crt", "server.key"):
        cluster._run("cp", "-p", str(certs / name), str(cluster.data_dir / name))
    network = (
        [
            "listen_addresses = '127.0.0.1'",
            "ssl = on",
            "ssl_cert_file = 'server.crt'",
            "ssl_key_file = 'server.key'",
            "ssl_min_protocol_version = 'TLSv1.2'",
        ]
        if tls
        else ["listen_addresses = ''"]  # the Unix socket only: no TCP without TLS
    )
    conf = "\n".join(
        [
            *network,
            f"port = {cluster.port}",
            f"unix_socket_directories = '{cluster.data_dir}'",
            "password_encryption = 'scram-sha-256'",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "shared_buffers = 32MB",
            f"max_connections = {max_connections}",
            "log_min_messages = warning",
            *extra_conf,
            "",
        ]
    )
    hba = "\n".join(
        [
            "# TLS only, passwords only (SCRAM); plain TCP is refused.",
            "local   all all                 scram-sha-256",
            "hostssl all all 127.0.0.1/32    scram-sha-256",
            "hostnossl all all 0.0.0.0/0     reject",
            "",
        ]
    )
    staged = root / "staged.conf"
    staged.write_text(conf)
    staged_hba = root / "staged_hba.conf"
    staged_hba.write_text(hba)
    if as_user:
        entry = pwd.getpwnam(as_user)
        for path in (staged, staged_hba):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    cluster._run("sh", "-c", f"cat '{staged}' >> '{cluster.data_dir}/postgresql.conf'")
    cluster._run("cp", str(staged_hba), str(cluster.data_dir / "pg_hba.conf"))
    cluster.start()
    deadline = time.monotonic() + 30
    import psycopg

    while True:
        try:
            with psycopg.connect(cluster.conninfo(), connect_timeout=5):
                break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    return cluster
