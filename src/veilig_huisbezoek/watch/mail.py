"""Sending the watch service's messages by SMTP (the municipality's mail relay; an
e-mail-to-SMS gateway address works the same).

STARTTLS and TLS verify the relay's certificate and host name against the system's
trusted roots (:func:`ssl.create_default_context`).
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from .config import SmtpConfig

SMTP_TIMEOUT_S = 10


class SendFailed(Exception):
    """The relay could not be reached or refused the message (no personal data)."""


def build_message(config: SmtpConfig, to: tuple[str, ...], subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = config.sender
    message["To"] = ", ".join(to)
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=config.sender.rpartition("@")[2] or None)
    message.set_content(body)
    return message


class SmtpMailer:
    """One connection per message: a relay that restarts meanwhile does not matter."""

    def __init__(self, config: SmtpConfig, to: tuple[str, ...]) -> None:
        self.config = config
        self.to = to

    def send(self, subject: str, body: str) -> None:
        config = self.config
        message = build_message(config, self.to, subject, body)
        try:
            if config.security == "tls":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    config.host,
                    config.port,
                    timeout=SMTP_TIMEOUT_S,
                    context=ssl.create_default_context(),
                )
            else:
                smtp = smtplib.SMTP(config.host, config.port, timeout=SMTP_TIMEOUT_S)
            with smtp:
                if config.security == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
                if config.username is not None:
                    smtp.login(config.username, config.password() or "")
                refused = smtp.send_message(message)
            if refused:
                raise SendFailed(f"SMTP weigerde {len(refused)} van de adressen")
        except (OSError, smtplib.SMTPException) as exc:
            raise SendFailed(f"SMTP niet bereikbaar ({type(exc).__name__})") from None
