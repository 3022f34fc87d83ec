"""The failed-login brake: free attempts, growing delays, reset on success, per account
and per folder; kept in the key file when the folder holds a store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from veilig_huisbezoek import cli as cli_module
from veilig_huisbezoek.services import throttle as throttle_module
from veilig_huisbezoek.services.throttle import (
    FORGET_AFTER_S,
    MAX_DELAY_S,
    LoginThrottle,
)

if TYPE_CHECKING:
    from .conftest import AdminCli


class FakeTime:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def wall(self) -> float:
        return self.now


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


USER = "anna"


def _throttle(data_dir: Path, folder: Path, fake: FakeTime) -> LoginThrottle:
    return LoginThrottle(data_dir, folder=folder, sleep=fake.sleep, wall=fake.wall)


# ---- LoginThrottle on its own -------------------------------------------------------


def test_three_free_attempts_then_doubling_delays_up_to_the_cap(
    tmp_path: Path, fake_time: FakeTime
) -> None:
    t = _throttle(tmp_path / "data", tmp_path / "state", fake_time)
    delays = []
    for _ in range(10):
        t.wait(USER)
        delays.append(t.delay(USER))
        t.record_failure(USER)
    assert delays == [0, 0, 0, 1, 2, 4, 8, 16, MAX_DELAY_S, MAX_DELAY_S]
    assert fake_time.sleeps == [1, 2, 4, 8, 16, MAX_DELAY_S, MAX_DELAY_S]


def test_success_resets_the_count(tmp_path: Path, fake_time: FakeTime) -> None:
    t = _throttle(tmp_path / "data", tmp_path / "state", fake_time)
    for _ in range(5):
        t.record_failure(USER)
    assert t.delay(USER) == 4
    t.record_success(USER)
    assert t.failures(USER) == 0
    t.wait(USER)
    assert fake_time.sleeps == []


def test_an_attempt_waits_counts_a_wrong_password_and_clears_on_success(
    tmp_path: Path, fake_time: FakeTime
) -> None:
    from veilig_huisbezoek.storage.errors import AuthenticationError, StoreError

    t = _throttle(tmp_path / "data", tmp_path / "state", fake_time)

    def wrong() -> str:
        raise AuthenticationError()

    for _ in range(4):
        with pytest.raises(AuthenticationError):
            t.attempt(USER, wrong)
    assert t.failures(USER) == 4 and fake_time.sleeps == [1]

    def broken() -> str:
        raise StoreError("beschadigd")

    with pytest.raises(StoreError):  # not a wrong password: not counted
        t.attempt(USER, broken)
    assert t.failures(USER) == 4 and fake_time.sleeps == [1, 2]
    assert t.attempt(USER, lambda: "ok") == "ok"
    assert t.failures(USER) == 0 and fake_time.sleeps == [1, 2, 2]


def test_failures_are_forgotten_after_a_quiet_quarter_hour(
    tmp_path: Path, fake_time: FakeTime
) -> None:
    t = _throttle(tmp_path / "data", tmp_path / "state", fake_time)
    for _ in range(4):
        t.record_failure(USER)
    fake_time.now += FORGET_AFTER_S - 1
    assert t.failures(USER) == 4
    fake_time.now += 2
    assert t.failures(USER) == 0
    t.record_failure(USER)  # starts again from one
    assert t.failures(USER) == 1


def test_state_is_shared_across_instances_and_kept_per_data_folder(
    tmp_path: Path, fake_time: FakeTime
) -> None:
    state = tmp_path / "state"
    for _ in range(4):
        # A new instance per attempt, as each CLI run (process) makes one.
        _throttle(tmp_path / "data", state, fake_time).record_failure(USER)
    assert _throttle(tmp_path / "data", state, fake_time).failures(USER) == 4
    # The same folder reached by another spelling of its path counts as the same.
    assert _throttle(tmp_path / "x" / ".." / "data", state, fake_time).failures(USER) == 4
    assert _throttle(tmp_path / "other", state, fake_time).failures(USER) == 0

    stored = (state / "login-failures.json").read_text()
    assert str(tmp_path) not in stored
    assert "data" not in stored


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{niet json",
        b'{"k": "x"}',
        b'{"k": [1]}',
        b"\xff\xfe",
        b"[1, 2]",
        b"null",
    ],
)
def test_a_damaged_state_file_counts_as_no_failures(
    tmp_path: Path, fake_time: FakeTime, content: bytes
) -> None:
    state = tmp_path / "state"
    state.mkdir()
    (state / "login-failures.json").write_bytes(content)
    t = _throttle(tmp_path / "data", state, fake_time)
    assert t.failures(USER) == 0
    t.record_failure(USER)
    assert t.failures(USER) == 1


def test_cli_login_survives_a_state_file_that_is_not_an_object(
    cli: AdminCli, initialised: Path, cli_state_dir: Path
) -> None:
    cli_state_dir.mkdir(parents=True, exist_ok=True)
    (cli_state_dir / "login-failures.json").write_text("null")
    result = cli.as_anna("verify", initialised)
    assert result.code == 0
    assert result.out.startswith("Database gezond")


def test_an_unwritable_state_folder_never_blocks(tmp_path: Path, fake_time: FakeTime) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be")
    t = _throttle(tmp_path / "data", blocker, fake_time)
    t.record_failure(USER)
    t.wait(USER)
    t.record_success(USER)
    assert t.failures(USER) == 0


def test_default_state_folder_comes_from_the_environment(
    tmp_path: Path, cli_state_dir: Path, fake_time: FakeTime
) -> None:
    assert throttle_module.state_dir() == cli_state_dir
    LoginThrottle(tmp_path / "data", sleep=fake_time.sleep, wall=fake_time.wall).record_failure(
        USER
    )
    assert (cli_state_dir / "login-failures.json").is_file()


# ---- through the command line ---------------------------------------------------------


def _verify(cli: AdminCli, data_dir: Path, password: str) -> int:
    return cli.run("verify", "--data-dir", data_dir, "--user", "anna", stdin=[password]).code


@pytest.fixture
def cli_sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Make the CLI's throttle record its pauses instead of sleeping."""
    sleeps: list[float] = []

    class RecordingThrottle(LoginThrottle):
        def __init__(self, data_dir: Path, **kwargs: Any) -> None:
            super().__init__(data_dir, sleep=sleeps.append, **kwargs)

    monkeypatch.setattr(cli_module, "LoginThrottle", RecordingThrottle)
    return sleeps


def test_cli_slows_down_after_three_failures_and_resets_on_success(
    cli: AdminCli, initialised: Path, cli_sleeps: list[float], cli_state_dir: Path
) -> None:
    def attempt(password: str) -> int:
        return _verify(cli, initialised, password)

    for _ in range(3):
        assert attempt("fout-wachtwoord-1") == 2
    assert cli_sleeps == []
    assert attempt("fout-wachtwoord-1") == 2  # 4th attempt waits first
    assert cli_sleeps == [1.0]
    assert attempt("fout-wachtwoord-1") == 2
    assert cli_sleeps == [1.0, 2.0]

    assert attempt(cli.password) == 0  # still waits, then succeeds and resets
    assert cli_sleeps == [1.0, 2.0, 4.0]

    assert attempt("fout-wachtwoord-1") == 2
    assert attempt(cli.password) == 0
    assert cli_sleeps == [1.0, 2.0, 4.0]

    # Counted in the store's key file, which names neither the folder nor the person;
    # no state file was needed.
    stored = (initialised / "keyslots.json").read_bytes()
    assert str(initialised).encode() not in stored
    assert b'"anna"' not in stored
    assert not (cli_state_dir / "login-failures.json").exists()


def test_cli_throttle_is_per_data_folder(
    cli: AdminCli, initialised: Path, seeded: Path, cli_sleeps: list[float]
) -> None:
    for _ in range(4):
        assert _verify(cli, initialised, "fout-wachtwoord-1") == 2
    assert cli_sleeps == [1.0]
    assert cli.as_anna("verify", seeded).code == 0
    assert cli_sleeps == [1.0]


def test_the_cli_waits_through_the_default_sleep(
    cli: AdminCli, initialised: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a fake, the CLI pauses through LoginThrottle's default sleep (time.sleep)."""
    for _ in range(3):
        assert _verify(cli, initialised, "fout-wachtwoord-1") == 2
    calls: list[float] = []
    # LoginThrottle binds time.sleep as a default argument: patch that default.
    defaults = LoginThrottle.__init__.__kwdefaults__
    assert defaults is not None
    monkeypatch.setitem(defaults, "sleep", calls.append)
    assert cli.as_anna("verify", initialised).code == 0
    assert calls == [1.0]
