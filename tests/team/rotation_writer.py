"""Child process for test_team_rotation_kill9.py (run with sys.executable; not a test).

``python -m tests.team.rotation_writer`` imports the app once, prints ``imported`` and
then reads one JSON command per line::

    {"action": "remove" | "reset" | "reseal", "url": ..., "owner_url": ..., "stop_at": ...}

Each forks a fresh child (so the many kills do not pay many interpreter start-ups) and
prints ``started <pid>``; after that child has died it prints ``reaped <pid> <signal>``.

The child installs a hook on the named steps of a team key rotation
(``team-rotation-wrapped``, ``team-rotation-stored``) and of a re-seal
(``reseal-batch``, ``reseal-committed``, ``before-retire``, ``retired``) that prints
``step <name>`` and, at ``stop_at``, stops there until it is killed (``-``: never).
``remove``: the beheerder (anna) removes sanne; ``reset``: she gives bram a new
password; ``reseal``: the owner re-seals with petra's keys (``batch`` per transaction).
It prints ``ready`` before it starts and ``finished`` at the end.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from typing import Any

from tests.conftest import PASSWORDS
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.team import team_log_in
from veilig_huisbezoek.storage import store as store_module
from veilig_huisbezoek.storage.team import opening
from veilig_huisbezoek.storage.team.location import TeamLocation

NEW_BRAM = "bram-kreeg-een-nieuw-wachtwoord-8"


def say(line: str) -> None:
    """One write() per line: parent and child share the pipe."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def act(command: dict[str, Any]) -> None:
    stop_at = str(command.get("stop_at", "-"))

    def hook(step: str) -> None:
        say(f"step {step}")
        if step == stop_at:
            time.sleep(3600)  # the parent kills us here

    action = command["action"]
    if action == "reseal":
        owner = TeamLocation.parse(command["owner_url"])
        store_module._rotation_hook = hook
        say("ready")
        opening.reseal_server(
            owner, ("petra", PASSWORDS["petra"]), batch=int(command.get("batch", 3))
        )
    else:
        ctx = team_log_in(TeamLocation.parse(command["url"]), "anna", PASSWORDS["anna"])
        victim = accounts.find_account_id(ctx, "sanne" if action == "remove" else "bram")
        store_module._rotation_hook = hook
        say("ready")
        if action == "remove":
            accounts.remove_account(ctx, victim)
        else:
            accounts.reset_password(ctx, victim, NEW_BRAM)
        ctx.store.close()
    say("finished")


def serve() -> None:
    say("imported")
    for line in sys.stdin:
        try:
            command = json.loads(line)
        except json.JSONDecodeError:
            continue
        pid = os.fork()
        if pid == 0:  # the child: never returns
            try:
                act(command)
            finally:
                os._exit(3)
        say(f"started {pid}")
        _, status = os.waitpid(pid, 0)
        died_of = os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1
        say(f"reaped {pid} {died_of}")


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    serve()
