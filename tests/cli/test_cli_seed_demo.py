"""`admin seed-demo`: demo accounts and visits, encrypted at rest, all or nothing."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.services.demo import DEMO_ACCOUNTS
from veilig_huisbezoek.storage.models import Account, UnsafeAddressNote, Visit
from veilig_huisbezoek.storage.store import DB_FILE, KEYRING_FILE, Store

if TYPE_CHECKING:
    from .conftest import AdminCli


def _counts(cli: AdminCli, data_dir: Path) -> tuple[int, int, int]:
    ctx = cli.log_in(data_dir)
    try:
        return (
            ctx.store.count(Visit),
            ctx.store.count(UnsafeAddressNote),
            ctx.store.count(Account),
        )
    finally:
        ctx.store.close()


def test_seed_demo_loads_50_visits_by_default(cli: AdminCli, initialised: Path) -> None:
    result = cli.as_anna("seed-demo", initialised)
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[0] == (
        "Demodata geladen: 50 bezoeken, 5 adresnotities, 5 nieuwe demo-accounts."
    )
    for demo in DEMO_ACCOUNTS:
        assert f"{demo.username}" in result.out and demo.password in result.out
    assert _counts(cli, initialised) == (50, 5, 1 + len(DEMO_ACCOUNTS))
    assert cli.as_anna("verify", initialised).code == 0


def test_every_demo_login_works_with_its_role(cli: AdminCli, seeded: Path) -> None:
    for demo in DEMO_ACCOUNTS:
        ctx = cli.log_in(seeded, demo.username, demo.password)
        try:
            assert ctx.actor.roles == demo.roles
            assert ctx.actor.display_name == f"{demo.first_name} {demo.last_name}"
        finally:
            ctx.store.close()


def test_only_a_beheerder_may_seed(cli: AdminCli, seeded: Path) -> None:
    assert next(d for d in DEMO_ACCOUNTS if d.username == "petra").roles == {Role.LEIDINGGEVENDE}
    before = _counts(cli, seeded)
    result = cli.run(
        "seed-demo", "--data-dir", seeded, "--user", "petra", stdin=[cli.demo_password("petra")]
    )
    assert result.code == 1
    assert result.err.startswith("Geen toestemming")
    assert _counts(cli, seeded) == before


@pytest.mark.parametrize("visits", ["-1", "100001"])
def test_visit_count_out_of_range_is_refused(cli: AdminCli, initialised: Path, visits: str) -> None:
    before = cli.snapshot(initialised)
    result = cli.as_anna("seed-demo", initialised, "--visits", visits)
    assert result.code == 1
    assert "--visits moet tussen 0 en 100000 liggen" in result.err
    assert cli.snapshot(initialised) == before


def _decrypted_copy(cli: AdminCli, data_dir: Path, target: Path) -> bytes:
    """A plaintext SQLite copy of the store (outside the data folder), as a positive control."""
    store, _ = Store.unlock(data_dir, cli.user, cli.password)
    try:
        raw = store.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
            cur.execute("SELECT sqlcipher_export('plain')")
            cur.execute("DETACH DATABASE plain")
            cur.close()
        finally:
            raw.close()
    finally:
        store.close()
    return target.read_bytes()


def test_no_personal_data_in_plaintext_anywhere_in_the_data_folder(
    cli: AdminCli, seeded: Path, tmp_path: Path
) -> None:
    files = [p for p in sorted(seeded.rglob("*")) if p.is_file()]
    assert {p.name for p in files} >= {DB_FILE, KEYRING_FILE}
    for path in files:
        assert cli.find_personal_strings(path.read_bytes()) == [], path.name

    # Positive control: the same search finds the data once it is decrypted, so the
    # strings really are in the store and the search would catch a plaintext leak.
    plain = _decrypted_copy(cli, seeded, tmp_path / "plain.sqlite")
    assert plain.startswith(b"SQLite format 3\x00")
    found = set(cli.find_personal_strings(plain))
    must = {"Heerlen", "hennepgeur", "Sanne", "Visser", "El Amrani", "de Groot", "Petra"}
    assert must <= found, must - found
    assert len(found) >= 20


# ---- kill -9 in the middle of a large seed ------------------------------------------------

_RNG = random.Random(20261123)
KILL_AFTER = {f"after-{t:.2f}s": t for t in (_RNG.uniform(0.3, 3.0) for _ in range(3))}
BIG = 4000


def _start_seed(cli: AdminCli, data_dir: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        cli.command("seed-demo", "--visits", str(BIG), "--data-dir", data_dir, "--user", "anna"),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    assert proc.stdin is not None
    proc.stdin.write(cli.password + "\n")
    proc.stdin.close()
    return proc


def _wal_size(data_dir: Path) -> int:
    try:
        return (data_dir / f"{DB_FILE}-wal").stat().st_size
    except FileNotFoundError:
        return 0


@pytest.mark.slow
@pytest.mark.parametrize("moment", [*KILL_AFTER, "while-writing"])
def test_kill_9_during_a_large_seed_leaves_all_or_nothing(
    cli: AdminCli, initialised: Path, moment: str
) -> None:
    proc = _start_seed(cli, initialised)
    try:
        if moment == "while-writing":
            # Wait until the big transaction is being written to the WAL (> 1 MB), then kill.
            deadline = time.monotonic() + 60
            while proc.poll() is None and _wal_size(initialised) < 1_000_000:
                assert time.monotonic() < deadline, "seed-demo never started writing"
                time.sleep(0.005)
        else:
            time.sleep(KILL_AFTER[moment])
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        assert proc.stderr is not None
        stderr = proc.stderr.read()
        proc.stderr.close()
    assert "Traceback" not in stderr

    verified = cli.subprocess(
        "verify", "--data-dir", initialised, "--user", "anna", stdin=[cli.password]
    )
    assert verified.code == 0, verified.out + verified.err
    assert verified.out.startswith("Database gezond")
    json.loads((initialised / KEYRING_FILE).read_text())  # still a complete key file

    counts = _counts(cli, initialised)
    assert counts in {(0, 0, 1), (BIG, 5, 1 + len(DEMO_ACCOUNTS))}, counts

    if moment == "while-writing" and counts[0] == 0:
        # Seeding again after the crash works (left-over key slots are reused).
        again = cli.as_anna("seed-demo", initialised, "--visits", "3")
        assert again.code == 0, again.err
        assert _counts(cli, initialised) == (3, 5, 1 + len(DEMO_ACCOUNTS))
        cli.log_in(initialised, "sanne", cli.demo_password("sanne")).store.close()
