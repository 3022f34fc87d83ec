"""Shared test set-up: offscreen Qt, temp state folders, a fake clock, a small team."""

from __future__ import annotations

import os
import stat

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.domain.roles import Role
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.accounts import NewAccount
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage.store import Store

PASSWORDS = {
    "anna": "anna-wachtwoord-1",
    "sanne": "sanne-wachtwoord-2",
    "bram": "bram-wachtwoord-3",
    "petra": "petra-wachtwoord-4",
}
# The people who are buddy in the tests have a phone that dials (the departure checks
# it, domain/departure.py); Sanne, the usual visitor, has none.
BUDDY_PHONES = {"anna": "06 11111111", "bram": "06 22222222", "petra": "06 33333333"}


@pytest.fixture(autouse=True)
def _isolated_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real user folders: throttle state and XDG dirs go to temp."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("VEILIG_HUISBEZOEK_STATE_DIR", str(base / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "xstate"))


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, under which a plainly created file is world-readable (0644)."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def file_mode(path: Path) -> int:
    """The permission bits of a file (0o600 is owner-only)."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def clock() -> FakeClock:
    # A Monday morning in winter time.
    return FakeClock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))


@dataclass
class Team:
    data_dir: Path
    clock: FakeClock
    ids: dict[str, int]

    def login(self, name: str) -> ServiceContext:
        return accounts.log_in(self.data_dir, name, PASSWORDS[name], self.clock)


def make_team(data_dir: Path, clock: FakeClock) -> Team:
    """anna: beheerder + leidinggevende; sanne, bram: medewerker; petra: leidinggevende."""
    store = Store.create(data_dir)
    ctx = accounts.create_first_account(
        store,
        NewAccount(
            "anna", PASSWORDS["anna"], "Anna", "de Vries", frozenset(), BUDDY_PHONES["anna"]
        ),
        clock,
    )
    ids = {"anna": ctx.actor.account_id}
    for name, first, last, role in (
        ("sanne", "Sanne", "Visser", Role.MEDEWERKER),
        ("bram", "Bram", "Smit", Role.MEDEWERKER),
        ("petra", "Petra", "de Groot", Role.LEIDINGGEVENDE),
    ):
        # The buddies have a phone that dials (departure checks it: domain/departure.py).
        ids[name] = accounts.add_account(
            ctx,
            NewAccount(
                name, PASSWORDS[name], first, last, frozenset({role}), BUDDY_PHONES.get(name, "")
            ),
        )
    store.close()
    return Team(data_dir, clock, ids)


@pytest.fixture
def team(tmp_path: Path, clock: FakeClock) -> Team:
    """anna: beheerder + leidinggevende; sanne, bram: medewerker; petra: leidinggevende."""
    return make_team(tmp_path / "data", clock)


def file_snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(autouse=True)
def _qt_leak_check(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every GUI test: no top-level widget, timer or thread left behind (tests/qt_leaks.py)."""
    if "qapp" not in request.fixturenames:
        yield
        return
    import tests.qt_leaks as qt_leaks

    before = qt_leaks.snapshot()
    yield
    leaks = qt_leaks.leaks_since(before)
    if os.environ.get("VH_LEAKS_REPORT"):
        if leaks:
            with open(os.environ["VH_LEAKS_REPORT"], "a", encoding="utf-8") as out:
                out.write(f"{request.node.nodeid}\t{'; '.join(leaks)}\n")
        return
    if leaks:
        pytest.fail("left behind: " + "; ".join(leaks), pytrace=False)


@pytest.fixture(autouse=True)
def _gui_thread_store_probe(request: pytest.FixtureRequest) -> Iterator[None]:
    """VH_GUI_THREAD_REPORT=FILE: note every store session a GUI module opens on the GUI
    thread (a round trip that would freeze the window on a team server); see
    tests/gui_thread_probe.py."""
    report = os.environ.get("VH_GUI_THREAD_REPORT")
    if not report or "qapp" not in request.fixturenames:
        yield
        return
    from tests.gui_thread_probe import probing

    with probing() as probe:
        yield
    with open(report, "a", encoding="utf-8") as out:
        for opening in probe.openings:
            out.write(f"{request.node.nodeid}\t{opening.stack()}\t{opening.place}\n")
