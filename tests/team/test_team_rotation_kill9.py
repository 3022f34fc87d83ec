"""Crash safety of a team key rotation and of the re-seal, on a real server: ``kill -9``
the beheerder's workstation at each step of removing an account (and of a password
reset), and the owner's ``admin reseal`` at each step of a batch and of retiring the old
key, and at random moments.

After each kill every remaining person logs in and reads everything they may see
(``verify`` healthy: every value opens), nothing committed is lost, and the server is
either before the rotation (the removal did not happen either) or after it; a re-seal
run afterwards finishes the job, after which the removed person's old key opens
nothing on the server.

The child (rotation_writer.py) stops at a named step until it is killed; for the random
kills it runs on and is killed a random moment after it started.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSWORDS
from tests.robustness.test_crash_kill9 import Lines
from tests.team.conftest import PgTeam
from tests.team.test_team_rotation import (
    NEW_BRAM,
    a_visit,
    everything_as,
    generation_now,
    note,
    opens_with,
    sealed_values,
    sql,
    wrapped_generations,
)
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.storage.errors import AuthenticationError
from veilig_huisbezoek.storage.team import opening
from veilig_huisbezoek.storage.team.location import TeamLocation

ROOT = Path(__file__).resolve().parents[2]
ROTATION_STEPS = ("team-rotation-wrapped", "team-rotation-stored")
RESEAL_STEPS = ("reseal-batch", "reseal-committed", "before-retire", "retired")
SEED = 20261125
RANDOM_REMOVALS, RANDOM_RESEAL_KILLS = 4, 6

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer forks (POSIX only)"),
]


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[subprocess.Popen[str], Lines]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.team.rotation_writer"],
        cwd=ROOT,
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
    command: dict[str, Any],
    *,
    after: str = "",
    delay: float = 0.0,
) -> list[str]:
    """Run the child; kill it at ``command['stop_at']`` (or ``delay`` seconds after it
    is ready, or after it reported the step ``after``). Returns the steps it reported,
    and ``finished`` if it got that far."""
    proc, lines = server
    assert proc.stdin is not None
    proc.stdin.write(json.dumps(command) + "\n")
    proc.stdin.flush()
    pid = int(lines.until("started").split()[1])
    lines.until("ready")
    stop_at = command.get("stop_at", "-")
    if stop_at != "-" or after:
        lines.until(f"step {after or stop_at}")
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):  # it finished (and was reaped) first
        os.kill(pid, signal.SIGKILL)
    lines.until("reaped")
    seen = [line for line in lines.drain() if line.startswith(("step ", "finished"))]
    steps = [line.split()[1] for line in seen if line.startswith("step ")]
    if stop_at != "-" or after:
        steps.append(after or stop_at)
    return steps + (["finished"] if "finished" in seen else [])


def _prepare(team: PgTeam, notes: int = 4) -> tuple[bytes, list[int]]:
    """Some notes (by petra) and a visit (by sanne); returns sanne's team key, as she
    could have kept it, and the note ids."""
    sanne = team.login("sanne")
    old_key = sanne.store._keys[1]
    sanne.store.close()
    a_visit(team, "sanne")
    petra = team.login("petra")
    try:
        ids = [note(petra, f"Notitie {n}: de bewoner dreigde met geweld.") for n in range(notes)]
    finally:
        petra.store.close()
    return old_key, ids


def _remaining(team: PgTeam, action: str, rotated: bool) -> dict[str, str]:
    people = {"anna": PASSWORDS["anna"], "petra": PASSWORDS["petra"]}
    people["bram"] = NEW_BRAM if action == "reset" and rotated else PASSWORDS["bram"]
    if action != "remove" or not rotated:
        people["sanne"] = PASSWORDS["sanne"]
    return people


def _check_opens(team: PgTeam, action: str, notes: list[int]) -> dict[str, Any]:
    """After a kill: before or after the rotation, never in between; every remaining
    person reads everything; nothing committed is lost."""
    generation = generation_now(team)
    assert generation in (1, 2)
    rotated = generation == 2
    [(sanne_active,)] = sql(team, "SELECT active FROM accounts WHERE username = 'sanne'")
    [(bram_reset,)] = sql(
        team, "SELECT password_reset_by IS NOT NULL FROM accounts WHERE username = 'bram'"
    )
    if action == "remove":
        assert sanne_active is (not rotated)
    else:
        assert bram_reset is rotated and sanne_active
    assert wrapped_generations(team) == ({1, 2} if rotated else {1})
    seen = {
        name: everything_as(team, name, pw)
        for name, pw in _remaining(team, action, rotated).items()
    }
    assert {n for n, _text in seen["petra"]["notes"]} == set(notes)
    if rotated and action == "remove":
        with pytest.raises(AuthenticationError):
            team.login("sanne")
    if rotated and action == "reset":
        with pytest.raises(AuthenticationError):
            team.login("bram")
    return seen


def _finish(team: PgTeam, action: str, old_key: bytes, seen: dict[str, Any]) -> None:
    """The owner's re-seal completes; everyone reads the same; after a rotation the old
    key opens nothing on the server."""
    owner = TeamLocation.parse(team.cluster.owner_url(team.database))
    opening.reseal_server(owner, ("anna", PASSWORDS["anna"]))
    rotated = generation_now(team) == 2
    assert wrapped_generations(team) == {generation_now(team)}
    for name, password in _remaining(team, action, rotated).items():
        assert everything_as(team, name, password) == seen[name]
    if rotated:
        assert not any(opens_with(old_key, v) for v in sealed_values(team))


@pytest.mark.parametrize("action", ["remove", "reset"])
@pytest.mark.parametrize("step", ROTATION_STEPS)
def test_kill_9_at_each_step_of_a_rotation(
    pg_team: PgTeam, server: tuple[subprocess.Popen[str], Lines], action: str, step: str
) -> None:
    old_key, notes = _prepare(pg_team)
    command = {"action": action, "url": pg_team.person_url, "stop_at": step}
    steps = _kill_during(server, command)
    assert steps[-1] == step and "finished" not in steps
    # Killed inside the transaction: nothing of it happened.
    assert generation_now(pg_team) == 1
    seen = _check_opens(pg_team, action, notes)
    _finish(pg_team, action, old_key, seen)


def test_kill_9_at_random_moments_of_a_removal(
    pg_cluster: Any, server: tuple[subprocess.Popen[str], Lines], clock: Any
) -> None:
    from tests.team.conftest import make_pg_team

    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    for _n in range(RANDOM_REMOVALS):
        team = make_pg_team(pg_cluster, clock)
        old_key, notes = _prepare(team, notes=2)
        command = {"action": "remove", "url": team.person_url}
        steps = _kill_during(server, command, delay=rng.uniform(0.0, 0.08))
        outcomes["rotated" if generation_now(team) == 2 else "before"] += 1
        if "finished" in steps:
            assert generation_now(team) == 2
        seen = _check_opens(team, "remove", notes)
        _finish(team, "remove", old_key, seen)
    print(f"\nrandom removals: {dict(outcomes)}")


def _rotated_team(team: PgTeam, notes: int) -> tuple[bytes, list[int], dict[str, Any]]:
    old_key, ids = _prepare(team, notes)
    anna = team.login("anna")
    try:
        accounts.remove_account(anna, team.ids["sanne"])
    finally:
        anna.store.close()
    seen = {
        name: everything_as(team, name, pw)
        for name, pw in _remaining(team, "remove", rotated=True).items()
    }
    return old_key, ids, seen


def _older(team: PgTeam) -> int:
    return sum(1 for v in sealed_values(team) if v.generation != 2)


@pytest.mark.parametrize("step", RESEAL_STEPS)
def test_kill_9_at_each_step_of_a_reseal(
    pg_team: PgTeam, server: tuple[subprocess.Popen[str], Lines], step: str
) -> None:
    old_key, _notes, seen = _rotated_team(pg_team, notes=4)
    older = _older(pg_team)
    command = {
        "action": "reseal",
        "owner_url": pg_team.cluster.owner_url(pg_team.database),
        "stop_at": step,
        "batch": 3,
    }
    steps = _kill_during(server, command)
    assert steps[-1] == step
    left = _older(pg_team)
    if step == "reseal-batch":
        assert left == older  # the batch in flight was rolled back
    elif step == "reseal-committed":
        assert 0 < left < older
    else:
        assert left == 0
    # The old key is forgotten only once nothing needs it, in one transaction.
    assert wrapped_generations(pg_team) == ({2} if step == "retired" else {1, 2})
    for name, password in _remaining(pg_team, "remove", rotated=True).items():
        assert everything_as(pg_team, name, password) == seen[name]
    _finish(pg_team, "remove", old_key, seen)


def test_kill_9_at_random_moments_of_a_reseal_and_run_again(
    pg_team: PgTeam, server: tuple[subprocess.Popen[str], Lines]
) -> None:
    old_key, _notes, seen = _rotated_team(pg_team, notes=30)
    rng = random.Random(SEED)
    owner_url = pg_team.cluster.owner_url(pg_team.database)
    left = _older(pg_team)
    progress: list[int] = [left]
    for _n in range(RANDOM_RESEAL_KILLS):
        command = {"action": "reseal", "owner_url": owner_url, "batch": 2}
        _kill_during(server, command, after="reseal-committed", delay=rng.uniform(0.0, 0.25))
        now = _older(pg_team)
        assert now <= left  # committed batches stay re-sealed; a rerun continues
        left = now
        progress.append(left)
        assert everything_as(pg_team, "petra") == seen["petra"]
        if not left and wrapped_generations(pg_team) == {2}:
            break
    print(f"\nvalues with the old key after each kill: {progress}")
    assert progress[-1] < progress[0]
    _finish(pg_team, "remove", old_key, seen)
