"""Damaged inputs: each gives a clear Dutch message, no traceback, and never an overwrite.

Every case is checked twice: through the service layer (``accounts.log_in``) and through
the login screen (``LoginView``, clicked and typed as a person would). Before and after,
every file in the data folder (backups included) is hashed: nothing may change. Where an
automatic backup exists, the login screen offers to restore it after a damage error; a
restore moves the damaged files aside into a dated folder and never overwrites them.

Disk full and a read-only folder are real where the test runs as root and may mount (a
tiny tmpfs, a read-only bind mount) and otherwise simulated: a full disk through the
free-space check SQLite would otherwise trip over half-way, a read-only folder through
its permission bits (``chmod``) - or, for root, whom permission bits do not stop,
through ``os.access``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.robustness.helpers import PASSWORD, USER, CheapStore, make_cheap_store, snapshot
from veilig_huisbezoek.domain.clock import FakeClock
from veilig_huisbezoek.gui.login import LoginView
from veilig_huisbezoek.gui.tasks import TaskRunner
from veilig_huisbezoek.services import accounts
from veilig_huisbezoek.services.backups import latest_backup, make_backup
from veilig_huisbezoek.services.context import ServiceContext
from veilig_huisbezoek.storage import store as store_module
from veilig_huisbezoek.storage.errors import (
    DiskFullError,
    NewerSchemaError,
    ReadOnlyStoreError,
    StoreDamagedError,
    StoreError,
)
from veilig_huisbezoek.storage.store import DB_FILE, KEYRING_FILE, db_path, keyring_path

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
DAMAGED = "De database is beschadigd of is geen database van Veilig Huisbezoek"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# ---- the damage ------------------------------------------------------------------------


def truncate(data_dir: Path) -> None:
    path = db_path(data_dir)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 123])  # not even a whole page


def flip_bytes(data_dir: Path) -> None:
    """Five single-bit flips at seeded positions past the first page (the salt)."""
    path = db_path(data_dir)
    data = bytearray(path.read_bytes())
    rng = random.Random(6)
    for _ in range(5):
        data[rng.randrange(4096, len(data))] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


def flip_salt(data_dir: Path) -> None:
    path = db_path(data_dir)
    data = bytearray(path.read_bytes())
    data[3] ^= 0x10
    path.write_bytes(bytes(data))


def unencrypted_sqlite(data_dir: Path) -> None:
    path = db_path(data_dir)
    path.unlink()
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE alembic_version (version_num TEXT)")
    plain.execute("INSERT INTO alembic_version VALUES ('0001')")
    plain.commit()
    plain.close()


def empty_file(data_dir: Path) -> None:
    db_path(data_dir).write_bytes(b"")


def damaged_key_file(data_dir: Path) -> None:
    path = keyring_path(data_dir)
    path.write_text(path.read_text()[:-40])


def missing_database(data_dir: Path) -> None:
    db_path(data_dir).unlink()


def newer_schema(data_dir: Path) -> None:
    ctx = accounts.log_in(data_dir, USER, PASSWORD, FakeClock(NOW))
    with ctx.store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_van_later'"))
    ctx.store.close()


@contextlib.contextmanager
def simulated_full_disk(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # 4 KiB left: SQLite would fail half-way creating its -wal/-shm files.
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "_free_bytes", lambda folder: 4096)
        yield


@contextlib.contextmanager
def read_only_folder(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The data folder (and its files) cannot be written: a read-only bind mount as root
    where mounting works, else the permission bits (``os.access`` for root)."""
    if IS_ROOT and _mount("--bind", str(data_dir), str(data_dir)):
        try:
            if _mount("-o", "remount,bind,ro", str(data_dir)):
                yield
                return
        finally:
            _umount(data_dir)
    mode = data_dir.stat().st_mode
    data_dir.chmod(0o555)
    real_access = os.access

    def access(path: object, how: int, **kwargs: object) -> bool:
        # What the kernel answers a non-root user for a folder with mode 0555.
        if how & os.W_OK and Path(str(path)).resolve() == data_dir.resolve():
            return False
        return real_access(path, how, **kwargs)  # type: ignore[arg-type]

    try:
        with monkeypatch.context() as patch:
            if IS_ROOT:
                patch.setattr(os, "access", access)
            yield
    finally:
        data_dir.chmod(mode)


def _mount(*args: str) -> bool:
    if shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], capture_output=True, check=False)


Damage = Callable[[Path], None]
# name → (damage to the files, the error, a fragment of its Dutch message, restore offered)
FILE_DAMAGE: dict[str, tuple[Damage, type[StoreError], str, bool]] = {
    "afgekapt": (truncate, StoreDamagedError, DAMAGED, True),
    "omgedraaide-bits": (flip_bytes, StoreDamagedError, DAMAGED, True),
    "omgedraaide-salt": (flip_salt, StoreDamagedError, DAMAGED, True),
    "onversleuteld-sqlite": (unencrypted_sqlite, StoreDamagedError, DAMAGED, True),
    "leeg-bestand": (empty_file, StoreDamagedError, DAMAGED, True),
    "sleutelbestand-beschadigd": (
        damaged_key_file,
        StoreDamagedError,
        "Het sleutelbestand is beschadigd",
        True,
    ),
    "database-ontbreekt": (
        missing_database,
        StoreDamagedError,
        "Het databasebestand ontbreekt",
        True,
    ),
    # Restoring an older backup would lose what the newer version stored: not offered.
    "nieuwere-schemaversie": (newer_schema, NewerSchemaError, "nieuwere versie", False),
}
CONDITIONS: dict[str, tuple[Callable[..., contextlib.AbstractContextManager[None]], type, str]] = {
    "schijf-vol": (simulated_full_disk, DiskFullError, "De schijf is vol"),
    "map-alleen-lezen": (read_only_folder, ReadOnlyStoreError, "alleen-lezen"),
}


def _with_backup(store: CheapStore) -> None:
    ctx = accounts.log_in(store.data_dir, store.user, store.password, FakeClock(NOW))
    try:
        assert make_backup(ctx) is not None
    finally:
        ctx.store.close()


def _is_clear_dutch_message(message: str, fragment: str) -> None:
    assert fragment in message
    for technical in ("Traceback", "sqlite", "Error", "errno", "file is not a database"):
        assert technical not in message
    assert USER not in message and PASSWORD not in message


# ---- the service layer -----------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(FILE_DAMAGE))
def test_damaged_files_are_refused_untouched_by_the_service(
    cheap_store: CheapStore, case: str
) -> None:
    damage, error, fragment, _offer = FILE_DAMAGE[case]
    _with_backup(cheap_store)
    damage(cheap_store.data_dir)
    before = snapshot(cheap_store.data_dir)
    for _attempt in range(2):  # a second try finds the same files, not a "repaired" store
        with pytest.raises(error) as caught:
            accounts.log_in(cheap_store.data_dir, USER, PASSWORD, FakeClock(NOW))
        _is_clear_dutch_message(str(caught.value), fragment)
        assert caught.value.__suppress_context__ or caught.value.__context__ is None
        assert snapshot(cheap_store.data_dir) == before


@pytest.mark.parametrize("case", sorted(CONDITIONS))
def test_full_disk_and_read_only_folder_are_refused_untouched_by_the_service(
    cheap_store: CheapStore, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    condition, error, fragment = CONDITIONS[case]
    before = snapshot(cheap_store.data_dir)
    with condition(cheap_store.data_dir, monkeypatch):
        with pytest.raises(error) as caught:
            accounts.log_in(cheap_store.data_dir, USER, PASSWORD, FakeClock(NOW))
        _is_clear_dutch_message(str(caught.value), fragment)
        assert snapshot(cheap_store.data_dir) == before
    # Once there is room (or the folder is writable again) it opens as before.
    accounts.log_in(cheap_store.data_dir, USER, PASSWORD, FakeClock(NOW)).store.close()


def test_a_disk_that_fills_up_during_a_write_loses_nothing_committed(
    cheap_store: CheapStore,
) -> None:
    """SQLITE_FULL mid-transaction: a Dutch message, the batch undone, the store healthy."""
    ctx = accounts.log_in(cheap_store.data_dir, USER, PASSWORD, FakeClock(NOW))
    try:
        with ctx.store.session() as session:
            pages = session.execute(text("PRAGMA page_count")).scalar_one()
        ctx.store.engine.dispose()
        from sqlalchemy import event

        def cap(dbapi_conn: object, _record: object) -> None:
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

        event.listen(ctx.store.engine, "connect", cap)
        with (
            pytest.raises(DiskFullError, match="De schijf is vol"),
            ctx.store.session() as session,
        ):
            for i in range(200):
                session.execute(
                    text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                    {"k": f"vul-{i}", "v": '"' + "x" * 2000 + '"'},
                )
        event.remove(ctx.store.engine, "connect", cap)
        ctx.store.engine.dispose()
        with ctx.store.read_session() as session:
            left = session.execute(
                text("SELECT count(*) FROM settings WHERE key LIKE 'vul-%'")
            ).scalar_one()
        assert left == 0
        assert ctx.store.verify().ok
    finally:
        ctx.store.close()


@pytest.mark.skipif(not IS_ROOT, reason="mounting a tiny tmpfs needs root")
def test_a_really_full_tmpfs_is_refused_untouched(tmp_path: Path) -> None:
    mount_point = tmp_path / "klein"
    mount_point.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)):
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        store = make_cheap_store(mount_point / "data")
        filler = mount_point / "vulling"
        # Unbuffered: nothing is left to flush (and fail) when the file is closed.
        with open(filler, "wb", buffering=0) as out:
            try:
                while True:
                    out.write(b"\0" * 65536)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        before = snapshot(store.data_dir)
        with pytest.raises(DiskFullError) as caught:
            accounts.log_in(store.data_dir, USER, PASSWORD, FakeClock(NOW))
        _is_clear_dutch_message(str(caught.value), "De schijf is vol")
        assert snapshot(store.data_dir) == before
        filler.unlink()
        accounts.log_in(store.data_dir, USER, PASSWORD, FakeClock(NOW)).store.close()
    finally:
        _umount(mount_point)


# ---- the login screen ------------------------------------------------------------------


@pytest.fixture
def login_view(qtbot: QtBot, cheap_store: CheapStore) -> Iterator[LoginView]:
    clock = FakeClock(NOW + timedelta(hours=1))
    tasks = TaskRunner()

    def log_in(data_dir: Path, user: str, password: str) -> ServiceContext:
        return accounts.log_in(data_dir, user, password, clock)

    view = LoginView(cheap_store.data_dir, log_in, tasks, clock=clock)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    opened: list[ServiceContext] = []
    view.logged_in.connect(opened.append)
    yield view
    tasks.shutdown()
    for ctx in opened:
        ctx.store.close()


def type_login(qtbot: QtBot, view: LoginView, user: str = USER, password: str = PASSWORD) -> None:
    view.user_edit.clear()
    view.password_edit.clear()
    qtbot.keyClicks(view.user_edit, user)
    qtbot.keyClicks(view.password_edit, password)


def click_login(qtbot: QtBot, view: LoginView) -> None:
    type_login(qtbot, view)
    qtbot.mouseClick(view.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.login_button.isEnabled(), timeout=10_000)


@pytest.mark.gui
@pytest.mark.parametrize("case", sorted(FILE_DAMAGE))
def test_login_screen_shows_the_dutch_message_and_offers_the_backup(
    qtbot: QtBot,
    login_view: LoginView,
    cheap_store: CheapStore,
    case: str,
    capfd: pytest.CaptureFixture[str],
) -> None:
    damage, _error, fragment, offer = FILE_DAMAGE[case]
    _with_backup(cheap_store)
    damage(cheap_store.data_dir)
    before = snapshot(cheap_store.data_dir)
    with qtbot.assertNotEmitted(login_view.logged_in):
        click_login(qtbot, login_view)
    message = login_view.error_label.text()
    _is_clear_dutch_message(message, fragment)
    assert login_view.error_label.isVisible()
    assert login_view.restore_button.isVisible() is offer
    if offer:
        # 08:00 UTC is 09:00 in Amsterdam.
        assert login_view.restore_button.text() == (
            "Herstellen uit reservekopie van 23-11-2026 09:00"
        )
    assert snapshot(cheap_store.data_dir) == before
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.gui
@pytest.mark.parametrize("case", sorted(CONDITIONS))
def test_login_screen_on_a_full_disk_or_read_only_folder(
    qtbot: QtBot,
    login_view: LoginView,
    cheap_store: CheapStore,
    case: str,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    condition, _error, fragment = CONDITIONS[case]
    _with_backup(cheap_store)
    before = snapshot(cheap_store.data_dir)
    with condition(cheap_store.data_dir, monkeypatch), qtbot.assertNotEmitted(login_view.logged_in):
        click_login(qtbot, login_view)
        _is_clear_dutch_message(login_view.error_label.text(), fragment)
        # Not damage: restoring would not help, so it is not offered.
        assert not login_view.restore_button.isVisible()
        assert snapshot(cheap_store.data_dir) == before
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.gui
def test_damage_without_a_backup_offers_no_restore(
    qtbot: QtBot, login_view: LoginView, cheap_store: CheapStore
) -> None:
    truncate(cheap_store.data_dir)
    click_login(qtbot, login_view)
    assert DAMAGED in login_view.error_label.text()
    assert latest_backup(cheap_store.data_dir) is None
    assert not login_view.restore_button.isVisible()


def _answer(qtbot: QtBot, view: LoginView, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: view.confirm_box is not None and view.confirm_box.isVisible())
    box = view.confirm_box
    assert box is not None
    assert "niet gewist of overschreven" in box.text()
    assert "23-11-2026 09:00" in box.text()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.confirm_box is None)


@pytest.mark.gui
def test_restoring_from_the_backup_by_clicking_moves_the_damaged_file_aside(
    qtbot: QtBot, login_view: LoginView, cheap_store: CheapStore
) -> None:
    data_dir = cheap_store.data_dir
    _with_backup(cheap_store)
    flip_bytes(data_dir)
    damaged = snapshot(data_dir)
    click_login(qtbot, login_view)
    assert login_view.restore_button.isVisible()

    # Without the password the backup cannot be opened: the screen asks for it.
    qtbot.mouseClick(login_view.restore_button, Qt.MouseButton.LeftButton)
    assert login_view.confirm_box is None
    assert "wachtwoord" in login_view.error_label.text()

    # "Nee" changes nothing.
    type_login(qtbot, login_view)
    qtbot.mouseClick(login_view.restore_button, Qt.MouseButton.LeftButton)
    _answer(qtbot, login_view, QMessageBox.StandardButton.No)
    assert snapshot(data_dir) == damaged

    # A wrong password moves nothing either, and says so.
    type_login(qtbot, login_view, password="verkeerd-wachtwoord")
    qtbot.mouseClick(login_view.restore_button, Qt.MouseButton.LeftButton)
    _answer(qtbot, login_view, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: login_view.login_button.isEnabled(), timeout=10_000)
    assert "Herstellen is niet gelukt: Onjuiste gebruikersnaam of wachtwoord" in (
        login_view.error_label.text()
    )
    assert snapshot(data_dir) == damaged
    assert login_view.restore_button.isVisible()

    type_login(qtbot, login_view)
    qtbot.mouseClick(login_view.restore_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(login_view.logged_in, timeout=15_000) as signal:
        _answer(qtbot, login_view, QMessageBox.StandardButton.Yes)
    ctx = signal.args[0]
    assert isinstance(ctx, ServiceContext) and ctx.actor.username == USER
    assert ctx.store.verify().ok
    assert not login_view.restore_button.isVisible()

    # The damaged files sit unchanged in a dated folder (10:00 in Amsterdam).
    aside = data_dir / "beschadigd-20261123-100000"
    moved = snapshot(aside)
    assert moved[DB_FILE] == damaged[DB_FILE]
    assert moved[KEYRING_FILE] == damaged[KEYRING_FILE]
    # The backup itself is untouched.
    backups = {k: v for k, v in damaged.items() if k.startswith("backups")}
    assert {k: v for k, v in snapshot(data_dir).items() if k.startswith("backups")} == backups
