"""Fixtures for the `veilig-huisbezoek admin …` command line tests.

Helpers are handed out through fixtures (not imported), so these tests do not depend on
how the rest of the test tree is importable.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from veilig_huisbezoek import cli as cli_module
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.demo import DEMO_ACCOUNTS

USER = "anna"
PASSWORD = "correct-paard-batterij"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def _stdin_text(lines: Iterable[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder below `folder`: relative path → sha256 (or "<dir>").

    The failed-login counts inside keyslots.json are left out: counting a wrong password
    is the one change a failed login makes, on purpose (services/throttle.py); the key
    slots themselves are compared byte for byte."""
    result: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_dir():
            result[rel] = "<dir>"
            continue
        data = path.read_bytes()
        if path.name == "keyslots.json":
            with contextlib.suppress(ValueError):
                ring = json.loads(data)
                if isinstance(ring, dict):
                    ring.pop("login_failures", None)
                    data = json.dumps(ring, sort_keys=True).encode()
        result[rel] = hashlib.sha256(data).hexdigest()
    return result


def _personal_strings() -> list[str]:
    """Names, streets, residents and note texts the demo data puts into the database."""
    strings = [
        # streets and city of the demo addresses
        "Akerstraat",
        "Geleenstraat",
        "Kerkraderweg",
        "Schandelerboord",
        "Voskuilenweg",
        "Heesbergstraat",
        "Meezenbroekerweg",
        "Palemig",
        "Beersdalweg",
        "Molenberglaan",
        "Nobelstraat",
        "Passartweg",
        "Heerlen",
        # residents / clients
        "Janssen",
        "Hermans en zoon",
        "Dhr. Kurt",
        "Coenen",
        "Lambrechts",
        "Dreessen",
        "Bosch (3 kinderen)",
        "Pelzer",
        "Schijns",
        "Ramaekers",
        # register note texts and precautions
        "hennepgeur",
        "afgeplakte ramen",
        "dreigde bij controle",
        "loslopende honden",
        "blokkeerde de deur",
        "groot mes",
        "Gespreksleider en observator",
        "Bezoek noodzakelijk voor handhaving",
    ]
    for demo in DEMO_ACCOUNTS:
        strings += [demo.first_name, demo.last_name, demo.phone]
    # Shorter strings ("Tom") turn up by chance in kilobytes of random ciphertext.
    return sorted({s for s in strings if len(s) >= 5})


PERSONAL_STRINGS = _personal_strings()


def find_personal_strings(data: bytes) -> list[str]:
    """The personal strings found in `data` as UTF-8, as-is or lower-cased."""
    lowered = data.lower()
    found = []
    for text in PERSONAL_STRINGS:
        raw = text.encode("utf-8")
        if raw in data or raw.lower() in lowered:
            found.append(text)
    return found


class AdminCli:
    """Runs `admin` commands in-process (fast) or as a real subprocess (end to end)."""

    user = USER
    password = PASSWORD
    snapshot = staticmethod(snapshot)
    find_personal_strings = staticmethod(find_personal_strings)
    personal_strings = PERSONAL_STRINGS

    def run(self, *argv: str | Path, stdin: Iterable[str] = ()) -> Result:
        out, err = io.StringIO(), io.StringIO()
        code = cli_module.run(
            [str(a) for a in argv], stdin=io.StringIO(_stdin_text(stdin)), stdout=out, stderr=err
        )
        return Result(code, out.getvalue(), err.getvalue())

    def as_anna(self, command: str, data_dir: Path, *argv: str | Path) -> Result:
        """`command --data-dir … --user anna …` with anna's password on stdin."""
        return self.run(command, "--data-dir", data_dir, "--user", USER, *argv, stdin=[PASSWORD])

    @staticmethod
    def command(*argv: str | Path) -> list[str]:
        return [sys.executable, "-m", "veilig_huisbezoek", "admin", *(str(a) for a in argv)]

    def subprocess(
        self, *argv: str | Path, stdin: Iterable[str] = (), timeout: float = 60
    ) -> Result:
        proc = subprocess.run(
            self.command(*argv),
            input=_stdin_text(stdin),
            capture_output=True,
            text=True,
            timeout=timeout,
            env=dict(os.environ),
            check=False,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    @staticmethod
    def demo_password(username: str) -> str:
        return next(d.password for d in DEMO_ACCOUNTS if d.username == username)

    @staticmethod
    def log_in(data_dir: Path, username: str = USER, password: str = PASSWORD) -> ServiceContext:
        return accounts.log_in(data_dir, username, password)


@pytest.fixture(autouse=True)
def cli_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The login throttle writes here, never into the real home folder."""
    state = tmp_path / "state"
    monkeypatch.setenv("VEILIG_HUISBEZOEK_STATE_DIR", str(state))
    return state


@pytest.fixture
def cli() -> AdminCli:
    return AdminCli()


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """An initialised and a seeded data folder, built once through the command line."""
    base = tmp_path_factory.mktemp("cli-templates")
    admin = AdminCli()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VEILIG_HUISBEZOEK_STATE_DIR", str(base / "state"))
        initialised = base / "initialised"
        result = admin.run(
            "init",
            "--data-dir",
            initialised,
            "--user",
            USER,
            "--first-name",
            "Anna",
            "--last-name",
            "de Vries",
            stdin=[PASSWORD],
        )
        assert result.code == 0, result
        seeded = base / "seeded"
        shutil.copytree(initialised, seeded)
        result = admin.as_anna("seed-demo", seeded)
        assert result.code == 0, result
    yield {"initialised": initialised, "seeded": seeded}


@pytest.fixture
def initialised(_templates: dict[str, Path], tmp_path: Path) -> Path:
    """A data folder after `init` with beheerder/leidinggevende anna (a fresh copy)."""
    target = tmp_path / "initialised"
    shutil.copytree(_templates["initialised"], target)
    return target


@pytest.fixture
def seeded(_templates: dict[str, Path], tmp_path: Path) -> Path:
    """A data folder after `init` and `seed-demo` (50 visits; a fresh copy)."""
    target = tmp_path / "seeded"
    shutil.copytree(_templates["seeded"], target)
    return target
