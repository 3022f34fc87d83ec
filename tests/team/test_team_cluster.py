"""The test server itself: TLS required and verified, plain TCP refused."""

from __future__ import annotations

import psycopg
import pytest

from tests.team.pgcluster import Cluster


def test_server_requires_tls_and_verifies_its_certificate(pg_cluster: Cluster) -> None:
    with psycopg.connect(pg_cluster.conninfo()) as conn:
        row = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
        assert row == (True,)
    plain = pg_cluster.conninfo().replace("sslmode=verify-full", "sslmode=disable")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(plain, connect_timeout=5).close()
