"""The watch service's configuration file (TOML): refused with a Dutch message naming
the line; what is valid reads back as written."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veilig_huisbezoek.watch.config import (
    KNOWN,
    AlertConfig,
    ConfigError,
    SmtpConfig,
    WatchConfig,
    load_config,
    parse_config,
    render_config,
)

EXAMPLE = """\
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
"""


def test_the_example_of_the_issue_reads() -> None:
    config = parse_config(EXAMPLE)
    assert config.smtp == SmtpConfig(
        "mail.gemeente.nl",
        "veilig-huisbezoek@gemeente.nl",
        587,
        "starttls",
        "vh-watch",
        "/etc/veilig-huisbezoek/smtp-password",
    )
    assert config.alert == AlertConfig(
        ("wachtdienst@gemeente.nl", "0612345678@sms-gateway.example"), 5, 2
    )


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (EXAMPLE.replace("port = 587", 'port = "587"'), 3, "geheel getal"),
        (EXAMPLE.replace('security = "starttls"', 'security = "ssl"'), 4, "starttls"),
        (
            EXAMPLE.replace(
                'to = ["wachtdienst@gemeente.nl", "0612345678@sms-gateway.example"]\n', ""
            ),
            8,
            "'to' ontbreekt",
        ),
        (EXAMPLE.replace("to = [", "to = ["[:-1]), 9, "geen geldige TOML"),
        (EXAMPLE.replace("[alert]", "[alarm]"), 8, "onbekende tabel 'alarm'"),
        (EXAMPLE + "extra = 1\n", 12, "onbekende sleutel 'extra' in [alert]"),
        (
            EXAMPLE.replace('to = ["wachtdienst@gemeente.nl", ', 'to = ["geen-adres", '),
            9,
            "e-mailadressen",
        ),
        (EXAMPLE.replace("repeat_minutes = 5", "repeat_minutes = 0"), 10, "repeat_minutes"),
    ],
)
def test_a_wrong_file_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "watch.toml")
    assert f"watch.toml, regel {line}:" in str(caught.value)
    assert words in str(caught.value)


def test_a_missing_or_unreadable_password_file(tmp_path: Path) -> None:
    path = tmp_path / "watch.toml"
    path.write_text(EXAMPLE.replace("/etc/veilig-huisbezoek", str(tmp_path)), encoding="utf-8")
    with pytest.raises(ConfigError, match="regel 6: kan het wachtwoordbestand niet lezen"):
        load_config(path)
    (tmp_path / "smtp-password").write_text("geheim\n", encoding="utf-8")
    assert load_config(path).smtp.password() == "geheim"
    with pytest.raises(ConfigError, match="niet lezen"):
        load_config(tmp_path / "nergens.toml")


_NAME = st.text(string.ascii_lowercase + "_", min_size=1, max_size=20)


@given(
    table=st.sampled_from(["smtp", "alert"]),
    key=_NAME.filter(lambda k: k not in KNOWN["smtp"] + KNOWN["alert"]),
    position=st.integers(min_value=0, max_value=5),
)
def test_any_unknown_key_is_refused_naming_its_line(table: str, key: str, position: int) -> None:
    lines = EXAMPLE.splitlines()
    header = lines.index(f"[{table}]")
    end = lines.index("[alert]") if table == "smtp" else len(lines)
    at = min(header + 1 + position, end)
    lines.insert(at, f"{key} = 1")
    with pytest.raises(ConfigError) as caught:
        parse_config("\n".join(lines) + "\n", "watch.toml")
    assert f"regel {at + 1}:" in str(caught.value)
    assert f"onbekende sleutel '{key}' in [{table}]" in str(caught.value)


_ADDRESS = st.builds(
    lambda user, host: f"{user}@{host}.example",
    st.text(string.ascii_lowercase + string.digits + ".-", min_size=1, max_size=12),
    st.text(string.ascii_lowercase, min_size=1, max_size=10),
)
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='\\"'), min_size=1
).filter(lambda t: t.strip() == t)


@given(
    config=st.builds(
        WatchConfig,
        st.builds(
            SmtpConfig,
            host=_TEXT,
            sender=_ADDRESS,
            port=st.integers(1, 65535),
            security=st.sampled_from(["starttls", "tls", "none"]),
            username=st.none() | _TEXT,
            password_file=st.none() | _TEXT,
        ),
        st.builds(
            AlertConfig,
            to=st.lists(_ADDRESS, min_size=1, max_size=4).map(tuple),
            repeat_minutes=st.integers(1, 1440),
            unwatched_minutes=st.integers(1, 1440),
        ),
    )
)
def test_a_valid_configuration_reads_back_as_written(config: WatchConfig) -> None:
    assert parse_config(render_config(config)) == config
