"""GUI fixtures: a demo store built once per session, copied per test, on a fake clock;
main windows on it (``make_window``) with a stand-in for the desktop notifications."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.gui.hub import AppHub
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.services.accounts import log_in
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.demo import DEMO_ACCOUNTS, create_demo_store, demo_logins

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from veilig_huisbezoek.gui.main_window import MainWindow

DEMO_START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
DEMO_PASSWORDS = {d.username: d.password for d in DEMO_ACCOUNTS}


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template") / "data"
    create_demo_store(folder, visits=30, clock=FakeClock(DEMO_START))
    return folder


@dataclass
class DemoEnv:
    data_dir: Path
    clock: FakeClock
    hub: AppHub
    tasks: TaskRunner
    opened: list[ServiceContext]

    def login(self, username: str) -> ServiceContext:
        ctx = log_in(self.data_dir, username, DEMO_PASSWORDS[username], self.clock)
        self.opened.append(ctx)
        return ctx

    def everyone_present(self) -> None:
        """Every demo account has a heartbeat a day ahead (a heartbeat from the future
        counts as fresh): no demo visit is unwatched for the rest of the test, so no
        failover alarms (docs/design.md §4a) for tests about something else."""
        from datetime import timedelta

        from sqlalchemy import select

        from veilig_huisbezoek.storage.models import Account

        ctx = self.login("petra")
        ahead = self.clock.now() + timedelta(days=1)
        with ctx.store.session() as session:
            ids = list(session.scalars(select(Account.id)))
        for account_id in ids:
            ctx.store.heartbeat(f"test-{account_id}", account_id, ahead, locked=False)


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path, qapp: object) -> Iterator[DemoEnv]:
    """A private copy of the demo store; `demo.login("sanne")` gives a ServiceContext."""
    data_dir = tmp_path / "data"
    shutil.copytree(demo_template, data_dir)
    tasks = TaskRunner()
    env = DemoEnv(data_dir, FakeClock(DEMO_START), AppHub(), tasks, [])
    yield env
    tasks.shutdown()
    for ctx in env.opened:
        ctx.store.close()


@dataclass
class Desktop:
    """A stand-in for plyer: records what would have shown on the desktop."""

    sent: list[dict[str, Any]] = field(default_factory=list)
    broken: bool = False

    def __call__(self, **kwargs: Any) -> None:
        if self.broken:
            raise NotImplementedError("No usable implementation found!")
        self.sent.append(kwargs)

    def messages(self) -> list[str]:
        return [str(k["message"]) for k in self.sent]


# make_window(**notifier_options) -> a shown MainWindow on the demo.
MakeWindow = Callable[..., "MainWindow"]


@pytest.fixture
def desktop() -> Desktop:
    return Desktop()


@pytest.fixture
def make_window(qtbot: QtBot, demo: DemoEnv, desktop: Desktop) -> Iterator[MakeWindow]:
    """Main windows on the demo, shown, with ``desktop`` for their notifications
    (keyword arguments go to the ``Notifier``); closed after the test."""
    from veilig_huisbezoek.gui.main_window import MainWindow
    from veilig_huisbezoek.reminders.notifier import Notifier

    made: list[MainWindow] = []

    def make(**notifier_options: Any) -> MainWindow:
        notifier = Notifier(notify=desktop, **notifier_options)
        win = MainWindow(
            demo.data_dir, demo_logins=demo_logins(), clock=demo.clock, notifier=notifier
        )
        qtbot.addWidget(win)
        win.show()
        made.append(win)
        return win

    yield make
    for win in made:
        win.close()
