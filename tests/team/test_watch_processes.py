"""The watch service as IT runs it: its own process on the real clock, killed (-9) and
started again; `--once`; no Qt anywhere on its path; `admin add-watch` refusals."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.reminders.helpers import running_visit
from tests.team.conftest import PgTeam
from tests.team.watch_helpers import add_watch, config_text, smtp_server
from veilig_huisbezoek import cli

LADDER = timedelta(minutes=25)  # default grace 15 + escalation 10
ROOT = Path(__file__).resolve().parents[2]


def _watch(url: str, config: Path, log: Path, *extra: str) -> subprocess.Popen[str]:
    """The service in its own process; its log (stderr) appended to ``log``."""
    with log.open("a", encoding="utf-8") as err:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "veilig_huisbezoek",
                "watch",
                "--database-url",
                url,
                "--config",
                str(config),
                *extra,
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
        )


def _overdue_soon(team: PgTeam, seconds: int) -> datetime:
    """A running visit whose ladder ends ``seconds`` from now (real clock); returns
    that moment."""
    ladder_end = datetime.now(UTC) + timedelta(seconds=seconds)
    end = ladder_end - LADDER
    team.clock.set(end - timedelta(minutes=30))
    running_visit(team, start=team.clock.now(), end=end, callbacks=())  # type: ignore[arg-type]
    return ladder_end


def test_a_message_within_30_s_of_the_ladders_end_and_no_duplicate_after_kill_9(
    pg_team: PgTeam, tmp_path: Path
) -> None:
    url = add_watch(pg_team)
    with smtp_server() as smtp:
        config = tmp_path / "watch.toml"
        config.write_text(config_text(smtp.port, unwatched=60), encoding="utf-8")
        ladder_end = _overdue_soon(pg_team, 6)
        log = tmp_path / "watch.log"
        service = _watch(url, config, log, "--interval", "1")
        try:
            assert smtp.inbox.wait_for(1, 40), log.read_text()
            (first,) = smtp.inbox.all()
            delay = first.wall - ladder_end.timestamp()
            assert -1 < delay <= 30, delay
            # The service logs the step after the mail is accepted: let it, then kill.
            logged_by = time.monotonic() + 10
            while "Melding verstuurd" not in log.read_text(encoding="utf-8"):
                assert time.monotonic() < logged_by, log.read_text(encoding="utf-8")
                time.sleep(0.05)
            # Killed without a word, and started again: the step is not sent twice.
            service.send_signal(signal.SIGKILL)
            service.wait(10)
            service = _watch(url, config, log, "--interval", "1")
            time.sleep(4)
            assert service.poll() is None
            assert len(smtp.inbox.all()) == 1
        finally:
            service.send_signal(signal.SIGTERM)
            assert service.wait(15) == 0
        logged = log.read_text(encoding="utf-8")
        assert "Melding verstuurd: bezoek" in logged
        for name in ("Sanne", "Bram", "Visser", "Smit", "Janssen"):  # no personal data
            assert name not in logged


def test_once_runs_one_check_without_qt(pg_team: PgTeam, tmp_path: Path) -> None:
    url = add_watch(pg_team)
    with smtp_server() as smtp:
        config = tmp_path / "watch.toml"
        config.write_text(config_text(smtp.port, unwatched=60), encoding="utf-8")
        _overdue_soon(pg_team, -1)
        code = (
            "import sys\n"
            "from veilig_huisbezoek.__main__ import main\n"
            f"rc = main(['watch', '--database-url', {url!r}, '--config', {str(config)!r},"
            " '--once'])\n"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
            "sys.exit(rc)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert done.returncode == 0, done.stderr
        assert smtp.inbox.wait_for(1, 5)
        assert len(smtp.inbox.all()) == 1


def test_add_watch_needs_the_owner_and_a_fresh_name(pg_team: PgTeam) -> None:
    def admin(url: str, role: str, password: str = "wachtpost-geheim-2026-lang") -> tuple[int, str]:
        err = io.StringIO()
        code = cli.run(
            ["add-watch", "--database-url", url, "--role", role],
            stdin=io.StringIO(f"{password}\n{password}\n"),
            stdout=io.StringIO(),
            stderr=err,
        )
        return code, err.getvalue()

    owner = pg_team.cluster.owner_url(pg_team.database)
    code, err = admin(pg_team.person_url, "wachtpost")
    assert code == 1 and "eigenaar" in err
    code, err = admin(owner, pg_team.location.login_role("petra"))
    assert code == 1 and "gereserveerd" in err
    code, err = admin(owner, "wachtpost", "kort")
    assert code == 1 and "16 tekens" in err
    # An existing role that is not a watch role (the owner itself) is refused.
    code, err = admin(owner, pg_team.cluster.owners[pg_team.database][0])
    assert code == 1 and "geen wachtpost" in err
    # Made twice: the second time it gets a new password.
    add_watch(pg_team)
    add_watch(pg_team)
