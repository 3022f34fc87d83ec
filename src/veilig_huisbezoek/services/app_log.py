"""The app's log file for IT: rotating, in the platform's log folder, without personal
data.

The app's own log lines never carry names, addresses or phone numbers (each module logs
what happened, not to whom). An exception's *message* may (a database error quotes the
values it was given), so an uncaught exception is logged by its type and where it was
raised, never by its message. The last warnings and errors are also kept in memory for
*Diagnose kopiëren*.
"""

from __future__ import annotations

import collections
import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

from ..paths import log_dir

LOG_NAME = "veilig-huisbezoek.log"
# A demo may run beside the real app: its own file (on Windows a file open in another
# process cannot be rotated).
DEMO_LOG_NAME = "veilig-huisbezoek-demo.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
RECENT = 20


class RecentProblems(logging.Handler):
    """The last warnings and errors, formatted, for the diagnosis."""

    def __init__(self, keep: int = RECENT) -> None:
        super().__init__(logging.WARNING)
        self.setFormatter(logging.Formatter(FORMAT))
        self.lines: collections.deque[str] = collections.deque(maxlen=keep)

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


_recent = RecentProblems()


def recent_problems() -> list[str]:
    return list(_recent.lines)


def without_message(kind: type[BaseException], tb: TracebackType | None) -> str:
    """An exception as its type and stack only: the message may hold what was typed."""
    stack = "".join(traceback.format_tb(tb))
    return f"{kind.__module__}.{kind.__qualname__} (bericht weggelaten)\n{stack}".rstrip()


def start_log_file(folder: Path | None = None, name: str = LOG_NAME) -> Path:
    """Log to ``folder`` (the platform's log folder) from now on; returns the file.
    Uncaught exceptions go there too, by type and stack."""
    folder = folder or log_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # only this person reads it
    path = folder / name
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if _recent not in root.handlers:
        root.addHandler(_recent)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    sys.excepthook = _log_uncaught
    return path


def _log_uncaught(
    kind: type[BaseException], _error: BaseException, tb: TracebackType | None
) -> None:
    text = without_message(kind, tb)
    logging.getLogger("veilig_huisbezoek").error("Onverwachte fout: %s", text)
    print(f"Onverwachte fout: {text}", file=sys.stderr)
