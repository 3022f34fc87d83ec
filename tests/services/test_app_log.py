"""The log file for IT: in the folder it is given, rotating, and an uncaught exception
is written by type and stack, never by its message (which may quote personal data)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from veilig_huisbezoek.services import app_log

ADDRESS = "Akerstraat 12A, 6411 HB Heerlen"


@pytest.fixture
def log_folder(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    handlers, level, hook = list(root.handlers), root.level, sys.excepthook
    yield tmp_path / "log"
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    sys.excepthook = hook


def test_an_uncaught_exception_is_logged_without_its_message(
    log_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = app_log.start_log_file(log_folder)
    try:
        raise ValueError(f"[parameters: ('{ADDRESS}',)]")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    written = path.read_text(encoding="utf-8")
    assert "builtins.ValueError (bericht weggelaten)" in written
    assert "test_an_uncaught_exception_is_logged" in written  # where it was raised
    assert "Akerstraat" not in written
    assert "Akerstraat" not in capsys.readouterr().err
    assert any("ValueError" in line for line in app_log.recent_problems())


def test_the_file_rotates_and_keeps_a_bounded_history(log_folder: Path) -> None:
    path = app_log.start_log_file(log_folder)
    line = "x" * 1000
    for _ in range(app_log.MAX_BYTES * (app_log.BACKUPS + 2) // 1000):
        logging.getLogger("veilig_huisbezoek.test").info(line)
    files = sorted(p.name for p in log_folder.iterdir())
    assert files[0] == app_log.LOG_NAME
    assert len(files) == app_log.BACKUPS + 1
    assert all((log_folder / name).stat().st_size <= app_log.MAX_BYTES + 2000 for name in files)
    assert path.stat().st_size > 0


def test_starting_twice_keeps_one_file_handler(log_folder: Path) -> None:
    app_log.start_log_file(log_folder)
    app_log.start_log_file(log_folder)
    files = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    assert len(files) == 1
    logging.getLogger("veilig_huisbezoek.test").warning("Controle mislukt")
    assert (log_folder / app_log.LOG_NAME).read_text(encoding="utf-8").count("Controle") == 1
