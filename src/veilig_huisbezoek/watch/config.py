"""The watch service's configuration file (TOML, docs/watch-service.md).

```toml
[smtp]
host = "mail.gemeente.nl"
port = 587
security = "starttls"          # "starttls", "tls" or "none"
username = "vh-watch"          # optional
password_file = "/etc/veilig-huisbezoek/smtp-password"   # optional
from = "veilig-huisbezoek@gemeente.nl"
[alert]
to = ["wachtdienst@gemeente.nl", "0612345678@sms-gateway.example"]
repeat_minutes = 5
unwatched_minutes = 2
```

Anything wrong (not TOML, an unknown key or table, a wrong type, a missing ``host``,
``from`` or ``to``) is a :class:`ConfigError` whose Dutch message names the line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SECURITY = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
KNOWN = {
    "smtp": ("host", "port", "security", "username", "password_file", "from"),
    "alert": ("to", "repeat_minutes", "unwatched_minutes"),
}


class ConfigError(Exception):
    """A Dutch message for the person who wrote the file (names the line)."""


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    sender: str
    port: int = 587
    security: str = "starttls"
    username: str | None = None
    password_file: str | None = None

    def password(self) -> str | None:
        if self.password_file is None:
            return None
        return Path(self.password_file).read_text(encoding="utf-8").strip("\r\n")


@dataclass(frozen=True)
class AlertConfig:
    to: tuple[str, ...]
    repeat_minutes: int = 5
    unwatched_minutes: int = 2


@dataclass(frozen=True)
class WatchConfig:
    smtp: SmtpConfig
    alert: AlertConfig


_HEADER = re.compile(r"\s*\[\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*\]\s*(#.*)?$")
_KEY = re.compile(r"\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\s*=")
_TOML_LINE = re.compile(r"at line (\d+)")


def _unquote(name: str) -> str:
    return name[1:-1] if name[:1] in "\"'" else name


class _Lines:
    """Where each table and key is in the text (for messages)."""

    def __init__(self, text: str) -> None:
        self.tables: dict[str, int] = {}
        self.keys: dict[tuple[str | None, str], int] = {}
        table: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if m := _HEADER.match(line):
                table = _unquote(m.group(1))
                self.tables.setdefault(table, number)
            elif m := _KEY.match(line):
                self.keys.setdefault((table, _unquote(m.group(1))), number)

    def of(self, table: str | None, key: str | None = None) -> int:
        if key is not None and (table, key) in self.keys:
            return self.keys[(table, key)]
        if table is not None and table in self.tables:
            return self.tables[table]
        return 1


def parse_config(text: str, source: str = "configuratie") -> WatchConfig:
    """Read the configuration from TOML text (``source``: the file's name, for messages)."""

    def fail(line: int, what: str) -> ConfigError:
        return ConfigError(f"Fout in {source}, regel {line}: {what}")

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else 1
        raise fail(
            line, "dit is geen geldige TOML (controleer aanhalingstekens, = en [ ])."
        ) from None
    lines = _Lines(text)
    for key, value in data.items():
        if key not in KNOWN:
            what = "onbekende tabel" if isinstance(value, dict) else "onbekende sleutel"
            raise fail(
                lines.of(
                    key if isinstance(value, dict) else None,
                    None if isinstance(value, dict) else key,
                ),
                f"{what} '{key:.40}' (verwacht [smtp] en [alert]).",
            )
        if not isinstance(value, dict):
            raise fail(lines.of(None, key), f"'{key}' hoort een tabel [{key}] te zijn.")
        for inner in value:
            if inner not in KNOWN[key]:
                raise fail(
                    lines.of(key, inner),
                    f"onbekende sleutel '{inner:.40}' in [{key}] "
                    f"(bekend: {', '.join(KNOWN[key])}).",
                )
    for table in KNOWN:
        if table not in data:
            raise fail(lines.of(None), f"de tabel [{table}] ontbreekt.")
    smtp: dict[str, Any] = data["smtp"]
    alert: dict[str, Any] = data["alert"]

    def text_value(table: str, key: str, values: dict[str, Any], *, required: bool) -> str | None:
        if key not in values:
            if required:
                raise fail(lines.of(table), f"'{key}' ontbreekt in [{table}].")
            return None
        value = values[key]
        if not isinstance(value, str) or not value.strip():
            raise fail(lines.of(table, key), f"'{key}' in [{table}] moet een tekst zijn.")
        return value.strip()

    def int_value(
        table: str, key: str, values: dict[str, Any], default: int, low: int, high: int
    ) -> int:
        value = values.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise fail(
                lines.of(table, key),
                f"'{key}' in [{table}] moet een geheel getal van {low} tot {high} zijn.",
            )
        return value

    host = text_value("smtp", "host", smtp, required=True)
    sender = text_value("smtp", "from", smtp, required=True)
    assert host is not None and sender is not None
    if "@" not in sender:
        raise fail(lines.of("smtp", "from"), "'from' in [smtp] moet een e-mailadres zijn.")
    security = text_value("smtp", "security", smtp, required=False) or "starttls"
    if security not in SECURITY:
        raise fail(
            lines.of("smtp", "security"),
            '\'security\' in [smtp] is "starttls", "tls" of "none".',
        )
    port = int_value("smtp", "port", smtp, DEFAULT_PORTS[security], 1, 65535)
    username = text_value("smtp", "username", smtp, required=False)
    password_file = text_value("smtp", "password_file", smtp, required=False)
    if "to" not in alert:
        raise fail(lines.of("alert"), "'to' ontbreekt in [alert]: wie krijgt de meldingen?")
    to = alert["to"]
    if isinstance(to, str):
        to = [to]
    if (
        not isinstance(to, list)
        or not to
        or not all(isinstance(a, str) and "@" in a and a.strip() == a for a in to)
    ):
        raise fail(
            lines.of("alert", "to"),
            "'to' in [alert] is een lijst met e-mailadressen, bijvoorbeeld "
            '["wachtdienst@gemeente.nl"].',
        )
    return WatchConfig(
        SmtpConfig(host, sender, port, security, username, password_file),
        AlertConfig(
            tuple(to),
            int_value("alert", "repeat_minutes", alert, 5, 1, 1440),
            int_value("alert", "unwatched_minutes", alert, 2, 1, 1440),
        ),
    )


def load_config(path: Path) -> WatchConfig:
    """Read the file; a missing or unreadable file or a password file that cannot be
    read is a :class:`ConfigError` too."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise ConfigError(f"Kan het configuratiebestand {path} niet lezen.") from None
    config = parse_config(text, str(path))
    if config.smtp.password_file is not None:
        try:
            config.smtp.password()
        except (OSError, UnicodeDecodeError):
            line = _Lines(text).of("smtp", "password_file")
            raise ConfigError(
                f"Fout in {path}, regel {line}: kan het wachtwoordbestand niet lezen."
            ) from None
    return config


def render_config(config: WatchConfig) -> str:
    """The configuration as TOML (the inverse of :func:`parse_config`)."""

    def s(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    out = ["[smtp]", f"host = {s(config.smtp.host)}", f"port = {config.smtp.port}"]
    out.append(f"security = {s(config.smtp.security)}")
    if config.smtp.username is not None:
        out.append(f"username = {s(config.smtp.username)}")
    if config.smtp.password_file is not None:
        out.append(f"password_file = {s(config.smtp.password_file)}")
    out += [f"from = {s(config.smtp.sender)}", "[alert]"]
    out.append("to = [" + ", ".join(s(a) for a in config.alert.to) + "]")
    out.append(f"repeat_minutes = {config.alert.repeat_minutes}")
    out.append(f"unwatched_minutes = {config.alert.unwatched_minutes}")
    return "\n".join(out) + "\n"
