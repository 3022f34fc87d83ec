"""Writer process for test_crash_kill9.py (run with sys.executable; not a test module).

``python crash_writer.py DATA_DIR USER`` reads the password from the first line of
stdin, imports the app once, prints ``imported <call-backs per batch>`` and then waits
on stdin. Each line ``run`` forks a fresh writer process
(so the 50 kills do not pay 50 interpreter start-ups) and prints ``started <pid>``;
after that child has died it prints ``reaped <pid> <signal>``.

A writer child prints ``unlocking``, logs in through the real service layer (Argon2id,
open, page check, migration check, audit entry), prints ``ready <n>`` and then saves
visits in a loop through ``services.visits.save_visit``: one transaction per batch (the
visit, its assessment, BATCH_CALLBACKS call-back moments, one event and one audit
entry), printing ``committed <n>`` with a flush after each commit. Batch ``n`` is
recognisable by its roles note ``batch <n>``.
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from veilig_huisbezoek.domain.address import Address
from veilig_huisbezoek.domain.checklist import (
    Answer,
    Assessment,
    RiskLevel,
    assess,
    default_checklist,
)
from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.domain.visit import VisitPlan, VisitReason, default_callbacks
from veilig_huisbezoek.services import accounts, visits
from veilig_huisbezoek.services.accounts import find_account_id
from veilig_huisbezoek.storage.models import Visit

NOW = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)
START = NOW + timedelta(minutes=30)
END = START + timedelta(hours=8)
BATCH_CALLBACKS = len(default_callbacks(START, END, RiskLevel.ORANJE))
BUDDY = "sanne"


def say(line: str) -> None:
    """One write() per line: parent and child share the pipe (and PYTHONUNBUFFERED may
    be set, which would make print() write the text and the newline separately)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _oranje() -> Assessment:
    checklist = default_checklist()
    answers = {item.id: Answer.NEE for item in checklist.items}
    answers["handhaving"] = answers["slecht_nieuws"] = Answer.JA
    result = assess(checklist, answers)
    assert result.level is RiskLevel.ORANJE
    return result


def write_forever(data_dir: Path, username: str, password: str) -> None:
    say("unlocking")
    ctx = accounts.log_in(data_dir, username, password, FakeClock(NOW))
    buddy_id = find_account_id(ctx, BUDDY)
    assessment = _oranje()
    with ctx.store.read_session() as session:
        notes = session.execute(select(Visit.roles_note)).scalars().all()
    batch = 1 + max((int(n.split()[1]) for n in notes if n.startswith("batch ")), default=0)
    say(f"ready {batch}")
    while True:
        plan = VisitPlan.create(
            reason=VisitReason.HANDHAVING,
            address=Address("Akerstraat", batch % 180 + 1, "", "6411 HB", "Heerlen"),
            residents=f"Bewoner {batch}",
            clients=f"Cliënt {batch}",
            client_phone_text="06-12345678",
            start=START,
            expected_return=END,
            visitor_id=ctx.actor.account_id,
            colleague_ids=(),
            roles_note=f"batch {batch}",
            interpreter=False,
            announced_in_writing=True,
            buddy_id=buddy_id,
            callbacks=default_callbacks(START, END, RiskLevel.ORANJE),
            now=NOW,
        )
        visits.save_visit(
            ctx,
            plan,
            assessment,
            deviation_reason="Collega ziek; overlegd met de leidinggevende.",
        )
        say(f"committed {batch}")
        batch += 1


def serve(data_dir: Path, username: str) -> None:
    password = sys.stdin.readline().rstrip("\n")
    say(f"imported {BATCH_CALLBACKS}")
    for line in sys.stdin:
        if line.strip() != "run":
            continue
        pid = os.fork()
        if pid == 0:  # the writer child: never returns
            try:
                write_forever(data_dir, username, password)
            finally:
                os._exit(3)
        say(f"started {pid}")
        _, status = os.waitpid(pid, 0)
        died_of = os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1
        say(f"reaped {pid} {died_of}")


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    serve(Path(sys.argv[1]), sys.argv[2])
