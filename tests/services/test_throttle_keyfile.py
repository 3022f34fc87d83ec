"""The failed-login brake inside a store's key file: per account, no names, cannot be
reset by deleting a file, and edited counts do not reset it either (the MAC).

The brake's delays themselves are tested in tests/cli/test_cli_throttle.py.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.robustness.helpers import MEDEWERKER, PASSWORD, USER, make_cheap_store
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.throttle import (
    FORGET_AFTER_S,
    MAX_ENTRIES,
    TAMPERED_FAILURES,
    LoginThrottle,
)
from veilig_huisbezoek.storage.errors import AuthenticationError
from veilig_huisbezoek.storage.keyslots import FailureLog, KeyRing, write_keyring
from veilig_huisbezoek.storage.store import keyring_path


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def wall(self) -> float:
        return self.now


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return make_cheap_store(tmp_path / "data").data_dir


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _throttle(data_dir: Path, state: Path, clock: Clock) -> LoginThrottle:
    return LoginThrottle(data_dir, folder=state, sleep=clock.sleep, wall=clock.wall)


def _log(data_dir: Path) -> dict[str, object]:
    section = json.loads(keyring_path(data_dir).read_text())["login_failures"]
    assert isinstance(section, dict)
    return section


def test_counted_per_account_in_the_key_file_without_names(
    store_dir: Path, tmp_path: Path, clock: Clock
) -> None:
    state = tmp_path / "state"
    for _ in range(4):
        _throttle(store_dir, state, clock).record_failure(USER)
    _throttle(store_dir, state, clock).record_failure("niemand")
    t = _throttle(store_dir, state, clock)
    assert t.failures(USER) == 4 and t.delay(USER) == 2
    assert t.failures(" ANNA ") == 4  # the name as the login normalises it
    assert t.failures(MEDEWERKER) == 0 and t.delay(MEDEWERKER) == 0  # her own count
    assert t.failures("niemand") == 1
    assert not state.exists()  # nothing outside the data folder
    text = keyring_path(store_dir).read_text()
    for name in (USER, MEDEWERKER, "niemand"):
        assert f'"{name}' not in text
    assert len(_log(store_dir)["entries"]) == 2  # type: ignore[arg-type]
    # The key slots still open: counting touches only the counters.
    accounts.log_in(store_dir, USER, PASSWORD).store.close()


def test_deleting_files_does_not_reset_the_brake(
    store_dir: Path, tmp_path: Path, clock: Clock
) -> None:
    for _ in range(5):
        _throttle(store_dir, tmp_path / "state", clock).record_failure(USER)
    # The old state file and any state folder: gone. The count is not.
    (store_dir / ".keyslots.lock").unlink()
    assert _throttle(store_dir, tmp_path / "elders", clock).failures(USER) == 5


@pytest.mark.parametrize(
    "edit",
    ["zero the counts", "remove the section", "counts from another store", "bad mac"],
)
def test_edited_counts_do_not_reset_the_brake(
    store_dir: Path, tmp_path: Path, clock: Clock, edit: str
) -> None:
    t = _throttle(store_dir, tmp_path / "state", clock)
    for _ in range(3):
        t.record_failure(USER)
    data = json.loads(keyring_path(store_dir).read_text())
    if edit == "zero the counts":
        data["login_failures"]["entries"] = {}
    elif edit == "remove the section":
        del data["login_failures"]
    elif edit == "counts from another store":
        other = make_cheap_store(tmp_path / "other").data_dir
        data["login_failures"] = json.loads(keyring_path(other).read_text())["login_failures"]
    else:
        data["login_failures"]["mac"] = "0" * 64
    keyring_path(store_dir).write_text(json.dumps(data))

    assert t.failures(USER) == TAMPERED_FAILURES
    assert t.failures(MEDEWERKER) == TAMPERED_FAILURES  # every account, not only anna
    t.record_failure(MEDEWERKER)
    assert t.failures(MEDEWERKER) == TAMPERED_FAILURES + 1
    assert t.failures(USER) == TAMPERED_FAILURES  # now a sealed floor
    # A success clears that account; the others keep the floor a quarter of an hour.
    t.record_success(USER)
    assert t.failures(USER) == 0 and t.failures("bram") == TAMPERED_FAILURES
    clock.now += FORGET_AFTER_S + 1
    assert t.failures("bram") == 0
    # The store itself never noticed: the key slots are untouched.
    accounts.log_in(store_dir, USER, PASSWORD).store.close()


def test_a_format_1_key_file_has_no_counts_and_is_not_taken_for_tampered(
    store_dir: Path, tmp_path: Path, clock: Clock
) -> None:
    data = json.loads(keyring_path(store_dir).read_text())
    data["format_version"] = 1
    del data["login_failures"]
    data["slots"] = []  # shape only: the counters are what is looked at here
    keyring_path(store_dir).write_text(json.dumps(data))
    t = _throttle(store_dir, tmp_path / "state", clock)
    assert t.failures(USER) == 0
    t.record_failure(USER)
    assert t.failures(USER) == 1
    assert KeyRing.from_json(keyring_path(store_dir).read_text()).failures.counts


def test_a_success_without_failures_writes_nothing(
    store_dir: Path, tmp_path: Path, clock: Clock
) -> None:
    before = keyring_path(store_dir).read_bytes()
    _throttle(store_dir, tmp_path / "state", clock).attempt(USER, lambda: "ok")
    assert keyring_path(store_dir).read_bytes() == before


def test_a_spray_of_invented_names_cannot_push_out_a_real_count(
    store_dir: Path, tmp_path: Path, clock: Clock
) -> None:
    t = _throttle(store_dir, tmp_path / "state", clock)
    for _ in range(6):
        t.record_failure(USER)
    ring = KeyRing.from_json(keyring_path(store_dir).read_text())
    counts = {f"{n:032x}": (1, clock.now) for n in range(MAX_ENTRIES + 50)}
    write_keyring(
        keyring_path(store_dir),
        replace(ring, failures=FailureLog({**ring.failures.counts, **counts})),
    )
    t.record_failure("nog-een")
    assert t.failures(USER) == 6
    assert len(_log(store_dir)["entries"]) == MAX_ENTRIES  # type: ignore[arg-type]


def test_the_login_through_the_throttle_counts_wrong_passwords(
    store_dir: Path, tmp_path: Path, clock: Clock
) -> None:
    t = _throttle(store_dir, tmp_path / "state", clock)
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            t.attempt(USER, lambda: accounts.log_in(store_dir, USER, "fout-wachtwoord-1"))
    assert clock.sleeps == [1.0]
    ctx = t.attempt(USER, lambda: accounts.log_in(store_dir, USER, PASSWORD))
    ctx.store.close()
    assert clock.sleeps == [1.0, 2.0] and t.failures(USER) == 0


def test_a_folder_that_is_never_created_uses_the_state_folder(tmp_path: Path, clock: Clock) -> None:
    """A team server's stand-in folder (TeamLocation.local_dir) does not exist."""
    stand_in = Path("/veilig-huisbezoek-team") / ("0" * 64)
    t = _throttle(stand_in, tmp_path / "state", clock)
    for _ in range(4):
        t.record_failure(USER)
    assert _throttle(stand_in, tmp_path / "state", clock).failures(USER) == 4
    assert not stand_in.exists()
    assert (tmp_path / "state" / "login-failures.json").is_file()
