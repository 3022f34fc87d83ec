"""GUI fixtures: a demo store built once per session, copied per test, on a fake clock."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.gui.hub import AppHub
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.services.accounts import log_in
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.services.demo import DEMO_ACCOUNTS, create_demo_store

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
