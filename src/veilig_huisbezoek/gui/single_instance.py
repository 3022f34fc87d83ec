"""One running app per person: two copies would fire every alarm twice.

The first start holds a lock file in the person's state folder for as long as it runs
and listens on a local socket (a Unix socket, or a named pipe on Windows) that only the
same user may reach. A later start, also one from the autostart, finds the lock taken,
hands its arguments to the running app over that socket and exits; the running window
comes to the front. A lock left by a crash or ``kill -9`` is stale (its process is
gone) and is taken over by the next start.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..services.files import write_atomically

log = logging.getLogger(__name__)

REPLY = b"ok\n"
# sun_path holds 108 bytes on Linux, 104 on macOS.
SOCKET_PATH_MAX = 100


def socket_name(state_dir: Path) -> str:
    """Where later starts reach the running app. On POSIX a socket file in the person's
    own state folder, where nobody else can create or reach it; on Windows (and where
    that path is too long for a socket) a pipe name with a random part kept in that
    folder, so that it can neither be guessed and taken first nor show whose it is."""
    if os.name == "posix":
        path = state_dir.resolve() / "instance.sock"
        if len(str(path).encode("utf-8")) < SOCKET_PATH_MAX:
            return str(path)
    return f"veilig-huisbezoek-{_instance_token(state_dir)}"


def _instance_token(state_dir: Path) -> str:
    path = state_dir / "instance.id"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        token = path.read_text(encoding="ascii").strip()
        if re.fullmatch(r"[0-9a-f]{32}", token):
            return token
    token = secrets.token_hex(16)
    write_atomically(path, token.encode("ascii"))
    return token


class InstanceGuard(QObject):
    """Claim the running-app lock, or hand over to whoever holds it."""

    # The arguments of a later start (it has exited by then).
    activated = Signal(list)

    def __init__(self, state_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        state_dir.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(state_dir / "instance.lock"))
        # Held for the app's whole life: never stale by age, only when its process is gone.
        self._lock.setStaleLockTime(0)
        self._state_dir = state_dir
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True: this start is the running app (it now listens for later starts)."""
        if not self._lock.tryLock(100):
            return False
        name = socket_name(self._state_dir)
        QLocalServer.removeServer(name)  # a socket file left by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("Geen lokale verbinding voor een tweede start: %s", server.errorString())
            return True  # the lock still keeps a second copy out
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def hand_over(self, argv: Sequence[str], timeout_s: float = 10.0) -> bool:
        """Give ``argv`` to the running app; False if it did not answer in time (it may
        still be starting: between taking the lock and listening) or has ended
        meanwhile (it was quitting: then :meth:`claim` succeeds)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            socket = QLocalSocket()
            # Read each time: the first start ever may still be writing its random part.
            socket.connectToServer(socket_name(self._state_dir))
            if socket.waitForConnected(500):
                socket.write(json.dumps({"argv": list(argv)}).encode("utf-8") + b"\n")
                socket.waitForBytesWritten(2000)  # a pipe on Windows writes asynchronously
                answered = self._read_reply(socket, deadline)
                socket.disconnectFromServer()
                return answered
            if self._lock_is_free():
                return False  # nobody runs any more: no use waiting for an answer
            time.sleep(0.1)
        return False

    def _lock_is_free(self) -> bool:
        if not self._lock.tryLock(0):
            return False
        self._lock.unlock()
        return True

    @staticmethod
    def _read_reply(socket: QLocalSocket, deadline: float) -> bool:
        received = b""
        while REPLY not in received and time.monotonic() < deadline:
            if socket.bytesAvailable() or socket.waitForReadyRead(200):
                received += bytes(socket.readAll().data())
            elif socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
                break  # the running app closed the connection unanswered (quitting)
        return REPLY in received

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)  # what arrived before the slot was connected

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        try:
            argv = json.loads(line.decode("utf-8"))["argv"]
            if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
                raise ValueError
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            socket.abort()
            return
        socket.write(REPLY)
        socket.flush()
        log.info("Tweede start doorgegeven; het venster komt naar voren")
        self.activated.emit(argv)
