"""The watch service's test parts: a real SMTP server on loopback (aiosmtpd), the
watch role made by ``admin add-watch``, and a service driven by a fake clock."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes
from email.message import Message

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from tests.team.conftest import PgTeam
from veilig_huisbezoek import cli
from veilig_huisbezoek.domain.clock import Clock
from veilig_huisbezoek.storage.team.listen import conninfo_from_url
from veilig_huisbezoek.storage.team.location import TeamLocation
from veilig_huisbezoek.storage.team.watch import WatchConnection
from veilig_huisbezoek.watch.config import AlertConfig, SmtpConfig, WatchConfig
from veilig_huisbezoek.watch.mail import SmtpMailer
from veilig_huisbezoek.watch.service import WatchService

WATCH_PASSWORD = "wachtpost-geheim-2026-lang"
TO = ("wachtdienst@gemeente.example", "0612345678@sms-gateway.example")


@dataclass
class Received:
    at: float  # time.monotonic() when the server accepted it
    message: Message
    wall: float = 0.0  # time.time() then

    @property
    def text(self) -> str:
        payload = self.message.get_payload(decode=True)
        assert isinstance(payload, bytes)
        return f"{self.message['Subject']}\n{payload.decode('utf-8')}"


@dataclass
class Inbox:
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        with self.lock:
            self.received.append(
                Received(time.monotonic(), message_from_bytes(envelope.content), time.time())
            )
        return "250 OK"

    def all(self) -> list[Received]:
        with self.lock:
            return list(self.received)

    def texts(self) -> list[str]:
        with self.lock:
            return [r.text for r in self.received]

    def wait_for(self, count: int, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self.lock:
                if len(self.received) >= count:
                    return True
            time.sleep(0.05)
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class SmtpServer:
    """aiosmtpd on 127.0.0.1; stop() and start() again on the same port."""

    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@contextmanager
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def watch_role(team: PgTeam) -> str:
    """Roles are the cluster's: one watch role per test database."""
    return f"{team.database}-wachtpost"


def add_watch(team: PgTeam, password: str = WATCH_PASSWORD) -> str:
    """``admin add-watch`` with the owner's URL; returns the watch service's URL."""
    role = watch_role(team)
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(
        [
            "add-watch",
            "--database-url",
            team.cluster.owner_url(team.database),
            "--role",
            role,
        ],
        stdin=io.StringIO(f"{password}\n{password}\n"),
        stdout=out,
        stderr=err,
    )
    assert code == 0, err.getvalue()
    return team.cluster.url(team.database, user=role, password=password)


def watch_config(port: int, *, repeat: int = 5, unwatched: int = 2) -> WatchConfig:
    return WatchConfig(
        SmtpConfig("127.0.0.1", "veilig-huisbezoek@gemeente.example", port, "none"),
        AlertConfig(TO, repeat, unwatched),
    )


def config_text(port: int, *, repeat: int = 5, unwatched: int = 2) -> str:
    return (
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
        'from = "veilig-huisbezoek@gemeente.example"\n'
        f'[alert]\nto = ["{TO[0]}", "{TO[1]}"]\n'
        f"repeat_minutes = {repeat}\nunwatched_minutes = {unwatched}\n"
    )


def make_service(url: str, config: WatchConfig, clock: Clock) -> WatchService:
    params = conninfo_from_url(TeamLocation.parse(url).url)
    return WatchService(
        lambda: WatchConnection(params), SmtpMailer(config.smtp, config.alert.to), config, clock
    )


def local_hhmm(moment: datetime) -> str:
    from veilig_huisbezoek.domain.clock import to_local

    return to_local(moment).strftime("%H:%M")
