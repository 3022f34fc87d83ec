"""Crash safety of a key rotation: ``kill -9`` at every step of removing an account (and
of a beheerder's password reset), and at random moments while the file is re-encrypted.

After each kill the store must open for a remaining person who took no part (that login
finishes or repeats the interrupted rotation), ``verify()`` must be healthy, nothing may
be lost, and once the rotation had begun the removed person's slot, from the old key
file or put back into today's, must not open the database.

The child (rotation_writer.py) stops at a named step (before and after the key file is
written, just before the re-encryption, after it before the check, before the clean-up)
until it is killed; for the random kills it runs on and is killed a random moment after
the re-encryption started. The store holds ~10 MB, so that re-encrypting takes a while.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.robustness.helpers import (
    MEDEWERKER,
    MEDEWERKER_PASSWORD,
    PASSWORD,
    USER,
    make_cheap_store,
)
from tests.robustness.test_crash_kill9 import Lines
from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.accounts import NewAccount
from veilig_huisbezoek.storage.errors import (
    AccessWithdrawnError,
    AuthenticationError,
    StoreDamagedError,
)
from veilig_huisbezoek.storage.keyslots import KeyRing, write_keyring
from veilig_huisbezoek.storage.models import Account, Setting
from veilig_huisbezoek.storage.store import DB_FILE, Store, keyring_path

WRITER = Path(__file__).with_name("rotation_writer.py")
STEPS = ("before-begin", "begun", "rekey-started", "rekeyed", "before-cleanup", "done")
RESET_PASSWORD = "nieuw-voor-sanne-1"  # as in rotation_writer.py
WITNESS, WITNESS_PASSWORD = "petra", "petra-wachtwoord-4"
FILLER_ROWS, FILLER_BYTES = 50, 100_000  # hex: 200 kB a row, ~10 MB in all
RANDOM_KILLS, ENOUGH_MID_REKEY = 24, 4
SEED = 20261124

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer forks (POSIX only)"),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """anna (beheerder), sanne (medewerker), petra (leidinggevende) and ~10 MB of rows."""
    data_dir = tmp_path_factory.mktemp("rotation") / "data"
    make_cheap_store(data_dir)
    ctx = accounts.log_in(data_dir, USER, PASSWORD)
    try:
        accounts.add_account(
            ctx,
            NewAccount(
                WITNESS, WITNESS_PASSWORD, "Petra", "de Groot", frozenset({Role.LEIDINGGEVENDE})
            ),
        )
        rng = random.Random(SEED)
        with ctx.store.session() as session:
            for n in range(FILLER_ROWS):
                session.add(Setting(key=f"filler-{n}", value=rng.randbytes(FILLER_BYTES).hex()))
    finally:
        ctx.store.close()
    return data_dir


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[subprocess.Popen[str], Lines]]:
    proc = subprocess.Popen(
        [sys.executable, str(WRITER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
        env=dict(os.environ),
        start_new_session=True,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    lines = Lines(proc.stdout, proc.stderr)
    lines.until("imported")
    try:
        yield proc, lines
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        lines.close()


def _kill_during(
    server: tuple[subprocess.Popen[str], Lines],
    data_dir: Path,
    action: str,
    *,
    stop_at: str = "-",
    after: str | None = None,
    delay: float = 0.0,
) -> list[str]:
    """Run the child on ``data_dir``; kill it at ``stop_at`` (or ``delay`` seconds after
    the step ``after``). Returns the steps it reported."""
    proc, lines = server
    assert proc.stdin is not None
    proc.stdin.write(f"run {data_dir} {action} {stop_at}\n")
    proc.stdin.flush()
    pid = int(lines.until("started").split()[1])
    lines.until("ready")
    awaited = stop_at if stop_at != "-" else str(after)
    lines.until(f"step {awaited}")
    if delay:
        time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    lines.until("reaped")
    seen = {awaited} | {line.split()[1] for line in lines.drain() if line.startswith("step ")}
    return [step for step in STEPS if step in seen]


def _fresh_copy(template: Path, where: Path) -> Path:
    shutil.copytree(template, where)
    return where


def _check(data_dir: Path, old_ring: KeyRing, action: str, steps: list[str]) -> None:
    began = "begun" in steps
    # A remaining person who took no part opens it; her login finishes the rotation.
    ctx = accounts.log_in(data_dir, WITNESS, WITNESS_PASSWORD)
    try:
        report = ctx.store.verify()
        assert report.ok, report.verdict()
        with ctx.store.read_session() as session:
            filler = session.execute(
                select(func.count()).select_from(Setting).where(Setting.key.like("filler-%"))
            ).scalar_one()
            sanne_active = session.execute(
                select(Account.active).where(Account.username == MEDEWERKER)
            ).scalar_one()
        generation = ctx.store.generation
    finally:
        ctx.store.close()
    assert filler == FILLER_ROWS
    ring = KeyRing.from_json(keyring_path(data_dir).read_text())
    assert ring.generations() == {generation}, "the rotation was not finished at login"
    assert not (data_dir / f"{DB_FILE}-journal").exists()
    accounts.log_in(data_dir, USER, PASSWORD).store.close()

    sanne_slot, old_key = old_ring.unlock(MEDEWERKER, MEDEWERKER_PASSWORD)
    if not began:
        # Killed before anything was written: nothing happened.
        assert generation == 1 and sanne_active
        accounts.log_in(data_dir, MEDEWERKER, MEDEWERKER_PASSWORD).store.close()
        return
    assert generation == 2
    with pytest.raises(AuthenticationError):
        accounts.log_in(data_dir, MEDEWERKER, MEDEWERKER_PASSWORD)
    # Her slot from the old key file unwraps the old key: it no longer fits the file.
    with pytest.raises(StoreDamagedError):
        Store._open_with_key(data_dir, old_key, ring)
    if action == "reset" and "rekey-started" in steps:
        # The account row was pointed at the new slot before the re-encryption.
        accounts.log_in(data_dir, MEDEWERKER, RESET_PASSWORD).store.close()
    if action == "remove" and "rekey-started" in steps:
        assert not sanne_active
    # Nor when her old slot is put back into today's key file.
    old_slot = old_ring.find(sanne_slot)
    assert old_slot is not None
    write_keyring(keyring_path(data_dir), ring.with_slot(old_slot))
    with pytest.raises((AccessWithdrawnError, AuthenticationError)):
        accounts.log_in(data_dir, MEDEWERKER, MEDEWERKER_PASSWORD)


@pytest.mark.parametrize("action", ["remove", "reset"])
@pytest.mark.parametrize("step", STEPS)
def test_kill_9_at_each_step_of_a_rotation_leaves_a_store_that_opens(
    template: Path,
    server: tuple[subprocess.Popen[str], Lines],
    tmp_path: Path,
    action: str,
    step: str,
) -> None:
    data_dir = _fresh_copy(template, tmp_path / "data")
    old_ring = KeyRing.from_json(keyring_path(data_dir).read_text())
    steps = _kill_during(server, data_dir, action, stop_at=step)
    assert steps[-1] == step
    ring_after_kill = KeyRing.from_json(keyring_path(data_dir).read_text())
    if "begun" in steps and "done" not in steps:
        # In flight: the key file holds both generations.
        assert ring_after_kill.generations() == {1, 2}
    _check(data_dir, old_ring, action, steps)


def test_kill_9_while_the_file_is_re_encrypted(
    template: Path, server: tuple[subprocess.Popen[str], Lines], tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    stats: Counter[str] = Counter()
    for n in range(RANDOM_KILLS):
        data_dir = _fresh_copy(template, tmp_path / f"data-{n}")
        old_ring = KeyRing.from_json(keyring_path(data_dir).read_text())
        steps = _kill_during(
            server, data_dir, "remove", after="rekey-started", delay=rng.uniform(0.0, 0.12)
        )
        mid_rekey = (data_dir / f"{DB_FILE}-journal").exists()
        stats["killed mid re-encryption (hot journal)" if mid_rekey else f"after {steps[-1]}"] += 1
        _check(data_dir, old_ring, "remove", steps)
        shutil.rmtree(data_dir)
        if stats["killed mid re-encryption (hot journal)"] >= ENOUGH_MID_REKEY:
            break
    print(f"\nrandom kills: {dict(stats)}")
    assert stats["killed mid re-encryption (hot journal)"] >= 1
