"""Writing a file with personal data: atomically and owner-only (0600), whatever the umask.

Every file the app writes (key slots, backups, exports, saved letters, agenda items,
incident forms and attachments, reports) goes through :func:`write_atomically`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

OWNER_ONLY = 0o600


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as a new owner-only file, all or nothing.

    A temp file in the same folder (``mkstemp``: created 0600, never readable by others
    even for a moment) is written, flushed to disk, given exactly mode 0600 and renamed
    over ``path``; then the folder is flushed too. An existing file is replaced, never
    written into, so it never keeps its old (wider) mode. On Windows secrecy comes from
    the person's own folders: the mode is not set there.
    """
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if os.name == "posix":
                os.fchmod(fh.fileno(), OWNER_ONLY)  # exact, even under an odd umask
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """fsync a folder: a rename or deletion in it survives a power cut (POSIX; Windows
    has no folder handle to flush)."""
    if os.name != "posix":
        return
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
