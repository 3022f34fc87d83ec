"""Diagnose kopiëren carries no account name: folders under the home folder from ``~``,
and the account name elsewhere in a folder (a profile redirected to a file server, a
``--data-dir``) left out as well."""

from __future__ import annotations

from pathlib import Path

import pytest

from veilig_huisbezoek.services.diagnosis import diagnosis

ACCOUNT = "j.jansen"


def test_no_folder_in_the_diagnosis_names_the_account(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home" / ACCOUNT
    home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USER", ACCOUNT)
    monkeypatch.setenv("USERNAME", "J.Jansen")
    monkeypatch.setenv("VEILIG_HUISBEZOEK_LOG_DIR", str(home / ".local" / "state" / "log"))
    monkeypatch.setenv("VEILIG_HUISBEZOEK_STATE_DIR", str(tmp_path / "profielen" / "J.Jansen"))
    redirected = tmp_path / "profielen" / ACCOUNT / "AppData" / "veilig-huisbezoek"
    text = diagnosis(data_dir=redirected, store_kind="ingebouwd", autostart=False, toolkit=[])
    lines = dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)
    assert lines["Logmap"] == str(Path("~") / ".local" / "state" / "log")
    assert lines["Gegevensmap"].endswith(
        str(Path("profielen") / "<gebruiker>" / "AppData" / "veilig-huisbezoek")
    )
    assert lines["Statusmap"].endswith(str(Path("profielen") / "<gebruiker>"))
    assert "jansen" not in text.lower()
