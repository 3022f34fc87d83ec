"""The watch service's SMTP sender against a real relay on loopback (aiosmtpd): STARTTLS
and implicit TLS verify the relay's certificate against the trusted roots (here a test
CA made trusted through ``SSL_CERT_FILE``, as the system's store would be), log in with
the password file, and refuse a relay whose certificate is not trusted."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

from tests.team.pgcluster import make_certificates
from tests.team.watch_helpers import free_port
from veilig_huisbezoek.watch.config import SmtpConfig
from veilig_huisbezoek.watch.mail import SendFailed, SmtpMailer

USER, PASSWORD = "vh-watch", "relay-secret-2026"
TO = ("wachtdienst@gemeente.example",)


@dataclass
class Relay:
    port: int
    ca: Path
    security: str  # what the watch config says for it: "starttls" or "tls"
    messages: list[str] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 OK"

    def authenticate(
        self, server: SMTP, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and data.login.decode() == USER
            and data.password.decode() == PASSWORD
        )
        if ok:
            self.logins.append(data.login.decode())
        return AuthResult(success=ok)


def _server_context(folder: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "server.crt", folder / "server.key")
    return context


@pytest.fixture
def relay(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Relay]:
    """``request.param``: "starttls" or "tls" (implicit TLS from the first byte)."""
    ca = make_certificates(tmp_path)
    found = Relay(free_port(), ca, request.param)
    context = _server_context(tmp_path)
    implicit = request.param == "tls"
    controller = Controller(
        found,
        hostname="127.0.0.1",
        port=found.port,
        server_hostname="localhost",
        ssl_context=context if implicit else None,
        tls_context=None if implicit else context,
        require_starttls=not implicit,
        authenticator=found.authenticate,
        # aiosmtpd only counts STARTTLS as TLS for AUTH; implicit TLS is TLS throughout.
        auth_require_tls=not implicit,
    )
    controller.start()
    try:
        yield found
    finally:
        controller.stop()


def _mailer(relay: Relay, security: str, tmp_path: Path) -> SmtpMailer:
    secret = tmp_path / "smtp-password"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    config = SmtpConfig(
        "localhost",
        "veilig-huisbezoek@gemeente.example",
        relay.port,
        security,
        username=USER,
        password_file=str(secret),
    )
    return SmtpMailer(config, TO)


@pytest.mark.parametrize("relay", ["starttls", "tls"], indirect=True)
def test_the_relay_is_verified_and_logged_in_to(
    relay: Relay, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(relay.ca))  # the test CA is a trusted root
    _mailer(relay, relay.security, tmp_path).send("Bezoek 7 vraagt aandacht", "Bezoek 7: test.")
    assert relay.logins == [USER]
    assert len(relay.messages) == 1 and "Bezoek 7: test." in relay.messages[0]


@pytest.mark.parametrize("relay", ["starttls", "tls"], indirect=True)
def test_an_untrusted_relay_certificate_is_refused(
    relay: Relay, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.setenv("SSL_CERT_FILE", str(make_certificates(other)))  # not the relay's CA
    with pytest.raises(SendFailed) as refused:
        _mailer(relay, relay.security, tmp_path).send("Bezoek 7 vraagt aandacht", "Bezoek 7: test.")
    assert "SSLCertVerificationError" in str(refused.value)
    assert relay.logins == [] and relay.messages == []  # the password never went out
