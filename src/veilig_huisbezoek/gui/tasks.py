"""Run slow work (key derivation, database) off the GUI thread, one job at a time.

Results come back to the GUI thread through a queued signal; a job must never touch
widgets itself.

The worker thread never holds the last reference to anything: jobs, callbacks and
outcomes live in dictionaries that only the GUI thread empties. Otherwise a widget
captured by a job or callback could be destroyed on the worker thread (a crash) when
its window had closed in the meantime.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

Callbacks = tuple[Callable[[Any], None], Callable[[BaseException], None]]


class TaskRunner(QObject):
    _finished = Signal(int)  # ticket

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vh-task")
        self._finished.connect(self._deliver)
        self._tickets = itertools.count(1)
        self._jobs: dict[int, Callable[[], Any]] = {}
        self._callbacks: dict[int, Callbacks] = {}
        self._outcomes: dict[int, tuple[Any, BaseException | None]] = {}
        self._owners: dict[int, QObject] = {}
        self._closed = False

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def run(
        self,
        job: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``job`` on the worker; then one of the callbacks on the GUI thread.

        Nothing runs after :meth:`shutdown`. Nothing is called when ``owner`` (say the
        page that asked) has been deleted in the meantime, nor when the callback is a
        method of a deleted Qt object.
        """
        if self._closed:
            # The window has closed: a page's queued refresh may still arrive; nothing
            # is left to answer it, and the store it would use is closed.
            return
        ticket = next(self._tickets)
        self._jobs[ticket] = job
        self._callbacks[ticket] = (on_success, on_failure)
        if owner is not None:
            self._owners[ticket] = owner
        try:
            self._pool.submit(self._work, ticket)
        except RuntimeError:
            del self._jobs[ticket], self._callbacks[ticket]
            self._owners.pop(ticket, None)
            raise

    def _work(self, ticket: int) -> None:
        job = self._jobs[ticket]
        try:
            self._outcomes[ticket] = (job(), None)
        except BaseException as error:
            self._outcomes[ticket] = (None, error)
        finally:
            del job
        self._finished.emit(ticket)

    def _deliver(self, ticket: int) -> None:
        self._jobs.pop(ticket, None)
        callbacks = self._callbacks.pop(ticket, None)
        outcome = self._outcomes.pop(ticket, None)
        owner = self._owners.pop(ticket, None)
        if callbacks is None or outcome is None:  # dropped by shutdown()
            return
        if owner is not None and not shiboken6.isValid(owner):
            return
        on_success, on_failure = callbacks
        result, error = outcome
        callback: Callable[[Any], None] = on_success if error is None else on_failure
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return
        callback(result if error is None else error)

    def drain(self) -> None:
        """Block until every job queued so far has run (their answers come later)."""
        with contextlib.suppress(RuntimeError):  # already shut down: nothing runs
            self._pool.submit(lambda: None).result()

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True)
        # Answers for a closing window are dropped, here on the GUI thread.
        self._jobs.clear()
        self._callbacks.clear()
        self._outcomes.clear()
        self._owners.clear()
