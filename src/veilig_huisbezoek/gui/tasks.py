"""Run slow work (key derivation, database) off the GUI thread, one job at a time.

Results come back to the GUI thread through a queued signal; a job must never touch
widgets itself.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal


class TaskRunner(QObject):
    _finished = Signal(object, object)  # (future, callbacks)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vh-task")
        self._finished.connect(self._deliver)
        self._pending = 0

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        job: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        self._pending += 1
        future = self._pool.submit(job)
        future.add_done_callback(lambda f: self._finished.emit(f, (on_success, on_failure)))

    def _deliver(self, future: Future[Any], callbacks: tuple[Any, Any]) -> None:
        self._pending -= 1
        on_success, on_failure = callbacks
        error = future.exception()
        if error is None:
            on_success(future.result())
        else:
            on_failure(error)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
