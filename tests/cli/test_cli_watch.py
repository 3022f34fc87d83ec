"""`veilig-huisbezoek watch`: a wrong configuration stops it with a Dutch message
naming the line, exit 1, before any connection is tried."""

from __future__ import annotations

import io
from pathlib import Path

from veilig_huisbezoek.__main__ import main
from veilig_huisbezoek.watch.cli import run

URL = "postgresql://wachtpost@db.example/veilig?sslmode=verify-full"


def test_an_unknown_key_stops_it_naming_the_line(tmp_path: Path) -> None:
    config = tmp_path / "watch.toml"
    config.write_text(
        '[smtp]\nhost = "mail"\nfrom = "a@b.nl"\nhots = "x"\n[alert]\nto = ["c@d.nl"]\n',
        encoding="utf-8",
    )
    err = io.StringIO()
    assert run(["--database-url", URL, "--config", str(config), "--once"], stderr=err) == 1
    assert "regel 4: onbekende sleutel 'hots' in [smtp]" in err.getvalue()


def test_a_missing_to_and_a_plain_connection_are_refused(tmp_path: Path) -> None:
    config = tmp_path / "watch.toml"
    config.write_text('[smtp]\nhost = "mail"\nfrom = "a@b.nl"\n[alert]\n', encoding="utf-8")
    err = io.StringIO()
    assert run(["--database-url", URL, "--config", str(config)], stderr=err) == 1
    assert "regel 4: 'to' ontbreekt in [alert]" in err.getvalue()
    config.write_text('[smtp]\nhost = "mail"\nfrom = "a@b.nl"\n[alert]\nto = ["c@d.nl"]\n')
    err = io.StringIO()
    plain = URL.replace("verify-full", "disable")
    assert run(["--database-url", plain, "--config", str(config)], stderr=err) == 1
    assert "TLS" in err.getvalue()


def test_the_entry_point_knows_watch(capsys: object) -> None:
    try:
        main(["watch", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
