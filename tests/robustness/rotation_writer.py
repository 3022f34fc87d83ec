"""Child process for test_rotation_kill9.py (run with sys.executable; not a test module).

``python rotation_writer.py`` imports the app once, prints ``imported`` and then reads
commands from stdin, one per line::

    run <data dir> <remove|reset> <step>

Each forks a fresh child (so the many kills do not pay many interpreter start-ups) and
prints ``started <pid>``; after that child has died it prints ``reaped <pid> <signal>``.

The child logs in as the beheerder, installs a hook on the store's key rotation that
prints ``step <name>`` at each named step (``before-begin``, ``begun``,
``rekey-started``, ``rekeyed``, ``before-cleanup``, ``done``) and, at ``<step>``,
stops there until it is killed (``<step>`` ``-`` never stops). It then removes the
medewerker's account (or resets her password) and prints ``finished <outcome>``.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.storage import store as store_module

BEHEERDER, BEHEERDER_PASSWORD = "anna", "anna-wachtwoord-1"
VICTIM = "sanne"
RESET_PASSWORD = "nieuw-voor-sanne-1"


def say(line: str) -> None:
    """One write() per line: parent and child share the pipe."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def rotate(data_dir: Path, action: str, stop_at: str) -> None:
    def hook(step: str) -> None:
        say(f"step {step}")
        if step == stop_at:
            time.sleep(3600)  # the parent kills us here

    ctx = accounts.log_in(data_dir, BEHEERDER, BEHEERDER_PASSWORD)
    victim = accounts.find_account_id(ctx, VICTIM)
    store_module._rotation_hook = hook
    say("ready")
    if action == "remove":
        outcome = accounts.remove_account(ctx, victim)
    else:
        outcome = accounts.reset_password(ctx, victim, RESET_PASSWORD)
    say(f"finished {outcome.value}")
    ctx.store.close()


def serve() -> None:
    say("imported")
    for line in sys.stdin:
        parts = line.split()
        if len(parts) != 4 or parts[0] != "run":
            continue
        pid = os.fork()
        if pid == 0:  # the child: never returns
            try:
                rotate(Path(parts[1]), parts[2], parts[3])
            finally:
                os._exit(3)
        say(f"started {pid}")
        _, status = os.waitpid(pid, 0)
        died_of = os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1
        say(f"reaped {pid} {died_of}")


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    serve()
