"""The key slots' lock holds across processes (flock on POSIX, LockFileEx on Windows)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from veilig_huisbezoek.storage.keyslots import keyring_lock

HOLD = """
import sys, time
from pathlib import Path
from veilig_huisbezoek.storage.keyslots import keyring_lock
with keyring_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(1.5)
"""


def test_a_second_process_waits_for_the_lock(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with keyring_lock(tmp_path):
            waited = time.monotonic() - started
            assert holder.poll() is not None or waited >= 1.0
        assert waited >= 1.0
    finally:
        holder.communicate(timeout=30)
