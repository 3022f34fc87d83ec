"""No plaintext: after a scripted session, no file the app wrote holds a personal string.

The session (plaintext_session.py) runs in its own pytest process with HOME, the XDG
folders (Qt settings), TMPDIR/TEMP/TMP, the app's state folder (login throttle), a log
file and pytest's own temp folder all inside one private folder. Afterwards every file
below that folder - the data folder with its database, -wal/-shm, key slots and
automatic backups, temp files, Qt settings, logs - and the process's stdout and stderr
are searched for each personal string in UTF-8 (NFC and NFD, and lower case) and
UTF-16 (LE and BE): zero hits. A positive control then opens the database with a
password and finds every string there, so the session really stored them.

Not yet covered because the app has no such features: incident reports (beyond "terug,
er was een incident") and attachments.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from tests.robustness import plaintext_session as session
from veilig_huisbezoek.services import accounts

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def encodings(value: str) -> set[bytes]:
    forms = {value, value.lower(), unicodedata.normalize("NFD", value)}
    found: set[bytes] = set()
    for form in forms:
        for codec in ("utf-8", "utf-16-le", "utf-16-be"):
            found.add(form.encode(codec))
    return found


def hits(blob: bytes, strings: tuple[str, ...]) -> list[str]:
    return [s for s in strings if any(enc in blob for enc in encodings(s))]


def test_the_scanner_finds_utf8_and_utf16_and_decomposed_text() -> None:
    assert hits("x Pieterszoon-Ölmez y".encode("utf-16-le"), ("Ölmez",)) == ["Ölmez"]
    assert hits(b"\0" + "ölmez".encode("utf-16-be"), ("Ölmez",)) == ["Ölmez"]
    assert hits(unicodedata.normalize("NFD", "Ölmez").encode(), ("Ölmez",)) == ["Ölmez"]
    assert hits(b"Olmez", ("Ölmez",)) == []


def _private_env(root: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "TMP", "TEMP", "VEILIG_", "PYTEST_"))
    }
    folders = {
        "HOME": "home",
        "XDG_CONFIG_HOME": "config",
        "XDG_DATA_HOME": "share",
        "XDG_STATE_HOME": "state",
        "XDG_CACHE_HOME": "cache",
        "XDG_RUNTIME_DIR": "runtime",
        "TMPDIR": "tmp",
        "TEMP": "tmp",
        "TMP": "tmp",
        "VEILIG_HUISBEZOEK_STATE_DIR": "vh-state",
        "VH_PLAINTEXT_ROOT": "",
    }
    for key, name in folders.items():
        folder = root / name
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        env[key] = str(folder)
    (root / "logs").mkdir(exist_ok=True)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def test_no_personal_string_in_any_file_the_app_wrote(tmp_path: Path) -> None:
    root = tmp_path / "prive"
    env = _private_env(root)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--basetemp={root / 'pytest'}",
            str(Path(session.__file__)),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout.decode(errors="replace")[-4000:]

    scanned: list[Path] = []
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        scanned.append(path)
        in_file = hits(path.read_bytes(), session.PERSONAL)
        if in_file:
            found[str(path.relative_to(root))] = in_file
    for name, output in (("stdout", done.stdout), ("stderr", done.stderr)):
        in_output = hits(output, session.PERSONAL)
        if in_output:
            found[name] = in_output
    assert found == {}

    names = {str(p.relative_to(root)) for p in scanned}
    data = root / "data"
    # What was scanned really includes what the app writes.
    assert "data/veilig-huisbezoek.db" in names and "data/keyslots.json" in names
    assert len([n for n in names if n.startswith("data/backups/")]) == 2
    # Qt settings (under the XDG_CONFIG_HOME the test set-up points into the folder).
    assert any(n.endswith("Veilig Huisbezoek/Veilig Huisbezoek.conf") for n in names), names
    log = root / "logs" / "veilig-huisbezoek.log"
    assert "logs/veilig-huisbezoek.log" in names
    assert "builtins.ValueError (bericht weggelaten)" in log.read_text(encoding="utf-8")

    # Positive control: every string is inside the encrypted database.
    ctx = accounts.log_in(data, "anna", "anna-wachtwoord-1")
    try:
        dumped: list[str] = []
        with ctx.store.read_session() as db:
            for table in inspect(ctx.store.engine).get_table_names():
                for row in db.execute(select(text("*")).select_from(text(table))):
                    dumped.extend(str(value) for value in row)
        everything = "\n".join(dumped)
    finally:
        ctx.store.close()
    missing = [
        s for s in session.PERSONAL if s not in everything and s not in session.RETIRE_REASON
    ]
    # Retention has not run past a year: all visit details are still there.
    assert missing == []
